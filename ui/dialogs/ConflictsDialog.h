#pragma once

#include "sync/Conflicts.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QString>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextEdit;
class QWidget;

namespace lantern {

class Store;

// Conflicts to settle: the changes that clashed during sync, each shown side by side (before,
// the one the server kept, the one sent from a laptop) with the choices its kind allows. It
// shows what core::sync::Conflicts returns and settles through it; it decides nothing itself.
// Non-modal: the FCA can keep it open beside the case file.
class ConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConflictsDialog(Store &store, QWidget *parent = nullptr);

    // Reads the open conflicts again (keeping the selection, and any merge being written).
    void reload();

    QListWidget *conflictList() const { return m_list; }
    QTextEdit *beforePane() const { return m_before; }
    QTextEdit *serverPane() const { return m_server; }
    QTextEdit *minePane() const { return m_mine; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *emptyLabel() const { return m_empty; }
    QPushButton *keepServerButton() const { return m_keepServer; }
    QPushButton *keepMineButton() const { return m_keepMine; }
    QPushButton *mergeButton() const { return m_merge; }
    QPushButton *leaveDeletedButton() const { return m_leaveDeleted; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *keepBothButton() const { return m_keepBoth; }
    QPlainTextEdit *mergeEditor() const { return m_mergeEdit; }
    QPushButton *saveMergeButton() const { return m_saveMerge; }
    QPushButton *cancelMergeButton() const { return m_cancelMerge; }

signals:
    // A conflict was settled (the records it touched have changed): views may reload.
    void settled();

private:
    void showSelected();
    void showConflict(const sync::Conflict &conflict);
    void startMerge();
    void cancelMerge();
    void saveMerge();
    void keepServer();
    void keepMine();
    // Reports the outcome of a settle: on success the conflict leaves the list.
    void finishSettle(const QString &conflictId, const Result<void> &result);
    void showProblem(const QString &message);
    void clearProblem();
    void rememberMergeDraft();
    const sync::Conflict *selected() const;

    sync::Conflicts m_conflicts;
    QList<sync::Conflict> m_open;
    QHash<QString, QString> m_mergeDrafts; // what the FCA has written, by conflict id
    QString m_shownId;

    QListWidget *m_list;
    QStackedWidget *m_pages;
    QLabel *m_empty;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_explanation;
    QLabel *m_beforeCaption;
    QLabel *m_serverCaption;
    QLabel *m_mineCaption;
    QWidget *m_beforeColumn;
    QTextEdit *m_before;
    QTextEdit *m_server;
    QTextEdit *m_mine;
    QLabel *m_legend;
    QWidget *m_actions;
    QPushButton *m_keepServer;
    QPushButton *m_keepMine;
    QPushButton *m_merge;
    QPushButton *m_leaveDeleted;
    QPushButton *m_restore;
    QPushButton *m_keepBoth;
    QWidget *m_mergeBox;
    QPlainTextEdit *m_mergeEdit;
    QPushButton *m_saveMerge;
    QPushButton *m_cancelMerge;
    QLabel *m_problem;
};

} // namespace lantern
