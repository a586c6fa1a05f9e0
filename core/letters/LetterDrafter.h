#pragma once

#include "Letter.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QVariant>

namespace lantern {

class Store;

// What a template is filled with: named values (plain text; the renderer escapes them),
// true/false sections, and the list of planned visits.
struct LetterFields
{
    QMap<QString, QString> values;
    QMap<QString, bool> sections;
    QList<QMap<QString, QString>> visits; // each: when, where, with
};

// Drafts letters: picks the template by the child's age band, the proceedings and the child's
// letter language, fills it from the store, and saves the draft. A value that is not known
// yet is written as a marker such as "[recommendation_reasons]", listed as missing and
// highlighted in the editor; finalising is refused while any marker is left.
class LetterDrafter
{
    Q_DECLARE_TR_FUNCTIONS(LetterDrafter)

public:
    static Result<Letter> draft(Store &store, const QUuid &childId, LetterKind kind);
    // The same letter, not saved (for a preview or `lantern-cli render-letter`).
    static Result<Letter> compose(Store &store, const QUuid &childId, LetterKind kind);
    // One letter for each child of the case, each personal.
    static Result<QList<Letter>> draftForCase(Store &store, const QUuid &caseId, LetterKind kind);

    static Result<LetterFields> fieldsFor(Store &store, const QUuid &childId, LetterKind kind);
    // Renders a Mustache template: values HTML-escaped, missing values as markers.
    static Result<QString> render(const QString &templateBody, const LetterFields &fields);
    // The fields still marked missing in a letter's text, in order, each once.
    static QStringList missingFields(const QString &text);
    // What a missing field means, for the FCA ("Why you recommended it").
    static QString describeField(const QString &field);
    static QString marker(const QString &field)
    {
        return QLatin1Char('[') + field + QLatin1Char(']');
    }
};

} // namespace lantern
