#include "MainWindow.h"

#include "dialogs/CaseDialog.h"
#include "dialogs/ConflictsDialog.h"
#include "dialogs/ProfileDialog.h"
#include "dialogs/SearchDialog.h"
#include "dialogs/SignInDialog.h"
#include "dialogs/SyncPanel.h"
#include "dialogs/WorkingHoursDialog.h"
#include "measures/PracticeMeasures.h"
#include "models/CaseloadModel.h"
#include "notes/NoteRepository.h"
#include "security/TokenVault.h"
#include "store/CaseloadQuery.h"
#include "store/Store.h"
#include "store/StoreWorker.h"
#include "store/SyncJournal.h"
#include "sync/SyncController.h"
#include "widgets/CaseFileView.h"
#include "widgets/CaseloadView.h"
#include "widgets/DashboardView.h"
#include "widgets/DiaryView.h"
#include "widgets/LettersPane.h"
#include "widgets/NotesPane.h"
#include "widgets/SyncStatusLine.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>

namespace lantern {

namespace {
constexpr int kDashboardTab = 0;
constexpr int kCaseloadTab = 1;
constexpr int kDiaryTab = 2;
constexpr int kFixedTabs = 3; // case files open after these
} // namespace

MainWindow::MainWindow(Store &store, QWidget *parent)
    : QMainWindow(parent), m_store(store), m_worker(new StoreWorker(store, this)),
      m_caseloadModel(new CaseloadModel(this)), m_tabs(new QTabWidget(this)),
      m_dashboard(new DashboardView(this)), m_caseloadView(new CaseloadView(m_caseloadModel, this)),
      m_diary(new DiaryView(store, this)), m_statusCounts(new QLabel(this)),
      m_statusStore(new QLabel(this))
{
    setWindowTitle(tr("Lantern"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setAccessibleName(tr("Work areas"));
    m_tabs->addTab(m_dashboard, tr("My week"));
    m_tabs->addTab(m_caseloadView, tr("Caseload"));
    m_tabs->addTab(m_diary, tr("Diary"));
    // The dashboard, the caseload and the diary are always there: only case files close.
    for (int fixed : {kDashboardTab, kCaseloadTab, kDiaryTab}) {
        m_tabs->tabBar()->setTabButton(fixed, QTabBar::RightSide, nullptr);
        m_tabs->tabBar()->setTabButton(fixed, QTabBar::LeftSide, nullptr);
    }
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index < kFixedTabs)
            return;
        QWidget *page = m_tabs->widget(index);
        m_caseTabs.remove(m_caseTabs.key(page));
        m_tabs->removeTab(index);
        page->deleteLater();
    });
    m_caseloadView->setContentsMargins(12, 12, 12, 6);
    setCentralWidget(m_tabs);

    connect(m_caseloadView, &CaseloadView::caseActivated, this, &MainWindow::openCase);
    connect(m_diary, &DiaryView::visitsChanged, this, &MainWindow::reload);
    connect(m_diary, &DiaryView::caseRequested, this, &MainWindow::openCase);
    connect(m_dashboard, &DashboardView::figureActivated, this,
            [this](const QString &title, const QList<QUuid> &caseIds) {
                m_caseloadView->showCases(title, caseIds);
                showCaseload();
            });

    statusBar()->addWidget(m_statusCounts, 1);
    statusBar()->addPermanentWidget(m_statusStore);
    m_statusStore->setAccessibleName(tr("Store in use"));
    createMenus();
    reload();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // Case files save their notes' drafts through the worker as they go: close them while
    // the worker is still there (it is a child created before them, so it would go first).
    const auto pages = m_caseTabs.values();
    m_caseTabs.clear();
    qDeleteAll(pages);
    m_worker->drain();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *add = file->addAction(tr("&New case…"), this, &MainWindow::newCase);
    add->setShortcut(QKeySequence::New);
    QAction *plan = file->addAction(tr("&Plan a visit…"), this, [this] {
        auto *current = qobject_cast<CaseFileView *>(m_tabs->currentWidget());
        m_diary->planVisit(current ? current->caseId() : QUuid());
    });
    plan->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    file->addAction(tr("&Export visits to calendar…"), m_diary, &DiaryView::exportCalendar);
    file->addSeparator();
    QAction *closeCase =
        file->addAction(tr("&Close case file"), this, &MainWindow::closeCurrentCase);
    // Ctrl+W everywhere, plus the platform's own (Ctrl+F4 on some desktops).
    QList<QKeySequence> closeKeys{QKeySequence(Qt::CTRL | Qt::Key_W)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Close))
        if (!closeKeys.contains(key))
            closeKeys.append(key);
    closeCase->setShortcuts(closeKeys);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *notes = menuBar()->addMenu(tr("&Notes"));
    QAction *search = notes->addAction(tr("&Search notes…"), this, &MainWindow::searchNotes);
    search->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_F), QKeySequence(Qt::CTRL | Qt::Key_K)});
    QAction *newNote = notes->addAction(tr("&New note in this case"), this, [this] {
        if (auto *file = qobject_cast<CaseFileView *>(m_tabs->currentWidget());
            file && file->notesPane()) {
            file->sections()->setCurrentWidget(file->notesPane());
            file->notesPane()->newNote();
        }
    });
    newNote->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *dashboard = view->addAction(tr("&My week"), this, &MainWindow::showDashboard);
    dashboard->setShortcut(QKeySequence(tr("Ctrl+1")));
    QAction *caseload = view->addAction(tr("&Caseload"), this, &MainWindow::showCaseload);
    caseload->setShortcut(QKeySequence(tr("Ctrl+2")));
    QAction *diary = view->addAction(tr("&Diary"), this, &MainWindow::showDiary);
    diary->setShortcut(QKeySequence(tr("Ctrl+3")));
    QAction *filter = view->addAction(tr("&Filter caseload"), this, [this] {
        showCaseload();
        m_caseloadView->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_caseloadView->filterEdit()->selectAll();
    });
    filter->setShortcut(QKeySequence(tr("Ctrl+L")));
    view->addSeparator();
    const QList<SavedView> views = CaseloadViews::all();
    for (int i = 0; i < views.size(); ++i) {
        const SavedView saved = views.at(i);
        QAction *action = view->addAction(CaseloadViews::title(saved), this, [this, saved] {
            m_caseloadView->setView(saved);
            showCaseload();
        });
        action->setShortcut(QKeySequence(tr("Alt+%1").arg(i + 1)));
    }
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Reload"), this, &MainWindow::reload);
    refresh->setShortcut(QKeySequence(tr("Ctrl+R")));

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("Your &details for letters…"), this, [this] {
        ProfileDialog dialog(m_store, this);
        dialog.exec();
    });
    settings->addAction(tr("&Working hours…"), this, [this] {
        WorkingHoursDialog dialog(m_store, this);
        if (dialog.exec() == QDialog::Accepted)
            m_diary->reload();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Lantern"), this, &MainWindow::showAbout);
}

void MainWindow::reload()
{
    CaseloadQuery query(m_store);
    auto rows = query.rows();
    if (!rows) {
        QMessageBox::warning(this, tr("Caseload not loaded"), rows.error().message);
        return;
    }
    auto visits = query.anyVisitRecorded();
    auto letters = query.anyLetterRecorded();
    const QDate today = m_store.clock().today();
    const PracticeMeasures measures(*rows, today, visits && *visits, letters && *letters);
    m_dashboard->setMeasures(measures.measures(), measures.weeksBuckets());

    int open = 0;
    int children = 0;
    for (const CaseloadRow &row : std::as_const(*rows)) {
        if (row.status == CaseStatus::Open) {
            ++open;
            children += int(row.children.size());
        }
    }
    refreshUnsentMarks();
    m_caseloadModel->setRows(std::move(rows).value(), today);
    m_statusCounts->setText(tr("Open cases: %1 · Children: %2").arg(open).arg(children));
    m_statusStore->setText(QDir::toNativeSeparators(m_store.path()));
    m_diary->reload();
}

void MainWindow::showDashboard()
{
    m_tabs->setCurrentIndex(kDashboardTab);
    m_dashboard->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showDiary()
{
    m_tabs->setCurrentIndex(kDiaryTab);
    m_diary->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showCaseload()
{
    m_tabs->setCurrentIndex(kCaseloadTab);
    m_caseloadView->table()->setFocus(Qt::ShortcutFocusReason);
    if (!m_caseloadView->table()->currentIndex().isValid() &&
        m_caseloadView->table()->model()->rowCount() > 0)
        m_caseloadView->table()->selectRow(0);
}

CaseFileView *MainWindow::openCase(const QUuid &caseId)
{
    if (QWidget *existing = m_caseTabs.value(caseId)) {
        m_tabs->setCurrentWidget(existing);
        return qobject_cast<CaseFileView *>(existing);
    }
    auto *file = new CaseFileView(m_store, caseId, m_tabs);
    file->addNotes(*m_worker);
    // A finalised note or letter is the record: it goes to the server straight away.
    const auto finalised = [this] {
        if (m_sync)
            m_sync->syncNow();
    };
    if (file->notesPane())
        connect(file->notesPane(), &NotesPane::noteFinalised, this, finalised);
    if (file->lettersPane())
        connect(file->lettersPane(), &LettersPane::letterFinalised, this, finalised);
    connect(file, &CaseFileView::caseChanged, this, &MainWindow::reload);
    connect(file, &CaseFileView::titleChanged, this, [this, file](const QString &title) {
        const int index = m_tabs->indexOf(file);
        m_tabs->setTabText(index, title);
        m_tabs->setTabToolTip(index, title);
    });
    m_caseTabs.insert(caseId, file);
    const int index = m_tabs->addTab(file, file->title());
    m_tabs->setTabToolTip(index, file->title());
    m_tabs->setCurrentIndex(index);
    file->setFocus(Qt::OtherFocusReason);
    return file;
}

void MainWindow::openNote(const QUuid &caseId, const QUuid &noteId)
{
    CaseFileView *file = openCase(caseId);
    if (!file || !file->notesPane())
        return;
    file->sections()->setCurrentWidget(file->notesPane());
    file->notesPane()->openNote(noteId);
}

void MainWindow::searchNotes()
{
    if (!m_search) {
        m_search = new SearchDialog(m_store, *m_worker, this);
        connect(m_search, &SearchDialog::noteChosen, this, &MainWindow::openNote);
    }
    m_search->show();
    m_search->raise();
    m_search->activateWindow();
}

int MainWindow::reopenDrafts()
{
    NoteRepository notes(m_store);
    auto drafts = notes.openDrafts();
    if (!drafts) {
        QMessageBox::warning(this, tr("Unsaved notes not reopened"), drafts.error().message);
        return 0;
    }
    int reopened = 0;
    for (const NoteDraft &draft : std::as_const(*drafts)) {
        auto note = notes.get(draft.noteId);
        if (!note)
            continue;
        openNote(note->caseId, draft.noteId);
        ++reopened;
    }
    if (reopened > 0)
        statusBar()->showMessage(
            tr("Reopened %n note(s) you were writing; nothing was lost.", nullptr, reopened),
            15000);
    return reopened;
}

void MainWindow::closeCurrentCase()
{
    const int index = m_tabs->currentIndex();
    if (index >= kFixedTabs)
        emit m_tabs->tabCloseRequested(index);
}

void MainWindow::newCase()
{
    CaseDialog dialog(m_store, std::nullopt, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    openCase(dialog.savedCase().meta.id);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1360, 820);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    QHeaderView *header = m_caseloadView->table()->horizontalHeader();
    if (!header->restoreState(settings.value(QStringLiteral("caseload/header")).toByteArray())) {
        m_caseloadView->table()->resizeColumnsToContents();
        header->resizeSection(CaseloadModel::Children,
                              qBound(160, header->sectionSize(CaseloadModel::Children), 260));
    }
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("caseload/header"),
                      m_caseloadView->table()->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Every open note saves what was typed before the window goes.
    for (QWidget *page : std::as_const(m_caseTabs))
        if (auto *file = qobject_cast<CaseFileView *>(page); file && file->notesPane())
            file->notesPane()->saveAll();
    m_worker->drain();
    saveLayout();
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Lantern"),
                       tr("<p><b>Lantern %1</b></p><p>Caseload, notes, visits and letters for "
                          "family court advisers, working offline.</p>")
                           .arg(QStringLiteral(LANTERN_VERSION)));
}

// ---- sync ----------------------------------------------------------------------------------

void MainWindow::setSync(sync::SyncController *controller)
{
    if (m_sync || !controller)
        return;
    m_sync = controller;
    m_vault = new TokenVault(this);
    m_syncLine = new SyncStatusLine(m_store.clock(), this);
    // Left of the store's path: the path moves to the end.
    statusBar()->removeWidget(m_statusStore);
    statusBar()->addPermanentWidget(m_syncLine);
    statusBar()->addPermanentWidget(m_statusStore);
    m_statusStore->show();
    m_syncPanel = new SyncPanel(m_store, *m_sync, this);
    createSyncMenu();

    connect(m_syncLine, &SyncStatusLine::clicked, this, &MainWindow::showSyncPanel);
    connect(m_sync, &sync::SyncController::statusChanged, m_syncLine, &SyncStatusLine::setStatus);
    connect(m_sync, &sync::SyncController::statusChanged, this, &MainWindow::syncStatusChanged);
    connect(m_sync, &sync::SyncController::recordsChanged, this, &MainWindow::reloadAfterSync);
    connect(m_sync, &sync::SyncController::signOutRefused, this, &MainWindow::showSyncPanel);
    connect(m_sync, &sync::SyncController::signedOut, this, [this] {
        // The token goes from the keychain with the account; the caseload stays.
        if (!m_accountUser.isEmpty())
            m_vault->remove(m_accountServer, m_accountUser);
        statusBar()->showMessage(
            tr("Signed out. Your caseload stays on this laptop; sign in to sync again."), 15000);
    });
    connect(m_syncPanel, &SyncPanel::signInRequested, this, &MainWindow::signIn);
    connect(m_syncPanel, &SyncPanel::openConflictsRequested, this, &MainWindow::showConflicts);

    m_syncLine->setStatus(m_sync->status());
    syncStatusChanged(m_sync->status());
}

void MainWindow::showConflicts()
{
    if (!m_conflicts) {
        m_conflicts = new ConflictsDialog(m_store, this);
        // A settled conflict changed a record (and waits to be sent): show both at once.
        connect(m_conflicts, &ConflictsDialog::settled, this, &MainWindow::reloadAfterSync);
        connect(m_conflicts, &ConflictsDialog::settled, m_syncPanel, &SyncPanel::reload);
    }
    m_conflicts->reload();
    m_conflicts->show();
    m_conflicts->raise();
    m_conflicts->activateWindow();
    emit openConflictsRequested();
}

void MainWindow::createSyncMenu()
{
    auto *menu = new QMenu(tr("S&ync"), this);
    m_syncNowAction = menu->addAction(tr("Sync &now"), this, &MainWindow::syncNow);
    m_syncNowAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_syncNowAction->setToolTip(tr("Send what is waiting and fetch what changed (F5)"));
    menu->addAction(tr("Sync &panel…"), this, &MainWindow::showSyncPanel);
    menu->addAction(tr("&Conflicts to settle…"), this, &MainWindow::showConflicts);
    menu->addSeparator();
    m_signInAction = menu->addAction(tr("Sign &in…"), this, &MainWindow::signIn);
    m_signOutAction = menu->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    // Before Settings and Help.
    QAction *before = nullptr;
    const QList<QAction *> menus = menuBar()->actions();
    if (menus.size() >= 2)
        before = menus.at(menus.size() - 2);
    menuBar()->insertMenu(before, menu);
}

void MainWindow::syncStatusChanged(const sync::SyncStatus &status)
{
    if (!m_sync)
        return;
    m_syncStatus = status;
    if (!status.user.isEmpty()) {
        m_accountServer = status.server;
        m_accountUser = status.user;
    }
    using sync::SyncState;
    const bool signedOut = status.state == SyncState::SignedOut || status.state == SyncState::Wiped;
    const bool canSync = !signedOut && status.state != SyncState::SignInNeeded;
    m_signInAction->setEnabled(status.state == SyncState::SignedOut ||
                               status.state == SyncState::SignInNeeded);
    m_signOutAction->setEnabled(!signedOut);
    m_syncNowAction->setEnabled(status.state != SyncState::Wiped);
    m_syncNowAction->setText(canSync ? tr("Sync &now") : tr("Sign in to sync &now…"));
    refreshUnsentMarks();
}

void MainWindow::refreshUnsentMarks()
{
    // Only once sync is on: before the first sign-in every case would carry the mark.
    QSet<QUuid> unsent;
    if (m_sync && m_syncStatus.state != sync::SyncState::SignedOut &&
        m_syncStatus.state != sync::SyncState::Wiped) {
        if (auto cases = SyncJournal(m_store).casesWithUnsentWork()) {
            for (const QString &id : std::as_const(*cases))
                unsent.insert(QUuid(id));
        }
    }
    m_caseloadModel->setUnsentCases(std::move(unsent));
}

void MainWindow::reloadAfterSync()
{
    reload();
    for (QWidget *page : std::as_const(m_caseTabs)) {
        auto *file = qobject_cast<CaseFileView *>(page);
        if (!file)
            continue;
        file->reload();
        if (file->notesPane())
            file->notesPane()->reload();
        if (file->lettersPane())
            file->lettersPane()->reload();
    }
}

void MainWindow::syncNow()
{
    if (!m_sync)
        return;
    const sync::SyncState state = m_syncStatus.state;
    if (state == sync::SyncState::SignedOut || state == sync::SyncState::SignInNeeded) {
        signIn();
        return;
    }
    m_sync->syncNow();
    statusBar()->showMessage(tr("Syncing…"), 3000);
}

void MainWindow::showSyncPanel()
{
    if (!m_syncPanel)
        return;
    m_syncPanel->show();
    m_syncPanel->raise();
    m_syncPanel->activateWindow();
}

void MainWindow::signIn()
{
    if (!m_sync)
        return;
    sync::SyncAccount account;
    const sync::SyncStatus &status = m_syncStatus;
    account.server = status.server.isValid() ? status.server : m_accountServer;
    account.user = status.user.isEmpty() ? m_accountUser : status.user;
    askToSignIn(account);
}

void MainWindow::askToSignIn(const sync::SyncAccount &prefill, const QString &notice)
{
    if (!m_sync)
        return;
    if (notice == TokenVault::noKeychainMessage())
        m_noKeychainExplained = true;
    if (!m_signIn) {
        m_signIn = new SignInDialog(*m_sync, *m_vault, this);
        m_signIn->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_signIn, &QDialog::finished, this, [this] {
            if (m_signIn && m_signIn->explainedNoKeychain())
                m_noKeychainExplained = true;
        });
        connect(m_signIn, &QObject::destroyed, this, [this] { m_signIn = nullptr; });
    }
    m_signIn->setExplainNoKeychain(!m_noKeychainExplained);
    m_signIn->prefill(prefill.server, prefill.user);
    m_signIn->setNotice(notice);
    m_signIn->show();
    m_signIn->raise();
    m_signIn->activateWindow();
}

void MainWindow::signOut()
{
    if (m_sync)
        m_sync->signOut();
}

} // namespace lantern
