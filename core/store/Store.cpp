#include "Store.h"

#include "Migrations.h"
#include "StoreValues.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

#include <atomic>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcStore, "lantern.store")

namespace lantern {

namespace {

const QStringList kMetaColumns = {QStringLiteral("id"), QStringLiteral("created_at"),
                                  QStringLiteral("updated_at"), QStringLiteral("version"),
                                  QStringLiteral("deleted_at")};

struct TableInfo
{
    Table table;
    const char *name;
    // Once finalised_at is set, only these columns may still change.
    QStringList mutableAfterFinal;
};

const QList<TableInfo> &tableInfos()
{
    static const QList<TableInfo> infos = {
        {Table::Cases, "cases", {}},
        {Table::Children, "children", {}},
        {Table::Adults, "adults", {}},
        {Table::Hearings, "hearings", {}},
        {Table::Visits, "visits", {}},
        {Table::Notes, "notes", {}},
        {Table::NoteRevisions, "note_revisions", {}},
        {Table::Letters,
         "letters",
         {QStringLiteral("status"), QStringLiteral("sent_on"), QStringLiteral("sent_how")}},
        {Table::LetterTemplates, "letter_templates", {}},
        {Table::AuditEvents, "audit_events", {}},
        {Table::Conflicts, "conflicts", {}},
    };
    return infos;
}

const TableInfo &infoOf(Table table)
{
    for (const auto &info : tableInfos())
        if (info.table == table)
            return info;
    Q_UNREACHABLE();
}

QByteArray readHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(16);
}

// Waits for another connection's write in 1 ms steps, up to the busy timeout. SQLite's own
// busy timeout sleeps ever longer between tries (up to 100 ms), so a save on the UI thread that
// queues behind a sync page of 20 ms could wait 50 ms or more for nothing.
std::atomic<quint64> g_waits{0};

int waitInShortSteps(void *timeoutMs, int tries)
{
    if (tries == 0)
        g_waits.fetch_add(1, std::memory_order_relaxed);
    if (tries >= *static_cast<const int *>(timeoutMs))
        return 0;
    sqlite3_sleep(1);
    return 1;
}

} // namespace

quint64 Store::lockWaits()
{
    return g_waits.load(std::memory_order_relaxed);
}

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// QtSql binds a null QString as SQL NULL; a record's empty text is '' in the store.
QVariant bindable(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QStringLiteral("");
    return value;
}

} // namespace

QString tableName(Table table)
{
    return QString::fromLatin1(infoOf(table).name);
}

std::optional<Table> tableFromName(const QString &name)
{
    for (const auto &info : tableInfos())
        if (name == QLatin1String(info.name))
            return info.table;
    return std::nullopt;
}

int Store::latestSchemaVersion()
{
    return migrationSteps().constLast().version;
}

Store::Store(QString path, QString connectionName, const Clock &clock, StoreOptions options)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_clock(clock),
      m_options(std::move(options))
{}

Store::~Store()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSet<QString> Store::columns(Table table) const
{
    return m_columns.value(table);
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Store>> Store::open(const QString &path, const Clock &clock,
                                           const StoreOptions &options)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());

    if (info.exists()) {
        if (info.isDir())
            return makeError(
                ErrorCode::StoreUnavailable,
                tr("%1 is a folder, not a Lantern store. Choose a file instead.").arg(shown));
        if (info.size() > 0 && readHeader(path) != QByteArray("SQLite format 3\0", 16))
            return makeError(
                ErrorCode::StoreNotSqlite,
                tr("%1 is not a Lantern store: it is not a SQLite database. Nothing in it was "
                   "changed. Choose your Lantern store, or move this file aside so Lantern can "
                   "create a new one.")
                    .arg(shown));
        // Refuse a file marked read-only even when this user could override it (root):
        // the mark is somebody's decision, and writing through it would be a surprise.
        if (!options.inspectOnly &&
            (!(info.permissions() & QFileDevice::WriteOwner) || !info.isWritable() ||
             !QFileInfo(info.absolutePath()).isWritable()))
            return makeError(ErrorCode::StoreReadOnly,
                             tr("The store %1 is read-only, so Lantern cannot save your work in "
                                "it. Make the file and its folder writable, or copy it to a "
                                "folder you can write to, then open it again.")
                                 .arg(shown));
    } else {
        if (!options.createIfMissing || options.inspectOnly)
            return makeError(ErrorCode::StoreUnavailable,
                             tr("There is no Lantern store at %1. Check the path, or create a "
                                "store first.")
                                 .arg(shown));
        if (!QDir().mkpath(info.absolutePath()) || !QFileInfo(info.absolutePath()).isWritable())
            return makeError(ErrorCode::StoreReadOnly,
                             tr("Lantern cannot create a store at %1: the folder cannot be "
                                "written to. Choose a folder you can write to.")
                                 .arg(shown));
    }

    const QString connectionName =
        QStringLiteral("lantern-store-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    std::unique_ptr<Store> store(new Store(path, connectionName, clock, options));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        QString connectOptions =
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
        if (options.inspectOnly)
            connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(connectOptions);
        if (!db.open())
            return store->sqlError(tr("open the store"), db.lastError());
    }
    if (auto configured = store->configure(); !configured)
        return configured.error();
    if (options.inspectOnly)
        return store;
    if (auto migrated = store->migrate(); !migrated)
        return migrated.error();
    return store;
}

Error Store::sqlError(const QString &what, const QSqlError &error) const
{
    const QString shown = QDir::toNativeSeparators(QFileInfo(m_path).absoluteFilePath());
    // SQLite's primary result code: the driver reports the extended code in nativeErrorCode.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    qCWarning(lcStore) << "SQLite error" << error.nativeErrorCode() << "while trying to" << what;
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return makeError(ErrorCode::StoreBusy,
                         tr("The store %1 is busy: another program kept it locked. Nothing was "
                            "lost; try again in a moment, and close any other copy of Lantern "
                            "using this store.")
                             .arg(shown));
    case 8: // SQLITE_READONLY
        return makeError(ErrorCode::StoreReadOnly,
                         tr("The store %1 is read-only, so Lantern cannot save your work in it. "
                            "Make the file and its folder writable, then try again.")
                             .arg(shown));
    case 11: // SQLITE_CORRUPT
        return makeError(ErrorCode::StoreCorrupt,
                         tr("The store %1 is damaged and Lantern will not change it. Keep the "
                            "file as it is and restore your latest backup, or ask support to "
                            "recover it.")
                             .arg(shown));
    case 26: // SQLITE_NOTADB
        return makeError(ErrorCode::StoreNotSqlite,
                         tr("%1 is not a Lantern store: it is not a SQLite database. Nothing in "
                            "it was changed.")
                             .arg(shown));
    case 14: // SQLITE_CANTOPEN
        return makeError(ErrorCode::StoreUnavailable,
                         tr("Lantern cannot open the store %1. Check that the file and its "
                            "folder exist and can be written to.")
                             .arg(shown));
    case 13: // SQLITE_FULL
        return makeError(ErrorCode::Io,
                         tr("The disk holding %1 is full, so nothing was saved. Free some space "
                            "and try again; what you typed is still here.")
                             .arg(shown));
    default:
        return makeError(ErrorCode::Database, tr("Lantern could not %1 in the store %2 (%3).")
                                                  .arg(what, shown, error.databaseText()));
    }
}

Result<void> Store::exec(const QString &sql, const QString &what)
{
    QSqlQuery query(database());
    if (!query.exec(sql))
        return sqlError(what, query.lastError());
    return {};
}

void Store::rollback()
{
    // Called on a path that already failed: the first error is the one reported.
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore) << "Rollback failed:" << query.lastError().nativeErrorCode();
}

Result<void> Store::configure()
{
    QSqlDatabase db = database();
    QSqlQuery query(db);
    // Read before anything can write: a damaged or too-new store must stay exactly as it is.
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlError(tr("read the schema version"), query.lastError());
    m_schemaVersion = query.value(0).toInt();
    query.finish();
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return sqlError(tr("read the list of tables"), query.lastError());
    query.finish();

    if (m_schemaVersion > latestSchemaVersion()) {
        const QString shown = QDir::toNativeSeparators(QFileInfo(m_path).absoluteFilePath());
        return makeError(ErrorCode::StoreTooNew,
                         tr("The store %1 was written by a newer version of Lantern (schema %2; "
                            "this version knows up to %3). It has not been opened or changed. "
                            "Update Lantern to open it.")
                             .arg(shown)
                             .arg(m_schemaVersion)
                             .arg(latestSchemaVersion()));
    }

    if (m_options.inspectOnly)
        return {};
    const QStringList pragmas = {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA secure_delete = ON"),
        QStringLiteral("PRAGMA busy_timeout = %1").arg(m_options.busyTimeoutMs),
    };
    for (const QString &pragma : pragmas)
        if (auto done = exec(pragma, tr("configure the store")); !done)
            return done;
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        if (sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData()))
            sqlite3_busy_handler(connection, waitInShortSteps, &m_options.busyTimeoutMs);
    }
    // Switching to WAL needs the file to itself, and SQLite does not wait for that through the
    // busy timeout: when another connection opens the same new store at the same moment, wait
    // here instead, as long as the busy timeout allows.
    QElapsedTimer waited;
    waited.start();
    while (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()) {
        const bool busy = query.lastError().nativeErrorCode() == QLatin1String("5");
        if (!busy || waited.elapsed() > m_options.busyTimeoutMs)
            return sqlError(tr("switch the store to write-ahead logging"), query.lastError());
        query.finish();
        QThread::msleep(20);
    }
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return makeError(ErrorCode::StoreReadOnly,
                         tr("The store %1 could not be switched to safe writing (write-ahead "
                            "log). Make sure the file and its folder are writable.")
                             .arg(QDir::toNativeSeparators(m_path)));
    query.finish();
    // FULL must be set after WAL: it makes every commit durable through a power cut.
    return exec(QStringLiteral("PRAGMA synchronous = FULL"), tr("configure the store"));
}

Result<void> Store::migrate()
{
    const int target = m_options.migrateTo >= 0 ? m_options.migrateTo : latestSchemaVersion();
    if (m_schemaVersion < target) {
        if (m_schemaVersion > 0) {
            // Keep a copy of the store as it was before we change its shape.
            const QString stamp = m_clock.nowUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
            const QString backup =
                QStringLiteral("%1.v%2-%3.bak").arg(m_path).arg(m_schemaVersion).arg(stamp);
            QFile::remove(backup);
            QSqlQuery query(database());
            query.prepare(QStringLiteral("VACUUM INTO ?"));
            query.addBindValue(backup);
            if (!query.exec())
                return sqlError(tr("back up the store before updating it"), query.lastError());
            m_lastBackupPath = backup;
            qCInfo(lcStore) << "Backed up the store before migrating from schema"
                            << m_schemaVersion;
        }
        if (auto begun = exec(QStringLiteral("BEGIN IMMEDIATE"), tr("start updating the store"));
            !begun)
            return begun;
        // Another connection may have updated the store while this one waited for the lock:
        // start from the version the store has now.
        int from = m_schemaVersion;
        {
            QSqlQuery query(database());
            if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                const Error error = sqlError(tr("read the schema version"), query.lastError());
                query.finish();
                rollback();
                return error;
            }
            from = query.value(0).toInt();
        }
        for (const MigrationStep &step : migrationSteps()) {
            if (step.version <= from || step.version > target)
                continue;
            for (const QString &statement : step.statements) {
                if (auto done = exec(statement, tr("update the store")); !done) {
                    rollback();
                    return done;
                }
            }
        }
        if (from < target) {
            if (auto done = exec(QStringLiteral("PRAGMA user_version = %1").arg(target),
                                 tr("update the store"));
                !done) {
                rollback();
                return done;
            }
        }
        if (auto done = exec(QStringLiteral("COMMIT"), tr("update the store")); !done) {
            rollback();
            return done;
        }
        if (from < target)
            qCInfo(lcStore) << "Store migrated from schema" << from << "to" << target;
        m_schemaVersion = qMax(from, target);
    }

    // Learn each table's columns once: the write path accepts only these.
    m_columns.clear();
    for (const auto &info : tableInfos()) {
        QSqlQuery query(database());
        if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(QLatin1String(info.name))))
            return sqlError(tr("read the store's tables"), query.lastError());
        QSet<QString> columns;
        while (query.next())
            columns.insert(query.value(1).toString());
        if (!columns.isEmpty())
            m_columns.insert(info.table, columns);
    }
    QSqlQuery outbox(database());
    m_outboxHasCase = false;
    if (outbox.exec(QStringLiteral("PRAGMA table_info(outbox)")))
        while (outbox.next())
            m_outboxHasCase =
                m_outboxHasCase || outbox.value(1).toString() == QLatin1String("case_id");
    return {};
}

Result<void> Store::transaction(const std::function<Result<void>()> &work)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Result<void> result = work();
        --m_transactionDepth;
        if (!result && !m_transactionError)
            m_transactionError = result.error();
        return result;
    }

    if (auto begun = exec(QStringLiteral("BEGIN IMMEDIATE"), tr("start saving")); !begun)
        return begun;
    m_transactionDepth = 1;
    m_transactionError.reset();
    Result<void> result = work();
    m_transactionDepth = 0;
    if (result && m_transactionError)
        result = *m_transactionError; // an inner write failed though the caller carried on
    m_transactionError.reset();

    if (!result) {
        rollback();
        return result;
    }
    if (auto committed = exec(QStringLiteral("COMMIT"), tr("save")); !committed) {
        rollback();
        return committed;
    }
    return {};
}

Result<void> Store::checkColumns(Table table, const QVariantMap &fields) const
{
    const QSet<QString> columns = m_columns.value(table);
    if (columns.isEmpty())
        return makeError(
            ErrorCode::Database,
            tr("This store has no table %1; it needs updating.").arg(tableName(table)));
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!columns.contains(it.key()) || kMetaColumns.contains(it.key()))
            return makeError(ErrorCode::InvalidInput,
                             tr("%1 is not a field of %2.").arg(it.key(), tableName(table)),
                             it.key());
    }
    return {};
}

Result<Store::RowState> Store::liveRow(Table table, const QUuid &id)
{
    const bool hasFinal = m_columns.value(table).contains(QStringLiteral("finalised_at"));
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT version, deleted_at%1 FROM %2 WHERE id = ?")
            .arg(hasFinal ? QStringLiteral(", finalised_at") : QString(), tableName(table)));
    query.addBindValue(idText(id));
    if (!query.exec())
        return sqlError(tr("read a record"), query.lastError());
    if (!query.next() || !query.value(1).isNull())
        return makeError(ErrorCode::NotFound,
                         tr("This record no longer exists: it may have been deleted."));
    RowState state;
    state.version = query.value(0).toLongLong();
    state.finalised = hasFinal && !query.value(2).isNull();
    return state;
}

Result<void> Store::writeOutbox(Table table, const QUuid &id, const QString &op,
                                const QVariantMap &fields, qint64 baseVersion)
{
    if (table == Table::LetterTemplates)
        return {}; // templates belong to this laptop; they never sync
    // The case the change belongs to, so the caseload can mark cases with unsent work.
    QString caseId;
    if (table == Table::Cases) {
        caseId = idText(id);
    } else if (m_columns.value(table).contains(QStringLiteral("case_id"))) {
        QSqlQuery owner(database());
        owner.prepare(QStringLiteral("SELECT case_id FROM %1 WHERE id = ?").arg(tableName(table)));
        owner.addBindValue(idText(id));
        if (owner.exec() && owner.next())
            caseId = owner.value(0).toString();
    } else if (table == Table::NoteRevisions) {
        QSqlQuery owner(database());
        owner.prepare(QStringLiteral("SELECT n.case_id FROM notes n JOIN note_revisions r ON "
                                     "r.note_id = n.id WHERE r.id = ?"));
        owner.addBindValue(idText(id));
        if (owner.exec() && owner.next())
            caseId = owner.value(0).toString();
    }
    QSqlQuery query(database());
    query.prepare(
        m_outboxHasCase
            ? QStringLiteral("INSERT INTO outbox (mutation_id, table_name, record_id, op, "
                             "fields, base_version, created_at, case_id) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            : QStringLiteral("INSERT INTO outbox (mutation_id, table_name, record_id, op, "
                             "fields, base_version, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(idText(QUuid::createUuid()));
    query.addBindValue(tableName(table));
    query.addBindValue(idText(id));
    query.addBindValue(op);
    // The outbox holds each change as the sync protocol carries it: binary (a letter's PDF) as
    // base64, flags as 0/1 (QJsonObject::fromVariantMap would garble bytes and write true).
    QJsonObject changed;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QVariant &value = it.value();
        if (value.typeId() == QMetaType::QByteArray)
            changed.insert(it.key(), QString::fromLatin1(value.toByteArray().toBase64()));
        else if (value.typeId() == QMetaType::Bool)
            changed.insert(it.key(), value.toBool() ? 1 : 0);
        else
            changed.insert(it.key(), QJsonValue::fromVariant(value));
    }
    query.addBindValue(QString::fromUtf8(QJsonDocument(changed).toJson(QJsonDocument::Compact)));
    query.addBindValue(baseVersion);
    query.addBindValue(storeValue::fromTime(m_clock.nowUtc()));
    if (m_outboxHasCase)
        query.addBindValue(caseId.isNull() ? QStringLiteral("") : caseId);
    if (!query.exec())
        return sqlError(tr("record the change for sync"), query.lastError());
    return {};
}

Result<void> Store::insert(Table table, const QUuid &id, const QVariantMap &fields)
{
    // Refusals happen inside the transaction, so that an enclosing one is rolled back too.
    return transaction([&]() -> Result<void> {
        if (auto checked = checkColumns(table, fields); !checked)
            return checked;
        if (id.isNull())
            return makeError(ErrorCode::InvalidInput, tr("A new record needs an id."));
        const QVariant now = storeValue::fromTime(m_clock.nowUtc());
        QVariantMap row = fields;
        row.insert(QStringLiteral("created_at"), now);
        row.insert(QStringLiteral("updated_at"), now);
        QStringList columns = {QStringLiteral("id")};
        QStringList marks = {QStringLiteral("?")};
        for (auto it = row.cbegin(); it != row.cend(); ++it) {
            columns.append(it.key());
            marks.append(QStringLiteral("?"));
        }
        QSqlQuery query(database());
        query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                          .arg(tableName(table), columns.join(QLatin1Char(',')),
                               marks.join(QLatin1Char(','))));
        query.addBindValue(idText(id));
        for (auto it = row.cbegin(); it != row.cend(); ++it)
            query.addBindValue(bindable(it.value()));
        if (!query.exec()) {
            if (query.lastError().nativeErrorCode().toInt() == 1555) // SQLITE_CONSTRAINT_PRIMARYKEY
                return makeError(ErrorCode::Duplicate, tr("A record with this id already exists."));
            return sqlError(tr("save a new record"), query.lastError());
        }
        return writeOutbox(table, id, QStringLiteral("insert"), row, 0);
    });
}

Result<void> Store::update(Table table, const QUuid &id, const QVariantMap &changedFields)
{
    if (changedFields.isEmpty())
        return checkColumns(table, changedFields);

    // Refusals happen inside the transaction, so that an enclosing one is rolled back too.
    return transaction([&]() -> Result<void> {
        if (auto checked = checkColumns(table, changedFields); !checked)
            return checked;
        auto state = liveRow(table, id);
        if (!state)
            return state.error();
        if (state->finalised) {
            const QStringList allowed = infoOf(table).mutableAfterFinal;
            for (auto it = changedFields.cbegin(); it != changedFields.cend(); ++it)
                if (!allowed.contains(it.key()))
                    return makeError(ErrorCode::Immutable,
                                     tr("This record was finalised and cannot be changed. Add "
                                        "an amendment or a new record instead."));
        }
        QVariantMap row = changedFields;
        row.insert(QStringLiteral("updated_at"), storeValue::fromTime(m_clock.nowUtc()));
        QStringList assignments;
        for (auto it = row.cbegin(); it != row.cend(); ++it)
            assignments.append(it.key() + QStringLiteral(" = ?"));
        QSqlQuery query(database());
        query.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                          .arg(tableName(table), assignments.join(QLatin1Char(','))));
        for (auto it = row.cbegin(); it != row.cend(); ++it)
            query.addBindValue(bindable(it.value()));
        query.addBindValue(idText(id));
        if (!query.exec())
            return sqlError(tr("save a change"), query.lastError());
        return writeOutbox(table, id, QStringLiteral("update"), row, state->version);
    });
}

Result<void> Store::softDelete(Table table, const QUuid &id)
{
    return transaction([&]() -> Result<void> {
        auto state = liveRow(table, id);
        if (!state)
            return state.error();
        if (state->finalised)
            return makeError(ErrorCode::Immutable,
                             tr("This record was finalised and cannot be deleted."));
        const QVariant now = storeValue::fromTime(m_clock.nowUtc());
        QSqlQuery query(database());
        query.prepare(QStringLiteral("UPDATE %1 SET deleted_at = ?, updated_at = ? WHERE id = ?")
                          .arg(tableName(table)));
        query.addBindValue(now);
        query.addBindValue(now);
        query.addBindValue(idText(id));
        if (!query.exec())
            return sqlError(tr("delete a record"), query.lastError());
        return writeOutbox(table, id, QStringLiteral("delete"),
                           {{QStringLiteral("deleted_at"), now}}, state->version);
    });
}

namespace {
struct LocalTableInfo
{
    const char *name;
    const char *key;
};

LocalTableInfo localInfo(LocalTable table)
{
    switch (table) {
    case LocalTable::NoteDrafts:
        return {"note_drafts", "note_id"};
    case LocalTable::Settings:
        return {"settings", "key"};
    }
    Q_UNREACHABLE();
}
} // namespace

Result<void> Store::putLocal(LocalTable table, const QString &key, const QVariantMap &fields)
{
    const LocalTableInfo info = localInfo(table);
    QStringList columns = {QLatin1String(info.key)};
    QStringList marks = {QStringLiteral("?")};
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        // Column names come from core code, never from input; still, refuse anything odd.
        if (!it.key().contains(QRegularExpression(QStringLiteral("^[a-z_]+$"))))
            return makeError(ErrorCode::InvalidInput, tr("%1 is not a field.").arg(it.key()));
        columns.append(it.key());
        marks.append(QStringLiteral("?"));
    }
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO %1 (%2) VALUES (%3)")
                      .arg(QLatin1String(info.name), columns.join(QLatin1Char(',')),
                           marks.join(QLatin1Char(','))));
    query.addBindValue(key);
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        query.addBindValue(bindable(it.value()));
    if (!query.exec())
        return sqlError(tr("save your work"), query.lastError());
    return {};
}

Result<void> Store::removeLocal(LocalTable table, const QString &key)
{
    const LocalTableInfo info = localInfo(table);
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?")
                      .arg(QLatin1String(info.name), QLatin1String(info.key)));
    query.addBindValue(key);
    if (!query.exec())
        return sqlError(tr("save your work"), query.lastError());
    return {};
}

Result<void> Store::audit(const QString &action, Table table, const QUuid &recordId,
                          const QString &detail)
{
    return insert(Table::AuditEvents, QUuid::createUuid(),
                  {
                      {QStringLiteral("at"), storeValue::fromTime(m_clock.nowUtc())},
                      {QStringLiteral("actor"), m_options.actor},
                      {QStringLiteral("action"), action},
                      {QStringLiteral("table_name"), tableName(table)},
                      {QStringLiteral("record_id"), idText(recordId)},
                      {QStringLiteral("detail"), detail},
                  });
}

Result<QStringList> Store::integrityCheck()
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError(tr("check the store"), query.lastError());
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != QLatin1String("ok"))
            problems.append(line);
    }
    if (query.lastError().isValid())
        return sqlError(tr("check the store"), query.lastError());
    query.finish();
    if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return sqlError(tr("check the store"), query.lastError());
    while (query.next())
        problems.append(tr("A %1 record points to a missing %2 record.")
                            .arg(query.value(0).toString(), query.value(2).toString()));
    return problems;
}

} // namespace lantern
