#pragma once

#include "HttpTypes.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace lantern::server {

// The state behind HttpServer: the I/O context with the acceptor and every connection (run by
// one I/O thread), the worker pool that runs the handler, and the registry of open connections
// used for the connection cap and a graceful stop.
//
// Threads: listen(), start(), wait() are serialised by a mutex; stop() only posts to the I/O
// thread. Everything marked "I/O thread" is touched by that thread alone, so connections need
// no locks.
class HttpServerPrivate
{
public:
    HttpServerPrivate(HttpServerOptions options, HttpHandler handler);
    ~HttpServerPrivate();

    std::string listen();
    std::uint16_t port() const { return m_port.load(); }
    void start();
    void stop();
    void wait();
    void stopOnSignals();

    // For HttpSession.
    const HttpServerOptions &options() const { return m_options; }
    bool stopping() const { return m_stopRequested.load(); }
    // Runs the handler for the request on a worker; then calls done on the I/O thread. The
    // I/O context is kept alive until done has run.
    void dispatch(HttpRequest request, std::function<void(HttpResponse)> done);
    // I/O thread: register an open connection; onStop is called when a stop begins.
    std::uint64_t addSession(std::function<void()> onStop);
    void removeSession(std::uint64_t id);
    // I/O thread: connections being turned away with 503.
    void addRejecting() { ++m_rejecting; }
    void removeRejecting() { --m_rejecting; }

private:
    std::string listenLocked();
    void doAccept();
    void onAccept(const boost::system::error_code &error, boost::asio::ip::tcp::socket socket);
    void doStop();
    void runIo();
    void runWorker();
    HttpResponse invokeHandler(const HttpRequest &request) const;

    const HttpServerOptions m_options;
    const HttpHandler m_handler;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<std::uint16_t> m_port{0};

    // Declared before the I/O context: connections (destroyed with it) refer to these.
    std::unique_ptr<boost::asio::ssl::context> m_tls;
    std::unordered_map<std::uint64_t, std::function<void()>> m_sessions; // I/O thread
    std::uint64_t m_nextSessionId = 0;                                   // I/O thread
    int m_rejecting = 0;                                                 // I/O thread

    boost::asio::io_context m_workers{};
    boost::asio::io_context m_io{1};
    boost::asio::ip::tcp::acceptor m_acceptor{m_io};
    boost::asio::steady_timer m_acceptRetry{m_io};
    std::mutex m_signalsMutex;
    std::unique_ptr<boost::asio::signal_set> m_signals;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>>
        m_workersGuard;

    std::mutex m_lifecycleMutex; // listen(), start(), wait()
    bool m_listening = false;
    bool m_started = false;
    std::thread m_ioThread;
    std::vector<std::thread> m_workerThreads;
};

} // namespace lantern::server
