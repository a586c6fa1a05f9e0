#include "CloseCaseDialog.h"

#include "store/Repositories.h"
#include "store/Store.h"

#include <QButtonGroup>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>

namespace lantern {

CloseCaseDialog::CloseCaseDialog(Store &store, const Case &existing, QWidget *parent)
    : RecordDialog(store, parent), m_existing(existing), m_outcome(new QPlainTextEdit(this)),
      m_yes(new QRadioButton(tr("&Yes"), this)), m_no(new QRadioButton(tr("&No"), this)),
      m_closedOn(new QDateEdit(this))
{
    const bool closed = existing.status == CaseStatus::Closed;
    setWindowTitle(closed ? tr("Outcome of case %1").arg(existing.caseNumber)
                          : tr("Close case %1").arg(existing.caseNumber));
    if (!closed)
        buttons()->button(QDialogButtonBox::Save)->setText(tr("C&lose case"));
    buttons()
        ->button(QDialogButtonBox::Save)
        ->setAccessibleName(closed ? tr("Save the outcome") : tr("Close the case"));

    m_outcome->setTabChangesFocus(true);
    m_outcome->setPlaceholderText(tr("e.g. Child arrangements order: lives with mother, spends "
                                     "time with father every other weekend"));
    m_outcome->setFixedHeight(m_outcome->fontMetrics().lineSpacing() * 4 + 12);

    // Neither answer is chosen until the FCA chooses one.
    auto *group = new QButtonGroup(this);
    group->addButton(m_yes);
    group->addButton(m_no);
    m_yes->setAccessibleName(tr("Yes, the order followed my recommendation"));
    m_no->setAccessibleName(tr("No, the order did not follow my recommendation"));
    auto *followedRow = new QWidget(this);
    followedRow->setAccessibleName(tr("Did the order follow your recommendation?"));
    auto *followedLayout = new QHBoxLayout(followedRow);
    followedLayout->setContentsMargins(0, 0, 0, 0);
    followedLayout->addWidget(m_yes);
    followedLayout->addWidget(m_no);
    followedLayout->addStretch(1);

    m_closedOn->setCalendarPopup(true);
    m_closedOn->setDisplayFormat(tr("d MMMM yyyy"));
    m_closedOn->setDate(store.clock().today());

    addField(QStringLiteral("outcome"), tr("What the court &ordered:"), m_outcome);
    auto *question = new QLabel(tr("Did the order follow your recommendation?"), this);
    question->setWordWrap(true);
    form()->addRow(question, followedRow);
    registerField(QStringLiteral("outcome_followed_recommendation"), m_yes);
    addField(QStringLiteral("closed_on"), tr("&Closing date:"), m_closedOn);

    if (closed) {
        m_outcome->setPlainText(existing.outcome);
        if (existing.outcomeFollowedRecommendation)
            (*existing.outcomeFollowedRecommendation ? m_yes : m_no)->setChecked(true);
        if (existing.closedOn.isValid())
            m_closedOn->setDate(existing.closedOn);
    }
    setMinimumWidth(600);
}

Result<void> CloseCaseDialog::save()
{
    Case c = m_existing;
    c.status = CaseStatus::Closed;
    c.outcome = m_outcome->toPlainText().trimmed();
    c.outcomeFollowedRecommendation =
        m_yes->isChecked() ? std::optional<bool>(true)
                           : (m_no->isChecked() ? std::optional<bool>(false) : std::nullopt);
    c.closedOn = m_closedOn->date();
    auto saved = CaseRepository(m_store).save(c);
    if (!saved)
        return saved.error();
    m_saved = *saved;
    return {};
}

} // namespace lantern
