#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

// The sync protocol, version 1: the messages laptop and server exchange under /api/v1, read and
// written by the same code on both sides. docs/sync-protocol.md describes every request,
// response and error.
namespace lantern::sync {

constexpr int kProtocolVersion = 1;    // what this build speaks
constexpr int kMinProtocolVersion = 1; // the oldest a server still accepts
constexpr int kMaxPushChanges = 500;   // changes in one push
constexpr int kDefaultPullLimit = 500; // records in one pull page
constexpr int kMaxPullLimit = 2000;
inline constexpr char kProtocolHeader[] = "lantern-protocol"; // request header, lower case

// One change made on a laptop: what the outbox holds.
struct Change
{
    QString mutationId; // made by the laptop; pushing it twice applies it once
    QString table;
    QUuid recordId;
    QString op; // insert, update, delete
    QJsonObject fields;
    qint64 baseVersion = 0; // the server version the laptop's copy was at (0: never synced)
};

enum class Outcome
{
    Applied,   // stored; version is the record's new version
    Duplicate, // this mutation was applied before; nothing changed now
    Conflict,  // stored where it could be; conflicts lists what needs a person to decide
    Rejected,  // not stored; reason says why
};

QString outcomeName(Outcome outcome);
std::optional<Outcome> outcomeFromName(const QString &name);

struct ConflictRef
{
    QUuid conflictId;
    QString field;
};

struct ChangeResult
{
    QString mutationId;
    Outcome outcome = Outcome::Applied;
    qint64 version = 0; // the record's version after this change (0 when rejected)
    QString reason;     // plain English, for Rejected and Conflict
    QList<ConflictRef> conflicts;
};

// A record as the server holds it, in a pull page.
struct PulledRecord
{
    QString table;
    QUuid id;
    QUuid caseId;
    qint64 version = 0;
    QString createdAt;
    QString updatedAt;
    QString deletedAt; // empty while live
    QJsonObject fields;
};

struct PullPage
{
    QList<PulledRecord> records;
    QList<QUuid> removedCases; // no longer this user's: remove them and everything in them
    qint64 cursor = 0;         // pass back to get what comes next
    // The server's last change when it made the page (0 from a server that does not say). A
    // laptop downloading into an empty store passes the first page's back with the rest, so
    // nothing it got in the pages before is sent again (docs/sync-protocol.md).
    qint64 horizon = 0;
    bool hasMore = false;
};

// A reading error: which part of the message was wrong, in plain English.
struct ParseError
{
    QString message;
};

template <typename T> struct Parsed
{
    std::optional<T> value;
    ParseError error;
    bool ok() const { return value.has_value(); }
};

// Strict readers: unknown keys, wrong types, unknown tables or fields are errors.
Parsed<QList<Change>> parsePushRequest(const QByteArray &body);
Parsed<Change> parseChange(const QJsonObject &object, int index);
QByteArray pushRequestJson(const QList<Change> &changes);

// One row of the laptop's outbox as the change to push: the record columns the server keeps
// itself (created_at, updated_at, version, deleted_at) are left out, and the result is read as
// strictly as the server reads it. Tables that stay on the laptop (letter templates) give an
// error too; isSynced() tells them apart first.
bool isSynced(const QString &table);
Parsed<Change> changeFromOutbox(const QString &mutationId, const QString &table,
                                const QString &recordId, const QString &op,
                                const QByteArray &fieldsJson, qint64 baseVersion);

QJsonObject changeResultJson(const ChangeResult &result);
Parsed<QList<ChangeResult>> parsePushResponse(const QByteArray &body);
QByteArray pushResponseJson(const QList<ChangeResult> &results);

QJsonObject pulledRecordJson(const PulledRecord &record);
QByteArray pullResponseJson(const PullPage &page);
Parsed<PullPage> parsePullResponse(const QByteArray &body);

// Every error response: {"code": "...", "message": "..."} plus any extra members.
QByteArray errorJson(const QString &code, const QString &message,
                     const QJsonObject &extra = QJsonObject());

} // namespace lantern::sync
