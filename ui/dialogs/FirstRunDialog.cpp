#include "FirstRunDialog.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace lantern {

FirstRunDialog::Choice FirstRunDialog::ask(const QString &storePath, QWidget *parent)
{
    QMessageBox box(parent);
    box.setWindowTitle(tr("Welcome to Lantern"));
    box.setIcon(QMessageBox::Information);
    box.setText(tr("<p><b>Welcome to Lantern.</b></p><p>There is no caseload on this laptop "
                   "yet. You can start with a demo caseload of invented families to see how "
                   "Lantern works, or with an empty one.</p>"));
    box.setInformativeText(
        tr("Your store will be kept at %1.").arg(QDir::toNativeSeparators(storePath)));
    QPushButton *demo = box.addButton(tr("Create a &demo caseload"), QMessageBox::AcceptRole);
    QPushButton *empty = box.addButton(tr("Start &empty"), QMessageBox::ActionRole);
    box.addButton(tr("&Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(demo);
    box.exec();
    if (box.clickedButton() == demo)
        return Choice::DemoCaseload;
    if (box.clickedButton() == empty)
        return Choice::EmptyCaseload;
    return Choice::Quit;
}

} // namespace lantern
