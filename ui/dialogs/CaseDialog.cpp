#include "CaseDialog.h"

#include "domain/Labels.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace lantern {

CaseDialog::CaseDialog(Store &store, std::optional<Case> existing, QWidget *parent)
    : RecordDialog(store, parent), m_existing(std::move(existing)), m_number(new QLineEdit(this)),
      m_court(new QLineEdit(this)), m_kind(new QComboBox(this)), m_issued(new QDateEdit(this)),
      m_allocated(new QLineEdit(this)), m_domesticAbuse(new QCheckBox(this)),
      m_reviewSet(new QCheckBox(this)), m_review(new QDateEdit(this)),
      m_delay(new QPlainTextEdit(this))
{
    setWindowTitle(m_existing ? tr("Edit case %1").arg(m_existing->caseNumber) : tr("New case"));
    const QDate today = store.clock().today();

    m_number->setPlaceholderText(tr("e.g. ZZ26C00123"));
    m_court->setPlaceholderText(tr("e.g. Exampleton Family Court"));
    for (ProceedingsKind kind : allValues<ProceedingsKind>())
        m_kind->addItem(labelOf(kind), int(kind));
    m_issued->setCalendarPopup(true);
    m_issued->setDisplayFormat(tr("d MMMM yyyy"));
    m_issued->setDate(today);
    m_allocated->setPlaceholderText(tr("Your user name"));
    m_domesticAbuse->setText(tr("&Domestic abuse is a feature of this case"));
    m_domesticAbuse->setAccessibleName(tr("Domestic abuse is a feature of this case"));

    m_reviewSet->setText(tr("Due on"));
    m_reviewSet->setAccessibleName(tr("Next management review is set"));
    m_review->setCalendarPopup(true);
    m_review->setDisplayFormat(tr("d MMMM yyyy"));
    m_review->setDate(today.addDays(28));
    m_review->setAccessibleName(tr("Next management review date"));
    m_review->setEnabled(false);
    connect(m_reviewSet, &QCheckBox::toggled, m_review, &QWidget::setEnabled);
    auto *reviewRow = new QWidget(this);
    auto *reviewLayout = new QHBoxLayout(reviewRow);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    reviewLayout->addWidget(m_reviewSet);
    reviewLayout->addWidget(m_review, 1);

    m_delay->setTabChangesFocus(true);
    m_delay->setPlaceholderText(tr("Why the case has taken longer than expected, if it has"));
    m_delay->setFixedHeight(m_delay->fontMetrics().lineSpacing() * 4 + 12);

    addField(QStringLiteral("case_number"), tr("&Case number:"), m_number);
    addField(QStringLiteral("court"), tr("Co&urt:"), m_court);
    addField(QStringLiteral("kind"), tr("&Proceedings:"), m_kind);
    addField(QStringLiteral("issued_on"), tr("&Issued on:"), m_issued);
    addField(QStringLiteral("allocated_to"), tr("&Allocated to:"), m_allocated);
    form()->addRow(QString(), m_domesticAbuse);
    registerField(QStringLiteral("domestic_abuse"), m_domesticAbuse);
    addField(QStringLiteral("next_review_on"), tr("Next management &review:"), m_reviewSet,
             reviewRow);
    addField(QStringLiteral("delay_reason"), tr("R&eason for any delay:"), m_delay);

    if (m_existing) {
        const Case &c = *m_existing;
        m_number->setText(c.caseNumber);
        m_court->setText(c.court);
        m_kind->setCurrentIndex(m_kind->findData(int(c.kind)));
        if (c.issuedOn.isValid())
            m_issued->setDate(c.issuedOn);
        m_allocated->setText(c.allocatedTo);
        m_domesticAbuse->setChecked(c.domesticAbuse);
        m_reviewSet->setChecked(c.nextReviewOn.isValid());
        if (c.nextReviewOn.isValid())
            m_review->setDate(c.nextReviewOn);
        m_delay->setPlainText(c.delayReason);
    } else {
        m_allocated->setText(store.actor());
    }
    setMinimumWidth(560);
}

Case CaseDialog::fromForm() const
{
    // Start from the stored case so that what this dialog does not show is kept.
    Case c = m_existing.value_or(Case{});
    c.caseNumber = m_number->text().trimmed();
    c.court = m_court->text().trimmed();
    c.kind = ProceedingsKind(m_kind->currentData().toInt());
    c.issuedOn = m_issued->date();
    c.allocatedTo = m_allocated->text().trimmed();
    c.domesticAbuse = m_domesticAbuse->isChecked();
    c.nextReviewOn = m_reviewSet->isChecked() ? m_review->date() : QDate();
    c.delayReason = m_delay->toPlainText().trimmed();
    return c;
}

Result<void> CaseDialog::save()
{
    CaseRepository cases(m_store);
    auto saved = m_existing ? cases.save(fromForm()) : cases.add(fromForm());
    if (!saved)
        return saved.error();
    m_saved = *saved;
    return {};
}

} // namespace lantern
