#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace lantern::server {

class ServerDatabase;

enum class Role
{
    Fca,
    Manager,
    Admin,
};
QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

// Who is asking: the signed-in user and the device their token names.
struct Principal
{
    QString userId;
    QString userName;
    Role role = Role::Fca;
    QString team;
    QString deviceId;
};

struct SignInResult
{
    QString token; // given to the client once; the server keeps only its hash
    QString expiresAt;
    QString deviceId;
    Principal principal;
};

struct DeviceInfo
{
    QString id;
    QString userName;
    QString name;
    QString createdAt;
    QString lastSeenAt;
    QString revokedAt;
    bool wipe = false;
};

struct AccountOptions
{
    qint64 tokenLifetimeMs = 12 * 3600 * 1000; // milliseconds: --token-hours takes fractions
    int failuresBeforeSlowing = 3;             // then each attempt waits 1, 2, 4, ... seconds
    int failuresBeforeLock = 10;               // then sign-in is refused for lockSeconds
    qint64 lockSeconds = 15 * 60;
};

// Users, their devices and sign-in tokens. Passwords are hashed with Argon2id (libsodium);
// tokens are random and stored only as a SHA-256 hash. Failures throw ApiError.
class Accounts
{
public:
    Accounts(ServerDatabase &database, AccountOptions options = {});

    // Administration (lantern-server user/device commands).
    QString addUser(const QString &name, Role role, const QString &team, const QString &password);
    void disableUser(const QString &name);
    QList<DeviceInfo> devices();
    void revokeDevice(const QString &deviceId, bool wipe);

    // The API. deviceId may be empty (a new device is registered under deviceName).
    SignInResult signIn(const QString &name, const QString &password, const QString &deviceName,
                        const QString &deviceId, const QString &remoteAddress);
    // The principal behind an "Authorization: Bearer ..." token; 401 when unknown or expired,
    // 403 when the user is disabled or the device revoked (with "wipe" when it must wipe).
    Principal authenticate(const QString &authorizationHeader);
    void signOut(const QString &authorizationHeader);

    static QString hashPassword(const QString &password);
    static bool verifyPassword(const QString &hash, const QString &password);

private:
    ServerDatabase &m_db;
    AccountOptions m_options;
};

} // namespace lantern::server
