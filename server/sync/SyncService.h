#pragma once

#include "auth/Accounts.h"
#include "sync/SyncProtocol.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace lantern::server {

class ServerDatabase;

struct AuditRow
{
    QString at, userName, deviceId, action, caseId;
    int status = 0;
    QString detail;
};

// The server's side of sync: what each user may see and change, merging pushed changes field
// by field against their base version, conflicts kept as records for someone to settle, and
// pull pages cut from one gapless change sequence. Also the case administration that shapes
// who sees what. Refusals and bad input throw ApiError; nothing is half written.
class SyncService
{
public:
    explicit SyncService(ServerDatabase &database);

    QList<sync::ChangeResult> push(const Principal &principal, const QList<sync::Change> &changes);
    // horizon: where a laptop's download into an empty store began (kFresh for its first page;
    // 0: the laptop may hold anything). Cases it was given by then are not sent whole again:
    // its pages already bring every record of them.
    static constexpr qint64 kFresh = -1;
    sync::PullPage pull(const Principal &principal, qint64 cursor, int limit, qint64 horizon = 0);

    // Administration. A case is named by its case number or id.
    int importCases(const QByteArray &json);
    void allocate(const QString &caseRef, const QString &userName);
    void deallocate(const QString &caseRef);
    QList<AuditRow> audit(const QString &userName, const QString &caseRef);
    // Removes soft-deleted records older than the retention; a pull cursor from before them
    // then gets 410 and the laptop downloads afresh. Returns how many went.
    int purgeTombstones(int retentionDays);

private:
    ServerDatabase &m_db;
};

} // namespace lantern::server
