#include "storage/DatabaseUrl.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QUrl>

namespace lantern::server {

namespace {

std::optional<DatabaseUrl> refuse(QString *error, const QString &why)
{
    if (error)
        *error = QStringLiteral("Invalid PostgreSQL URL: %1. Expected "
                                "postgresql://user[:password]@host[:port]/database.")
                     .arg(why);
    return std::nullopt;
}

} // namespace

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &url, QString *error)
{
    if (error)
        error->clear();
    const QString text = url.trimmed();
    if (text.isEmpty())
        return refuse(error, QStringLiteral("it is empty"));

    const qsizetype schemeEnd = text.indexOf(QStringLiteral("://"));
    const QString scheme = schemeEnd < 0 ? QString() : text.left(schemeEnd).toLower();
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))
        return refuse(error, QStringLiteral("it must start with postgresql:// or postgres://"));

    // Two mistakes QUrl would only call an invalid host name: an unencoded '@' in the password,
    // and libpq's list of hosts (host1,host2:port2,...).
    const QString afterScheme = text.mid(schemeEnd + 3);
    const QString authority = afterScheme.left(afterScheme.indexOf(
        QRegularExpression(QStringLiteral("[/?#]")))); // the whole rest when there is no path
    if (authority.count(QLatin1Char('@')) > 1)
        return refuse(error, QStringLiteral("an '@' in the user or password must be written %40"));
    if (authority.mid(authority.lastIndexOf(QLatin1Char('@')) + 1).contains(QLatin1Char(',')))
        return refuse(error, QStringLiteral("only one host is supported"));

    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid()) {
        // QUrl's message goes on to quote the whole URL, password and all: keep only the reason,
        // and not even the offending character when it is in the password.
        const QString reason =
            parsed.errorString().section(QStringLiteral("; source was"), 0, 0).trimmed();
        if (reason.startsWith(QLatin1String("Invalid password")))
            return refuse(error, QStringLiteral("the password has a character that must be "
                                                "percent-encoded, or a bad %-escape"));
        return refuse(error,
                      reason.isEmpty() ? QStringLiteral("it is not a well-formed URL") : reason);
    }
    if (parsed.hasQuery())
        return refuse(error, QStringLiteral("parameters after '?' are not supported"));
    if (parsed.hasFragment())
        return refuse(error, QStringLiteral("a '#' fragment is not allowed"));

    DatabaseUrl result;
    result.host = parsed.host(QUrl::FullyDecoded);
    if (result.host.isEmpty())
        return refuse(error, QStringLiteral("the host is missing"));

    // QUrl takes an empty port ("host:/db") as no port; 0 is never a server's port.
    const int port = parsed.port(-1);
    if (port == 0)
        return refuse(error, QStringLiteral("the port must be between 1 and 65535"));
    if (port > 0)
        result.port = port;

    result.user = parsed.userName(QUrl::FullyDecoded);
    if (result.user.isEmpty())
        return refuse(error, QStringLiteral("the user is missing"));
    result.password = parsed.password(QUrl::FullyDecoded);

    const QString path = parsed.path(QUrl::FullyDecoded);
    result.database = path.startsWith(QLatin1Char('/')) ? path.mid(1) : path;
    if (result.database.isEmpty())
        return refuse(error, QStringLiteral("the database name is missing"));
    if (result.database.contains(QLatin1Char('/')))
        return refuse(error, QStringLiteral("the database name cannot contain '/'"));
    return result;
}

void DatabaseUrl::apply(QSqlDatabase &db) const
{
    db.setHostName(host);
    db.setPort(port);
    db.setUserName(user);
    db.setPassword(password);
    db.setDatabaseName(database);
}

QString DatabaseUrl::toDisplayString() const
{
    const QString shownHost =
        host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1@%2:%3/%4").arg(user, shownHost, QString::number(port), database);
}

} // namespace lantern::server
