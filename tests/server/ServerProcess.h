#pragma once

// Integration-test helpers for lantern-server, header-only so the server tests and later client
// sync tests can share them:
//
//  - ServerProcess starts the real lantern-server binary (LANTERN_SERVER_BINARY, set by CMake)
//    on a free loopback port, stops it with SIGTERM, and runs administration commands against
//    the same store. The store is a fresh SQLite folder, or, for the "postgresql" backend, a
//    fresh database on the cluster named by LANTERN_TEST_DATABASE_URL (dropped afterwards).
//  - HttpReply / httpRequest / sendRaw: a small synchronous HTTP/1.1 client on a blocking
//    QTcpSocket (usable from any thread, no event loop needed), returning status, headers and
//    the parsed JSON body.
//  - ApiClient: sign-in, push and pull against /api/v1 with a bearer token.
//
// Every test class runs its cases once per backend: call addBackendRows() from
// initTestCase_data() and QFETCH_GLOBAL(QString, backend) in the test functions.

#include "storage/DatabaseUrl.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <QtTest>

#include <memory>
#include <utility>

#ifndef LANTERN_SERVER_BINARY
#error "Define LANTERN_SERVER_BINARY as the path of the lantern-server executable"
#endif

namespace lantern::test {

// ----------------------------------------------------------------------------------------------
// Backends

inline QString testDatabaseUrl()
{
    return qEnvironmentVariable("LANTERN_TEST_DATABASE_URL");
}

// The global data table: "sqlite" always, "postgresql" when the run provides a cluster.
inline void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    if (!testDatabaseUrl().isEmpty())
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// ----------------------------------------------------------------------------------------------
// HTTP

struct HttpReply
{
    int status = 0; // 0: no complete answer (see error)
    QString error;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-case, in order
    QByteArray body;
    QJsonObject json; // the body, when it is a JSON object
    bool isJsonObject = false;

    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &[name, value] : headers) {
            if (name == lowerName)
                return value;
        }
        return {};
    }
    bool hasHeader(const QByteArray &lowerName) const
    {
        for (const auto &header : headers) {
            if (header.first == lowerName)
                return true;
        }
        return false;
    }
    QString code() const { return json.value(QStringLiteral("code")).toString(); }
    // For failure messages: the status and the start of the body.
    QByteArray describe() const
    {
        if (status == 0)
            return "no answer: " + error.toUtf8();
        return QByteArray::number(status) + ' ' + body.left(600);
    }
};

namespace detail {

// Parses a complete response out of buffer; false while more bytes are needed (or, with
// closed, when the response is cut short).
inline bool parseResponse(const QByteArray &buffer, bool closed, HttpReply *reply)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine.at(0).startsWith("HTTP/1.")) {
        reply->error = QStringLiteral("not an HTTP response");
        return false;
    }
    HttpReply parsed;
    parsed.status = statusLine.at(1).toInt();
    qsizetype contentLength = -1;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        parsed.headers.append({name, value});
        if (name == "content-length")
            contentLength = value.toLongLong();
        if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            chunked = true;
    }
    const QByteArray rest = buffer.mid(headerEnd + 4);
    if (chunked) {
        QByteArray body;
        qsizetype at = 0;
        while (true) {
            const qsizetype lineEnd = rest.indexOf("\r\n", at);
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const qsizetype size =
                rest.mid(at, lineEnd - at).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok)
                return false;
            if (size == 0)
                break;
            if (rest.size() < lineEnd + 2 + size + 2)
                return false;
            body += rest.mid(lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        parsed.body = body;
    } else if (contentLength >= 0) {
        if (rest.size() < contentLength)
            return false;
        parsed.body = rest.left(contentLength);
    } else {
        if (!closed)
            return false;
        parsed.body = rest;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(parsed.body, &error);
    if (error.error == QJsonParseError::NoError && document.isObject()) {
        parsed.json = document.object();
        parsed.isJsonObject = true;
    }
    *reply = parsed;
    return true;
}

} // namespace detail

// Sends bytes as they are on a new connection and reads one response. Works without an event
// loop, on any thread.
inline HttpReply sendRaw(quint16 port, const QByteArray &request, int timeoutMs = 60000)
{
    HttpReply reply;
    QTcpSocket socket;
    const QDeadlineTimer deadline(timeoutMs);
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())))) {
        reply.error = QStringLiteral("cannot connect: ") + socket.errorString();
        return reply;
    }
    QByteArray buffer;
    // Write in slices and read as we go: a server that answers early (413) and closes must
    // still be heard.
    constexpr qsizetype kSlice = 64 * 1024;
    bool writeFailed = false;
    for (qsizetype at = 0; at < request.size() && !writeFailed; at += kSlice) {
        if (socket.write(request.mid(at, kSlice)) < 0) {
            writeFailed = true;
            break;
        }
        while (socket.bytesToWrite() > 0 && !deadline.hasExpired()) {
            if (!socket.waitForBytesWritten(
                    static_cast<int>(qMax<qint64>(1, deadline.remainingTime())))) {
                writeFailed = true;
                break;
            }
        }
        buffer += socket.readAll();
        if (detail::parseResponse(buffer, false, &reply))
            return reply; // answered before the whole request went out
    }
    while (true) {
        buffer += socket.readAll();
        if (detail::parseResponse(buffer, false, &reply))
            return reply;
        if (socket.state() != QAbstractSocket::ConnectedState || deadline.hasExpired())
            break;
        if (!socket.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())))) {
            if (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
                continue;
            break;
        }
    }
    buffer += socket.readAll();
    if (detail::parseResponse(buffer, true, &reply))
        return reply;
    reply.status = 0;
    reply.error = deadline.hasExpired()
                      ? QStringLiteral("timed out")
                      : QStringLiteral("connection closed: ") + socket.errorString();
    if (!buffer.isEmpty())
        reply.error += QStringLiteral(" after %1 bytes").arg(buffer.size());
    return reply;
}

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One request on a new connection (Connection: close). A body gets Content-Type:
// application/json unless headers name another.
inline HttpReply httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                             const QByteArray &body = {}, const HeaderList &headers = {},
                             int timeoutMs = 60000)
{
    QByteArray request = method + ' ' + target +
                         " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                         "\r\nConnection: close\r\n";
    bool hasType = false;
    for (const auto &[name, value] : headers) {
        hasType = hasType || name.toLower() == "content-type";
        request += name + ": " + value + "\r\n";
    }
    if (!body.isEmpty() || method == "POST") {
        if (!hasType)
            request += "Content-Type: application/json\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    request += "\r\n" + body;
    return sendRaw(port, request, timeoutMs);
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// ----------------------------------------------------------------------------------------------
// The API

// A fixture built once per backend and shared by the tests that leave it as it is. build fills
// its argument, or leaves it empty after a failed QVERIFY.
template <typename Fixture, typename Build>
Fixture *sharedFixture(QHash<QString, std::shared_ptr<Fixture>> &cache, const QString &backend,
                       Build build)
{
    if (!cache.contains(backend)) {
        std::shared_ptr<Fixture> fixture;
        build(&fixture);
        if (!fixture)
            return nullptr;
        cache.insert(backend, fixture);
    }
    return cache.value(backend).get();
}

// One change for a push.
inline QJsonObject change(const QString &table, const QString &recordId, const QString &op,
                          const QJsonObject &fields, qint64 baseVersion,
                          const QString &mutationId = QString())
{
    return QJsonObject{
        {QStringLiteral("mutation_id"), mutationId.isEmpty() ? newId() : mutationId},
        {QStringLiteral("table"), table},
        {QStringLiteral("record_id"), recordId},
        {QStringLiteral("op"), op},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("base_version"), baseVersion},
    };
}

// What paging through pull answers came to.
struct PullResult
{
    bool ok = false;
    HttpReply failed; // the reply that stopped the paging, when !ok
    QList<QJsonObject> records;
    QStringList removedCases;
    qint64 cursor = 0;
    int pages = 0;

    // The newest copy of each record, by id.
    QHash<QString, QJsonObject> byId() const
    {
        QHash<QString, QJsonObject> result;
        for (const QJsonObject &record : records)
            result.insert(record.value(QStringLiteral("id")).toString(), record);
        return result;
    }
    QJsonObject find(const QString &id) const { return byId().value(id); }
    QList<QJsonObject> ofTable(const QString &table) const
    {
        QList<QJsonObject> result;
        const QHash<QString, QJsonObject> all = byId();
        for (const QJsonObject &record : all) {
            if (record.value(QStringLiteral("table")).toString() == table)
                result.append(record);
        }
        return result;
    }
    QSet<QString> caseIds() const
    {
        QSet<QString> result;
        for (const QJsonObject &record : records)
            result.insert(record.value(QStringLiteral("case_id")).toString());
        return result;
    }
};

// A signed-in laptop as far as the API is concerned.
class ApiClient
{
public:
    explicit ApiClient(quint16 port = 0) : port(port) {}

    HttpReply signIn(const QString &user, const QString &password,
                     const QString &deviceName = QStringLiteral("Test laptop"))
    {
        QJsonObject body{{QStringLiteral("user"), user},
                         {QStringLiteral("password"), password},
                         {QStringLiteral("device_name"), deviceName}};
        if (!deviceId.isEmpty())
            body.insert(QStringLiteral("device_id"), deviceId);
        const HttpReply reply = httpRequest(port, "POST", "/api/v1/sign-in", compact(body));
        if (reply.status == 200) {
            token = reply.json.value(QStringLiteral("token")).toString();
            deviceId = reply.json.value(QStringLiteral("device_id")).toString();
        }
        return reply;
    }

    HttpReply get(const QByteArray &target, const HeaderList &extra = {}) const
    {
        return httpRequest(port, "GET", target, {}, authorised(extra));
    }
    HttpReply post(const QByteArray &target, const QByteArray &body,
                   const HeaderList &extra = {}) const
    {
        return httpRequest(port, "POST", target, body, authorised(extra));
    }
    HttpReply push(const QJsonArray &changes) const
    {
        return post("/api/v1/push", compact({{QStringLiteral("changes"), changes}}));
    }
    HttpReply push(const QJsonObject &oneChange) const { return push(QJsonArray{oneChange}); }
    // horizon: < 0 for fresh=1 (the first page into an empty store).
    HttpReply pull(qint64 cursor = 0, int limit = 500, qint64 horizon = 0) const
    {
        QByteArray query = "/api/v1/pull?cursor=" + QByteArray::number(cursor) +
                           "&limit=" + QByteArray::number(limit);
        if (horizon < 0)
            query += "&fresh=1";
        else if (horizon > 0)
            query += "&horizon=" + QByteArray::number(horizon);
        return get(query);
    }
    HttpReply signOut() const { return post("/api/v1/sign-out", "{}"); }

    // Pages through everything after cursor. From cursor 0 it downloads as a laptop with an
    // empty store does (fresh=1, then the first page's horizon), unless told it holds records.
    PullResult pullAll(qint64 cursor = 0, int limit = 500, int maxPages = 10000,
                       bool fromEmpty = true) const
    {
        PullResult result;
        result.cursor = cursor;
        qint64 horizon = fromEmpty && cursor == 0 ? -1 : 0;
        for (int page = 0; page < maxPages; ++page) {
            const HttpReply reply = pull(result.cursor, limit, horizon);
            if (horizon < 0)
                horizon = reply.json.value(QStringLiteral("horizon")).toString().toLongLong();
            if (reply.status != 200 || !reply.isJsonObject) {
                result.failed = reply;
                return result;
            }
            ++result.pages;
            const QJsonArray records = reply.json.value(QStringLiteral("records")).toArray();
            for (const QJsonValue &record : records)
                result.records.append(record.toObject());
            const QJsonArray removed = reply.json.value(QStringLiteral("removed_cases")).toArray();
            for (const QJsonValue &id : removed)
                result.removedCases.append(id.toString());
            result.cursor = reply.json.value(QStringLiteral("cursor")).toString().toLongLong();
            if (!reply.json.value(QStringLiteral("has_more")).toBool()) {
                result.ok = true;
                return result;
            }
        }
        result.failed.error = QStringLiteral("more than %1 pages").arg(maxPages);
        return result;
    }

    quint16 port = 0;
    QString token;
    QString deviceId;

private:
    HeaderList authorised(HeaderList extra) const
    {
        if (!token.isEmpty())
            extra.prepend({"Authorization", "Bearer " + token.toLatin1()});
        return extra;
    }
};

// The results array of a push answer.
inline QList<QJsonObject> pushResults(const HttpReply &reply)
{
    QList<QJsonObject> results;
    const QJsonArray array = reply.json.value(QStringLiteral("results")).toArray();
    for (const QJsonValue &value : array)
        results.append(value.toObject());
    return results;
}

// ----------------------------------------------------------------------------------------------
// The server process

struct CommandResult
{
    int exitCode = -1; // -1: did not finish or crashed
    QString out;
    QString err;
    QByteArray describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(exitCode)
            .arg(out, err)
            .toUtf8();
    }
};

class ServerProcess
{
public:
    explicit ServerProcess(const QString &backend = QStringLiteral("sqlite")) : m_backend(backend)
    {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("cannot make a temporary folder");
            return;
        }
        if (backend == QLatin1String("postgresql"))
            createDatabase();
        else if (backend != QLatin1String("sqlite"))
            m_error = QStringLiteral("unknown backend %1").arg(backend);
    }

    ~ServerProcess()
    {
        stop();
        if (!m_databaseName.isEmpty())
            dropDatabase();
    }

    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Empty when the store is ready to use.
    const QString &error() const { return m_error; }
    bool isPostgres() const { return m_backend == QLatin1String("postgresql"); }
    const QString &backend() const { return m_backend; }

    // The SQLite store's folder and file (sqlite backend).
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString sqliteFile() const
    {
        return QDir(dataDir()).filePath(QStringLiteral("lantern-server.db"));
    }
    // The PostgreSQL database's URL (postgresql backend).
    const QString &databaseUrl() const { return m_databaseUrl; }
    // A folder for the test's own files (import files, logs).
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    QStringList storeArguments() const
    {
        if (isPostgres())
            return {QStringLiteral("--database"), m_databaseUrl};
        return {QStringLiteral("--data"), dataDir()};
    }

    // Runs `lantern-server STORE arguments...` to completion, with stdinText on its input.
    CommandResult run(const QStringList &arguments, const QString &stdinText = QString(),
                      int timeoutMs = 120000) const
    {
        CommandResult result;
        QProcess process;
        process.setProgram(QStringLiteral(LANTERN_SERVER_BINARY));
        process.setArguments(storeArguments() + arguments);
        process.start();
        if (!process.waitForStarted(timeoutMs)) {
            result.err = process.errorString();
            return result;
        }
        process.write(stdinText.toUtf8());
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        if (process.exitStatus() == QProcess::NormalExit)
            result.exitCode = process.exitCode();
        return result;
    }

    // Adds a user (the password goes on standard input); true on success.
    bool addUser(const QString &name, const QString &role, const QString &team,
                 const QString &password, QByteArray *why = nullptr) const
    {
        QStringList arguments{QStringLiteral("user"), QStringLiteral("add"), name,
                              QStringLiteral("--role"), role};
        if (!team.isEmpty())
            arguments << QStringLiteral("--team") << team;
        const CommandResult result = run(arguments, password + QLatin1Char('\n'));
        if (why)
            *why = result.describe();
        return result.exitCode == 0;
    }

    // Starts `serve --listen 127.0.0.1:0 extra...` and waits until it says where it listens.
    bool start(const QStringList &extra = {}, int timeoutMs = 60000)
    {
        if (!m_error.isEmpty())
            return false;
        stop();
        ++m_starts;
        m_outFile = m_dir.filePath(QStringLiteral("serve-%1.out").arg(m_starts));
        m_errFile = m_dir.filePath(QStringLiteral("serve-%1.err").arg(m_starts));
        m_process = std::make_unique<QProcess>();
        m_process->setProgram(QStringLiteral(LANTERN_SERVER_BINARY));
        m_process->setArguments(storeArguments() +
                                QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                            QStringLiteral("127.0.0.1:0")} +
                                extra);
        // Files, not pipes: the server can never block on a full pipe while a test waits.
        m_process->setStandardOutputFile(m_outFile);
        m_process->setStandardErrorFile(m_errFile);
        m_process->setStandardInputFile(QProcess::nullDevice());
        m_process->start();
        if (!m_process->waitForStarted(timeoutMs)) {
            m_error = QStringLiteral("lantern-server did not start: ") + m_process->errorString();
            return false;
        }
        static const QRegularExpression listening(
            QStringLiteral("lantern-server listening on http://127\\.0\\.0\\.1:(\\d+)"));
        const QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const QRegularExpressionMatch match = listening.match(standardOutput());
            if (match.hasMatch()) {
                m_port = static_cast<quint16>(match.captured(1).toUInt());
                return m_port != 0;
            }
            if (m_process->waitForFinished(25)) {
                m_error = QStringLiteral("lantern-server serve ended (exit %1): %2")
                              .arg(m_process->exitCode())
                              .arg(standardError());
                return false;
            }
        }
        m_error = QStringLiteral("lantern-server did not say where it listens: ") + standardError();
        return false;
    }

    quint16 port() const { return m_port; }
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }

    // Sends SIGTERM without waiting.
    void terminate()
    {
        if (isRunning())
            m_process->terminate();
    }
    // Waits for the server to end after terminate(); its exit code, or -1 (crashed or still
    // running: then it is killed).
    int waitForExit(int timeoutMs = 30000)
    {
        if (!m_process)
            return -1;
        if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(timeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(5000);
            m_lastExit = -1;
        } else {
            m_lastExit =
                m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
        }
        m_process.reset();
        m_port = 0;
        return m_lastExit;
    }
    // SIGTERM, wait, then kill. Returns the exit code (0 for a clean stop), or -1.
    int stop(int timeoutMs = 30000)
    {
        if (!m_process)
            return m_lastExit;
        terminate();
        return waitForExit(timeoutMs);
    }

    // What the running (or last) serve printed.
    QString standardOutput() const { return readFile(m_outFile); }
    QString standardError() const { return readFile(m_errFile); }

    ApiClient client() const { return ApiClient(m_port); }

private:
    static QString readFile(const QString &path)
    {
        QFile file(path);
        if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll());
    }

    // Runs one statement on the cluster's maintenance connection (the URL's own database).
    bool adminExec(const QString &sql)
    {
        QString problem;
        const std::optional<lantern::server::DatabaseUrl> url =
            lantern::server::DatabaseUrl::parse(testDatabaseUrl(), &problem);
        if (!url) {
            m_error = QStringLiteral("LANTERN_TEST_DATABASE_URL: ") + problem;
            return false;
        }
        const QString connection = QStringLiteral("lantern-test-admin-") + newId();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            url->apply(db);
            if (!db.open()) {
                m_error = QStringLiteral("cannot connect to %1: %2")
                              .arg(url->toDisplayString(), db.lastError().text());
            } else {
                QSqlQuery query(db);
                ok = query.exec(sql);
                if (!ok)
                    m_error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }

    void createDatabase()
    {
        if (testDatabaseUrl().isEmpty()) {
            m_error = QStringLiteral("LANTERN_TEST_DATABASE_URL is not set");
            return;
        }
        const QString name =
            QStringLiteral("lantern_t_%1")
                .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        if (!adminExec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            return;
        m_databaseName = name;
        QUrl url(testDatabaseUrl());
        url.setPath(QLatin1Char('/') + name);
        m_databaseUrl = url.toString(QUrl::FullyEncoded);
    }

    void dropDatabase()
    {
        if (!adminExec(
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_databaseName)))
            qWarning("could not drop the test database %s: %s", qPrintable(m_databaseName),
                     qPrintable(m_error));
        m_databaseName.clear();
    }

    QString m_backend;
    QTemporaryDir m_dir;
    QString m_error;
    QString m_databaseName;
    QString m_databaseUrl;
    std::unique_ptr<QProcess> m_process;
    QString m_outFile, m_errFile;
    quint16 m_port = 0;
    int m_starts = 0;
    int m_lastExit = -1;
};

// Writes text to a file; false when it cannot.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

// The smallest useful server: user asha (fca, team north, with this password) holding case
// ZC26C00001 with one child whose id is childId. Returns what went wrong, or "" when ready.
inline QString addAshaWithOneCase(ServerProcess &server, const QString &password,
                                  const QString &childId)
{
    QByteArray why;
    if (!server.addUser(QStringLiteral("asha"), QStringLiteral("fca"), QStringLiteral("north"),
                        password, &why))
        return QString::fromUtf8(why);
    const QJsonObject cases{
        {QStringLiteral("cases"),
         QJsonArray{QJsonObject{
             {QStringLiteral("case_number"), QStringLiteral("ZC26C00001")},
             {QStringLiteral("court"), QStringLiteral("Family Court at Testbury")},
             {QStringLiteral("kind"), QStringLiteral("care_order")},
             {QStringLiteral("issued_on"), QStringLiteral("2026-03-02")},
             {QStringLiteral("children"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("id"), childId},
                  {QStringLiteral("legal_name"), QStringLiteral("Test Child One")},
                  {QStringLiteral("date_of_birth"), QStringLiteral("2016-02-29")}}}}}}}};
    const QString file = server.filePath(QStringLiteral("cases.json"));
    if (!writeFile(file, compact(cases)))
        return QStringLiteral("cannot write %1").arg(file);
    for (const QStringList &command :
         {QStringList{QStringLiteral("case"), QStringLiteral("import"), file},
          QStringList{QStringLiteral("allocate"), QStringLiteral("ZC26C00001"),
                      QStringLiteral("asha")}}) {
        const CommandResult result = server.run(command);
        if (result.exitCode != 0)
            return QString::fromUtf8(result.describe());
    }
    return {};
}

} // namespace lantern::test
