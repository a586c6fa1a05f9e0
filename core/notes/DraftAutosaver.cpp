#include "DraftAutosaver.h"

#include "NoteRepository.h"
#include "store/StoreWorker.h"

#include <QCoreApplication>

namespace lantern {

DraftAutosaver::DraftAutosaver(StoreWorker &worker, Snapshot snapshot, QObject *parent)
    : QObject(parent), m_worker(worker), m_snapshot(std::move(snapshot))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &DraftAutosaver::save);
}

void DraftAutosaver::contentChanged()
{
    m_dirty = true;
    m_timer.start();
}

void DraftAutosaver::flush()
{
    if (m_dirty)
        save();
}

bool DraftAutosaver::flushAndWait()
{
    flush();
    m_worker.drain();
    // Deliver the results the worker has posted back, so the state is current.
    QCoreApplication::sendPostedEvents(this);
    return !m_lastFailed && !m_dirty;
}

void DraftAutosaver::save()
{
    m_timer.stop();
    const NoteDraft draft = m_snapshot();
    m_dirty = false;
    ++m_inFlight;
    m_worker.run<QDateTime>(
        this,
        [draft](Store &store) -> Result<QDateTime> {
            auto done = NoteRepository(store).saveDraft(draft.noteId, draft.bodyHtml,
                                                        draft.bodyText, draft.cursor);
            if (!done)
                return done.error();
            return store.clock().nowUtc();
        },
        [this](const Result<QDateTime> &result) {
            --m_inFlight;
            if (result) {
                m_lastFailed = false;
                m_lastSavedAt = *result;
                emit saved(*result);
            } else {
                // Keep it due: the text stays in the editor and is tried again.
                m_lastFailed = true;
                m_dirty = true;
                m_timer.start();
                emit saveFailed(result.error().message);
            }
        });
}

} // namespace lantern
