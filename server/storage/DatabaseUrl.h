#pragma once

#include <QString>

#include <optional>

class QSqlDatabase;

namespace lantern::server {

// A PostgreSQL connection URL, as in LANTERN_TEST_DATABASE_URL or the server's configuration:
//
//   postgresql://user[:password]@host[:port]/database     (postgres:// also accepted)
//
// The user, password and database are percent-decoded (a password holding '@' or ':' is written
// %40 or %3A); an IPv6 host goes in brackets ([::1]). Anything else libpq would take (several
// hosts, ?sslmode=... and other parameters, no host or user) is refused with a clear message
// rather than half understood.
class DatabaseUrl
{
public:
    // The parsed URL, or nullopt with the reason in *error (when error is not null).
    static std::optional<DatabaseUrl> parse(const QString &url, QString *error);

    // Sets host, port, user, password and database on db (a QPSQL connection, not yet open).
    void apply(QSqlDatabase &db) const;

    // For logs and messages: user@host:port/database, never the password.
    QString toDisplayString() const;

    QString host; // without brackets for IPv6
    int port = 5432;
    QString user;
    QString password; // empty when the URL has none
    QString database;
};

} // namespace lantern::server
