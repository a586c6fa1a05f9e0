#pragma once

#include <QDialog>
#include <QUuid>

class QComboBox;
class QDateEdit;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace lantern {

class Store;
class StoreWorker;

// Finds words in every note (Ctrl+F / Ctrl+K from anywhere). The search runs on the store
// worker's thread; the newest answer wins.
class SearchDialog : public QDialog
{
    Q_OBJECT

public:
    SearchDialog(Store &store, StoreWorker &worker, QWidget *parent = nullptr);

    QLineEdit *queryEdit() const { return m_query; }
    QListWidget *results() const { return m_results; }
    QComboBox *kindChooser() const { return m_kind; }

signals:
    void noteChosen(const QUuid &caseId, const QUuid &noteId);
    // The newest search has been answered (tests wait for this).
    void resultsShown(int count);

private:
    void search();
    void choose();

    Store &m_store;
    StoreWorker &m_worker;
    QLineEdit *m_query;
    QComboBox *m_kind;
    QCheckBox *m_useDates;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QListWidget *m_results;
    QLabel *m_summary;
    QTimer *m_debounce;
    quint64 m_generation = 0;
};

} // namespace lantern
