#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QTime>

namespace lantern {

class Store;

// The FCA's working week: the days and hours visits are normally planned in (a setting,
// default Monday to Friday, 08:30 to 17:30).
struct WorkingHours
{
    Q_DECLARE_TR_FUNCTIONS(WorkingHours)

public:
    QList<int> days{1, 2, 3, 4, 5}; // Qt day numbers: 1 = Monday ... 7 = Sunday
    QTime start{8, 30};
    QTime end{17, 30};

    bool isWorkingDay(const QDate &day) const { return days.contains(day.dayOfWeek()); }
    // Whether the local (Europe/London) span from..to lies within one working day's hours.
    bool covers(const QDateTime &from, const QDateTime &to) const;
    // "Monday to Friday, 08:30 to 17:30".
    QString describe() const;

    static Result<WorkingHours> load(Store &store);
    Result<void> save(Store &store) const;
};

} // namespace lantern
