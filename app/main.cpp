// The desktop app: parse arguments, open the store, wire the main window, run.
#include "domain/Clock.h"
#include "store/Store.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTranslator>

using namespace lantern;

namespace {

void installTranslators(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("lantern"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Lantern"));
    QApplication::setApplicationName(QStringLiteral("Lantern"));
    QApplication::setApplicationVersion(QStringLiteral(LANTERN_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("Lantern"));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Lantern: caseload, notes, visits and letters for family "
                                        "court advisers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        QApplication::translate("main", "Open the store in FILE instead of the default one."),
        QStringLiteral("FILE"));
    parser.addOption(storeOption);
    parser.process(app);

    const QString path = parser.isSet(storeOption)
                             ? parser.value(storeOption)
                             : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                   QStringLiteral("/lantern.db");
    SystemClock clock;
    StoreOptions options;
    options.actor = qEnvironmentVariable("USER", QStringLiteral("fca"));
    auto store = Store::open(path, clock, options);
    if (!store) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Lantern cannot start"),
                              store.error().message);
        return 1;
    }

    MainWindow window(**store);
    window.show();
    return app.exec();
}
