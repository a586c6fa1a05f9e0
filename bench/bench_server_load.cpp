// Load on lantern-server: many FCAs at once, each signing in, pushing a batch of changes and
// pulling its caseload, against the real server process on loopback. Reports throughput and
// p50/p99 latency per request, and checks every change was stored exactly once.
//
//   bench_server_load [--clients 200] [--changes 50] [--database postgresql://USER@HOST:PORT/DB]
//
// Without --database the server uses its embedded SQLite store in a temporary folder. With it,
// a fresh database is made on that PostgreSQL server for the run and dropped afterwards.

#include "ServerBenchSupport.h"
#include "auth/Accounts.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QSet>

using namespace lantern;

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

struct Latencies
{
    QList<double> signIn, push, pull;
};

// One simulated FCA: sign in, push, pull every page, then check what came back.
class SimulatedFca : public QObject
{
public:
    SimulatedFca(const bench::ServerUnderTest &server, QString user, QString caseId, int changes,
                 Latencies &latencies, std::function<void()> done)
        : m_server(server), m_user(std::move(user)), m_caseId(std::move(caseId)),
          m_changes(changes), m_latencies(latencies), m_done(std::move(done))
    {}

    void start()
    {
        send(
            QStringLiteral("POST"), QStringLiteral("/api/v1/sign-in"),
            bench::signInBody(m_user, QStringLiteral("bench-password-") + m_user),
            [this](int status, const QByteArray &body) {
                if (status != 200)
                    return fail(QStringLiteral("sign-in %1").arg(status));
                m_token = QJsonDocument::fromJson(body)
                              .object()
                              .value(QStringLiteral("token"))
                              .toString();
                m_done();
            },
            &m_latencies.signIn);
    }

    // After everyone has signed in: push the batch, then pull every page.
    void sync() { push(); }

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    int stored() const { return m_storedOnce; }

private:
    void push()
    {
        QList<sync::Change> changes;
        const QDateTime start = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < m_changes; ++i) {
            const QUuid id = QUuid::createUuid();
            m_pushed.insert(idText(id));
            sync::Change change;
            change.mutationId = idText(QUuid::createUuid());
            change.table = QStringLiteral("visits");
            change.recordId = id;
            change.op = QStringLiteral("insert");
            change.fields = {
                {QStringLiteral("case_id"), m_caseId},
                {QStringLiteral("kind"), QStringLiteral("home")},
                {QStringLiteral("starts_at"), start.addDays(i).toString(Qt::ISODateWithMs)},
                {QStringLiteral("ends_at"),
                 start.addDays(i).addSecs(3600).toString(Qt::ISODateWithMs)},
            };
            changes.append(change);
        }
        send(
            QStringLiteral("POST"), QStringLiteral("/api/v1/push"), sync::pushRequestJson(changes),
            [this](int status, const QByteArray &body) {
                if (status != 200)
                    return fail(QStringLiteral("push %1").arg(status));
                const auto results = sync::parsePushResponse(body);
                for (const sync::ChangeResult &result : *results.value) {
                    if (result.outcome != sync::Outcome::Applied)
                        return fail(QStringLiteral("push result %1")
                                        .arg(sync::outcomeName(result.outcome)));
                }
                pull(0);
            },
            &m_latencies.push);
    }

    void pull(qint64 cursor)
    {
        send(
            QStringLiteral("GET"), QStringLiteral("/api/v1/pull?limit=500&cursor=%1").arg(cursor),
            {},
            [this](int status, const QByteArray &body) {
                if (status != 200)
                    return fail(QStringLiteral("pull %1").arg(status));
                const auto page = sync::parsePullResponse(body);
                if (!page.ok())
                    return fail(page.error.message);
                for (const sync::PulledRecord &record : page.value->records) {
                    if (idText(record.caseId) != m_caseId)
                        return fail(QStringLiteral("a pull leaked another case"));
                    if (record.table == QLatin1String("visits"))
                        ++m_seen[idText(record.id)];
                }
                if (page.value->hasMore)
                    return pull(page.value->cursor);
                for (const QString &id : std::as_const(m_pushed)) {
                    if (m_seen.value(id) != 1)
                        return fail(
                            QStringLiteral("a change came back %1 times").arg(m_seen.value(id)));
                }
                m_storedOnce = static_cast<int>(m_pushed.size());
                m_done();
            },
            &m_latencies.pull);
    }

    void fail(const QString &why)
    {
        m_error = why;
        m_done();
    }

    void send(const QString &method, const QString &path, const QByteArray &body,
              std::function<void(int, const QByteArray &)> then, QList<double> *latencies)
    {
        QNetworkRequest request{QUrl(m_server.url(path))};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        request.setTransferTimeout(120000);
        auto *timer = new QElapsedTimer;
        timer->start();
        QNetworkReply *reply = m_network.sendCustomRequest(request, method.toUtf8(), body);
        connect(reply, &QNetworkReply::finished, this, [=] {
            latencies->append(bench::msSince(*timer));
            delete timer;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray data = reply->readAll();
            reply->deleteLater();
            then(status, data);
        });
    }

    const bench::ServerUnderTest &m_server;
    QString m_user;
    QString m_caseId;
    int m_changes;
    Latencies &m_latencies;
    std::function<void()> m_done;
    QNetworkAccessManager m_network;
    QString m_token;
    QSet<QString> m_pushed;
    QHash<QString, int> m_seen;
    QString m_error;
    int m_storedOnce = 0;
};

void printLatency(const char *what, QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    std::printf("  %-8s %5lld requests  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms\n", what,
                static_cast<long long>(samples.size()), bench::quantile(samples, 0.5),
                bench::quantile(samples, 0.99), samples.isEmpty() ? 0.0 : samples.constLast());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
                                           QStringLiteral("Simulated FCAs."), QStringLiteral("N"),
                                           QStringLiteral("200"));
    const QCommandLineOption changesOption(QStringLiteral("changes"),
                                           QStringLiteral("Changes each pushes."),
                                           QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("A PostgreSQL server to make a bench database on."), QStringLiteral("URL"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           QStringLiteral("Server worker threads."),
                                           QStringLiteral("N"), QStringLiteral("8"));
    parser.addOptions({clientsOption, changesOption, databaseOption, threadsOption});
    parser.process(app);
    const int clients = qBound(1, parser.value(clientsOption).toInt(), 5000);
    const int changes = qBound(1, parser.value(changesOption).toInt(), sync::kMaxPushChanges);

    bench::BenchStore store(parser.value(databaseOption));
    std::printf("lantern-server under load: %d FCAs x %d changes, %s store\n", clients, changes,
                qPrintable(store.label()));

    // Set-up, in-process on the same store: users, one case each, allocated.
    QStringList users;
    QStringList caseIds;
    {
        server::ServerDatabase database(store.config());
        if (const QString problem = database.open(); !problem.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(problem));
            return 2;
        }
        server::Accounts accounts(database);
        server::SyncService service(database);
        QJsonArray cases;
        for (int i = 0; i < clients; ++i) {
            const QString user = QStringLiteral("fca%1").arg(i, 4, 10, QLatin1Char('0'));
            users.append(user);
            accounts.addUser(user, server::Role::Fca, QStringLiteral("bench"),
                             QStringLiteral("bench-password-") + user);
            caseIds.append(idText(QUuid::createUuid()));
            cases.append(QJsonObject{
                {QStringLiteral("id"), caseIds.constLast()},
                {QStringLiteral("case_number"),
                 QStringLiteral("BN26C%1").arg(i, 5, 10, QLatin1Char('0'))},
                {QStringLiteral("court"), QStringLiteral("Family Court at Swansea")},
                {QStringLiteral("kind"), QStringLiteral("care_order")},
                {QStringLiteral("issued_on"), QStringLiteral("2026-09-01")},
                {QStringLiteral("children"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("legal_name"), QStringLiteral("Child %1").arg(i)},
                                 {QStringLiteral("date_of_birth"), QStringLiteral("2016-05-04")}}}},
            });
        }
        service.importCases(QJsonDocument(QJsonObject{{QStringLiteral("cases"), cases}}).toJson());
        for (int i = 0; i < clients; ++i)
            service.allocate(caseIds.at(i), users.at(i));
        database.closeThreadConnection();
    }

    bench::ServerUnderTest server(store.storeArguments(),
                                  {QStringLiteral("--threads"), parser.value(threadsOption)});
    // Two phases, each with every FCA at once: sign-in (Argon2id by design costs ~64 MiB and
    // tens of milliseconds of one core each), then sync (push, then pull every page).
    Latencies latencies;
    QList<SimulatedFca *> fcas;
    int remaining = clients;
    QEventLoop loop;
    for (int i = 0; i < clients; ++i)
        fcas.append(new SimulatedFca(server, users.at(i), caseIds.at(i), changes, latencies, [&] {
            if (--remaining == 0)
                loop.quit();
        }));
    QElapsedTimer wall;
    wall.start();
    for (SimulatedFca *fca : fcas)
        fca->start();
    loop.exec();
    const double signInSeconds = bench::msSince(wall) / 1000.0;
    remaining = clients;
    wall.restart();
    for (SimulatedFca *fca : fcas) {
        if (fca->ok())
            fca->sync();
        else
            --remaining;
    }
    if (remaining > 0)
        loop.exec();
    const double seconds = bench::msSince(wall) / 1000.0;

    int failed = 0;
    qint64 storedOnce = 0;
    for (SimulatedFca *fca : fcas) {
        if (!fca->ok()) {
            if (failed++ < 5)
                std::fprintf(stderr, "a client failed: %s\n", qPrintable(fca->error()));
        }
        storedOnce += fca->stored();
    }
    qint64 inStore = 0, mutations = 0;
    {
        server::ServerDatabase database(store.config());
        (void)database.open();
        database.read([&](QSqlDatabase &db) {
            QSqlQuery &visits = server::ServerDatabase::exec(
                db, QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT id) FROM records WHERE "
                                   "table_name = 'visits'"));
            visits.next();
            inStore = visits.value(0).toLongLong() == visits.value(1).toLongLong()
                          ? visits.value(0).toLongLong()
                          : -1;
            QSqlQuery &pushed =
                server::ServerDatabase::exec(db, QStringLiteral("SELECT COUNT(*) FROM mutations"));
            pushed.next();
            mutations = pushed.value(0).toLongLong();
        });
        database.closeThreadConnection();
    }

    const qint64 expected = qint64(clients) * changes;
    std::printf("  sign-in phase %.2f s (%.0f sign-ins/s); sync phase %.2f s: %.0f requests/s, "
                "%.0f changes/s stored\n",
                signInSeconds, double(latencies.signIn.size()) / signInSeconds, seconds,
                double(latencies.push.size() + latencies.pull.size()) / seconds,
                double(expected) / seconds);
    printLatency("sign-in", latencies.signIn);
    printLatency("push", latencies.push);
    printLatency("pull", latencies.pull);
    std::printf("  changes stored exactly once: %lld of %lld (store holds %lld, %lld mutations); "
                "%d clients failed -> %s\n",
                static_cast<long long>(storedOnce), static_cast<long long>(expected),
                static_cast<long long>(inStore), static_cast<long long>(mutations), failed,
                storedOnce == expected && inStore == expected && mutations == expected &&
                        failed == 0
                    ? "ok"
                    : "FAILED");
    qDeleteAll(fcas);
    return storedOnce == expected && inStore == expected && failed == 0 ? 0 : 1;
}
