#include "RecordDialog.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lantern {

RecordDialog::RecordDialog(Store &store, QWidget *parent)
    : QDialog(parent), m_store(store), m_form(new QFormLayout), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setVerticalSpacing(8);
    m_form->setHorizontalSpacing(14);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #a33a3a;"));
    m_error->setAccessibleName(tr("Problem"));
    m_error->hide();

    m_buttons->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RecordDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(12);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
}

void RecordDialog::addField(const QString &column, const QString &label, QWidget *control,
                            QWidget *rowWidget)
{
    auto *labelWidget = new QLabel(label, this);
    labelWidget->setBuddy(control);
    QString accessible = label;
    accessible.remove(QLatin1Char('&'));
    if (accessible.endsWith(QLatin1Char(':')))
        accessible.chop(1);
    if (control->accessibleName().isEmpty())
        control->setAccessibleName(accessible);
    m_form->addRow(labelWidget, rowWidget ? rowWidget : control);
    if (!column.isEmpty())
        registerField(column, control);
}

void RecordDialog::registerField(const QString &column, QWidget *control)
{
    if (control->objectName().isEmpty())
        control->setObjectName(column);
    m_fields.insert(column, control);
}

void RecordDialog::showError(const Error &error)
{
    m_error->setText(error.message);
    m_error->show();
    if (QWidget *field = m_fields.value(error.field); field && field->isEnabled())
        field->setFocus(Qt::OtherFocusReason);
}

void RecordDialog::clearError()
{
    m_error->clear();
    m_error->hide();
}

void RecordDialog::accept()
{
    if (auto saved = save(); !saved) {
        showError(saved.error());
        return;
    }
    clearError();
    QDialog::accept();
}

} // namespace lantern
