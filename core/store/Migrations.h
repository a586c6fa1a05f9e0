#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace lantern {

// One cumulative step of the schema. Step N takes a store at user_version N-1 to N.
// Steps are only ever appended: a released step is never edited.
struct MigrationStep
{
    int version;
    QStringList statements;
};

const QList<MigrationStep> &migrationSteps();

} // namespace lantern
