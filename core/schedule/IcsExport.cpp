#include "IcsExport.h"

#include "VisitRepository.h"
#include "domain/Clock.h"
#include "domain/Labels.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QTimeZone>

#include <libical/ical.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace lantern {

namespace {

struct ComponentFree
{
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

// A local wall-clock time (no zone of its own): written with a TZID parameter.
icaltimetype localTime(const QDateTime &time)
{
    icaltimetype t = icaltime_null_time();
    t.year = time.date().year();
    t.month = time.date().month();
    t.day = time.date().day();
    t.hour = time.time().hour();
    t.minute = time.time().minute();
    t.second = time.time().second();
    t.is_date = 0;
    t.zone = nullptr;
    return t;
}

icaltimetype utcTime(const QDateTime &time)
{
    return icaltime_from_timet_with_zone(static_cast<time_t>(time.toSecsSinceEpoch()), 0,
                                         icaltimezone_get_utc_timezone());
}

icalproperty *withTzid(icalproperty *property)
{
    icalproperty_add_parameter(property, icalparameter_new_tzid(IcsExport::kTimeZoneId));
    return property;
}

// One observance of Europe/London: from the last Sunday of March (BST) or of October (GMT).
icalcomponent *observance(bool daylight)
{
    icalcomponent *component =
        daylight ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
    icaltimetype start = icaltime_null_time();
    start.year = 1970;
    start.month = daylight ? 3 : 10;
    start.day = daylight ? 29 : 25;
    start.hour = daylight ? 1 : 2;
    icalcomponent_add_property(component, icalproperty_new_dtstart(start));
    icalcomponent_add_property(component, icalproperty_new_tzoffsetfrom(daylight ? 0 : 3600));
    icalcomponent_add_property(component, icalproperty_new_tzoffsetto(daylight ? 3600 : 0));
    icalcomponent_add_property(component, icalproperty_new_tzname(daylight ? "BST" : "GMT"));
    const struct icalrecurrencetype rule = icalrecurrencetype_from_string(
        daylight ? "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" : "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    icalcomponent_add_property(component, icalproperty_new_rrule(rule));
    return component;
}

icalcomponent *londonTimeZone()
{
    icalcomponent *zone = icalcomponent_new_vtimezone();
    icalcomponent_add_property(zone, icalproperty_new_tzid(IcsExport::kTimeZoneId));
    icalcomponent_add_component(zone, observance(false));
    icalcomponent_add_component(zone, observance(true));
    return zone;
}

QString firstLetter(const QString &word)
{
    const QList<uint> codePoints = word.toUcs4();
    for (const uint codePoint : codePoints)
        if (QChar::isLetter(char32_t(codePoint))) {
            const char32_t letter = codePoint;
            return QString::fromUcs4(&letter, 1).toUpper();
        }
    return {};
}

QString summaryOf(const Visit &visit, const QHash<QUuid, Child> &children)
{
    QStringList initials;
    for (const QUuid &childId : visit.childIds) {
        const auto found = children.constFind(childId);
        if (found == children.cend())
            continue;
        const QString letters = IcsExport::initialsOf(*found);
        if (!letters.isEmpty())
            initials.append(letters);
    }
    const QString label = labelOf(visit.kind);
    return initials.isEmpty()
               ? label
               : QStringLiteral("%1: %2").arg(label, initials.join(QStringLiteral(", ")));
}

icalcomponent *eventOf(const Visit &visit, const QHash<QUuid, Child> &children,
                       const icaltimetype &stamp)
{
    const QTimeZone london = Clock::londonZone();
    icalcomponent *event = icalcomponent_new_vevent();
    const QByteArray uid = visit.meta.id.toString(QUuid::WithoutBraces).toLatin1() + "@lantern";
    icalcomponent_add_property(event, icalproperty_new_uid(uid.constData()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
    icalcomponent_add_property(
        event, withTzid(icalproperty_new_dtstart(localTime(visit.startsAt.toTimeZone(london)))));
    icalcomponent_add_property(
        event, withTzid(icalproperty_new_dtend(localTime(visit.endsAt.toTimeZone(london)))));
    icalcomponent_add_property(event, icalproperty_new_sequence(IcsExport::sequenceOf(visit)));
    icalcomponent_add_property(event, icalproperty_new_status(visit.status == VisitStatus::Cancelled
                                                                  ? ICAL_STATUS_CANCELLED
                                                                  : ICAL_STATUS_CONFIRMED));
    const QByteArray summary = summaryOf(visit, children).toUtf8();
    icalcomponent_add_property(event, icalproperty_new_summary(summary.constData()));
    // Busy for the FCA while it stands; a cancelled visit frees the time.
    icalcomponent_add_property(event, icalproperty_new_transp(visit.status == VisitStatus::Cancelled
                                                                  ? ICAL_TRANSP_TRANSPARENT
                                                                  : ICAL_TRANSP_OPAQUE));
    return event;
}

} // namespace

QString IcsExport::initialsOf(const Child &child)
{
    const QStringList used = child.nameToUse().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList legal = child.legalName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString initials;
    if (!used.isEmpty())
        if (const QString letter = firstLetter(used.constFirst()); !letter.isEmpty())
            initials += letter + QLatin1Char('.');
    if (legal.size() > 1)
        if (const QString letter = firstLetter(legal.constLast()); !letter.isEmpty())
            initials += letter + QLatin1Char('.');
    return initials;
}

int IcsExport::sequenceOf(const Visit &visit)
{
    static const QDateTime base(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    if (!visit.meta.updatedAt.isValid())
        return 0;
    const qint64 minutes = base.secsTo(visit.meta.updatedAt) / 60;
    return int(std::clamp<qint64>(minutes, 0, INT_MAX));
}

QByteArray IcsExport::render(const QList<Visit> &visits, const QHash<QUuid, Child> &children,
                             const QDateTime &stamp)
{
    ComponentPtr calendar(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(),
                               icalproperty_new_prodid("-//Lantern//Lantern visits//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalcomponent_add_component(calendar.get(), londonTimeZone());
    const icaltimetype dtstamp = utcTime(stamp.isValid() ? stamp : QDateTime::currentDateTimeUtc());
    for (const Visit &visit : visits) {
        if (visit.meta.isDeleted() || !visit.startsAt.isValid() || !visit.endsAt.isValid())
            continue;
        icalcomponent_add_component(calendar.get(), eventOf(visit, children, dtstamp));
    }
    char *text = icalcomponent_as_ical_string_r(calendar.get());
    const QByteArray result(text);
    icalmemory_free_buffer(text);
    return result;
}

Result<QByteArray> IcsExport::exportVisits(Store &store, const QDate &from, const QDate &to,
                                           int *written)
{
    if (from.isValid() && to.isValid() && to < from)
        return makeError(ErrorCode::InvalidInput,
                         tr("The last day (%1) is before the first day (%2). Check the dates.")
                             .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)),
                         QStringLiteral("to"));
    const QTimeZone london = Clock::londonZone();
    const QDate first = from.isValid() ? from : QDate(1900, 1, 1);
    const QDate last = to.isValid() ? to : QDate(9000, 12, 31);
    // The days' span in UTC; between() also takes visits whose travel reaches into it, so
    // keep only those that start on one of the days.
    auto found =
        VisitRepository(store).between(QDateTime(first, QTime(0, 0), london).toUTC(),
                                       QDateTime(last.addDays(1), QTime(0, 0), london).toUTC());
    if (!found)
        return found.error();
    QList<Visit> visits;
    for (const Visit &visit : std::as_const(*found)) {
        const QDate day = visit.startsAt.toTimeZone(london).date();
        if (day >= first && day <= last)
            visits.append(visit);
    }
    auto children = ChildRepository(store).all();
    if (!children)
        return children.error();
    QHash<QUuid, Child> byId;
    for (const Child &child : std::as_const(*children))
        byId.insert(child.meta.id, child);
    if (written)
        *written = int(visits.size());
    return render(visits, byId, store.clock().nowUtc());
}

} // namespace lantern
