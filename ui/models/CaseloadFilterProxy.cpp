#include "CaseloadFilterProxy.h"

#include "CaseloadModel.h"

namespace lantern {

CaseloadFilterProxy::CaseloadFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(CaseloadModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void CaseloadFilterProxy::setCaseloadModel(CaseloadModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void CaseloadFilterProxy::setView(SavedView view)
{
    if (view == m_view)
        return;
    m_view = view;
    invalidateRowsFilter();
}

void CaseloadFilterProxy::setOnlyCases(std::optional<QSet<QUuid>> caseIds)
{
    m_onlyCases = std::move(caseIds);
    invalidateRowsFilter();
}

void CaseloadFilterProxy::setText(const QString &text)
{
    const QStringList words = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool CaseloadFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return false;
    const CaseloadRow &row = m_model->rowAt(sourceRow);
    if (m_onlyCases) {
        if (!m_onlyCases->contains(row.caseId))
            return false;
    } else if (!CaseloadViews::matches(m_view, row, m_model->today())) {
        return false;
    }
    if (m_words.isEmpty())
        return true;
    const QString haystack =
        m_model->index(sourceRow, 0).data(CaseloadModel::FilterTextRole).toString();
    for (const QString &word : m_words)
        if (!haystack.contains(word))
            return false;
    return true;
}

} // namespace lantern
