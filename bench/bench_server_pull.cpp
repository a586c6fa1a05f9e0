// A first sync's download: one FCA pulls a 50,000-record caseload from the real lantern-server
// on loopback, page by page, parsing every page as the laptop does. With --compare-pouchdb the
// same records are then replicated as PouchDB documents by bench/pouchdb/compare.sh (it installs
// pouchdb-server from npm into a temporary folder), so both figures come from one run.
//
//   bench_server_pull [--records 50000] [--runs 5] [--database URL] [--compare-pouchdb]

#include "ServerBenchSupport.h"
#include "auth/Accounts.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

using namespace lantern;

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// About 1,500 characters of synthetic note text.
QString noteBody(int n)
{
    static const QString sentence = QStringLiteral(
        "Visited at home after school; the child showed me their room and a drawing of the family. "
        "They said they like seeing their dad at weekends but want more time with their friends. ");
    QString body;
    while (body.size() < 1500)
        body += sentence;
    return body + QString::number(n);
}

// One case's worth of records (125), as inserts an FCA would push.
QList<sync::Change> caseChanges(int index)
{
    QList<sync::Change> changes;
    const auto add = [&](const QString &table, const QUuid &id, const QJsonObject &fields) {
        changes.append(
            {idText(QUuid::createUuid()), table, id, QStringLiteral("insert"), fields, 0});
    };
    const QUuid caseId = QUuid::createUuid();
    const QString caseText = idText(caseId);
    add(QStringLiteral("cases"), caseId,
        {{QStringLiteral("case_number"),
          QStringLiteral("PB26C%1").arg(index, 5, 10, QLatin1Char('0'))},
         {QStringLiteral("court"), QStringLiteral("Family Court at Cardiff")},
         {QStringLiteral("kind"), QStringLiteral("care_order")},
         {QStringLiteral("issued_on"), QStringLiteral("2026-06-01")}});
    QList<QUuid> children;
    for (int c = 0; c < 3; ++c) {
        children.append(QUuid::createUuid());
        add(QStringLiteral("children"), children.constLast(),
            {{QStringLiteral("case_id"), caseText},
             {QStringLiteral("legal_name"),
              QStringLiteral("Child %1-%2 Example").arg(index).arg(c)},
             {QStringLiteral("preferred_name"), QStringLiteral("Kid %1").arg(c)},
             {QStringLiteral("date_of_birth"), QStringLiteral("2015-0%1-12").arg(c + 1)},
             {QStringLiteral("school"), QStringLiteral("Ysgol Gynradd Example")}});
    }
    for (int a = 0; a < 4; ++a)
        add(QStringLiteral("adults"), QUuid::createUuid(),
            {{QStringLiteral("case_id"), caseText},
             {QStringLiteral("name"), QStringLiteral("Adult %1-%2 Example").arg(index).arg(a)},
             {QStringLiteral("role"), QStringLiteral("parent")},
             {QStringLiteral("phone"), QStringLiteral("07700 900%1").arg(100 + a)},
             {QStringLiteral("address"),
              QStringLiteral("%1 Example Street, Exampletown").arg(a + 1)}});
    const QDateTime base(QDate(2026, 7, 1), QTime(10, 0), Qt::UTC);
    for (int h = 0; h < 6; ++h)
        add(QStringLiteral("hearings"), QUuid::createUuid(),
            {{QStringLiteral("case_id"), caseText},
             {QStringLiteral("kind"), QStringLiteral("case_management")},
             {QStringLiteral("starts_at"), base.addDays(20 * h).toString(Qt::ISODateWithMs)},
             {QStringLiteral("venue"), QStringLiteral("Cardiff Civil and Family Justice Centre")}});
    for (int v = 0; v < 30; ++v)
        add(QStringLiteral("visits"), QUuid::createUuid(),
            {{QStringLiteral("case_id"), caseText},
             {QStringLiteral("kind"), QStringLiteral("home")},
             {QStringLiteral("place"), QStringLiteral("Home")},
             {QStringLiteral("starts_at"), base.addDays(3 * v).toString(Qt::ISODateWithMs)},
             {QStringLiteral("ends_at"),
              base.addDays(3 * v).addSecs(3600).toString(Qt::ISODateWithMs)},
             {QStringLiteral("status"), QStringLiteral("done")}});
    for (int n = 0; n < 40; ++n) {
        const QUuid noteId = QUuid::createUuid();
        add(QStringLiteral("notes"), noteId,
            {{QStringLiteral("case_id"), caseText},
             {QStringLiteral("kind"), QStringLiteral("visit")},
             {QStringLiteral("contact_at"), base.addDays(2 * n).toString(Qt::ISODateWithMs)},
             {QStringLiteral("author"), QStringLiteral("asha")}});
        const QString body = noteBody(n);
        add(QStringLiteral("note_revisions"), QUuid::createUuid(),
            {{QStringLiteral("note_id"), idText(noteId)},
             {QStringLiteral("number"), 1},
             {QStringLiteral("body_html"), QStringLiteral("<p>") + body + QStringLiteral("</p>")},
             {QStringLiteral("body_text"), body},
             {QStringLiteral("author"), QStringLiteral("asha")}});
    }
    add(QStringLiteral("letters"), QUuid::createUuid(),
        {{QStringLiteral("case_id"), caseText},
         {QStringLiteral("child_id"), idText(children.constFirst())},
         {QStringLiteral("letter_kind"), QStringLiteral("introduction")},
         {QStringLiteral("language"), QStringLiteral("en")},
         {QStringLiteral("body_html"), QStringLiteral("<p>Hello, my name is Asha.</p>")}});
    return changes;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption recordsOption(QStringLiteral("records"),
                                           QStringLiteral("Records in the caseload."),
                                           QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("A PostgreSQL server to make a bench database on."), QStringLiteral("URL"));
    const QCommandLineOption pouchOption(
        QStringLiteral("compare-pouchdb"),
        QStringLiteral("Also replicate the same records with PouchDB."));
    parser.addOptions({recordsOption, runsOption, databaseOption, pouchOption});
    parser.process(app);
    const int cases = qMax(1, parser.value(recordsOption).toInt() / 125);
    const int runs = qMax(1, parser.value(runsOption).toInt());

    bench::BenchStore store(parser.value(databaseOption));
    const QString password = QStringLiteral("bench-password-asha");
    {
        server::ServerDatabase database(store.config());
        if (const QString problem = database.open(); !problem.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(problem));
            return 2;
        }
        server::Accounts accounts(database);
        server::SyncService service(database);
        accounts.addUser(QStringLiteral("asha"), server::Role::Fca, QStringLiteral("bench"),
                         password);
        const server::Principal asha =
            accounts
                .signIn(QStringLiteral("asha"), password, QStringLiteral("set-up"), {},
                        QStringLiteral("bench"))
                .principal;
        QList<sync::Change> batch;
        for (int i = 0; i < cases; ++i) {
            batch += caseChanges(i);
            if (batch.size() >= 400 || i == cases - 1) {
                service.push(asha, batch);
                batch.clear();
            }
        }
        database.closeThreadConnection();
    }

    bench::ServerUnderTest server(store.storeArguments());
    QNetworkAccessManager network;
    const bench::HttpResult signIn = bench::request(
        network, QStringLiteral("POST"), server.url(QStringLiteral("/api/v1/sign-in")),
        bench::signInBody(QStringLiteral("asha"), password));
    const QString token = signIn.json().value(QStringLiteral("token")).toString();

    QList<double> samples;
    qint64 records = 0;
    qint64 bytes = 0;
    QTemporaryDir dir;
    const QString jsonl = dir.filePath(QStringLiteral("records.jsonl"));
    for (int run = 0; run < runs; ++run) {
        QList<sync::PulledRecord> pulled;
        bytes = 0;
        QElapsedTimer timer;
        timer.start();
        qint64 cursor = 0;
        for (;;) {
            const bench::HttpResult page = bench::request(
                network, QStringLiteral("GET"),
                server.url(QStringLiteral("/api/v1/pull?limit=2000&cursor=%1").arg(cursor)), {},
                token);
            const auto parsed = sync::parsePullResponse(page.body);
            if (page.status != 200 || !parsed.ok()) {
                std::fprintf(stderr, "pull failed: %d\n", page.status);
                return 1;
            }
            bytes += page.body.size();
            pulled += parsed.value->records;
            cursor = parsed.value->cursor;
            if (!parsed.value->hasMore)
                break;
        }
        samples.append(bench::msSince(timer));
        records = pulled.size();
        if (run == 0) {
            QFile file(jsonl);
            if (!file.open(QIODevice::WriteOnly))
                return 2;
            for (const sync::PulledRecord &record : pulled)
                file.write(
                    QJsonDocument(sync::pulledRecordJson(record)).toJson(QJsonDocument::Compact) +
                    '\n');
        }
    }
    const double median = bench::quantile(samples, 0.5);
    std::printf(
        "lantern_pull store=%s records=%lld runs=%d median_ms=%.0f records_per_s=%.0f mb=%.1f\n",
        qPrintable(store.label()), static_cast<long long>(records), runs, median,
        double(records) / (median / 1000.0), double(bytes) / 1e6);
    std::fflush(stdout);
    if (parser.isSet(pouchOption)) {
        QProcess pouch;
        pouch.setProcessChannelMode(QProcess::ForwardedChannels);
        pouch.start(QStringLiteral(LANTERN_SOURCE_DIR "/bench/pouchdb/compare.sh"), {jsonl});
        pouch.waitForFinished(-1);
        return pouch.exitCode();
    }
    return 0;
}
