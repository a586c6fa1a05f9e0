#pragma once

#include "store/CaseloadQuery.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace lantern {

// The saved views of the caseload: each is a rule over a caseload row on a given day.
enum class SavedView
{
    AllOpen,
    DueThisWeek,     // a hearing or a filing deadline in the next 7 days
    OverPlo,         // open more than 26 weeks
    NotSeenRecently, // a child not seen in the last 6 weeks (or never)
    Closed,
    Everything,
};

class CaseloadViews
{
    Q_DECLARE_TR_FUNCTIONS(CaseloadViews)

public:
    static constexpr int kDueWithinDays = 7;
    static constexpr int kNotSeenDays = 42;

    static QList<SavedView> all();
    static QString title(SavedView view);
    static bool matches(SavedView view, const CaseloadRow &row, const QDate &today);

    // Rules the views are made of, shared with the dashboard's measures.
    // A hearing, a filing deadline, or either, from today to `days` days ahead (inclusive).
    static bool hearingWithin(const CaseloadRow &row, const QDate &today, int days);
    static bool deadlineWithin(const CaseloadRow &row, const QDate &today, int days);
    static bool dueWithin(const CaseloadRow &row, const QDate &today, int days);
    static bool childNotSeenSince(const CaseloadRow &row, const QDate &since);
};

} // namespace lantern
