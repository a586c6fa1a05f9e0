// lantern-server sign-in as a laptop and an administrator meet it: tokens, wrong passwords,
// slowing repeated failures, expiry, sign-out, disabled users, revoked devices, what the store
// keeps (no password or token in clear) and the audit trail. The real server binary, on SQLite
// and (when the run provides one) PostgreSQL.
#include "ServerProcess.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace lantern::test;

namespace {

const QString kPassword = QStringLiteral("lantern-test-pass-1");
const QString kOtherPassword = QStringLiteral("lantern-test-pass-2");

} // namespace

class TestServerAuth : public QObject
{
    Q_OBJECT

private:
    // A store with asha (fca, north) and mo (manager, north), served with serveArgs.
    void setUp(ServerProcess &server, const QStringList &serveArgs = {})
    {
        QVERIFY2(server.error().isEmpty(), qPrintable(server.error()));
        QByteArray why;
        QVERIFY2(server.addUser(QStringLiteral("asha"), QStringLiteral("fca"),
                                QStringLiteral("north"), kPassword, &why),
                 why.constData());
        QVERIFY2(server.addUser(QStringLiteral("mo"), QStringLiteral("manager"),
                                QStringLiteral("north"), kOtherPassword, &why),
                 why.constData());
        QVERIFY2(server.start(serveArgs), qPrintable(server.error()));
    }

    static void verifyError(const HttpReply &reply, int status, const QString &code)
    {
        QVERIFY2(reply.status == status, reply.describe().constData());
        QVERIFY2(reply.isJsonObject, reply.describe().constData());
        QCOMPARE(reply.code(), code);
        QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());
        // No error ever echoes a password back.
        QVERIFY(!reply.body.contains(kPassword.toUtf8()));
        QVERIFY(!reply.body.contains(kOtherPassword.toUtf8()));
    }

private slots:
    void initTestCase_data() { addBackendRows(); }

    void signInGivesATokenForTheDevice()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        setUp(server);
        if (QTest::currentTestFailed())
            return;

        ApiClient asha = server.client();
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const HttpReply reply =
            asha.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("Asha's laptop"));
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QVERIFY(reply.header("content-type").startsWith("application/json"));
        const QString token = reply.json.value(QStringLiteral("token")).toString();
        // 32 random bytes, base64url without padding.
        QCOMPARE(token.size(), 43);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(token).hasMatch());
        const QDateTime expires = QDateTime::fromString(
            reply.json.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(expires.isValid());
        QCOMPARE(expires.timeSpec(), Qt::UTC);
        // 12 hours by default.
        QVERIFY2(expires > before.addSecs(11 * 3600) && expires < before.addSecs(13 * 3600),
                 qPrintable(expires.toString(Qt::ISODateWithMs)));
        const QString deviceId = reply.json.value(QStringLiteral("device_id")).toString();
        QVERIFY(!QUuid::fromString(deviceId).isNull());
        const QJsonObject user = reply.json.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("asha"));
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("fca"));
        QCOMPARE(user.value(QStringLiteral("team")).toString(), QStringLiteral("north"));

        // The token opens the API.
        const HttpReply pulled = asha.pull();
        QVERIFY2(pulled.status == 200, pulled.describe().constData());
        QVERIFY(pulled.json.value(QStringLiteral("records")).toArray().isEmpty());

        // Signing in again from the same laptop keeps its device; a new token each time.
        ApiClient again = server.client();
        again.deviceId = deviceId;
        const HttpReply second =
            again.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("Asha's laptop"));
        QVERIFY2(second.status == 200, second.describe().constData());
        QCOMPARE(second.json.value(QStringLiteral("device_id")).toString(), deviceId);
        QVERIFY(second.json.value(QStringLiteral("token")).toString() != token);
        // Both tokens work.
        QCOMPARE(asha.pull().status, 200);
        QCOMPARE(again.pull().status, 200);

        // A manager's sign-in says so.
        ApiClient mo = server.client();
        const HttpReply manager = mo.signIn(QStringLiteral("mo"), kOtherPassword);
        QVERIFY2(manager.status == 200, manager.describe().constData());
        QCOMPARE(manager.json.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("role"))
                     .toString(),
                 QStringLiteral("manager"));
        QVERIFY(manager.json.value(QStringLiteral("device_id")).toString() != deviceId);

        // No token, a made-up token: 401.
        verifyError(server.client().pull(), 401, QStringLiteral("unauthorised"));
        ApiClient forger = server.client();
        forger.token = QString(43, QLatin1Char('A'));
        verifyError(forger.pull(), 401, QStringLiteral("unauthorised"));
        verifyError(forger.push(change(QStringLiteral("children"), newId(),
                                       QStringLiteral("delete"), {}, 1)),
                    401, QStringLiteral("unauthorised"));
        QCOMPARE(server.stop(), 0);
    }

    void userNamesMatchInAnyCase()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        setUp(server);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(server.addUser(QStringLiteral("Élodie"), QStringLiteral("fca"),
                               QStringLiteral("south"), kOtherPassword));

        // A name differing only in case is the same user: refused, and nothing changes.
        const CommandResult twin =
            server.run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ASHA"),
                        QStringLiteral("--role"), QStringLiteral("admin")},
                       kOtherPassword + QLatin1Char('\n'));
        QCOMPARE(twin.exitCode, 1);
        QVERIFY2(twin.err.contains(QStringLiteral("already a user called asha")),
                 twin.describe().constData());
        QCOMPARE(server
                     .run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("éLODIE"),
                           QStringLiteral("--role"), QStringLiteral("fca")},
                          kPassword + QLatin1Char('\n'))
                     .exitCode,
                 1);
        // Too short a password, or no role: refused.
        const CommandResult weak =
            server.run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bea"),
                        QStringLiteral("--role"), QStringLiteral("fca")},
                       QStringLiteral("short\n"));
        QCOMPARE(weak.exitCode, 1);
        QVERIFY2(weak.err.contains(QStringLiteral("10 characters")), weak.describe().constData());
        QCOMPARE(server
                     .run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bea")},
                          kPassword + QLatin1Char('\n'))
                     .exitCode,
                 2);

        for (const QString &typed :
             {QStringLiteral("asha"), QStringLiteral("ASHA"), QStringLiteral(" Asha ")}) {
            ApiClient client = server.client();
            const HttpReply reply = client.signIn(typed, kPassword);
            QVERIFY2(reply.status == 200, reply.describe().constData());
            const QJsonObject user = reply.json.value(QStringLiteral("user")).toObject();
            QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("asha"));
            QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("fca"));
        }
        for (const QString &typed :
             {QStringLiteral("Élodie"), QStringLiteral("élodie"), QStringLiteral("ÉLODIE")}) {
            ApiClient client = server.client();
            const HttpReply reply = client.signIn(typed, kOtherPassword);
            QVERIFY2(reply.status == 200,
                     qPrintable(typed + QLatin1Char(' ') + QString::fromUtf8(reply.describe())));
            QCOMPARE(reply.json.value(QStringLiteral("user"))
                         .toObject()
                         .value(QStringLiteral("name"))
                         .toString(),
                     QStringLiteral("Élodie"));
        }
        ApiClient bea = server.client();
        QCOMPARE(bea.signIn(QStringLiteral("bea"), QStringLiteral("short")).status, 401);
    }

    void wrongPasswordOrUnknownUserIs401()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        setUp(server);
        if (QTest::currentTestFailed())
            return;

        ApiClient client = server.client();
        const HttpReply wrong = client.signIn(QStringLiteral("asha"), kOtherPassword);
        verifyError(wrong, 401, QStringLiteral("unauthorised"));
        QVERIFY(client.token.isEmpty());
        const HttpReply unknown = client.signIn(QStringLiteral("nobody"), kPassword);
        verifyError(unknown, 401, QStringLiteral("unauthorised"));
        // The answer does not tell whether the user exists.
        QCOMPARE(unknown.json.value(QStringLiteral("message")),
                 wrong.json.value(QStringLiteral("message")));
        verifyError(client.signIn(QStringLiteral("asha"), QString()), 401,
                    QStringLiteral("unauthorised"));
        // A user name is not a password for someone else.
        verifyError(client.signIn(QStringLiteral("mo"), kPassword), 401,
                    QStringLiteral("unauthorised"));
        // Still fine with the right one.
        QCOMPARE(client.signIn(QStringLiteral("asha"), kPassword).status, 200);
    }

    void repeatedFailuresAreSlowed()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        setUp(server);
        if (QTest::currentTestFailed())
            return;

        ApiClient client = server.client();
        for (int i = 0; i < 3; ++i)
            verifyError(client.signIn(QStringLiteral("asha"), kOtherPassword), 401,
                        QStringLiteral("unauthorised"));
        // The 4th attempt straight after must wait, even with the right password.
        const HttpReply slowed = client.signIn(QStringLiteral("asha"), kPassword);
        verifyError(slowed, 429, QStringLiteral("too_many_attempts"));
        QVERIFY(client.token.isEmpty());
        bool ok = false;
        const int retryAfter = slowed.header("retry-after").toInt(&ok);
        QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 2,
                 slowed.header("retry-after").constData());
        // The name is matched as typed in any case: no way round the wait.
        verifyError(client.signIn(QStringLiteral("ASHA"), kPassword), 429,
                    QStringLiteral("too_many_attempts"));

        // Someone else is not slowed by asha's failures.
        ApiClient mo = server.client();
        QCOMPARE(mo.signIn(QStringLiteral("mo"), kOtherPassword).status, 200);

        // After Retry-After, the right password works and the count starts again.
        QTest::qWait(retryAfter * 1000 + 300);
        const HttpReply signedIn = client.signIn(QStringLiteral("asha"), kPassword);
        QVERIFY2(signedIn.status == 200, signedIn.describe().constData());
        verifyError(client.signIn(QStringLiteral("asha"), kOtherPassword), 401,
                    QStringLiteral("unauthorised"));
        const HttpReply afterOne = client.signIn(QStringLiteral("asha"), kPassword);
        QVERIFY2(afterOne.status == 200, afterOne.describe().constData());

        // The audit trail has the failures and the refusal.
        const CommandResult audit =
            server.run({QStringLiteral("audit"), QStringLiteral("--user"), QStringLiteral("asha")});
        QVERIFY2(audit.exitCode == 0, audit.describe().constData());
        QVERIFY2(audit.out.contains(QStringLiteral("\tsign-in\t-\t429\t")),
                 audit.describe().constData());
        QVERIFY2(audit.out.count(QStringLiteral("\tsign-in\t-\t401\t")) >= 4,
                 audit.describe().constData());
    }

    void expiredTokenMustSignInAgain()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        setUp(server, {QStringLiteral("--token-hours"), QStringLiteral("0.0005")}); // 1.8 s
        if (QTest::currentTestFailed())
            return;

        ApiClient asha = server.client();
        QElapsedTimer sinceSignIn;
        sinceSignIn.start();
        const QDateTime signInSent = QDateTime::currentDateTimeUtc();
        const HttpReply reply = asha.signIn(QStringLiteral("asha"), kPassword);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const QDateTime expires = QDateTime::fromString(
            reply.json.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
        // 0.0005 hours is 1.8 s after the server took the sign-in, not a whole second less.
        QVERIFY2(expires >= signInSent.addMSecs(1800),
                 qPrintable(expires.toString(Qt::ISODateWithMs)));
        QVERIFY(expires < QDateTime::currentDateTimeUtc().addSecs(60));
        const HttpReply fresh = asha.pull();
        if (sinceSignIn.elapsed() < 1000) // a slow machine may not get here in time
            QVERIFY2(fresh.status == 200, fresh.describe().constData());

        QTest::qWait(2500);
        verifyError(asha.pull(), 401, QStringLiteral("token_expired"));
        verifyError(
            asha.push(change(QStringLiteral("children"), newId(), QStringLiteral("delete"), {}, 1)),
            401, QStringLiteral("token_expired"));
        // Signing in again gives a working token.
        const HttpReply again = asha.signIn(QStringLiteral("asha"), kPassword);
        QVERIFY2(again.status == 200, again.describe().constData());
        QVERIFY(again.json.value(QStringLiteral("token")).toString() !=
                reply.json.value(QStringLiteral("token")).toString());
    }

    void signOutEndsTheToken()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        setUp(server);
        if (QTest::currentTestFailed())
            return;

        ApiClient laptop = server.client();
        ApiClient phone = server.client();
        QCOMPARE(laptop.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("laptop")).status,
                 200);
        QCOMPARE(
            phone.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("spare laptop")).status,
            200);
        const HttpReply out = laptop.signOut();
        QVERIFY2(out.status == 200, out.describe().constData());
        QCOMPARE(out.json.value(QStringLiteral("status")).toString(), QStringLiteral("signed out"));
        verifyError(laptop.pull(), 401, QStringLiteral("unauthorised"));
        verifyError(laptop.push(change(QStringLiteral("children"), newId(),
                                       QStringLiteral("delete"), {}, 1)),
                    401, QStringLiteral("unauthorised"));
        verifyError(laptop.signOut(), 401, QStringLiteral("unauthorised"));
        // Only that token ended.
        const HttpReply other = phone.pull();
        QVERIFY2(other.status == 200, other.describe().constData());

        const CommandResult audit =
            server.run({QStringLiteral("audit"), QStringLiteral("--user"), QStringLiteral("asha")});
        QVERIFY2(audit.out.contains(QStringLiteral("\tsign-out\t")), audit.describe().constData());
    }

    void disabledUserIsRefused()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        setUp(server);
        if (QTest::currentTestFailed())
            return;

        ApiClient asha = server.client();
        QCOMPARE(asha.signIn(QStringLiteral("asha"), kPassword).status, 200);
        QCOMPARE(asha.pull().status, 200);

        const CommandResult disabled =
            server.run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("asha")});
        QVERIFY2(disabled.exitCode == 0, disabled.describe().constData());
        verifyError(asha.pull(), 403, QStringLiteral("account_disabled"));
        verifyError(
            asha.push(change(QStringLiteral("children"), newId(), QStringLiteral("delete"), {}, 1)),
            403, QStringLiteral("account_disabled"));
        ApiClient again = server.client();
        verifyError(again.signIn(QStringLiteral("asha"), kPassword), 403,
                    QStringLiteral("account_disabled"));
        QVERIFY(again.token.isEmpty());
        // A wrong password for a disabled user is still just wrong.
        verifyError(again.signIn(QStringLiteral("asha"), kOtherPassword), 401,
                    QStringLiteral("unauthorised"));
        // Others carry on.
        ApiClient mo = server.client();
        QCOMPARE(mo.signIn(QStringLiteral("mo"), kOtherPassword).status, 200);

        const CommandResult unknown = server.run(
            {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("nobody")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("nobody")), unknown.describe().constData());
    }

    void revokedDeviceIsToldToWipe()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        setUp(server);
        if (QTest::currentTestFailed())
            return;

        ApiClient laptop = server.client();
        ApiClient spare = server.client();
        QCOMPARE(laptop.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("Asha's laptop"))
                     .status,
                 200);
        QCOMPARE(
            spare.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("Spare laptop")).status,
            200);
        QVERIFY(laptop.deviceId != spare.deviceId);
        QCOMPARE(laptop.pull().status, 200);

        const CommandResult list = server.run({QStringLiteral("device"), QStringLiteral("list")});
        QVERIFY2(list.exitCode == 0, list.describe().constData());
        const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const auto lineOf = [&lines](const QString &deviceId) {
            for (const QString &line : lines) {
                if (line.startsWith(deviceId + QLatin1Char('\t')))
                    return line;
            }
            return QString();
        };
        const QString laptopLine = lineOf(laptop.deviceId);
        QVERIFY2(!laptopLine.isEmpty(), qPrintable(list.out));
        QVERIFY2(laptopLine.contains(QStringLiteral("\tasha\tAsha's laptop\t")),
                 qPrintable(laptopLine));
        QVERIFY2(laptopLine.endsWith(QStringLiteral("\t-")), qPrintable(laptopLine)); // not revoked
        QVERIFY2(!lineOf(spare.deviceId).isEmpty(), qPrintable(list.out));

        const CommandResult revoked =
            server.run({QStringLiteral("device"), QStringLiteral("revoke"), laptop.deviceId,
                        QStringLiteral("--wipe")});
        QVERIFY2(revoked.exitCode == 0, revoked.describe().constData());
        const HttpReply refused = laptop.pull();
        verifyError(refused, 403, QStringLiteral("device_revoked"));
        QCOMPARE(refused.json.value(QStringLiteral("wipe")), QJsonValue(true));
        verifyError(laptop.push(change(QStringLiteral("children"), newId(),
                                       QStringLiteral("delete"), {}, 1)),
                    403, QStringLiteral("device_revoked"));
        // Signing in again from that device is refused too, and says to wipe.
        ApiClient again = server.client();
        again.deviceId = laptop.deviceId;
        const HttpReply signIn =
            again.signIn(QStringLiteral("asha"), kPassword, QStringLiteral("Asha's laptop"));
        verifyError(signIn, 403, QStringLiteral("device_revoked"));
        QCOMPARE(signIn.json.value(QStringLiteral("wipe")), QJsonValue(true));
        // The other device is unaffected.
        QCOMPARE(spare.pull().status, 200);

        // Revoked without --wipe: refused, but keeps its store.
        QVERIFY(server.run({QStringLiteral("device"), QStringLiteral("revoke"), spare.deviceId})
                    .exitCode == 0);
        const HttpReply keep = spare.pull();
        verifyError(keep, 403, QStringLiteral("device_revoked"));
        QCOMPARE(keep.json.value(QStringLiteral("wipe")), QJsonValue(false));

        const CommandResult after = server.run({QStringLiteral("device"), QStringLiteral("list")});
        QVERIFY2(after.out.contains(QStringLiteral(" (wipe)")), qPrintable(after.out));
        const CommandResult unknown =
            server.run({QStringLiteral("device"), QStringLiteral("revoke"), newId(),
                        QStringLiteral("--wipe")});
        QCOMPARE(unknown.exitCode, 1);
    }

    void storeKeepsNoPasswordOrTokenInClear()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != QLatin1String("sqlite"))
            QSKIP("Reads the SQLite file; the PostgreSQL store runs the same code.");
        ServerProcess server(backend);
        setUp(server);
        if (QTest::currentTestFailed())
            return;

        ApiClient asha = server.client();
        QCOMPARE(asha.signIn(QStringLiteral("asha"), kPassword).status, 200);
        QCOMPARE(asha.pull().status, 200);
        QCOMPARE(server.stop(), 0);

        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
            db.setDatabaseName(server.sqliteFile());
            QVERIFY(db.open());
            QSqlQuery users(db);
            QVERIFY(users.exec(QStringLiteral("SELECT name, password_hash FROM users")));
            int count = 0;
            while (users.next()) {
                ++count;
                QVERIFY2(users.value(1).toString().startsWith(QStringLiteral("$argon2id$")),
                         qPrintable(users.value(0).toString()));
            }
            QCOMPARE(count, 2);
            QSqlQuery tokens(db);
            QVERIFY(tokens.exec(QStringLiteral("SELECT token_hash FROM tokens")));
            QVERIFY(tokens.next());
            const QByteArray expected =
                QCryptographicHash::hash(asha.token.toUtf8(), QCryptographicHash::Sha256).toHex();
            QCOMPARE(tokens.value(0).toString().toLatin1(), expected);
            QVERIFY(!tokens.next());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));

        // Nowhere in the store's files, in any form a reader could pick up.
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile file(server.sqliteFile() + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(asha.token.toLatin1()));
        QVERIFY(!bytes.contains(kPassword.toUtf8()));
        QVERIFY(!bytes.contains(kOtherPassword.toUtf8()));
    }

    void auditListsSignIns()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        setUp(server);
        if (QTest::currentTestFailed())
            return;

        ApiClient asha = server.client();
        QCOMPARE(asha.signIn(QStringLiteral("asha"), kOtherPassword).status, 401);
        QCOMPARE(asha.signIn(QStringLiteral("asha"), kPassword).status, 200);
        ApiClient mo = server.client();
        QCOMPARE(mo.signIn(QStringLiteral("mo"), kOtherPassword).status, 200);

        const CommandResult audit =
            server.run({QStringLiteral("audit"), QStringLiteral("--user"), QStringLiteral("asha")});
        QVERIFY2(audit.exitCode == 0, audit.describe().constData());
        const QStringList lines = audit.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.value(0).startsWith(QStringLiteral("at\tuser\t")));
        int ok = 0, failed = 0;
        for (const QString &line : lines.mid(1)) {
            const QStringList columns = line.split(QLatin1Char('\t'));
            QCOMPARE(columns.size(), 7);
            QCOMPARE(columns.at(1), QStringLiteral("asha")); // --user filters
            if (columns.at(3) != QLatin1String("sign-in"))
                continue;
            QVERIFY(QDateTime::fromString(columns.at(0), Qt::ISODateWithMs).isValid());
            if (columns.at(5) == QLatin1String("200")) {
                ++ok;
                QCOMPARE(columns.at(2), asha.deviceId);
            } else if (columns.at(5) == QLatin1String("401")) {
                ++failed;
            }
        }
        QCOMPARE(ok, 1);
        QCOMPARE(failed, 1);
        QVERIFY(!audit.out.contains(kPassword) && !audit.out.contains(kOtherPassword));
        QVERIFY(!audit.out.contains(asha.token));

        // Without --user: everyone, including the administration commands.
        const CommandResult all = server.run({QStringLiteral("audit")});
        QVERIFY2(all.exitCode == 0, all.describe().constData());
        QVERIFY(all.out.contains(QStringLiteral("\tmo\t")));
        QVERIFY(all.out.contains(QStringLiteral("\tuser-add\t")));
    }
};

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_serverauth.moc"
