#include "NoteRepository.h"

#include "domain/Clock.h"
#include "store/Repositories.h"
#include "store/StoreValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace lantern {

using namespace storeValue;

namespace {
RecordRepository<NoteRevision> revisionsOf(Store &store)
{
    return RecordRepository<NoteRevision>(store);
}

NoteDraft draftFromQuery(const QSqlQuery &query)
{
    NoteDraft draft;
    draft.noteId = toId(query.value(0));
    draft.bodyHtml = query.value(1).toString();
    draft.bodyText = query.value(2).toString();
    draft.cursor = query.value(3).toInt();
    draft.savedAt = toTime(query.value(4));
    return draft;
}
} // namespace

Result<void> NoteRepository::validate(const Note &note, const Note *) const
{
    auto owner = CaseRepository(m_store).get(note.caseId);
    if (!owner)
        return makeError(ErrorCode::InvalidInput,
                         tr("This case no longer exists, so a note cannot be added to it."),
                         QStringLiteral("case_id"));
    if (!note.contactAt.isValid())
        return makeError(ErrorCode::InvalidInput, tr("Enter when the contact happened."),
                         QStringLiteral("contact_at"));
    if (note.contactAt > m_store.clock().nowUtc().addSecs(3600))
        return makeError(ErrorCode::InvalidInput,
                         tr("The contact cannot be in the future: a note records what happened."),
                         QStringLiteral("contact_at"));
    const ChildRepository children(m_store);
    for (const QUuid &childId : note.childIds) {
        auto child = children.get(childId);
        if (!child || child->caseId != note.caseId)
            return makeError(ErrorCode::InvalidInput,
                             tr("A note can only be about children of its own case."),
                             QStringLiteral("child_ids"));
    }
    if (note.childIds.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("Choose the child or children this note is "
                            "about."),
                         QStringLiteral("child_ids"));
    return {};
}

Result<Note> NoteRepository::start(const QUuid &caseId, const QList<QUuid> &childIds, NoteKind kind,
                                   const QDateTime &contactAt, const QUuid &id)
{
    Note note;
    note.meta.id = id;
    note.caseId = caseId;
    note.childIds = childIds;
    note.kind = kind;
    note.contactAt = contactAt;
    note.author = m_store.actor();
    return add(note);
}

Result<void> NoteRepository::saveDraft(const QUuid &noteId, const QString &bodyHtml,
                                       const QString &bodyText, int cursor)
{
    return m_store.putLocal(LocalTable::NoteDrafts, noteId.toString(QUuid::WithoutBraces),
                            {
                                {QStringLiteral("body_html"), bodyHtml},
                                {QStringLiteral("body_text"), bodyText},
                                {QStringLiteral("cursor"), cursor},
                                {QStringLiteral("saved_at"), fromTime(m_store.clock().nowUtc())},
                            });
}

Result<std::optional<NoteDraft>> NoteRepository::draft(const QUuid &noteId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT note_id, body_html, body_text, cursor, saved_at FROM "
                                 "note_drafts WHERE note_id = ?"));
    query.addBindValue(noteId.toString(QUuid::WithoutBraces));
    if (!query.exec())
        return m_store.sqlError(tr("read a draft"), query.lastError());
    if (!query.next())
        return std::optional<NoteDraft>();
    return std::optional<NoteDraft>(draftFromQuery(query));
}

Result<QList<NoteDraft>> NoteRepository::openDrafts() const
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral(
            "SELECT d.note_id, d.body_html, d.body_text, d.cursor, d.saved_at FROM note_drafts d"
            " JOIN notes n ON n.id = d.note_id JOIN cases c ON c.id = n.case_id"
            " WHERE n.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY d.saved_at")))
        return m_store.sqlError(tr("read your drafts"), query.lastError());
    QList<NoteDraft> drafts;
    while (query.next())
        drafts.append(draftFromQuery(query));
    return drafts;
}

Result<void> NoteRepository::discardDraft(const QUuid &noteId)
{
    return m_store.transaction([&]() -> Result<void> {
        auto note = get(noteId);
        if (!note)
            return note.error();
        if (auto removed =
                m_store.removeLocal(LocalTable::NoteDrafts, noteId.toString(QUuid::WithoutBraces));
            !removed)
            return removed;
        if (!note->isFinalised())
            return remove(noteId);
        return {};
    });
}

Result<NoteRevision> NoteRepository::appendRevision(const QUuid &noteId, const NoteDraft &draft,
                                                    int number, const QString &reason)
{
    NoteRevision revision;
    revision.noteId = noteId;
    revision.number = number;
    revision.bodyHtml = draft.bodyHtml;
    revision.bodyText = draft.bodyText;
    revision.author = m_store.actor();
    revision.reason = reason;
    revision.finalisedAt = m_store.clock().nowUtc();
    return revisionsOf(m_store).add(revision);
}

Result<Note> NoteRepository::setPlanDecision(const QUuid &noteId, const QString &decision)
{
    auto note = get(noteId);
    if (!note)
        return note.error();
    Note changed = *note;
    changed.planDecision = decision.trimmed();
    return save(changed);
}

Result<NoteRevision> NoteRepository::finalise(const QUuid &noteId)
{
    std::optional<NoteRevision> made;
    auto done = m_store.transaction([&]() -> Result<void> {
        auto note = get(noteId);
        if (!note)
            return note.error();
        if (note->isFinalised())
            return makeError(ErrorCode::Immutable,
                             tr("This note is already finalised. Add an amendment instead."));
        auto current = draft(noteId);
        if (!current)
            return current.error();
        if (!*current || current->value().bodyText.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             tr("The note is empty. Write what happened before finalising."),
                             QStringLiteral("body"));
        const bool oversight = note->kind == NoteKind::ManagementOversight;
        if (oversight && note->planDecision.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             tr("Record the decision on the child's plan before finalising this "
                                "management oversight note."),
                             QStringLiteral("plan_decision"));
        auto revision = appendRevision(noteId, **current, 1, {});
        if (!revision)
            return revision.error();
        made = *revision;
        if (oversight) {
            CaseRepository cases(m_store);
            auto reviewed = cases.get(note->caseId);
            if (!reviewed)
                return reviewed.error();
            Case next = *reviewed;
            next.nextReviewOn =
                note->contactAt.toTimeZone(Clock::londonZone()).date().addDays(kReviewIntervalDays);
            if (auto moved = cases.save(next); !moved)
                return moved.error();
        }
        if (auto locked =
                m_store.update(Table::Notes, noteId,
                               {{QStringLiteral("finalised_at"), fromTime(revision->finalisedAt)}});
            !locked)
            return locked;
        return m_store.removeLocal(LocalTable::NoteDrafts, noteId.toString(QUuid::WithoutBraces));
    });
    if (!done)
        return done.error();
    return *made;
}

Result<NoteRevision> NoteRepository::amend(const QUuid &noteId, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("Say why the note is being amended: the reason is kept with it."),
                         QStringLiteral("reason"));
    std::optional<NoteRevision> made;
    auto done = m_store.transaction([&]() -> Result<void> {
        auto note = get(noteId);
        if (!note)
            return note.error();
        if (!note->isFinalised())
            return makeError(ErrorCode::InvalidInput,
                             tr("This note is still a draft: change it directly, no amendment "
                                "is needed."));
        auto current = draft(noteId);
        if (!current)
            return current.error();
        if (!*current || current->value().bodyText.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             tr("Write the amended note before saving the amendment."),
                             QStringLiteral("body"));
        auto latest = latestRevision(noteId);
        if (!latest)
            return latest.error();
        const int number = *latest ? latest->value().number + 1 : 1;
        auto revision = appendRevision(noteId, **current, number, reason.trimmed());
        if (!revision)
            return revision.error();
        made = *revision;
        return m_store.removeLocal(LocalTable::NoteDrafts, noteId.toString(QUuid::WithoutBraces));
    });
    if (!done)
        return done.error();
    return *made;
}

Result<QList<NoteRevision>> NoteRepository::revisions(const QUuid &noteId) const
{
    return revisionsOf(m_store).where(QStringLiteral("note_id = ?"), {fromId(noteId)},
                                      QStringLiteral("number"));
}

Result<std::optional<NoteRevision>> NoteRepository::latestRevision(const QUuid &noteId) const
{
    auto all = revisions(noteId);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return std::optional<NoteRevision>();
    return std::optional<NoteRevision>(all->constLast());
}

Result<QList<Note>> NoteRepository::forCase(const QUuid &caseId) const
{
    return where(QStringLiteral("case_id = ?"), {fromId(caseId)},
                 QStringLiteral("contact_at DESC"));
}

Result<QList<NoteSummary>> NoteRepository::summaries(const QUuid &caseId) const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT n.*, substr(coalesce(d.body_text, ("
                       "   SELECT r.body_text FROM note_revisions r WHERE r.note_id = n.id"
                       "   ORDER BY r.number DESC LIMIT 1), ''), 1, 200),"
                       " d.note_id IS NOT NULL,"
                       " (SELECT count(*) FROM note_revisions r WHERE r.note_id = n.id) "
                       "FROM notes n LEFT JOIN note_drafts d ON d.note_id = n.id "
                       "WHERE n.case_id = ? AND n.deleted_at IS NULL ORDER BY n.contact_at DESC"));
    query.addBindValue(fromId(caseId));
    if (!query.exec())
        return m_store.sqlError(tr("read the notes"), query.lastError());
    QList<NoteSummary> summaries;
    while (query.next()) {
        const QSqlRecord record = query.record();
        NoteSummary summary;
        summary.note = Mapping::fromRecord(record);
        const int columns = record.count();
        summary.preview = query.value(columns - 3).toString().simplified();
        summary.hasDraft = query.value(columns - 2).toInt() != 0;
        summary.amendments = qMax(0, query.value(columns - 1).toInt() - 1);
        summaries.append(summary);
    }
    return summaries;
}

} // namespace lantern
