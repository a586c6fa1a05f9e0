#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace lantern {

class CaseloadModel;

// The caseload table with type-to-filter. Opening a row (Enter or double-click) asks for the
// case file.
class CaseloadView : public QWidget
{
    Q_OBJECT

public:
    explicit CaseloadView(CaseloadModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    int visibleRows() const;

signals:
    void caseActivated(const QUuid &caseId);

private:
    void activate(const QModelIndex &proxyIndex);

    CaseloadModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
};

} // namespace lantern
