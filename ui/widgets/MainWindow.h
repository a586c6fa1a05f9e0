#pragma once

#include <QMainWindow>

class QLabel;

namespace lantern {

class CaseloadModel;
class CaseloadView;
class Store;

// The FCA's working window: the caseload, with menus and a status line.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    CaseloadView *caseloadView() const { return m_caseloadView; }

public slots:
    // Reads the caseload from the store again.
    void reload();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreLayout();
    void saveLayout();
    void showAbout();

    Store &m_store;
    CaseloadModel *m_caseloadModel;
    CaseloadView *m_caseloadView;
    QLabel *m_statusCounts;
    QLabel *m_statusStore;
};

} // namespace lantern
