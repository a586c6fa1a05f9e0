#pragma once

#include "RecordDialog.h"
#include "domain/Records.h"

class QDateEdit;
class QPlainTextEdit;
class QRadioButton;

namespace lantern {

// Closes a case with what the court ordered, whether the order followed the FCA's
// recommendation, and the date. On a closed case it corrects those details.
class CloseCaseDialog : public RecordDialog
{
    Q_OBJECT

public:
    CloseCaseDialog(Store &store, const Case &existing, QWidget *parent = nullptr);

    Case savedCase() const { return m_saved; }
    QRadioButton *followedYes() const { return m_yes; }
    QRadioButton *followedNo() const { return m_no; }

protected:
    Result<void> save() override;

private:
    Case m_existing;
    Case m_saved;
    QPlainTextEdit *m_outcome;
    QRadioButton *m_yes;
    QRadioButton *m_no;
    QDateEdit *m_closedOn;
};

} // namespace lantern
