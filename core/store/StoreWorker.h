#pragma once

#include "Store.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace lantern {

// Runs store reads (and bulk writes) on a thread of its own, with its own connection to the
// same file, so the UI thread never waits on a query. Work runs in the order it was given;
// each result is delivered on the thread of the context object, and dropped if that object
// has gone.
class StoreWorker : public QObject
{
    Q_OBJECT

public:
    // Opens its connection lazily, on the worker thread, to the same file as `like`.
    explicit StoreWorker(const Store &like, QObject *parent = nullptr);
    ~StoreWorker() override;

    template <typename T>
    void run(QObject *context, std::function<Result<T>(Store &)> work,
             std::function<void(const Result<T> &)> done)
    {
        QPointer<QObject> guard(context);
        post([guard, work = std::move(work), done = std::move(done)](Store *store,
                                                                     const Error *openError) {
            auto result = std::make_shared<Result<T>>(store ? work(*store) : Result<T>(*openError));
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, result, done] {
                    if (guard)
                        done(*result);
                },
                Qt::QueuedConnection);
        });
    }

    // Waits until every piece of work given so far has run (tests and shutdown).
    void drain();

private:
    using Job = std::function<void(Store *, const Error *)>;
    void post(Job job);

    QString m_path;
    const Clock &m_clock;
    StoreOptions m_options;
    QThread m_thread;
    QObject *m_context;             // lives on m_thread; work is queued to it
    std::unique_ptr<Store> m_store; // touched only on m_thread
    std::optional<Error> m_openError;
};

} // namespace lantern
