#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <initializer_list>
#include <mutex>

namespace lantern::server {

// Where the server keeps its data: a SQLite file in a folder (the embedded default) or a
// PostgreSQL database. The same schema and migrations run on both.
struct DatabaseConfig
{
    QString dataDir;     // SQLite: DIR/lantern-server.db
    QString databaseUrl; // postgresql://user:password@host:port/db
};

// The server's database. Thread-safe: each thread that uses it gets its own connection,
// opened on first use and closed by closeThreadConnection() (the HTTP workers call it as they
// end). Errors are thrown as ApiError (500, "database") with the details kept out of the
// message.
class ServerDatabase
{
public:
    explicit ServerDatabase(DatabaseConfig config);
    ~ServerDatabase();

    // Opens the database (creating the SQLite folder and file when needed) and brings the schema
    // up to date. Several servers starting at once on one PostgreSQL migrate once. Returns an
    // error message, empty on success.
    QString open();
    static int schemaVersion();

    bool isPostgres() const { return m_postgres; }
    QString describe() const; // for logs: the file or host/database, never the password
    QSqlDatabase connection();
    void closeThreadConnection();

    // Runs work in one write transaction that holds the change-sequence lock: writes that take
    // sequence numbers commit in sequence order, so a reader never sees a later change without
    // the earlier ones (the pull cursor is gapless). Any exception rolls back and is rethrown.
    void write(const std::function<void(QSqlDatabase &)> &work);
    // A write that numbers no change (accounts, the audit trail): it does not queue on the
    // sequence lock, and must not call nextSequence().
    void writeUnsequenced(const std::function<void(QSqlDatabase &)> &work);
    // Runs work in one read transaction over a single snapshot.
    void read(const std::function<void(QSqlDatabase &)> &work);

    // Inside write(): the next change sequence number.
    qint64 nextSequence(QSqlDatabase &db);

    // Runs a statement with positional values; throws on failure. The statement is prepared
    // once per connection and kept: the query returned is that kept statement, valid until the
    // same SQL runs again on this thread, so read its rows before running the next statement.
    static QSqlQuery &exec(QSqlDatabase &db, const QString &sql,
                           std::initializer_list<QVariant> values = {});
    static QSqlQuery &exec(QSqlDatabase &db, const QString &sql, const QVariantList &values);

    // The current time as the server stores it (UTC ISO 8601 with milliseconds).
    static QString now();

private:
    void migrate(QSqlDatabase &db);
    void begin(QSqlDatabase &db, bool write);
    void runWrite(const std::function<void(QSqlDatabase &)> &work, bool sequenced);
    // Begins, runs work, commits; rolls back and rethrows on any exception.
    void inTransaction(QSqlDatabase &db, bool write, const std::function<void()> &work);
    [[noreturn]] static void fail(const QString &what, const QSqlQuery *query = nullptr);

    DatabaseConfig m_config;
    bool m_postgres = false;
    QString m_connectionPrefix;
    std::mutex m_openMutex;
};

} // namespace lantern::server
