#include "Conflicts.h"

#include "SyncSchema.h"
#include "store/Store.h"
#include "store/StoreValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace lantern::sync {

namespace {

const QStringList kMeta = {QStringLiteral("id"), QStringLiteral("created_at"),
                           QStringLiteral("updated_at"), QStringLiteral("version"),
                           QStringLiteral("deleted_at")};

// A conflict's values are compact JSON text ("\"Ysgol\"", "3", null).
QJsonValue parseValue(const QVariant &text)
{
    if (text.isNull() || text.toString().isEmpty())
        return QJsonValue();
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray("[") + text.toString().toUtf8() + QByteArray("]"));
    return document.array().at(0);
}

QString shown(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QLocale().toString(static_cast<qint64>(value.toDouble()));
    if (value.isBool())
        return value.toBool() ? Conflicts::tr("Yes") : Conflicts::tr("No");
    return {};
}

QString fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("school"), QT_TRANSLATE_NOOP("Conflicts", "School")},
        {QStringLiteral("legal_name"), QT_TRANSLATE_NOOP("Conflicts", "Legal name")},
        {QStringLiteral("preferred_name"), QT_TRANSLATE_NOOP("Conflicts", "Preferred name")},
        {QStringLiteral("lives_with"), QT_TRANSLATE_NOOP("Conflicts", "Lives with")},
        {QStringLiteral("what_matters"), QT_TRANSLATE_NOOP("Conflicts", "What matters to them")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("Conflicts", "Phone")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("Conflicts", "Email")},
        {QStringLiteral("address"), QT_TRANSLATE_NOOP("Conflicts", "Address")},
        {QStringLiteral("safety_notes"), QT_TRANSLATE_NOOP("Conflicts", "Safety notes")},
        {QStringLiteral("starts_at"), QT_TRANSLATE_NOOP("Conflicts", "Start")},
        {QStringLiteral("ends_at"), QT_TRANSLATE_NOOP("Conflicts", "End")},
        {QStringLiteral("place"), QT_TRANSLATE_NOOP("Conflicts", "Place")},
        {QStringLiteral("venue"), QT_TRANSLATE_NOOP("Conflicts", "Venue")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("Conflicts", "Status")},
        {QStringLiteral("court"), QT_TRANSLATE_NOOP("Conflicts", "Court")},
        {QStringLiteral("deleted_at"), QT_TRANSLATE_NOOP("Conflicts", "Deleted")},
        {QStringLiteral("number"), QT_TRANSLATE_NOOP("Conflicts", "Note version")},
    };
    if (const char *label = labels.value(field))
        return Conflicts::tr(label);
    QString words = field;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

} // namespace

Conflicts::Conflicts(Store &store) : m_store(store) {}

namespace {

QSqlRecord readRow(Store &store, const QString &table, const QString &id)
{
    if (!tableFromName(table))
        return {};
    QSqlQuery query(store.database());
    query.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return query.record();
    return {};
}

QString recordLabel(Store &store, const QString &table, const QSqlRecord &row)
{
    const QLocale locale;
    const auto dateOf = [&](const char *field) {
        return locale.toString(storeValue::toTime(row.value(QLatin1String(field)))
                                   .toTimeZone(Clock::londonZone())
                                   .date(),
                               QLocale::ShortFormat);
    };
    if (table == QLatin1String("children")) {
        const QString preferred = row.value(QStringLiteral("preferred_name")).toString();
        return Conflicts::tr("Child: %1")
            .arg(preferred.isEmpty() ? row.value(QStringLiteral("legal_name")).toString()
                                     : preferred);
    }
    if (table == QLatin1String("adults"))
        return Conflicts::tr("Adult: %1").arg(row.value(QStringLiteral("name")).toString());
    if (table == QLatin1String("cases"))
        return Conflicts::tr("The case");
    if (table == QLatin1String("hearings"))
        return Conflicts::tr("Hearing on %1").arg(dateOf("starts_at"));
    if (table == QLatin1String("visits"))
        return Conflicts::tr("Visit on %1").arg(dateOf("starts_at"));
    if (table == QLatin1String("notes"))
        return Conflicts::tr("Note of %1").arg(dateOf("contact_at"));
    if (table == QLatin1String("note_revisions")) {
        const QSqlRecord note = readRow(store, QStringLiteral("notes"),
                                        row.value(QStringLiteral("note_id")).toString());
        return note.isEmpty() ? Conflicts::tr("A note")
                              : Conflicts::tr("Note of %1")
                                    .arg(locale.toString(
                                        storeValue::toTime(note.value(QStringLiteral("contact_at")))
                                            .toTimeZone(Clock::londonZone())
                                            .date(),
                                        QLocale::ShortFormat));
    }
    if (table == QLatin1String("letters"))
        return Conflicts::tr("A letter");
    return table;
}

} // namespace

Result<QList<Conflict>> Conflicts::open()
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT id FROM conflicts WHERE resolved_at IS NULL AND"
                                   " deleted_at IS NULL ORDER BY created_at, id")))
        return m_store.sqlError(tr("read the conflicts"), query.lastError());
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    QList<Conflict> conflicts;
    for (const QString &id : std::as_const(ids)) {
        auto conflict = find(id);
        if (!conflict)
            return conflict.error();
        conflicts.append(*conflict);
    }
    return conflicts;
}

Result<Conflict> Conflicts::find(const QString &conflictId)
{
    const QSqlRecord row = readRow(m_store, QStringLiteral("conflicts"), conflictId);
    if (row.isEmpty())
        return makeError(ErrorCode::NotFound, tr("This conflict is no longer there."));
    Conflict conflict;
    conflict.id = conflictId;
    conflict.caseId = row.value(QStringLiteral("case_id")).toString();
    conflict.table = row.value(QStringLiteral("table_name")).toString();
    conflict.recordId = row.value(QStringLiteral("record_id")).toString();
    conflict.field = row.value(QStringLiteral("field")).toString();
    conflict.fieldLabel = fieldLabel(conflict.field);
    conflict.raisedBy = row.value(QStringLiteral("raised_by")).toString();
    conflict.raisedAt = storeValue::toTime(row.value(QStringLiteral("created_at")));
    const QSqlRecord caseRow = readRow(m_store, QStringLiteral("cases"), conflict.caseId);
    conflict.caseNumber = caseRow.value(QStringLiteral("case_number")).toString();
    const QSqlRecord record = readRow(m_store, conflict.table, conflict.recordId);
    conflict.recordLabel = recordLabel(m_store, conflict.table, record);

    const QJsonValue base = parseValue(row.value(QStringLiteral("base_value")));
    const QJsonValue server = parseValue(row.value(QStringLiteral("server_value")));
    conflict.sentJson = row.value(QStringLiteral("client_value")).toString();
    const QJsonValue client = parseValue(conflict.sentJson);
    if (conflict.field == QLatin1String("deleted_at")) {
        conflict.kind = Conflict::Kind::Deleted;
        conflict.server = tr("Deleted");
        QStringList lines;
        const QJsonObject fields = client.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            lines.append(QStringLiteral("%1: %2").arg(fieldLabel(it.key()), shown(it.value())));
        conflict.mine = lines.join(QLatin1Char('\n'));
    } else if (conflict.table == QLatin1String("note_revisions") &&
               conflict.field == QLatin1String("number")) {
        conflict.kind = Conflict::Kind::NoteRevision;
        const auto bodyOf = [&](const QJsonValue &revisionId) {
            return readRow(m_store, QStringLiteral("note_revisions"), revisionId.toString())
                .value(QStringLiteral("body_text"))
                .toString();
        };
        conflict.server = bodyOf(server);
        conflict.mine = bodyOf(client);
    } else {
        conflict.before = shown(base);
        conflict.server = shown(server);
        conflict.mine = shown(client);
        const TableSpec *spec = findTable(conflict.table);
        const FieldSpec *field = spec ? findField(*spec, conflict.field) : nullptr;
        conflict.mergeable =
            field && (field->type == FieldType::Text || field->type == FieldType::Integer ||
                      field->type == FieldType::Date);
    }
    // A confidential address is shown only through the case file's audited reveal.
    if (conflict.table == QLatin1String("adults") &&
        record.value(QStringLiteral("address_confidential")).toInt() == 1) {
        const QString hidden = tr("Confidential address: reveal it in the case file");
        if (conflict.field == QLatin1String("address")) {
            conflict.confidential = true;
            conflict.mergeable = false;
            conflict.before = conflict.before.isEmpty() ? QString() : hidden;
            conflict.server = hidden;
            conflict.mine = hidden;
        } else if (conflict.kind == Conflict::Kind::Deleted) {
            QStringList lines = conflict.mine.split(QLatin1Char('\n'));
            const QString label = fieldLabel(QStringLiteral("address")) + QStringLiteral(": ");
            for (QString &line : lines)
                if (line.startsWith(label)) {
                    line = label + hidden;
                    conflict.confidential = true;
                }
            conflict.mine = lines.join(QLatin1Char('\n'));
        }
    }
    return conflict;
}

Result<void> Conflicts::settle(const Conflict &conflict, const QString &resolution)
{
    return m_store.update(
        Table::Conflicts, QUuid::fromString(conflict.id),
        {{QStringLiteral("resolved_at"), storeValue::fromTime(m_store.clock().nowUtc())},
         {QStringLiteral("resolution"), resolution}});
}

Result<void> Conflicts::keepServer(const QString &conflictId)
{
    auto conflict = find(conflictId);
    if (!conflict)
        return conflict.error();
    return settle(*conflict, QStringLiteral("theirs"));
}

Result<void> Conflicts::keepMine(const QString &conflictId)
{
    auto conflict = find(conflictId);
    if (!conflict)
        return conflict.error();
    const auto table = tableFromName(conflict->table);
    const TableSpec *spec = findTable(conflict->table);
    if (!table || !spec)
        return makeError(ErrorCode::InvalidInput, tr("This conflict names an unknown record."));
    const QSqlRecord row = readRow(m_store, conflict->table, conflict->recordId);

    return m_store.transaction([&]() -> Result<void> {
        switch (conflict->kind) {
        case Conflict::Kind::NoteRevision:
            break; // both revisions are kept already
        case Conflict::Kind::Field: {
            const QJsonValue client = parseValue(conflict->sentJson);
            if (auto changed = m_store.update(
                    *table, QUuid::fromString(conflict->recordId),
                    {{conflict->field, storeValueOf(findField(*spec, conflict->field), client)}});
                !changed)
                return changed;
            break;
        }
        case Conflict::Kind::Deleted: {
            // The record stays deleted on the server; the edited copy comes back as a new one.
            if (row.isEmpty())
                return makeError(ErrorCode::NotFound,
                                 tr("The deleted record is not on this laptop, so it cannot be "
                                    "restored from here."));
            const QJsonObject edited = parseValue(conflict->sentJson).toObject();
            QVariantMap fields;
            for (int i = 0; i < row.count(); ++i) {
                const QString name = row.fieldName(i);
                if (kMeta.contains(name) || !findField(*spec, name))
                    continue;
                fields.insert(name, row.value(i));
            }
            for (auto it = edited.begin(); it != edited.end(); ++it)
                if (fields.contains(it.key()))
                    fields.insert(it.key(), storeValueOf(findField(*spec, it.key()), it.value()));
            if (auto restored = m_store.insert(*table, QUuid::createUuid(), fields); !restored)
                return restored;
            break;
        }
        }
        return settle(*conflict, QStringLiteral("mine"));
    });
}

Result<void> Conflicts::keepMerged(const QString &conflictId, const QString &value)
{
    auto conflict = find(conflictId);
    if (!conflict)
        return conflict.error();
    if (conflict->kind != Conflict::Kind::Field)
        return makeError(ErrorCode::InvalidInput,
                         tr("Only a changed field can be merged; choose one of the two instead."));
    const auto table = tableFromName(conflict->table);
    const TableSpec *spec = findTable(conflict->table);
    const FieldSpec *field = spec ? findField(*spec, conflict->field) : nullptr;
    if (!table || !field)
        return makeError(ErrorCode::InvalidInput, tr("This conflict names an unknown record."));
    QVariant stored = value;
    if (field->type == FieldType::Integer || field->type == FieldType::Flag) {
        bool ok = false;
        stored = value.trimmed().toLongLong(&ok);
        if (!ok)
            return makeError(ErrorCode::InvalidInput,
                             tr("%1 must be a whole number.").arg(conflict->fieldLabel));
    }
    if (!conflict->mergeable)
        return makeError(ErrorCode::InvalidInput,
                         tr("%1 cannot be merged; keep one of the two values instead.")
                             .arg(conflict->fieldLabel));
    if (const QString problem = checkValue(*field, QJsonValue::fromVariant(stored));
        !problem.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("That value for %1 cannot be kept: it %2.")
                             .arg(conflict->fieldLabel.toLower(), problem),
                         conflict->field);
    return m_store.transaction([&]() -> Result<void> {
        if (auto changed = m_store.update(*table, QUuid::fromString(conflict->recordId),
                                          {{conflict->field, stored}});
            !changed)
            return changed;
        return settle(*conflict, QStringLiteral("merged"));
    });
}

} // namespace lantern::sync
