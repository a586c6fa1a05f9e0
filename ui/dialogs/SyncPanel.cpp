#include "SyncPanel.h"

#include "store/Store.h"
#include "sync/SyncOverview.h"
#include "widgets/SyncStatusLine.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShowEvent>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lantern {

namespace {

const QString kQuiet = QStringLiteral("color: #5f6b76;");
const QString kSectionTitle = QStringLiteral("font-weight: 600; margin-top: 6px;");
const QString kCalmBox =
    QStringLiteral("QLabel { background: #f2f5f9; border: 1px solid #d3dbe6; border-radius: 4px; "
                   "padding: 8px 10px; color: #2b3540; }");
const QString kAttentionBox = QStringLiteral(
    "background: #fdf6e9; border: 1px solid #e8cf9f; border-radius: 4px; color: #3d3020;");

QTreeWidget *makeList(const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setStyleSheet(QStringLiteral("QTreeView::item { padding: 3px 2px; }"));
    list->header()->setStretchLastSection(true);
    return list;
}

} // namespace

SyncPanel::SyncPanel(Store &store, sync::SyncController &controller, QWidget *parent)
    : QDialog(parent), m_store(store), m_controller(controller), m_account(new QLabel(this)),
      m_signIn(new QPushButton(tr("Sign &in…"), this)),
      m_signOut(new QPushButton(tr("Sign &out"), this)), m_state(new QLabel(this)),
      m_lastSync(new QLabel(this)), m_problem(new QLabel(this)), m_refusalBar(new QFrame(this)),
      m_refusal(new QLabel(m_refusalBar)),
      m_refusalSyncNow(new QPushButton(tr("Sync &now"), m_refusalBar)),
      m_waitingTitle(new QLabel(this)),
      m_waiting(makeList({tr("What"), tr("Change"), tr("When"), tr("Case")}, this)),
      m_waitingMore(new QLabel(this)), m_refusedTitle(new QLabel(this)),
      m_refused(makeList({tr("What"), tr("Change"), tr("Refused"), tr("Case"), tr("Why")}, this)),
      m_conflicts(new QLabel(this)), m_openConflicts(new QPushButton(tr("Open &conflicts…"), this)),
      m_syncNow(new QPushButton(tr("&Sync now"), this)), m_close(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Sync"));
    setModal(false);
    resize(760, 580);

    m_account->setTextFormat(Qt::PlainText);
    m_account->setWordWrap(true);
    m_account->setAccessibleName(tr("Account"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: 600;"));
    m_state->setAccessibleName(tr("Sync status"));
    m_lastSync->setTextFormat(Qt::PlainText);
    m_lastSync->setStyleSheet(kQuiet);
    m_lastSync->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(kCalmBox);
    m_problem->hide();

    m_refusalBar->setObjectName(QStringLiteral("refusalBar"));
    m_refusalBar->setStyleSheet(QStringLiteral("QFrame#refusalBar { %1 }").arg(kAttentionBox));
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setWordWrap(true);
    m_refusal->setStyleSheet(QStringLiteral("background: transparent; border: none;"));
    auto *refusalLayout = new QHBoxLayout(m_refusalBar);
    refusalLayout->setContentsMargins(10, 8, 10, 8);
    refusalLayout->addWidget(m_refusal, 1);
    refusalLayout->addWidget(m_refusalSyncNow, 0, Qt::AlignVCenter);
    m_refusalBar->hide();

    m_waitingTitle->setStyleSheet(kSectionTitle);
    m_waitingMore->setStyleSheet(kQuiet);
    m_waitingMore->hide();
    m_waiting->setAccessibleName(tr("Changes waiting to be sent"));
    m_refusedTitle->setStyleSheet(kSectionTitle);
    m_refusedTitle->setWordWrap(true);
    m_refused->setAccessibleName(tr("Changes the server refused"));
    m_conflicts->setTextFormat(Qt::PlainText);
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F5));
    m_syncNow->setToolTip(tr("Send what is waiting and fetch what changed (F5)"));
    m_syncNow->setDefault(true);

    auto *accountRow = new QHBoxLayout;
    accountRow->addWidget(m_account, 1);
    accountRow->addWidget(m_signIn);
    accountRow->addWidget(m_signOut);

    auto *conflictRow = new QHBoxLayout;
    conflictRow->addWidget(m_conflicts, 1);
    conflictRow->addWidget(m_openConflicts);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_syncNow, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->setSpacing(8);
    layout->addLayout(accountRow);
    layout->addWidget(rule);
    layout->addWidget(m_state);
    layout->addWidget(m_lastSync);
    layout->addWidget(m_problem);
    layout->addWidget(m_refusalBar);
    layout->addWidget(m_waitingTitle);
    layout->addWidget(m_waiting, 3);
    layout->addWidget(m_waitingMore);
    layout->addWidget(m_refusedTitle);
    layout->addWidget(m_refused, 1);
    layout->addStretch(0); // takes the room when neither list has anything to show
    layout->addLayout(conflictRow);
    layout->addWidget(buttons);

    connect(m_syncNow, &QPushButton::clicked, &m_controller, &sync::SyncController::syncNow);
    connect(m_refusalSyncNow, &QPushButton::clicked, &m_controller, &sync::SyncController::syncNow);
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        m_refusalBar->hide();
        m_controller.signOut();
    });
    connect(m_signIn, &QPushButton::clicked, this, &SyncPanel::signInRequested);
    connect(m_openConflicts, &QPushButton::clicked, this, &SyncPanel::openConflictsRequested);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(&m_controller, &sync::SyncController::statusChanged, this, &SyncPanel::setStatus);
    connect(&m_controller, &sync::SyncController::signOutRefused, this,
            &SyncPanel::showSignOutRefused);

    m_status = m_controller.status();
    showStatus();
}

void SyncPanel::setStatus(const sync::SyncStatus &status)
{
    const bool finishedSync =
        m_status.state == sync::SyncState::Syncing && status.state != sync::SyncState::Syncing;
    m_status = status;
    if (status.pending == 0)
        m_refusalBar->hide(); // nothing waits any more: signing out will go ahead
    showStatus();
    if (isVisible() &&
        (finishedSync || status.pending != m_listedPending || status.rejected != m_listedRejected))
        reload();
}

void SyncPanel::showStatus()
{
    using sync::SyncState;
    const Clock &clock = m_store.clock();
    const sync::SyncStatus &status = m_status;
    const bool signedIn = !status.user.isEmpty() && status.state != SyncState::SignedOut &&
                          status.state != SyncState::Wiped;
    m_account->setText(
        signedIn ? tr("Signed in as %1 to %2")
                       .arg(status.user,
                            status.server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash))
                 : tr("Not signed in. Your work stays on this laptop until you sign in."));
    m_signIn->setVisible(status.state == SyncState::SignedOut ||
                         status.state == SyncState::SignInNeeded);
    m_signIn->setText(status.state == SyncState::SignInNeeded ? tr("Sign &in again…")
                                                              : tr("Sign &in…"));
    m_signOut->setVisible(signedIn);
    m_syncNow->setEnabled(signedIn && status.state != SyncState::SignInNeeded &&
                          status.state != SyncState::Syncing);

    m_state->setText(SyncStatusLine::textFor(status, clock));
    if (status.lastSuccess.isValid()) {
        const sync::SyncCounts &run = status.lastRun;
        QStringList moved;
        if (run.pushed > 0)
            moved << tr("%n change(s) sent", nullptr, run.pushed);
        if (run.pulled > 0)
            moved << tr("%n record(s) received", nullptr, run.pulled);
        if (run.rejected > 0)
            moved << tr("%n change(s) refused", nullptr, run.rejected);
        if (run.conflicts > 0)
            moved << tr("%n new conflict(s)", nullptr, run.conflicts);
        if (moved.isEmpty())
            moved << tr("nothing needed moving");
        m_lastSync->setText(tr("Last synced %1: %2.")
                                .arg(SyncStatusLine::timeText(status.lastSuccess, clock),
                                     moved.join(QStringLiteral(", "))));
    } else {
        m_lastSync->setText(signedIn ? tr("Not synced yet on this laptop.") : QString());
    }
    m_lastSync->setVisible(!m_lastSync->text().isEmpty());
    m_problem->setText(status.problem);
    m_problem->setVisible(!status.problem.isEmpty());

    if (status.openConflicts > 0) {
        m_conflicts->setText(tr("%n conflict(s) to settle: the same detail was changed in two "
                                "places.",
                                nullptr, status.openConflicts));
        m_conflicts->setStyleSheet(QString());
    } else {
        m_conflicts->setText(tr("No conflicts to settle."));
        m_conflicts->setStyleSheet(kQuiet);
    }
    m_openConflicts->setVisible(status.openConflicts > 0);
}

void SyncPanel::reload()
{
    auto read = sync::SyncOverview(m_store).read();
    m_waiting->clear();
    m_refused->clear();
    if (!read) {
        m_waitingTitle->setText(tr("Waiting to be sent"));
        m_waitingMore->setText(read.error().message);
        m_waitingMore->show();
        m_refusedTitle->hide();
        m_refused->hide();
        return;
    }
    const sync::SyncOverviewData &data = *read;
    m_listedPending = data.waitingChanges;
    m_listedRejected = int(data.refused.size());
    const Clock &clock = m_store.clock();

    if (data.waitingChanges == 0)
        m_waitingTitle->setText(tr("Nothing is waiting: all your work on this laptop has been "
                                   "sent."));
    else
        m_waitingTitle->setText(
            tr("Waiting to be sent (%n change(s))", nullptr, data.waitingChanges));
    for (const sync::ChangeLine &line : data.waiting) {
        const QString change = line.changes > 1
                                   ? tr("%1, %n time(s)", nullptr, line.changes).arg(line.action)
                                   : line.action;
        auto *item = new QTreeWidgetItem(
            m_waiting, {line.what, change,
                        line.at.isValid() ? SyncStatusLine::timeText(line.at, clock) : QString(),
                        line.caseNumber});
        item->setData(0, Qt::UserRole, line.recordId);
    }
    m_waiting->setVisible(!data.waiting.isEmpty());
    m_waitingMore->setText(
        tr("…and %n more change(s), sent after these.", nullptr, data.unlistedChanges));
    m_waitingMore->setVisible(data.unlistedChanges > 0);

    m_refusedTitle->setText(
        tr("Refused by the server (%1): kept aside on this laptop; nothing was deleted.")
            .arg(data.refused.size()));
    for (const sync::ChangeLine &line : data.refused) {
        auto *item = new QTreeWidgetItem(
            m_refused, {line.what, line.action,
                        line.at.isValid() ? SyncStatusLine::timeText(line.at, clock) : QString(),
                        line.caseNumber, line.reason});
        item->setToolTip(4, line.reason);
        item->setData(0, Qt::UserRole, line.recordId);
    }
    m_refusedTitle->setVisible(!data.refused.isEmpty());
    m_refused->setVisible(!data.refused.isEmpty());

    // Roomy columns, whatever is in them: What, Change, When, Case.
    const int roomy[] = {100, 95, 95, 120};
    for (QTreeWidget *list : {m_waiting, m_refused})
        for (int column = 0; column < list->columnCount() - 1; ++column) {
            list->resizeColumnToContents(column);
            list->setColumnWidth(column, qMax(list->columnWidth(column) + 18, roomy[column]));
        }
}

void SyncPanel::showSignOutRefused(const QString &reason)
{
    m_refusal->setText(reason);
    m_refusalBar->show();
    m_refusalSyncNow->setFocus(Qt::OtherFocusReason);
}

void SyncPanel::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    showStatus();
    reload();
}

} // namespace lantern
