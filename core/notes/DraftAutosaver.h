#pragma once

#include "Note.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

namespace lantern {

class StoreWorker;

// Keeps an editor's draft in the store without the editor waiting: a save is due
// kDelayMs after the last change (well within the 2 seconds promised), and at once on
// flush() (focus lost) or flushAndWait() (closing or quitting). Saves run on the store
// worker's thread, in order.
class DraftAutosaver : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 1200;
    // Reads what the editor holds now. Called on this object's thread.
    using Snapshot = std::function<NoteDraft()>;

    DraftAutosaver(StoreWorker &worker, Snapshot snapshot, QObject *parent = nullptr);

    // The editor's content changed: save soon.
    void contentChanged();
    // Save now if anything is unsaved; returns at once.
    void flush();
    // Save now and wait until it is written. Returns false if the save failed.
    bool flushAndWait();

    bool hasUnsavedChanges() const { return m_dirty || m_inFlight > 0; }
    QDateTime lastSavedAt() const { return m_lastSavedAt; }

signals:
    void saved(const QDateTime &at);
    void saveFailed(const QString &message);

private:
    void save();

    StoreWorker &m_worker;
    Snapshot m_snapshot;
    QTimer m_timer;
    bool m_dirty = false;
    int m_inFlight = 0;
    bool m_lastFailed = false;
    QDateTime m_lastSavedAt;
};

} // namespace lantern
