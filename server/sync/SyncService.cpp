#include "SyncService.h"

#include "ApiError.h"
#include "storage/Audit.h"
#include "storage/ServerDatabase.h"
#include "sync/SyncSchema.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

namespace lantern::server {

using sync::Change;
using sync::ChangeResult;
using sync::Outcome;

namespace {

const QString kCases = QStringLiteral("cases");
const QString kNotes = QStringLiteral("notes");
const QString kRevisions = QStringLiteral("note_revisions");
const QString kLetters = QStringLiteral("letters");
const QString kConflicts = QStringLiteral("conflicts");
const QString kAuditEvents = QStringLiteral("audit_events");
const QString kOversight = QStringLiteral("management_oversight");
constexpr int kLatePushDays = 30; // how long a previous holder's late changes are taken

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// A value as text for a conflict record: its compact JSON.
QJsonValue valueText(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QJsonValue();
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

struct Stored
{
    QString table, id, caseId;
    qint64 version = 0;
    QString createdAt, updatedAt, deletedAt;
    QJsonObject fields;
};

std::optional<Stored> load(QSqlDatabase &db, const QString &table, const QString &id)
{
    QSqlQuery &query = ServerDatabase::exec(
        db,
        QStringLiteral("SELECT case_id, version, created_at, updated_at, deleted_at, fields"
                       " FROM records WHERE table_name = ? AND id = ?"),
        {table, id});
    if (!query.next())
        return std::nullopt;
    return Stored{table,
                  id,
                  query.value(0).toString(),
                  query.value(1).toLongLong(),
                  query.value(2).toString(),
                  query.value(3).toString(),
                  query.value(4).toString(),
                  jsonObject(query.value(5).toString())};
}

// Stores a new record as version 1, and its history (deviceId: the laptop that pushed it).
void insertRecord(ServerDatabase &database, QSqlDatabase &db, Stored &record,
                  const QString &userName, const QString &deviceId = QString())
{
    const QString now = ServerDatabase::now();
    record.version = 1;
    record.createdAt = record.updatedAt = now;
    QJsonObject changed;
    for (auto it = record.fields.begin(); it != record.fields.end(); ++it)
        changed.insert(it.key(), QJsonArray{QJsonValue(), it.value()});
    ServerDatabase::exec(
        db,
        QStringLiteral("INSERT INTO records (table_name, id, case_id, version, seq,"
                       " created_at, updated_at, deleted_at, fields)"
                       " VALUES (?, ?, ?, 1, ?, ?, ?, NULL, ?)"),
        {record.table, record.id, record.caseId, database.nextSequence(db), now, now,
         jsonText(record.fields)});
    ServerDatabase::exec(
        db,
        QStringLiteral("INSERT INTO record_history (table_name, id, version,"
                       " changed, at, user_name, device_id) VALUES (?, ?, 1, ?, ?, ?, ?)"),
        {record.table, record.id, jsonText(changed), now, userName, deviceId});
}

// Writes the next version of a record: the changed fields ({field: [before, after]}) or a
// soft delete.
void updateRecord(ServerDatabase &database, QSqlDatabase &db, Stored &record,
                  const QJsonObject &changed, bool deleting, const QString &userName,
                  const QString &deviceId = QString())
{
    const QString now = ServerDatabase::now();
    for (auto it = changed.begin(); it != changed.end(); ++it)
        record.fields.insert(it.key(), it.value().toArray().at(1));
    ++record.version;
    record.updatedAt = now;
    if (deleting)
        record.deletedAt = now;
    ServerDatabase::exec(
        db,
        QStringLiteral("UPDATE records SET version = ?, seq = ?, updated_at = ?,"
                       " deleted_at = ?, fields = ? WHERE table_name = ? AND id = ?"),
        {record.version, database.nextSequence(db), now,
         record.deletedAt.isEmpty() ? QVariant() : QVariant(record.deletedAt),
         jsonText(record.fields), record.table, record.id});
    QJsonObject history = changed;
    if (deleting)
        history.insert(QStringLiteral("deleted_at"), QJsonArray{QJsonValue(), now});
    ServerDatabase::exec(
        db,
        QStringLiteral("INSERT INTO record_history (table_name, id, version,"
                       " changed, at, user_name, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {record.table, record.id, record.version, jsonText(history), now, userName, deviceId});
}

// A conflict kept as a record of its own, pulled by everyone who sees the case.
QUuid raiseConflict(ServerDatabase &database, QSqlDatabase &db, const Stored &record,
                    const QString &field, const QJsonValue &base, const QJsonValue &server,
                    const QJsonValue &client, const QString &userName)
{
    const QUuid id = QUuid::createUuid();
    Stored conflict{kConflicts, idText(id), record.caseId, 0, {}, {}, {}, {}};
    conflict.fields = QJsonObject{
        {QStringLiteral("case_id"), record.caseId},
        {QStringLiteral("table_name"), record.table},
        {QStringLiteral("record_id"), record.id},
        {QStringLiteral("field"), field},
        {QStringLiteral("base_value"), valueText(base)},
        {QStringLiteral("server_value"), valueText(server)},
        {QStringLiteral("client_value"), valueText(client)},
        {QStringLiteral("raised_by"), userName},
        {QStringLiteral("resolved_at"), QJsonValue()},
        {QStringLiteral("resolution"), QString()},
        {QStringLiteral("resolved_by"), QString()},
    };
    insertRecord(database, db, conflict, userName);
    return id;
}

// The cases a user may see: their own, and for a manager their team's.
QString visibleCasesSql(const Principal &principal)
{
    if (principal.role == Role::Manager)
        return QStringLiteral("SELECT a.case_id FROM allocations a JOIN users u ON u.id = a.user_id"
                              " WHERE u.id = ? OR (u.team = ? AND u.team <> '')");
    return QStringLiteral("SELECT case_id FROM allocations WHERE user_id = ?");
}

QVariantList visibleCasesValues(const Principal &principal)
{
    if (principal.role == Role::Manager)
        return {principal.userId, principal.team};
    return {principal.userId};
}

bool caseVisible(QSqlDatabase &db, const Principal &principal, const QString &caseId)
{
    QVariantList values = visibleCasesValues(principal);
    values.prepend(caseId);
    QSqlQuery &query = ServerDatabase::exec(
        db, QStringLiteral("SELECT 1 WHERE ? IN (%1)").arg(visibleCasesSql(principal)), values);
    return query.next();
}

ApiError forbidden(const QString &message, const QJsonObject &extra = {})
{
    return ApiError(403, QStringLiteral("forbidden"), message, extra);
}

struct CaseRow
{
    QString id;
    QString number;
};

CaseRow findCase(QSqlDatabase &db, const QString &ref)
{
    if (const QUuid id = QUuid::fromString(ref); !id.isNull()) {
        if (auto record = load(db, kCases, idText(id)); record && record->deletedAt.isEmpty())
            return {record->id, record->fields.value(QStringLiteral("case_number")).toString()};
    }
    QSqlQuery &query = ServerDatabase::exec(
        db,
        QStringLiteral(
            "SELECT id, fields FROM records WHERE table_name = ? AND deleted_at IS NULL"),
        {kCases});
    while (query.next()) {
        const QString number =
            jsonObject(query.value(1).toString()).value(QStringLiteral("case_number")).toString();
        if (number.compare(ref.trimmed(), Qt::CaseInsensitive) == 0)
            return {query.value(0).toString(), number};
    }
    throw ApiError(404, QStringLiteral("not_found"),
                   QStringLiteral("There is no case %1.").arg(ref));
}

// Sets a case's allocated_to field as a server change, so laptops show who holds it.
void setAllocatedTo(ServerDatabase &database, QSqlDatabase &db, const QString &caseId,
                    const QString &userName)
{
    std::optional<Stored> record = load(db, kCases, caseId);
    if (!record)
        return;
    const QJsonValue before = record->fields.value(QStringLiteral("allocated_to"));
    if (before.toString() == userName)
        return;
    updateRecord(database, db, *record,
                 QJsonObject{{QStringLiteral("allocated_to"), QJsonArray{before, userName}}}, false,
                 QStringLiteral("admin"));
}

void addAllocationEvent(ServerDatabase &database, QSqlDatabase &db, const QString &caseId,
                        const QString &userId, const QString &kind)
{
    ServerDatabase::exec(
        db,
        QStringLiteral("INSERT INTO allocation_events (seq, case_id, user_id, kind, at)"
                       " VALUES (?, ?, ?, ?, ?)"),
        {database.nextSequence(db), caseId, userId, kind, ServerDatabase::now()});
}

// One push, inside its write transaction.
class PushRun
{
public:
    PushRun(ServerDatabase &database, QSqlDatabase &db, const Principal &principal)
        : m_database(database), m_db(db), m_principal(principal)
    {}

    ChangeResult apply(const Change &change)
    {
        ChangeResult result;
        result.mutationId = change.mutationId;
        QSqlQuery &seen = ServerDatabase::exec(
            m_db, QStringLiteral("SELECT user_id, result FROM mutations WHERE mutation_id = ?"),
            {change.mutationId});
        if (seen.next()) {
            if (seen.value(0).toString() != m_principal.userId)
                return rejected(result,
                                QStringLiteral("This mutation id was used by another user."));
            const QJsonObject earlier = jsonObject(seen.value(1).toString());
            seen.finish();
            // Still rejected: "duplicate" would tell the laptop its work was stored.
            if (earlier.value(QStringLiteral("status")).toString() ==
                sync::outcomeName(Outcome::Rejected))
                return rejected(result, earlier.value(QStringLiteral("reason")).toString());
            result.outcome = Outcome::Duplicate;
            result.version = earlier.value(QStringLiteral("version")).toInteger();
            return result;
        }
        result = applyNew(change, result);
        ServerDatabase::exec(
            m_db,
            QStringLiteral("INSERT INTO mutations (mutation_id, user_id, result, at)"
                           " VALUES (?, ?, ?, ?)"),
            {change.mutationId, m_principal.userId, jsonText(sync::changeResultJson(result)),
             ServerDatabase::now()});
        if (result.outcome == Outcome::Applied || result.outcome == Outcome::Conflict)
            ++m_stored;
        return result;
    }

    const QStringList &forbiddenMutations() const { return m_forbidden; }
    const QSet<QString> &casesTouched() const { return m_cases; }
    const QSet<QString> &lateCases() const { return m_late; }
    int stored() const { return m_stored; }

private:
    ChangeResult &rejected(ChangeResult &result, const QString &reason)
    {
        result.outcome = Outcome::Rejected;
        result.version = 0;
        result.reason = reason;
        return result;
    }

    // Whether this user may make this change to a record of this case; refusals are
    // collected and the whole push refused with 403.
    // A case taken from this FCA lately: what they wrote before they learnt of it still
    // comes in (nothing typed is lost), though they no longer see the case.
    bool recentlyHeld(const QString &caseId)
    {
        const QString since =
            QDateTime::currentDateTimeUtc().addDays(-kLatePushDays).toString(Qt::ISODateWithMs);
        QSqlQuery &query = ServerDatabase::exec(
            m_db,
            QStringLiteral("SELECT 1 FROM allocation_events WHERE case_id = ? AND user_id = ?"
                           " AND kind = 'deallocate' AND at >= ?"),
            {caseId, m_principal.userId, since});
        const bool held = query.next();
        query.finish();
        if (held)
            m_late.insert(caseId);
        return held;
    }

    // Whether the user sees the case, asked once per case in a push.
    bool visible(const QString &caseId)
    {
        auto it = m_visible.find(caseId);
        if (it == m_visible.end())
            it = m_visible.insert(caseId, caseVisible(m_db, m_principal, caseId));
        return *it;
    }

    bool allowed(const Change &change, const QString &caseId, const QJsonObject &noteFields)
    {
        bool ok = false;
        if (m_principal.role == Role::Fca) {
            ok = change.table == kAuditEvents || visible(caseId) || recentlyHeld(caseId);
        } else if (m_principal.role == Role::Manager) {
            // Managers read their team's cases and add management oversight notes to them.
            // ... and it stays one: an update may not turn it into another kind of note.
            const QJsonValue newKind = change.fields.value(QStringLiteral("kind"));
            const bool oversight =
                noteFields.value(QStringLiteral("kind")).toString() == kOversight &&
                (newKind.isUndefined() || newKind.toString() == kOversight);
            ok = change.table == kAuditEvents ||
                 (oversight && (change.table == kNotes || change.table == kRevisions) &&
                  change.op != QLatin1String("delete") && visible(caseId));
        }
        if (!ok)
            m_forbidden.append(change.mutationId);
        return ok;
    }

    ChangeResult applyNew(const Change &incoming, ChangeResult &result)
    {
        // Who holds a case is the server's to say: a laptop's allocated_to is ignored.
        Change change = incoming;
        if (change.table == kCases)
            change.fields.remove(QStringLiteral("allocated_to"));
        const sync::TableSpec *spec = sync::findTable(change.table);
        const QString id = idText(change.recordId);
        std::optional<Stored> existing = load(m_db, change.table, id);
        if (spec->flow == sync::TableFlow::PullOnly && change.op != QLatin1String("update"))
            return rejected(result,
                            QStringLiteral("Only the server makes %1 records.").arg(spec->name));
        // Checked before access: an update names no case, so it cannot be placed in one.
        if (!existing && change.op != QLatin1String("insert"))
            return rejected(result, QStringLiteral("This record is not on the server."));

        // Which case the record belongs to, and the note it hangs from (for revisions).
        QString caseId;
        QJsonObject noteFields;
        if (existing) {
            caseId = existing->caseId;
        } else if (change.table == kCases) {
            caseId = id;
        } else if (change.table == kRevisions) {
            const QString noteId = change.fields.value(QStringLiteral("note_id")).toString();
            std::optional<Stored> note = load(m_db, kNotes, idText(QUuid::fromString(noteId)));
            if (!note)
                return rejected(
                    result,
                    QStringLiteral("The note this revision belongs to is not on the server."));
            caseId = note->caseId;
            noteFields = note->fields;
        } else if (!spec->caseField.isEmpty()) {
            caseId = idText(QUuid::fromString(change.fields.value(spec->caseField).toString()));
        }
        if (existing && change.table == kRevisions) {
            if (auto note = load(m_db, kNotes,
                                 existing->fields.value(QStringLiteral("note_id")).toString()))
                noteFields = note->fields;
        }
        if (change.table == kNotes)
            noteFields = existing ? existing->fields : change.fields;

        // A laptop may create a new case: it is allocated to whoever made it.
        const bool newCase = change.table == kCases && !existing &&
                             change.op == QLatin1String("insert") && m_principal.role == Role::Fca;
        if (!newCase && !allowed(change, caseId, noteFields))
            return rejected(result, QStringLiteral("Not allowed."));
        if (!caseId.isEmpty() && change.table != kAuditEvents)
            m_cases.insert(caseId);

        if (change.table == kAuditEvents) {
            recordAudit(m_db,
                        {m_principal.userName, m_principal.deviceId,
                         QStringLiteral("laptop:") +
                             change.fields.value(QStringLiteral("action")).toString().left(60),
                         QString(), 200,
                         change.fields.value(QStringLiteral("table_name")).toString().left(40) +
                             QLatin1Char(' ') +
                             change.fields.value(QStringLiteral("record_id")).toString()});
            result.outcome = Outcome::Applied;
            result.version = 1;
            return result;
        }
        if (change.op == QLatin1String("insert"))
            return insert(change, spec, caseId, existing, result, newCase);
        if (change.op == QLatin1String("delete"))
            return remove(*existing, result);
        return update(change, spec, *existing, result);
    }

    ChangeResult insert(const Change &change, const sync::TableSpec *spec, const QString &caseId,
                        const std::optional<Stored> &existing, ChangeResult &result, bool newCase)
    {
        if (existing)
            return rejected(result, QStringLiteral("A record with this id already exists."));
        if (caseId.isEmpty() || QUuid::fromString(caseId).isNull())
            return rejected(result, QStringLiteral("The record names no case."));
        if (change.table != kCases && !load(m_db, kCases, caseId))
            return rejected(result, QStringLiteral("The record's case is not on the server."));
        if (change.table == kCases) {
            const QString number = change.fields.value(QStringLiteral("case_number")).toString();
            try {
                findCase(m_db, number);
                return rejected(result, QStringLiteral("A case with this case number is already on "
                                                       "the server."));
            } catch (const ApiError &error) {
                if (error.status() != 404)
                    throw;
            }
        }
        Stored record{change.table, idText(change.recordId), caseId, 0, {}, {}, {}, change.fields};
        for (const sync::FieldSpec &field : spec->fields) { // every field present on the server
            if (!record.fields.contains(field.name) && field.nullable)
                record.fields.insert(field.name, QJsonValue());
        }
        if (newCase) {
            record.fields.insert(QStringLiteral("allocated_to"), m_principal.userName);
            ServerDatabase::exec(m_db,
                                 QStringLiteral("INSERT INTO allocations (case_id, user_id,"
                                                " allocated_at) VALUES (?, ?, ?)"),
                                 {caseId, m_principal.userId, ServerDatabase::now()});
        }
        insertRecord(m_database, m_db, record, m_principal.userName, m_principal.deviceId);
        if (newCase)
            addAllocationEvent(m_database, m_db, caseId, m_principal.userId,
                               QStringLiteral("allocate"));
        result.outcome = Outcome::Applied;
        result.version = record.version;

        // Two revisions of one note made from the same base: both stand, flagged.
        if (change.table == kRevisions) {
            QSqlQuery &twins = ServerDatabase::exec(
                m_db,
                QStringLiteral("SELECT id, fields FROM records WHERE table_name = ? AND case_id = ?"
                               " AND id <> ? AND deleted_at IS NULL"),
                {kRevisions, caseId, record.id});
            const QJsonValue noteId = change.fields.value(QStringLiteral("note_id"));
            const QJsonValue number = change.fields.value(QStringLiteral("number"));
            QStringList twinIds;
            while (twins.next()) {
                const QJsonObject other = jsonObject(twins.value(1).toString());
                if (other.value(QStringLiteral("note_id")) == noteId &&
                    other.value(QStringLiteral("number")) == number)
                    twinIds.append(twins.value(0).toString());
            }
            twins.finish();
            for (const QString &twinId : std::as_const(twinIds)) {
                const QUuid conflict =
                    raiseConflict(m_database, m_db, record, QStringLiteral("number"), QJsonValue(),
                                  twinId, record.id, m_principal.userName);
                result.outcome = Outcome::Conflict;
                result.reason = QStringLiteral("Another revision of this note was made from the "
                                               "same version; both are kept.");
                result.conflicts.append({conflict, QStringLiteral("number")});
            }
        }
        return result;
    }

    ChangeResult remove(Stored &record, ChangeResult &result)
    {
        result.outcome = Outcome::Applied;
        if (record.deletedAt.isEmpty()) {
            if (isLocked(record))
                return rejected(result, QStringLiteral("A finalised record cannot be deleted."));
            updateRecord(m_database, m_db, record, {}, true, m_principal.userName,
                         m_principal.deviceId);
        }
        result.version = record.version;
        return result;
    }

    static bool isLocked(const Stored &record)
    {
        const bool finalisable =
            record.table == kNotes || record.table == kRevisions || record.table == kLetters;
        return finalisable &&
               !record.fields.value(QStringLiteral("finalised_at")).toString().isEmpty();
    }

    ChangeResult update(const Change &change, const sync::TableSpec *spec, Stored &record,
                        ChangeResult &result)
    {
        if (change.baseVersion > record.version)
            return rejected(result, QStringLiteral("The base version is newer than the server's."));
        if (spec->appendOnly)
            return rejected(
                result,
                QStringLiteral("%1 records are never changed; add a new one.").arg(spec->name));
        if (spec->flow == sync::TableFlow::PullOnly) {
            static const QSet<QString> resolutions = {
                QStringLiteral("mine"), QStringLiteral("theirs"), QStringLiteral("merged")};
            for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
                if (!spec->updatableFields.contains(it.key()))
                    return rejected(result, QStringLiteral("%1 cannot be changed.").arg(it.key()));
                if (it.key() == QLatin1String("resolution") &&
                    !resolutions.contains(it.value().toString()))
                    return rejected(result,
                                    QStringLiteral("A resolution is mine, theirs or merged."));
            }
        }
        if (!spec->caseField.isEmpty() && change.fields.contains(spec->caseField) &&
            change.fields.value(spec->caseField).toString() != record.caseId)
            return rejected(result, QStringLiteral("A record cannot move to another case."));

        // An edit of a deleted record: nothing is applied; the edit is kept in a conflict.
        if (!record.deletedAt.isEmpty()) {
            const QUuid conflict =
                raiseConflict(m_database, m_db, record, QStringLiteral("deleted_at"), QJsonValue(),
                              record.deletedAt, QJsonValue(change.fields), m_principal.userName);
            result.outcome = Outcome::Conflict;
            result.version = record.version;
            result.reason = QStringLiteral("The record was deleted on the server; the edit is kept "
                                           "in the conflict.");
            result.conflicts.append({conflict, QStringLiteral("deleted_at")});
            return result;
        }
        if (isLocked(record)) {
            // A finalised letter may still be recorded as sent; a finalised note only grows by
            // new revisions.
            static const QSet<QString> sentFields = {
                QStringLiteral("sent_on"), QStringLiteral("sent_how"), QStringLiteral("status")};
            for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
                const bool same = record.fields.value(it.key()) == it.value();
                if (!same && !(record.table == kLetters && sentFields.contains(it.key())))
                    return rejected(result, QStringLiteral("This record is finalised; it changes "
                                                           "only by amendment."));
            }
        }

        // What changed on the server since the laptop's base, and what each field was then.
        // This laptop's own changes are not among them: its outbox holds changes made on top of
        // one another, all with the base its copy had when they were made.
        QHash<QString, QJsonValue> baseValues;
        QSqlQuery &history = ServerDatabase::exec(
            m_db,
            QStringLiteral("SELECT changed FROM record_history WHERE table_name = ? AND id = ?"
                           " AND version > ? AND device_id <> ? ORDER BY version"),
            {record.table, record.id, change.baseVersion, m_principal.deviceId});
        while (history.next()) {
            const QJsonObject changed = jsonObject(history.value(0).toString());
            for (auto it = changed.begin(); it != changed.end(); ++it) {
                if (!baseValues.contains(it.key()))
                    baseValues.insert(it.key(), it.value().toArray().at(0));
            }
        }

        QJsonObject apply;
        for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
            const QJsonValue current = record.fields.value(it.key());
            if (current == it.value())
                continue;
            if (baseValues.contains(it.key())) {
                // Both sides changed this field to different values: a person decides.
                const QUuid conflict =
                    raiseConflict(m_database, m_db, record, it.key(), baseValues.value(it.key()),
                                  current, it.value(), m_principal.userName);
                result.conflicts.append({conflict, it.key()});
                continue;
            }
            apply.insert(it.key(), QJsonArray{current, it.value()});
        }
        if (record.table == kConflicts && !apply.isEmpty())
            apply.insert(QStringLiteral("resolved_by"),
                         QJsonArray{record.fields.value(QStringLiteral("resolved_by")),
                                    m_principal.userName});
        if (!apply.isEmpty())
            updateRecord(m_database, m_db, record, apply, false, m_principal.userName,
                         m_principal.deviceId);
        result.version = record.version;
        if (result.conflicts.isEmpty()) {
            result.outcome = Outcome::Applied;
        } else {
            result.outcome = Outcome::Conflict;
            result.reason = QStringLiteral("Someone else changed the same field; both values are "
                                           "kept until one is chosen.");
        }
        return result;
    }

    ServerDatabase &m_database;
    QSqlDatabase &m_db;
    const Principal &m_principal;
    QStringList m_forbidden;
    QSet<QString> m_late; // cases pushed to after they were taken from this user
    QHash<QString, bool> m_visible;
    QSet<QString> m_cases;
    int m_stored = 0;
};

sync::PulledRecord pulled(const QSqlQuery &query)
{
    sync::PulledRecord record;
    record.table = query.value(0).toString();
    record.id = QUuid::fromString(query.value(1).toString());
    record.caseId = QUuid::fromString(query.value(2).toString());
    record.version = query.value(3).toLongLong();
    record.createdAt = query.value(5).toString();
    record.updatedAt = query.value(6).toString();
    record.deletedAt = query.value(7).toString();
    record.fields = jsonObject(query.value(8).toString());
    return record;
}

const QString kRecordColumns = QStringLiteral(
    "table_name, id, case_id, version, seq, created_at, updated_at, deleted_at, fields");

} // namespace

SyncService::SyncService(ServerDatabase &database) : m_db(database) {}

QList<ChangeResult> SyncService::push(const Principal &principal, const QList<Change> &changes)
{
    if (principal.role == Role::Admin)
        throw forbidden(QStringLiteral("An administrator account reads and changes no case data."));
    QList<ChangeResult> results;
    m_db.write([&](QSqlDatabase &db) {
        PushRun run(m_db, db, principal);
        for (const Change &change : changes)
            results.append(run.apply(change));
        if (!run.forbiddenMutations().isEmpty()) {
            QJsonArray ids;
            for (const QString &id : run.forbiddenMutations())
                ids.append(id);
            throw forbidden(QStringLiteral("Some changes are to cases you do not hold; nothing in "
                                           "this push was stored."),
                            {{QStringLiteral("mutation_ids"), ids}});
        }
        QMap<QString, int> outcomes;
        for (const ChangeResult &result : results)
            ++outcomes[sync::outcomeName(result.outcome)];
        QStringList summary;
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
            summary.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
        const QSet<QString> cases = run.casesTouched();
        if (cases.isEmpty())
            recordAudit(db, {principal.userName, principal.deviceId, QStringLiteral("push"),
                             QString(), 200, summary.join(QStringLiteral(", "))});
        for (const QString &caseId : cases)
            recordAudit(db, {principal.userName, principal.deviceId, QStringLiteral("push"), caseId,
                             200,
                             summary.join(QStringLiteral(", ")) +
                                 (run.lateCases().contains(caseId)
                                      ? QStringLiteral(" (after the case was deallocated)")
                                      : QString())});
        ServerDatabase::exec(db, QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"),
                             {ServerDatabase::now(), principal.deviceId});
    });
    return results;
}

sync::PullPage SyncService::pull(const Principal &principal, qint64 cursor, int limit,
                                 qint64 horizon)
{
    if (principal.role == Role::Admin)
        throw forbidden(QStringLiteral("An administrator account reads no case data."));
    limit = qBound(1, limit, sync::kMaxPullLimit);
    sync::PullPage page;
    m_db.read([&](QSqlDatabase &db) {
        QSqlQuery &state = ServerDatabase::exec(
            db, QStringLiteral("SELECT last_seq, min_cursor FROM sync_state WHERE id = 1"));
        state.next();
        const qint64 lastSeq = state.value(0).toLongLong();
        const qint64 minCursor = state.value(1).toLongLong();
        state.finish();
        if (cursor > 0 && cursor < minCursor)
            throw ApiError(410, QStringLiteral("cursor_expired"),
                           QStringLiteral("This laptop has been away longer than deleted records "
                                          "are kept; download the caseload afresh (cursor 0)."));
        if (cursor > lastSeq || horizon > lastSeq)
            throw ApiError(
                400, QStringLiteral("invalid"),
                QStringLiteral("The %1 is ahead of the server.")
                    .arg(cursor > lastSeq ? QStringLiteral("cursor") : QStringLiteral("horizon")));
        page.horizon = lastSeq;
        if (horizon == kFresh)
            horizon = lastSeq;

        QVariantList values{cursor, kAuditEvents};
        values.append(visibleCasesValues(principal));
        values.append(limit + 1);
        QSqlQuery &changed = ServerDatabase::exec(
            db,
            QStringLiteral("SELECT %1 FROM records WHERE seq > ? AND table_name <> ? AND case_id IN"
                           " (%2) ORDER BY seq LIMIT ?")
                .arg(kRecordColumns, visibleCasesSql(principal)),
            values);
        QList<std::pair<qint64, sync::PulledRecord>> rows;
        while (changed.next())
            rows.append({changed.value(4).toLongLong(), pulled(changed)});
        qint64 bound = lastSeq;
        if (rows.size() > limit) {
            rows.resize(limit);
            bound = rows.constLast().first;
            page.hasMore = true;
        }

        // Cases given to or taken from this user (or their team) since the cursor.
        const QString whose =
            principal.role == Role::Manager
                ? QStringLiteral("user_id IN (SELECT id FROM users WHERE id = ? OR"
                                 " (team = ? AND team <> ''))")
                : QStringLiteral("user_id = ?");
        QVariantList eventValues{cursor, bound};
        eventValues.append(visibleCasesValues(principal));
        QSqlQuery &events = ServerDatabase::exec(
            db,
            QStringLiteral(
                "SELECT case_id, max(seq) FROM allocation_events WHERE seq > ? AND seq <= ?"
                " AND %1 GROUP BY case_id")
                .arg(whose),
            eventValues);
        // Read every row before the next query: PostgreSQL drops unread rows of a connection.
        QList<std::pair<QString, qint64>> eventCases; // each case's latest event
        while (events.next())
            eventCases.append({events.value(0).toString(), events.value(1).toLongLong()});
        // A case given since the cursor arrives whole: its records changed after the cursor
        // come in these pages like any others, and the ones from before it come here, as
        // earlier pages left them out. Not when it was given by the horizon the laptop's
        // download into an empty store began at: every page it has had since held the case.
        QStringList givenCases;
        for (const auto &[caseId, latest] : std::as_const(eventCases)) {
            if (!caseVisible(db, principal, caseId))
                page.removedCases.append(QUuid::fromString(caseId));
            else if (latest > horizon)
                givenCases.append(caseId);
        }
        for (const auto &[seq, record] : rows)
            page.records.append(record);
        for (const QString &caseId : std::as_const(givenCases)) {
            QSqlQuery &whole = ServerDatabase::exec(
                db,
                QStringLiteral("SELECT %1 FROM records WHERE case_id = ? AND table_name <> ?"
                               " AND seq <= ? AND deleted_at IS NULL ORDER BY seq")
                    .arg(kRecordColumns),
                {caseId, kAuditEvents, cursor});
            while (whole.next())
                page.records.append(pulled(whole));
        }
        page.cursor = bound;
    });
    recordAudit(m_db,
                {principal.userName, principal.deviceId, QStringLiteral("pull"), QString(), 200,
                 QStringLiteral("cursor %1 to %2, %3 records, %4 removed cases")
                     .arg(cursor)
                     .arg(page.cursor)
                     .arg(page.records.size())
                     .arg(page.removedCases.size())});
    return page;
}

int SyncService::importCases(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw ApiError(400, QStringLiteral("invalid"),
                       QStringLiteral("The file is not valid JSON (%1 at offset %2).")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    const QJsonValue casesValue = document.object().value(kCases);
    if (!document.isObject() || !casesValue.isArray())
        throw ApiError(400, QStringLiteral("invalid"),
                       QStringLiteral("The file must be an object with a \"cases\" array."));
    const QJsonArray cases = casesValue.toArray();

    // Checks one record against the sync schema and gives it an id; names the record on error.
    const auto prepare = [](const QString &table, QJsonObject object, const QString &where,
                            const QString &caseId) -> Stored {
        const sync::TableSpec *spec = sync::findTable(table);
        QString id = object.take(QStringLiteral("id")).toString();
        if (id.isEmpty())
            id = newId();
        else if (QUuid::fromString(id).isNull())
            throw ApiError(400, QStringLiteral("invalid"),
                           QStringLiteral("%1: id must be a UUID.").arg(where));
        id = idText(QUuid::fromString(id));
        if (!caseId.isEmpty())
            object.insert(QStringLiteral("case_id"), caseId);
        // child_ids may be written as a plain array.
        if (object.value(QStringLiteral("child_ids")).isArray())
            object.insert(
                QStringLiteral("child_ids"),
                QString::fromUtf8(QJsonDocument(object.value(QStringLiteral("child_ids")).toArray())
                                      .toJson(QJsonDocument::Compact)));
        for (auto it = object.begin(); it != object.end(); ++it) {
            const sync::FieldSpec *field = sync::findField(*spec, it.key());
            if (!field)
                throw ApiError(
                    400, QStringLiteral("invalid"),
                    QStringLiteral("%1: \"%2\" is not a field of %3.").arg(where, it.key(), table));
            if (const QString reason = sync::checkValue(*field, it.value()); !reason.isEmpty())
                throw ApiError(400, QStringLiteral("invalid"),
                               QStringLiteral("%1: %2 %3.").arg(where, it.key(), reason));
        }
        for (const sync::FieldSpec &field : spec->fields) {
            if (field.requiredOnInsert && !object.contains(field.name))
                throw ApiError(400, QStringLiteral("invalid"),
                               QStringLiteral("%1: %2 is missing.").arg(where, field.name));
            if (!object.contains(field.name) && field.nullable)
                object.insert(field.name, QJsonValue());
        }
        return Stored{table, id, caseId.isEmpty() ? id : caseId, 0, {}, {}, {}, object};
    };

    int imported = 0;
    m_db.write([&](QSqlDatabase &db) {
        QSet<QString> numbers;
        for (int i = 0; i < cases.size(); ++i) {
            QJsonObject item = cases.at(i).toObject();
            const QString number = item.value(QStringLiteral("case_number")).toString();
            const QString where =
                QStringLiteral("cases[%1]%2")
                    .arg(i)
                    .arg(number.isEmpty() ? QString() : QStringLiteral(" (case %1)").arg(number));
            if (!cases.at(i).isObject())
                throw ApiError(400, QStringLiteral("invalid"),
                               QStringLiteral("%1 is not an object.").arg(where));
            QHash<QString, QJsonArray> children;
            for (const QString &part : {QStringLiteral("children"), QStringLiteral("adults"),
                                        QStringLiteral("hearings")}) {
                const QJsonValue value = item.take(part);
                if (!value.isUndefined() && !value.isArray())
                    throw ApiError(400, QStringLiteral("invalid"),
                                   QStringLiteral("%1: %2 must be an array.").arg(where, part));
                children.insert(part, value.toArray());
            }
            Stored theCase = prepare(kCases, item, where, QString());
            if (numbers.contains(number.toLower()) || load(db, kCases, theCase.id))
                throw ApiError(
                    409, QStringLiteral("exists"),
                    QStringLiteral("%1: this case is already on the server.").arg(where));
            try {
                findCase(db, number);
                throw ApiError(
                    409, QStringLiteral("exists"),
                    QStringLiteral("%1: this case number is already on the server.").arg(where));
            } catch (const ApiError &error) {
                if (error.status() != 404)
                    throw;
            }
            numbers.insert(number.toLower());
            insertRecord(m_db, db, theCase, QStringLiteral("admin"));
            for (auto it = children.cbegin(); it != children.cend(); ++it) {
                for (int j = 0; j < it.value().size(); ++j) {
                    const QString partWhere =
                        QStringLiteral("%1: %2[%3]").arg(where, it.key()).arg(j);
                    if (!it.value().at(j).isObject())
                        throw ApiError(400, QStringLiteral("invalid"),
                                       QStringLiteral("%1 is not an object.").arg(partWhere));
                    Stored record =
                        prepare(it.key(), it.value().at(j).toObject(), partWhere, theCase.id);
                    if (load(db, it.key(), record.id))
                        throw ApiError(409, QStringLiteral("exists"),
                                       QStringLiteral("%1: this record is already on the server.")
                                           .arg(partWhere));
                    insertRecord(m_db, db, record, QStringLiteral("admin"));
                }
            }
            ++imported;
        }
        recordAudit(db, {QStringLiteral("admin"), QString(), QStringLiteral("case-import"),
                         QString(), 200, QStringLiteral("%1 cases").arg(imported)});
    });
    return imported;
}

void SyncService::allocate(const QString &caseRef, const QString &userName)
{
    m_db.write([&](QSqlDatabase &db) {
        const CaseRow found = findCase(db, caseRef);
        QSqlQuery &user = ServerDatabase::exec(
            db, QStringLiteral("SELECT id, role, disabled_at FROM users WHERE name = ?"),
            {userName});
        if (!user.next())
            throw ApiError(404, QStringLiteral("not_found"),
                           QStringLiteral("There is no user called %1.").arg(userName));
        const QString userId = user.value(0).toString();
        const QString role = user.value(1).toString();
        const bool disabled = !user.value(2).isNull();
        user.finish();
        if (role == roleName(Role::Admin))
            throw ApiError(400, QStringLiteral("invalid"),
                           QStringLiteral("An administrator cannot hold cases."));
        if (disabled)
            throw ApiError(400, QStringLiteral("invalid"),
                           QStringLiteral("%1 is disabled.").arg(userName));
        QSqlQuery &current = ServerDatabase::exec(
            db, QStringLiteral("SELECT user_id FROM allocations WHERE case_id = ?"), {found.id});
        if (current.next()) {
            const QString previous = current.value(0).toString();
            current.finish();
            if (previous == userId)
                return;
            ServerDatabase::exec(db, QStringLiteral("DELETE FROM allocations WHERE case_id = ?"),
                                 {found.id});
            addAllocationEvent(m_db, db, found.id, previous, QStringLiteral("deallocate"));
        }
        ServerDatabase::exec(
            db,
            QStringLiteral("INSERT INTO allocations (case_id, user_id, allocated_at)"
                           " VALUES (?, ?, ?)"),
            {found.id, userId, ServerDatabase::now()});
        setAllocatedTo(m_db, db, found.id, userName);
        addAllocationEvent(m_db, db, found.id, userId, QStringLiteral("allocate"));
        recordAudit(db, {QStringLiteral("admin"), QString(), QStringLiteral("allocate"), found.id,
                         200, QStringLiteral("to %1").arg(userName)});
    });
}

void SyncService::deallocate(const QString &caseRef)
{
    m_db.write([&](QSqlDatabase &db) {
        const CaseRow found = findCase(db, caseRef);
        QSqlQuery &current = ServerDatabase::exec(
            db, QStringLiteral("SELECT user_id FROM allocations WHERE case_id = ?"), {found.id});
        if (!current.next())
            throw ApiError(400, QStringLiteral("invalid"),
                           QStringLiteral("Case %1 is not allocated.").arg(found.number));
        const QString holder = current.value(0).toString();
        current.finish();
        ServerDatabase::exec(db, QStringLiteral("DELETE FROM allocations WHERE case_id = ?"),
                             {found.id});
        setAllocatedTo(m_db, db, found.id, QString());
        addAllocationEvent(m_db, db, found.id, holder, QStringLiteral("deallocate"));
        recordAudit(db, {QStringLiteral("admin"), QString(), QStringLiteral("deallocate"), found.id,
                         200, QString()});
    });
}

QList<AuditRow> SyncService::audit(const QString &userName, const QString &caseRef)
{
    QList<AuditRow> rows;
    m_db.read([&](QSqlDatabase &db) {
        const QString caseId = caseRef.isEmpty() ? QString() : findCase(db, caseRef).id;
        QSqlQuery &query = ServerDatabase::exec(
            db,
            QStringLiteral("SELECT at, user_name, device_id, action, case_id, status, detail"
                           " FROM audit WHERE (? = '' OR user_name = ?) AND (? = '' OR case_id = ?)"
                           " ORDER BY id"),
            {userName, userName, caseId, caseId});
        while (query.next())
            rows.append({query.value(0).toString(), query.value(1).toString(),
                         query.value(2).toString(), query.value(3).toString(),
                         query.value(4).toString(), query.value(5).toInt(),
                         query.value(6).toString()});
    });
    return rows;
}

int SyncService::purgeTombstones(int retentionDays)
{
    int removed = 0;
    const QString cutoff =
        QDateTime::currentDateTimeUtc().addDays(-retentionDays).toString(Qt::ISODateWithMs);
    m_db.write([&](QSqlDatabase &db) {
        QSqlQuery &gone = ServerDatabase::exec(
            db,
            QStringLiteral("DELETE FROM records WHERE deleted_at IS NOT NULL AND deleted_at <= ?"
                           " RETURNING table_name, id, seq"),
            {cutoff});
        qint64 newest = 0;
        QList<std::pair<QString, QString>> keys;
        while (gone.next()) {
            keys.append({gone.value(0).toString(), gone.value(1).toString()});
            newest = qMax(newest, gone.value(2).toLongLong());
        }
        for (const auto &[table, id] : keys)
            ServerDatabase::exec(
                db, QStringLiteral("DELETE FROM record_history WHERE table_name = ? AND id = ?"),
                {table, id});
        removed = static_cast<int>(keys.size());
        if (newest > 0) // a cursor before the last purged tombstone can no longer be trusted
            ServerDatabase::exec(db,
                                 QStringLiteral("UPDATE sync_state SET min_cursor = ? WHERE id = 1"
                                                " AND min_cursor < ?"),
                                 {newest, newest});
        recordAudit(db,
                    {QStringLiteral("admin"), QString(), QStringLiteral("purge"), QString(), 200,
                     QStringLiteral("%1 deleted records older than %2 days")
                         .arg(removed)
                         .arg(retentionDays)});
    });
    return removed;
}

} // namespace lantern::server
