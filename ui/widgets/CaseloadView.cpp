#include "CaseloadView.h"

#include "models/CaseloadModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

namespace lantern {

CaseloadView::CaseloadView(CaseloadModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_table(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CaseloadModel::SortRole);
    m_proxy->setFilterRole(CaseloadModel::FilterTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(0);

    m_filter->setPlaceholderText(tr("Filter by child, case number or court"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter caseload"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Caseload"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CaseloadModel::WeeksOpen, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setTabKeyNavigation(false);
    connect(m_table, &QTableView::activated, this, &CaseloadView::activate);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
}

int CaseloadView::visibleRows() const
{
    return m_proxy->rowCount();
}

void CaseloadView::activate(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    emit caseActivated(m_proxy->data(proxyIndex, CaseloadModel::CaseIdRole).toUuid());
}

} // namespace lantern
