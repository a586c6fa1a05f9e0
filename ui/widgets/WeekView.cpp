#include "WeekView.h"

#include "domain/Clock.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace lantern {

namespace {
constexpr double kGutter = 56;
constexpr double kHeader = 40;
constexpr int kDays = 7;
constexpr int kSlots = (WeekView::kLastHour - WeekView::kFirstHour) * 60 / WeekView::kSlotMinutes;
const QColor kVisit(0x2F, 0x6F, 0x8F);
const QColor kDone(0x4A, 0x7C, 0x59);
const QColor kHearing(0x6B, 0x4C, 0x8A);
const QColor kToday(0xFF, 0xF7, 0xE0);
const QColor kOutsideHours(0x00, 0x00, 0x00, 0x0E);
} // namespace

WeekView::WeekView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Week diary"));
    setAttribute(Qt::WA_Hover);
}

void WeekView::setWeek(const QDate &monday, const QDate &today)
{
    m_monday = monday;
    m_today = today;
    update();
}

void WeekView::setItems(const QList<DiaryItem> &items)
{
    m_items = items;
    update();
}

void WeekView::setWorkingHours(const WorkingHours &hours)
{
    m_hours = hours;
    update();
}

bool WeekView::isWorkingSlot(int day, int slot) const
{
    if (!m_hours.isWorkingDay(m_monday.addDays(day)))
        return false;
    const QTime from(kFirstHour + slot * kSlotMinutes / 60, (slot * kSlotMinutes) % 60);
    return from >= m_hours.start && from.addSecs(60 * kSlotMinutes) <= m_hours.end;
}

void WeekView::setCursor(int day, int slot)
{
    m_cursorDay = std::clamp(day, 0, kDays - 1);
    m_cursorSlot = std::clamp(slot, 0, kSlots - 1);
    const int index = itemAtCursor();
    setAccessibleDescription(index >= 0 ? m_items.at(index).title : QString());
    update();
}

QDateTime WeekView::cursorTime() const
{
    const QTime time(kFirstHour + m_cursorSlot * kSlotMinutes / 60,
                     (m_cursorSlot * kSlotMinutes) % 60);
    return QDateTime(m_monday.addDays(m_cursorDay), time, Clock::londonZone()).toUTC();
}

int WeekView::itemAtCursor() const
{
    const QDateTime from = cursorTime();
    const QDateTime to = from.addSecs(60LL * kSlotMinutes);
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items[i].startsAt < to && m_items[i].endsAt > from)
            return i;
    return -1;
}

QSize WeekView::sizeHint() const
{
    return {900, int(kHeader + kSlots * 22)};
}

QSize WeekView::minimumSizeHint() const
{
    return {560, int(kHeader + kSlots * 14)};
}

QRectF WeekView::gridRect() const
{
    return QRectF(kGutter, kHeader, width() - kGutter - 1, height() - kHeader - 1);
}

double WeekView::columnWidth() const
{
    return gridRect().width() / kDays;
}

double WeekView::slotHeight() const
{
    return gridRect().height() / kSlots;
}

QRectF WeekView::spanRect(int day, const QDateTime &fromUtc, const QDateTime &toUtc) const
{
    const QDate date = m_monday.addDays(day);
    const QDateTime gridStart(date, QTime(kFirstHour, 0), Clock::londonZone());
    const double perMinute = slotHeight() / kSlotMinutes;
    const double top = std::max(0.0, double(gridStart.secsTo(fromUtc)) / 60.0 * perMinute);
    const double bottom =
        std::min(gridRect().height(), double(gridStart.secsTo(toUtc)) / 60.0 * perMinute);
    const QRectF grid = gridRect();
    return QRectF(grid.left() + day * columnWidth() + 3, grid.top() + top, columnWidth() - 6,
                  std::max(0.0, bottom - top));
}

void WeekView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QRectF grid = gridRect();
    const QLocale locale;
    p.fillRect(rect(), pal.color(QPalette::Base));

    // Today's column, and the day headers.
    for (int day = 0; day < kDays; ++day) {
        const QDate date = m_monday.addDays(day);
        const QRectF column(grid.left() + day * columnWidth(), 0, columnWidth(), height());
        if (date == m_today)
            p.fillRect(column, kToday);
        else if (!m_hours.isWorkingDay(date))
            p.fillRect(column, pal.color(QPalette::AlternateBase));
        // Outside working hours: a quiet shade over the grid (the whole day on a day off).
        for (int slot = 0; slot < kSlots; ++slot) {
            if (!isWorkingSlot(day, slot))
                p.fillRect(QRectF(column.left(), grid.top() + slot * slotHeight(), column.width(),
                                  slotHeight()),
                           kOutsideHours);
        }
        QFont font = this->font();
        font.setBold(date == m_today);
        p.setFont(font);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(column.left(), 2, column.width(), kHeader - 4), Qt::AlignCenter,
                   date == m_today
                       ? tr("%1\nToday").arg(locale.toString(date, QStringLiteral("ddd d MMM")))
                       : locale.toString(date, QStringLiteral("ddd d MMM")));
    }
    p.setFont(font());

    // Hour lines and labels.
    for (int slot = 0; slot <= kSlots; ++slot) {
        const double y = grid.top() + slot * slotHeight();
        const bool hour = (slot * kSlotMinutes) % 60 == 0;
        p.setPen(
            QPen(pal.color(QPalette::Mid), hour ? 1.0 : 0.5, hour ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(QPointF(grid.left(), y), QPointF(grid.right(), y));
        if (hour && slot < kSlots) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QRectF(0, y - 2, kGutter - 8, 16), Qt::AlignRight | Qt::AlignTop,
                       locale.toString(QTime(kFirstHour + slot * kSlotMinutes / 60, 0),
                                       QStringLiteral("HH:mm")));
        }
    }
    p.setPen(QPen(pal.color(QPalette::Mid), 1.0));
    for (int day = 0; day <= kDays; ++day) {
        const double x = grid.left() + day * columnWidth();
        p.drawLine(QPointF(x, grid.top()), QPointF(x, grid.bottom()));
    }

    // The blocks, travel shaded either side.
    const int current = hasFocus() ? itemAtCursor() : -1;
    for (int i = 0; i < m_items.size(); ++i) {
        const DiaryItem &item = m_items.at(i);
        const QDate date = item.startsAt.toTimeZone(Clock::londonZone()).date();
        const int day = int(m_monday.daysTo(date));
        if (day < 0 || day >= kDays)
            continue;
        const bool cancelled = item.status == VisitStatus::Cancelled;
        QColor colour = item.type == DiaryItem::Type::Hearing ? kHearing
                        : item.status == VisitStatus::Done    ? kDone
                                                              : kVisit;
        if (cancelled || item.status == VisitStatus::NotSeen)
            colour = pal.color(QPalette::PlaceholderText);
        if (item.travelBeforeMin > 0 || item.travelAfterMin > 0) {
            QColor travel = colour;
            travel.setAlpha(45);
            p.fillRect(
                spanRect(day, item.startsAt.addSecs(-60LL * item.travelBeforeMin), item.startsAt),
                QBrush(travel, Qt::BDiagPattern));
            p.fillRect(spanRect(day, item.endsAt, item.endsAt.addSecs(60LL * item.travelAfterMin)),
                       QBrush(travel, Qt::BDiagPattern));
        }
        const QRectF box = spanRect(day, item.startsAt, item.endsAt);
        if (box.height() <= 0)
            continue;
        QPainterPath path;
        path.addRoundedRect(box, 4, 4);
        QColor fill = colour;
        fill.setAlpha(cancelled ? 40 : 220);
        p.fillPath(path, fill);
        if (i == current) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 2.5));
            p.drawPath(path);
        }
        p.setPen(cancelled ? pal.color(QPalette::Text) : QColor(Qt::white));
        QFont font = this->font();
        font.setStrikeOut(cancelled);
        p.setFont(font);
        const QString time = locale.toString(item.startsAt.toTimeZone(Clock::londonZone()).time(),
                                             QStringLiteral("HH:mm"));
        p.drawText(box.adjusted(5, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   time + QLatin1Char(' ') + item.title);
        p.setFont(this->font());
    }

    // The keyboard cursor.
    if (hasFocus() && current < 0) {
        const QRectF cell(grid.left() + m_cursorDay * columnWidth() + 1,
                          grid.top() + m_cursorSlot * slotHeight() + 1, columnWidth() - 2,
                          slotHeight() - 2);
        p.setPen(QPen(pal.color(QPalette::Highlight), 2.0));
        p.setBrush(Qt::NoBrush);
        p.drawRect(cell);
    }
}

void WeekView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        setCursor(m_cursorDay - 1, m_cursorSlot);
        return;
    case Qt::Key_Right:
        setCursor(m_cursorDay + 1, m_cursorSlot);
        return;
    case Qt::Key_Up:
        setCursor(m_cursorDay, m_cursorSlot - 1);
        return;
    case Qt::Key_Down:
        setCursor(m_cursorDay, m_cursorSlot + 1);
        return;
    case Qt::Key_PageUp:
        emit weekChangeRequested(-1);
        return;
    case Qt::Key_PageDown:
        emit weekChangeRequested(1);
        return;
    case Qt::Key_Home:
        emit weekChangeRequested(0);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activate();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

std::optional<std::pair<int, int>> WeekView::cellAt(const QPointF &point) const
{
    const QRectF grid = gridRect();
    if (!grid.contains(point))
        return std::nullopt;
    return std::make_pair(int((point.x() - grid.left()) / columnWidth()),
                          int((point.y() - grid.top()) / slotHeight()));
}

int WeekView::itemAt(const QPointF &point) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        const DiaryItem &item = m_items.at(i);
        const int day = int(m_monday.daysTo(item.startsAt.toTimeZone(Clock::londonZone()).date()));
        if (day >= 0 && day < kDays && spanRect(day, item.startsAt, item.endsAt).contains(point))
            return i;
    }
    return -1;
}

void WeekView::mousePressEvent(QMouseEvent *event)
{
    if (auto cell = cellAt(event->position()))
        setCursor(cell->first, cell->second);
    setFocus(Qt::MouseFocusReason);
}

void WeekView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int index = itemAt(event->position());
    if (index >= 0)
        emit itemActivated(m_items.at(index));
    else if (cellAt(event->position()))
        emit slotActivated(cursorTime());
}

bool WeekView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = itemAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(),
                               m_items[index].title + QLatin1Char('\n') + m_items[index].detail,
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void WeekView::activate()
{
    const int index = itemAtCursor();
    if (index >= 0)
        emit itemActivated(m_items.at(index));
    else
        emit slotActivated(cursorTime());
}

} // namespace lantern
