// A case's chronology: hearings, case events, visits, notes and letters, newest first.
#include "domain/Clock.h"
#include "store/ChronologyQuery.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace lantern;
using namespace lantern::storeValue;

class TestChronology : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        StoreOptions options;
        options.actor = QStringLiteral("fca.one");
        auto store =
            Store::open(m_dir->filePath(QStringLiteral("chronology.db")), m_clock, options);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store).value();

        Case c;
        c.caseNumber = QStringLiteral("ZZ26C00042");
        c.court = QStringLiteral("Exampleton Family Court");
        c.kind = ProceedingsKind::CareOrder;
        c.issuedOn = QDate(2026, 3, 2);
        auto added = CaseRepository(*m_store).add(c);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        m_case = *added;

        Child child;
        child.caseId = m_case.meta.id;
        child.legalName = QStringLiteral("Amara Test");
        child.preferredName = QStringLiteral("Mara");
        child.dateOfBirth = QDate(2017, 5, 14);
        auto childAdded = ChildRepository(*m_store).add(child);
        QVERIFY(childAdded);
        m_childId = childAdded->meta.id;
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void caseAlone()
    {
        auto entries = ChronologyQuery(*m_store).forCase(m_case.meta.id);
        QVERIFY2(entries, qPrintable(entries ? QString() : entries.error().message));
        QCOMPARE(entries->size(), 1);
        const ChronologyEntry &issued = entries->first();
        QCOMPARE(issued.kind, ChronologyQuery::caseIssuedKind());
        QCOMPARE(issued.recordId, m_case.meta.id);
        QVERIFY(issued.dateOnly);
        QCOMPARE(issued.at.toTimeZone(Clock::londonZone()).date(), QDate(2026, 3, 2));
        QVERIFY(!issued.title.isEmpty());
        QVERIFY(issued.detail.contains(QStringLiteral("Exampleton Family Court")));
    }

    void unknownCaseIsAnError()
    {
        auto entries = ChronologyQuery(*m_store).forCase(QUuid::createUuid());
        QVERIFY(!entries);
        QCOMPARE(entries.error().code, ErrorCode::NotFound);
    }

    void hearingsAndCaseEventsNewestFirst()
    {
        const QUuid first = addHearing(HearingKind::FirstHearing, at(2026, 3, 14, 10), {});
        const QUuid final = addHearing(HearingKind::Final, at(2026, 9, 1, 10), 7);
        const QUuid cmh = addHearing(HearingKind::CaseManagement, at(2026, 5, 20, 14), 5);
        // Closed on the day of the final hearing: the closing comes after the hearing.
        auto closed = CaseRepository(*m_store).close(
            m_case.meta.id, QStringLiteral("Care order to the local authority"), true,
            QDate(2026, 9, 1));
        QVERIFY2(closed, qPrintable(closed ? QString() : closed.error().message));

        auto entries = ChronologyQuery(*m_store).forCase(m_case.meta.id);
        QVERIFY(entries);
        QCOMPARE(kinds(*entries),
                 QStringList({QStringLiteral("case_closed"), QStringLiteral("hearing"),
                              QStringLiteral("hearing"), QStringLiteral("hearing"),
                              QStringLiteral("case_issued")}));
        QCOMPARE(entries->at(1).recordId, final);
        QCOMPARE(entries->at(2).recordId, cmh);
        QCOMPARE(entries->at(3).recordId, first);
        QCOMPARE(entries->at(1).title, QStringLiteral("Final hearing"));
        QCOMPARE(entries->at(3).title, QStringLiteral("First hearing"));
        QCOMPARE(entries->at(1).at, at(2026, 9, 1, 10));
        QVERIFY(!entries->at(1).dateOnly);
        // The hearing says when its report is due: 7 days before 1 September.
        QVERIFY2(entries->at(1).detail.contains(
                     QLocale().toString(QDate(2026, 8, 25), QLocale::ShortFormat)),
                 qPrintable(entries->at(1).detail));
        // The closing carries the outcome and whether it followed the recommendation.
        QVERIFY(
            entries->at(0).detail.contains(QStringLiteral("Care order to the local authority")));
        QVERIFY(entries->at(0).detail.contains(QStringLiteral("followed your recommendation")));
        for (int i = 1; i < entries->size(); ++i)
            QVERIFY(entries->at(i - 1).at.toTimeZone(Clock::londonZone()).date() >=
                    entries->at(i).at.toTimeZone(Clock::londonZone()).date());
    }

    void visitsNotesAndLettersAppear()
    {
        addHearing(HearingKind::FirstHearing, at(2026, 3, 14, 10), {});
        const QUuid visit = QUuid::createUuid();
        QVERIFY(m_store->insert(Table::Visits, visit,
                                {{QStringLiteral("case_id"), fromId(m_case.meta.id)},
                                 {QStringLiteral("child_ids"), fromIdList({m_childId})},
                                 {QStringLiteral("kind"), QStringLiteral("home")},
                                 {QStringLiteral("place"), QStringLiteral("12 Hidden Lane")},
                                 {QStringLiteral("starts_at"), fromTime(at(2026, 3, 20, 15))},
                                 {QStringLiteral("ends_at"), fromTime(at(2026, 3, 20, 16))},
                                 {QStringLiteral("status"), QStringLiteral("done")}}));
        const QUuid note = QUuid::createUuid();
        QVERIFY(m_store->insert(Table::Notes, note,
                                {{QStringLiteral("case_id"), fromId(m_case.meta.id)},
                                 {QStringLiteral("child_ids"), fromIdList({m_childId})},
                                 {QStringLiteral("kind"), QStringLiteral("visit")},
                                 {QStringLiteral("contact_at"), fromTime(at(2026, 3, 20, 15, 30))},
                                 {QStringLiteral("author"), QStringLiteral("fca.one")}}));
        const QUuid letter = QUuid::createUuid();
        QVERIFY(m_store->insert(Table::Letters, letter,
                                {{QStringLiteral("case_id"), fromId(m_case.meta.id)},
                                 {QStringLiteral("child_id"), fromId(m_childId)},
                                 {QStringLiteral("letter_kind"), QStringLiteral("introduction")},
                                 {QStringLiteral("language"), QStringLiteral("en")},
                                 {QStringLiteral("status"), QStringLiteral("sent")},
                                 {QStringLiteral("finalised_at"), fromTime(at(2026, 3, 9, 11))},
                                 {QStringLiteral("sent_on"), fromDate(QDate(2026, 3, 10))}}));

        auto entries = ChronologyQuery(*m_store).forCase(m_case.meta.id);
        QVERIFY(entries);
        QCOMPARE(kinds(*entries), QStringList({QStringLiteral("note"), QStringLiteral("visit"),
                                               QStringLiteral("hearing"), QStringLiteral("letter"),
                                               QStringLiteral("case_issued")}));
        const ChronologyEntry &noteEntry = entries->at(0);
        QCOMPARE(noteEntry.recordId, note);
        QCOMPARE(noteEntry.title, QStringLiteral("Visit note"));
        QVERIFY(noteEntry.detail.contains(QStringLiteral("Draft")));
        QVERIFY(noteEntry.detail.contains(QStringLiteral("Mara")));
        const ChronologyEntry &visitEntry = entries->at(1);
        QCOMPARE(visitEntry.recordId, visit);
        QCOMPARE(visitEntry.title, QStringLiteral("Home visit"));
        QVERIFY(visitEntry.detail.contains(QStringLiteral("Done")));
        // A home visit's place can be a confidential address: it is never in the chronology.
        for (const ChronologyEntry &entry : std::as_const(*entries)) {
            QVERIFY(!entry.title.contains(QStringLiteral("Hidden Lane")));
            QVERIFY(!entry.detail.contains(QStringLiteral("Hidden Lane")));
        }
        const ChronologyEntry &letterEntry = entries->at(3);
        QCOMPARE(letterEntry.recordId, letter);
        QCOMPARE(letterEntry.title, QStringLiteral("Introduction letter"));
        QVERIFY(letterEntry.dateOnly);
        QCOMPARE(letterEntry.at.toTimeZone(Clock::londonZone()).date(), QDate(2026, 3, 10));
        QVERIFY(letterEntry.detail.contains(QStringLiteral("Sent")));
        QVERIFY(letterEntry.detail.contains(QStringLiteral("Mara")));
    }

    void deletedRecordsAreLeftOut()
    {
        const QUuid kept = addHearing(HearingKind::FirstHearing, at(2026, 3, 14, 10), {});
        const QUuid gone = addHearing(HearingKind::CaseManagement, at(2026, 4, 14, 10), {});
        const QUuid visit = QUuid::createUuid();
        QVERIFY(m_store->insert(Table::Visits, visit,
                                {{QStringLiteral("case_id"), fromId(m_case.meta.id)},
                                 {QStringLiteral("kind"), QStringLiteral("school")},
                                 {QStringLiteral("starts_at"), fromTime(at(2026, 4, 1, 9))},
                                 {QStringLiteral("ends_at"), fromTime(at(2026, 4, 1, 10))}}));
        const QUuid note = QUuid::createUuid();
        QVERIFY(m_store->insert(Table::Notes, note,
                                {{QStringLiteral("case_id"), fromId(m_case.meta.id)},
                                 {QStringLiteral("kind"), QStringLiteral("phone_call")},
                                 {QStringLiteral("contact_at"), fromTime(at(2026, 4, 2, 9))},
                                 {QStringLiteral("author"), QStringLiteral("fca.one")}}));
        const QUuid letter = QUuid::createUuid();
        QVERIFY(m_store->insert(Table::Letters, letter,
                                {{QStringLiteral("case_id"), fromId(m_case.meta.id)},
                                 {QStringLiteral("child_id"), fromId(m_childId)},
                                 {QStringLiteral("letter_kind"), QStringLiteral("goodbye")},
                                 {QStringLiteral("language"), QStringLiteral("en")}}));
        QCOMPARE(ChronologyQuery(*m_store).forCase(m_case.meta.id)->size(), 6);

        QVERIFY(HearingRepository(*m_store).remove(gone));
        QVERIFY(m_store->softDelete(Table::Visits, visit));
        QVERIFY(m_store->softDelete(Table::Notes, note));
        QVERIFY(m_store->softDelete(Table::Letters, letter));

        auto entries = ChronologyQuery(*m_store).forCase(m_case.meta.id);
        QVERIFY(entries);
        QCOMPARE(kinds(*entries),
                 QStringList({QStringLiteral("hearing"), QStringLiteral("case_issued")}));
        QCOMPARE(entries->first().recordId, kept);
    }

    void otherCasesStayOut()
    {
        Case other;
        other.caseNumber = QStringLiteral("ZZ26P00077");
        other.court = QStringLiteral("Exampleton Family Court");
        other.kind = ProceedingsKind::ChildArrangements;
        other.issuedOn = QDate(2026, 4, 1);
        auto added = CaseRepository(*m_store).add(other);
        QVERIFY(added);
        Hearing hearing;
        hearing.caseId = added->meta.id;
        hearing.kind = HearingKind::FirstHearing;
        hearing.startsAt = at(2026, 5, 1, 10);
        QVERIFY(HearingRepository(*m_store).add(hearing));

        auto entries = ChronologyQuery(*m_store).forCase(m_case.meta.id);
        QVERIFY(entries);
        QCOMPARE(kinds(*entries), QStringList({QStringLiteral("case_issued")}));
    }

private:
    static QDateTime at(int y, int m, int d, int h, int min = 0)
    {
        return QDateTime(QDate(y, m, d), QTime(h, min), Clock::londonZone()).toUTC();
    }

    static QStringList kinds(const QList<ChronologyEntry> &entries)
    {
        QStringList result;
        for (const ChronologyEntry &entry : entries)
            result.append(entry.kind);
        return result;
    }

    QUuid addHearing(HearingKind kind, const QDateTime &startsAt, std::optional<int> daysBefore)
    {
        Hearing hearing;
        hearing.caseId = m_case.meta.id;
        hearing.kind = kind;
        hearing.startsAt = startsAt;
        hearing.venue = QStringLiteral("Exampleton Civil Justice Centre");
        hearing.filingDaysBefore = daysBefore;
        auto added = HearingRepository(*m_store).add(hearing);
        if (!added)
            qWarning("%s", qPrintable(added.error().message));
        return added ? added->meta.id : QUuid();
    }

    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC)};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    Case m_case;
    QUuid m_childId;
};

QTEST_MAIN(TestChronology)
#include "tst_chronology.moc"
