#pragma once

#include "HttpTypes.h"

#include <cstdint>
#include <memory>
#include <string>

namespace lantern::server {

class HttpServerPrivate;

// The HTTP/1.1 front of lantern-server (Boost.Beast; HTTPS with OpenSSL when a certificate is
// set). One internal I/O thread reads and writes every connection; a fixed pool of
// options.threads workers runs the handler, so a handler may block on the database without
// stalling other connections, timeouts or the connection cap.
//
// What it enforces before the handler is called: bodyLimit (413 body_too_large, connection
// closed), headerLimit (431 headers_too_large), well-formed HTTP (400 bad_request), readTimeout
// for a request once started and for a new connection's first request (plain HTTP: 408
// timeout, then closed; HTTPS: closed), idleTimeout between keep-alive requests (closed),
// maxConnections (503 busy with Retry-After: 5). Every response carries Content-Type,
// Content-Length, Cache-Control: no-store and Server: lantern-server. Nothing of a request
// (target, query, headers, body) is ever logged.
//
// Lifecycle (one-shot): listen() -> start() or run() -> stop() -> wait(). The destructor stops
// and waits. Do not call wait() or destroy the server from inside the handler.
class HttpServer
{
public:
    HttpServer(HttpServerOptions options, HttpHandler handler);
    ~HttpServer();

    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and listens. Returns an error message ("" on success): address in use, bad address,
    // TLS files unreadable, non-loopback without TLS and without allowPlainRemote.
    std::string listen();
    // The bound port (after listen()); 0 before.
    std::uint16_t port() const;
    // Runs the server; returns after stop() once every in-flight request is answered and every
    // worker has ended. Calls listen() first if it was not called, and throws
    // std::runtime_error with its message when that fails.
    void run();
    // Like run() but in background threads; returns at once.
    void start();
    // Graceful: stop accepting at once, let requests being read or handled finish and be
    // answered (with Connection: close), close idle keep-alive connections. Thread-safe (also
    // from a handler), idempotent.
    void stop();
    // After start(): blocks until all workers have ended.
    void wait();
    // Installs SIGTERM/SIGINT handling (asio::signal_set) that calls stop(). After stop() the
    // default handling is restored, so a second signal ends the process at once.
    void stopOnSignals();

private:
    std::unique_ptr<HttpServerPrivate> m_d;
};

} // namespace lantern::server
