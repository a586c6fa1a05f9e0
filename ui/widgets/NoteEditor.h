#pragma once

#include "notes/Note.h"

#include <QUuid>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextEdit;
class QToolButton;

namespace lantern {

class DraftAutosaver;
class SpellChecker;
class SpellHighlighter;
class Store;
class StoreWorker;

// Writes one case note. What is typed is saved as a draft within two seconds, when the editor
// loses focus and when it closes; a finalised note is shown locked, with its history, and
// can only be amended, with a reason.
class NoteEditor : public QWidget
{
    Q_OBJECT

public:
    NoteEditor(Store &store, StoreWorker &worker, const QUuid &noteId, QWidget *parent = nullptr);
    ~NoteEditor() override;

    QUuid noteId() const { return m_noteId; }
    QTextEdit *textEdit() const { return m_text; }
    QPushButton *finaliseButton() const { return m_finalise; }
    QPushButton *amendButton() const { return m_amend; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QLineEdit *decisionEdit() const { return m_decision; }
    QLabel *statusLabel() const { return m_status; }
    bool isLocked() const;
    bool hasUnsavedChanges() const;

    // Saves what is typed and waits for it: call before the editor goes away.
    bool saveNow();

signals:
    void noteChanged(const QUuid &noteId);
    // The note was finalised or an amendment saved: it is ready to go to the server.
    void finalised(const QUuid &noteId);
    // The draft as it stood at `at` is safely in the store.
    void draftSaved(const QDateTime &at);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load();
    void showLocked(const NoteRevision &latest);
    void startAmendment();
    void finalise();
    bool saveDecision();
    void refreshHistory();
    void setStatus(const QString &text, bool problem = false);
    NoteDraft snapshot() const;

    Store &m_store;
    StoreWorker &m_worker;
    QUuid m_noteId;
    Note m_note;
    bool m_amending = false;
    bool m_loading = false;
    QLabel *m_heading;
    QToolButton *m_bold;
    QToolButton *m_italic;
    QToolButton *m_bullets;
    QTextEdit *m_text;
    QLabel *m_decisionLabel;
    QLineEdit *m_decision;
    QLabel *m_reasonLabel;
    QLineEdit *m_reason;
    QLabel *m_status;
    QPushButton *m_finalise;
    QPushButton *m_amend;
    QListWidget *m_history;
    DraftAutosaver *m_autosaver;
    std::shared_ptr<SpellChecker> m_spelling;
    SpellHighlighter *m_highlighter = nullptr;
};

} // namespace lantern
