#pragma once

#include "Note.h"
#include "store/RecordRepository.h"

#include <optional>

namespace lantern {

// Case notes: started, drafted (the editor's autosave), finalised, then amended. A finalised
// note never changes: Store refuses it, and amendments are appended revisions.
class NoteRepository : public RecordRepository<Note>
{
    Q_DECLARE_TR_FUNCTIONS(NoteRepository)

public:
    using RecordRepository::RecordRepository;

    // Starts a note about a contact; its words go in the draft until it is finalised.
    // A new id is made unless one is given (the demo generator gives its own).
    Result<Note> start(const QUuid &caseId, const QList<QUuid> &childIds, NoteKind kind,
                       const QDateTime &contactAt, const QUuid &id = {});

    // Saves the editor's working copy (a draft note, or an amendment being written).
    // One small write, no history: fast enough to call every couple of seconds.
    Result<void> saveDraft(const QUuid &noteId, const QString &bodyHtml, const QString &bodyText,
                           int cursor);
    Result<std::optional<NoteDraft>> draft(const QUuid &noteId) const;
    // Every draft on this laptop whose note still exists: reopened after a crash.
    Result<QList<NoteDraft>> openDrafts() const;
    // Throws away a draft. A note that was never finalised goes with it.
    Result<void> discardDraft(const QUuid &noteId);

    // Management oversight: the manager's decision on the child's plan (before finalising).
    Result<Note> setPlanDecision(const QUuid &noteId, const QString &decision);
    // A finalised management oversight note is a review: the next one is due this long after.
    static constexpr int kReviewIntervalDays = 91;

    // Locks the note with its draft as revision 1. A management oversight note needs the
    // plan decision, and moves the case's next review date on.
    Result<NoteRevision> finalise(const QUuid &noteId);
    // Appends a revision to a finalised note, saying why; the draft is the new text.
    Result<NoteRevision> amend(const QUuid &noteId, const QString &reason);

    Result<QList<NoteRevision>> revisions(const QUuid &noteId) const;
    Result<std::optional<NoteRevision>> latestRevision(const QUuid &noteId) const;
    Result<QList<Note>> forCase(const QUuid &caseId) const;
    // The case's notes, newest contact first, each with the start of its latest text.
    Result<QList<NoteSummary>> summaries(const QUuid &caseId) const;

protected:
    Result<void> validate(const Note &note, const Note *stored) const override;

private:
    Result<NoteRevision> appendRevision(const QUuid &noteId, const NoteDraft &draft, int number,
                                        const QString &reason);
};

} // namespace lantern
