#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace lantern {
class Store;
}

namespace lantern::sync {

// One record with work the server does not have yet, as the FCA reads it: "Visit · changed ·
// 14:02 · case ZW26C00123". Several changes to one record make one line.
struct ChangeLine
{
    QString table;    // the store's table name (children, visits, ...)
    QString recordId; // the record changed
    QString what;     // the record in plain words: "Child", "Visit", "Note"
    QString action;   // "new", "changed", "deleted"
    QDateTime at;     // UTC: the latest change (waiting), or when the server refused it
    QUuid caseId;
    QString caseNumber; // empty when the record has no case, or its case is gone
    int changes = 1;    // how many changes to the record this line stands for
    QString reason;     // refused changes: the server's reason, in plain words
};

struct SyncOverviewData
{
    QList<ChangeLine> waiting; // newest first
    int waitingChanges = 0;    // every change waiting, listed or not
    int unlistedChanges = 0;   // waiting changes beyond what was read (see read's limit)
    QList<ChangeLine> refused; // newest first; kept aside, nothing was deleted
    int openConflicts = 0;
};

// What the sync panel shows: the changes waiting to be sent and the ones the server refused,
// each with its case number. Reads through SyncJournal and the case repository, on the store's
// own connection; quick for the few changes a day's work makes.
class SyncOverview
{
    Q_DECLARE_TR_FUNCTIONS(SyncOverview)

public:
    explicit SyncOverview(Store &store) : m_store(store) {}

    // Reads at most `limit` waiting changes (oldest first, as they will be sent); the rest are
    // counted in unlistedChanges.
    Result<SyncOverviewData> read(int limit = 500) const;

    // "Child", "Visit", "Note", ... for a store table name.
    static QString recordLabel(const QString &table);
    // "new", "changed", "deleted" for an outbox op (insert, update, delete).
    static QString actionLabel(const QString &op);

private:
    Store &m_store;
};

} // namespace lantern::sync
