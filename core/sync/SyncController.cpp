#include "SyncController.h"

#include "store/Settings.h"
#include "store/Store.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkInformation>
#include <QRandomGenerator>
#include <QTimer>

#include <atomic>

Q_LOGGING_CATEGORY(lcSyncController, "lantern.sync")

namespace lantern::sync {

namespace {

const QString kAccountKey = QStringLiteral("sync.account");
constexpr std::chrono::milliseconds kMaxRetry = std::chrono::minutes(15);
constexpr int kCountPollMs = 2000;  // how often waiting changes are counted between syncs
constexpr int kBusyPageSize = 150;  // records a pull page in the app while the UI saves
constexpr int kIdlePageSize = 1000; // and while it does not

} // namespace

Result<SyncAccount> readAccount(Store &store)
{
    auto setting = readSetting(store, kAccountKey);
    if (!setting)
        return setting.error();
    SyncAccount account;
    account.server = QUrl(setting->value(QStringLiteral("server")).toString());
    account.user = setting->value(QStringLiteral("user")).toString();
    account.deviceId = setting->value(QStringLiteral("device_id")).toString();
    return account;
}

Result<void> writeAccount(Store &store, const SyncAccount &account)
{
    // The token is not written: it is the secret, and lives in the keychain.
    return writeSetting(store, kAccountKey,
                        {{QStringLiteral("server"), account.server.toString()},
                         {QStringLiteral("user"), account.user},
                         {QStringLiteral("device_id"), account.deviceId}});
}

Result<void> clearAccount(Store &store)
{
    auto current = readAccount(store);
    if (!current)
        return current.error();
    // The device id stays, so signing in again on this laptop is the same device to the server.
    return writeSetting(store, kAccountKey, {{QStringLiteral("device_id"), current->deviceId}});
}

// Lives on the sync thread: owns the store connection, the client and the engine.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(QString path, QString actor, const Clock &clock)
        : m_path(std::move(path)), m_actor(std::move(actor)), m_clock(clock)
    {}

    std::atomic<bool> stopping{false};
    std::chrono::milliseconds interval = std::chrono::minutes(5);
    std::chrono::milliseconds firstRetry = std::chrono::seconds(30);

    void init()
    {
        m_next = new QTimer(this);
        m_next->setSingleShot(true);
        connect(m_next, &QTimer::timeout, this, &SyncWorker::syncNow);
        m_poll = new QTimer(this);
        m_poll->setInterval(kCountPollMs);
        connect(m_poll, &QTimer::timeout, this, &SyncWorker::refreshCounts);
        StoreOptions options;
        options.actor = m_actor;
        auto store = Store::open(m_path, m_clock, options);
        if (!store) {
            m_status.state = SyncState::Problem;
            m_status.problem = store.error().message;
            publish();
            return;
        }
        m_store = std::move(store).value();
        if (auto account = readAccount(*m_store)) {
            m_status.user = account->user;
            m_status.server = account->server;
            m_deviceId = account->deviceId;
        }
        refreshCounts();
        m_poll->start();
    }

    void shutdown()
    {
        m_engine.reset();
        m_client.reset();
        m_store.reset();
    }

    // The thread is ending: its timers go with it (they cannot be stopped from another thread).
    void finish()
    {
        shutdown();
        delete m_next;
        m_next = nullptr;
        delete m_poll;
        m_poll = nullptr;
    }

    void signIn(const QUrl &server, const QString &user, const QString &password,
                const QString &deviceName)
    {
        SyncClient client(server, 30000);
        const QString deviceId =
            server == m_status.server || m_status.server.isEmpty() ? m_deviceId : QString();
        SyncReply<SignedIn> reply = client.signIn(user, password, deviceName, deviceId);
        if (!reply.ok()) {
            QString message = reply.failure.message;
            if (reply.failure.kind == SyncFailure::Kind::Network)
                message = tr("The server could not be reached. Check the address and that "
                             "this laptop is online, then try again.");
            else if (reply.failure.kind == SyncFailure::Kind::Unauthorised)
                message = tr("The user name or password is not right.");
            else if (reply.failure.kind == SyncFailure::Kind::TooManyAttempts)
                message = tr("Too many attempts. Try again in %n second(s).", nullptr,
                             qMax(1, reply.failure.retryAfterSeconds));
            emit signInFailed(message);
            return;
        }
        SyncAccount account{server, reply.value->userName, reply.value->deviceId,
                            reply.value->token};
        if (m_store) {
            if (auto saved = writeAccount(*m_store, account); !saved) {
                emit signInFailed(saved.error().message);
                return;
            }
        }
        emit signedIn(account);
        start(account);
    }

    void start(const SyncAccount &account)
    {
        if (m_running) {
            // Called from within a sync's wait for the network: the client is in use.
            m_startAfterRun = account;
            return;
        }
        m_deviceId = account.deviceId;
        m_status.user = account.user;
        m_status.server = account.server;
        m_failures = 0;
        if (m_status.state == SyncState::SignedOut || m_status.state == SyncState::SignInNeeded) {
            m_status.state = SyncState::Waiting;
            m_status.problem.clear();
        }
        m_client = std::make_unique<SyncClient>(account.server, 60000);
        m_client->setToken(account.token);
        if (m_store) {
            m_engine = std::make_unique<SyncEngine>(*m_store, *m_client);
            // While the UI saves, short pages hold the store's write lock briefly, so a save
            // never waits long behind one; otherwise long pages, as fewer are faster
            // (docs/performance.md).
            m_engine->setPageSizes(kBusyPageSize, kIdlePageSize);
        }
        syncNow();
    }

    void signOut()
    {
        if (m_running) {
            m_signOutAfterRun = true;
            return;
        }
        if (!m_store)
            return;
        auto waiting = SyncJournal(*m_store).pendingCount();
        if (!waiting || *waiting > 0) {
            emit signOutRefused(
                waiting ? tr("%n change(s) have not reached the server yet. Sync now, and sign "
                             "out once they have gone, so nothing is lost.",
                             nullptr, *waiting)
                        : waiting.error().message);
            return;
        }
        if (m_client)
            m_client->signOut(); // offline: the token simply runs out on the server
        m_engine.reset();
        m_client.reset();
        m_next->stop();
        if (auto cleared = clearAccount(*m_store); !cleared)
            qCWarning(lcSyncController) << "Could not forget the account";
        m_status.state = SyncState::SignedOut;
        m_status.problem.clear();
        m_status.user.clear();
        m_status.server.clear();
        publish();
        emit signedOut();
    }

    void networkChanged(bool online)
    {
        if (online) {
            m_failures = 0;
            syncNow();
        } else if (m_status.state != SyncState::SignedOut && m_engine) {
            goOffline(tr("The network is off."));
        }
    }

    void syncNow()
    {
        if (m_running) {
            m_again = true; // a change made during this sync goes in the next
            return;
        }
        if (!m_engine || stopping)
            return;
        m_running = true;
        m_next->stop();
        const SyncState before = m_status.state;
        m_status.state = SyncState::Syncing;
        publish();
        SyncRun run = m_engine->run();
        m_running = false;
        if (stopping)
            return;
        m_status.lastRun = run.counts;
        m_status.pending = run.counts.pending;
        m_status.openConflicts = run.counts.openConflicts;
        m_status.rejected = run.counts.rejectedWaiting;
        if (run.counts.pulled > 0 || run.counts.removedCases > 0)
            emit recordsChanged();
        if (run.ok)
            succeeded();
        else if (!run.storeError.isEmpty())
            problem(run.storeError, true);
        else
            failed(run.failure, before);
        if (m_startAfterRun) {
            const SyncAccount account = *m_startAfterRun;
            m_startAfterRun.reset();
            start(account);
        } else if (m_signOutAfterRun) {
            m_signOutAfterRun = false;
            signOut();
        } else if (m_again) {
            m_again = false;
            QMetaObject::invokeMethod(this, &SyncWorker::syncNow, Qt::QueuedConnection);
        }
    }

signals:
    void status(const lantern::sync::SyncStatus &status);
    void signedIn(const lantern::sync::SyncAccount &account);
    void signInFailed(const QString &message);
    void signedOut();
    void signOutRefused(const QString &reason);
    void recordsChanged();
    void wipeRequired(const QString &reason);

private:
    void publish() { emit status(m_status); }

    void refreshCounts()
    {
        if (m_running || !m_store)
            return;
        SyncJournal journal(*m_store);
        auto waiting = journal.pendingCount();
        auto open = journal.openConflictCount();
        auto refused = journal.rejectedCount();
        if (!waiting || !open || !refused)
            return;
        const bool changed = *waiting != m_status.pending || *open != m_status.openConflicts ||
                             *refused != m_status.rejected;
        m_status.pending = *waiting;
        m_status.openConflicts = *open;
        m_status.rejected = *refused;
        if (m_status.state == SyncState::UpToDate && m_status.pending > 0)
            m_status.state = SyncState::Waiting;
        if (changed)
            publish();
    }

    void succeeded()
    {
        m_failures = 0;
        m_status.lastSuccess = m_clock.nowUtc();
        m_status.since = m_status.lastSuccess;
        m_status.problem.clear();
        m_status.state = m_status.pending > 0 ? SyncState::Waiting : SyncState::UpToDate;
        publish();
        m_next->start(interval);
    }

    void goOffline(const QString &why)
    {
        if (m_status.state != SyncState::Offline || !m_status.since.isValid())
            m_status.since = m_clock.nowUtc();
        m_status.state = SyncState::Offline;
        m_status.problem = why;
        publish();
    }

    void problem(const QString &message, bool retry)
    {
        m_status.state = SyncState::Problem;
        m_status.problem = message;
        publish();
        if (retry)
            retryLater();
    }

    void retryLater()
    {
        // 30 s, 1 min, 2 min ... up to 15 min, each ±25% so a team's laptops do not all come
        // back at the same moment after an outage.
        ++m_failures;
        const qint64 base = firstRetry.count() << qMin(m_failures - 1, 10);
        const qint64 capped = qMin<qint64>(base, kMaxRetry.count());
        const double jitter = 0.75 + QRandomGenerator::global()->generateDouble() * 0.5;
        m_next->start(std::chrono::milliseconds(static_cast<qint64>(capped * jitter)));
    }

    void failed(const SyncFailure &failure, SyncState before)
    {
        using Kind = SyncFailure::Kind;
        switch (failure.kind) {
        case Kind::Network:
            if (before == SyncState::Offline)
                m_status.state = SyncState::Offline; // keep "offline since" as it was
            goOffline(tr("The server could not be reached."));
            retryLater();
            return;
        case Kind::Server:
        case Kind::TooManyAttempts:
            problem(tr("The server could not take the changes just now (%1). Lantern will try "
                       "again; nothing is lost.")
                        .arg(failure.message),
                    true);
            return;
        case Kind::Unauthorised:
        case Kind::TokenExpired:
            signInNeeded(tr("Your sign-in has ended. Sign in again to sync; your work is kept "
                            "on this laptop meanwhile."));
            return;
        case Kind::AccountDisabled:
            signInNeeded(tr("Your account has been disabled. Your work is kept on this laptop; "
                            "speak to your manager or support."));
            return;
        case Kind::DeviceRevoked:
            if (failure.wipe) {
                wipe();
                return;
            }
            signInNeeded(tr("This laptop's access to the server was withdrawn. Your work is kept "
                            "on it; speak to support."));
            return;
        case Kind::UpgradeRequired:
            m_status.state = SyncState::UpdateRequired;
            m_status.problem = tr("The server needs a newer Lantern. Everything you have done is "
                                  "kept on this laptop and will be sent once Lantern is updated.");
            publish();
            m_next->start(interval);
            return;
        case Kind::Forbidden:
        case Kind::CursorExpired:
        case Kind::Invalid:
            problem(failure.message, true);
            return;
        }
    }

    void signInNeeded(const QString &why)
    {
        m_engine.reset();
        m_client.reset();
        m_next->stop();
        m_status.state = SyncState::SignInNeeded;
        m_status.problem = why;
        publish();
    }

    void wipe()
    {
        qCWarning(lcSyncController) << "This device was revoked with wipe; closing the store";
        m_poll->stop();
        m_next->stop();
        shutdown();
        m_status = SyncStatus();
        m_status.state = SyncState::Wiped;
        m_status.problem =
            tr("This laptop was removed from Lantern by your service. Its copy of your caseload "
               "is being deleted from this computer. Nothing was lost on the server.");
        publish();
        emit wipeRequired(m_status.problem);
    }

    QString m_path;
    QString m_actor;
    const Clock &m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncClient> m_client;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_deviceId;
    SyncStatus m_status;
    QTimer *m_next = nullptr;
    QTimer *m_poll = nullptr;
    int m_failures = 0;
    bool m_running = false;
    bool m_again = false;
    bool m_signOutAfterRun = false;
    std::optional<SyncAccount> m_startAfterRun;
};

SyncController::SyncController(QString storePath, QString actor, const Clock &clock,
                               QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SyncAccount>();
    m_worker = new SyncWorker(std::move(storePath), std::move(actor), clock);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker, &SyncWorker::init);
    // The store connection is closed on the thread that opened it.
    connect(
        &m_thread, &QThread::finished, m_worker, [worker = m_worker] { worker->finish(); },
        Qt::DirectConnection);
    connect(m_worker, &SyncWorker::status, this, &SyncController::setStatus);
    connect(m_worker, &SyncWorker::signedIn, this, &SyncController::signedIn);
    connect(m_worker, &SyncWorker::signInFailed, this, &SyncController::signInFailed);
    connect(m_worker, &SyncWorker::signedOut, this, &SyncController::signedOut);
    connect(m_worker, &SyncWorker::signOutRefused, this, &SyncController::signOutRefused);
    connect(m_worker, &SyncWorker::recordsChanged, this, &SyncController::recordsChanged);
    connect(m_worker, &SyncWorker::wipeRequired, this, &SyncController::wipeRequired);
    m_thread.setObjectName(QStringLiteral("lantern-sync"));
    m_thread.start();

    // Sync when the network comes back. Where the system cannot say (no backend), the
    // periodic attempts and their back-off are the check.
    if (QNetworkInformation::loadDefaultBackend() ||
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        if (auto *info = QNetworkInformation::instance()) {
            connect(info, &QNetworkInformation::reachabilityChanged, this,
                    [this](QNetworkInformation::Reachability reachability) {
                        const bool online =
                            reachability == QNetworkInformation::Reachability::Online ||
                            reachability == QNetworkInformation::Reachability::Site ||
                            reachability == QNetworkInformation::Reachability::Local;
                        if (reachability == QNetworkInformation::Reachability::Unknown)
                            return;
                        QMetaObject::invokeMethod(m_worker, [worker = m_worker, online] {
                            worker->networkChanged(online);
                        });
                    });
        }
    }
}

SyncController::~SyncController()
{
    m_worker->stopping = true;
    m_thread.quit(); // also ends a request in flight: it is pushed again next time
    m_thread.wait();
    delete m_worker;
}

void SyncController::setStatus(const SyncStatus &status)
{
    m_status = status;
    emit statusChanged(m_status);
}

void SyncController::signIn(const QUrl &server, const QString &user, const QString &password,
                            const QString &deviceName)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, server, user, password, deviceName] {
        worker->signIn(server, user, password, deviceName);
    });
}

void SyncController::start(const SyncAccount &account)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, account] { worker->start(account); });
}

void SyncController::signOut()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->signOut(); });
}

void SyncController::syncNow()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->syncNow(); });
}

void SyncController::setInterval(std::chrono::milliseconds interval)
{
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, interval] { worker->interval = interval; });
}

void SyncController::setFirstRetry(std::chrono::milliseconds delay)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, delay] { worker->firstRetry = delay; });
}

} // namespace lantern::sync

#include "SyncController.moc"
