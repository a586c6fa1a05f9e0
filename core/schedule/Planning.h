#pragma once

#include "Visit.h"
#include "WorkingHours.h"
#include "domain/Records.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace lantern {

class Store;

// What planning a visit needs to know: the FCA's other visits and hearings around it, the
// filing deadline the visit is meant to inform, and the working hours.
struct PlanningContext
{
    QList<Visit> visits;     // other visits (cancelled ones are ignored)
    QList<Hearing> hearings; // the FCA's hearings, any case
    QDate filingDeadline;    // the case's next filing deadline (invalid: none)
    WorkingHours hours;

    // Reads everything from `from` to `to` for a visit on `caseId` (the deadline is the
    // case's next one from the store's today).
    static Result<PlanningContext> load(Store &store, const QUuid &caseId, const QDateTime &from,
                                        const QDateTime &to);
};

struct PlanningWarning
{
    enum Kind
    {
        Overlap,
        OutsideWorkingHours,
        HearingDay,
        AfterFilingDeadline,
        SchoolInEvening,
    };
    Kind kind;
    QString message; // translated, says what and when
};

// Rules that warn while a visit is planned. They never block: the FCA decides.
class PlanningRules
{
    Q_DECLARE_TR_FUNCTIONS(PlanningRules)

public:
    // School visits are in the school day: starting at or after this is "in the evening".
    static constexpr int kSchoolEveningHour = 17;

    static QList<PlanningWarning> check(const Visit &visit, const PlanningContext &context);
};

struct SlotRequest
{
    VisitKind kind = VisitKind::Home;
    int lengthMin = 60;
    int travelMin = 30;  // before and after
    QDateTime notBefore; // UTC; usually now
    QDate notAfter;      // the last day a slot may be on (usually the filing deadline)
    int count = 6;       // how many to offer
    int perDay = 2;      // at most this many on one day, to offer a spread
    int stepMin = 30;    // slots start on these boundaries
};

struct Slot
{
    QDateTime startsAt; // UTC
    QDateTime endsAt;   // UTC
};

// "Next free slots": times before a date that keep to working hours, leave room for travel
// around other visits, avoid days with a hearing and (for school visits) the school day.
class FreeSlots
{
public:
    static constexpr int kSchoolDayStartHour = 9;
    static constexpr int kSchoolDayEndHour = 15;

    static QList<Slot> find(const SlotRequest &request, const PlanningContext &context);
};

} // namespace lantern
