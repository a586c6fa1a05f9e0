#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

namespace lantern {
class Store;
}

namespace lantern::sync {

// One conflict the server recorded, as the FCA sees it.
struct Conflict
{
    QString id;
    QString caseId;
    QString caseNumber;
    QString table;       // the record's table (children, adults, ...)
    QString recordId;    // the record in conflict
    QString field;       // the field in conflict; deleted_at for "deleted on the server"
    QString fieldLabel;  // the field in plain words ("School")
    QString recordLabel; // what the record is ("Child: Jay Morgan", "Visit on 3 Dec")
    QString before;      // the value before both changes, as text ("" when none)
    QString server;      // the value the server kept (the other change), as text
    QString mine;        // the value sent by raisedBy, as text
    QString raisedBy;    // who sent the change that clashed
    QString sentJson;    // the sent value as the server recorded it (compact JSON), for keepMine
    QDateTime raisedAt;
    enum class Kind
    {
        Field,        // both changed one field: keep one, the other, or a merge
        Deleted,      // edited here, deleted on the server: keep deleted, or restore as new
        NoteRevision, // two revisions of one note from the same base: both are kept
    };
    Kind kind = Kind::Field;
    // Whether a value may be written from both: text, numbers and dates; not flags, times, ids
    // or a confidential address (whose values are not shown here: see below).
    bool mergeable = false;
    // An adult's confidential address: the values are not shown (they are revealed, audited,
    // only in the case file); keeping one or the other still works.
    bool confidential = false;
};

// Settling conflicts on this laptop. Each choice writes through the store (so it is pushed
// with the next sync) and marks the conflict resolved; the other laptops then pull both.
class Conflicts
{
    Q_DECLARE_TR_FUNCTIONS(Conflicts)

public:
    explicit Conflicts(Store &store);

    Result<QList<Conflict>> open(); // the unresolved ones, oldest first
    Result<Conflict> find(const QString &conflictId);

    // Keeps the value the server kept ("theirs"); for Deleted, the record stays deleted; for
    // NoteRevision, both revisions stay (the FCA may add an amendment).
    Result<void> keepServer(const QString &conflictId);
    // Keeps the value raisedBy sent ("mine"); for Deleted, the edited record comes back as a
    // new record with the same details.
    Result<void> keepMine(const QString &conflictId);
    // Keeps a value the FCA wrote from both ("merged"); Field conflicts only.
    Result<void> keepMerged(const QString &conflictId, const QString &value);

private:
    Result<void> settle(const Conflict &conflict, const QString &resolution);

    Store &m_store;
};

} // namespace lantern::sync
