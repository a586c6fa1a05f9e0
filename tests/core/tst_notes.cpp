// Case notes: drafts, finalising, amendments, immutability and full-text search.
#include "domain/Clock.h"
#include "notes/NoteRepository.h"
#include "notes/NoteSearch.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace lantern;

class TestNotes : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        StoreOptions options;
        options.actor = QStringLiteral("fca.one");
        auto store = Store::open(m_dir->filePath(QStringLiteral("notes.db")), m_clock, options);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store).value();
        m_caseId = addCase(QStringLiteral("ZZ26C00010"));
        m_childA = addChild(m_caseId, QStringLiteral("Amara Test"), QStringLiteral("Mara"));
        m_childB = addChild(m_caseId, QStringLiteral("Dylan Test"), {});
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void draftIsSavedAndReadBack()
    {
        NoteRepository notes(*m_store);
        auto note = notes.start(m_caseId, {m_childA}, NoteKind::Visit, contact());
        QVERIFY2(note, qPrintable(note ? QString() : note.error().message));
        QVERIFY(notes.saveDraft(note->meta.id, QStringLiteral("<p>Mara showed me her room</p>"),
                                QStringLiteral("Mara showed me her room"), 12));
        QVERIFY(notes.saveDraft(note->meta.id, QStringLiteral("<p>Mara showed me her room.</p>"),
                                QStringLiteral("Mara showed me her room."), 24));
        auto draft = notes.draft(note->meta.id);
        QVERIFY(draft && *draft);
        QCOMPARE(draft->value().bodyText, QStringLiteral("Mara showed me her room."));
        QCOMPARE(draft->value().cursor, 24);
        auto open = notes.openDrafts();
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        // Drafts are working copies: no revision, no outbox traffic for each keystroke.
        QCOMPARE(notes.revisions(note->meta.id)->size(), 0);
        QCOMPARE(count(QStringLiteral("outbox WHERE table_name = 'note_revisions'")), 0);
    }

    void finaliseLocksTheNote()
    {
        NoteRepository notes(*m_store);
        auto note = notes.start(m_caseId, {m_childA, m_childB}, NoteKind::Visit, contact());
        QVERIFY(note);
        QVERIFY(notes.saveDraft(note->meta.id, QStringLiteral("<p>Both children were at home.</p>"),
                                QStringLiteral("Both children were at home."), 0));
        auto revision = notes.finalise(note->meta.id);
        QVERIFY2(revision, qPrintable(revision ? QString() : revision.error().message));
        QCOMPARE(revision->number, 1);
        QCOMPARE(revision->author, QStringLiteral("fca.one"));
        QVERIFY(notes.get(note->meta.id)->isFinalised());
        QVERIFY(!notes.draft(note->meta.id)->has_value());

        // A direct attempt to change the finalised note or its revision fails with a reason.
        auto changed = m_store->update(Table::Notes, note->meta.id,
                                       {{QStringLiteral("kind"), QStringLiteral("other")}});
        QVERIFY(!changed);
        QCOMPARE(changed.error().code, ErrorCode::Immutable);
        QVERIFY(!changed.error().message.isEmpty());
        auto rewritten = m_store->update(Table::NoteRevisions, revision->meta.id,
                                         {{QStringLiteral("body_text"), QStringLiteral("x")}});
        QVERIFY(!rewritten);
        QCOMPARE(rewritten.error().code, ErrorCode::Immutable);
        auto deleted = m_store->softDelete(Table::Notes, note->meta.id);
        QVERIFY(!deleted);
        QCOMPARE(deleted.error().code, ErrorCode::Immutable);
        QCOMPARE(notes.revisions(note->meta.id)->constFirst().bodyText,
                 QStringLiteral("Both children were at home."));

        // Finalising twice is refused.
        auto again = notes.finalise(note->meta.id);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Immutable);
    }

    void emptyNoteCannotBeFinalised()
    {
        NoteRepository notes(*m_store);
        auto note = notes.start(m_caseId, {m_childA}, NoteKind::PhoneCall, contact());
        QVERIFY(note);
        QVERIFY(
            notes.saveDraft(note->meta.id, QStringLiteral("<p> </p>"), QStringLiteral("  "), 0));
        auto revision = notes.finalise(note->meta.id);
        QVERIFY(!revision);
        QCOMPARE(revision.error().field, QStringLiteral("body"));
        QVERIFY(!notes.get(note->meta.id)->isFinalised());
        // The draft is still there: nothing typed is lost by an error.
        QVERIFY(notes.draft(note->meta.id)->has_value());
    }

    void amendmentsAppendWithReason()
    {
        NoteRepository notes(*m_store);
        const QUuid id = finalisedNote(QStringLiteral("Contact went well."));
        QVERIFY(notes.saveDraft(id,
                                QStringLiteral("<p>Contact went well; Mara cried at the end.</p>"),
                                QStringLiteral("Contact went well; Mara cried at the end."), 0));
        auto noReason = notes.amend(id, QStringLiteral("   "));
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().field, QStringLiteral("reason"));
        m_clock.advanceSecs(3600);
        auto amended = notes.amend(id, QStringLiteral("Left out how the contact ended"));
        QVERIFY2(amended, qPrintable(amended ? QString() : amended.error().message));
        QCOMPARE(amended->number, 2);
        QCOMPARE(amended->reason, QStringLiteral("Left out how the contact ended"));
        auto history = notes.revisions(id);
        QVERIFY(history);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).bodyText, QStringLiteral("Contact went well."));
        QCOMPARE(history->at(1).bodyText,
                 QStringLiteral("Contact went well; Mara cried at the end."));
        QVERIFY(history->at(1).finalisedAt > history->at(0).finalisedAt);
    }

    void noteValidation()
    {
        NoteRepository notes(*m_store);
        auto future =
            notes.start(m_caseId, {m_childA}, NoteKind::Visit, m_clock.nowUtc().addDays(2));
        QVERIFY(!future);
        QCOMPARE(future.error().field, QStringLiteral("contact_at"));
        const QUuid otherCase = addCase(QStringLiteral("ZZ26C00011"));
        const QUuid stranger = addChild(otherCase, QStringLiteral("Other Child"), {});
        auto wrongChild = notes.start(m_caseId, {stranger}, NoteKind::Visit, contact());
        QVERIFY(!wrongChild);
        QCOMPARE(wrongChild.error().field, QStringLiteral("child_ids"));
        QCOMPARE(count(QStringLiteral("notes")), 0);
    }

    void searchFindsRanksAndHighlights()
    {
        finalisedNote(QStringLiteral("We talked about school. Mara likes drawing."));
        finalisedNote(QStringLiteral("Drawing drawing drawing: Mara drew her family and her dog."));
        finalisedNote(QStringLiteral("Telephone call with the social worker about contact."));
        NoteSearch search(*m_store);
        auto hits = search.search(QStringLiteral("drawing"));
        QVERIFY2(hits, qPrintable(hits ? QString() : hits.error().message));
        QCOMPARE(hits->size(), 2);
        // The note that is mostly about drawing ranks first.
        QVERIFY(hits->at(0).snippetHtml.contains(QStringLiteral("her dog")));
        QVERIFY(hits->at(0).snippetHtml.contains(QStringLiteral("<b>Drawing</b>")));
        QCOMPARE(hits->at(0).caseNumber, QStringLiteral("ZZ26C00010"));
        QCOMPARE(hits->at(0).childNames, QStringList{QStringLiteral("Mara")});
        // The word being typed matches as a prefix.
        QCOMPARE(search.search(QStringLiteral("telepho"))->size(), 1);
        // Filters.
        NoteSearchFilter onlyPhone;
        onlyPhone.kind = NoteKind::PhoneCall;
        QCOMPARE(search.search(QStringLiteral("drawing"), onlyPhone)->size(), 0);
        NoteSearchFilter byChild;
        byChild.childId = m_childB;
        QCOMPARE(search.search(QStringLiteral("drawing"), byChild)->size(), 0);
        byChild.childId = m_childA;
        QCOMPARE(search.search(QStringLiteral("drawing"), byChild)->size(), 2);
        NoteSearchFilter past;
        past.to = m_clock.today().addDays(-30);
        QCOMPARE(search.search(QStringLiteral("drawing"), past)->size(), 0);
    }

    void searchEscapesNoteText()
    {
        finalisedNote(QStringLiteral("Dad said <b>not</b> & left"));
        auto hits = NoteSearch(*m_store).search(QStringLiteral("left"));
        QVERIFY(hits);
        QCOMPARE(hits->size(), 1);
        QVERIFY(hits->at(0).snippetHtml.contains(QStringLiteral("&lt;b&gt;not&lt;/b&gt; &amp;")));
    }

    void hostileSearchStrings_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("expected");
        QTest::newRow("double quote") << QStringLiteral("\"") << 0;
        QTest::newRow("unbalanced quote") << QStringLiteral("\"dŵr") << 1;
        QTest::newRow("asterisk") << QStringLiteral("*") << 0;
        QTest::newRow("leading asterisk") << QStringLiteral("*ysgol") << 1;
        QTest::newRow("AND") << QStringLiteral("AND") << 0;
        QTest::newRow("OR between") << QStringLiteral("ysgol OR") << 0;
        QTest::newRow("NOT") << QStringLiteral("NOT ysgol") << 0;
        QTest::newRow("lone hyphen") << QStringLiteral("-") << 0;
        QTest::newRow("hyphenated") << QStringLiteral("after-school") << 1;
        QTest::newRow("column syntax") << QStringLiteral("body:ysgol") << 0;
        QTest::newRow("near") << QStringLiteral("NEAR(ysgol dŵr)") << 0;
        QTest::newRow("parentheses") << QStringLiteral("(((") << 0;
        QTest::newRow("caret") << QStringLiteral("^ysgol") << 1;
        QTest::newRow("emoji") << QStringLiteral("🙂") << 0;
        QTest::newRow("emoji and word") << QStringLiteral("🙂 ysgol") << 1;
        QTest::newRow("welsh w circumflex") << QStringLiteral("dŵr") << 1;
        QTest::newRow("welsh without accent") << QStringLiteral("dwr") << 1;
        QTest::newRow("welsh y circumflex") << QStringLiteral("tŷ") << 1;
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE notes; --") << 0;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("spaces") << QStringLiteral("   ") << 0;
        QTest::newRow("very long") << QString(5000, QLatin1Char('a')) << 0;
    }

    void hostileSearchStrings()
    {
        QFETCH(QString, typed);
        QFETCH(int, expected);
        finalisedNote(QStringLiteral("Cerddon ni i'r ysgol ar ôl cinio; roedd y tŷ yn dawel a "
                                     "roedd dŵr ar y bwrdd. Also after-school club."));
        auto hits = NoteSearch(*m_store).search(typed);
        QVERIFY2(hits, qPrintable(hits ? QString() : hits.error().message));
        QCOMPARE(int(hits->size()), expected);
        // The store is untouched and still searchable.
        QCOMPARE(NoteSearch(*m_store).search(QStringLiteral("ysgol"))->size(), 1);
    }

    void oneMegabyteNote()
    {
        QString text;
        while (text.size() < 1024 * 1024)
            text += QStringLiteral("The child spoke about the weekend at length. ");
        text += QStringLiteral("Finalword");
        const QUuid id = finalisedNote(text);
        auto revisions = NoteRepository(*m_store).revisions(id);
        QVERIFY(revisions);
        QCOMPARE(revisions->constFirst().bodyText, text);
        QCOMPARE(NoteSearch(*m_store).search(QStringLiteral("finalword"))->size(), 1);
    }

    void notesOfDeletedCaseAreNotFound()
    {
        finalisedNote(QStringLiteral("Visit at the contact centre."));
        QCOMPARE(NoteSearch(*m_store).search(QStringLiteral("contact centre"))->size(), 1);
        QVERIFY(CaseRepository(*m_store).remove(m_caseId));
        QCOMPARE(NoteSearch(*m_store).search(QStringLiteral("contact centre"))->size(), 0);
        // And no new note may be started on it.
        auto started =
            NoteRepository(*m_store).start(m_caseId, {m_childA}, NoteKind::Visit, contact());
        QVERIFY(!started);
        QCOMPARE(started.error().field, QStringLiteral("case_id"));
    }

    void oversightNeedsDecisionAndMovesReview()
    {
        NoteRepository notes(*m_store);
        auto note =
            notes.start(m_caseId, {m_childA, m_childB}, NoteKind::ManagementOversight, contact());
        QVERIFY(note);
        QVERIFY(notes.saveDraft(note->meta.id, QStringLiteral("Reviewed the plan."),
                                QStringLiteral("Reviewed the plan."), 0));
        auto refused = notes.finalise(note->meta.id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("plan_decision"));
        QVERIFY(
            notes.setPlanDecision(note->meta.id, QStringLiteral("Plan agreed: stay with Gran")));
        QVERIFY(notes.finalise(note->meta.id));
        QCOMPARE(CaseRepository(*m_store).get(m_caseId)->nextReviewOn,
                 m_clock.today().addDays(NoteRepository::kReviewIntervalDays));
        // The decision is part of the finalised record.
        auto changed = notes.setPlanDecision(note->meta.id, QStringLiteral("Something else"));
        QVERIFY(!changed);
        QCOMPARE(changed.error().code, ErrorCode::Immutable);
    }

    void discardedDraftNoteGoes()
    {
        NoteRepository notes(*m_store);
        auto note = notes.start(m_caseId, {m_childA}, NoteKind::Other, contact());
        QVERIFY(note);
        QVERIFY(notes.saveDraft(note->meta.id, QStringLiteral("x"), QStringLiteral("x"), 1));
        QVERIFY(notes.discardDraft(note->meta.id));
        QVERIFY(!notes.get(note->meta.id));
        QCOMPARE(notes.openDrafts()->size(), 0);
    }

private:
    QDateTime contact() const { return m_clock.nowUtc().addSecs(-2 * 3600); }

    QUuid addCase(const QString &number)
    {
        Case c;
        c.caseNumber = number;
        c.court = QStringLiteral("Family Court at Exampleton");
        c.issuedOn = m_clock.today().addDays(-100);
        auto added = CaseRepository(*m_store).add(c);
        return added ? added->meta.id : QUuid();
    }

    QUuid addChild(const QUuid &caseId, const QString &legal, const QString &preferred)
    {
        Child child;
        child.caseId = caseId;
        child.legalName = legal;
        child.preferredName = preferred;
        child.dateOfBirth = QDate(2017, 5, 4);
        auto added = ChildRepository(*m_store).add(child);
        return added ? added->meta.id : QUuid();
    }

    QUuid finalisedNote(const QString &text)
    {
        NoteRepository notes(*m_store);
        auto note = notes.start(m_caseId, {m_childA}, NoteKind::Visit, contact());
        if (!note)
            return {};
        if (!notes.saveDraft(note->meta.id, text.toHtmlEscaped(), text, 0))
            return {};
        if (!notes.finalise(note->meta.id))
            return {};
        return note->meta.id;
    }

    int count(const QString &fromWhere)
    {
        QSqlQuery query(m_store->database());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + fromWhere) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(15, 0), Qt::UTC)};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QUuid m_caseId;
    QUuid m_childA;
    QUuid m_childB;
};

QTEST_MAIN(TestNotes)
#include "tst_notes.moc"
