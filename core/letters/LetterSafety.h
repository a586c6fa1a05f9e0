#pragma once

#include "Letter.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>

namespace lantern {

class Store;

struct LetterProblem
{
    enum Kind
    {
        MissingField,        // a "[field]" marker or template braces are left
        ConfidentialAddress, // an address flagged confidential
        HiddenAdult,         // the name of an adult the child must not be told about
        NoteText,            // words copied from a case note
    };
    Kind kind;
    QString message; // translated; says what was found without repeating it in full
};

// The checks that block finalising. They run on the letter's final text, whatever the
// template said, since the FCA may have typed anything into the draft.
class LetterSafety
{
    Q_DECLARE_TR_FUNCTIONS(LetterSafety)

public:
    // Copied words from a note: this many in a row is a problem.
    static constexpr int kNoteWordRun = 8;

    static Result<QList<LetterProblem>> check(Store &store, const Letter &letter);
    // The letter's words as plain text (tags dropped, entities decoded).
    static QString plainText(const QString &html);
};

} // namespace lantern
