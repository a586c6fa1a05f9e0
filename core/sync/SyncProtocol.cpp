#include "SyncProtocol.h"

#include "SyncSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace lantern::sync {

namespace {

template <typename T> Parsed<T> fail(const QString &message)
{
    Parsed<T> parsed;
    parsed.error.message = message;
    return parsed;
}

template <typename T> Parsed<T> succeed(T value)
{
    Parsed<T> parsed;
    parsed.value = std::move(value);
    return parsed;
}

QString unknownKey(const QJsonObject &object, const QSet<QString> &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return it.key();
    }
    return {};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> readObject(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("The body is not valid JSON (%1 at offset %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("The body must be a JSON object.");
        return std::nullopt;
    }
    return document.object();
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

bool isWhole(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == static_cast<double>(value.toInteger()) &&
           value.toDouble() >= 0;
}

} // namespace

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Applied:
        return QStringLiteral("applied");
    case Outcome::Duplicate:
        return QStringLiteral("duplicate");
    case Outcome::Conflict:
        return QStringLiteral("conflict");
    case Outcome::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<Outcome> outcomeFromName(const QString &name)
{
    for (Outcome outcome :
         {Outcome::Applied, Outcome::Duplicate, Outcome::Conflict, Outcome::Rejected}) {
        if (outcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

Parsed<Change> parseChange(const QJsonObject &object, int index)
{
    const QString where = QStringLiteral("Change %1").arg(index);
    static const QSet<QString> keys = {
        QStringLiteral("mutation_id"), QStringLiteral("table"),  QStringLiteral("record_id"),
        QStringLiteral("op"),          QStringLiteral("fields"), QStringLiteral("base_version"),
    };
    if (const QString key = unknownKey(object, keys); !key.isEmpty())
        return fail<Change>(QStringLiteral("%1 has an unknown member \"%2\".").arg(where, key));
    for (const QString &key : keys) {
        if (!object.contains(key))
            return fail<Change>(QStringLiteral("%1 has no \"%2\".").arg(where, key));
    }
    Change change;
    const QJsonValue mutation = object.value(QStringLiteral("mutation_id"));
    if (!mutation.isString() || mutation.toString().isEmpty() || mutation.toString().size() > 100)
        return fail<Change>(
            QStringLiteral("%1: mutation_id must be a string of 1 to 100 characters.").arg(where));
    change.mutationId = mutation.toString();

    const QJsonValue table = object.value(QStringLiteral("table"));
    const TableSpec *spec = table.isString() ? findTable(table.toString()) : nullptr;
    if (!spec)
        return fail<Change>(QStringLiteral("%1: \"%2\" is not a table that syncs.")
                                .arg(where, table.isString() ? table.toString()
                                                             : QStringLiteral("(not a string)")));
    change.table = spec->name;

    const QJsonValue recordId = object.value(QStringLiteral("record_id"));
    change.recordId = recordId.isString() ? QUuid::fromString(recordId.toString()) : QUuid();
    if (change.recordId.isNull())
        return fail<Change>(QStringLiteral("%1: record_id must be a UUID.").arg(where));

    const QString op = object.value(QStringLiteral("op")).toString();
    if (op != QLatin1String("insert") && op != QLatin1String("update") &&
        op != QLatin1String("delete"))
        return fail<Change>(
            QStringLiteral("%1: op must be \"insert\", \"update\" or \"delete\".").arg(where));
    change.op = op;

    const QJsonValue base = object.value(QStringLiteral("base_version"));
    if (!isWhole(base))
        return fail<Change>(
            QStringLiteral("%1: base_version must be a whole number, 0 or more.").arg(where));
    change.baseVersion = base.toInteger();

    const QJsonValue fields = object.value(QStringLiteral("fields"));
    if (!fields.isObject())
        return fail<Change>(QStringLiteral("%1: fields must be an object.").arg(where));
    change.fields = fields.toObject();
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        const FieldSpec *field = findField(*spec, it.key());
        if (!field)
            return fail<Change>(QStringLiteral("%1: \"%2\" is not a field of %3.")
                                    .arg(where, it.key(), spec->name));
        if (const QString reason = checkValue(*field, it.value()); !reason.isEmpty())
            return fail<Change>(
                QStringLiteral("%1: %2.%3 %4.").arg(where, spec->name, it.key(), reason));
    }
    if (op == QLatin1String("insert")) {
        for (const FieldSpec &field : spec->fields) {
            if (field.requiredOnInsert && !change.fields.contains(field.name))
                return fail<Change>(QStringLiteral("%1: a new %2 record needs %3.")
                                        .arg(where, spec->name, field.name));
        }
    }
    return succeed(change);
}

Parsed<QList<Change>> parsePushRequest(const QByteArray &body)
{
    QString error;
    const std::optional<QJsonObject> object = readObject(body, &error);
    if (!object)
        return fail<QList<Change>>(error);
    if (const QString key = unknownKey(*object, {QStringLiteral("changes")}); !key.isEmpty())
        return fail<QList<Change>>(QStringLiteral("Unknown member \"%1\".").arg(key));
    const QJsonValue changes = object->value(QStringLiteral("changes"));
    if (!changes.isArray())
        return fail<QList<Change>>(QStringLiteral("\"changes\" must be an array."));
    const QJsonArray array = changes.toArray();
    if (array.isEmpty())
        return fail<QList<Change>>(QStringLiteral("\"changes\" is empty."));
    if (array.size() > kMaxPushChanges)
        return fail<QList<Change>>(
            QStringLiteral("A push may hold at most %1 changes; this has %2.")
                .arg(kMaxPushChanges)
                .arg(array.size()));
    QList<Change> result;
    QSet<QString> mutations;
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return fail<QList<Change>>(QStringLiteral("Change %1 must be an object.").arg(i));
        Parsed<Change> change = parseChange(array.at(i).toObject(), i);
        if (!change.ok())
            return fail<QList<Change>>(change.error.message);
        if (mutations.contains(change.value->mutationId))
            return fail<QList<Change>>(
                QStringLiteral("Change %1 repeats mutation_id %2 within the batch.")
                    .arg(i)
                    .arg(change.value->mutationId));
        mutations.insert(change.value->mutationId);
        result.append(*change.value);
    }
    return succeed(result);
}

bool isSynced(const QString &table)
{
    const TableSpec *spec = findTable(table);
    return spec && spec->flow != TableFlow::PullOnly;
}

Parsed<Change> changeFromOutbox(const QString &mutationId, const QString &table,
                                const QString &recordId, const QString &op,
                                const QByteArray &fieldsJson, qint64 baseVersion)
{
    QJsonObject fields = QJsonDocument::fromJson(fieldsJson).object();
    for (const char *kept : {"id", "created_at", "updated_at", "version", "deleted_at"})
        fields.remove(QLatin1String(kept));
    return parseChange(QJsonObject{{QStringLiteral("mutation_id"), mutationId},
                                   {QStringLiteral("table"), table},
                                   {QStringLiteral("record_id"), recordId},
                                   {QStringLiteral("op"), op},
                                   {QStringLiteral("fields"), fields},
                                   {QStringLiteral("base_version"), baseVersion}},
                       0);
}

QByteArray pushRequestJson(const QList<Change> &changes)
{
    QJsonArray array;
    for (const Change &change : changes) {
        array.append(QJsonObject{
            {QStringLiteral("mutation_id"), change.mutationId},
            {QStringLiteral("table"), change.table},
            {QStringLiteral("record_id"), idText(change.recordId)},
            {QStringLiteral("op"), change.op},
            {QStringLiteral("fields"), change.fields},
            {QStringLiteral("base_version"), change.baseVersion},
        });
    }
    return compact({{QStringLiteral("changes"), array}});
}

QJsonObject changeResultJson(const ChangeResult &result)
{
    QJsonObject object{
        {QStringLiteral("mutation_id"), result.mutationId},
        {QStringLiteral("status"), outcomeName(result.outcome)},
        {QStringLiteral("version"), result.version},
    };
    if (!result.reason.isEmpty())
        object.insert(QStringLiteral("reason"), result.reason);
    if (!result.conflicts.isEmpty()) {
        QJsonArray conflicts;
        for (const ConflictRef &conflict : result.conflicts)
            conflicts.append(
                QJsonObject{{QStringLiteral("conflict_id"), idText(conflict.conflictId)},
                            {QStringLiteral("field"), conflict.field}});
        object.insert(QStringLiteral("conflicts"), conflicts);
    }
    return object;
}

QByteArray pushResponseJson(const QList<ChangeResult> &results)
{
    QJsonArray array;
    for (const ChangeResult &result : results)
        array.append(changeResultJson(result));
    return compact({{QStringLiteral("results"), array}});
}

Parsed<QList<ChangeResult>> parsePushResponse(const QByteArray &body)
{
    QString error;
    const std::optional<QJsonObject> object = readObject(body, &error);
    if (!object)
        return fail<QList<ChangeResult>>(error);
    QList<ChangeResult> results;
    const QJsonArray array = object->value(QStringLiteral("results")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject item = value.toObject();
        ChangeResult result;
        result.mutationId = item.value(QStringLiteral("mutation_id")).toString();
        const std::optional<Outcome> outcome =
            outcomeFromName(item.value(QStringLiteral("status")).toString());
        if (result.mutationId.isEmpty() || !outcome)
            return fail<QList<ChangeResult>>(QStringLiteral("A push result is incomplete."));
        result.outcome = *outcome;
        result.version = item.value(QStringLiteral("version")).toInteger();
        result.reason = item.value(QStringLiteral("reason")).toString();
        const QJsonArray conflicts = item.value(QStringLiteral("conflicts")).toArray();
        for (const QJsonValue &conflict : conflicts) {
            const QJsonObject c = conflict.toObject();
            result.conflicts.append(
                {QUuid::fromString(c.value(QStringLiteral("conflict_id")).toString()),
                 c.value(QStringLiteral("field")).toString()});
        }
        results.append(result);
    }
    return succeed(results);
}

QJsonObject pulledRecordJson(const PulledRecord &record)
{
    return QJsonObject{
        {QStringLiteral("table"), record.table},
        {QStringLiteral("id"), idText(record.id)},
        {QStringLiteral("case_id"), idText(record.caseId)},
        {QStringLiteral("version"), record.version},
        {QStringLiteral("created_at"), record.createdAt},
        {QStringLiteral("updated_at"), record.updatedAt},
        {QStringLiteral("deleted_at"),
         record.deletedAt.isEmpty() ? QJsonValue() : QJsonValue(record.deletedAt)},
        {QStringLiteral("fields"), record.fields},
    };
}

QByteArray pullResponseJson(const PullPage &page)
{
    QJsonArray records;
    for (const PulledRecord &record : page.records)
        records.append(pulledRecordJson(record));
    QJsonArray removed;
    for (const QUuid &id : page.removedCases)
        removed.append(idText(id));
    return compact({
        {QStringLiteral("records"), records},
        {QStringLiteral("removed_cases"), removed},
        // A string, so a cursor beyond 2^53 survives any JSON reader.
        {QStringLiteral("cursor"), QString::number(page.cursor)},
        {QStringLiteral("horizon"), QString::number(page.horizon)},
        {QStringLiteral("has_more"), page.hasMore},
    });
}

Parsed<PullPage> parsePullResponse(const QByteArray &body)
{
    QString error;
    const std::optional<QJsonObject> object = readObject(body, &error);
    if (!object)
        return fail<PullPage>(error);
    PullPage page;
    bool cursorOk = false;
    page.cursor = object->value(QStringLiteral("cursor")).toString().toLongLong(&cursorOk);
    if (!cursorOk || !object->value(QStringLiteral("records")).isArray())
        return fail<PullPage>(QStringLiteral("A pull page has no records or cursor."));
    page.hasMore = object->value(QStringLiteral("has_more")).toBool();
    page.horizon = object->value(QStringLiteral("horizon")).toString().toLongLong();
    const QJsonArray records = object->value(QStringLiteral("records")).toArray();
    for (const QJsonValue &value : records) {
        const QJsonObject item = value.toObject();
        PulledRecord record;
        record.table = item.value(QStringLiteral("table")).toString();
        record.id = QUuid::fromString(item.value(QStringLiteral("id")).toString());
        record.caseId = QUuid::fromString(item.value(QStringLiteral("case_id")).toString());
        record.version = item.value(QStringLiteral("version")).toInteger();
        record.createdAt = item.value(QStringLiteral("created_at")).toString();
        record.updatedAt = item.value(QStringLiteral("updated_at")).toString();
        record.deletedAt = item.value(QStringLiteral("deleted_at")).toString();
        record.fields = item.value(QStringLiteral("fields")).toObject();
        if (record.id.isNull() || !findTable(record.table))
            return fail<PullPage>(QStringLiteral("A pulled record is incomplete."));
        page.records.append(record);
    }
    const QJsonArray removed = object->value(QStringLiteral("removed_cases")).toArray();
    for (const QJsonValue &value : removed)
        page.removedCases.append(QUuid::fromString(value.toString()));
    return succeed(page);
}

QByteArray errorJson(const QString &code, const QString &message, const QJsonObject &extra)
{
    QJsonObject object = extra;
    object.insert(QStringLiteral("code"), code);
    object.insert(QStringLiteral("message"), message);
    return compact(object);
}

} // namespace lantern::sync
