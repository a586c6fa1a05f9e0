#pragma once

#include "RecordDialog.h"
#include "domain/Records.h"

#include <optional>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace lantern {

// Adds a child to a case, or edits what is known about one.
class ChildDialog : public RecordDialog
{
    Q_OBJECT

public:
    ChildDialog(Store &store, const QUuid &caseId, std::optional<Child> existing,
                QWidget *parent = nullptr);

    Child savedChild() const { return m_saved; }

protected:
    Result<void> save() override;

private:
    Child fromForm() const;

    QUuid m_caseId;
    std::optional<Child> m_existing;
    Child m_saved;
    QLineEdit *m_legalName;
    QLineEdit *m_preferredName;
    QDateEdit *m_dateOfBirth;
    QComboBox *m_pronouns;
    QLineEdit *m_firstLanguage;
    QComboBox *m_letterLanguage;
    QLineEdit *m_heritage;
    QLineEdit *m_faith;
    QLineEdit *m_school;
    QLineEdit *m_livesWith;
    QPlainTextEdit *m_whatMatters;
};

} // namespace lantern
