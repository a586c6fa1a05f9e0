#pragma once

#include "http/HttpTypes.h"

namespace lantern::server {

class Accounts;
struct Principal;
class ServerDatabase;
class SyncService;

// Maps the /api/v1 requests onto the accounts and sync services: checks the protocol version,
// the sign-in token and the body, and turns every refusal into a JSON error. Refusals (403)
// are recorded in the audit table. docs/sync-protocol.md describes each route.
class ApiRouter
{
public:
    ApiRouter(ServerDatabase &database, Accounts &accounts, SyncService &sync);
    HttpResponse handle(const HttpRequest &request);

private:
    HttpResponse route(const HttpRequest &request, Principal *principal);

    ServerDatabase &m_db;
    Accounts &m_accounts;
    SyncService &m_sync;
};

} // namespace lantern::server
