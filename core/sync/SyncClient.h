#pragma once

#include "SyncProtocol.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace lantern::sync {

// Why a request to the server did not give what was asked, in the terms the laptop acts on.
struct SyncFailure
{
    enum class Kind
    {
        Network,         // no answer: offline, refused, timed out, or a broken answer
        Unauthorised,    // wrong name or password, or an unknown token: sign in again
        TokenExpired,    // the sign-in has ended: sign in again
        AccountDisabled, // the account was disabled
        DeviceRevoked,   // this laptop was revoked; wipe says whether to remove its store
        Forbidden,       // not this user's to change (the push stored nothing)
        UpgradeRequired, // this Lantern is too old for the server: keep the data, update
        CursorExpired,   // away too long: pull again from 0
        TooManyAttempts, // wait retryAfterSeconds before signing in again
        Invalid,         // the server could not read the request
        Server,          // the server failed or is busy; try again later
    };
    Kind kind = Kind::Network;
    int status = 0; // HTTP status, 0 without an answer
    QString code;   // the server's error code
    QString message;
    bool wipe = false;
    int retryAfterSeconds = 0;
    QStringList mutationIds; // Forbidden push: the changes to cases this user does not hold
};

template <typename T> struct SyncReply
{
    std::optional<T> value;
    SyncFailure failure;
    bool ok() const { return value.has_value(); }
};

struct SignedIn
{
    QString token;
    QString expiresAt;
    QString deviceId;
    QString userName;
    QString role;
};

// The server's address as the FCA (or a script) typed it: https:// is added when no scheme is
// given. Case data travels only encrypted, so anything but https:// is refused, except http://
// to this computer (for trying Lantern out). The error's message says what to type.
Result<QUrl> parseServerAddress(const QString &typed);

// The laptop's end of the protocol: one blocking request at a time (it runs on the sync
// thread or in lantern-cli, never on the UI thread), with a timeout on each.
class SyncClient
{
    Q_DECLARE_TR_FUNCTIONS(SyncClient)

public:
    explicit SyncClient(QUrl server, int timeoutMs = 60000);
    ~SyncClient();
    SyncClient(const SyncClient &) = delete;
    SyncClient &operator=(const SyncClient &) = delete;

    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void setProtocolVersion(int version) { m_protocol = version; } // tests: an old laptop

    SyncReply<SignedIn> signIn(const QString &user, const QString &password,
                               const QString &deviceName, const QString &deviceId = {});
    SyncReply<bool> signOut();
    SyncReply<QList<ChangeResult>> push(const QList<Change> &changes);
    // horizon: kFromEmpty for the first page into a store that holds nothing from the server
    // (cursor 0), then that page's PullPage::horizon for the rest; 0 otherwise.
    static constexpr qint64 kFromEmpty = -1;
    SyncReply<PullPage> pull(qint64 cursor, int limit = kDefaultPullLimit, qint64 horizon = 0);
    // Asks for the pull page at this cursor now and returns at once: the server prepares it
    // and the answer downloads while the laptop writes the page before it. The next pull()
    // takes it if it asks for the same page; any other request drops it.
    void pullAhead(qint64 cursor, int limit = kDefaultPullLimit, qint64 horizon = 0);

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        int retryAfter = 0;
        QString networkError;
    };
    Answer send(const QByteArray &method, const QString &path, const QByteArray &body = {});
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body);
    static Answer await(QNetworkReply *reply);
    static QString pullPath(qint64 cursor, int limit, qint64 horizon);
    void dropAhead();
    static SyncFailure failureOf(const Answer &answer);

    QUrl m_server;
    int m_timeoutMs;
    QString m_token;
    int m_protocol = kProtocolVersion;
    QNetworkAccessManager *m_network;
    QNetworkReply *m_ahead = nullptr; // a pull page asked for ahead (pullAhead)
    QString m_aheadPath;
};

} // namespace lantern::sync
