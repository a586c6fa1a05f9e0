#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace lantern {

// The Public Law Outline expects care proceedings to finish within 26 weeks.
enum class PloStatus
{
    NotApplicable, // private law
    OnTrack,       // fewer than 20 weeks since issue
    AtRisk,        // from 20 weeks up to and including day 182 (26 weeks)
    Over,          // more than 26 weeks (day 183 onwards)
};

class Timeliness
{
    Q_DECLARE_TR_FUNCTIONS(Timeliness)

public:
    static constexpr int kPloWeeks = 26;
    static constexpr int kAtRiskFromWeek = 20;
    static constexpr int kLongWeeks = 52;
    static constexpr int kVeryLongWeeks = 100;

    // Whole weeks from the issue date to today (0 in the first week, never negative).
    static int weeksOpen(const QDate &issuedOn, const QDate &today);
    // Open for more than `weeks` whole weeks: from day weeks*7+1 after the issue date.
    static bool openLongerThan(const QDate &issuedOn, const QDate &today, int weeks);
    static PloStatus ploStatus(bool publicLaw, const QDate &issuedOn, const QDate &today);
    static QString ploLabel(PloStatus status);
    // The milestone reached (26, 52 or 100 weeks), or 0.
    static int milestone(int weeks);
};

} // namespace lantern
