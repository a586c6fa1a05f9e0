#pragma once

#include "SyncEngine.h"
#include "domain/Clock.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>

#include <chrono>

namespace lantern::sync {

// Who this laptop syncs as. The token is the secret: it lives in the system keychain
// (security/TokenVault), never in the store or a settings file; the rest is kept in the
// store's settings (readAccount/writeAccount).
struct SyncAccount
{
    QUrl server;
    QString user;
    QString deviceId;
    QString token;
    bool isValid() const { return server.isValid() && !user.isEmpty() && !token.isEmpty(); }
};

Result<SyncAccount> readAccount(Store &store); // token left empty
Result<void> writeAccount(Store &store, const SyncAccount &account);
Result<void> clearAccount(Store &store);

enum class SyncState
{
    SignedOut,      // no account: sign in to sync
    Offline,        // the server cannot be reached; work is kept and sent later
    Syncing,        // a sync is running
    UpToDate,       // the last sync finished and nothing waits
    Waiting,        // changes wait to be sent (online, between syncs)
    Problem,        // something needs the FCA: see problem
    SignInNeeded,   // the sign-in ended or was refused: sign in again
    UpdateRequired, // the server needs a newer Lantern; all data is kept
    Wiped,          // this laptop was revoked and its store removed
};

struct SyncStatus
{
    SyncState state = SyncState::SignedOut;
    QDateTime since;       // Offline: since when; UpToDate: when the last sync finished
    QDateTime lastSuccess; // the last sync that finished (invalid: never)
    int pending = 0;       // changes waiting to be sent
    int rejected = 0;      // changes the server refused, kept aside
    int openConflicts = 0; // conflicts waiting for the FCA
    QString problem;       // plain English, for Problem, SignInNeeded, UpdateRequired, Wiped
    QString user;
    QUrl server;
    SyncCounts lastRun; // what the last sync moved
};

// Runs sync on its own thread with its own store connection, so the UI never waits on it.
// It syncs when started, when the network comes back, every few minutes while online, and when
// asked (syncNow); failures are retried later, backing off with jitter. Every public function
// may be called from the UI thread; signals arrive on the thread the controller lives on.
class SyncController : public QObject
{
    Q_OBJECT

public:
    SyncController(QString storePath, QString actor, const Clock &clock, QObject *parent = nullptr);
    ~SyncController() override;

    SyncStatus status() const { return m_status; }

    // Signs in (on the sync thread); emits signedIn with the account (token included: the caller
    // keeps it in the keychain) and starts syncing, or emits signInFailed with a reason to show.
    // The server address, user and device id are kept in the store's settings.
    void signIn(const QUrl &server, const QString &user, const QString &password,
                const QString &deviceName);
    // Starts syncing as this account (after signIn, or at start-up with the token from the
    // keychain).
    void start(const SyncAccount &account);
    // Refused (signOutRefused, with the reason) while changes wait to be sent; otherwise ends the
    // token on the server, forgets the account and emits signedOut.
    void signOut();
    void syncNow();

    void setInterval(std::chrono::milliseconds interval); // while online; default 5 minutes
    // Tests: the point at which a failed sync is tried again the first time (doubles each time,
    // up to 15 minutes, with ±25% jitter); default 30 seconds.
    void setFirstRetry(std::chrono::milliseconds delay);

signals:
    void statusChanged(const lantern::sync::SyncStatus &status);
    void signedIn(const lantern::sync::SyncAccount &account);
    void signInFailed(const QString &message);
    void signedOut();
    void signOutRefused(const QString &reason);
    // A sync wrote records that came from the server: views showing them should reload.
    void recordsChanged();
    // This laptop was revoked with wipe. The sync thread has closed its connection; the app must
    // close every other connection to the store, then call SyncJournal::wipeFiles and remove
    // the keychain entry, and tell the FCA why (reason).
    void wipeRequired(const QString &reason);

private:
    void setStatus(const SyncStatus &status);

    QThread m_thread;
    class SyncWorker *m_worker = nullptr;
    SyncStatus m_status;
};

} // namespace lantern::sync

Q_DECLARE_METATYPE(lantern::sync::SyncStatus)
Q_DECLARE_METATYPE(lantern::sync::SyncAccount)
