#pragma once

// FaultProxy: a test-only HTTP/1.1 proxy on loopback that sits between a sync client and the
// real lantern-server and breaks the network on purpose. Header-only; it lives on the test's
// thread (SyncClient waits in a nested event loop, so the proxy keeps running while it waits).
//
// Each client connection gets its own upstream connection. Requests are handled one at a time
// and in order per connection: the proxy reads a request head (up to \r\n\r\n) and its
// Content-Length body, forwards them, reads the whole response (Content-Length, chunked, or
// ended by close), and only then forwards the response and reads the next request. Pipelined
// requests wait in the buffer for their turn.
//
// Fault rules match the request-target's path by prefix ("/api/v1/push") and fire on the next
// matching request(s); a rule is used up after `times` firings. The first matching rule wins.
//
// Note on QNetworkAccessManager: when a connection closes after a request went out and before
// any byte of the response came back, QNAM silently resends the request (POST included) on a
// new connection before it reports an error: once in Qt 6.4.2, more in other versions. So a
// one-shot drop before, during or after the request is invisible to SyncClient: the resend
// goes through, and after dropAfterRequest the server has run the request twice (a push comes
// back "duplicate"). Pass a larger `times` (and clearFaults() afterwards) to make the client see
// a network failure. Once any response byte has arrived (dropDuringResponse) QNAM does not
// resend.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QtGlobal>

#include <optional>

namespace lantern::test {

namespace faultproxy {

enum class Fault
{
    DropBeforeRequest,  // close the client at the request head; nothing reaches the server
    DropDuringRequest,  // forward the head and half the body, then close both sides
    DropAfterRequest,   // forward the request, swallow the whole response, close the client
    DropDuringResponse, // forward the request, then the response head and half its body, close
};

// What the proxy and its connections share: the rules and the counters.
struct State
{
    struct Rule
    {
        Fault fault;
        QByteArray prefix;
        int remaining;
    };

    quint16 upstreamPort = 0;
    QList<Rule> rules;
    QList<QByteArray> seen; // paths of the requests forwarded in full, in order
    int fired = 0;
    int delayMs = 0;

    // The fault for a request to path, using up one firing of the first matching rule.
    std::optional<Fault> take(const QByteArray &path)
    {
        for (qsizetype i = 0; i < rules.size(); ++i) {
            if (!path.startsWith(rules.at(i).prefix))
                continue;
            const Fault fault = rules.at(i).fault;
            if (--rules[i].remaining <= 0)
                rules.removeAt(i);
            ++fired;
            return fault;
        }
        return std::nullopt;
    }
};

struct RequestHead
{
    bool ok = false;
    QByteArray method;
    QByteArray path; // without query or fragment
    qint64 contentLength = 0;
    bool chunked = false;
};

inline RequestHead parseRequestHead(const QByteArray &head)
{
    RequestHead parsed;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return parsed;
    parsed.method = requestLine.at(0);
    QByteArray target = requestLine.at(1);
    if (target.startsWith("http://") || target.startsWith("https://")) { // absolute-form
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    const qsizetype end = target.indexOf('?');
    parsed.path = end < 0 ? target : target.left(end);
    const qsizetype hash = parsed.path.indexOf('#');
    if (hash >= 0)
        parsed.path.truncate(hash);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            parsed.contentLength = value.toLongLong(&ok);
            if (!ok || parsed.contentLength < 0)
                return parsed;
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            parsed.chunked = true;
        }
    }
    parsed.ok = true;
    return parsed;
}

// The length of the first complete response in buffer (an interim 1xx response is counted with
// the final one), or -1 while it is incomplete. With closed, a response without Content-Length
// that is not chunked ends with the buffer.
inline qsizetype responseLength(const QByteArray &buffer, const QByteArray &method, bool closed)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return -1;
    const qsizetype bodyStart = headEnd + 4;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const int status = lines.value(0).trimmed().split(' ').value(1).toInt();
    if (status >= 100 && status < 200 && status != 101) {
        const qsizetype rest = responseLength(buffer.mid(bodyStart), method, closed);
        return rest < 0 ? -1 : bodyStart + rest;
    }
    if (method == "HEAD" || status == 204 || status == 304)
        return bodyStart;
    qint64 contentLength = -1;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            contentLength = value.toLongLong();
        else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            chunked = true;
    }
    if (chunked) {
        qsizetype at = bodyStart;
        while (true) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", at);
            if (lineEnd < 0)
                return -1;
            bool ok = false;
            const qint64 size =
                buffer.mid(at, lineEnd - at).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return closed ? buffer.size() : -1; // not chunked after all: cut at the close
            if (size == 0) {
                const qsizetype trailers = lineEnd + 2;
                if (buffer.mid(trailers, 2) == "\r\n")
                    return trailers + 2;
                const qsizetype end = buffer.indexOf("\r\n\r\n", trailers);
                return end < 0 ? -1 : end + 4;
            }
            at = lineEnd + 2 + size + 2;
            if (buffer.size() < at)
                return -1;
        }
    }
    if (contentLength >= 0)
        return buffer.size() >= bodyStart + contentLength ? bodyStart + contentLength : -1;
    return closed ? buffer.size() : -1;
}

// One client connection and its upstream connection to the server.
class Connection : public QObject
{
public:
    Connection(QTcpSocket *client, State *state, QObject *parent)
        : QObject(parent), m_state(state), m_client(client)
    {
        m_client->setParent(this);
        QObject::connect(m_client, &QTcpSocket::readyRead, this, &Connection::readClient);
        QObject::connect(m_client, &QTcpSocket::disconnected, this, &Connection::clientGone);
        readClient();
    }

    bool isClosed() const { return m_phase == Phase::Closed; }

    // Closes both sides; with flush, bytes already given to a socket are still sent first.
    void shutdown(bool flush = true)
    {
        if (m_phase != Phase::Closed) {
            m_phase = Phase::Closed;
            m_in.clear();
            // A socket that will not finish closing must not keep the connection alive.
            QTimer::singleShot(5000, this, [this] {
                m_client->abort();
                if (m_upstream)
                    m_upstream->abort();
                deleteLater();
            });
        }
        if (flush)
            m_client->disconnectFromHost();
        else
            m_client->abort();
        if (m_upstream) {
            if (!flush)
                m_upstream->abort();
            else if (m_upstreamConnected)
                m_upstream->disconnectFromHost();
            else
                m_upstreamCloseWhenConnected = true; // still connecting: send pending, then close
        }
        deleteWhenDone();
    }

private:
    enum class Phase
    {
        Head,     // reading a request head
        Body,     // forwarding a request body
        Response, // waiting for the server's complete response
        Holding,  // holding a complete response (delayResponses)
        Closed,
    };

    void readClient()
    {
        const QByteArray bytes = m_client->isOpen() ? m_client->readAll() : QByteArray();
        if (m_phase == Phase::Closed)
            return;
        m_in += bytes;
        process();
    }

    void process()
    {
        while (m_phase == Phase::Head || m_phase == Phase::Body) {
            if (m_phase == Phase::Head) {
                const qsizetype headEnd = m_in.indexOf("\r\n\r\n");
                if (headEnd < 0) {
                    if (m_in.size() > 1024 * 1024)
                        shutdown(false);
                    return;
                }
                const QByteArray head = m_in.left(headEnd + 4);
                m_in.remove(0, headEnd + 4);
                const RequestHead request = parseRequestHead(head);
                if (!request.ok || request.chunked) {
                    qWarning("FaultProxy: cannot handle this request head: %s",
                             head.left(200).constData());
                    shutdown(false);
                    return;
                }
                m_method = request.method;
                m_path = request.path;
                m_bodyLeft = request.contentLength;
                m_response.clear();
                m_fault = m_state->take(m_path);
                if (m_fault == Fault::DropBeforeRequest) {
                    shutdown(false);
                    return;
                }
                m_cutLeft = m_fault == Fault::DropDuringRequest ? request.contentLength / 2 : -1;
                writeUpstream(head);
                m_phase = Phase::Body;
            }
            // Body
            qint64 n = qMin<qint64>(m_bodyLeft, m_in.size());
            if (m_cutLeft >= 0)
                n = qMin(n, m_cutLeft);
            if (n > 0) {
                writeUpstream(m_in.left(n));
                m_in.remove(0, n);
                m_bodyLeft -= n;
                if (m_cutLeft >= 0)
                    m_cutLeft -= n;
            }
            if (m_cutLeft == 0) { // dropDuringRequest: half the body went out
                shutdown(true);
                return;
            }
            if (m_bodyLeft > 0)
                return; // more body to come
            m_state->seen.append(m_path);
            m_phase = Phase::Response;
            checkResponse(false);
        }
    }

    void ensureUpstream()
    {
        if (m_upstream)
            return;
        m_upstream = new QTcpSocket(this);
        m_upstreamConnected = false;
        m_upstreamCloseWhenConnected = false;
        QTcpSocket *socket = m_upstream;
        QObject::connect(socket, &QTcpSocket::connected, this, [this, socket] {
            if (socket != m_upstream)
                return;
            m_upstreamConnected = true;
            if (!m_upstreamPending.isEmpty())
                socket->write(m_upstreamPending);
            m_upstreamPending.clear();
            if (m_upstreamCloseWhenConnected)
                socket->disconnectFromHost();
        });
        QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket != m_upstream)
                return;
            const QByteArray bytes = socket->isOpen() ? socket->readAll() : QByteArray();
            if (m_phase == Phase::Closed)
                return;
            m_response += bytes;
            if (m_phase == Phase::Response)
                checkResponse(false);
        });
        QObject::connect(socket, &QTcpSocket::disconnected, this,
                         [this, socket] { upstreamGone(socket); });
        QObject::connect(socket, &QTcpSocket::errorOccurred, this,
                         [this, socket](QAbstractSocket::SocketError) {
                             if (socket->state() != QAbstractSocket::ConnectedState)
                                 upstreamGone(socket); // could not connect
                         });
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_state->upstreamPort);
    }

    void writeUpstream(const QByteArray &bytes)
    {
        ensureUpstream();
        if (m_upstreamConnected)
            m_upstream->write(bytes);
        else
            m_upstreamPending += bytes;
    }

    void upstreamGone(QTcpSocket *socket)
    {
        if (socket != m_upstream) {
            deleteWhenDone();
            return;
        }
        const QByteArray rest = socket->isOpen() ? socket->readAll() : QByteArray();
        m_upstream = nullptr;
        m_upstreamConnected = false;
        m_upstreamPending.clear();
        socket->deleteLater();
        switch (m_phase) {
        case Phase::Closed:
            deleteWhenDone();
            return;
        case Phase::Head:
        case Phase::Holding:
            return; // an idle keep-alive connection ended; the next request opens another
        case Phase::Body:
            // The server answered early and closed, or could not be reached: pass on what it
            // said, if anything.
            m_response += rest;
            if (!m_response.isEmpty())
                m_client->write(m_response);
            shutdown(true);
            return;
        case Phase::Response:
            m_response += rest;
            checkResponse(true);
            return;
        }
    }

    void checkResponse(bool closed)
    {
        const qsizetype length = responseLength(m_response, m_method, closed);
        if (length < 0) {
            if (closed) { // cut short by the server: pass on what came, unless swallowing it
                if (m_fault != Fault::DropAfterRequest)
                    m_client->write(m_response);
                shutdown(true);
            }
            return;
        }
        const QByteArray response = m_response.left(length);
        m_response.remove(0, length);
        m_phase = Phase::Holding;
        if (m_state->delayMs > 0)
            QTimer::singleShot(m_state->delayMs, this, [this, response] { deliver(response); });
        else
            deliver(response);
    }

    void deliver(const QByteArray &response)
    {
        if (m_phase != Phase::Holding)
            return;
        if (m_fault == Fault::DropAfterRequest) {
            shutdown(true);
            return;
        }
        if (m_fault == Fault::DropDuringResponse) {
            const qsizetype head = response.indexOf("\r\n\r\n") + 4;
            const qsizetype body = response.size() - head;
            m_client->write(response.left(body > 0 ? head + body / 2 : head / 2));
            shutdown(true);
            return;
        }
        m_client->write(response);
        m_fault.reset();
        m_phase = Phase::Head;
        process(); // a pipelined request may be waiting
    }

    void clientGone()
    {
        if (m_phase != Phase::Closed)
            shutdown(true);
        else
            deleteWhenDone();
    }

    void deleteWhenDone()
    {
        if (m_phase != Phase::Closed)
            return;
        const bool clientDone = m_client->state() == QAbstractSocket::UnconnectedState;
        const bool upstreamDone =
            !m_upstream || m_upstream->state() == QAbstractSocket::UnconnectedState;
        if (clientDone && upstreamDone)
            deleteLater();
    }

    State *m_state;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream = nullptr;
    bool m_upstreamConnected = false;
    bool m_upstreamCloseWhenConnected = false;
    QByteArray m_upstreamPending; // written before the upstream connection was up
    Phase m_phase = Phase::Head;
    QByteArray m_in;       // client bytes not yet forwarded
    QByteArray m_response; // server bytes of the current response
    QByteArray m_method;
    QByteArray m_path;
    qint64 m_bodyLeft = 0;
    qint64 m_cutLeft = -1; // dropDuringRequest: body bytes still to forward
    std::optional<Fault> m_fault;
};

} // namespace faultproxy

class FaultProxy : public QObject
{
public:
    using Fault = faultproxy::Fault;

    explicit FaultProxy(quint16 upstreamPort, QObject *parent = nullptr)
        : QObject(parent), m_server(new QTcpServer(this))
    {
        m_state.upstreamPort = upstreamPort;
        QObject::connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
        if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), 0))
            qWarning("FaultProxy: cannot listen: %s", qPrintable(m_server->errorString()));
    }

    bool isListening() const { return m_server->isListening(); }
    quint16 port() const { return m_server->serverPort(); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())); }

    // Where new upstream connections go (a restarted server may listen elsewhere).
    void setUpstreamPort(quint16 port) { m_state.upstreamPort = port; }
    quint16 upstreamPort() const { return m_state.upstreamPort; }

    // Each rule fires on the next `times` requests whose path starts with pathPrefix.
    void dropBeforeRequest(const QByteArray &pathPrefix, int times = 1)
    {
        addRule(Fault::DropBeforeRequest, pathPrefix, times);
    }
    void dropDuringRequest(const QByteArray &pathPrefix, int times = 1)
    {
        addRule(Fault::DropDuringRequest, pathPrefix, times);
    }
    void dropAfterRequest(const QByteArray &pathPrefix, int times = 1)
    {
        addRule(Fault::DropAfterRequest, pathPrefix, times);
    }
    void dropDuringResponse(const QByteArray &pathPrefix, int times = 1)
    {
        addRule(Fault::DropDuringResponse, pathPrefix, times);
    }

    // While on, every new connection is accepted and closed at once; turning it on also closes
    // the open connections.
    void refuseConnections(bool on)
    {
        m_refusing = on;
        if (on)
            closeAll();
    }
    bool isRefusing() const { return m_refusing; }

    // Holds each complete response this long before passing it on (0: no delay).
    void delayResponses(int ms) { m_state.delayMs = qMax(0, ms); }

    // Removes the rules that have not fired, stops refusing and stops delaying. The counters
    // stay.
    void clearFaults()
    {
        m_state.rules.clear();
        m_refusing = false;
        m_state.delayMs = 0;
    }
    // Rule firings not yet used up.
    int pendingFaults() const
    {
        int pending = 0;
        for (const auto &rule : m_state.rules)
            pending += rule.remaining;
        return pending;
    }

    // Requests with that path prefix that reached the server in full through the proxy
    // (dropBeforeRequest and dropDuringRequest ones do not count; the others do).
    int requestCount(const QByteArray &pathPrefix = {}) const
    {
        int count = 0;
        for (const QByteArray &path : m_state.seen) {
            if (path.startsWith(pathPrefix))
                ++count;
        }
        return count;
    }
    int faultsFired() const { return m_state.fired; }
    // Connections the proxy accepted (refused ones included).
    int connectionsAccepted() const { return m_accepted; }

    // Closes every open connection (the client sees the network go away).
    void closeAll()
    {
        const auto connections = m_connections;
        for (const auto &connection : connections) {
            if (connection && !connection->isClosed())
                connection->shutdown(false);
        }
        prune();
    }

private:
    void addRule(Fault fault, const QByteArray &pathPrefix, int times)
    {
        if (times > 0)
            m_state.rules.append({fault, pathPrefix, times});
    }

    void accept()
    {
        while (m_server->hasPendingConnections()) {
            QTcpSocket *socket = m_server->nextPendingConnection();
            ++m_accepted;
            if (m_refusing) {
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                socket->disconnectFromHost();
                if (socket->state() == QAbstractSocket::UnconnectedState)
                    socket->deleteLater();
                continue;
            }
            prune();
            m_connections.append(new faultproxy::Connection(socket, &m_state, this));
        }
    }

    void prune()
    {
        m_connections.removeIf(
            [](const QPointer<faultproxy::Connection> &connection) { return connection.isNull(); });
    }

    faultproxy::State m_state;
    QTcpServer *m_server;
    QList<QPointer<faultproxy::Connection>> m_connections;
    bool m_refusing = false;
    int m_accepted = 0;
};

} // namespace lantern::test
