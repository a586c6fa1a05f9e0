#pragma once

#include "measures/CaseloadViews.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QUuid>

#include <optional>

namespace lantern {

class CaseloadModel;

// Narrows the caseload to a saved view, to a set of cases (a dashboard figure), and to the
// words typed in the filter box. The rules themselves live in core (CaseloadViews).
class CaseloadFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CaseloadFilterProxy(QObject *parent = nullptr);

    void setCaseloadModel(CaseloadModel *model);
    void setView(SavedView view);
    SavedView view() const { return m_view; }
    // Shows only these cases, whatever the view (empty optional: no such limit).
    void setOnlyCases(std::optional<QSet<QUuid>> caseIds);
    bool limitedToCases() const { return m_onlyCases.has_value(); }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    CaseloadModel *m_model = nullptr;
    SavedView m_view = SavedView::AllOpen;
    std::optional<QSet<QUuid>> m_onlyCases;
    QStringList m_words; // case-folded
};

} // namespace lantern
