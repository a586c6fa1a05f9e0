#include "SignInDialog.h"

#include "security/TokenVault.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace lantern {

namespace {

const QString kNoticeStyle =
    QStringLiteral("QLabel { background: #f2f5f9; border: 1px solid #d3dbe6; border-radius: 4px; "
                   "padding: 8px 10px; color: #2b3540; }");

} // namespace

SignInDialog::SignInDialog(sync::SyncController &controller, TokenVault &vault, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_vault(vault),
      m_intro(new QLabel(tr("Sign in with the account your service gave you. Lantern keeps "
                            "working without the network; signing in lets it send your work to "
                            "the server and bring back what changed there."),
                         this)),
      m_notice(new QLabel(this)), m_formHolder(new QWidget(this)),
      m_server(new QLineEdit(m_formHolder)), m_user(new QLineEdit(m_formHolder)),
      m_password(new QLineEdit(m_formHolder)), m_message(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_signIn(m_buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole)),
      m_cancel(m_buttons->button(QDialogButtonBox::Cancel)),
      m_continue(m_buttons->addButton(tr("C&ontinue"), QDialogButtonBox::ActionRole))
{
    setWindowTitle(tr("Sign in to sync"));
    setMinimumWidth(520);
    m_intro->setWordWrap(true);
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(kNoticeStyle);
    m_notice->hide();

    m_server->setPlaceholderText(tr("https://lantern.example.org"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_user->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                    Qt::ImhNoPredictiveText);
    auto *form = new QFormLayout(m_formHolder);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Ser&ver address:"), m_server);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    m_server->setAccessibleName(tr("Server address"));
    m_user->setAccessibleName(tr("User name"));
    m_password->setAccessibleName(tr("Password"));

    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_progress->setRange(0, 0); // busy, with no end to show
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    m_signIn->setDefault(true);
    m_continue->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(12);
    layout->addWidget(m_intro);
    layout->addWidget(m_notice);
    layout->addWidget(m_formHolder);
    layout->addWidget(m_message);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &SignInDialog::reject);
    connect(m_continue, &QPushButton::clicked, this, &SignInDialog::finish);
    connect(&m_controller, &sync::SyncController::signedIn, this, &SignInDialog::signedIn);
    connect(&m_controller, &sync::SyncController::signInFailed, this, &SignInDialog::signInFailed);
    connect(&m_vault, &TokenVault::tokenStored, this, &SignInDialog::kept);
    connect(&m_vault, &TokenVault::failed, this, &SignInDialog::notKept);
}

void SignInDialog::prefill(const QUrl &server, const QString &user)
{
    m_server->setText(server.toString(QUrl::StripTrailingSlash));
    m_user->setText(user);
    (m_server->text().isEmpty() ? m_server : (m_user->text().isEmpty() ? m_user : m_password))
        ->setFocus(Qt::OtherFocusReason);
}

void SignInDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void SignInDialog::showMessage(const QString &text, bool problem)
{
    m_message->setStyleSheet(problem ? QStringLiteral("color: #a33a3a;")
                                     : QStringLiteral("color: #44505c;"));
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void SignInDialog::setStep(Step step)
{
    m_step = step;
    m_busy = step == Step::SigningIn || step == Step::Keeping;
    m_formHolder->setEnabled(step == Step::Form);
    m_formHolder->setVisible(step != Step::Explained);
    m_intro->setVisible(step != Step::Explained);
    m_progress->setVisible(m_busy);
    m_signIn->setVisible(step != Step::Explained);
    m_signIn->setEnabled(step == Step::Form);
    // A sign-in under way cannot be called back (it ends, one way or the other, within 30 s).
    m_cancel->setVisible(step != Step::Explained);
    m_cancel->setEnabled(step == Step::Form);
    m_continue->setVisible(step == Step::Explained);
    if (step == Step::Explained) {
        m_continue->setDefault(true);
        m_continue->setFocus(Qt::OtherFocusReason);
    }
}

void SignInDialog::submit()
{
    if (m_step != Step::Form)
        return;
    const Result<QUrl> parsed = sync::parseServerAddress(m_server->text());
    if (!parsed) {
        showMessage(parsed.error().message, true);
        m_server->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QUrl server = *parsed;
    if (m_user->text().trimmed().isEmpty()) {
        showMessage(tr("Type your user name."), true);
        m_user->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_password->text().isEmpty()) {
        showMessage(tr("Type your password."), true);
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_server->setText(server.toString());
    showMessage(tr("Signing in…"), false);
    setStep(Step::SigningIn);
    m_controller.signIn(server, m_user->text().trimmed(), m_password->text(),
                        QSysInfo::machineHostName());
}

void SignInDialog::signedIn(const sync::SyncAccount &account)
{
    if (m_step != Step::SigningIn)
        return; // another sign-in's answer
    m_password->clear();
    m_account = account;
    showMessage(tr("Signed in. Keeping your sign-in in the system keychain…"), false);
    setStep(Step::Keeping);
    m_vault.store(account.server, account.user, account.token);
}

void SignInDialog::signInFailed(const QString &message)
{
    if (m_step != Step::SigningIn)
        return;
    setStep(Step::Form);
    m_password->clear();
    showMessage(message, true);
    m_password->setFocus(Qt::OtherFocusReason);
}

void SignInDialog::kept()
{
    if (m_step != Step::Keeping)
        return;
    finish();
}

void SignInDialog::notKept(const QString &reason, bool noKeychain)
{
    if (m_step != Step::Keeping)
        return;
    // Signed in all the same: the token stays in memory for this run only.
    if (noKeychain && !m_explainNoKeychain) {
        finish();
        return;
    }
    m_explainedNoKeychain = noKeychain;
    setWindowTitle(tr("Signed in"));
    showMessage(tr("You are signed in and Lantern is syncing.") + QStringLiteral("\n\n") + reason,
                false);
    setStep(Step::Explained);
}

void SignInDialog::finish()
{
    if (m_step != Step::Keeping && m_step != Step::Explained)
        return;
    // The sync thread started syncing as soon as the sign-in succeeded.
    emit accountReady(m_account);
    m_busy = false;
    QDialog::accept();
}

void SignInDialog::reject()
{
    if (m_busy)
        return; // Esc while signing in: the answer is on its way
    if (m_step == Step::Explained) {
        finish();
        return;
    }
    QDialog::reject();
}

void SignInDialog::closeEvent(QCloseEvent *event)
{
    if (m_busy) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace lantern
