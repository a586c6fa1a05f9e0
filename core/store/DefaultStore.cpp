#include "DefaultStore.h"

#include <QDir>
#include <QStandardPaths>

namespace lantern {

QString defaultStorePath()
{
    // Generic data location plus a fixed folder, so the app and lantern-cli agree whatever
    // application name each process sets.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                           QStringLiteral("/Lantern");
    QDir().mkpath(folder);
    return folder + QStringLiteral("/lantern.db");
}

} // namespace lantern
