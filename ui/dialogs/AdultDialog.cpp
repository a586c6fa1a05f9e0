#include "AdultDialog.h"

#include "domain/Labels.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lantern {

AdultDialog::AdultDialog(Store &store, const QUuid &caseId, std::optional<Adult> existing,
                         QWidget *parent)
    : RecordDialog(store, parent), m_caseId(existing ? existing->caseId : caseId),
      m_existing(std::move(existing)), m_name(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_relationship(new QLineEdit(this)), m_phone(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_address(new QPlainTextEdit(this)),
      m_reveal(new QPushButton(this)), m_addressConfidential(new QCheckBox(this)),
      m_victim(new QCheckBox(this)), m_perpetrator(new QCheckBox(this)),
      m_mustNotKnow(new QCheckBox(this)), m_safetyNotes(new QPlainTextEdit(this))
{
    setWindowTitle(m_existing ? tr("Edit person") : tr("Add a person"));

    m_name->setPlaceholderText(tr("Full name"));
    for (AdultRole role : allValues<AdultRole>())
        m_role->addItem(labelOf(role), int(role));
    m_relationship->setPlaceholderText(tr("In words, e.g. Maternal grandmother"));

    // Which children this person matters to.
    auto *childrenRow = new QWidget(this);
    auto *childrenLayout = new QVBoxLayout(childrenRow);
    childrenLayout->setContentsMargins(0, 2, 0, 2);
    childrenLayout->setSpacing(4);
    auto children = ChildRepository(store).forCase(m_caseId);
    if (children) {
        for (const Child &child : std::as_const(*children)) {
            auto *box = new QCheckBox(child.nameToUse(), childrenRow);
            box->setProperty("childId", child.meta.id);
            box->setAccessibleName(tr("Matters to %1").arg(child.nameToUse()));
            box->setChecked(m_existing ? m_existing->childIds.contains(child.meta.id)
                                       : children->size() == 1);
            childrenLayout->addWidget(box);
            m_children.append(box);
        }
    }
    if (m_children.isEmpty()) {
        auto *none = new QLabel(tr("No children have been added to this case yet."), childrenRow);
        none->setStyleSheet(QStringLiteral("color: #666;"));
        childrenLayout->addWidget(none);
    }

    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    m_address->setTabChangesFocus(true);
    m_address->setFixedHeight(m_address->fontMetrics().lineSpacing() * 3 + 12);
    m_reveal->setText(tr("Re&veal to edit"));
    m_reveal->setAccessibleName(tr("Reveal the confidential address to edit it"));
    m_reveal->setToolTip(tr("Revealing a confidential address is recorded in the audit trail."));
    m_reveal->hide();
    connect(m_reveal, &QPushButton::clicked, this, &AdultDialog::revealAddress);
    auto *addressRow = new QWidget(this);
    auto *addressLayout = new QHBoxLayout(addressRow);
    addressLayout->setContentsMargins(0, 0, 0, 0);
    addressLayout->addWidget(m_address, 1);
    addressLayout->addWidget(m_reveal, 0, Qt::AlignTop);

    m_addressConfidential->setText(tr("Address is &confidential: never shown to the other party"));
    m_victim->setText(tr("Victim of &domestic abuse"));
    m_perpetrator->setText(tr("Alleged &perpetrator of abuse"));
    m_mustNotKnow->setText(tr("The child must not &know about this person"));
    auto *flagsRow = new QWidget(this);
    auto *flagsLayout = new QVBoxLayout(flagsRow);
    flagsLayout->setContentsMargins(0, 2, 0, 2);
    flagsLayout->setSpacing(4);
    for (QCheckBox *flag : {m_addressConfidential, m_victim, m_perpetrator, m_mustNotKnow}) {
        QString name = flag->text();
        flag->setAccessibleName(name.remove(QLatin1Char('&')));
        flagsLayout->addWidget(flag);
    }
    m_safetyNotes->setTabChangesFocus(true);
    m_safetyNotes->setPlaceholderText(tr("Anything that keeps the child or others safe"));
    m_safetyNotes->setFixedHeight(m_safetyNotes->fontMetrics().lineSpacing() * 3 + 12);

    addField(QStringLiteral("name"), tr("&Name:"), m_name);
    addField(QStringLiteral("role"), tr("&Role:"), m_role);
    addField(QStringLiteral("relationship"), tr("Re&lationship:"), m_relationship);
    auto *childrenLabel = new QLabel(tr("Matters to:"), this);
    form()->addRow(childrenLabel, childrenRow);
    if (!m_children.isEmpty())
        registerField(QStringLiteral("child_ids"), m_children.constFirst());
    addField(QStringLiteral("phone"), tr("P&hone:"), m_phone);
    addField(QStringLiteral("email"), tr("&Email:"), m_email);
    addField(QStringLiteral("address"), tr("&Address:"), m_address, addressRow);
    auto *flagsLabel = new QLabel(tr("Safety:"), this);
    form()->addRow(flagsLabel, flagsRow);
    registerField(QStringLiteral("address_confidential"), m_addressConfidential);
    registerField(QStringLiteral("domestic_abuse_victim"), m_victim);
    registerField(QStringLiteral("alleged_perpetrator"), m_perpetrator);
    registerField(QStringLiteral("child_must_not_know"), m_mustNotKnow);
    addField(QStringLiteral("safety_notes"), tr("Safe&ty notes:"), m_safetyNotes);

    if (m_existing) {
        const Adult &a = *m_existing;
        m_name->setText(a.name);
        m_role->setCurrentIndex(m_role->findData(int(a.role)));
        m_relationship->setText(a.relationship);
        m_phone->setText(a.phone);
        m_email->setText(a.email);
        m_addressConfidential->setChecked(a.addressConfidential);
        m_victim->setChecked(a.domesticAbuseVictim);
        m_perpetrator->setChecked(a.allegedPerpetrator);
        m_mustNotKnow->setChecked(a.childMustNotKnow);
        m_safetyNotes->setPlainText(a.safetyNotes);
        if (a.addressConfidential && !a.address.isEmpty()) {
            // Not even in this form until revealed: the reveal is what gets audited.
            m_addressHidden = true;
            m_address->setEnabled(false);
            m_address->setPlaceholderText(tr("Confidential address — hidden"));
            m_reveal->show();
        } else {
            m_address->setPlainText(a.address);
        }
    } else {
        m_role->setCurrentIndex(m_role->findData(int(AdultRole::Mother)));
    }
    setMinimumWidth(600);
}

void AdultDialog::revealAddress()
{
    if (!m_existing)
        return;
    auto address = AdultRepository(m_store).revealAddress(m_existing->meta.id);
    if (!address) {
        showError(address.error());
        return;
    }
    m_addressHidden = false;
    m_address->setPlaceholderText(QString());
    m_address->setPlainText(*address);
    m_address->setEnabled(true);
    m_reveal->hide();
    m_address->setFocus(Qt::OtherFocusReason);
}

Adult AdultDialog::fromForm() const
{
    Adult a = m_existing.value_or(Adult{});
    a.caseId = m_caseId;
    a.childIds.clear();
    for (QCheckBox *box : m_children)
        if (box->isChecked())
            a.childIds.append(box->property("childId").toUuid());
    a.name = m_name->text().trimmed();
    a.role = AdultRole(m_role->currentData().toInt());
    a.relationship = m_relationship->text().trimmed();
    a.phone = m_phone->text().trimmed();
    a.email = m_email->text().trimmed();
    // A hidden address is kept as stored.
    if (!m_addressHidden)
        a.address = m_address->toPlainText().trimmed();
    a.addressConfidential = m_addressConfidential->isChecked();
    a.domesticAbuseVictim = m_victim->isChecked();
    a.allegedPerpetrator = m_perpetrator->isChecked();
    a.childMustNotKnow = m_mustNotKnow->isChecked();
    a.safetyNotes = m_safetyNotes->toPlainText().trimmed();
    return a;
}

Result<void> AdultDialog::save()
{
    AdultRepository adults(m_store);
    auto saved = m_existing ? adults.save(fromForm()) : adults.add(fromForm());
    if (!saved)
        return saved.error();
    m_saved = *saved;
    return {};
}

} // namespace lantern
