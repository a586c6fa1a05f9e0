#pragma once

#include "notes/Note.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;

namespace lantern {

class Store;

// Starts a case note: which children, what kind of contact, and when it happened.
class NewNoteDialog : public QDialog
{
    Q_OBJECT

public:
    NewNoteDialog(Store &store, const QUuid &caseId, QWidget *parent = nullptr);

    // The note that was started, once accepted.
    Note note() const { return m_note; }
    QComboBox *kindChooser() const { return m_kind; }
    QDateTimeEdit *contactEdit() const { return m_when; }
    QList<QCheckBox *> childBoxes() const { return m_children; }

    void accept() override;

private:
    Store &m_store;
    QUuid m_caseId;
    Note m_note;
    QList<QCheckBox *> m_children;
    QComboBox *m_kind;
    QDateTimeEdit *m_when;
    QLabel *m_error;
};

} // namespace lantern
