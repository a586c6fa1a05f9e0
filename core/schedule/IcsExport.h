#pragma once

#include "Visit.h"
#include "domain/Records.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QUuid>

namespace lantern {

class Store;

// The FCA's visits as an iCalendar file (RFC 5545), for a phone or work calendar.
//
// A calendar leaves the laptop's protection, so an event says only when and what kind of
// visit it is, with the children's initials: no full name, no place or address (an address
// may be confidential), no attendees, no reason and no note. Deleted visits are left out;
// cancelled visits are kept with STATUS:CANCELLED so a calendar that imported them earlier
// removes or strikes them. Each event's UID is the visit's id, and its SEQUENCE rises with
// every change, so importing again updates the events rather than duplicating them.
class IcsExport
{
    Q_DECLARE_TR_FUNCTIONS(IcsExport)

public:
    // Visits starting on a day from `from` to `to` (both inclusive, days in Europe/London).
    // An invalid date leaves that side unbounded. `written`, when given, gets the number of
    // events in the file.
    static Result<QByteArray> exportVisits(Store &store, const QDate &from, const QDate &to,
                                           int *written = nullptr);

    // The calendar for these visits, in the order given. `children` are looked up for the
    // initials; `stamp` is when the file was made (DTSTAMP). Pure: reads no store or clock.
    static QByteArray render(const QList<Visit> &visits, const QHash<QUuid, Child> &children,
                             const QDateTime &stamp);

    // "A.B.": the first letter of the name the child uses and of their legal surname.
    static QString initialsOf(const Child &child);
    // The event's SEQUENCE: minutes from 2020-01-01 UTC to the record's last change.
    static int sequenceOf(const Visit &visit);

    static constexpr const char *kTimeZoneId = "Europe/London";
};

} // namespace lantern
