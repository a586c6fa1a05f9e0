#pragma once

#include <QSqlDatabase>
#include <QString>

namespace lantern::server {

class ServerDatabase;

// One line of the server's audit trail: who did what to which case, and how it ended (the
// HTTP status). The detail never holds a child's name, an address or note text.
struct AuditEntry
{
    QString userName;
    QString deviceId;
    QString action; // sign-in, sign-out, pull, push, refused, user-add, allocate, ...
    QString caseId;
    int status = 200;
    QString detail;
};

// Inside an open write transaction.
void recordAudit(QSqlDatabase &db, const AuditEntry &entry);
// In a transaction of its own (for refusals, whose own work was rolled back).
void recordAudit(ServerDatabase &database, const AuditEntry &entry);

} // namespace lantern::server
