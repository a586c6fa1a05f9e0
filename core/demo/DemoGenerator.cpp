#include "DemoGenerator.h"

#include "domain/Clock.h"
#include "domain/Labels.h"
#include "letters/FcaProfile.h"
#include "notes/NoteRepository.h"
#include "schedule/VisitRepository.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <array>

namespace lantern {

namespace {

// All names, places and stories below are made up.
constexpr std::array kGirlNames{"Amelia", "Ffion", "Maya",  "Isla",   "Zara",  "Nia",
                                "Poppy",  "Aisha", "Lily",  "Grace",  "Seren", "Hana",
                                "Ruby",   "Freya", "Leah",  "Mali",   "Chloe", "Amara",
                                "Evie",   "Keira", "Tegan", "Olivia", "Sofia", "Layla"};
constexpr std::array kBoyNames{"Oliver", "Rhys",   "Noah",  "Harry",   "Ethan",  "Osian",
                               "Jacob",  "Yusuf",  "Leo",   "Dylan",   "Kai",    "Tomos",
                               "Mason",  "Alfie",  "Arlo",  "Ibrahim", "Finley", "Callum",
                               "Theo",   "Jayden", "Emeka", "Logan",   "Iwan",   "Reuben"};
constexpr std::array kShortNames{"Mia", "Ellie", "Izzy", "Charlie", "Jay",
                                 "Tom", "Sam",   "Bo",   "Alfie",   "Millie"};
constexpr std::array kSurnames{
    "Ashdown", "Brennan",  "Carrow",   "Delaney",  "Evans",     "Fairley", "Gethin",   "Hollis",
    "Iqbal",   "Jenner",   "Kowalska", "Lomax",    "Morgan",    "Nwosu",   "Okafor",   "Pritchard",
    "Quayle",  "Rowntree", "Sandhu",   "Thackray", "Underhill", "Vance",   "Whitlock", "Yardley",
    "Price",   "Bevan",    "Mensah",   "Novak",    "Hughes",    "Rahman"};
constexpr std::array kAdultFirstNames{"Sarah", "Claire", "Gemma", "Donna",  "Rhian", "Aaliyah",
                                      "Mark",  "Darren", "Lee",   "Gareth", "Imran", "Paul",
                                      "Kelly", "Joanne", "Sian",  "Adaeze", "Craig", "Wayne"};
constexpr std::array kStreets{"Orchard Close", "Mill Lane",    "Heol y Bryn",      "Station Road",
                              "Beech Avenue",  "Canal Street", "Victoria Terrace", "Park View",
                              "Ffordd Newydd", "Church Walk",  "Willow Court",     "Hill Crescent"};
constexpr std::array kTowns{"Ashbury", "Brookfield", "Llanfair", "Norbridge",   "Eastwick",
                            "Caerwen", "Holmbury",   "Westmoor", "Pentre Isaf", "Redcliffe"};

struct Court
{
    const char *name;
    const char *prefix; // the two letters that start its case numbers
    bool wales;
};
constexpr std::array kCourts{
    Court{"Family Court at Cardiff", "CF", true},
    Court{"Family Court at Swansea", "SA", true},
    Court{"Family Court at Wrexham", "WX", true},
    Court{"Family Court at Bristol", "BS", false},
    Court{"Family Court at Birmingham", "BM", false},
    Court{"Family Court at Manchester", "MA", false},
    Court{"Family Court at Leeds", "LS", false},
    Court{"Central Family Court", "ZC", false},
    Court{"East London Family Court", "ZE", false},
    Court{"Family Court at Newcastle", "NE", false},
};
constexpr std::array kSchools{"Brookfield Primary",       "St Mary's C of E Primary",
                              "Ysgol Gymraeg Llanfair",   "Norbridge Academy",
                              "Westmoor High School",     "Holmbury Infant School",
                              "Caerwen Community School", "Redcliffe College"};
constexpr std::array kWhatMatters{
    "My dog Biscuit and seeing Nan on Sundays.",
    "Football with my mates and staying at the same school.",
    "Not having to choose between Mum and Dad.",
    "My little sister. I look after her.",
    "Drawing, and my bedroom being mine.",
    "Knowing what is going to happen and when.",
    "Being allowed to see my brother.",
    "Swimming club on Tuesdays.",
    "That people listen to me and don't shout.",
    "Gaming with my cousin online.",
};
constexpr std::array kDelayReasons{
    "Awaiting a parenting assessment.",
    "Fact-finding hearing adjourned: no court time.",
    "Expert report filed late.",
    "Waiting for police disclosure.",
    "",
    "",
};
constexpr std::array kVisitPlaces{
    "Home", "School", "Cafcass office, Norbridge", "Family centre, Ashbury", "Video call", "Phone"};

// Sentences an FCA might write after seeing a child; notes are made of a few of them.
constexpr std::array kNoteSentences{
    "Saw {name} at home after school; we sat at the kitchen table with a drink.",
    "{name} showed me their bedroom and the drawings on the wall.",
    "We used the three houses tool to talk about worries, good things and dreams.",
    "{name} said they feel safe where they live now and want to stay at the same school.",
    "{name} was quiet at first and relaxed once we started drawing.",
    "They told me they miss their dad and would like to see him at weekends.",
    "{name} asked whether the judge will read what they wrote; I explained that the judge will.",
    "The foster carer reports that sleep has improved and there have been no incidents.",
    "School says attendance is now 94% and {name} has made a new friend.",
    "I explained my role again in simple words and checked that {name} understood.",
    "{name} wants to write a letter to the judge and we agreed to do it next visit.",
    "Contact with mum went well according to the contact supervisor.",
    "{name} became upset when talking about the arguments at home; we stopped and played a game.",
    "I spoke to the social worker about the timetable for the final hearing.",
    "No safeguarding concerns were raised during this visit.",
    "{name} would like more time with their grandparents.",
    "We talked about what happens at court, using the court picture book.",
    "Next visit agreed for after the school holidays at the family centre.",
};

QUuid demoId(quint32 seed, const QString &kind, int number)
{
    static const QUuid ns(QStringLiteral("{6f1c2a4e-2d7b-4b8e-9a51-7d3c0f5e8b21}"));
    return QUuid::createUuidV5(ns, QStringLiteral("%1/%2/%3").arg(seed).arg(kind).arg(number));
}

template <typename Array> QString pick(QRandomGenerator &rng, const Array &items)
{
    return QString::fromUtf8(items[rng.bounded(static_cast<quint32>(items.size()))]);
}

bool chance(QRandomGenerator &rng, int percent)
{
    return static_cast<int>(rng.bounded(100U)) < percent;
}

int between(QRandomGenerator &rng, int low, int high)
{
    return low + static_cast<int>(rng.bounded(static_cast<quint32>(high - low + 1)));
}

// A local time on a working day near `day`, as UTC. Weekends move forward to Monday for
// what is still to come, and back to Friday for what has happened.
enum class Toward
{
    Future,
    Past
};
QDateTime workingTime(const QDate &day, int hour, int minute, Toward toward)
{
    QDate d = day;
    while (d.dayOfWeek() > 5)
        d = d.addDays(toward == Toward::Future ? 1 : -1);
    return QDateTime(d, QTime(hour, minute), Clock::londonZone()).toUTC();
}

class Builder
{
public:
    Builder(Store &store, const DemoOptions &options)
        : m_store(store), m_options(options), m_rng(options.seed), m_today(store.clock().today()),
          m_fca(options.fca.isEmpty() ? store.actor() : options.fca)
    {}

    Result<DemoSummary> run()
    {
        // Who the letters come from (invented; the phone number is in Ofcom's drama range).
        auto profile = FcaProfile::load(m_store);
        if (!profile)
            return profile.error();
        if (profile->name.isEmpty()) {
            const FcaProfile demo{QStringLiteral("Alex Morgan"), QStringLiteral("01632 960 123"),
                                  QStringLiteral("alex.morgan@example.org"),
                                  QStringLiteral("Norbridge office"),
                                  QStringLiteral("https://feedback.example.org/lantern")};
            if (auto saved = demo.save(m_store); !saved)
                return saved.error();
        }
        const int closed = std::max(m_options.cases / 6, m_options.cases > 0 ? 1 : 0);
        for (int n = 0; n < m_options.cases + closed; ++n)
            if (auto made = makeCase(n, n >= m_options.cases); !made)
                return made.error();
        return m_summary;
    }

private:
    Result<void> makeCase(int n, bool closed)
    {
        const Court &court = kCourts[m_rng.bounded(static_cast<quint32>(kCourts.size()))];
        Case c;
        c.meta.id = demoId(m_options.seed, QStringLiteral("case"), n);
        const bool publicLaw = chance(m_rng, 55);
        if (publicLaw)
            c.kind =
                chance(m_rng, 80) ? ProceedingsKind::CareOrder : ProceedingsKind::SupervisionOrder;
        else {
            const int k = between(m_rng, 0, 9);
            c.kind = k < 5   ? ProceedingsKind::Section7Report
                     : k < 8 ? ProceedingsKind::ChildArrangements
                     : k < 9 ? ProceedingsKind::Rule16_4
                             : ProceedingsKind::ChildImpactReport;
        }
        // Most cases are weeks to months old; a few run long, as they do.
        int weeks = between(m_rng, 1, 30);
        if (chance(m_rng, 15))
            weeks = between(m_rng, 27, 50);
        // A couple of cases in every caseload run past a year, and now and then past 100 weeks.
        if (n % 13 == 5)
            weeks = n % 39 == 31 ? between(m_rng, 101, 115) : between(m_rng, 53, 80);
        if (closed)
            weeks = between(m_rng, 30, 70);
        c.issuedOn = m_today.addDays(-7 * weeks - between(m_rng, 0, 6));
        c.caseNumber = QStringLiteral("%1%2%3%4")
                           .arg(QString::fromLatin1(court.prefix))
                           .arg(c.issuedOn.year() % 100, 2, 10, QLatin1Char('0'))
                           .arg(publicLaw ? QLatin1Char('C') : QLatin1Char('P'))
                           .arg(10000 + n, 5, 10, QLatin1Char('0'));
        c.court = QString::fromUtf8(court.name);
        c.allocatedTo = m_fca;
        c.domesticAbuse = chance(m_rng, publicLaw ? 35 : 55);
        c.nextReviewOn = m_today.addDays(between(m_rng, -10, 80));
        if (weeks > 26)
            c.delayReason = pick(m_rng, kDelayReasons);
        if (auto added = CaseRepository(m_store).add(c); !added)
            return added.error();

        const QString surname = pick(m_rng, kSurnames);
        const int childCount = chance(m_rng, 40) ? 1 : chance(m_rng, 65) ? 2 : 3;
        QList<Child> children;
        int age = between(m_rng, 1, 17); // the eldest; siblings are one to four years younger
        for (int i = 0; i < childCount; ++i) {
            if (i > 0)
                age = std::max(0, age - between(m_rng, 1, 4));
            auto child = makeChild(c, surname, court.wales, age);
            if (!child)
                return child.error();
            children.append(*child);
        }
        if (auto adults = makeAdults(c, surname, children, publicLaw); !adults)
            return adults.error();
        if (auto hearings = makeHearings(c, closed, weeks); !hearings)
            return hearings.error();
        if (m_options.visits)
            if (auto visits = makeVisits(c, children, closed); !visits)
                return visits.error();
        if (m_options.notesPerChild > 0)
            if (auto notes = makeNotes(c, children); !notes)
                return notes.error();
        if (m_options.letters)
            if (auto letters = makeLetters(c, children, closed); !letters)
                return letters.error();
        if (closed) {
            const bool followed = chance(m_rng, 85);
            const QString outcome =
                publicLaw ? QStringLiteral("Care order; the children to live with their aunt.")
                          : QStringLiteral("Child arrangements order: lives with mother, "
                                           "spends alternate weekends with father.");
            auto done = CaseRepository(m_store).close(c.meta.id, outcome, followed,
                                                      m_today.addDays(-between(m_rng, 3, 60)));
            if (!done)
                return done.error();
            ++m_summary.closedCases;
        } else {
            ++m_summary.openCases;
        }
        return {};
    }

    Result<Child> makeChild(const Case &c, const QString &surname, bool wales, int age)
    {
        Child child;
        child.meta.id = demoId(m_options.seed, QStringLiteral("child"), m_summary.children);
        child.caseId = c.meta.id;
        const bool girl = chance(m_rng, 50);
        const QString first = girl ? pick(m_rng, kGirlNames) : pick(m_rng, kBoyNames);
        child.legalName = first + QLatin1Char(' ') + surname;
        if (chance(m_rng, 20))
            child.preferredName = pick(m_rng, kShortNames);
        child.dateOfBirth = m_today.addYears(-age).addDays(-between(m_rng, 1, 360));
        child.pronouns = girl ? QStringLiteral("she/her") : QStringLiteral("he/him");
        if (age >= 12 && chance(m_rng, 8))
            child.pronouns = QStringLiteral("they/them");
        const bool welsh = wales && chance(m_rng, 45);
        child.firstLanguage = welsh               ? QStringLiteral("Welsh")
                              : chance(m_rng, 12) ? QStringLiteral("Polish")
                                                  : QStringLiteral("English");
        child.letterLanguage = welsh ? QStringLiteral("cy") : QStringLiteral("en");
        child.heritage = chance(m_rng, 70) ? QStringLiteral("White British")
                                           : QStringLiteral("Mixed White and Black Caribbean");
        child.faith = chance(m_rng, 30) ? QStringLiteral("Christian") : QString();
        if (age >= 4)
            child.school = pick(m_rng, kSchools);
        child.livesWith = c.isPublicLaw() ? (chance(m_rng, 50) ? QStringLiteral("Foster carers")
                                                               : QStringLiteral("Grandmother"))
                                          : QStringLiteral("Mother");
        if (age >= 5)
            child.whatMatters = pick(m_rng, kWhatMatters);
        auto added = ChildRepository(m_store).add(child);
        if (added)
            ++m_summary.children;
        return added;
    }

    QString address()
    {
        return QStringLiteral("%1 %2, %3")
            .arg(between(m_rng, 1, 120))
            .arg(pick(m_rng, kStreets), pick(m_rng, kTowns));
    }

    Result<void> addAdult(Adult adult)
    {
        adult.meta.id = demoId(m_options.seed, QStringLiteral("adult"), m_summary.adults);
        if (auto added = AdultRepository(m_store).add(adult); !added)
            return added.error();
        ++m_summary.adults;
        return {};
    }

    Result<void> makeAdults(const Case &c, const QString &surname, const QList<Child> &children,
                            bool publicLaw)
    {
        QList<QUuid> all;
        for (const Child &child : children)
            all.append(child.meta.id);
        const auto phone = [this] {
            return QStringLiteral("07700 9%1")
                .arg(between(m_rng, 0, 99999), 5, 10, QLatin1Char('0'));
        };

        // An adult around every child of the case; family is their surname, or "" for
        // someone from another family.
        const auto adult = [&](AdultRole role, const QString &relationship, const QString &family) {
            Adult a;
            a.caseId = c.meta.id;
            a.childIds = all;
            const QString first = pick(m_rng, kAdultFirstNames);
            a.name =
                first + QLatin1Char(' ') + (family.isEmpty() ? pick(m_rng, kSurnames) : family);
            a.role = role;
            a.relationship = relationship;
            return a;
        };

        Adult mother = adult(AdultRole::Mother, QStringLiteral("Mother"), surname);
        mother.phone = phone();
        mother.address = address();
        Adult father = adult(AdultRole::Father, QStringLiteral("Father"), QString());
        father.phone = phone();
        father.address = address();
        if (c.domesticAbuse) {
            mother.domesticAbuseVictim = true;
            father.allegedPerpetrator = true;
            mother.addressConfidential = chance(m_rng, 60);
            if (mother.addressConfidential)
                mother.safetyNotes = QStringLiteral("Refuge address: never share with father.");
        }
        if (auto a = addAdult(mother); !a)
            return a;
        if (auto a = addAdult(father); !a)
            return a;
        if (chance(m_rng, 45)) {
            Adult gran =
                adult(AdultRole::Grandparent, QStringLiteral("Maternal grandmother"), surname);
            gran.phone = phone();
            gran.address = address();
            if (auto a = addAdult(gran); !a)
                return a;
        }
        if (c.domesticAbuse && chance(m_rng, 30)) {
            Adult partner =
                adult(AdultRole::Other, QStringLiteral("Father's new partner"), QString());
            partner.childMustNotKnow = true;
            partner.safetyNotes = QStringLiteral("Police disclosure pending; the children have "
                                                 "not been told about this person.");
            if (auto a = addAdult(partner); !a)
                return a;
        }
        if (publicLaw) {
            Adult worker = adult(AdultRole::SocialWorker,
                                 QStringLiteral("Local authority social worker"), QString());
            worker.phone = QStringLiteral("01632 %1").arg(between(m_rng, 100000, 999999));
            worker.email = QStringLiteral("social.worker%1@example.org").arg(m_summary.adults);
            if (auto a = addAdult(worker); !a)
                return a;
        }
        return {};
    }

    Result<void> addHearing(const Case &c, HearingKind kind, const QDate &day,
                            std::optional<int> filingDaysBefore)
    {
        Hearing h;
        h.meta.id = demoId(m_options.seed, QStringLiteral("hearing"), m_summary.hearings);
        h.caseId = c.meta.id;
        h.kind = kind;
        h.startsAt = workingTime(day, chance(m_rng, 70) ? 10 : 14, 0,
                                 day >= m_today ? Toward::Future : Toward::Past);
        h.venue = c.court;
        h.filingDaysBefore = filingDaysBefore;
        if (auto added = HearingRepository(m_store).add(h); !added)
            return added.error();
        ++m_summary.hearings;
        return {};
    }

    Result<void> makeHearings(const Case &c, bool closed, int weeks)
    {
        const bool publicLaw = c.isPublicLaw();
        // The first hearing: day 12 in public law, about week 5 in private law.
        const QDate first = c.issuedOn.addDays(publicLaw ? 12 : 35);
        if (first < m_today || closed)
            if (auto h = addHearing(c, HearingKind::FirstHearing, first, std::nullopt); !h)
                return h;
        if (closed)
            return addHearing(c, HearingKind::Final, c.issuedOn.addDays(7 * (weeks - 2)), 10);
        if (weeks > 10)
            if (auto h = addHearing(c, HearingKind::CaseManagement,
                                    c.issuedOn.addDays(7 * (weeks / 2)), std::nullopt);
                !h)
                return h;
        // What comes next, and the report due before it. A few are this week.
        const int inDays = chance(m_rng, 20) ? between(m_rng, 1, 7) : between(m_rng, 8, 70);
        HearingKind next = publicLaw
                               ? (weeks > 18 ? HearingKind::Final : HearingKind::IssuesResolution)
                               : (weeks > 12 ? HearingKind::Final : HearingKind::DisputeResolution);
        if (c.domesticAbuse && !publicLaw && weeks < 12)
            next = HearingKind::FactFinding;
        return addHearing(c, next, m_today.addDays(inDays), publicLaw ? 5 : 10);
    }

    Result<void> addVisit(const Case &c, const QList<QUuid> &childIds, VisitKind kind,
                          const QDateTime &start, VisitStatus status)
    {
        Visit visit;
        visit.meta.id = demoId(m_options.seed, QStringLiteral("visit"), m_summary.visits);
        visit.caseId = c.meta.id;
        visit.childIds = childIds;
        visit.kind = kind;
        visit.place = kind == VisitKind::School   ? QString::fromUtf8(kVisitPlaces[1])
                      : kind == VisitKind::Office ? QString::fromUtf8(kVisitPlaces[2])
                      : kind == VisitKind::Video  ? QString::fromUtf8(kVisitPlaces[4])
                      : kind == VisitKind::Phone  ? QString::fromUtf8(kVisitPlaces[5])
                                                  : QString::fromUtf8(kVisitPlaces[0]);
        visit.startsAt = start;
        visit.endsAt = start.addSecs(3600);
        visit.travelBeforeMin = visit.isRemote() ? 0 : 30;
        visit.travelAfterMin = visit.travelBeforeMin;
        visit.status = status;
        if (auto added = VisitRepository(m_store).add(visit); !added)
            return added.error();
        ++m_summary.visits;
        return {};
    }

    Result<void> makeVisits(const Case &c, const QList<Child> &children, bool closed)
    {
        static constexpr std::array kinds{VisitKind::Home,  VisitKind::School, VisitKind::Office,
                                          VisitKind::Video, VisitKind::Home,   VisitKind::Phone};
        for (const Child &child : children) {
            // Most children have been seen recently; some not for a while; a few never yet.
            if (chance(m_rng, 12) && !closed)
                continue;
            const int daysAgo = chance(m_rng, 75) ? between(m_rng, 2, 40) : between(m_rng, 43, 120);
            const VisitKind kind = child.ageOn(m_today) < 4
                                       ? VisitKind::Home
                                       : kinds[m_rng.bounded(quint32(kinds.size()))];
            if (auto v = addVisit(
                    c, {child.meta.id}, kind,
                    workingTime(m_today.addDays(-daysAgo), between(m_rng, 9, 15), 30, Toward::Past),
                    VisitStatus::Done);
                !v)
                return v;
        }
        if (!closed && chance(m_rng, 50)) {
            QList<QUuid> ids;
            for (const Child &child : children)
                ids.append(child.meta.id);
            if (auto v = addVisit(c, ids, VisitKind::Home,
                                  workingTime(m_today.addDays(between(m_rng, 1, 12)),
                                              between(m_rng, 9, 15), 0, Toward::Future),
                                  VisitStatus::Planned);
                !v)
                return v;
        }
        return {};
    }

    Result<void> makeNotes(const Case &c, const QList<Child> &children)
    {
        NoteRepository notes(m_store);
        for (const Child &child : children) {
            for (int i = 0; i < m_options.notesPerChild; ++i) {
                const QDateTime contact = workingTime(m_today.addDays(-between(m_rng, 1, 150)),
                                                      between(m_rng, 9, 16), 0, Toward::Past);
                const NoteKind kind = i == 0              ? NoteKind::Visit
                                      : chance(m_rng, 50) ? NoteKind::PhoneCall
                                                          : NoteKind::DirectWork;
                auto note =
                    notes.start(c.meta.id, {child.meta.id}, kind, contact,
                                demoId(m_options.seed, QStringLiteral("note"), m_summary.notes));
                if (!note)
                    return note.error();
                QStringList sentences;
                const int count = between(m_rng, 3, 6);
                for (int s = 0; s < count; ++s)
                    sentences.append(pick(m_rng, kNoteSentences)
                                         .replace(QStringLiteral("{name}"), child.nameToUse()));
                const QString text = sentences.join(QLatin1Char(' '));
                const QString html = QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
                if (auto saved = notes.saveDraft(note->meta.id, html, text, 0); !saved)
                    return saved;
                if (auto done = notes.finalise(note->meta.id); !done)
                    return done.error();
                ++m_summary.notes;
            }
        }
        return {};
    }

    Result<void> addLetter(const Case &c, const Child &child, const QString &kind,
                           const QDate &sentOn)
    {
        const QString body =
            QStringLiteral(
                "<p>Dear %1,</p><p>I am your family court adviser. My job is to help the "
                "judge understand what matters to you.</p>")
                .arg(child.nameToUse().toHtmlEscaped());
        QVariantMap fields{
            {QStringLiteral("case_id"), storeValue::fromId(c.meta.id)},
            {QStringLiteral("child_id"), storeValue::fromId(child.meta.id)},
            {QStringLiteral("letter_kind"), kind},
            {QStringLiteral("language"), child.letterLanguage},
            {QStringLiteral("status"), QStringLiteral("sent")},
            {QStringLiteral("body_html"), body},
            {QStringLiteral("finalised_at"),
             storeValue::fromTime(QDateTime(sentOn, QTime(9, 0), Qt::UTC))},
            {QStringLiteral("sent_on"), storeValue::fromDate(sentOn)},
            {QStringLiteral("sent_how"), QStringLiteral("post")},
        };
        const QUuid id = demoId(m_options.seed, QStringLiteral("letter"), m_summary.letters);
        if (auto added = m_store.insert(Table::Letters, id, fields); !added)
            return added;
        ++m_summary.letters;
        return {};
    }

    Result<void> makeLetters(const Case &c, const QList<Child> &children, bool closed)
    {
        const bool goodbyes = closed && chance(m_rng, 75);
        for (const Child &child : children) {
            // Babies get no letter; most others have their introduction; goodbyes mostly sent.
            if (child.ageOn(m_today) < 4 || chance(m_rng, 20))
                continue;
            if (auto l = addLetter(c, child, QStringLiteral("introduction"),
                                   c.issuedOn.addDays(between(m_rng, 3, 14)));
                !l)
                return l;
            if (goodbyes)
                if (auto l = addLetter(c, child, QStringLiteral("goodbye"),
                                       m_today.addDays(-between(m_rng, 1, 3)));
                    !l)
                    return l;
        }
        return {};
    }

    Store &m_store;
    DemoOptions m_options;
    QRandomGenerator m_rng;
    QDate m_today;
    QString m_fca;
    DemoSummary m_summary;
};

} // namespace

Result<DemoSummary> DemoGenerator::generate(Store &store, const DemoOptions &options)
{
    if (options.cases < 0 || options.cases > 100000)
        return makeError(ErrorCode::InvalidInput,
                         tr("The number of demo cases must be between 0 and 100,000."));
    {
        QSqlQuery query(store.database());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM cases")) || !query.next())
            return store.sqlError(tr("read the cases"), query.lastError());
        if (query.value(0).toInt() > 0)
            return makeError(ErrorCode::Duplicate,
                             tr("This store already holds cases. A demo caseload is only made "
                                "in a new, empty store, so it can never mix with real work."));
    }
    Result<DemoSummary> summary = DemoSummary{};
    auto done = store.transaction([&]() -> Result<void> {
        summary = Builder(store, options).run();
        if (!summary)
            return summary.error();
        return {};
    });
    if (!done)
        return done.error();
    return summary;
}

} // namespace lantern
