// The HTTP layer of lantern-server, seen from a client: an in-process HttpServer on a free
// loopback port, driven with QNetworkAccessManager (as the desktop app does) and with raw
// sockets for what a well-behaved client never sends.

#include "http/HttpServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;
using lantern::server::HttpRequest;
using lantern::server::HttpResponse;
using lantern::server::HttpServer;
using lantern::server::HttpServerOptions;

namespace {

constexpr int kWaitMs = 10000;

// One reply of QNetworkAccessManager, finished.
struct NetReply
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

NetReply collect(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(kWaitMs * 2);
    }
    NetReply result;
    result.finished = reply->isFinished();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

QNetworkRequest makeRequest(quint16 port, const QByteArray &pathAndQuery,
                            const QByteArray &scheme = "http")
{
    QNetworkRequest request(QUrl::fromEncoded(
        scheme + "://127.0.0.1:" + QByteArray::number(port) + pathAndQuery, QUrl::StrictMode));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    return request;
}

void noProxy(QNetworkAccessManager &nam)
{
    nam.setProxy(QNetworkProxy::NoProxy);
}

// One response read from a raw socket; bytes after it stay in `pending` for the next.
struct RawResponse
{
    bool complete = false;
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

bool connectRaw(QTcpSocket &socket, quint16 port)
{
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(kWaitMs);
}

void sendRaw(QTcpSocket &socket, const QByteArray &data)
{
    socket.write(data);
    while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(kWaitMs)) {
    }
}

// A response to HEAD announces a Content-Length but carries no body (headOnly).
bool parseResponse(QByteArray &pending, RawResponse &response, bool headOnly)
{
    const qsizetype end = pending.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = pending.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    RawResponse parsed;
    parsed.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            parsed.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                  lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length =
        headOnly ? 0 : parsed.headers.value("content-length", "0").toLongLong();
    if (pending.size() < end + 4 + length)
        return false;
    parsed.body = pending.mid(end + 4, length);
    parsed.complete = true;
    pending.remove(0, end + 4 + length);
    response = parsed;
    return true;
}

RawResponse readRaw(QTcpSocket &socket, QByteArray &pending, bool headOnly = false)
{
    QElapsedTimer timer;
    timer.start();
    RawResponse response;
    for (;;) {
        pending += socket.readAll();
        if (parseResponse(pending, response, headOnly))
            return response;
        const qint64 left = kWaitMs - timer.elapsed();
        if (left <= 0 || (!socket.waitForReadyRead(static_cast<int>(left)) &&
                          socket.state() != QAbstractSocket::ConnectedState)) {
            pending += socket.readAll();
            parseResponse(pending, response, headOnly);
            return response;
        }
    }
}

QByteArray getRequest(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void echoRoundTrip();
    void keepAliveReusesOneConnection();
    void connectionCloseIsHonoured();
    void headAnswersWithoutBody();
    void queryIsDecoded_data();
    void queryIsDecoded();
    void bodyLimit();
    void chunkedBodyOverLimit();
    void headersTooLarge();
    void malformedRequest_data();
    void malformedRequest();
    void slowClientIsDisconnected();
    void silentClientIsDisconnected();
    void idleKeepAliveIsClosed();
    void connectionCap();
    void handlerExceptionGives500();
    void handlersRunConcurrently();
    void gracefulStop();
    void stopOnSignals();
    void listenRefusesPlainRemote();
    void listenErrors_data();
    void listenErrors();
    void listenAddressInUse();
    void tls();

private:
    HttpResponse handle(const HttpRequest &request);
    std::unique_ptr<HttpServer> startServer(HttpServerOptions options = {});

    std::atomic<int> m_calls{0};
    std::atomic<int> m_slowEntered{0};
    std::atomic<int> m_inSlow{0};
    std::atomic<int> m_maxInSlow{0};
};

HttpResponse TestHttpServer::handle(const HttpRequest &request)
{
    ++m_calls;
    if (request.path == "/throw")
        throw std::runtime_error("Jane Doe, 12 Acacia Avenue");
    if (request.path == "/slow") {
        const int now = ++m_inSlow;
        int seen = m_maxInSlow.load();
        while (now > seen && !m_maxInSlow.compare_exchange_weak(seen, now)) {
        }
        ++m_slowEntered;
        std::this_thread::sleep_for(500ms);
        --m_inSlow;
        return {200, R"({"slow":true})", "application/json", {}};
    }
    QJsonObject query;
    for (const auto &[name, value] : request.query)
        query.insert(QString::fromStdString(name), QString::fromStdString(value));
    QJsonObject json{{QStringLiteral("method"), QString::fromStdString(request.method)},
                     {QStringLiteral("target"), QString::fromStdString(request.target)},
                     {QStringLiteral("path"), QString::fromStdString(request.path)},
                     {QStringLiteral("query"), query},
                     {QStringLiteral("body"), QString::fromStdString(request.body)},
                     {QStringLiteral("bodySize"), static_cast<qint64>(request.body.size())},
                     {QStringLiteral("xTest"), QString::fromStdString(request.header("x-test"))},
                     {QStringLiteral("remote"), QString::fromStdString(request.remoteAddress)}};
    return {200,
            QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString(),
            "application/json",
            {{"X-Echo", "yes"}}};
}

std::unique_ptr<HttpServer> TestHttpServer::startServer(HttpServerOptions options)
{
    auto server = std::make_unique<HttpServer>(
        std::move(options), [this](const HttpRequest &request) { return handle(request); });
    const std::string error = server->listen();
    if (!error.empty()) {
        qWarning("listen failed: %s", error.c_str());
        return nullptr;
    }
    if (server->port() == 0)
        return nullptr;
    server->start();
    return server;
}

void TestHttpServer::init()
{
    m_calls = 0;
    m_slowEntered = 0;
    m_inSlow = 0;
    m_maxInSlow = 0;
}

void TestHttpServer::echoRoundTrip()
{
    auto server = startServer();
    QVERIFY(server);
    QNetworkAccessManager nam;
    noProxy(nam);

    QNetworkRequest request = makeRequest(server->port(), "/api/v1/echo?cursor=5");
    request.setRawHeader("X-Test", "hello");
    const NetReply reply = collect(nam.post(request, QByteArrayLiteral("{\"a\":1}")));
    QVERIFY(reply.finished);
    QCOMPARE(reply.error, QNetworkReply::NoError);
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(u"method").toString(), QStringLiteral("POST"));
    QCOMPARE(json.value(u"path").toString(), QStringLiteral("/api/v1/echo"));
    QCOMPARE(json.value(u"target").toString(), QStringLiteral("/api/v1/echo?cursor=5"));
    QCOMPARE(json.value(u"query").toObject().value(u"cursor").toString(), QStringLiteral("5"));
    QCOMPARE(json.value(u"body").toString(), QStringLiteral("{\"a\":1}"));
    QCOMPARE(json.value(u"xTest").toString(), QStringLiteral("hello"));
    QCOMPARE(json.value(u"remote").toString(), QStringLiteral("127.0.0.1"));

    QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(reply.header("Content-Length").toLongLong(), reply.body.size());
    QCOMPARE(reply.header("Cache-Control"), QByteArrayLiteral("no-store"));
    QCOMPARE(reply.header("Server"), QByteArrayLiteral("lantern-server"));
    QCOMPARE(reply.header("X-Echo"), QByteArrayLiteral("yes"));
    QCOMPARE(m_calls.load(), 1);
}

void TestHttpServer::keepAliveReusesOneConnection()
{
    auto server = startServer();
    QVERIFY(server);
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, server->port()));
    QByteArray pending;

    sendRaw(socket, getRequest("/first"));
    const RawResponse first = readRaw(socket, pending);
    QVERIFY(first.complete);
    QCOMPARE(first.status, 200);
    QCOMPARE(QJsonDocument::fromJson(first.body).object().value(u"path").toString(),
             QStringLiteral("/first"));
    QVERIFY(first.headers.value("connection") != "close");
    QCOMPARE(first.headers.value("cache-control"), QByteArrayLiteral("no-store"));
    QCOMPARE(first.headers.value("server"), QByteArrayLiteral("lantern-server"));
    QCOMPARE(first.headers.value("content-length").toLongLong(), first.body.size());

    // The same socket, still open, carries the second request.
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    sendRaw(socket, "POST /second HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc");
    const RawResponse second = readRaw(socket, pending);
    QVERIFY(second.complete);
    QCOMPARE(second.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(second.body).object();
    QCOMPARE(json.value(u"path").toString(), QStringLiteral("/second"));
    QCOMPARE(json.value(u"body").toString(), QStringLiteral("abc"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);

    // Two pipelined requests in one write are answered in order.
    sendRaw(socket, getRequest("/third") + getRequest("/fourth"));
    const RawResponse third = readRaw(socket, pending);
    const RawResponse fourth = readRaw(socket, pending);
    QCOMPARE(QJsonDocument::fromJson(third.body).object().value(u"path").toString(),
             QStringLiteral("/third"));
    QCOMPARE(QJsonDocument::fromJson(fourth.body).object().value(u"path").toString(),
             QStringLiteral("/fourth"));
    QCOMPARE(m_calls.load(), 4);
}

void TestHttpServer::connectionCloseIsHonoured()
{
    auto server = startServer();
    QVERIFY(server);
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, server->port()));
    QByteArray pending;
    sendRaw(socket, getRequest("/bye", "Connection: close\r\n"));
    const RawResponse response = readRaw(socket, pending);
    QVERIFY(response.complete);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.headers.value("connection").toLower(), QByteArrayLiteral("close"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kWaitMs);
}

void TestHttpServer::headAnswersWithoutBody()
{
    auto server = startServer();
    QVERIFY(server);
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, server->port()));
    QByteArray pending;
    sendRaw(socket, "HEAD /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const RawResponse head = readRaw(socket, pending, true);
    QVERIFY(head.complete);
    QCOMPARE(head.status, 200);
    QVERIFY(head.headers.value("content-length").toLongLong() > 0);
    QVERIFY(head.body.isEmpty());
    // Framing is intact: the next response on the socket is read as it should be.
    sendRaw(socket, getRequest("/after-head"));
    const RawResponse next = readRaw(socket, pending);
    QVERIFY(next.complete);
    QCOMPARE(QJsonDocument::fromJson(next.body).object().value(u"path").toString(),
             QStringLiteral("/after-head"));
}

void TestHttpServer::queryIsDecoded_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");

    QTest::newRow("percent-space") << QByteArray("/q?name=a%20b") << "name"
                                   << "a b";
    QTest::newRow("plus-space") << QByteArray("/q?x=c+d") << "x"
                                << "c d";
    QTest::newRow("encoded-plus") << QByteArray("/q?x=1%2B1") << "x"
                                  << "1+1";
    QTest::newRow("encoded-ampersand") << QByteArray("/q?a=1&b=x%26y") << "b"
                                       << "x&y";
    QTest::newRow("encoded-name") << QByteArray("/q?first%20name=Ann") << "first name"
                                  << "Ann";
    QTest::newRow("utf8") << QByteArray("/q?town=Ceredigion%20%C3%A2") << "town"
                          << QStringLiteral("Ceredigion \u00e2");
    QTest::newRow("empty-value") << QByteArray("/q?flag=&x=1") << "flag"
                                 << "";
    QTest::newRow("no-equals") << QByteArray("/q?flag&x=1") << "flag"
                               << "";
    QTest::newRow("malformed-escape") << QByteArray("/q?x=100%zz") << "x"
                                      << "100%zz";
    QTest::newRow("first-wins") << QByteArray("/q?a=1&a=2") << "a"
                                << "1";
}

void TestHttpServer::queryIsDecoded()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, name);
    QFETCH(QString, value);

    auto server = startServer();
    QVERIFY(server);
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, server->port()));
    QByteArray pending;
    sendRaw(socket, getRequest(target));
    const RawResponse response = readRaw(socket, pending);
    QCOMPARE(response.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(json.value(u"path").toString(), QStringLiteral("/q"));
    QCOMPARE(json.value(u"target").toString(), QString::fromLatin1(target));
    const QJsonObject query = json.value(u"query").toObject();
    QVERIFY2(query.contains(name), QJsonDocument(query).toJson().constData());
    QCOMPARE(query.value(name).toString(), value);
}

void TestHttpServer::bodyLimit()
{
    HttpServerOptions options;
    options.bodyLimit = 1024;
    auto server = startServer(options);
    QVERIFY(server);
    QNetworkAccessManager nam;
    noProxy(nam);

    const NetReply atLimit =
        collect(nam.post(makeRequest(server->port(), "/echo"), QByteArray(1024, 'a')));
    QCOMPARE(atLimit.status, 200);
    QCOMPARE(atLimit.json().value(u"bodySize").toInteger(), 1024);
    QCOMPARE(m_calls.load(), 1);

    const NetReply overLimit =
        collect(nam.post(makeRequest(server->port(), "/echo"), QByteArray(1025, 'a')));
    QVERIFY(overLimit.finished);
    QCOMPARE(overLimit.status, 413);
    QCOMPARE(overLimit.header("Content-Type"), QByteArrayLiteral("application/json"));
    const QJsonObject json = overLimit.json();
    QCOMPARE(json.value(u"code").toString(), QStringLiteral("body_too_large"));
    QCOMPARE(json.value(u"message").toString(),
             QStringLiteral("The request body is larger than the limit of 1024 bytes."));
    QCOMPARE(overLimit.header("Connection").toLower(), QByteArrayLiteral("close"));
    QCOMPARE(m_calls.load(), 1); // the handler never saw it

    // The server goes on serving.
    const NetReply after = collect(nam.get(makeRequest(server->port(), "/echo")));
    QCOMPARE(after.status, 200);
}

void TestHttpServer::chunkedBodyOverLimit()
{
    HttpServerOptions options;
    options.bodyLimit = 1024;
    auto server = startServer(options);
    QVERIFY(server);
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, server->port()));
    QByteArray pending;
    const QByteArray chunk = QByteArray::number(600, 16) + "\r\n" + QByteArray(600, 'b') + "\r\n";
    sendRaw(socket, "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n" +
                        chunk + chunk + "0\r\n\r\n");
    const RawResponse response = readRaw(socket, pending);
    QCOMPARE(response.status, 413);
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"code").toString(),
             QStringLiteral("body_too_large"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kWaitMs);
    QCOMPARE(m_calls.load(), 0);
}

void TestHttpServer::headersTooLarge()
{
    auto server = startServer(); // headerLimit 16 KiB
    QVERIFY(server);
    QNetworkAccessManager nam;
    noProxy(nam);

    QNetworkRequest fits = makeRequest(server->port(), "/echo");
    fits.setRawHeader("X-Test", QByteArray(8 * 1024, 'h'));
    QCOMPARE(collect(nam.get(fits)).status, 200);

    QTcpSocket socket;
    QVERIFY(connectRaw(socket, server->port()));
    QByteArray pending;
    sendRaw(socket, getRequest("/echo", "X-Big: " + QByteArray(20 * 1024, 'h') + "\r\n"));
    const RawResponse response = readRaw(socket, pending);
    QCOMPARE(response.status, 431);
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"code").toString(),
             QStringLiteral("headers_too_large"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kWaitMs);
    QCOMPARE(m_calls.load(), 1);
}

void TestHttpServer::malformedRequest_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("binary") << QByteArray("\x01\x02\x03\x04 garbage\r\n\r\n");
    QTest::newRow("not-http") << QByteArray("THIS IS NOT HTTP\r\n\r\n");
    QTest::newRow("bad-version") << QByteArray("GET / HTTP/9.Z\r\nHost: x\r\n\r\n");
    QTest::newRow("bad-header") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n");
    QTest::newRow("bad-content-length")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n");
    QTest::newRow("two-content-lengths") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab");
    QTest::newRow("length-and-chunked")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    QTest::newRow("bad-chunk") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
}

void TestHttpServer::malformedRequest()
{
    QFETCH(QByteArray, bytes);
    auto server = startServer();
    QVERIFY(server);
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, server->port()));
    QByteArray pending;
    sendRaw(socket, bytes);
    const RawResponse response = readRaw(socket, pending);
    QVERIFY(response.complete);
    QCOMPARE(response.status, 400);
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"code").toString(),
             QStringLiteral("bad_request"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kWaitMs);
    QCOMPARE(m_calls.load(), 0);

    // Still serving.
    QNetworkAccessManager nam;
    noProxy(nam);
    QCOMPARE(collect(nam.get(makeRequest(server->port(), "/echo"))).status, 200);
}

void TestHttpServer::slowClientIsDisconnected()
{
    HttpServerOptions options;
    options.readTimeout = 300ms;
    auto server = startServer(options);
    QVERIFY(server);

    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    QVERIFY(connectRaw(socket, server->port()));
    // Half the headers, then nothing more.
    sendRaw(socket, "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Test: sl");
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kWaitMs);
    received += socket.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 408"), received.constData());
    QCOMPARE(m_calls.load(), 0);
}

void TestHttpServer::silentClientIsDisconnected()
{
    HttpServerOptions options;
    options.readTimeout = 300ms;
    auto server = startServer(options);
    QVERIFY(server);
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, server->port()));
    // Connected, never sends a byte.
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kWaitMs);
}

void TestHttpServer::idleKeepAliveIsClosed()
{
    HttpServerOptions options;
    options.idleTimeout = 300ms;
    auto server = startServer(options);
    QVERIFY(server);
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, server->port()));
    QByteArray pending;
    sendRaw(socket, getRequest("/echo"));
    const RawResponse response = readRaw(socket, pending);
    QCOMPARE(response.status, 200);
    QVERIFY(response.headers.value("connection") != "close");
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kWaitMs);
}

void TestHttpServer::connectionCap()
{
    HttpServerOptions options;
    options.maxConnections = 2;
    auto server = startServer(options);
    QVERIFY(server);

    // Two keep-alive connections, each served once so the server surely holds both.
    QTcpSocket first;
    QTcpSocket second;
    QByteArray pending1;
    QByteArray pending2;
    QVERIFY(connectRaw(first, server->port()));
    QVERIFY(connectRaw(second, server->port()));
    sendRaw(first, getRequest("/one"));
    QCOMPARE(readRaw(first, pending1).status, 200);
    sendRaw(second, getRequest("/two"));
    QCOMPARE(readRaw(second, pending2).status, 200);
    QCOMPARE(m_calls.load(), 2);

    QNetworkAccessManager nam;
    noProxy(nam);
    const NetReply busy = collect(nam.get(makeRequest(server->port(), "/three")));
    QVERIFY(busy.finished);
    QCOMPARE(busy.status, 503);
    QCOMPARE(busy.header("Retry-After"), QByteArrayLiteral("5"));
    QCOMPARE(busy.json().value(u"code").toString(), QStringLiteral("busy"));
    QCOMPARE(m_calls.load(), 2);

    // The held connections still work.
    sendRaw(first, getRequest("/one-again"));
    QCOMPARE(readRaw(first, pending1).status, 200);

    // Once one closes, a new client gets in.
    first.disconnectFromHost();
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    while (status != 200 && timer.elapsed() < kWaitMs) {
        status = collect(nam.get(makeRequest(server->port(), "/four"))).status;
        if (status != 200)
            QTest::qWait(50);
    }
    QCOMPARE(status, 200);
}

void TestHttpServer::handlerExceptionGives500()
{
    auto server = startServer();
    QVERIFY(server);
    QNetworkAccessManager nam;
    noProxy(nam);

    const NetReply failed = collect(nam.get(makeRequest(server->port(), "/throw")));
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(failed.json().value(u"code").toString(), QStringLiteral("internal"));
    QVERIFY(!failed.json().value(u"message").toString().isEmpty());
    QVERIFY(!failed.body.contains("Jane"));
    QVERIFY(!failed.body.contains("Acacia"));

    for (int i = 0; i < 3; ++i)
        QCOMPARE(collect(nam.get(makeRequest(server->port(), "/echo"))).status, 200);
}

void TestHttpServer::handlersRunConcurrently()
{
    auto server = startServer(); // 4 workers
    QVERIFY(server);
    QNetworkAccessManager nam;
    noProxy(nam);
    QNetworkReply *a = nam.get(makeRequest(server->port(), "/slow"));
    QNetworkReply *b = nam.get(makeRequest(server->port(), "/slow"));
    QCOMPARE(collect(a).status, 200);
    QCOMPARE(collect(b).status, 200);
    QCOMPARE(m_maxInSlow.load(), 2);
}

void TestHttpServer::gracefulStop()
{
    std::atomic<int> workerExits{0};
    HttpServerOptions options;
    options.threads = 3;
    options.onWorkerExit = [&workerExits] {
        ++workerExits;
    };
    auto server = startServer(options);
    QVERIFY(server);
    const quint16 port = server->port();

    // An idle keep-alive connection.
    QTcpSocket idle;
    QByteArray pending;
    QVERIFY(connectRaw(idle, port));
    sendRaw(idle, getRequest("/echo"));
    QCOMPARE(readRaw(idle, pending).status, 200);

    // A request in the handler when the stop comes.
    QNetworkAccessManager nam;
    noProxy(nam);
    QNetworkReply *slow = nam.get(makeRequest(port, "/slow"));
    QTRY_COMPARE_WITH_TIMEOUT(m_slowEntered.load(), 1, kWaitMs);
    server->stop();
    server->stop(); // harmless

    const NetReply reply = collect(slow);
    QVERIFY(reply.finished);
    QCOMPARE(reply.error, QNetworkReply::NoError);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArrayLiteral(R"({"slow":true})"));
    QCOMPARE(reply.header("Connection").toLower(), QByteArrayLiteral("close"));

    QTRY_COMPARE_WITH_TIMEOUT(idle.state(), QAbstractSocket::UnconnectedState, kWaitMs);

    auto waited = std::async(std::launch::async, [&server] { server->wait(); });
    QTRY_VERIFY_WITH_TIMEOUT(waited.wait_for(0s) == std::future_status::ready, kWaitMs);
    waited.get();
    QCOMPARE(workerExits.load(), 3);
    server->stop(); // still harmless

    // Nobody listens any more.
    QTcpSocket late;
    late.setProxy(QNetworkProxy::NoProxy);
    late.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!late.waitForConnected(kWaitMs));
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestHttpServer::stopOnSignals()
{
    auto server = std::make_unique<HttpServer>(
        HttpServerOptions{}, [this](const HttpRequest &request) { return handle(request); });
    QCOMPARE(server->listen(), std::string());
    server->stopOnSignals();
    auto running = std::async(std::launch::async, [&server] { server->run(); });

    QNetworkAccessManager nam;
    noProxy(nam);
    QCOMPARE(collect(nam.get(makeRequest(server->port(), "/echo"))).status, 200);

    QCOMPARE(std::raise(SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(running.wait_for(0s) == std::future_status::ready, kWaitMs);
    running.get();
}

void TestHttpServer::listenRefusesPlainRemote()
{
    HttpServerOptions options;
    options.address = "0.0.0.0";
    HttpServer refused(options, [this](const HttpRequest &request) { return handle(request); });
    const std::string error = refused.listen();
    QVERIFY(!error.empty());
    QVERIFY2(error.find("TLS") != std::string::npos, error.c_str());
    QCOMPARE(refused.port(), quint16(0));

    options.allowPlainRemote = true;
    HttpServer allowed(options, [this](const HttpRequest &request) { return handle(request); });
    QCOMPARE(allowed.listen(), std::string());
    QVERIFY(allowed.port() != 0);
}

void TestHttpServer::listenErrors_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected"); // part of the message

    QTest::newRow("not-an-address") << "not an address"
                                    << ""
                                    << ""
                                    << "not an IP address";
    QTest::newRow("ipv6-any-plain") << "::"
                                    << ""
                                    << ""
                                    << "without TLS";
    QTest::newRow("cert-without-key") << "127.0.0.1"
                                      << "/nonexistent/cert.pem"
                                      << ""
                                      << "both a certificate";
    QTest::newRow("unreadable-cert") << "127.0.0.1"
                                     << "/nonexistent/cert.pem"
                                     << "/nonexistent/key.pem"
                                     << "TLS certificate";
}

void TestHttpServer::listenErrors()
{
    QFETCH(QString, address);
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, expected);

    HttpServerOptions options;
    options.address = address.toStdString();
    options.tlsCertFile = cert.toStdString();
    options.tlsKeyFile = key.toStdString();
    HttpServer server(options, [this](const HttpRequest &request) { return handle(request); });
    const QString error = QString::fromStdString(server.listen());
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestHttpServer::listenAddressInUse()
{
    auto first = startServer();
    QVERIFY(first);
    HttpServerOptions options;
    options.port = first->port();
    HttpServer second(options, [this](const HttpRequest &request) { return handle(request); });
    const std::string error = second.listen();
    QVERIFY(!error.empty());
    QVERIFY2(error.find(std::to_string(first->port())) != std::string::npos, error.c_str());

    // The first one is unaffected.
    QNetworkAccessManager nam;
    noProxy(nam);
    QCOMPARE(collect(nam.get(makeRequest(first->port(), "/echo"))).status, 200);
}

void TestHttpServer::tls()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    QProcess process;
    process.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath,
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    HttpServerOptions options;
    options.tlsCertFile = certPath.toStdString();
    options.tlsKeyFile = keyPath.toStdString();
    auto server = startServer(options);
    QVERIFY(server);

    QNetworkAccessManager nam;
    noProxy(nam);
    QNetworkRequest request = makeRequest(server->port(), "/secure?x=1", "https");
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(certPath));
    QCOMPARE(ssl.caCertificates().size(), 1);
    request.setSslConfiguration(ssl);
    const NetReply reply = collect(nam.post(request, QByteArrayLiteral("over tls")));
    QVERIFY(reply.finished);
    QVERIFY2(reply.error == QNetworkReply::NoError, qPrintable(QString::number(reply.error)));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"path").toString(), QStringLiteral("/secure"));
    QCOMPARE(reply.json().value(u"body").toString(), QStringLiteral("over tls"));
    QCOMPARE(reply.header("Cache-Control"), QByteArrayLiteral("no-store"));
    QCOMPARE(m_calls.load(), 1);

    // Plain HTTP on the HTTPS port gets nowhere, and never reaches the handler.
    const NetReply plain = collect(nam.get(makeRequest(server->port(), "/echo")));
    QVERIFY(plain.finished);
    QVERIFY(plain.error != QNetworkReply::NoError);
    QCOMPARE(plain.status, 0);
    QCOMPARE(m_calls.load(), 1);

    // A key that does not belong to the certificate is refused at listen().
    QProcess other;
    const QString otherKey = dir.filePath(QStringLiteral("other.pem"));
    other.start(openssl,
                {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                 QStringLiteral("-out"), otherKey});
    QVERIFY(other.waitForFinished(60000));
    QCOMPARE(other.exitCode(), 0);
    HttpServerOptions mismatched = options;
    mismatched.tlsKeyFile = otherKey.toStdString();
    HttpServer refused(mismatched, [this](const HttpRequest &r) { return handle(r); });
    const std::string error = refused.listen();
    QVERIFY2(!error.empty(), "a key that does not match the certificate was accepted");
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
