#include "WorkingHours.h"

#include "domain/Clock.h"
#include "store/Settings.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace lantern {

namespace {
const QString kKey = QStringLiteral("working_hours");
} // namespace

bool WorkingHours::covers(const QDateTime &from, const QDateTime &to) const
{
    const QDateTime localFrom = from.toTimeZone(Clock::londonZone());
    const QDateTime localTo = to.toTimeZone(Clock::londonZone());
    return localFrom.date() == localTo.date() && isWorkingDay(localFrom.date()) &&
           localFrom.time() >= start && localTo.time() <= end;
}

QString WorkingHours::describe() const
{
    const QLocale locale;
    QStringList names;
    for (int day : days)
        names.append(locale.dayName(day, QLocale::LongFormat));
    const QString when = days == QList<int>{1, 2, 3, 4, 5} ? tr("Monday to Friday")
                                                           : names.join(QStringLiteral(", "));
    return tr("%1, %2 to %3")
        .arg(when, start.toString(QStringLiteral("HH:mm")), end.toString(QStringLiteral("HH:mm")));
}

Result<WorkingHours> WorkingHours::load(Store &store)
{
    auto setting = readSetting(store, kKey);
    if (!setting)
        return setting.error();
    WorkingHours hours; // never set, or damaged: the default
    const QJsonObject &object = *setting;
    QList<int> days;
    for (const QJsonValue &day : object.value(QStringLiteral("days")).toArray())
        if (day.toInt() >= 1 && day.toInt() <= 7)
            days.append(day.toInt());
    const QTime start = QTime::fromString(object.value(QStringLiteral("start")).toString(),
                                          QStringLiteral("HH:mm"));
    const QTime end =
        QTime::fromString(object.value(QStringLiteral("end")).toString(), QStringLiteral("HH:mm"));
    // A damaged setting falls back to the default rather than stopping the diary.
    if (!days.isEmpty() && start.isValid() && end.isValid() && start < end) {
        hours.days = days;
        hours.start = start;
        hours.end = end;
    }
    return hours;
}

Result<void> WorkingHours::save(Store &store) const
{
    if (days.isEmpty() || !start.isValid() || !end.isValid() || start >= end)
        return makeError(ErrorCode::InvalidInput,
                         tr("Working hours need at least one day, and a start before the end."));
    QJsonArray dayList;
    for (int day : days)
        dayList.append(day);
    const QJsonObject object{{QStringLiteral("days"), dayList},
                             {QStringLiteral("start"), start.toString(QStringLiteral("HH:mm"))},
                             {QStringLiteral("end"), end.toString(QStringLiteral("HH:mm"))}};
    return writeSetting(store, kKey, object);
}

} // namespace lantern
