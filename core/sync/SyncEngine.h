#pragma once

#include "SyncClient.h"
#include "store/SyncJournal.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace lantern {
class Store;
}

namespace lantern::sync {

// What one sync moved.
struct SyncCounts
{
    int pushed = 0;    // changes the server took (applied or already had)
    int conflicts = 0; // changes the server took with a conflict for a person to settle
    int rejected = 0;  // changes the server refused, kept aside
    int pulled = 0;    // records that came down and were written
    int merged = 0;    // of those, records kept with unsent local fields on top
    int removedCases = 0;
    int pending = 0;         // changes still waiting when the sync ended
    int openConflicts = 0;   // conflicts on this laptop waiting for a person
    int rejectedWaiting = 0; // refused changes kept aside
};

struct SyncRun
{
    bool ok = false;
    SyncCounts counts;
    SyncFailure failure; // when !ok and the server or network was at fault
    QString storeError;  // when !ok and the laptop's store failed
};

// One sync, start to end, blocking: push the outbox in batches, then pull page by page, each
// page and its cursor in one transaction; once more if changes were made meanwhile. Stopping at
// any point (a dropped connection, a killed process) loses nothing: a change leaves the outbox
// only after the server has answered for it, and pushing it again is answered "duplicate"; a
// page is written with its cursor, so it is never written twice or skipped.
class SyncEngine
{
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)

public:
    SyncEngine(Store &store, SyncClient &client);

    SyncRun run();

    void setBatchSize(int changes) { m_batchSize = changes; }
    void setPageSize(int records) { setPageSizes(records, records); }
    // Pull pages start at whileOthersWrite records and double up to otherwise while no
    // connection in this process waits for a lock (Store::lockWaits); after a wait they are
    // short again for the next five. Each page's transaction holds the store's write lock, and
    // a save on the UI thread waits for it.
    void setPageSizes(int whileOthersWrite, int otherwise)
    {
        m_busyPageSize = whileOthersWrite;
        m_pageSize = otherwise;
    }
    // Tests: called at named points ("pushed", "page-applied"); returning false stops the run
    // there as a crash would (a page is rolled back, not committed).
    void setFaultHook(std::function<bool(const QString &point)> hook) { m_hook = std::move(hook); }
    // Called after each batch and page, on the engine's thread.
    void setProgress(std::function<void(const SyncCounts &)> progress)
    {
        m_progress = std::move(progress);
    }

private:
    bool push(SyncRun &run);
    bool pushBatch(const QList<OutboxEntry> &entries, SyncRun &run);
    bool pull(SyncRun &run);
    bool pullPages(SyncRun &run);
    bool storeFailed(SyncRun &run, const Error &error);
    bool hookStops(const QString &point);

    Store &m_store;
    SyncClient &m_client;
    SyncJournal m_journal;
    int m_batchSize = kMaxPushChanges;
    int m_pageSize = 1000;
    int m_busyPageSize = 1000;
    std::function<bool(const QString &)> m_hook;
    std::function<void(const SyncCounts &)> m_progress;
};

} // namespace lantern::sync
