#pragma once

#include "Store.h"
#include "domain/Records.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace lantern {

// What the caseload needs to know about one child of a case.
struct CaseloadChild
{
    QUuid id;
    QString name; // the name used with the child (preferred name when there is one)
    QDate dateOfBirth;
    QDateTime lastSeenAt;            // UTC; the last visit marked done that was not a phone call
    QDateTime lastInPersonAt;        // UTC; the last done visit in person (not video, not phone)
    bool engagementRecorded = false; // any done visit, phone included
    bool introductionLetter = false; // finalised or sent
    bool goodbyeLetter = false;      // finalised or sent
};

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
    QStringList childNames;        // the names used with each child, eldest first
    QList<CaseloadChild> children; // the same children, eldest first
    QDateTime nextHearingAt;       // UTC; null when none is listed
    HearingKind nextHearingKind = HearingKind::Other;
    QDate nextFilingDeadline; // the earliest deadline still to come

    // The oldest "last seen" among the children: null when a child has never been seen.
    QDateTime leastRecentlySeenAt() const;
    bool anyChildNeverSeen() const;
    bool missingIntroductionLetter() const;
};

// Reads the caseload in a fixed number of queries, whatever its size.
class CaseloadQuery
{
public:
    explicit CaseloadQuery(Store &store) : m_store(store) {}

    // Every live case (open and closed), with "next" worked out from the store's clock.
    Result<QList<CaseloadRow>> rows() const;
    // Whether any visit has ever been recorded: until then engagement figures are unknown.
    Result<bool> anyVisitRecorded() const;
    // Whether any letter has been finalised or sent: until then letter figures are unknown.
    Result<bool> anyLetterRecorded() const;

private:
    Store &m_store;
};

} // namespace lantern
