#pragma once

#include "sync/SyncController.h"

#include <QDialog>

class QFrame;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace lantern {

class Store;

// Where sync stands, for the FCA who wants to know more than the status line says: the account,
// the last sync and what it moved, each record waiting to be sent (with its case number), each
// change the server refused with its reason (kept aside; nothing is deleted), and the conflicts
// to settle. Sync now (F5), sign in and sign out from here. Non-modal.
class SyncPanel : public QDialog
{
    Q_OBJECT

public:
    SyncPanel(Store &store, sync::SyncController &controller, QWidget *parent = nullptr);

    QLabel *accountLabel() const { return m_account; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *lastSyncLabel() const { return m_lastSync; }
    QLabel *problemLabel() const { return m_problem; }
    QTreeWidget *waitingList() const { return m_waiting; }
    QTreeWidget *refusedList() const { return m_refused; }
    QLabel *conflictsLabel() const { return m_conflicts; }
    QPushButton *openConflictsButton() const { return m_openConflicts; }
    QPushButton *syncNowButton() const { return m_syncNow; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *signOutButton() const { return m_signOut; }
    QLabel *signOutRefusalLabel() const { return m_refusal; }
    QPushButton *refusalSyncNowButton() const { return m_refusalSyncNow; }

public slots:
    // Reads the waiting and refused changes again (on show, and when the counts change).
    void reload();
    // Connected to SyncController::statusChanged.
    void setStatus(const lantern::sync::SyncStatus &status);
    // Connected to SyncController::signOutRefused: the reason, with a Sync now button beside it.
    void showSignOutRefused(const QString &reason);

signals:
    // "Open conflicts…": the window opens the conflicts dialog.
    void openConflictsRequested();
    // "Sign in…": the window opens the sign-in dialog (it holds the keychain).
    void signInRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showStatus();

    Store &m_store;
    sync::SyncController &m_controller;
    sync::SyncStatus m_status;
    int m_listedPending = -1; // the counts the lists were read at, to read again on change
    int m_listedRejected = -1;

    QLabel *m_account;
    QPushButton *m_signIn;
    QPushButton *m_signOut;
    QLabel *m_state;
    QLabel *m_lastSync;
    QLabel *m_problem;
    QFrame *m_refusalBar;
    QLabel *m_refusal;
    QPushButton *m_refusalSyncNow;
    QLabel *m_waitingTitle;
    QTreeWidget *m_waiting;
    QLabel *m_waitingMore;
    QLabel *m_refusedTitle;
    QTreeWidget *m_refused;
    QLabel *m_conflicts;
    QPushButton *m_openConflicts;
    QPushButton *m_syncNow;
    QPushButton *m_close;
};

} // namespace lantern
