// The desktop app: parse arguments, open the store, wire the main window, run.
#include "demo/DemoGenerator.h"
#include "dialogs/FirstRunDialog.h"
#include "domain/Clock.h"
#include "security/TokenVault.h"
#include "store/DefaultStore.h"
#include "store/Store.h"
#include "store/SyncJournal.h"
#include "sync/SyncController.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QThread>
#include <QTimer>
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

    // Sync runs on its own thread with its own connection to the store.
    sync::SyncController syncer(path, options.actor, clock);
    auto window = std::make_unique<MainWindow>(**store);
    window->setSync(&syncer);
    QPointer<MainWindow> shown = window.get();

    // Signed in before: the token comes from the keychain and sync starts. Without it (no
    // keychain, or nothing kept there), the FCA is asked for the password, the rest filled in.
    auto *startupVault = new TokenVault(&app);
    if (auto account = sync::readAccount(**store);
        account && account->server.isValid() && !account->user.isEmpty()) {
        const sync::SyncAccount known = *account;
        QObject::connect(startupVault, &TokenVault::tokenRead, &app,
                         [&syncer, known](const QString &token) {
                             sync::SyncAccount withToken = known;
                             withToken.token = token;
                             syncer.start(withToken);
                         });
        QObject::connect(startupVault, &TokenVault::tokenMissing, &app, [shown, known] {
            if (shown)
                shown->askToSignIn(known);
        });
        QObject::connect(startupVault, &TokenVault::failed, &app,
                         [shown, known](const QString &reason, bool) {
                             if (shown)
                                 shown->askToSignIn(known, reason);
                         });
        startupVault->read(known.server, known.user);
    }

    // This laptop was revoked with wipe: close everything on the store, remove its files and
    // the keychain entry, say why, and quit.
    std::function<void()> wipe = [&] {
        if (!store.value())
            return; // already done
        // The app quits once the FCA has read why, not when its windows close.
        QApplication::setQuitOnLastWindowClosed(false);
        // A dialog open over the window (its own event loop) closes first; the wipe runs once
        // the app is back in its main loop, so nothing still running holds the store.
        if (QWidget *modal = QApplication::activeModalWidget()) {
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            else
                modal->close();
        }
        if (QThread::currentThread()->loopLevel() > 1) {
            QTimer::singleShot(50, &app, wipe);
            return;
        }
        sync::SyncAccount known;
        if (auto account = sync::readAccount(**store))
            known = *account;
        startupVault->disconnect(&app);
        QApplication::closeAllWindows();
        window.reset();
        store.value().reset();
        const Result<void> wiped = SyncJournal::wipeFiles(path);
        const auto tell = [wiped] {
            const QString title = QApplication::translate("main", "Lantern");
            const QString why = QApplication::translate(
                "main", "This laptop was removed from Lantern by your service.");
            if (wiped.ok())
                QMessageBox::information(
                    nullptr, title,
                    why + QLatin1Char(' ') +
                        QApplication::translate(
                            "main", "Its copy of your caseload has been deleted from this "
                                    "computer. Nothing was lost on the server."));
            else
                QMessageBox::warning(
                    nullptr, title,
                    why + QLatin1Char(' ') + wiped.error().message + QLatin1Char(' ') +
                        QApplication::translate("main", "Nothing was lost on the server."));
            QApplication::quit();
        };
        if (known.user.isEmpty()) {
            tell();
            return;
        }
        auto *vault = new TokenVault(&app);
        vault->setTimeout(std::chrono::seconds(10));
        QObject::connect(vault, &TokenVault::tokenRemoved, &app, tell);
        QObject::connect(vault, &TokenVault::failed, &app, tell);
        vault->remove(known.server, known.user);
    };
    QObject::connect(&syncer, &sync::SyncController::wipeRequired, &app, [&] {
        if (window)
            window->hide();
        wipe();
    });

    window->show();
    window->reopenDrafts();
    return app.exec();
}
