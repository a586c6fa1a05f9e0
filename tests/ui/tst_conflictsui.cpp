// The conflicts view: each conflict side by side, and the choices its kind allows. Conflicts are
// written into the store the way sync writes them (SyncJournal::applyPage), on a demo caseload.
// Set LANTERN_SCREENSHOTS=DIR to keep a picture of each screen.
#include "demo/DemoGenerator.h"
#include "dialogs/ConflictsDialog.h"
#include "domain/Clock.h"
#include "notes/NoteRepository.h"
#include "store/RecordMapping.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"
#include "store/SyncJournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

#include "ScreenshotSupport.h"

using namespace lantern;
using namespace lantern::storeValue;

namespace {

const auto kOtherFca = QStringLiteral("fca.two");

// A value as a conflict record holds it: compact JSON text.
QVariant jsonText(const QJsonValue &value)
{
    if (value.isNull())
        return QVariant();
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString timeText(const QDateTime &time)
{
    return fromTime(time).toString();
}

QStringList visibleButtons(const ConflictsDialog &dialog)
{
    QStringList names;
    for (QPushButton *button :
         {dialog.keepServerButton(), dialog.keepMineButton(), dialog.mergeButton(),
          dialog.leaveDeletedButton(), dialog.restoreButton(), dialog.keepBothButton()})
        if (button->isVisible())
            names.append(button->objectName());
    return names;
}

bool listHas(const ConflictsDialog &dialog, const QString &conflictId)
{
    for (int row = 0; row < dialog.conflictList()->count(); ++row)
        if (dialog.conflictList()->item(row)->data(Qt::UserRole).toString() == conflictId)
            return true;
    return false;
}

void select(ConflictsDialog &dialog, const QString &conflictId)
{
    for (int row = 0; row < dialog.conflictList()->count(); ++row) {
        if (dialog.conflictList()->item(row)->data(Qt::UserRole).toString() == conflictId) {
            dialog.conflictList()->setCurrentRow(row);
            return;
        }
    }
    QFAIL("conflict not in the list");
}

QString labelTexts(const QWidget &root)
{
    QStringList texts;
    for (const QLabel *label : root.findChildren<QLabel *>())
        if (label->isVisible())
            texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestConflictsUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        StoreOptions options;
        options.actor = QStringLiteral("fca.one");
        auto store = Store::open(m_dir->filePath(QStringLiteral("conflicts.db")), m_clock, options);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store).value();
        DemoOptions demo;
        demo.cases = 2;
        demo.notesPerChild = 1;
        demo.visits = false;
        demo.letters = false;
        auto made = DemoGenerator::generate(*m_store, demo);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        makeConflicts();
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void listShowsEveryOpenConflict()
    {
        ConflictsDialog dialog(*m_store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.conflictList()->count(), 5);
        QVERIFY(!dialog.emptyLabel()->isVisible());
        // Oldest first: each names its case, its record, what clashed, and who sent it.
        const QString first =
            dialog.conflictList()->item(0)->data(Qt::AccessibleTextRole).toString();
        QVERIFY2(first.contains(m_caseNumber), qPrintable(first));
        QVERIFY2(first.contains(m_childName), qPrintable(first));
        QVERIFY2(first.contains(QStringLiteral("School")), qPrintable(first));
        QVERIFY2(first.contains(kOtherFca), qPrintable(first));
        QVERIFY2(first.contains(QStringLiteral("20 Nov 2026")), qPrintable(first));
        const QString deleted =
            dialog.conflictList()->item(3)->data(Qt::AccessibleTextRole).toString();
        QVERIFY2(deleted.contains(QStringLiteral("Deleted on the server")), qPrintable(deleted));
        const QString note =
            dialog.conflictList()->item(4)->data(Qt::AccessibleTextRole).toString();
        QVERIFY2(note.contains(QStringLiteral("Two versions of one note")), qPrintable(note));
        // The first is shown straight away.
        QCOMPARE(dialog.conflictList()->currentRow(), 0);
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("conflicts-field")));
        QVERIFY(dialog.width() <= 1440 && dialog.height() <= 900);
    }

    void selectingShowsTheThreeValues()
    {
        ConflictsDialog dialog(*m_store);
        dialog.show();
        select(dialog, m_livesWithConflict);
        QCOMPARE(dialog.beforePane()->toPlainText(), QStringLiteral("Mum"));
        QCOMPARE(dialog.serverPane()->toPlainText(), QStringLiteral("Mum and Nan"));
        QCOMPARE(dialog.minePane()->toPlainText(), QStringLiteral("Mum, and Dad at weekends"));
        QVERIFY(dialog.beforePane()->isVisible());
        const QString labels = labelTexts(dialog);
        for (const QString &caption :
             {QStringLiteral("Before"), QStringLiteral("Kept on the server"),
              QStringLiteral("Sent by fca.two"), QStringLiteral("Lives with")})
            QVERIFY2(labels.contains(caption), qPrintable(caption));
        QCOMPARE(visibleButtons(dialog),
                 (QStringList{QStringLiteral("keepServer"), QStringLiteral("keepMine"),
                              QStringLiteral("merge")}));
        QCOMPARE(dialog.keepMineButton()->text(), QStringLiteral("Keep fca.two's"));
        QVERIFY(dialog.keepServerButton()->text().remove(QLatin1Char('&')) ==
                QStringLiteral("Keep the server's"));

        // Moving to another conflict shows its values, not the last one's.
        select(dialog, m_schoolConflict);
        QCOMPARE(dialog.beforePane()->toPlainText(), QStringLiteral("Exampleton Primary"));
        QCOMPARE(dialog.serverPane()->toPlainText(), m_childSchool);
        QCOMPARE(dialog.minePane()->toPlainText(), QStringLiteral("Ysgol y Castell"));
    }

    void keepMineChangesTheChildsSchool()
    {
        ConflictsDialog dialog(*m_store);
        dialog.show();
        QSignalSpy settled(&dialog, &ConflictsDialog::settled);
        select(dialog, m_schoolConflict);
        QTest::mouseClick(dialog.keepMineButton(), Qt::LeftButton);
        QVERIFY2(!dialog.problemLabel()->isVisible(), qPrintable(dialog.problemLabel()->text()));
        QCOMPARE(settled.size(), 1);
        QCOMPARE(ChildRepository(*m_store).get(m_childId)->school,
                 QStringLiteral("Ysgol y Castell"));
        QCOMPARE(dialog.conflictList()->count(), 4);
        QVERIFY(!listHas(dialog, m_schoolConflict));
        QCOMPARE(*SyncJournal(*m_store).openConflictCount(), 4);
        // The next one is shown, ready to settle.
        QCOMPARE(dialog.conflictList()->currentRow(), 0);
        QCOMPARE(dialog.minePane()->toPlainText(), QStringLiteral("Mum, and Dad at weekends"));
    }

    void keepServerLeavesTheChildsSchool()
    {
        ConflictsDialog dialog(*m_store);
        dialog.show();
        QSignalSpy settled(&dialog, &ConflictsDialog::settled);
        select(dialog, m_schoolConflict);
        QTest::mouseClick(dialog.keepServerButton(), Qt::LeftButton);
        QCOMPARE(settled.size(), 1);
        QCOMPARE(ChildRepository(*m_store).get(m_childId)->school, m_childSchool);
        QVERIFY(!listHas(dialog, m_schoolConflict));
    }

    void mergeWritesWhatTheFcaWrote()
    {
        ConflictsDialog dialog(*m_store);
        dialog.resize(1180, 680);
        dialog.show();
        QSignalSpy settled(&dialog, &ConflictsDialog::settled);
        select(dialog, m_livesWithConflict);
        QVERIFY(!dialog.mergeEditor()->isVisible());
        QTest::mouseClick(dialog.mergeButton(), Qt::LeftButton);
        QVERIFY(dialog.mergeEditor()->isVisible());
        // Both values are there to start from.
        QVERIFY(dialog.mergeEditor()->toPlainText().contains(QStringLiteral("Mum and Nan")));
        QVERIFY(dialog.mergeEditor()->toPlainText().contains(
            QStringLiteral("Mum, and Dad at weekends")));
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("conflicts-merge")));

        dialog.mergeEditor()->selectAll();
        QTest::keyClicks(dialog.mergeEditor(), QStringLiteral("Mum and Nan; Dad at weekends"));
        QTest::mouseClick(dialog.saveMergeButton(), Qt::LeftButton);
        QVERIFY2(!dialog.problemLabel()->isVisible(), qPrintable(dialog.problemLabel()->text()));
        QCOMPARE(settled.size(), 1);
        QCOMPARE(ChildRepository(*m_store).get(m_childId)->livesWith,
                 QStringLiteral("Mum and Nan; Dad at weekends"));
        QVERIFY(!listHas(dialog, m_livesWithConflict));
        QVERIFY(!dialog.mergeEditor()->isVisible());
    }

    void refusedMergeKeepsWhatWasTyped()
    {
        ConflictsDialog dialog(*m_store);
        dialog.show();
        QSignalSpy settled(&dialog, &ConflictsDialog::settled);
        select(dialog, m_birthConflict);
        QTest::mouseClick(dialog.mergeButton(), Qt::LeftButton);
        dialog.mergeEditor()->selectAll();
        const QString typed = QStringLiteral("the 3rd of April");
        QTest::keyClicks(dialog.mergeEditor(), typed);
        QTest::mouseClick(dialog.saveMergeButton(), Qt::LeftButton);

        // Core refused it: the reason is shown, the words stay, nothing is settled.
        QVERIFY(dialog.problemLabel()->isVisible());
        QVERIFY(!dialog.problemLabel()->text().isEmpty());
        QCOMPARE(dialog.mergeEditor()->toPlainText(), typed);
        QVERIFY(dialog.mergeEditor()->isVisible());
        QCOMPARE(settled.size(), 0);
        QVERIFY(listHas(dialog, m_birthConflict));
        QCOMPARE(ChildRepository(*m_store).get(m_childId)->dateOfBirth, m_childBorn);
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("conflicts-merge-problem")));

        // Looking at another conflict, or reloading, and coming back keeps the merge as it was.
        select(dialog, m_schoolConflict);
        QVERIFY(!dialog.mergeEditor()->isVisible());
        QVERIFY(!dialog.problemLabel()->isVisible());
        dialog.reload();
        select(dialog, m_birthConflict);
        QVERIFY(dialog.mergeEditor()->isVisible());
        QCOMPARE(dialog.mergeEditor()->toPlainText(), typed);

        // Cancelling the merge brings back the three choices.
        QTest::mouseClick(dialog.cancelMergeButton(), Qt::LeftButton);
        QVERIFY(!dialog.mergeEditor()->isVisible());
        QVERIFY(dialog.mergeButton()->isVisible());
    }

    void deletedRecordOffersItsTwoChoices()
    {
        ConflictsDialog dialog(*m_store);
        dialog.show();
        select(dialog, m_deletedConflict);
        QCOMPARE(visibleButtons(dialog),
                 (QStringList{QStringLiteral("leaveDeleted"), QStringLiteral("restore")}));
        QVERIFY(labelTexts(dialog).contains(
            QStringLiteral("Deleted on the server, changed on a laptop")));
        QVERIFY(dialog.minePane()->toPlainText().contains(QStringLiteral("07700 900123")));
        QVERIFY(!dialog.mergeButton()->isVisible());
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("conflicts-deleted")));

        // Restoring brings the edited adult back as a new record, with the change.
        QSignalSpy settled(&dialog, &ConflictsDialog::settled);
        QTest::mouseClick(dialog.restoreButton(), Qt::LeftButton);
        QVERIFY2(!dialog.problemLabel()->isVisible(), qPrintable(dialog.problemLabel()->text()));
        QCOMPARE(settled.size(), 1);
        QVERIFY(!listHas(dialog, m_deletedConflict));
        const auto adults = AdultRepository(*m_store).forCase(m_caseId);
        QVERIFY(adults);
        const auto restored =
            std::find_if(adults->cbegin(), adults->cend(),
                         [&](const Adult &adult) { return adult.name == m_adultName; });
        QVERIFY(restored != adults->cend());
        QVERIFY(restored->meta.id != m_adultId);
        QCOMPARE(restored->phone, QStringLiteral("07700 900123"));
    }

    void leaveItDeletedKeepsItDeleted()
    {
        ConflictsDialog dialog(*m_store);
        dialog.show();
        select(dialog, m_deletedConflict);
        QTest::mouseClick(dialog.leaveDeletedButton(), Qt::LeftButton);
        QVERIFY(!listHas(dialog, m_deletedConflict));
        const auto adults = AdultRepository(*m_store).forCase(m_caseId);
        QVERIFY(adults);
        QVERIFY(std::none_of(adults->cbegin(), adults->cend(),
                             [&](const Adult &adult) { return adult.name == m_adultName; }));
    }

    void noteRevisionsAreBothKept()
    {
        ConflictsDialog dialog(*m_store);
        dialog.show();
        select(dialog, m_noteConflict);
        QCOMPARE(visibleButtons(dialog), QStringList{QStringLiteral("keepBoth")});
        QVERIFY(labelTexts(dialog).contains(
            QStringLiteral("Both versions are kept in the note's history.")));
        QVERIFY(labelTexts(dialog).contains(QStringLiteral("Two versions of one note")));
        // Both bodies side by side; there is no "before" to show.
        QCOMPARE(dialog.serverPane()->toPlainText(), m_serverBody);
        QCOMPARE(dialog.minePane()->toPlainText(), m_mineBody);
        QVERIFY(!dialog.beforePane()->isVisible());
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("conflicts-note")));

        const int revisionsBefore = int(NoteRepository(*m_store).revisions(m_noteId)->size());
        QTest::mouseClick(dialog.keepBothButton(), Qt::LeftButton);
        QVERIFY2(!dialog.problemLabel()->isVisible(), qPrintable(dialog.problemLabel()->text()));
        QVERIFY(!listHas(dialog, m_noteConflict));
        QCOMPARE(int(NoteRepository(*m_store).revisions(m_noteId)->size()), revisionsBefore);
    }

    void settlingEverythingLeavesACalmLine()
    {
        ConflictsDialog dialog(*m_store);
        dialog.show();
        QSignalSpy settled(&dialog, &ConflictsDialog::settled);
        while (dialog.conflictList()->count() > 0) {
            const int before = dialog.conflictList()->count();
            for (QPushButton *button : {dialog.keepServerButton(), dialog.leaveDeletedButton(),
                                        dialog.keepBothButton()}) {
                if (button->isVisible()) {
                    QTest::mouseClick(button, Qt::LeftButton);
                    break;
                }
            }
            QVERIFY2(dialog.conflictList()->count() == before - 1,
                     qPrintable(dialog.problemLabel()->text()));
        }
        QCOMPARE(settled.size(), 5);
        QVERIFY(dialog.emptyLabel()->isVisible());
        QCOMPARE(dialog.emptyLabel()->text(), QStringLiteral("No conflicts to settle."));
        QCOMPARE(*SyncJournal(*m_store).openConflictCount(), 0);
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("conflicts-empty")));
        dialog.reload();
        QVERIFY(dialog.emptyLabel()->isVisible());
    }

private:
    PulledRow conflictRow(const QString &table, const QUuid &recordId, const QString &field,
                          const QJsonValue &base, const QJsonValue &server,
                          const QJsonValue &client, QString &conflictId)
    {
        m_raisedAt = m_raisedAt.addSecs(600);
        const QUuid id = QUuid::createUuid();
        conflictId = idText(id);
        PulledRow row;
        row.table = Table::Conflicts;
        row.id = conflictId;
        row.version = 1;
        row.createdAt = timeText(m_raisedAt);
        row.updatedAt = row.createdAt;
        row.fields = {
            {QStringLiteral("case_id"), idText(m_caseId)},
            {QStringLiteral("table_name"), table},
            {QStringLiteral("record_id"), idText(recordId)},
            {QStringLiteral("field"), field},
            {QStringLiteral("base_value"), jsonText(base)},
            {QStringLiteral("server_value"), jsonText(server)},
            {QStringLiteral("client_value"), jsonText(client)},
            {QStringLiteral("raised_by"), kOtherFca},
            {QStringLiteral("resolved_at"), QVariant()},
            {QStringLiteral("resolution"), QString()},
            {QStringLiteral("resolved_by"), QString()},
        };
        return row;
    }

    void makeConflicts()
    {
        // A child at school, so the school conflict has three real values.
        const auto cases = CaseRepository(*m_store).open();
        QVERIFY(cases && !cases->isEmpty());
        std::optional<Child> atSchool;
        for (const Case &c : *cases) {
            const auto children = ChildRepository(*m_store).forCase(c.meta.id);
            QVERIFY(children);
            for (const Child &child : *children) {
                if (!atSchool && !child.school.isEmpty()) {
                    atSchool = child;
                    m_caseId = c.meta.id;
                    m_caseNumber = c.caseNumber;
                }
            }
        }
        QVERIFY(atSchool);
        const Child &child = *atSchool;
        m_childId = child.meta.id;
        m_childName = child.nameToUse();
        m_childSchool = child.school;
        m_childBorn = child.dateOfBirth;
        const auto adults = AdultRepository(*m_store).forCase(m_caseId);
        QVERIFY(adults && !adults->isEmpty());
        const Adult &adult = adults->constFirst();
        m_adultId = adult.meta.id;
        m_adultName = adult.name;
        const auto notes = NoteRepository(*m_store).forCase(m_caseId);
        QVERIFY(notes && !notes->isEmpty());
        m_noteId = notes->constFirst().meta.id;
        const auto revisions = NoteRepository(*m_store).revisions(m_noteId);
        QVERIFY(revisions && !revisions->isEmpty());

        const QDateTime now = m_clock.nowUtc();
        m_raisedAt = QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);
        QList<PulledRow> rows;

        // The adult was deleted on the server (a tombstone comes down).
        PulledRow tombstone;
        tombstone.table = Table::Adults;
        tombstone.id = idText(m_adultId);
        tombstone.version = adult.meta.version + 1;
        tombstone.createdAt = timeText(adult.meta.createdAt);
        tombstone.updatedAt = timeText(now.addDays(-3));
        tombstone.deletedAt = tombstone.updatedAt;
        tombstone.fields = RecordMapping<Adult>::toFields(adult);
        rows.append(tombstone);

        // Two amendments of one note, made from the same version on two laptops.
        const int number = revisions->constLast().number + 1;
        const auto revision = [&](const QString &body, const QString &author) {
            NoteRevision made;
            made.meta.id = QUuid::createUuid();
            made.noteId = m_noteId;
            made.number = number;
            made.bodyText = body;
            made.bodyHtml = QStringLiteral("<p>%1</p>").arg(body.toHtmlEscaped());
            made.author = author;
            made.reason = QStringLiteral("Added what was said at the end of the visit");
            made.finalisedAt = now.addDays(-2);
            PulledRow row;
            row.table = Table::NoteRevisions;
            row.id = idText(made.meta.id);
            row.version = 1;
            row.createdAt = timeText(now.addDays(-2));
            row.updatedAt = row.createdAt;
            row.fields = RecordMapping<NoteRevision>::toFields(made);
            rows.append(row);
            return made.meta.id;
        };
        // Notes are long: both bodies share most of their words.
        const QString opening = QStringLiteral(
            "Met at school with the head teacher present, in the quiet room off the library. "
            "Explained who I am and that I write to the judge about what matters to them; they "
            "said they remembered my letter and had kept the picture of Biscuit.\n\n"
            "Talked about the new class first. Said the new class is kind and that ");
        const QString closing = QStringLiteral(
            " Asked about home. Wants to keep living with Mum and to see Dad, but not overnight "
            "yet. Worried that Dad gets cross when the football is on.\n\n"
            "Agreed I would come back after half term and that they can ring me through Mrs "
            "Patel at school if they want to add anything.");
        m_serverBody = opening + QStringLiteral("Nan walks them home on Tuesdays.") + closing;
        m_mineBody = opening + QStringLiteral("they miss Dad at weekends.") + closing;
        const QUuid serverRevision = revision(m_serverBody, QStringLiteral("fca.one"));
        const QUuid mineRevision = revision(m_mineBody, kOtherFca);

        rows.append(conflictRow(QStringLiteral("children"), m_childId, QStringLiteral("school"),
                                QStringLiteral("Exampleton Primary"),
                                m_childSchool.isEmpty() ? QJsonValue() : QJsonValue(m_childSchool),
                                QStringLiteral("Ysgol y Castell"), m_schoolConflict));
        rows.append(conflictRow(QStringLiteral("children"), m_childId, QStringLiteral("lives_with"),
                                QStringLiteral("Mum"), QStringLiteral("Mum and Nan"),
                                QStringLiteral("Mum, and Dad at weekends"), m_livesWithConflict));
        rows.append(conflictRow(
            QStringLiteral("children"), m_childId, QStringLiteral("date_of_birth"),
            fromDate(m_childBorn.addDays(-1)).toString(), fromDate(m_childBorn).toString(),
            fromDate(m_childBorn.addDays(10)).toString(), m_birthConflict));
        rows.append(
            conflictRow(QStringLiteral("adults"), m_adultId, QStringLiteral("deleted_at"),
                        QJsonValue(), tombstone.deletedAt,
                        QJsonObject{{QStringLiteral("phone"), QStringLiteral("07700 900123")}},
                        m_deletedConflict));
        rows.append(conflictRow(QStringLiteral("note_revisions"), mineRevision,
                                QStringLiteral("number"), QJsonValue(), idText(serverRevision),
                                idText(mineRevision), m_noteConflict));

        auto applied = SyncJournal(*m_store).applyPage(rows, {}, {1, 0});
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QCOMPARE(*SyncJournal(*m_store).openConflictCount(), 5);
        QVERIFY(!AdultRepository(*m_store).get(m_adultId)); // deleted now
    }

    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC)};
    QDateTime m_raisedAt;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QUuid m_caseId;
    QString m_caseNumber;
    QUuid m_childId;
    QString m_childName;
    QString m_childSchool;
    QDate m_childBorn;
    QUuid m_adultId;
    QString m_adultName;
    QUuid m_noteId;
    QString m_serverBody;
    QString m_mineBody;
    QString m_schoolConflict;
    QString m_livesWithConflict;
    QString m_birthConflict;
    QString m_deletedConflict;
    QString m_noteConflict;
};

QTEST_MAIN(TestConflictsUi)
#include "tst_conflictsui.moc"
