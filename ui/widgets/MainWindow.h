#pragma once

#include <QHash>
#include <QMainWindow>
#include <QUuid>

class QLabel;
class QTabWidget;

namespace lantern {

class CaseloadModel;
class CaseloadView;
class CaseFileView;
class DashboardView;
class DiaryView;
class SearchDialog;
class Store;
class StoreWorker;

// The FCA's working window: the dashboard, the caseload and the case files they open.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    CaseloadView *caseloadView() const { return m_caseloadView; }
    DashboardView *dashboardView() const { return m_dashboard; }
    DiaryView *diaryView() const { return m_diary; }
    QTabWidget *tabs() const { return m_tabs; }

public slots:
    // Reads the caseload and the measures from the store again.
    void reload();
    void showDashboard();
    void showCaseload();
    void showDiary();
    // Opens the case file in its own tab (or brings its tab forward).
    CaseFileView *openCase(const QUuid &caseId);
    // Opens the case file at one of its notes.
    void openNote(const QUuid &caseId, const QUuid &noteId);
    void newCase();
    // Searches every note (Ctrl+F or Ctrl+K from anywhere).
    void searchNotes();
    // Reopens every note left with unsaved words (after a crash, a kill or a power cut).
    // Returns how many were reopened.
    int reopenDrafts();
    SearchDialog *searchDialog() const { return m_search; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void closeCurrentCase();
    void restoreLayout();
    void saveLayout();
    void showAbout();

    Store &m_store;
    StoreWorker *m_worker;
    SearchDialog *m_search = nullptr;
    CaseloadModel *m_caseloadModel;
    QTabWidget *m_tabs;
    DashboardView *m_dashboard;
    CaseloadView *m_caseloadView;
    DiaryView *m_diary;
    QHash<QUuid, QWidget *> m_caseTabs;
    QLabel *m_statusCounts;
    QLabel *m_statusStore;
};

} // namespace lantern
