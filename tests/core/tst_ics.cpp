// The visits calendar (.ics): valid iCalendar, stable UIDs, London times, and nothing in it
// that names a child or says where they live.
#include "domain/Clock.h"
#include "schedule/IcsExport.h"
#include "schedule/VisitRepository.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QTemporaryDir>
#include <QtTest>

#include <libical/ical.h>

#include <algorithm>
#include <memory>

using namespace lantern;

namespace {

template <typename R> QString why(const R &result)
{
    return result ? QString() : result.error().message;
}

struct Event
{
    QString uid;
    int sequence = -1;
    icalproperty_status status = ICAL_STATUS_NONE;
    QString summary;
    qint64 startUtc = 0; // seconds since the epoch, resolved with the file's own VTIMEZONE
    qint64 endUtc = 0;
};

struct Parsed
{
    bool ok = false;
    int errors = -1;
    QString prodId;
    QString method;
    QString timeZoneId;
    QList<Event> events;
};

struct ComponentFree
{
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};

// Parses the file with libical and resolves every event's times with the VTIMEZONE it carries.
Parsed parse(const QByteArray &ics)
{
    Parsed parsed;
    std::unique_ptr<icalcomponent, ComponentFree> calendar(
        icalparser_parse_string(ics.constData()));
    if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT)
        return parsed;
    parsed.errors = icalcomponent_count_errors(calendar.get());
    if (icalproperty *p = icalcomponent_get_first_property(calendar.get(), ICAL_PRODID_PROPERTY))
        parsed.prodId = QString::fromUtf8(icalproperty_get_prodid(p));
    if (icalproperty *p = icalcomponent_get_first_property(calendar.get(), ICAL_METHOD_PROPERTY))
        parsed.method =
            QString::fromUtf8(icalproperty_method_to_string(icalproperty_get_method(p)));
    icalcomponent *vtimezone =
        icalcomponent_get_first_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT);
    if (!vtimezone)
        return parsed;
    if (icalproperty *p = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY))
        parsed.timeZoneId = QString::fromUtf8(icalproperty_get_tzid(p));
    icaltimezone *zone = icaltimezone_new();
    icaltimezone_set_component(zone, icalcomponent_new_clone(vtimezone));
    for (icalcomponent *event =
             icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
         event; event = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT)) {
        Event e;
        e.uid = QString::fromUtf8(icalcomponent_get_uid(event));
        e.summary = QString::fromUtf8(icalcomponent_get_summary(event));
        e.status = icalcomponent_get_status(event);
        if (icalproperty *p = icalcomponent_get_first_property(event, ICAL_SEQUENCE_PROPERTY))
            e.sequence = icalproperty_get_sequence(p);
        icalproperty *start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
        icalproperty *end = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
        if (start && end) {
            e.startUtc = icaltime_as_timet_with_zone(icalproperty_get_dtstart(start), zone);
            e.endUtc = icaltime_as_timet_with_zone(icalproperty_get_dtend(end), zone);
        }
        parsed.events.append(e);
    }
    icaltimezone_free(zone, 1);
    parsed.ok = true;
    return parsed;
}

const Event *eventFor(const Parsed &parsed, const QUuid &visitId)
{
    const QString uid = visitId.toString(QUuid::WithoutBraces) + QStringLiteral("@lantern");
    for (const Event &event : parsed.events)
        if (event.uid == uid)
            return &event;
    return nullptr;
}

QDateTime london(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Clock::londonZone()).toUTC();
}

} // namespace

class TestIcs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(QStringLiteral("ics.db")), m_clock);
        QVERIFY2(store, qPrintable(why(store)));
        m_store = std::move(store).value();

        Case c;
        c.caseNumber = QStringLiteral("ZZ26P00421");
        c.court = QStringLiteral("Family Court at Exampleton");
        c.kind = ProceedingsKind::ChildArrangements;
        c.issuedOn = QDate(2025, 11, 3);
        auto added = CaseRepository(*m_store).add(c);
        QVERIFY2(added, qPrintable(why(added)));
        m_caseId = added->meta.id;

        Child millie;
        millie.caseId = m_caseId;
        millie.legalName = QStringLiteral("Amelia Ashdown");
        millie.preferredName = QStringLiteral("Millie");
        millie.dateOfBirth = QDate(2017, 5, 9);
        millie.school = QStringLiteral("Brookfield Primary");
        auto first = ChildRepository(*m_store).add(millie);
        QVERIFY2(first, qPrintable(why(first)));
        m_millie = first->meta.id;
        QCOMPARE(IcsExport::initialsOf(*first), QStringLiteral("M.A."));

        Child charlie;
        charlie.caseId = m_caseId;
        charlie.legalName = QStringLiteral("Charles Ashdown");
        charlie.dateOfBirth = QDate(2020, 8, 21);
        auto second = ChildRepository(*m_store).add(charlie);
        QVERIFY2(second, qPrintable(why(second)));
        m_charlie = second->meta.id;
        QCOMPARE(IcsExport::initialsOf(*second), QStringLiteral("C.A."));

        // Summer (BST): 10:00 to 11:30 London is 09:00 to 10:30 UTC.
        m_summer = addVisit(VisitKind::Home, london(2026, 7, 14, 10), 90, {m_millie, m_charlie});
        // Winter (GMT), at school.
        m_winter = addVisit(VisitKind::School, london(2026, 12, 2, 14), 60, {m_millie});
        // Cancelled.
        m_cancelled = addVisit(VisitKind::Office, london(2026, 3, 10, 9, 30), 60, {m_charlie});
        auto cancelled = VisitRepository(*m_store).cancel(m_cancelled, kReason);
        QVERIFY2(cancelled, qPrintable(why(cancelled)));
        // Deleted.
        m_deleted = addVisit(VisitKind::ContactCentre, london(2026, 4, 20, 15), 60, {m_millie});
        QVERIFY(VisitRepository(*m_store).remove(m_deleted));
        QVERIFY(!QTest::currentTestFailed());
    }

    void validCalendar()
    {
        auto ics = IcsExport::exportVisits(*m_store, {}, {});
        QVERIFY2(ics, qPrintable(why(ics)));
        QVERIFY(ics->startsWith("BEGIN:VCALENDAR\r\n"));
        QVERIFY(ics->trimmed().endsWith("END:VCALENDAR"));
        const Parsed parsed = parse(*ics);
        QVERIFY(parsed.ok);
        QCOMPARE(parsed.errors, 0);
        QCOMPARE(parsed.prodId, QStringLiteral("-//Lantern//Lantern visits//EN"));
        QCOMPARE(parsed.method, QStringLiteral("PUBLISH"));
        QVERIFY(ics->contains("VERSION:2.0\r\n"));
        QCOMPARE(parsed.timeZoneId, QStringLiteral("Europe/London"));
        QVERIFY(ics->contains("TZID:Europe/London\r\n"));
        // Last Sunday of March and of October (libical writes the parts in its own order).
        QStringList rules;
        for (const QByteArray &line : ics->split('\n'))
            if (line.startsWith("RRULE:"))
                rules.append(QString::fromLatin1(line.trimmed()));
        QCOMPARE(rules.size(), 2);
        for (const QString &month : {QStringLiteral("BYMONTH=3"), QStringLiteral("BYMONTH=10")}) {
            const auto matches = [&month](const QString &rule) {
                const QStringList parts = rule.mid(6).split(QLatin1Char(';'));
                return parts.contains(QStringLiteral("FREQ=YEARLY")) &&
                       parts.contains(QStringLiteral("BYDAY=-1SU")) && parts.contains(month);
            };
            QVERIFY2(std::any_of(rules.cbegin(), rules.cend(), matches), qPrintable(month));
        }
        QVERIFY(ics->contains("TZNAME:BST\r\n") && ics->contains("TZNAME:GMT\r\n"));
        QVERIFY(ics->contains("DTSTART:19700329T010000\r\nTZOFFSETFROM:+0000\r\n"
                              "TZOFFSETTO:+0100\r\n"));
        QVERIFY(ics->contains("DTSTART:19701025T020000\r\nTZOFFSETFROM:+0100\r\n"
                              "TZOFFSETTO:+0000\r\n"));
        QCOMPARE(parsed.events.size(), 3);
        QVERIFY(ics->contains("DTSTAMP:20260115T120000Z\r\n"));
    }

    void londonTimes()
    {
        auto ics = IcsExport::exportVisits(*m_store, {}, {});
        QVERIFY(ics);
        QVERIFY(ics->contains("DTSTART;TZID=Europe/London:20260714T100000\r\n"));
        QVERIFY(ics->contains("DTEND;TZID=Europe/London:20260714T113000\r\n"));
        QVERIFY(ics->contains("DTSTART;TZID=Europe/London:20261202T140000\r\n"));
        QVERIFY(ics->contains("DTSTART;TZID=Europe/London:20260310T093000\r\n"));
        // Resolved with the file's own VTIMEZONE, each event is at the visit's instant.
        const Parsed parsed = parse(*ics);
        for (const QUuid &id : {m_summer, m_winter, m_cancelled}) {
            const Event *event = eventFor(parsed, id);
            QVERIFY(event);
            auto visit = VisitRepository(*m_store).get(id);
            QVERIFY(visit);
            QCOMPARE(event->startUtc, visit->startsAt.toSecsSinceEpoch());
            QCOMPARE(event->endUtc, visit->endsAt.toSecsSinceEpoch());
        }
        QCOMPARE(eventFor(parsed, m_summer)->startUtc,
                 QDateTime(QDate(2026, 7, 14), QTime(9, 0), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(eventFor(parsed, m_winter)->startUtc,
                 QDateTime(QDate(2026, 12, 2), QTime(14, 0), Qt::UTC).toSecsSinceEpoch());
    }

    void statusesAndSummaries()
    {
        auto ics = IcsExport::exportVisits(*m_store, {}, {});
        QVERIFY(ics);
        const Parsed parsed = parse(*ics);
        QCOMPARE(eventFor(parsed, m_summer)->status, ICAL_STATUS_CONFIRMED);
        QCOMPARE(eventFor(parsed, m_winter)->status, ICAL_STATUS_CONFIRMED);
        QCOMPARE(eventFor(parsed, m_cancelled)->status, ICAL_STATUS_CANCELLED);
        QVERIFY(ics->contains("STATUS:CANCELLED\r\n"));
        QVERIFY(!eventFor(parsed, m_deleted));
        QVERIFY(!ics->contains(m_deleted.toString(QUuid::WithoutBraces).toLatin1()));
        QCOMPARE(eventFor(parsed, m_summer)->summary, QStringLiteral("Home visit: M.A., C.A."));
        QCOMPARE(eventFor(parsed, m_winter)->summary, QStringLiteral("School visit: M.A."));
        QCOMPARE(eventFor(parsed, m_cancelled)->summary, QStringLiteral("Office visit: C.A."));
    }

    void nothingIdentifying()
    {
        auto ics = IcsExport::exportVisits(*m_store, {}, {});
        QVERIFY(ics);
        const QByteArray lower = ics->toLower();
        const QStringList absent = {
            QStringLiteral("Amelia"),
            QStringLiteral("Millie"),
            QStringLiteral("Charles"),
            QStringLiteral("Ashdown"),
            kPlace,
            QStringLiteral("Orchard"),
            QStringLiteral("AB12"),
            kAttendees,
            QStringLiteral("Pat Greenway"),
            QStringLiteral("Greenway"),
            kReason,
            QStringLiteral("unwell"),
            QStringLiteral("ZZ26P00421"),
            QStringLiteral("Exampleton"),
            QStringLiteral("Brookfield"),
            QStringLiteral("LOCATION"),
            QStringLiteral("DESCRIPTION"),
            QStringLiteral("ATTENDEE"),
            QStringLiteral("ORGANIZER"),
        };
        for (const QString &text : absent)
            QVERIFY2(!lower.contains(text.toLower().toUtf8()), qPrintable(text));
    }

    void stableUids()
    {
        auto first = IcsExport::exportVisits(*m_store, {}, {});
        auto second = IcsExport::exportVisits(*m_store, {}, {});
        QVERIFY(first && second);
        QCOMPARE(*first, *second);
        const Parsed before = parse(*first);
        QStringList uids;
        for (const Event &event : before.events)
            uids.append(event.uid);
        QVERIFY(
            uids.contains(m_summer.toString(QUuid::WithoutBraces) + QStringLiteral("@lantern")));

        // An edit later keeps the UID and raises the SEQUENCE, so a calendar updates the event.
        const int oldSequence = eventFor(before, m_summer)->sequence;
        QVERIFY(oldSequence > 0);
        m_clock.advanceSecs(2 * 3600);
        auto visit = VisitRepository(*m_store).get(m_summer);
        QVERIFY(visit);
        Visit moved = *visit;
        moved.startsAt = london(2026, 7, 14, 11);
        moved.endsAt = london(2026, 7, 14, 12);
        QVERIFY(VisitRepository(*m_store).save(moved));
        auto later = IcsExport::exportVisits(*m_store, {}, {});
        QVERIFY(later);
        const Parsed after = parse(*later);
        QStringList laterUids;
        for (const Event &event : after.events)
            laterUids.append(event.uid);
        QCOMPARE(laterUids.size(), uids.size());
        for (const QString &uid : std::as_const(uids))
            QVERIFY(laterUids.contains(uid));
        QVERIFY(eventFor(after, m_summer)->sequence > oldSequence);
        QCOMPARE(eventFor(after, m_winter)->sequence, eventFor(before, m_winter)->sequence);
        QVERIFY(later->contains("DTSTART;TZID=Europe/London:20260714T110000\r\n"));
    }

    void dateRange()
    {
        int written = -1;
        // Inclusive London days: only the summer visit.
        auto summer =
            IcsExport::exportVisits(*m_store, QDate(2026, 7, 14), QDate(2026, 7, 14), &written);
        QVERIFY(summer);
        QCOMPARE(written, 1);
        const Parsed parsed = parse(*summer);
        QCOMPARE(parsed.events.size(), 1);
        QVERIFY(eventFor(parsed, m_summer));
        // Unbounded on one side.
        auto fromApril = IcsExport::exportVisits(*m_store, QDate(2026, 4, 1), {}, &written);
        QVERIFY(fromApril);
        QCOMPARE(written, 2);
        auto untilMarch = IcsExport::exportVisits(*m_store, {}, QDate(2026, 3, 10), &written);
        QVERIFY(untilMarch);
        QCOMPARE(written, 1);
        QVERIFY(eventFor(parse(*untilMarch), m_cancelled));
        // An empty range is still a valid calendar with its time zone.
        auto none =
            IcsExport::exportVisits(*m_store, QDate(2027, 1, 1), QDate(2027, 1, 31), &written);
        QVERIFY(none);
        QCOMPARE(written, 0);
        QVERIFY(parse(*none).ok);
        QCOMPARE(parse(*none).errors, 0);
        QVERIFY(!IcsExport::exportVisits(*m_store, QDate(2026, 2, 1), QDate(2026, 1, 1)));
    }

    void renderIsPure()
    {
        Visit visit;
        visit.meta.id = QUuid::createUuid();
        visit.meta.updatedAt = QDateTime(QDate(2020, 1, 1), QTime(1, 0), Qt::UTC);
        visit.kind = VisitKind::Video;
        visit.childIds = {QUuid::createUuid()}; // unknown child: no initials, no failure
        visit.startsAt = london(2026, 10, 25, 9);
        visit.endsAt = london(2026, 10, 25, 10);
        visit.status = VisitStatus::NotSeen;
        const QDateTime stamp(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
        const QByteArray ics = IcsExport::render({visit}, {}, stamp);
        QCOMPARE(IcsExport::render({visit}, {}, stamp), ics);
        const Parsed parsed = parse(ics);
        QCOMPARE(parsed.errors, 0);
        QCOMPARE(parsed.events.size(), 1);
        QCOMPARE(parsed.events.constFirst().sequence, 60);
        QCOMPARE(parsed.events.constFirst().status, ICAL_STATUS_CONFIRMED); // not seen stays
        QCOMPARE(parsed.events.constFirst().summary, QStringLiteral("Video call"));
        // The day the clocks go back: 09:00 is GMT again.
        QVERIFY(ics.contains("DTSTART;TZID=Europe/London:20261025T090000\r\n"));
        QCOMPARE(parsed.events.constFirst().startUtc, visit.startsAt.toSecsSinceEpoch());
        QVERIFY(ics.contains("DTSTAMP:20261001T080000Z\r\n"));
    }

private:
    QUuid addVisit(VisitKind kind, const QDateTime &start, int minutes, const QList<QUuid> &kids)
    {
        Visit visit;
        visit.caseId = m_caseId;
        visit.childIds = kids;
        visit.kind = kind;
        visit.place = kPlace;
        visit.attendees = kAttendees;
        visit.startsAt = start;
        visit.endsAt = start.addSecs(60LL * minutes);
        visit.travelBeforeMin = 30;
        auto added = VisitRepository(*m_store).add(visit);
        if (!added) {
            qWarning() << added.error().message;
            return {};
        }
        return added->meta.id;
    }

    inline static const QString kPlace = QStringLiteral("14 Orchard Row, Exampleton AB12 3CD");
    inline static const QString kAttendees = QStringLiteral("Grandmother Pat Greenway");
    inline static const QString kReason = QStringLiteral("Charles is unwell");

    FixedClock m_clock{QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC)};
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QUuid m_caseId;
    QUuid m_millie;
    QUuid m_charlie;
    QUuid m_summer;
    QUuid m_winter;
    QUuid m_cancelled;
    QUuid m_deleted;
};

QTEST_GUILESS_MAIN(TestIcs)
#include "tst_ics.moc"
