// Laptop sync (issue 8): the laptop's own sync (core/sync/SyncEngine, store/SyncJournal) against
// the real lantern-server on loopback, SQLite store. What it measures:
//
//  1. A first sync of a demo caseload (--cases 40, about 5,000 records): laptop A makes it with
//     the demo generator and syncs (push everything, pull it back); then a fresh laptop B of the
//     same FCA syncs into an empty store (pull only), and a client that only fetches and parses
//     the same pages times the download alone. Each run on a fresh server, --first-runs times.
//  2. The same at --records 50,000 (once): A's first sync and B's first pull.
//  3. A sync with nothing to do, once B is up to date (--runs times).
//  4. The UI staying responsive: a SyncController does a fresh laptop's first sync of the
//     caseload of (1) on its own thread while the main thread runs a 5 ms timer (the largest gap
//     between its ticks is the longest the event loop stalled) and, every 20 ms, saves a child's
//     school through a second Store on the same file, as the case file would (that write can wait
//     for the sync thread's write lock). --first-runs times.
//
// Every laptop's store is checked afterwards: the same records as A, and note search holding the
// latest revision of every note.
//
//   bench_sync [--cases 40] [--notes-per-child 25] [--records 50000] [--runs 20] [--first-runs 5]
//
// The "40-case caseload of about 5,000 records" is 125 records a case (bench_server_pull's
// profile: 40 notes a case). The demo generator's own default (3 notes a child) makes only about
// 25 records a case, so the bench asks it for 25 notes a child: 40 cases come to about 5,000.

#include "ServerBenchSupport.h"
#include "demo/DemoGenerator.h"
#include "store/Store.h"
#include "sync/SyncController.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <unistd.h>

using namespace lantern;

namespace {

const QString kUser = QStringLiteral("asha");
const QString kPassword = QStringLiteral("bench-password-asha");

// The synced tables a caseload's records live in.
const QStringList kRecordTables = {
    QStringLiteral("cases"),          QStringLiteral("children"), QStringLiteral("adults"),
    QStringLiteral("hearings"),       QStringLiteral("visits"),   QStringLiteral("notes"),
    QStringLiteral("note_revisions"), QStringLiteral("letters"),
};

// A failed step: thrown to main, so the servers started so far are stopped on the way.
struct Failure
{
    QString why;
};

[[noreturn]] void fail(const QString &why)
{
    throw Failure{why};
}

qint64 countRecords(Store &store, QString *breakdown = nullptr)
{
    qint64 total = 0;
    QStringList parts;
    for (const QString &table : kRecordTables) {
        QSqlQuery query(store.database());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !query.next())
            fail(QStringLiteral("cannot count %1").arg(table));
        total += query.value(0).toLongLong();
        parts.append(QStringLiteral("%1 %2").arg(table).arg(query.value(0).toLongLong()));
    }
    if (breakdown)
        *breakdown = parts.join(QStringLiteral(", "));
    return total;
}

// What note search holds, by note id: it must be the same on every laptop after a sync.
QHash<QString, QString> searchIndex(Store &store)
{
    QHash<QString, QString> index;
    QSqlQuery query(store.database());
    if (!query.exec(QStringLiteral(
            "SELECT n.id, s.body FROM note_search s JOIN notes n ON n.rowid = s.rowid")))
        fail(QStringLiteral("cannot read note search"));
    while (query.next())
        index.insert(query.value(0).toString(), query.value(1).toString());
    return index;
}

// Note search must hold the latest revision of every live note, however the sync brought them.
void checkSearch(Store &store, const QString &name)
{
    QHash<QString, QString> latest;
    QSqlQuery query(store.database());
    if (!query.exec(QStringLiteral(
            "SELECT n.id, (SELECT r.body_text FROM note_revisions r WHERE r.note_id = n.id"
            " ORDER BY r.number DESC, r.created_at DESC LIMIT 1) FROM notes n"
            " WHERE n.deleted_at IS NULL AND EXISTS (SELECT 1 FROM note_revisions r"
            " WHERE r.note_id = n.id)")))
        fail(QStringLiteral("cannot read notes"));
    while (query.next())
        latest.insert(query.value(0).toString(), query.value(1).toString());
    if (latest.isEmpty() || searchIndex(store) != latest)
        fail(QStringLiteral("%1's note search does not hold the latest revision of each note")
                 .arg(name));
}

QString describe(const sync::SyncRun &run)
{
    return QStringLiteral("store error '%1', failure %2 '%3'")
        .arg(run.storeError)
        .arg(static_cast<int>(run.failure.kind))
        .arg(run.failure.message);
}

// A fresh lantern-server store with one FCA, and the server serving it.
class Site
{
public:
    Site() : m_store(QString())
    {
        QProcess add;
        add.setProgram(QStringLiteral(LANTERN_SERVER_BINARY));
        add.setArguments(m_store.storeArguments() +
                         QStringList{QStringLiteral("user"), QStringLiteral("add"), kUser,
                                     QStringLiteral("--role"), QStringLiteral("fca")});
        add.start();
        add.write((kPassword + QLatin1Char('\n')).toUtf8());
        add.closeWriteChannel();
        if (!add.waitForFinished(60000) || add.exitStatus() != QProcess::NormalExit ||
            add.exitCode() != 0)
            fail(QStringLiteral("lantern-server user add failed: %1")
                     .arg(QString::fromUtf8(add.readAllStandardError())));
        m_server = std::make_unique<bench::ServerUnderTest>(m_store.storeArguments());
    }
    QUrl url() const { return QUrl(m_server->url(QString())); }

private:
    bench::BenchStore m_store;
    std::unique_ptr<bench::ServerUnderTest> m_server;
};

const SystemClock &systemClock()
{
    static const SystemClock clock;
    return clock;
}

// One laptop: its own store file, signed in as the FCA, with a client and an engine.
class Laptop
{
    QTemporaryDir m_dir; // first in, last out: the store closes before its folder goes

public:
    Laptop(const QUrl &server, const QString &name)
    {
        StoreOptions options;
        options.actor = kUser;
        auto opened =
            Store::open(m_dir.filePath(name + QStringLiteral(".lantern")), systemClock(), options);
        if (!opened)
            fail(opened.error().message);
        store = std::move(opened).value();
        client = std::make_unique<sync::SyncClient>(server, 120000);
        const auto signedIn = client->signIn(kUser, kPassword, name);
        if (!signedIn.ok())
            fail(QStringLiteral("sign-in: %1").arg(signedIn.failure.message));
        if (auto saved = sync::writeAccount(*store, {server, kUser, signedIn.value->deviceId, {}});
            !saved)
            fail(saved.error().message);
        engine = std::make_unique<sync::SyncEngine>(*store, *client);
    }

    // One sync, timed; pushMs is when the last push batch had been answered and noted.
    struct Timed
    {
        sync::SyncRun run;
        double ms = 0;
        double pushMs = 0;
    };
    Timed sync()
    {
        Timed timed;
        QElapsedTimer timer;
        engine->setProgress([&](const sync::SyncCounts &counts) {
            if (counts.pulled == 0)
                timed.pushMs = bench::msSince(timer);
        });
        timer.start();
        timed.run = engine->run();
        timed.ms = bench::msSince(timer);
        engine->setProgress({});
        if (!timed.run.ok)
            fail(QStringLiteral("sync failed: %1").arg(describe(timed.run)));
        return timed;
    }

    std::unique_ptr<Store> store;
    std::unique_ptr<sync::SyncClient> client;
    std::unique_ptr<sync::SyncEngine> engine;
};

double median(QList<double> samples)
{
    return bench::quantile(samples, 0.5);
}

double maxOf(const QList<double> &samples)
{
    return samples.isEmpty() ? 0 : *std::max_element(samples.begin(), samples.end());
}

struct Row
{
    QString what;
    qint64 moved = -1; // records (or changes) the sync moved; -1: none to count
    double medianMs = 0;
    double maxMs = 0;
    double targetMs = 0;      // 0: no target
    bool targetIsMax = false; // the target holds for every run, not the median
    int runs = 1;
};

QList<Row> g_rows;

void addRow(const QString &what, qint64 moved, const QList<double> &samples, double targetMs,
            bool targetIsMax = false)
{
    const Row row{what,
                  moved,
                  median(samples),
                  maxOf(samples),
                  targetMs,
                  targetIsMax,
                  static_cast<int>(samples.size())};
    g_rows.append(row);
    // A line as each figure comes, so a long run shows progress.
    std::printf("  %s: median %.1f ms, max %.1f ms (%d run(s))\n", qPrintable(what), row.medianMs,
                row.maxMs, row.runs);
    std::fflush(stdout);
}

struct Caseload
{
    int cases = 0;
    qint64 records = 0;
    double generateMs = 0;
    QString breakdown;
};

Caseload generate(Laptop &laptop, int cases, int notesPerChild)
{
    QElapsedTimer timer;
    timer.start();
    DemoOptions options;
    options.cases = cases;
    options.fca = kUser;
    options.notesPerChild = notesPerChild;
    if (auto made = DemoGenerator::generate(*laptop.store, options); !made)
        fail(made.error().message);
    Caseload caseload{cases, 0, bench::msSince(timer), QString()};
    caseload.records = countRecords(*laptop.store, &caseload.breakdown);
    return caseload;
}

// The engine's pull page (SyncEngine.h): the download alone is timed with the same pages.
constexpr int kEnginePage = 1000;

struct FirstPull
{
    double ms = 0;         // the whole first sync
    double downloadMs = 0; // its pages fetched and parsed, nothing written
    int received = 0;      // records that came down (a case can come whole twice)
};

// A fresh laptop's first sync, checked against what A holds; then the same download by a
// client that only fetches and parses the pages, to tell the network from the store.
FirstPull firstPull(const QUrl &server, const QString &name, qint64 expected)
{
    FirstPull result;
    // What the laptop before wrote is flushed first, so the disk's write-back of it is not
    // timed here: the figure is this laptop's sync alone.
    ::sync();
    {
        Laptop b(server, name);
        const Laptop::Timed timed = b.sync();
        const qint64 held = countRecords(*b.store);
        if (held != expected)
            fail(QStringLiteral("%1 holds %2 records after its first sync, not %3")
                     .arg(name)
                     .arg(held)
                     .arg(expected));
        checkSearch(*b.store, name);
        result.ms = timed.ms;
        result.received = timed.run.counts.pulled;
    }
    sync::SyncClient client(server, 120000);
    if (const auto signedIn = client.signIn(kUser, kPassword, name + QStringLiteral(" (download)"));
        !signedIn.ok())
        fail(QStringLiteral("sign-in: %1").arg(signedIn.failure.message));
    QElapsedTimer timer;
    timer.start();
    qint64 cursor = 0;
    qint64 horizon = sync::SyncClient::kFromEmpty; // as the engine asks, into an empty store
    for (;;) {
        const auto page = client.pull(cursor, kEnginePage, horizon);
        if (!page.ok())
            fail(QStringLiteral("pull: %1").arg(page.failure.message));
        cursor = page.value->cursor;
        if (horizon == sync::SyncClient::kFromEmpty)
            horizon = page.value->horizon;
        if (!page.value->hasMore)
            break;
    }
    result.downloadMs = bench::msSince(timer);
    return result;
}

struct Responsiveness
{
    double syncMs = 0;
    double idleMaxGapMs = 0;
    double maxGapMs = 0;
    double p99GapMs = 0;
    double maxWriteMs = 0;
    double medianWriteMs = 0;
    int writes = 0;
    int failedWrites = 0;
    int pulled = 0;
};

// (4): a fresh laptop's first sync on the SyncController's thread, the main thread timing its
// event loop and (when writing) saving a child's school every 20 ms through its own connection.
Responsiveness responsiveness(const QUrl &server, bool writing = true)
{
    Responsiveness result;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.lantern"));
    StoreOptions options;
    options.actor = kUser;
    auto opened = Store::open(path, systemClock(), options);
    if (!opened)
        fail(opened.error().message);
    std::unique_ptr<Store> ui = std::move(opened).value();
    sync::SyncAccount account;
    {
        sync::SyncClient client(server, 60000);
        const auto signedIn = client.signIn(kUser, kPassword, QStringLiteral("laptop C"));
        if (!signedIn.ok())
            fail(QStringLiteral("sign-in: %1").arg(signedIn.failure.message));
        account = {server, kUser, signedIn.value->deviceId, signedIn.value->token};
        if (auto saved = sync::writeAccount(*ui, account); !saved)
            fail(saved.error().message);
    }

    QList<double> gaps;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        gaps.append(bench::msSince(sinceTick));
        sinceTick.restart();
    });

    // A baseline: the same timer with nothing else going on.
    {
        QEventLoop idle;
        sinceTick.start();
        ticker.start();
        QTimer::singleShot(500, &idle, &QEventLoop::quit);
        idle.exec();
        result.idleMaxGapMs = maxOf(gaps);
        gaps.clear();
    }

    QList<double> writes;
    QString childId;
    int school = 0;
    QTimer writer;
    writer.setTimerType(Qt::PreciseTimer);
    writer.setInterval(20);
    QObject::connect(&writer, &QTimer::timeout, [&] {
        if (childId.isEmpty()) {
            // Nothing to edit until the first page has brought a child.
            QSqlQuery query(ui->database());
            if (query.exec(QStringLiteral("SELECT id FROM children LIMIT 1")) && query.next())
                childId = query.value(0).toString();
            return;
        }
        QElapsedTimer timer;
        timer.start();
        const auto saved = ui->update(
            Table::Children, QUuid::fromString(childId),
            {{QStringLiteral("school"), QStringLiteral("Ysgol Bench %1").arg(++school)}});
        writes.append(bench::msSince(timer));
        if (!saved)
            ++result.failedWrites;
    });

    sync::SyncController controller(path, kUser, systemClock());
    QEventLoop loop;
    QElapsedTimer syncTimer;
    bool syncing = false;
    sync::SyncStatus finished;
    QObject::connect(&controller, &sync::SyncController::statusChanged,
                     [&](const sync::SyncStatus &status) {
                         if (status.state == sync::SyncState::Syncing) {
                             syncing = true;
                             return;
                         }
                         if (!syncing)
                             return;
                         result.syncMs = bench::msSince(syncTimer);
                         finished = status;
                         loop.quit();
                     });
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    syncTimer.start();
    sinceTick.restart();
    if (writing)
        writer.start();
    controller.start(account);
    loop.exec();
    ticker.stop();
    writer.stop();
    if (finished.state != sync::SyncState::UpToDate && finished.state != sync::SyncState::Waiting)
        fail(QStringLiteral("the controller's sync did not finish: state %1, %2")
                 .arg(static_cast<int>(finished.state))
                 .arg(finished.problem));
    result.pulled = finished.lastRun.pulled;
    result.maxGapMs = maxOf(gaps);
    result.p99GapMs = bench::quantile(gaps, 0.99);
    result.maxWriteMs = maxOf(writes);
    result.medianWriteMs = median(writes);
    result.writes = static_cast<int>(writes.size());
    return result;
}

QString thousands(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

int run(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption casesOption(QStringLiteral("cases"),
                                         QStringLiteral("Open cases in the demo caseload."),
                                         QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption notesOption(
        QStringLiteral("notes-per-child"),
        QStringLiteral("Finalised notes per child (the demo's own default is 3)."),
        QStringLiteral("N"), QStringLiteral("25"));
    const QCommandLineOption recordsOption(
        QStringLiteral("records"), QStringLiteral("Records in the large store (0: skip it)."),
        QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Syncs with nothing to do."),
                                        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption firstRunsOption(
        QStringLiteral("first-runs"),
        QStringLiteral("First syncs of the demo caseload, each on a fresh server, and syncs "
                       "under the UI."),
        QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({casesOption, notesOption, recordsOption, runsOption, firstRunsOption});
    parser.process(app);
    const int cases = qMax(1, parser.value(casesOption).toInt());
    const int notesPerChild = qMax(0, parser.value(notesOption).toInt());
    const int largeRecords = qMax(0, parser.value(recordsOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const int firstRuns = qMax(1, parser.value(firstRunsOption).toInt());

    QElapsedTimer total;
    total.start();

    // 1. The demo caseload: A pushes it and pulls it back, then B pulls it, on a fresh server
    // each run. The last run's server and B stay for (3) and (4).
    std::printf("1. first sync of a %d-case demo caseload (%d run(s))\n", cases, firstRuns);
    std::fflush(stdout);
    std::unique_ptr<Site> site;
    std::unique_ptr<Laptop> b;
    Caseload caseload;
    QList<double> aSyncs, aPushes, bSyncs, bDownloads;
    int aPushed = 0, aPulled = 0, bPulled = 0;
    for (int run = 0; run < firstRuns; ++run) {
        site = std::make_unique<Site>();
        Laptop a(site->url(), QStringLiteral("laptop A"));
        caseload = generate(a, cases, notesPerChild);
        const Laptop::Timed timed = a.sync();
        aSyncs.append(timed.ms);
        aPushes.append(timed.pushMs);
        aPushed = timed.run.counts.pushed;
        aPulled = timed.run.counts.pulled;
        if (aPushed == 0 || timed.run.counts.rejected > 0 || timed.run.counts.pending > 0)
            fail(QStringLiteral("A's first sync: pushed %1, rejected %2, still waiting %3")
                     .arg(aPushed)
                     .arg(timed.run.counts.rejected)
                     .arg(timed.run.counts.pending));
        checkSearch(*a.store, QStringLiteral("A"));
        const FirstPull pulled =
            firstPull(site->url(), QStringLiteral("laptop B"), caseload.records);
        bSyncs.append(pulled.ms);
        bDownloads.append(pulled.downloadMs);
        bPulled = pulled.received;
        if (run == firstRuns - 1) { // a B that stays, up to date, for (3)
            b = std::make_unique<Laptop>(site->url(), QStringLiteral("laptop B2"));
            b->sync();
        }
    }
    std::printf("  %d open cases and the closed ones: %s records (%s; made in %.0f ms)\n"
                "  A pushed %d changes and pulled %d records back; B received %d records for "
                "its %s\n",
                cases, qPrintable(thousands(caseload.records)), qPrintable(caseload.breakdown),
                caseload.generateMs, aPushed, aPulled, bPulled,
                qPrintable(thousands(caseload.records)));
    addRow(QStringLiteral("1. A's first sync: push, pull back"), aPushed + aPulled, aSyncs, 1000);
    addRow(QStringLiteral("   of which the push"), aPushed, aPushes, 0);
    addRow(QStringLiteral("1. B's first sync: pull into empty store"), bPulled, bSyncs, 1000);
    addRow(QStringLiteral("   the same download, nothing written"), bPulled, bDownloads, 0);

    // 3. Nothing to do: B is up to date.
    std::printf("3. sync with nothing to do (%d runs)\n", runs);
    QList<double> idle;
    for (int run = 0; run < runs; ++run) {
        const Laptop::Timed timed = b->sync();
        if (timed.run.counts.pushed + timed.run.counts.pulled != 0)
            fail(QStringLiteral("an up-to-date laptop moved records"));
        idle.append(timed.ms);
    }
    addRow(QStringLiteral("3. Sync with nothing to do"), -1, idle, 50);

    // 4. The UI while the SyncController does a fresh laptop's first sync, --first-runs times.
    std::printf("4. UI responsiveness during a first sync on the controller's thread (%d run(s))\n",
                firstRuns);
    QList<double> stalls, slowestWrites, controllerSyncs, medianWrites;
    double idleStall = 0;
    int uiWrites = 0, uiFailed = 0, uiPulled = 0;
    for (int run = 0; run < firstRuns; ++run) {
        const Responsiveness ui = responsiveness(site->url());
        std::printf("  first sync %.0f ms, %d records; event loop: idle max gap %.1f ms, during "
                    "the sync max %.1f ms (p99 %.1f ms); %d writes, median %.1f ms, slowest "
                    "%.1f ms, %d failed\n",
                    ui.syncMs, ui.pulled, ui.idleMaxGapMs, ui.maxGapMs, ui.p99GapMs, ui.writes,
                    ui.medianWriteMs, ui.maxWriteMs, ui.failedWrites);
        std::fflush(stdout);
        stalls.append(ui.maxGapMs);
        slowestWrites.append(ui.maxWriteMs);
        controllerSyncs.append(ui.syncMs);
        medianWrites.append(ui.medianWriteMs);
        idleStall = qMax(idleStall, ui.idleMaxGapMs);
        uiWrites += ui.writes;
        uiFailed += ui.failedWrites;
        uiPulled = ui.pulled;
    }
    addRow(QStringLiteral("4. Controller's first sync, UI writing"), uiPulled, controllerSyncs, 0);
    addRow(QStringLiteral("4. Longest UI event-loop stall in a sync"), -1, stalls, 50, true);
    addRow(QStringLiteral("4. Slowest UI write in a sync"), -1, slowestWrites, 0);
    b.reset();
    site.reset();

    // 2. The large store: A pushes it (and pulls it back), then B's first pull. The demo's
    // records per case vary with the seed: when the estimate falls short, it is made again.
    Caseload large;
    if (largeRecords > 0) {
        Site largeSite;
        std::unique_ptr<Laptop> a;
        int largeCases = qMax(
            1, static_cast<int>(std::llround(double(cases) * largeRecords / caseload.records)));
        for (int attempt = 0; attempt < 3; ++attempt) {
            std::printf("2. first sync of a %d-case store (about %s records wanted)\n", largeCases,
                        qPrintable(thousands(largeRecords)));
            std::fflush(stdout);
            a = std::make_unique<Laptop>(largeSite.url(), QStringLiteral("laptop A"));
            large = generate(*a, largeCases, notesPerChild);
            std::printf("  %s records (%s; made in %.0f ms)\n",
                        qPrintable(thousands(large.records)), qPrintable(large.breakdown),
                        large.generateMs);
            if (large.records >= largeRecords * 0.98)
                break;
            largeCases = static_cast<int>(
                std::ceil(largeCases * largeRecords * 1.01 / double(large.records)));
        }
        const Laptop::Timed timed = a->sync();
        if (timed.run.counts.rejected > 0 || timed.run.counts.pending > 0)
            fail(QStringLiteral("A's first sync of the large store left work behind"));
        checkSearch(*a->store, QStringLiteral("A"));
        a.reset();
        // B's first pull, --first-runs times, each a fresh laptop.
        QList<double> largeSyncs, largeDownloads;
        int largeReceived = 0;
        for (int run = 0; run < firstRuns; ++run) {
            const FirstPull pulled =
                firstPull(largeSite.url(), QStringLiteral("laptop B"), large.records);
            largeSyncs.append(pulled.ms);
            largeDownloads.append(pulled.downloadMs);
            largeReceived = pulled.received;
        }
        std::printf("  A pushed %d changes and pulled %d records back; B received %d records\n",
                    timed.run.counts.pushed, timed.run.counts.pulled, largeReceived);
        // The same in the app, on the SyncController's thread with its shorter pages: with the
        // UI idle, then with the UI saving every 20 ms (which takes half a core of this machine).
        QList<double> appSyncs, appStalls, busySyncs, busyStalls;
        int appPulled = 0;
        for (int run = 0; run < firstRuns; ++run) {
            for (const bool writing : {false, true}) {
                ::sync();
                const Responsiveness ui = responsiveness(largeSite.url(), writing);
                std::printf("  in the app, UI %s: first sync %.0f ms, %d records; event loop max "
                            "gap %.1f ms (p99 %.1f ms); %d writes, slowest %.1f ms, %d failed\n",
                            writing ? "writing" : "idle", ui.syncMs, ui.pulled, ui.maxGapMs,
                            ui.p99GapMs, ui.writes, ui.maxWriteMs, ui.failedWrites);
                std::fflush(stdout);
                if (ui.failedWrites > 0)
                    fail(QStringLiteral("a UI write failed during the app's sync"));
                (writing ? busySyncs : appSyncs).append(ui.syncMs);
                (writing ? busyStalls : appStalls).append(ui.maxGapMs);
                appPulled = ui.pulled;
            }
        }
        addRow(QStringLiteral("2. A's first sync: push, pull back"),
               timed.run.counts.pushed + timed.run.counts.pulled, {timed.ms}, 0);
        addRow(QStringLiteral("   of which the push"), timed.run.counts.pushed, {timed.pushMs}, 0);
        addRow(QStringLiteral("2. B's first sync: pull into empty store"), largeReceived,
               largeSyncs, 5000);
        addRow(QStringLiteral("   the same download, nothing written"), largeReceived,
               largeDownloads, 0);
        addRow(QStringLiteral("2. Controller's first sync, UI idle"), appPulled, appSyncs, 5000);
        addRow(QStringLiteral("   longest UI event-loop stall"), -1, appStalls, 50, true);
        addRow(QStringLiteral("2. Controller's first sync, UI writing"), appPulled, busySyncs, 0);
        addRow(QStringLiteral("   longest UI event-loop stall"), -1, busyStalls, 50, true);
    }

    std::printf("\nLaptop sync (issue 8): lantern-server on loopback, SQLite store. Demo caseload "
                "%d open cases, %s records; large store %s records.\n\n",
                cases, qPrintable(thousands(caseload.records)),
                qPrintable(thousands(large.records)));
    std::printf("%-42s %8s %10s %10s %10s %12s %s\n", "Measure", "Moved", "Median", "Max",
                "Moved/s", "Target", "");
    for (const Row &row : std::as_const(g_rows)) {
        const QString target =
            row.targetMs <= 0
                ? QString()
                : QStringLiteral("%1 %2 ms")
                      .arg(row.targetIsMax ? QStringLiteral("all <") : QStringLiteral("<"))
                      .arg(row.targetMs);
        const QString rate =
            row.moved > 0 ? thousands(std::llround(double(row.moved) / (row.medianMs / 1000.0)))
                          : QString();
        const double judged = row.targetIsMax ? row.maxMs : row.medianMs;
        std::printf("%-42s %8s %7.1f ms %7.1f ms %10s %12s %s\n", qPrintable(row.what),
                    row.moved >= 0 ? qPrintable(thousands(row.moved)) : "", row.medianMs, row.maxMs,
                    qPrintable(rate), qPrintable(target),
                    row.targetMs <= 0       ? ""
                    : judged < row.targetMs ? "ok"
                                            : "MISSED");
    }
    std::printf("\n(1, 2: Moved is changes pushed plus records pulled. 4: %d UI writes in all, %d "
                "failed, median %.1f ms; longest event-loop gap with no sync running %.1f ms.)\n",
                uiWrites, uiFailed, median(medianWrites), idleStall);
    std::printf("Whole run %.0f s. Reproduce: bench_sync --cases %d --notes-per-child %d --records "
                "%d --runs %d --first-runs %d\n",
                double(total.elapsed()) / 1000.0, cases, notesPerChild, largeRecords, runs,
                firstRuns);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("lantern.*.info=false"));
    try {
        return run(app);
    } catch (const Failure &failure) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(failure.why));
        return 1;
    }
}
