#include "ProfileDialog.h"

#include "letters/FcaProfile.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>

namespace lantern {

ProfileDialog::ProfileDialog(Store &store, QWidget *parent)
    : QDialog(parent), m_store(store), m_name(new QLineEdit(this)), m_phone(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_office(new QLineEdit(this)), m_feedback(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(tr("Your details for letters"));
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("Letters to children are signed with these details (as their "
                                "Children's Guardian in public law, their Family Court Adviser "
                                "in private law). The feedback address is printed with a QR "
                                "code."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Office:"), m_office);
    form->addRow(tr("&Feedback address:"), m_feedback);
    m_feedback->setPlaceholderText(QStringLiteral("https://"));
    m_error->setStyleSheet(QStringLiteral("color: #9b1c1c;"));
    m_error->setWordWrap(true);
    m_error->hide();
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (auto profile = FcaProfile::load(store)) {
        m_name->setText(profile->name);
        m_phone->setText(profile->phone);
        m_email->setText(profile->email);
        m_office->setText(profile->office);
        m_feedback->setText(profile->feedbackLink);
    }
    setMinimumWidth(520);
}

void ProfileDialog::accept()
{
    const QString link = m_feedback->text().trimmed();
    const QUrl url(link, QUrl::StrictMode);
    if (!link.isEmpty() && (!url.isValid() || (url.scheme() != QLatin1String("https") &&
                                               url.scheme() != QLatin1String("http")))) {
        m_error->setText(tr("The feedback address must be a web address starting with https://"));
        m_error->show();
        m_feedback->setFocus();
        return;
    }
    FcaProfile profile{m_name->text(), m_phone->text(), m_email->text(), m_office->text(), link};
    if (auto saved = profile.save(m_store); !saved) {
        m_error->setText(saved.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace lantern
