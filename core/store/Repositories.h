#pragma once

#include "RecordRepository.h"

namespace lantern {

// The live case a record belongs to, or an InvalidInput error on field case_id.
Result<Case> owningCase(Store &store, const QUuid &caseId);

class CaseRepository : public RecordRepository<Case>
{
    Q_DECLARE_TR_FUNCTIONS(CaseRepository)

public:
    using RecordRepository::RecordRepository;

    Result<QList<Case>> open() const;
    Result<Case> findByNumber(const QString &caseNumber) const;
    // Closes a case with what the court ordered and whether it followed the recommendation.
    Result<Case> close(const QUuid &caseId, const QString &outcome, bool followedRecommendation,
                       const QDate &closedOn);

protected:
    Result<void> validate(const Case &record, const Case *stored) const override;
};

class ChildRepository : public RecordRepository<Child>
{
    Q_DECLARE_TR_FUNCTIONS(ChildRepository)

public:
    using RecordRepository::RecordRepository;
    Result<QList<Child>> forCase(const QUuid &caseId) const;

protected:
    Result<void> validate(const Child &record, const Child *stored) const override;
};

class AdultRepository : public RecordRepository<Adult>
{
    Q_DECLARE_TR_FUNCTIONS(AdultRepository)

public:
    using RecordRepository::RecordRepository;
    Result<QList<Adult>> forCase(const QUuid &caseId) const;
    // The adult's address, to show on screen. A confidential address is given out only here,
    // and only after the reveal is written to the audit trail (no audit row, no address).
    Result<QString> revealAddress(const QUuid &adultId);

protected:
    Result<void> validate(const Adult &record, const Adult *stored) const override;
};

class HearingRepository : public RecordRepository<Hearing>
{
    Q_DECLARE_TR_FUNCTIONS(HearingRepository)

public:
    using RecordRepository::RecordRepository;
    Result<QList<Hearing>> forCase(const QUuid &caseId) const;

protected:
    Result<void> validate(const Hearing &record, const Hearing *stored) const override;
};

} // namespace lantern
