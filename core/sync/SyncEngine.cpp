#include "SyncEngine.h"

#include "SyncSchema.h"
#include "store/Store.h"

#include <QLoggingCategory>

#include <utility>

Q_LOGGING_CATEGORY(lcSyncEngine, "lantern.sync")

namespace lantern::sync {

namespace {

constexpr int kQuietPages = 5; // pages without a lock wait before pages grow again

// A fault the hook injected: the run stops as if the process had died there.
SyncFailure injected(const QString &point)
{
    SyncFailure failure;
    failure.kind = SyncFailure::Kind::Network;
    failure.message = QStringLiteral("stopped at %1 (test)").arg(point);
    return failure;
}

} // namespace

SyncEngine::SyncEngine(Store &store, SyncClient &client)
    : m_store(store), m_client(client), m_journal(store)
{}

bool SyncEngine::storeFailed(SyncRun &run, const Error &error)
{
    run.ok = false;
    run.storeError = error.message;
    qCWarning(lcSyncEngine) << "Sync stopped: the store failed";
    return false;
}

bool SyncEngine::hookStops(const QString &point)
{
    return m_hook && !m_hook(point);
}

SyncRun SyncEngine::run()
{
    SyncRun run;
    run.ok = true;
    // Push, pull, and once more if the FCA changed something meanwhile (or settled a conflict
    // the pull brought): one sync leaves both sides in step when nobody is typing.
    for (int round = 0; round < 2 && run.ok; ++round) {
        const int pushedBefore = run.counts.pushed + run.counts.conflicts + run.counts.rejected;
        if (!push(run))
            break;
        const bool pushedNow =
            run.counts.pushed + run.counts.conflicts + run.counts.rejected > pushedBefore;
        if (auto removed = m_journal.removeSettledCases(); !removed) {
            storeFailed(run, removed.error());
            break;
        } else {
            run.counts.removedCases += *removed;
        }
        if (round > 0 && !pushedNow)
            break;
        if (!pull(run))
            break;
        auto waiting = m_journal.pendingCount();
        if (!waiting) {
            storeFailed(run, waiting.error());
            break;
        }
        if (*waiting == 0)
            break;
    }
    if (auto waiting = m_journal.pendingCount())
        run.counts.pending = *waiting;
    if (auto open = m_journal.openConflictCount())
        run.counts.openConflicts = *open;
    if (auto refused = m_journal.rejectedCount())
        run.counts.rejectedWaiting = *refused;
    qCInfo(lcSyncEngine).nospace()
        << "Sync " << (run.ok ? "done" : "stopped") << ": pushed " << run.counts.pushed
        << ", conflicts " << run.counts.conflicts << ", rejected " << run.counts.rejected
        << ", pulled " << run.counts.pulled << ", removed cases " << run.counts.removedCases
        << ", waiting " << run.counts.pending;
    return run;
}

bool SyncEngine::push(SyncRun &run)
{
    while (true) {
        auto batch = m_journal.pending(m_batchSize);
        if (!batch)
            return storeFailed(run, batch.error());
        if (batch->isEmpty())
            return true;
        if (!pushBatch(*batch, run))
            return false;
        if (m_progress)
            m_progress(run.counts);
    }
}

bool SyncEngine::pushBatch(const QList<OutboxEntry> &entries, SyncRun &run)
{
    QList<Change> changes;
    for (const OutboxEntry &entry : entries) {
        Parsed<Change> change = changeFromOutbox(entry.mutationId, entry.table, entry.recordId,
                                                 entry.op, entry.fields, entry.baseVersion);
        if (!change.ok()) {
            // The server would refuse it too; keep it aside with the reason, never drop it.
            if (auto aside = m_journal.setAside(entry.mutationId, change.error.message); !aside)
                return storeFailed(run, aside.error());
            ++run.counts.rejected;
            continue;
        }
        changes.append(*change.value);
    }
    if (changes.isEmpty())
        return true;

    SyncReply<QList<ChangeResult>> reply = m_client.push(changes);
    if (!reply.ok()) {
        const SyncFailure &failure = reply.failure;
        if (failure.kind == SyncFailure::Kind::Forbidden && !failure.mutationIds.isEmpty()) {
            // Changes to cases this FCA does not hold: nothing in the batch was stored. Those
            // go aside with the server's reason; the rest go again in the next batch.
            for (const QString &mutationId : failure.mutationIds) {
                if (auto aside = m_journal.setAside(mutationId, failure.message); !aside)
                    return storeFailed(run, aside.error());
                ++run.counts.rejected;
            }
            return true;
        }
        if (failure.kind == SyncFailure::Kind::Invalid && changes.size() > 1) {
            // One change the server cannot read spoils the batch: send them one by one to
            // find it, so the rest still go up.
            for (const OutboxEntry &entry : entries)
                if (!pushBatch({entry}, run))
                    return false;
            return true;
        }
        if (failure.kind == SyncFailure::Kind::Invalid) {
            if (auto aside = m_journal.setAside(changes.constFirst().mutationId, failure.message);
                !aside)
                return storeFailed(run, aside.error());
            ++run.counts.rejected;
            return true;
        }
        run.ok = false;
        run.failure = failure;
        return false;
    }

    if (hookStops(QStringLiteral("pushed"))) {
        run.ok = false;
        run.failure = injected(QStringLiteral("pushed"));
        return false;
    }
    QList<std::pair<QString, qint64>> sent;
    for (const ChangeResult &result : std::as_const(*reply.value)) {
        switch (result.outcome) {
        case Outcome::Applied:
        case Outcome::Duplicate:
            sent.append({result.mutationId, result.version});
            ++run.counts.pushed;
            break;
        case Outcome::Conflict:
            sent.append({result.mutationId, result.version});
            ++run.counts.conflicts;
            break;
        case Outcome::Rejected:
            if (auto aside = m_journal.setAside(result.mutationId, result.reason); !aside)
                return storeFailed(run, aside.error());
            ++run.counts.rejected;
            break;
        }
    }
    if (auto marked = m_journal.markSent(sent); !marked)
        return storeFailed(run, marked.error());
    return true;
}

bool SyncEngine::pull(SyncRun &run)
{
    if (auto tuned = m_journal.tuneForPull(true); !tuned)
        return storeFailed(run, tuned.error());
    const bool pulled = pullPages(run);
    if (auto restored = m_journal.tuneForPull(false); !restored && pulled)
        return storeFailed(run, restored.error());
    return pulled;
}

bool SyncEngine::pullPages(SyncRun &run)
{
    auto start = m_journal.position();
    if (!start)
        return storeFailed(run, start.error());
    qint64 cursor = start->cursor;
    qint64 horizon = start->horizon;
    if (cursor == 0) {
        // Into a store that holds nothing from the server, the server sends each record once.
        auto holds = m_journal.holdsCases();
        if (!holds)
            return storeFailed(run, holds.error());
        horizon = *holds ? 0 : SyncClient::kFromEmpty;
    }
    bool restarted = false;
    // Pages start short and double while nobody waits for a lock. After a wait they stay short
    // until a few pages in a row have gone by without one.
    int limit = m_busyPageSize;
    quint64 waits = Store::lockWaits();
    int quietPages = kQuietPages;
    while (true) {
        SyncReply<PullPage> reply = m_client.pull(cursor, limit, horizon);
        if (!reply.ok()) {
            if (reply.failure.kind == SyncFailure::Kind::CursorExpired && !restarted) {
                // Away longer than the server keeps deletions: download everything again.
                // What this laptop holds stays; the server's copy overwrites it record by record.
                qCInfo(lcSyncEngine) << "Cursor expired; pulling from the start";
                restarted = true;
                cursor = 0;
                horizon = 0;
                continue;
            }
            run.ok = false;
            run.failure = reply.failure;
            return false;
        }
        const PullPage &page = *reply.value;
        if (horizon == SyncClient::kFromEmpty)
            horizon = page.horizon;
        const quint64 before = std::exchange(waits, Store::lockWaits());
        quietPages = waits != before ? 0 : quietPages + 1;
        limit = quietPages == 0             ? m_busyPageSize
                : quietPages >= kQuietPages ? qMin(limit * 2, m_pageSize)
                                            : limit;
        if (page.hasMore) {
            // The server makes the next page, and it downloads, while this one is written.
            m_client.pullAhead(page.cursor, limit, horizon);
        }
        QList<PulledRow> rows;
        rows.reserve(page.records.size());
        for (const PulledRecord &record : page.records) {
            const auto table = tableFromName(record.table);
            const TableSpec *spec = findTable(record.table);
            if (!table || !spec)
                continue; // a table this Lantern does not know: a newer server
            PulledRow row;
            row.table = *table;
            row.id = record.id.toString(QUuid::WithoutBraces);
            row.version = record.version;
            row.createdAt = record.createdAt;
            row.updatedAt = record.updatedAt;
            row.deletedAt = record.deletedAt;
            for (auto it = record.fields.begin(); it != record.fields.end(); ++it)
                row.fields.insert(it.key(), storeValueOf(findField(*spec, it.key()), it.value()));
            rows.append(row);
        }
        QStringList removed;
        for (const QUuid &caseId : page.removedCases)
            removed.append(caseId.toString(QUuid::WithoutBraces));

        Result<ApplyCounts> applied = makeError(ErrorCode::None, QString());
        auto written = m_store.transaction([&]() -> Result<void> {
            applied = m_journal.applyPage(rows, removed, {page.cursor, horizon});
            if (!applied)
                return applied.error();
            if (hookStops(QStringLiteral("page-applied")))
                return makeError(ErrorCode::Io, QStringLiteral("stopped before commit (test)"));
            return {};
        });
        if (!written) {
            if (applied) { // the hook stopped it: rolled back as a crash would leave it
                run.ok = false;
                run.failure = injected(QStringLiteral("page-applied"));
                return false;
            }
            return storeFailed(run, written.error());
        }
        run.counts.pulled += applied->applied + applied->merged;
        run.counts.merged += applied->merged;
        run.counts.removedCases += applied->removedCases;
        cursor = page.cursor;
        if (m_progress)
            m_progress(run.counts);
        if (!page.hasMore)
            return true;
    }
}

} // namespace lantern::sync
