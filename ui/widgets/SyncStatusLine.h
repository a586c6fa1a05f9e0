#pragma once

#include "sync/SyncController.h"

#include <QLabel>

namespace lantern {

class Clock;

// One calm line in the status bar saying where sync stands: "Up to date at 14:05",
// "Offline since 10:42 · 3 changes waiting", "Sign in to sync". Clicking it (or Enter/Space when
// it has focus) asks for the sync panel.
class SyncStatusLine : public QLabel
{
    Q_OBJECT

public:
    explicit SyncStatusLine(const Clock &clock, QWidget *parent = nullptr);

    // The line for a status, as shown. Times are shown in the FCA's local time, with today's
    // shown as a time alone.
    static QString textFor(const sync::SyncStatus &status, const Clock &clock);
    // "10:42" today, "yesterday 17:10", "Mon 3 Nov 09:15" otherwise (UTC in, local out).
    static QString timeText(const QDateTime &utc, const Clock &clock);
    // Whether the status asks the FCA to do something (shown with an amber mark).
    static bool needsAttention(const sync::SyncStatus &status);

    const sync::SyncStatus &status() const { return m_status; }

public slots:
    // Connected to SyncController::statusChanged.
    void setStatus(const lantern::sync::SyncStatus &status);

signals:
    void clicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString toolTipFor(const sync::SyncStatus &status) const;

    const Clock &m_clock;
    sync::SyncStatus m_status;
};

} // namespace lantern
