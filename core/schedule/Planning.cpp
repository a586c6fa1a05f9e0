#include "Planning.h"

#include "VisitRepository.h"
#include "domain/Clock.h"
#include "domain/Labels.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QLocale>

namespace lantern {

namespace {

QDate londonDate(const QDateTime &utc)
{
    return utc.toTimeZone(Clock::londonZone()).date();
}

QString shortTime(const QDateTime &utc)
{
    return utc.toTimeZone(Clock::londonZone()).time().toString(QStringLiteral("HH:mm"));
}

bool overlaps(const Visit &a, const Visit &b)
{
    return a.blockStart() < b.blockEnd() && b.blockStart() < a.blockEnd();
}

bool hearingOn(const PlanningContext &context, const QDate &day)
{
    return std::any_of(context.hearings.cbegin(), context.hearings.cend(),
                       [&](const Hearing &h) { return londonDate(h.startsAt) == day; });
}

} // namespace

Result<PlanningContext> PlanningContext::load(Store &store, const QUuid &caseId,
                                              const QDateTime &from, const QDateTime &to)
{
    PlanningContext context;
    auto hours = WorkingHours::load(store);
    if (!hours)
        return hours.error();
    context.hours = *hours;
    auto visits = VisitRepository(store).between(from, to);
    if (!visits)
        return visits.error();
    context.visits = *visits;
    auto hearings = HearingRepository(store).where(
        QStringLiteral("starts_at >= ? AND starts_at < ?"),
        {storeValue::fromTime(from.addDays(-1)), storeValue::fromTime(to.addDays(1))},
        QStringLiteral("starts_at"));
    if (!hearings)
        return hearings.error();
    context.hearings = *hearings;
    if (!caseId.isNull()) {
        auto own = HearingRepository(store).forCase(caseId);
        if (!own)
            return own.error();
        const QDate today = store.clock().today();
        for (const Hearing &hearing : std::as_const(*own)) {
            const QDate deadline = hearing.filingDeadline();
            if (deadline.isValid() && deadline >= today &&
                (!context.filingDeadline.isValid() || deadline < context.filingDeadline))
                context.filingDeadline = deadline;
        }
    }
    return context;
}

QList<PlanningWarning> PlanningRules::check(const Visit &visit, const PlanningContext &context)
{
    QList<PlanningWarning> warnings;
    if (!visit.startsAt.isValid() || !visit.endsAt.isValid())
        return warnings;
    const QLocale locale;
    for (const Visit &other : context.visits) {
        if (other.meta.id == visit.meta.id || !other.isLive() || !overlaps(visit, other))
            continue;
        warnings.append(
            {PlanningWarning::Overlap,
             tr("Overlaps another visit (%1, %2 to %3), travel included.")
                 .arg(labelOf(other.kind), shortTime(other.startsAt), shortTime(other.endsAt))});
    }
    if (!context.hours.covers(visit.startsAt, visit.endsAt))
        warnings.append({PlanningWarning::OutsideWorkingHours,
                         tr("Outside your working hours (%1).").arg(context.hours.describe())});
    const QDate day = londonDate(visit.startsAt);
    for (const Hearing &hearing : context.hearings) {
        if (londonDate(hearing.startsAt) == day) {
            warnings.append(
                {PlanningWarning::HearingDay,
                 tr("You have a hearing that day (%1 at %2, %3).")
                     .arg(labelOf(hearing.kind), shortTime(hearing.startsAt), hearing.venue)});
            break;
        }
    }
    if (context.filingDeadline.isValid() && day > context.filingDeadline)
        warnings.append({PlanningWarning::AfterFilingDeadline,
                         tr("After the report's filing deadline (%1): what you learn will be "
                            "too late for it.")
                             .arg(locale.toString(context.filingDeadline, QLocale::ShortFormat))});
    if (visit.kind == VisitKind::School) {
        const QTime start = visit.startsAt.toTimeZone(Clock::londonZone()).time();
        const QTime end = visit.endsAt.toTimeZone(Clock::londonZone()).time();
        if (start >= QTime(kSchoolEveningHour, 0) || end > QTime(kSchoolEveningHour + 1, 0) ||
            londonDate(visit.endsAt) != day)
            warnings.append({PlanningWarning::SchoolInEvening,
                             tr("A school visit in the evening: the school will be closed.")});
    }
    return warnings;
}

QList<Slot> FreeSlots::find(const SlotRequest &request, const PlanningContext &context)
{
    QList<Slot> offers;
    if (request.lengthMin <= 0 || request.count <= 0 || !request.notAfter.isValid())
        return offers;
    const QTimeZone zone = Clock::londonZone();
    const QDateTime notBefore =
        request.notBefore.isValid() ? request.notBefore : QDateTime::currentDateTimeUtc();
    const int step = std::max(5, request.stepMin);
    for (QDate day = londonDate(notBefore);
         day <= request.notAfter && offers.size() < request.count; day = day.addDays(1)) {
        if (!context.hours.isWorkingDay(day) || hearingOn(context, day))
            continue;
        QTime open = context.hours.start;
        QTime close = context.hours.end;
        if (request.kind == VisitKind::School) {
            open = std::max(open, QTime(kSchoolDayStartHour, 0));
            close = std::min(close, QTime(kSchoolDayEndHour, 0));
        }
        int onThisDay = 0;
        // The first start leaves room to travel there within working hours.
        for (QDateTime start = QDateTime(day, open, zone).addSecs(60LL * request.travelMin);
             onThisDay < request.perDay && offers.size() < request.count;
             start = start.addSecs(60LL * step)) {
            Visit candidate;
            candidate.kind = request.kind;
            candidate.startsAt = start.toUTC();
            candidate.endsAt = start.addSecs(60LL * request.lengthMin).toUTC();
            candidate.travelBeforeMin = request.travelMin;
            candidate.travelAfterMin = request.travelMin;
            if (candidate.blockEnd().toTimeZone(zone).time() > close ||
                candidate.blockEnd().toTimeZone(zone).date() != day)
                break;
            if (candidate.startsAt < notBefore)
                continue;
            const bool clash =
                std::any_of(context.visits.cbegin(), context.visits.cend(),
                            [&](const Visit &v) { return v.isLive() && overlaps(candidate, v); });
            if (clash)
                continue;
            offers.append({candidate.startsAt, candidate.endsAt});
            ++onThisDay;
            // The next offer on the same day starts after this one, travel included.
            start =
                candidate.blockEnd().toTimeZone(zone).addSecs(60LL * (request.travelMin - step));
        }
    }
    return offers;
}

} // namespace lantern
