#include "CaseloadView.h"

#include "models/CaseloadFilterProxy.h"
#include "models/CaseloadModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace lantern {

CaseloadView::CaseloadView(CaseloadModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new CaseloadFilterProxy(this)),
      m_views(new QComboBox(this)), m_filter(new QLineEdit(this)), m_limitBar(new QWidget(this)),
      m_limitLabel(new QLabel(m_limitBar)), m_limitClear(new QPushButton(m_limitBar)),
      m_summary(new QLabel(this)), m_table(new QTableView(this))
{
    m_proxy->setCaseloadModel(m_model);

    for (SavedView view : CaseloadViews::all())
        m_views->addItem(CaseloadViews::title(view), int(view));
    m_views->setAccessibleName(tr("Saved view"));
    m_views->setToolTip(tr("Choose which cases to list"));
    connect(m_views, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setView(SavedView(m_views->itemData(index).toInt()));
        clearCaseLimit();
        updateSummary();
    });

    m_filter->setPlaceholderText(tr("Type to filter by child, case number or court"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter caseload"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateSummary();
    });

    auto *viewLabel = new QLabel(tr("&Show:"), this);
    viewLabel->setBuddy(m_views);
    auto *top = new QHBoxLayout;
    top->addWidget(viewLabel);
    top->addWidget(m_views);
    top->addSpacing(12);
    top->addWidget(m_filter, 1);

    m_limitBar->setObjectName(QStringLiteral("limitBar"));
    m_limitBar->setStyleSheet(QStringLiteral(
        "#limitBar { background: #eef3f8; border: 1px solid #c9d6e3; border-radius: 4px; }"));
    m_limitClear->setText(tr("Back to the &list"));
    m_limitClear->setAccessibleName(tr("Show the saved view again"));
    connect(m_limitClear, &QPushButton::clicked, this, &CaseloadView::clearCaseLimit);
    auto *limitLayout = new QHBoxLayout(m_limitBar);
    limitLayout->setContentsMargins(10, 6, 6, 6);
    limitLayout->addWidget(m_limitLabel, 1);
    limitLayout->addWidget(m_limitClear);
    m_limitBar->hide();

    m_summary->setAccessibleName(tr("Cases shown"));
    m_summary->setStyleSheet(QStringLiteral("color: #555;"));

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Caseload"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CaseloadModel::WeeksOpen, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setTabKeyNavigation(false);
    connect(m_table, &QTableView::activated, this, &CaseloadView::activate);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CaseloadView::updateSummary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addWidget(m_limitBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    setTabOrder(m_views, m_filter);
    setTabOrder(m_filter, m_table);
    updateSummary();
}

int CaseloadView::visibleRows() const
{
    return m_proxy->rowCount();
}

void CaseloadView::setView(SavedView view)
{
    const int index = m_views->findData(int(view));
    if (index >= 0)
        m_views->setCurrentIndex(index);
    clearCaseLimit();
}

void CaseloadView::showCases(const QString &title, const QList<QUuid> &caseIds)
{
    m_proxy->setOnlyCases(QSet<QUuid>(caseIds.cbegin(), caseIds.cend()));
    m_limitLabel->setText(
        tr("Showing the %n case(s) behind “%1”.", nullptr, int(caseIds.size())).arg(title));
    m_limitBar->show();
    updateSummary();
}

void CaseloadView::clearCaseLimit()
{
    if (!m_proxy->limitedToCases())
        return;
    m_proxy->setOnlyCases(std::nullopt);
    m_limitBar->hide();
    updateSummary();
}

void CaseloadView::updateSummary()
{
    m_summary->setText(tr("%n case(s) shown", nullptr, m_proxy->rowCount()));
}

void CaseloadView::activate(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    emit caseActivated(m_proxy->data(proxyIndex, CaseloadModel::CaseIdRole).toUuid());
}

} // namespace lantern
