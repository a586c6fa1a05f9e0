// The laptop's end of the protocol (core/sync/SyncClient) against the real lantern-server:
// typed sign-in, push and pull, and each refusal named the way the laptop acts on it.
#include "ServerProcess.h"
#include "sync/SyncClient.h"

#include <QtTest>

using namespace lantern::test;
using lantern::sync::Change;
using lantern::sync::Outcome;
using lantern::sync::SyncClient;
using Kind = lantern::sync::SyncFailure::Kind;

namespace {
const QString kPassword = QStringLiteral("lantern-test-pass-1");
}

class TestSyncClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    QString m_childId;

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())); }

private slots:
    void initTestCase_data() { addBackendRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_server = std::make_unique<ServerProcess>(backend);
        QVERIFY2(m_server->error().isEmpty(), qPrintable(m_server->error()));
        m_childId = newId();
        const QString problem = addAshaWithOneCase(*m_server, kPassword, m_childId);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void cleanup() { m_server.reset(); }

    void signInPushAndPull()
    {
        SyncClient client(url());
        const auto wrong = client.signIn(QStringLiteral("asha"), QStringLiteral("not it at all"),
                                         QStringLiteral("laptop"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.failure.kind, Kind::Unauthorised);
        QCOMPARE(wrong.failure.status, 401);
        QVERIFY(!wrong.failure.message.isEmpty());

        const auto signedIn =
            client.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("laptop"));
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.failure.message));
        QCOMPARE(signedIn.value->role, QStringLiteral("fca"));
        QVERIFY(!signedIn.value->deviceId.isEmpty());
        QCOMPARE(client.token(), signedIn.value->token);

        const auto first = client.pull(0);
        QVERIFY2(first.ok(), qPrintable(first.failure.message));
        qint64 childVersion = 0;
        for (const auto &record : first.value->records) {
            if (record.id == QUuid::fromString(m_childId))
                childVersion = record.version;
        }
        QVERIFY(childVersion > 0);

        Change change{newId(),
                      QStringLiteral("children"),
                      QUuid::fromString(m_childId),
                      QStringLiteral("update"),
                      QJsonObject{{QStringLiteral("school"), QStringLiteral("Ysgol Test")}},
                      childVersion};
        const auto pushed = client.push({change});
        QVERIFY2(pushed.ok(), qPrintable(pushed.failure.message));
        QCOMPARE(pushed.value->size(), 1);
        QCOMPARE(pushed.value->first().outcome, Outcome::Applied);
        QCOMPARE(pushed.value->first().version, childVersion + 1);
        const auto again = client.push({change}); // the answer was lost: push again
        QVERIFY(again.ok());
        QCOMPARE(again.value->first().outcome, Outcome::Duplicate);

        const auto next = client.pull(first.value->cursor);
        QVERIFY(next.ok());
        QCOMPARE(next.value->records.size(), 1);
        QCOMPARE(next.value->records.first().fields.value(QStringLiteral("school")).toString(),
                 QStringLiteral("Ysgol Test"));
        QVERIFY(next.value->cursor > first.value->cursor);

        QVERIFY(client.signOut().ok());
        const auto afterSignOut = client.pull(0);
        QCOMPARE(afterSignOut.failure.kind, Kind::Unauthorised);
    }

    void refusalsAreNamed()
    {
        SyncClient old(url());
        old.setProtocolVersion(0);
        const auto tooOld = old.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("old"));
        QCOMPARE(tooOld.failure.kind, Kind::UpgradeRequired);
        QCOMPARE(tooOld.failure.status, 426);

        SyncClient client(url());
        const auto signedIn =
            client.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("laptop"));
        QVERIFY(signedIn.ok());
        const auto badCursor = client.pull(1'000'000'000);
        QCOMPARE(badCursor.failure.kind, Kind::Invalid);

        // Away too long: a purged tombstone expires old cursors.
        const auto start = client.pull(0);
        QVERIFY(start.ok());
        const auto deleted =
            client.push({Change{newId(), QStringLiteral("children"), QUuid::fromString(m_childId),
                                QStringLiteral("delete"), QJsonObject(), 1}});
        QVERIFY(deleted.ok());
        QCOMPARE(m_server
                     ->run({QStringLiteral("purge"), QStringLiteral("--tombstone-days"),
                            QStringLiteral("0")})
                     .exitCode,
                 0);
        QCOMPARE(client.pull(start.value->cursor).failure.kind, Kind::CursorExpired);
        QVERIFY(client.pull(0).ok());

        // Revoked with wipe: the laptop is told to remove its store.
        QCOMPARE(m_server
                     ->run({QStringLiteral("device"), QStringLiteral("revoke"),
                            signedIn.value->deviceId, QStringLiteral("--wipe")})
                     .exitCode,
                 0);
        const auto revoked = client.pull(0);
        QCOMPARE(revoked.failure.kind, Kind::DeviceRevoked);
        QVERIFY(revoked.failure.wipe);

        // Too many wrong passwords: wait, and for how long.
        SyncClient guesser(url());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(guesser
                         .signIn(QStringLiteral("asha"), QStringLiteral("wrong guess!"),
                                 QStringLiteral("x"))
                         .failure.kind,
                     Kind::Unauthorised);
        const auto slowed = guesser.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("x"));
        QCOMPARE(slowed.failure.kind, Kind::TooManyAttempts);
        QVERIFY(slowed.failure.retryAfterSeconds > 0);

        // Nobody there.
        QCOMPARE(m_server->stop(), 0);
        const auto offline = client.pull(0);
        QCOMPARE(offline.failure.kind, Kind::Network);
        QCOMPARE(offline.failure.status, 0);
        QVERIFY(!offline.failure.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
