#include "NoteSearch.h"

#include "domain/Clock.h"
#include "domain/Labels.h"
#include "store/StoreValues.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace lantern {

using namespace storeValue;

QString NoteSearch::toMatchQuery(const QString &text)
{
    // Letters, digits and combining marks make words; everything else separates them.
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}\\p{M}]+"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    auto it = word.globalMatch(text.normalized(QString::NormalizationForm_C));
    while (it.hasNext())
        terms.append(QLatin1Char('"') + it.next().captured() + QLatin1Char('"'));
    if (terms.isEmpty())
        return {};
    terms.last().append(QLatin1Char('*')); // the word being typed matches as a prefix
    return terms.join(QLatin1Char(' '));
}

Result<QList<NoteHit>> NoteSearch::search(const QString &text, const NoteSearchFilter &filter) const
{
    QList<NoteHit> hits;
    const QString match = toMatchQuery(text);
    if (match.isEmpty())
        return hits;

    // First the page of matches, ranked, with no snippets: only ids and cheap columns.
    QString sql = QStringLiteral(
        "SELECT n.rowid, n.id, n.case_id, c.case_number, n.child_ids, n.kind, n.contact_at,"
        " n.finalised_at"
        " FROM note_search JOIN notes n ON n.rowid = note_search.rowid"
        " JOIN cases c ON c.id = n.case_id"
        " WHERE note_search MATCH ? AND n.deleted_at IS NULL AND c.deleted_at IS NULL");
    QVariantList values = {match};
    if (!filter.caseId.isNull()) {
        sql += QStringLiteral(" AND n.case_id = ?");
        values << fromId(filter.caseId);
    }
    if (!filter.childId.isNull()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(n.child_ids) WHERE value = ?)");
        values << fromId(filter.childId);
    }
    if (filter.kind) {
        sql += QStringLiteral(" AND n.kind = ?");
        values << codeOf(*filter.kind);
    }
    const QTimeZone london = Clock::londonZone();
    if (filter.from.isValid()) {
        sql += QStringLiteral(" AND n.contact_at >= ?");
        values << fromTime(QDateTime(filter.from, QTime(0, 0), london));
    }
    if (filter.to.isValid()) {
        sql += QStringLiteral(" AND n.contact_at < ?");
        values << fromTime(QDateTime(filter.to.addDays(1), QTime(0, 0), london));
    }
    sql += QStringLiteral(" ORDER BY note_search.rank LIMIT ? OFFSET ?");
    values << qBound(1, filter.limit, 500) << qMax(0, filter.offset);

    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return m_store.sqlError(tr("search the notes"), query.lastError());

    QList<QList<QUuid>> childIds;
    QSet<QString> wantedChildren;
    QList<qint64> rowids;
    while (query.next()) {
        NoteHit hit;
        rowids.append(query.value(0).toLongLong());
        hit.noteId = toId(query.value(1));
        hit.caseId = toId(query.value(2));
        hit.caseNumber = query.value(3).toString();
        const QList<QUuid> ids = toIdList(query.value(4));
        for (const QUuid &id : ids)
            wantedChildren.insert(id.toString(QUuid::WithoutBraces));
        childIds.append(ids);
        hit.kind = fromCode<NoteKind>(query.value(5).toString()).value_or(NoteKind::Other);
        hit.contactAt = toTime(query.value(6));
        hit.finalised = !query.value(7).isNull();
        hits.append(hit);
    }
    if (query.lastError().isValid())
        return m_store.sqlError(tr("search the notes"), query.lastError());
    if (hits.isEmpty())
        return hits;

    // Then the snippets, for this page only.
    QStringList marks;
    for (qsizetype i = 0; i < rowids.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery snippets(m_store.database());
    snippets.setForwardOnly(true);
    snippets.prepare(QStringLiteral("SELECT rowid, snippet(note_search, 0, char(1), char(2), '…', "
                                    "24) FROM note_search WHERE note_search MATCH ? AND rowid IN "
                                    "(%1)")
                         .arg(marks.join(QLatin1Char(','))));
    snippets.addBindValue(match);
    for (qint64 rowid : std::as_const(rowids))
        snippets.addBindValue(rowid);
    if (!snippets.exec())
        return m_store.sqlError(tr("search the notes"), snippets.lastError());
    while (snippets.next()) {
        const qsizetype at = rowids.indexOf(snippets.value(0).toLongLong());
        if (at < 0)
            continue;
        // Escape the note's words, then turn the match markers into bold.
        hits[at].snippetHtml = snippets.value(1)
                                   .toString()
                                   .toHtmlEscaped()
                                   .replace(QChar(1), QStringLiteral("<b>"))
                                   .replace(QChar(2), QStringLiteral("</b>"));
    }

    // Name the children, in one query for the whole page.
    if (!wantedChildren.isEmpty()) {
        QHash<QUuid, QString> names;
        QSqlQuery children(m_store.database());
        QStringList marks;
        for (qsizetype i = 0; i < wantedChildren.size(); ++i)
            marks << QStringLiteral("?");
        children.prepare(QStringLiteral("SELECT id, CASE WHEN preferred_name <> '' THEN "
                                        "preferred_name ELSE legal_name END FROM children "
                                        "WHERE id IN (%1)")
                             .arg(marks.join(QLatin1Char(','))));
        for (const QString &id : std::as_const(wantedChildren))
            children.addBindValue(id);
        if (!children.exec())
            return m_store.sqlError(tr("search the notes"), children.lastError());
        while (children.next())
            names.insert(toId(children.value(0)), children.value(1).toString());
        for (qsizetype i = 0; i < hits.size(); ++i)
            for (const QUuid &id : childIds.at(i))
                if (names.contains(id))
                    hits[i].childNames.append(names.value(id));
    }
    return hits;
}

} // namespace lantern
