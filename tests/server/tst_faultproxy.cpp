// FaultProxy (the test-only proxy that breaks the network on purpose) against the real
// lantern-server: requests pass through untouched, and each fault reaches SyncClient as a
// network failure it recovers from.
//
// The proxy runs on the test's thread, so nothing here may block on a socket: SyncClient waits
// in a nested event loop, and raw exchanges go through exchange() below.
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "sync/SyncClient.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace lantern::test;
using lantern::sync::Change;
using lantern::sync::Outcome;
using lantern::sync::SyncClient;
using Kind = lantern::sync::SyncFailure::Kind;

namespace {

const QString kPassword = QStringLiteral("lantern-test-pass-1");
const QByteArray kSignIn = "/api/v1/sign-in";
const QByteArray kPush = "/api/v1/push";
const QByteArray kPull = "/api/v1/pull";
constexpr int kTimeoutMs = 20000; // a hung proxy fails the case instead of the whole run
// QNetworkAccessManager silently resends a request whose connection closed before any answer
// came back (once, in Qt 6.4), so a drop must fire more than once for the client to notice.
constexpr int kEveryTry = 5;

// Sends raw bytes on one connection without blocking the thread, and collects up to `count`
// complete responses (fewer if the connection closes first).
QList<HttpReply> exchange(quint16 port, const QByteArray &request, int count)
{
    QList<HttpReply> replies;
    QTcpSocket socket;
    QByteArray buffer;
    bool closed = false;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { buffer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [&] { closed = true; });
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    socket.write(request);
    const auto split = [&] {
        while (true) {
            const qsizetype length = faultproxy::responseLength(buffer, "GET", closed);
            if (length <= 0)
                return;
            HttpReply reply;
            if (!detail::parseResponse(buffer.left(length), true, &reply))
                return;
            replies.append(reply);
            buffer.remove(0, length);
        }
    };
    const bool done = QTest::qWaitFor(
        [&] {
            split();
            return replies.size() >= count || closed;
        },
        kTimeoutMs);
    if (!done)
        qWarning("exchange: timed out with %d of %d responses", int(replies.size()), count);
    buffer += socket.readAll();
    split();
    return replies;
}

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<FaultProxy> m_proxy;
    QString m_childId;

    std::unique_ptr<SyncClient> client(int timeoutMs = kTimeoutMs) const
    {
        return std::make_unique<SyncClient>(m_proxy->url(), timeoutMs);
    }
    static lantern::sync::SyncReply<lantern::sync::SignedIn> signIn(SyncClient &client)
    {
        return client.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("laptop"));
    }
    // A change to the test child, based on the version the server holds now.
    static Change schoolChange(SyncClient &client, const QString &childId, const QString &school)
    {
        Change change{newId(),
                      QStringLiteral("children"),
                      QUuid::fromString(childId),
                      QStringLiteral("update"),
                      QJsonObject{{QStringLiteral("school"), school}},
                      0};
        const auto page = client.pull(0);
        if (page.ok()) {
            for (const auto &record : page.value->records) {
                if (record.id == change.recordId)
                    change.baseVersion = record.version;
            }
        }
        return change;
    }
    QString schoolOnServer(SyncClient &client) const
    {
        const auto page = client.pull(0);
        if (!page.ok())
            return QStringLiteral("(pull failed: %1)").arg(page.failure.message);
        for (const auto &record : page.value->records) {
            if (record.id == QUuid::fromString(m_childId))
                return record.fields.value(QStringLiteral("school")).toString();
        }
        return QStringLiteral("(no child)");
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->error().isEmpty(), qPrintable(m_server->error()));
        m_childId = newId();
        const QString problem = addAshaWithOneCase(*m_server, kPassword, m_childId);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void init()
    {
        QVERIFY(m_server && m_server->isRunning());
        m_proxy = std::make_unique<FaultProxy>(m_server->port());
        QVERIFY(m_proxy->isListening());
        QVERIFY(m_proxy->port() != 0);
        QVERIFY(m_proxy->port() != m_server->port());
        QCOMPARE(m_proxy->url(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port())));
    }

    void cleanup() { m_proxy.reset(); }
    void cleanupTestCase() { m_server.reset(); }

    void passesRequestsThrough()
    {
        const QList<HttpReply> health = exchange(m_proxy->port(), get("/api/v1/health"), 1);
        QCOMPARE(health.size(), 1);
        QCOMPARE(health.first().status, 200);
        QCOMPARE(health.first().json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("ok"));

        auto laptop = client();
        const auto signedIn = signIn(*laptop);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.failure.message));
        QCOMPARE(signedIn.value->role, QStringLiteral("fca"));
        const auto page = laptop->pull(0);
        QVERIFY2(page.ok(), qPrintable(page.failure.message));
        QVERIFY(!page.value->records.isEmpty());

        QCOMPARE(m_proxy->requestCount("/api/v1/health"), 1);
        QCOMPARE(m_proxy->requestCount(kSignIn), 1);
        QCOMPARE(m_proxy->requestCount(kPull), 1);
        QCOMPARE(m_proxy->requestCount("/api/v1/"), 3);
        QCOMPARE(m_proxy->faultsFired(), 0);
    }

    void keepAliveAndPipelining()
    {
        // Three requests in one write on one connection: three answers, in order.
        const QList<HttpReply> replies =
            exchange(m_proxy->port(),
                     get("/api/v1/health") + get("/api/v1/meta?x=1") + get("/api/v1/health"), 3);
        QCOMPARE(replies.size(), 3);
        QCOMPARE(replies.at(0).json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("ok"));
        QVERIFY(replies.at(1).json.contains(QStringLiteral("server_version")));
        QCOMPARE(replies.at(2).json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(m_proxy->requestCount("/api/v1/health"), 2);
        QCOMPARE(m_proxy->requestCount("/api/v1/meta"), 1);
        QCOMPARE(m_proxy->connectionsAccepted(), 1);
    }

    void dropAfterRequestLosesTheAnswer()
    {
        auto laptop = client();
        m_proxy->dropAfterRequest(kSignIn, kEveryTry);
        const auto lost = signIn(*laptop);
        QVERIFY(!lost.ok());
        QCOMPARE(lost.failure.kind, Kind::Network);
        QCOMPARE(lost.failure.status, 0);
        QVERIFY(!lost.failure.message.isEmpty());
        QVERIFY(laptop->token().isEmpty());
        // Every try reached the server and was answered; the laptop heard none of it.
        QVERIFY(m_proxy->faultsFired() >= 1);
        QCOMPARE(m_proxy->requestCount(kSignIn), m_proxy->faultsFired());

        m_proxy->clearFaults();
        const int before = m_proxy->requestCount(kSignIn);
        const auto again = signIn(*laptop);
        QVERIFY2(again.ok(), qPrintable(again.failure.message));
        QCOMPARE(m_proxy->requestCount(kSignIn), before + 1);
    }

    void dropAfterPushTheServerKeepsTheChange()
    {
        auto laptop = client();
        QVERIFY(signIn(*laptop).ok());
        const Change change = schoolChange(*laptop, m_childId, QStringLiteral("Ysgol Lost Answer"));
        QVERIFY(change.baseVersion > 0);

        m_proxy->dropAfterRequest(kPush, kEveryTry);
        const auto lost = laptop->push({change});
        QCOMPARE(lost.failure.kind, Kind::Network);
        QCOMPARE(m_proxy->requestCount(kPush), m_proxy->faultsFired());

        // The server did the work: the change is there, and pushing it again is a duplicate.
        m_proxy->clearFaults();
        QCOMPARE(schoolOnServer(*laptop), QStringLiteral("Ysgol Lost Answer"));
        const auto again = laptop->push({change});
        QVERIFY2(again.ok(), qPrintable(again.failure.message));
        QCOMPARE(again.value->first().outcome, Outcome::Duplicate);
    }

    void silentCloseIsResentByQnam()
    {
        // One lost answer never reaches SyncClient: QNetworkAccessManager resends the push on
        // a new connection by itself, so the laptop's first answer is already "duplicate".
        auto laptop = client();
        QVERIFY(signIn(*laptop).ok());
        const Change change = schoolChange(*laptop, m_childId, QStringLiteral("Ysgol Resent"));
        m_proxy->dropAfterRequest(kPush);
        const auto pushed = laptop->push({change});
        QCOMPARE(m_proxy->faultsFired(), 1);
        QVERIFY2(pushed.ok(), "QNAM no longer resends after a silent close: one drop is now "
                              "enough to fail a request (see FaultProxy.h)");
        QCOMPARE(m_proxy->requestCount(kPush), 2);
        QCOMPARE(pushed.value->first().outcome, Outcome::Duplicate);
    }

    void dropDuringResponseIsANetworkFailure()
    {
        auto laptop = client();
        m_proxy->dropDuringResponse(kSignIn);
        const auto cut = signIn(*laptop);
        QVERIFY(!cut.ok());
        QCOMPARE(cut.failure.kind, Kind::Network);
        QVERIFY(!cut.failure.message.isEmpty());
        QVERIFY(laptop->token().isEmpty());
        // Part of an answer came back, so nothing was resent.
        QCOMPARE(m_proxy->faultsFired(), 1);
        QCOMPARE(m_proxy->requestCount(kSignIn), 1);

        const auto again = signIn(*laptop); // the rule is used up
        QVERIFY2(again.ok(), qPrintable(again.failure.message));

        m_proxy->dropDuringResponse(kPull);
        const auto page = laptop->pull(0);
        QVERIFY(!page.ok());
        QCOMPARE(page.failure.kind, Kind::Network);
        QVERIFY(laptop->pull(0).ok());
        QCOMPARE(m_proxy->faultsFired(), 2);
    }

    void dropBeforeRequestNeverReachesTheServer()
    {
        auto laptop = client();
        // A rule counts only requests to its path.
        m_proxy->dropBeforeRequest(kPush, kEveryTry);
        QVERIFY(signIn(*laptop).ok());
        QCOMPARE(m_proxy->faultsFired(), 0);
        QCOMPARE(m_proxy->pendingFaults(), kEveryTry);
        m_proxy->clearFaults();
        QCOMPARE(m_proxy->pendingFaults(), 0);

        m_proxy->dropBeforeRequest(kSignIn, kEveryTry);
        const auto dropped = signIn(*laptop);
        QCOMPARE(dropped.failure.kind, Kind::Network);
        QVERIFY(m_proxy->faultsFired() >= 1);
        QCOMPARE(m_proxy->requestCount(kSignIn), 1); // only the first, unbroken sign-in

        m_proxy->clearFaults();
        QVERIFY(signIn(*laptop).ok());
        QCOMPARE(m_proxy->requestCount(kSignIn), 2);
    }

    void dropDuringRequestLeavesTheServerWell()
    {
        auto laptop = client();
        m_proxy->dropDuringRequest(kSignIn, kEveryTry);
        const auto dropped = signIn(*laptop);
        QCOMPARE(dropped.failure.kind, Kind::Network);
        QVERIFY(m_proxy->faultsFired() >= 1);
        QCOMPARE(m_proxy->requestCount(kSignIn), 0);

        m_proxy->clearFaults();
        QVERIFY(signIn(*laptop).ok());
        QVERIFY(m_server->isRunning());
    }

    void refusedConnectionsAreOffline()
    {
        auto laptop = client();
        QVERIFY(signIn(*laptop).ok()); // leaves a kept-alive connection open
        m_proxy->refuseConnections(true);
        QVERIFY(m_proxy->isRefusing());
        const int accepted = m_proxy->connectionsAccepted();
        const auto offline = laptop->pull(0);
        QCOMPARE(offline.failure.kind, Kind::Network);
        QCOMPARE(offline.failure.status, 0);
        QVERIFY(m_proxy->connectionsAccepted() > accepted);
        QCOMPARE(m_proxy->requestCount(kPull), 0);

        m_proxy->refuseConnections(false);
        const auto online = laptop->pull(0);
        QVERIFY2(online.ok(), qPrintable(online.failure.message));
        QCOMPARE(m_proxy->requestCount(kPull), 1);
    }

    void delayedResponses()
    {
        constexpr int kDelayMs = 300;
        m_proxy->delayResponses(kDelayMs);
        auto laptop = client();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(signIn(*laptop).ok());
        QVERIFY(timer.elapsed() >= kDelayMs); // a lower bound only: never flaky

        // Held past the laptop's timeout: a network failure, though the server answered.
        m_proxy->delayResponses(3000);
        auto impatient = client(500);
        const auto late = signIn(*impatient);
        QCOMPARE(late.failure.kind, Kind::Network);
        QVERIFY(m_proxy->requestCount(kSignIn) >= 2);

        m_proxy->clearFaults();
        QVERIFY(signIn(*impatient).ok());
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
