#pragma once

#include "Letter.h"
#include "LetterSafety.h"
#include "store/RecordRepository.h"

namespace lantern {

// Letters: drafts that change, then finalised for good (exact text, template version, PDF),
// then sent. A correction to a finalised letter is a new letter.
class LetterRepository : public RecordRepository<Letter>
{
    Q_DECLARE_TR_FUNCTIONS(LetterRepository)

public:
    using RecordRepository::RecordRepository;

    Result<QList<Letter>> forCase(const QUuid &caseId) const;
    Result<QList<Letter>> forChild(const QUuid &childId) const;
    // Saves the draft's text as the FCA edits it.
    Result<Letter> saveDraft(const QUuid &letterId, const QString &bodyHtml);
    // Runs the safety checks on the final text and, when there is no problem, locks the
    // letter with its PDF. Otherwise nothing changes and the problems say why.
    Result<Letter> finalise(const QUuid &letterId);
    // The problems that would stop finalise() now (empty: it can be finalised).
    Result<QList<LetterProblem>> problems(const QUuid &letterId);
    // Records how and when a finalised letter was sent (post, hand or email).
    Result<Letter> markSent(const QUuid &letterId, const QDate &sentOn, const QString &how);

    static QStringList sendingMethods()
    {
        return {QStringLiteral("post"), QStringLiteral("hand"), QStringLiteral("email")};
    }

protected:
    Result<void> validate(const Letter &letter, const Letter *stored) const override;
};

} // namespace lantern
