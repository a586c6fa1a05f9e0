#pragma once

#include "measures/CaseloadViews.h"

#include <QList>
#include <QUuid>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace lantern {

class CaseloadFilterProxy;
class CaseloadModel;

// The caseload table with its saved views and type-to-filter. Opening a row (Enter or
// double-click) asks for the case file.
class CaseloadView : public QWidget
{
    Q_OBJECT

public:
    explicit CaseloadView(CaseloadModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *viewChooser() const { return m_views; }
    CaseloadFilterProxy *proxy() const { return m_proxy; }
    int visibleRows() const;

    void setView(SavedView view);
    // Shows only the given cases (from a dashboard figure), with a way back to the views.
    void showCases(const QString &title, const QList<QUuid> &caseIds);
    void clearCaseLimit();

signals:
    void caseActivated(const QUuid &caseId);

private:
    void activate(const QModelIndex &proxyIndex);
    void updateSummary();

    CaseloadModel *m_model;
    CaseloadFilterProxy *m_proxy;
    QComboBox *m_views;
    QLineEdit *m_filter;
    QWidget *m_limitBar;
    QLabel *m_limitLabel;
    QPushButton *m_limitClear;
    QLabel *m_summary;
    QTableView *m_table;
};

} // namespace lantern
