#pragma once

#include "Store.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace lantern {

// One change waiting in the outbox (or kept aside after the server refused it).
struct OutboxEntry
{
    qint64 seq = 0;
    QString mutationId;
    QString table;
    QString recordId;
    QString op; // insert, update, delete
    QByteArray fields;
    qint64 baseVersion = 0;
    QString createdAt;
    QString caseId;
};

struct RejectedChange
{
    OutboxEntry change;
    QString rejectedAt;
    QString reason; // the server's, in plain English
};

// A record as the server holds it, in store values (see StoreValues.h).
struct PulledRow
{
    Table table = Table::Cases;
    QString id;
    qint64 version = 0;
    QString createdAt;
    QString updatedAt;
    QString deletedAt; // empty while live
    QVariantMap fields;
};

struct ApplyCounts
{
    int applied = 0;      // records written as the server has them
    int merged = 0;       // records kept with this laptop's unsent fields on top
    int stale = 0;        // older than what the laptop has: left alone
    int removedCases = 0; // cases no longer this FCA's, removed from the laptop
};

// The sync side of the store: what waits to be sent, what the server refused, where the pull
// has got to, and the one way pulled records are written. It writes through the store's
// connection, in the store's transactions, and writes no outbox rows: what comes from the
// server is not a change to send back.
class SyncJournal
{
    Q_DECLARE_TR_FUNCTIONS(SyncJournal)

public:
    explicit SyncJournal(Store &store);

    // What waits to be sent, oldest first (limit < 0: all).
    Result<QList<OutboxEntry>> pending(int limit = -1);
    Result<int> pendingCount();
    Result<QList<RejectedChange>> rejected();
    Result<int> rejectedCount();
    Result<int> openConflictCount();
    // Cases holding work the server does not have yet: waiting or refused.
    Result<QSet<QString>> casesWithUnsentWork();

    // Where the next pull starts: the server's cursor (0: never pulled), and the horizon of the
    // first page of a download from cursor 0 (0: none), passed back to the server with the
    // pages after it (sync::PullPage::horizon).
    struct Position
    {
        qint64 cursor = 0;
        qint64 horizon = 0;
    };
    Result<Position> position();
    // Whether any case is on this laptop (nothing from the server yet when there is none).
    Result<bool> holdsCases();

    // The server took these changes (applied, duplicate or conflict): their outbox rows go and
    // each record's version becomes at least the server's.
    Result<void> markSent(const QList<std::pair<QString, qint64>> &mutationVersions);
    // The server refused this change: it moves from the outbox to sync_rejected with the reason.
    Result<void> setAside(const QString &mutationId, const QString &reason);

    // Writes one pull page and its cursor in one transaction. A record with unsent changes
    // keeps those fields (and its deletion, if that is what waits) and takes the server's for
    // the rest; the server judges any conflict when the change is pushed. Removed cases go
    // now, or once nothing of theirs waits to be sent.
    Result<ApplyCounts> applyPage(const QList<PulledRow> &rows, const QStringList &removedCases,
                                  Position next);
    // A pull writes page after page. While it lasts, this connection does not check references
    // between records, as the server sends each record at its latest version, so a child can
    // come a page before its case (the UI's connections still check); and it keeps a larger
    // page cache (64 MB rather than SQLite's 2 MB), so the indexes it writes stay in memory.
    // Off checks references again, restores the cache's own size and frees the rest. Not
    // within a transaction.
    Result<void> tuneForPull(bool on);
    // Removes the deallocated cases whose unsent changes have all gone up; returns how many.
    Result<int> removeSettledCases();

    // Removes a store from the disk: the database, its WAL and shared memory (drafts live in the
    // database) and the backups migrations left beside it. The store must be closed.
    static Result<void> wipeFiles(const QString &storePath);

private:
    Result<QSqlQuery *> prepared(const QString &sql);
    Result<void> writeRow(const PulledRow &row, const QSet<QString> &unsent, ApplyCounts &counts);
    Result<void> removeCase(const QString &caseId);
    Result<bool> hasUnsentWork(const QString &caseId); // anything of the case in the outbox
    Result<QStringList> deferredRemovals();
    Result<void> setDeferredRemovals(const QStringList &cases);
    Result<void> setPosition(Position position);
    Result<void> refreshNoteSearch(const QSet<QString> &noteIds);
    Result<void> exec(const QString &sql, const QVariantList &values, const QString &what);

    Store &m_store;
    std::optional<qint64> m_cacheSize; // the connection's own, while tuned for a pull
    QHash<QString, QSqlQuery *> m_statements;
    std::vector<std::unique_ptr<QSqlQuery>> m_owned;
};

} // namespace lantern
