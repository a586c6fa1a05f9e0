#include "SyncJournal.h"

#include "Settings.h"
#include "StoreValues.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcJournal, "lantern.sync")

namespace lantern {

namespace {

const QString kCursorKey = QStringLiteral("sync.cursor");
const QString kRemovalsKey = QStringLiteral("sync.removals");

// Tables holding a case's records, children of a case first; note revisions go through notes.
const QStringList kCaseTables = {
    QStringLiteral("conflicts"), QStringLiteral("letters"), QStringLiteral("visits"),
    QStringLiteral("hearings"),  QStringLiteral("adults"),  QStringLiteral("children"),
    QStringLiteral("notes"),
};

OutboxEntry entryOf(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.mutationId = query.value(1).toString();
    entry.table = query.value(2).toString();
    entry.recordId = query.value(3).toString();
    entry.op = query.value(4).toString();
    entry.fields = query.value(5).toByteArray();
    entry.baseVersion = query.value(6).toLongLong();
    entry.createdAt = query.value(7).toString();
    entry.caseId = query.value(8).toString();
    return entry;
}

const QString kEntryColumns = QStringLiteral(
    "seq, mutation_id, table_name, record_id, op, fields, base_version, created_at, case_id");

QVariant bindable(const QVariant &value)
{
    // QtSql binds a null QString as NULL; text fields the server sent as "" stay "".
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QStringLiteral("");
    return value;
}

} // namespace

SyncJournal::SyncJournal(Store &store) : m_store(store) {}

Result<void> SyncJournal::exec(const QString &sql, const QVariantList &values, const QString &what)
{
    auto query = prepared(sql);
    if (!query)
        return query.error();
    for (const QVariant &value : values)
        (*query)->addBindValue(value);
    if (!(*query)->exec())
        return m_store.sqlError(what, (*query)->lastError());
    (*query)->finish();
    return {};
}

Result<QSqlQuery *> SyncJournal::prepared(const QString &sql)
{
    if (QSqlQuery *query = m_statements.value(sql))
        return query;
    auto query = std::make_unique<QSqlQuery>(m_store.database());
    if (!query->prepare(sql))
        return m_store.sqlError(tr("prepare a sync step"), query->lastError());
    QSqlQuery *raw = query.get();
    m_owned.push_back(std::move(query));
    m_statements.insert(sql, raw);
    return raw;
}

Result<QList<OutboxEntry>> SyncJournal::pending(int limit)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox ORDER BY seq LIMIT ?").arg(kEntryColumns));
    query.addBindValue(limit);
    if (!query.exec())
        return m_store.sqlError(tr("read the changes waiting to be sent"), query.lastError());
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(entryOf(query));
    return entries;
}

namespace {
Result<int> countOf(Store &store, const QString &sql, const QString &what)
{
    QSqlQuery query(store.database());
    if (!query.exec(sql) || !query.next())
        return store.sqlError(what, query.lastError());
    return query.value(0).toInt();
}
} // namespace

Result<int> SyncJournal::pendingCount()
{
    return countOf(m_store, QStringLiteral("SELECT count(*) FROM outbox"),
                   tr("count the changes waiting to be sent"));
}

Result<int> SyncJournal::rejectedCount()
{
    return countOf(m_store, QStringLiteral("SELECT count(*) FROM sync_rejected"),
                   tr("count the changes the server refused"));
}

Result<int> SyncJournal::openConflictCount()
{
    return countOf(m_store,
                   QStringLiteral("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL"
                                  " AND deleted_at IS NULL"),
                   tr("count the conflicts to settle"));
}

Result<QList<RejectedChange>> SyncJournal::rejected()
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT 0, mutation_id, table_name, record_id, op, fields,"
                                   " base_version, created_at, case_id, rejected_at, reason"
                                   " FROM sync_rejected ORDER BY rejected_at, created_at")))
        return m_store.sqlError(tr("read the changes the server refused"), query.lastError());
    QList<RejectedChange> changes;
    while (query.next())
        changes.append({entryOf(query), query.value(9).toString(), query.value(10).toString()});
    return changes;
}

Result<QSet<QString>> SyncJournal::casesWithUnsentWork()
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT case_id FROM outbox UNION SELECT case_id FROM"
                                   " sync_rejected")))
        return m_store.sqlError(tr("read the changes waiting to be sent"), query.lastError());
    QSet<QString> cases;
    while (query.next())
        cases.insert(query.value(0).toString());
    cases.remove(QString());
    return cases;
}

Result<SyncJournal::Position> SyncJournal::position()
{
    auto setting = readSetting(m_store, kCursorKey);
    if (!setting)
        return setting.error();
    return Position{static_cast<qint64>(setting->value(QStringLiteral("cursor")).toDouble()),
                    static_cast<qint64>(setting->value(QStringLiteral("horizon")).toDouble())};
}

Result<bool> SyncJournal::holdsCases()
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM cases)")) || !query.next())
        return m_store.sqlError(tr("read the caseload"), query.lastError());
    return query.value(0).toBool();
}

Result<void> SyncJournal::setPosition(Position position)
{
    return writeSetting(m_store, kCursorKey,
                        {{QStringLiteral("cursor"), static_cast<double>(position.cursor)},
                         {QStringLiteral("horizon"), static_cast<double>(position.horizon)}});
}

Result<void> SyncJournal::markSent(const QList<std::pair<QString, qint64>> &mutationVersions)
{
    return m_store.transaction([&]() -> Result<void> {
        auto statement = prepared(
            QStringLiteral("SELECT table_name, record_id FROM outbox WHERE mutation_id = ?"));
        if (!statement)
            return statement.error();
        QSqlQuery &row = **statement;
        for (const auto &[mutationId, version] : mutationVersions) {
            row.addBindValue(mutationId);
            if (!row.exec())
                return m_store.sqlError(tr("note what was sent"), row.lastError());
            if (!row.next()) {
                row.finish();
                continue; // already noted: a repeated answer changes nothing
            }
            const auto table = tableFromName(row.value(0).toString());
            const QString recordId = row.value(1).toString();
            row.finish();
            if (table && version > 0) {
                if (auto raised = exec(QStringLiteral("UPDATE %1 SET version = max(version, ?)"
                                                      " WHERE id = ?")
                                           .arg(tableName(*table)),
                                       {version, recordId}, tr("note what was sent"));
                    !raised)
                    return raised;
            }
            if (auto removed = exec(QStringLiteral("DELETE FROM outbox WHERE mutation_id = ?"),
                                    {mutationId}, tr("note what was sent"));
                !removed)
                return removed;
        }
        return {};
    });
}

Result<void> SyncJournal::setAside(const QString &mutationId, const QString &reason)
{
    return m_store.transaction([&]() -> Result<void> {
        if (auto moved = exec(
                QStringLiteral("INSERT OR REPLACE INTO sync_rejected (mutation_id, case_id,"
                               " table_name, record_id, op, fields, base_version, created_at,"
                               " rejected_at, reason) SELECT mutation_id, case_id, table_name,"
                               " record_id, op, fields, base_version, created_at, ?, ? FROM outbox"
                               " WHERE mutation_id = ?"),
                {storeValue::fromTime(m_store.clock().nowUtc()), reason, mutationId},
                tr("keep a refused change aside"));
            !moved)
            return moved;
        return exec(QStringLiteral("DELETE FROM outbox WHERE mutation_id = ?"), {mutationId},
                    tr("keep a refused change aside"));
    });
}

Result<void> SyncJournal::writeRow(const PulledRow &row, const QSet<QString> &unsent,
                                   ApplyCounts &counts)
{
    const QSet<QString> columns = m_store.columns(row.table);
    if (columns.isEmpty())
        return {}; // a table this laptop does not keep
    QStringList names;
    QVariantList values;
    names.reserve(row.fields.size());
    values.reserve(row.fields.size());
    for (auto it = row.fields.cbegin(); it != row.fields.cend(); ++it) {
        if (!columns.contains(it.key()) || it.key() == QLatin1String("id"))
            continue; // a field from a newer server: this Lantern does not know it
        names.append(it.key());
        values.append(bindable(it.value()));
    }
    const QString table = tableName(row.table);
    const QVariant deletedAt = row.deletedAt.isEmpty() ? QVariant() : QVariant(row.deletedAt);

    if (unsent.isEmpty()) {
        // The common case: insert, or overwrite a copy no newer than the server's. The
        // statement depends only on the table and the fields the server sent, which are the
        // same for every record of a table: it is looked up by those before being spelt out.
        const QString key =
            QStringLiteral("upsert ") + table + QLatin1Char(' ') + names.join(QLatin1Char(','));
        QSqlQuery *cached = m_statements.value(key);
        if (!cached) {
            QStringList all = {QStringLiteral("id"), QStringLiteral("created_at"),
                               QStringLiteral("updated_at"), QStringLiteral("version"),
                               QStringLiteral("deleted_at")};
            all += names;
            QStringList marks, assignments;
            for (const QString &name : std::as_const(all)) {
                marks.append(QStringLiteral("?"));
                if (name != QLatin1String("id"))
                    assignments.append(QStringLiteral("%1 = excluded.%1").arg(name));
            }
            auto query =
                prepared(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(id) DO "
                                        "UPDATE SET %4 WHERE excluded.version >= %1.version")
                             .arg(table, all.join(QLatin1Char(',')), marks.join(QLatin1Char(',')),
                                  assignments.join(QLatin1Char(','))));
            if (!query)
                return query.error();
            cached = *query;
            m_statements.insert(key, cached);
        }
        QSqlQuery &q = *cached;
        q.addBindValue(row.id);
        q.addBindValue(row.createdAt);
        q.addBindValue(row.updatedAt);
        q.addBindValue(row.version);
        q.addBindValue(deletedAt);
        for (const QVariant &value : std::as_const(values))
            q.addBindValue(value);
        if (!q.exec())
            return m_store.sqlError(tr("save what the server sent"), q.lastError());
        if (q.numRowsAffected() > 0)
            ++counts.applied;
        else
            ++counts.stale;
        return {};
    }

    // Unsent changes wait for this record: their fields stay as the FCA left them.
    QStringList assignments = {QStringLiteral("version = ?")};
    QVariantList assigned = {row.version};
    if (!unsent.contains(QStringLiteral("deleted_at"))) {
        assignments.append(QStringLiteral("deleted_at = ?"));
        assigned.append(deletedAt);
    }
    for (int i = 0; i < names.size(); ++i) {
        if (unsent.contains(names.at(i)))
            continue;
        assignments.append(names.at(i) + QStringLiteral(" = ?"));
        assigned.append(values.at(i));
    }
    assigned.append(row.id);
    assigned.append(row.version);
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND version <= ?")
                      .arg(table, assignments.join(QLatin1Char(','))));
    for (const QVariant &value : std::as_const(assigned))
        query.addBindValue(value);
    if (!query.exec())
        return m_store.sqlError(tr("save what the server sent"), query.lastError());
    if (query.numRowsAffected() > 0)
        ++counts.merged;
    else
        ++counts.stale;
    return {};
}

Result<ApplyCounts> SyncJournal::applyPage(const QList<PulledRow> &rows,
                                           const QStringList &removedCases, Position next)
{
    ApplyCounts counts;
    auto applied = m_store.transaction([&]() -> Result<void> {
        // Which fields of which records wait to be sent.
        QHash<QString, QSet<QString>> unsent;
        {
            QSqlQuery query(m_store.database());
            if (!query.exec(QStringLiteral("SELECT table_name, record_id, op, fields FROM outbox")))
                return m_store.sqlError(tr("read the changes waiting to be sent"),
                                        query.lastError());
            while (query.next()) {
                QSet<QString> &fields = unsent[query.value(0).toString() + QLatin1Char('/') +
                                               query.value(1).toString()];
                const QJsonObject changed =
                    QJsonDocument::fromJson(query.value(3).toByteArray()).object();
                for (auto it = changed.begin(); it != changed.end(); ++it)
                    fields.insert(it.key());
                fields.remove(QStringLiteral("updated_at"));
                fields.remove(QStringLiteral("created_at"));
                if (query.value(2).toString() != QLatin1String("delete"))
                    fields.remove(QStringLiteral("deleted_at"));
                if (fields.isEmpty())
                    fields.insert(QStringLiteral("id")); // still marks the record as unsent
            }
        }
        QSet<QString> touchedNotes;
        for (const PulledRow &row : rows) {
            const QString key = tableName(row.table) + QLatin1Char('/') + row.id;
            if (auto written = writeRow(row, unsent.value(key), counts); !written)
                return written;
            if (row.table == Table::Notes)
                touchedNotes.insert(row.id);
            else if (row.table == Table::NoteRevisions)
                touchedNotes.insert(row.fields.value(QStringLiteral("note_id")).toString());
        }
        if (auto refreshed = refreshNoteSearch(touchedNotes); !refreshed)
            return refreshed;

        auto deferred = deferredRemovals();
        if (!deferred)
            return deferred.error();
        QStringList waiting = *deferred;
        for (const QString &caseId : removedCases) {
            auto unsent = hasUnsentWork(caseId);
            if (!unsent)
                return unsent.error();
            if (*unsent) {
                if (!waiting.contains(caseId))
                    waiting.append(caseId);
                continue;
            }
            if (auto removed = removeCase(caseId); !removed)
                return removed;
            waiting.removeAll(caseId);
            ++counts.removedCases;
        }
        if (waiting != *deferred)
            if (auto saved = setDeferredRemovals(waiting); !saved)
                return saved;
        return setPosition(next);
    });
    if (!applied)
        return applied.error();
    return counts;
}

Result<void> SyncJournal::tuneForPull(bool on)
{
    QSqlQuery query(m_store.database());
    if (on == m_cacheSize.has_value())
        return {};
    if (on) {
        if (!query.exec(QStringLiteral("PRAGMA cache_size")) || !query.next())
            return m_store.sqlError(tr("save what the server sent"), query.lastError());
        m_cacheSize = query.value(0).toLongLong();
        query.finish();
    }
    // Negative: in KiB. Setting the connection's own size again frees what the pull used.
    const qint64 size = on ? -64 * 1024 : *std::exchange(m_cacheSize, std::nullopt);
    for (const QString &sql : {QStringLiteral("PRAGMA cache_size = %1").arg(size),
                               QStringLiteral("PRAGMA foreign_keys = %1").arg(on ? 0 : 1)})
        if (!query.exec(sql))
            return m_store.sqlError(tr("save what the server sent"), query.lastError());
    return {};
}

Result<void> SyncJournal::refreshNoteSearch(const QSet<QString> &noteIds)
{
    // The triggers index a revision when it is inserted after its note; a pull page may bring
    // them in either order, so each touched note's entry is made to hold its latest revision.
    // Most already do (the trigger indexed it, or a pull brought back what this laptop wrote):
    // those are left alone, as re-indexing a note costs a delete and an insert in the FTS index.
    const QString what = tr("update note search");
    auto state = prepared(QStringLiteral(
        "SELECT n.rowid, n.deleted_at IS NULL AND EXISTS (SELECT 1 FROM note_revisions r"
        "  WHERE r.note_id = n.id),"
        " (SELECT r.body_text FROM note_revisions r WHERE r.note_id = n.id"
        "  ORDER BY r.number DESC, r.created_at DESC LIMIT 1),"
        " (SELECT s.body FROM note_search s WHERE s.rowid = n.rowid)"
        " FROM notes n WHERE n.id = ?"));
    if (!state)
        return state.error();
    QSqlQuery &q = **state;
    for (const QString &noteId : noteIds) {
        q.addBindValue(noteId);
        if (!q.exec())
            return m_store.sqlError(what, q.lastError());
        if (!q.next()) {
            q.finish();
            continue; // the note has not come yet: indexed when it does
        }
        const qint64 rowid = q.value(0).toLongLong();
        const bool searchable = q.value(1).toBool();
        const QVariant latest = q.value(2);
        const QVariant indexed = q.value(3);
        q.finish();
        if (searchable && !indexed.isNull() && indexed.toString() == latest.toString())
            continue;
        if (!searchable && indexed.isNull())
            continue;
        if (!indexed.isNull()) {
            if (auto dropped =
                    exec(QStringLiteral("DELETE FROM note_search WHERE rowid = ?"), {rowid}, what);
                !dropped)
                return dropped;
        }
        if (searchable) {
            if (auto added =
                    exec(QStringLiteral("INSERT INTO note_search (rowid, body) VALUES (?, ?)"),
                         {rowid, latest.toString()}, what);
                !added)
                return added;
        }
    }
    return {};
}

Result<void> SyncJournal::removeCase(const QString &caseId)
{
    const QString what = tr("remove a case that is no longer yours");
    const QString notesOfCase = QStringLiteral("(SELECT id FROM notes WHERE case_id = ?)");
    QStringList statements = {
        QStringLiteral("DELETE FROM note_search WHERE rowid IN"
                       " (SELECT rowid FROM notes WHERE case_id = ?)"),
        QStringLiteral("DELETE FROM note_drafts WHERE note_id IN ") + notesOfCase,
        QStringLiteral("DELETE FROM note_revisions WHERE note_id IN ") + notesOfCase,
    };
    for (const QString &table : kCaseTables)
        statements.append(QStringLiteral("DELETE FROM %1 WHERE case_id = ?").arg(table));
    statements.append(QStringLiteral("DELETE FROM cases WHERE id = ?"));
    for (const QString &sql : std::as_const(statements))
        if (auto done = exec(sql, {caseId}, what); !done)
            return done;
    qCInfo(lcJournal) << "Removed a deallocated case from the laptop";
    return {};
}

Result<bool> SyncJournal::hasUnsentWork(const QString &caseId)
{
    auto query = prepared(QStringLiteral("SELECT EXISTS (SELECT 1 FROM outbox WHERE case_id = ?)"));
    if (!query)
        return query.error();
    (*query)->addBindValue(caseId);
    if (!(*query)->exec() || !(*query)->next())
        return m_store.sqlError(tr("read the changes waiting to be sent"), (*query)->lastError());
    const bool unsent = (*query)->value(0).toBool();
    (*query)->finish();
    return unsent;
}

Result<QStringList> SyncJournal::deferredRemovals()
{
    auto setting = readSetting(m_store, kRemovalsKey);
    if (!setting)
        return setting.error();
    QStringList cases;
    for (const QJsonValue &value : setting->value(QStringLiteral("cases")).toArray())
        cases.append(value.toString());
    return cases;
}

Result<void> SyncJournal::setDeferredRemovals(const QStringList &cases)
{
    return writeSetting(m_store, kRemovalsKey,
                        {{QStringLiteral("cases"), QJsonArray::fromStringList(cases)}});
}

Result<int> SyncJournal::removeSettledCases()
{
    int removed = 0;
    auto done = m_store.transaction([&]() -> Result<void> {
        auto deferred = deferredRemovals();
        if (!deferred)
            return deferred.error();
        QStringList waiting;
        for (const QString &caseId : std::as_const(*deferred)) {
            auto unsent = hasUnsentWork(caseId);
            if (!unsent)
                return unsent.error();
            if (*unsent) {
                waiting.append(caseId);
                continue;
            }
            if (auto gone = removeCase(caseId); !gone)
                return gone;
            ++removed;
        }
        if (waiting == *deferred)
            return {};
        return setDeferredRemovals(waiting);
    });
    if (!done)
        return done.error();
    return removed;
}

Result<void> SyncJournal::wipeFiles(const QString &storePath)
{
    const QFileInfo info(storePath);
    QStringList files = {storePath, storePath + QStringLiteral("-wal"),
                         storePath + QStringLiteral("-shm"),
                         storePath + QStringLiteral("-journal")};
    // Backups taken before migrations sit beside the store, named after it.
    const QDir dir = info.absoluteDir();
    for (const QString &name :
         dir.entryList({info.fileName() + QStringLiteral(".*")}, QDir::Files | QDir::Hidden))
        files.append(dir.filePath(name));
    QStringList failed;
    for (const QString &file : std::as_const(files)) {
        if (QFile::exists(file) && !QFile::remove(file))
            failed.append(QDir::toNativeSeparators(file));
    }
    if (!failed.isEmpty())
        return makeError(ErrorCode::Io, tr("Lantern could not remove %1. Remove it by hand, or "
                                           "ask support to.")
                                            .arg(failed.join(QStringLiteral(", "))));
    return {};
}

} // namespace lantern
