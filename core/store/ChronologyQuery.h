#pragma once

#include "Store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace lantern {

// One line of a case's chronology: something that happened (or is planned) on the case.
// Titles and details never carry note text: a chronology can be shown on a screen in a car.
struct ChronologyEntry
{
    QDateTime at;          // UTC; for events that have only a day, midnight in England and Wales
    QString kind;          // machine kind: hearing, case_issued, case_closed, visit, note, letter
    QString title;         // translated, e.g. "Final hearing", "Visit note", "Introduction letter"
    QString detail;        // translated, e.g. "Done", "Sent", the venue and report deadline
    QUuid recordId;        // the record the entry comes from (the case for case events)
    bool dateOnly = false; // `at` carries a day, not a time: show the date alone
};

// Reads everything that happened on a case, from every table that records it, newest first.
class ChronologyQuery
{
    Q_DECLARE_TR_FUNCTIONS(ChronologyQuery)

public:
    explicit ChronologyQuery(Store &store) : m_store(store) {}

    // The case's issue and closing, its hearings, visits, notes and letters: live records
    // only (deleted ones are left out), newest first.
    Result<QList<ChronologyEntry>> forCase(const QUuid &caseId) const;

    // Machine kinds of entry.
    static QString hearingKind() { return QStringLiteral("hearing"); }
    static QString caseIssuedKind() { return QStringLiteral("case_issued"); }
    static QString caseClosedKind() { return QStringLiteral("case_closed"); }
    static QString visitKind() { return QStringLiteral("visit"); }
    static QString noteKind() { return QStringLiteral("note"); }
    static QString letterKind() { return QStringLiteral("letter"); }

private:
    Result<void> addHearings(const QUuid &caseId, QList<ChronologyEntry> &entries) const;
    Result<void> addVisits(const QUuid &caseId, QList<ChronologyEntry> &entries) const;
    Result<void> addNotes(const QUuid &caseId, QList<ChronologyEntry> &entries) const;
    Result<void> addLetters(const QUuid &caseId, QList<ChronologyEntry> &entries) const;

    Store &m_store;
};

} // namespace lantern
