#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace lantern::sync {

// What a value of a synced field may be. Values travel as JSON exactly as the laptop's store
// holds them (see store/StoreValues.h): dates yyyy-MM-dd, times UTC ISO 8601, ids as UUIDs,
// id lists as a JSON array in a string, flags as 0/1.
enum class FieldType
{
    Text,    // a string, up to maxLength characters
    Integer, // a whole number
    Flag,    // 0 or 1
    Date,    // yyyy-MM-dd
    Time,    // UTC ISO 8601 date and time
    Id,      // a UUID without braces
    IdList,  // a JSON array of UUIDs, as a string
    Base64,  // binary (a letter's PDF), base64 encoded
};

struct FieldSpec
{
    QString name;
    FieldType type = FieldType::Text;
    bool nullable = false;
    bool requiredOnInsert = false; // NOT NULL without a default in the store
    int maxLength = 0;             // Text, Base64: characters; 0 = the table's default
};

// How a table takes part in sync.
enum class TableFlow
{
    Both,     // pushed by laptops and pulled back
    PushOnly, // laptops push; never pulled (the laptop's own audit events)
    PullOnly, // made by the server; laptops may only update the fields in updatableFields
};

struct TableSpec
{
    QString name;
    TableFlow flow = TableFlow::Both;
    QString caseField;       // the field naming the record's case ("" for cases: its own id;
                             // note_revisions: found through note_id)
    QList<FieldSpec> fields; // every field except id, created_at, updated_at, version, deleted_at
    QStringList updatableFields; // PullOnly tables: what a laptop may change
    bool appendOnly = false;     // records are only inserted, never updated
};

// The synced tables and their fields: one list that laptop and server share.
const QList<TableSpec> &syncTables();
const TableSpec *findTable(const QString &name);
const FieldSpec *findField(const TableSpec &table, const QString &name);

// Checks one value against its field; returns an empty string when it fits, else a plain
// English reason for the protocol's error message.
QString checkValue(const FieldSpec &field, const QJsonValue &value);

// A value as it travels (JSON) as the laptop's store holds it: base64 becomes bytes, numbers
// whole numbers, null a null. An unknown field (spec null) keeps its JSON meaning.
QVariant storeValueOf(const FieldSpec *field, const QJsonValue &value);

// The largest a text field may be unless its spec says otherwise (a note body may be 1 MB
// of text and more as HTML).
constexpr int kDefaultTextLimit = 4 * 1024 * 1024;

} // namespace lantern::sync
