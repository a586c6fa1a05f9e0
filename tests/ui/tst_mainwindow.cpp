// The main window opened on a demo store: the caseload, the dashboard's figures and the case
// files they lead to. Set LANTERN_SCREENSHOTS=DIR to keep a picture of each screen.
#include "demo/DemoGenerator.h"
#include "dialogs/SearchDialog.h"
#include "domain/Clock.h"
#include "measures/PracticeMeasures.h"
#include "models/CaseloadModel.h"
#include "notes/NoteRepository.h"
#include "store/CaseloadQuery.h"
#include "store/Store.h"
#include "widgets/CaseFileView.h"
#include "widgets/CaseloadView.h"
#include "widgets/DashboardView.h"
#include "widgets/MainWindow.h"
#include "widgets/NoteEditor.h"
#include "widgets/NotesPane.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

#include "ScreenshotSupport.h"

using namespace lantern;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(QStringLiteral("demo.db")), m_clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store).value();
        DemoOptions options;
        options.cases = 30;
        auto made = DemoGenerator::generate(*m_store, options);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
    }

    void tableShowsEveryCase()
    {
        auto rows = CaseloadQuery(*m_store).rows();
        QVERIFY(rows);
        // 30 open cases and, as in any caseload, a few closed ones (shown only on request).
        QCOMPARE(std::count_if(rows->cbegin(), rows->cend(),
                               [](const CaseloadRow &r) { return r.status == CaseStatus::Open; }),
                 30);
        QCOMPARE(rows->size(), 35);

        MainWindow window(*m_store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTableView *table = window.caseloadView()->table();
        QCOMPARE(table->model()->rowCount(), 30);
        window.showCaseload();
        QVERIFY(testsupport::saveScreenshot(window, QStringLiteral("caseload")));
        // Each row shows its own case's children by the names used with them.
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, CaseloadModel::Children);
            const QUuid caseId = index.data(CaseloadModel::CaseIdRole).toUuid();
            const auto match =
                std::find_if(rows->cbegin(), rows->cend(),
                             [&](const CaseloadRow &r) { return r.caseId == caseId; });
            QVERIFY(match != rows->cend());
            QVERIFY(!match->childNames.isEmpty());
            QCOMPARE(index.data().toString(), match->childNames.join(QStringLiteral(", ")));
        }
    }

    void filterNarrowsToOneCase()
    {
        auto rows = CaseloadQuery(*m_store).rows();
        QVERIFY(rows);
        const auto open = std::find_if(rows->cbegin() + 7, rows->cend(), [](const CaseloadRow &r) {
            return r.status == CaseStatus::Open;
        });
        QVERIFY(open != rows->cend());
        const QString number = open->caseNumber;

        MainWindow window(*m_store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLineEdit *filter = window.caseloadView()->filterEdit();
        filter->setFocus();
        QTest::keyClicks(filter, number);
        QCOMPARE(window.caseloadView()->visibleRows(), 1);
        QCOMPARE(window.caseloadView()
                     ->table()
                     ->model()
                     ->index(0, CaseloadModel::CaseNumber)
                     .data()
                     .toString(),
                 number);
        filter->clear();
        QCOMPARE(window.caseloadView()->visibleRows(), 30);
    }

    void dashboardFiguresOpenTheirCases()
    {
        MainWindow window(*m_store);
        window.resize(1360, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showDashboard();
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.dashboardView()));
        QVERIFY(testsupport::saveScreenshot(window, QStringLiteral("dashboard")));

        DashboardView *dashboard = window.dashboardView();
        QCOMPARE(dashboard->tile(QStringLiteral("open_cases"))->valueText(), QStringLiteral("30"));
        // The demo has visits and letters, so the engagement figures are shares, not blanks.
        FigureTile *seen = dashboard->tile(QStringLiteral("seen_in_person"));
        QVERIFY(seen->isEnabled());
        QVERIFY(seen->valueText().contains(QStringLiteral(" of ")));

        // Clicking "over 26 weeks" shows exactly the cases behind the figure.
        FigureTile *over = dashboard->tile(QStringLiteral("over_26_weeks"));
        const int expected = *over->measure().value;
        QVERIFY(expected > 0); // the demo has cases past 26 weeks
        QTest::mouseClick(over, Qt::LeftButton);
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.caseloadView()));
        QCOMPARE(window.caseloadView()->visibleRows(), expected);
        for (int row = 0; row < expected; ++row) {
            const QUuid id = window.caseloadView()
                                 ->table()
                                 ->model()
                                 ->index(row, 0)
                                 .data(CaseloadModel::CaseIdRole)
                                 .toUuid();
            QVERIFY(over->measure().caseIds.contains(id));
        }
        QVERIFY(testsupport::saveScreenshot(window, QStringLiteral("caseload-over-26")));
        window.caseloadView()->clearCaseLimit();
        QCOMPARE(window.caseloadView()->visibleRows(), 30);

        // A bar of the chart does the same for its band of weeks.
        window.showDashboard();
        QSignalSpy spy(dashboard, &DashboardView::figureActivated);
        dashboard->activateBucket(0);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.caseloadView()));
    }

    void keyboardAloneOpensAndClosesACase()
    {
        MainWindow window(*m_store);
        window.resize(1360, 820);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const int fixedTabs = window.tabs()->count();
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QTableView *table = window.caseloadView()->table();
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.caseloadView()));
        QTRY_VERIFY(table->hasFocus());
        QTest::keyClick(table, Qt::Key_Down);
        const QUuid chosen = table->currentIndex().data(CaseloadModel::CaseIdRole).toUuid();
        QVERIFY(!chosen.isNull());
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(window.tabs()->count(), fixedTabs + 1);
        auto *file = qobject_cast<CaseFileView *>(window.tabs()->currentWidget());
        QVERIFY(file);
        QCOMPARE(file->caseId(), chosen);
        QVERIFY(file->childList()->count() > 0);
        QVERIFY(testsupport::saveScreenshot(window, QStringLiteral("casefile")));
        // Opening it again brings the same tab forward rather than a second copy.
        window.openCase(chosen);
        QCOMPARE(window.tabs()->count(), fixedTabs + 1);
        QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(window.tabs()->count(), fixedTabs);
    }

    void unsavedNotesReopenAtStart()
    {
        auto rows = CaseloadQuery(*m_store).rows();
        QVERIFY(rows);
        const CaseloadRow &row = rows->constFirst();
        NoteRepository notes(*m_store);
        auto note = notes.start(row.caseId, {row.children.constFirst().id}, NoteKind::Visit,
                                m_clock.nowUtc().addSecs(-3600));
        QVERIFY(note);
        const QString typed = QStringLiteral("Unfinished words from before the battery died");
        QVERIFY(notes.saveDraft(note->meta.id, typed.toHtmlEscaped(), typed, 10));

        MainWindow window(*m_store);
        window.show();
        QCOMPARE(window.reopenDrafts(), 1);
        auto *file = qobject_cast<CaseFileView *>(window.tabs()->currentWidget());
        QVERIFY(file);
        QCOMPARE(file->caseId(), row.caseId);
        QCOMPARE(file->sections()->currentWidget(), static_cast<QWidget *>(file->notesPane()));
        NoteEditor *editor = file->notesPane()->currentEditor();
        QVERIFY(editor);
        QCOMPARE(editor->textEdit()->toPlainText(), typed);
        QVERIFY(notes.discardDraft(note->meta.id));
    }

    void searchOpensFromAnywhere()
    {
        MainWindow window(*m_store);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(!window.searchDialog());
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(window.searchDialog());
        QTRY_VERIFY(window.searchDialog()->isVisible());
        window.searchDialog()->hide();
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(window.searchDialog()->isVisible());
    }

    void modelPassesTester()
    {
        CaseloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto rows = CaseloadQuery(*m_store).rows();
        QVERIFY(rows);
        model.setRows(*rows, m_clock.today());
        QCOMPARE(model.rowCount(), 35);
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(CaseloadModel::SortRole);
        for (int column = 0; column < model.columnCount(); ++column) {
            proxy.sort(column, Qt::AscendingOrder);
            proxy.sort(column, Qt::DescendingOrder);
        }
    }

private:
    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC)};
    std::unique_ptr<Store> m_store;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
