#include "ServerCommands.h"

#include "ApiError.h"
#include "auth/Accounts.h"
#include "http/ApiRouter.h"
#include "http/HttpServer.h"
#include "storage/ServerDatabase.h"
#include "sync/SyncService.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServer, "lantern.server")

namespace lantern::server {

namespace {

const char *const kUsage =
    "Usage: lantern-server [--data DIR | --database postgresql://USER@HOST:PORT/DB] COMMAND\n"
    "\n"
    "Commands:\n"
    "  serve [--listen ADDRESS:PORT] [--tls-cert FILE --tls-key FILE] [--allow-plain-remote]\n"
    "        [--threads N] [--max-connections N] [--body-limit BYTES] [--token-hours H]\n"
    "        [--tombstone-days D]\n"
    "  user add NAME --role fca|manager|admin [--team TEAM]   (password on standard input)\n"
    "  user disable NAME\n"
    "  case import FILE.json\n"
    "  allocate CASE USER\n"
    "  deallocate CASE\n"
    "  device list\n"
    "  device revoke ID [--wipe]\n"
    "  audit [--user NAME] [--case CASE]\n"
    "  purge [--tombstone-days D]\n"
    "\n"
    "Every command takes --data DIR (the embedded SQLite store, the default) or --database URL\n"
    "(PostgreSQL), so an administrator can run them against the store a running server uses.\n";

// Options that take a value, and flags that do not.
const QSet<QString> kValueOptions = {
    QStringLiteral("--data"),
    QStringLiteral("--database"),
    QStringLiteral("--listen"),
    QStringLiteral("--tls-cert"),
    QStringLiteral("--tls-key"),
    QStringLiteral("--threads"),
    QStringLiteral("--role"),
    QStringLiteral("--team"),
    QStringLiteral("--user"),
    QStringLiteral("--case"),
    QStringLiteral("--max-connections"),
    QStringLiteral("--body-limit"),
    QStringLiteral("--token-hours"),
    QStringLiteral("--tombstone-days"),
};
const QSet<QString> kFlags = {QStringLiteral("--wipe"), QStringLiteral("--allow-plain-remote"),
                              QStringLiteral("--help")};

struct Parsed
{
    QStringList words;
    QHash<QString, QString> options;
    QSet<QString> flags;
    QString error;
};

Parsed parse(const QStringList &arguments)
{
    Parsed parsed;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (kFlags.contains(arg)) {
            parsed.flags.insert(arg);
        } else if (kValueOptions.contains(arg)) {
            if (i + 1 >= arguments.size()) {
                parsed.error = QStringLiteral("%1 needs a value.").arg(arg);
                return parsed;
            }
            parsed.options.insert(arg, arguments.at(++i));
        } else if (arg.startsWith(QLatin1String("--"))) {
            parsed.error = QStringLiteral("Unknown option %1.").arg(arg);
            return parsed;
        } else {
            parsed.words.append(arg);
        }
    }
    return parsed;
}

bool number(const Parsed &parsed, const QString &option, double *value, double min, double max,
            QTextStream &err)
{
    if (!parsed.options.contains(option))
        return true;
    bool ok = false;
    const double read = parsed.options.value(option).toDouble(&ok);
    if (!ok || read < min || read > max) {
        err << QStringLiteral("%1 must be a number from %2 to %3.\n").arg(option).arg(min).arg(max);
        return false;
    }
    *value = read;
    return true;
}

int serve(ServerDatabase &database, const Parsed &parsed, QTextStream &out, QTextStream &err)
{
    double threads = 8, maxConnections = 512, bodyLimit = 4 * 1024 * 1024, tokenHours = 12,
           tombstoneDays = 90;
    if (!number(parsed, QStringLiteral("--threads"), &threads, 1, 256, err) ||
        !number(parsed, QStringLiteral("--max-connections"), &maxConnections, 1, 100000, err) ||
        !number(parsed, QStringLiteral("--body-limit"), &bodyLimit, 1024, 1024.0 * 1024 * 1024,
                err) ||
        !number(parsed, QStringLiteral("--token-hours"), &tokenHours, 0.0001, 24 * 365, err) ||
        !number(parsed, QStringLiteral("--tombstone-days"), &tombstoneDays, 0, 36500, err))
        return 2;

    HttpServerOptions options;
    const QString listen =
        parsed.options.value(QStringLiteral("--listen"), QStringLiteral("127.0.0.1:8470"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    if (!portOk || port < 0 || port > 65535) {
        err << "--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8470.\n";
        return 2;
    }
    QString address = listen.left(colon);
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    options.address = address.toStdString();
    options.port = static_cast<std::uint16_t>(port);
    options.threads = static_cast<int>(threads);
    options.maxConnections = static_cast<int>(maxConnections);
    options.bodyLimit = static_cast<std::size_t>(bodyLimit);
    options.tlsCertFile = parsed.options.value(QStringLiteral("--tls-cert")).toStdString();
    options.tlsKeyFile = parsed.options.value(QStringLiteral("--tls-key")).toStdString();
    if (options.tlsCertFile.empty() != options.tlsKeyFile.empty()) {
        err << "Give both --tls-cert and --tls-key, or neither.\n";
        return 2;
    }
    options.allowPlainRemote = parsed.flags.contains(QStringLiteral("--allow-plain-remote"));
    options.onWorkerExit = [&database] {
        database.closeThreadConnection();
    };

    AccountOptions accountOptions;
    accountOptions.tokenLifetimeMs = qRound64(tokenHours * 3600 * 1000);
    Accounts accounts(database, accountOptions);
    SyncService sync(database);
    ApiRouter router(database, accounts, sync);

    const int purged = sync.purgeTombstones(static_cast<int>(tombstoneDays));
    if (purged > 0)
        qCInfo(lcServer) << "removed" << purged << "deleted records past retention";

    HttpServer server(options,
                      [&router](const HttpRequest &request) { return router.handle(request); });
    if (const std::string problem = server.listen(); !problem.empty()) {
        err << QString::fromStdString(problem) << '\n';
        return 1;
    }
    server.stopOnSignals();
    out << QStringLiteral("lantern-server listening on %1://%2:%3 (store: %4)\n")
               .arg(options.tlsCertFile.empty() ? QStringLiteral("http") : QStringLiteral("https"),
                    listen.left(colon))
               .arg(server.port())
               .arg(database.describe());
    out.flush();
    server.run();
    out << "lantern-server stopped\n";
    return 0;
}

QString readPassword(QTextStream &in)
{
    QString password = in.readLine();
    while (password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    return password;
}

int command(ServerDatabase &database, const Parsed &parsed, QTextStream &in, QTextStream &out,
            QTextStream &err)
{
    const QStringList &w = parsed.words;
    const QString verb = w.value(0);
    const QString sub = w.value(1);
    Accounts accounts(database);
    SyncService sync(database);

    if (verb == QLatin1String("serve") && w.size() == 1)
        return serve(database, parsed, out, err);
    if (verb == QLatin1String("user") && sub == QLatin1String("add") && w.size() == 3) {
        const std::optional<Role> role =
            roleFromName(parsed.options.value(QStringLiteral("--role")));
        if (!role) {
            err << "user add needs --role fca, manager or admin.\n";
            return 2;
        }
        const QString password = readPassword(in);
        accounts.addUser(w.at(2), *role, parsed.options.value(QStringLiteral("--team")), password);
        out << QStringLiteral("Added %1 (%2).\n").arg(w.at(2), roleName(*role));
        return 0;
    }
    if (verb == QLatin1String("user") && sub == QLatin1String("disable") && w.size() == 3) {
        accounts.disableUser(w.at(2));
        out << QStringLiteral("Disabled %1: their sign-ins are refused from now on.\n")
                   .arg(w.at(2));
        return 0;
    }
    if (verb == QLatin1String("case") && sub == QLatin1String("import") && w.size() == 3) {
        QFile file(w.at(2));
        if (!file.open(QIODevice::ReadOnly)) {
            err << QStringLiteral("Cannot read %1: %2\n").arg(w.at(2), file.errorString());
            return 1;
        }
        if (file.size() > 512 * 1024 * 1024) {
            err << QStringLiteral("%1 is larger than 512 MB; split it.\n").arg(w.at(2));
            return 1;
        }
        const int count = sync.importCases(file.readAll());
        out << QStringLiteral("Imported %1 cases.\n").arg(count);
        return 0;
    }
    if (verb == QLatin1String("allocate") && w.size() == 3) {
        sync.allocate(w.at(1), w.at(2));
        out << QStringLiteral("Allocated %1 to %2.\n").arg(w.at(1), w.at(2));
        return 0;
    }
    if (verb == QLatin1String("deallocate") && w.size() == 2) {
        sync.deallocate(w.at(1));
        out << QStringLiteral("Deallocated %1.\n").arg(w.at(1));
        return 0;
    }
    if (verb == QLatin1String("device") && sub == QLatin1String("list") && w.size() == 2) {
        out << "id\tuser\tname\tcreated\tlast seen\trevoked\n";
        for (const DeviceInfo &device : accounts.devices())
            out << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                       .arg(device.id, device.userName, device.name, device.createdAt,
                            device.lastSeenAt.isEmpty() ? QStringLiteral("-") : device.lastSeenAt,
                            device.revokedAt.isEmpty()
                                ? QStringLiteral("-")
                                : device.revokedAt +
                                      (device.wipe ? QStringLiteral(" (wipe)") : QString()));
        return 0;
    }
    if (verb == QLatin1String("device") && sub == QLatin1String("revoke") && w.size() == 3) {
        const bool wipe = parsed.flags.contains(QStringLiteral("--wipe"));
        accounts.revokeDevice(w.at(2), wipe);
        out << QStringLiteral("Revoked device %1%2.\n")
                   .arg(w.at(2),
                        wipe ? QStringLiteral("; it will wipe its store at its next contact")
                             : QString());
        return 0;
    }
    if (verb == QLatin1String("audit") && w.size() == 1) {
        out << "at\tuser\tdevice\taction\tcase\tstatus\tdetail\n";
        for (const AuditRow &row : sync.audit(parsed.options.value(QStringLiteral("--user")),
                                              parsed.options.value(QStringLiteral("--case"))))
            out << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\n")
                       .arg(row.at, row.userName,
                            row.deviceId.isEmpty() ? QStringLiteral("-") : row.deviceId, row.action,
                            row.caseId.isEmpty() ? QStringLiteral("-") : row.caseId)
                       .arg(row.status)
                       .arg(row.detail);
        return 0;
    }
    if (verb == QLatin1String("purge") && w.size() == 1) {
        double days = 90;
        if (!number(parsed, QStringLiteral("--tombstone-days"), &days, 0, 36500, err))
            return 2;
        out << QStringLiteral("Removed %1 deleted records.\n")
                   .arg(sync.purgeTombstones(static_cast<int>(days)));
        return 0;
    }
    err << kUsage;
    return 2;
}

} // namespace

int runServerCommand(const QStringList &arguments, QTextStream &in, QTextStream &out,
                     QTextStream &err)
{
    const Parsed parsed = parse(arguments);
    if (!parsed.error.isEmpty()) {
        err << parsed.error << '\n' << kUsage;
        return 2;
    }
    if (parsed.flags.contains(QStringLiteral("--help")) || parsed.words.isEmpty()) {
        (parsed.words.isEmpty() && !parsed.flags.contains(QStringLiteral("--help")) ? err : out)
            << kUsage;
        return parsed.flags.contains(QStringLiteral("--help")) ? 0 : 2;
    }
    if (parsed.options.contains(QStringLiteral("--data")) &&
        parsed.options.contains(QStringLiteral("--database"))) {
        err << "Give --data or --database, not both.\n";
        return 2;
    }
    ServerDatabase database({parsed.options.value(QStringLiteral("--data")),
                             parsed.options.value(QStringLiteral("--database"))});
    if (const QString problem = database.open(); !problem.isEmpty()) {
        err << problem << '\n';
        return 1;
    }
    try {
        return command(database, parsed, in, out, err);
    } catch (const ApiError &error) {
        err << error.message() << '\n';
        return 1;
    }
}

} // namespace lantern::server
