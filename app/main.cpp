// The desktop app: parse arguments, open the store, wire the main window, run.
#include "demo/DemoGenerator.h"
#include "dialogs/FirstRunDialog.h"
#include "domain/Clock.h"
#include "store/DefaultStore.h"
#include "store/Store.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

using namespace lantern;

namespace {

void installTranslators(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    // Lantern's own strings: Welsh or British English; any other language gets British
    // English, whose counts read naturally ("1 case", "3 cases").
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("lantern"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")) ||
        own->load(QStringLiteral(":/i18n/lantern_en_GB")))
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
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main", "Create a demo caseload without asking when the store "
                                        "is new."));
    parser.addOption(storeOption);
    parser.addOption(demoOption);
    parser.process(app);

    const QString path = parser.isSet(storeOption) ? parser.value(storeOption) : defaultStorePath();
    const bool isNew = !QFileInfo::exists(path) || QFileInfo(path).size() == 0;
    FirstRunDialog::Choice choice = FirstRunDialog::Choice::EmptyCaseload;
    if (isNew)
        choice = parser.isSet(demoOption) ? FirstRunDialog::Choice::DemoCaseload
                                          : FirstRunDialog::ask(path);
    if (choice == FirstRunDialog::Choice::Quit)
        return 0;

    SystemClock clock;
    StoreOptions options;
    options.actor = qEnvironmentVariable("USER", QStringLiteral("fca"));
    auto store = Store::open(path, clock, options);
    if (!store) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Lantern cannot start"),
                              store.error().message);
        return 1;
    }
    if (choice == FirstRunDialog::Choice::DemoCaseload) {
        DemoOptions demo;
        demo.fca = options.actor;
        if (auto made = DemoGenerator::generate(**store, demo); !made)
            QMessageBox::warning(nullptr,
                                 QApplication::translate("main", "Demo caseload not created"),
                                 made.error().message);
    }

    MainWindow window(**store);
    window.show();
    window.reopenDrafts();
    return app.exec();
}
