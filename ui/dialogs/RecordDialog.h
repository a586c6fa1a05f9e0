#pragma once

#include "domain/Result.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QFormLayout;
class QLabel;

namespace lantern {

class Store;

// The shape every record dialog shares: a form, a line for problems, Save and Cancel.
// Save runs save(); when core refuses the record, its message is shown in the dialog, the
// field it names gets the focus, and the dialog stays open with everything typed kept.
class RecordDialog : public QDialog
{
    Q_OBJECT

public:
    QLabel *errorLabel() const { return m_error; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // The control editing a store column (e.g. "case_number"), or null.
    QWidget *fieldWidget(const QString &column) const { return m_fields.value(column); }

    void accept() override;

protected:
    RecordDialog(Store &store, QWidget *parent);

    // Saves the record through core. An error keeps the dialog open.
    virtual Result<void> save() = 0;

    QFormLayout *form() const { return m_form; }
    // Adds a labelled row to the form for the given store column (the label's mnemonic
    // moves the focus to the control; the control takes the label as accessible name).
    void addField(const QString &column, const QString &label, QWidget *control,
                  QWidget *rowWidget = nullptr);
    // Names the control that takes the focus when core reports a problem with `column`.
    void registerField(const QString &column, QWidget *control);
    void showError(const Error &error);
    void clearError();

    Store &m_store;

private:
    QFormLayout *m_form;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QHash<QString, QWidget *> m_fields;
};

} // namespace lantern
