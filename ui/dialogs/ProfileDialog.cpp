#include "ProfileDialog.h"

#include "letters/FcaProfile.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace lantern {

ProfileDialog::ProfileDialog(Store &store, QWidget *parent)
    : RecordDialog(store, parent), m_name(new QLineEdit(this)), m_phone(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_office(new QLineEdit(this)), m_feedback(new QLineEdit(this))
{
    setWindowTitle(tr("Your details for letters"));
    auto *intro = new QLabel(tr("Letters to children are signed with these details (as their "
                                "Children's Guardian in public law, their Family Court Adviser "
                                "in private law). The feedback address is printed with a QR "
                                "code."),
                             this);
    intro->setWordWrap(true);
    form()->addRow(intro);
    addField(QStringLiteral("name"), tr("&Name:"), m_name);
    addField(QStringLiteral("phone"), tr("&Phone:"), m_phone);
    addField(QStringLiteral("email"), tr("&Email:"), m_email);
    addField(QStringLiteral("office"), tr("&Office:"), m_office);
    addField(QStringLiteral("feedback_link"), tr("&Feedback address:"), m_feedback);
    m_feedback->setPlaceholderText(QStringLiteral("https://"));
    if (auto profile = FcaProfile::load(store)) {
        m_name->setText(profile->name);
        m_phone->setText(profile->phone);
        m_email->setText(profile->email);
        m_office->setText(profile->office);
        m_feedback->setText(profile->feedbackLink);
    }
    setMinimumWidth(520);
}

Result<void> ProfileDialog::save()
{
    const FcaProfile profile{m_name->text(), m_phone->text(), m_email->text(), m_office->text(),
                             m_feedback->text()};
    return profile.save(m_store);
}

} // namespace lantern
