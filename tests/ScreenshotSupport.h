#pragma once
// Widget tests keep a picture of each screen when LANTERN_SCREENSHOTS names a folder, so a
// person can look at them (see README: checking the screens).

#include <QCoreApplication>
#include <QString>
#include <QWidget>

namespace testsupport {

inline bool saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("LANTERN_SCREENSHOTS");
    if (dir.isEmpty())
        return true;
    QCoreApplication::processEvents();
    return widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace testsupport
