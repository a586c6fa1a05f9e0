#include "CaseloadQuery.h"

#include "StoreValues.h"
#include "domain/Labels.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace lantern {

using namespace storeValue;

Result<QList<CaseloadRow>> CaseloadQuery::rows() const
{
    const QString what = QCoreApplication::translate("CaseloadQuery", "read the caseload");
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);

    QList<CaseloadRow> rows;
    QHash<QString, qsizetype> index; // case id text -> position in rows
    if (!query.exec(QStringLiteral(
            "SELECT id, case_number, court, kind, status, issued_on, closed_on, domestic_abuse,"
            " next_review_on FROM cases WHERE deleted_at IS NULL ORDER BY issued_on, case_number")))
        return m_store.sqlError(what, query.lastError());
    while (query.next()) {
        CaseloadRow row;
        row.caseId = toId(query.value(0));
        row.caseNumber = query.value(1).toString();
        row.court = query.value(2).toString();
        row.kind = fromCode<ProceedingsKind>(query.value(3).toString())
                       .value_or(ProceedingsKind::CareOrder);
        row.status = fromCode<CaseStatus>(query.value(4).toString()).value_or(CaseStatus::Open);
        row.issuedOn = toDate(query.value(5));
        row.closedOn = toDate(query.value(6));
        row.domesticAbuse = query.value(7).toInt() != 0;
        row.nextReviewOn = toDate(query.value(8));
        index.insert(query.value(0).toString(), rows.size());
        rows.append(row);
    }

    QHash<QString, QPair<qsizetype, qsizetype>> childIndex; // child id -> (row, child)
    if (!query.exec(QStringLiteral("SELECT case_id, id, CASE WHEN preferred_name <> '' THEN "
                                   "preferred_name ELSE legal_name END, date_of_birth FROM "
                                   "children WHERE deleted_at IS NULL ORDER BY date_of_birth")))
        return m_store.sqlError(what, query.lastError());
    while (query.next()) {
        const auto at = index.constFind(query.value(0).toString());
        if (at == index.cend())
            continue;
        CaseloadRow &row = rows[*at];
        CaseloadChild child;
        child.id = toId(query.value(1));
        child.name = query.value(2).toString();
        child.dateOfBirth = toDate(query.value(3));
        childIndex.insert(query.value(1).toString(), {*at, row.children.size()});
        row.children.append(child);
        row.childNames.append(child.name);
    }
    const auto childAt = [&](const QVariant &id) -> CaseloadChild * {
        const auto found = childIndex.constFind(id.toString());
        return found == childIndex.cend() ? nullptr : &rows[found->first].children[found->second];
    };

    // Done visits, per child named on the visit.
    if (!query.exec(QStringLiteral(
            "SELECT j.value, v.kind, max(v.starts_at) FROM visits v, json_each(v.child_ids) j"
            " WHERE v.deleted_at IS NULL AND v.status = 'done' GROUP BY j.value, v.kind")))
        return m_store.sqlError(what, query.lastError());
    while (query.next()) {
        CaseloadChild *child = childAt(query.value(0));
        if (!child)
            continue;
        const QString kind = query.value(1).toString();
        const QDateTime at = toTime(query.value(2));
        child->engagementRecorded = true;
        if (kind != QLatin1String("phone") && at > child->lastSeenAt)
            child->lastSeenAt = at;
        if (kind != QLatin1String("phone") && kind != QLatin1String("video") &&
            at > child->lastInPersonAt)
            child->lastInPersonAt = at;
    }

    // Letters that were finalised or sent.
    if (!query.exec(QStringLiteral("SELECT child_id, letter_kind FROM letters WHERE deleted_at IS "
                                   "NULL AND status IN ('finalised', 'sent')")))
        return m_store.sqlError(what, query.lastError());
    while (query.next()) {
        CaseloadChild *child = childAt(query.value(0));
        if (!child)
            continue;
        if (query.value(1).toString() == QLatin1String("introduction"))
            child->introductionLetter = true;
        else if (query.value(1).toString() == QLatin1String("goodbye"))
            child->goodbyeLetter = true;
    }

    if (!query.exec(QStringLiteral("SELECT DISTINCT case_id FROM adults WHERE deleted_at IS NULL "
                                   "AND address_confidential <> 0")))
        return m_store.sqlError(what, query.lastError());
    while (query.next()) {
        const auto at = index.constFind(query.value(0).toString());
        if (at != index.cend())
            rows[*at].confidentialAddress = true;
    }

    // Hearings still to come, in time order: the first seen per case is its next hearing.
    const QDateTime now = m_store.clock().nowUtc();
    const QDate today = m_store.clock().today();
    query.prepare(
        QStringLiteral("SELECT case_id, starts_at, kind, filing_days_before FROM hearings"
                       " WHERE deleted_at IS NULL AND starts_at >= ? ORDER BY starts_at"));
    // Hearings from earlier today still count: their deadlines may fall later in the week.
    query.addBindValue(fromTime(QDateTime(today.addDays(-1), QTime(0, 0), Qt::UTC)));
    if (!query.exec())
        return m_store.sqlError(what, query.lastError());
    while (query.next()) {
        const auto at = index.constFind(query.value(0).toString());
        if (at == index.cend())
            continue;
        CaseloadRow &row = rows[*at];
        Hearing hearing;
        hearing.startsAt = toTime(query.value(1));
        hearing.filingDaysBefore = toOptionalInt(query.value(3));
        if (hearing.startsAt >= now && !row.nextHearingAt.isValid()) {
            row.nextHearingAt = hearing.startsAt;
            row.nextHearingKind =
                fromCode<HearingKind>(query.value(2).toString()).value_or(HearingKind::Other);
        }
        const QDate deadline = hearing.filingDeadline();
        if (deadline.isValid() && deadline >= today &&
            (!row.nextFilingDeadline.isValid() || deadline < row.nextFilingDeadline))
            row.nextFilingDeadline = deadline;
    }
    return rows;
}

namespace {

Result<bool> exists(Store &store, const QString &sql, const char *what)
{
    QSqlQuery query(store.database());
    if (!query.exec(sql) || !query.next())
        return store.sqlError(QCoreApplication::translate("CaseloadQuery", what),
                              query.lastError());
    return query.value(0).toInt() != 0;
}

} // namespace

Result<bool> CaseloadQuery::anyVisitRecorded() const
{
    return exists(m_store,
                  QStringLiteral("SELECT EXISTS (SELECT 1 FROM visits WHERE deleted_at IS NULL"
                                 " AND status <> 'planned')"),
                  QT_TRANSLATE_NOOP("CaseloadQuery", "read the visits"));
}

Result<bool> CaseloadQuery::anyLetterRecorded() const
{
    return exists(m_store,
                  QStringLiteral("SELECT EXISTS (SELECT 1 FROM letters WHERE deleted_at IS NULL"
                                 " AND status IN ('finalised', 'sent'))"),
                  QT_TRANSLATE_NOOP("CaseloadQuery", "read the letters"));
}

QDateTime CaseloadRow::leastRecentlySeenAt() const
{
    QDateTime oldest;
    for (const CaseloadChild &child : children) {
        if (!child.lastSeenAt.isValid())
            return {};
        if (!oldest.isValid() || child.lastSeenAt < oldest)
            oldest = child.lastSeenAt;
    }
    return oldest;
}

bool CaseloadRow::anyChildNeverSeen() const
{
    return std::any_of(children.cbegin(), children.cend(),
                       [](const CaseloadChild &child) { return !child.lastSeenAt.isValid(); });
}

bool CaseloadRow::missingIntroductionLetter() const
{
    return std::any_of(children.cbegin(), children.cend(),
                       [](const CaseloadChild &child) { return !child.introductionLetter; });
}

} // namespace lantern
