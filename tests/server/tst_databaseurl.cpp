// DatabaseUrl: parsing postgresql:// URLs (the server's PostgreSQL setting and
// LANTERN_TEST_DATABASE_URL), and, when the test run provides a PostgreSQL server
// (scripts/test starts a throwaway one), a real QPSQL connection through it.
#include "storage/DatabaseUrl.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using lantern::server::DatabaseUrl;

namespace {

const char *const kUrlVariable = "LANTERN_TEST_DATABASE_URL";
const char *const kNoServer = "LANTERN_TEST_DATABASE_URL is not set, so there is no PostgreSQL "
                              "to connect to (scripts/test starts a throwaway cluster and sets "
                              "it unless LANTERN_TEST_POSTGRES=0)";

QString sqlError(const QSqlError &error)
{
    return error.text();
}

} // namespace

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void parsesGoodUrls_data();
    void parsesGoodUrls();
    void refusesBadUrls_data();
    void refusesBadUrls();
    void errorMayBeNull();
    void errorNeverShowsThePassword();
    void appliesToQpsqlConnection();
    void displayStringHidesPassword();

    void opensRealPostgres();
    void roundTripOnRealPostgres();

    void cleanup();

private:
    // A new connection to LANTERN_TEST_DATABASE_URL, opened; fails the test when it cannot be.
    QSqlDatabase openTestDatabase();
    QStringList m_connections;
    QString m_table; // made by the round trip; dropped in cleanup() if a check failed first
};

void TestDatabaseUrl::parsesGoodUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");

    QTest::newRow("scripts/test's throwaway cluster")
        << QStringLiteral("postgresql://lantern@127.0.0.1:55432/lantern_test")
        << QStringLiteral("127.0.0.1") << 55432 << QStringLiteral("lantern") << QString()
        << QStringLiteral("lantern_test");
    QTest::newRow("postgres:// scheme, password, default port")
        << QStringLiteral("postgres://app:secret@db.example.org/lantern")
        << QStringLiteral("db.example.org") << 5432 << QStringLiteral("app")
        << QStringLiteral("secret") << QStringLiteral("lantern");
    QTest::newRow("scheme in capitals")
        << QStringLiteral("PostgreSQL://app@db/lantern") << QStringLiteral("db") << 5432
        << QStringLiteral("app") << QString() << QStringLiteral("lantern");
    QTest::newRow("empty port is the default")
        << QStringLiteral("postgresql://app@db:/lantern") << QStringLiteral("db") << 5432
        << QStringLiteral("app") << QString() << QStringLiteral("lantern");
    QTest::newRow("empty password")
        << QStringLiteral("postgresql://app:@db:6000/lantern") << QStringLiteral("db") << 6000
        << QStringLiteral("app") << QString() << QStringLiteral("lantern");
    QTest::newRow("percent-encoded password")
        << QStringLiteral("postgresql://app:p%40ss%3Aw%2Frd%25%20x@db:5433/lantern")
        << QStringLiteral("db") << 5433 << QStringLiteral("app") << QStringLiteral("p@ss:w/rd% x")
        << QStringLiteral("lantern");
    QTest::newRow("percent-encoded non-ASCII user and password")
        << QStringLiteral("postgresql://si%C3%A2n:%C5%B5%E2%82%AC@db/lantern")
        << QStringLiteral("db") << 5432 << QStringLiteral("si\u00e2n")
        << QStringLiteral("\u0175\u20ac") << QStringLiteral("lantern");
    QTest::newRow("IPv6 loopback in brackets")
        << QStringLiteral("postgresql://app:pw@[::1]:5433/lantern") << QStringLiteral("::1") << 5433
        << QStringLiteral("app") << QStringLiteral("pw") << QStringLiteral("lantern");
    QTest::newRow("IPv6 address, default port")
        << QStringLiteral("postgresql://app@[2001:db8::10]/lantern")
        << QStringLiteral("2001:db8::10") << 5432 << QStringLiteral("app") << QString()
        << QStringLiteral("lantern");
    QTest::newRow("surrounding spaces ignored")
        << QStringLiteral("  postgresql://app@db/lantern\n") << QStringLiteral("db") << 5432
        << QStringLiteral("app") << QString() << QStringLiteral("lantern");
    QTest::newRow("highest port") << QStringLiteral("postgresql://app@db:65535/lantern")
                                  << QStringLiteral("db") << 65535 << QStringLiteral("app")
                                  << QString() << QStringLiteral("lantern");
}

void TestDatabaseUrl::parsesGoodUrls()
{
    QFETCH(QString, url);
    QString error = QStringLiteral("left over");
    const std::optional<DatabaseUrl> parsed = DatabaseUrl::parse(url, &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(error.isEmpty());
    QTEST(parsed->host, "host");
    QTEST(parsed->port, "port");
    QTEST(parsed->user, "user");
    QTEST(parsed->password, "password");
    QTEST(parsed->database, "database");
}

void TestDatabaseUrl::refusesBadUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("because"); // a part of the error message

    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral("empty");
    QTest::newRow("no scheme") << QStringLiteral("app@db/lantern")
                               << QStringLiteral("postgresql://");
    QTest::newRow("mysql scheme") << QStringLiteral("mysql://app@db/lantern")
                                  << QStringLiteral("postgresql://");
    QTest::newRow("http scheme") << QStringLiteral("http://app@db/lantern")
                                 << QStringLiteral("postgresql://");
    QTest::newRow("sqlite file") << QStringLiteral("/var/lib/lantern/lantern-server.db")
                                 << QStringLiteral("postgresql://");
    QTest::newRow("scheme with one slash")
        << QStringLiteral("postgresql:/app@db/lantern") << QStringLiteral("postgresql://");
    QTest::newRow("missing database")
        << QStringLiteral("postgresql://app@db:5432") << QStringLiteral("database name is missing");
    QTest::newRow("missing database, trailing slash")
        << QStringLiteral("postgresql://app@db:5432/") << QStringLiteral("database name");
    QTest::newRow("database with a slash")
        << QStringLiteral("postgresql://app@db/lantern/x") << QStringLiteral("cannot contain '/'");
    QTest::newRow("missing host") << QStringLiteral("postgresql://app@/lantern")
                                  << QStringLiteral("host is missing");
    QTest::newRow("missing user") << QStringLiteral("postgresql://db/lantern")
                                  << QStringLiteral("user is missing");
    QTest::newRow("several hosts")
        << QStringLiteral("postgresql://app@db1,db2/lantern") << QStringLiteral("one host");
    QTest::newRow("parameters") << QStringLiteral("postgresql://app@db/lantern?sslmode=require")
                                << QStringLiteral("'?'");
    QTest::newRow("fragment") << QStringLiteral("postgresql://app@db/lantern#x")
                              << QStringLiteral("'#'");
    QTest::newRow("port not a number")
        << QStringLiteral("postgresql://app@db:port/lantern") << QStringLiteral("port");
    QTest::newRow("port zero") << QStringLiteral("postgresql://app@db:0/lantern")
                               << QStringLiteral("port");
    QTest::newRow("port too high")
        << QStringLiteral("postgresql://app@db:65536/lantern") << QStringLiteral("port");
    QTest::newRow("IPv6 without brackets") << QStringLiteral("postgresql://app@::1/lantern")
                                           << QStringLiteral("Invalid PostgreSQL URL");
    QTest::newRow("IPv6 bracket not closed") << QStringLiteral("postgresql://app@[::1/lantern")
                                             << QStringLiteral("Invalid PostgreSQL URL");
    QTest::newRow("bad percent encoding") << QStringLiteral("postgresql://app:%zz@db/lantern")
                                          << QStringLiteral("Invalid PostgreSQL URL");
    QTest::newRow("unencoded @ in password")
        << QStringLiteral("postgresql://app:p@ss@db/lantern") << QStringLiteral("%40");
    QTest::newRow("unencoded [ in password")
        << QStringLiteral("postgresql://app:p[ss@db/lantern") << QStringLiteral("password");
    QTest::newRow("unencoded space") << QStringLiteral("postgresql://app:a b@db/lantern")
                                     << QStringLiteral("Invalid PostgreSQL URL");
}

void TestDatabaseUrl::refusesBadUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, because);
    QString error;
    const std::optional<DatabaseUrl> parsed = DatabaseUrl::parse(url, &error);
    QVERIFY2(!parsed, qPrintable(QStringLiteral("accepted %1 as %2")
                                     .arg(url, parsed ? parsed->toDisplayString() : QString())));
    QVERIFY2(error.startsWith(QStringLiteral("Invalid PostgreSQL URL: ")), qPrintable(error));
    QVERIFY2(error.contains(because), qPrintable(error));
}

void TestDatabaseUrl::errorMayBeNull()
{
    QVERIFY(!DatabaseUrl::parse(QStringLiteral("mysql://app@db/lantern"), nullptr));
    QVERIFY(DatabaseUrl::parse(QStringLiteral("postgresql://app@db/lantern"), nullptr));
}

void TestDatabaseUrl::errorNeverShowsThePassword()
{
    const QStringList urls = {
        QStringLiteral("postgresql://app:Hunter2Secret@db:99999/lantern"),
        QStringLiteral("postgresql://app:Hunter2Secret@[::1/lantern"),
        QStringLiteral("postgresql://app:Hunter2Secret%zz@db/lantern"),
        QStringLiteral("postgresql://app:Hunter2[Secret@db/lantern"),
        QStringLiteral("postgresql://app:Hunter2@Secret@db/lantern"),
        QStringLiteral("postgresql://app:Hunter2Secret@db/lantern?sslmode=require"),
        QStringLiteral("postgresql://app:Hunter2Secret@db/"),
        QStringLiteral("mysql://app:Hunter2Secret@db/lantern"),
    };
    for (const QString &url : urls) {
        QString error;
        QVERIFY2(!DatabaseUrl::parse(url, &error), qPrintable(url));
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains(QStringLiteral("Hunter2")), qPrintable(error));
    }
}

void TestDatabaseUrl::appliesToQpsqlConnection()
{
    const auto parsed = DatabaseUrl::parse(
        QStringLiteral("postgresql://app:p%40ss@[::1]:5433/lantern_test"), nullptr);
    QVERIFY(parsed);
    const QString name = QStringLiteral("tst_databaseurl_apply");
    m_connections << name;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    parsed->apply(db);
    QCOMPARE(db.hostName(), QStringLiteral("::1"));
    QCOMPARE(db.port(), 5433);
    QCOMPARE(db.userName(), QStringLiteral("app"));
    QCOMPARE(db.password(), QStringLiteral("p@ss"));
    QCOMPARE(db.databaseName(), QStringLiteral("lantern_test"));
    QVERIFY(!db.isOpen());
}

void TestDatabaseUrl::displayStringHidesPassword()
{
    const auto plain =
        DatabaseUrl::parse(QStringLiteral("postgresql://app:secret@db/lantern"), nullptr);
    QVERIFY(plain);
    QCOMPARE(plain->toDisplayString(), QStringLiteral("app@db:5432/lantern"));
    const auto ipv6 =
        DatabaseUrl::parse(QStringLiteral("postgres://app:secret@[::1]:6000/lantern"), nullptr);
    QVERIFY(ipv6);
    QCOMPARE(ipv6->toDisplayString(), QStringLiteral("app@[::1]:6000/lantern"));
}

QSqlDatabase TestDatabaseUrl::openTestDatabase()
{
    const QString url = qEnvironmentVariable(kUrlVariable);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        QTest::qFail("LANTERN_TEST_DATABASE_URL is set but Qt's QPSQL driver is missing "
                     "(install libqt6sql6-psql; scripts/setup does)",
                     __FILE__, __LINE__);
        return {};
    }
    QString error;
    const auto parsed = DatabaseUrl::parse(url, &error);
    if (!parsed) {
        QTest::qFail(qPrintable(QStringLiteral("LANTERN_TEST_DATABASE_URL: %1").arg(error)),
                     __FILE__, __LINE__);
        return {};
    }
    const QString name = QStringLiteral("tst_databaseurl_%1").arg(m_connections.size());
    m_connections << name;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    parsed->apply(db);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open()) {
        QTest::qFail(qPrintable(QStringLiteral("cannot connect to %1: %2")
                                    .arg(parsed->toDisplayString(), sqlError(db.lastError()))),
                     __FILE__, __LINE__);
        return {};
    }
    return db;
}

void TestDatabaseUrl::opensRealPostgres()
{
    if (qEnvironmentVariableIsEmpty(kUrlVariable))
        QSKIP(kNoServer);
    QSqlDatabase db = openTestDatabase();
    if (QTest::currentTestFailed() || !db.isOpen())
        return;
    QCOMPARE(db.driverName(), QStringLiteral("QPSQL"));

    QSqlQuery query(db);
    QVERIFY2(query.exec(QStringLiteral("SELECT 1")), qPrintable(sqlError(query.lastError())));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);

    QVERIFY2(query.exec(QStringLiteral("SELECT current_database(), current_setting('server_"
                                       "encoding'), current_setting('server_version_num')::int")),
             qPrintable(sqlError(query.lastError())));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), db.databaseName());
    QCOMPARE(query.value(1).toString(), QStringLiteral("UTF8"));
    QVERIFY2(query.value(2).toInt() >= 150000, qPrintable(query.value(2).toString()));
}

void TestDatabaseUrl::roundTripOnRealPostgres()
{
    if (qEnvironmentVariableIsEmpty(kUrlVariable))
        QSKIP(kNoServer);
    QSqlDatabase db = openTestDatabase();
    if (QTest::currentTestFailed() || !db.isOpen())
        return;

    // Unique per process: ctest runs tests in parallel against the same database.
    const QString table =
        QStringLiteral("tst_databaseurl_%1").arg(QCoreApplication::applicationPid());
    m_table = table;
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("SET client_min_messages = warning"))); // no NOTICEs
    QVERIFY2(query.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(table)),
             qPrintable(sqlError(query.lastError())));
    QVERIFY2(query.exec(QStringLiteral("CREATE TABLE %1 (id bigserial PRIMARY KEY, "
                                       "name text NOT NULL, visits integer NOT NULL)")
                            .arg(table)),
             qPrintable(sqlError(query.lastError())));

    const QString welsh = QStringLiteral("Si\u00e2n \u0174yn \u2013 \u00e9t\u00e9");
    QVERIFY(query.prepare(
        QStringLiteral("INSERT INTO %1 (name, visits) VALUES (?, ?) RETURNING id").arg(table)));
    query.addBindValue(welsh);
    query.addBindValue(3);
    QVERIFY2(query.exec(), qPrintable(sqlError(query.lastError())));
    QVERIFY(query.next());
    const qint64 id = query.value(0).toLongLong();
    QVERIFY(id > 0);

    QVERIFY(query.prepare(QStringLiteral("SELECT name, visits FROM %1 WHERE id = ?").arg(table)));
    query.addBindValue(id);
    QVERIFY2(query.exec(), qPrintable(sqlError(query.lastError())));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), welsh);
    QCOMPARE(query.value(1).toInt(), 3);
    QVERIFY(!query.next());

    QVERIFY2(query.exec(QStringLiteral("DROP TABLE %1").arg(table)),
             qPrintable(sqlError(query.lastError())));
    QVERIFY(query.exec(QStringLiteral("SELECT to_regclass('%1') IS NULL").arg(table)));
    QVERIFY(query.next());
    QVERIFY(query.value(0).toBool());
    m_table.clear();
}

void TestDatabaseUrl::cleanup()
{
    if (!m_table.isEmpty() && !m_connections.isEmpty()) {
        QSqlDatabase db = QSqlDatabase::database(m_connections.constLast(), false);
        if (db.isOpen())
            QSqlQuery(db).exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(m_table));
    }
    m_table.clear();
    for (const QString &name : std::as_const(m_connections)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    m_connections.clear();
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
