#pragma once

#include "store/CaseloadQuery.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QSet>
#include <QUuid>

namespace lantern {

// The FCA's caseload as a table: one row per case. Filled from core's CaseloadQuery;
// holds no SQL and no rules of its own beyond how each value is shown.
class CaseloadModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Children,
        CaseNumber,
        Court,
        Proceedings,
        WeeksOpen,
        NextHearing,
        FilingDeadline,
        LastSeen,
        Flags,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // a value that sorts naturally (dates, numbers)
        CaseIdRole,
        FilterTextRole, // names, case number and court, case-folded
        UnsentRole,     // bool: the case holds work the server does not have yet
    };

    explicit CaseloadModel(QObject *parent = nullptr);

    void setRows(QList<CaseloadRow> rows, const QDate &today);
    // The cases holding work not yet on the server (SyncJournal::casesWithUnsentWork): their
    // case number carries a small "not yet sent" mark.
    void setUnsentCases(QSet<QUuid> caseIds);
    bool isUnsent(const QUuid &caseId) const { return m_unsent.contains(caseId); }
    const CaseloadRow &rowAt(int row) const { return m_rows.at(row); }
    QDate today() const { return m_today; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const CaseloadRow &row, int column) const;
    QVariant sortValue(const CaseloadRow &row, int column) const;
    QString flagsText(const CaseloadRow &row) const;
    QString lastSeenDetail(const CaseloadRow &row) const;

    QList<CaseloadRow> m_rows;
    QStringList m_filterText; // per row, folded to lower case once
    QDate m_today;
    QSet<QUuid> m_unsent;
};

} // namespace lantern
