#include "PracticeMeasures.h"

#include "CaseloadViews.h"
#include "Timeliness.h"

#include <functional>

namespace lantern {

namespace {

using RowRule = std::function<bool(const CaseloadRow &)>;
using ChildRule = std::function<bool(const CaseloadChild &)>;

// A count of cases: every case matching the rule is behind the figure.
Measure countCases(const QList<CaseloadRow> &rows, const RowRule &rule)
{
    Measure measure;
    int count = 0;
    for (const CaseloadRow &row : rows) {
        if (rule(row)) {
            ++count;
            measure.caseIds.append(row.caseId);
        }
    }
    measure.value = count;
    return measure;
}

// A share of children (of the rows given): how many meet the rule, out of all of them. The
// cases behind it are those with a child who does not meet it yet: the work still to do.
Measure shareOfChildren(const QList<CaseloadRow> &rows, const ChildRule &rule)
{
    Measure measure;
    int met = 0;
    int all = 0;
    for (const CaseloadRow &row : rows) {
        bool missing = false;
        for (const CaseloadChild &child : row.children) {
            ++all;
            if (rule(child))
                ++met;
            else
                missing = true;
        }
        if (missing)
            measure.caseIds.append(row.caseId);
    }
    measure.value = met;
    measure.outOf = all;
    return measure;
}

} // namespace

PracticeMeasures::PracticeMeasures(const QList<CaseloadRow> &rows, const QDate &today,
                                   bool visitsRecorded, bool lettersRecorded)
{
    QList<CaseloadRow> open;
    QList<CaseloadRow> closed;
    for (const CaseloadRow &row : rows)
        (row.status == CaseStatus::Open ? open : closed).append(row);

    const auto add = [this](Measure measure, const char *key, const QString &title,
                            const QString &definition, bool attentionWhenAny = false) {
        measure.key = QString::fromLatin1(key);
        measure.title = title;
        measure.definition = definition;
        measure.needsAttention = attentionWhenAny && measure.value.value_or(0) > 0;
        m_measures.append(std::move(measure));
    };
    const auto notYet = [](const QString &why) {
        Measure measure;
        measure.definition = why;
        return measure;
    };
    const auto all = [](const CaseloadRow &) {
        return true;
    };

    add(countCases(open, all), "open_cases", tr("Open cases"),
        tr("Cases allocated to you that are not closed."));
    {
        Measure children = countCases(open, all);
        int count = 0;
        for (const CaseloadRow &row : std::as_const(open))
            count += int(row.children.size());
        children.value = count;
        add(children, "open_children", tr("Children"), tr("Children in your open cases."));
    }
    for (const int weeks :
         {Timeliness::kPloWeeks, Timeliness::kLongWeeks, Timeliness::kVeryLongWeeks}) {
        const QByteArray key = "over_" + QByteArray::number(weeks) + "_weeks";
        add(countCases(open,
                       [&](const CaseloadRow &row) {
                           return Timeliness::openLongerThan(row.issuedOn, today, weeks);
                       }),
            key.constData(), tr("Open over %1 weeks").arg(weeks),
            tr("Open cases issued more than %1 weeks ago.").arg(weeks), true);
    }

    add(countCases(open,
                   [&](const CaseloadRow &row) {
                       return row.nextReviewOn.isValid() &&
                              row.nextReviewOn <= today.addDays(kReviewDueWithinDays);
                   }),
        "reviews_due", tr("Management reviews due"),
        tr("Open cases whose management review of the child's plan is overdue or due in the "
           "next %1 days.")
            .arg(kReviewDueWithinDays),
        true);
    add(countCases(open,
                   [&](const CaseloadRow &row) {
                       return CaseloadViews::hearingWithin(row, today, kThisWeekDays);
                   }),
        "hearings_this_week", tr("Hearings this week"),
        tr("Open cases with a hearing from today to %1 days ahead.").arg(kThisWeekDays));
    add(countCases(open,
                   [&](const CaseloadRow &row) {
                       return CaseloadViews::deadlineWithin(row, today, kThisWeekDays);
                   }),
        "deadlines_this_week", tr("Reports due this week"),
        tr("Open cases with a filing deadline from today to %1 days ahead.").arg(kThisWeekDays),
        true);

    const QString noVisits = tr("Not yet available: no visit has been recorded in Lantern yet.");
    const QString noLetters = tr("Not yet available: no letter has been recorded in Lantern yet.");
    add(visitsRecorded
            ? shareOfChildren(open, [](const CaseloadChild &c) { return c.engagementRecorded; })
            : notYet(noVisits),
        "engagement_recorded", tr("Children with engagement recorded"),
        visitsRecorded ? tr("Children in open cases with at least one visit marked done "
                            "(in person, video or phone).")
                       : noVisits);
    add(visitsRecorded
            ? shareOfChildren(open,
                              [](const CaseloadChild &c) { return c.lastInPersonAt.isValid(); })
            : notYet(noVisits),
        "seen_in_person", tr("Children seen in person"),
        visitsRecorded ? tr("Children in open cases seen in person at least once (a done "
                            "visit that was not by video or phone).")
                       : noVisits);
    add(lettersRecorded
            ? shareOfChildren(open, [](const CaseloadChild &c) { return c.introductionLetter; })
            : notYet(noLetters),
        "introduction_letters", tr("Children with an introduction letter"),
        lettersRecorded ? tr("Children in open cases with an introduction letter finalised or "
                             "sent.")
                        : noLetters);
    if (lettersRecorded) {
        Measure goodbyes;
        int done = 0;
        for (const CaseloadRow &row : std::as_const(closed)) {
            const bool every = std::all_of(row.children.cbegin(), row.children.cend(),
                                           [](const CaseloadChild &c) { return c.goodbyeLetter; });
            if (every)
                ++done;
            else
                goodbyes.caseIds.append(row.caseId);
        }
        goodbyes.value = done;
        goodbyes.outOf = int(closed.size());
        add(goodbyes, "goodbye_letters", tr("Closed cases with goodbye letters"),
            tr("Closed cases where every child has a goodbye letter finalised or sent."));
    } else {
        add(notYet(noLetters), "goodbye_letters", tr("Closed cases with goodbye letters"),
            noLetters);
    }

    // The chart: open cases by how long they have been open.
    struct Band
    {
        int from;
        int to;
    };
    for (const Band band :
         {Band{0, 12}, Band{13, 20}, Band{21, 26}, Band{27, 52}, Band{53, 100}, Band{101, -1}}) {
        WeeksBucket bucket;
        bucket.fromWeek = band.from;
        bucket.toWeek = band.to;
        bucket.label = band.to < 0 ? tr("over %1 weeks").arg(band.from - 1)
                                   : tr("%1–%2 weeks").arg(band.from).arg(band.to);
        m_buckets.append(bucket);
    }
    for (const CaseloadRow &row : std::as_const(open)) {
        // Whole weeks, counting a part week as the next: day 183 is in week 27.
        const qint64 days =
            row.issuedOn.isValid() ? std::max<qint64>(0, row.issuedOn.daysTo(today)) : 0;
        const int week = int((days + 6) / 7);
        for (WeeksBucket &bucket : m_buckets) {
            if (week >= bucket.fromWeek && (bucket.toWeek < 0 || week <= bucket.toWeek)) {
                bucket.caseIds.append(row.caseId);
                break;
            }
        }
    }
}

Measure PracticeMeasures::measure(const QString &key) const
{
    for (const Measure &m : m_measures)
        if (m.key == key)
            return m;
    return {};
}

} // namespace lantern
