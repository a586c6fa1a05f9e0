#include "MainWindow.h"

#include "models/CaseloadModel.h"
#include "store/CaseloadQuery.h"
#include "store/Store.h"
#include "widgets/CaseloadView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace lantern {

MainWindow::MainWindow(Store &store, QWidget *parent)
    : QMainWindow(parent), m_store(store), m_caseloadModel(new CaseloadModel(this)),
      m_caseloadView(new CaseloadView(m_caseloadModel, this)), m_statusCounts(new QLabel(this)),
      m_statusStore(new QLabel(this))
{
    setWindowTitle(tr("Lantern"));
    setCentralWidget(m_caseloadView);
    m_caseloadView->setContentsMargins(12, 12, 12, 6);
    statusBar()->addWidget(m_statusCounts, 1);
    statusBar()->addPermanentWidget(m_statusStore);
    m_statusStore->setAccessibleName(tr("Store in use"));
    createMenus();
    reload();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *filter = view->addAction(tr("&Filter caseload"), this, [this] {
        m_caseloadView->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_caseloadView->filterEdit()->selectAll();
    });
    filter->setShortcut(QKeySequence(tr("Ctrl+L")));
    QAction *refresh = view->addAction(tr("&Reload caseload"), this, &MainWindow::reload);
    refresh->setShortcut(QKeySequence(tr("Ctrl+R")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Lantern"), this, &MainWindow::showAbout);
}

void MainWindow::reload()
{
    auto rows = CaseloadQuery(m_store).rows();
    if (!rows) {
        QMessageBox::warning(this, tr("Caseload not loaded"), rows.error().message);
        return;
    }
    int open = 0;
    int children = 0;
    for (const CaseloadRow &row : *rows) {
        if (row.status == CaseStatus::Open) {
            ++open;
            children += int(row.childNames.size());
        }
    }
    m_caseloadModel->setRows(std::move(rows).value(), m_store.clock().today());
    m_statusCounts->setText(tr("%n open case(s)", nullptr, open) + QStringLiteral(" · ") +
                            tr("%n child(ren)", nullptr, children));
    m_statusStore->setText(QDir::toNativeSeparators(m_store.path()));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    QHeaderView *header = m_caseloadView->table()->horizontalHeader();
    if (!header->restoreState(settings.value(QStringLiteral("caseload/header")).toByteArray())) {
        m_caseloadView->table()->resizeColumnsToContents();
        header->resizeSection(CaseloadModel::Children,
                              qMin(header->sectionSize(CaseloadModel::Children), 260));
    }
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("caseload/header"),
                      m_caseloadView->table()->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Lantern"),
                       tr("<p><b>Lantern %1</b></p><p>Caseload, notes, visits and letters for "
                          "family court advisers, working offline.</p>")
                           .arg(QStringLiteral(LANTERN_VERSION)));
}

} // namespace lantern
