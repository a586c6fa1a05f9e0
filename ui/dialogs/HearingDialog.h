#pragma once

#include "RecordDialog.h"
#include "domain/Records.h"

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace lantern {

// Lists a hearing, or changes one. The time is entered as it is in England and Wales and
// stored in UTC; the report's filing deadline is a number of days before the hearing, so it
// moves when the hearing moves.
class HearingDialog : public RecordDialog
{
    Q_OBJECT

public:
    HearingDialog(Store &store, const QUuid &caseId, std::optional<Hearing> existing,
                  QWidget *parent = nullptr);

    Hearing savedHearing() const { return m_saved; }
    // Sets the hearing's date and time as read on a clock in England and Wales.
    void setLocalStart(const QDate &date, const QTime &time);

protected:
    Result<void> save() override;

private:
    Hearing fromForm() const;
    void updateDeadline();

    QUuid m_caseId;
    std::optional<Hearing> m_existing;
    Hearing m_saved;
    QComboBox *m_kind;
    QDateTimeEdit *m_startsAt;
    QLineEdit *m_venue;
    QSpinBox *m_daysBefore;
    QLabel *m_deadline;
    QPlainTextEdit *m_note;
};

} // namespace lantern
