#include "NotesPane.h"

#include "dialogs/NewNoteDialog.h"
#include "domain/Clock.h"
#include "domain/Labels.h"
#include "notes/NoteRepository.h"
#include "widgets/NoteEditor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextEdit>
#include <QVBoxLayout>

namespace lantern {

NotesPane::NotesPane(Store &store, StoreWorker &worker, const QUuid &caseId, QWidget *parent)
    : QWidget(parent), m_store(store), m_worker(worker), m_caseId(caseId),
      m_list(new QListWidget(this)), m_new(new QPushButton(tr("&New note…"), this)),
      m_editors(new QStackedWidget(this)), m_empty(new QLabel(this))
{
    m_list->setAccessibleName(tr("Notes"));
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_list->setUniformItemSizes(false);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            openNote(item->data(Qt::UserRole).toUuid());
    });
    m_new->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    m_new->setToolTip(tr("Write a new case note (Ctrl+Shift+N)"));
    m_new->setAccessibleName(tr("New note"));
    connect(m_new, &QPushButton::clicked, this, &NotesPane::newNote);

    m_empty->setText(tr("Choose a note on the left, or write a new one."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: #5f6b76;"));
    m_editors->addWidget(m_empty);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_new);
    leftLayout->addWidget(m_list, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_editors);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    reload();
}

NotesPane::~NotesPane()
{
    saveAll();
}

NoteEditor *NotesPane::currentEditor() const
{
    return qobject_cast<NoteEditor *>(m_editors->currentWidget());
}

void NotesPane::reload()
{
    const QUuid current =
        m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toUuid() : QUuid();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    auto summaries = NoteRepository(m_store).summaries(m_caseId);
    if (!summaries)
        return;
    const QLocale locale;
    for (const NoteSummary &summary : std::as_const(*summaries)) {
        QString state;
        if (!summary.note.isFinalised())
            state = tr("Draft");
        else if (summary.hasDraft)
            state = tr("Amendment in progress");
        else if (summary.amendments > 0)
            state = tr("Finalised, amended %n time(s)", nullptr, summary.amendments);
        else
            state = tr("Finalised");
        const QString heading =
            tr("%1 · %2 · %3")
                .arg(locale.toString(summary.note.contactAt.toTimeZone(Clock::londonZone()),
                                     tr("d MMM yyyy, HH:mm")),
                     labelOf(summary.note.kind), state);
        const QString preview =
            summary.preview.isEmpty() ? tr("(nothing written yet)") : summary.preview.left(90);
        auto *item = new QListWidgetItem(heading + QLatin1Char('\n') + preview, m_list);
        item->setData(Qt::UserRole, summary.note.meta.id);
        item->setToolTip(summary.preview);
        if (summary.note.meta.id == current)
            m_list->setCurrentItem(item);
    }
}

void NotesPane::openNote(const QUuid &noteId)
{
    NoteEditor *editor = m_open.value(noteId);
    if (!editor) {
        editor = new NoteEditor(m_store, m_worker, noteId, m_editors);
        connect(editor, &NoteEditor::noteChanged, this, [this] {
            reload();
            emit notesChanged();
        });
        connect(editor, &NoteEditor::draftSaved, this, &NotesPane::reload);
        connect(editor, &NoteEditor::finalised, this, &NotesPane::noteFinalised);
        m_open.insert(noteId, editor);
        m_editors->addWidget(editor);
    }
    m_editors->setCurrentWidget(editor);
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toUuid() == noteId) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentRow(row);
        }
    }
}

void NotesPane::newNote()
{
    NewNoteDialog dialog(m_store, m_caseId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    openNote(dialog.note().meta.id);
    if (NoteEditor *editor = currentEditor())
        editor->textEdit()->setFocus();
    emit notesChanged();
}

bool NotesPane::saveAll()
{
    bool ok = true;
    for (NoteEditor *editor : std::as_const(m_open))
        ok = editor->saveNow() && ok;
    return ok;
}

} // namespace lantern
