#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace lantern {

// Spelling with the system's hunspell dictionaries (en_GB, cy when installed).
class SpellChecker
{
public:
    // Loads the dictionary for a language such as "en_GB" or "cy_GB"; isValid() says if found.
    explicit SpellChecker(const QString &language);
    ~SpellChecker();
    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;

    bool isValid() const;
    QString language() const { return m_language; }
    bool isCorrect(const QString &word) const;
    QStringList suggestions(const QString &word, int max = 6) const;

    // The dictionaries installed on this machine, e.g. {"en_GB", "cy_GB"}.
    static QStringList availableLanguages();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    QString m_language;
};

} // namespace lantern
