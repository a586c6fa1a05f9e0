// lantern-server's sync as two laptops of one FCA see it: repeated pushes change nothing,
// field-by-field merging, conflicts kept as records and settled, note revisions that cross,
// edits of deleted records, finalised notes, cursor paging that never skips, tombstone purges
// (410), old laptops (426), and twenty laptops pushing at once. The real server binary, on
// SQLite and (when the run provides one) PostgreSQL.
#include "ServerProcess.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <latch>
#include <memory>

using namespace lantern::test;

namespace {

const QString kPassword = QStringLiteral("lantern-test-pass-1");

QString fieldOf(const QJsonObject &record, const QString &field)
{
    return record.value(QStringLiteral("fields")).toObject().value(field).toString();
}

qint64 versionOf(const QJsonObject &record)
{
    return record.value(QStringLiteral("version")).toInteger();
}

QJsonObject childFields(const QString &caseId, const QString &name)
{
    return {{QStringLiteral("case_id"), caseId},
            {QStringLiteral("legal_name"), name},
            {QStringLiteral("date_of_birth"), QStringLiteral("2019-09-09")}};
}

// A value as a conflict record holds it: compact JSON text.
QString jsonText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

class TestServerSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    ApiClient m_laptop1, m_laptop2; // fca1's two laptops
    QString m_caseId, m_childId;

    QString status(const HttpReply &reply, int index = 0) const
    {
        return pushResults(reply).value(index).value(QStringLiteral("status")).toString();
    }

    QJsonObject current(const QString &id) const { return m_laptop1.pullAll().find(id); }

private slots:
    void initTestCase_data() { addBackendRows(); }

    // Every test: fca1 holding case ZC26C00001 with one child, signed in on two laptops.
    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_server = std::make_unique<ServerProcess>(backend);
        ServerProcess &server = *m_server;
        QVERIFY2(server.error().isEmpty(), qPrintable(server.error()));
        QByteArray why;
        QVERIFY2(server.addUser(QStringLiteral("fca1"), QStringLiteral("fca"),
                                QStringLiteral("north"), kPassword, &why),
                 why.constData());
        m_caseId = newId();
        m_childId = newId();
        const QJsonObject cases{
            {QStringLiteral("cases"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("id"), m_caseId},
                 {QStringLiteral("case_number"), QStringLiteral("ZC26C00001")},
                 {QStringLiteral("court"), QStringLiteral("Family Court at Testbury")},
                 {QStringLiteral("kind"), QStringLiteral("care_order")},
                 {QStringLiteral("issued_on"), QStringLiteral("2026-03-02")},
                 {QStringLiteral("children"),
                  QJsonArray{
                      QJsonObject{{QStringLiteral("id"), m_childId},
                                  {QStringLiteral("legal_name"), QStringLiteral("Test Child One")},
                                  {QStringLiteral("date_of_birth"), QStringLiteral("2016-02-29")},
                                  {QStringLiteral("school"), QStringLiteral("First School")}}}},
                 {QStringLiteral("adults"),
                  QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Test Adult One")},
                                         {QStringLiteral("role"), QStringLiteral("father")}}}},
                 {QStringLiteral("hearings"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("kind"), QStringLiteral("final")},
                      {QStringLiteral("starts_at"), QStringLiteral("2026-06-01T09:00:00.000Z")}}}},
             }}}};
        const QString file = server.filePath(QStringLiteral("cases.json"));
        QVERIFY(writeFile(file, compact(cases)));
        const CommandResult imported =
            server.run({QStringLiteral("case"), QStringLiteral("import"), file});
        QVERIFY2(imported.exitCode == 0, imported.describe().constData());
        QCOMPARE(server
                     .run({QStringLiteral("allocate"), QStringLiteral("ZC26C00001"),
                           QStringLiteral("fca1")})
                     .exitCode,
                 0);
        QVERIFY2(server.start(), qPrintable(server.error()));
        m_laptop1 = server.client();
        m_laptop2 = server.client();
        QCOMPARE(m_laptop1.signIn(QStringLiteral("fca1"), kPassword, QStringLiteral("laptop one"))
                     .status,
                 200);
        QCOMPARE(m_laptop2.signIn(QStringLiteral("fca1"), kPassword, QStringLiteral("laptop two"))
                     .status,
                 200);
        QVERIFY(m_laptop1.deviceId != m_laptop2.deviceId);
    }

    void cleanup()
    {
        if (m_server) {
            QCOMPARE(m_server->stop(), 0);
            // The server's log never holds a child's or adult's name (all of ours start "Test").
            const QString log = m_server->standardError() + m_server->standardOutput();
            QVERIFY2(!log.contains(QStringLiteral("Test ")), qPrintable(log));
            m_server.reset();
        }
    }

    void pushingTheSameBatchTwiceChangesNothing()
    {
        const QString newChild = newId();
        const QJsonArray batch{
            change(QStringLiteral("children"), newChild, QStringLiteral("insert"),
                   childFields(m_caseId, QStringLiteral("Test Child Two")), 0),
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Second School")}}, 1),
        };
        const HttpReply first = m_laptop1.push(batch);
        QVERIFY2(first.status == 200, first.describe().constData());
        const QList<QJsonObject> firstResults = pushResults(first);
        QCOMPARE(firstResults.size(), 2);
        QCOMPARE(firstResults.at(0).value(QStringLiteral("status")).toString(),
                 QStringLiteral("applied"));
        QCOMPARE(firstResults.at(0).value(QStringLiteral("version")).toInteger(), 1);
        QCOMPARE(firstResults.at(1).value(QStringLiteral("status")).toString(),
                 QStringLiteral("applied"));
        QCOMPARE(firstResults.at(1).value(QStringLiteral("version")).toInteger(), 2);
        const PullResult afterFirst = m_laptop1.pullAll();

        // The answer was lost: the laptop pushes again, from either laptop of the same user.
        for (const ApiClient *laptop : {&m_laptop1, &m_laptop2}) {
            const HttpReply again = laptop->push(batch);
            QVERIFY2(again.status == 200, again.describe().constData());
            const QList<QJsonObject> results = pushResults(again);
            QCOMPARE(results.size(), 2);
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(results.at(i).value(QStringLiteral("mutation_id")),
                         firstResults.at(i).value(QStringLiteral("mutation_id")));
                QCOMPARE(results.at(i).value(QStringLiteral("status")).toString(),
                         QStringLiteral("duplicate"));
                QCOMPARE(results.at(i).value(QStringLiteral("version")),
                         firstResults.at(i).value(QStringLiteral("version")));
            }
        }
        const PullResult after = m_laptop1.pullAll();
        QVERIFY(after.ok);
        int copies = 0;
        for (const QJsonObject &record : after.records)
            copies += record.value(QStringLiteral("id")).toString() == newChild ? 1 : 0;
        QCOMPARE(copies, 1);
        QCOMPARE(versionOf(after.find(m_childId)), 2);
        QCOMPARE(fieldOf(after.find(m_childId), QStringLiteral("school")),
                 QStringLiteral("Second School"));
        QCOMPARE(after.records.size(), afterFirst.records.size());
        // Nothing new for a laptop that is up to date.
        const HttpReply nothing = m_laptop1.pull(afterFirst.cursor);
        QVERIFY2(nothing.status == 200, nothing.describe().constData());
        QVERIFY(nothing.json.value(QStringLiteral("records")).toArray().isEmpty());
        QCOMPARE(nothing.json.value(QStringLiteral("cursor")).toString().toLongLong(),
                 afterFirst.cursor);
    }

    void differentFieldsFromOneBaseBothApply()
    {
        const qint64 base = versionOf(current(m_childId));
        const HttpReply one = m_laptop1.push(
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Ysgol y Castell")}}, base));
        QVERIFY2(one.status == 200 && status(one) == QLatin1String("applied"),
                 one.describe().constData());
        const HttpReply two =
            m_laptop2.push(change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                                  {{QStringLiteral("faith"), QStringLiteral("Methodist")}}, base));
        QVERIFY2(two.status == 200 && status(two) == QLatin1String("applied"),
                 two.describe().constData());
        QCOMPARE(pushResults(two).value(0).value(QStringLiteral("version")).toInteger(), base + 2);
        const QJsonObject child = current(m_childId);
        QCOMPARE(fieldOf(child, QStringLiteral("school")), QStringLiteral("Ysgol y Castell"));
        QCOMPARE(fieldOf(child, QStringLiteral("faith")), QStringLiteral("Methodist"));
        QCOMPARE(versionOf(child), base + 2);
        QVERIFY(m_laptop1.pullAll().ofTable(QStringLiteral("conflicts")).isEmpty());
        // Pushing the value the server already has is nothing to do.
        const HttpReply same = m_laptop2.push(
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Ysgol y Castell")}}, base));
        QVERIFY2(same.status == 200 && status(same) == QLatin1String("applied"),
                 same.describe().constData());
        QCOMPARE(versionOf(current(m_childId)), base + 2);
        QVERIFY(m_laptop1.pullAll().ofTable(QStringLiteral("conflicts")).isEmpty());
    }

    void sameFieldFromOneBaseIsAConflictToSettle()
    {
        const QJsonObject before = current(m_childId);
        const qint64 base = versionOf(before);
        const HttpReply one =
            m_laptop1.push(change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                                  {{QStringLiteral("school"), QStringLiteral("Ysgol A")}}, base));
        QVERIFY2(one.status == 200 && status(one) == QLatin1String("applied"),
                 one.describe().constData());
        // The second laptop changed the same field, and another one, from the same base.
        const HttpReply two =
            m_laptop2.push(change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                                  {{QStringLiteral("school"), QStringLiteral("Ysgol B")},
                                   {QStringLiteral("pronouns"), QStringLiteral("he/him")}},
                                  base));
        QVERIFY2(two.status == 200, two.describe().constData());
        const QJsonObject result = pushResults(two).value(0);
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        QVERIFY(!result.value(QStringLiteral("reason")).toString().isEmpty());
        const QJsonArray conflicts = result.value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("school"));
        const QString conflictId =
            conflicts.at(0).toObject().value(QStringLiteral("conflict_id")).toString();
        QVERIFY(!QUuid::fromString(conflictId).isNull());
        // The other field was applied; the server's school stands.
        QCOMPARE(result.value(QStringLiteral("version")).toInteger(), base + 2);
        PullResult pulled = m_laptop2.pullAll();
        QJsonObject child = pulled.find(m_childId);
        QCOMPARE(fieldOf(child, QStringLiteral("school")), QStringLiteral("Ysgol A"));
        QCOMPARE(fieldOf(child, QStringLiteral("pronouns")), QStringLiteral("he/him"));
        QCOMPARE(versionOf(child), base + 2);

        // The conflict is a record both laptops pull, holding all three values.
        const QJsonObject conflict = pulled.find(conflictId);
        QCOMPARE(conflict.value(QStringLiteral("table")).toString(), QStringLiteral("conflicts"));
        QCOMPARE(conflict.value(QStringLiteral("case_id")).toString(), m_caseId);
        const QJsonObject fields = conflict.value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("case_id")).toString(), m_caseId);
        QCOMPARE(fields.value(QStringLiteral("table_name")).toString(), QStringLiteral("children"));
        QCOMPARE(fields.value(QStringLiteral("record_id")).toString(), m_childId);
        QCOMPARE(fields.value(QStringLiteral("field")).toString(), QStringLiteral("school"));
        QCOMPARE(fields.value(QStringLiteral("base_value")).toString(),
                 jsonText(QStringLiteral("First School")));
        QCOMPARE(fields.value(QStringLiteral("server_value")).toString(),
                 jsonText(QStringLiteral("Ysgol A")));
        QCOMPARE(fields.value(QStringLiteral("client_value")).toString(),
                 jsonText(QStringLiteral("Ysgol B")));
        QCOMPARE(fields.value(QStringLiteral("raised_by")).toString(), QStringLiteral("fca1"));
        QVERIFY(fields.value(QStringLiteral("resolved_at")).isNull());
        QVERIFY(fields.value(QStringLiteral("resolved_by")).toString().isEmpty());
        QVERIFY(m_laptop1.pullAll().byId().contains(conflictId));

        // A laptop may not insert, delete or rewrite conflicts.
        const HttpReply forged = m_laptop2.push(
            QJsonArray{change(QStringLiteral("conflicts"), conflictId, QStringLiteral("update"),
                              {{QStringLiteral("server_value"), QStringLiteral("\"Ysgol B\"")}},
                              versionOf(conflict)),
                       change(QStringLiteral("conflicts"), conflictId, QStringLiteral("delete"), {},
                              versionOf(conflict)),
                       change(QStringLiteral("conflicts"), newId(), QStringLiteral("insert"),
                              {{QStringLiteral("case_id"), m_caseId},
                               {QStringLiteral("table_name"), QStringLiteral("children")},
                               {QStringLiteral("record_id"), m_childId},
                               {QStringLiteral("field"), QStringLiteral("school")}},
                              0),
                       change(QStringLiteral("conflicts"), conflictId, QStringLiteral("update"),
                              {{QStringLiteral("resolution"), QStringLiteral("whatever")}},
                              versionOf(conflict))});
        QVERIFY2(forged.status == 200, forged.describe().constData());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(status(forged, i), QStringLiteral("rejected"));
        QCOMPARE(m_laptop2.pullAll().find(conflictId).value(QStringLiteral("fields")),
                 QJsonValue(fields));

        // Settled: "mine" on laptop two: the chosen value on the new base, and the conflict.
        const QString resolvedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const HttpReply settle = m_laptop2.push(QJsonArray{
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Ysgol B")}}, versionOf(child)),
            change(QStringLiteral("conflicts"), conflictId, QStringLiteral("update"),
                   {{QStringLiteral("resolved_at"), resolvedAt},
                    {QStringLiteral("resolution"), QStringLiteral("mine")}},
                   versionOf(conflict))});
        QVERIFY2(settle.status == 200, settle.describe().constData());
        QCOMPARE(status(settle, 0), QStringLiteral("applied"));
        QCOMPARE(status(settle, 1), QStringLiteral("applied"));
        pulled = m_laptop1.pullAll();
        QCOMPARE(fieldOf(pulled.find(m_childId), QStringLiteral("school")),
                 QStringLiteral("Ysgol B"));
        const QJsonObject settled =
            pulled.find(conflictId).value(QStringLiteral("fields")).toObject();
        QCOMPARE(settled.value(QStringLiteral("resolved_at")).toString(), resolvedAt);
        QCOMPARE(settled.value(QStringLiteral("resolution")).toString(), QStringLiteral("mine"));
        QCOMPARE(settled.value(QStringLiteral("resolved_by")).toString(), QStringLiteral("fca1"));
        QCOMPARE(settled.value(QStringLiteral("server_value")),
                 fields.value(QStringLiteral("server_value")));
    }

    // A laptop's outbox holds changes made on top of one another, all with the base version its
    // copy had when they were made. They are not conflicts with each other.
    void aLaptopBuildsOnItsOwnChanges()
    {
        // Made offline: a new child, then edited twice; the school of the old child edited twice.
        const qint64 base = versionOf(current(m_childId));
        const QString newChild = newId();
        QJsonObject inserted = childFields(m_caseId, QStringLiteral("Test Child New"));
        inserted.insert(QStringLiteral("school"), QStringLiteral("Nursery"));
        const QJsonArray offline{
            change(QStringLiteral("children"), newChild, QStringLiteral("insert"), inserted, 0),
            change(QStringLiteral("children"), newChild, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Infants")}}, 0),
            change(QStringLiteral("children"), newChild, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Juniors")},
                    {QStringLiteral("faith"), QStringLiteral("Sikh")}},
                   0),
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Second School")}}, base),
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Third School")}}, base),
        };
        const HttpReply pushed = m_laptop1.push(offline);
        QVERIFY2(pushed.status == 200, pushed.describe().constData());
        for (int i = 0; i < offline.size(); ++i)
            QVERIFY2(status(pushed, i) == QLatin1String("applied"), pushed.describe().constData());
        PullResult pulled = m_laptop1.pullAll();
        QCOMPARE(fieldOf(pulled.find(newChild), QStringLiteral("school")),
                 QStringLiteral("Juniors"));
        QCOMPARE(fieldOf(pulled.find(newChild), QStringLiteral("faith")), QStringLiteral("Sikh"));
        QCOMPARE(fieldOf(pulled.find(m_childId), QStringLiteral("school")),
                 QStringLiteral("Third School"));
        QVERIFY(pulled.ofTable(QStringLiteral("conflicts")).isEmpty());

        // The same across pushes: a big outbox goes in several, and an answer can be lost.
        const HttpReply later = m_laptop1.push(
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Fourth School")}}, base));
        QVERIFY2(later.status == 200 && status(later) == QLatin1String("applied"),
                 later.describe().constData());
        const HttpReply lostAnswer = m_laptop1.push(QJsonArray{
            offline.at(0), change(QStringLiteral("children"), newChild, QStringLiteral("update"),
                                  {{QStringLiteral("school"), QStringLiteral("Seniors")}}, 0)});
        QVERIFY2(lostAnswer.status == 200, lostAnswer.describe().constData());
        QCOMPARE(status(lostAnswer, 0), QStringLiteral("duplicate"));
        QCOMPARE(status(lostAnswer, 1), QStringLiteral("applied"));
        pulled = m_laptop1.pullAll();
        QCOMPARE(fieldOf(pulled.find(m_childId), QStringLiteral("school")),
                 QStringLiteral("Fourth School"));
        QCOMPARE(fieldOf(pulled.find(newChild), QStringLiteral("school")),
                 QStringLiteral("Seniors"));
        QVERIFY(pulled.ofTable(QStringLiteral("conflicts")).isEmpty());

        // But the other laptop, still on the old base, is in conflict with all of that.
        const HttpReply other = m_laptop2.push(
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Other School")}}, base));
        QVERIFY2(other.status == 200 && status(other) == QLatin1String("conflict"),
                 other.describe().constData());
        QCOMPARE(fieldOf(current(m_childId), QStringLiteral("school")),
                 QStringLiteral("Fourth School"));
    }

    void crossingNoteRevisionsAreBothKept()
    {
        const QString noteId = newId();
        const auto revision = [&](int number, const QString &text) {
            return QJsonObject{{QStringLiteral("note_id"), noteId},
                               {QStringLiteral("number"), number},
                               {QStringLiteral("body_html"), QStringLiteral("<p>%1</p>").arg(text)},
                               {QStringLiteral("body_text"), text},
                               {QStringLiteral("author"), QStringLiteral("fca1")}};
        };
        const HttpReply note = m_laptop1.push(QJsonArray{
            change(QStringLiteral("notes"), noteId, QStringLiteral("insert"),
                   {{QStringLiteral("case_id"), m_caseId},
                    {QStringLiteral("kind"), QStringLiteral("visit")},
                    {QStringLiteral("contact_at"), QStringLiteral("2026-04-02T09:30:00.000Z")},
                    {QStringLiteral("author"), QStringLiteral("fca1")}},
                   0),
            change(QStringLiteral("note_revisions"), newId(), QStringLiteral("insert"),
                   revision(1, QStringLiteral("First")), 0)});
        QVERIFY2(note.status == 200 && status(note, 1) == QLatin1String("applied"),
                 note.describe().constData());

        // Both laptops wrote revision 2 from revision 1.
        const QString first = newId();
        const QString second = newId();
        const HttpReply one =
            m_laptop1.push(change(QStringLiteral("note_revisions"), first, QStringLiteral("insert"),
                                  revision(2, QStringLiteral("Edited on laptop one")), 0));
        QVERIFY2(one.status == 200 && status(one) == QLatin1String("applied"),
                 one.describe().constData());
        const HttpReply two = m_laptop2.push(
            change(QStringLiteral("note_revisions"), second, QStringLiteral("insert"),
                   revision(2, QStringLiteral("Edited on laptop two")), 0));
        QVERIFY2(two.status == 200, two.describe().constData());
        const QJsonObject result = pushResults(two).value(0);
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        const QJsonArray conflicts = result.value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("number"));

        const PullResult pulled = m_laptop1.pullAll();
        QCOMPARE(fieldOf(pulled.find(first), QStringLiteral("body_text")),
                 QStringLiteral("Edited on laptop one"));
        QCOMPARE(fieldOf(pulled.find(second), QStringLiteral("body_text")),
                 QStringLiteral("Edited on laptop two"));
        const QJsonObject conflict =
            pulled.find(conflicts.at(0).toObject().value(QStringLiteral("conflict_id")).toString());
        const QJsonObject fields = conflict.value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("table_name")).toString(),
                 QStringLiteral("note_revisions"));
        QCOMPARE(fields.value(QStringLiteral("field")).toString(), QStringLiteral("number"));
        QCOMPARE(fields.value(QStringLiteral("server_value")).toString(), jsonText(first));
        QCOMPARE(fields.value(QStringLiteral("client_value")).toString(), jsonText(second));
        QCOMPARE(conflict.value(QStringLiteral("case_id")).toString(), m_caseId);

        // Revisions are never rewritten.
        const HttpReply rewrite =
            m_laptop1.push(change(QStringLiteral("note_revisions"), first, QStringLiteral("update"),
                                  {{QStringLiteral("body_text"), QStringLiteral("Changed")}}, 1));
        QVERIFY2(rewrite.status == 200 && status(rewrite) == QLatin1String("rejected"),
                 rewrite.describe().constData());
        QCOMPARE(fieldOf(current(first), QStringLiteral("body_text")),
                 QStringLiteral("Edited on laptop one"));
    }

    void editOfADeletedRecordIsKeptInAConflict()
    {
        const PullResult start = m_laptop2.pullAll();
        const qint64 base = versionOf(start.find(m_childId));
        const HttpReply deleted = m_laptop1.push(
            change(QStringLiteral("children"), m_childId, QStringLiteral("delete"), {}, base));
        QVERIFY2(deleted.status == 200 && status(deleted) == QLatin1String("applied"),
                 deleted.describe().constData());
        QCOMPARE(pushResults(deleted).value(0).value(QStringLiteral("version")).toInteger(),
                 base + 1);
        // A laptop that holds the child gets the tombstone.
        const QJsonObject tombstone = m_laptop2.pullAll(start.cursor).find(m_childId);
        QVERIFY(!tombstone.value(QStringLiteral("deleted_at")).toString().isEmpty());

        const QJsonObject edit{{QStringLiteral("school"), QStringLiteral("Ysgol Newydd")},
                               {QStringLiteral("faith"), QStringLiteral("Catholic")}};
        const HttpReply late = m_laptop2.push(
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"), edit, base));
        QVERIFY2(late.status == 200, late.describe().constData());
        const QJsonObject result = pushResults(late).value(0);
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        const QJsonArray conflicts = result.value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("deleted_at"));

        const PullResult pulled = m_laptop2.pullAll(start.cursor);
        const QJsonObject child = pulled.find(m_childId);
        QCOMPARE(child.value(QStringLiteral("deleted_at")),
                 tombstone.value(QStringLiteral("deleted_at")));
        QCOMPARE(child.value(QStringLiteral("fields")),
                 tombstone.value(QStringLiteral("fields"))); // nothing applied
        QCOMPARE(versionOf(child), base + 1);
        const QJsonObject fields =
            pulled.find(conflicts.at(0).toObject().value(QStringLiteral("conflict_id")).toString())
                .value(QStringLiteral("fields"))
                .toObject();
        QCOMPARE(fields.value(QStringLiteral("record_id")).toString(), m_childId);
        QCOMPARE(fields.value(QStringLiteral("server_value")).toString(),
                 jsonText(tombstone.value(QStringLiteral("deleted_at"))));
        // The pushed fields, as JSON, so the FCA can bring them back.
        QJsonParseError error;
        const QJsonDocument kept = QJsonDocument::fromJson(
            fields.value(QStringLiteral("client_value")).toString().toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && kept.isObject(),
                 qPrintable(fields.value(QStringLiteral("client_value")).toString()));
        QCOMPARE(kept.object(), edit);
        // Deleting it again is nothing new.
        const HttpReply again = m_laptop2.push(
            change(QStringLiteral("children"), m_childId, QStringLiteral("delete"), {}, base));
        QVERIFY2(again.status == 200 && status(again) != QLatin1String("rejected"),
                 again.describe().constData());
        QCOMPARE(versionOf(m_laptop2.pullAll(start.cursor).find(m_childId)), base + 1);
        // A laptop downloading afresh gets it as deleted, so what refers to it still finds it.
        QCOMPARE(m_laptop1.pullAll().find(m_childId).value(QStringLiteral("deleted_at")),
                 tombstone.value(QStringLiteral("deleted_at")));
    }

    void finalisedRecordsDoNotChange()
    {
        const QString noteId = newId();
        const QString letterId = newId();
        const QString finalisedAt = QStringLiteral("2026-04-02T12:00:00.000Z");
        const HttpReply created = m_laptop1.push(QJsonArray{
            change(QStringLiteral("notes"), noteId, QStringLiteral("insert"),
                   {{QStringLiteral("case_id"), m_caseId},
                    {QStringLiteral("kind"), QStringLiteral("visit")},
                    {QStringLiteral("contact_at"), QStringLiteral("2026-04-02T09:30:00.000Z")},
                    {QStringLiteral("author"), QStringLiteral("fca1")},
                    {QStringLiteral("plan_decision"), QStringLiteral("Plan as agreed")},
                    {QStringLiteral("finalised_at"), finalisedAt}},
                   0),
            change(QStringLiteral("letters"), letterId, QStringLiteral("insert"),
                   {{QStringLiteral("case_id"), m_caseId},
                    {QStringLiteral("child_id"), m_childId},
                    {QStringLiteral("letter_kind"), QStringLiteral("introduction")},
                    {QStringLiteral("language"), QStringLiteral("en")},
                    {QStringLiteral("status"), QStringLiteral("final")},
                    {QStringLiteral("body_html"), QStringLiteral("<p>Hello</p>")},
                    {QStringLiteral("finalised_at"), finalisedAt}},
                   0)});
        QVERIFY2(created.status == 200 && status(created, 0) == QLatin1String("applied") &&
                     status(created, 1) == QLatin1String("applied"),
                 created.describe().constData());

        const QJsonArray editBatch{
            change(QStringLiteral("notes"), noteId, QStringLiteral("update"),
                   {{QStringLiteral("plan_decision"), QStringLiteral("Changed afterwards")}}, 1),
            change(QStringLiteral("notes"), noteId, QStringLiteral("update"),
                   {{QStringLiteral("finalised_at"), QJsonValue()}}, 1),
            change(QStringLiteral("notes"), noteId, QStringLiteral("delete"), {}, 1),
            change(QStringLiteral("letters"), letterId, QStringLiteral("update"),
                   {{QStringLiteral("body_html"), QStringLiteral("<p>Changed</p>")}}, 1),
            // A finalised letter may still be recorded as sent.
            change(QStringLiteral("letters"), letterId, QStringLiteral("update"),
                   {{QStringLiteral("status"), QStringLiteral("sent")},
                    {QStringLiteral("sent_on"), QStringLiteral("2026-04-03")},
                    {QStringLiteral("sent_how"), QStringLiteral("post")}},
                   1)};
        const HttpReply edit = m_laptop2.push(editBatch);
        QVERIFY2(edit.status == 200, edit.describe().constData());
        for (int i = 0; i < 4; ++i) {
            const QJsonObject result = pushResults(edit).value(i);
            QVERIFY2(result.value(QStringLiteral("status")).toString() == QLatin1String("rejected"),
                     qPrintable(QStringLiteral("change %1: %2")
                                    .arg(i)
                                    .arg(QString::fromUtf8(compact(result)))));
            QVERIFY(!result.value(QStringLiteral("reason")).toString().isEmpty());
            QCOMPARE(result.value(QStringLiteral("version")).toInteger(), 0);
        }
        QCOMPARE(status(edit, 4), QStringLiteral("applied"));
        // The answer was lost and the laptop pushes again: what was rejected is still rejected
        // (a "duplicate" would tell it the work was stored), with the same reason.
        const HttpReply again = m_laptop2.push(editBatch);
        QVERIFY2(again.status == 200, again.describe().constData());
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(status(again, i), QStringLiteral("rejected"));
            QCOMPARE(pushResults(again).value(i).value(QStringLiteral("reason")),
                     pushResults(edit).value(i).value(QStringLiteral("reason")));
        }
        QCOMPARE(status(again, 4), QStringLiteral("duplicate"));

        const PullResult pulled = m_laptop1.pullAll();
        const QJsonObject note = pulled.find(noteId);
        QCOMPARE(versionOf(note), 1);
        QVERIFY(note.value(QStringLiteral("deleted_at")).isNull());
        QCOMPARE(fieldOf(note, QStringLiteral("plan_decision")), QStringLiteral("Plan as agreed"));
        QCOMPARE(fieldOf(note, QStringLiteral("finalised_at")), finalisedAt);
        const QJsonObject letter = pulled.find(letterId);
        QCOMPARE(fieldOf(letter, QStringLiteral("body_html")), QStringLiteral("<p>Hello</p>"));
        QCOMPARE(fieldOf(letter, QStringLiteral("status")), QStringLiteral("sent"));
        QCOMPARE(fieldOf(letter, QStringLiteral("sent_on")), QStringLiteral("2026-04-03"));
    }

    void impossibleChangesAreRejectedOneByOne()
    {
        const QString otherCase = newId();
        const qint64 base = versionOf(current(m_childId));
        const QJsonArray batch{
            // an insert of an id that exists
            change(QStringLiteral("children"), m_childId, QStringLiteral("insert"),
                   childFields(m_caseId, QStringLiteral("Test Duplicate")), 0),
            // an update of a record the server does not have
            change(QStringLiteral("children"), newId(), QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Nowhere")}}, 1),
            // a base version from the future
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Future School")}}, base + 5),
            // fine: a new case of fca1's own, and a change to this child
            change(QStringLiteral("cases"), otherCase, QStringLiteral("insert"),
                   {{QStringLiteral("case_number"), QStringLiteral("ZC26C00002")},
                    {QStringLiteral("court"), QStringLiteral("Family Court at Testbury")},
                    {QStringLiteral("kind"), QStringLiteral("care_order")},
                    {QStringLiteral("issued_on"), QStringLiteral("2026-03-05")}},
                   0),
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("first_language"), QStringLiteral("Welsh")}}, base),
            // a record moved to another case
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("case_id"), otherCase}}, base + 1),
            // a second case with a case number the server has
            change(QStringLiteral("cases"), newId(), QStringLiteral("insert"),
                   {{QStringLiteral("case_number"), QStringLiteral("ZC26C00001")},
                    {QStringLiteral("court"), QStringLiteral("Family Court at Testbury")},
                    {QStringLiteral("kind"), QStringLiteral("care_order")},
                    {QStringLiteral("issued_on"), QStringLiteral("2026-03-05")}},
                   0),
            // who holds a case is the server's to say: the rest of the change stands
            change(QStringLiteral("cases"), m_caseId, QStringLiteral("update"),
                   {{QStringLiteral("allocated_to"), QStringLiteral("someone else")},
                    {QStringLiteral("delay_reason"), QStringLiteral("Expert report late")}},
                   versionOf(current(m_caseId))),
        };
        const HttpReply reply = m_laptop1.push(batch);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const QList<QJsonObject> results = pushResults(reply);
        QCOMPARE(results.size(), batch.size());
        const QStringList expected = {QStringLiteral("rejected"), QStringLiteral("rejected"),
                                      QStringLiteral("rejected"), QStringLiteral("applied"),
                                      QStringLiteral("applied"),  QStringLiteral("rejected"),
                                      QStringLiteral("rejected"), QStringLiteral("applied")};
        for (int i = 0; i < results.size(); ++i) {
            QCOMPARE(results.at(i).value(QStringLiteral("mutation_id")),
                     batch.at(i).toObject().value(QStringLiteral("mutation_id")));
            QVERIFY2(results.at(i).value(QStringLiteral("status")).toString() == expected.at(i),
                     qPrintable(QStringLiteral("change %1: %2")
                                    .arg(i)
                                    .arg(QString::fromUtf8(compact(results.at(i))))));
            if (expected.at(i) == QLatin1String("rejected"))
                QVERIFY(!results.at(i).value(QStringLiteral("reason")).toString().isEmpty());
        }
        const PullResult pulled = m_laptop1.pullAll();
        const QJsonObject child = pulled.find(m_childId);
        QCOMPARE(child.value(QStringLiteral("case_id")).toString(), m_caseId);
        QCOMPARE(fieldOf(child, QStringLiteral("case_id")), m_caseId);
        QCOMPARE(fieldOf(child, QStringLiteral("legal_name")), QStringLiteral("Test Child One"));
        QCOMPARE(fieldOf(child, QStringLiteral("school")), QStringLiteral("First School"));
        QCOMPARE(fieldOf(child, QStringLiteral("first_language")), QStringLiteral("Welsh"));
        QCOMPARE(versionOf(child), base + 1);
        QVERIFY(pulled.byId().contains(otherCase));
        const QJsonObject theCase = pulled.find(m_caseId);
        QCOMPARE(fieldOf(theCase, QStringLiteral("allocated_to")), QStringLiteral("fca1"));
        QCOMPARE(fieldOf(theCase, QStringLiteral("delay_reason")),
                 QStringLiteral("Expert report late"));
    }

    void pagingNeverSkipsAChange()
    {
        // A few more records to page through.
        QJsonArray more;
        for (int i = 0; i < 7; ++i)
            more.append(change(QStringLiteral("children"), newId(), QStringLiteral("insert"),
                               childFields(m_caseId, QStringLiteral("Test Sibling %1").arg(i)), 0));
        QCOMPARE(m_laptop1.push(more).status, 200);

        QSet<QString> seen;
        HttpReply page = m_laptop2.pull(0, 3);
        QVERIFY2(page.status == 200, page.describe().constData());
        QVERIFY(page.json.value(QStringLiteral("has_more")).toBool());
        QVERIFY(page.json.value(QStringLiteral("cursor")).isString());
        qint64 cursor = page.json.value(QStringLiteral("cursor")).toString().toLongLong();
        for (const QJsonValue &record : page.json.value(QStringLiteral("records")).toArray())
            seen.insert(record.toObject().value(QStringLiteral("id")).toString());

        // Meanwhile laptop one adds a child and changes one already paged past.
        const QString late = newId();
        const qint64 base = versionOf(current(m_childId));
        const HttpReply pushed = m_laptop1.push(QJsonArray{
            change(QStringLiteral("children"), late, QStringLiteral("insert"),
                   childFields(m_caseId, QStringLiteral("Test Late Child")), 0),
            change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), QStringLiteral("Changed while paging")}}, base)});
        QVERIFY2(pushed.status == 200, pushed.describe().constData());

        int pages = 1;
        bool lateSeen = false, changeSeen = false;
        while (page.json.value(QStringLiteral("has_more")).toBool()) {
            page = m_laptop2.pull(cursor, 3);
            QVERIFY2(page.status == 200, page.describe().constData());
            ++pages;
            QVERIFY(pages < 100);
            const qint64 next = page.json.value(QStringLiteral("cursor")).toString().toLongLong();
            QVERIFY(next >= cursor);
            cursor = next;
            for (const QJsonValue &value : page.json.value(QStringLiteral("records")).toArray()) {
                const QJsonObject record = value.toObject();
                seen.insert(record.value(QStringLiteral("id")).toString());
                lateSeen = lateSeen || record.value(QStringLiteral("id")).toString() == late;
                changeSeen = changeSeen || fieldOf(record, QStringLiteral("school")) ==
                                               QLatin1String("Changed while paging");
            }
        }
        QVERIFY(pages > 2);
        QVERIFY(lateSeen);
        QVERIFY(changeSeen);
        const PullResult everything = m_laptop1.pullAll();
        QVERIFY(everything.ok);
        QCOMPARE(seen, QSet<QString>(everything.byId().keyBegin(), everything.byId().keyEnd()));
        QCOMPARE(cursor, everything.cursor);
        // Up to date: the next pull is empty.
        const HttpReply empty = m_laptop2.pull(cursor, 3);
        QVERIFY(empty.json.value(QStringLiteral("records")).toArray().isEmpty());
        QVERIFY(!empty.json.value(QStringLiteral("has_more")).toBool());
    }

    void purgedTombstonesExpireOldCursors()
    {
        const PullResult start = m_laptop2.pullAll();
        QVERIFY(start.ok && start.cursor > 0);
        const qint64 base = versionOf(start.find(m_childId));
        QCOMPARE(status(m_laptop1.push(change(QStringLiteral("children"), m_childId,
                                              QStringLiteral("delete"), {}, base))),
                 QStringLiteral("applied"));
        const PullResult tombstone = m_laptop1.pullAll(start.cursor);
        QVERIFY(
            !tombstone.find(m_childId).value(QStringLiteral("deleted_at")).toString().isEmpty());

        // Kept while younger than the retention.
        const CommandResult kept = m_server->run(
            {QStringLiteral("purge"), QStringLiteral("--tombstone-days"), QStringLiteral("30")});
        QVERIFY2(kept.exitCode == 0 && kept.out.contains(QStringLiteral("Removed 0")),
                 kept.describe().constData());
        QCOMPARE(m_laptop2.pull(start.cursor).status, 200);

        const CommandResult purged = m_server->run(
            {QStringLiteral("purge"), QStringLiteral("--tombstone-days"), QStringLiteral("0")});
        QVERIFY2(purged.exitCode == 0 && purged.out.contains(QStringLiteral("Removed 1")),
                 purged.describe().constData());
        const HttpReply expired = m_laptop2.pull(start.cursor);
        QVERIFY2(expired.status == 410, expired.describe().constData());
        QCOMPARE(expired.code(), QStringLiteral("cursor_expired"));
        QVERIFY(!expired.json.value(QStringLiteral("message")).toString().isEmpty());
        // From 0 it works, without the purged record; a cursor after the tombstone still works.
        const PullResult afresh = m_laptop2.pullAll(0);
        QVERIFY2(afresh.ok, afresh.failed.describe().constData());
        QVERIFY(!afresh.byId().contains(m_childId));
        QVERIFY(afresh.byId().contains(m_caseId));
        const HttpReply recent = m_laptop1.pull(tombstone.cursor);
        QVERIFY2(recent.status == 200, recent.describe().constData());
    }

    void oldLaptopIsToldToUpgrade()
    {
        const HttpReply meta = httpRequest(m_server->port(), "GET", "/api/v1/meta");
        QVERIFY2(meta.status == 200, meta.describe().constData());
        const int min = meta.json.value(QStringLiteral("protocol"))
                            .toObject()
                            .value(QStringLiteral("min"))
                            .toInt();
        QCOMPARE(min, 1);
        QCOMPARE(meta.json.value(QStringLiteral("max_push_changes")).toInt(), 500);
        QCOMPARE(meta.json.value(QStringLiteral("max_pull_limit")).toInt(), 2000);

        for (const QByteArray &target :
             {QByteArrayLiteral("/api/v1/pull?cursor=0"), QByteArrayLiteral("/api/v1/health")}) {
            const HttpReply old = m_laptop1.get(target, {{"Lantern-Protocol", "0"}});
            QVERIFY2(old.status == 426, old.describe().constData());
            QCOMPARE(old.code(), QStringLiteral("upgrade_required"));
            QCOMPARE(old.json.value(QStringLiteral("min_protocol")).toInt(), 1);
        }
        const HttpReply oldPush = m_laptop1.post(
            "/api/v1/push",
            compact(
                {{QStringLiteral("changes"),
                  QJsonArray{change(QStringLiteral("children"), m_childId, QStringLiteral("update"),
                                    {{QStringLiteral("school"), QStringLiteral("Old")}}, 1)}}}),
            {{"Lantern-Protocol", "0"}});
        QVERIFY2(oldPush.status == 426, oldPush.describe().constData());
        QCOMPARE(fieldOf(current(m_childId), QStringLiteral("school")),
                 QStringLiteral("First School"));
        // The current protocol, named or not, is served.
        QCOMPARE(m_laptop1.get("/api/v1/pull?cursor=0", {{"Lantern-Protocol", "1"}}).status, 200);
        QCOMPARE(m_laptop1.get("/api/v1/pull?cursor=0").status, 200);
    }

    // The way a laptop talks to the server: QNetworkAccessManager, keeping connections open
    // between requests, several at once.
    void aLaptopOnKeptAliveConnections()
    {
        QNetworkAccessManager network;
        const QUrl base(QStringLiteral("http://127.0.0.1:%1/api/v1/").arg(m_server->port()));
        QString token;
        const auto send = [&](const QString &route, const QByteArray &body = QByteArray()) {
            QNetworkRequest request(base.resolved(QUrl(route)));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            request.setRawHeader("Lantern-Protocol", "1");
            if (!token.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            return body.isNull() ? network.get(request) : network.post(request, body);
        };
        const auto wait = [](QNetworkReply *reply) {
            if (!reply->isFinished()) {
                QEventLoop loop;
                QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                QTimer::singleShot(30000, &loop, &QEventLoop::quit);
                loop.exec();
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            return std::make_pair(status, json);
        };

        const auto [signedIn, signIn] =
            wait(send(QStringLiteral("sign-in"),
                      compact({{QStringLiteral("user"), QStringLiteral("fca1")},
                               {QStringLiteral("password"), kPassword},
                               {QStringLiteral("device_id"), m_laptop1.deviceId}})));
        QCOMPARE(signedIn, 200);
        token = signIn.value(QStringLiteral("token")).toString();
        qint64 version = versionOf(current(m_childId));
        qint64 cursor = 0;
        for (int i = 0; i < 15; ++i) {
            const auto [pushed, answer] = wait(send(
                QStringLiteral("push"),
                compact({{QStringLiteral("changes"),
                          QJsonArray{change(
                              QStringLiteral("children"), m_childId, QStringLiteral("update"),
                              {{QStringLiteral("pronouns"), QStringLiteral("round %1").arg(i)}},
                              version)}}})));
            QCOMPARE(pushed, 200);
            const QJsonObject result =
                answer.value(QStringLiteral("results")).toArray().at(0).toObject();
            QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
            version = result.value(QStringLiteral("version")).toInteger();
            const auto [pulled, page] =
                wait(send(QStringLiteral("pull?cursor=%1&limit=50").arg(cursor)));
            QCOMPARE(pulled, 200);
            bool found = false;
            for (const QJsonValue &record : page.value(QStringLiteral("records")).toArray())
                found = found || fieldOf(record.toObject(), QStringLiteral("pronouns")) ==
                                     QStringLiteral("round %1").arg(i);
            QVERIFY2(found, "the change just pushed did not come back");
            cursor = page.value(QStringLiteral("cursor")).toString().toLongLong();
        }
        // Several at once (QNetworkAccessManager opens up to six connections to a host).
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 12; ++i)
            replies.append(send(QStringLiteral("pull?cursor=0&limit=%1").arg(i + 1)));
        for (QNetworkReply *reply : std::as_const(replies)) {
            const auto [status, page] = wait(reply);
            QCOMPARE(status, 200);
            QVERIFY(!page.value(QStringLiteral("records")).toArray().isEmpty());
        }
        const auto [out, bye] = wait(send(QStringLiteral("sign-out"), "{}"));
        QCOMPARE(out, 200);
        QCOMPARE(wait(send(QStringLiteral("pull?cursor=0"))).first, 401);
    }

    void manyLaptopsPushingAtOnce()
    {
        const PullResult start = m_laptop1.pullAll();
        QVERIFY(start.ok);
        constexpr int kThreads = 20;
        constexpr int kPushes = 4;
        constexpr int kPerPush = 3;
        // Each thread's inserts, made up front; threads 0 and 1 also both push one shared batch.
        QList<QList<QJsonArray>> batches(kThreads);
        QSet<QString> expected;
        for (int t = 0; t < kThreads; ++t) {
            for (int p = 0; p < kPushes; ++p) {
                QJsonArray batch;
                for (int i = 0; i < kPerPush; ++i) {
                    const QString id = newId();
                    expected.insert(id);
                    batch.append(change(
                        QStringLiteral("children"), id, QStringLiteral("insert"),
                        childFields(m_caseId,
                                    QStringLiteral("Test Crowd %1-%2-%3").arg(t).arg(p).arg(i)),
                        0));
                }
                batches[t].append(batch);
            }
        }
        QJsonArray shared;
        for (int i = 0; i < kPerPush; ++i) {
            const QString id = newId();
            expected.insert(id);
            shared.append(change(QStringLiteral("children"), id, QStringLiteral("insert"),
                                 childFields(m_caseId, QStringLiteral("Test Shared %1").arg(i)),
                                 0));
        }
        batches[0].append(shared);
        batches[1].append(shared);

        QList<QList<HttpReply>> replies(kThreads);
        std::latch ready(kThreads + 1);
        std::atomic<int> running{kThreads};
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            const ApiClient client = t % 2 ? m_laptop2 : m_laptop1;
            threads.append(QThread::create([&, t, client] {
                ready.arrive_and_wait();
                for (const QJsonArray &batch : std::as_const(batches[t]))
                    replies[t].append(client.push(batch));
                --running;
            }));
            threads.last()->start();
        }
        ready.arrive_and_wait();

        // A laptop pulling in small pages while the pushes land never misses one.
        QHash<QString, int> seenWhilePushing;
        qint64 cursor = start.cursor;
        int idleRounds = 0;
        QByteArray pullProblem;
        while (running > 0 || idleRounds < 2) {
            const HttpReply page = m_laptop1.pull(cursor, 4);
            const QJsonArray records = page.json.value(QStringLiteral("records")).toArray();
            if (page.status != 200 || records.size() > 4) {
                pullProblem = page.describe();
                break;
            }
            for (const QJsonValue &record : records)
                ++seenWhilePushing[record.toObject().value(QStringLiteral("id")).toString()];
            cursor = page.json.value(QStringLiteral("cursor")).toString().toLongLong();
            if (running == 0 && !page.json.value(QStringLiteral("has_more")).toBool())
                ++idleRounds;
        }
        bool joined = true;
        for (QThread *thread : threads) {
            joined = thread->wait(180000) && joined;
            if (thread->isFinished())
                delete thread;
        }
        QVERIFY(joined);
        QVERIFY2(pullProblem.isEmpty(), pullProblem.constData());

        int sharedApplied = 0, sharedDuplicate = 0;
        for (int t = 0; t < kThreads; ++t) {
            QCOMPARE(replies[t].size(), batches[t].size());
            for (int p = 0; p < replies[t].size(); ++p) {
                const HttpReply &reply = replies[t].at(p);
                QVERIFY2(reply.status == 200, reply.describe().constData());
                const QList<QJsonObject> results = pushResults(reply);
                QCOMPARE(results.size(), kPerPush);
                for (const QJsonObject &result : results) {
                    const QString outcome = result.value(QStringLiteral("status")).toString();
                    if (p == kPushes) { // the shared batch
                        sharedApplied += outcome == QLatin1String("applied");
                        sharedDuplicate += outcome == QLatin1String("duplicate");
                    } else {
                        QCOMPARE(outcome, QStringLiteral("applied"));
                    }
                }
            }
        }
        QCOMPARE(sharedApplied, kPerPush);
        QCOMPARE(sharedDuplicate, kPerPush);

        QCOMPARE(seenWhilePushing.size(), expected.size());
        for (auto it = seenWhilePushing.cbegin(); it != seenWhilePushing.cend(); ++it) {
            QVERIFY2(expected.contains(it.key()), "an unexpected record");
            QVERIFY2(it.value() == 1, "a record came twice");
        }
        // Paged afresh in odd-sized pages: every insert exactly once, in one sequence.
        QHash<QString, int> afterwards;
        const PullResult again = m_laptop2.pullAll(start.cursor, 7);
        QVERIFY2(again.ok, again.failed.describe().constData());
        for (const QJsonObject &record : again.records)
            ++afterwards[record.value(QStringLiteral("id")).toString()];
        QCOMPARE(afterwards.size(), expected.size());
        for (auto it = afterwards.cbegin(); it != afterwards.cend(); ++it)
            QVERIFY2(expected.contains(it.key()) && it.value() == 1, "a record missing or twice");
        QCOMPARE(again.cursor, cursor);
        QCOMPARE(again.pages, (expected.size() + 6) / 7);
        QVERIFY(m_laptop1.pullAll().ofTable(QStringLiteral("conflicts")).isEmpty());
        // The server is still well.
        QCOMPARE(httpRequest(m_server->port(), "GET", "/api/v1/health").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerSync)
#include "tst_serversync.moc"
