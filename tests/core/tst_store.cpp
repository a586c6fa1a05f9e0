// The store layer: migrations and backups, refusing files it must not touch, the pragmas
// that keep data safe, the sync outbox, transactions, immutability of finalised records,
// two writers at once, repository round trips and every validation rule.
#include "domain/Clock.h"
#include "notes/NoteRepository.h"
#include "notes/NoteSearch.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

using namespace lantern;

namespace lantern {
// Readable QCOMPARE failures for error codes.
char *toString(ErrorCode code)
{
    const char *name = "?";
    switch (code) {
    case ErrorCode::None:
        name = "None";
        break;
    case ErrorCode::InvalidInput:
        name = "InvalidInput";
        break;
    case ErrorCode::NotFound:
        name = "NotFound";
        break;
    case ErrorCode::Duplicate:
        name = "Duplicate";
        break;
    case ErrorCode::Immutable:
        name = "Immutable";
        break;
    case ErrorCode::StoreNotSqlite:
        name = "StoreNotSqlite";
        break;
    case ErrorCode::StoreCorrupt:
        name = "StoreCorrupt";
        break;
    case ErrorCode::StoreReadOnly:
        name = "StoreReadOnly";
        break;
    case ErrorCode::StoreTooNew:
        name = "StoreTooNew";
        break;
    case ErrorCode::StoreUnavailable:
        name = "StoreUnavailable";
        break;
    case ErrorCode::StoreBusy:
        name = "StoreBusy";
        break;
    case ErrorCode::Database:
        name = "Database";
        break;
    case ErrorCode::Io:
        name = "Io";
        break;
    }
    return qstrdup(name);
}
} // namespace lantern

using CaseChange = std::function<void(lantern::Case &)>;
using ChildChange = std::function<void(lantern::Child &)>;
using AdultChange = std::function<void(lantern::Adult &)>;
using HearingChange = std::function<void(lantern::Hearing &)>;
Q_DECLARE_METATYPE(CaseChange)
Q_DECLARE_METATYPE(ChildChange)
Q_DECLARE_METATYPE(AdultChange)
Q_DECLARE_METATYPE(HearingChange)

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC);

template <typename R> QString why(const R &result)
{
    return result ? QString() : result.error().message;
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

Case sampleCase(const QString &number, const QDate &issuedOn)
{
    Case c;
    c.caseNumber = number;
    c.court = QStringLiteral("Family Court at Exampleton");
    c.kind = ProceedingsKind::ChildArrangements;
    c.issuedOn = issuedOn;
    return c;
}

// A plain connection to a SQLite file, to look at or tamper with it behind the Store's back.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    bool ok() const { return m_ok; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_ok = false;
};

// The first value of the first row; an invalid QVariant when the query fails or is empty.
QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return {};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0);
}

struct OutboxRow
{
    qint64 seq = 0;
    QString op;
    QString table;
    QString recordId;
    QJsonObject fields;
    qint64 baseVersion = -1;
};

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_clock.set(kNow);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        StoreOptions options;
        options.actor = QStringLiteral("fca.one");
        auto store = Store::open(m_dir->filePath(QStringLiteral("store.db")), m_clock, options);
        QVERIFY2(store, qPrintable(why(store)));
        m_store = std::move(store).value();

        m_caseId = addCase(QStringLiteral("ZZ26C00001"));
        m_otherCaseId = addCase(QStringLiteral("ZZ26C00002"));
        m_deletedCaseId = addCase(QStringLiteral("ZZ26C00003"));
        QVERIFY(!m_caseId.isNull() && !m_otherCaseId.isNull() && !m_deletedCaseId.isNull());
        QVERIFY(CaseRepository(*m_store).remove(m_deletedCaseId));
        m_childId = addChild(m_caseId, QStringLiteral("Amara Test"));
        m_otherChildId = addChild(m_otherCaseId, QStringLiteral("Other Child"));
        m_deletedChildId = addChild(m_caseId, QStringLiteral("Gone Child"));
        QVERIFY(!m_childId.isNull() && !m_otherChildId.isNull() && !m_deletedChildId.isNull());
        QVERIFY(ChildRepository(*m_store).remove(m_deletedChildId));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    // --- 1. Migrations ---------------------------------------------------------------------

    void emptyFileIsMigratedToLatest()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.db"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QCOMPARE(QFileInfo(path).size(), qint64(0));
        auto store = Store::open(path, m_clock);
        QVERIFY2(store, qPrintable(why(store)));
        QCOMPARE((*store)->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(scalar((*store)->database(), QStringLiteral("PRAGMA user_version")).toInt(),
                 Store::latestSchemaVersion());
        // Nothing to lose in an empty file: no backup.
        QVERIFY((*store)->lastBackupPath().isEmpty());
        const QStringList tables = {
            QStringLiteral("cases"),
            QStringLiteral("children"),
            QStringLiteral("adults"),
            QStringLiteral("hearings"),
            QStringLiteral("visits"),
            QStringLiteral("notes"),
            QStringLiteral("note_revisions"),
            QStringLiteral("letters"),
            QStringLiteral("letter_templates"),
            QStringLiteral("audit_events"),
            QStringLiteral("outbox"),
            QStringLiteral("settings"),
            QStringLiteral("note_drafts"),
            QStringLiteral("note_search"),
        };
        for (const QString &table : tables)
            QVERIFY2(scalar((*store)->database(),
                            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"),
                            {table})
                             .toInt() == 1,
                     qPrintable(table));
        // And it works.
        auto added = CaseRepository(**store).add(
            sampleCase(QStringLiteral("ZZ26P00001"), m_clock.today().addDays(-10)));
        QVERIFY2(added, qPrintable(why(added)));
    }

    void missingFileIsRefusedWhenNotToBeCreated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing.db"));
        StoreOptions options;
        options.createIfMissing = false;
        auto store = Store::open(path, m_clock, options);
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::StoreUnavailable);
        QVERIFY2(store.error().message.contains(path), qPrintable(store.error().message));
        QVERIFY(!QFileInfo::exists(path));
    }

    void everyEarlierVersionIsMigrated_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < Store::latestSchemaVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("from v%1").arg(v))) << v;
    }

    void everyEarlierVersionIsMigrated()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        QUuid caseId;
        QUuid childId;
        QUuid noteId;
        {
            StoreOptions options;
            options.actor = QStringLiteral("fca.one");
            options.migrateTo = from;
            auto store = Store::open(path, m_clock, options);
            QVERIFY2(store, qPrintable(why(store)));
            QCOMPARE((*store)->schemaVersion(), from);
            QCOMPARE(scalar((*store)->database(), QStringLiteral("PRAGMA user_version")).toInt(),
                     from);
            Case c = sampleCase(QStringLiteral("ZZ26P00100"), m_clock.today().addDays(-30));
            c.allocatedTo = QStringLiteral("fca.one");
            c.domesticAbuse = true;
            auto added = CaseRepository(**store).add(c);
            QVERIFY2(added, qPrintable(why(added)));
            caseId = added->meta.id;
            Child child;
            child.caseId = caseId;
            child.legalName = QStringLiteral("Sam Old");
            child.dateOfBirth = QDate(2018, 2, 3);
            auto addedChild = ChildRepository(**store).add(child);
            QVERIFY2(addedChild, qPrintable(why(addedChild)));
            childId = addedChild->meta.id;
            if (from >= 2) {
                // A finalised note written before note search existed (raw fields of v2).
                noteId = QUuid::createUuid();
                const QVariant at = storeValue::fromTime(m_clock.nowUtc().addDays(-1));
                auto note = (*store)->insert(
                    Table::Notes, noteId,
                    {{QStringLiteral("case_id"), idText(caseId)},
                     {QStringLiteral("child_ids"), storeValue::fromIdList({childId})},
                     {QStringLiteral("kind"), QStringLiteral("visit")},
                     {QStringLiteral("contact_at"), at},
                     {QStringLiteral("author"), QStringLiteral("fca.one")},
                     {QStringLiteral("finalised_at"), at}});
                QVERIFY2(note, qPrintable(why(note)));
                auto revision = (*store)->insert(
                    Table::NoteRevisions, QUuid::createUuid(),
                    {{QStringLiteral("note_id"), idText(noteId)},
                     {QStringLiteral("number"), 1},
                     {QStringLiteral("body_html"), QStringLiteral("<p>Sam fed the giraffe</p>")},
                     {QStringLiteral("body_text"), QStringLiteral("Sam fed the giraffe")},
                     {QStringLiteral("author"), QStringLiteral("fca.one")},
                     {QStringLiteral("finalised_at"), at}});
                QVERIFY2(revision, qPrintable(why(revision)));
            }
        }
        const int outboxBefore = [&] {
            RawDb raw(path);
            return scalar(raw.db(), QStringLiteral("SELECT count(*) FROM outbox")).toInt();
        }();
        QVERIFY(outboxBefore >= 2);

        m_clock.advanceSecs(24 * 3600);
        auto store = Store::open(path, m_clock);
        QVERIFY2(store, qPrintable(why(store)));
        QCOMPARE((*store)->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(scalar((*store)->database(), QStringLiteral("PRAGMA user_version")).toInt(),
                 Store::latestSchemaVersion());

        // The data survived, and so did the changes still waiting to be synced.
        auto c = CaseRepository(**store).get(caseId);
        QVERIFY2(c, qPrintable(why(c)));
        QCOMPARE(c->caseNumber, QStringLiteral("ZZ26P00100"));
        QCOMPARE(c->allocatedTo, QStringLiteral("fca.one"));
        QVERIFY(c->domesticAbuse);
        QCOMPARE(c->issuedOn, kNow.date().addDays(-30));
        auto child = ChildRepository(**store).get(childId);
        QVERIFY2(child, qPrintable(why(child)));
        QCOMPARE(child->legalName, QStringLiteral("Sam Old"));
        QCOMPARE(
            scalar((*store)->database(), QStringLiteral("SELECT count(*) FROM outbox")).toInt(),
            outboxBefore);
        if (!noteId.isNull()) {
            // Notes written before the upgrade are found by search afterwards.
            auto hits = NoteSearch(**store).search(QStringLiteral("giraffe"));
            QVERIFY2(hits, qPrintable(why(hits)));
            QCOMPARE(hits->size(), 1);
            QCOMPARE(hits->constFirst().noteId, noteId);
        }
        // The migrated store takes new work of every kind.
        auto another = CaseRepository(**store).add(
            sampleCase(QStringLiteral("ZZ26P00101"), m_clock.today().addDays(-1)));
        QVERIFY2(another, qPrintable(why(another)));
        NoteRepository notes(**store);
        auto note = notes.start(caseId, {childId}, NoteKind::Visit, m_clock.nowUtc());
        QVERIFY2(note, qPrintable(why(note)));
        QVERIFY(notes.saveDraft(note->meta.id, QStringLiteral("<p>Fine</p>"),
                                QStringLiteral("Fine"), 4));

        // A backup of the store as it was, before it was changed.
        const QString backup = (*store)->lastBackupPath();
        QVERIFY(!backup.isEmpty());
        QVERIFY(backup != path);
        QVERIFY2(QFileInfo::exists(backup), qPrintable(backup));
        {
            QFile file(backup);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.read(16), QByteArray("SQLite format 3\0", 16));
        }
        RawDb raw(backup);
        QVERIFY(raw.ok());
        QCOMPARE(scalar(raw.db(), QStringLiteral("PRAGMA user_version")).toInt(), from);
        QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT case_number FROM cases WHERE id = ?"),
                        {idText(caseId)})
                     .toString(),
                 QStringLiteral("ZZ26P00100"));
        QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT count(*) FROM outbox")).toInt(),
                 outboxBefore);
        QCOMPARE(scalar(raw.db(), QStringLiteral("PRAGMA quick_check")).toString(),
                 QStringLiteral("ok"));
    }

    // --- 2. A store from a newer Lantern --------------------------------------------------

    void tooNewStoreIsRefusedAndUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.db"));
        {
            auto store = Store::open(path, m_clock);
            QVERIFY2(store, qPrintable(why(store)));
            QVERIFY(CaseRepository(**store).add(
                sampleCase(QStringLiteral("ZZ26P00300"), m_clock.today())));
        }
        {
            RawDb raw(path);
            QVERIFY(raw.ok());
            QSqlQuery query(raw.db());
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        for (int attempt = 0; attempt < 2; ++attempt) {
            auto store = Store::open(path, m_clock);
            QVERIFY(!store);
            QCOMPARE(store.error().code, ErrorCode::StoreTooNew);
            QVERIFY2(store.error().message.contains(path), qPrintable(store.error().message));
            QVERIFY2(store.error().message.contains(QStringLiteral("999")),
                     qPrintable(store.error().message));
        }
        QCOMPARE(fileHash(path), before);
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.bak")}, QDir::Files).isEmpty());
    }

    // --- 3. Files Lantern must not open ---------------------------------------------------

    void textFileIsRefusedAndUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shopping.txt"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("milk\neggs\nbread, and a great deal more text than sixteen bytes\n");
        }
        const QByteArray before = fileHash(path);
        auto store = Store::open(path, m_clock);
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::StoreNotSqlite);
        QVERIFY2(store.error().message.contains(path), qPrintable(store.error().message));
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 1);
    }

    void corruptStoreIsRefusedAndUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.db"));
        int pageSize = 0;
        {
            auto store = Store::open(path, m_clock);
            QVERIFY2(store, qPrintable(why(store)));
            CaseRepository cases(**store);
            for (int i = 0; i < 40; ++i)
                QVERIFY(cases.add(sampleCase(
                    QStringLiteral("ZZ26D%1").arg(i, 5, 10, QLatin1Char('0')), m_clock.today())));
            pageSize = scalar((*store)->database(), QStringLiteral("PRAGMA page_size")).toInt();
        }
        QVERIFY(pageSize >= 512);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 size = file.size();
            QVERIFY(size > 4 * pageSize);
            const qint64 start = pageSize + pageSize / 2; // the middle of page 2 onwards
            QByteArray garbage(size - start, '\0');
            quint32 x = 0x12345678u;
            for (char &byte : garbage) {
                x = x * 1103515245u + 12345u;
                byte = char(x >> 24);
            }
            QVERIFY(file.seek(start));
            QCOMPARE(file.write(garbage), qint64(garbage.size()));
            file.close();
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.read(16), QByteArray("SQLite format 3\0", 16));
        }
        const QByteArray before = fileHash(path);
        auto store = Store::open(path, m_clock);
        QVERIFY2(!store, "A damaged store was opened");
        QCOMPARE(store.error().code, ErrorCode::StoreCorrupt);
        QVERIFY2(store.error().message.contains(path), qPrintable(store.error().message));
        QCOMPARE(fileHash(path), before);
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.bak")}, QDir::Files).isEmpty());
    }

    void readOnlyStoreIsRefusedAndUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.db"));
        {
            auto store = Store::open(path, m_clock);
            QVERIFY2(store, qPrintable(why(store)));
            QVERIFY(CaseRepository(**store).add(
                sampleCase(QStringLiteral("ZZ26P00400"), m_clock.today())));
        }
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther));
        const QByteArray before = fileHash(path);
        auto store = Store::open(path, m_clock);
        const bool refused = !store;
        const Error error = refused ? store.error() : Error{};
        store = Error{}; // close any store before restoring permissions
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY2(refused, "A read-only store was opened for writing");
        QCOMPARE(error.code, ErrorCode::StoreReadOnly);
        QVERIFY2(error.message.contains(path), qPrintable(error.message));
        QCOMPARE(fileHash(path), before);
    }

    // --- 4. Pragmas -----------------------------------------------------------------------

    void pragmasAreSetOnEveryOpen_data()
    {
        QTest::addColumn<bool>("reopen");
        QTest::newRow("new store") << false;
        QTest::newRow("existing store") << true;
    }

    void pragmasAreSetOnEveryOpen()
    {
        QFETCH(bool, reopen);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pragmas.db"));
        if (reopen) {
            auto first = Store::open(path, m_clock);
            QVERIFY2(first, qPrintable(why(first)));
        }
        auto store = Store::open(path, m_clock);
        QVERIFY2(store, qPrintable(why(store)));
        const QSqlDatabase db = (*store)->database();
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 2);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA secure_delete")).toInt(), 1);
        // Waiting for another writer is a busy handler, not the pragma: busyTimeoutFollowsOptions.
    }

    // A save waits for another program's write as long as the busy timeout says, and no
    // longer: held briefly, the save goes through; held past the timeout, it is refused.
    void busyTimeoutFollowsOptions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.db"));
        // Another connection takes the write lock and keeps it for holdMs; meanwhile a store
        // opened with busyTimeoutMs saves a new case. Returns what the save gave.
        const auto saveWhileLocked = [&](int busyTimeoutMs, int holdMs,
                                         const QString &number) -> Result<void> {
            StoreOptions options;
            options.busyTimeoutMs = busyTimeoutMs;
            auto store = Store::open(path, m_clock, options);
            if (!store)
                return store.error();
            std::atomic<bool> held{false};
            std::thread holder([&] {
                const QString name = QStringLiteral("holder-%1").arg(holdMs);
                {
                    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                    db.setDatabaseName(path);
                    db.open();
                    QSqlQuery query(db);
                    query.exec(QStringLiteral("BEGIN IMMEDIATE"));
                    held = true;
                    std::this_thread::sleep_for(std::chrono::milliseconds(holdMs));
                    query.exec(QStringLiteral("COMMIT"));
                }
                QSqlDatabase::removeDatabase(name);
            });
            while (!held)
                std::this_thread::yield();
            const Result<void> saved =
                (*store)->insert(Table::Cases, QUuid::createUuid(),
                                 {{QStringLiteral("case_number"), number},
                                  {QStringLiteral("court"), QStringLiteral("Testbury")},
                                  {QStringLiteral("kind"), QStringLiteral("care_order")},
                                  {QStringLiteral("issued_on"), QStringLiteral("2026-11-01")}});
            holder.join();
            return saved;
        };
        const Result<void> waited = saveWhileLocked(10000, 300, QStringLiteral("ZC1"));
        QVERIFY2(waited, qPrintable(why(waited)));
        const Result<void> refused = saveWhileLocked(50, 1500, QStringLiteral("ZC2"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::StoreBusy);
    }

    // --- 5. Outbox ------------------------------------------------------------------------

    void eachWriteLeavesExactlyOneOutboxRow()
    {
        CaseRepository cases(*m_store);
        qint64 seq = lastSeq();
        auto added = cases.add(sampleCase(QStringLiteral("ZZ26P00500"), m_clock.today()));
        QVERIFY2(added, qPrintable(why(added)));
        const QUuid caseId = added->meta.id;
        expectOneRow(seq, QStringLiteral("insert"), QStringLiteral("cases"), caseId, 0);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(
            outboxAfter(seq).constFirst().fields.value(QStringLiteral("case_number")).toString(),
            QStringLiteral("ZZ26P00500"));

        seq = lastSeq();
        Case changed = *added;
        changed.court = QStringLiteral("Family Court at Elsewhere");
        QVERIFY(cases.save(changed));
        expectOneRow(seq, QStringLiteral("update"), QStringLiteral("cases"), caseId, 0);
        if (QTest::currentTestFailed())
            return;

        seq = lastSeq();
        QVERIFY(cases.remove(caseId));
        expectOneRow(seq, QStringLiteral("delete"), QStringLiteral("cases"), caseId, 0);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(outboxAfter(seq).constFirst().fields.contains(QStringLiteral("deleted_at")));

        // The same through Store directly, on another table.
        const QUuid childId = QUuid::createUuid();
        seq = lastSeq();
        QVERIFY(m_store->insert(Table::Children, childId,
                                {{QStringLiteral("case_id"), idText(m_caseId)},
                                 {QStringLiteral("legal_name"), QStringLiteral("Direct Child")},
                                 {QStringLiteral("date_of_birth"), QStringLiteral("2019-01-01")}}));
        expectOneRow(seq, QStringLiteral("insert"), QStringLiteral("children"), childId, 0);
        seq = lastSeq();
        QVERIFY(m_store->update(Table::Children, childId,
                                {{QStringLiteral("school"), QStringLiteral("Hill Primary")}}));
        expectOneRow(seq, QStringLiteral("update"), QStringLiteral("children"), childId, 0);
        seq = lastSeq();
        QVERIFY(m_store->softDelete(Table::Children, childId));
        expectOneRow(seq, QStringLiteral("delete"), QStringLiteral("children"), childId, 0);

        // An audit event is a record too.
        seq = lastSeq();
        QVERIFY(m_store->audit(QStringLiteral("test_action"), Table::Cases, m_caseId));
        const auto audit = outboxAfter(seq);
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.constFirst().op, QStringLiteral("insert"));
        QCOMPARE(audit.constFirst().table, QStringLiteral("audit_events"));
    }

    void updateCarriesTheBaseVersion()
    {
        // A record the server has seen: the outbox row says which version it changed.
        {
            QSqlQuery query(m_store->database());
            query.prepare(QStringLiteral("UPDATE cases SET version = 7 WHERE id = ?"));
            query.addBindValue(idText(m_caseId));
            QVERIFY(query.exec());
        }
        const qint64 seq = lastSeq();
        QVERIFY(m_store->update(Table::Cases, m_caseId,
                                {{QStringLiteral("delay_reason"), QStringLiteral("Expert")}}));
        expectOneRow(seq, QStringLiteral("update"), QStringLiteral("cases"), m_caseId, 7);
        const qint64 seq2 = lastSeq();
        QVERIFY(m_store->softDelete(Table::Cases, m_caseId));
        expectOneRow(seq2, QStringLiteral("delete"), QStringLiteral("cases"), m_caseId, 7);
    }

    void failedWritesLeaveNoOutboxRow()
    {
        CaseRepository cases(*m_store);
        const int caseRows = count(QStringLiteral("cases"));
        const int childRows = count(QStringLiteral("children"));
        const qint64 seq = lastSeq();

        Case invalid = sampleCase(QString(), m_clock.today());
        auto added = cases.add(invalid);
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::InvalidInput);

        auto unknown = m_store->update(Table::Cases, QUuid::createUuid(),
                                       {{QStringLiteral("court"), QStringLiteral("X")}});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);

        auto unknownDelete = m_store->softDelete(Table::Cases, QUuid::createUuid());
        QVERIFY(!unknownDelete);
        QCOMPARE(unknownDelete.error().code, ErrorCode::NotFound);

        auto deletedAgain = m_store->softDelete(Table::Cases, m_deletedCaseId);
        QVERIFY(!deletedAgain);
        QCOMPARE(deletedAgain.error().code, ErrorCode::NotFound);

        auto updateDeleted = m_store->update(Table::Cases, m_deletedCaseId,
                                             {{QStringLiteral("court"), QStringLiteral("X")}});
        QVERIFY(!updateDeleted);
        QCOMPARE(updateDeleted.error().code, ErrorCode::NotFound);

        auto badColumn =
            m_store->update(Table::Cases, m_caseId, {{QStringLiteral("no_such_column"), 1}});
        QVERIFY(!badColumn);
        QCOMPARE(badColumn.error().code, ErrorCode::InvalidInput);
        QCOMPARE(badColumn.error().field, QStringLiteral("no_such_column"));

        auto metaColumn =
            m_store->update(Table::Cases, m_caseId, {{QStringLiteral("version"), 99}});
        QVERIFY(!metaColumn);
        QCOMPARE(metaColumn.error().code, ErrorCode::InvalidInput);

        auto duplicate =
            m_store->insert(Table::Cases, m_caseId,
                            {{QStringLiteral("case_number"), QStringLiteral("NEW1")},
                             {QStringLiteral("court"), QStringLiteral("C")},
                             {QStringLiteral("kind"), QStringLiteral("c100")},
                             {QStringLiteral("issued_on"), QStringLiteral("2026-01-01")}});
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, ErrorCode::Duplicate);

        auto noId = m_store->insert(Table::Cases, QUuid(),
                                    {{QStringLiteral("case_number"), QStringLiteral("NEW2")}});
        QVERIFY(!noId);
        QCOMPARE(noId.error().code, ErrorCode::InvalidInput);

        // A child of a case that does not exist: the foreign key refuses it.
        auto orphan =
            m_store->insert(Table::Children, QUuid::createUuid(),
                            {{QStringLiteral("case_id"), idText(QUuid::createUuid())},
                             {QStringLiteral("legal_name"), QStringLiteral("Nobody's")},
                             {QStringLiteral("date_of_birth"), QStringLiteral("2019-01-01")}});
        QVERIFY(!orphan);

        QCOMPARE(outboxAfter(seq).size(), 0);
        QCOMPARE(count(QStringLiteral("cases")), caseRows);
        QCOMPARE(count(QStringLiteral("children")), childRows);
        QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT court FROM cases WHERE id = ?"),
                        {idText(m_caseId)})
                     .toString(),
                 QStringLiteral("Family Court at Exampleton"));
    }

    void unchangedSaveAndLocalStateLeaveNoOutboxRow()
    {
        const qint64 seq = lastSeq();
        CaseRepository cases(*m_store);
        auto current = cases.get(m_caseId);
        QVERIFY(current);
        auto saved = cases.save(*current);
        QVERIFY2(saved, qPrintable(why(saved)));
        QVERIFY(m_store->update(Table::Cases, m_caseId, {}));

        QVERIFY(m_store->putLocal(LocalTable::Settings, QStringLiteral("theme"),
                                  {{QStringLiteral("value"), QStringLiteral("dark")}}));
        QVERIFY(m_store->putLocal(LocalTable::Settings, QStringLiteral("theme"),
                                  {{QStringLiteral("value"), QStringLiteral("light")}}));
        QCOMPARE(scalar(m_store->database(),
                        QStringLiteral("SELECT value FROM settings WHERE key = 'theme'"))
                     .toString(),
                 QStringLiteral("light"));
        QCOMPARE(count(QStringLiteral("settings")), 1);
        QVERIFY(m_store->removeLocal(LocalTable::Settings, QStringLiteral("theme")));
        QCOMPARE(count(QStringLiteral("settings")), 0);
        QCOMPARE(outboxAfter(seq).size(), 0);
    }

    // --- 6. Transactions ------------------------------------------------------------------

    void nestedTransactionsCommitTogether()
    {
        CaseRepository cases(*m_store);
        const qint64 seq = lastSeq();
        QUuid a;
        QUuid b;
        auto done = m_store->transaction([&]() -> Result<void> {
            auto first = cases.add(sampleCase(QStringLiteral("ZZ26X00001"), m_clock.today()));
            if (!first)
                return first.error();
            a = first->meta.id;
            return m_store->transaction([&]() -> Result<void> {
                auto second = cases.add(sampleCase(QStringLiteral("ZZ26X00002"), m_clock.today()));
                if (!second)
                    return second.error();
                b = second->meta.id;
                return m_store->update(Table::Cases, a,
                                       {{QStringLiteral("delay_reason"), QStringLiteral("Ill")}});
            });
        });
        QVERIFY2(done, qPrintable(why(done)));
        QVERIFY(cases.get(a));
        QVERIFY(cases.get(b));
        QCOMPARE(cases.get(a)->delayReason, QStringLiteral("Ill"));
        QCOMPARE(outboxAfter(seq).size(), 3);
        // Committed: another connection sees it.
        RawDb raw(m_store->path());
        QCOMPARE(scalar(raw.db(), QStringLiteral(
                                      "SELECT count(*) FROM cases WHERE case_number LIKE 'ZZ26X%'"))
                     .toInt(),
                 2);
    }

    void innerErrorRollsBackEverything_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("code");
        QTest::newRow("inner transaction fails, outer passes it on")
            << QStringLiteral("propagate") << int(ErrorCode::InvalidInput);
        QTest::newRow("inner transaction fails, outer carries on")
            << QStringLiteral("ignore") << int(ErrorCode::InvalidInput);
        QTest::newRow("update of a missing record ignored")
            << QStringLiteral("missing") << int(ErrorCode::NotFound);
        QTest::newRow("duplicate insert ignored")
            << QStringLiteral("duplicate") << int(ErrorCode::Duplicate);
        QTest::newRow("update of an unknown field ignored")
            << QStringLiteral("badfield") << int(ErrorCode::InvalidInput);
    }

    void innerErrorRollsBackEverything()
    {
        QFETCH(QString, how);
        QFETCH(int, code);
        CaseRepository cases(*m_store);
        const qint64 seq = lastSeq();
        const int caseRows = count(QStringLiteral("cases"));
        auto done = m_store->transaction([&]() -> Result<void> {
            auto a = cases.add(sampleCase(QStringLiteral("ZZ26Y00001"), m_clock.today()));
            if (!a)
                return a.error();
            if (!m_store->update(Table::Cases, m_caseId,
                                 {{QStringLiteral("court"), QStringLiteral("Changed Court")}}))
                return makeError(ErrorCode::Database, QStringLiteral("setup update failed"));
            auto inner = m_store->transaction([&]() -> Result<void> {
                auto b = cases.add(sampleCase(QStringLiteral("ZZ26Y00002"), m_clock.today()));
                if (!b)
                    return b.error();
                if (how == QLatin1String("propagate") || how == QLatin1String("ignore"))
                    return makeError(ErrorCode::InvalidInput, QStringLiteral("inner says no"));
                if (how == QLatin1String("missing")) {
                    auto ignored =
                        m_store->update(Table::Cases, QUuid::createUuid(),
                                        {{QStringLiteral("court"), QStringLiteral("X")}});
                    Q_UNUSED(ignored);
                } else if (how == QLatin1String("duplicate")) {
                    auto ignored = m_store->insert(
                        Table::Cases, b->meta.id,
                        {{QStringLiteral("case_number"), QStringLiteral("ZZ26Y00003")},
                         {QStringLiteral("court"), QStringLiteral("C")},
                         {QStringLiteral("kind"), QStringLiteral("c100")},
                         {QStringLiteral("issued_on"), QStringLiteral("2026-01-01")}});
                    Q_UNUSED(ignored);
                } else if (how == QLatin1String("badfield")) {
                    auto ignored =
                        m_store->update(Table::Cases, b->meta.id, {{QStringLiteral("nope"), 1}});
                    Q_UNUSED(ignored);
                }
                return {};
            });
            if (how == QLatin1String("propagate") && !inner)
                return inner;
            // The caller carries on regardless.
            auto c = cases.add(sampleCase(QStringLiteral("ZZ26Y00004"), m_clock.today()));
            Q_UNUSED(c);
            return {};
        });
        QVERIFY2(!done, "The transaction committed although a write inside it failed");
        QCOMPARE(done.error().code, ErrorCode(code));
        QCOMPARE(count(QStringLiteral("cases")), caseRows);
        QCOMPARE(outboxAfter(seq).size(), 0);
        QCOMPARE(cases.get(m_caseId)->court, QStringLiteral("Family Court at Exampleton"));

        // The store is not left inside a transaction: the next write commits on its own.
        auto after = cases.add(sampleCase(QStringLiteral("ZZ26Y00005"), m_clock.today()));
        QVERIFY2(after, qPrintable(why(after)));
        RawDb raw(m_store->path());
        QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT count(*) FROM cases WHERE id = ?"),
                        {idText(after->meta.id)})
                     .toInt(),
                 1);
        QCOMPARE(outboxAfter(seq).size(), 1);
    }

    // --- 7. Immutability ------------------------------------------------------------------

    void finalisedNoteCannotChange()
    {
        NoteRepository notes(*m_store);
        auto note =
            notes.start(m_caseId, {m_childId}, NoteKind::Visit, m_clock.nowUtc().addSecs(-3600));
        QVERIFY2(note, qPrintable(why(note)));
        QVERIFY(notes.saveDraft(note->meta.id, QStringLiteral("<p>Amara was well.</p>"),
                                QStringLiteral("Amara was well."), 3));
        auto revision = notes.finalise(note->meta.id);
        QVERIFY2(revision, qPrintable(why(revision)));
        m_clock.advanceSecs(600);

        const QVariantList noteBefore = rowValues(QStringLiteral("notes"), note->meta.id);
        const QVariantList revisionBefore =
            rowValues(QStringLiteral("note_revisions"), revision->meta.id);
        QVERIFY(!noteBefore.isEmpty() && !revisionBefore.isEmpty());
        const qint64 seq = lastSeq();

        const QList<QVariantMap> attempts = {
            {{QStringLiteral("kind"), QStringLiteral("other")}},
            {{QStringLiteral("contact_at"), storeValue::fromTime(m_clock.nowUtc())}},
            {{QStringLiteral("finalised_at"), QVariant()}},
            {{QStringLiteral("plan_decision"), QStringLiteral("Changed")}},
        };
        for (const QVariantMap &fields : attempts) {
            auto changed = m_store->update(Table::Notes, note->meta.id, fields);
            QVERIFY2(!changed, qPrintable(fields.firstKey()));
            QCOMPARE(changed.error().code, ErrorCode::Immutable);
            QVERIFY(!changed.error().message.isEmpty());
        }
        auto rewritten = m_store->update(Table::NoteRevisions, revision->meta.id,
                                         {{QStringLiteral("body_text"), QStringLiteral("x")}});
        QVERIFY(!rewritten);
        QCOMPARE(rewritten.error().code, ErrorCode::Immutable);
        auto deleted = m_store->softDelete(Table::Notes, note->meta.id);
        QVERIFY(!deleted);
        QCOMPARE(deleted.error().code, ErrorCode::Immutable);
        auto revisionDeleted = m_store->softDelete(Table::NoteRevisions, revision->meta.id);
        QVERIFY(!revisionDeleted);
        QCOMPARE(revisionDeleted.error().code, ErrorCode::Immutable);
        Note edited = *notes.get(note->meta.id);
        edited.kind = NoteKind::PhoneCall;
        auto saved = notes.save(edited);
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ErrorCode::Immutable);

        QCOMPARE(rowValues(QStringLiteral("notes"), note->meta.id), noteBefore);
        QCOMPARE(rowValues(QStringLiteral("note_revisions"), revision->meta.id), revisionBefore);
        QCOMPARE(outboxAfter(seq).size(), 0);
        QCOMPARE(notes.revisions(note->meta.id)->constFirst().bodyText,
                 QStringLiteral("Amara was well."));
    }

    // --- 8. Two writers -------------------------------------------------------------------

    void twoConnectionsWriteAtOnce()
    {
        const QString path = m_store->path();
        const qint64 seq = lastSeq();
        const int caseRows = count(QStringLiteral("cases"));
        QStringList errors[2];
        auto work = [&path, &errors](int n) {
            FixedClock clock(kNow);
            StoreOptions options;
            options.actor = QStringLiteral("fca.thread%1").arg(n);
            auto store = Store::open(path, clock, options);
            if (!store) {
                errors[n].append(store.error().message);
                return;
            }
            CaseRepository cases(**store);
            for (int i = 0; i < 200; ++i) {
                auto added = cases.add(
                    sampleCase(QStringLiteral("ZZ26T%1%2").arg(n).arg(i, 4, 10, QLatin1Char('0')),
                               clock.today().addDays(-i)));
                if (!added)
                    errors[n].append(added.error().message);
            }
        };
        std::thread first(work, 0);
        std::thread second(work, 1);
        first.join();
        second.join();
        QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0].join(QLatin1Char('\n'))));
        QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1].join(QLatin1Char('\n'))));
        QCOMPARE(count(QStringLiteral("cases")), caseRows + 400);
        QCOMPARE(scalar(m_store->database(),
                        QStringLiteral("SELECT count(DISTINCT case_number) FROM cases WHERE "
                                       "case_number LIKE 'ZZ26T%'"))
                     .toInt(),
                 400);
        const auto rows = outboxAfter(seq);
        QCOMPARE(rows.size(), 400);
        QCOMPARE(scalar(m_store->database(),
                        QStringLiteral("SELECT count(*) FROM outbox o JOIN cases c ON "
                                       "c.id = o.record_id WHERE o.op = 'insert' AND "
                                       "c.case_number LIKE 'ZZ26T%'"))
                     .toInt(),
                 400);
        auto check = m_store->integrityCheck();
        QVERIFY2(check, qPrintable(why(check)));
        QVERIFY2(check->isEmpty(), qPrintable(check->join(QLatin1Char('\n'))));
    }

    void twoConnectionsCreateANewStoreAtOnce()
    {
        // Two parts of Lantern (or Lantern and lantern-cli) opening a store that does not
        // exist yet: both must end up with a working store, one schema, no error.
        for (int round = 0; round < 20; ++round) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("fresh.db"));
            QStringList errors[2];
            auto work = [&path, &errors](int n) {
                FixedClock clock(kNow);
                auto store = Store::open(path, clock);
                if (!store) {
                    errors[n].append(store.error().message);
                    return;
                }
                auto added = CaseRepository(**store).add(
                    sampleCase(QStringLiteral("ZZ26N0000%1").arg(n), clock.today()));
                if (!added)
                    errors[n].append(added.error().message);
            };
            std::thread first(work, 0);
            std::thread second(work, 1);
            first.join();
            second.join();
            QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(),
                     qPrintable(QStringLiteral("round %1: %2")
                                    .arg(round)
                                    .arg((errors[0] + errors[1]).join(QLatin1Char('\n')))));
            auto store = Store::open(path, m_clock);
            QVERIFY2(store, qPrintable(why(store)));
            QCOMPARE(
                scalar((*store)->database(), QStringLiteral("SELECT count(*) FROM cases")).toInt(),
                2);
        }
    }

    // --- 9. Round trips -------------------------------------------------------------------

    void caseRoundTrip()
    {
        CaseRepository cases(*m_store);
        Case c;
        c.caseNumber = QStringLiteral("ZZ26P00900");
        c.court = QStringLiteral("Family Court at Exampleton");
        c.kind = ProceedingsKind::SupervisionOrder;
        c.issuedOn = QDate(2026, 6, 1);
        c.status = CaseStatus::Closed;
        c.allocatedTo = QStringLiteral("fca.one");
        c.domesticAbuse = true;
        c.nextReviewOn = QDate(2026, 12, 1);
        c.outcome = QStringLiteral("Supervision order for 12 months");
        c.outcomeFollowedRecommendation = false;
        c.closedOn = QDate(2026, 11, 20);
        c.delayReason = QStringLiteral("Expert report late");
        const qint64 seq = lastSeq();
        auto added = cases.add(c);
        QVERIFY2(added, qPrintable(why(added)));
        QVERIFY(!added->meta.id.isNull());
        auto got = cases.get(added->meta.id);
        QVERIFY2(got, qPrintable(why(got)));
        QCOMPARE(got->meta.id, added->meta.id);
        QCOMPARE(got->meta.createdAt, kNow);
        QCOMPARE(got->meta.updatedAt, kNow);
        QCOMPARE(got->meta.version, qint64(0));
        QVERIFY(!got->meta.deletedAt.isValid());
        c.meta = got->meta;
        sameCase(*got, c);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(outboxAfter(seq).size(), 1);

        // An open case with the optional values left empty reads back empty, not zero.
        Case open = sampleCase(QStringLiteral("ZZ26P00901"), QDate(2026, 6, 2));
        auto addedOpen = cases.add(open);
        QVERIFY2(addedOpen, qPrintable(why(addedOpen)));
        QVERIFY(!addedOpen->outcomeFollowedRecommendation.has_value());
        QVERIFY(!addedOpen->nextReviewOn.isValid());
        QVERIFY(!addedOpen->closedOn.isValid());
        QCOMPARE(addedOpen->status, CaseStatus::Open);
        QVERIFY(addedOpen->outcome.isEmpty());

        // Save a change: only the changed fields travel.
        m_clock.advanceSecs(60);
        Case edited = *got;
        edited.court = QStringLiteral("Family Court at Elsewhere");
        edited.nextReviewOn = QDate(2027, 1, 10);
        edited.outcomeFollowedRecommendation = true;
        const qint64 seq2 = lastSeq();
        auto saved = cases.save(edited);
        QVERIFY2(saved, qPrintable(why(saved)));
        QCOMPARE(saved->meta.createdAt, kNow);
        QCOMPARE(saved->meta.updatedAt, kNow.addSecs(60));
        edited.meta = saved->meta;
        sameCase(*saved, edited);
        if (QTest::currentTestFailed())
            return;
        const auto rows = outboxAfter(seq2);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().op, QStringLiteral("update"));
        QCOMPARE(fieldNames(rows.constFirst()),
                 (QStringList{QStringLiteral("court"), QStringLiteral("next_review_on"),
                              QStringLiteral("outcome_followed_recommendation"),
                              QStringLiteral("updated_at")}));
        QCOMPARE(rows.constFirst().fields.value(QStringLiteral("court")).toString(),
                 QStringLiteral("Family Court at Elsewhere"));
        QCOMPARE(rows.constFirst().fields.value(QStringLiteral("next_review_on")).toString(),
                 QStringLiteral("2027-01-10"));

        expectSoftDelete<Case>(added->meta.id, QStringLiteral("cases"));
        if (QTest::currentTestFailed())
            return;
        // The number of a deleted case can be used again.
        auto reused = cases.add(sampleCase(QStringLiteral("ZZ26P00900"), QDate(2026, 6, 1)));
        QVERIFY2(reused, qPrintable(why(reused)));
        QVERIFY(reused->meta.id != added->meta.id);
    }

    void childRoundTrip()
    {
        ChildRepository children(*m_store);
        Child c;
        c.caseId = m_caseId;
        c.legalName = QStringLiteral("Gwenllian Prawf");
        c.preferredName = QStringLiteral("Gwen");
        c.dateOfBirth = QDate(2015, 3, 14);
        c.pronouns = QStringLiteral("she/her");
        c.firstLanguage = QStringLiteral("Welsh");
        c.letterLanguage = QStringLiteral("cy");
        c.heritage = QStringLiteral("Welsh");
        c.faith = QStringLiteral("Chapel");
        c.school = QStringLiteral("Ysgol Gymraeg");
        c.livesWith = QStringLiteral("Nain");
        c.whatMatters = QStringLiteral("Her dog, Mot, and singing in the eisteddfod");
        auto added = children.add(c);
        QVERIFY2(added, qPrintable(why(added)));
        auto got = children.get(added->meta.id);
        QVERIFY2(got, qPrintable(why(got)));
        QCOMPARE(got->meta.createdAt, kNow);
        c.meta = got->meta;
        sameChild(*got, c);
        if (QTest::currentTestFailed())
            return;

        m_clock.advanceSecs(60);
        Child edited = *got;
        edited.school = QStringLiteral("Ysgol Newydd");
        edited.whatMatters = QStringLiteral("Mot");
        const qint64 seq = lastSeq();
        auto saved = children.save(edited);
        QVERIFY2(saved, qPrintable(why(saved)));
        edited.meta = saved->meta;
        sameChild(*saved, edited);
        if (QTest::currentTestFailed())
            return;
        const auto rows = outboxAfter(seq);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(fieldNames(rows.constFirst()),
                 (QStringList{QStringLiteral("school"), QStringLiteral("updated_at"),
                              QStringLiteral("what_matters")}));

        expectSoftDelete<Child>(added->meta.id, QStringLiteral("children"));
    }

    void adultRoundTrip()
    {
        const QUuid secondChild = addChild(m_caseId, QStringLiteral("Dylan Test"));
        QVERIFY(!secondChild.isNull());
        AdultRepository adults(*m_store);
        Adult a;
        a.caseId = m_caseId;
        a.childIds = {secondChild, m_childId};
        a.name = QStringLiteral("Ceridwen Test");
        a.role = AdultRole::Grandparent;
        a.relationship = QStringLiteral("Maternal grandmother");
        a.phone = QStringLiteral("01632 960000");
        a.email = QStringLiteral("ceridwen@example.invalid");
        a.address = QStringLiteral("1 Refuge Road, Exampleton");
        a.addressConfidential = true;
        a.domesticAbuseVictim = true;
        a.allegedPerpetrator = true;
        a.childMustNotKnow = true;
        a.safetyNotes = QStringLiteral("Do not give out the address.");
        auto added = adults.add(a);
        QVERIFY2(added, qPrintable(why(added)));
        auto got = adults.get(added->meta.id);
        QVERIFY2(got, qPrintable(why(got)));
        a.meta = got->meta;
        sameAdult(*got, a);
        if (QTest::currentTestFailed())
            return;

        // Every flag cleared reads back cleared, too.
        Adult plain;
        plain.caseId = m_caseId;
        plain.name = QStringLiteral("Plain Person");
        plain.role = AdultRole::Teacher;
        auto addedPlain = adults.add(plain);
        QVERIFY2(addedPlain, qPrintable(why(addedPlain)));
        plain.meta = addedPlain->meta;
        sameAdult(*addedPlain, plain);
        if (QTest::currentTestFailed())
            return;

        // Revealing a confidential address is audited (and the audit row is synced).
        qint64 seq = lastSeq();
        auto address = adults.revealAddress(added->meta.id);
        QVERIFY2(address, qPrintable(why(address)));
        QCOMPARE(*address, QStringLiteral("1 Refuge Road, Exampleton"));
        auto audit = outboxAfter(seq);
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.constFirst().table, QStringLiteral("audit_events"));
        QCOMPARE(scalar(m_store->database(),
                        QStringLiteral("SELECT actor FROM audit_events WHERE record_id = ?"),
                        {idText(added->meta.id)})
                     .toString(),
                 QStringLiteral("fca.one"));
        seq = lastSeq();
        QVERIFY(adults.revealAddress(addedPlain->meta.id));
        QCOMPARE(outboxAfter(seq).size(), 0);

        m_clock.advanceSecs(60);
        Adult edited = *got;
        edited.allegedPerpetrator = false;
        edited.childIds = {m_childId};
        seq = lastSeq();
        auto saved = adults.save(edited);
        QVERIFY2(saved, qPrintable(why(saved)));
        edited.meta = saved->meta;
        sameAdult(*saved, edited);
        if (QTest::currentTestFailed())
            return;
        const auto rows = outboxAfter(seq);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(fieldNames(rows.constFirst()),
                 (QStringList{QStringLiteral("alleged_perpetrator"), QStringLiteral("child_ids"),
                              QStringLiteral("updated_at")}));
        QCOMPARE(storeValue::toIdList(
                     rows.constFirst().fields.value(QStringLiteral("child_ids")).toString()),
                 QList<QUuid>{m_childId});

        expectSoftDelete<Adult>(added->meta.id, QStringLiteral("adults"));
    }

    void hearingRoundTrip()
    {
        HearingRepository hearings(*m_store);
        Hearing h;
        h.caseId = m_caseId;
        h.kind = HearingKind::FactFinding;
        h.startsAt = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);
        h.venue = QStringLiteral("Exampleton Justice Centre, Court 4");
        h.filingDaysBefore = 5;
        h.note = QStringLiteral("Interpreter booked");
        auto added = hearings.add(h);
        QVERIFY2(added, qPrintable(why(added)));
        auto got = hearings.get(added->meta.id);
        QVERIFY2(got, qPrintable(why(got)));
        h.meta = got->meta;
        sameHearing(*got, h);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(got->startsAt.timeSpec(), Qt::UTC);
        QCOMPARE(got->filingDeadline(), QDate(2026, 11, 28));
        QCOMPARE(scalar(m_store->database(),
                        QStringLiteral("SELECT starts_at FROM hearings WHERE id = ?"),
                        {idText(got->meta.id)})
                     .toString(),
                 QStringLiteral("2026-12-03T10:00:00.000Z"));

        // No filing deadline stays none; a deadline of 0 days stays 0.
        Hearing none = h;
        none.meta = {};
        none.filingDaysBefore.reset();
        auto addedNone = hearings.add(none);
        QVERIFY2(addedNone, qPrintable(why(addedNone)));
        QVERIFY(!addedNone->filingDaysBefore.has_value());
        Hearing zero = h;
        zero.meta = {};
        zero.filingDaysBefore = 0;
        auto addedZero = hearings.add(zero);
        QVERIFY2(addedZero, qPrintable(why(addedZero)));
        QCOMPARE(addedZero->filingDaysBefore, std::optional<int>(0));

        // A time given in London summer time is stored as the same instant in UTC.
        Hearing summer = h;
        summer.meta = {};
        summer.startsAt = QDateTime(QDate(2027, 6, 10), QTime(10, 0), Clock::londonZone());
        auto addedSummer = hearings.add(summer);
        QVERIFY2(addedSummer, qPrintable(why(addedSummer)));
        QCOMPARE(addedSummer->startsAt, QDateTime(QDate(2027, 6, 10), QTime(9, 0), Qt::UTC));
        QCOMPARE(addedSummer->startsAt.timeSpec(), Qt::UTC);

        m_clock.advanceSecs(60);
        Hearing edited = *got;
        edited.startsAt = edited.startsAt.addDays(7);
        const qint64 seq = lastSeq();
        auto saved = hearings.save(edited);
        QVERIFY2(saved, qPrintable(why(saved)));
        edited.meta = saved->meta;
        sameHearing(*saved, edited);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(saved->filingDeadline(), QDate(2026, 12, 5));
        const auto rows = outboxAfter(seq);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(fieldNames(rows.constFirst()),
                 (QStringList{QStringLiteral("starts_at"), QStringLiteral("updated_at")}));
        QCOMPARE(rows.constFirst().fields.value(QStringLiteral("starts_at")).toString(),
                 QStringLiteral("2026-12-10T10:00:00.000Z"));

        expectSoftDelete<Hearing>(added->meta.id, QStringLiteral("hearings"));
    }

    // --- 10. Validation -------------------------------------------------------------------

    void caseValidation_data()
    {
        QTest::addColumn<CaseChange>("change");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        const int invalid = int(ErrorCode::InvalidInput);
        const QDate today = kNow.date();
        auto closeWith = [today](Case &c) {
            c.status = CaseStatus::Closed;
            c.outcome = QStringLiteral("Child arrangements order");
            c.outcomeFollowedRecommendation = true;
            c.closedOn = today;
        };
        QTest::newRow("no case number") << CaseChange([](Case &c) { c.caseNumber.clear(); })
                                        << invalid << QStringLiteral("case_number");
        QTest::newRow("blank case number")
            << CaseChange([](Case &c) { c.caseNumber = QStringLiteral("   "); }) << invalid
            << QStringLiteral("case_number");
        QTest::newRow("no court") << CaseChange([](Case &c) { c.court.clear(); }) << invalid
                                  << QStringLiteral("court");
        QTest::newRow("blank court") << CaseChange([](Case &c) { c.court = QStringLiteral("\t "); })
                                     << invalid << QStringLiteral("court");
        QTest::newRow("no issue date") << CaseChange([](Case &c) { c.issuedOn = QDate(); })
                                       << invalid << QStringLiteral("issued_on");
        QTest::newRow("issued tomorrow")
            << CaseChange([today](Case &c) { c.issuedOn = today.addDays(1); }) << invalid
            << QStringLiteral("issued_on");
        QTest::newRow("closed without outcome") << CaseChange([closeWith](Case &c) {
            closeWith(c);
            c.outcome.clear();
        }) << invalid << QStringLiteral("outcome");
        QTest::newRow("closed with blank outcome") << CaseChange([closeWith](Case &c) {
            closeWith(c);
            c.outcome = QStringLiteral("  ");
        }) << invalid << QStringLiteral("outcome");
        QTest::newRow("closed without saying whether recommendation followed")
            << CaseChange([closeWith](Case &c) {
                   closeWith(c);
                   c.outcomeFollowedRecommendation.reset();
               })
            << invalid << QStringLiteral("outcome_followed_recommendation");
        QTest::newRow("closed without closing date") << CaseChange([closeWith](Case &c) {
            closeWith(c);
            c.closedOn = QDate();
        }) << invalid << QStringLiteral("closed_on");
        QTest::newRow("closed before issued") << CaseChange([closeWith](Case &c) {
            closeWith(c);
            c.closedOn = c.issuedOn.addDays(-1);
        }) << invalid << QStringLiteral("closed_on");
        QTest::newRow("number already in the caseload")
            << CaseChange([](Case &c) { c.caseNumber = QStringLiteral("ZZ26C00001"); })
            << int(ErrorCode::Duplicate) << QStringLiteral("case_number");
        QTest::newRow("number already in the caseload, with spaces")
            << CaseChange([](Case &c) { c.caseNumber = QStringLiteral(" ZZ26C00001 "); })
            << int(ErrorCode::Duplicate) << QStringLiteral("case_number");
    }

    void caseValidation()
    {
        QFETCH(CaseChange, change);
        QFETCH(int, code);
        QFETCH(QString, field);
        CaseRepository cases(*m_store);
        auto stored = cases.add(sampleCase(QStringLiteral("ZZ26V00002"), m_clock.today()));
        QVERIFY2(stored, qPrintable(why(stored)));
        Case fresh = sampleCase(QStringLiteral("ZZ26V00001"), m_clock.today().addDays(-5));
        change(fresh);
        Case edited = *stored;
        change(edited);
        expectRefused(cases, fresh, edited, *stored, QStringLiteral("cases"), ErrorCode(code),
                      field);
    }

    void childValidation_data()
    {
        QTest::addColumn<ChildChange>("change");
        QTest::addColumn<QString>("field");
        const QDate today = kNow.date();
        QTest::newRow("no name") << ChildChange([](Child &c) { c.legalName.clear(); })
                                 << QStringLiteral("legal_name");
        QTest::newRow("blank name")
            << ChildChange([](Child &c) { c.legalName = QStringLiteral("  "); })
            << QStringLiteral("legal_name");
        QTest::newRow("no date of birth") << ChildChange([](Child &c) { c.dateOfBirth = QDate(); })
                                          << QStringLiteral("date_of_birth");
        QTest::newRow("born tomorrow")
            << ChildChange([today](Child &c) { c.dateOfBirth = today.addDays(1); })
            << QStringLiteral("date_of_birth");
        QTest::newRow("older than nineteen")
            << ChildChange([today](Child &c) { c.dateOfBirth = today.addYears(-19).addDays(-1); })
            << QStringLiteral("date_of_birth");
        QTest::newRow("letters in French")
            << ChildChange([](Child &c) { c.letterLanguage = QStringLiteral("fr"); })
            << QStringLiteral("letter_language");
        QTest::newRow("no letter language")
            << ChildChange([](Child &c) { c.letterLanguage.clear(); })
            << QStringLiteral("letter_language");
        QTest::newRow("no case") << ChildChange([](Child &c) { c.caseId = QUuid(); })
                                 << QStringLiteral("case_id");
        QTest::newRow("unknown case")
            << ChildChange([](Child &c) { c.caseId = QUuid::createUuid(); })
            << QStringLiteral("case_id");
        QTest::newRow("deleted case")
            << ChildChange([this](Child &c) { c.caseId = m_deletedCaseId; })
            << QStringLiteral("case_id");
    }

    void childValidation()
    {
        QFETCH(ChildChange, change);
        QFETCH(QString, field);
        ChildRepository children(*m_store);
        auto stored = children.get(m_childId);
        QVERIFY2(stored, qPrintable(why(stored)));
        Child fresh;
        fresh.caseId = m_caseId;
        fresh.legalName = QStringLiteral("New Child");
        fresh.dateOfBirth = QDate(2020, 1, 1);
        change(fresh);
        Child edited = *stored;
        change(edited);
        expectRefused(children, fresh, edited, *stored, QStringLiteral("children"),
                      ErrorCode::InvalidInput, field);
    }

    void adultValidation_data()
    {
        QTest::addColumn<AdultChange>("change");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << AdultChange([](Adult &a) { a.name.clear(); })
                                 << QStringLiteral("name");
        QTest::newRow("blank name") << AdultChange([](Adult &a) { a.name = QStringLiteral(" "); })
                                    << QStringLiteral("name");
        QTest::newRow("no case") << AdultChange([](Adult &a) { a.caseId = QUuid(); })
                                 << QStringLiteral("case_id");
        QTest::newRow("unknown case")
            << AdultChange([](Adult &a) { a.caseId = QUuid::createUuid(); })
            << QStringLiteral("case_id");
        QTest::newRow("deleted case")
            << AdultChange([this](Adult &a) { a.caseId = m_deletedCaseId; })
            << QStringLiteral("case_id");
        QTest::newRow("child of another case")
            << AdultChange([this](Adult &a) { a.childIds.append(m_otherChildId); })
            << QStringLiteral("child_ids");
        QTest::newRow("unknown child")
            << AdultChange([](Adult &a) { a.childIds.append(QUuid::createUuid()); })
            << QStringLiteral("child_ids");
        QTest::newRow("deleted child")
            << AdultChange([this](Adult &a) { a.childIds.append(m_deletedChildId); })
            << QStringLiteral("child_ids");
    }

    void adultValidation()
    {
        QFETCH(AdultChange, change);
        QFETCH(QString, field);
        AdultRepository adults(*m_store);
        Adult valid;
        valid.caseId = m_caseId;
        valid.childIds = {m_childId};
        valid.name = QStringLiteral("Stored Adult");
        valid.role = AdultRole::Mother;
        auto stored = adults.add(valid);
        QVERIFY2(stored, qPrintable(why(stored)));
        Adult fresh = valid;
        fresh.name = QStringLiteral("New Adult");
        change(fresh);
        Adult edited = *stored;
        change(edited);
        expectRefused(adults, fresh, edited, *stored, QStringLiteral("adults"),
                      ErrorCode::InvalidInput, field);
    }

    void hearingValidation_data()
    {
        QTest::addColumn<HearingChange>("change");
        QTest::addColumn<QString>("field");
        const QDate issued = kNow.date().addDays(-100);
        QTest::newRow("no start time")
            << HearingChange([](Hearing &h) { h.startsAt = QDateTime(); })
            << QStringLiteral("starts_at");
        QTest::newRow("no case") << HearingChange([](Hearing &h) { h.caseId = QUuid(); })
                                 << QStringLiteral("case_id");
        QTest::newRow("unknown case")
            << HearingChange([](Hearing &h) { h.caseId = QUuid::createUuid(); })
            << QStringLiteral("case_id");
        QTest::newRow("deleted case")
            << HearingChange([this](Hearing &h) { h.caseId = m_deletedCaseId; })
            << QStringLiteral("case_id");
        QTest::newRow("before the case was issued") << HearingChange([issued](Hearing &h) {
            h.startsAt = QDateTime(issued.addDays(-1), QTime(12, 0), Qt::UTC);
        }) << QStringLiteral("starts_at");
        QTest::newRow("late evening before issue, London time")
            << HearingChange([issued](Hearing &h) {
                   h.startsAt = QDateTime(issued.addDays(-1), QTime(23, 30), Clock::londonZone());
               })
            << QStringLiteral("starts_at");
        QTest::newRow("filing deadline after the hearing")
            << HearingChange([](Hearing &h) { h.filingDaysBefore = -1; })
            << QStringLiteral("filing_days_before");
        QTest::newRow("filing deadline over a year before")
            << HearingChange([](Hearing &h) { h.filingDaysBefore = 366; })
            << QStringLiteral("filing_days_before");
    }

    void hearingValidation()
    {
        QFETCH(HearingChange, change);
        QFETCH(QString, field);
        HearingRepository hearings(*m_store);
        Hearing valid;
        valid.caseId = m_caseId;
        valid.kind = HearingKind::Final;
        valid.startsAt = QDateTime(QDate(2027, 1, 20), QTime(10, 0), Qt::UTC);
        valid.filingDaysBefore = 10;
        auto stored = hearings.add(valid);
        QVERIFY2(stored, qPrintable(why(stored)));
        Hearing fresh = valid;
        fresh.venue = QStringLiteral("New venue");
        change(fresh);
        Hearing edited = *stored;
        change(edited);
        expectRefused(hearings, fresh, edited, *stored, QStringLiteral("hearings"),
                      ErrorCode::InvalidInput, field);
    }

    void validationBoundariesAreAccepted()
    {
        const QDate today = m_clock.today();
        Case issuedToday = sampleCase(QStringLiteral("ZZ26B00001"), today);
        issuedToday.status = CaseStatus::Closed;
        issuedToday.outcome = QStringLiteral("No order");
        issuedToday.outcomeFollowedRecommendation = false;
        issuedToday.closedOn = today;
        auto c = CaseRepository(*m_store).add(issuedToday);
        QVERIFY2(c, qPrintable(why(c)));

        ChildRepository children(*m_store);
        for (const QDate &born : {today, today.addYears(-19)}) {
            Child child;
            child.caseId = m_caseId;
            child.legalName = QStringLiteral("Boundary Child");
            child.dateOfBirth = born;
            child.letterLanguage = QStringLiteral("cy");
            auto added = children.add(child);
            QVERIFY2(added, qPrintable(born.toString(Qt::ISODate) + QLatin1Char(' ') + why(added)));
        }

        HearingRepository hearings(*m_store);
        const QDate issued = kNow.date().addDays(-100);
        for (int days : {0, 365}) {
            Hearing h;
            h.caseId = m_caseId;
            h.startsAt = QDateTime(QDate(2027, 1, 20), QTime(10, 0), Qt::UTC);
            h.filingDaysBefore = days;
            auto added = hearings.add(h);
            QVERIFY2(added, qPrintable(why(added)));
        }
        // Half past midnight in London on the issue day is the evening before in UTC.
        Hearing early;
        early.caseId = m_caseId;
        early.startsAt = QDateTime(issued, QTime(0, 30), Clock::londonZone());
        QCOMPARE(early.startsAt.toUTC().date(), issued.addDays(-1));
        auto added = hearings.add(early);
        QVERIFY2(added, qPrintable(why(added)));
    }

private:
    QUuid addCase(const QString &number)
    {
        auto added =
            CaseRepository(*m_store).add(sampleCase(number, m_clock.today().addDays(-100)));
        return added ? added->meta.id : QUuid();
    }

    QUuid addChild(const QUuid &caseId, const QString &name)
    {
        Child child;
        child.caseId = caseId;
        child.legalName = name;
        child.dateOfBirth = QDate(2017, 5, 4);
        auto added = ChildRepository(*m_store).add(child);
        return added ? added->meta.id : QUuid();
    }

    int count(const QString &table) const
    {
        return scalar(m_store->database(), QStringLiteral("SELECT count(*) FROM %1").arg(table))
            .toInt();
    }

    qint64 lastSeq() const
    {
        return scalar(m_store->database(),
                      QStringLiteral("SELECT coalesce(max(seq), 0) FROM outbox"))
            .toLongLong();
    }

    QList<OutboxRow> outboxAfter(qint64 seq) const
    {
        QSqlQuery query(m_store->database());
        query.prepare(QStringLiteral("SELECT seq, op, table_name, record_id, fields, base_version "
                                     "FROM outbox WHERE seq > ? ORDER BY seq"));
        query.addBindValue(seq);
        QList<OutboxRow> rows;
        if (!query.exec())
            return rows;
        while (query.next()) {
            OutboxRow row;
            row.seq = query.value(0).toLongLong();
            row.op = query.value(1).toString();
            row.table = query.value(2).toString();
            row.recordId = query.value(3).toString();
            row.fields = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
            row.baseVersion = query.value(5).toLongLong();
            rows.append(row);
        }
        return rows;
    }

    static QStringList fieldNames(const OutboxRow &row)
    {
        QStringList names = row.fields.keys();
        names.sort();
        return names;
    }

    void expectOneRow(qint64 seq, const QString &op, const QString &table, const QUuid &id,
                      qint64 baseVersion)
    {
        const auto rows = outboxAfter(seq);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().op, op);
        QCOMPARE(rows.constFirst().table, table);
        QCOMPARE(rows.constFirst().recordId, idText(id));
        QCOMPARE(rows.constFirst().baseVersion, baseVersion);
    }

    QVariantList rowValues(const QString &table, const QUuid &id) const
    {
        QSqlQuery query(m_store->database());
        query.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table));
        query.addBindValue(idText(id));
        QVariantList values;
        if (!query.exec() || !query.next())
            return values;
        const QSqlRecord record = query.record();
        for (int i = 0; i < record.count(); ++i)
            values.append(record.value(i));
        return values;
    }

    template <typename T> void expectSoftDelete(const QUuid &id, const QString &table)
    {
        RecordRepository<T> repository(*m_store);
        m_clock.advanceSecs(60);
        const qint64 seq = lastSeq();
        auto removed = repository.remove(id);
        QVERIFY2(removed, qPrintable(why(removed)));
        auto gone = repository.get(id);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QCOMPARE(scalar(m_store->database(),
                        QStringLiteral("SELECT deleted_at FROM %1 WHERE id = ?").arg(table),
                        {idText(id)}),
                 storeValue::fromTime(m_clock.nowUtc()));
        const auto rows = outboxAfter(seq);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().op, QStringLiteral("delete"));
        QCOMPARE(rows.constFirst().table, table);
        QCOMPARE(rows.constFirst().recordId, idText(id));
        // Removing it again is refused, and sends nothing.
        auto again = repository.remove(id);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::NotFound);
        QCOMPARE(outboxAfter(seq).size(), 1);
    }

    // Adding `fresh` and saving `edited` (a changed copy of `stored`) are both refused with
    // `code` naming `field`, and nothing is written.
    template <typename Repository, typename T>
    void expectRefused(Repository &repository, const T &fresh, const T &edited, const T &stored,
                       const QString &table, ErrorCode code, const QString &field)
    {
        const int rows = count(table);
        const qint64 seq = lastSeq();
        const QVariantList storedRow = rowValues(table, stored.meta.id);
        QVERIFY(!storedRow.isEmpty());

        auto added = repository.add(fresh);
        QVERIFY2(!added, "add was accepted");
        QCOMPARE(added.error().code, code);
        QCOMPARE(added.error().field, field);
        QVERIFY(!added.error().message.isEmpty());

        auto saved = repository.save(edited);
        QVERIFY2(!saved, "save was accepted");
        QCOMPARE(saved.error().code, code);
        QCOMPARE(saved.error().field, field);

        QCOMPARE(count(table), rows);
        QCOMPARE(outboxAfter(seq).size(), 0);
        QCOMPARE(rowValues(table, stored.meta.id), storedRow);
    }

    void sameCase(const Case &a, const Case &b)
    {
        QCOMPARE(a.meta.id, b.meta.id);
        QCOMPARE(a.caseNumber, b.caseNumber);
        QCOMPARE(a.court, b.court);
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.issuedOn, b.issuedOn);
        QCOMPARE(a.status, b.status);
        QCOMPARE(a.allocatedTo, b.allocatedTo);
        QCOMPARE(a.domesticAbuse, b.domesticAbuse);
        QCOMPARE(a.nextReviewOn, b.nextReviewOn);
        QCOMPARE(a.outcome, b.outcome);
        QCOMPARE(a.outcomeFollowedRecommendation, b.outcomeFollowedRecommendation);
        QCOMPARE(a.closedOn, b.closedOn);
        QCOMPARE(a.delayReason, b.delayReason);
    }

    void sameChild(const Child &a, const Child &b)
    {
        QCOMPARE(a.meta.id, b.meta.id);
        QCOMPARE(a.caseId, b.caseId);
        QCOMPARE(a.legalName, b.legalName);
        QCOMPARE(a.preferredName, b.preferredName);
        QCOMPARE(a.dateOfBirth, b.dateOfBirth);
        QCOMPARE(a.pronouns, b.pronouns);
        QCOMPARE(a.firstLanguage, b.firstLanguage);
        QCOMPARE(a.letterLanguage, b.letterLanguage);
        QCOMPARE(a.heritage, b.heritage);
        QCOMPARE(a.faith, b.faith);
        QCOMPARE(a.school, b.school);
        QCOMPARE(a.livesWith, b.livesWith);
        QCOMPARE(a.whatMatters, b.whatMatters);
    }

    void sameAdult(const Adult &a, const Adult &b)
    {
        QCOMPARE(a.meta.id, b.meta.id);
        QCOMPARE(a.caseId, b.caseId);
        QCOMPARE(a.childIds, b.childIds);
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.role, b.role);
        QCOMPARE(a.relationship, b.relationship);
        QCOMPARE(a.phone, b.phone);
        QCOMPARE(a.email, b.email);
        QCOMPARE(a.address, b.address);
        QCOMPARE(a.addressConfidential, b.addressConfidential);
        QCOMPARE(a.domesticAbuseVictim, b.domesticAbuseVictim);
        QCOMPARE(a.allegedPerpetrator, b.allegedPerpetrator);
        QCOMPARE(a.childMustNotKnow, b.childMustNotKnow);
        QCOMPARE(a.safetyNotes, b.safetyNotes);
    }

    void sameHearing(const Hearing &a, const Hearing &b)
    {
        QCOMPARE(a.meta.id, b.meta.id);
        QCOMPARE(a.caseId, b.caseId);
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.startsAt, b.startsAt);
        QCOMPARE(a.venue, b.venue);
        QCOMPARE(a.filingDaysBefore, b.filingDaysBefore);
        QCOMPARE(a.note, b.note);
    }

    FixedClock m_clock{kNow};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QUuid m_caseId;
    QUuid m_otherCaseId;
    QUuid m_deletedCaseId;
    QUuid m_childId;
    QUuid m_otherChildId;
    QUuid m_deletedChildId;
};

QTEST_MAIN(TestStore)
#include "tst_store.moc"
