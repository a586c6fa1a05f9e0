// Laptop sync end to end (core/sync/SyncEngine, store/SyncJournal) against the real
// lantern-server: laptops with their own stores sync through the server, with edits on both
// sides, conflicts, deletions, deallocation, revocation, an old protocol, dropped connections
// (tests/server/FaultProxy.h) and a sync stopped between writing a page and committing it.
// After every scenario each laptop's store is compared with the server, record by record.
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "demo/DemoGenerator.h"
#include "store/Store.h"
#include "store/StoreValues.h"
#include "store/SyncJournal.h"
#include "sync/Conflicts.h"
#include "sync/SyncController.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSchema.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace lantern;
using namespace lantern::test;
using lantern::sync::SyncEngine;
using lantern::sync::SyncRun;
using Kind = lantern::sync::SyncFailure::Kind;

namespace {

const QString kPassword = QStringLiteral("lantern-test-pass-1");

// One laptop: its own store file, client and engine.
struct Laptop
{
    QTemporaryDir dir;
    SystemClock clock;
    QString path;
    std::unique_ptr<Store> store;
    std::unique_ptr<sync::SyncClient> client;
    std::unique_ptr<SyncEngine> engine;
    QString user;

    QString open(const QUrl &server, const QString &userName, const QString &name)
    {
        user = userName;
        path = dir.filePath(name + QStringLiteral(".lantern"));
        StoreOptions options;
        options.actor = userName;
        auto opened = Store::open(path, clock, options);
        if (!opened)
            return opened.error().message;
        store = std::move(opened).value();
        return connect(server);
    }

    QString connect(const QUrl &server)
    {
        engine.reset();
        client = std::make_unique<sync::SyncClient>(server, 20000);
        auto account = sync::readAccount(*store);
        const auto signedIn = client->signIn(user, kPassword, QStringLiteral("Test laptop"),
                                             account ? account->deviceId : QString());
        if (!signedIn.ok())
            return signedIn.failure.message;
        if (auto saved = sync::writeAccount(*store, {server, user, signedIn.value->deviceId, {}});
            !saved)
            return saved.error().message;
        engine = std::make_unique<SyncEngine>(*store, *client);
        return {};
    }

    SyncRun sync() { return engine->run(); }

    int pending() { return *SyncJournal(*store).pendingCount(); }

    QVariant value(const QString &table, const QString &id, const QString &field)
    {
        QSqlQuery query(store->database());
        query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(field, table));
        query.addBindValue(id);
        if (!query.exec() || !query.next())
            return QStringLiteral("<missing>");
        return query.value(0);
    }

    QString anyId(const QString &table)
    {
        QSqlQuery query(store->database());
        query.exec(QStringLiteral("SELECT id FROM %1 WHERE deleted_at IS NULL ORDER BY id LIMIT 1")
                       .arg(table));
        return query.next() ? query.value(0).toString() : QString();
    }

    int count(const QString &sql)
    {
        QSqlQuery query(store->database());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toInt();
    }
};

QString describe(const SyncRun &run)
{
    return QStringLiteral("ok %1, store error '%2', failure %3 '%4'")
        .arg(run.ok)
        .arg(run.storeError)
        .arg(static_cast<int>(run.failure.kind))
        .arg(run.failure.message);
}

// A stored value as the protocol carries it.
QJsonValue asJson(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue();
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(value.toByteArray().toBase64());
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
        return static_cast<double>(value.toLongLong());
    return value.toString();
}

// Every live synced record a store holds: "table/id" -> version and fields.
QHash<QString, QJsonObject> localRecords(Store &store)
{
    QHash<QString, QJsonObject> records;
    for (const sync::TableSpec &spec : sync::syncTables()) {
        if (spec.flow == sync::TableFlow::PushOnly)
            continue;
        QSqlQuery query(store.database());
        query.exec(QStringLiteral("SELECT * FROM %1 WHERE deleted_at IS NULL").arg(spec.name));
        while (query.next()) {
            const QSqlRecord row = query.record();
            QJsonObject fields;
            for (const sync::FieldSpec &field : spec.fields)
                fields.insert(field.name, asJson(row.value(field.name)));
            records.insert(
                spec.name + QLatin1Char('/') + row.value(QStringLiteral("id")).toString(),
                {{QStringLiteral("version"),
                  static_cast<double>(row.value(QStringLiteral("version")).toLongLong())},
                 {QStringLiteral("fields"), fields}});
        }
    }
    return records;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())); }

    // The server's copy of what this user sees, compared with the laptop's, record by record.
    void compareWithServer(Laptop &laptop, const QString &user = QStringLiteral("asha"))
    {
        ApiClient api(m_server->port());
        QCOMPARE(api.signIn(user, kPassword, QStringLiteral("checker")).status, 200);
        const PullResult server = api.pullAll(0, 2000);
        QVERIFY(server.ok);
        QHash<QString, QJsonObject> expected;
        for (const QJsonObject &record : server.records) {
            if (!record.value(QStringLiteral("deleted_at")).isNull())
                continue;
            expected.insert(record.value(QStringLiteral("table")).toString() + QLatin1Char('/') +
                                record.value(QStringLiteral("id")).toString(),
                            record);
        }
        const QHash<QString, QJsonObject> local = localRecords(*laptop.store);
        QStringList missing, extra, different;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            if (!local.contains(it.key())) {
                missing.append(it.key());
                continue;
            }
            const QJsonObject mine = local.value(it.key());
            const QJsonObject theirs = it.value().value(QStringLiteral("fields")).toObject();
            const QJsonObject mineFields = mine.value(QStringLiteral("fields")).toObject();
            if (mine.value(QStringLiteral("version")).toDouble() !=
                it.value().value(QStringLiteral("version")).toDouble())
                different.append(it.key() + QStringLiteral(" version"));
            for (auto field = theirs.begin(); field != theirs.end(); ++field)
                if (mineFields.value(field.key()) != field.value())
                    different.append(it.key() + QLatin1Char(' ') + field.key());
        }
        for (auto it = local.cbegin(); it != local.cend(); ++it)
            if (!expected.contains(it.key()))
                extra.append(it.key());
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("missing on the laptop: ") +
                                               missing.mid(0, 5).join(QLatin1Char(' '))));
        QVERIFY2(extra.isEmpty(), qPrintable(QStringLiteral("on the laptop, not the server: ") +
                                             extra.mid(0, 5).join(QLatin1Char(' '))));
        QVERIFY2(different.isEmpty(), qPrintable(QStringLiteral("different: ") +
                                                 different.mid(0, 5).join(QLatin1Char(' '))));
        QCOMPARE(laptop.pending(), 0);
    }

    // Laptop A with a small demo caseload, synced up; laptop B, empty, synced down.
    void twoLaptops(Laptop &a, Laptop &b, const QUrl &server = {})
    {
        const QUrl where = server.isEmpty() ? url() : server;
        QCOMPARE(a.open(where, QStringLiteral("asha"), QStringLiteral("a")), QString());
        DemoOptions demo;
        demo.cases = 3;
        demo.notesPerChild = 2;
        demo.fca = QStringLiteral("asha");
        QVERIFY(DemoGenerator::generate(*a.store, demo));
        const SyncRun first = a.sync();
        QVERIFY2(first.ok, qPrintable(describe(first)));
        QVERIFY(first.counts.pushed > 50);
        QCOMPARE(first.counts.rejected, 0);
        QCOMPARE(b.open(where, QStringLiteral("asha"), QStringLiteral("b")), QString());
        const SyncRun down = b.sync();
        QVERIFY2(down.ok, qPrintable(describe(down)));
        QVERIFY(down.counts.pulled > 50);
    }

private slots:
    void initTestCase_data() { addBackendRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_server = std::make_unique<ServerProcess>(backend);
        QVERIFY2(m_server->error().isEmpty(), qPrintable(m_server->error()));
        QByteArray why;
        QVERIFY2(m_server->addUser(QStringLiteral("asha"), QStringLiteral("fca"),
                                   QStringLiteral("north"), kPassword, &why),
                 why.constData());
        QVERIFY2(m_server->addUser(QStringLiteral("ben"), QStringLiteral("fca"),
                                   QStringLiteral("north"), kPassword, &why),
                 why.constData());
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void cleanup() { m_server.reset(); }

    void firstSyncBringsTheCaseloadDownWhole()
    {
        Laptop a, b;
        twoLaptops(a, b);
        compareWithServer(a);
        compareWithServer(b);
        QCOMPARE(localRecords(*b.store), localRecords(*a.store));
        // Note search works on the laptop that only pulled the notes.
        QVERIFY(b.count(QStringLiteral("SELECT count(*) FROM note_search")) > 0);
        QCOMPARE(b.count(QStringLiteral("SELECT count(*) FROM note_search")),
                 a.count(QStringLiteral("SELECT count(*) FROM note_search")));
        // A second sync with nothing to do moves nothing.
        const SyncRun again = b.sync();
        QVERIFY(again.ok);
        QCOMPARE(again.counts.pushed, 0);
        QCOMPARE(again.counts.pulled, 0);

        // A child deleted on A; then a new laptop pulls in pages of 7, each asked for while the
        // one before is written. Every record comes once, the deleted child as deleted (so the
        // letters to it still find it), and the page cache is back to SQLite's 2 MB afterwards.
        const QString gone = a.anyId(QStringLiteral("children"));
        QVERIFY(a.store->softDelete(Table::Children, QUuid::fromString(gone)));
        QVERIFY(a.sync().ok);
        Laptop c;
        QCOMPARE(c.open(url(), QStringLiteral("asha"), QStringLiteral("c")), QString());
        c.engine->setPageSize(7);
        const SyncRun paged = c.sync();
        QVERIFY2(paged.ok, qPrintable(describe(paged)));
        QCOMPARE(paged.counts.pulled, localRecords(*a.store).size() + 1);
        compareWithServer(c);
        QCOMPARE(c.count(QStringLiteral("SELECT count(*) FROM children WHERE id = '%1' AND"
                                        " deleted_at IS NOT NULL")
                             .arg(gone)),
                 1);
        const auto problems = c.store->integrityCheck();
        QVERIFY(problems);
        QCOMPARE(*problems, QStringList());
        QCOMPARE(c.count(QStringLiteral("PRAGMA cache_size")), -2000);
    }

    // An FCA with no cases yet (new in post, say) on a server that holds other FCAs' cases:
    // the first sync succeeds and brings nothing, and so does the next.
    void anEmptyCaseloadSyncsNothing()
    {
        Laptop a, b;
        twoLaptops(a, b); // asha's caseload is on the server
        QByteArray why;
        QVERIFY2(m_server->addUser(QStringLiteral("bryn"), QStringLiteral("fca"),
                                   QStringLiteral("south"), kPassword, &why),
                 why.constData());
        Laptop bryn;
        QCOMPARE(bryn.open(url(), QStringLiteral("bryn"), QStringLiteral("bryn")), QString());
        for (int round = 0; round < 2; ++round) {
            const SyncRun run = bryn.sync();
            QVERIFY2(run.ok, qPrintable(describe(run)));
            QCOMPARE(run.counts.pulled, 0);
            QCOMPARE(run.counts.pending, 0);
        }
        QVERIFY(localRecords(*bryn.store).isEmpty());
        compareWithServer(bryn, QStringLiteral("bryn"));
    }

    // While another connection writes to the store (the UI saving), the pull writes short
    // pages, so each save waits only for a short one; with nobody else writing, pages grow.
    void pagesAreShortWhileSomeoneElseWrites()
    {
        Laptop a, b;
        twoLaptops(a, b);
        const auto pagesOfAFreshPull = [&](const QString &name, bool othersWrite) {
            Laptop c;
            if (const QString why = c.open(url(), QStringLiteral("asha"), name); !why.isEmpty())
                return -1;
            c.engine->setPageSizes(5, 80);
            int pages = 0, pulled = 0;
            c.engine->setProgress([&](const sync::SyncCounts &counts) {
                pages += counts.pulled > pulled;
                pulled = counts.pulled;
            });
            std::atomic<bool> stop = false;
            std::atomic<int> saves = 0;
            std::thread writer([&] {
                if (!othersWrite)
                    return;
                SystemClock clock;
                auto ui = Store::open(c.path, clock);
                while (ui && !stop)
                    saves += bool((*ui)->putLocal(LocalTable::Settings, QStringLiteral("ui.test"),
                                                  {{QStringLiteral("value"), saves.load()}}));
            });
            QElapsedTimer started;
            started.start();
            while (othersWrite && saves == 0 && started.elapsed() < 10000)
                QThread::msleep(1); // the writer is writing before the sync starts
            const SyncRun run = c.sync();
            stop = true;
            writer.join();
            if (!run.ok || run.counts.pulled != localRecords(*a.store).size() ||
                (othersWrite && saves == 0))
                return -1;
            return pages;
        };
        const int quiet = pagesOfAFreshPull(QStringLiteral("c"), false);
        const int busy = pagesOfAFreshPull(QStringLiteral("d"), true);
        QVERIFY(quiet > 0 && busy > 0);
        QVERIFY2(busy > 2 * quiet, qPrintable(QStringLiteral("%1 pages while someone wrote, %2 "
                                                             "while nobody did")
                                                  .arg(busy)
                                                  .arg(quiet)));
    }

    void incrementalBothWays()
    {
        Laptop a, b;
        twoLaptops(a, b);
        const QString child = a.anyId(QStringLiteral("children"));
        QVERIFY(a.store->update(Table::Children, QUuid::fromString(child),
                                {{QStringLiteral("school"), QStringLiteral("Ysgol y Castell")}}));
        QCOMPARE(a.pending(), 1);
        QVERIFY(a.sync().ok);
        QVERIFY(b.sync().ok);
        QCOMPARE(b.value(QStringLiteral("children"), child, QStringLiteral("school")).toString(),
                 QStringLiteral("Ysgol y Castell"));

        const QString caseId = b.anyId(QStringLiteral("cases"));
        const QUuid hearing = QUuid::createUuid();
        QVERIFY(b.store->insert(
            Table::Hearings, hearing,
            {{QStringLiteral("case_id"), caseId},
             {QStringLiteral("kind"), QStringLiteral("first")},
             {QStringLiteral("starts_at"), QStringLiteral("2026-12-03T10:00:00.000Z")}}));
        QVERIFY(b.sync().ok);
        QVERIFY(a.sync().ok);
        QCOMPARE(a.value(QStringLiteral("hearings"), hearing.toString(QUuid::WithoutBraces),
                         QStringLiteral("kind"))
                     .toString(),
                 QStringLiteral("first"));
        compareWithServer(a);
        compareWithServer(b);
    }

    void differentFieldsMergeSameFieldConflicts()
    {
        Laptop a, b;
        twoLaptops(a, b);
        const QString child = a.anyId(QStringLiteral("children"));
        const QUuid id = QUuid::fromString(child);
        QVERIFY(a.store->update(Table::Children, id,
                                {{QStringLiteral("school"), QStringLiteral("Oak Primary")}}));
        QVERIFY(b.store->update(Table::Children, id,
                                {{QStringLiteral("faith"), QStringLiteral("Quaker")}}));
        QVERIFY(a.sync().ok);
        QVERIFY(b.sync().ok);
        QVERIFY(a.sync().ok);
        for (Laptop *laptop : {&a, &b}) {
            QCOMPARE(laptop->value(QStringLiteral("children"), child, QStringLiteral("school"))
                         .toString(),
                     QStringLiteral("Oak Primary"));
            QCOMPARE(laptop->value(QStringLiteral("children"), child, QStringLiteral("faith"))
                         .toString(),
                     QStringLiteral("Quaker"));
            compareWithServer(*laptop);
        }

        // The same field, two values: a conflict on both ends; the server's value stands.
        QVERIFY(a.store->update(Table::Children, id,
                                {{QStringLiteral("lives_with"), QStringLiteral("Aunt Rhiannon")}}));
        QVERIFY(b.store->update(Table::Children, id,
                                {{QStringLiteral("lives_with"), QStringLiteral("Uncle Dafydd")}}));
        QVERIFY(a.sync().ok);
        const SyncRun clash = b.sync();
        QVERIFY(clash.ok);
        QCOMPARE(clash.counts.conflicts, 1);
        QCOMPARE(clash.counts.openConflicts, 1);
        QVERIFY(a.sync().ok);
        sync::Conflicts onA(*a.store), onB(*b.store);
        auto openOnA = onA.open();
        auto openOnB = onB.open();
        QCOMPARE(openOnA->size(), 1);
        QCOMPARE(openOnB->size(), 1);
        const sync::Conflict conflict = openOnA->constFirst();
        QCOMPARE(conflict.server, QStringLiteral("Aunt Rhiannon"));
        QCOMPARE(conflict.mine, QStringLiteral("Uncle Dafydd"));
        QCOMPARE(conflict.raisedBy, QStringLiteral("asha"));
        QCOMPARE(
            b.value(QStringLiteral("children"), child, QStringLiteral("lives_with")).toString(),
            QStringLiteral("Aunt Rhiannon"));

        // Settled on A (the value B sent), then settled on B by its next sync.
        QVERIFY(onA.keepMine(conflict.id));
        QCOMPARE(onA.open()->size(), 0);
        QVERIFY(a.sync().ok);
        const SyncRun settled = b.sync();
        QVERIFY(settled.ok);
        QCOMPARE(settled.counts.openConflicts, 0);
        QCOMPARE(onB.open()->size(), 0);
        for (Laptop *laptop : {&a, &b}) {
            QCOMPARE(laptop->value(QStringLiteral("children"), child, QStringLiteral("lives_with"))
                         .toString(),
                     QStringLiteral("Uncle Dafydd"));
            compareWithServer(*laptop);
        }
    }

    void aConfidentialAddressInAConflictStaysHidden()
    {
        Laptop a, b;
        twoLaptops(a, b);
        const QString adult = a.anyId(QStringLiteral("adults"));
        const QUuid id = QUuid::fromString(adult);
        QVERIFY(a.store->update(Table::Adults, id,
                                {{QStringLiteral("address_confidential"), 1},
                                 {QStringLiteral("address"), QStringLiteral("1 Refuge Row")}}));
        QVERIFY(a.sync().ok);
        QVERIFY(b.sync().ok);
        QVERIFY(a.store->update(Table::Adults, id,
                                {{QStringLiteral("address"), QStringLiteral("2 Safe Street")}}));
        QVERIFY(b.store->update(Table::Adults, id,
                                {{QStringLiteral("address"), QStringLiteral("3 Hidden Lane")}}));
        QVERIFY(a.sync().ok);
        QVERIFY(b.sync().ok);
        sync::Conflicts conflicts(*b.store);
        auto open = conflicts.open();
        QCOMPARE(open->size(), 1);
        const sync::Conflict conflict = open->constFirst();
        QVERIFY(conflict.confidential);
        QVERIFY(!conflict.mergeable);
        for (const QString &shown : {conflict.before, conflict.server, conflict.mine}) {
            QVERIFY2(!shown.contains(QStringLiteral("Street")) &&
                         !shown.contains(QStringLiteral("Lane")) &&
                         !shown.contains(QStringLiteral("Row")),
                     qPrintable(shown));
        }
        QVERIFY(!conflicts.keepMerged(conflict.id, QStringLiteral("4 Anywhere")));
        QVERIFY(conflicts.keepMine(conflict.id));
        QCOMPARE(b.value(QStringLiteral("adults"), adult, QStringLiteral("address")).toString(),
                 QStringLiteral("3 Hidden Lane"));
        QVERIFY(b.sync().ok);
        QVERIFY(a.sync().ok);
        compareWithServer(a);
        compareWithServer(b);
    }

    void controllerSyncsOnItsOwnThreadAndSaysSo()
    {
        FaultProxy proxy(m_server->port());
        Laptop a, b;
        twoLaptops(a, b, proxy.url());
        // Laptop C: the app's controller, on its own thread, with its own connection.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.lantern"));
        SystemClock clock;
        sync::SyncClient signer(proxy.url());
        const auto signedIn =
            signer.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("Laptop C"));
        QVERIFY(signedIn.ok());
        sync::SyncController controller(path, QStringLiteral("asha"), clock);
        controller.setFirstRetry(std::chrono::milliseconds(200));
        QSignalSpy records(&controller, &sync::SyncController::recordsChanged);
        QList<sync::SyncState> states;
        connect(&controller, &sync::SyncController::statusChanged, this,
                [&](const sync::SyncStatus &status) { states.append(status.state); });
        controller.start(
            {proxy.url(), QStringLiteral("asha"), signedIn.value->deviceId, signedIn.value->token});
        QTRY_COMPARE_WITH_TIMEOUT(controller.status().state, sync::SyncState::UpToDate, 30000);
        QVERIFY(states.contains(sync::SyncState::Syncing));
        QVERIFY(records.count() >= 1);
        QVERIFY(controller.status().lastSuccess.isValid());
        QCOMPARE(controller.status().pending, 0);

        // The network goes: the next sync says offline, and keeps trying until it is back.
        proxy.refuseConnections(true);
        controller.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(controller.status().state, sync::SyncState::Offline, 30000);
        const QDateTime offlineSince = controller.status().since;
        QVERIFY(offlineSince.isValid());
        proxy.refuseConnections(false);
        QTRY_COMPARE_WITH_TIMEOUT(controller.status().state, sync::SyncState::UpToDate, 30000);

        // A change made on the laptop while signed in shows as waiting, then goes.
        {
            StoreOptions options;
            options.actor = QStringLiteral("asha");
            auto ui = Store::open(path, clock, options);
            QVERIFY(ui);
            QSqlQuery child((*ui)->database());
            QVERIFY(child.exec(QStringLiteral("SELECT id FROM children LIMIT 1")) && child.next());
            const QUuid id = QUuid::fromString(child.value(0).toString());
            child.finish();
            proxy.refuseConnections(true);
            QVERIFY((*ui)->update(Table::Children, id,
                                  {{QStringLiteral("school"), QStringLiteral("From C")}}));
            QTRY_COMPARE_WITH_TIMEOUT(controller.status().pending, 1, 10000);
            // Signing out now is refused: the change has not gone.
            QSignalSpy refused(&controller, &sync::SyncController::signOutRefused);
            controller.signOut();
            QTRY_COMPARE(refused.count(), 1);
            proxy.refuseConnections(false);
            controller.syncNow();
            QTRY_COMPARE_WITH_TIMEOUT(controller.status().pending, 0, 30000);
            QTRY_COMPARE_WITH_TIMEOUT(controller.status().state, sync::SyncState::UpToDate, 30000);
            QVERIFY(a.sync().ok);
            QCOMPARE(a.value(QStringLiteral("children"), id.toString(QUuid::WithoutBraces),
                             QStringLiteral("school"))
                         .toString(),
                     QStringLiteral("From C"));
        }
        QSignalSpy signedOut(&controller, &sync::SyncController::signedOut);
        controller.signOut();
        QTRY_COMPARE(signedOut.count(), 1);
        QCOMPARE(controller.status().state, sync::SyncState::SignedOut);
    }

    void twoLaptopsEditTheSameNote()
    {
        Laptop a, b;
        twoLaptops(a, b);
        // A note with one revision, on both laptops.
        const QString caseId = a.anyId(QStringLiteral("cases"));
        const QUuid note = QUuid::createUuid();
        QVERIFY(a.store->transaction([&]() -> Result<void> {
            if (auto made = a.store->insert(
                    Table::Notes, note,
                    {{QStringLiteral("case_id"), caseId},
                     {QStringLiteral("kind"), QStringLiteral("visit")},
                     {QStringLiteral("contact_at"), QStringLiteral("2026-11-20T10:00:00.000Z")},
                     {QStringLiteral("author"), QStringLiteral("asha")}});
                !made)
                return made;
            return a.store->insert(
                Table::NoteRevisions, QUuid::createUuid(),
                {{QStringLiteral("note_id"), note.toString(QUuid::WithoutBraces)},
                 {QStringLiteral("number"), 1},
                 {QStringLiteral("body_html"), QStringLiteral("<p>first</p>")},
                 {QStringLiteral("body_text"), QStringLiteral("first")},
                 {QStringLiteral("author"), QStringLiteral("asha")}});
        }));
        QVERIFY(a.sync().ok);
        QVERIFY(b.sync().ok);
        // Revision 2 on each laptop from the same base.
        const auto revise = [&](Laptop &laptop, const QString &text) {
            return laptop.store->insert(
                Table::NoteRevisions, QUuid::createUuid(),
                {{QStringLiteral("note_id"), note.toString(QUuid::WithoutBraces)},
                 {QStringLiteral("number"), 2},
                 {QStringLiteral("body_html"), QStringLiteral("<p>%1</p>").arg(text)},
                 {QStringLiteral("body_text"), text},
                 {QStringLiteral("author"), QStringLiteral("asha")}});
        };
        QVERIFY(revise(a, QStringLiteral("seen at school")));
        QVERIFY(revise(b, QStringLiteral("seen at home")));
        QVERIFY(a.sync().ok);
        const SyncRun run = b.sync();
        QVERIFY(run.ok);
        QCOMPARE(run.counts.conflicts, 1);
        QVERIFY(a.sync().ok);
        const QString revisions = QStringLiteral("SELECT count(*) FROM note_revisions WHERE "
                                                 "note_id = '%1'")
                                      .arg(note.toString(QUuid::WithoutBraces));
        for (Laptop *laptop : {&a, &b}) {
            QCOMPARE(laptop->count(revisions), 3); // both kept
            auto open = sync::Conflicts(*laptop->store).open();
            QCOMPARE(open->size(), 1);
            QCOMPARE(open->constFirst().kind, sync::Conflict::Kind::NoteRevision);
            QStringList bodies = {open->constFirst().server, open->constFirst().mine};
            bodies.sort();
            QCOMPARE(bodies, QStringList({QStringLiteral("seen at home"),
                                          QStringLiteral("seen at school")}));
            compareWithServer(*laptop);
        }
    }

    void editOfARecordDeletedOnTheServer()
    {
        Laptop a, b;
        twoLaptops(a, b);
        const QString adult = a.anyId(QStringLiteral("adults"));
        QVERIFY(a.store->softDelete(Table::Adults, QUuid::fromString(adult)));
        QVERIFY(a.sync().ok);
        QVERIFY(b.store->update(Table::Adults, QUuid::fromString(adult),
                                {{QStringLiteral("phone"), QStringLiteral("07700 900123")}}));
        const SyncRun run = b.sync();
        QVERIFY(run.ok);
        QCOMPARE(run.counts.conflicts, 1);
        QVERIFY(!b.value(QStringLiteral("adults"), adult, QStringLiteral("deleted_at")).isNull());
        sync::Conflicts conflicts(*b.store);
        auto open = conflicts.open();
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->constFirst().kind, sync::Conflict::Kind::Deleted);
        QVERIFY(open->constFirst().mine.contains(QStringLiteral("07700 900123")));
        // Restored as a new record with the edit; the old one stays deleted.
        const int adultsBefore =
            b.count(QStringLiteral("SELECT count(*) FROM adults WHERE deleted_at IS NULL"));
        QVERIFY(conflicts.keepMine(open->constFirst().id));
        QCOMPARE(b.count(QStringLiteral("SELECT count(*) FROM adults WHERE deleted_at IS NULL")),
                 adultsBefore + 1);
        QCOMPARE(b.count(QStringLiteral("SELECT count(*) FROM adults WHERE phone = '07700 900123'"
                                        " AND deleted_at IS NULL")),
                 1);
        QVERIFY(b.sync().ok);
        QVERIFY(a.sync().ok);
        compareWithServer(a);
        compareWithServer(b);
    }

    void droppedConnectionsLoseNothing_data()
    {
        QTest::addColumn<QByteArray>("fault");
        QTest::addColumn<QByteArray>("path");
        for (const char *fault : {"before", "during", "after", "response"})
            for (const char *path : {"/api/v1/push", "/api/v1/pull"})
                QTest::addRow("%s-%s", fault, path + 8) << QByteArray(fault) << QByteArray(path);
    }

    void droppedConnectionsLoseNothing()
    {
        QFETCH(QByteArray, fault);
        QFETCH(QByteArray, path);
        FaultProxy proxy(m_server->port());
        Laptop a, b;
        twoLaptops(a, b, proxy.url());
        // Work on both sides, so both a push and a pull have something to carry.
        const QString child = a.anyId(QStringLiteral("children"));
        QVERIFY(a.store->update(Table::Children, QUuid::fromString(child),
                                {{QStringLiteral("school"), QStringLiteral("Hill Top")}}));
        QVERIFY(b.store->update(Table::Children, QUuid::fromString(child),
                                {{QStringLiteral("faith"), QStringLiteral("Sikh")}}));
        const QUuid visit = QUuid::createUuid();
        QVERIFY(a.store->insert(
            Table::Visits, visit,
            {{QStringLiteral("case_id"), a.anyId(QStringLiteral("cases"))},
             {QStringLiteral("kind"), QStringLiteral("home")},
             {QStringLiteral("starts_at"), QStringLiteral("2026-12-01T10:00:00.000Z")},
             {QStringLiteral("ends_at"), QStringLiteral("2026-12-01T11:00:00.000Z")}}));
        QVERIFY(b.sync().ok);

        // QNAM sends a request again once by itself when the connection closes before any
        // answer, so those faults fire more than once to reach the engine.
        if (fault == "before")
            proxy.dropBeforeRequest(path, 2);
        else if (fault == "during")
            proxy.dropDuringRequest(path, 2);
        else if (fault == "after")
            proxy.dropAfterRequest(path, 2);
        else
            proxy.dropDuringResponse(path);
        const SyncRun broken = a.sync();
        QVERIFY2(!broken.ok, qPrintable(describe(broken)));
        QCOMPARE(broken.failure.kind, Kind::Network);
        QVERIFY(proxy.faultsFired() >= 1);
        proxy.clearFaults();
        // Nothing was lost: what did not get an answer still waits.
        if (path == "/api/v1/push")
            QCOMPARE(a.pending(), 2);

        const SyncRun retry = a.sync();
        QVERIFY2(retry.ok, qPrintable(describe(retry)));
        QVERIFY(b.sync().ok);
        for (Laptop *laptop : {&a, &b}) {
            QCOMPARE(laptop->value(QStringLiteral("children"), child, QStringLiteral("school"))
                         .toString(),
                     QStringLiteral("Hill Top"));
            QCOMPARE(laptop->value(QStringLiteral("children"), child, QStringLiteral("faith"))
                         .toString(),
                     QStringLiteral("Sikh"));
            QCOMPARE(laptop->count(QStringLiteral("SELECT count(*) FROM visits WHERE id = '%1'")
                                       .arg(visit.toString(QUuid::WithoutBraces))),
                     1);
            compareWithServer(*laptop);
        }
        QCOMPARE(localRecords(*a.store), localRecords(*b.store));
    }

    void stoppedBetweenWritingAPageAndCommittingIt()
    {
        Laptop a, b;
        twoLaptops(a, b);
        // Many changes on A, pulled by B in small pages; B stops after writing its third page
        // and before committing it, as a crash there would.
        QVERIFY(a.store->transaction([&]() -> Result<void> {
            QSqlQuery ids(a.store->database());
            ids.exec(QStringLiteral("SELECT id FROM adults WHERE deleted_at IS NULL"));
            QList<QUuid> adults;
            while (ids.next())
                adults.append(QUuid::fromString(ids.value(0).toString()));
            for (const QUuid &adult : std::as_const(adults))
                if (auto changed =
                        a.store->update(Table::Adults, adult,
                                        {{QStringLiteral("phone"), QStringLiteral("0300 1")}});
                    !changed)
                    return changed;
            return {};
        }));
        QVERIFY(a.sync().ok);
        const QString changed =
            QStringLiteral("SELECT count(*) FROM adults WHERE phone = '0300 1'");
        const int total = a.count(changed);
        QVERIFY(total > 6);
        b.engine->setPageSize(2);
        int pages = 0;
        int afterTwoPages = -1;
        b.engine->setFaultHook([&](const QString &point) {
            if (point != QLatin1String("page-applied"))
                return true;
            if (++pages == 2)
                afterTwoPages = b.count(changed);
            return pages != 3;
        });
        const SyncRun stopped = b.sync();
        QVERIFY(!stopped.ok);
        // Two pages are in; the third was rolled back with its cursor.
        QCOMPARE(afterTwoPages, 4);
        QCOMPARE(b.count(changed), 4);
        b.engine->setFaultHook({});
        const SyncRun resumed = b.sync();
        QVERIFY2(resumed.ok, qPrintable(describe(resumed)));
        QCOMPARE(resumed.counts.pulled, total - 4);
        QCOMPARE(b.count(changed), total);
        compareWithServer(b);
        QCOMPARE(localRecords(*b.store), localRecords(*a.store));
    }

    void killedMidSyncLosesNothing()
    {
        // lantern-cli sync, killed at a random moment while the server's answers are slowed,
        // again and again; then one sync to the end. The store is whole and matches the server.
        FaultProxy proxy(m_server->port());
        proxy.delayResponses(40);
        Laptop a;
        QCOMPARE(a.open(url(), QStringLiteral("asha"), QStringLiteral("a")), QString());
        DemoOptions demo;
        demo.cases = 4;
        demo.fca = QStringLiteral("asha");
        QVERIFY(DemoGenerator::generate(*a.store, demo));
        const QString path = a.path;
        a.engine.reset();
        a.store.reset();
        QString lastErr;
        const auto runCli = [&](const QUrl &server, int killAfterMs) {
            QProcess cli;
            cli.setProgram(QStringLiteral(LANTERN_CLI_BINARY));
            cli.setArguments({QStringLiteral("sync"), QStringLiteral("--store"), path,
                              QStringLiteral("--server"), server.toString(),
                              QStringLiteral("--user"), QStringLiteral("asha")});
            cli.start();
            cli.write((kPassword + QLatin1Char('\n')).toUtf8());
            cli.closeWriteChannel();
            if (killAfterMs > 0) {
                QElapsedTimer timer;
                timer.start();
                while (timer.elapsed() < killAfterMs && cli.state() != QProcess::NotRunning)
                    QTest::qWait(5);
                cli.kill();
            }
            cli.waitForFinished(60000);
            lastErr = QString::fromUtf8(cli.readAllStandardError());
            return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
        };
        for (int delay : {150, 400, 700, 1000, 1500})
            runCli(proxy.url(), delay);
        QVERIFY2(runCli(url(), 0) == 0, qPrintable(lastErr));
        StoreOptions options;
        options.actor = QStringLiteral("asha");
        auto reopened = Store::open(path, a.clock, options);
        QVERIFY(reopened);
        a.store = std::move(reopened).value();
        QVERIFY((*a.store->integrityCheck()).isEmpty());
        QCOMPARE(QString(), a.connect(url()));
        compareWithServer(a);
    }

    void deallocationWaitsForPendingChanges()
    {
        Laptop a, b;
        twoLaptops(a, b);
        QSqlQuery query(a.store->database());
        QVERIFY(query.exec(QStringLiteral("SELECT id, case_number FROM cases ORDER BY case_number "
                                          "LIMIT 1")));
        QVERIFY(query.next());
        const QString caseId = query.value(0).toString();
        const QString caseNumber = query.value(1).toString();
        query.finish();
        QVERIFY(m_server->run({QStringLiteral("deallocate"), caseNumber}).exitCode == 0);
        QSqlQuery children(a.store->database());
        children.prepare(QStringLiteral("SELECT id FROM children WHERE case_id = ? LIMIT 1"));
        children.addBindValue(caseId);
        QVERIFY(children.exec() && children.next());
        const QString child = children.value(0).toString();
        children.finish();
        QVERIFY(a.store->update(Table::Children, QUuid::fromString(child),
                                {{QStringLiteral("school"), QStringLiteral("Late Edit School")}}));
        // The FCA types again while the sync is between its push and its pull: the case waits
        // for that change to go up before it leaves the laptop.
        bool typed = false;
        a.engine->setFaultHook([&](const QString &point) {
            if (point == QLatin1String("pushed") && !typed) {
                typed = true;
                return bool(a.store->update(
                    Table::Children, QUuid::fromString(child),
                    {{QStringLiteral("what_matters"), QStringLiteral("Football on Saturdays")}}));
            }
            return true;
        });
        const SyncRun run = a.sync();
        QVERIFY2(run.ok, qPrintable(describe(run)));
        QCOMPARE(run.counts.removedCases, 1);
        QCOMPARE(a.count(QStringLiteral("SELECT count(*) FROM cases WHERE id = '%1'").arg(caseId)),
                 0);
        QCOMPARE(
            a.count(
                QStringLiteral("SELECT count(*) FROM children WHERE case_id = '%1'").arg(caseId)),
            0);
        QCOMPARE(a.pending(), 0);
        // Both edits reached the server.
        ApiClient checker(m_server->port());
        QCOMPARE(checker.signIn(QStringLiteral("asha"), kPassword).status, 200);
        QVERIFY(checker.pullAll().find(child).isEmpty()); // no longer hers to pull
        compareWithServer(a);
        QVERIFY(m_server->run({QStringLiteral("allocate"), caseNumber, QStringLiteral("ben")})
                    .exitCode == 0);
        Laptop c;
        QCOMPARE(c.open(url(), QStringLiteral("ben"), QStringLiteral("c")), QString());
        QVERIFY(c.sync().ok);
        QCOMPARE(c.value(QStringLiteral("children"), child, QStringLiteral("school")).toString(),
                 QStringLiteral("Late Edit School"));
        QCOMPARE(
            c.value(QStringLiteral("children"), child, QStringLiteral("what_matters")).toString(),
            QStringLiteral("Football on Saturdays"));
    }

    void revokedWithWipeRemovesTheStore()
    {
        Laptop a, b;
        twoLaptops(a, b);
        auto account = sync::readAccount(*a.store);
        QVERIFY(account);
        QVERIFY(m_server
                    ->run({QStringLiteral("device"), QStringLiteral("revoke"), account->deviceId,
                           QStringLiteral("--wipe")})
                    .exitCode == 0);
        const SyncRun run = a.sync();
        QVERIFY(!run.ok);
        QCOMPARE(run.failure.kind, Kind::DeviceRevoked);
        QVERIFY(run.failure.wipe);
        const QString path = a.path;
        a.engine.reset();
        a.store.reset();
        QVERIFY(QFile::exists(path));
        QVERIFY(SyncJournal::wipeFiles(path));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
        // The other laptop is untouched.
        QVERIFY(b.sync().ok);
    }

    void oldProtocolKeepsEverything()
    {
        Laptop a, b;
        twoLaptops(a, b);
        const QString child = a.anyId(QStringLiteral("children"));
        QVERIFY(a.store->update(Table::Children, QUuid::fromString(child),
                                {{QStringLiteral("school"), QStringLiteral("Kept School")}}));
        a.client->setProtocolVersion(0);
        const SyncRun run = a.sync();
        QVERIFY(!run.ok);
        QCOMPARE(run.failure.kind, Kind::UpgradeRequired);
        QCOMPARE(a.pending(), 1);
        QCOMPARE(a.value(QStringLiteral("children"), child, QStringLiteral("school")).toString(),
                 QStringLiteral("Kept School"));
        a.client->setProtocolVersion(sync::kProtocolVersion);
        QVERIFY(a.sync().ok);
        compareWithServer(a);
    }

    void refusedChangesAreKeptAside()
    {
        Laptop a, b;
        twoLaptops(a, b);
        // A new case with a case number the server already has: refused, kept aside.
        QSqlQuery query(a.store->database());
        QVERIFY(query.exec(QStringLiteral("SELECT case_number FROM cases LIMIT 1")) &&
                query.next());
        const QString taken = query.value(0).toString();
        query.finish();
        const QUuid duplicate = QUuid::createUuid();
        // The laptop's own index refuses a duplicate among its live cases; a trailing space gets
        // past it, and the server, which compares case numbers trimmed, refuses it.
        QVERIFY(a.store->insert(Table::Cases, duplicate,
                                {{QStringLiteral("case_number"), taken + QStringLiteral(" ")},
                                 {QStringLiteral("court"), QStringLiteral("Testbury")},
                                 {QStringLiteral("kind"), QStringLiteral("care_order")},
                                 {QStringLiteral("issued_on"), QStringLiteral("2026-11-01")}}));
        const SyncRun run = a.sync();
        QVERIFY(run.ok);
        QCOMPARE(run.counts.rejected, 1);
        auto refused = SyncJournal(*a.store).rejected();
        QCOMPARE(refused->size(), 1);
        QVERIFY(!refused->constFirst().reason.isEmpty());
        QCOMPARE(refused->constFirst().change.recordId, duplicate.toString(QUuid::WithoutBraces));
        QCOMPARE(a.pending(), 0);
        // Still on the laptop, marked as not on the server.
        QVERIFY(SyncJournal(*a.store).casesWithUnsentWork()->contains(
            duplicate.toString(QUuid::WithoutBraces)));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
