#include "CaseloadViews.h"

#include "domain/Clock.h"
#include "measures/Timeliness.h"

namespace lantern {

QList<SavedView> CaseloadViews::all()
{
    return {SavedView::AllOpen,         SavedView::DueThisWeek, SavedView::OverPlo,
            SavedView::NotSeenRecently, SavedView::Closed,      SavedView::Everything};
}

QString CaseloadViews::title(SavedView view)
{
    switch (view) {
    case SavedView::AllOpen:
        return tr("All open cases");
    case SavedView::DueThisWeek:
        return tr("Hearing or deadline in the next 7 days");
    case SavedView::OverPlo:
        return tr("Open over 26 weeks");
    case SavedView::NotSeenRecently:
        return tr("Child not seen in 6 weeks");
    case SavedView::Closed:
        return tr("Closed cases");
    case SavedView::Everything:
        return tr("All cases");
    }
    return {};
}

bool CaseloadViews::hearingWithin(const CaseloadRow &row, const QDate &today, int days)
{
    if (!row.nextHearingAt.isValid())
        return false;
    const QDate hearingDay = row.nextHearingAt.toTimeZone(Clock::londonZone()).date();
    return hearingDay >= today && hearingDay <= today.addDays(days);
}

bool CaseloadViews::deadlineWithin(const CaseloadRow &row, const QDate &today, int days)
{
    return row.nextFilingDeadline.isValid() && row.nextFilingDeadline >= today &&
           row.nextFilingDeadline <= today.addDays(days);
}

bool CaseloadViews::dueWithin(const CaseloadRow &row, const QDate &today, int days)
{
    return hearingWithin(row, today, days) || deadlineWithin(row, today, days);
}

bool CaseloadViews::childNotSeenSince(const CaseloadRow &row, const QDate &since)
{
    for (const CaseloadChild &child : row.children) {
        if (!child.lastSeenAt.isValid() ||
            child.lastSeenAt.toTimeZone(Clock::londonZone()).date() < since)
            return true;
    }
    return false;
}

bool CaseloadViews::matches(SavedView view, const CaseloadRow &row, const QDate &today)
{
    const bool open = row.status == CaseStatus::Open;
    switch (view) {
    case SavedView::AllOpen:
        return open;
    case SavedView::DueThisWeek:
        return open && dueWithin(row, today, kDueWithinDays);
    case SavedView::OverPlo:
        return open && Timeliness::openLongerThan(row.issuedOn, today, Timeliness::kPloWeeks);
    case SavedView::NotSeenRecently:
        return open && childNotSeenSince(row, today.addDays(-kNotSeenDays));
    case SavedView::Closed:
        return !open;
    case SavedView::Everything:
        return true;
    }
    return false;
}

} // namespace lantern
