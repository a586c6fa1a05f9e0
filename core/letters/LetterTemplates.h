#pragma once

#include "Letter.h"
#include "domain/Result.h"

#include <QCoreApplication>

namespace lantern {

class Store;

// The templates letters are drafted from. Defaults ship in resources/letters/ (one per kind,
// age band, law and language) and are copied into the store, versioned, so a letter records
// the exact template it came from and later versions never change it.
class LetterTemplates
{
    Q_DECLARE_TR_FUNCTIONS(LetterTemplates)

public:
    // The version of the templates shipped with this build.
    static constexpr int kDefaultVersion = 1;

    // Copies any shipped template the store does not hold yet (at this version). Returns
    // how many were added.
    static Result<int> installDefaults(Store &store);
    // The newest template for a letter (installing the defaults first if need be).
    static Result<LetterTemplate> choose(Store &store, LetterKind kind, AgeBand band,
                                         bool publicLaw, const QString &language);
    // ":/letters/introduction-8to12-public-cy.mustache"
    static QString resourcePath(LetterKind kind, AgeBand band, bool publicLaw,
                                const QString &language);
};

} // namespace lantern
