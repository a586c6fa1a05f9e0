#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace lantern {

// Fields every record carries so that it can be synced from day one.
struct RecordMeta
{
    QUuid id;            // made where the record was created (laptop or server)
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
    qint64 version = 0;  // the server's last-seen version: the base for merges (0 = never synced)
    QDateTime deletedAt; // UTC; null while the record is live (deletes are soft)

    bool isDeleted() const { return deletedAt.isValid(); }
};

enum class ProceedingsKind
{
    CareOrder,         // public law, s31 care order
    SupervisionOrder,  // public law, s31 supervision order
    ChildArrangements, // private law, s8 child arrangements
    Section7Report,    // private law, s7 report ordered
    Rule16_4,          // private law, child made a party with a Rule 16.4 guardian
    ChildImpactReport, // private law, pathfinder court Child Impact Report
};

inline bool isPublicLawKind(ProceedingsKind kind)
{
    return kind == ProceedingsKind::CareOrder || kind == ProceedingsKind::SupervisionOrder;
}

enum class CaseStatus
{
    Open,
    Closed
};

struct Case
{
    RecordMeta meta;
    QString caseNumber;
    QString court;
    ProceedingsKind kind = ProceedingsKind::CareOrder;
    QDate issuedOn;
    CaseStatus status = CaseStatus::Open;
    QString allocatedTo;        // the FCA's user name
    bool domesticAbuse = false; // domestic abuse is a feature of the case
    QDate nextReviewOn;         // management oversight of the child's plan is due
    QString outcome;            // what the court ordered, once closed
    std::optional<bool> outcomeFollowedRecommendation;
    QDate closedOn;
    QString delayReason;

    bool isPublicLaw() const { return isPublicLawKind(kind); }
};

struct Child
{
    RecordMeta meta;
    QUuid caseId;
    QString legalName;
    QString preferredName;
    QDate dateOfBirth;
    QString pronouns;
    QString firstLanguage; // e.g. English, Welsh, Polish
    QString letterLanguage =
        QStringLiteral("en"); // "en" or "cy": the language letters are written in
    QString heritage;
    QString faith;
    QString school;
    QString livesWith;
    QString whatMatters; // what matters to them, in their words

    // The name to use with the child: the preferred name when there is one.
    QString nameToUse() const { return preferredName.isEmpty() ? legalName : preferredName; }
    int ageOn(const QDate &day) const;
};

enum class AdultRole
{
    Mother,
    Father,
    StepParent,
    Carer,
    FosterCarer,
    Grandparent,
    OtherRelative,
    SocialWorker,
    Teacher,
    Other,
};

struct Adult
{
    RecordMeta meta;
    QUuid caseId;
    QList<QUuid> childIds; // the children this adult matters to
    QString name;
    AdultRole role = AdultRole::Other;
    QString relationship; // in words, e.g. "Maternal grandmother"
    QString phone;
    QString email;
    QString address;
    bool addressConfidential = false; // must never reach the other party
    bool domesticAbuseVictim = false;
    bool allegedPerpetrator = false;
    bool childMustNotKnow = false; // never named in a letter to the child
    QString safetyNotes;
};

enum class HearingKind
{
    FirstHearing, // FHDRA in private law, CMH on day 12 in public law
    CaseManagement,
    IssuesResolution,
    FactFinding,
    DisputeResolution,
    Final,
    Other,
};

struct Hearing
{
    RecordMeta meta;
    QUuid caseId;
    HearingKind kind = HearingKind::CaseManagement;
    QDateTime startsAt; // UTC
    QString venue;
    std::optional<int> filingDaysBefore; // the report is due this many days before the hearing
    QString note;

    // The filing deadline moves with the hearing: it is always relative to it.
    QDate filingDeadline() const;
};

} // namespace lantern
