// Opening a store: a new file is created at the latest schema; a file that is not SQLite is
// refused and left as it was; each write leaves one outbox row.
#include "domain/Clock.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace lantern;

class TestStoreOpen : public QObject
{
    Q_OBJECT

private slots:
    void newStoreIsAtLatestSchema()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("new.db")), m_clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        QCOMPARE((*store)->schemaVersion(), Store::latestSchemaVersion());
        QSqlQuery query((*store)->database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    }

    void textFileIsRefusedAndUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("These are not the droids you are looking for.\n");
        file.close();
        auto store = Store::open(path, m_clock);
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::StoreNotSqlite);
        QVERIFY(store.error().message.contains(QStringLiteral("notes.txt")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("These are not the droids you are looking for.\n"));
    }

    void insertWritesOneOutboxRow()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("o.db")), m_clock);
        QVERIFY(store);
        Case c;
        c.caseNumber = QStringLiteral("ZZ26P00001");
        c.court = QStringLiteral("Family Court at Exampleton");
        c.kind = ProceedingsKind::ChildArrangements;
        c.issuedOn = QDate(2026, 9, 1);
        auto added = CaseRepository(**store).add(c);
        QVERIFY(added);
        QSqlQuery query((*store)->database());
        QVERIFY(query.exec(QStringLiteral("SELECT op, table_name, record_id FROM outbox")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("insert"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("cases"));
        QCOMPARE(query.value(2).toString(), added->meta.id.toString(QUuid::WithoutBraces));
        QVERIFY(!query.next());
    }

private:
    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC)};
};

QTEST_MAIN(TestStoreOpen)
#include "tst_storeopen.moc"
