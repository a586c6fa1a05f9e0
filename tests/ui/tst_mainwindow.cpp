// The main window opened on a demo store shows the caseload.
#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "models/CaseloadModel.h"
#include "store/CaseloadQuery.h"
#include "store/Store.h"
#include "widgets/CaseloadView.h"
#include "widgets/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

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
        QCOMPARE(rows->size(), 30);

        MainWindow window(*m_store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTableView *table = window.caseloadView()->table();
        QCOMPARE(table->model()->rowCount(), 30);
        // Each row shows its own case's children by the names used with them.
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, CaseloadModel::Children);
            const QUuid caseId = index.data(CaseloadModel::CaseIdRole).toUuid();
            const auto match = std::find_if(rows->cbegin(), rows->cend(),
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
        const QString number = rows->at(7).caseNumber;

        MainWindow window(*m_store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLineEdit *filter = window.caseloadView()->filterEdit();
        filter->setFocus();
        QTest::keyClicks(filter, number);
        QCOMPARE(window.caseloadView()->visibleRows(), 1);
        QCOMPARE(window.caseloadView()->table()->model()->index(0, CaseloadModel::CaseNumber).data().toString(),
                 number);
        filter->clear();
        QCOMPARE(window.caseloadView()->visibleRows(), 30);
    }

    void modelPassesTester()
    {
        CaseloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto rows = CaseloadQuery(*m_store).rows();
        QVERIFY(rows);
        model.setRows(*rows, m_clock.today());
        QCOMPARE(model.rowCount(), 30);
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy,
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
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
