#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace lantern {

// The tables that hold synced records. Each has the RecordMeta columns
// (id, created_at, updated_at, version, deleted_at) plus its own.
enum class Table
{
    Cases,
    Children,
    Adults,
    Hearings,
    Visits,
    Notes,
    NoteRevisions,
    Letters,
    LetterTemplates,
    AuditEvents,
    Conflicts, // made by the server; the laptop records only how one was settled
};

QString tableName(Table table);
std::optional<Table> tableFromName(const QString &name);

// Tables of working state that belongs to this laptop only: no record columns, no sync.
enum class LocalTable
{
    NoteDrafts, // key: note_id
    Settings,   // key: key
};

struct StoreOptions
{
    QString actor;               // who is making changes (the FCA's user name)
    int busyTimeoutMs = 5000;    // how long to wait for another writer
    bool createIfMissing = true; // false: a missing file is an error
    int migrateTo = -1;          // tests only: stop migrating at this schema version
    // Open an existing store read-only to look at it (lantern-cli check): no migration, no
    // change of any kind to the file. Writes fail.
    bool inspectOnly = false;
};

// One connection to a Lantern store: the SQLite file on the laptop.
//
// Store is the single write path: every insert, update and soft delete of a record goes
// through insert()/update()/softDelete(), each in one transaction with the sync outbox row
// describing the change. A Store belongs to the thread that opened it; another thread opens
// its own Store on the same file.
class Store
{
    Q_DECLARE_TR_FUNCTIONS(Store)

public:
    static Result<std::unique_ptr<Store>> open(const QString &path, const Clock &clock,
                                               const StoreOptions &options = {});
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    static int latestSchemaVersion();
    // How many times, in this process, a store's connection has had to wait for another's
    // write. The sync engine watches it to keep its pages short while someone else writes.
    static quint64 lockWaits();

    QString path() const { return m_path; }
    QSqlDatabase database() const;
    // The columns a record table has in this store (empty for a table it does not have).
    QSet<QString> columns(Table table) const;
    const Clock &clock() const { return m_clock; }
    QString actor() const { return m_options.actor; }
    int schemaVersion() const { return m_schemaVersion; }
    // Where the backup taken before the last migration went (empty when none was needed).
    QString lastBackupPath() const { return m_lastBackupPath; }

    // Runs work in one transaction. Writes made inside join it; the first error rolls
    // everything back and is returned. Nested calls join the outer transaction.
    Result<void> transaction(const std::function<Result<void>()> &work);

    // The write path. Field names are column names; values are strings, numbers, bools or
    // null (QVariant()). Dates are ISO 8601 strings (see StoreValues.h).
    Result<void> insert(Table table, const QUuid &id, const QVariantMap &fields);
    Result<void> update(Table table, const QUuid &id, const QVariantMap &changedFields);
    Result<void> softDelete(Table table, const QUuid &id);

    // Saves working state that is never synced (an editor's draft, a setting): inserts or
    // replaces the row whose key column holds `key`. No outbox row.
    Result<void> putLocal(LocalTable table, const QString &key, const QVariantMap &fields);
    Result<void> removeLocal(LocalTable table, const QString &key);

    // Records that a person looked at or did something that must be accountable
    // (e.g. revealed a confidential address). Never holds names or note text.
    Result<void> audit(const QString &action, Table table, const QUuid &recordId,
                       const QString &detail = {});

    // A full integrity check (slow on big stores: for `lantern-cli check`).
    Result<QStringList> integrityCheck();

    // Maps a failed SQLite call to a user-facing error naming this store.
    Error sqlError(const QString &what, const class QSqlError &error) const;

private:
    Store(QString path, QString connectionName, const Clock &clock, StoreOptions options);
    Result<void> configure();
    Result<void> migrate();
    Result<void> writeOutbox(Table table, const QUuid &id, const QString &op,
                             const QVariantMap &fields, qint64 baseVersion);
    Result<void> checkColumns(Table table, const QVariantMap &fields) const;
    struct RowState
    {
        qint64 version = 0;
        bool finalised = false;
    };
    Result<RowState> liveRow(Table table, const QUuid &id);
    Result<void> exec(const QString &sql, const QString &what);
    void rollback();

    QString m_path;
    QString m_connectionName;
    const Clock &m_clock;
    StoreOptions m_options;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    std::optional<Error> m_transactionError; // the first failure inside the open transaction
    QString m_lastBackupPath;
    QHash<Table, QSet<QString>> m_columns;
    bool m_outboxHasCase = false; // schema 5 on: each outbox row names its case
};

} // namespace lantern
