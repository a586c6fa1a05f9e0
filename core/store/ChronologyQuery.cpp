#include "ChronologyQuery.h"

#include "Repositories.h"
#include "StoreValues.h"
#include "domain/Labels.h"

#include <QHash>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <tuple>

namespace lantern {

using namespace storeValue;

namespace {

QDateTime startOfLondonDay(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), Clock::londonZone()).toUTC();
}

QString joined(const QStringList &parts)
{
    QStringList kept;
    for (const QString &part : parts)
        if (!part.trimmed().isEmpty())
            kept.append(part.trimmed());
    return kept.join(QStringLiteral(" · "));
}

// Names used with the children of a case, by id (deleted children keep their names here so
// that older entries still say who they were about).
Result<QHash<QUuid, QString>> childNames(Store &store, const QUuid &caseId)
{
    QHash<QUuid, QString> names;
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT id, preferred_name, legal_name FROM children WHERE case_id = ?"));
    query.addBindValue(fromId(caseId));
    if (!query.exec())
        return store.sqlError(ChronologyQuery::tr("read the children"), query.lastError());
    while (query.next()) {
        const QString preferred = query.value(1).toString();
        names.insert(toId(query.value(0)),
                     preferred.isEmpty() ? query.value(2).toString() : preferred);
    }
    return names;
}

QString namesOf(const QHash<QUuid, QString> &names, const QList<QUuid> &ids)
{
    QStringList shown;
    for (const QUuid &id : ids)
        if (names.contains(id))
            shown.append(names.value(id));
    return shown.join(QStringLiteral(", "));
}

// On one day: the closing comes last (shown on top), the issue first (shown at the bottom).
int rankOnDay(const ChronologyEntry &entry)
{
    if (entry.kind == ChronologyQuery::caseClosedKind())
        return 2;
    if (entry.kind == ChronologyQuery::caseIssuedKind())
        return 0;
    return 1;
}

// At the same moment: a note is written about a visit or hearing, so it comes after it.
int rankAtSameTime(const ChronologyEntry &entry)
{
    if (entry.kind == ChronologyQuery::noteKind())
        return 3;
    if (entry.kind == ChronologyQuery::letterKind())
        return 2;
    if (entry.kind == ChronologyQuery::visitKind())
        return 1;
    return 0;
}

} // namespace

Result<QList<ChronologyEntry>> ChronologyQuery::forCase(const QUuid &caseId) const
{
    auto found = CaseRepository(m_store).get(caseId);
    if (!found)
        return found.error();
    const Case &c = *found;

    QList<ChronologyEntry> entries;
    ChronologyEntry issued;
    issued.at = startOfLondonDay(c.issuedOn);
    issued.kind = caseIssuedKind();
    issued.title = tr("Case issued");
    issued.detail = joined({c.court, labelOf(c.kind)});
    issued.recordId = c.meta.id;
    issued.dateOnly = true;
    entries.append(issued);

    if (c.status == CaseStatus::Closed && c.closedOn.isValid()) {
        ChronologyEntry closed;
        closed.at = startOfLondonDay(c.closedOn);
        closed.kind = caseClosedKind();
        closed.title = tr("Case closed");
        QString followed;
        if (c.outcomeFollowedRecommendation)
            followed = *c.outcomeFollowedRecommendation
                           ? tr("The order followed your recommendation.")
                           : tr("The order did not follow your recommendation.");
        closed.detail = joined({c.outcome, followed});
        closed.recordId = c.meta.id;
        closed.dateOnly = true;
        entries.append(closed);
    }

    for (auto add : {&ChronologyQuery::addHearings, &ChronologyQuery::addVisits,
                     &ChronologyQuery::addNotes, &ChronologyQuery::addLetters}) {
        if (auto done = (this->*add)(caseId, entries); !done)
            return done.error();
    }

    const QTimeZone london = Clock::londonZone();
    std::stable_sort(entries.begin(), entries.end(),
                     [&london](const ChronologyEntry &a, const ChronologyEntry &b) {
                         const QDateTime la = a.at.toTimeZone(london);
                         const QDateTime lb = b.at.toTimeZone(london);
                         // Newest first.
                         return std::make_tuple(la.date(), rankOnDay(a), la.time(),
                                                rankAtSameTime(a), a.recordId.toString()) >
                                std::make_tuple(lb.date(), rankOnDay(b), lb.time(),
                                                rankAtSameTime(b), b.recordId.toString());
                     });
    return entries;
}

Result<void> ChronologyQuery::addHearings(const QUuid &caseId,
                                          QList<ChronologyEntry> &entries) const
{
    auto hearings = HearingRepository(m_store).forCase(caseId);
    if (!hearings)
        return hearings.error();
    for (const Hearing &hearing : std::as_const(*hearings)) {
        ChronologyEntry entry;
        entry.at = hearing.startsAt;
        entry.kind = hearingKind();
        entry.title = labelOf(hearing.kind);
        const QDate deadline = hearing.filingDeadline();
        entry.detail = joined(
            {hearing.venue,
             deadline.isValid()
                 ? tr("report due %1").arg(QLocale().toString(deadline, QLocale::ShortFormat))
                 : QString()});
        entry.recordId = hearing.meta.id;
        entries.append(entry);
    }
    return {};
}

Result<void> ChronologyQuery::addVisits(const QUuid &caseId, QList<ChronologyEntry> &entries) const
{
    // The place is left out on purpose: a home visit's place can be a confidential address.
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, starts_at, kind, status, child_ids FROM visits"
                                 " WHERE case_id = ? AND deleted_at IS NULL"));
    query.addBindValue(fromId(caseId));
    if (!query.exec())
        return m_store.sqlError(tr("read the visits"), query.lastError());
    const auto names = childNames(m_store, caseId);
    if (!names)
        return names.error();
    while (query.next()) {
        const QString kind = query.value(2).toString();
        const QString status = query.value(3).toString();
        ChronologyEntry entry;
        entry.at = toTime(query.value(1));
        entry.kind = visitKind();
        if (kind == QLatin1String("home"))
            entry.title = tr("Home visit");
        else if (kind == QLatin1String("school"))
            entry.title = tr("School visit");
        else if (kind == QLatin1String("office"))
            entry.title = tr("Office visit");
        else if (kind == QLatin1String("video"))
            entry.title = tr("Video call");
        else if (kind == QLatin1String("phone"))
            entry.title = tr("Phone call");
        else
            entry.title = tr("Visit");
        QString statusText;
        if (status == QLatin1String("planned"))
            statusText = tr("Planned");
        else if (status == QLatin1String("done"))
            statusText = tr("Done");
        else if (status == QLatin1String("cancelled"))
            statusText = tr("Cancelled");
        else if (!status.isEmpty())
            statusText = tr("Did not take place");
        entry.detail = joined({statusText, namesOf(*names, toIdList(query.value(4)))});
        entry.recordId = toId(query.value(0));
        entries.append(entry);
    }
    return {};
}

Result<void> ChronologyQuery::addNotes(const QUuid &caseId, QList<ChronologyEntry> &entries) const
{
    // Only the kind and the state: a note's words never appear in the chronology.
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, contact_at, kind, finalised_at, child_ids FROM notes"
                                 " WHERE case_id = ? AND deleted_at IS NULL"));
    query.addBindValue(fromId(caseId));
    if (!query.exec())
        return m_store.sqlError(tr("read the case notes"), query.lastError());
    const auto names = childNames(m_store, caseId);
    if (!names)
        return names.error();
    while (query.next()) {
        ChronologyEntry entry;
        entry.at = toTime(query.value(1));
        entry.kind = noteKind();
        switch (fromCode<NoteKind>(query.value(2).toString()).value_or(NoteKind::Other)) {
        case NoteKind::Visit:
            entry.title = tr("Visit note");
            break;
        case NoteKind::PhoneCall:
            entry.title = tr("Phone call note");
            break;
        case NoteKind::DirectWork:
            entry.title = tr("Direct work note");
            break;
        case NoteKind::Meeting:
            entry.title = tr("Meeting note");
            break;
        case NoteKind::Court:
            entry.title = tr("Court note");
            break;
        case NoteKind::ManagementOversight:
            entry.title = tr("Management oversight");
            break;
        case NoteKind::Other:
            entry.title = tr("Case note");
            break;
        }
        entry.detail = joined({query.value(3).isNull() ? tr("Draft") : tr("Finalised"),
                               namesOf(*names, toIdList(query.value(4)))});
        entry.recordId = toId(query.value(0));
        entries.append(entry);
    }
    return {};
}

Result<void> ChronologyQuery::addLetters(const QUuid &caseId, QList<ChronologyEntry> &entries) const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, letter_kind, status, finalised_at, sent_on,"
                                 " created_at, child_id FROM letters"
                                 " WHERE case_id = ? AND deleted_at IS NULL"));
    query.addBindValue(fromId(caseId));
    if (!query.exec())
        return m_store.sqlError(tr("read the letters"), query.lastError());
    const auto names = childNames(m_store, caseId);
    if (!names)
        return names.error();
    while (query.next()) {
        const QString kind = query.value(1).toString();
        const QString status = query.value(2).toString();
        ChronologyEntry entry;
        entry.kind = letterKind();
        if (kind == QLatin1String("introduction"))
            entry.title = tr("Introduction letter");
        else if (kind == QLatin1String("goodbye"))
            entry.title = tr("Goodbye letter");
        else
            entry.title = tr("Letter");
        // When it was sent, else when it was finalised, else when the draft was started.
        const QDate sentOn = toDate(query.value(4));
        const QDateTime finalisedAt = toTime(query.value(3));
        if (sentOn.isValid()) {
            entry.at = startOfLondonDay(sentOn);
            entry.dateOnly = true;
        } else if (finalisedAt.isValid()) {
            entry.at = finalisedAt;
        } else {
            entry.at = toTime(query.value(5));
        }
        QString statusText;
        if (status == QLatin1String("sent"))
            statusText = tr("Sent");
        else if (status == QLatin1String("finalised"))
            statusText = tr("Finalised");
        else if (status == QLatin1String("draft"))
            statusText = tr("Draft");
        else if (!status.isEmpty())
            statusText = tr("In review");
        const QUuid childId = toId(query.value(6));
        entry.detail =
            joined({statusText,
                    names->contains(childId) ? tr("to %1").arg(names->value(childId)) : QString()});
        entry.recordId = toId(query.value(0));
        entries.append(entry);
    }
    return {};
}

} // namespace lantern
