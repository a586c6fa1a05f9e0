#pragma once

#include "RecordDialog.h"

class QLineEdit;

namespace lantern {

// "Your details": who letters come from, and the feedback address their QR code points to.
class ProfileDialog : public RecordDialog
{
    Q_OBJECT

public:
    explicit ProfileDialog(Store &store, QWidget *parent = nullptr);
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *feedbackEdit() const { return m_feedback; }

protected:
    Result<void> save() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_phone;
    QLineEdit *m_email;
    QLineEdit *m_office;
    QLineEdit *m_feedback;
};

} // namespace lantern
