#include "ApiRouter.h"

#include "ApiError.h"
#include "auth/Accounts.h"
#include "storage/Audit.h"
#include "storage/ServerDatabase.h"
#include "store/Store.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServerApi, "lantern.server.api")

namespace lantern::server {

namespace {

const QString kPrefix = QStringLiteral("/api/v1/");

HttpResponse json(int status, const QByteArray &body)
{
    HttpResponse response;
    response.status = status;
    response.body = body.toStdString();
    return response;
}

HttpResponse json(const QJsonObject &object)
{
    return json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse errorResponse(const ApiError &error)
{
    HttpResponse response =
        json(error.status(), sync::errorJson(error.code(), error.message(), error.extra()));
    if (error.retryAfterSeconds > 0)
        response.headers.emplace_back("Retry-After", std::to_string(error.retryAfterSeconds));
    return response;
}

ApiError badRequest(const QString &message)
{
    return ApiError(400, QStringLiteral("invalid"), message);
}

QString header(const HttpRequest &request, const char *name)
{
    return QString::fromStdString(request.header(name));
}

void requireMethod(const HttpRequest &request, const char *method)
{
    if (request.method != method) {
        ApiError error(405, QStringLiteral("method_not_allowed"),
                       QStringLiteral("Use %1 for this address.").arg(QLatin1String(method)));
        throw error;
    }
}

QJsonObject readBody(const HttpRequest &request, const QSet<QString> &allowed)
{
    const QString type = header(request, "content-type");
    if (!type.isEmpty() && !type.startsWith(QLatin1String("application/json")))
        throw ApiError(415, QStringLiteral("unsupported_media_type"),
                       QStringLiteral("Send the body as application/json."));
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromStdString(request.body), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw badRequest(QStringLiteral("The body is not valid JSON (%1 at offset %2).")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    if (!document.isObject())
        throw badRequest(QStringLiteral("The body must be a JSON object."));
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            throw badRequest(QStringLiteral("Unknown member \"%1\".").arg(it.key()));
        if (!it.value().isString())
            throw badRequest(QStringLiteral("\"%1\" must be a string.").arg(it.key()));
    }
    return object;
}

qint64 queryNumber(const HttpRequest &request, const char *name, qint64 fallback)
{
    const auto it = request.query.find(name);
    if (it == request.query.end())
        return fallback;
    bool ok = false;
    const qint64 value = QString::fromStdString(it->second).toLongLong(&ok);
    if (!ok || value < 0)
        throw badRequest(
            QStringLiteral("%1 must be a whole number, 0 or more.").arg(QLatin1String(name)));
    return value;
}

} // namespace

ApiRouter::ApiRouter(ServerDatabase &database, Accounts &accounts, SyncService &sync)
    : m_db(database), m_accounts(accounts), m_sync(sync)
{}

HttpResponse ApiRouter::handle(const HttpRequest &request)
{
    Principal principal;
    try {
        return route(request, &principal);
    } catch (const ApiError &error) {
        if (error.status() == 403) {
            try {
                recordAudit(m_db, {principal.userName.isEmpty() ? QStringLiteral("(unknown)")
                                                                : principal.userName,
                                   principal.deviceId, QStringLiteral("refused"), QString(), 403,
                                   QStringLiteral("%1 %2: %3")
                                       .arg(QString::fromStdString(request.method),
                                            QString::fromStdString(request.path), error.code())});
            } catch (const ApiError &) {
                qCWarning(lcServerApi) << "could not record a refusal";
            }
        }
        return errorResponse(error);
    }
}

HttpResponse ApiRouter::route(const HttpRequest &request, Principal *principal)
{
    const QString path = QString::fromStdString(request.path);
    if (!path.startsWith(kPrefix))
        throw ApiError(404, QStringLiteral("not_found"),
                       QStringLiteral("Nothing here: the API is under /api/v1/."));
    const QString route = path.mid(kPrefix.size());

    // A laptop too old for this server keeps its data and is told to update.
    if (const QString version = header(request, sync::kProtocolHeader); !version.isEmpty()) {
        bool ok = false;
        const int number = version.toInt(&ok);
        if (!ok)
            throw badRequest(QStringLiteral("Lantern-Protocol must be a number."));
        if (number < sync::kMinProtocolVersion)
            throw ApiError(426, QStringLiteral("upgrade_required"),
                           QStringLiteral("This version of Lantern is too old for the server. "
                                          "Your data is safe on this laptop; update Lantern to "
                                          "sync again."),
                           {{QStringLiteral("min_protocol"), sync::kMinProtocolVersion}});
    }

    if (route == QLatin1String("health")) {
        requireMethod(request, "GET");
        m_db.read([](QSqlDatabase &db) { ServerDatabase::exec(db, QStringLiteral("SELECT 1")); });
        return json({{QStringLiteral("status"), QStringLiteral("ok")}});
    }
    if (route == QLatin1String("meta")) {
        requireMethod(request, "GET");
        return json({
            {QStringLiteral("server_version"), QStringLiteral(LANTERN_VERSION)},
            {QStringLiteral("protocol"),
             QJsonObject{{QStringLiteral("min"), sync::kMinProtocolVersion},
                         {QStringLiteral("max"), sync::kProtocolVersion}}},
            {QStringLiteral("client_schema"), Store::latestSchemaVersion()},
            {QStringLiteral("server_schema"), ServerDatabase::schemaVersion()},
            {QStringLiteral("max_push_changes"), sync::kMaxPushChanges},
            {QStringLiteral("max_pull_limit"), sync::kMaxPullLimit},
        });
    }
    if (route == QLatin1String("sign-in")) {
        requireMethod(request, "POST");
        const QJsonObject body =
            readBody(request, {QStringLiteral("user"), QStringLiteral("password"),
                               QStringLiteral("device_name"), QStringLiteral("device_id")});
        const QString user = body.value(QStringLiteral("user")).toString();
        principal->userName = user.left(100);
        if (user.isEmpty() || !body.contains(QStringLiteral("password")))
            throw badRequest(QStringLiteral("Give \"user\" and \"password\"."));
        const QString deviceName = body.value(QStringLiteral("device_name")).toString();
        const SignInResult result =
            m_accounts.signIn(user, body.value(QStringLiteral("password")).toString(),
                              deviceName.isEmpty() ? QStringLiteral("unnamed device") : deviceName,
                              body.value(QStringLiteral("device_id")).toString(),
                              QString::fromStdString(request.remoteAddress));
        return json({
            {QStringLiteral("token"), result.token},
            {QStringLiteral("expires_at"), result.expiresAt},
            {QStringLiteral("device_id"), result.deviceId},
            {QStringLiteral("user"),
             QJsonObject{{QStringLiteral("name"), result.principal.userName},
                         {QStringLiteral("role"), roleName(result.principal.role)},
                         {QStringLiteral("team"), result.principal.team}}},
        });
    }

    const QString authorization = header(request, "authorization");
    if (route == QLatin1String("sign-out")) {
        requireMethod(request, "POST");
        m_accounts.signOut(authorization);
        return json({{QStringLiteral("status"), QStringLiteral("signed out")}});
    }
    if (route == QLatin1String("push")) {
        requireMethod(request, "POST");
        *principal = m_accounts.authenticate(authorization);
        if (const QString type = header(request, "content-type");
            !type.isEmpty() && !type.startsWith(QLatin1String("application/json")))
            throw ApiError(415, QStringLiteral("unsupported_media_type"),
                           QStringLiteral("Send the body as application/json."));
        const auto parsed = sync::parsePushRequest(QByteArray::fromStdString(request.body));
        if (!parsed.ok())
            throw badRequest(parsed.error.message);
        return json(200, sync::pushResponseJson(m_sync.push(*principal, *parsed.value)));
    }
    if (route == QLatin1String("pull")) {
        requireMethod(request, "GET");
        *principal = m_accounts.authenticate(authorization);
        for (const auto &[name, value] : request.query) {
            if (name != "cursor" && name != "limit" && name != "horizon" && name != "fresh")
                throw badRequest(
                    QStringLiteral("Unknown parameter \"%1\".").arg(QString::fromStdString(name)));
        }
        const qint64 cursor = queryNumber(request, "cursor", 0);
        const qint64 limit = queryNumber(request, "limit", sync::kDefaultPullLimit);
        const qint64 horizon = queryNumber(request, "horizon", 0);
        const qint64 fresh = queryNumber(request, "fresh", 0);
        if (fresh != 0 && (fresh != 1 || cursor != 0 || horizon != 0))
            throw badRequest(QStringLiteral("fresh=1 goes with cursor=0 alone."));
        if (limit < 1 || limit > sync::kMaxPullLimit)
            throw badRequest(
                QStringLiteral("limit must be between 1 and %1.").arg(sync::kMaxPullLimit));
        return json(200,
                    sync::pullResponseJson(m_sync.pull(*principal, cursor, static_cast<int>(limit),
                                                       fresh ? SyncService::kFresh : horizon)));
    }
    throw ApiError(404, QStringLiteral("not_found"),
                   QStringLiteral("There is no %1 in the API.").arg(path));
}

} // namespace lantern::server
