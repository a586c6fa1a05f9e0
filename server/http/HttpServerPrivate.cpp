#include "HttpServerPrivate.h"

#include "HttpParsing.h"
#include "HttpSession.h"

#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>

#include <openssl/ssl.h>

#include <algorithm>
#include <csignal>
#include <exception>
#include <stdexcept>
#include <utility>

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

namespace lantern::server {

namespace {

// Connections being turned away with 503 at once; beyond this a new one is closed unanswered.
constexpr int kMaxRejecting = 64;
constexpr std::chrono::milliseconds kAcceptRetry{100};
// TLS 1.2 suites with forward secrecy and AEAD only (TLS 1.3 suites are OpenSSL's defaults).
constexpr const char *kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                      "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

HttpServerOptions normalised(HttpServerOptions options)
{
    options.threads = std::max(1, options.threads);
    options.maxConnections = std::max(1, options.maxConnections);
    return options;
}

asio::ip::address unmapped(const asio::ip::address &address)
{
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
    return address;
}

std::string endpointText(const asio::ip::address &address, std::uint16_t port)
{
    const std::string host =
        address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return host + ":" + std::to_string(port);
}

HttpResponse internalError()
{
    HttpResponse response;
    response.status = 500;
    response.body = detail::jsonError("internal", "The server could not complete the request.");
    return response;
}

} // namespace

HttpServerPrivate::HttpServerPrivate(HttpServerOptions options, HttpHandler handler)
    : m_options(normalised(std::move(options))), m_handler(std::move(handler))
{}

HttpServerPrivate::~HttpServerPrivate()
{
    stop();
    wait();
}

std::string HttpServerPrivate::listen()
{
    std::lock_guard lock(m_lifecycleMutex);
    return listenLocked();
}

std::string HttpServerPrivate::listenLocked()
{
    if (m_listening)
        return "The server is already listening on port " + std::to_string(port()) + ".";

    error_code error;
    const std::string &host =
        m_options.address == "localhost" ? std::string("127.0.0.1") : m_options.address;
    const asio::ip::address address = unmapped(asio::ip::make_address(host, error));
    if (error)
        return "\"" + m_options.address + "\" is not an IP address to listen on.";

    const bool hasCert = !m_options.tlsCertFile.empty();
    const bool hasKey = !m_options.tlsKeyFile.empty();
    if (hasCert != hasKey)
        return "HTTPS needs both a certificate file and a key file.";
    const bool useTls = hasCert && hasKey;
    if (!useTls && !address.is_loopback() && !m_options.allowPlainRemote) {
        return "Refusing to listen on " + m_options.address +
               " without TLS: set a certificate and a key, or allow plain HTTP on a "
               "non-loopback address explicitly.";
    }

    std::unique_ptr<asio::ssl::context> tls;
    if (useTls) {
        try {
            tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
        } catch (const std::exception &) {
            return "Cannot set up TLS (OpenSSL failed to create a context).";
        }
        tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                             asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                             asio::ssl::context::no_tlsv1_1 | asio::ssl::context::no_compression |
                             asio::ssl::context::single_dh_use,
                         error);
        SSL_CTX *native = tls->native_handle();
        if (error || SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
            SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
            return "Cannot set up TLS 1.2 or later with OpenSSL.";
        }
        SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION);
        tls->use_certificate_chain_file(m_options.tlsCertFile, error);
        if (error) {
            return "Cannot read the TLS certificate " + m_options.tlsCertFile + ": " +
                   error.message() + ".";
        }
        tls->use_private_key_file(m_options.tlsKeyFile, asio::ssl::context::pem, error);
        if (error) {
            return "Cannot read the TLS key " + m_options.tlsKeyFile + ": " + error.message() + ".";
        }
        if (SSL_CTX_check_private_key(native) != 1)
            return "The TLS key " + m_options.tlsKeyFile + " does not match the certificate.";
    }

    const tcp::endpoint endpoint(address, m_options.port);
    m_acceptor.open(endpoint.protocol(), error);
    if (!error)
        m_acceptor.set_option(asio::socket_base::reuse_address(true), error);
    if (!error)
        m_acceptor.bind(endpoint, error);
    if (!error)
        m_acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error) {
        error_code ignored;
        m_acceptor.close(ignored);
        return "Cannot listen on " + endpointText(address, m_options.port) + ": " +
               error.message() + ".";
    }
    m_port = m_acceptor.local_endpoint(error).port();
    m_tls = std::move(tls);
    m_listening = true;
    return {};
}

void HttpServerPrivate::start()
{
    std::lock_guard lock(m_lifecycleMutex);
    if (m_started)
        return;
    if (!m_listening) {
        const std::string error = listenLocked();
        if (!error.empty())
            throw std::runtime_error(error);
    }
    m_started = true;
    m_workersGuard.emplace(m_workers.get_executor());
    asio::post(m_io, [this] { doAccept(); });
    m_ioThread = std::thread([this] { runIo(); });
    m_workerThreads.reserve(static_cast<std::size_t>(m_options.threads));
    for (int i = 0; i < m_options.threads; ++i)
        m_workerThreads.emplace_back([this] { runWorker(); });
}

void HttpServerPrivate::stop()
{
    if (m_stopRequested.exchange(true))
        return;
    asio::post(m_io, [this] { doStop(); });
}

void HttpServerPrivate::wait()
{
    std::lock_guard lock(m_lifecycleMutex);
    if (m_ioThread.joinable())
        m_ioThread.join();
    for (std::thread &thread : m_workerThreads) {
        if (thread.joinable())
            thread.join();
    }
}

void HttpServerPrivate::stopOnSignals()
{
    std::lock_guard lock(m_signalsMutex);
    if (m_signals || stopping())
        return;
    m_signals = std::make_unique<asio::signal_set>(m_io, SIGINT, SIGTERM);
    m_signals->async_wait([this](const error_code &error, int) {
        if (!error)
            stop();
    });
}

void HttpServerPrivate::dispatch(HttpRequest request, std::function<void(HttpResponse)> done)
{
    asio::post(m_workers, [this, request = std::move(request), done = std::move(done),
                           work = asio::make_work_guard(m_io)]() mutable {
        HttpResponse response = invokeHandler(request);
        // The session goes back to the I/O thread with the response, so that it is released
        // there.
        asio::post(m_io, [done = std::move(done), response = std::move(response)]() mutable {
            done(std::move(response));
        });
        done = nullptr;
    });
}

std::uint64_t HttpServerPrivate::addSession(std::function<void()> onStop)
{
    const std::uint64_t id = ++m_nextSessionId;
    m_sessions.emplace(id, std::move(onStop));
    return id;
}

void HttpServerPrivate::removeSession(std::uint64_t id)
{
    m_sessions.erase(id);
}

void HttpServerPrivate::doAccept()
{
    if (!m_acceptor.is_open() || stopping())
        return;
    m_acceptor.async_accept([this](const error_code &error, tcp::socket socket) {
        onAccept(error, std::move(socket));
    });
}

void HttpServerPrivate::onAccept(const error_code &error, tcp::socket socket)
{
    error_code ignored;
    if (!m_acceptor.is_open() || stopping()) {
        socket.close(ignored);
        return;
    }
    if (error) {
        if (error == asio::error::connection_aborted) {
            doAccept();
            return;
        }
        // Out of file descriptors or memory: try again shortly rather than spin.
        m_acceptRetry.expires_after(kAcceptRetry);
        m_acceptRetry.async_wait([this](const error_code &waitError) {
            if (!waitError)
                doAccept();
        });
        return;
    }

    socket.set_option(tcp::no_delay(true), ignored);
    error_code endpointError;
    const tcp::endpoint remote = socket.remote_endpoint(endpointError);
    if (endpointError) {
        socket.close(ignored); // the client has gone already
        doAccept();
        return;
    }
    std::string remoteAddress = unmapped(remote.address()).to_string();

    const bool full = static_cast<long long>(m_sessions.size()) >= m_options.maxConnections;
    try {
        if (full && m_rejecting >= kMaxRejecting) {
            socket.close(ignored);
        } else if (m_tls) {
            std::make_shared<HttpSession<TlsStream>>(*this, TlsStream(std::move(socket), *m_tls),
                                                     std::move(remoteAddress), full)
                ->start();
        } else {
            std::make_shared<HttpSession<PlainStream>>(*this, std::move(socket),
                                                       std::move(remoteAddress), full)
                ->start();
        }
    } catch (const std::exception &) {
        socket.close(ignored);
    }
    doAccept();
}

void HttpServerPrivate::doStop()
{
    error_code ignored;
    m_acceptor.close(ignored);
    m_acceptRetry.cancel();
    {
        std::lock_guard lock(m_signalsMutex);
        if (m_signals) {
            m_signals->cancel(ignored);
            m_signals->clear(ignored); // back to the default: a second signal ends the process
        }
    }
    // Copy first: a callback may close its connection, which ends it (and unregisters it) later.
    std::vector<std::function<void()>> callbacks;
    callbacks.reserve(m_sessions.size());
    for (const auto &entry : m_sessions)
        callbacks.push_back(entry.second);
    for (const auto &callback : callbacks)
        callback();
}

void HttpServerPrivate::runIo()
{
    // The I/O context runs out of work once the acceptor is closed and every connection has
    // ended, which only happens after stop().
    for (;;) {
        try {
            m_io.run();
            break;
        } catch (...) {
            // A connection failed in a way it did not handle; keep serving the others.
        }
    }
    m_workersGuard.reset(); // let the workers finish and end
}

void HttpServerPrivate::runWorker()
{
    for (;;) {
        try {
            m_workers.run();
            break;
        } catch (...) {
        }
    }
    if (m_options.onWorkerExit) {
        try {
            m_options.onWorkerExit();
        } catch (...) {
        }
    }
}

HttpResponse HttpServerPrivate::invokeHandler(const HttpRequest &request) const
{
    try {
        return m_handler(request);
    } catch (...) {
        // Never the exception's text: it could hold data from the request.
        return internalError();
    }
}

} // namespace lantern::server
