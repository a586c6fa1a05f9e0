#include "VisitRepository.h"

#include "store/Repositories.h"
#include "store/StoreValues.h"

namespace lantern {

using namespace storeValue;

Result<QList<Visit>> VisitRepository::forCase(const QUuid &caseId) const
{
    return where(QStringLiteral("case_id = ?"), {fromId(caseId)}, QStringLiteral("starts_at"));
}

Result<QList<Visit>> VisitRepository::between(const QDateTime &from, const QDateTime &to) const
{
    // Travel is at most kMaxTravelMin either side: widen the indexed range by that, then trim.
    const qint64 margin = 60LL * kMaxTravelMin;
    auto rows = where(QStringLiteral("starts_at < ? AND ends_at > ?"),
                      {fromTime(to.addSecs(margin)), fromTime(from.addSecs(-margin))},
                      QStringLiteral("starts_at"));
    if (!rows)
        return rows;
    QList<Visit> visits;
    for (const Visit &visit : std::as_const(*rows))
        if (visit.blockStart() < to && visit.blockEnd() > from)
            visits.append(visit);
    return visits;
}

Result<Visit> VisitRepository::markDone(const QUuid &visitId, const QUuid &noteId)
{
    return setStatus(visitId, VisitStatus::Done, {}, noteId);
}

Result<Visit> VisitRepository::markNotSeen(const QUuid &visitId, const QString &reason)
{
    return setStatus(visitId, VisitStatus::NotSeen, reason, {});
}

Result<Visit> VisitRepository::cancel(const QUuid &visitId, const QString &reason)
{
    return setStatus(visitId, VisitStatus::Cancelled, reason, {});
}

Result<Visit> VisitRepository::setStatus(const QUuid &visitId, VisitStatus status,
                                         const QString &reason, const QUuid &noteId)
{
    auto found = get(visitId);
    if (!found)
        return found;
    Visit visit = *found;
    visit.status = status;
    visit.statusReason = reason.trimmed();
    if (!noteId.isNull())
        visit.noteId = noteId;
    return save(visit);
}

Result<void> VisitRepository::validate(const Visit &visit, const Visit *) const
{
    const auto invalid = [](const QString &message, const char *field) {
        return makeError(ErrorCode::InvalidInput, message, QLatin1String(field));
    };
    auto owner = owningCase(m_store, visit.caseId);
    if (!owner)
        return owner.error();
    if (visit.childIds.isEmpty())
        return invalid(tr("Choose the child or children this visit is with."), "child_ids");
    for (const QUuid &childId : visit.childIds) {
        auto child = ChildRepository(m_store).get(childId);
        if (!child || child->caseId != visit.caseId)
            return invalid(tr("A child chosen for this visit is not a child of this case."),
                           "child_ids");
    }
    if (!visit.startsAt.isValid())
        return invalid(tr("Enter when the visit starts."), "starts_at");
    if (!visit.endsAt.isValid() || visit.endsAt <= visit.startsAt)
        return invalid(tr("The visit must end after it starts."), "ends_at");
    if (visit.startsAt.secsTo(visit.endsAt) > 60LL * kMaxLengthMin)
        return invalid(tr("A visit cannot last more than 12 hours. Check the end time."),
                       "ends_at");
    if (visit.travelBeforeMin < 0 || visit.travelBeforeMin > kMaxTravelMin)
        return invalid(tr("Travel before the visit must be between 0 and 240 minutes."),
                       "travel_before_min");
    if (visit.travelAfterMin < 0 || visit.travelAfterMin > kMaxTravelMin)
        return invalid(tr("Travel after the visit must be between 0 and 240 minutes."),
                       "travel_after_min");
    if (visit.status == VisitStatus::NotSeen && visit.statusReason.trimmed().isEmpty())
        return invalid(tr("Say why the child was not seen: it matters to the court and to the "
                          "child's record."),
                       "status_reason");
    if ((visit.status == VisitStatus::Done || visit.status == VisitStatus::NotSeen) &&
        visit.startsAt > m_store.clock().nowUtc())
        return invalid(tr("This visit has not started yet, so it cannot be marked as done or "
                          "not seen."),
                       "status");
    return {};
}

} // namespace lantern
