#include "ServerCommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lantern-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANTERN_VERSION));
    QTextStream in(stdin);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const int code = lantern::server::runServerCommand(arguments, in, out, err);
    out.flush();
    err.flush();
    return code;
}
