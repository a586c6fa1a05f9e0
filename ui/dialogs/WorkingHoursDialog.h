#pragma once

#include <QDialog>
#include <QList>

class QCheckBox;
class QLabel;
class QTimeEdit;

namespace lantern {

class Store;

// "Working hours": the days and hours the diary shades and the visit planner warns outside of.
class WorkingHoursDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WorkingHoursDialog(Store &store, QWidget *parent = nullptr);
    void accept() override;
    QCheckBox *dayBox(int qtDay) const { return m_days.at(qtDay - 1); } // 1 = Monday
    QTimeEdit *startEdit() const { return m_start; }
    QTimeEdit *endEdit() const { return m_end; }
    QLabel *errorLabel() const { return m_error; }

private:
    Store &m_store;
    QList<QCheckBox *> m_days;
    QTimeEdit *m_start;
    QTimeEdit *m_end;
    QLabel *m_error;
};

} // namespace lantern
