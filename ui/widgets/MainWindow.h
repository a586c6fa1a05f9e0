#pragma once

#include "sync/SyncController.h"

#include <QHash>
#include <QMainWindow>
#include <QUrl>
#include <QUuid>

class QAction;
class QLabel;
class QTabWidget;

namespace lantern {

class CaseloadModel;
class ConflictsDialog;
class CaseloadView;
class CaseFileView;
class DashboardView;
class DiaryView;
class SearchDialog;
class Store;
class StoreWorker;
class SignInDialog;
class SyncPanel;
class SyncStatusLine;
class TokenVault;

// The FCA's working window: the dashboard, the caseload and the case files they open.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    CaseloadView *caseloadView() const { return m_caseloadView; }
    DashboardView *dashboardView() const { return m_dashboard; }
    DiaryView *diaryView() const { return m_diary; }
    QTabWidget *tabs() const { return m_tabs; }

    // Turns sync on in this window: the status line, the Sync menu, the sync panel and sign-in;
    // reloads what it shows when a sync brings records, and syncs when a note or letter is
    // finalised. The controller must outlive the window.
    void setSync(sync::SyncController *controller);
    sync::SyncController *syncController() const { return m_sync; }
    SyncStatusLine *syncStatusLine() const { return m_syncLine; }
    // The sync panel (made by setSync, shown on request).
    SyncPanel *syncPanel() const { return m_syncPanel; }
    // The sign-in dialog while one is open.
    SignInDialog *signInDialog() const { return m_signIn; }
    TokenVault *tokenVault() const { return m_vault; }

public slots:
    // Reads the caseload and the measures from the store again.
    void reload();
    void showDashboard();
    void showCaseload();
    void showDiary();
    // Opens the case file in its own tab (or brings its tab forward).
    CaseFileView *openCase(const QUuid &caseId);
    // Opens the case file at one of its notes.
    void openNote(const QUuid &caseId, const QUuid &noteId);
    void newCase();
    // Searches every note (Ctrl+F or Ctrl+K from anywhere).
    void searchNotes();
    // Reopens every note left with unsaved words (after a crash, a kill or a power cut).
    // Returns how many were reopened.
    int reopenDrafts();
    SearchDialog *searchDialog() const { return m_search; }

    // Sync (after setSync): send and fetch now (F5); the panel; sign in and out.
    void syncNow();
    void showSyncPanel();
    // The conflicts the server recorded, side by side, to settle (from the panel or the menu).
    void showConflicts();
    // Opens the sign-in dialog (non-modal), filled in with the account when there is one, with a
    // note above the form when there is something to say (no keychain, say).
    void askToSignIn(const lantern::sync::SyncAccount &prefill, const QString &notice = {});
    void signIn();
    void signOut();

signals:
    // The sync panel's "Open conflicts…".
    void openConflictsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createSyncMenu();
    void reloadAfterSync();
    void syncStatusChanged(const lantern::sync::SyncStatus &status);
    // Marks the caseload's cases holding work not yet on the server (one query).
    void refreshUnsentMarks();
    void closeCurrentCase();
    void restoreLayout();
    void saveLayout();
    void showAbout();

    Store &m_store;
    StoreWorker *m_worker;
    SearchDialog *m_search = nullptr;
    CaseloadModel *m_caseloadModel;
    QTabWidget *m_tabs;
    DashboardView *m_dashboard;
    CaseloadView *m_caseloadView;
    DiaryView *m_diary;
    QHash<QUuid, QWidget *> m_caseTabs;
    QLabel *m_statusCounts;
    QLabel *m_statusStore;
    sync::SyncController *m_sync = nullptr;
    sync::SyncStatus m_syncStatus;
    TokenVault *m_vault = nullptr;
    SyncStatusLine *m_syncLine = nullptr;
    SyncPanel *m_syncPanel = nullptr;
    ConflictsDialog *m_conflicts = nullptr;
    SignInDialog *m_signIn = nullptr;
    bool m_noKeychainExplained = false;
    QAction *m_syncNowAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QUrl m_accountServer; // the account last signed in as: its keychain entry goes at sign-out
    QString m_accountUser;
};

} // namespace lantern
