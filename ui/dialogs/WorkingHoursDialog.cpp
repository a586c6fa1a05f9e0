#include "WorkingHoursDialog.h"

#include "schedule/WorkingHours.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimeEdit>

namespace lantern {

WorkingHoursDialog::WorkingHoursDialog(Store &store, QWidget *parent)
    : RecordDialog(store, parent), m_start(new QTimeEdit(this)), m_end(new QTimeEdit(this))
{
    setWindowTitle(tr("Working hours"));
    auto *intro = new QLabel(tr("The diary shades time outside these hours, and planning a visit "
                                "outside them gives a warning."),
                             this);
    intro->setWordWrap(true);
    form()->addRow(intro);

    auto *dayRow = new QHBoxLayout;
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *box = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), this);
        box->setAccessibleName(locale.dayName(day, QLocale::LongFormat));
        m_days.append(box);
        dayRow->addWidget(box);
    }
    dayRow->addStretch();
    form()->addRow(tr("Working days:"), dayRow);
    for (QTimeEdit *edit : {m_start, m_end}) {
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
        edit->setMinimumTime(QTime(6, 0));
        edit->setMaximumTime(QTime(22, 0));
    }
    addField(QStringLiteral("start"), tr("Day &starts:"), m_start);
    addField(QStringLiteral("end"), tr("Day &ends:"), m_end);

    const auto loaded = WorkingHours::load(store);
    const WorkingHours hours = loaded ? *loaded : WorkingHours();
    for (int day = 1; day <= 7; ++day)
        m_days.at(day - 1)->setChecked(hours.days.contains(day));
    m_start->setTime(hours.start);
    m_end->setTime(hours.end);
    setMinimumWidth(520);
}

Result<void> WorkingHoursDialog::save()
{
    WorkingHours hours;
    hours.days.clear();
    for (int day = 1; day <= 7; ++day) {
        if (m_days.at(day - 1)->isChecked())
            hours.days.append(day);
    }
    hours.start = m_start->time();
    hours.end = m_end->time();
    return hours.save(m_store); // a refusal keeps what was chosen in the dialog
}

} // namespace lantern
