#include "Audit.h"

#include "ServerDatabase.h"

namespace lantern::server {

void recordAudit(QSqlDatabase &db, const AuditEntry &entry)
{
    ServerDatabase::exec(db,
                         QStringLiteral("INSERT INTO audit (at, user_name, device_id, action,"
                                        " case_id, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                         {ServerDatabase::now(), entry.userName, entry.deviceId, entry.action,
                          entry.caseId, entry.status, entry.detail});
}

void recordAudit(ServerDatabase &database, const AuditEntry &entry)
{
    database.writeUnsequenced([&](QSqlDatabase &db) { recordAudit(db, entry); });
}

} // namespace lantern::server
