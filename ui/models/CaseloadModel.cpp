#include "CaseloadModel.h"

#include "domain/Clock.h"
#include "domain/Labels.h"
#include "measures/Timeliness.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace lantern {

namespace {

// A small arrow pointing up, in a quiet blue: work on the case waits to go to the server.
// Without the arrow (blank), case numbers in the other rows stay in line with the marked ones.
QIcon makeIcon(bool arrowShown)
{
    QIcon made;
    for (const qreal ratio : {1.0, 2.0}) {
        QPixmap pixmap(QSize(16, 16) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        if (arrowShown) {
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            QPen pen(QColor(0x2f, 0x6f, 0xb3), 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            painter.setPen(pen);
            QPainterPath arrow;
            arrow.moveTo(8, 13);
            arrow.lineTo(8, 3.5);
            arrow.moveTo(4.5, 7);
            arrow.lineTo(8, 3.5);
            arrow.lineTo(11.5, 7);
            painter.drawPath(arrow);
        }
        made.addPixmap(pixmap);
    }
    return made;
}

const QIcon &unsentIcon()
{
    static const QIcon icon = makeIcon(true);
    return icon;
}

const QIcon &blankIcon()
{
    static const QIcon icon = makeIcon(false);
    return icon;
}

} // namespace

CaseloadModel::CaseloadModel(QObject *parent) : QAbstractTableModel(parent) {}

void CaseloadModel::setRows(QList<CaseloadRow> rows, const QDate &today)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_today = today;
    m_filterText.clear();
    m_filterText.reserve(m_rows.size());
    for (const CaseloadRow &row : std::as_const(m_rows))
        m_filterText.append(
            QStringList{row.childNames.join(QLatin1Char(' ')), row.caseNumber, row.court}
                .join(QLatin1Char(' '))
                .toCaseFolded());
    endResetModel();
}

void CaseloadModel::setUnsentCases(QSet<QUuid> caseIds)
{
    if (caseIds == m_unsent)
        return;
    m_unsent = std::move(caseIds);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, CaseNumber), index(int(m_rows.size()) - 1, CaseNumber),
                         {Qt::DecorationRole, Qt::ToolTipRole, Qt::AccessibleTextRole, UnsentRole});
}

int CaseloadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseloadModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseloadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Children:
        return tr("Children");
    case CaseNumber:
        return tr("Case number");
    case Court:
        return tr("Court");
    case Proceedings:
        return tr("Proceedings");
    case WeeksOpen:
        return tr("Weeks open");
    case NextHearing:
        return tr("Next hearing");
    case FilingDeadline:
        return tr("Filing deadline");
    case LastSeen:
        return tr("Last seen");
    case Flags:
        return tr("Flags");
    default:
        return {};
    }
}

QString CaseloadModel::flagsText(const CaseloadRow &row) const
{
    QStringList flags;
    if (row.domesticAbuse)
        flags << tr("Domestic abuse");
    if (row.confidentialAddress)
        flags << tr("Confidential address");
    if (row.nextReviewOn.isValid() && row.nextReviewOn <= m_today && row.status == CaseStatus::Open)
        flags << tr("Review due");
    if (row.status == CaseStatus::Open && row.missingIntroductionLetter())
        flags << tr("No intro letter");
    return flags.join(QStringLiteral(" · "));
}

QVariant CaseloadModel::display(const CaseloadRow &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Children:
        return row.childNames.join(QStringLiteral(", "));
    case CaseNumber:
        return row.caseNumber;
    case Court:
        return row.court;
    case Proceedings:
        return labelOf(row.kind);
    case WeeksOpen: {
        const QDate end =
            row.status == CaseStatus::Closed && row.closedOn.isValid() ? row.closedOn : m_today;
        const int weeks = Timeliness::weeksOpen(row.issuedOn, end);
        const QString plo = Timeliness::ploLabel(
            Timeliness::ploStatus(isPublicLawKind(row.kind), row.issuedOn, end));
        return plo.isEmpty() ? locale.toString(weeks)
                             : tr("%1 · %2").arg(locale.toString(weeks), plo);
    }
    case NextHearing:
        return row.nextHearingAt.isValid()
                   ? locale.toString(row.nextHearingAt.toTimeZone(Clock::londonZone()),
                                     tr("ddd d MMM yyyy, HH:mm"))
                   : QString();
    case FilingDeadline:
        return row.nextFilingDeadline.isValid()
                   ? locale.toString(row.nextFilingDeadline, tr("ddd d MMM yyyy"))
                   : QString();
    case LastSeen: {
        if (row.children.isEmpty())
            return QString();
        if (row.anyChildNeverSeen())
            return tr("Not yet seen");
        return locale.toString(row.leastRecentlySeenAt().toTimeZone(Clock::londonZone()).date(),
                               tr("d MMM yyyy"));
    }
    case Flags:
        return flagsText(row);
    default:
        return {};
    }
}

QString CaseloadModel::lastSeenDetail(const CaseloadRow &row) const
{
    const QLocale locale;
    QStringList lines;
    for (const CaseloadChild &child : row.children) {
        lines << (child.lastSeenAt.isValid()
                      ? tr("%1: seen %2")
                            .arg(child.name,
                                 locale.toString(child.lastSeenAt.toTimeZone(Clock::londonZone()),
                                                 tr("d MMM yyyy")))
                      : tr("%1: not yet seen").arg(child.name));
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant CaseloadModel::sortValue(const CaseloadRow &row, int column) const
{
    switch (column) {
    case WeeksOpen:
        return row.issuedOn.isValid() ? -row.issuedOn.toJulianDay() : 0;
    case NextHearing:
        // Cases with nothing listed sort after every listed hearing.
        return row.nextHearingAt.isValid() ? row.nextHearingAt.toMSecsSinceEpoch()
                                           : std::numeric_limits<qint64>::max();
    case FilingDeadline:
        return row.nextFilingDeadline.isValid() ? row.nextFilingDeadline.toJulianDay()
                                                : std::numeric_limits<qint64>::max();
    case LastSeen:
        // Never seen sorts first: it is the most urgent.
        return row.anyChildNeverSeen() ? qint64(0) : row.leastRecentlySeenAt().toMSecsSinceEpoch();
    default:
        return display(row, column);
    }
}

QVariant CaseloadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseloadRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::AccessibleTextRole:
        if (index.column() == CaseNumber && m_unsent.contains(row.caseId))
            return tr("%1, not yet sent to the server").arg(row.caseNumber);
        return display(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == CaseNumber && !m_unsent.isEmpty())
            return m_unsent.contains(row.caseId) ? unsentIcon() : blankIcon();
        return {};
    case UnsentRole:
        return m_unsent.contains(row.caseId);
    case SortRole:
        return sortValue(row, index.column());
    case CaseIdRole:
        return row.caseId;
    case FilterTextRole:
        return m_filterText.at(index.row());
    case Qt::ForegroundRole:
        if (index.column() == WeeksOpen) {
            const PloStatus status =
                Timeliness::ploStatus(isPublicLawKind(row.kind), row.issuedOn, m_today);
            if (row.status == CaseStatus::Open && status == PloStatus::Over)
                return QBrush(QColor(0xb0, 0x3a, 0x2e));
            if (row.status == CaseStatus::Open && status == PloStatus::AtRisk)
                return QBrush(QColor(0x9a, 0x62, 0x00));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Flags)
            return flagsText(row);
        if (index.column() == Children)
            return row.childNames.join(QStringLiteral("\n"));
        if (index.column() == LastSeen)
            return lastSeenDetail(row);
        if (index.column() == CaseNumber && m_unsent.contains(row.caseId))
            return tr("Not yet sent: work on this case is on this laptop and goes to the server "
                      "at the next sync.");
        return {};
    default:
        return {};
    }
}

} // namespace lantern
