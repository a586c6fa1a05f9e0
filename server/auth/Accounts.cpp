#include "Accounts.h"

#include "ApiError.h"
#include "storage/Audit.h"
#include "storage/ServerDatabase.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <sodium.h>

namespace lantern::server {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString bearer(const QString &header)
{
    const QString prefix = QStringLiteral("Bearer ");
    if (!header.startsWith(prefix, Qt::CaseInsensitive))
        return {};
    return header.mid(prefix.size()).trimmed();
}

ApiError unauthorised(const QString &message)
{
    return ApiError(401, QStringLiteral("unauthorised"), message);
}

QString afterMilliseconds(qint64 milliseconds)
{
    return QDateTime::currentDateTimeUtc().addMSecs(milliseconds).toString(Qt::ISODateWithMs);
}

qint64 secondsSince(const QString &time)
{
    return QDateTime::fromString(time, Qt::ISODateWithMs).secsTo(QDateTime::currentDateTimeUtc());
}

void ensureSodium()
{
    static const int ready = sodium_init();
    if (ready < 0)
        throw ApiError(500, QStringLiteral("internal"),
                       QStringLiteral("libsodium failed to start."));
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Fca:
        return QStringLiteral("fca");
    case Role::Manager:
        return QStringLiteral("manager");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : {Role::Fca, Role::Manager, Role::Admin}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

Accounts::Accounts(ServerDatabase &database, AccountOptions options)
    : m_db(database), m_options(options)
{
    ensureSodium();
}

QString Accounts::hashPassword(const QString &password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw ApiError(503, QStringLiteral("busy"),
                       QStringLiteral("The server is short of memory to check passwords; try "
                                      "again shortly."));
    return QString::fromLatin1(hash);
}

bool Accounts::verifyPassword(const QString &hash, const QString &password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

QString Accounts::addUser(const QString &name, Role role, const QString &team,
                          const QString &password)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100 || trimmed.contains(QLatin1Char(' ')))
        throw ApiError(400, QStringLiteral("invalid"),
                       QStringLiteral("A user name is 1 to 100 characters with no spaces."));
    if (password.size() < 10)
        throw ApiError(400, QStringLiteral("invalid"),
                       QStringLiteral("A password needs at least 10 characters."));
    const QString hash = hashPassword(password);
    const QString id = newId();
    m_db.writeUnsequenced([&](QSqlDatabase &db) {
        // Sign-in matches names in any case, so two names may not differ only in case.
        QSqlQuery &existing = ServerDatabase::exec(db, QStringLiteral("SELECT name FROM users"));
        while (existing.next()) {
            if (existing.value(0).toString().toLower() == trimmed.toLower())
                throw ApiError(409, QStringLiteral("exists"),
                               QStringLiteral("There is already a user called %1.")
                                   .arg(existing.value(0).toString()));
        }
        ServerDatabase::exec(
            db,
            QStringLiteral("INSERT INTO users (id, name, role, team, password_hash,"
                           " created_at) VALUES (?, ?, ?, ?, ?, ?)"),
            {id, trimmed, roleName(role), team.trimmed(), hash, ServerDatabase::now()});
        recordAudit(db, {QStringLiteral("admin"), QString(), QStringLiteral("user-add"), QString(),
                         200, QStringLiteral("user %1 role %2").arg(trimmed, roleName(role))});
    });
    return id;
}

void Accounts::disableUser(const QString &name)
{
    m_db.writeUnsequenced([&](QSqlDatabase &db) {
        QSqlQuery &query = ServerDatabase::exec(
            db, QStringLiteral("UPDATE users SET disabled_at = ? WHERE name = ? RETURNING id"),
            {ServerDatabase::now(), name});
        if (!query.next())
            throw ApiError(404, QStringLiteral("not_found"),
                           QStringLiteral("There is no user called %1.").arg(name));
        query.finish();
        recordAudit(db, {QStringLiteral("admin"), QString(), QStringLiteral("user-disable"),
                         QString(), 200, QStringLiteral("user %1").arg(name)});
    });
}

QList<DeviceInfo> Accounts::devices()
{
    QList<DeviceInfo> result;
    m_db.read([&](QSqlDatabase &db) {
        QSqlQuery &query = ServerDatabase::exec(
            db, QStringLiteral("SELECT d.id, u.name, d.name, d.created_at, d.last_seen_at,"
                               " d.revoked_at, d.wipe FROM devices d JOIN users u"
                               " ON u.id = d.user_id ORDER BY u.name, d.created_at"));
        while (query.next())
            result.append({query.value(0).toString(), query.value(1).toString(),
                           query.value(2).toString(), query.value(3).toString(),
                           query.value(4).toString(), query.value(5).toString(),
                           query.value(6).toInt() != 0});
    });
    return result;
}

void Accounts::revokeDevice(const QString &deviceId, bool wipe)
{
    m_db.writeUnsequenced([&](QSqlDatabase &db) {
        QSqlQuery &query = ServerDatabase::exec(
            db,
            QStringLiteral("UPDATE devices SET revoked_at = COALESCE(revoked_at, ?), wipe = ?"
                           " WHERE id = ? RETURNING id"),
            {ServerDatabase::now(), wipe ? 1 : 0, deviceId});
        if (!query.next())
            throw ApiError(404, QStringLiteral("not_found"),
                           QStringLiteral("There is no device %1.").arg(deviceId));
        query.finish();
        recordAudit(db, {QStringLiteral("admin"), deviceId, QStringLiteral("device-revoke"),
                         QString(), 200, wipe ? QStringLiteral("wipe") : QString()});
    });
}

SignInResult Accounts::signIn(const QString &name, const QString &password,
                              const QString &deviceName, const QString &deviceId,
                              const QString &remoteAddress)
{
    const QString key = name.trimmed().toLower();
    const QString from = QStringLiteral("from %1").arg(remoteAddress);

    // Slowed, then locked: a run of failures makes the next attempt wait.
    int failures = 0;
    QString lastFailedAt;
    m_db.read([&](QSqlDatabase &db) {
        QSqlQuery &query = ServerDatabase::exec(
            db,
            QStringLiteral(
                "SELECT failures, last_failed_at FROM sign_in_failures WHERE user_name = ?"),
            {key});
        if (query.next()) {
            failures = query.value(0).toInt();
            lastFailedAt = query.value(1).toString();
        }
    });
    if (failures >= m_options.failuresBeforeSlowing) {
        const qint64 wait =
            failures >= m_options.failuresBeforeLock
                ? m_options.lockSeconds
                : (qint64(1) << qMin(failures - m_options.failuresBeforeSlowing, 20));
        const qint64 remaining = wait - secondsSince(lastFailedAt);
        if (remaining > 0) {
            recordAudit(m_db, {key, deviceId, QStringLiteral("sign-in"), QString(), 429, from});
            ApiError error(429, QStringLiteral("too_many_attempts"),
                           QStringLiteral("Too many failed sign-ins. Try again in %1 seconds.")
                               .arg(remaining));
            error.retryAfterSeconds = static_cast<int>(remaining);
            throw error;
        }
    }

    struct UserRow
    {
        QString id, name, role, team, hash, disabledAt;
    };
    std::optional<UserRow> user;
    m_db.read([&](QSqlDatabase &db) {
        // Compared here, not with SQL lower(): SQLite's lower() leaves non-ASCII letters as they
        // are, so "Élodie" would never match what she typed.
        QSqlQuery &query = ServerDatabase::exec(
            db,
            QStringLiteral("SELECT id, name, role, team, password_hash, disabled_at FROM users"));
        while (query.next()) {
            if (query.value(1).toString().toLower() != key)
                continue;
            user = UserRow{query.value(0).toString(), query.value(1).toString(),
                           query.value(2).toString(), query.value(3).toString(),
                           query.value(4).toString(), query.value(5).toString()};
            break;
        }
    });
    // An unknown user costs the same time as a wrong password.
    static const QString dummy = hashPassword(QStringLiteral("no such user, no such password"));
    const bool good = verifyPassword(user ? user->hash : dummy, password) && user.has_value();
    if (!good) {
        m_db.writeUnsequenced([&](QSqlDatabase &db) {
            ServerDatabase::exec(
                db,
                QStringLiteral("INSERT INTO sign_in_failures (user_name, failures, last_failed_at)"
                               " VALUES (?, 1, ?) ON CONFLICT (user_name) DO UPDATE SET"
                               " failures = sign_in_failures.failures + 1,"
                               " last_failed_at = excluded.last_failed_at"),
                {key, ServerDatabase::now()});
            recordAudit(db, {key, deviceId, QStringLiteral("sign-in"), QString(), 401, from});
        });
        throw unauthorised(QStringLiteral("The user name or password is wrong."));
    }
    if (!user->disabledAt.isEmpty()) {
        recordAudit(m_db, {user->name, deviceId, QStringLiteral("sign-in"), QString(), 403, from});
        throw ApiError(403, QStringLiteral("account_disabled"),
                       QStringLiteral("This account has been disabled. Ask your administrator."));
    }

    SignInResult result;
    result.principal = {user->id, user->name, roleFromName(user->role).value_or(Role::Fca),
                        user->team, QString()};
    const QByteArray randomBytes = [] {
        QByteArray bytes(32, Qt::Uninitialized);
        randombytes_buf(bytes.data(), static_cast<size_t>(bytes.size()));
        return bytes;
    }();
    result.token = QString::fromLatin1(
        randomBytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    result.expiresAt = afterMilliseconds(m_options.tokenLifetimeMs);

    m_db.writeUnsequenced([&](QSqlDatabase &db) {
        QString device = deviceId;
        if (!device.isEmpty()) {
            QSqlQuery &query = ServerDatabase::exec(
                db,
                QStringLiteral("SELECT revoked_at, wipe FROM devices WHERE id = ? AND user_id = ?"),
                {device, user->id});
            const bool known = query.next();
            const bool revoked = known && !query.value(0).isNull();
            const bool wipe = known && query.value(1).toInt() != 0;
            query.finish(); // PostgreSQL: no unread rows while the next query runs
            if (!known) {
                device.clear(); // not this user's: register a new one
            } else if (revoked) {
                throw ApiError(
                    403, QStringLiteral("device_revoked"),
                    QStringLiteral("This device has been revoked by your administrator."),
                    {{QStringLiteral("wipe"), wipe}});
            }
        }
        if (device.isEmpty()) {
            device = newId();
            ServerDatabase::exec(
                db,
                QStringLiteral("INSERT INTO devices (id, user_id, name, created_at)"
                               " VALUES (?, ?, ?, ?)"),
                {device, user->id, deviceName.left(200), ServerDatabase::now()});
        }
        ServerDatabase::exec(db, QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"),
                             {ServerDatabase::now(), device});
        ServerDatabase::exec(db, QStringLiteral("DELETE FROM sign_in_failures WHERE user_name = ?"),
                             {key});
        ServerDatabase::exec(
            db,
            QStringLiteral("INSERT INTO tokens (token_hash, user_id, device_id,"
                           " created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
            {tokenHash(result.token), user->id, device, ServerDatabase::now(), result.expiresAt});
        recordAudit(db, {user->name, device, QStringLiteral("sign-in"), QString(), 200, from});
        result.deviceId = device;
    });
    result.principal.deviceId = result.deviceId;
    return result;
}

Principal Accounts::authenticate(const QString &authorizationHeader)
{
    const QString token = bearer(authorizationHeader);
    if (token.isEmpty())
        throw unauthorised(QStringLiteral("Sign in first: send Authorization: Bearer TOKEN."));
    Principal principal;
    QString expiresAt, signedOutAt, disabledAt, revokedAt;
    bool wipe = false;
    bool found = false;
    m_db.read([&](QSqlDatabase &db) {
        QSqlQuery &query = ServerDatabase::exec(
            db,
            QStringLiteral("SELECT u.id, u.name, u.role, u.team, t.device_id, t.expires_at,"
                           " t.signed_out_at, u.disabled_at, d.revoked_at, d.wipe"
                           " FROM tokens t JOIN users u ON u.id = t.user_id"
                           " JOIN devices d ON d.id = t.device_id WHERE t.token_hash = ?"),
            {tokenHash(token)});
        if (!query.next())
            return;
        found = true;
        principal = {query.value(0).toString(), query.value(1).toString(),
                     roleFromName(query.value(2).toString()).value_or(Role::Fca),
                     query.value(3).toString(), query.value(4).toString()};
        expiresAt = query.value(5).toString();
        signedOutAt = query.value(6).toString();
        disabledAt = query.value(7).toString();
        revokedAt = query.value(8).toString();
        wipe = query.value(9).toInt() != 0;
    });
    if (!found || !signedOutAt.isEmpty())
        throw unauthorised(QStringLiteral("This sign-in is not known. Sign in again."));
    if (!disabledAt.isEmpty())
        throw ApiError(403, QStringLiteral("account_disabled"),
                       QStringLiteral("This account has been disabled. Ask your administrator."));
    if (!revokedAt.isEmpty())
        throw ApiError(403, QStringLiteral("device_revoked"),
                       QStringLiteral("This device has been revoked by your administrator."),
                       {{QStringLiteral("wipe"), wipe}});
    if (expiresAt <= ServerDatabase::now())
        throw ApiError(401, QStringLiteral("token_expired"),
                       QStringLiteral("This sign-in has expired. Sign in again."));
    return principal;
}

void Accounts::signOut(const QString &authorizationHeader)
{
    const Principal principal = authenticate(authorizationHeader);
    m_db.writeUnsequenced([&](QSqlDatabase &db) {
        ServerDatabase::exec(
            db, QStringLiteral("UPDATE tokens SET signed_out_at = ? WHERE token_hash = ?"),
            {ServerDatabase::now(), tokenHash(bearer(authorizationHeader))});
        recordAudit(db, {principal.userName, principal.deviceId, QStringLiteral("sign-out"),
                         QString(), 200, QString()});
    });
}

} // namespace lantern::server
