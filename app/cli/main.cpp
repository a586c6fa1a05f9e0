// lantern-cli: Lantern's store from the command line, for support staff and scripts.
//
// Exit codes (docs/cli.md): 0 done; 1 the store has problems (check); 2 wrong usage;
// 3 the store could not be opened or written (the message says why and what to do);
// 4 a sync did not finish (what was not sent still waits).
#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "domain/Labels.h"
#include "letters/LetterDrafter.h"
#include "letters/LetterPdf.h"
#include "schedule/IcsExport.h"
#include "security/TokenVault.h"
#include "store/DefaultStore.h"
#include "store/Store.h"
#include "store/SyncJournal.h"
#include "sync/SyncController.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHostInfo>
#include <QSaveFile>
#include <QTextStream>

#include <functional>

#include <unistd.h>

using namespace lantern;

namespace {

enum Exit
{
    Done = 0,
    Problems = 1,
    Usage = 2,
    StoreFailed = 3,
    SyncFailed = 4,
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("lantern-cli", text);
}

struct Command
{
    const char *name;
    const char *summary;
    std::function<int(const QStringList &arguments)> run;
};

const QCommandLineOption &storeOption()
{
    static const QCommandLineOption option(
        QStringLiteral("store"),
        tr("The Lantern store to use (default: the app's own store in your data folder)."),
        QStringLiteral("FILE"));
    return option;
}

// Parses a subcommand's options; on a mistake prints it with the usage and returns false.
bool parse(QCommandLineParser &parser, const QStringList &arguments, int &exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << "\n\n" << parser.helpText();
        exitCode = Usage;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        exitCode = Done;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst())
              << "\n\n"
              << parser.helpText();
        exitCode = Usage;
        return false;
    }
    return true;
}

QString storePath(const QCommandLineParser &parser)
{
    return parser.isSet(storeOption()) ? parser.value(storeOption()) : defaultStorePath();
}

int demo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Fills a store with a fictional demo caseload, dated relative to today."));
    parser.addOption(storeOption());
    const QCommandLineOption casesOption(QStringLiteral("cases"),
                                         tr("How many open cases to make (default 30)."),
                                         QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption notesOption(QStringLiteral("notes-per-child"),
                                         tr("Finalised notes per child (default 3)."),
                                         QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        tr("Seed for a different but repeatable caseload."),
                                        QStringLiteral("N"));
    parser.addOption(casesOption);
    parser.addOption(notesOption);
    parser.addOption(seedOption);
    int exitCode = Done;
    if (!parse(parser, arguments, exitCode))
        return exitCode;

    DemoOptions options;
    bool ok = false;
    options.cases = parser.value(casesOption).toInt(&ok);
    if (!ok || options.cases < 1 || options.cases > 100000) {
        err() << tr("--cases must be a whole number from 1 to 100000.") << "\n";
        return Usage;
    }
    options.notesPerChild = parser.value(notesOption).toInt(&ok);
    if (!ok || options.notesPerChild < 0 || options.notesPerChild > 1000) {
        err() << tr("--notes-per-child must be a whole number from 0 to 1000.") << "\n";
        return Usage;
    }
    if (parser.isSet(seedOption)) {
        options.seed = parser.value(seedOption).toUInt(&ok);
        if (!ok) {
            err() << tr("--seed must be a whole number.") << "\n";
            return Usage;
        }
    }
    const QString path = storePath(parser);
    SystemClock clock;
    StoreOptions storeOptions;
    storeOptions.actor = qEnvironmentVariable("USER", QStringLiteral("fca"));
    auto store = Store::open(path, clock, storeOptions);
    if (!store) {
        err() << store.error().message << "\n";
        return StoreFailed;
    }
    auto made = DemoGenerator::generate(**store, options);
    if (!made) {
        err() << made.error().message << "\n";
        return made.error().code == ErrorCode::Duplicate ? Usage : StoreFailed;
    }
    out() << tr("Demo caseload written to %1:").arg(QDir::toNativeSeparators(path)) << "\n"
          << tr("  %1 open and %2 closed cases, %3 children, %4 adults, %5 hearings,")
                 .arg(made->openCases)
                 .arg(made->closedCases)
                 .arg(made->children)
                 .arg(made->adults)
                 .arg(made->hearings)
          << "\n"
          << tr("  %1 visits, %2 notes, %3 letters.")
                 .arg(made->visits)
                 .arg(made->notes)
                 .arg(made->letters)
          << "\n";
    return Done;
}

int check(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Checks a store without changing it: its schema version and a full integrity "
           "check. Exit code 0 when healthy, 1 when problems were found, 3 when it cannot be "
           "read."));
    parser.addOption(storeOption());
    int exitCode = Done;
    if (!parse(parser, arguments, exitCode))
        return exitCode;

    const QString path = storePath(parser);
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    SystemClock clock;
    StoreOptions options;
    options.inspectOnly = true;
    auto store = Store::open(path, clock, options);
    if (!store) {
        err() << store.error().message << "\n";
        return StoreFailed;
    }
    const int version = (*store)->schemaVersion();
    if (version == 0) {
        err() << tr("%1 is an empty database, not a Lantern store.").arg(shown) << "\n";
        return StoreFailed;
    }
    auto problems = (*store)->integrityCheck();
    if (!problems) {
        err() << problems.error().message << "\n";
        return problems.error().code == ErrorCode::StoreCorrupt ? Problems : StoreFailed;
    }
    out() << tr("Store: %1").arg(shown) << "\n";
    out() << tr("Schema version: %1 (this Lantern: %2)")
                 .arg(version)
                 .arg(Store::latestSchemaVersion())
          << "\n";
    if (version < Store::latestSchemaVersion())
        out() << tr("It will be updated (after a backup) the next time Lantern opens it.") << "\n";
    if (!problems->isEmpty()) {
        out() << tr("Problems found:") << "\n";
        for (const QString &problem : std::as_const(*problems))
            out() << "  " << problem << "\n";
        out() << tr("Keep the file as it is and ask support to recover it.") << "\n";
        return Problems;
    }
    out() << tr("Integrity: ok") << "\n";
    return Done;
}

// A date option as yyyy-MM-dd; unset gives an invalid date. False (after saying why) when bad.
bool dateOption(const QCommandLineParser &parser, const QCommandLineOption &option, QDate &date)
{
    if (!parser.isSet(option))
        return true;
    const QString text = parser.value(option).trimmed();
    date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid()) {
        err() << tr("--%1 must be a date written YYYY-MM-DD, for example 2026-03-31 (got \"%2\").")
                     .arg(option.names().constFirst(), text)
              << "\n";
        return false;
    }
    return true;
}

int exportIcs(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes your visits to an iCalendar (.ics) file for a calendar app. Each event has "
           "the time, the kind of visit and the children's initials only: no names, places, "
           "addresses or notes. Cancelled visits are included as cancelled."));
    parser.addOption(storeOption());
    const QCommandLineOption outOption(QStringLiteral("out"), tr("The .ics file to write."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        tr("First day, YYYY-MM-DD (default: no limit)."),
                                        QStringLiteral("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      tr("Last day, YYYY-MM-DD (default: no limit)."),
                                      QStringLiteral("DATE"));
    parser.addOption(outOption);
    parser.addOption(fromOption);
    parser.addOption(toOption);
    int exitCode = Done;
    if (!parse(parser, arguments, exitCode))
        return exitCode;

    const QString outPath = parser.value(outOption).trimmed();
    if (outPath.isEmpty()) {
        err() << tr("Say where to write the calendar with --out FILE.") << "\n\n"
              << parser.helpText();
        return Usage;
    }
    QDate from;
    QDate to;
    if (!dateOption(parser, fromOption, from) || !dateOption(parser, toOption, to))
        return Usage;
    if (from.isValid() && to.isValid() && to < from) {
        err() << tr("--to (%1) is before --from (%2).")
                     .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate))
              << "\n";
        return Usage;
    }

    const QString path = storePath(parser);
    SystemClock clock;
    StoreOptions storeOptions;
    storeOptions.actor = qEnvironmentVariable("USER", QStringLiteral("fca"));
    storeOptions.createIfMissing = false;
    auto store = Store::open(path, clock, storeOptions);
    if (!store) {
        err() << store.error().message << "\n";
        return StoreFailed;
    }
    int written = 0;
    auto calendar = IcsExport::exportVisits(**store, from, to, &written);
    if (!calendar) {
        err() << calendar.error().message << "\n";
        return calendar.error().code == ErrorCode::InvalidInput ? Usage : StoreFailed;
    }
    const QString shownOut = QDir::toNativeSeparators(QFileInfo(outPath).absoluteFilePath());
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(*calendar) != calendar->size() ||
        !file.commit()) {
        err() << tr("Could not write %1: %2. Check the folder exists and you may write to it.")
                     .arg(shownOut, file.errorString())
              << "\n";
        return StoreFailed;
    }
    out() << QCoreApplication::translate("lantern-cli", "%n visit(s) written to %1.", nullptr,
                                         written)
                 .arg(shownOut)
          << "\n";
    return Done;
}

int renderLetter(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Renders a draft letter to a child as a PDF without saving a letter (the default "
           "templates are copied into the store on first use)."));
    parser.addOption(storeOption());
    const QCommandLineOption childOption(QStringLiteral("child"), tr("The child's id."),
                                         QStringLiteral("ID"));
    const QCommandLineOption kindOption(QStringLiteral("kind"), tr("introduction or goodbye."),
                                        QStringLiteral("KIND"));
    const QCommandLineOption outOption(QStringLiteral("out"), tr("The PDF file to write."),
                                       QStringLiteral("FILE"));
    parser.addOption(childOption);
    parser.addOption(kindOption);
    parser.addOption(outOption);
    int exitCode = Done;
    if (!parse(parser, arguments, exitCode))
        return exitCode;
    const QUuid childId = QUuid::fromString(parser.value(childOption));
    if (childId.isNull()) {
        err() << tr("--child must be a child's id (a UUID).") << "\n";
        return Usage;
    }
    const auto kind = fromCode<LetterKind>(parser.value(kindOption));
    if (!kind) {
        err() << tr("--kind must be introduction or goodbye.") << "\n";
        return Usage;
    }
    if (parser.value(outOption).isEmpty()) {
        err() << tr("--out FILE.pdf is required.") << "\n";
        return Usage;
    }
    SystemClock clock;
    StoreOptions options;
    options.createIfMissing = false;
    auto store = Store::open(storePath(parser), clock, options);
    if (!store) {
        err() << store.error().message << "\n";
        return StoreFailed;
    }
    auto letter = LetterDrafter::compose(**store, childId, *kind);
    if (!letter) {
        err() << letter.error().message << "\n";
        return letter.error().code == ErrorCode::NotFound ? Usage : StoreFailed;
    }
    auto pdf = LetterPdf::render(**store, *letter);
    QSaveFile file(parser.value(outOption));
    if (!pdf || !file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() ||
        !file.commit()) {
        err()
            << (pdf ? tr("Could not write %1: %2").arg(parser.value(outOption), file.errorString())
                    : pdf.error().message)
            << "\n";
        return StoreFailed;
    }
    const QStringList missing = LetterDrafter::missingFields(letter->bodyHtml);
    out() << tr("Draft letter written to %1.").arg(parser.value(outOption)) << "\n";
    if (!missing.isEmpty())
        out() << tr("Still to fill in before it can be finalised: %1")
                     .arg(missing.join(QStringLiteral(", ")))
              << "\n";
    return Done;
}

int syncCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs one sync of a store with lantern-server: sends the changes waiting in it, then "
           "brings down what changed on the server, and prints what moved. The password is read "
           "from standard input (one line), e.g. from a password manager; it is never stored. "
           "Without one, the app's sign-in for this server and user is taken from the keychain."));
    parser.addOption(storeOption());
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          tr("The server's address, e.g. https://lantern.example"),
                                          QStringLiteral("URL"));
    const QCommandLineOption userOption(QStringLiteral("user"), tr("Your user name."),
                                        QStringLiteral("NAME"));
    parser.addOption(serverOption);
    parser.addOption(userOption);
    int exitCode = Done;
    if (!parse(parser, arguments, exitCode))
        return exitCode;
    const QString user = parser.value(userOption).trimmed();
    if (!parser.isSet(serverOption) || user.isEmpty()) {
        err() << tr("Say which server and user with --server URL --user NAME.") << "\n\n"
              << parser.helpText();
        return Usage;
    }
    const Result<QUrl> address = sync::parseServerAddress(parser.value(serverOption));
    if (!address) {
        err() << address.error().message << "\n";
        return Usage;
    }
    const QUrl server = *address;
    // The password from standard input; without one, the app's token from the keychain.
    QString password;
    if (!isatty(fileno(stdin))) {
        QTextStream in(stdin);
        password = in.readLine();
    }
    QString token;
    if (password.isEmpty()) {
        TokenVault vault;
        vault.setTimeout(std::chrono::seconds(10));
        QEventLoop wait;
        QString why;
        QObject::connect(&vault, &TokenVault::tokenRead, &wait, [&](const QString &found) {
            token = found;
            wait.quit();
        });
        QObject::connect(&vault, &TokenVault::tokenMissing, &wait, &QEventLoop::quit);
        QObject::connect(&vault, &TokenVault::failed, &wait, [&](const QString &reason, bool) {
            why = reason;
            wait.quit();
        });
        vault.read(server, user);
        wait.exec();
        if (token.isEmpty()) {
            err() << tr("Give the password on standard input, e.g. "
                        "\"lantern-cli sync ... < password-file\"; there is no sign-in for this "
                        "server and user in the keychain.")
                  << (why.isEmpty() ? QString() : QStringLiteral(" ") + why) << "\n";
            return Usage;
        }
    }

    const QString path = storePath(parser);
    SystemClock clock;
    StoreOptions storeOptions;
    storeOptions.actor = user;
    std::unique_ptr<Store> store;
    const auto openStore = [&]() -> bool {
        auto opened = Store::open(path, clock, storeOptions);
        if (!opened) {
            err() << opened.error().message << "\n";
            return false;
        }
        store = std::move(opened).value();
        return true;
    };
    // A new laptop's store is made only once the server has let this user in.
    sync::SyncAccount account;
    if (QFileInfo::exists(path)) {
        if (!openStore())
            return StoreFailed;
        auto saved = sync::readAccount(*store);
        if (!saved) {
            err() << saved.error().message << "\n";
            return StoreFailed;
        }
        account = *saved;
    }
    sync::SyncClient client(server);
    if (!token.isEmpty()) {
        client.setToken(token); // the app's sign-in: used, and left signed in
    } else {
        const QString deviceId =
            account.server == server || account.server.isEmpty() ? account.deviceId : QString();
        auto signedIn = client.signIn(
            user, password, tr("lantern-cli on %1").arg(QHostInfo::localHostName()), deviceId);
        if (!signedIn.ok()) {
            err() << tr("Could not sign in: %1").arg(signedIn.failure.message) << "\n";
            return SyncFailed;
        }
        if (!store && !openStore())
            return StoreFailed;
        if (account.deviceId != signedIn.value->deviceId || account.server != server) {
            const sync::SyncAccount saved{server, user, signedIn.value->deviceId, {}};
            if (auto written = sync::writeAccount(*store, saved); !written) {
                err() << written.error().message << "\n";
                return StoreFailed;
            }
        }
    }
    if (!store && !openStore())
        return StoreFailed;

    sync::SyncEngine engine(*store, client);
    const sync::SyncRun run = engine.run();
    const sync::SyncCounts &counts = run.counts;
    out() << tr("Sent: %1 change(s), %2 with a conflict, %3 refused and kept aside.")
                 .arg(counts.pushed + counts.conflicts)
                 .arg(counts.conflicts)
                 .arg(counts.rejected)
          << "\n"
          << tr("Received: %1 record(s) (%2 kept with unsent changes on top); %3 case(s) removed.")
                 .arg(counts.pulled)
                 .arg(counts.merged)
                 .arg(counts.removedCases)
          << "\n"
          << tr("Now: %1 change(s) waiting, %2 conflict(s) to settle, %3 refused change(s) kept "
                "aside.")
                 .arg(counts.pending)
                 .arg(counts.openConflicts)
                 .arg(counts.rejectedWaiting)
          << "\n";
    if (run.ok) {
        if (token.isEmpty())
            client.signOut(); // this command's own sign-in ends with it
        return Done;
    }
    if (!run.storeError.isEmpty()) {
        err() << run.storeError << "\n";
        return StoreFailed;
    }
    err() << tr("Sync stopped: %1").arg(run.failure.message) << "\n";
    if (run.failure.kind == sync::SyncFailure::Kind::DeviceRevoked && run.failure.wipe) {
        store.reset();
        if (auto wiped = SyncJournal::wipeFiles(path); !wiped) {
            err() << wiped.error().message << "\n";
            return StoreFailed;
        }
        err() << tr("This device was revoked by your service and its store has been removed "
                    "from this computer. Nothing was lost on the server.")
              << "\n";
    } else if (run.failure.kind == sync::SyncFailure::Kind::UpgradeRequired) {
        err() << tr("Update Lantern to sync; everything in the store is kept.") << "\n";
    } else {
        err() << tr("Nothing was lost: what was not sent is still waiting; run sync again.")
              << "\n";
    }
    return SyncFailed;
}

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"demo", QT_TRANSLATE_NOOP("lantern-cli", "Fill a store with a fictional demo caseload."),
         demo},
        {"check", QT_TRANSLATE_NOOP("lantern-cli", "Check a store's health without changing it."),
         check},
        {"render-letter",
         QT_TRANSLATE_NOOP("lantern-cli", "Render a draft letter to a child as a PDF."),
         renderLetter},
        {"export-ics",
         QT_TRANSLATE_NOOP("lantern-cli", "Write your visits to an iCalendar (.ics) file."),
         exportIcs},
        {"sync", QT_TRANSLATE_NOOP("lantern-cli", "Run one sync with lantern-server."),
         syncCommand},
    };
    return list;
}

QString usage()
{
    QString text = tr("Usage: lantern-cli COMMAND [options]\n\nCommands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(command.name).leftJustified(14), tr(command.summary));
    text +=
        tr("\nEvery command takes --store FILE (default: the app's own store) and --help.\n"
           "Exit codes: 0 done, 1 problems found, 2 wrong usage, 3 store not usable, 4 sync did "
           "not finish.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    // Letters are laid out with QtGui's text engine: no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Lantern"));
    QCoreApplication::setApplicationName(QStringLiteral("lantern-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANTERN_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        err() << usage();
        return Usage;
    }
    const QString name = arguments.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") ||
        name == QLatin1String("help")) {
        out() << usage();
        return Done;
    }
    if (name == QLatin1String("--version")) {
        out() << "lantern-cli " << QCoreApplication::applicationVersion() << "\n";
        return Done;
    }
    for (const Command &command : commands()) {
        if (name == QLatin1String(command.name)) {
            arguments.removeAt(1);
            arguments[0] = QStringLiteral("lantern-cli %1").arg(name);
            return command.run(arguments);
        }
    }
    err() << tr("Unknown command: %1").arg(name) << "\n\n" << usage();
    return Usage;
}
