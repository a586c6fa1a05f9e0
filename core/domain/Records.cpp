#include "Records.h"

#include "Clock.h"

namespace lantern {

int Child::ageOn(const QDate &day) const
{
    if (!dateOfBirth.isValid() || !day.isValid() || day < dateOfBirth)
        return 0;
    int age = day.year() - dateOfBirth.year();
    // Not yet had this year's birthday (29 February birthdays count from 1 March in other years).
    const QDate birthdayThisYear(day.year(), dateOfBirth.month(),
                                 QDate::isLeapYear(day.year()) || dateOfBirth.month() != 2 ||
                                         dateOfBirth.day() != 29
                                     ? dateOfBirth.day()
                                     : 28);
    if (day < birthdayThisYear || (dateOfBirth.month() == 2 && dateOfBirth.day() == 29 &&
                                   !QDate::isLeapYear(day.year()) && day == birthdayThisYear))
        --age;
    return age;
}

QDate Hearing::filingDeadline() const
{
    if (!filingDaysBefore || !startsAt.isValid())
        return {};
    return startsAt.toTimeZone(Clock::londonZone()).date().addDays(-*filingDaysBefore);
}

} // namespace lantern
