#pragma once

#include <QCoreApplication>
#include <QString>

namespace lantern {

// An estimate of how hard a letter is to read, as the age of a reader who would manage it.
// English: the Flesch–Kincaid grade (from words per sentence and syllables per word) plus 5.
// Welsh: the same formula with Welsh syllables (w and y are vowels; digraphs such as ae, oe,
// wy, aw count once), less a calibrated offset: a rough guide, as no Welsh formula is standard.
struct ReadingEstimate
{
    int words = 0;
    int sentences = 0;
    int syllables = 0;
    double readingAge = 0; // years
};

class Readability
{
    Q_DECLARE_TR_FUNCTIONS(Readability)

public:
    // Calibration for Welsh (see docs/letters.md).
    static constexpr double kWelshOffsetYears = 3.3;

    static ReadingEstimate estimate(const QString &plainText, const QString &language);
    static int syllablesIn(const QString &word, const QString &language);
    // Likely too hard: a reading age more than a year above the child's age (and any letter
    // to a child under 8 that needs a reader over 8).
    static bool tooHardFor(const ReadingEstimate &estimate, int childAge);
    // One line for the FCA: "Reading age about 9; Amelia is 8: about right."
    static QString describe(const ReadingEstimate &estimate, const QString &childName,
                            int childAge);
};

} // namespace lantern
