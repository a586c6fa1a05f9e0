#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

namespace lantern {

class Store;

struct DemoOptions
{
    int cases = 30;          // open cases; about one closed case is added for every six open
    quint32 seed = 20261123; // the same seed, day and options give the same caseload
    QString fca;             // the FCA the cases are allocated to (empty: the store's actor)
    int notesPerChild = 3;   // finalised case notes per child (0 for none)
    bool visits = true;      // past and planned visits
    bool letters = true;     // introduction letters for most children
};

struct DemoSummary
{
    int openCases = 0;
    int closedCases = 0;
    int children = 0;
    int adults = 0;
    int hearings = 0;
    int visits = 0;
    int notes = 0;
    int letters = 0;
};

// Makes a realistic, entirely fictional caseload of a working FCA, dated relative to the
// store's clock so that it looks current on whichever day it is made: public and private law
// mixed, children of all ages (some writing in Welsh), parents and other adults (some with
// domestic abuse flags and confidential addresses), hearings past and to come, a few cases
// past 26 and 52 weeks, visits, notes and letters.
//
// Deterministic: record ids are name-based (UUID v5 from the seed and a counter) and every
// choice comes from one seeded generator, so the same options on the same day give the same
// records. Everything goes through the store's write path in one transaction: on any error
// nothing is written.
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)

public:
    static Result<DemoSummary> generate(Store &store, const DemoOptions &options = {});
};

} // namespace lantern
