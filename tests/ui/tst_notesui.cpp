// The notes screens: writing, finalising and amending in the editor, closing with unsaved
// text, and finding a note from the search dialog.
#include "dialogs/SearchDialog.h"
#include "domain/Clock.h"
#include "notes/NoteRepository.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreWorker.h"
#include "widgets/NoteEditor.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTimer>
#include <QtTest>

using namespace lantern;

class TestNotesUi : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        StoreOptions options;
        options.actor = QStringLiteral("fca.two");
        auto store = Store::open(m_dir->filePath(QStringLiteral("ui.db")), m_clock, options);
        QVERIFY(store);
        m_store = std::move(store).value();
        m_worker = std::make_unique<StoreWorker>(*m_store);
        Case c;
        c.caseNumber = QStringLiteral("ZZ26P00042");
        c.court = QStringLiteral("Family Court at Exampleton");
        c.kind = ProceedingsKind::ChildArrangements;
        c.issuedOn = m_clock.today().addDays(-70);
        auto added = CaseRepository(*m_store).add(c);
        QVERIFY(added);
        m_caseId = added->meta.id;
        Child child;
        child.caseId = m_caseId;
        child.legalName = QStringLiteral("Rhys Test");
        child.dateOfBirth = QDate(2014, 8, 1);
        auto kid = ChildRepository(*m_store).add(child);
        QVERIFY(kid);
        m_childId = kid->meta.id;
    }

    void cleanup()
    {
        m_worker.reset();
        m_store.reset();
        m_dir.reset();
    }

    void finaliseThenAmendWithReason()
    {
        const QUuid noteId = startNote();
        NoteEditor editor(*m_store, *m_worker, noteId);
        editor.show();
        QVERIFY(!editor.isLocked());
        editor.textEdit()->setFocus();
        QTest::keyClicks(editor.textEdit(), QStringLiteral("Rhys said he likes living with Gran."));
        acceptNextMessageBox();
        QTest::mouseClick(editor.finaliseButton(), Qt::LeftButton);
        QVERIFY(editor.isLocked());
        QVERIFY(editor.amendButton()->isVisible());
        QVERIFY(NoteRepository(*m_store).get(noteId)->isFinalised());

        // Typing into a locked note changes nothing.
        QTest::keyClicks(editor.textEdit(), QStringLiteral("extra"));
        QCOMPARE(editor.textEdit()->toPlainText(),
                 QStringLiteral("Rhys said he likes living with Gran."));

        QTest::mouseClick(editor.amendButton(), Qt::LeftButton);
        QVERIFY(!editor.isLocked());
        editor.textEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor.textEdit(), QStringLiteral(" He asked to see his dad more."));
        // No reason: refused, and the text is kept.
        QTest::mouseClick(editor.finaliseButton(), Qt::LeftButton);
        QVERIFY(!editor.isLocked());
        QVERIFY(editor.statusLabel()->text().contains(QStringLiteral("why")) ||
                editor.statusLabel()->text().contains(QStringLiteral("reason")));
        QCOMPARE(NoteRepository(*m_store).revisions(noteId)->size(), 1);
        QTest::keyClicks(editor.reasonEdit(), QStringLiteral("Added what Rhys asked"));
        QTest::mouseClick(editor.finaliseButton(), Qt::LeftButton);
        QVERIFY(editor.isLocked());
        auto revisions = NoteRepository(*m_store).revisions(noteId);
        QCOMPARE(revisions->size(), 2);
        QCOMPARE(
            revisions->at(1).bodyText,
            QStringLiteral("Rhys said he likes living with Gran. He asked to see his dad more."));
        QCOMPARE(revisions->at(1).reason, QStringLiteral("Added what Rhys asked"));
        QCOMPARE(revisions->at(1).author, QStringLiteral("fca.two"));
    }

    void oversightAsksForThePlanDecision()
    {
        auto note = NoteRepository(*m_store).start(
            m_caseId, {m_childId}, NoteKind::ManagementOversight, m_clock.nowUtc().addSecs(-600));
        QVERIFY(note);
        NoteEditor editor(*m_store, *m_worker, note->meta.id);
        editor.show();
        QApplication::setActiveWindow(&editor);
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QVERIFY(editor.decisionEdit()->isVisible());
        QTest::keyClicks(editor.textEdit(), QStringLiteral("Supervision with the FCA."));
        acceptNextMessageBox();
        QTest::mouseClick(editor.finaliseButton(), Qt::LeftButton);
        QVERIFY(!editor.isLocked());
        QVERIFY(editor.statusLabel()->text().contains(QStringLiteral("decision")));
        // Focus moves to the missing field (checked via focusWidget: offscreen windows are not
        // always active when tests run in parallel).
        QCOMPARE(editor.focusWidget(), static_cast<QWidget *>(editor.decisionEdit()));
        QTest::keyClicks(editor.decisionEdit(), QStringLiteral("Plan endorsed"));
        acceptNextMessageBox();
        QTest::mouseClick(editor.finaliseButton(), Qt::LeftButton);
        QVERIFY(editor.isLocked());
        QCOMPARE(NoteRepository(*m_store).get(note->meta.id)->planDecision,
                 QStringLiteral("Plan endorsed"));
        QCOMPARE(CaseRepository(*m_store).get(m_caseId)->nextReviewOn,
                 m_clock.today().addDays(NoteRepository::kReviewIntervalDays));
    }

    void closingWithUnsavedTextKeepsIt()
    {
        const QUuid noteId = startNote();
        {
            NoteEditor editor(*m_store, *m_worker, noteId);
            editor.show();
            editor.textEdit()->setFocus();
            QTest::keyClicks(editor.textEdit(), QStringLiteral("Typed and closed at once"));
            QVERIFY(editor.hasUnsavedChanges());
        } // closed before the autosave timer fired
        auto draft = NoteRepository(*m_store).draft(noteId);
        QVERIFY(draft && *draft);
        QCOMPARE(draft->value().bodyText, QStringLiteral("Typed and closed at once"));
    }

    void autosaveRunsWithoutAction()
    {
        const QUuid noteId = startNote();
        NoteEditor editor(*m_store, *m_worker, noteId);
        editor.show();
        QSignalSpy saved(&editor, &NoteEditor::draftSaved);
        QTest::keyClicks(editor.textEdit(), QStringLiteral("Saved while I think"));
        QVERIFY(saved.wait(5000));
        auto draft = NoteRepository(*m_store).draft(noteId);
        QVERIFY(draft && *draft);
        QCOMPARE(draft->value().bodyText, QStringLiteral("Saved while I think"));
        QVERIFY(!editor.hasUnsavedChanges());
    }

    void searchFindsAndOpensANote()
    {
        const QUuid first = finalisedNote(QStringLiteral("Rhys showed me his football medals."));
        finalisedNote(QStringLiteral("Met Gran at the school gate."));
        SearchDialog dialog(*m_store, *m_worker);
        dialog.show();
        QSignalSpy shown(&dialog, &SearchDialog::resultsShown);
        QSignalSpy chosen(&dialog, &SearchDialog::noteChosen);
        QTest::keyClicks(dialog.queryEdit(), QStringLiteral("medal"));
        QTRY_COMPARE(dialog.results()->count(), 1);
        QVERIFY(dialog.results()->item(0)->text().contains(QStringLiteral("<b>medals</b>")));
        QVERIFY(dialog.results()->item(0)->text().contains(QStringLiteral("ZZ26P00042")));
        QTest::keyClick(dialog.queryEdit(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toUuid(), m_caseId);
        QCOMPARE(chosen.at(0).at(1).toUuid(), first);
    }

    void hostileTypingShowsNoError()
    {
        finalisedNote(QStringLiteral("Plain words."));
        SearchDialog dialog(*m_store, *m_worker);
        dialog.show();
        QSignalSpy shown(&dialog, &SearchDialog::resultsShown);
        // Pasted, as keyClicks cannot type an emoji.
        dialog.queryEdit()->setText(QStringLiteral("\"AND -* (🙂 ŵ"));
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(dialog.results()->count(), 0);
    }

private:
    QUuid startNote()
    {
        auto note = NoteRepository(*m_store).start(m_caseId, {m_childId}, NoteKind::Visit,
                                                   m_clock.nowUtc().addSecs(-1800));
        return note ? note->meta.id : QUuid();
    }

    QUuid finalisedNote(const QString &text)
    {
        const QUuid id = startNote();
        NoteRepository notes(*m_store);
        if (!notes.saveDraft(id, text.toHtmlEscaped(), text, 0) || !notes.finalise(id))
            return {};
        return id;
    }

    static void acceptNextMessageBox()
    {
        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
    }

    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(16, 0), Qt::UTC)};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreWorker> m_worker;
    QUuid m_caseId;
    QUuid m_childId;
};

QTEST_MAIN(TestNotesUi)
#include "tst_notesui.moc"
