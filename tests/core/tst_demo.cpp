// The demo caseload: realistic, dated relative to today, and the same every time.
#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "measures/PracticeMeasures.h"
#include "measures/Timeliness.h"
#include "store/CaseloadQuery.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace lantern;

namespace {

// Every row of the record tables, in a fixed order, hashed: equal hashes mean equal stores.
// (A revision's own id is random by design; its note and number say which it is.)
QByteArray contentHash(Store &store)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList selects = {
        QStringLiteral("SELECT * FROM cases ORDER BY id"),
        QStringLiteral("SELECT * FROM children ORDER BY id"),
        QStringLiteral("SELECT * FROM adults ORDER BY id"),
        QStringLiteral("SELECT * FROM hearings ORDER BY id"),
        QStringLiteral("SELECT * FROM visits ORDER BY id"),
        QStringLiteral("SELECT * FROM notes ORDER BY id"),
        QStringLiteral("SELECT note_id, number, body_html, body_text, author, finalised_at"
                       " FROM note_revisions ORDER BY note_id, number"),
        QStringLiteral("SELECT * FROM letters ORDER BY id"),
    };
    for (const QString &select : selects) {
        QSqlQuery query(store.database());
        if (!query.exec(select))
            return {};
        while (query.next()) {
            const QSqlRecord record = query.record();
            for (int i = 0; i < record.count(); ++i)
                hash.addData(record.value(i).toString().toUtf8() + '\x1f');
            hash.addData("\x1e");
        }
    }
    return hash.result();
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private slots:
    void realisticCaseload()
    {
        auto store = open(QStringLiteral("a.db"));
        QVERIFY(store);
        auto made = DemoGenerator::generate(*store);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        QCOMPARE(made->openCases, 30);
        QVERIFY(made->closedCases >= 1);
        auto rows = CaseloadQuery(*store).rows();
        QVERIFY(rows);
        QCOMPARE(rows->size(), made->openCases + made->closedCases);

        int children = 0;
        int over26 = 0;
        int over52 = 0;
        int publicLaw = 0;
        int withConfidentialAddress = 0;
        int withDomesticAbuse = 0;
        int withHearingAhead = 0;
        for (const CaseloadRow &row : std::as_const(*rows)) {
            if (row.status != CaseStatus::Open)
                continue;
            children += int(row.children.size());
            over26 += Timeliness::openLongerThan(row.issuedOn, m_clock.today(), 26);
            over52 += Timeliness::openLongerThan(row.issuedOn, m_clock.today(), 52);
            publicLaw += isPublicLawKind(row.kind);
            withConfidentialAddress += row.confidentialAddress;
            withDomesticAbuse += row.domesticAbuse;
            withHearingAhead += row.nextHearingAt > m_clock.nowUtc();
        }
        // About 55 children of all ages; a few cases past 26 and 52 weeks; both kinds of law.
        QVERIFY2(children >= 45 && children <= 65, qPrintable(QString::number(children)));
        QVERIFY(over26 >= 3);
        QVERIFY(over52 >= 1);
        QVERIFY(publicLaw >= 8 && publicLaw <= 22);
        QVERIFY(withConfidentialAddress >= 2);
        QVERIFY(withDomesticAbuse >= 5);
        QCOMPARE(withHearingAhead, 30); // every open case has its next hearing listed

        auto all = ChildRepository(*store).all();
        QVERIFY(all);
        int babies = 0;
        int teenagers = 0;
        int welsh = 0;
        for (const Child &child : std::as_const(*all)) {
            const int age = child.ageOn(m_clock.today());
            QVERIFY(age >= 0 && age <= 17);
            babies += age < 4;
            teenagers += age >= 13;
            welsh += child.letterLanguage == QLatin1String("cy");
        }
        QVERIFY(babies >= 1);
        QVERIFY(teenagers >= 3);
        QVERIFY(welsh >= 1);

        // Dated relative to today: nothing happened in the future, plans are ahead.
        QSqlQuery query(store->database());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM notes WHERE contact_at > '%1'")
                               .arg(m_clock.nowUtc().toString(Qt::ISODateWithMs))));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        QVERIFY(query.exec(
            QStringLiteral("SELECT count(*) FROM visits WHERE status = 'done' AND starts_at > '%1'")
                .arg(m_clock.nowUtc().toString(Qt::ISODateWithMs))));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }

    void sameOptionsSameDaySameCaseload()
    {
        auto first = open(QStringLiteral("one.db"));
        auto second = open(QStringLiteral("two.db"));
        QVERIFY(first && second);
        QVERIFY(DemoGenerator::generate(*first));
        QVERIFY(DemoGenerator::generate(*second));
        const QByteArray a = contentHash(*first);
        QVERIFY(!a.isEmpty());
        QCOMPARE(contentHash(*second), a);

        DemoOptions other;
        other.seed = 7;
        auto third = open(QStringLiteral("three.db"));
        QVERIFY(third);
        QVERIFY(DemoGenerator::generate(*third, other));
        QVERIFY(contentHash(*third) != a);
    }

    void movesWithToday()
    {
        // Made on another day, the caseload looks just as current: the same weeks open.
        FixedClock later(m_clock.nowUtc().addDays(200));
        auto path = m_dir.filePath(QStringLiteral("later.db"));
        auto store = Store::open(path, later);
        QVERIFY(store);
        QVERIFY(DemoGenerator::generate(**store));
        auto rows = CaseloadQuery(**store).rows();
        auto base = open(QStringLiteral("base.db"));
        QVERIFY(DemoGenerator::generate(*base));
        auto baseRows = CaseloadQuery(*base).rows();
        QVERIFY(rows && baseRows);
        const PracticeMeasures now(*rows, later.today(), true, true);
        const PracticeMeasures then(*baseRows, m_clock.today(), true, true);
        QCOMPARE(now.measure(QStringLiteral("over_26_weeks")).value,
                 then.measure(QStringLiteral("over_26_weeks")).value);
    }

    void scalesForBenchmarks()
    {
        auto store = open(QStringLiteral("big.db"));
        DemoOptions options;
        options.cases = 400;
        options.notesPerChild = 1;
        auto made = DemoGenerator::generate(*store, options);
        QVERIFY(made);
        QCOMPARE(made->openCases, 400);
        QVERIFY(made->children > 600);
    }

    void refusesAStoreWithCases()
    {
        auto store = open(QStringLiteral("used.db"));
        QVERIFY(DemoGenerator::generate(*store));
        const QByteArray before = contentHash(*store);
        auto again = DemoGenerator::generate(*store);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Duplicate);
        QCOMPARE(contentHash(*store), before);

        DemoOptions silly;
        silly.cases = -1;
        auto empty = open(QStringLiteral("empty.db"));
        QVERIFY(!DemoGenerator::generate(*empty, silly));
    }

private:
    std::unique_ptr<Store> open(const QString &name)
    {
        auto store = Store::open(m_dir.filePath(name), m_clock);
        if (!store)
            return nullptr;
        return std::move(store).value();
    }

    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC)};
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
