#pragma once

#include "WeekView.h"
#include "domain/Result.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace lantern {

class Store;

// The FCA's diary: a week of visits and hearings, and an agenda for today and tomorrow.
// Plan a visit by choosing a free half hour (or "Plan a visit"); open a visit to move it or
// to record what happened.
class DiaryView : public QWidget
{
    Q_OBJECT

public:
    explicit DiaryView(Store &store, QWidget *parent = nullptr);

    WeekView *weekView() const { return m_week; }
    QListWidget *agenda() const { return m_agenda; }
    QLabel *weekLabel() const { return m_weekLabel; }

    // The visits and hearings from `from` (inclusive) to `to` (exclusive), as diary blocks.
    static Result<QList<DiaryItem>> load(Store &store, const QDateTime &fromUtc,
                                         const QDateTime &toUtc);

public slots:
    // Reads the week again; while the diary is hidden it waits until it is next shown, so a
    // busy caseload never pays for a diary nobody is looking at.
    void reload();
    void showWeek(const QDate &anyDayOfTheWeek);
    void moveWeeks(int weeks); // 0: this week
    // Opens the visit dialog for a new visit (caseId may be null: the FCA picks the case).
    void planVisit(const QUuid &caseId = {}, const QDateTime &startUtc = {});
    void openItem(const DiaryItem &item);
    void exportCalendar();

signals:
    void visitsChanged();
    void caseRequested(const QUuid &caseId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillAgenda();

    Store &m_store;
    QDate m_monday;
    QLabel *m_weekLabel;
    QPushButton *m_previous;
    QPushButton *m_thisWeek;
    QPushButton *m_next;
    QPushButton *m_plan;
    QPushButton *m_export;
    WeekView *m_week;
    QListWidget *m_agenda;
    QLabel *m_problem;
    bool m_stale = true;            // the shown week and agenda need reading before they are seen
    QList<DiaryItem> m_agendaItems; // what the agenda rows stand for, by index
};

} // namespace lantern
