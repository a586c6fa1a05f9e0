#pragma once

#include "RecordDialog.h"

#include <QList>

class QCheckBox;
class QTimeEdit;

namespace lantern {

// "Working hours": the days and hours the diary shades and the visit planner warns outside of.
class WorkingHoursDialog : public RecordDialog
{
    Q_OBJECT

public:
    explicit WorkingHoursDialog(Store &store, QWidget *parent = nullptr);
    QCheckBox *dayBox(int qtDay) const { return m_days.at(qtDay - 1); } // 1 = Monday
    QTimeEdit *startEdit() const { return m_start; }
    QTimeEdit *endEdit() const { return m_end; }

protected:
    Result<void> save() override;

private:
    QList<QCheckBox *> m_days;
    QTimeEdit *m_start;
    QTimeEdit *m_end;
};

} // namespace lantern
