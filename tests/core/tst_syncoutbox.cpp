// Everything the laptop writes is a change the server will take: each outbox row of a synced
// table, read as the sync engine will push it, passes the server's own strict reading of a
// change (core/sync/SyncProtocol), and binary and flag values survive the trip.
#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "store/Store.h"
#include "store/StoreValues.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncSchema.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace lantern;

class TestSyncOutbox : public QObject
{
    Q_OBJECT

private slots:
    void everyOutboxRowIsAChangeTheServerTakes()
    {
        QTemporaryDir dir;
        FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC));
        StoreOptions options;
        options.actor = QStringLiteral("asha");
        auto opened = Store::open(dir.filePath(QStringLiteral("o.db")), clock, options);
        QVERIFY(opened);
        Store &store = **opened;
        DemoOptions demo;
        demo.cases = 6;
        auto made = DemoGenerator::generate(store, demo);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));

        // A letter with its PDF, a flag set and cleared, an audited reveal, a soft delete.
        QSqlQuery anyChild(store.database());
        QVERIFY(anyChild.exec(QStringLiteral("SELECT id, case_id FROM children LIMIT 1")));
        QVERIFY(anyChild.next());
        const QUuid childId = storeValue::toId(anyChild.value(0));
        const QUuid caseId = storeValue::toId(anyChild.value(1));
        anyChild.finish();
        QByteArray pdf("%PDF-1.4\n");
        for (int i = 0; i < 256; ++i)
            pdf.append(char(i)); // every byte value
        const QUuid letterId = QUuid::createUuid();
        QVERIFY(store.insert(Table::Letters, letterId,
                             {{QStringLiteral("case_id"), storeValue::fromId(caseId)},
                              {QStringLiteral("child_id"), storeValue::fromId(childId)},
                              {QStringLiteral("letter_kind"), QStringLiteral("introduction")},
                              {QStringLiteral("language"), QStringLiteral("cy")},
                              {QStringLiteral("pdf"), pdf}}));
        QVERIFY(store.update(Table::Cases, caseId, {{QStringLiteral("domestic_abuse"), true}}));
        QVERIFY(store.audit(QStringLiteral("reveal-address"), Table::Children, childId));
        QVERIFY(store.softDelete(Table::Letters, letterId));

        QSqlQuery outbox(store.database());
        QVERIFY(outbox.exec(QStringLiteral("SELECT mutation_id, table_name, record_id, op, fields,"
                                           " base_version FROM outbox ORDER BY seq")));
        int checked = 0;
        QSet<QString> tables;
        bool sawPdf = false;
        bool sawFlag = false;
        while (outbox.next()) {
            const QString table = outbox.value(1).toString();
            if (!sync::isSynced(table))
                continue; // kept on this laptop only (letter templates)
            const auto parsed = sync::changeFromOutbox(
                outbox.value(0).toString(), table, outbox.value(2).toString(),
                outbox.value(3).toString(), outbox.value(4).toString().toUtf8(),
                outbox.value(5).toLongLong());
            QVERIFY2(parsed.ok(), qPrintable(table + QStringLiteral(": ") + parsed.error.message));
            const QJsonObject fields = parsed.value->fields;
            tables.insert(table);
            if (table == QLatin1String("letters") && fields.contains(QStringLiteral("pdf"))) {
                QCOMPARE(QByteArray::fromBase64(
                             fields.value(QStringLiteral("pdf")).toString().toLatin1()),
                         pdf);
                sawPdf = true;
            }
            if (fields.value(QStringLiteral("domestic_abuse")) == QJsonValue(1))
                sawFlag = true;
            ++checked;
        }
        QVERIFY(sawPdf);
        QVERIFY(sawFlag);
        for (const char *table : {"cases", "children", "adults", "hearings", "visits", "notes",
                                  "note_revisions", "letters", "audit_events"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        QVERIFY(checked > 100);
    }
};

QTEST_GUILESS_MAIN(TestSyncOutbox)
#include "tst_syncoutbox.moc"
