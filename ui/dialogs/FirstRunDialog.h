#pragma once

#include <QCoreApplication>

class QWidget;

namespace lantern {

// Shown when Lantern starts with no store: a newcomer can begin with a demo caseload.
class FirstRunDialog
{
    Q_DECLARE_TR_FUNCTIONS(FirstRunDialog)

public:
    enum class Choice
    {
        DemoCaseload,
        EmptyCaseload,
        Quit
    };
    static Choice ask(const QString &storePath, QWidget *parent = nullptr);
};

} // namespace lantern
