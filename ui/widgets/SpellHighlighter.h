#pragma once

#include <QSyntaxHighlighter>

#include <memory>

namespace lantern {

class SpellChecker;

// Underlines misspelt words in a text document with a wavy red line.
class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    SpellHighlighter(std::shared_ptr<const SpellChecker> checker, QTextDocument *document);
    static QStringList wordsIn(const QString &text);

protected:
    void highlightBlock(const QString &text) override;

private:
    std::shared_ptr<const SpellChecker> m_checker;
};

} // namespace lantern
