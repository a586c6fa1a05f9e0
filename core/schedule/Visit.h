#pragma once

#include "domain/Records.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace lantern {

enum class VisitKind
{
    Home,
    School,
    Office,
    ContactCentre,
    Video,
    Phone,
};

enum class VisitStatus
{
    Planned,
    Done,
    Cancelled,
    NotSeen, // the FCA went but did not see the child: needs a reason
};

// A visit to one or more children of a case. Times are UTC; shown in Europe/London.
struct Visit
{
    RecordMeta meta;
    QUuid caseId;
    QList<QUuid> childIds;
    VisitKind kind = VisitKind::Home;
    QString place;
    QDateTime startsAt; // UTC
    QDateTime endsAt;   // UTC
    int travelBeforeMin = 0;
    int travelAfterMin = 0;
    VisitStatus status = VisitStatus::Planned;
    QString statusReason; // why the child was not seen, or why the visit was cancelled
    QString attendees;    // who else comes, in words
    QUuid noteId;         // the note written after it

    // The time the visit takes from the FCA's day, travel included.
    QDateTime blockStart() const { return startsAt.addSecs(-60LL * travelBeforeMin); }
    QDateTime blockEnd() const { return endsAt.addSecs(60LL * travelAfterMin); }
    // Seen by video or spoken to on the phone: engagement, but not "seen in person".
    bool isRemote() const { return kind == VisitKind::Video || kind == VisitKind::Phone; }
    bool isLive() const { return status == VisitStatus::Planned || status == VisitStatus::Done; }
};

} // namespace lantern
