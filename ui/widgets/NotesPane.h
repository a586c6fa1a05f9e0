#pragma once

#include <QHash>
#include <QUuid>
#include <QWidget>

class QListWidget;
class QPushButton;
class QStackedWidget;
class QLabel;

namespace lantern {

class NoteEditor;
class Store;
class StoreWorker;

// A case's notes: the list on the left, the note being read or written on the right.
class NotesPane : public QWidget
{
    Q_OBJECT

public:
    NotesPane(Store &store, StoreWorker &worker, const QUuid &caseId, QWidget *parent = nullptr);
    ~NotesPane() override;

    QListWidget *list() const { return m_list; }
    QPushButton *newButton() const { return m_new; }
    NoteEditor *currentEditor() const;

    void reload();
    // Opens the note in the editor (a draft reopens where it was left).
    void openNote(const QUuid &noteId);
    void newNote();
    // Saves every open editor's draft and waits for it.
    bool saveAll();

signals:
    void notesChanged();
    // A note was finalised (or amended) in this pane.
    void noteFinalised(const QUuid &noteId);

private:
    Store &m_store;
    StoreWorker &m_worker;
    QUuid m_caseId;
    QListWidget *m_list;
    QPushButton *m_new;
    QStackedWidget *m_editors;
    QLabel *m_empty;
    QHash<QUuid, NoteEditor *> m_open;
};

} // namespace lantern
