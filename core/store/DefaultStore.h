#pragma once

#include <QString>

namespace lantern {

// The store the app and lantern-cli use when no --store is given: lantern.db in the user's
// data folder (on Linux ~/.local/share/Lantern/). The folder is created when missing.
QString defaultStorePath();

} // namespace lantern
