#pragma once

#include "Visit.h"
#include "store/RecordRepository.h"

namespace lantern {

class VisitRepository : public RecordRepository<Visit>
{
    Q_DECLARE_TR_FUNCTIONS(VisitRepository)

public:
    using RecordRepository::RecordRepository;

    Result<QList<Visit>> forCase(const QUuid &caseId) const;
    // Visits whose time (travel included) touches [from, to), any case, earliest first.
    Result<QList<Visit>> between(const QDateTime &from, const QDateTime &to) const;

    // The child was seen: records the engagement (in person, or remote for video and phone)
    // that the caseload and the dashboard count. A visit is done only once it has started.
    Result<Visit> markDone(const QUuid &visitId, const QUuid &noteId = {});
    // The FCA went but did not see the child: the reason is required.
    Result<Visit> markNotSeen(const QUuid &visitId, const QString &reason);
    Result<Visit> cancel(const QUuid &visitId, const QString &reason);

    static constexpr int kMaxTravelMin = 240;
    static constexpr int kMaxLengthMin = 12 * 60;

protected:
    Result<void> validate(const Visit &visit, const Visit *stored) const override;

private:
    Result<Visit> setStatus(const QUuid &visitId, VisitStatus status, const QString &reason,
                            const QUuid &noteId);
};

} // namespace lantern
