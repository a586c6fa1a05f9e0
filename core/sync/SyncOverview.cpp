#include "SyncOverview.h"

#include "store/Repositories.h"
#include "store/StoreValues.h"
#include "store/SyncJournal.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace lantern::sync {

namespace {

QUuid caseOf(const OutboxEntry &entry)
{
    if (!entry.caseId.isEmpty())
        return QUuid(entry.caseId);
    if (entry.table == QLatin1String("cases"))
        return QUuid(entry.recordId);
    return {};
}

bool newerFirst(const ChangeLine &a, const ChangeLine &b)
{
    return a.at > b.at;
}

} // namespace

QString SyncOverview::recordLabel(const QString &table)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("cases"), QT_TR_NOOP("Case")},
        {QStringLiteral("children"), QT_TR_NOOP("Child")},
        {QStringLiteral("adults"), QT_TR_NOOP("Adult")},
        {QStringLiteral("hearings"), QT_TR_NOOP("Hearing")},
        {QStringLiteral("visits"), QT_TR_NOOP("Visit")},
        {QStringLiteral("notes"), QT_TR_NOOP("Note")},
        {QStringLiteral("note_revisions"), QT_TR_NOOP("Note text")},
        {QStringLiteral("letters"), QT_TR_NOOP("Letter")},
        {QStringLiteral("letter_templates"), QT_TR_NOOP("Letter template")},
        {QStringLiteral("audit_events"), QT_TR_NOOP("Record of access")},
        {QStringLiteral("conflicts"), QT_TR_NOOP("Conflict settled")},
    };
    const char *label = labels.value(table);
    return label ? tr(label) : tr("Other record");
}

QString SyncOverview::actionLabel(const QString &op)
{
    if (op == QLatin1String("insert"))
        return tr("new");
    if (op == QLatin1String("delete"))
        return tr("deleted");
    return tr("changed");
}

Result<SyncOverviewData> SyncOverview::read(int limit) const
{
    SyncJournal journal(m_store);
    SyncOverviewData data;
    auto count = journal.pendingCount();
    if (!count)
        return count.error();
    data.waitingChanges = *count;
    auto pending = journal.pending(limit);
    if (!pending)
        return pending.error();
    data.unlistedChanges = qMax(0, data.waitingChanges - int(pending->size()));
    auto refused = journal.rejected();
    if (!refused)
        return refused.error();
    auto conflicts = journal.openConflictCount();
    if (!conflicts)
        return conflicts.error();
    data.openConflicts = *conflicts;

    // One line per record: new if it began as an insert, deleted if it ends deleted.
    QHash<QString, qsizetype> lineOf;
    QSet<QUuid> cases;
    for (const OutboxEntry &entry : std::as_const(*pending)) {
        const QString key = entry.table + QLatin1Char('/') + entry.recordId;
        const QDateTime at = storeValue::toTime(entry.createdAt);
        const auto found = lineOf.constFind(key);
        if (found == lineOf.cend()) {
            ChangeLine line;
            line.table = entry.table;
            line.recordId = entry.recordId;
            line.what = recordLabel(entry.table);
            line.action = actionLabel(entry.op);
            line.at = at;
            line.caseId = caseOf(entry);
            lineOf.insert(key, data.waiting.size());
            data.waiting.append(line);
        } else {
            ChangeLine &line = data.waiting[*found];
            ++line.changes;
            if (at > line.at)
                line.at = at;
            if (entry.op == QLatin1String("delete"))
                line.action = actionLabel(entry.op);
        }
        if (const QUuid caseId = caseOf(entry); !caseId.isNull())
            cases.insert(caseId);
    }
    for (const RejectedChange &change : std::as_const(*refused)) {
        ChangeLine line;
        line.table = change.change.table;
        line.recordId = change.change.recordId;
        line.what = recordLabel(change.change.table);
        line.action = actionLabel(change.change.op);
        line.at = storeValue::toTime(change.rejectedAt);
        line.caseId = caseOf(change.change);
        line.reason = change.reason;
        if (!line.caseId.isNull())
            cases.insert(line.caseId);
        data.refused.append(line);
    }

    // Case numbers, in one read whatever the number of lines.
    auto found = CaseRepository(m_store).byIds(QList<QUuid>(cases.cbegin(), cases.cend()));
    if (!found)
        return found.error();
    QHash<QUuid, QString> numbers;
    for (const Case &record : std::as_const(*found))
        numbers.insert(record.meta.id, record.caseNumber);
    for (ChangeLine &line : data.waiting)
        line.caseNumber = numbers.value(line.caseId);
    for (ChangeLine &line : data.refused)
        line.caseNumber = numbers.value(line.caseId);

    std::stable_sort(data.waiting.begin(), data.waiting.end(), newerFirst);
    std::stable_sort(data.refused.begin(), data.refused.end(), newerFirst);
    return data;
}

} // namespace lantern::sync
