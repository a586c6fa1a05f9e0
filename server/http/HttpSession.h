#pragma once

#include "HttpTypes.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

namespace lantern::server {

class HttpServerPrivate;

using PlainStream = boost::asio::ip::tcp::socket;
using TlsStream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;

// One accepted connection, plain or TLS: handshake, then requests one after another
// (keep-alive), each read under the limits, handed to a worker, answered; then a graceful close.
// In reject mode it only answers 503 busy and closes. Lives on the server's I/O thread; owned by
// the handlers of its pending operations (shared_from_this).
//
// The deadline timer covers each phase: the TLS handshake and a new connection's first request
// (readTimeout), the wait for a keep-alive request (idleTimeout), reading a request once its
// first byte arrived (readTimeout), writing a response (writeTimeout) and the closing
// handshake (a few seconds). A handler has no deadline.
template <class Stream> class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>>
{
public:
    HttpSession(HttpServerPrivate &server, Stream stream, std::string remoteAddress, bool reject);
    ~HttpSession();

    HttpSession(const HttpSession &) = delete;
    HttpSession &operator=(const HttpSession &) = delete;

    void start();

private:
    enum class Phase
    {
        Handshake,
        Idle,
        Reading,
        Handling,
        Writing,
        Closing,
        Closed
    };
    static constexpr bool isTls = !std::is_same_v<Stream, PlainStream>;

    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;

    boost::asio::ip::tcp::socket &socket();
    void onHandshake(const boost::system::error_code &error);
    void afterHandshake();
    void readRequest();
    void onFirstBytes(const boost::system::error_code &error, std::size_t bytes);
    void readHeader();
    void onHeader(const boost::system::error_code &error);
    void readBody();
    void onBody(const boost::system::error_code &error);
    void onReadError(const boost::system::error_code &error);
    void onRequestRead();
    void onHandled(HttpResponse response);
    void sendError(int status, const std::string &code, const std::string &message,
                   bool retryAfter = false);
    void writeResponse(HttpResponse response, bool close);
    void onWritten(const boost::system::error_code &error, bool close);
    void closeGracefully();
    void drain();
    void closeNow();
    void onStopping();
    void armTimer(std::chrono::milliseconds duration);
    void disarmTimer();
    void onTimeout();

    HttpServerPrivate &m_server;
    Stream m_stream;
    const std::string m_remoteAddress;
    const bool m_reject;
    boost::asio::steady_timer m_timer;
    std::uint64_t m_timerGeneration = 0;
    bool m_timedOut = false;
    Phase m_phase = Phase::Handshake;
    std::uint64_t m_id = 0;
    bool m_firstRequest = true;

    boost::beast::flat_buffer m_buffer;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> m_parser;
    boost::beast::http::response<boost::beast::http::empty_body> m_continue;
    Response m_response;
    unsigned m_requestVersion = 11;
    bool m_requestKeepAlive = false;
    bool m_headRequest = false;

    std::array<char, 4096> m_drainBuffer{};
    std::size_t m_drained = 0;
};

extern template class HttpSession<PlainStream>;
extern template class HttpSession<TlsStream>;

} // namespace lantern::server
