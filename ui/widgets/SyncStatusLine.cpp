#include "SyncStatusLine.h"

#include "domain/Clock.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

namespace lantern {

namespace {

constexpr int kMarkSize = 8;
constexpr int kMarkIndent = kMarkSize + 8;

QString when(const QDateTime &utc, const Clock &clock)
{
    return SyncStatusLine::timeText(utc, clock);
}

QString waitingText(int pending)
{
    return SyncStatusLine::tr("%n change(s) waiting", nullptr, pending);
}

} // namespace

QString SyncStatusLine::timeText(const QDateTime &utc, const Clock &clock)
{
    const QLocale locale;
    const QDateTime local = utc.toTimeZone(Clock::londonZone());
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    const QDate today = clock.today();
    if (local.date() == today)
        return time;
    if (local.date() == today.addDays(-1))
        return tr("yesterday %1").arg(time);
    return tr("%1 %2").arg(locale.toString(local.date(), tr("ddd d MMM")), time);
}

SyncStatusLine::SyncStatusLine(const Clock &clock, QWidget *parent) : QLabel(parent), m_clock(clock)
{
    setTextFormat(Qt::PlainText);
    setIndent(kMarkIndent);
    setContentsMargins(0, 0, 12, 0); // a little air before the store's path
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::TabFocus);
    setAccessibleName(tr("Sync status"));
    setAccessibleDescription(tr("Opens the sync panel"));
    setStatus(m_status);
}

QString SyncStatusLine::textFor(const sync::SyncStatus &status, const Clock &clock)
{
    using sync::SyncState;
    QStringList parts;
    switch (status.state) {
    case SyncState::SignedOut:
        return tr("Sign in to sync");
    case SyncState::Syncing:
        return tr("Syncing…");
    case SyncState::Problem:
        return tr("A problem with sync: click to see");
    case SyncState::SignInNeeded:
        return tr("Sign in again to sync; your work is kept");
    case SyncState::UpdateRequired:
        return tr("Lantern needs updating to sync; your work is kept");
    case SyncState::Wiped:
        return tr("This laptop was removed from Lantern");
    case SyncState::Offline:
        parts << (status.since.isValid() ? tr("Offline since %1").arg(when(status.since, clock))
                                         : tr("Offline"));
        if (status.pending > 0)
            parts << waitingText(status.pending);
        break;
    case SyncState::UpToDate: {
        if (status.openConflicts > 0)
            break; // what wants doing comes first; the time is in the tooltip
        const QDateTime at = status.since.isValid() ? status.since : status.lastSuccess;
        if (!at.isValid())
            parts << tr("Up to date");
        else if (at.toTimeZone(Clock::londonZone()).date() == clock.today())
            parts << tr("Up to date at %1").arg(when(at, clock));
        else
            parts << tr("Up to date as of %1").arg(when(at, clock));
        if (status.pending > 0)
            parts << waitingText(status.pending);
        break;
    }
    case SyncState::Waiting:
        if (status.pending > 0)
            parts << waitingText(status.pending);
        else if (status.openConflicts == 0)
            parts << tr("Ready to sync");
        break;
    }
    if (status.openConflicts > 0)
        parts << tr("%n conflict(s) to settle", nullptr, status.openConflicts);
    if (status.rejected > 0)
        parts << tr("%n change(s) kept aside", nullptr, status.rejected);
    return parts.join(QStringLiteral(" · "));
}

bool SyncStatusLine::needsAttention(const sync::SyncStatus &status)
{
    using sync::SyncState;
    switch (status.state) {
    case SyncState::Problem:
    case SyncState::SignInNeeded:
    case SyncState::UpdateRequired:
    case SyncState::Wiped:
        return true;
    default:
        return status.openConflicts > 0 || status.rejected > 0;
    }
}

QString SyncStatusLine::toolTipFor(const sync::SyncStatus &status) const
{
    QStringList lines;
    if (!status.user.isEmpty())
        lines << tr("Signed in as %1 to %2")
                     .arg(status.user,
                          status.server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash));
    if (status.lastSuccess.isValid())
        lines << tr("Last synced: %1").arg(when(status.lastSuccess, m_clock));
    else if (status.state != sync::SyncState::SignedOut)
        lines << tr("Not synced yet on this laptop");
    if (!status.problem.isEmpty())
        lines << status.problem;
    lines << tr("Click for the sync panel; F5 syncs now.");
    return lines.join(QLatin1Char('\n'));
}

void SyncStatusLine::setStatus(const sync::SyncStatus &status)
{
    m_status = status;
    setText(textFor(status, m_clock));
    setToolTip(toolTipFor(status));
    setAccessibleDescription(toolTipFor(status));
    update();
}

void SyncStatusLine::paintEvent(QPaintEvent *event)
{
    QLabel::paintEvent(event);
    // A small round mark before the words: green when all is sent, grey while work waits or the
    // laptop is offline, blue while syncing, amber when something wants the FCA.
    QColor colour(0x8a, 0x8f, 0x98);
    if (needsAttention(m_status))
        colour = QColor(0xc2, 0x7c, 0x0e);
    else if (m_status.state == sync::SyncState::UpToDate)
        colour = QColor(0x3d, 0x8b, 0x5a);
    else if (m_status.state == sync::SyncState::Syncing)
        colour = QColor(0x2f, 0x6f, 0xb3);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    const int left = contentsRect().left() + 3;
    const int top = contentsRect().center().y() - kMarkSize / 2 + 1;
    painter.drawEllipse(QRect(left, top, kMarkSize, kMarkSize));
}

void SyncStatusLine::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        emit clicked();
        event->accept();
        return;
    }
    QLabel::mouseReleaseEvent(event);
}

void SyncStatusLine::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
        event->key() == Qt::Key_Space) {
        emit clicked();
        event->accept();
        return;
    }
    QLabel::keyPressEvent(event);
}

} // namespace lantern
