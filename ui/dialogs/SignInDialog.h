#pragma once

#include "sync/SyncController.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QWidget;

namespace lantern {

class TokenVault;

// Signs this laptop in to the Lantern server: server address, user name, password. The sign-in
// runs on the sync thread (the window never waits on the network); a refusal is shown in the
// dialog with everything typed kept except the password. Once signed in, the token goes to the
// system keychain and sync starts. Without a keychain it still signs in (the token is kept in
// memory for this run only) and says so.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(sync::SyncController &controller, TokenVault &vault, QWidget *parent = nullptr);

    void prefill(const QUrl &server, const QString &user);
    // A calm note above the form (why the password is asked for again, say).
    void setNotice(const QString &text);
    // Whether to stop and explain, after signing in, that there is no keychain (once a run).
    void setExplainNoKeychain(bool explain) { m_explainNoKeychain = explain; }
    bool explainedNoKeychain() const { return m_explainedNoKeychain; }

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *noticeLabel() const { return m_notice; }
    bool isBusy() const { return m_busy; }
    // The account signed in as (token included), once signed in.
    const sync::SyncAccount &account() const { return m_account; }

public slots:
    void submit();
    void reject() override;

signals:
    void accountReady(const lantern::sync::SyncAccount &account);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    enum class Step
    {
        Form,      // typing
        SigningIn, // waiting for the server
        Keeping,   // waiting for the keychain
        Explained, // signed in; saying there is no keychain
    };
    void setStep(Step step);
    void showMessage(const QString &text, bool problem);
    void signedIn(const sync::SyncAccount &account);
    void signInFailed(const QString &message);
    void kept();
    void notKept(const QString &reason, bool noKeychain);
    void finish();

    sync::SyncController &m_controller;
    TokenVault &m_vault;
    Step m_step = Step::Form;
    bool m_busy = false;
    bool m_explainNoKeychain = true;
    bool m_explainedNoKeychain = false;
    sync::SyncAccount m_account;

    QLabel *m_intro;
    QLabel *m_notice;
    QWidget *m_formHolder;
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_message;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
    QPushButton *m_continue;
};

} // namespace lantern
