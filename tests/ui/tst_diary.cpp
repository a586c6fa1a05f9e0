// Planning visits: the visit dialog's warnings and free times, the week diary and its keys.
#include "dialogs/VisitDialog.h"
#include "dialogs/WorkingHoursDialog.h"
#include "domain/Clock.h"
#include "schedule/VisitRepository.h"
#include "schedule/WorkingHours.h"
#include "store/CaseloadQuery.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "widgets/DiaryView.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QTimer>
#include <QtTest>

#include "ScreenshotSupport.h"

using namespace lantern;

namespace {

// Monday 23 November 2026, 09:00 (GMT).
const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

// Closes the next modal dialog that opens (one the code under test runs with exec()).
void rejectNextDialog(bool *seen)
{
    QTimer::singleShot(0, [seen] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            *seen = qobject_cast<VisitDialog *>(dialog) != nullptr;
            dialog->reject();
        }
    });
}

} // namespace

class TestDiary : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(QStringLiteral("d.db")), m_clock);
        QVERIFY(store);
        m_store = std::move(store).value();
        Case c;
        c.caseNumber = QStringLiteral("CF26C10001");
        c.court = QStringLiteral("Family Court at Cardiff");
        c.issuedOn = QDate(2026, 9, 1);
        m_caseId = CaseRepository(*m_store).add(c)->meta.id;
        Child child;
        child.caseId = m_caseId;
        child.legalName = QStringLiteral("Seren Gethin");
        child.dateOfBirth = QDate(2017, 6, 1);
        m_childId = ChildRepository(*m_store).add(child)->meta.id;
        Hearing hearing;
        hearing.caseId = m_caseId;
        hearing.kind = HearingKind::IssuesResolution;
        hearing.startsAt = london(QDate(2026, 12, 3), 10);
        hearing.venue = QStringLiteral("Cardiff");
        hearing.filingDaysBefore = 5; // report due Saturday 28 November
        QVERIFY(HearingRepository(*m_store).add(hearing));
    }

    void cleanup()
    {
        m_store.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("d.db")));
    }

    void warningsShowBeforeSavingAndDoNotBlock()
    {
        VisitDialog dialog(*m_store, m_caseId, std::nullopt);
        dialog.show();
        QCOMPARE(dialog.childList()->count(), 1);
        QCOMPARE(dialog.childList()->item(0)->checkState(), Qt::Checked);
        // Tuesday 10:00: nothing to warn about.
        dialog.setLocalStart(QDate(2026, 11, 24), QTime(10, 0));
        QVERIFY(dialog.warningsLabel()->isHidden());
        // Sunday: outside working hours, and after the report is due.
        dialog.setLocalStart(QDate(2026, 11, 29), QTime(10, 0));
        QVERIFY(dialog.warningsLabel()->isVisible());
        QVERIFY(dialog.warningsLabel()->text().contains(QStringLiteral("working hours")));
        QVERIFY(dialog.warningsLabel()->text().contains(QStringLiteral("filing deadline")));
        QCOMPARE(dialog.currentWarnings().size(), 2);
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("visit-dialog")));
        // The FCA decides: it saves.
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto visits = VisitRepository(*m_store).forCase(m_caseId);
        QCOMPARE(visits->size(), 1);
        QCOMPARE(visits->constFirst().startsAt, london(QDate(2026, 11, 29), 10));
        QCOMPARE(visits->constFirst().childIds, QList<QUuid>{m_childId});
    }

    void findATimeOffersFreeSlotsBeforeTheDeadline()
    {
        VisitDialog dialog(*m_store, m_caseId, std::nullopt);
        dialog.show();
        QTest::mouseClick(dialog.findTimeButton(), Qt::LeftButton);
        QListWidget *offers = dialog.slotList();
        QVERIFY(offers->isVisible());
        QVERIFY(offers->count() >= 2);
        // Choosing one moves the visit there, and it raises no warning.
        QListWidgetItem *second = offers->item(1);
        const QDateTime chosen = second->data(Qt::UserRole).toDateTime();
        QVERIFY(chosen.toTimeZone(Clock::londonZone()).date() <= QDate(2026, 11, 28));
        emit offers->itemActivated(second);
        QVERIFY(dialog.currentWarnings().isEmpty());
        dialog.accept();
        QCOMPARE(VisitRepository(*m_store).forCase(m_caseId)->constFirst().startsAt, chosen);
    }

    void notSeenWithoutAReasonKeepsTheDialogOpen()
    {
        Visit visit;
        visit.caseId = m_caseId;
        visit.childIds = {m_childId};
        visit.startsAt = london(QDate(2026, 11, 20), 10);
        visit.endsAt = visit.startsAt.addSecs(3600);
        auto added = VisitRepository(*m_store).add(visit);
        QVERIFY(added);
        VisitDialog dialog(*m_store, m_caseId, *added);
        dialog.show();
        auto *status = qobject_cast<QComboBox *>(dialog.fieldWidget(QStringLiteral("status")));
        QVERIFY(status);
        status->setCurrentIndex(status->findData(int(VisitStatus::NotSeen)));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("not seen")));
        QCOMPARE(VisitRepository(*m_store).get(added->meta.id)->status, VisitStatus::Planned);
        auto *reason =
            qobject_cast<QLineEdit *>(dialog.fieldWidget(QStringLiteral("status_reason")));
        QCOMPARE(dialog.focusWidget(), static_cast<QWidget *>(reason));
        reason->setText(QStringLiteral("Seren was at a friend's house"));
        dialog.accept();
        QCOMPARE(VisitRepository(*m_store).get(added->meta.id)->status, VisitStatus::NotSeen);
    }

    void weekShowsVisitsAndHearingsAndMovesByKeyboard()
    {
        Visit visit;
        visit.caseId = m_caseId;
        visit.childIds = {m_childId};
        visit.startsAt = london(QDate(2026, 11, 25), 14);
        visit.endsAt = visit.startsAt.addSecs(3600);
        visit.travelBeforeMin = 30;
        QVERIFY(VisitRepository(*m_store).add(visit));

        DiaryView diary(*m_store);
        diary.resize(1200, 700);
        diary.show();
        WeekView *week = diary.weekView();
        QCOMPARE(week->monday(), QDate(2026, 11, 23));
        QCOMPARE(week->items().size(), 1); // the hearing is next week
        QVERIFY(week->items().constFirst().title.contains(QStringLiteral("Seren")));
        QVERIFY(testsupport::saveScreenshot(diary, QStringLiteral("diary")));

        week->setFocus();
        QTest::keyClick(week, Qt::Key_PageDown);
        QCOMPARE(week->monday(), QDate(2026, 11, 30));
        QCOMPARE(week->items().size(), 1);
        QCOMPARE(week->items().constFirst().type, DiaryItem::Type::Hearing);
        QTest::keyClick(week, Qt::Key_Home);
        QCOMPARE(week->monday(), QDate(2026, 11, 23));

        // Arrow keys to Wednesday 14:00, where the visit is; Enter opens it.
        week->setCursor(0, 0);
        QTest::keyClick(week, Qt::Key_Right);
        QTest::keyClick(week, Qt::Key_Right);
        for (int i = 0; i < 14; ++i) // 07:00 + 14 half hours = 14:00
            QTest::keyClick(week, Qt::Key_Down);
        QCOMPARE(week->cursorTime(), london(QDate(2026, 11, 25), 14));
        QCOMPARE(week->itemAtCursor(), 0);
        QSignalSpy opened(week, &WeekView::itemActivated);
        bool sawDialog = false;
        rejectNextDialog(&sawDialog);
        QTest::keyClick(week, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QVERIFY(sawDialog);

        // An empty half hour: Enter plans a visit there.
        QTest::keyClick(week, Qt::Key_Left);
        QSignalSpy planned(week, &WeekView::slotActivated);
        rejectNextDialog(&sawDialog);
        QTest::keyClick(week, Qt::Key_Enter);
        QCOMPARE(planned.size(), 1);
        QCOMPARE(planned.at(0).at(0).toDateTime(), london(QDate(2026, 11, 24), 14));
    }

    void planAVisitByKeyboardAlone()
    {
        DiaryView diary(*m_store);
        diary.resize(1200, 700);
        diary.show();
        WeekView *week = diary.weekView();
        week->setFocus();
        // Thursday 10:00: from Monday 07:00, three days right and six half hours down.
        week->setCursor(0, 0);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(week, Qt::Key_Right);
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(week, Qt::Key_Down);
        // In the dialog: the case is chosen with the keyboard, then Return saves.
        bool typed = false;
        QTimer::singleShot(0, [&typed] {
            auto *dialog = qobject_cast<VisitDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *caseBox =
                qobject_cast<QComboBox *>(dialog->fieldWidget(QStringLiteral("case_id")));
            caseBox->setFocus();
            QTest::keyClick(caseBox, Qt::Key_Down); // from "choose" to the only case
            auto *place = qobject_cast<QLineEdit *>(dialog->fieldWidget(QStringLiteral("place")));
            place->setFocus();
            QTest::keyClicks(place, QStringLiteral("Home"));
            QTest::keyClick(place, Qt::Key_Return);
            typed = true;
        });
        QTest::keyClick(week, Qt::Key_Return);
        QVERIFY(typed);
        auto visits = VisitRepository(*m_store).forCase(m_caseId);
        QVERIFY(visits);
        QCOMPARE(visits->size(), 1);
        QCOMPARE(visits->constFirst().startsAt, london(QDate(2026, 11, 26), 10));
        QCOMPARE(visits->constFirst().place, QStringLiteral("Home"));
        // The diary shows it at once.
        QCOMPARE(week->items().size(), 1);
    }

    void agendaListsTodayAndTomorrow()
    {
        Visit visit;
        visit.caseId = m_caseId;
        visit.childIds = {m_childId};
        visit.startsAt = london(QDate(2026, 11, 24), 11);
        visit.endsAt = visit.startsAt.addSecs(3600);
        QVERIFY(VisitRepository(*m_store).add(visit));
        DiaryView diary(*m_store);
        diary.show(); // the diary reads its week when it is shown
        QListWidget *agenda = diary.agenda();
        QCOMPARE(agenda->count(), 2); // "Tomorrow" and the visit
        QCOMPARE(agenda->item(0)->text(), QStringLiteral("Tomorrow"));
        QVERIFY(agenda->item(1)->text().startsWith(QStringLiteral("11:00")));
    }

    void workingHoursAreShaded()
    {
        WorkingHours hours;
        hours.days = {2, 3, 4}; // Tuesday to Thursday
        hours.start = QTime(10, 0);
        hours.end = QTime(16, 0);
        QVERIFY(hours.save(*m_store));

        DiaryView diary(*m_store);
        diary.resize(1200, 700);
        diary.show();
        WeekView *week = diary.weekView();
        const auto slot = [](int hour, int minute) {
            return ((hour - WeekView::kFirstHour) * 60 + minute) / WeekView::kSlotMinutes;
        };
        QVERIFY(week->isWorkingSlot(1, slot(10, 0)));  // Tuesday 10:00
        QVERIFY(week->isWorkingSlot(3, slot(15, 30))); // Thursday 15:30 to 16:00
        QVERIFY(!week->isWorkingSlot(1, slot(9, 30))); // before the day starts
        QVERIFY(!week->isWorkingSlot(2, slot(16, 0))); // after it ends
        QVERIFY(!week->isWorkingSlot(4, slot(11, 0))); // Friday is not a working day here

        // What the FCA sees: time outside the hours is drawn darker than time within them.
        const QImage image = week->grab().toImage();
        const double columnWidth = (week->width() - 56.0 - 1) / 7;
        const double slotHeight =
            (week->height() - 40.0 - 1) /
            ((WeekView::kLastHour - WeekView::kFirstHour) * 60 / WeekView::kSlotMinutes);
        const auto colourAt = [&](int day, int atSlot) {
            const QPointF centre(56 + (day + 0.5) * columnWidth, 40 + (atSlot + 0.5) * slotHeight);
            return QColor(image.pixel((centre * image.devicePixelRatio()).toPoint()));
        };
        const QColor working = colourAt(1, slot(11, 0));
        const QColor early = colourAt(1, slot(8, 0));
        const QColor dayOff = colourAt(4, slot(11, 0));
        QVERIFY(early.lightness() < working.lightness());
        QVERIFY(dayOff.lightness() < working.lightness());
        QVERIFY(testsupport::saveScreenshot(diary, QStringLiteral("diary-working-hours")));
    }

    void workingHoursAreChosenInSettings()
    {
        WorkingHoursDialog dialog(*m_store);
        dialog.show();
        // The defaults: Monday to Friday, 08:30 to 17:30.
        QVERIFY(dialog.dayBox(5)->isChecked());
        QVERIFY(!dialog.dayBox(6)->isChecked());
        QCOMPARE(dialog.startEdit()->time(), QTime(8, 30));

        // An end before the start is refused, says why, and keeps what was chosen.
        dialog.dayBox(5)->setFocus();
        QTest::keyClick(dialog.dayBox(5), Qt::Key_Space); // no Fridays
        dialog.endEdit()->setTime(QTime(8, 0));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.errorLabel()->isVisible());
        QVERIFY(!dialog.dayBox(5)->isChecked());
        QCOMPARE(WorkingHours::load(*m_store)->days, (QList<int>{1, 2, 3, 4, 5}));

        dialog.endEdit()->setTime(QTime(16, 0));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto saved = WorkingHours::load(*m_store);
        QVERIFY(saved);
        QCOMPARE(saved->days, (QList<int>{1, 2, 3, 4}));
        QCOMPARE(saved->end, QTime(16, 0));
        QVERIFY(testsupport::saveScreenshot(dialog, QStringLiteral("working-hours")));
    }

    void mainWindowHasTheDiary()
    {
        MainWindow window(*m_store);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.diaryView()));
    }

private:
    static QDateTime london(const QDate &day, int hour)
    {
        return QDateTime(day, QTime(hour, 0), Clock::londonZone()).toUTC();
    }

    QTemporaryDir m_dir;
    FixedClock m_clock{kNow};
    std::unique_ptr<Store> m_store;
    QUuid m_caseId;
    QUuid m_childId;
};

QTEST_MAIN(TestDiary)
#include "tst_diary.moc"
