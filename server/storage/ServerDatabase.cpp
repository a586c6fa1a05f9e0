#include "ServerDatabase.h"

#include "ApiError.h"
#include "storage/DatabaseUrl.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUuid>

#include <memory>

Q_LOGGING_CATEGORY(lcServerDb, "lantern.server.db")

namespace lantern::server {

namespace {

// The schema, as cumulative steps. %ID% is an auto-numbered key, written per dialect.
struct Step
{
    int version;
    QStringList statements;
};

QList<Step> steps()
{
    return {
        {1,
         {
             QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY NOT NULL,"
                            " name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,"
                            " team TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL,"
                            " created_at TEXT NOT NULL, disabled_at TEXT)"),
             QStringLiteral("CREATE TABLE devices (id TEXT PRIMARY KEY NOT NULL,"
                            " user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,"
                            " created_at TEXT NOT NULL, last_seen_at TEXT, revoked_at TEXT,"
                            " wipe INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX devices_user ON devices(user_id)"),
             // Sign-in tokens, kept only as a SHA-256 hash.
             QStringLiteral("CREATE TABLE tokens (token_hash TEXT PRIMARY KEY NOT NULL,"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " device_id TEXT NOT NULL REFERENCES devices(id),"
                            " created_at TEXT NOT NULL, expires_at TEXT NOT NULL,"
                            " signed_out_at TEXT)"),
             QStringLiteral("CREATE TABLE sign_in_failures (user_name TEXT PRIMARY KEY NOT NULL,"
                            " failures INTEGER NOT NULL, last_failed_at TEXT NOT NULL)"),
             // The change sequence: every stored change takes the next number.
             QStringLiteral("CREATE TABLE sync_state (id INTEGER PRIMARY KEY NOT NULL,"
                            " last_seq BIGINT NOT NULL, min_cursor BIGINT NOT NULL)"),
             QStringLiteral("INSERT INTO sync_state (id, last_seq, min_cursor) VALUES (1, 0, 0)"),
             // Every synced record, its fields as JSON; seq is the change that last touched it.
             QStringLiteral("CREATE TABLE records (table_name TEXT NOT NULL, id TEXT NOT NULL,"
                            " case_id TEXT NOT NULL, version BIGINT NOT NULL, seq BIGINT NOT NULL,"
                            " created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
                            " deleted_at TEXT, fields TEXT NOT NULL,"
                            " PRIMARY KEY (table_name, id))"),
             QStringLiteral("CREATE UNIQUE INDEX records_seq ON records(seq)"),
             QStringLiteral("CREATE INDEX records_case ON records(case_id, seq)"),
             // What each version changed: {"field": [before, after]}; the base for merges.
             // device_id: the laptop that pushed it ('' for the server's own changes).
             QStringLiteral("CREATE TABLE record_history (table_name TEXT NOT NULL,"
                            " id TEXT NOT NULL, version BIGINT NOT NULL, changed TEXT NOT NULL,"
                            " at TEXT NOT NULL, user_name TEXT NOT NULL,"
                            " device_id TEXT NOT NULL DEFAULT '',"
                            " PRIMARY KEY (table_name, id, version))"),
             QStringLiteral("CREATE TABLE allocations (case_id TEXT PRIMARY KEY NOT NULL,"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " allocated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX allocations_user ON allocations(user_id)"),
             QStringLiteral("CREATE TABLE allocation_events (seq BIGINT PRIMARY KEY NOT NULL,"
                            " case_id TEXT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL,"
                            " at TEXT NOT NULL)"),
             QStringLiteral(
                 "CREATE INDEX allocation_events_user ON allocation_events(user_id, seq)"),
             // Pushed mutations and what they came to, so a repeated push changes nothing.
             QStringLiteral("CREATE TABLE mutations (mutation_id TEXT PRIMARY KEY NOT NULL,"
                            " user_id TEXT NOT NULL, result TEXT NOT NULL, at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE audit (id %ID%, at TEXT NOT NULL,"
                            " user_name TEXT NOT NULL, device_id TEXT NOT NULL DEFAULT '',"
                            " action TEXT NOT NULL, case_id TEXT NOT NULL DEFAULT '',"
                            " status INTEGER NOT NULL DEFAULT 200,"
                            " detail TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE INDEX audit_user ON audit(user_name, at)"),
             QStringLiteral("CREATE INDEX audit_case ON audit(case_id, at)"),
         }},
    };
}

// The prepared statements of each of this thread's connections, by connection name and SQL.
QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> &statementCache()
{
    thread_local QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> cache;
    return cache;
}

// Callers read their rows before the next statement; a cached statement left open would
// hold SQLite's snapshot (or PostgreSQL's pending rows) across the next one.
void finishStatements(const QSqlDatabase &db)
{
    for (const std::shared_ptr<QSqlQuery> &open : statementCache()[db.connectionName()]) {
        if (open->isActive())
            open->finish();
    }
}

QString connectionPrefix()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("lantern-server-%1-").arg(counter++);
}

} // namespace

ServerDatabase::ServerDatabase(DatabaseConfig config)
    : m_config(std::move(config)), m_postgres(!m_config.databaseUrl.isEmpty()),
      m_connectionPrefix(connectionPrefix())
{}

ServerDatabase::~ServerDatabase()
{
    closeThreadConnection();
}

int ServerDatabase::schemaVersion()
{
    return steps().constLast().version;
}

QString ServerDatabase::describe() const
{
    if (!m_postgres)
        return QDir(m_config.dataDir).filePath(QStringLiteral("lantern-server.db"));
    QString error;
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(m_config.databaseUrl, &error);
    return url ? url->toDisplayString() : QStringLiteral("postgresql (bad address)");
}

QString ServerDatabase::open()
{
    if (m_postgres) {
        QString error;
        if (!DatabaseUrl::parse(m_config.databaseUrl, &error))
            return error;
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return QStringLiteral("Qt's PostgreSQL driver is not installed (Debian package "
                                  "libqt6sql6-psql).");
    } else {
        if (m_config.dataDir.isEmpty())
            return QStringLiteral("Give --data DIR (a folder for the SQLite store) or "
                                  "--database postgresql://...");
        if (!QDir().mkpath(m_config.dataDir))
            return QStringLiteral("Cannot create the data folder %1.").arg(m_config.dataDir);
    }
    try {
        QSqlDatabase db = connection();
        migrate(db);
    } catch (const ApiError &error) {
        return QStringLiteral("%1: %2").arg(describe(), error.message());
    }
    return {};
}

QSqlDatabase ServerDatabase::connection()
{
    const QString name = m_connectionPrefix +
                         QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        statementCache().remove(name);
        QSqlDatabase::removeDatabase(name);
    }
    std::lock_guard lock(m_openMutex);
    QSqlDatabase db;
    if (m_postgres) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        QString error;
        DatabaseUrl::parse(m_config.databaseUrl, &error)->apply(db);
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(m_config.dataDir).filePath(QStringLiteral("lantern-server.db")));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    }
    if (!db.open()) {
        qCWarning(lcServerDb) << "cannot open" << describe() << db.lastError().databaseText();
        const QString message =
            QStringLiteral("Cannot open the database (%1).").arg(db.lastError().databaseText());
        db = QSqlDatabase();
        statementCache().remove(name);
        QSqlDatabase::removeDatabase(name);
        throw ApiError(500, QStringLiteral("database"), message);
    }
    if (m_postgres) { // no NOTICE lines in the server's log ("already exists, skipping")
        QSqlQuery quiet(db);
        quiet.exec(QStringLiteral("SET client_min_messages TO WARNING"));
    } else {
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                                   "PRAGMA foreign_keys=ON", "PRAGMA secure_delete=ON"}) {
            QSqlQuery query(db);
            if (!query.exec(QLatin1String(pragma)))
                fail(QStringLiteral("configure the store"), &query);
        }
    }
    return db;
}

void ServerDatabase::closeThreadConnection()
{
    const QString name = m_connectionPrefix +
                         QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (!QSqlDatabase::contains(name))
        return;
    statementCache().remove(name);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void ServerDatabase::fail(const QString &what, const QSqlQuery *query)
{
    if (query)
        qCWarning(lcServerDb) << "failed to" << what << query->lastError().databaseText();
    throw ApiError(500, QStringLiteral("database"),
                   QStringLiteral("The server could not %1. Try again later.").arg(what));
}

QSqlQuery &ServerDatabase::exec(QSqlDatabase &db, const QString &sql,
                                std::initializer_list<QVariant> values)
{
    return exec(db, sql, QVariantList(values));
}

QSqlQuery &ServerDatabase::exec(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    // Each connection prepares a statement once and runs it many times: on PostgreSQL a fresh
    // prepare costs two more round trips, and pushes queue on the sequence lock.
    finishStatements(db);
    auto &cache = statementCache()[db.connectionName()];
    const bool prepared = !values.isEmpty(); // PostgreSQL prepares no DDL; nothing to bind anyway
    const QString key = (prepared ? QLatin1Char('P') : QLatin1Char('D')) + sql;
    std::shared_ptr<QSqlQuery> &slot = cache[key];
    if (!slot) {
        slot = std::make_shared<QSqlQuery>(db);
        slot->setForwardOnly(true);
        if (prepared && !slot->prepare(sql)) {
            const QSqlQuery failed = std::move(*slot);
            cache.remove(key);
            fail(QStringLiteral("prepare a query"), &failed);
        }
    }
    QSqlQuery &query = *slot;
    if (!prepared) {
        if (!query.exec(sql))
            fail(QStringLiteral("read or write its data"), &query);
        return query;
    }
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // A null QString is an empty text here; SQL NULL is written as QVariant().
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(i, QStringLiteral(""));
        else
            query.bindValue(i, value);
    }
    if (!query.exec())
        fail(QStringLiteral("read or write its data"), &query);
    return query;
}

QString ServerDatabase::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

void ServerDatabase::begin(QSqlDatabase &db, bool write)
{
    finishStatements(db);
    QSqlQuery query(db);
    const QString sql = m_postgres
                            ? (write ? QStringLiteral("BEGIN")
                                     : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ"))
                            : (write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    if (!query.exec(sql))
        fail(QStringLiteral("start a transaction"), &query);
}

void ServerDatabase::write(const std::function<void(QSqlDatabase &)> &work)
{
    runWrite(work, true);
}

void ServerDatabase::writeUnsequenced(const std::function<void(QSqlDatabase &)> &work)
{
    runWrite(work, false);
}

void ServerDatabase::runWrite(const std::function<void(QSqlDatabase &)> &work, bool sequenced)
{
    QSqlDatabase db = connection();
    inTransaction(db, true, [&] {
        // Take the sequence lock first: writers queue here, so merges read settled records
        // and sequence numbers commit in order.
        if (sequenced)
            exec(db, QStringLiteral("UPDATE sync_state SET last_seq = last_seq WHERE id = 1"));
        work(db);
    });
}

void ServerDatabase::read(const std::function<void(QSqlDatabase &)> &work)
{
    QSqlDatabase db = connection();
    inTransaction(db, false, [&] { work(db); });
}

void ServerDatabase::inTransaction(QSqlDatabase &db, bool write, const std::function<void()> &work)
{
    begin(db, write);
    try {
        work();
        finishStatements(db);
        QSqlQuery commit(db);
        if (!commit.exec(QStringLiteral("COMMIT")))
            fail(QStringLiteral("save"), &commit);
    } catch (...) {
        finishStatements(db);
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        throw;
    }
}

qint64 ServerDatabase::nextSequence(QSqlDatabase &db)
{
    QSqlQuery &query = exec(
        db, QStringLiteral(
                "UPDATE sync_state SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq"));
    if (!query.next())
        fail(QStringLiteral("number a change"));
    const qint64 sequence = query.value(0).toLongLong();
    query.finish();
    return sequence;
}

void ServerDatabase::migrate(QSqlDatabase &db)
{
    QSqlQuery create(db);
    if (!create.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                    " version INTEGER PRIMARY KEY NOT NULL,"
                                    " applied_at TEXT NOT NULL)")))
        fail(QStringLiteral("prepare its schema"), &create);
    inTransaction(db, true, [&] {
        if (m_postgres) // several servers starting together: one migrates, the others wait
            exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(7412093)"));
        QSqlQuery &current = exec(db, QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
        const int at = current.next() ? current.value(0).toInt() : 0;
        current.finish();
        if (at > schemaVersion())
            throw ApiError(500, QStringLiteral("database"),
                           QStringLiteral("The database was written by a newer lantern-server "
                                          "(schema %1; this one knows %2). Update the server.")
                               .arg(at)
                               .arg(schemaVersion()));
        for (const Step &step : steps()) {
            if (step.version <= at)
                continue;
            for (QString sql : step.statements) {
                sql.replace(QLatin1String("%ID%"),
                            m_postgres ? QLatin1String("BIGSERIAL PRIMARY KEY")
                                       : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
                exec(db, sql);
            }
            exec(
                db,
                QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
                {step.version, now()});
            qCInfo(lcServerDb) << "schema now at version" << step.version;
        }
    });
}

} // namespace lantern::server
