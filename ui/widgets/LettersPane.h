#pragma once

#include "letters/Letter.h"

#include <QUuid>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTextEdit;
class QTimer;
class QTreeWidget;

namespace lantern {

class Store;

// Writes one letter: the rich-text draft (saved as it is typed), what is still to fill in
// (highlighted in the text), the reading level against the child's age, the safety problems
// that stop finalising, preview and print as on paper, finalise, and record how it was sent.
class LetterEditor : public QWidget
{
    Q_OBJECT

public:
    LetterEditor(Store &store, const QUuid &letterId, QWidget *parent = nullptr);

    QTextEdit *textEdit() const { return m_text; }
    QListWidget *problemList() const { return m_problems; }
    QLabel *readingLabel() const { return m_reading; }
    QPushButton *finaliseButton() const { return m_finalise; }
    QPushButton *sentButton() const { return m_sent; }
    const Letter &letter() const { return m_letter; }

public slots:
    // Saves the draft now and checks it again.
    void saveAndCheck();
    void finalise();
    void preview();
    void print();
    void markSent();

signals:
    void letterChanged(const QUuid &letterId);
    // The letter was finalised: it is ready to go to the server.
    void letterFinalised(const QUuid &letterId);

private:
    void load();
    void showState();

    Store &m_store;
    QUuid m_letterId;
    Letter m_letter;
    QString m_childName;
    int m_childAge = 0;
    QLabel *m_heading;
    QTextEdit *m_text;
    QListWidget *m_problems;
    QLabel *m_reading;
    QLabel *m_status;
    QPushButton *m_preview;
    QPushButton *m_print;
    QPushButton *m_finalise;
    QPushButton *m_sent;
    QTimer *m_saveTimer;
};

// A case's letters: which each child has, drafting for every child at once, and the editor.
class LettersPane : public QWidget
{
    Q_OBJECT

public:
    LettersPane(Store &store, const QUuid &caseId, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    LetterEditor *editor() const { return m_editor; }
    QPushButton *introductionButton() const { return m_introductions; }
    QPushButton *goodbyeButton() const { return m_goodbyes; }

public slots:
    void reload();
    void draftAll(LetterKind kind);
    void openLetter(const QUuid &letterId);

signals:
    void lettersChanged();
    void letterFinalised(const QUuid &letterId);

private:
    Store &m_store;
    QUuid m_caseId;
    QTreeWidget *m_list;
    QPushButton *m_introductions;
    QPushButton *m_goodbyes;
    QWidget *m_editorHolder;
    LetterEditor *m_editor = nullptr;
    QLabel *m_empty;
};

} // namespace lantern
