// Visits: the record, the planning rules and "next free offers", and what a done visit feeds.
#include "domain/Clock.h"
#include "measures/PracticeMeasures.h"
#include "schedule/Planning.h"
#include "schedule/VisitRepository.h"
#include "store/CaseloadQuery.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace lantern;

namespace {

// Monday 23 November 2026, 09:00 in London (GMT in winter).
const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

QDateTime london(const QDate &day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), Clock::londonZone()).toUTC();
}

Visit visitAt(const QDateTime &start, int minutes = 60, int travel = 0,
              VisitKind kind = VisitKind::Home)
{
    Visit visit;
    visit.meta.id = QUuid::createUuid();
    visit.kind = kind;
    visit.startsAt = start;
    visit.endsAt = start.addSecs(60LL * minutes);
    visit.travelBeforeMin = travel;
    visit.travelAfterMin = travel;
    return visit;
}

bool has(const QList<PlanningWarning> &warnings, PlanningWarning::Kind kind)
{
    return std::any_of(warnings.cbegin(), warnings.cend(),
                       [&](const PlanningWarning &w) { return w.kind == kind; });
}

} // namespace

class TestSchedule : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_clock.set(kNow);
        auto store = Store::open(m_dir.filePath(QStringLiteral("s.db")), m_clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store).value();
        Case c;
        c.caseNumber = QStringLiteral("ZC26C00001");
        c.court = QStringLiteral("Central Family Court");
        c.issuedOn = QDate(2026, 9, 1);
        auto added = CaseRepository(*m_store).add(c);
        QVERIFY(added);
        m_caseId = added->meta.id;
        Child child;
        child.caseId = m_caseId;
        child.legalName = QStringLiteral("Amelia Ashdown");
        child.dateOfBirth = QDate(2016, 4, 2);
        auto kid = ChildRepository(*m_store).add(child);
        QVERIFY(kid);
        m_childId = kid->meta.id;
    }

    void cleanup()
    {
        m_store.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("s.db")));
    }

    void roundTripAndValidation()
    {
        VisitRepository visits(*m_store);
        Visit visit = visitAt(london(QDate(2026, 11, 25), 10), 60, 30, VisitKind::School);
        visit.meta.id = {};
        visit.caseId = m_caseId;
        visit.childIds = {m_childId};
        visit.place = QStringLiteral("Brookfield Primary");
        visit.attendees = QStringLiteral("Class teacher");
        auto added = visits.add(visit);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QCOMPARE(added->kind, VisitKind::School);
        QCOMPARE(added->startsAt, visit.startsAt);
        QCOMPARE(added->endsAt, visit.endsAt);
        QCOMPARE(added->travelBeforeMin, 30);
        QCOMPARE(added->childIds, QList<QUuid>{m_childId});
        QCOMPARE(added->attendees, QStringLiteral("Class teacher"));
        QCOMPARE(added->status, VisitStatus::Planned);

        const auto refused = [&](Visit bad, const char *field) {
            bad.meta.id = {};
            auto result = visits.add(bad);
            QVERIFY(!result);
            QCOMPARE(result.error().code, ErrorCode::InvalidInput);
            QCOMPARE(result.error().field, QLatin1String(field));
        };
        Visit noChild = visit;
        noChild.childIds.clear();
        refused(noChild, "child_ids");
        Visit strangerChild = visit;
        strangerChild.childIds = {QUuid::createUuid()};
        refused(strangerChild, "child_ids");
        Visit backwards = visit;
        backwards.endsAt = visit.startsAt.addSecs(-60);
        refused(backwards, "ends_at");
        Visit tooLong = visit;
        tooLong.endsAt = visit.startsAt.addSecs(13 * 3600);
        refused(tooLong, "ends_at");
        Visit farAway = visit;
        farAway.travelBeforeMin = 300;
        refused(farAway, "travel_before_min");
        Visit noCase = visit;
        noCase.caseId = QUuid::createUuid();
        refused(noCase, "case_id");
        QCOMPARE(visits.all()->size(), 1);
    }

    void doneVisitsFeedLastSeenAndEngagement()
    {
        VisitRepository visits(*m_store);
        QVERIFY(!*CaseloadQuery(*m_store).anyVisitRecorded());
        Visit video = visitAt(london(QDate(2026, 11, 20), 11), 45, 0, VisitKind::Video);
        video.meta.id = {};
        video.caseId = m_caseId;
        video.childIds = {m_childId};
        auto added = visits.add(video);
        QVERIFY(added);
        // Planned visits are not engagement yet.
        auto rows = CaseloadQuery(*m_store).rows();
        QVERIFY(!rows->constFirst().children.constFirst().engagementRecorded);

        QVERIFY(visits.markDone(added->meta.id));
        QVERIFY(*CaseloadQuery(*m_store).anyVisitRecorded());
        rows = CaseloadQuery(*m_store).rows();
        const CaseloadChild &child = rows->constFirst().children.constFirst();
        QVERIFY(child.engagementRecorded);
        QCOMPARE(child.lastSeenAt, video.startsAt); // seen by video...
        QVERIFY(!child.lastInPersonAt.isValid());   // ...but not in person

        Visit home = visitAt(london(QDate(2026, 11, 21), 10));
        home.meta.id = {};
        home.caseId = m_caseId;
        home.childIds = {m_childId};
        auto inPerson = visits.add(home);
        QVERIFY(visits.markDone(inPerson->meta.id));
        rows = CaseloadQuery(*m_store).rows();
        QCOMPARE(rows->constFirst().children.constFirst().lastInPersonAt, home.startsAt);
    }

    void notSeenNeedsAReasonAndFutureVisitsCannotBeDone()
    {
        VisitRepository visits(*m_store);
        Visit past = visitAt(london(QDate(2026, 11, 20), 10));
        past.meta.id = {};
        past.caseId = m_caseId;
        past.childIds = {m_childId};
        auto added = visits.add(past);
        QVERIFY(added);
        auto noReason = visits.markNotSeen(added->meta.id, QStringLiteral("   "));
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().field, QStringLiteral("status_reason"));
        QCOMPARE(visits.get(added->meta.id)->status, VisitStatus::Planned);
        auto notSeen = visits.markNotSeen(added->meta.id, QStringLiteral("Nobody home"));
        QVERIFY(notSeen);
        QCOMPARE(notSeen->statusReason, QStringLiteral("Nobody home"));
        QVERIFY(
            !CaseloadQuery(*m_store).rows()->constFirst().children.constFirst().engagementRecorded);

        Visit future = past;
        future.startsAt = london(QDate(2026, 11, 30), 10);
        future.endsAt = future.startsAt.addSecs(3600);
        auto planned = visits.add(future);
        QVERIFY(planned);
        auto early = visits.markDone(planned->meta.id);
        QVERIFY(!early);
        QCOMPARE(early.error().field, QStringLiteral("status"));
    }

    void planningRulesWarn()
    {
        PlanningContext context;
        const QDate wednesday(2026, 11, 25);
        Visit existing = visitAt(london(wednesday, 10), 60, 30);
        context.visits = {existing};
        Hearing hearing;
        hearing.kind = HearingKind::Final;
        hearing.startsAt = london(QDate(2026, 11, 26), 10);
        hearing.venue = QStringLiteral("Central Family Court");
        context.hearings = {hearing};
        context.filingDeadline = QDate(2026, 11, 27);

        // Fine: Tuesday at 14:00.
        QVERIFY(PlanningRules::check(visitAt(london(QDate(2026, 11, 24), 14), 60, 30), context)
                    .isEmpty());
        // Ends at 11:00 + 30 min travel; another starting 11:45 with 30 min travel clashes.
        QVERIFY(has(PlanningRules::check(visitAt(london(wednesday, 11, 45), 60, 30), context),
                    PlanningWarning::Overlap));
        // ...but at 12:00 the travel fits exactly.
        QVERIFY(!has(PlanningRules::check(visitAt(london(wednesday, 12), 60, 30), context),
                     PlanningWarning::Overlap));
        // A cancelled visit no longer blocks.
        context.visits[0].status = VisitStatus::Cancelled;
        QVERIFY(!has(PlanningRules::check(visitAt(london(wednesday, 10), 60, 30), context),
                     PlanningWarning::Overlap));
        // Working hours: 08:30 to 17:30, Monday to Friday.
        QVERIFY(has(PlanningRules::check(visitAt(london(wednesday, 17), 60), context),
                    PlanningWarning::OutsideWorkingHours));
        QVERIFY(has(PlanningRules::check(visitAt(london(QDate(2026, 11, 28), 10)), context),
                    PlanningWarning::OutsideWorkingHours));
        QVERIFY(!has(PlanningRules::check(visitAt(london(wednesday, 8, 30), 60), context),
                     PlanningWarning::OutsideWorkingHours));
        // The day of a hearing.
        QVERIFY(has(PlanningRules::check(visitAt(london(QDate(2026, 11, 26), 15)), context),
                    PlanningWarning::HearingDay));
        // After the filing deadline.
        QVERIFY(has(PlanningRules::check(visitAt(london(QDate(2026, 11, 30), 10)), context),
                    PlanningWarning::AfterFilingDeadline));
        QVERIFY(!has(PlanningRules::check(visitAt(london(QDate(2026, 11, 27), 10)), context),
                     PlanningWarning::AfterFilingDeadline));
        // A school visit in the evening (and only a school visit).
        QVERIFY(has(PlanningRules::check(
                        visitAt(london(wednesday, 17, 30), 60, 0, VisitKind::School), context),
                    PlanningWarning::SchoolInEvening));
        QVERIFY(!has(PlanningRules::check(visitAt(london(wednesday, 17, 30), 60), context),
                     PlanningWarning::SchoolInEvening));
        // Each warning says what it is about.
        for (const PlanningWarning &w :
             PlanningRules::check(visitAt(london(QDate(2026, 11, 26), 18)), context))
            QVERIFY(!w.message.isEmpty());
    }

    void ruleBoundaries()
    {
        PlanningContext context;
        const QDate friday(2026, 11, 27);
        // Working hours: ending exactly at 17:30 is fine; a minute later is not.
        QVERIFY(!has(PlanningRules::check(visitAt(london(friday, 16, 30), 60), context),
                     PlanningWarning::OutsideWorkingHours));
        QVERIFY(has(PlanningRules::check(visitAt(london(friday, 16, 31), 60), context),
                    PlanningWarning::OutsideWorkingHours));
        QVERIFY(has(PlanningRules::check(visitAt(london(friday, 8, 29), 60), context),
                    PlanningWarning::OutsideWorkingHours));
        // Visits that touch end to start (travel included) do not overlap.
        context.visits = {visitAt(london(friday, 9), 60, 15)};
        QVERIFY(!has(PlanningRules::check(visitAt(london(friday, 10, 30), 60, 15), context),
                     PlanningWarning::Overlap));
        QVERIFY(has(PlanningRules::check(visitAt(london(friday, 10, 29), 60, 15), context),
                    PlanningWarning::Overlap));
        // A school visit may start at 16:59 and end by 18:00; from 17:00 it is the evening.
        QVERIFY(!has(PlanningRules::check(visitAt(london(friday, 16, 59), 60, 0, VisitKind::School),
                                          context),
                     PlanningWarning::SchoolInEvening));
        QVERIFY(has(
            PlanningRules::check(visitAt(london(friday, 17), 30, 0, VisitKind::School), context),
            PlanningWarning::SchoolInEvening));
        // The deadline day itself is fine; the day after is not.
        context.filingDeadline = friday;
        QVERIFY(!has(PlanningRules::check(visitAt(london(friday, 15), 60), context),
                     PlanningWarning::AfterFilingDeadline));
        QVERIFY(has(PlanningRules::check(visitAt(london(friday.addDays(1), 0, 30), 30), context),
                    PlanningWarning::AfterFilingDeadline));
    }

    void hearingDayAcrossTheOctoberClockChange()
    {
        // 25 October 2026: clocks go back. Days are London days on both sides of the change:
        // a visit late on Sunday 25th is not on the day of Monday's hearing.
        PlanningContext context;
        Hearing hearing;
        hearing.kind = HearingKind::Final;
        hearing.startsAt = london(QDate(2026, 10, 26), 9, 30);
        context.hearings = {hearing};
        QVERIFY(has(PlanningRules::check(visitAt(london(QDate(2026, 10, 26), 14)), context),
                    PlanningWarning::HearingDay));
        QVERIFY(!has(PlanningRules::check(visitAt(london(QDate(2026, 10, 25), 23), 30), context),
                     PlanningWarning::HearingDay));
        // Working hours are London hours on both sides of the change.
        QVERIFY(!has(PlanningRules::check(visitAt(london(QDate(2026, 10, 23), 8, 30), 60), context),
                     PlanningWarning::OutsideWorkingHours));
        QVERIFY(!has(PlanningRules::check(visitAt(london(QDate(2026, 10, 27), 8, 30), 60), context),
                     PlanningWarning::OutsideWorkingHours));
        QCOMPARE(london(QDate(2026, 10, 23), 8, 30).time(), QTime(7, 30)); // BST
        QCOMPARE(london(QDate(2026, 10, 27), 8, 30).time(), QTime(8, 30)); // GMT
    }

    void engagementFeedsTheMeasures()
    {
        auto rows = CaseloadQuery(*m_store).rows();
        const PracticeMeasures before(*rows, m_clock.today(),
                                      *CaseloadQuery(*m_store).anyVisitRecorded(), false);
        QVERIFY(!before.measure(QStringLiteral("seen_in_person")).value.has_value());

        Visit home = visitAt(london(QDate(2026, 11, 20), 10));
        home.meta.id = {};
        home.caseId = m_caseId;
        home.childIds = {m_childId};
        auto added = VisitRepository(*m_store).add(home);
        QVERIFY(VisitRepository(*m_store).markDone(added->meta.id));
        rows = CaseloadQuery(*m_store).rows();
        const PracticeMeasures after(*rows, m_clock.today(),
                                     *CaseloadQuery(*m_store).anyVisitRecorded(), false);
        QCOMPARE(after.measure(QStringLiteral("seen_in_person")).value, 1);
        QCOMPARE(after.measure(QStringLiteral("seen_in_person")).outOf, 1);
        QCOMPARE(after.measure(QStringLiteral("engagement_recorded")).value, 1);
    }

    void workingHoursAreASetting()
    {
        auto hours = WorkingHours::load(*m_store);
        QVERIFY(hours);
        QCOMPARE(hours->start, QTime(8, 30));
        QCOMPARE(hours->days, (QList<int>{1, 2, 3, 4, 5}));
        WorkingHours part = *hours;
        part.days = {2, 3, 4};
        part.start = QTime(9, 0);
        part.end = QTime(15, 0);
        QVERIFY(part.save(*m_store));
        auto back = WorkingHours::load(*m_store);
        QCOMPARE(back->days, (QList<int>{2, 3, 4}));
        QCOMPARE(back->end, QTime(15, 0));
        WorkingHours wrong = part;
        wrong.end = QTime(8, 0);
        QVERIFY(!wrong.save(*m_store));
        QCOMPARE(WorkingHours::load(*m_store)->end, QTime(15, 0));
    }

    void freeSlotsAvoidClashesHearingsAndTheDeadline()
    {
        PlanningContext context;
        // Tuesday is full from 08:30 to 17:30; Wednesday has a hearing.
        context.visits = {visitAt(london(QDate(2026, 11, 24), 8, 30), 540)};
        Hearing hearing;
        hearing.startsAt = london(QDate(2026, 11, 25), 10);
        context.hearings = {hearing};
        SlotRequest request;
        request.notBefore = london(QDate(2026, 11, 23), 16, 15);
        request.notAfter = QDate(2026, 11, 30);
        request.lengthMin = 60;
        request.travelMin = 30;
        request.count = 4;
        const QList<Slot> offers = FreeSlots::find(request, context);
        QCOMPARE(offers.size(), 4);
        // Monday after 16:15 has no room for an hour plus travel before 17:30: Thursday first.
        QCOMPARE(offers[0].startsAt, london(QDate(2026, 11, 26), 9));
        QCOMPARE(offers[0].endsAt, london(QDate(2026, 11, 26), 10));
        // The second offer that day leaves room to travel between the two.
        QCOMPARE(offers[1].startsAt, london(QDate(2026, 11, 26), 11));
        QCOMPARE(offers[2].startsAt, london(QDate(2026, 11, 27), 9));
        // The weekend is skipped; Monday 30th is the last day allowed.
        QCOMPARE(offers[3].startsAt, london(QDate(2026, 11, 27), 11));
        for (const Slot &slot : offers) {
            Visit candidate = visitAt(slot.startsAt, 60, 30);
            QVERIFY(PlanningRules::check(candidate, context).isEmpty());
        }
        // School visits keep to the school day.
        request.kind = VisitKind::School;
        request.count = 20;
        request.perDay = 10;
        for (const Slot &slot : FreeSlots::find(request, context)) {
            const QTime start = slot.startsAt.toTimeZone(Clock::londonZone()).time();
            const QTime end = slot.endsAt.toTimeZone(Clock::londonZone()).time();
            QVERIFY(start >= QTime(9, 0));
            QVERIFY(end <= QTime(15, 0));
        }
        // Nothing before a deadline already past.
        request.notAfter = QDate(2026, 11, 22);
        QVERIFY(FreeSlots::find(request, context).isEmpty());
    }

    void visitsAcrossTheClockChange()
    {
        // 29 March 2026: clocks go forward. A 10:00 visit the day after is 09:00 UTC.
        VisitRepository visits(*m_store);
        m_clock.set(QDateTime(QDate(2026, 3, 20), QTime(9, 0), Qt::UTC));
        Case c = *CaseRepository(*m_store).get(m_caseId);
        c.issuedOn = QDate(2026, 3, 1);
        QVERIFY(CaseRepository(*m_store).save(c));
        Visit summer = visitAt(london(QDate(2026, 3, 30), 10));
        summer.meta.id = {};
        summer.caseId = m_caseId;
        summer.childIds = {m_childId};
        auto added = visits.add(summer);
        QVERIFY(added);
        QCOMPARE(added->startsAt, QDateTime(QDate(2026, 3, 30), QTime(9, 0), Qt::UTC));
        QSqlQuery query(m_store->database());
        QVERIFY(query.exec(QStringLiteral("SELECT starts_at FROM visits")));
        QVERIFY(query.next());
        QVERIFY(query.value(0).toString().startsWith(QStringLiteral("2026-03-30T09:00:00")));
        const auto found =
            visits.between(london(QDate(2026, 3, 30), 0), london(QDate(2026, 3, 31), 0));
        QCOMPARE(found->size(), 1);
    }

private:
    QTemporaryDir m_dir;
    FixedClock m_clock{kNow};
    std::unique_ptr<Store> m_store;
    QUuid m_caseId;
    QUuid m_childId;
};

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
