#include "LetterRepository.h"

#include "LetterPdf.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"

namespace lantern {

using namespace storeValue;

Result<QList<Letter>> LetterRepository::forCase(const QUuid &caseId) const
{
    return where(QStringLiteral("case_id = ?"), {fromId(caseId)});
}

Result<QList<Letter>> LetterRepository::forChild(const QUuid &childId) const
{
    return where(QStringLiteral("child_id = ?"), {fromId(childId)});
}

Result<Letter> LetterRepository::saveDraft(const QUuid &letterId, const QString &bodyHtml)
{
    auto found = get(letterId);
    if (!found)
        return found;
    if (found->isFinalised())
        return makeError(ErrorCode::Immutable,
                         tr("This letter is finalised and cannot change. To correct it, draft "
                            "a new letter."));
    Letter letter = *found;
    letter.bodyHtml = bodyHtml;
    return save(letter);
}

Result<QList<LetterProblem>> LetterRepository::problems(const QUuid &letterId)
{
    auto found = get(letterId);
    if (!found)
        return found.error();
    return LetterSafety::check(m_store, *found);
}

Result<Letter> LetterRepository::finalise(const QUuid &letterId)
{
    auto found = get(letterId);
    if (!found)
        return found;
    if (found->isFinalised())
        return makeError(ErrorCode::Immutable, tr("This letter is already finalised."));
    auto problems = LetterSafety::check(m_store, *found);
    if (!problems)
        return problems.error();
    if (!problems->isEmpty()) {
        QStringList reasons;
        for (const LetterProblem &problem : std::as_const(*problems))
            reasons.append(problem.message);
        return makeError(
            ErrorCode::InvalidInput,
            tr("This letter cannot be finalised yet: %1").arg(reasons.join(QLatin1Char(' '))),
            QStringLiteral("body_html"));
    }
    auto pdf = LetterPdf::render(m_store, *found);
    if (!pdf)
        return pdf.error();
    Letter letter = *found;
    letter.status = LetterStatus::Finalised;
    letter.finalisedAt = m_store.clock().nowUtc();
    letter.pdf = *pdf;
    return save(letter);
}

Result<Letter> LetterRepository::markSent(const QUuid &letterId, const QDate &sentOn,
                                          const QString &how)
{
    auto found = get(letterId);
    if (!found)
        return found;
    Letter letter = *found;
    letter.status = LetterStatus::Sent;
    letter.sentOn = sentOn;
    letter.sentHow = how;
    return save(letter);
}

Result<void> LetterRepository::validate(const Letter &letter, const Letter *stored) const
{
    auto owner = owningCase(m_store, letter.caseId);
    if (!owner)
        return owner.error();
    auto child = ChildRepository(m_store).get(letter.childId);
    if (!child || child->caseId != letter.caseId)
        return makeError(ErrorCode::InvalidInput, tr("Choose a child of this case."),
                         QStringLiteral("child_id"));
    if (letter.language != QLatin1String("en") && letter.language != QLatin1String("cy"))
        return makeError(ErrorCode::InvalidInput, tr("Letters are written in English or Welsh."),
                         QStringLiteral("language"));
    if (letter.status != LetterStatus::Draft && !letter.finalisedAt.isValid())
        return makeError(ErrorCode::InvalidInput,
                         tr("Finalise the letter before recording that it was sent."),
                         QStringLiteral("status"));
    if (letter.status == LetterStatus::Sent) {
        if (!letter.sentOn.isValid() || letter.sentOn > m_store.clock().today())
            return makeError(ErrorCode::InvalidInput,
                             tr("Enter the day the letter was sent (today or earlier)."),
                             QStringLiteral("sent_on"));
        if (!sendingMethods().contains(letter.sentHow))
            return makeError(ErrorCode::InvalidInput,
                             tr("Say how the letter was sent: by post, by hand or by email."),
                             QStringLiteral("sent_how"));
    }
    Q_UNUSED(stored);
    return {};
}

} // namespace lantern
