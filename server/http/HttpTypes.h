#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

// The plain data the HTTP layer hands to the rest of lantern-server: one request in, one
// response out. No Boost and no Qt here, so every part of the server can include it.

namespace lantern::server {

// One complete HTTP request, read and checked against the limits before the handler sees it.
struct HttpRequest
{
    std::string method;                         // "GET", "POST", ...
    std::string target;                         // as received, e.g. "/api/v1/pull?cursor=5"
    std::string path;                           // target without the query: "/api/v1/pull"
    std::map<std::string, std::string> query;   // decoded query parameters (first one wins)
    std::map<std::string, std::string> headers; // names lower-cased; repeats joined with ", "
    std::string body;
    std::string remoteAddress; // peer IP as text ("127.0.0.1", "::1")

    // The value of a header, by its lower-case name; "" when absent.
    std::string header(const std::string &lowerName) const;
};

// What the handler answers. The server adds Content-Length, Cache-Control: no-store,
// Server: lantern-server and Connection; a HEAD request gets the headers without the body.
struct HttpResponse
{
    int status = 200;
    std::string body;
    std::string contentType = "application/json";
    // Extra headers, e.g. {"Retry-After", "5"}. Framing headers (Content-Length,
    // Transfer-Encoding, Connection) are ignored; a name or value holding CR, LF or NUL is dropped.
    std::vector<std::pair<std::string, std::string>> headers;
};

// Called on a worker thread; may block. Several run at once on different workers. An exception
// it throws becomes a 500 {"code":"internal",...} without the exception's text.
using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

struct HttpServerOptions
{
    std::string address = "127.0.0.1";
    std::uint16_t port = 0; // 0: pick a free port (see HttpServer::port())
    int threads = 4;        // fixed pool of worker threads that run the handler (at least 1)
    std::size_t bodyLimit = 4 * 1024 * 1024;
    std::size_t headerLimit = 16 * 1024;
    std::chrono::milliseconds readTimeout{30000}; // to read one whole request once started
                                                  // (and the TLS handshake of a new connection)
    std::chrono::milliseconds idleTimeout{60000}; // keep-alive connection with no request
    int maxConnections = 512;                     // at least 1; more get 503 busy
    std::string tlsCertFile, tlsKeyFile;          // both set: HTTPS only (PEM; chain allowed)
    bool allowPlainRemote = false; // without TLS, refuse a non-loopback address unless this is set
    // Called on each worker thread just before it ends (to close per-thread DB connections).
    std::function<void()> onWorkerExit;
    std::chrono::milliseconds writeTimeout{30000}; // to write one whole response
};

} // namespace lantern::server
