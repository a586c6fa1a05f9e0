#pragma once

#include "domain/Records.h"
#include "domain/Result.h"

#include <QList>
#include <QUuid>
#include <QWidget>

class QDialog;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QTreeWidget;

namespace lantern {

class LettersPane;
class NotesPane;
class Store;
class StoreWorker;

// One case file: a summary of the case and how long it has run, its children, the adults
// around them (a confidential address stays hidden until revealed, and each reveal is
// audited), its hearings with their filing deadlines, and the chronology of everything done.
class CaseFileView : public QWidget
{
    Q_OBJECT

public:
    CaseFileView(Store &store, QUuid caseId, QWidget *parent = nullptr);
    ~CaseFileView() override;

    QUuid caseId() const { return m_caseId; }
    // A short title for the tab holding this case file: the case number and the children.
    QString title() const;
    QTabWidget *sections() const { return m_tabs; }
    QListWidget *childList() const { return m_childList; }
    QListWidget *adultList() const { return m_adultList; }
    QTreeWidget *hearingTable() const { return m_hearingTable; }
    QTreeWidget *chronologyTable() const { return m_chronology; }
    // The case's notes, once addNotes() has been called (null before).
    NotesPane *notesPane() const { return m_notes; }
    LettersPane *lettersPane() const { return m_letters; }
    // Adds the Notes section (list and editor). Drafts are saved through `worker`'s thread.
    void addNotes(StoreWorker &worker);

public slots:
    // Reads the case and everything on it from the store again.
    void reload();
    void editCase();
    void closeCase();
    void addChild();
    void editChild();
    void addAdult();
    void editAdult();
    void addHearing();
    void editHearing();
    // Plans a visit to the case's children (the dialog checks the planning rules).
    void planVisit();

signals:
    // After any save made from this case file, so the caseload can be read again.
    void caseChanged(const QUuid &caseId);
    void titleChanged(const QString &title);

private:
    QWidget *buildSummaryPage();
    QWidget *buildChildrenPage();
    QWidget *buildAdultsPage();
    QWidget *buildHearingsPage();
    QWidget *buildChronologyPage();
    void fillHeader();
    void fillSummary();
    void fillChildren();
    void fillAdults();
    void fillHearings();
    void fillChronology();
    void showChild(int row);
    void showAdult(int row);
    void revealAddress();
    void showProblem(const Error &error);
    // Opens a dialog over the case file; when it saves, the file reloads and says so.
    void runDialog(QDialog *dialog);

    Store &m_store;
    QUuid m_caseId;
    bool m_loaded = false;
    Case m_case;
    QList<Child> m_children;
    QList<Adult> m_adults;
    QList<Hearing> m_hearings;
    QUuid m_revealedAdult; // the adult whose confidential address is on screen, if any
    QString m_revealedAddress;

    QLabel *m_title;
    QLabel *m_subtitle;
    QWidget *m_badges; // chips: status, weeks open, PLO, domestic abuse
    QLabel *m_problem;
    QPushButton *m_editCase;
    QPushButton *m_closeCase;
    QPushButton *m_planVisit;
    QTabWidget *m_tabs;
    QScrollArea *m_summary;
    QListWidget *m_childList;
    QPushButton *m_addChild;
    QPushButton *m_editChild;
    QScrollArea *m_childDetail;
    QListWidget *m_adultList;
    QPushButton *m_addAdult;
    QPushButton *m_editAdult;
    QScrollArea *m_adultDetail;
    QTreeWidget *m_hearingTable;
    QPushButton *m_addHearing;
    QPushButton *m_editHearing;
    QTreeWidget *m_chronology;
    NotesPane *m_notes = nullptr;
    LettersPane *m_letters = nullptr;
};

} // namespace lantern
