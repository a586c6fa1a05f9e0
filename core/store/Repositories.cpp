#include "Repositories.h"

namespace lantern {

using namespace storeValue;

// A case the record belongs to must exist and be live.
Result<Case> owningCase(Store &store, const QUuid &caseId)
{
    auto found = CaseRepository(store).get(caseId);
    if (!found)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("Repositories",
                                                     "Choose the case this belongs to: the case "
                                                     "given does not exist or was deleted."),
                         QStringLiteral("case_id"));
    return found;
}

namespace {

Error required(const char *message, const char *field)
{
    return makeError(ErrorCode::InvalidInput, QCoreApplication::translate("Repositories", message),
                     QLatin1String(field));
}

} // namespace

Result<QList<Case>> CaseRepository::open() const
{
    return where(QStringLiteral("status = 'open'"), {}, QStringLiteral("issued_on"));
}

Result<Case> CaseRepository::findByNumber(const QString &caseNumber) const
{
    auto found = where(QStringLiteral("case_number = ?"), {caseNumber.trimmed()});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound, tr("There is no case %1.").arg(caseNumber));
    return found->constFirst();
}

Result<Case> CaseRepository::close(const QUuid &caseId, const QString &outcome,
                                   bool followedRecommendation, const QDate &closedOn)
{
    auto current = get(caseId);
    if (!current)
        return current.error();
    Case closed = *current;
    closed.status = CaseStatus::Closed;
    closed.outcome = outcome.trimmed();
    closed.outcomeFollowedRecommendation = followedRecommendation;
    closed.closedOn = closedOn;
    return save(closed);
}

Result<void> CaseRepository::validate(const Case &c, const Case *stored) const
{
    if (c.caseNumber.trimmed().isEmpty())
        return required(QT_TRANSLATE_NOOP("Repositories", "Enter the case number."), "case_number");
    if (c.court.trimmed().isEmpty())
        return required(QT_TRANSLATE_NOOP("Repositories", "Enter the court."), "court");
    if (!c.issuedOn.isValid())
        return required(QT_TRANSLATE_NOOP("Repositories", "Enter the date the case was issued."),
                        "issued_on");
    if (c.issuedOn > m_store.clock().today())
        return required(
            QT_TRANSLATE_NOOP("Repositories", "The issue date cannot be in the future."),
            "issued_on");
    if (c.status == CaseStatus::Closed) {
        if (c.outcome.trimmed().isEmpty())
            return required(
                QT_TRANSLATE_NOOP("Repositories", "Enter what the court ordered before closing."),
                "outcome");
        if (!c.outcomeFollowedRecommendation)
            return required(QT_TRANSLATE_NOOP("Repositories", "Say whether the order followed your "
                                                              "recommendation before closing."),
                            "outcome_followed_recommendation");
        if (!c.closedOn.isValid() || c.closedOn < c.issuedOn)
            return required(QT_TRANSLATE_NOOP("Repositories",
                                              "The closing date must be on or after the issue "
                                              "date."),
                            "closed_on");
    }
    const QUuid self = stored ? stored->meta.id : c.meta.id;
    auto same = where(QStringLiteral("case_number = ? AND id <> ?"),
                      {c.caseNumber.trimmed(), self.toString(QUuid::WithoutBraces)});
    if (!same)
        return same.error();
    if (!same->isEmpty())
        return makeError(ErrorCode::Duplicate,
                         tr("Case number %1 is already in your caseload. Check the number, or "
                            "open the existing case.")
                             .arg(c.caseNumber.trimmed()),
                         QStringLiteral("case_number"));
    return {};
}

Result<QList<Child>> ChildRepository::forCase(const QUuid &caseId) const
{
    return where(QStringLiteral("case_id = ?"), {fromId(caseId)}, QStringLiteral("date_of_birth"));
}

Result<void> ChildRepository::validate(const Child &c, const Child *) const
{
    if (c.legalName.trimmed().isEmpty())
        return required(QT_TRANSLATE_NOOP("Repositories", "Enter the child's name."), "legal_name");
    if (!c.dateOfBirth.isValid())
        return required(QT_TRANSLATE_NOOP("Repositories", "Enter the child's date of birth."),
                        "date_of_birth");
    if (c.dateOfBirth > m_store.clock().today())
        return required(
            QT_TRANSLATE_NOOP("Repositories", "The date of birth cannot be in the future."),
            "date_of_birth");
    if (c.dateOfBirth < m_store.clock().today().addYears(-19))
        return required(QT_TRANSLATE_NOOP("Repositories",
                                          "The date of birth makes this person an adult. Check "
                                          "the year."),
                        "date_of_birth");
    if (c.letterLanguage != QLatin1String("en") && c.letterLanguage != QLatin1String("cy"))
        return required(
            QT_TRANSLATE_NOOP("Repositories", "Letters can be written in English or Welsh."),
            "letter_language");
    if (auto owner = owningCase(m_store, c.caseId); !owner)
        return owner.error();
    return {};
}

Result<QList<Adult>> AdultRepository::forCase(const QUuid &caseId) const
{
    return where(QStringLiteral("case_id = ?"), {fromId(caseId)}, QStringLiteral("name"));
}

Result<QString> AdultRepository::revealAddress(const QUuid &adultId)
{
    auto adult = get(adultId);
    if (!adult)
        return adult.error();
    if (adult->addressConfidential) {
        const QString action = QStringLiteral("reveal_confidential_address");
        if (auto audited = m_store.audit(action, Table::Adults, adultId); !audited)
            return audited.error();
    }
    return adult->address;
}

Result<void> AdultRepository::validate(const Adult &a, const Adult *) const
{
    if (a.name.trimmed().isEmpty())
        return required(QT_TRANSLATE_NOOP("Repositories", "Enter the person's name."), "name");
    if (auto owner = owningCase(m_store, a.caseId); !owner)
        return owner.error();
    const ChildRepository children(m_store);
    for (const QUuid &childId : a.childIds) {
        auto child = children.get(childId);
        if (!child || child->caseId != a.caseId)
            return required(QT_TRANSLATE_NOOP("Repositories",
                                              "Link this person only to children of the same "
                                              "case."),
                            "child_ids");
    }
    return {};
}

Result<QList<Hearing>> HearingRepository::forCase(const QUuid &caseId) const
{
    return where(QStringLiteral("case_id = ?"), {fromId(caseId)}, QStringLiteral("starts_at"));
}

Result<void> HearingRepository::validate(const Hearing &h, const Hearing *) const
{
    if (!h.startsAt.isValid())
        return required(
            QT_TRANSLATE_NOOP("Repositories", "Enter the date and time of the hearing."),
            "starts_at");
    auto owner = owningCase(m_store, h.caseId);
    if (!owner)
        return owner.error();
    if (h.startsAt.toTimeZone(Clock::londonZone()).date() < owner->issuedOn)
        return makeError(ErrorCode::InvalidInput,
                         tr("The hearing is dated before the case was issued (%1). Check the "
                            "date.")
                             .arg(QLocale().toString(owner->issuedOn, QLocale::ShortFormat)),
                         QStringLiteral("starts_at"));
    if (h.filingDaysBefore && (*h.filingDaysBefore < 0 || *h.filingDaysBefore > 365))
        return required(QT_TRANSLATE_NOOP("Repositories",
                                          "The filing deadline must be between 0 and 365 days "
                                          "before the hearing."),
                        "filing_days_before");
    return {};
}

} // namespace lantern
