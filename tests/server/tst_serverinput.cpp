// lantern-server against hostile and broken input: malformed and mistyped pushes, bad pull
// parameters, oversized bodies and headers, wrong routes, methods and content types, broken
// case import files, and a shutdown in the middle of a big push. Every refusal is a JSON
// {code, message}, changes nothing, and leaves the server answering. The real server binary,
// on SQLite and (when the run provides one) PostgreSQL.
#include "ServerProcess.h"

#include <QtTest>

#include <memory>

using namespace lantern::test;

namespace {

const QString kPassword = QStringLiteral("lantern-test-pass-1");

struct Fixture
{
    std::unique_ptr<ServerProcess> server;
    ApiClient fca1;
    QString caseId, childId;
    PullResult snapshot; // everything fca1 pulls, before any bad input
};

QJsonObject goodCase(const QString &number)
{
    return QJsonObject{
        {QStringLiteral("case_number"), number},
        {QStringLiteral("court"), QStringLiteral("Family Court at Testbury")},
        {QStringLiteral("kind"), QStringLiteral("care_order")},
        {QStringLiteral("issued_on"), QStringLiteral("2026-03-02")},
        {QStringLiteral("children"),
         QJsonArray{QJsonObject{
             {QStringLiteral("legal_name"), QStringLiteral("Test Child %1").arg(number)},
             {QStringLiteral("date_of_birth"), QStringLiteral("2018-05-01")}}}},
        {QStringLiteral("adults"),
         QJsonArray{
             QJsonObject{{QStringLiteral("name"), QStringLiteral("Test Adult %1").arg(number)},
                         {QStringLiteral("role"), QStringLiteral("mother")}}}},
        {QStringLiteral("hearings"),
         QJsonArray{QJsonObject{
             {QStringLiteral("kind"), QStringLiteral("final")},
             {QStringLiteral("starts_at"), QStringLiteral("2026-06-01T09:00:00.000Z")}}}},
    };
}

QByteArray casesFile(const QJsonArray &cases)
{
    return compact({{QStringLiteral("cases"), cases}});
}

} // namespace

class TestServerInput : public QObject
{
    Q_OBJECT

private:
    QHash<QString, std::shared_ptr<Fixture>> m_shared;

    void build(const QString &backend, std::shared_ptr<Fixture> *out,
               const QStringList &serveArgs = {})
    {
        auto fixture = std::make_shared<Fixture>();
        fixture->server = std::make_unique<ServerProcess>(backend);
        ServerProcess &server = *fixture->server;
        QVERIFY2(server.error().isEmpty(), qPrintable(server.error()));
        QByteArray why;
        QVERIFY2(server.addUser(QStringLiteral("fca1"), QStringLiteral("fca"),
                                QStringLiteral("north"), kPassword, &why),
                 why.constData());
        fixture->caseId = newId();
        fixture->childId = newId();
        QJsonObject theCase = goodCase(QStringLiteral("ZC26C00001"));
        theCase.insert(QStringLiteral("id"), fixture->caseId);
        QJsonArray children = theCase.value(QStringLiteral("children")).toArray();
        QJsonObject child = children.at(0).toObject();
        child.insert(QStringLiteral("id"), fixture->childId);
        children.replace(0, child);
        theCase.insert(QStringLiteral("children"), children);
        const QString file = server.filePath(QStringLiteral("cases.json"));
        QVERIFY(writeFile(file, casesFile({theCase})));
        const CommandResult imported =
            server.run({QStringLiteral("case"), QStringLiteral("import"), file});
        QVERIFY2(imported.exitCode == 0, imported.describe().constData());
        QCOMPARE(server
                     .run({QStringLiteral("allocate"), QStringLiteral("ZC26C00001"),
                           QStringLiteral("fca1")})
                     .exitCode,
                 0);
        QVERIFY2(server.start(serveArgs), qPrintable(server.error()));
        fixture->fca1 = server.client();
        QCOMPARE(fixture->fca1.signIn(QStringLiteral("fca1"), kPassword).status, 200);
        fixture->snapshot = fixture->fca1.pullAll();
        QVERIFY(fixture->snapshot.ok);
        QVERIFY(fixture->snapshot.byId().contains(fixture->childId));
        *out = fixture;
    }

    Fixture *shared()
    {
        QFETCH_GLOBAL(QString, backend);
        return sharedFixture(m_shared, backend,
                             [&](std::shared_ptr<Fixture> *out) { build(backend, out); });
    }

    static void verifyErrorJson(const HttpReply &reply, int status, const QString &code)
    {
        QVERIFY2(reply.status == status, reply.describe().constData());
        QVERIFY2(reply.isJsonObject, reply.describe().constData());
        QVERIFY(reply.header("content-type").startsWith("application/json"));
        QCOMPARE(reply.code(), code);
        QVERIFY2(!reply.json.value(QStringLiteral("message")).toString().isEmpty(),
                 reply.describe().constData());
    }

    // The store is as it was and the server still answers.
    static void verifyUnchanged(const Fixture &fixture)
    {
        const HttpReply health = httpRequest(fixture.server->port(), "GET", "/api/v1/health");
        QVERIFY2(health.status == 200, health.describe().constData());
        QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const PullResult now = fixture.fca1.pullAll();
        QVERIFY2(now.ok, now.failed.describe().constData());
        QCOMPARE(now.cursor, fixture.snapshot.cursor);
        QCOMPARE(now.records, fixture.snapshot.records);
    }

    // A change to the fixture's child that parses.
    static QJsonObject goodChange(const Fixture &fixture)
    {
        return change(QStringLiteral("children"), fixture.childId, QStringLiteral("update"),
                      {{QStringLiteral("school"), QStringLiteral("Should never be stored")}}, 1);
    }

private slots:
    void initTestCase_data() { addBackendRows(); }

    void cleanupTestCase() { m_shared.clear(); }

    void badPushIsRefusedWhole_data()
    {
        QTest::addColumn<QString>("what");
        for (const char *what : {"malformed JSON",
                                 "empty body",
                                 "JSON array body",
                                 "JSON string body",
                                 "changes not an array",
                                 "no changes",
                                 "empty changes",
                                 "unknown top-level member",
                                 "change not an object",
                                 "base_version as string",
                                 "base_version negative",
                                 "base_version fraction",
                                 "fields as array",
                                 "fields missing",
                                 "unknown member in change",
                                 "unknown table",
                                 "table as number",
                                 "unknown field",
                                 "server-kept field",
                                 "op drop",
                                 "op missing",
                                 "501 changes",
                                 "repeated mutation_id",
                                 "empty mutation_id",
                                 "101-character mutation_id",
                                 "mutation_id as number",
                                 "invalid date",
                                 "date in another format",
                                 "too-long string",
                                 "non-UUID record_id",
                                 "braced garbage record_id",
                                 "number for text",
                                 "null for text",
                                 "object for text",
                                 "flag 2",
                                 "fractional integer",
                                 "time without zone garbage",
                                 "id list not JSON",
                                 "id list with non-UUID",
                                 "base64 garbage",
                                 "insert missing a required field",
                                 "deeply nested",
                                 "good change then bad one"})
            QTest::newRow(what) << QString::fromLatin1(what);
    }

    void badPushIsRefusedWhole()
    {
        QFETCH(QString, what);
        Fixture *fixture = shared();
        QVERIFY(fixture);
        const QJsonObject good = goodChange(*fixture);
        const auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject changed = good;
            changed.insert(key, value);
            return compact({{QStringLiteral("changes"), QJsonArray{changed}}});
        };
        const auto withField = [&](const QString &table, const QString &field,
                                   const QJsonValue &value,
                                   const QString &op = QStringLiteral("update")) {
            QJsonObject changed = good;
            changed.insert(QStringLiteral("table"), table);
            changed.insert(QStringLiteral("op"), op);
            changed.insert(QStringLiteral("fields"), QJsonObject{{field, value}});
            return compact({{QStringLiteral("changes"), QJsonArray{changed}}});
        };
        QByteArray body;
        if (what == QLatin1String("malformed JSON"))
            body = "{\"changes\": [";
        else if (what == QLatin1String("empty body"))
            body = "";
        else if (what == QLatin1String("JSON array body"))
            body = "[" + compact(good) + "]";
        else if (what == QLatin1String("JSON string body"))
            body = "\"changes\"";
        else if (what == QLatin1String("changes not an array"))
            body = compact({{QStringLiteral("changes"), good}});
        else if (what == QLatin1String("no changes"))
            body = "{}";
        else if (what == QLatin1String("empty changes"))
            body = "{\"changes\":[]}";
        else if (what == QLatin1String("unknown top-level member"))
            body = compact(
                {{QStringLiteral("changes"), QJsonArray{good}}, {QStringLiteral("force"), true}});
        else if (what == QLatin1String("change not an object"))
            body = "{\"changes\":[\"update everything\"]}";
        else if (what == QLatin1String("base_version as string"))
            body = with(QStringLiteral("base_version"), QStringLiteral("3"));
        else if (what == QLatin1String("base_version negative"))
            body = with(QStringLiteral("base_version"), -1);
        else if (what == QLatin1String("base_version fraction"))
            body = with(QStringLiteral("base_version"), 1.5);
        else if (what == QLatin1String("fields as array"))
            body = with(QStringLiteral("fields"), QJsonArray{QStringLiteral("school")});
        else if (what == QLatin1String("fields missing")) {
            QJsonObject changed = good;
            changed.remove(QStringLiteral("fields"));
            body = compact({{QStringLiteral("changes"), QJsonArray{changed}}});
        } else if (what == QLatin1String("unknown member in change"))
            body = with(QStringLiteral("priority"), 1);
        else if (what == QLatin1String("unknown table"))
            body = with(QStringLiteral("table"), QStringLiteral("users"));
        else if (what == QLatin1String("table as number"))
            body = with(QStringLiteral("table"), 7);
        else if (what == QLatin1String("unknown field"))
            body = withField(QStringLiteral("children"), QStringLiteral("password_hash"),
                             QStringLiteral("x"));
        else if (what == QLatin1String("server-kept field"))
            body = withField(QStringLiteral("children"), QStringLiteral("version"), 99);
        else if (what == QLatin1String("op drop"))
            body = with(QStringLiteral("op"), QStringLiteral("drop"));
        else if (what == QLatin1String("op missing")) {
            QJsonObject changed = good;
            changed.remove(QStringLiteral("op"));
            body = compact({{QStringLiteral("changes"), QJsonArray{changed}}});
        } else if (what == QLatin1String("501 changes")) {
            QJsonArray changes;
            for (int i = 0; i < 501; ++i) {
                QJsonObject changed = good;
                changed.insert(QStringLiteral("mutation_id"), newId());
                changes.append(changed);
            }
            body = compact({{QStringLiteral("changes"), changes}});
        } else if (what == QLatin1String("repeated mutation_id")) {
            QJsonObject second =
                change(QStringLiteral("children"), fixture->childId, QStringLiteral("update"),
                       {{QStringLiteral("faith"), QStringLiteral("x")}}, 1,
                       good.value(QStringLiteral("mutation_id")).toString());
            body = compact({{QStringLiteral("changes"), QJsonArray{good, second}}});
        } else if (what == QLatin1String("empty mutation_id"))
            body = with(QStringLiteral("mutation_id"), QString());
        else if (what == QLatin1String("101-character mutation_id"))
            body = with(QStringLiteral("mutation_id"), QString(101, QLatin1Char('m')));
        else if (what == QLatin1String("mutation_id as number"))
            body = with(QStringLiteral("mutation_id"), 12345);
        else if (what == QLatin1String("invalid date"))
            body = withField(QStringLiteral("children"), QStringLiteral("date_of_birth"),
                             QStringLiteral("2026-02-30"));
        else if (what == QLatin1String("date in another format"))
            body = withField(QStringLiteral("children"), QStringLiteral("date_of_birth"),
                             QStringLiteral("02/03/2016"));
        else if (what == QLatin1String("too-long string"))
            body = withField(QStringLiteral("children"), QStringLiteral("legal_name"),
                             QString(201, QLatin1Char('x')));
        else if (what == QLatin1String("non-UUID record_id"))
            body = with(QStringLiteral("record_id"), QStringLiteral("child-1"));
        else if (what == QLatin1String("braced garbage record_id"))
            body = with(QStringLiteral("record_id"),
                        QStringLiteral("{not-a-uuid-at-all-0000000000000000}"));
        else if (what == QLatin1String("number for text"))
            body = withField(QStringLiteral("children"), QStringLiteral("school"), 42);
        else if (what == QLatin1String("null for text"))
            body = withField(QStringLiteral("children"), QStringLiteral("school"), QJsonValue());
        else if (what == QLatin1String("object for text"))
            body = withField(QStringLiteral("children"), QStringLiteral("school"),
                             QJsonObject{{QStringLiteral("a"), 1}});
        else if (what == QLatin1String("flag 2"))
            body = withField(QStringLiteral("cases"), QStringLiteral("domestic_abuse"), 2);
        else if (what == QLatin1String("fractional integer"))
            body = withField(QStringLiteral("hearings"), QStringLiteral("filing_days_before"), 2.5);
        else if (what == QLatin1String("time without zone garbage"))
            body = withField(QStringLiteral("hearings"), QStringLiteral("starts_at"),
                             QStringLiteral("next Tuesday"));
        else if (what == QLatin1String("id list not JSON"))
            body = withField(QStringLiteral("adults"), QStringLiteral("child_ids"),
                             QStringLiteral("[not json"));
        else if (what == QLatin1String("id list with non-UUID"))
            body = withField(QStringLiteral("adults"), QStringLiteral("child_ids"),
                             QStringLiteral("[\"abc\"]"));
        else if (what == QLatin1String("base64 garbage"))
            body = withField(QStringLiteral("letters"), QStringLiteral("pdf"),
                             QStringLiteral("%%%not base64%%%"));
        else if (what == QLatin1String("insert missing a required field")) {
            const QJsonObject insert =
                change(QStringLiteral("children"), newId(), QStringLiteral("insert"),
                       {{QStringLiteral("case_id"), fixture->caseId},
                        {QStringLiteral("legal_name"), QStringLiteral("Test No Birthday")}},
                       0);
            body = compact({{QStringLiteral("changes"), QJsonArray{insert}}});
        } else if (what == QLatin1String("deeply nested"))
            body = "{\"changes\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
        else if (what == QLatin1String("good change then bad one")) {
            QJsonObject bad =
                change(QStringLiteral("children"), fixture->childId, QStringLiteral("update"),
                       {{QStringLiteral("date_of_birth"), QStringLiteral("yesterday")}}, 1);
            body = compact({{QStringLiteral("changes"), QJsonArray{good, bad}}});
        }
        QVERIFY2(!body.isEmpty() || what == QLatin1String("empty body"), "no body for this row");

        const HttpReply reply = fixture->fca1.post("/api/v1/push", body);
        verifyErrorJson(reply, 400, QStringLiteral("invalid"));
        // The message never echoes what was sent.
        QVERIFY(!reply.body.contains("Should never be stored"));
        verifyUnchanged(*fixture);
        // The good change on its own was never remembered as pushed.
        if (what == QLatin1String("good change then bad one") ||
            what == QLatin1String("repeated mutation_id")) {
            QJsonObject probe = good;
            probe.insert(QStringLiteral("fields"),
                         QJsonObject{{QStringLiteral("school"), QStringLiteral("First probe")}});
            const HttpReply again = fixture->fca1.push(probe);
            QVERIFY2(again.status == 200, again.describe().constData());
            const QString outcome =
                pushResults(again).value(0).value(QStringLiteral("status")).toString();
            QVERIFY2(outcome == QLatin1String("applied"), again.describe().constData());
            fixture->snapshot = fixture->fca1.pullAll(); // the probe changed the child
        }
    }

    void badPullIsRefused_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("cursor=-1") << QByteArray("cursor=-1");
        QTest::newRow("cursor=abc") << QByteArray("cursor=abc");
        QTest::newRow("cursor empty") << QByteArray("cursor=");
        QTest::newRow("cursor=1e3") << QByteArray("cursor=1e3");
        QTest::newRow("cursor=1.5") << QByteArray("cursor=1.5");
        QTest::newRow("cursor beyond 64 bits") << QByteArray("cursor=99999999999999999999999");
        QTest::newRow("cursor ahead of the server") << QByteArray("cursor=999999999");
        QTest::newRow("horizon=-1") << QByteArray("cursor=0&horizon=-1");
        QTest::newRow("horizon=abc") << QByteArray("cursor=0&horizon=abc");
        QTest::newRow("horizon ahead of the server") << QByteArray("cursor=0&horizon=999999999");
        QTest::newRow("fresh=2") << QByteArray("cursor=0&fresh=2");
        QTest::newRow("fresh past cursor 0") << QByteArray("cursor=1&fresh=1");
        QTest::newRow("fresh with a horizon") << QByteArray("cursor=0&fresh=1&horizon=1");
        QTest::newRow("limit=0") << QByteArray("limit=0");
        QTest::newRow("limit=-5") << QByteArray("limit=-5");
        QTest::newRow("limit=2001") << QByteArray("limit=2001");
        QTest::newRow("limit=ten") << QByteArray("limit=ten");
        QTest::newRow("unknown parameter") << QByteArray("cursor=0&table=users");
        QTest::newRow("unknown parameter alone") << QByteArray("since=0");
    }

    void badPullIsRefused()
    {
        QFETCH(QByteArray, query);
        Fixture *fixture = shared();
        QVERIFY(fixture);
        verifyErrorJson(fixture->fca1.get("/api/v1/pull?" + query), 400, QStringLiteral("invalid"));
        verifyUnchanged(*fixture);
    }

    void badSignInIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("malformed") << QByteArray("{\"user\":");
        QTest::newRow("array") << QByteArray("[\"fca1\"]");
        QTest::newRow("no password") << QByteArray("{\"user\":\"fca1\"}");
        QTest::newRow("no user") << QByteArray("{\"password\":\"lantern-test-pass-1\"}");
        QTest::newRow("user as number")
            << QByteArray("{\"user\":1,\"password\":\"lantern-test-pass-1\"}");
        QTest::newRow("password as array")
            << QByteArray("{\"user\":\"fca1\",\"password\":[\"lantern-test-pass-1\"]}");
        QTest::newRow("unknown member") << QByteArray(
            "{\"user\":\"fca1\",\"password\":\"lantern-test-pass-1\",\"role\":\"admin\"}");
    }

    void badSignInIsRefused()
    {
        QFETCH(QByteArray, body);
        Fixture *fixture = shared();
        QVERIFY(fixture);
        const HttpReply reply =
            httpRequest(fixture->server->port(), "POST", "/api/v1/sign-in", body);
        verifyErrorJson(reply, 400, QStringLiteral("invalid"));
        QVERIFY(!reply.json.contains(QStringLiteral("token")));
        QVERIFY(!reply.body.contains("lantern-test-pass-1"));
        verifyUnchanged(*fixture);
    }

    void httpErrorsAreJson()
    {
        Fixture *fixture = shared();
        QVERIFY(fixture);
        const quint16 port = fixture->server->port();
        const ApiClient &fca1 = fixture->fca1;

        // Unknown routes.
        for (const QByteArray &target :
             {QByteArrayLiteral("/"), QByteArrayLiteral("/api/v1/nothing"),
              QByteArrayLiteral("/api/v2/pull"), QByteArrayLiteral("/api/v1/pull/extra")}) {
            verifyErrorJson(fca1.get(target), 404, QStringLiteral("not_found"));
        }
        // Wrong methods.
        verifyErrorJson(fca1.get("/api/v1/push"), 405, QStringLiteral("method_not_allowed"));
        verifyErrorJson(fca1.get("/api/v1/sign-in"), 405, QStringLiteral("method_not_allowed"));
        verifyErrorJson(fca1.post("/api/v1/pull", "{}"), 405, QStringLiteral("method_not_allowed"));
        verifyErrorJson(httpRequest(port, "DELETE", "/api/v1/health"), 405,
                        QStringLiteral("method_not_allowed"));
        verifyErrorJson(
            httpRequest(port, "PUT", "/api/v1/push",
                        compact({{QStringLiteral("changes"), QJsonArray{goodChange(*fixture)}}})),
            405, QStringLiteral("method_not_allowed"));
        // Not JSON.
        const QByteArray push =
            compact({{QStringLiteral("changes"), QJsonArray{goodChange(*fixture)}}});
        verifyErrorJson(fca1.post("/api/v1/push", push, {{"Content-Type", "text/plain"}}), 415,
                        QStringLiteral("unsupported_media_type"));
        verifyErrorJson(fca1.post("/api/v1/push", push,
                                  {{"Content-Type", "application/x-www-form-urlencoded"}}),
                        415, QStringLiteral("unsupported_media_type"));
        verifyErrorJson(httpRequest(port, "POST", "/api/v1/sign-in",
                                    "{\"user\":\"fca1\",\"password\":\"lantern-test-pass-1\"}",
                                    {{"Content-Type", "text/plain"}}),
                        415, QStringLiteral("unsupported_media_type"));
        verifyUnchanged(*fixture);
        if (QTest::currentTestFailed())
            return;

        // A body over the 4 MiB limit.
        QByteArray big = "{\"changes\":[" + compact(goodChange(*fixture)) + "]" +
                         QByteArray(4 * 1024 * 1024 + 100, ' ') + "}";
        verifyErrorJson(fca1.post("/api/v1/push", big), 413, QStringLiteral("body_too_large"));
        verifyUnchanged(*fixture);
        if (QTest::currentTestFailed())
            return;
        // Headers over 16 KiB.
        verifyErrorJson(
            fca1.get("/api/v1/pull?cursor=0", {{"X-Filler", QByteArray(20 * 1024, 'a')}}), 431,
            QStringLiteral("headers_too_large"));
        verifyUnchanged(*fixture);
        // Not HTTP at all.
        verifyErrorJson(sendRaw(port, "THIS IS NOT HTTP\r\n\r\n"), 400,
                        QStringLiteral("bad_request"));
        verifyErrorJson(
            sendRaw(port, "POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
            400, QStringLiteral("bad_request"));
        verifyUnchanged(*fixture);
        // A bad Lantern-Protocol header.
        verifyErrorJson(fca1.get("/api/v1/pull?cursor=0", {{"Lantern-Protocol", "one"}}), 400,
                        QStringLiteral("invalid"));
        verifyUnchanged(*fixture);
    }

    void badImportFileImportsNothing_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("named");
        const QJsonObject first = goodCase(QStringLiteral("ZC26C00001"));
        const auto second = [](const std::function<void(QJsonObject &)> &spoil) {
            QJsonObject theCase = goodCase(QStringLiteral("ZC26C00002"));
            spoil(theCase);
            return theCase;
        };
        const auto spoilPart = [](const QString &part, const QString &field,
                                  const QJsonValue &value) {
            return [=](QJsonObject &theCase) {
                QJsonArray items = theCase.value(part).toArray();
                QJsonObject item = items.at(0).toObject();
                item.insert(field, value);
                items.replace(0, item);
                theCase.insert(part, items);
            };
        };
        QTest::newRow("child's date of birth")
            << casesFile({first, second(spoilPart(QStringLiteral("children"),
                                                  QStringLiteral("date_of_birth"),
                                                  QStringLiteral("2018-13-01")))})
            << QStringLiteral("cases[1] (case ZC26C00002): children[0]: date_of_birth");
        QTest::newRow("case without a court")
            << casesFile({first, second([](QJsonObject &c) { c.remove(QStringLiteral("court")); })})
            << QStringLiteral("cases[1] (case ZC26C00002): court");
        QTest::newRow("unknown hearing field")
            << casesFile(
                   {first, second(spoilPart(QStringLiteral("hearings"), QStringLiteral("colour"),
                                            QStringLiteral("red")))})
            << QStringLiteral("cases[1] (case ZC26C00002): hearings[0]: \"colour\"");
        QTest::newRow("adult's child_ids")
            << casesFile(
                   {first, second(spoilPart(QStringLiteral("adults"), QStringLiteral("child_ids"),
                                            QJsonArray{QStringLiteral("not-an-id")}))})
            << QStringLiteral("cases[1] (case ZC26C00002): adults[0]: child_ids");
        QTest::newRow("child's name too long")
            << casesFile({first,
                          second(spoilPart(QStringLiteral("children"), QStringLiteral("legal_name"),
                                           QString(201, QLatin1Char('x'))))})
            << QStringLiteral("cases[1] (case ZC26C00002): children[0]: legal_name");
        QTest::newRow("bad id") << casesFile({first, second([](QJsonObject &c) {
                                                  c.insert(QStringLiteral("id"),
                                                           QStringLiteral("42"));
                                              })})
                                << QStringLiteral("cases[1] (case ZC26C00002)");
        QTest::newRow("children not a list")
            << casesFile({first, second([](QJsonObject &c) {
                              c.insert(QStringLiteral("children"), QStringLiteral("none"));
                          })})
            << QStringLiteral("cases[1] (case ZC26C00002): children");
        QTest::newRow("case not an object")
            << casesFile({first, QStringLiteral("ZC26C00002")}) << QStringLiteral("cases[1]");
        QTest::newRow("same case twice")
            << casesFile({first, first}) << QStringLiteral("cases[1] (case ZC26C00001)");
        QTest::newRow("not JSON") << QByteArray("{\"cases\": [") << QStringLiteral("JSON");
        QTest::newRow("no cases list")
            << QByteArray("{\"case\": []}") << QStringLiteral("\"cases\"");
        QTest::newRow("a list, not an object") << QByteArray("[]") << QStringLiteral("\"cases\"");
    }

    void badImportFileImportsNothing()
    {
        QFETCH_GLOBAL(QString, backend);
        QFETCH(QByteArray, file);
        QFETCH(QString, named);
        ServerProcess server(backend);
        QVERIFY2(server.error().isEmpty(), qPrintable(server.error()));
        const QString path = server.filePath(QStringLiteral("import.json"));
        QVERIFY(writeFile(path, file));
        const CommandResult bad =
            server.run({QStringLiteral("case"), QStringLiteral("import"), path});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(named), bad.describe().constData());
        QVERIFY2(!bad.out.contains(QStringLiteral("Imported")), bad.describe().constData());
        // Nothing from the file, not even its good first case.
        const CommandResult missing = server.run(
            {QStringLiteral("allocate"), QStringLiteral("ZC26C00001"), QStringLiteral("fca1")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no case")), missing.describe().constData());
        const QString goodPath = server.filePath(QStringLiteral("good.json"));
        QVERIFY(writeFile(goodPath, casesFile({goodCase(QStringLiteral("ZC26C00001"))})));
        const CommandResult good =
            server.run({QStringLiteral("case"), QStringLiteral("import"), goodPath});
        QVERIFY2(good.exitCode == 0 && good.out.contains(QStringLiteral("Imported 1 cases")),
                 good.describe().constData());
        // Importing it again is refused and names it.
        const CommandResult again =
            server.run({QStringLiteral("case"), QStringLiteral("import"), goodPath});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("cases[0] (case ZC26C00001)")),
                 again.describe().constData());
    }

    void unreadableImportFile()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerProcess server(backend);
        QVERIFY2(server.error().isEmpty(), qPrintable(server.error()));
        const CommandResult missing = server.run({QStringLiteral("case"), QStringLiteral("import"),
                                                  server.filePath(QStringLiteral("missing.json"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("missing.json")),
                 missing.describe().constData());
    }

    void shutdownDuringABigPushLeavesNoHalfBatch_data()
    {
        QTest::addColumn<int>(
            "when"); // 0: after the whole request, 1: half-way through the body, 2: 5 ms after
        QTest::newRow("right after the request") << 0;
        QTest::newRow("half-way through the body") << 1;
        QTest::newRow("just after the request") << 2;
    }

    void shutdownDuringABigPushLeavesNoHalfBatch()
    {
        QFETCH_GLOBAL(QString, backend);
        QFETCH(int, when);
        std::shared_ptr<Fixture> fixture;
        build(backend, &fixture);
        if (!fixture)
            return;
        ServerProcess &server = *fixture->server;
        const QString token = fixture->fca1.token;

        QJsonArray changes;
        QSet<QString> ids;
        for (int i = 0; i < 500; ++i) {
            const QString id = newId();
            ids.insert(id);
            changes.append(change(
                QStringLiteral("children"), id, QStringLiteral("insert"),
                {{QStringLiteral("case_id"), fixture->caseId},
                 {QStringLiteral("legal_name"), QStringLiteral("Test Batch Child %1").arg(i)},
                 {QStringLiteral("date_of_birth"), QStringLiteral("2019-01-01")},
                 {QStringLiteral("what_matters"), QString(2000, QLatin1Char('w'))}},
                0));
        }
        const QByteArray body = compact({{QStringLiteral("changes"), changes}});
        const QByteArray head =
            "POST /api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            "Content-Type: application/json\r\nAuthorization: Bearer " +
            token.toLatin1() + "\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n\r\n";

        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY(socket.waitForConnected(10000));
        const auto flush = [&socket] {
            while (socket.bytesToWrite() > 0 && socket.state() == QAbstractSocket::ConnectedState) {
                if (!socket.waitForBytesWritten(10000))
                    break;
            }
        };
        if (when == 1) {
            socket.write(head + body.left(body.size() / 2));
            flush();
            server.terminate();
            socket.write(body.mid(body.size() / 2));
            flush();
        } else {
            socket.write(head + body);
            flush();
            if (when == 2)
                QThread::msleep(5);
            server.terminate();
        }
        QByteArray received;
        HttpReply reply;
        bool complete = false;
        const QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            received += socket.readAll();
            if (lantern::test::detail::parseResponse(received, false, &reply)) {
                complete = true;
                break;
            }
            if (socket.state() != QAbstractSocket::ConnectedState)
                break;
            socket.waitForReadyRead(500);
        }
        received += socket.readAll();
        if (!complete)
            complete =
                lantern::test::detail::parseResponse(received, true, &reply) && reply.status != 0;
        const int exitCode = server.waitForExit(60000);
        QCOMPARE(exitCode, 0);
        QVERIFY2(server.standardOutput().contains(QStringLiteral("lantern-server stopped")),
                 qPrintable(server.standardOutput()));

        // Back up on the same store: either all 500 or none.
        QVERIFY2(server.start(), qPrintable(server.error()));
        ApiClient again = server.client();
        again.token = token;
        const PullResult pulled = again.pullAll();
        QVERIFY2(pulled.ok, pulled.failed.describe().constData());
        int stored = 0;
        for (const QString &id : std::as_const(ids))
            stored += pulled.byId().contains(id) ? 1 : 0;
        if (complete) {
            QVERIFY2(reply.status == 200, reply.describe().constData());
            const QList<QJsonObject> results = pushResults(reply);
            QCOMPARE(results.size(), 500);
            for (const QJsonObject &result : results)
                QCOMPARE(result.value(QStringLiteral("status")).toString(),
                         QStringLiteral("applied"));
            QCOMPARE(stored, 500);
        } else {
            QVERIFY2(received.isEmpty(), received.left(300).constData()); // no half answer
            QCOMPARE(stored, 0);
            // The laptop pushes again and everything goes in once.
            const HttpReply retry = again.post("/api/v1/push", body);
            QVERIFY2(retry.status == 200, retry.describe().constData());
            QCOMPARE(pushResults(retry).size(), 500);
        }
        qInfo("shutdown %s: %s", complete ? "answered" : "refused", QTest::currentDataTag());
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerInput)
#include "tst_serverinput.moc"
