#pragma once

#include "domain/Records.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace lantern {

enum class NoteKind
{
    Visit,
    PhoneCall,
    DirectWork,
    Meeting,
    Court,
    ManagementOversight,
    Other,
};

// A case note: a record of contact that may be read in court. Its words live in revisions,
// appended and never overwritten; once finalised, changes are amendments.
struct Note
{
    RecordMeta meta;
    QUuid caseId;
    QList<QUuid> childIds;
    NoteKind kind = NoteKind::Visit;
    QDateTime contactAt; // when the contact happened (UTC), not when it was written
    QString author;
    QDateTime finalisedAt; // null while a draft
    QString planDecision;  // management oversight: the manager's decision on the child's plan

    bool isFinalised() const { return finalisedAt.isValid(); }
};

struct NoteRevision
{
    RecordMeta meta;
    QUuid noteId;
    int number = 0; // 1 is the finalised note; 2 onwards are amendments
    QString bodyHtml;
    QString bodyText;
    QString author;
    QString reason; // why an amendment was made
    QDateTime finalisedAt;
};

// A line in a case's list of notes.
struct NoteSummary
{
    Note note;
    QString preview;       // the start of the latest text (draft or revision), plain
    bool hasDraft = false; // unsaved-to-record work: a draft, or an amendment being written
    int amendments = 0;
};

// The editor's working copy of a note not yet finalised (or an amendment being written).
struct NoteDraft
{
    QUuid noteId;
    QString bodyHtml;
    QString bodyText;
    int cursor = 0;
    QDateTime savedAt;
};

} // namespace lantern
