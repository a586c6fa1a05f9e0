#pragma once

#include "RecordDialog.h"
#include "schedule/Planning.h"
#include "schedule/Visit.h"

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace lantern {

// Plans a visit, or changes one (its time, or what happened: done, child not seen, cancelled).
// The planning rules are checked as the form changes and shown before saving; they warn and
// never block. "Find a time" offers the next free slots before the case's filing deadline.
class VisitDialog : public RecordDialog
{
    Q_OBJECT

public:
    // caseId may be null: the FCA then chooses the case (e.g. when planning from the diary).
    VisitDialog(Store &store, const QUuid &caseId, std::optional<Visit> existing,
                QWidget *parent = nullptr);

    Visit savedVisit() const { return m_saved; }
    // Sets the start as read on a clock in England and Wales.
    void setLocalStart(const QDate &date, const QTime &time);
    QLabel *warningsLabel() const { return m_warnings; }
    QListWidget *childList() const { return m_children; }
    QListWidget *slotList() const { return m_slots; }
    QPushButton *findTimeButton() const { return m_findTime; }
    // The warnings for what the form holds now.
    QList<PlanningWarning> currentWarnings() const { return m_currentWarnings; }

public slots:
    void findTime();

protected:
    Result<void> save() override;

private:
    Visit fromForm() const;
    void loadCase();
    void updateWarnings();
    void updateStatusRow();

    QUuid m_caseId;
    std::optional<Visit> m_existing;
    Visit m_saved;
    PlanningContext m_context;
    QList<PlanningWarning> m_currentWarnings;
    QComboBox *m_case;
    QListWidget *m_children;
    QComboBox *m_kind;
    QLineEdit *m_place;
    QDateTimeEdit *m_startsAt;
    QSpinBox *m_length;
    QSpinBox *m_travelBefore;
    QSpinBox *m_travelAfter;
    QLineEdit *m_attendees;
    QComboBox *m_status;
    QLineEdit *m_reason;
    QLabel *m_warnings;
    QPushButton *m_findTime;
    QListWidget *m_slots;
};

} // namespace lantern
