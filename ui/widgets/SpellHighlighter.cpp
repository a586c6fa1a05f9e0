#include "SpellHighlighter.h"

#include "notes/SpellChecker.h"

#include <QRegularExpression>
#include <QTextCharFormat>

namespace lantern {

namespace {
const QRegularExpression &wordPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("[\\p{L}\\p{M}]+(?:['’][\\p{L}\\p{M}]+)*"),
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}
} // namespace

SpellHighlighter::SpellHighlighter(std::shared_ptr<const SpellChecker> checker,
                                   QTextDocument *document)
    : QSyntaxHighlighter(document), m_checker(std::move(checker))
{}

QStringList SpellHighlighter::wordsIn(const QString &text)
{
    QStringList words;
    auto it = wordPattern().globalMatch(text);
    while (it.hasNext())
        words.append(it.next().captured());
    return words;
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    if (!m_checker || !m_checker->isValid())
        return;
    QTextCharFormat misspelt;
    misspelt.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    misspelt.setUnderlineColor(QColor(0xc0, 0x39, 0x2b));
    auto it = wordPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        if (!m_checker->isCorrect(match.captured()))
            setFormat(int(match.capturedStart()), int(match.capturedLength()), misspelt);
    }
}

} // namespace lantern
