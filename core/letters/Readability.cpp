#include "Readability.h"

#include <QRegularExpression>

namespace lantern {

namespace {

bool isVowel(QChar c, bool welsh)
{
    static const QString english = QStringLiteral("aeiouy");
    static const QString cymraeg = QStringLiteral("aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ");
    return (welsh ? cymraeg : english).contains(c.toLower());
}

} // namespace

int Readability::syllablesIn(const QString &word, const QString &language)
{
    const bool welsh = language == QLatin1String("cy");
    const QString w = word.toLower();
    int count = 0;
    bool previousVowel = false;
    for (const QChar c : w) {
        const bool vowel = isVowel(c, welsh);
        if (vowel && !previousVowel)
            ++count; // a run of vowels (a diphthong such as ae, wy, ou) is one syllable
        previousVowel = vowel;
    }
    // English: a silent final e ("make", "little" keeps its -le).
    if (!welsh && w.size() > 2 && w.endsWith(QLatin1Char('e')) &&
        !w.endsWith(QLatin1String("le")) && count > 1)
        --count;
    return std::max(1, count);
}

ReadingEstimate Readability::estimate(const QString &plainText, const QString &language)
{
    ReadingEstimate e;
    static const QRegularExpression wordPattern(QStringLiteral("[\\p{L}'’]+"));
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?]+(\\s|$)|\\n\\s*\\n"));
    auto words = wordPattern.globalMatch(plainText);
    while (words.hasNext()) {
        const QString word = words.next().captured();
        ++e.words;
        e.syllables += syllablesIn(word, language);
    }
    auto ends = sentenceEnd.globalMatch(plainText.trimmed() + QLatin1Char('.'));
    while (ends.hasNext()) {
        ends.next();
        ++e.sentences;
    }
    if (e.words == 0)
        return e;
    e.sentences = std::max(1, e.sentences);
    const double grade =
        0.39 * double(e.words) / e.sentences + 11.8 * double(e.syllables) / e.words - 15.59;
    // Welsh words carry more syllables than English words of the same ease; the offset makes
    // the Welsh and English versions of Lantern's own 12 parallel letters agree on average.
    const double offset = language == QLatin1String("cy") ? kWelshOffsetYears : 0.0;
    e.readingAge = std::max(5.0, grade + 5.0 - offset);
    return e;
}

bool Readability::tooHardFor(const ReadingEstimate &estimate, int childAge)
{
    if (estimate.words == 0)
        return false;
    return estimate.readingAge > std::max(childAge, 6) + 1.0;
}

QString Readability::describe(const ReadingEstimate &estimate, const QString &childName,
                              int childAge)
{
    if (estimate.words == 0)
        return tr("No text yet.");
    const int age = int(estimate.readingAge + 0.5);
    if (tooHardFor(estimate, childAge))
        return tr("Reading age about %1; %2 is %3. This is likely too hard: try shorter "
                  "sentences and everyday words.")
            .arg(age)
            .arg(childName)
            .arg(childAge);
    return tr("Reading age about %1; %2 is %3: about right.").arg(age).arg(childName).arg(childAge);
}

} // namespace lantern
