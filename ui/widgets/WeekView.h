#pragma once

#include "schedule/Visit.h"
#include "schedule/WorkingHours.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QUuid>
#include <QWidget>

namespace lantern {

// One block in the diary: a visit or a hearing.
struct DiaryItem
{
    enum class Type
    {
        Visit,
        Hearing
    };
    Type type = Type::Visit;
    QUuid id;
    QUuid caseId;
    QDateTime startsAt; // UTC
    QDateTime endsAt;   // UTC
    int travelBeforeMin = 0;
    int travelAfterMin = 0;
    VisitStatus status = VisitStatus::Planned;
    QString title;  // e.g. "Home visit · Amelia, Ruby"
    QString detail; // e.g. the case number and place
};

// A week as columns (Monday to Sunday) and the working day as rows, with visits and hearings
// drawn as blocks (travel time shaded either side) and today marked. Keyboard: arrows move
// the cursor by day and half hour, Enter opens the block under it or plans a visit there,
// Page Up/Down change week, Home goes to today.
class WeekView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kFirstHour = 7;
    static constexpr int kLastHour = 20; // the grid ends at this hour
    static constexpr int kSlotMinutes = 30;

    explicit WeekView(QWidget *parent = nullptr);

    void setWeek(const QDate &monday, const QDate &today);
    void setItems(const QList<DiaryItem> &items);
    // Time outside these hours, and days that are not working days, are shaded.
    void setWorkingHours(const WorkingHours &hours);
    // Whether a half-hour slot of a day (0 = Monday) lies within the working hours.
    bool isWorkingSlot(int day, int slot) const;
    QDate monday() const { return m_monday; }
    const QList<DiaryItem> &items() const { return m_items; }

    // The cursor: a day of the week (0 = Monday) and a half-hour slot from kFirstHour.
    void setCursor(int day, int slot);
    int cursorDay() const { return m_cursorDay; }
    int cursorSlot() const { return m_cursorSlot; }
    // The start of the cursor's slot, in UTC.
    QDateTime cursorTime() const;
    // The block under the cursor, if any (index into items()), or -1.
    int itemAtCursor() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void itemActivated(const DiaryItem &item);
    void slotActivated(const QDateTime &startUtc);
    void weekChangeRequested(int weeks); // -1 back, +1 forward, 0 to this week

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF gridRect() const;
    double columnWidth() const;
    double slotHeight() const;
    // The rectangle of a span of local time on one day of the week (clipped to the grid).
    QRectF spanRect(int day, const QDateTime &fromUtc, const QDateTime &toUtc) const;
    std::optional<std::pair<int, int>> cellAt(const QPointF &point) const;
    int itemAt(const QPointF &point) const;
    void activate();

    QDate m_monday;
    QDate m_today;
    QList<DiaryItem> m_items;
    WorkingHours m_hours;
    int m_cursorDay = 0;
    int m_cursorSlot = 4; // 09:00
};

} // namespace lantern
