#include "NewNoteDialog.h"

#include "domain/Clock.h"
#include "domain/Labels.h"
#include "notes/NoteRepository.h"
#include "store/Repositories.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lantern {

NewNoteDialog::NewNoteDialog(Store &store, const QUuid &caseId, QWidget *parent)
    : QDialog(parent), m_store(store), m_caseId(caseId), m_kind(new QComboBox(this)),
      m_when(new QDateTimeEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("New case note"));
    auto *form = new QFormLayout;

    auto *childrenBox = new QWidget(this);
    auto *childrenLayout = new QVBoxLayout(childrenBox);
    childrenLayout->setContentsMargins(0, 0, 0, 0);
    auto children = ChildRepository(store).forCase(caseId);
    if (children) {
        for (const Child &child : std::as_const(*children)) {
            auto *box = new QCheckBox(child.nameToUse(), childrenBox);
            box->setProperty("childId", child.meta.id);
            box->setChecked(children->size() == 1);
            box->setAccessibleName(tr("About %1").arg(child.nameToUse()));
            childrenLayout->addWidget(box);
            m_children.append(box);
        }
    }
    form->addRow(tr("About:"), childrenBox);

    for (NoteKind kind : allValues<NoteKind>())
        m_kind->addItem(labelOf(kind), int(kind));
    m_kind->setAccessibleName(tr("Kind of contact"));
    form->addRow(tr("&Kind:"), m_kind);

    // Shown and read as the wall-clock time in England and Wales, whatever the laptop's zone.
    const QDateTime london = store.clock().nowUtc().toTimeZone(Clock::londonZone());
    m_when->setDateTime(
        QDateTime(london.date(), QTime(london.time().hour(), london.time().minute())));
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(tr("ddd d MMM yyyy, HH:mm"));
    m_when->setAccessibleName(tr("When the contact happened"));
    form->addRow(tr("&When it happened:"), m_when);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a93226;"));
    m_error->setAccessibleName(tr("Problem"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start writing"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewNoteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void NewNoteDialog::accept()
{
    QList<QUuid> childIds;
    for (QCheckBox *box : std::as_const(m_children))
        if (box->isChecked())
            childIds.append(box->property("childId").toUuid());
    auto started = NoteRepository(m_store).start(
        m_caseId, childIds, NoteKind(m_kind->currentData().toInt()),
        QDateTime(m_when->date(), m_when->time(), Clock::londonZone()).toUTC());
    if (!started) {
        m_error->setText(started.error().message);
        m_error->show();
        if (started.error().field == QLatin1String("contact_at"))
            m_when->setFocus();
        else if (started.error().field == QLatin1String("child_ids") && !m_children.isEmpty())
            m_children.constFirst()->setFocus();
        return;
    }
    m_note = *started;
    QDialog::accept();
}

} // namespace lantern
