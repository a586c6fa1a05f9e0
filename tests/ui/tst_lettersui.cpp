// Letters in the case file: three siblings' letters drafted at once, each their own; what is
// unsafe or missing shows before finalising and keeps the Finalise button off.
#include "dialogs/ProfileDialog.h"
#include "domain/Clock.h"
#include "letters/FcaProfile.h"
#include "letters/LetterRepository.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "widgets/CaseFileView.h"
#include "widgets/LettersPane.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTreeWidget>
#include <QtTest>

#include "ScreenshotSupport.h"

using namespace lantern;

class TestLettersUi : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(QStringLiteral("u.db")), m_clock);
        QVERIFY(store);
        m_store = std::move(store).value();
        QVERIFY((FcaProfile{QStringLiteral("Alex Morgan"), QStringLiteral("01632 960 123"),
                            QStringLiteral("alex@example.org"), QStringLiteral("Norbridge office"),
                            QStringLiteral("https://feedback.example.org/lantern")}
                     .save(*m_store)));
        Case c;
        c.caseNumber = QStringLiteral("WX26P00003");
        c.court = QStringLiteral("Family Court at Wrexham");
        c.kind = ProceedingsKind::ChildArrangements;
        c.issuedOn = QDate(2026, 10, 12);
        m_caseId = CaseRepository(*m_store).add(c)->meta.id;
        // Three siblings: 5 and writing in Welsh, 10, and 15.
        m_children = {addChild(QStringLiteral("Osian Bevan"), 5, QStringLiteral("cy")),
                      addChild(QStringLiteral("Mali Bevan"), 10, QStringLiteral("en")),
                      addChild(QStringLiteral("Tomos Bevan"), 15, QStringLiteral("en"))};
        Adult mother;
        mother.caseId = m_caseId;
        mother.childIds = m_children;
        mother.name = QStringLiteral("Rhian Bevan");
        mother.role = AdultRole::Mother;
        mother.address = QStringLiteral("3 Heol y Bryn, Caerwen");
        mother.addressConfidential = true;
        QVERIFY(AdultRepository(*m_store).add(mother));
    }

    void cleanup()
    {
        m_store.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("u.db")));
    }

    void siblingsGetTheirOwnLetters()
    {
        CaseFileView file(*m_store, m_caseId);
        file.resize(1300, 800);
        file.show();
        LettersPane *pane = file.lettersPane();
        QVERIFY(pane);
        file.sections()->setCurrentWidget(pane);
        // Before: every child shows as having no introduction letter.
        QCOMPARE(pane->list()->topLevelItemCount(), 3);
        QTest::mouseClick(pane->introductionButton(), Qt::LeftButton);
        auto letters = LetterRepository(*m_store).forCase(m_caseId);
        QCOMPARE(letters->size(), 3);
        QCOMPARE(pane->list()->topLevelItemCount(), 3);
        QStringList languages;
        for (const Letter &letter : std::as_const(*letters)) {
            const QString text = LetterSafety::plainText(letter.bodyHtml);
            const QString name = ChildRepository(*m_store).get(letter.childId)->nameToUse();
            QVERIFY2(text.contains(name.section(QLatin1Char(' '), 0, 0)), qPrintable(name));
            languages.append(letter.language);
        }
        QCOMPARE(languages.count(QStringLiteral("cy")), 1);
        QVERIFY(testsupport::saveScreenshot(file, QStringLiteral("letters")));

        // The editor: nothing unsafe yet, so Finalise is on.
        LetterEditor *editor = pane->editor();
        QVERIFY(editor);
        QVERIFY(!editor->readingLabel()->text().isEmpty());
        QVERIFY(editor->finaliseButton()->isEnabled());
        // Typing the confidential address turns it off and says why.
        editor->textEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor->textEdit(), QStringLiteral(" See you at 3 Heol y Bryn!"));
        editor->saveAndCheck();
        QVERIFY(!editor->finaliseButton()->isEnabled());
        QCOMPARE(editor->problemList()->count(), 1);
        QVERIFY(editor->problemList()->item(0)->text().contains(QStringLiteral("confidential")));
        // The draft kept what was typed.
        QVERIFY(LetterRepository(*m_store)
                    .get(editor->letter().meta.id)
                    ->bodyHtml.contains(QStringLiteral("Heol y Bryn")));
    }

    void profileNeedsAWebAddress()
    {
        ProfileDialog dialog(*m_store);
        dialog.show();
        dialog.feedbackEdit()->setText(QStringLiteral("not a link"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(FcaProfile::load(*m_store)->feedbackLink,
                 QStringLiteral("https://feedback.example.org/lantern"));
        dialog.feedbackEdit()->setText(QStringLiteral("https://example.org/say"));
        dialog.accept();
        QCOMPARE(FcaProfile::load(*m_store)->feedbackLink,
                 QStringLiteral("https://example.org/say"));
    }

private:
    QUuid addChild(const QString &name, int age, const QString &language)
    {
        Child child;
        child.caseId = m_caseId;
        child.legalName = name;
        child.dateOfBirth = m_clock.today().addYears(-age).addDays(-30);
        child.letterLanguage = language;
        auto added = ChildRepository(*m_store).add(child);
        return added ? added->meta.id : QUuid();
    }

    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<Store> m_store;
    QUuid m_caseId;
    QList<QUuid> m_children;
};

QTEST_MAIN(TestLettersUi)
#include "tst_lettersui.moc"
