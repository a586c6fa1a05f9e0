#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>

namespace QKeychain {
class Job;
}

namespace lantern {

// Keeps the sync token in the system keychain (Secret Service, KWallet, macOS Keychain,
// Windows Credential Manager), under service "Lantern" and key "<server url>|<user>".
//
// Every call is asynchronous and answers with exactly one signal. Where there is no keychain
// (no secret service running, as under CI), it says so with failed(..., noKeychain = true): the
// token is then kept only in memory for this run, and the FCA types the password next time.
// The token is never written to a file or to settings: qtkeychain's plain-text fallback is off.
class TokenVault : public QObject
{
    Q_OBJECT

public:
    explicit TokenVault(QObject *parent = nullptr);
    ~TokenVault() override;

    static QString service() { return QStringLiteral("Lantern"); }
    static QString keyFor(const QUrl &server, const QString &user);
    // What the FCA is told when there is no keychain to keep the token in.
    static QString noKeychainMessage();

    // Gives up on a keychain that does not answer (a locked wallet nobody unlocks) after this
    // long, as if there were none. Default 30 seconds.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // One request at a time: a new one abandons the one before (its answer is ignored).
    void read(const QUrl &server, const QString &user);
    void store(const QUrl &server, const QString &user, const QString &token);
    void remove(const QUrl &server, const QString &user);
    bool isBusy() const { return !m_job.isNull(); }

signals:
    void tokenRead(const QString &token);
    // read(): the keychain works but holds no token for this account.
    void tokenMissing();
    void tokenStored();
    void tokenRemoved();
    // The keychain could not do it. noKeychain: there is no usable keychain on this computer
    // (reason is then noKeychainMessage()); otherwise reason says what went wrong.
    void failed(const QString &reason, bool noKeychain);

private:
    enum class Request
    {
        Read,
        Store,
        Remove
    };
    void begin(QKeychain::Job *job, Request request);
    void finished(QKeychain::Job *job);
    void timedOut(quint64 generation);

    QPointer<QKeychain::Job> m_job;
    Request m_request = Request::Read;
    quint64 m_generation = 0;
    std::chrono::milliseconds m_timeout = std::chrono::seconds(30);
};

} // namespace lantern
