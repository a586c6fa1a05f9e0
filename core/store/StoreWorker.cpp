#include "StoreWorker.h"

#include <QSemaphore>

namespace lantern {

StoreWorker::StoreWorker(const Store &like, QObject *parent)
    : QObject(parent), m_path(like.path()), m_clock(like.clock()), m_context(new QObject)
{
    m_options.actor = like.actor();
    m_options.createIfMissing = false;
    m_thread.setObjectName(QStringLiteral("lantern-store-worker"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

StoreWorker::~StoreWorker()
{
    // Close the connection on the thread that opened it, then stop.
    QMetaObject::invokeMethod(
        m_context, [this] { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

void StoreWorker::post(Job job)
{
    QMetaObject::invokeMethod(
        m_context,
        [this, job = std::move(job)] {
            if (!m_store && !m_openError) {
                auto opened = Store::open(m_path, m_clock, m_options);
                if (opened)
                    m_store = std::move(opened).value();
                else
                    m_openError = opened.error();
            }
            job(m_store.get(), m_openError ? &*m_openError : nullptr);
        },
        Qt::QueuedConnection);
}

void StoreWorker::drain()
{
    QSemaphore done;
    QMetaObject::invokeMethod(
        m_context, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
}

} // namespace lantern
