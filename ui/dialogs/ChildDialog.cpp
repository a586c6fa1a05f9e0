#include "ChildDialog.h"

#include "store/Repositories.h"
#include "store/Store.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace lantern {

ChildDialog::ChildDialog(Store &store, const QUuid &caseId, std::optional<Child> existing,
                         QWidget *parent)
    : RecordDialog(store, parent), m_caseId(caseId), m_existing(std::move(existing)),
      m_legalName(new QLineEdit(this)), m_preferredName(new QLineEdit(this)),
      m_dateOfBirth(new QDateEdit(this)), m_pronouns(new QComboBox(this)),
      m_firstLanguage(new QLineEdit(this)), m_letterLanguage(new QComboBox(this)),
      m_heritage(new QLineEdit(this)), m_faith(new QLineEdit(this)), m_school(new QLineEdit(this)),
      m_livesWith(new QLineEdit(this)), m_whatMatters(new QPlainTextEdit(this))
{
    setWindowTitle(m_existing ? tr("Edit child") : tr("Add a child"));
    const QDate today = store.clock().today();

    m_legalName->setPlaceholderText(tr("Full legal name"));
    m_preferredName->setPlaceholderText(tr("The name they like to be called"));
    // Until a date is chosen the field shows "Not entered": the earliest date stands for none.
    m_dateOfBirth->setCalendarPopup(true);
    m_dateOfBirth->setDisplayFormat(tr("d MMMM yyyy"));
    QDate none = today.addYears(-19).addDays(-1);
    if (m_existing && m_existing->dateOfBirth.isValid() && m_existing->dateOfBirth <= none)
        none = m_existing->dateOfBirth.addDays(-1);
    m_dateOfBirth->setMinimumDate(none);
    m_dateOfBirth->setSpecialValueText(tr("Not entered"));
    m_dateOfBirth->setDate(m_dateOfBirth->minimumDate());
    m_pronouns->setEditable(true);
    m_pronouns->addItems({QString(), tr("she/her"), tr("he/him"), tr("they/them")});
    m_firstLanguage->setPlaceholderText(tr("e.g. English, Welsh, Polish"));
    m_letterLanguage->addItem(tr("English"), QStringLiteral("en"));
    m_letterLanguage->addItem(tr("Welsh (Cymraeg)"), QStringLiteral("cy"));
    m_livesWith->setPlaceholderText(tr("e.g. Mother and maternal grandmother"));
    m_whatMatters->setTabChangesFocus(true);
    m_whatMatters->setPlaceholderText(tr("What matters to them, in their own words"));
    m_whatMatters->setFixedHeight(m_whatMatters->fontMetrics().lineSpacing() * 5 + 12);

    addField(QStringLiteral("legal_name"), tr("&Legal name:"), m_legalName);
    addField(QStringLiteral("preferred_name"), tr("&Preferred name:"), m_preferredName);
    addField(QStringLiteral("date_of_birth"), tr("&Date of birth:"), m_dateOfBirth);
    addField(QStringLiteral("pronouns"), tr("Pro&nouns:"), m_pronouns);
    addField(QStringLiteral("first_language"), tr("&First language:"), m_firstLanguage);
    addField(QStringLiteral("letter_language"), tr("Letters &written in:"), m_letterLanguage);
    addField(QStringLiteral("heritage"), tr("&Heritage:"), m_heritage);
    addField(QStringLiteral("faith"), tr("F&aith:"), m_faith);
    addField(QStringLiteral("school"), tr("S&chool:"), m_school);
    addField(QStringLiteral("lives_with"), tr("Lives w&ith:"), m_livesWith);
    addField(QStringLiteral("what_matters"), tr("What &matters to them:"), m_whatMatters);

    if (m_existing) {
        const Child &c = *m_existing;
        m_legalName->setText(c.legalName);
        m_preferredName->setText(c.preferredName);
        if (c.dateOfBirth.isValid())
            m_dateOfBirth->setDate(c.dateOfBirth);
        m_pronouns->setCurrentText(c.pronouns);
        m_firstLanguage->setText(c.firstLanguage);
        m_letterLanguage->setCurrentIndex(qMax(0, m_letterLanguage->findData(c.letterLanguage)));
        m_heritage->setText(c.heritage);
        m_faith->setText(c.faith);
        m_school->setText(c.school);
        m_livesWith->setText(c.livesWith);
        m_whatMatters->setPlainText(c.whatMatters);
    }
    setMinimumWidth(560);
}

Child ChildDialog::fromForm() const
{
    Child c = m_existing.value_or(Child{});
    c.caseId = m_existing ? m_existing->caseId : m_caseId;
    c.legalName = m_legalName->text().trimmed();
    c.preferredName = m_preferredName->text().trimmed();
    c.dateOfBirth =
        m_dateOfBirth->date() == m_dateOfBirth->minimumDate() ? QDate() : m_dateOfBirth->date();
    c.pronouns = m_pronouns->currentText().trimmed();
    c.firstLanguage = m_firstLanguage->text().trimmed();
    c.letterLanguage = m_letterLanguage->currentData().toString();
    c.heritage = m_heritage->text().trimmed();
    c.faith = m_faith->text().trimmed();
    c.school = m_school->text().trimmed();
    c.livesWith = m_livesWith->text().trimmed();
    c.whatMatters = m_whatMatters->toPlainText().trimmed();
    return c;
}

Result<void> ChildDialog::save()
{
    ChildRepository children(m_store);
    auto saved = m_existing ? children.save(fromForm()) : children.add(fromForm());
    if (!saved)
        return saved.error();
    m_saved = *saved;
    return {};
}

} // namespace lantern
