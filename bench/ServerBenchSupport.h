#pragma once
// What the server benchmarks share: a throwaway store (a SQLite folder, or a fresh database on
// a PostgreSQL server), the real lantern-server process on a free loopback port, and a small
// blocking HTTP client.

#include "BenchSupport.h"
#include "storage/DatabaseUrl.h"
#include "storage/ServerDatabase.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <memory>

namespace bench {

// A store for one run: SQLite in a temporary folder, or a new database made on the PostgreSQL
// server `baseUrl` names (dropped again at the end).
class BenchStore
{
public:
    explicit BenchStore(const QString &baseUrl)
    {
        if (baseUrl.isEmpty())
            return;
        QString error;
        const std::optional<lantern::server::DatabaseUrl> url =
            lantern::server::DatabaseUrl::parse(baseUrl, &error);
        if (!url) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            std::exit(2);
        }
        m_admin = *url;
        m_name = QStringLiteral("lantern_bench_%1")
                     .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
        adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_name));
        lantern::server::DatabaseUrl fresh = *url;
        fresh.database = m_name;
        m_url = QStringLiteral("postgresql://%1%2@%3:%4/%5")
                    .arg(QString::fromUtf8(QUrl::toPercentEncoding(fresh.user)),
                         fresh.password.isEmpty()
                             ? QString()
                             : QLatin1Char(':') +
                                   QString::fromUtf8(QUrl::toPercentEncoding(fresh.password)),
                         fresh.host.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + fresh.host + QLatin1Char(']')
                             : fresh.host)
                    .arg(fresh.port)
                    .arg(m_name);
    }
    ~BenchStore()
    {
        if (!m_name.isEmpty())
            adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    bool postgres() const { return !m_name.isEmpty(); }
    lantern::server::DatabaseConfig config() const
    {
        return postgres() ? lantern::server::DatabaseConfig{QString(), m_url}
                          : lantern::server::DatabaseConfig{m_dir.path(), QString()};
    }
    QStringList storeArguments() const
    {
        return postgres() ? QStringList{QStringLiteral("--database"), m_url}
                          : QStringList{QStringLiteral("--data"), m_dir.path()};
    }
    QString label() const
    {
        return postgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    }

private:
    void adminExec(const QString &sql)
    {
        const QString connection = QStringLiteral("bench-admin");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            m_admin.apply(db);
            if (!db.open() || !QSqlQuery(db).exec(sql)) {
                std::fprintf(stderr, "PostgreSQL: cannot run %s\n", qPrintable(sql));
                std::exit(2);
            }
        }
        QSqlDatabase::removeDatabase(connection);
    }

    QTemporaryDir m_dir;
    lantern::server::DatabaseUrl m_admin;
    QString m_name;
    QString m_url;
};

// The real lantern-server, serving the bench store on a free loopback port.
class ServerUnderTest
{
public:
    ServerUnderTest(const QStringList &storeArguments, const QStringList &serveArguments = {})
    {
        m_process.setProgram(QStringLiteral(LANTERN_SERVER_BINARY));
        m_process.setArguments(storeArguments +
                               QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:0")} +
                               serveArguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        static const QRegularExpression listening(
            QStringLiteral("listening on http://[^:]+:(\\d+)"));
        QString seen;
        while (m_process.waitForReadyRead(30000)) {
            seen += QString::fromUtf8(m_process.readAllStandardOutput());
            if (const auto match = listening.match(seen); match.hasMatch()) {
                m_port = match.captured(1).toInt();
                return;
            }
        }
        std::fprintf(stderr, "lantern-server did not start: %s\n", qPrintable(seen));
        std::exit(2);
    }
    ~ServerUnderTest()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(30000))
            m_process.kill();
    }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }

private:
    QProcess m_process;
    int m_port = 0;
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One blocking request (for set-up and the single-client benches).
inline HttpResult request(QNetworkAccessManager &network, const QString &method, const QString &url,
                          const QByteArray &body = {}, const QString &token = {})
{
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = network.sendCustomRequest(request, method.toUtf8(), body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll()};
    reply->deleteLater();
    return result;
}

inline QByteArray signInBody(const QString &user, const QString &password)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("user"), user},
                                     {QStringLiteral("password"), password},
                                     {QStringLiteral("device_name"), QStringLiteral("bench")}})
        .toJson(QJsonDocument::Compact);
}

// The p-th quantile of samples (sorted in place).
inline double quantile(QList<double> &samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    return samples.at(std::min(samples.size() - 1, qsizetype(p * double(samples.size()))));
}

} // namespace bench
