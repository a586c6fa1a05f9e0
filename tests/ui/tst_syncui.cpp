// The FCA's side of laptop sync: the status line's words for each state, the sync panel's lists
// of what waits and what the server refused (with case numbers), sign-out refused while work
// waits, sign-in keeping what was typed, the caseload's "not yet sent" mark, and the keychain
// saying plainly when there is none. Set LANTERN_SCREENSHOTS=DIR to keep pictures of the screens.
#include "demo/DemoGenerator.h"
#include "dialogs/SignInDialog.h"
#include "dialogs/SyncPanel.h"
#include "domain/Clock.h"
#include "models/CaseloadModel.h"
#include "security/TokenVault.h"
#include "store/CaseloadQuery.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"
#include "store/SyncJournal.h"
#include "sync/SyncController.h"
#include "widgets/CaseloadView.h"
#include "widgets/MainWindow.h"
#include "widgets/SyncStatusLine.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

#include "ScreenshotSupport.h"

using namespace lantern;
using sync::SyncState;
using sync::SyncStatus;

namespace {

QDateTime utc(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC);
}

SyncStatus statusOf(SyncState state, int pending = 0, int conflicts = 0)
{
    SyncStatus status;
    status.state = state;
    status.pending = pending;
    status.openConflicts = conflicts;
    status.user = QStringLiteral("asha");
    status.server = QUrl(QStringLiteral("https://lantern.cafcass.example"));
    return status;
}

QTreeWidgetItem *findRow(QTreeWidget *list, int column, const QString &text)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(column) == text)
            return list->topLevelItem(i);
    return nullptr;
}

} // namespace

class TestSyncUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // As on a CI machine: no desktop session, so no secret service to keep tokens in.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY2(m_english.load(QStringLiteral(LANTERN_QM_DIR "/lantern_en_GB.qm")),
                 "the en_GB translation was not built");
        QCoreApplication::installTranslator(&m_english);

        QVERIFY(m_dir.isValid());
        StoreOptions options;
        options.actor = QStringLiteral("asha");
        auto store = Store::open(m_dir.filePath(QStringLiteral("sync.db")), m_clock, options);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store).value();
        DemoOptions demo;
        demo.cases = 8;
        auto made = DemoGenerator::generate(*m_store, demo);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));

        // As after a first sync: everything the demo made has reached the server.
        SyncJournal journal(*m_store);
        auto sent = journal.pending();
        QVERIFY(sent);
        QList<std::pair<QString, qint64>> taken;
        for (const OutboxEntry &entry : std::as_const(*sent))
            taken.append({entry.mutationId, 1});
        QVERIFY(journal.markSent(taken));
        QCOMPARE(*journal.pendingCount(), 0);

        auto open = CaseRepository(*m_store).open();
        QVERIFY(open && open->size() >= 3);
        m_waitingCase = open->at(0);
        m_refusedCase = open->at(1);
        m_quietCase = open->at(2);

        // One change waits: a child's school, changed through the store's write path.
        auto children = ChildRepository(*m_store).forCase(m_waitingCase.meta.id);
        QVERIFY(children && !children->isEmpty());
        QVERIFY(m_store->update(Table::Children, children->constFirst().meta.id,
                                {{QStringLiteral("school"), QStringLiteral("Ysgol y Graig")}}));
        // Another change the server refused: kept aside with its reason.
        QVERIFY(m_store->update(Table::Cases, m_refusedCase.meta.id,
                                {{QStringLiteral("court"), QStringLiteral("Swansea")}}));
        auto pending = journal.pending();
        QVERIFY(pending && pending->size() == 2);
        const auto refused = std::find_if(pending->cbegin(), pending->cend(), [](const auto &e) {
            return e.table == QLatin1String("cases");
        });
        QVERIFY(refused != pending->cend());
        QVERIFY(journal.setAside(refused->mutationId,
                                 QStringLiteral("This case is no longer allocated to you.")));
        QCOMPARE(*journal.pendingCount(), 1);
    }

    void statusLineSaysWhereSyncStands_data()
    {
        QTest::addColumn<SyncStatus>("status");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("attention");

        QTest::newRow("signed out") << SyncStatus() << QStringLiteral("Sign in to sync") << false;
        SyncStatus offline = statusOf(SyncState::Offline, 3);
        offline.since = utc(23, 10, 42);
        QTest::newRow("offline, work waiting")
            << offline << QStringLiteral("Offline since 10:42 · 3 changes waiting") << false;
        offline.pending = 1;
        QTest::newRow("offline, one waiting")
            << offline << QStringLiteral("Offline since 10:42 · 1 change waiting") << false;
        offline.pending = 0;
        offline.since = utc(22, 17, 10);
        QTest::newRow("offline since yesterday")
            << offline << QStringLiteral("Offline since yesterday 17:10") << false;
        QTest::newRow("syncing") << statusOf(SyncState::Syncing, 3) << QStringLiteral("Syncing…")
                                 << false;
        SyncStatus upToDate = statusOf(SyncState::UpToDate);
        upToDate.since = utc(23, 14, 5);
        upToDate.lastSuccess = upToDate.since;
        QTest::newRow("up to date") << upToDate << QStringLiteral("Up to date at 14:05") << false;
        upToDate.since = utc(22, 17, 10);
        QTest::newRow("up to date yesterday")
            << upToDate << QStringLiteral("Up to date as of yesterday 17:10") << false;
        QTest::newRow("waiting") << statusOf(SyncState::Waiting, 3)
                                 << QStringLiteral("3 changes waiting") << false;
        SyncStatus problem = statusOf(SyncState::Problem, 2);
        problem.problem = QStringLiteral("The server could not take the changes just now.");
        QTest::newRow("problem") << problem << QStringLiteral("A problem with sync: click to see")
                                 << true;
        QTest::newRow("sign in again")
            << statusOf(SyncState::SignInNeeded, 2)
            << QStringLiteral("Sign in again to sync; your work is kept") << true;
        QTest::newRow("update needed")
            << statusOf(SyncState::UpdateRequired, 2)
            << QStringLiteral("Lantern needs updating to sync; your work is kept") << true;
        QTest::newRow("conflicts") << statusOf(SyncState::UpToDate, 0, 2)
                                   << QStringLiteral("2 conflicts to settle") << true;
        QTest::newRow("waiting and a conflict")
            << statusOf(SyncState::Waiting, 3, 1)
            << QStringLiteral("3 changes waiting · 1 conflict to settle") << true;
        SyncStatus refused = statusOf(SyncState::Waiting, 1);
        refused.rejected = 1;
        QTest::newRow("refused kept aside")
            << refused << QStringLiteral("1 change waiting · 1 change kept aside") << true;
    }

    void statusLineSaysWhereSyncStands()
    {
        QFETCH(SyncStatus, status);
        QFETCH(QString, text);
        QFETCH(bool, attention);
        SyncStatusLine line(m_clock);
        line.setStatus(status); // what SyncController::statusChanged is connected to
        QCOMPARE(line.text(), text);
        QCOMPARE(SyncStatusLine::needsAttention(status), attention);
        QVERIFY(!line.toolTip().isEmpty());
        if (!status.problem.isEmpty())
            QVERIFY(line.toolTip().contains(status.problem));
        QVERIFY(!line.text().contains(QLatin1String("(s)")));
    }

    void mainWindowShowsTheLineAndOpensThePanel()
    {
        QTemporaryDir other;
        sync::SyncController controller(other.filePath(QStringLiteral("idle.db")),
                                        QStringLiteral("asha"), m_clock);
        MainWindow window(*m_store);
        window.setSync(&controller);
        window.resize(1440, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SyncStatusLine *line = window.syncStatusLine();
        QVERIFY(line && line->isVisible());
        QCOMPARE(line->text(), QStringLiteral("Sign in to sync"));

        SyncStatus offline = statusOf(SyncState::Offline, 3);
        offline.since = utc(23, 10, 42);
        offline.lastSuccess = utc(23, 9, 15);
        emit controller.statusChanged(offline);
        QCOMPARE(line->text(), QStringLiteral("Offline since 10:42 · 3 changes waiting"));
        window.showCaseload();
        QVERIFY(testsupport::saveScreenshot(window, QStringLiteral("sync-status-line")));

        // The Sync menu has Sync now on F5.
        QAction *syncNow = nullptr;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->menu())
                for (QAction *action : menu->menu()->actions())
                    if (action->shortcut() == QKeySequence(Qt::Key_F5))
                        syncNow = action;
        QVERIFY(syncNow);
        QVERIFY(syncNow->isEnabled());

        QVERIFY(!window.syncPanel()->isVisible());
        QTest::mouseClick(line, Qt::LeftButton);
        QTRY_VERIFY(window.syncPanel()->isVisible());
        QCOMPARE(window.syncPanel()->stateLabel()->text(), line->text());
    }

    void panelListsWaitingAndRefusedChanges()
    {
        QTemporaryDir other;
        sync::SyncController controller(other.filePath(QStringLiteral("idle.db")),
                                        QStringLiteral("asha"), m_clock);
        SyncPanel panel(*m_store, controller);
        SyncStatus status = statusOf(SyncState::Waiting, 1);
        status.rejected = 1;
        status.openConflicts = 2;
        status.lastSuccess = utc(23, 9, 15);
        status.lastRun.pushed = 4;
        status.lastRun.pulled = 12;
        emit controller.statusChanged(status);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        QVERIFY(panel.accountLabel()->text().contains(QLatin1String("asha")));
        QVERIFY(panel.accountLabel()->text().contains(QLatin1String("lantern.cafcass.example")));
        QCOMPARE(panel.lastSyncLabel()->text(),
                 QStringLiteral("Last synced 09:15: 4 changes sent, 12 records received."));

        QTreeWidget *waiting = panel.waitingList();
        QVERIFY(waiting->isVisible());
        QCOMPARE(waiting->topLevelItemCount(), 1);
        QTreeWidgetItem *child = waiting->topLevelItem(0);
        QCOMPARE(child->text(0), QStringLiteral("Child"));
        QCOMPARE(child->text(1), QStringLiteral("changed"));
        QCOMPARE(child->text(2), QStringLiteral("14:05")); // the clock's "now", today
        QCOMPARE(child->text(3), m_waitingCase.caseNumber);

        QTreeWidget *refused = panel.refusedList();
        QVERIFY(refused->isVisible());
        QTreeWidgetItem *row = findRow(refused, 3, m_refusedCase.caseNumber);
        QVERIFY(row);
        QCOMPARE(row->text(0), QStringLiteral("Case"));
        QCOMPARE(row->text(4), QStringLiteral("This case is no longer allocated to you."));
        QVERIFY(!findRow(refused, 3, m_waitingCase.caseNumber));
        QVERIFY(!findRow(waiting, 3, m_refusedCase.caseNumber));

        // Conflicts: counted, and the button asks for the conflicts dialog.
        QVERIFY(panel.conflictsLabel()->text().startsWith(QLatin1String("2 conflicts to settle")));
        QVERIFY(panel.openConflictsButton()->isVisible());
        QSignalSpy conflicts(&panel, &SyncPanel::openConflictsRequested);
        QTest::mouseClick(panel.openConflictsButton(), Qt::LeftButton);
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(panel.syncNowButton()->shortcut(), QKeySequence(Qt::Key_F5));
        QVERIFY(testsupport::saveScreenshot(panel, QStringLiteral("sync-panel")));
    }

    void signOutIsRefusedWhileWorkWaits()
    {
        // The real controller on this store: it counts what waits and refuses to sign out.
        sync::SyncController controller(m_store->path(), QStringLiteral("asha"), m_clock);
        QTRY_COMPARE(controller.status().pending, 1);
        SyncPanel panel(*m_store, controller);
        emit controller.statusChanged(statusOf(SyncState::Waiting, 1));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.signOutButton()->isVisible());
        QVERIFY(!panel.signOutRefusalLabel()->isVisible());

        QSignalSpy refused(&controller, &sync::SyncController::signOutRefused);
        QSignalSpy signedOut(&controller, &sync::SyncController::signedOut);
        QTest::mouseClick(panel.signOutButton(), Qt::LeftButton);
        QTRY_COMPARE(refused.size(), 1);
        QCOMPARE(signedOut.size(), 0);
        QTRY_VERIFY(panel.signOutRefusalLabel()->isVisible());
        const QString reason = refused.at(0).at(0).toString();
        QVERIFY(!reason.isEmpty());
        QCOMPARE(panel.signOutRefusalLabel()->text(), reason);
        QVERIFY(reason.contains(QLatin1String("1 change has not reached the server")));
        QVERIFY(panel.refusalSyncNowButton()->isVisible());
        QVERIFY(testsupport::saveScreenshot(panel, QStringLiteral("sync-panel-sign-out-refused")));
    }

    void caseloadMarksCasesWithUnsentWork()
    {
        QTemporaryDir other;
        sync::SyncController controller(other.filePath(QStringLiteral("idle.db")),
                                        QStringLiteral("asha"), m_clock);
        MainWindow window(*m_store);
        window.setSync(&controller);
        emit controller.statusChanged(statusOf(SyncState::Waiting, 1));

        QAbstractItemModel *model = window.caseloadView()->table()->model();
        QHash<QUuid, QModelIndex> numbers;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, CaseloadModel::CaseNumber);
            numbers.insert(index.data(CaseloadModel::CaseIdRole).toUuid(), index);
        }
        QVERIFY(numbers.size() >= 3);
        const qint64 arrow =
            numbers.value(m_waitingCase.meta.id).data(Qt::DecorationRole).value<QIcon>().cacheKey();
        QVERIFY(
            !numbers.value(m_waitingCase.meta.id).data(Qt::DecorationRole).value<QIcon>().isNull());
        for (const Case &marked : {m_waitingCase, m_refusedCase}) {
            const QModelIndex index = numbers.value(marked.meta.id);
            QVERIFY(index.isValid());
            QVERIFY(index.data(CaseloadModel::UnsentRole).toBool());
            QCOMPARE(index.data(Qt::DecorationRole).value<QIcon>().cacheKey(), arrow);
            QVERIFY(
                index.data(Qt::ToolTipRole).toString().startsWith(QLatin1String("Not yet sent")));
            QCOMPARE(index.data().toString(), marked.caseNumber); // the number itself unchanged
        }
        int unmarked = 0;
        for (auto it = numbers.cbegin(); it != numbers.cend(); ++it) {
            if (it.key() == m_waitingCase.meta.id || it.key() == m_refusedCase.meta.id)
                continue;
            QVERIFY(!it->data(CaseloadModel::UnsentRole).toBool());
            // No arrow (a blank of the same size keeps the numbers in line), no tooltip.
            QVERIFY(it->data(Qt::DecorationRole).value<QIcon>().cacheKey() != arrow);
            QVERIFY(it->data(Qt::ToolTipRole).toString().isEmpty());
            ++unmarked;
        }
        QVERIFY(unmarked >= 1);
        QVERIFY(!numbers.value(m_quietCase.meta.id).data(CaseloadModel::UnsentRole).toBool());

        // Signed out, the mark is not shown: before a first sign-in every case would carry it.
        emit controller.statusChanged(SyncStatus());
        QVERIFY(!numbers.value(m_waitingCase.meta.id).data(CaseloadModel::UnsentRole).toBool());
        QVERIFY(numbers.value(m_waitingCase.meta.id).data(Qt::DecorationRole).isNull());
    }

    void caseloadModelWithMarksPassesTheTester()
    {
        auto rows = CaseloadQuery(*m_store).rows();
        QVERIFY(rows);
        CaseloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(*rows, m_clock.today());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setUnsentCases({m_waitingCase.meta.id});
        QCOMPARE(changed.size(), 1);
        model.setUnsentCases({m_waitingCase.meta.id}); // the same: nothing to repaint
        QCOMPARE(changed.size(), 1);
    }

    void signInKeepsWhatWasTypedWhenRefused()
    {
        QTemporaryDir other;
        sync::SyncController controller(other.filePath(QStringLiteral("idle.db")),
                                        QStringLiteral("asha"), m_clock);
        TokenVault vault;
        SignInDialog dialog(controller, vault);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.passwordEdit()->echoMode(), QLineEdit::Password);

        // Plain http to a server elsewhere is refused before anything is sent.
        QTest::keyClicks(dialog.serverEdit(), QStringLiteral("http://lantern.cafcass.example"));
        QTest::keyClicks(dialog.userEdit(), QStringLiteral("asha"));
        QTest::keyClicks(dialog.passwordEdit(), QStringLiteral("correct horse"));
        QSignalSpy failed(&controller, &sync::SyncController::signInFailed);
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.messageLabel()->text().contains(QLatin1String("https://")));

        // Nothing listens on this port: the server's refusal comes back into the dialog.
        dialog.serverEdit()->clear();
        QTest::keyClicks(dialog.serverEdit(), QStringLiteral("http://127.0.0.1:9"));
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
        QVERIFY(dialog.isBusy());
        QVERIFY(!dialog.signInButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 35000);
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.messageLabel()->text(), failed.at(0).at(0).toString());
        QCOMPARE(dialog.serverEdit()->text(), QStringLiteral("http://127.0.0.1:9"));
        QCOMPARE(dialog.userEdit()->text(), QStringLiteral("asha"));
        QVERIFY(dialog.passwordEdit()->text().isEmpty());
        QVERIFY(dialog.signInButton()->isEnabled());
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("sign-in-refused")));
    }

    void signInWithoutKeychainStillSignsInAndSaysWhy()
    {
        QTemporaryDir other;
        sync::SyncController controller(other.filePath(QStringLiteral("idle.db")),
                                        QStringLiteral("asha"), m_clock);
        TokenVault vault;
        vault.setTimeout(std::chrono::seconds(10));
        SignInDialog dialog(controller, vault);
        dialog.prefill(QUrl(QStringLiteral("http://127.0.0.1:9")), QStringLiteral("asha"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.passwordEdit(), QStringLiteral("correct horse"));
        QSignalSpy ready(&dialog, &SignInDialog::accountReady);
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
        QVERIFY(dialog.isBusy());
        // The server says yes (as SyncController does once the sign-in has gone through).
        sync::SyncAccount account{QUrl(QStringLiteral("http://127.0.0.1:9")),
                                  QStringLiteral("asha"), QStringLiteral("device-1"),
                                  QStringLiteral("secret-token-123")};
        emit controller.signedIn(account);
        QVERIFY(dialog.passwordEdit()->text().isEmpty());
        // No keychain here: it says so, once, and goes on signed in.
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.messageLabel()->text().contains(TokenVault::noKeychainMessage()), 15000);
        QVERIFY(dialog.explainedNoKeychain());
        QVERIFY(!dialog.isBusy());
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("sign-in-no-keychain")));
        QCOMPARE(ready.size(), 0);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QTRY_COMPARE(ready.size(), 1);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.account().token, QStringLiteral("secret-token-123"));
        assertTokenNotInSettings(account.token);
    }

    void vaultSaysNoKeychainRatherThanHanging()
    {
        TokenVault vault;
        vault.setTimeout(std::chrono::seconds(10));
        QSignalSpy failed(&vault, &TokenVault::failed);
        QSignalSpy read(&vault, &TokenVault::tokenRead);
        QSignalSpy missing(&vault, &TokenVault::tokenMissing);
        QSignalSpy stored(&vault, &TokenVault::tokenStored);
        const QUrl server(QStringLiteral("https://lantern.cafcass.example"));

        vault.read(server, QStringLiteral("asha"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
        QCOMPARE(read.size() + missing.size(), 0);
        QCOMPARE(failed.at(0).at(0).toString(), TokenVault::noKeychainMessage());
        QCOMPARE(failed.at(0).at(1).toBool(), true);
        QVERIFY(!vault.isBusy());

        vault.store(server, QStringLiteral("asha"), QStringLiteral("another-secret-456"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 15000);
        QCOMPARE(stored.size(), 0);
        QCOMPARE(failed.at(1).at(1).toBool(), true);
        // Never the insecure fallback: the token is in no settings file.
        assertTokenNotInSettings(QStringLiteral("another-secret-456"));
        QCOMPARE(TokenVault::keyFor(server, QStringLiteral("asha")),
                 QStringLiteral("https://lantern.cafcass.example|asha"));
    }

private:
    void assertTokenNotInSettings(const QString &token)
    {
        for (QSettings *settings :
             {new QSettings(), new QSettings(TokenVault::service()),
              new QSettings(QStringLiteral("Lantern"), QStringLiteral("Lantern"))}) {
            std::unique_ptr<QSettings> owned(settings);
            for (const QString &key : settings->allKeys()) {
                const QString value = settings->value(key).toString();
                QVERIFY2(!value.contains(token) &&
                             !QString::fromLatin1(settings->value(key).toByteArray().toBase64())
                                  .contains(QString::fromLatin1(token.toUtf8().toBase64())),
                         qPrintable(key));
            }
        }
    }

    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(14, 5), Qt::UTC)};
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QTranslator m_english;
    Case m_waitingCase;
    Case m_refusedCase;
    Case m_quietCase;
};

QTEST_MAIN(TestSyncUi)
#include "tst_syncui.moc"
