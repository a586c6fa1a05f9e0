#include "HttpServer.h"

#include "HttpServerPrivate.h"

namespace lantern::server {

HttpServer::HttpServer(HttpServerOptions options, HttpHandler handler)
    : m_d(std::make_unique<HttpServerPrivate>(std::move(options), std::move(handler)))
{}

HttpServer::~HttpServer() = default; // HttpServerPrivate stops and waits

std::string HttpServer::listen()
{
    return m_d->listen();
}

std::uint16_t HttpServer::port() const
{
    return m_d->port();
}

void HttpServer::run()
{
    m_d->start();
    m_d->wait();
}

void HttpServer::start()
{
    m_d->start();
}

void HttpServer::stop()
{
    m_d->stop();
}

void HttpServer::wait()
{
    m_d->wait();
}

void HttpServer::stopOnSignals()
{
    m_d->stopOnSignals();
}

} // namespace lantern::server
