// Who sees and changes what on lantern-server: the access matrix of docs/sync-protocol.md
// ("Who sees what") for every role against cases allocated to them, to another FCA in their
// team, to another team, and to nobody; refused pushes store nothing and are audited; managers
// add oversight notes only; allocation changes move whole cases in and out of pulls. The real
// server binary, on SQLite and (when the run provides one) PostgreSQL.
#include "ServerProcess.h"

#include <QtTest>

#include <memory>

using namespace lantern::test;

namespace {

const QString kPassword = QStringLiteral("lantern-test-pass-1");
const QStringList kLetters = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                              QStringLiteral("D")};

struct CaseIds
{
    QString caseId, childId, adultId, hearingId;
    QString number;
    QSet<QString> all() const { return {caseId, childId, adultId, hearingId}; }
};

// Four cases and five users: A to fca1, B to fca2 (both team north), C to fca3 (south), D to
// nobody; a manager in north, an administrator.
struct Fixture
{
    std::unique_ptr<ServerProcess> server;
    QHash<QString, CaseIds> cases;     // by letter
    QHash<QString, ApiClient> clients; // by user name

    QString letterOf(const QString &caseId) const
    {
        for (auto it = cases.cbegin(); it != cases.cend(); ++it) {
            if (it.value().caseId == caseId)
                return it.key();
        }
        return QStringLiteral("?");
    }
};

QJsonObject caseJson(const QString &letter, const CaseIds &ids)
{
    return QJsonObject{
        {QStringLiteral("id"), ids.caseId},
        {QStringLiteral("case_number"), ids.number},
        {QStringLiteral("court"), QStringLiteral("Family Court at Testbury")},
        {QStringLiteral("kind"), QStringLiteral("care_order")},
        {QStringLiteral("issued_on"), QStringLiteral("2026-03-02")},
        {QStringLiteral("children"),
         QJsonArray{QJsonObject{
             {QStringLiteral("id"), ids.childId},
             {QStringLiteral("legal_name"), QStringLiteral("Test Child %1").arg(letter)},
             {QStringLiteral("date_of_birth"), QStringLiteral("2017-06-14")},
             {QStringLiteral("school"), QStringLiteral("First School")}}}},
        {QStringLiteral("adults"),
         QJsonArray{
             QJsonObject{{QStringLiteral("id"), ids.adultId},
                         {QStringLiteral("name"), QStringLiteral("Test Adult %1").arg(letter)},
                         {QStringLiteral("role"), QStringLiteral("mother")},
                         {QStringLiteral("child_ids"), QJsonArray{ids.childId}}}}},
        {QStringLiteral("hearings"),
         QJsonArray{QJsonObject{
             {QStringLiteral("id"), ids.hearingId},
             {QStringLiteral("kind"), QStringLiteral("case_management")},
             {QStringLiteral("starts_at"), QStringLiteral("2026-04-01T10:00:00.000Z")}}}},
    };
}

QJsonObject noteFields(const QString &caseId, const QString &kind, const QString &author)
{
    return {{QStringLiteral("case_id"), caseId},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("contact_at"), QStringLiteral("2026-04-02T09:30:00.000Z")},
            {QStringLiteral("author"), author}};
}

QJsonObject revisionFields(const QString &noteId, int number, const QString &author)
{
    return {{QStringLiteral("note_id"), noteId},
            {QStringLiteral("number"), number},
            {QStringLiteral("body_html"), QStringLiteral("<p>Oversight: plan agreed.</p>")},
            {QStringLiteral("body_text"), QStringLiteral("Oversight: plan agreed.")},
            {QStringLiteral("author"), author}};
}

} // namespace

class TestServerAccess : public QObject
{
    Q_OBJECT

private:
    QHash<QString, std::shared_ptr<Fixture>> m_shared; // by backend

    void build(const QString &backend, std::shared_ptr<Fixture> *out)
    {
        auto fixture = std::make_shared<Fixture>();
        fixture->server = std::make_unique<ServerProcess>(backend);
        ServerProcess &server = *fixture->server;
        QVERIFY2(server.error().isEmpty(), qPrintable(server.error()));
        QByteArray why;
        const QList<QStringList> users = {
            {QStringLiteral("fca1"), QStringLiteral("fca"), QStringLiteral("north")},
            {QStringLiteral("fca2"), QStringLiteral("fca"), QStringLiteral("north")},
            {QStringLiteral("fca3"), QStringLiteral("fca"), QStringLiteral("south")},
            {QStringLiteral("manager"), QStringLiteral("manager"), QStringLiteral("north")},
            {QStringLiteral("admin"), QStringLiteral("admin"), QString()},
        };
        for (const QStringList &user : users)
            QVERIFY2(server.addUser(user.at(0), user.at(1), user.at(2), kPassword, &why),
                     why.constData());

        QJsonArray cases;
        for (int i = 0; i < kLetters.size(); ++i) {
            CaseIds ids{newId(), newId(), newId(), newId(),
                        QStringLiteral("ZC26C0000%1").arg(i + 1)};
            fixture->cases.insert(kLetters.at(i), ids);
            cases.append(caseJson(kLetters.at(i), ids));
        }
        const QString file = server.filePath(QStringLiteral("cases.json"));
        QVERIFY(writeFile(file, compact({{QStringLiteral("cases"), cases}})));
        const CommandResult imported =
            server.run({QStringLiteral("case"), QStringLiteral("import"), file});
        QVERIFY2(imported.exitCode == 0, imported.describe().constData());
        QVERIFY2(imported.out.contains(QStringLiteral("Imported 4 cases")),
                 imported.describe().constData());
        const QList<QStringList> allocations = {
            {fixture->cases.value(QStringLiteral("A")).number, QStringLiteral("fca1")},
            {fixture->cases.value(QStringLiteral("B")).caseId,
             QStringLiteral("fca2")}, // by id works too
            {fixture->cases.value(QStringLiteral("C")).number, QStringLiteral("fca3")},
        };
        for (const QStringList &allocation : allocations) {
            const CommandResult allocated =
                server.run({QStringLiteral("allocate"), allocation.at(0), allocation.at(1)});
            QVERIFY2(allocated.exitCode == 0, allocated.describe().constData());
        }
        QVERIFY2(server.start(), qPrintable(server.error()));
        for (const QStringList &user : users) {
            ApiClient client = server.client();
            const HttpReply reply =
                client.signIn(user.at(0), kPassword, user.at(0) + QStringLiteral("'s laptop"));
            QVERIFY2(reply.status == 200, reply.describe().constData());
            fixture->clients.insert(user.at(0), client);
        }
        *out = fixture;
    }

    // The fixture shared by the tests that leave allocations as they are.
    Fixture *shared()
    {
        QFETCH_GLOBAL(QString, backend);
        return sharedFixture(m_shared, backend,
                             [&](std::shared_ptr<Fixture> *out) { build(backend, out); });
    }

    // The child of a case as its holder (or, for D, nobody) last saw it.
    static QJsonObject childAsSeenBy(const Fixture &fixture, const QString &user,
                                     const QString &letter)
    {
        const PullResult pulled = fixture.clients.value(user).pullAll();
        return pulled.find(fixture.cases.value(letter).childId);
    }

    static int refusalsOf(ServerProcess &server, const QString &user)
    {
        const CommandResult audit =
            server.run({QStringLiteral("audit"), QStringLiteral("--user"), user});
        int count = 0;
        for (const QString &line : audit.out.split(QLatin1Char('\n'))) {
            const QStringList columns = line.split(QLatin1Char('\t'));
            if (columns.size() == 7 && columns.at(3) == QLatin1String("refused") &&
                columns.at(5) == QLatin1String("403"))
                ++count;
        }
        return count;
    }

    // Every record of the pull belongs to one of the expected cases, and each of their records
    // is there.
    static void verifyPullShows(const Fixture &fixture, const PullResult &pulled,
                                const QStringList &letters)
    {
        QVERIFY2(pulled.ok, pulled.failed.describe().constData());
        QSet<QString> allowed;
        for (const QString &letter : letters)
            allowed.insert(fixture.cases.value(letter).caseId);
        for (const QJsonObject &record : pulled.records) {
            const QString caseId = record.value(QStringLiteral("case_id")).toString();
            QVERIFY2(allowed.contains(caseId),
                     qPrintable(QStringLiteral("leaked a %1 record of case %2")
                                    .arg(record.value(QStringLiteral("table")).toString(),
                                         fixture.letterOf(caseId))));
            const QJsonObject fields = record.value(QStringLiteral("fields")).toObject();
            if (fields.contains(QStringLiteral("case_id")))
                QCOMPARE(fields.value(QStringLiteral("case_id")).toString(), caseId);
        }
        const QHash<QString, QJsonObject> byId = pulled.byId();
        for (const QString &letter : letters) {
            for (const QString &id : fixture.cases.value(letter).all())
                QVERIFY2(byId.contains(id),
                         qPrintable(QStringLiteral("case %1 is missing a record").arg(letter)));
        }
    }

private slots:
    void initTestCase_data() { addBackendRows(); }

    void cleanupTestCase() { m_shared.clear(); }

    void pullSeesOnlyVisibleCases_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("visible");
        QTest::newRow("fca1 (A)") << QStringLiteral("fca1") << QStringList{QStringLiteral("A")};
        QTest::newRow("fca2 (B)") << QStringLiteral("fca2") << QStringList{QStringLiteral("B")};
        QTest::newRow("fca3 (C)") << QStringLiteral("fca3") << QStringList{QStringLiteral("C")};
        QTest::newRow("manager (team north: A, B)")
            << QStringLiteral("manager") << QStringList{QStringLiteral("A"), QStringLiteral("B")};
    }

    void pullSeesOnlyVisibleCases()
    {
        QFETCH(QString, user);
        QFETCH(QStringList, visible);
        Fixture *fixture = shared();
        QVERIFY(fixture);
        // Whole, and in small pages.
        for (int limit : {500, 2}) {
            const PullResult pulled = fixture->clients.value(user).pullAll(0, limit);
            verifyPullShows(*fixture, pulled, visible);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(pulled.removedCases.isEmpty());
        }
    }

    void administratorReadsAndChangesNoCaseData()
    {
        Fixture *fixture = shared();
        QVERIFY(fixture);
        const ApiClient admin = fixture->clients.value(QStringLiteral("admin"));
        const HttpReply pulled = admin.pull();
        QVERIFY2(pulled.status == 403, pulled.describe().constData());
        QCOMPARE(pulled.code(), QStringLiteral("forbidden"));
        QVERIFY(!pulled.json.contains(QStringLiteral("records")));
        // Not even a new case of their own.
        const QString caseId = newId();
        const HttpReply pushed =
            admin.push(change(QStringLiteral("cases"), caseId, QStringLiteral("insert"),
                              {{QStringLiteral("case_number"), QStringLiteral("ZC26C00099")},
                               {QStringLiteral("court"), QStringLiteral("Testbury")},
                               {QStringLiteral("kind"), QStringLiteral("care_order")},
                               {QStringLiteral("issued_on"), QStringLiteral("2026-03-02")}},
                              0));
        QVERIFY2(pushed.status == 403, pushed.describe().constData());
        QCOMPARE(pushed.code(), QStringLiteral("forbidden"));
        QCOMPARE(fixture->server
                     ->run({QStringLiteral("allocate"), QStringLiteral("ZC26C00099"),
                            QStringLiteral("fca1")})
                     .exitCode,
                 1);
    }

    void pushChildUpdate_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("letter");
        QTest::addColumn<int>("status");
        const QHash<QString, QString> own = {{QStringLiteral("fca1"), QStringLiteral("A")},
                                             {QStringLiteral("fca2"), QStringLiteral("B")},
                                             {QStringLiteral("fca3"), QStringLiteral("C")}};
        const QStringList users = {QStringLiteral("fca1"), QStringLiteral("fca2"),
                                   QStringLiteral("fca3"), QStringLiteral("manager"),
                                   QStringLiteral("admin")};
        for (const QString &user : users) {
            for (const QString &letter : kLetters) {
                // Only an FCA's own case takes their changes; a manager adds oversight notes only.
                const int status = own.value(user) == letter ? 200 : 403;
                QTest::addRow("%s updates a child of %s", qPrintable(user), qPrintable(letter))
                    << user << letter << status;
            }
        }
    }

    void pushChildUpdate()
    {
        QFETCH(QString, user);
        QFETCH(QString, letter);
        QFETCH(int, status);
        Fixture *fixture = shared();
        QVERIFY(fixture);
        static const QHash<QString, QString> holder = {
            {QStringLiteral("A"), QStringLiteral("fca1")},
            {QStringLiteral("B"), QStringLiteral("fca2")},
            {QStringLiteral("C"), QStringLiteral("fca3")}};
        const QString childId = fixture->cases.value(letter).childId;
        const QJsonObject before = holder.contains(letter)
                                       ? childAsSeenBy(*fixture, holder.value(letter), letter)
                                       : QJsonObject();
        if (holder.contains(letter))
            QVERIFY(!before.isEmpty());
        const qint64 baseVersion =
            holder.contains(letter) ? before.value(QStringLiteral("version")).toInteger() : 1;
        const int refusedBefore = refusalsOf(*fixture->server, user);

        const QString school = QStringLiteral("School set by %1").arg(user);
        const QJsonObject pushed =
            change(QStringLiteral("children"), childId, QStringLiteral("update"),
                   {{QStringLiteral("school"), school}}, baseVersion);
        const HttpReply reply = fixture->clients.value(user).push(pushed);
        QVERIFY2(reply.status == status, reply.describe().constData());

        if (status == 200) {
            const QList<QJsonObject> results = pushResults(reply);
            QCOMPARE(results.size(), 1);
            QCOMPARE(results.at(0).value(QStringLiteral("status")).toString(),
                     QStringLiteral("applied"));
            QCOMPARE(results.at(0).value(QStringLiteral("version")).toInteger(), baseVersion + 1);
            const QJsonObject after = childAsSeenBy(*fixture, user, letter);
            QCOMPARE(after.value(QStringLiteral("fields"))
                         .toObject()
                         .value(QStringLiteral("school"))
                         .toString(),
                     school);
            QCOMPARE(after.value(QStringLiteral("version")).toInteger(), baseVersion + 1);
            return;
        }
        QCOMPARE(reply.code(), QStringLiteral("forbidden"));
        if (user !=
            QLatin1String("admin")) // the administrator is refused before any change is read
            QCOMPARE(reply.json.value(QStringLiteral("mutation_ids")).toArray(),
                     QJsonArray{pushed.value(QStringLiteral("mutation_id"))});
        // Nothing stored: the holder sees the child as it was.
        if (holder.contains(letter)) {
            const QJsonObject after = childAsSeenBy(*fixture, holder.value(letter), letter);
            QCOMPARE(after.value(QStringLiteral("version")),
                     before.value(QStringLiteral("version")));
            QCOMPARE(after.value(QStringLiteral("fields")), before.value(QStringLiteral("fields")));
        }
        // And the refusal is in the audit trail.
        QCOMPARE(refusalsOf(*fixture->server, user), refusedBefore + 1);
    }

    void refusedBatchStoresNothing()
    {
        Fixture *fixture = shared();
        QVERIFY(fixture);
        const ApiClient fca1 = fixture->clients.value(QStringLiteral("fca1"));
        const QJsonObject before =
            childAsSeenBy(*fixture, QStringLiteral("fca1"), QStringLiteral("A"));
        const qint64 base = before.value(QStringLiteral("version")).toInteger();
        const QString newChild = newId();
        const QJsonObject own = change(
            QStringLiteral("children"), fixture->cases.value(QStringLiteral("A")).childId,
            QStringLiteral("update"), {{QStringLiteral("faith"), QStringLiteral("Quaker")}}, base);
        const QJsonObject insert =
            change(QStringLiteral("children"), newChild, QStringLiteral("insert"),
                   {{QStringLiteral("case_id"), fixture->cases.value(QStringLiteral("A")).caseId},
                    {QStringLiteral("legal_name"), QStringLiteral("Test Sibling A")},
                    {QStringLiteral("date_of_birth"), QStringLiteral("2020-01-01")}},
                   0);
        const QJsonObject other = change(
            QStringLiteral("children"), fixture->cases.value(QStringLiteral("B")).childId,
            QStringLiteral("update"), {{QStringLiteral("faith"), QStringLiteral("None")}}, 1);
        const HttpReply reply = fca1.push(QJsonArray{own, insert, other});
        QVERIFY2(reply.status == 403, reply.describe().constData());
        QCOMPARE(reply.json.value(QStringLiteral("mutation_ids")).toArray(),
                 QJsonArray{other.value(QStringLiteral("mutation_id"))});

        const PullResult after = fca1.pullAll();
        QVERIFY(after.ok);
        QCOMPARE(after.find(own.value(QStringLiteral("record_id")).toString())
                     .value(QStringLiteral("version"))
                     .toInteger(),
                 base);
        QVERIFY(!after.byId().contains(newChild));
        // Nothing of the refused push was remembered: the same change pushed on its own applies.
        const HttpReply alone = fca1.push(QJsonArray{own, insert});
        QVERIFY2(alone.status == 200, alone.describe().constData());
        for (const QJsonObject &result : pushResults(alone))
            QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        // Other users' cases are still out of reach by record id, whatever case_id is claimed.
        const HttpReply sneaky = fca1.push(change(
            QStringLiteral("children"), fixture->cases.value(QStringLiteral("C")).childId,
            QStringLiteral("update"),
            {{QStringLiteral("case_id"), fixture->cases.value(QStringLiteral("A")).caseId}}, 1));
        QVERIFY2(sneaky.status == 403, sneaky.describe().constData());
        const HttpReply deleting = fca1.push(
            change(QStringLiteral("children"), fixture->cases.value(QStringLiteral("B")).childId,
                   QStringLiteral("delete"), {}, 1));
        QVERIFY2(deleting.status == 403, deleting.describe().constData());
        // A child inserted into someone else's case is refused too.
        const HttpReply planted = fca1.push(
            change(QStringLiteral("children"), newId(), QStringLiteral("insert"),
                   {{QStringLiteral("case_id"), fixture->cases.value(QStringLiteral("C")).caseId},
                    {QStringLiteral("legal_name"), QStringLiteral("Test Planted")},
                    {QStringLiteral("date_of_birth"), QStringLiteral("2020-01-01")}},
                   0));
        QVERIFY2(planted.status == 403, planted.describe().constData());
    }

    void managerAddsOversightNotesOnly()
    {
        Fixture *fixture = shared();
        QVERIFY(fixture);
        const ApiClient manager = fixture->clients.value(QStringLiteral("manager"));
        const auto caseId = [fixture](const char *letter) {
            return fixture->cases.value(QLatin1String(letter)).caseId;
        };

        // An oversight note and its first revision on team case A: stored, and fca1 sees them.
        const QString noteId = newId();
        const QString revisionId = newId();
        const HttpReply oversight = manager.push(QJsonArray{
            change(QStringLiteral("notes"), noteId, QStringLiteral("insert"),
                   noteFields(caseId("A"), QStringLiteral("management_oversight"),
                              QStringLiteral("manager")),
                   0),
            change(QStringLiteral("note_revisions"), revisionId, QStringLiteral("insert"),
                   revisionFields(noteId, 1, QStringLiteral("manager")), 0)});
        QVERIFY2(oversight.status == 200, oversight.describe().constData());
        for (const QJsonObject &result : pushResults(oversight))
            QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const PullResult fca1 = fixture->clients.value(QStringLiteral("fca1")).pullAll();
        QVERIFY(fca1.byId().contains(noteId));
        QVERIFY(fca1.byId().contains(revisionId));
        QCOMPARE(fca1.find(revisionId).value(QStringLiteral("case_id")).toString(), caseId("A"));
        QVERIFY(!fixture->clients.value(QStringLiteral("fca2")).pullAll().byId().contains(noteId));
        // A later revision of it, too.
        const HttpReply second =
            manager.push(change(QStringLiteral("note_revisions"), newId(), QStringLiteral("insert"),
                                revisionFields(noteId, 2, QStringLiteral("manager")), 0));
        QVERIFY2(second.status == 200, second.describe().constData());
        // On B, the other team member's case, as well.
        const HttpReply onB =
            manager.push(change(QStringLiteral("notes"), newId(), QStringLiteral("insert"),
                                noteFields(caseId("B"), QStringLiteral("management_oversight"),
                                           QStringLiteral("manager")),
                                0));
        QVERIFY2(onB.status == 200, onB.describe().constData());

        // Not an ordinary note, not a revision of an ordinary note, not on C or D.
        const HttpReply ordinary = manager.push(
            change(QStringLiteral("notes"), newId(), QStringLiteral("insert"),
                   noteFields(caseId("A"), QStringLiteral("visit"), QStringLiteral("manager")), 0));
        QVERIFY2(ordinary.status == 403, ordinary.describe().constData());
        QCOMPARE(ordinary.code(), QStringLiteral("forbidden"));

        const QString fcaNote = newId();
        const HttpReply byFca =
            fixture->clients.value(QStringLiteral("fca1"))
                .push(change(
                    QStringLiteral("notes"), fcaNote, QStringLiteral("insert"),
                    noteFields(caseId("A"), QStringLiteral("visit"), QStringLiteral("fca1")), 0));
        QVERIFY2(byFca.status == 200, byFca.describe().constData());
        const HttpReply revisesFcaNote =
            manager.push(change(QStringLiteral("note_revisions"), newId(), QStringLiteral("insert"),
                                revisionFields(fcaNote, 1, QStringLiteral("manager")), 0));
        QVERIFY2(revisesFcaNote.status == 403, revisesFcaNote.describe().constData());

        for (const char *letter : {"C", "D"}) {
            const QString otherNote = newId();
            const HttpReply refused = manager.push(QJsonArray{
                change(QStringLiteral("notes"), otherNote, QStringLiteral("insert"),
                       noteFields(caseId(letter), QStringLiteral("management_oversight"),
                                  QStringLiteral("manager")),
                       0),
                change(QStringLiteral("note_revisions"), newId(), QStringLiteral("insert"),
                       revisionFields(otherNote, 1, QStringLiteral("manager")), 0)});
            QVERIFY2(refused.status == 403, refused.describe().constData());
            QCOMPARE(refused.code(), QStringLiteral("forbidden"));
        }
        // The manager may go on with their own oversight note, but not turn it into another kind
        // of note, nor turn an FCA's note into an oversight note to change it.
        const HttpReply decided = manager.push(
            change(QStringLiteral("notes"), noteId, QStringLiteral("update"),
                   {{QStringLiteral("plan_decision"), QStringLiteral("Review in May")}}, 1));
        QVERIFY2(decided.status == 200, decided.describe().constData());
        QCOMPARE(pushResults(decided).value(0).value(QStringLiteral("status")).toString(),
                 QStringLiteral("applied"));
        const HttpReply rekind =
            manager.push(change(QStringLiteral("notes"), noteId, QStringLiteral("update"),
                                {{QStringLiteral("kind"), QStringLiteral("visit")}}, 2));
        QVERIFY2(rekind.status == 403, rekind.describe().constData());
        const HttpReply takeOver =
            manager.push(change(QStringLiteral("notes"), fcaNote, QStringLiteral("update"),
                                {{QStringLiteral("kind"), QStringLiteral("management_oversight")},
                                 {QStringLiteral("plan_decision"), QStringLiteral("Overruled")}},
                                1));
        QVERIFY2(takeOver.status == 403, takeOver.describe().constData());
        const PullResult seenBy1 = fixture->clients.value(QStringLiteral("fca1")).pullAll();
        QCOMPARE(seenBy1.find(noteId)
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("kind"))
                     .toString(),
                 QStringLiteral("management_oversight"));
        QCOMPARE(seenBy1.find(fcaNote)
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("kind"))
                     .toString(),
                 QStringLiteral("visit"));
        QCOMPARE(seenBy1.find(fcaNote).value(QStringLiteral("version")).toInteger(), 1);

        const PullResult fca3 = fixture->clients.value(QStringLiteral("fca3")).pullAll();
        QVERIFY(fca3.ofTable(QStringLiteral("notes")).isEmpty());
        QVERIFY(fca3.ofTable(QStringLiteral("note_revisions")).isEmpty());

        // The manager pulls what they added, and nothing outside the team.
        const PullResult own = manager.pullAll();
        verifyPullShows(*fixture, own, {QStringLiteral("A"), QStringLiteral("B")});
        QVERIFY(own.byId().contains(noteId));
    }

    // Last of the shared-fixture tests: it allocates D to look inside.
    void unallocatedCaseWasNeverChanged()
    {
        Fixture *fixture = shared();
        QVERIFY(fixture);
        const CommandResult allocated = fixture->server->run(
            {QStringLiteral("allocate"), fixture->cases.value(QStringLiteral("D")).number,
             QStringLiteral("fca3")});
        QVERIFY2(allocated.exitCode == 0, allocated.describe().constData());
        const PullResult pulled = fixture->clients.value(QStringLiteral("fca3")).pullAll();
        QVERIFY(pulled.ok);
        const QJsonObject child = pulled.find(fixture->cases.value(QStringLiteral("D")).childId);
        QCOMPARE(child.value(QStringLiteral("version")).toInteger(), 1);
        QCOMPARE(child.value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("school"))
                     .toString(),
                 QStringLiteral("First School"));
        QVERIFY(pulled.ofTable(QStringLiteral("notes")).isEmpty());
    }

    void allocationMovesWholeCases()
    {
        QFETCH_GLOBAL(QString, backend);
        std::shared_ptr<Fixture> fixture;
        build(backend, &fixture);
        if (!fixture)
            return;
        ServerProcess &server = *fixture->server;
        ApiClient &fca1 = fixture->clients[QStringLiteral("fca1")];
        ApiClient &fca2 = fixture->clients[QStringLiteral("fca2")];
        ApiClient &fca3 = fixture->clients[QStringLiteral("fca3")];
        ApiClient &manager = fixture->clients[QStringLiteral("manager")];
        const CaseIds a = fixture->cases.value(QStringLiteral("A"));
        const CaseIds d = fixture->cases.value(QStringLiteral("D"));

        PullResult start1 = fca1.pullAll();
        verifyPullShows(*fixture, start1, {QStringLiteral("A")});
        // A fresh laptop's first pull, in small pages, brings each record once: the case was
        // fca1's before the download began (its horizon), so it is not sent whole as well in
        // the page where its allocation falls. A laptop that holds records (one pulling again
        // from 0) gets every record too, some twice.
        QStringList startIds = start1.byId().keys();
        startIds.sort();
        for (const bool fromEmpty : {true, false}) {
            const PullResult fresh = fca1.pullAll(0, 2, 10000, fromEmpty);
            QVERIFY2(fresh.ok, fresh.failed.describe().constData());
            QStringList freshIds = fresh.byId().keys();
            freshIds.sort();
            QCOMPARE(freshIds, startIds);
            if (fromEmpty)
                QCOMPARE(fresh.records.size(), startIds.size());
            else
                QCOMPARE_GT(fresh.records.size(), startIds.size());
        }
        const PullResult start2 = fca2.pullAll();
        const PullResult start3 = fca3.pullAll();
        const PullResult startManager = manager.pullAll();
        QVERIFY(start2.ok && start3.ok && startManager.ok);

        // D allocated to fca1 arrives whole in the next pull, even in small pages.
        QCOMPARE(
            server.run({QStringLiteral("allocate"), d.number, QStringLiteral("fca1")}).exitCode, 0);
        const PullResult gotD = fca1.pullAll(start1.cursor, 2);
        QVERIFY2(gotD.ok, gotD.failed.describe().constData());
        for (const QString &id : d.all())
            QVERIFY2(gotD.byId().contains(id), "a record of the newly allocated case is missing");
        for (const QJsonObject &record : gotD.records)
            QCOMPARE(record.value(QStringLiteral("case_id")).toString(), d.caseId);
        QVERIFY(gotD.removedCases.isEmpty());
        QCOMPARE(gotD.find(d.caseId)
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("allocated_to"))
                     .toString(),
                 QStringLiteral("fca1"));
        // fca1 may now change it.
        const qint64 dChildVersion =
            gotD.find(d.childId).value(QStringLiteral("version")).toInteger();
        const HttpReply pushD = fca1.push(
            change(QStringLiteral("children"), d.childId, QStringLiteral("update"),
                   {{QStringLiteral("pronouns"), QStringLiteral("she/her")}}, dChildVersion));
        QVERIFY2(pushD.status == 200, pushD.describe().constData());
        // Nobody else got it.
        const PullResult others3 = fca3.pullAll(start3.cursor);
        QVERIFY(others3.ok);
        QVERIFY(!others3.caseIds().contains(d.caseId));
        QVERIFY(!others3.removedCases.contains(d.caseId));

        // Deallocated: the next pull says to remove it, and holds none of it.
        QCOMPARE(server.run({QStringLiteral("deallocate"), d.number}).exitCode, 0);
        const PullResult lostD = fca1.pullAll(gotD.cursor);
        QVERIFY2(lostD.ok, lostD.failed.describe().constData());
        QCOMPARE(lostD.removedCases, QStringList{d.caseId});
        QVERIFY(!lostD.caseIds().contains(d.caseId));
        const HttpReply lateD = fca1.push(
            change(QStringLiteral("children"), d.childId, QStringLiteral("update"),
                   {{QStringLiteral("pronouns"), QStringLiteral("they/them")}}, dChildVersion + 1));
        // What fca1 wrote before learning of it still comes in (nothing typed is lost), is
        // audited as late, and fca1 still does not see the case.
        QVERIFY2(lateD.status == 200, lateD.describe().constData());
        QCOMPARE(lateD.json.value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("applied"));
        const CommandResult lateAudit =
            server.run({QStringLiteral("audit"), QStringLiteral("--user"), QStringLiteral("fca1")});
        QVERIFY2(lateAudit.out.contains(QStringLiteral("after the case was deallocated")),
                 lateAudit.describe().constData());
        const PullResult afterLate = fca1.pullAll(lostD.cursor);
        QVERIFY(afterLate.ok);
        QVERIFY(!afterLate.caseIds().contains(d.caseId));
        // Someone who never held the case is still refused.
        const HttpReply neverHeld = fca3.push(
            change(QStringLiteral("children"), d.childId, QStringLiteral("update"),
                   {{QStringLiteral("pronouns"), QStringLiteral("he/him")}}, dChildVersion + 2));
        QVERIFY2(neverHeld.status == 403, neverHeld.describe().constData());
        // Deallocating an unallocated case is an error that changes nothing.
        const CommandResult again = server.run({QStringLiteral("deallocate"), d.number});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(!again.err.isEmpty(), again.describe().constData());

        // A reallocated from fca1 to fca2 (same team): it leaves fca1, arrives whole at fca2,
        // and the manager keeps it.
        QCOMPARE(
            server.run({QStringLiteral("allocate"), a.number, QStringLiteral("fca2")}).exitCode, 0);
        const PullResult lostA = fca1.pullAll(lostD.cursor);
        QVERIFY(lostA.ok);
        QCOMPARE(lostA.removedCases, QStringList{a.caseId});
        QVERIFY(lostA.records.isEmpty());
        const PullResult gotA = fca2.pullAll(start2.cursor);
        QVERIFY(gotA.ok);
        for (const QString &id : a.all())
            QVERIFY2(gotA.byId().contains(id), "a record of the reallocated case is missing");
        QVERIFY(gotA.byId().contains(d.caseId) == false);
        QCOMPARE(gotA.find(a.caseId)
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("allocated_to"))
                     .toString(),
                 QStringLiteral("fca2"));
        const PullResult managerAfter = manager.pullAll(startManager.cursor);
        QVERIFY(managerAfter.ok);
        QVERIFY(!managerAfter.removedCases.contains(a.caseId));
        const PullResult managerAll = manager.pullAll();
        verifyPullShows(*fixture, managerAll, {QStringLiteral("A"), QStringLiteral("B")});
        const qint64 aChildVersion =
            gotA.find(a.childId).value(QStringLiteral("version")).toInteger();
        // The old holder's late edit still comes in (within the grace after deallocation); the
        // new holder's edit of the same field from the same base is then a conflict to settle.
        const HttpReply oldHolder = fca1.push(change(
            QStringLiteral("children"), a.childId, QStringLiteral("update"),
            {{QStringLiteral("school"), QStringLiteral("Old holder's school")}}, aChildVersion));
        QVERIFY2(oldHolder.status == 200, oldHolder.describe().constData());
        const HttpReply newHolder = fca2.push(change(
            QStringLiteral("children"), a.childId, QStringLiteral("update"),
            {{QStringLiteral("school"), QStringLiteral("New holder's school")}}, aChildVersion));
        QVERIFY2(newHolder.status == 200, newHolder.describe().constData());
        QCOMPARE(newHolder.json.value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("conflict"));

        // A moved to fca3 in the south team: the north manager loses it.
        QCOMPARE(
            server.run({QStringLiteral("allocate"), a.number, QStringLiteral("fca3")}).exitCode, 0);
        const PullResult managerLost = manager.pullAll(managerAfter.cursor);
        QVERIFY(managerLost.ok);
        QVERIFY(managerLost.removedCases.contains(a.caseId));
        QVERIFY(!managerLost.caseIds().contains(a.caseId));
        const PullResult got3 = fca3.pullAll(others3.cursor);
        QVERIFY(got3.ok);
        // The case arrives whole, with the conflict still open beside the value that stands.
        const QJsonObject child = got3.find(a.childId);
        QCOMPARE(child.value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("school"))
                     .toString(),
                 QStringLiteral("Old holder's school"));
        bool conflictArrived = false;
        for (const QJsonObject &record : got3.records) {
            const QJsonObject fields = record.value(QStringLiteral("fields")).toObject();
            conflictArrived |=
                record.value(QStringLiteral("table")).toString() == QLatin1String("conflicts") &&
                fields.value(QStringLiteral("record_id")).toString() == a.childId;
        }
        QVERIFY(conflictArrived);
        const PullResult fca2Lost = fca2.pullAll(gotA.cursor);
        QVERIFY(fca2Lost.ok);
        QCOMPARE(fca2Lost.removedCases, QStringList{a.caseId});

        // An FCA's own new case is theirs at once, and their manager's.
        const QString newCase = newId();
        const QString newChild = newId();
        const HttpReply created = fca2.push(QJsonArray{
            change(QStringLiteral("cases"), newCase, QStringLiteral("insert"),
                   {{QStringLiteral("case_number"), QStringLiteral("ZC26C00050")},
                    {QStringLiteral("court"), QStringLiteral("Family Court at Testbury")},
                    {QStringLiteral("kind"), QStringLiteral("care_order")},
                    {QStringLiteral("issued_on"), QStringLiteral("2026-05-01")}},
                   0),
            change(QStringLiteral("children"), newChild, QStringLiteral("insert"),
                   {{QStringLiteral("case_id"), newCase},
                    {QStringLiteral("legal_name"), QStringLiteral("Test New Child")},
                    {QStringLiteral("date_of_birth"), QStringLiteral("2021-07-07")}},
                   0)});
        QVERIFY2(created.status == 200, created.describe().constData());
        QCOMPARE(pushResults(created).value(0).value(QStringLiteral("status")).toString(),
                 QStringLiteral("applied"));
        QCOMPARE(pushResults(created).value(1).value(QStringLiteral("status")).toString(),
                 QStringLiteral("applied"));
        // The audit trail has the push against the case.
        const CommandResult audit = server.run(
            {QStringLiteral("audit"), QStringLiteral("--case"), QStringLiteral("ZC26C00050")});
        QVERIFY2(audit.exitCode == 0, audit.describe().constData());
        QVERIFY2(audit.out.contains(QStringLiteral("\tfca2\t") + fca2.deviceId +
                                    QStringLiteral("\tpush\t") + newCase),
                 audit.describe().constData());
        QVERIFY2(!audit.out.contains(a.caseId), audit.describe().constData());
        const PullResult fca2New = fca2.pullAll(fca2Lost.cursor);
        QVERIFY(fca2New.byId().contains(newCase));
        QVERIFY(fca2New.byId().contains(newChild));
        QCOMPARE(fca2New.find(newCase)
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("allocated_to"))
                     .toString(),
                 QStringLiteral("fca2"));
        QVERIFY(manager.pullAll(managerLost.cursor).byId().contains(newCase));
        QVERIFY(!fca3.pullAll(got3.cursor).byId().contains(newCase));
        // The administrator can move it like any other.
        QCOMPARE(server
                     .run({QStringLiteral("allocate"), QStringLiteral("ZC26C00050"),
                           QStringLiteral("fca1")})
                     .exitCode,
                 0);
        QVERIFY(fca1.pullAll(lostA.cursor).byId().contains(newCase));
    }
};

QTEST_GUILESS_MAIN(TestServerAccess)
#include "tst_serveraccess.moc"
