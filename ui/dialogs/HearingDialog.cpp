#include "HearingDialog.h"

#include "domain/Clock.h"
#include "domain/Labels.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace lantern {

HearingDialog::HearingDialog(Store &store, const QUuid &caseId, std::optional<Hearing> existing,
                             QWidget *parent)
    : RecordDialog(store, parent), m_caseId(existing ? existing->caseId : caseId),
      m_existing(std::move(existing)), m_kind(new QComboBox(this)),
      m_startsAt(new QDateTimeEdit(this)), m_venue(new QLineEdit(this)),
      m_daysBefore(new QSpinBox(this)), m_deadline(new QLabel(this)),
      m_note(new QPlainTextEdit(this))
{
    setWindowTitle(m_existing ? tr("Edit hearing") : tr("Add a hearing"));

    for (HearingKind kind : allValues<HearingKind>())
        m_kind->addItem(labelOf(kind), int(kind));
    // The editor holds the wall-clock time in England and Wales; UTC here means "no zone",
    // so that no daylight-saving rule of this laptop's zone can shift what was typed.
    m_startsAt->setTimeSpec(Qt::UTC);
    m_startsAt->setCalendarPopup(true);
    m_startsAt->setDisplayFormat(tr("d MMMM yyyy, HH:mm"));
    m_venue->setPlaceholderText(tr("e.g. Exampleton Civil Justice Centre, court 3"));
    m_daysBefore->setRange(-1, 365);
    m_daysBefore->setSpecialValueText(tr("No report due"));
    m_daysBefore->setSuffix(tr(" days before"));
    m_deadline->setStyleSheet(QStringLiteral("color: #555;"));
    m_deadline->setAccessibleName(tr("Filing deadline"));
    auto *deadlineRow = new QWidget(this);
    auto *deadlineLayout = new QHBoxLayout(deadlineRow);
    deadlineLayout->setContentsMargins(0, 0, 0, 0);
    deadlineLayout->addWidget(m_daysBefore);
    deadlineLayout->addWidget(m_deadline, 1);
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("e.g. Judge, time estimate, who should attend"));
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 3 + 12);

    addField(QStringLiteral("kind"), tr("&Hearing:"), m_kind);
    addField(QStringLiteral("starts_at"), tr("&Date and time (UK):"), m_startsAt);
    addField(QStringLiteral("venue"), tr("&Venue:"), m_venue);
    addField(QStringLiteral("filing_days_before"), tr("&Report due:"), m_daysBefore, deadlineRow);
    addField(QStringLiteral("note"), tr("&Note:"), m_note);
    m_daysBefore->setAccessibleName(tr("Report due, days before the hearing"));

    if (m_existing) {
        const Hearing &h = *m_existing;
        m_kind->setCurrentIndex(m_kind->findData(int(h.kind)));
        const QDateTime local = h.startsAt.toTimeZone(Clock::londonZone());
        setLocalStart(local.date(), local.time());
        m_venue->setText(h.venue);
        m_daysBefore->setValue(h.filingDaysBefore.value_or(-1));
        m_note->setPlainText(h.note);
    } else {
        m_kind->setCurrentIndex(m_kind->findData(int(HearingKind::CaseManagement)));
        setLocalStart(store.clock().today().addDays(14), QTime(10, 0));
        m_daysBefore->setValue(-1);
    }
    connect(m_startsAt, &QDateTimeEdit::dateTimeChanged, this, &HearingDialog::updateDeadline);
    connect(m_daysBefore, &QSpinBox::valueChanged, this, &HearingDialog::updateDeadline);
    updateDeadline();
    setMinimumWidth(560);
}

void HearingDialog::setLocalStart(const QDate &date, const QTime &time)
{
    m_startsAt->setDateTime(QDateTime(date, time, Qt::UTC));
}

Hearing HearingDialog::fromForm() const
{
    Hearing h = m_existing.value_or(Hearing{});
    h.caseId = m_caseId;
    h.kind = HearingKind(m_kind->currentData().toInt());
    h.startsAt = QDateTime(m_startsAt->date(), m_startsAt->time(), Clock::londonZone()).toUTC();
    h.venue = m_venue->text().trimmed();
    h.filingDaysBefore =
        m_daysBefore->value() < 0 ? std::nullopt : std::optional<int>(m_daysBefore->value());
    h.note = m_note->toPlainText().trimmed();
    return h;
}

void HearingDialog::updateDeadline()
{
    // The deadline comes from the hearing itself (core works it out).
    const QDate deadline = fromForm().filingDeadline();
    m_deadline->setText(deadline.isValid()
                            ? tr("The report is due on %1.")
                                  .arg(QLocale().toString(deadline, tr("dddd d MMMM yyyy")))
                            : QString());
}

Result<void> HearingDialog::save()
{
    HearingRepository hearings(m_store);
    auto saved = m_existing ? hearings.save(fromForm()) : hearings.add(fromForm());
    if (!saved)
        return saved.error();
    m_saved = *saved;
    return {};
}

} // namespace lantern
