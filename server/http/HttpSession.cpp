#include "HttpSession.h"

#include "HttpParsing.h"
#include "HttpServerPrivate.h"

#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using boost::system::error_code;

namespace lantern::server {

namespace {

constexpr std::size_t kReadChunk = 16 * 1024;
// The closing handshake (TLS close_notify, or reading what the client still sends after an
// early answer so that closing does not reset the connection under the answer).
constexpr std::chrono::milliseconds kCloseTimeout{2000};
// Enough for a client still sending a body over the 4 MiB default limit (a 413) to finish, so
// it reads the answer rather than a reset; the timeout above bounds it too.
constexpr std::size_t kMaxDrain = 16 * 1024 * 1024;
// A connection turned away with 503 gets no more than this for its handshake and answer.
constexpr std::chrono::milliseconds kRejectTimeout{5000};
constexpr std::string_view kServerName = "lantern-server";

std::string toStd(beast::string_view text)
{
    return std::string(text.data(), text.size());
}

// A parse error of the request itself (answered 400), as opposed to the peer going away.
bool isProtocolError(const error_code &error)
{
    if (error.category() != http::make_error_code(http::error::bad_method).category())
        return false;
    return error != http::error::end_of_stream && error != http::error::partial_message &&
           error != http::error::short_read;
}

HttpResponse errorResponse(int status, const std::string &code, const std::string &message)
{
    HttpResponse response;
    response.status = status;
    response.body = detail::jsonError(code, message);
    return response;
}

} // namespace

template <class Stream>
HttpSession<Stream>::HttpSession(HttpServerPrivate &server, Stream stream,
                                 std::string remoteAddress, bool reject)
    : m_server(server), m_stream(std::move(stream)), m_remoteAddress(std::move(remoteAddress)),
      m_reject(reject), m_timer(m_stream.get_executor())
{}

template <class Stream> HttpSession<Stream>::~HttpSession()
{
    // The last reference always goes on the I/O thread: workers hand theirs back with the
    // response.
    if (m_reject)
        m_server.removeRejecting();
    else if (m_id != 0)
        m_server.removeSession(m_id);
}

template <class Stream> asio::ip::tcp::socket &HttpSession<Stream>::socket()
{
    if constexpr (isTls)
        return m_stream.next_layer();
    else
        return m_stream;
}

template <class Stream> void HttpSession<Stream>::start()
{
    if (m_reject) {
        m_server.addRejecting();
    } else {
        std::weak_ptr<HttpSession> weak = this->weak_from_this();
        m_id = m_server.addSession([weak] {
            if (auto self = weak.lock())
                self->onStopping();
        });
    }

    if constexpr (isTls) {
        m_phase = Phase::Handshake;
        const auto timeout = m_server.options().readTimeout;
        armTimer(m_reject ? std::min(timeout, kRejectTimeout) : timeout);
        m_stream.async_handshake(asio::ssl::stream_base::server,
                                 [self = this->shared_from_this()](const error_code &error) {
                                     self->onHandshake(error);
                                 });
    } else {
        afterHandshake();
    }
}

template <class Stream> void HttpSession<Stream>::onHandshake(const error_code &error)
{
    if (error) {
        // Not TLS (e.g. plain HTTP on the HTTPS port), an old protocol, a timeout or a stop.
        closeNow();
        return;
    }
    afterHandshake();
}

template <class Stream> void HttpSession<Stream>::afterHandshake()
{
    if (m_reject) {
        sendError(503, "busy",
                  "The server has too many open connections. Try again in a few seconds.", true);
        return;
    }
    readRequest();
}

template <class Stream> void HttpSession<Stream>::readRequest()
{
    if (m_server.stopping()) {
        closeGracefully();
        return;
    }
    const HttpServerOptions &options = m_server.options();
    m_parser.emplace();
    m_parser->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(options.headerLimit, std::numeric_limits<std::uint32_t>::max())));
    m_parser->body_limit(static_cast<std::uint64_t>(options.bodyLimit));
    m_timedOut = false;

    if (m_buffer.size() > 0) {
        // The next (pipelined) request has already begun.
        m_phase = Phase::Reading;
        armTimer(options.readTimeout);
        readHeader();
        return;
    }

    // Wait for the first byte of the next request: the idle phase, which a stop may cut short.
    m_phase = Phase::Idle;
    armTimer(m_firstRequest ? options.readTimeout : options.idleTimeout);
    m_stream.async_read_some(
        m_buffer.prepare(kReadChunk),
        [self = this->shared_from_this()](const error_code &error, std::size_t bytes) {
            self->onFirstBytes(error, bytes);
        });
}

template <class Stream>
void HttpSession<Stream>::onFirstBytes(const error_code &error, std::size_t bytes)
{
    if (error) {
        // The client closed, the idle timeout passed, or the server is stopping.
        closeNow();
        return;
    }
    m_buffer.commit(bytes);
    m_phase = Phase::Reading;
    armTimer(m_server.options().readTimeout);
    readHeader();
}

template <class Stream> void HttpSession<Stream>::readHeader()
{
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            [self = this->shared_from_this()](
                                const error_code &error, std::size_t) { self->onHeader(error); });
}

template <class Stream> void HttpSession<Stream>::onHeader(const error_code &error)
{
    if (error) {
        onReadError(error);
        return;
    }
    if (m_parser->is_done()) {
        onRequestRead();
        return;
    }
    // The header passed the limits (including a Content-Length over the body limit), so a
    // client waiting for "100 Continue" may send the body now.
    if (beast::iequals(m_parser->get()[http::field::expect], "100-continue")) {
        m_continue = {};
        m_continue.version(11);
        m_continue.result(http::status::continue_);
        m_continue.set(http::field::server, kServerName);
        http::async_write(
            m_stream, m_continue,
            [self = this->shared_from_this()](const error_code &writeError, std::size_t) {
                if (writeError) {
                    self->closeNow();
                    return;
                }
                self->readBody();
            });
        return;
    }
    readBody();
}

template <class Stream> void HttpSession<Stream>::readBody()
{
    http::async_read(m_stream, m_buffer, *m_parser,
                     [self = this->shared_from_this()](const error_code &error, std::size_t) {
                         self->onBody(error);
                     });
}

template <class Stream> void HttpSession<Stream>::onBody(const error_code &error)
{
    if (error) {
        onReadError(error);
        return;
    }
    onRequestRead();
}

template <class Stream> void HttpSession<Stream>::onReadError(const error_code &error)
{
    const HttpServerOptions &options = m_server.options();
    if (error == http::error::body_limit) {
        sendError(413, "body_too_large",
                  "The request body is larger than the limit of " +
                      std::to_string(options.bodyLimit) + " bytes.");
    } else if (error == http::error::header_limit) {
        sendError(431, "headers_too_large",
                  "The request headers are larger than the limit of " +
                      std::to_string(options.headerLimit) + " bytes.");
    } else if (m_timedOut) {
        if constexpr (isTls)
            closeNow(); // the socket is already closed: a TLS read cannot be resumed safely
        else
            sendError(408, "timeout", "The request did not arrive in time.");
    } else if (isProtocolError(error)) {
        sendError(400, "bad_request", "The request is not valid HTTP.");
    } else {
        closeNow(); // the client went away, or the server closed the connection
    }
}

template <class Stream> void HttpSession<Stream>::onRequestRead()
{
    disarmTimer();
    m_phase = Phase::Handling;
    m_firstRequest = false;

    Request message = m_parser->release();
    m_parser.reset();
    m_requestVersion = message.version();
    m_requestKeepAlive = message.keep_alive();
    m_headRequest = message.method() == http::verb::head;

    HttpRequest request;
    request.method = toStd(message.method_string());
    request.target = toStd(message.target());
    detail::SplitTarget split = detail::splitTarget(request.target);
    request.path = std::move(split.path);
    request.query = detail::parseQuery(split.query);
    for (const auto &field : message) {
        const beast::string_view name = field.name_string();
        const beast::string_view value = field.value();
        auto [it, inserted] = request.headers.try_emplace(
            detail::toLower(std::string_view(name.data(), name.size())), toStd(value));
        if (!inserted) {
            it->second += ", ";
            it->second.append(value.data(), value.size());
        }
    }
    request.body = std::move(message.body());
    request.remoteAddress = m_remoteAddress;

    m_server.dispatch(std::move(request), [self = this->shared_from_this()](HttpResponse response) {
        self->onHandled(std::move(response));
    });
}

template <class Stream> void HttpSession<Stream>::onHandled(HttpResponse response)
{
    writeResponse(std::move(response), !m_requestKeepAlive);
}

template <class Stream>
void HttpSession<Stream>::sendError(int status, const std::string &code, const std::string &message,
                                    bool retryAfter)
{
    HttpResponse response = errorResponse(status, code, message);
    if (retryAfter)
        response.headers.emplace_back("Retry-After", "5");
    writeResponse(std::move(response), true);
}

template <class Stream> void HttpSession<Stream>::writeResponse(HttpResponse response, bool close)
{
    close = close || m_server.stopping();
    if (response.status < 200 || response.status > 599) {
        response = errorResponse(500, "internal", "The server could not complete the request.");
    }
    const int status = response.status;

    m_response = {};
    m_response.version(m_requestVersion);
    m_response.result(static_cast<unsigned>(status));
    m_response.set(http::field::server, kServerName);
    const bool validType =
        !response.contentType.empty() && detail::isHeaderValue(response.contentType);
    m_response.set(http::field::content_type,
                   validType ? response.contentType : std::string("application/octet-stream"));
    m_response.set(http::field::cache_control, "no-store");
    for (const auto &[name, value] : response.headers) {
        if (!detail::isHeaderName(name) || !detail::isHeaderValue(value))
            continue;
        const std::string lower = detail::toLower(name);
        if (lower == "content-length" || lower == "transfer-encoding" || lower == "connection")
            continue; // the server frames the message itself
        if (lower == "server" || lower == "content-type" || lower == "cache-control")
            m_response.set(name, value);
        else
            m_response.insert(name, value);
    }
    // 204 and 304 carry no body, and 204 no Content-Length (RFC 9110).
    if (status != 204 && status != 304) {
        m_response.content_length(response.body.size());
        if (!m_headRequest)
            m_response.body() = std::move(response.body);
    }
    m_response.keep_alive(!close);

    m_phase = Phase::Writing;
    const auto timeout = m_server.options().writeTimeout;
    armTimer(m_reject ? std::min(timeout, kRejectTimeout) : timeout);
    http::async_write(m_stream, m_response,
                      [self = this->shared_from_this(), close](
                          const error_code &error, std::size_t) { self->onWritten(error, close); });
}

template <class Stream> void HttpSession<Stream>::onWritten(const error_code &error, bool close)
{
    disarmTimer();
    m_response = {};
    if (error) {
        closeNow();
        return;
    }
    if (close || m_server.stopping()) {
        closeGracefully();
        return;
    }
    readRequest();
}

template <class Stream> void HttpSession<Stream>::closeGracefully()
{
    if (m_phase == Phase::Closing || m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closing;
    armTimer(kCloseTimeout);
    if constexpr (isTls) {
        m_stream.async_shutdown(
            [self = this->shared_from_this()](const error_code &) { self->closeNow(); });
    } else {
        // Half-close, then read until the client closes too: closing with unread request bytes
        // would reset the connection and could destroy the answer before the client reads it.
        error_code ignored;
        socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
        drain();
    }
}

template <class Stream> void HttpSession<Stream>::drain()
{
    socket().async_read_some(
        asio::buffer(m_drainBuffer),
        [self = this->shared_from_this()](const error_code &error, std::size_t bytes) {
            self->m_drained += bytes;
            if (error || self->m_drained > kMaxDrain) {
                self->closeNow();
                return;
            }
            self->drain();
        });
}

template <class Stream> void HttpSession<Stream>::closeNow()
{
    disarmTimer();
    m_phase = Phase::Closed;
    error_code ignored;
    socket().close(ignored); // pending operations end with an error and release the session
}

template <class Stream> void HttpSession<Stream>::onStopping()
{
    // A connection waiting for a request closes now; one reading, handled or being answered
    // finishes that request and closes after its response (see writeResponse()).
    if (m_phase == Phase::Idle || m_phase == Phase::Handshake)
        closeNow();
}

template <class Stream> void HttpSession<Stream>::armTimer(std::chrono::milliseconds duration)
{
    const std::uint64_t generation = ++m_timerGeneration;
    m_timer.expires_after(duration);
    m_timer.async_wait([self = this->shared_from_this(), generation](const error_code &error) {
        if (error || generation != self->m_timerGeneration)
            return;
        self->onTimeout();
    });
}

template <class Stream> void HttpSession<Stream>::disarmTimer()
{
    ++m_timerGeneration;
    m_timer.cancel();
}

template <class Stream> void HttpSession<Stream>::onTimeout()
{
    if constexpr (!isTls) {
        if (m_phase == Phase::Reading && !m_timedOut) {
            // Stop the read but keep the socket, to answer 408. Should the read not end now
            // (its next step had already begun), the new deadline closes the connection.
            m_timedOut = true;
            error_code ignored;
            socket().cancel(ignored);
            armTimer(kCloseTimeout);
            return;
        }
    }
    m_timedOut = true;
    closeNow();
}

template class HttpSession<PlainStream>;
template class HttpSession<TlsStream>;

} // namespace lantern::server
