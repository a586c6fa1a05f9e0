#pragma once

#include "RecordDialog.h"
#include "domain/Records.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lantern {

// Adds or edits an adult who matters to the children of a case: who they are to each child,
// how to reach them, and the safety flags that keep children and victims safe. A confidential
// address stays hidden until it is revealed, and each reveal is audited (by core).
class AdultDialog : public RecordDialog
{
    Q_OBJECT

public:
    AdultDialog(Store &store, const QUuid &caseId, std::optional<Adult> existing,
                QWidget *parent = nullptr);

    Adult savedAdult() const { return m_saved; }
    QList<QCheckBox *> childBoxes() const { return m_children; }
    QPushButton *revealButton() const { return m_reveal; }

protected:
    Result<void> save() override;

private:
    Adult fromForm() const;
    void revealAddress();

    QUuid m_caseId;
    std::optional<Adult> m_existing;
    Adult m_saved;
    bool m_addressHidden = false; // a stored confidential address not yet revealed here
    QList<QCheckBox *> m_children;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLineEdit *m_relationship;
    QLineEdit *m_phone;
    QLineEdit *m_email;
    QPlainTextEdit *m_address;
    QPushButton *m_reveal;
    QCheckBox *m_addressConfidential;
    QCheckBox *m_victim;
    QCheckBox *m_perpetrator;
    QCheckBox *m_mustNotKnow;
    QPlainTextEdit *m_safetyNotes;
};

} // namespace lantern
