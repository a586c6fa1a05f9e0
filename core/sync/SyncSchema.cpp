#include "SyncSchema.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace lantern::sync {

namespace {

FieldSpec text(const char *name, int maxLength = 0)
{
    return {QLatin1String(name), FieldType::Text, false, false, maxLength};
}
FieldSpec required(FieldSpec spec)
{
    spec.requiredOnInsert = true;
    return spec;
}
FieldSpec nullable(FieldSpec spec)
{
    spec.nullable = true;
    return spec;
}
FieldSpec typed(const char *name, FieldType type)
{
    return {QLatin1String(name), type, false, false, 0};
}

QList<TableSpec> buildTables()
{
    const int shortText = 2000;
    QList<TableSpec> tables;
    tables.append({QStringLiteral("cases"),
                   TableFlow::Both,
                   QString(),
                   {
                       required(text("case_number", 100)),
                       required(text("court", 200)),
                       required(text("kind", 40)),
                       required(typed("issued_on", FieldType::Date)),
                       text("status", 40),
                       text("allocated_to", 200),
                       typed("domestic_abuse", FieldType::Flag),
                       nullable(typed("next_review_on", FieldType::Date)),
                       text("outcome", shortText * 10),
                       nullable(typed("outcome_followed_recommendation", FieldType::Flag)),
                       nullable(typed("closed_on", FieldType::Date)),
                       text("delay_reason", shortText),
                   },
                   {},
                   false});
    tables.append({QStringLiteral("children"),
                   TableFlow::Both,
                   QStringLiteral("case_id"),
                   {
                       required(typed("case_id", FieldType::Id)),
                       required(text("legal_name", 200)),
                       text("preferred_name", 200),
                       required(typed("date_of_birth", FieldType::Date)),
                       text("pronouns", 100),
                       text("first_language", 100),
                       text("letter_language", 10),
                       text("heritage", shortText),
                       text("faith", shortText),
                       text("school", shortText),
                       text("lives_with", shortText),
                       text("what_matters", shortText * 10),
                   },
                   {},
                   false});
    tables.append({QStringLiteral("adults"),
                   TableFlow::Both,
                   QStringLiteral("case_id"),
                   {
                       required(typed("case_id", FieldType::Id)),
                       typed("child_ids", FieldType::IdList),
                       required(text("name", 200)),
                       required(text("role", 100)),
                       text("relationship", 200),
                       text("phone", 100),
                       text("email", 320),
                       text("address", shortText),
                       typed("address_confidential", FieldType::Flag),
                       typed("domestic_abuse_victim", FieldType::Flag),
                       typed("alleged_perpetrator", FieldType::Flag),
                       typed("child_must_not_know", FieldType::Flag),
                       text("safety_notes", shortText * 10),
                   },
                   {},
                   false});
    tables.append({QStringLiteral("hearings"),
                   TableFlow::Both,
                   QStringLiteral("case_id"),
                   {
                       required(typed("case_id", FieldType::Id)),
                       required(text("kind", 100)),
                       required(typed("starts_at", FieldType::Time)),
                       text("venue", shortText),
                       nullable(typed("filing_days_before", FieldType::Integer)),
                       text("note", shortText * 10),
                   },
                   {},
                   false});
    tables.append({QStringLiteral("visits"),
                   TableFlow::Both,
                   QStringLiteral("case_id"),
                   {
                       required(typed("case_id", FieldType::Id)),
                       typed("child_ids", FieldType::IdList),
                       required(text("kind", 40)),
                       text("place", shortText),
                       required(typed("starts_at", FieldType::Time)),
                       required(typed("ends_at", FieldType::Time)),
                       typed("travel_before_min", FieldType::Integer),
                       typed("travel_after_min", FieldType::Integer),
                       text("status", 40),
                       text("status_reason", shortText),
                       text("attendees", shortText),
                       nullable(typed("note_id", FieldType::Id)),
                   },
                   {},
                   false});
    tables.append({QStringLiteral("notes"),
                   TableFlow::Both,
                   QStringLiteral("case_id"),
                   {
                       required(typed("case_id", FieldType::Id)),
                       typed("child_ids", FieldType::IdList),
                       required(text("kind", 40)),
                       required(typed("contact_at", FieldType::Time)),
                       required(text("author", 200)),
                       nullable(typed("finalised_at", FieldType::Time)),
                       text("plan_decision", shortText * 10),
                   },
                   {},
                   false});
    tables.append({QStringLiteral("note_revisions"),
                   TableFlow::Both,
                   QString(),
                   {
                       required(typed("note_id", FieldType::Id)),
                       required(typed("number", FieldType::Integer)),
                       required(text("body_html")),
                       required(text("body_text")),
                       required(text("author", 200)),
                       text("reason", shortText),
                       nullable(typed("finalised_at", FieldType::Time)),
                   },
                   {},
                   true});
    tables.append({QStringLiteral("letters"),
                   TableFlow::Both,
                   QStringLiteral("case_id"),
                   {
                       required(typed("case_id", FieldType::Id)),
                       required(typed("child_id", FieldType::Id)),
                       required(text("letter_kind", 40)),
                       required(text("language", 10)),
                       nullable(typed("template_id", FieldType::Id)),
                       nullable(typed("template_version", FieldType::Integer)),
                       text("status", 40),
                       text("body_html"),
                       nullable(typed("finalised_at", FieldType::Time)),
                       nullable(typed("sent_on", FieldType::Date)),
                       text("sent_how", 200),
                       nullable(typed("pdf", FieldType::Base64)),
                   },
                   {},
                   false});
    tables.append({QStringLiteral("audit_events"),
                   TableFlow::PushOnly,
                   QString(),
                   {
                       required(typed("at", FieldType::Time)),
                       required(text("actor", 200)),
                       required(text("action", 100)),
                       required(text("table_name", 100)),
                       required(typed("record_id", FieldType::Id)),
                       text("detail", shortText),
                   },
                   {},
                   true});
    // A conflict the server found: both values kept until someone settles it.
    tables.append({QStringLiteral("conflicts"),
                   TableFlow::PullOnly,
                   QStringLiteral("case_id"),
                   {
                       required(typed("case_id", FieldType::Id)),
                       required(text("table_name", 100)),
                       required(typed("record_id", FieldType::Id)),
                       required(text("field", 100)),
                       nullable(text("base_value")),
                       nullable(text("server_value")),
                       nullable(text("client_value")),
                       text("raised_by", 200),
                       nullable(typed("resolved_at", FieldType::Time)),
                       text("resolution", 40),
                       text("resolved_by", 200),
                   },
                   {QStringLiteral("resolved_at"), QStringLiteral("resolution")},
                   false});
    return tables;
}

} // namespace

const QList<TableSpec> &syncTables()
{
    static const QList<TableSpec> tables = buildTables();
    return tables;
}

const TableSpec *findTable(const QString &name)
{
    for (const TableSpec &table : syncTables()) {
        if (table.name == name)
            return &table;
    }
    return nullptr;
}

const FieldSpec *findField(const TableSpec &table, const QString &name)
{
    for (const FieldSpec &field : table.fields) {
        if (field.name == name)
            return &field;
    }
    return nullptr;
}

QString checkValue(const FieldSpec &field, const QJsonValue &value)
{
    if (value.isNull())
        return field.nullable ? QString() : QStringLiteral("may not be null");
    const auto needString = [&]() -> QString {
        return value.isString() ? QString() : QStringLiteral("must be a string");
    };
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Base64: {
        if (QString reason = needString(); !reason.isEmpty())
            return reason;
        const int limit = field.maxLength > 0 ? field.maxLength : kDefaultTextLimit;
        if (value.toString().size() > limit)
            return QStringLiteral("is longer than %1 characters").arg(limit);
        if (field.type == FieldType::Base64) {
            static const QRegularExpression base64(QStringLiteral("^[A-Za-z0-9+/]*={0,2}$"));
            if (!base64.match(value.toString()).hasMatch())
                return QStringLiteral("must be base64");
        }
        return {};
    }
    case FieldType::Integer:
    case FieldType::Flag: {
        if (!value.isDouble())
            return QStringLiteral("must be a number");
        const double number = value.toDouble();
        if (number != static_cast<double>(static_cast<qint64>(number)) || number > 1e15 ||
            number < -1e15)
            return QStringLiteral("must be a whole number");
        if (field.type == FieldType::Flag && number != 0 && number != 1)
            return QStringLiteral("must be 0 or 1");
        return {};
    }
    case FieldType::Date:
        if (QString reason = needString(); !reason.isEmpty())
            return reason;
        if (!QDate::fromString(value.toString(), Qt::ISODate).isValid() ||
            value.toString().size() != 10)
            return QStringLiteral("must be a date as yyyy-MM-dd");
        return {};
    case FieldType::Time:
        if (QString reason = needString(); !reason.isEmpty())
            return reason;
        if (!QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid())
            return QStringLiteral("must be a date and time in ISO 8601");
        return {};
    case FieldType::Id:
        if (QString reason = needString(); !reason.isEmpty())
            return reason;
        if (QUuid::fromString(value.toString()).isNull())
            return QStringLiteral("must be a UUID");
        return {};
    case FieldType::IdList: {
        if (QString reason = needString(); !reason.isEmpty())
            return reason;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isArray())
            return QStringLiteral("must be a JSON array of UUIDs");
        const QJsonArray ids = document.array();
        for (const QJsonValue &id : ids) {
            if (!id.isString() || QUuid::fromString(id.toString()).isNull())
                return QStringLiteral("must be a JSON array of UUIDs");
        }
        return {};
    }
    }
    return QStringLiteral("has an unknown type");
}

QVariant storeValueOf(const FieldSpec *field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    if (field && field->type == FieldType::Base64)
        return QByteArray::fromBase64(value.toString().toLatin1());
    if (value.isDouble())
        return static_cast<qint64>(value.toDouble());
    if (value.isBool())
        return value.toBool() ? 1 : 0;
    return value.toVariant();
}

} // namespace lantern::sync
