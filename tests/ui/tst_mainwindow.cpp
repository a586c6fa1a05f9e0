// The main window opened on a store shows its caseload.
#include "domain/Clock.h"
#include "models/CaseloadModel.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "widgets/CaseloadView.h"
#include "widgets/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
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
        auto store = Store::open(m_dir.filePath(QStringLiteral("t.db")), m_clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store).value();
        CaseRepository cases(*m_store);
        ChildRepository children(*m_store);
        for (int i = 0; i < 3; ++i) {
            Case c;
            c.caseNumber = QStringLiteral("ZZ26C0000%1").arg(i);
            c.court = QStringLiteral("Family Court at Exampleton");
            c.issuedOn = QDate(2026, 6, 1).addDays(i * 10);
            auto added = cases.add(c);
            QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
            Child child;
            child.caseId = added->meta.id;
            child.legalName = QStringLiteral("Test Child %1").arg(i);
            child.preferredName = QStringLiteral("Kid%1").arg(i);
            child.dateOfBirth = QDate(2018, 3, 1);
            QVERIFY(children.add(child));
        }
    }

    void tableShowsEveryCaseWithPreferredNames()
    {
        MainWindow window(*m_store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTableView *table = window.caseloadView()->table();
        QCOMPARE(table->model()->rowCount(), 3);
        QStringList names;
        for (int row = 0; row < 3; ++row)
            names << table->model()->index(row, CaseloadModel::Children).data().toString();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Kid0"), QStringLiteral("Kid1"),
                                     QStringLiteral("Kid2")}));
    }

    void filterNarrowsToOneCase()
    {
        MainWindow window(*m_store);
        window.show();
        QLineEdit *filter = window.caseloadView()->filterEdit();
        QTest::keyClicks(filter, QStringLiteral("zz26c00001"));
        QCOMPARE(window.caseloadView()->visibleRows(), 1);
        filter->clear();
        QCOMPARE(window.caseloadView()->visibleRows(), 3);
    }

private:
    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC)};
    std::unique_ptr<Store> m_store;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
