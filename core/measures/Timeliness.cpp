#include "Timeliness.h"

namespace lantern {

int Timeliness::weeksOpen(const QDate &issuedOn, const QDate &today)
{
    if (!issuedOn.isValid() || !today.isValid() || today < issuedOn)
        return 0;
    return int(issuedOn.daysTo(today) / 7);
}

bool Timeliness::openLongerThan(const QDate &issuedOn, const QDate &today, int weeks)
{
    return issuedOn.isValid() && today.isValid() && issuedOn.daysTo(today) > qint64(weeks) * 7;
}

PloStatus Timeliness::ploStatus(bool publicLaw, const QDate &issuedOn, const QDate &today)
{
    if (!publicLaw)
        return PloStatus::NotApplicable;
    // Past the end of week 26 is over; week 20 onwards is at risk.
    if (openLongerThan(issuedOn, today, kPloWeeks))
        return PloStatus::Over;
    const qint64 days = issuedOn.isValid() && today.isValid() ? issuedOn.daysTo(today) : 0;
    if (days >= kAtRiskFromWeek * 7)
        return PloStatus::AtRisk;
    return PloStatus::OnTrack;
}

QString Timeliness::ploLabel(PloStatus status)
{
    switch (status) {
    case PloStatus::NotApplicable:
        return {};
    case PloStatus::OnTrack:
        return tr("On track");
    case PloStatus::AtRisk:
        return tr("At risk");
    case PloStatus::Over:
        return tr("Over 26 weeks");
    }
    return {};
}

int Timeliness::milestone(int weeks)
{
    if (weeks >= kVeryLongWeeks)
        return kVeryLongWeeks;
    if (weeks >= kLongWeeks)
        return kLongWeeks;
    if (weeks >= kPloWeeks)
        return kPloWeeks;
    return 0;
}

} // namespace lantern
