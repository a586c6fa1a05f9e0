// The FCA's practice measures (docs/measures.md), on caseloads built by hand.
#include "domain/Clock.h"
#include "measures/CaseloadViews.h"
#include "measures/PracticeMeasures.h"
#include "measures/Timeliness.h"

#include <QtTest>

using namespace lantern;

namespace {

const QDate kToday(2026, 11, 23);

CaseloadRow openCase(int daysOpen, int children = 1)
{
    CaseloadRow row;
    row.caseId = QUuid::createUuid();
    row.status = CaseStatus::Open;
    row.issuedOn = kToday.addDays(-daysOpen);
    for (int i = 0; i < children; ++i) {
        CaseloadChild child;
        child.id = QUuid::createUuid();
        row.children.append(child);
    }
    return row;
}

} // namespace

class TestMeasures : public QObject
{
    Q_OBJECT

private slots:
    void timeliness_data()
    {
        QTest::addColumn<QDate>("issued");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("weeks");
        QTest::addColumn<int>("plo"); // PloStatus of a public law case
        QTest::addColumn<int>("milestone");
        const QDate issued(2026, 1, 5);
        const auto row = [&](const char *name, int days, int weeks, PloStatus plo, int mark) {
            QTest::newRow(name) << issued << issued.addDays(days) << weeks << int(plo) << mark;
        };
        row("issue day", 0, 0, PloStatus::OnTrack, 0);
        row("day 6", 6, 0, PloStatus::OnTrack, 0);
        row("19 weeks 6 days", 139, 19, PloStatus::OnTrack, 0);
        row("20 weeks: at risk", 140, 20, PloStatus::AtRisk, 0);
        row("25 weeks", 175, 25, PloStatus::AtRisk, 0);
        row("26 weeks exactly", 182, 26, PloStatus::AtRisk, 26);
        row("26 weeks and a day", 183, 26, PloStatus::Over, 26);
        row("27 weeks", 189, 27, PloStatus::Over, 26);
        row("52 weeks", 364, 52, PloStatus::Over, 52);
        row("100 weeks", 700, 100, PloStatus::Over, 100);
        // Leap years: weeks count days, so 29 February is one more day like any other.
        QTest::newRow("across 29 Feb 2028") << QDate(2028, 2, 1) << QDate(2028, 2, 1).addDays(182)
                                            << 26 << int(PloStatus::AtRisk) << 26;
        QTest::newRow("issued on 29 Feb")
            << QDate(2028, 2, 29) << QDate(2028, 8, 30) << 26 << int(PloStatus::Over) << 26;
        QTest::newRow("today before issue")
            << issued << issued.addDays(-3) << 0 << int(PloStatus::OnTrack) << 0;
    }

    void timeliness()
    {
        QFETCH(QDate, issued);
        QFETCH(QDate, today);
        QFETCH(int, weeks);
        QFETCH(int, plo);
        QFETCH(int, milestone);
        QCOMPARE(Timeliness::weeksOpen(issued, today), weeks);
        QCOMPARE(int(Timeliness::ploStatus(true, issued, today)), plo);
        QCOMPARE(Timeliness::ploStatus(false, issued, today), PloStatus::NotApplicable);
        QCOMPARE(Timeliness::milestone(Timeliness::weeksOpen(issued, today)), milestone);
    }

    void savedViews()
    {
        CaseloadRow due = openCase(30);
        due.nextFilingDeadline = kToday.addDays(CaseloadViews::kDueWithinDays);
        CaseloadRow notDue = openCase(30);
        notDue.nextFilingDeadline = kToday.addDays(CaseloadViews::kDueWithinDays + 1);
        CaseloadRow longRunning = openCase(183);
        CaseloadRow unseen = openCase(30);
        unseen.children[0].lastSeenAt =
            QDateTime(kToday.addDays(-CaseloadViews::kNotSeenDays - 1), QTime(10, 0), Qt::UTC);
        CaseloadRow seen = openCase(30);
        seen.children[0].lastSeenAt = QDateTime(kToday.addDays(-3), QTime(10, 0), Qt::UTC);
        CaseloadRow closed = openCase(400);
        closed.status = CaseStatus::Closed;
        const QList<CaseloadRow> rows = {due, notDue, longRunning, unseen, seen, closed};
        const auto matching = [&](SavedView view) {
            QList<QUuid> ids;
            for (const CaseloadRow &row : rows)
                if (CaseloadViews::matches(view, row, kToday))
                    ids.append(row.caseId);
            return ids;
        };
        QCOMPARE(matching(SavedView::AllOpen).size(), 5);
        QCOMPARE(matching(SavedView::DueThisWeek), QList<QUuid>{due.caseId});
        QCOMPARE(matching(SavedView::OverPlo), QList<QUuid>{longRunning.caseId});
        // Never seen counts as not seen recently: only the child seen 3 days ago is left out.
        QCOMPARE(matching(SavedView::NotSeenRecently),
                 (QList<QUuid>{due.caseId, notDue.caseId, longRunning.caseId, unseen.caseId}));
        QCOMPARE(matching(SavedView::Closed), QList<QUuid>{closed.caseId});
        QCOMPARE(matching(SavedView::Everything).size(), 6);
    }

    void weeksOpenBoundaries()
    {
        // Day 182 is the last day of week 26: not yet over. Day 183 is over.
        const QList<CaseloadRow> rows = {openCase(182), openCase(183), openCase(364), openCase(365),
                                         openCase(701)};
        const PracticeMeasures m(rows, kToday, false, false);
        QCOMPARE(m.measure(QStringLiteral("over_26_weeks")).value, 4);
        QCOMPARE(m.measure(QStringLiteral("over_52_weeks")).value, 2);
        QCOMPARE(m.measure(QStringLiteral("over_100_weeks")).value, 1);
        QCOMPARE(m.measure(QStringLiteral("over_26_weeks")).caseIds,
                 (QList<QUuid>{rows[1].caseId, rows[2].caseId, rows[3].caseId, rows[4].caseId}));
        QVERIFY(m.measure(QStringLiteral("over_26_weeks")).needsAttention);
    }

    void openCasesAndChildrenLeaveClosedOut()
    {
        CaseloadRow closed = openCase(300, 2);
        closed.status = CaseStatus::Closed;
        const QList<CaseloadRow> rows = {openCase(10, 2), openCase(20, 3), closed};
        const PracticeMeasures m(rows, kToday, false, false);
        QCOMPARE(m.measure(QStringLiteral("open_cases")).value, 2);
        QCOMPARE(m.measure(QStringLiteral("open_children")).value, 5);
        QCOMPARE(m.measure(QStringLiteral("over_26_weeks")).value, 0);
        QVERIFY(!m.measure(QStringLiteral("over_26_weeks")).needsAttention);
    }

    void engagementIsNotAvailableUntilVisitsExist()
    {
        const QList<CaseloadRow> rows = {openCase(10, 2)};
        const PracticeMeasures none(rows, kToday, false, false);
        for (const char *key :
             {"engagement_recorded", "seen_in_person", "introduction_letters", "goodbye_letters"}) {
            const Measure m = none.measure(QString::fromLatin1(key));
            QVERIFY2(!m.value.has_value(), key); // never a fake zero
            QVERIFY(m.definition.contains(QStringLiteral("Not yet available")));
            QVERIFY(!m.title.isEmpty());
        }
    }

    void sharesCountChildrenAndPointAtTheGaps()
    {
        CaseloadRow a = openCase(30, 2);
        a.children[0].engagementRecorded = true;
        a.children[0].lastInPersonAt = QDateTime(kToday.addDays(-3), QTime(10, 0), Qt::UTC);
        a.children[1].engagementRecorded = true; // a phone call only
        a.children[0].introductionLetter = true;
        a.children[1].introductionLetter = true;
        CaseloadRow b = openCase(40, 1);
        const PracticeMeasures m({a, b}, kToday, true, true);
        const Measure engaged = m.measure(QStringLiteral("engagement_recorded"));
        QCOMPARE(engaged.value, 2);
        QCOMPARE(engaged.outOf, 3);
        QCOMPARE(engaged.caseIds, QList<QUuid>{b.caseId});
        const Measure seen = m.measure(QStringLiteral("seen_in_person"));
        QCOMPARE(seen.value, 1);
        QCOMPARE(seen.outOf, 3);
        QCOMPARE(seen.caseIds, (QList<QUuid>{a.caseId, b.caseId}));
        const Measure letters = m.measure(QStringLiteral("introduction_letters"));
        QCOMPARE(letters.value, 2);
        QCOMPARE(letters.caseIds, QList<QUuid>{b.caseId});
    }

    void goodbyeLettersNeedEveryChild()
    {
        CaseloadRow done = openCase(300, 2);
        done.status = CaseStatus::Closed;
        done.children[0].goodbyeLetter = true;
        done.children[1].goodbyeLetter = true;
        CaseloadRow half = openCase(300, 2);
        half.status = CaseStatus::Closed;
        half.children[0].goodbyeLetter = true;
        const PracticeMeasures m({done, half, openCase(5)}, kToday, true, true);
        const Measure goodbyes = m.measure(QStringLiteral("goodbye_letters"));
        QCOMPARE(goodbyes.value, 1);
        QCOMPARE(goodbyes.outOf, 2);
        QCOMPARE(goodbyes.caseIds, QList<QUuid>{half.caseId});
    }

    void reviewsAndThisWeek()
    {
        CaseloadRow overdue = openCase(50);
        overdue.nextReviewOn = kToday.addDays(-1);
        CaseloadRow soon = openCase(50);
        soon.nextReviewOn = kToday.addDays(PracticeMeasures::kReviewDueWithinDays);
        CaseloadRow later = openCase(50);
        later.nextReviewOn = kToday.addDays(PracticeMeasures::kReviewDueWithinDays + 1);
        CaseloadRow hearing = openCase(50);
        hearing.nextHearingAt = QDateTime(kToday.addDays(7), QTime(10, 0), Clock::londonZone());
        CaseloadRow deadline = openCase(50);
        deadline.nextFilingDeadline = kToday;
        CaseloadRow farHearing = openCase(50);
        farHearing.nextHearingAt = QDateTime(kToday.addDays(8), QTime(10, 0), Clock::londonZone());
        const PracticeMeasures m({overdue, soon, later, hearing, deadline, farHearing}, kToday,
                                 false, false);
        QCOMPARE(m.measure(QStringLiteral("reviews_due")).caseIds,
                 (QList<QUuid>{overdue.caseId, soon.caseId}));
        QCOMPARE(m.measure(QStringLiteral("hearings_this_week")).caseIds,
                 QList<QUuid>{hearing.caseId});
        QCOMPARE(m.measure(QStringLiteral("deadlines_this_week")).caseIds,
                 QList<QUuid>{deadline.caseId});
    }

    void chartBandsHoldEveryOpenCaseOnce()
    {
        const QList<CaseloadRow> rows = {openCase(0),   openCase(84),  openCase(85), openCase(182),
                                         openCase(183), openCase(700), openCase(701)};
        const PracticeMeasures m(rows, kToday, false, false);
        const QList<WeeksBucket> &buckets = m.weeksBuckets();
        QCOMPARE(buckets.size(), 6);
        QCOMPARE(buckets[0].caseIds, (QList<QUuid>{rows[0].caseId, rows[1].caseId}));
        QCOMPARE(buckets[1].caseIds, QList<QUuid>{rows[2].caseId});
        QCOMPARE(buckets[2].caseIds, QList<QUuid>{rows[3].caseId});
        QCOMPARE(buckets[3].caseIds, QList<QUuid>{rows[4].caseId});
        QCOMPARE(buckets[4].caseIds, QList<QUuid>{rows[5].caseId});
        QCOMPARE(buckets[5].caseIds, QList<QUuid>{rows[6].caseId});
        // The bands agree with the "over 26 weeks" figure.
        int over = 0;
        for (int i = 3; i < buckets.size(); ++i)
            over += int(buckets[i].caseIds.size());
        QCOMPARE(m.measure(QStringLiteral("over_26_weeks")).value, over);
    }
};

QTEST_GUILESS_MAIN(TestMeasures)
#include "tst_measures.moc"
