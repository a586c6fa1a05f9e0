#include "LetterSafety.h"

#include "LetterDrafter.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextDocumentFragment>

namespace lantern {

namespace {

// Lower case, letters and digits only, single spaces: "12, Mill  Lane" -> "12 mill lane".
QString normalised(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = true;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            out.append(c.toLower());
            space = false;
        } else if (!space) {
            out.append(QLatin1Char(' '));
            space = true;
        }
    }
    return out.trimmed();
}

bool containsPhrase(const QString &haystack, const QString &needle)
{
    // Whole words only: " needle " inside " haystack ".
    return !needle.isEmpty() && (QLatin1Char(' ') + haystack + QLatin1Char(' '))
                                    .contains(QLatin1Char(' ') + needle + QLatin1Char(' '));
}

bool containsWordCaseSensitive(const QString &text, const QString &word)
{
    const QRegularExpression pattern(
        QStringLiteral("(?<![\\p{L}])%1(?![\\p{L}])").arg(QRegularExpression::escape(word)));
    return pattern.match(text).hasMatch();
}

} // namespace

QString LetterSafety::plainText(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

Result<QList<LetterProblem>> LetterSafety::check(Store &store, const Letter &letter)
{
    QList<LetterProblem> problems;
    const QString text = plainText(letter.bodyHtml);
    const QString flat = normalised(text);

    const QStringList missing = LetterDrafter::missingFields(text);
    if (!missing.isEmpty()) {
        QStringList described;
        for (const QString &field : missing)
            described.append(LetterDrafter::describeField(field));
        problems.append(
            {LetterProblem::MissingField, tr("Fill in what is still marked in brackets: %1.")
                                              .arg(described.join(QStringLiteral("; ")))});
    }
    if (text.contains(QLatin1String("{{")) || text.contains(QLatin1String("}}")))
        problems.append(
            {LetterProblem::MissingField, tr("The letter still has template braces {{ }} in it.")});

    auto adults = AdultRepository(store).forCase(letter.caseId);
    if (!adults)
        return adults.error();
    auto child = ChildRepository(store).get(letter.childId);
    const QString childSurname =
        child ? child->legalName.section(QLatin1Char(' '), -1).toLower() : QString();
    for (const Adult &adult : std::as_const(*adults)) {
        if (adult.addressConfidential && !adult.address.trimmed().isEmpty()) {
            const QString address = normalised(adult.address);
            const QString firstLine = normalised(adult.address.section(QLatin1Char(','), 0, 0));
            if (containsPhrase(flat, address) ||
                (firstLine.count(QLatin1Char(' ')) >= 1 && containsPhrase(flat, firstLine)))
                problems.append({LetterProblem::ConfidentialAddress,
                                 tr("The letter contains an address flagged confidential "
                                    "(%1's). Take it out before finalising.")
                                     .arg(adult.relationship.isEmpty() ? tr("an adult's")
                                                                       : adult.relationship)});
        }
        if (adult.childMustNotKnow && !adult.name.trimmed().isEmpty()) {
            const QStringList parts = adult.name.simplified().split(QLatin1Char(' '));
            bool named = containsPhrase(flat, normalised(adult.name));
            const QString first = parts.constFirst();
            if (first.size() >= 3 && containsWordCaseSensitive(text, first))
                named = true;
            const QString last = parts.constLast();
            if (parts.size() > 1 && last.size() >= 3 && last.toLower() != childSurname &&
                containsWordCaseSensitive(text, last))
                named = true;
            if (named)
                problems.append({LetterProblem::HiddenAdult,
                                 tr("The letter names someone the child must not be told "
                                    "about (%1). Take the name out.")
                                     .arg(adult.relationship.isEmpty() ? tr("an adult on this case")
                                                                       : adult.relationship)});
        }
    }

    // Runs of words copied from any of the case's notes.
    QSqlQuery query(store.database());
    query.prepare(
        QStringLiteral("SELECT r.body_text FROM note_revisions r JOIN notes n ON n.id = r.note_id"
                       " WHERE n.case_id = ? AND n.deleted_at IS NULL AND r.deleted_at IS NULL"));
    query.addBindValue(storeValue::fromId(letter.caseId));
    if (!query.exec())
        return store.sqlError(tr("check the letter against the notes"), query.lastError());
    const QStringList letterWords = flat.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QSet<QString> letterRuns;
    for (qsizetype i = 0; i + kNoteWordRun <= letterWords.size(); ++i)
        letterRuns.insert(letterWords.mid(i, kNoteWordRun).join(QLatin1Char(' ')));
    bool copied = false;
    while (!copied && query.next()) {
        const QStringList noteWords =
            normalised(query.value(0).toString()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i + kNoteWordRun <= noteWords.size(); ++i) {
            if (letterRuns.contains(noteWords.mid(i, kNoteWordRun).join(QLatin1Char(' ')))) {
                copied = true;
                break;
            }
        }
    }
    if (copied)
        problems.append({LetterProblem::NoteText,
                         tr("Part of the letter is copied from a case note. Notes are records "
                            "for the court: write to the child in your own words instead.")});
    return problems;
}

} // namespace lantern
