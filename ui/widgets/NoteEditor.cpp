#include "NoteEditor.h"

#include "domain/Clock.h"
#include "domain/Labels.h"
#include "notes/DraftAutosaver.h"
#include "notes/NoteRepository.h"
#include "notes/SpellChecker.h"
#include "store/Store.h"
#include "widgets/SpellHighlighter.h"

#include <QFocusEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextList>
#include <QToolButton>
#include <QVBoxLayout>

namespace lantern {

namespace {
QString when(const QDateTime &utc)
{
    return QLocale().toString(utc.toTimeZone(Clock::londonZone()),
                              QCoreApplication::translate("NoteEditor", "d MMM yyyy, HH:mm"));
}
} // namespace

NoteEditor::NoteEditor(Store &store, StoreWorker &worker, const QUuid &noteId, QWidget *parent)
    : QWidget(parent), m_store(store), m_worker(worker), m_noteId(noteId),
      m_heading(new QLabel(this)), m_bold(new QToolButton(this)), m_italic(new QToolButton(this)),
      m_bullets(new QToolButton(this)), m_text(new QTextEdit(this)),
      m_decisionLabel(new QLabel(tr("&Decision on the child's plan:"), this)),
      m_decision(new QLineEdit(this)),
      m_reasonLabel(new QLabel(tr("&Why are you amending this note?"), this)),
      m_reason(new QLineEdit(this)), m_status(new QLabel(this)),
      m_finalise(new QPushButton(tr("&Finalise note"), this)),
      m_amend(new QPushButton(tr("&Amend…"), this)), m_history(new QListWidget(this)),
      m_autosaver(new DraftAutosaver(
          worker, [this] { return snapshot(); }, this))
{
    m_heading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    const auto setUpButton = [this](QToolButton *button, const QString &text,
                                    const QKeySequence &keys, const QString &name) {
        button->setText(text);
        button->setCheckable(true);
        button->setShortcut(keys);
        button->setToolTip(tr("%1 (%2)").arg(name, keys.toString(QKeySequence::NativeText)));
        button->setAccessibleName(name);
        button->setFocusPolicy(Qt::TabFocus);
    };
    setUpButton(m_bold, tr("B"), QKeySequence::Bold, tr("Bold"));
    setUpButton(m_italic, tr("I"), QKeySequence::Italic, tr("Italic"));
    setUpButton(m_bullets, tr("•"), QKeySequence(tr("Ctrl+Shift+8")), tr("Bulleted list"));
    QFont boldFont = m_bold->font();
    boldFont.setBold(true);
    m_bold->setFont(boldFont);
    QFont italicFont = m_italic->font();
    italicFont.setItalic(true);
    m_italic->setFont(italicFont);
    connect(m_bold, &QToolButton::clicked, this,
            [this](bool on) { m_text->setFontWeight(on ? QFont::Bold : QFont::Normal); });
    connect(m_italic, &QToolButton::clicked, this, [this](bool on) { m_text->setFontItalic(on); });
    connect(m_bullets, &QToolButton::clicked, this, [this](bool on) {
        QTextCursor cursor = m_text->textCursor();
        if (on) {
            cursor.createList(QTextListFormat::ListDisc);
        } else if (QTextList *list = cursor.currentList()) {
            list->remove(cursor.block());
            QTextBlockFormat format = cursor.blockFormat();
            format.setIndent(0);
            cursor.setBlockFormat(format);
        }
    });
    connect(m_text, &QTextEdit::currentCharFormatChanged, this,
            [this](const QTextCharFormat &format) {
                m_bold->setChecked(format.fontWeight() >= QFont::Bold);
                m_italic->setChecked(format.fontItalic());
            });
    connect(m_text, &QTextEdit::cursorPositionChanged, this,
            [this] { m_bullets->setChecked(m_text->textCursor().currentList() != nullptr); });

    m_text->setAcceptRichText(true);
    m_text->setTabChangesFocus(true);
    m_text->setAccessibleName(tr("Note text"));
    m_text->setPlaceholderText(tr("Write what happened, soon after the contact. It is saved as "
                                  "you type."));
    m_text->installEventFilter(this);
    connect(m_text, &QTextEdit::textChanged, this, [this] {
        if (m_loading || m_text->isReadOnly())
            return;
        m_autosaver->contentChanged();
        setStatus(tr("Saving…"));
    });

    m_decision->setAccessibleName(tr("Decision on the child's plan"));
    m_decision->setPlaceholderText(tr("For example: plan agreed; final hearing as listed"));
    m_decisionLabel->setBuddy(m_decision);
    connect(m_decision, &QLineEdit::editingFinished, this, &NoteEditor::saveDecision);

    m_reason->setAccessibleName(tr("Reason for the amendment"));
    m_reason->setPlaceholderText(tr("For example: added what the child said at the end"));
    m_reasonLabel->setBuddy(m_reason);

    m_status->setAccessibleName(tr("Save status"));
    m_finalise->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    m_finalise->setToolTip(tr("Lock this note as the record (Ctrl+Shift+F)"));
    m_finalise->setAccessibleName(tr("Finalise note"));
    m_amend->setAccessibleName(tr("Amend note"));
    connect(m_finalise, &QPushButton::clicked, this, &NoteEditor::finalise);
    connect(m_amend, &QPushButton::clicked, this, &NoteEditor::startAmendment);

    connect(m_autosaver, &DraftAutosaver::saved, this, &NoteEditor::draftSaved);
    connect(m_autosaver, &DraftAutosaver::saved, this, [this](const QDateTime &at) {
        if (!m_autosaver->hasUnsavedChanges())
            setStatus(tr("Draft saved at %1")
                          .arg(QLocale().toString(at.toTimeZone(Clock::londonZone()).time(),
                                                  QLocale::ShortFormat)));
    });
    connect(m_autosaver, &DraftAutosaver::saveFailed, this, [this](const QString &message) {
        setStatus(
            tr("Not saved yet: %1 Your text is still here and will be saved again.").arg(message),
            true);
    });

    m_history->setAccessibleName(tr("Note history"));
    m_history->setMaximumHeight(110);

    auto *tools = new QHBoxLayout;
    tools->setSpacing(4);
    tools->addWidget(m_bold);
    tools->addWidget(m_italic);
    tools->addWidget(m_bullets);
    tools->addStretch(1);
    tools->addWidget(m_status);

    auto *decisionRow = new QHBoxLayout;
    decisionRow->addWidget(m_decisionLabel);
    decisionRow->addWidget(m_decision, 1);

    auto *reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_amend);
    buttons->addWidget(m_finalise);

    auto *historyLabel = new QLabel(tr("History"), this);
    historyLabel->setBuddy(m_history);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(tools);
    layout->addWidget(m_text, 1);
    layout->addLayout(decisionRow);
    layout->addLayout(reasonRow);
    layout->addLayout(buttons);
    layout->addWidget(historyLabel);
    layout->addWidget(m_history);

    const QStringList languages = SpellChecker::availableLanguages();
    if (!languages.isEmpty()) {
        m_spelling = std::make_shared<SpellChecker>(languages.constFirst());
        m_highlighter = new SpellHighlighter(m_spelling, m_text->document());
    }
    load();
}

NoteEditor::~NoteEditor()
{
    saveNow();
}

bool NoteEditor::isLocked() const
{
    return m_text->isReadOnly();
}

bool NoteEditor::hasUnsavedChanges() const
{
    return m_autosaver->hasUnsavedChanges();
}

bool NoteEditor::saveNow()
{
    return m_autosaver->flushAndWait();
}

NoteDraft NoteEditor::snapshot() const
{
    NoteDraft draft;
    draft.noteId = m_noteId;
    draft.bodyHtml = m_text->document()->toHtml();
    draft.bodyText = m_text->document()->toPlainText();
    draft.cursor = m_text->textCursor().position();
    return draft;
}

bool NoteEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::FocusOut)
        m_autosaver->flush();
    return QWidget::eventFilter(watched, event);
}

void NoteEditor::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #a93226;")
                                    : QStringLiteral("color: #5f6b76;"));
}

void NoteEditor::load()
{
    NoteRepository notes(m_store);
    auto note = notes.get(m_noteId);
    if (!note) {
        setStatus(note.error().message, true);
        m_text->setReadOnly(true);
        m_finalise->hide();
        m_amend->hide();
        return;
    }
    m_note = *note;
    m_heading->setText(tr("%1 · %2").arg(labelOf(m_note.kind), when(m_note.contactAt)));

    auto draft = notes.draft(m_noteId);
    auto latest = notes.latestRevision(m_noteId);
    m_loading = true;
    if (draft && *draft) {
        // Reopen the draft exactly where it was left, even after a crash.
        m_text->setHtml(draft->value().bodyHtml);
        QTextCursor cursor = m_text->textCursor();
        cursor.setPosition(
            qBound(0, draft->value().cursor, m_text->document()->characterCount() - 1));
        m_text->setTextCursor(cursor);
        m_amending = m_note.isFinalised();
        setStatus(tr("Draft saved at %1")
                      .arg(QLocale().toString(
                          draft->value().savedAt.toTimeZone(Clock::londonZone()).time(),
                          QLocale::ShortFormat)));
    } else if (m_note.isFinalised() && latest && *latest) {
        m_text->setHtml(latest->value().bodyHtml);
    }
    m_loading = false;

    const bool locked = m_note.isFinalised() && !m_amending;
    m_text->setReadOnly(locked);
    for (QToolButton *button : {m_bold, m_italic, m_bullets})
        button->setEnabled(!locked);
    m_finalise->setVisible(!m_note.isFinalised() || m_amending);
    m_finalise->setText(m_amending ? tr("&Save amendment") : tr("&Finalise note"));
    m_amend->setVisible(locked);
    m_reasonLabel->setVisible(m_amending);
    m_reason->setVisible(m_amending);
    const bool oversight = m_note.kind == NoteKind::ManagementOversight;
    m_decision->setText(m_note.planDecision);
    m_decision->setReadOnly(m_note.isFinalised());
    m_decisionLabel->setVisible(oversight);
    m_decision->setVisible(oversight);
    if (locked && latest && *latest)
        showLocked(**latest);
    refreshHistory();
}

void NoteEditor::showLocked(const NoteRevision &latest)
{
    setStatus(latest.number > 1
                  ? tr("Finalised · amended %1 by %2").arg(when(latest.finalisedAt), latest.author)
                  : tr("Finalised %1 by %2").arg(when(latest.finalisedAt), latest.author));
}

void NoteEditor::refreshHistory()
{
    m_history->clear();
    auto revisions = NoteRepository(m_store).revisions(m_noteId);
    if (!revisions)
        return;
    for (const NoteRevision &revision : std::as_const(*revisions)) {
        m_history->addItem(
            revision.number == 1
                ? tr("Finalised %1 by %2").arg(when(revision.finalisedAt), revision.author)
                : tr("Amendment %1, %2 by %3: %4")
                      .arg(revision.number - 1)
                      .arg(when(revision.finalisedAt), revision.author, revision.reason));
    }
    m_history->setVisible(m_history->count() > 0);
}

void NoteEditor::startAmendment()
{
    m_amending = true;
    m_text->setReadOnly(false);
    for (QToolButton *button : {m_bold, m_italic, m_bullets})
        button->setEnabled(true);
    m_amend->hide();
    m_finalise->setText(tr("&Save amendment"));
    m_finalise->show();
    m_reasonLabel->show();
    m_reason->show();
    setStatus(tr("Amending: the original stays in the history."));
    // The amendment starts from the current text and is kept as a draft like any other.
    m_autosaver->contentChanged();
    m_text->setFocus();
}

bool NoteEditor::saveDecision()
{
    if (m_note.kind != NoteKind::ManagementOversight || m_note.isFinalised() ||
        m_decision->text().trimmed() == m_note.planDecision)
        return true;
    auto saved = NoteRepository(m_store).setPlanDecision(m_noteId, m_decision->text());
    if (!saved) {
        setStatus(saved.error().message, true);
        return false;
    }
    m_note = *saved;
    return true;
}

void NoteEditor::finalise()
{
    if (!saveDecision())
        return;
    if (!m_autosaver->flushAndWait()) {
        setStatus(tr("Your text could not be saved, so the note was not finalised. It is still "
                     "here."),
                  true);
        return;
    }
    NoteRepository notes(m_store);
    if (m_amending) {
        auto amended = notes.amend(m_noteId, m_reason->text());
        if (!amended) {
            setStatus(amended.error().message, true);
            if (amended.error().field == QLatin1String("reason"))
                m_reason->setFocus();
            return;
        }
        m_amending = false;
        m_reason->clear();
    } else {
        const auto answer = QMessageBox::question(
            this, tr("Finalise this note?"),
            tr("A finalised note is the record and cannot be edited; later changes are "
               "amendments. Finalise it now?"),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return;
        auto finalised = notes.finalise(m_noteId);
        if (!finalised) {
            setStatus(finalised.error().message, true);
            if (finalised.error().field == QLatin1String("plan_decision"))
                m_decision->setFocus();
            return;
        }
    }
    load();
    emit noteChanged(m_noteId);
    emit finalised(m_noteId);
}

} // namespace lantern
