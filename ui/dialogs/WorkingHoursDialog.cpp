#include "WorkingHoursDialog.h"

#include "schedule/WorkingHours.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimeEdit>

namespace lantern {

WorkingHoursDialog::WorkingHoursDialog(Store &store, QWidget *parent)
    : QDialog(parent), m_store(store), m_start(new QTimeEdit(this)), m_end(new QTimeEdit(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(tr("Working hours"));
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("The diary shades time outside these hours, and planning a visit "
                                "outside them gives a warning."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);

    auto *dayRow = new QHBoxLayout;
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *box = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), this);
        box->setAccessibleName(locale.dayName(day, QLocale::LongFormat));
        m_days.append(box);
        dayRow->addWidget(box);
    }
    dayRow->addStretch();
    form->addRow(tr("Working days:"), dayRow);
    for (QTimeEdit *edit : {m_start, m_end}) {
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
        edit->setMinimumTime(QTime(6, 0));
        edit->setMaximumTime(QTime(22, 0));
    }
    m_start->setAccessibleName(tr("Day starts"));
    m_end->setAccessibleName(tr("Day ends"));
    form->addRow(tr("Day &starts:"), m_start);
    form->addRow(tr("Day &ends:"), m_end);
    m_error->setStyleSheet(QStringLiteral("color: #9b1c1c;"));
    m_error->setWordWrap(true);
    m_error->hide();
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &WorkingHoursDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const auto loaded = WorkingHours::load(store);
    const WorkingHours hours = loaded ? *loaded : WorkingHours();
    for (int day = 1; day <= 7; ++day)
        m_days.at(day - 1)->setChecked(hours.days.contains(day));
    m_start->setTime(hours.start);
    m_end->setTime(hours.end);
    setMinimumWidth(520);
}

void WorkingHoursDialog::accept()
{
    WorkingHours hours;
    hours.days.clear();
    for (int day = 1; day <= 7; ++day) {
        if (m_days.at(day - 1)->isChecked())
            hours.days.append(day);
    }
    hours.start = m_start->time();
    hours.end = m_end->time();
    // What was chosen stays in the dialog when it cannot be saved.
    if (auto saved = hours.save(m_store); !saved) {
        m_error->setText(saved.error().message);
        m_error->show();
        adjustSize();
        return;
    }
    QDialog::accept();
}

} // namespace lantern
