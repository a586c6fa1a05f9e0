#pragma once

#include <QStringList>
#include <QTextStream>

namespace lantern::server {

// lantern-server's command line: serve, and the administration commands that run against the
// same store a running server uses. Returns the process exit code: 0 done, 1 refused or
// failed (the reason on err), 2 wrong usage.
int runServerCommand(const QStringList &arguments, QTextStream &in, QTextStream &out,
                     QTextStream &err);

} // namespace lantern::server
