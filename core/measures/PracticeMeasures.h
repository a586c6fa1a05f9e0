#pragma once

#include "store/CaseloadQuery.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace lantern {

// One figure on the FCA's dashboard. Definitions: docs/measures.md.
struct Measure
{
    QString key;                 // stable name, e.g. "over_26_weeks"
    QString title;               // translated, e.g. "Open over 26 weeks"
    std::optional<int> value;    // empty: not yet available (never shown as a zero)
    std::optional<int> outOf;    // for a share, the number it is out of
    QString definition;          // translated: what is counted, or why it is not available yet
    QList<QUuid> caseIds;        // the cases behind the figure (for a share: those missing it)
    bool needsAttention = false; // a figure that asks the FCA to act (overdue, over time)
};

// One bar of the chart of open cases by weeks open.
struct WeeksBucket
{
    QString label; // translated, e.g. "27–52 weeks"
    int fromWeek = 0;
    int toWeek = 0; // inclusive; -1 for no upper end
    QList<QUuid> caseIds;
};

// The FCA's own practice measures, worked out from the caseload on a given day.
// `visitsRecorded` and `lettersRecorded` say whether any visit or letter exists yet: until
// then the figures that depend on them are "not yet available".
class PracticeMeasures
{
    Q_DECLARE_TR_FUNCTIONS(PracticeMeasures)

public:
    static constexpr int kReviewDueWithinDays = 7;
    static constexpr int kThisWeekDays = 7;

    PracticeMeasures(const QList<CaseloadRow> &rows, const QDate &today, bool visitsRecorded,
                     bool lettersRecorded);

    const QList<Measure> &measures() const { return m_measures; }
    const QList<WeeksBucket> &weeksBuckets() const { return m_buckets; }
    // The measure with this key (an empty measure when there is none).
    Measure measure(const QString &key) const;

private:
    QList<Measure> m_measures;
    QList<WeeksBucket> m_buckets;
};

} // namespace lantern
