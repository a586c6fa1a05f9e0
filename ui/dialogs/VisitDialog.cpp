#include "VisitDialog.h"

#include "domain/Clock.h"
#include "domain/Labels.h"
#include "schedule/VisitRepository.h"
#include "store/CaseloadQuery.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lantern {

namespace {

QString slotText(const Slot &slot)
{
    const QLocale locale;
    const QDateTime start = slot.startsAt.toTimeZone(Clock::londonZone());
    const QDateTime end = slot.endsAt.toTimeZone(Clock::londonZone());
    return QStringLiteral("%1, %2–%3")
        .arg(locale.toString(start.date(), QStringLiteral("ddd d MMM")),
             start.time().toString(QStringLiteral("HH:mm")),
             end.time().toString(QStringLiteral("HH:mm")));
}

} // namespace

VisitDialog::VisitDialog(Store &store, const QUuid &caseId, std::optional<Visit> existing,
                         QWidget *parent)
    : RecordDialog(store, parent), m_caseId(existing ? existing->caseId : caseId),
      m_existing(std::move(existing)), m_case(new QComboBox(this)),
      m_children(new QListWidget(this)), m_kind(new QComboBox(this)), m_place(new QLineEdit(this)),
      m_startsAt(new QDateTimeEdit(this)), m_length(new QSpinBox(this)),
      m_travelBefore(new QSpinBox(this)), m_travelAfter(new QSpinBox(this)),
      m_attendees(new QLineEdit(this)), m_status(new QComboBox(this)),
      m_reason(new QLineEdit(this)), m_warnings(new QLabel(this)),
      m_findTime(new QPushButton(tr("&Find a time…"), this)), m_slots(new QListWidget(this))
{
    setWindowTitle(m_existing ? tr("Visit") : tr("Plan a visit"));

    // The case: fixed when the dialog is opened from a case file or for a visit.
    if (m_caseId.isNull())
        m_case->addItem(tr("Choose the case…"), QUuid());
    auto rows = CaseloadQuery(store).rows();
    if (rows) {
        for (const CaseloadRow &row : std::as_const(*rows)) {
            if (row.status != CaseStatus::Open && row.caseId != m_caseId)
                continue;
            m_case->addItem(QStringLiteral("%1 · %2").arg(
                                row.caseNumber, row.childNames.join(QStringLiteral(", "))),
                            row.caseId);
        }
    }
    if (!m_caseId.isNull())
        m_case->setCurrentIndex(m_case->findData(m_caseId));
    m_case->setEnabled(m_caseId.isNull());
    m_children->setMaximumHeight(m_children->fontMetrics().lineSpacing() * 4 + 12);

    for (VisitKind kind : allValues<VisitKind>())
        m_kind->addItem(labelOf(kind), int(kind));
    m_place->setPlaceholderText(tr("e.g. home, school, family centre"));
    // Wall-clock time in England and Wales (see HearingDialog for why the spec is UTC).
    m_startsAt->setTimeSpec(Qt::UTC);
    m_startsAt->setCalendarPopup(true);
    m_startsAt->setDisplayFormat(tr("ddd d MMMM yyyy, HH:mm"));
    m_length->setRange(15, VisitRepository::kMaxLengthMin);
    m_length->setSingleStep(15);
    m_length->setSuffix(tr(" min"));
    for (QSpinBox *travel : {m_travelBefore, m_travelAfter}) {
        travel->setRange(0, VisitRepository::kMaxTravelMin);
        travel->setSingleStep(5);
        travel->setSuffix(tr(" min"));
    }
    m_travelBefore->setAccessibleName(tr("Travel before"));
    m_travelAfter->setAccessibleName(tr("Travel after"));
    auto *travelRow = new QWidget(this);
    auto *travelLayout = new QHBoxLayout(travelRow);
    travelLayout->setContentsMargins(0, 0, 0, 0);
    travelLayout->addWidget(m_travelBefore);
    travelLayout->addWidget(new QLabel(tr("before, and"), travelRow));
    travelLayout->addWidget(m_travelAfter);
    travelLayout->addWidget(new QLabel(tr("after"), travelRow));
    travelLayout->addStretch(1);
    m_attendees->setPlaceholderText(tr("e.g. foster carer, interpreter"));
    for (VisitStatus status : allValues<VisitStatus>())
        m_status->addItem(labelOf(status), int(status));
    m_reason->setPlaceholderText(tr("Why the child was not seen, or why the visit was cancelled"));

    auto *startRow = new QWidget(this);
    auto *startLayout = new QHBoxLayout(startRow);
    startLayout->setContentsMargins(0, 0, 0, 0);
    startLayout->addWidget(m_startsAt, 1);
    startLayout->addWidget(m_findTime);
    m_slots->setAccessibleName(tr("Free times"));
    m_slots->setMaximumHeight(m_slots->fontMetrics().lineSpacing() * 6 + 12);

    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_warnings->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4e0; color: #5a3b00; border: 1px solid #e8c27a;"
                       " border-radius: 4px; padding: 6px; }"));
    m_warnings->setAccessibleName(tr("Planning warnings"));
    m_warnings->hide();

    addField(QStringLiteral("case_id"), tr("&Case:"), m_case);
    addField(QStringLiteral("child_ids"), tr("C&hildren:"), m_children);
    addField(QStringLiteral("kind"), tr("&Kind:"), m_kind);
    addField(QStringLiteral("place"), tr("&Place:"), m_place);
    addField(QStringLiteral("starts_at"), tr("&Starts (UK):"), m_startsAt, startRow);
    addField(QStringLiteral("slots"), tr("Free times:"), m_slots);
    addField(QStringLiteral("ends_at"), tr("&Length:"), m_length);
    addField(QStringLiteral("travel_before_min"), tr("&Travel:"), m_travelBefore, travelRow);
    registerField(QStringLiteral("travel_after_min"), m_travelAfter);
    addField(QStringLiteral("attendees"), tr("&Who else:"), m_attendees);
    addField(QStringLiteral("status"), tr("Stat&us:"), m_status);
    addField(QStringLiteral("status_reason"), tr("&Reason:"), m_reason);
    form()->addRow(m_warnings);
    form()->setRowVisible(m_slots, false); // shown once "Find a time" has something to offer

    if (m_existing) {
        const Visit &v = *m_existing;
        m_kind->setCurrentIndex(m_kind->findData(int(v.kind)));
        m_place->setText(v.place);
        const QDateTime local = v.startsAt.toTimeZone(Clock::londonZone());
        setLocalStart(local.date(), local.time());
        m_length->setValue(int(v.startsAt.secsTo(v.endsAt) / 60));
        m_travelBefore->setValue(v.travelBeforeMin);
        m_travelAfter->setValue(v.travelAfterMin);
        m_attendees->setText(v.attendees);
        m_status->setCurrentIndex(m_status->findData(int(v.status)));
        m_reason->setText(v.statusReason);
    } else {
        setLocalStart(store.clock().today().addDays(1), QTime(10, 0));
        m_length->setValue(60);
        m_travelBefore->setValue(30);
        m_travelAfter->setValue(30);
        m_status->setCurrentIndex(m_status->findData(int(VisitStatus::Planned)));
    }
    loadCase();

    connect(m_case, &QComboBox::currentIndexChanged, this, [this] {
        m_caseId = m_case->currentData().toUuid();
        loadCase();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // Phone and video calls need no travel.
        if (VisitKind(m_kind->currentData().toInt()) == VisitKind::Video ||
            VisitKind(m_kind->currentData().toInt()) == VisitKind::Phone) {
            m_travelBefore->setValue(0);
            m_travelAfter->setValue(0);
        }
        updateWarnings();
    });
    connect(m_startsAt, &QDateTimeEdit::dateTimeChanged, this, &VisitDialog::updateWarnings);
    for (QSpinBox *spin : {m_length, m_travelBefore, m_travelAfter})
        connect(spin, &QSpinBox::valueChanged, this, &VisitDialog::updateWarnings);
    connect(m_children, &QListWidget::itemChanged, this, &VisitDialog::updateWarnings);
    connect(m_status, &QComboBox::currentIndexChanged, this, &VisitDialog::updateStatusRow);
    connect(m_findTime, &QPushButton::clicked, this, &VisitDialog::findTime);
    connect(m_slots, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QDateTime start =
            item->data(Qt::UserRole).toDateTime().toTimeZone(Clock::londonZone());
        setLocalStart(start.date(), start.time());
        m_startsAt->setFocus();
    });
    updateStatusRow();
    setMinimumWidth(600);
}

void VisitDialog::setLocalStart(const QDate &date, const QTime &time)
{
    m_startsAt->setDateTime(QDateTime(date, time, Qt::UTC));
}

void VisitDialog::loadCase()
{
    const QSet<QUuid> chosen =
        m_existing ? QSet<QUuid>(m_existing->childIds.cbegin(), m_existing->childIds.cend())
                   : QSet<QUuid>();
    m_children->clear();
    if (!m_caseId.isNull()) {
        auto children = ChildRepository(m_store).forCase(m_caseId);
        if (children) {
            for (const Child &child : std::as_const(*children)) {
                auto *item = new QListWidgetItem(child.nameToUse(), m_children);
                item->setData(Qt::UserRole, child.meta.id);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                // A new visit is with every child of the case unless the FCA says otherwise.
                item->setCheckState(m_existing && !chosen.contains(child.meta.id) ? Qt::Unchecked
                                                                                  : Qt::Checked);
            }
        }
    }
    // The context around the visit: a fortnight either side of today and of the visit.
    const QDateTime now = m_store.clock().nowUtc();
    auto context = PlanningContext::load(m_store, m_caseId, now.addDays(-14), now.addDays(120));
    m_context = context ? *context : PlanningContext{};
    updateWarnings();
}

Visit VisitDialog::fromForm() const
{
    Visit v = m_existing.value_or(Visit{});
    v.caseId = m_caseId;
    v.childIds.clear();
    for (int i = 0; i < m_children->count(); ++i)
        if (m_children->item(i)->checkState() == Qt::Checked)
            v.childIds.append(m_children->item(i)->data(Qt::UserRole).toUuid());
    v.kind = VisitKind(m_kind->currentData().toInt());
    v.place = m_place->text().trimmed();
    v.startsAt = QDateTime(m_startsAt->date(), m_startsAt->time(), Clock::londonZone()).toUTC();
    v.endsAt = v.startsAt.addSecs(60LL * m_length->value());
    v.travelBeforeMin = m_travelBefore->value();
    v.travelAfterMin = m_travelAfter->value();
    v.attendees = m_attendees->text().trimmed();
    v.status = VisitStatus(m_status->currentData().toInt());
    v.statusReason = m_reason->text().trimmed();
    return v;
}

void VisitDialog::updateWarnings()
{
    const Visit visit = fromForm();
    // What happened is history: the planning rules are for what is still to come.
    m_currentWarnings = visit.status == VisitStatus::Planned
                            ? PlanningRules::check(visit, m_context)
                            : QList<PlanningWarning>{};
    if (m_currentWarnings.isEmpty()) {
        m_warnings->hide();
        m_warnings->clear();
        return;
    }
    QStringList lines;
    for (const PlanningWarning &w : std::as_const(m_currentWarnings))
        lines.append(QStringLiteral("• ") + w.message.toHtmlEscaped());
    m_warnings->setText(tr("<b>Check before saving</b> (you can still save):") +
                        QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));
    m_warnings->show();
}

void VisitDialog::updateStatusRow()
{
    const auto status = VisitStatus(m_status->currentData().toInt());
    const bool needsReason = status == VisitStatus::NotSeen || status == VisitStatus::Cancelled;
    m_reason->setEnabled(needsReason);
    updateWarnings();
}

void VisitDialog::findTime()
{
    SlotRequest request;
    request.kind = VisitKind(m_kind->currentData().toInt());
    request.lengthMin = m_length->value();
    request.travelMin = std::max(m_travelBefore->value(), m_travelAfter->value());
    request.notBefore = m_store.clock().nowUtc();
    request.notAfter = m_context.filingDeadline.isValid() ? m_context.filingDeadline
                                                          : m_store.clock().today().addDays(28);
    PlanningContext context = m_context;
    if (m_existing) // the visit being moved does not block its own new time
        context.visits.removeIf([&](const Visit &v) { return v.meta.id == m_existing->meta.id; });
    const QList<Slot> offers = FreeSlots::find(request, context);
    m_slots->clear();
    for (const Slot &slot : offers) {
        auto *item = new QListWidgetItem(slotText(slot), m_slots);
        item->setData(Qt::UserRole, slot.startsAt);
    }
    if (offers.isEmpty()) {
        auto *item = new QListWidgetItem(
            tr("No free time before %1. Try a shorter visit, or plan it anyway.")
                .arg(QLocale().toString(request.notAfter, QLocale::ShortFormat)),
            m_slots);
        item->setFlags(Qt::NoItemFlags);
    }
    form()->setRowVisible(m_slots, true);
    m_slots->setCurrentRow(0);
    m_slots->setFocus();
}

Result<void> VisitDialog::save()
{
    if (m_caseId.isNull())
        return makeError(ErrorCode::InvalidInput, tr("Choose the case this visit is for."),
                         QStringLiteral("case_id"));
    VisitRepository visits(m_store);
    auto saved = m_existing ? visits.save(fromForm()) : visits.add(fromForm());
    if (!saved)
        return saved.error();
    m_saved = *saved;
    return {};
}

} // namespace lantern
