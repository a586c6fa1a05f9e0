#include "SyncClient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <utility>

namespace lantern::sync {

namespace {

using Kind = SyncFailure::Kind;

template <typename T> SyncReply<T> failed(SyncFailure failure)
{
    SyncReply<T> reply;
    reply.failure = std::move(failure);
    return reply;
}

template <typename T> SyncReply<T> succeeded(T value)
{
    SyncReply<T> reply;
    reply.value = std::move(value);
    return reply;
}

SyncFailure broken(const QString &message)
{
    SyncFailure failure;
    failure.kind = Kind::Network;
    failure.message = message;
    return failure;
}

} // namespace

namespace {
bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
} // namespace

Result<QUrl> parseServerAddress(const QString &typed)
{
    QString text = typed.trimmed();
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("https://"));
    const QUrl url = QUrl(text, QUrl::StrictMode).adjusted(QUrl::StripTrailingSlash);
    if (text.isEmpty() || !url.isValid() || url.host().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         SyncClient::tr("Type the server's address, as your service gave it to you "
                                        "(for example https://lantern.example.org)."));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") &&
        !(scheme == QLatin1String("http") && isLoopback(url.host())))
        return makeError(ErrorCode::InvalidInput,
                         SyncClient::tr("The address must begin with https://, so your sign-in "
                                        "and your cases travel encrypted."));
    return url;
}

SyncClient::SyncClient(QUrl server, int timeoutMs)
    : m_server(std::move(server)), m_timeoutMs(timeoutMs), m_network(new QNetworkAccessManager)
{}

SyncClient::~SyncClient()
{
    dropAhead();
    delete m_network;
}

QNetworkReply *SyncClient::start(const QByteArray &method, const QString &path,
                                 const QByteArray &body)
{
    QUrl url = m_server;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(m_server.path().chopped(m_server.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
                path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Lantern-Protocol", QByteArray::number(m_protocol));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    return m_network->sendCustomRequest(request, method, body);
}

SyncClient::Answer SyncClient::await(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (!reply->isFinished())
        reply->abort(); // the thread is stopping: the request is sent again next time
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        answer.body = reply->readAll();
    answer.retryAfter = reply->rawHeader("Retry-After").toInt();
    // A connection cut part-way through the answer still carries the status it began with.
    if (reply->error() == QNetworkReply::RemoteHostClosedError ||
        reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError)
        answer.status = 0;
    if (answer.status == 0)
        answer.networkError = reply->errorString();
    reply->deleteLater();
    return answer;
}

void SyncClient::dropAhead()
{
    if (!m_ahead)
        return;
    m_ahead->abort();
    m_ahead->deleteLater();
    m_ahead = nullptr;
    m_aheadPath.clear();
}

SyncClient::Answer SyncClient::send(const QByteArray &method, const QString &path,
                                    const QByteArray &body)
{
    if (m_ahead && method == "GET" && path == m_aheadPath) {
        QNetworkReply *ahead = std::exchange(m_ahead, nullptr);
        m_aheadPath.clear();
        return await(ahead);
    }
    dropAhead();
    return await(start(method, path, body));
}

void SyncClient::pullAhead(qint64 cursor, int limit, qint64 horizon)
{
    dropAhead();
    m_aheadPath = pullPath(cursor, limit, horizon);
    m_ahead = start("GET", m_aheadPath, {});
    // The network access manager sends a request from this thread's event loop, and the caller
    // is about to write to the store rather than wait: let it go now. (The answer is then read
    // by Qt's own network thread.) Events this lets through are ones a wait in await() would.
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
}

QString SyncClient::pullPath(qint64 cursor, int limit, qint64 horizon)
{
    QString path = QStringLiteral("/api/v1/pull?cursor=%1&limit=%2").arg(cursor).arg(limit);
    if (horizon == kFromEmpty && cursor == 0)
        path += QStringLiteral("&fresh=1");
    else if (horizon > cursor) // past the cursor it tells the server nothing
        path += QStringLiteral("&horizon=%1").arg(horizon);
    return path;
}

SyncFailure SyncClient::failureOf(const Answer &answer)
{
    SyncFailure failure;
    failure.status = answer.status;
    if (answer.status == 0) {
        failure.message = tr("The server could not be reached (%1).").arg(answer.networkError);
        return failure;
    }
    const QJsonObject error = QJsonDocument::fromJson(answer.body).object();
    failure.code = error.value(QStringLiteral("code")).toString();
    failure.message = error.value(QStringLiteral("message")).toString();
    failure.wipe = error.value(QStringLiteral("wipe")).toBool();
    failure.retryAfterSeconds = answer.retryAfter;
    for (const QJsonValue &id : error.value(QStringLiteral("mutation_ids")).toArray())
        failure.mutationIds.append(id.toString());
    if (failure.message.isEmpty())
        failure.message = tr("The server answered %1.").arg(answer.status);
    if (failure.code == QLatin1String("token_expired"))
        failure.kind = Kind::TokenExpired;
    else if (failure.code == QLatin1String("account_disabled"))
        failure.kind = Kind::AccountDisabled;
    else if (failure.code == QLatin1String("device_revoked"))
        failure.kind = Kind::DeviceRevoked;
    else if (answer.status == 401)
        failure.kind = Kind::Unauthorised;
    else if (answer.status == 403)
        failure.kind = Kind::Forbidden;
    else if (answer.status == 426)
        failure.kind = Kind::UpgradeRequired;
    else if (answer.status == 410)
        failure.kind = Kind::CursorExpired;
    else if (answer.status == 429)
        failure.kind = Kind::TooManyAttempts;
    else if (answer.status >= 400 && answer.status < 500)
        failure.kind = Kind::Invalid;
    else
        failure.kind = Kind::Server;
    return failure;
}

SyncReply<SignedIn> SyncClient::signIn(const QString &user, const QString &password,
                                       const QString &deviceName, const QString &deviceId)
{
    QJsonObject body{{QStringLiteral("user"), user},
                     {QStringLiteral("password"), password},
                     {QStringLiteral("device_name"), deviceName}};
    if (!deviceId.isEmpty())
        body.insert(QStringLiteral("device_id"), deviceId);
    const Answer answer = send("POST", QStringLiteral("/api/v1/sign-in"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (answer.status != 200)
        return failed<SignedIn>(failureOf(answer));
    const QJsonObject object = QJsonDocument::fromJson(answer.body).object();
    const QJsonObject who = object.value(QStringLiteral("user")).toObject();
    SignedIn signedIn{object.value(QStringLiteral("token")).toString(),
                      object.value(QStringLiteral("expires_at")).toString(),
                      object.value(QStringLiteral("device_id")).toString(),
                      who.value(QStringLiteral("name")).toString(),
                      who.value(QStringLiteral("role")).toString()};
    if (signedIn.token.isEmpty() || signedIn.deviceId.isEmpty())
        return failed<SignedIn>(broken(tr("The server's answer to signing in was incomplete.")));
    m_token = signedIn.token;
    return succeeded(signedIn);
}

SyncReply<bool> SyncClient::signOut()
{
    const Answer answer = send("POST", QStringLiteral("/api/v1/sign-out"), "{}");
    if (answer.status != 200)
        return failed<bool>(failureOf(answer));
    m_token.clear();
    return succeeded(true);
}

SyncReply<QList<ChangeResult>> SyncClient::push(const QList<Change> &changes)
{
    const Answer answer = send("POST", QStringLiteral("/api/v1/push"), pushRequestJson(changes));
    if (answer.status != 200)
        return failed<QList<ChangeResult>>(failureOf(answer));
    Parsed<QList<ChangeResult>> results = parsePushResponse(answer.body);
    if (!results.ok() || results.value->size() != changes.size())
        return failed<QList<ChangeResult>>(
            broken(tr("The server's answer to a push did not match what was sent.")));
    return succeeded(*results.value);
}

SyncReply<PullPage> SyncClient::pull(qint64 cursor, int limit, qint64 horizon)
{
    const Answer answer = send("GET", pullPath(cursor, limit, horizon));
    if (answer.status != 200)
        return failed<PullPage>(failureOf(answer));
    Parsed<PullPage> page = parsePullResponse(answer.body);
    if (!page.ok())
        return failed<PullPage>(broken(page.error.message));
    return succeeded(*page.value);
}

} // namespace lantern::sync
