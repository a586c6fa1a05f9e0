#pragma once

#include "RecordDialog.h"
#include "domain/Records.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace lantern {

// Adds a case, or edits the details of one (closing a case is CloseCaseDialog's work).
class CaseDialog : public RecordDialog
{
    Q_OBJECT

public:
    CaseDialog(Store &store, std::optional<Case> existing, QWidget *parent = nullptr);

    // The case as saved, once the dialog was accepted.
    Case savedCase() const { return m_saved; }

protected:
    Result<void> save() override;

private:
    Case fromForm() const;

    std::optional<Case> m_existing;
    Case m_saved;
    QLineEdit *m_number;
    QLineEdit *m_court;
    QComboBox *m_kind;
    QDateEdit *m_issued;
    QLineEdit *m_allocated;
    QCheckBox *m_domesticAbuse;
    QCheckBox *m_reviewSet;
    QDateEdit *m_review;
    QPlainTextEdit *m_delay;
};

} // namespace lantern
