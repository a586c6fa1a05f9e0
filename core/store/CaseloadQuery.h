#pragma once

#include "Store.h"
#include "domain/Records.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace lantern {

// One line of the FCA's caseload: a case with what the working view needs to show about it.
struct CaseloadRow
{
    QUuid caseId;
    QString caseNumber;
    QString court;
    ProceedingsKind kind = ProceedingsKind::CareOrder;
    CaseStatus status = CaseStatus::Open;
    QDate issuedOn;
    QDate closedOn;
    bool domesticAbuse = false;
    bool confidentialAddress = false; // an adult on the case has a confidential address
    QDate nextReviewOn;
    QStringList childNames;  // the names used with each child, eldest first
    QDateTime nextHearingAt; // UTC; null when none is listed
    HearingKind nextHearingKind = HearingKind::Other;
    QDate nextFilingDeadline; // the earliest deadline still to come
};

// Reads the caseload in a fixed number of queries, whatever its size.
class CaseloadQuery
{
public:
    explicit CaseloadQuery(Store &store) : m_store(store) {}

    // Every live case (open and closed), with "next" worked out from the store's clock.
    Result<QList<CaseloadRow>> rows() const;

private:
    Store &m_store;
};

} // namespace lantern
