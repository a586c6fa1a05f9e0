#pragma once

#include <QJsonObject>
#include <QString>

#include <stdexcept>

namespace lantern::server {

// A refusal or failure to answer with: the HTTP status, a stable machine code and a plain
// English message (never holding a child's data). Thrown inside the server's services and
// turned into a JSON response by the API router; a write in progress is rolled back.
class ApiError : public std::runtime_error
{
public:
    ApiError(int status, QString code, QString message, QJsonObject extra = {})
        : std::runtime_error(code.toStdString()), m_status(status), m_code(std::move(code)),
          m_message(std::move(message)), m_extra(std::move(extra))
    {}
    int status() const { return m_status; }
    const QString &code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QJsonObject &extra() const { return m_extra; }
    int retryAfterSeconds = 0; // sent as Retry-After when set

private:
    int m_status;
    QString m_code;
    QString m_message;
    QJsonObject m_extra;
};

} // namespace lantern::server
