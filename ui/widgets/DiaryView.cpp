#include "DiaryView.h"

#include "dialogs/VisitDialog.h"
#include "domain/Clock.h"
#include "domain/Labels.h"
#include "schedule/IcsExport.h"
#include "schedule/VisitRepository.h"
#include "schedule/WorkingHours.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSplitter>
#include <QVBoxLayout>

namespace lantern {

namespace {

QDateTime londonMidnight(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), Clock::londonZone()).toUTC();
}

} // namespace

DiaryView::DiaryView(Store &store, QWidget *parent)
    : QWidget(parent), m_store(store), m_weekLabel(new QLabel(this)),
      m_previous(new QPushButton(tr("◀ &Previous"), this)),
      m_thisWeek(new QPushButton(tr("This &week"), this)),
      m_next(new QPushButton(tr("N&ext ▶"), this)),
      m_plan(new QPushButton(tr("Plan a &visit…"), this)),
      m_export(new QPushButton(tr("E&xport to calendar…"), this)), m_week(new WeekView(this)),
      m_agenda(new QListWidget(this)), m_problem(new QLabel(this))
{
    QFont heading = m_weekLabel->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.2);
    m_weekLabel->setFont(heading);
    m_previous->setToolTip(tr("Previous week (Page Up in the diary)"));
    m_next->setToolTip(tr("Next week (Page Down in the diary)"));
    m_export->setToolTip(tr("Save your visits as a calendar file (.ics) for your phone or "
                            "work calendar: initials and the kind of visit only."));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previous);
    bar->addWidget(m_thisWeek);
    bar->addWidget(m_next);
    bar->addSpacing(12);
    bar->addWidget(m_weekLabel, 1);
    bar->addWidget(m_plan);
    bar->addWidget(m_export);

    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *agendaBox = new QWidget(this);
    auto *agendaLayout = new QVBoxLayout(agendaBox);
    agendaLayout->setContentsMargins(0, 0, 0, 0);
    auto *agendaTitle = new QLabel(tr("<b>Today and tomorrow</b>"), agendaBox);
    agendaLayout->addWidget(agendaTitle);
    agendaLayout->addWidget(m_agenda, 1);
    m_agenda->setAccessibleName(tr("Agenda for today and tomorrow"));
    m_agenda->setWordWrap(true);
    m_agenda->setMinimumWidth(240);

    auto *split = new QSplitter(this);
    split->addWidget(m_week);
    split->addWidget(agendaBox);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(bar);
    layout->addWidget(m_problem);
    layout->addWidget(split, 1);
    setFocusProxy(m_week);

    connect(m_previous, &QPushButton::clicked, this, [this] { moveWeeks(-1); });
    connect(m_next, &QPushButton::clicked, this, [this] { moveWeeks(1); });
    connect(m_thisWeek, &QPushButton::clicked, this, [this] { moveWeeks(0); });
    connect(m_plan, &QPushButton::clicked, this, [this] { planVisit(); });
    connect(m_export, &QPushButton::clicked, this, &DiaryView::exportCalendar);
    connect(m_week, &WeekView::weekChangeRequested, this, &DiaryView::moveWeeks);
    connect(m_week, &WeekView::itemActivated, this, &DiaryView::openItem);
    connect(m_week, &WeekView::slotActivated, this,
            [this](const QDateTime &start) { planVisit({}, start); });
    connect(m_agenda, &QListWidget::itemActivated, this, [this](QListWidgetItem *entry) {
        const int index = entry->data(Qt::UserRole).toInt();
        if (index >= 0 && index < m_agendaItems.size())
            openItem(m_agendaItems.at(index));
    });

    showWeek(m_store.clock().today());
}

Result<QList<DiaryItem>> DiaryView::load(Store &store, const QDateTime &fromUtc,
                                         const QDateTime &toUtc)
{
    auto visits = VisitRepository(store).where(
        QStringLiteral("starts_at >= ? AND starts_at < ?"),
        {storeValue::fromTime(fromUtc), storeValue::fromTime(toUtc)}, QStringLiteral("starts_at"));
    if (!visits)
        return visits.error();
    auto hearings = HearingRepository(store).where(
        QStringLiteral("starts_at >= ? AND starts_at < ?"),
        {storeValue::fromTime(fromUtc), storeValue::fromTime(toUtc)}, QStringLiteral("starts_at"));
    if (!hearings)
        return hearings.error();
    // Only the children and cases these items name: the week, not the whole caseload.
    QSet<QUuid> childIds;
    QSet<QUuid> caseIds;
    for (const Visit &visit : std::as_const(*visits)) {
        caseIds.insert(visit.caseId);
        for (const QUuid &id : visit.childIds)
            childIds.insert(id);
    }
    for (const Hearing &hearing : std::as_const(*hearings))
        caseIds.insert(hearing.caseId);
    QHash<QUuid, QString> childNames;
    QHash<QUuid, QString> caseNumbers;
    if (auto children = ChildRepository(store).byIds(childIds.values()))
        for (const Child &child : std::as_const(*children))
            childNames.insert(child.meta.id, child.nameToUse());
    if (auto cases = CaseRepository(store).byIds(caseIds.values()))
        for (const Case &c : std::as_const(*cases))
            caseNumbers.insert(c.meta.id, c.caseNumber);

    QList<DiaryItem> items;
    for (const Visit &visit : std::as_const(*visits)) {
        DiaryItem item;
        item.type = DiaryItem::Type::Visit;
        item.id = visit.meta.id;
        item.caseId = visit.caseId;
        item.startsAt = visit.startsAt;
        item.endsAt = visit.endsAt;
        item.travelBeforeMin = visit.travelBeforeMin;
        item.travelAfterMin = visit.travelAfterMin;
        item.status = visit.status;
        QStringList names;
        for (const QUuid &id : visit.childIds)
            names.append(childNames.value(id));
        item.title = labelOf(visit.kind) + QStringLiteral(" · ") + names.join(QStringLiteral(", "));
        item.detail =
            QStringList{caseNumbers.value(visit.caseId), visit.place, labelOf(visit.status)}.join(
                QStringLiteral(" · "));
        items.append(item);
    }
    for (const Hearing &hearing : std::as_const(*hearings)) {
        DiaryItem item;
        item.type = DiaryItem::Type::Hearing;
        item.id = hearing.meta.id;
        item.caseId = hearing.caseId;
        item.startsAt = hearing.startsAt;
        item.endsAt = hearing.startsAt.addSecs(2 * 3600); // a hearing's slot in the diary
        item.title = labelOf(hearing.kind);
        item.detail = QStringList{caseNumbers.value(hearing.caseId), hearing.venue}.join(
            QStringLiteral(" · "));
        items.append(item);
    }
    std::sort(items.begin(), items.end(),
              [](const DiaryItem &a, const DiaryItem &b) { return a.startsAt < b.startsAt; });
    return items;
}

void DiaryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void DiaryView::reload()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    auto items = load(m_store, londonMidnight(m_monday), londonMidnight(m_monday.addDays(7)));
    if (!items) {
        m_problem->setText(items.error().message);
        m_problem->show();
        return;
    }
    m_problem->hide();
    m_week->setWeek(m_monday, m_store.clock().today());
    if (auto hours = WorkingHours::load(m_store))
        m_week->setWorkingHours(*hours);
    m_week->setItems(*items);
    const QLocale locale;
    m_weekLabel->setText(tr("Week of %1").arg(locale.toString(m_monday, tr("d MMMM yyyy"))));
    fillAgenda();
}

void DiaryView::fillAgenda()
{
    m_agenda->clear();
    m_agendaItems.clear();
    const QDate today = m_store.clock().today();
    auto items = load(m_store, londonMidnight(today), londonMidnight(today.addDays(2)));
    if (!items)
        return;
    m_agendaItems = *items;
    const QLocale locale;
    QDate shown;
    for (int i = 0; i < items->size(); ++i) {
        const DiaryItem &item = items->at(i);
        const QDateTime local = item.startsAt.toTimeZone(Clock::londonZone());
        if (local.date() != shown) {
            shown = local.date();
            auto *heading =
                new QListWidgetItem(shown == today ? tr("Today") : tr("Tomorrow"), m_agenda);
            QFont bold = heading->font();
            bold.setBold(true);
            heading->setFont(bold);
            heading->setFlags(Qt::ItemIsEnabled);
            heading->setData(Qt::UserRole, -1);
        }
        auto *entry =
            new QListWidgetItem(QStringLiteral("%1  %2\n%3")
                                    .arg(locale.toString(local.time(), QStringLiteral("HH:mm")),
                                         item.title, item.detail),
                                m_agenda);
        entry->setData(Qt::UserRole, i);
    }
    if (items->isEmpty()) {
        auto *none = new QListWidgetItem(tr("Nothing planned today or tomorrow."), m_agenda);
        none->setFlags(Qt::ItemIsEnabled);
        none->setData(Qt::UserRole, -1);
    }
}

void DiaryView::showWeek(const QDate &anyDayOfTheWeek)
{
    m_monday = anyDayOfTheWeek.addDays(1 - anyDayOfTheWeek.dayOfWeek());
    reload();
}

void DiaryView::moveWeeks(int weeks)
{
    showWeek(weeks == 0 ? m_store.clock().today() : m_monday.addDays(7 * weeks));
}

void DiaryView::planVisit(const QUuid &caseId, const QDateTime &startUtc)
{
    VisitDialog dialog(m_store, caseId, std::nullopt, this);
    if (startUtc.isValid()) {
        const QDateTime local = startUtc.toTimeZone(Clock::londonZone());
        dialog.setLocalStart(local.date(), local.time());
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    showWeek(dialog.savedVisit().startsAt.toTimeZone(Clock::londonZone()).date());
    emit visitsChanged();
}

void DiaryView::openItem(const DiaryItem &item)
{
    if (item.type == DiaryItem::Type::Hearing) {
        emit caseRequested(item.caseId);
        return;
    }
    auto visit = VisitRepository(m_store).get(item.id);
    if (!visit) {
        QMessageBox::warning(this, tr("Visit not opened"), visit.error().message);
        return;
    }
    VisitDialog dialog(m_store, visit->caseId, *visit, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    emit visitsChanged();
}

void DiaryView::exportCalendar()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export visits to a calendar file"),
                                                      QStringLiteral("lantern-visits.ics"),
                                                      tr("Calendar files (*.ics)"));
    if (path.isEmpty())
        return;
    // From four weeks back, everything planned ahead.
    auto data = IcsExport::exportVisits(m_store, m_store.clock().today().addDays(-28), QDate());
    QSaveFile file(path);
    if (!data || !file.open(QIODevice::WriteOnly) || file.write(*data) != data->size() ||
        !file.commit()) {
        QMessageBox::warning(this, tr("Calendar not exported"),
                             data ? tr("Lantern could not write %1: %2")
                                        .arg(QDir::toNativeSeparators(path), file.errorString())
                                  : data.error().message);
        return;
    }
    QMessageBox::information(this, tr("Calendar exported"),
                             tr("Your visits were saved to %1. They show the children's "
                                "initials and the kind of visit only.")
                                 .arg(QDir::toNativeSeparators(path)));
}

} // namespace lantern
