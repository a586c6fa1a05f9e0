#pragma once

#include <QDialog>

class QLineEdit;
class QLabel;

namespace lantern {

class Store;

// "Your details": who letters come from, and the feedback address their QR code points to.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProfileDialog(Store &store, QWidget *parent = nullptr);
    void accept() override;
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *feedbackEdit() const { return m_feedback; }

private:
    Store &m_store;
    QLineEdit *m_name;
    QLineEdit *m_phone;
    QLineEdit *m_email;
    QLineEdit *m_office;
    QLineEdit *m_feedback;
    QLabel *m_error;
};

} // namespace lantern
