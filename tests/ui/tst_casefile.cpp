// The case file: summary, children, adults, hearings, chronology and the dialogs that edit them.
#include "dialogs/AdultDialog.h"
#include "dialogs/CaseDialog.h"
#include "dialogs/ChildDialog.h"
#include "dialogs/CloseCaseDialog.h"
#include "dialogs/HearingDialog.h"
#include "domain/Clock.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"
#include "widgets/CaseFileView.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace lantern;
using namespace lantern::storeValue;

namespace {

const auto kHiddenAddress = QStringLiteral("Flat 3, 17 Quiet Row, Exampleton EX1 2AB");

void collectModelText(const QAbstractItemModel *model, const QModelIndex &parent, QStringList &out)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                             int(Qt::AccessibleTextRole), int(Qt::StatusTipRole)})
                out.append(index.data(role).toString());
            if (column == 0)
                collectModelText(model, index, out);
        }
    }
}

// Every piece of text a person (or a screen reader) could get from the widget tree, hidden
// widgets included: stricter than what is on screen.
QStringList allText(const QWidget *root)
{
    QStringList out;
    QList<const QWidget *> widgets = {root};
    for (const QWidget *child : root->findChildren<QWidget *>())
        widgets.append(child);
    for (const QWidget *w : widgets) {
        out << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->whatsThis()
            << w->windowTitle() << w->statusTip();
        if (auto *label = qobject_cast<const QLabel *>(w))
            out << label->text();
        if (auto *button = qobject_cast<const QAbstractButton *>(w))
            out << button->text();
        if (auto *edit = qobject_cast<const QLineEdit *>(w))
            out << edit->text() << edit->placeholderText();
        if (auto *text = qobject_cast<const QPlainTextEdit *>(w))
            out << text->toPlainText();
        if (auto *tabs = qobject_cast<const QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i)
                out << tabs->tabText(i) << tabs->tabToolTip(i);
        if (auto *view = qobject_cast<const QAbstractItemView *>(w); view && view->model())
            collectModelText(view->model(), view->rootIndex(), out);
        if (auto *combo = qobject_cast<const QComboBox *>(w))
            for (int i = 0; i < combo->count(); ++i)
                out << combo->itemText(i);
    }
    return out;
}

bool anyContains(const QStringList &texts, const QString &needle)
{
    return std::any_of(texts.cbegin(), texts.cend(),
                       [&](const QString &text) { return text.contains(needle); });
}

QDateTime londonTime(const QDate &day, const QTime &time)
{
    return QDateTime(day, time, Clock::londonZone()).toUTC();
}

void clickSave(RecordDialog &dialog)
{
    QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Save), Qt::LeftButton);
}

} // namespace

class TestCaseFile : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        StoreOptions options;
        options.actor = QStringLiteral("fca.one");
        auto store = Store::open(m_dir->filePath(QStringLiteral("casefile.db")), m_clock, options);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store).value();
        buildCase();
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void summaryShowsCaseNumberAndWeeksOpen()
    {
        CaseFileView view(*m_store, m_caseId);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.sections()->currentIndex(), 0);
        const QStringList texts = allText(&view);
        QVERIFY(anyContains(texts, QStringLiteral("ZZ26C00042")));
        // Issued 2 March 2026, today 23 November 2026: 266 days, 38 whole weeks.
        auto *weeks = view.findChild<QLabel *>(QStringLiteral("weeksOpen"));
        QVERIFY(weeks);
        QVERIFY(weeks->isVisible());
        QCOMPARE(weeks->text(), QStringLiteral("38"));
        QVERIFY(anyContains(texts, QStringLiteral("Weeks open: 38")));
        QVERIFY(anyContains(texts, QStringLiteral("Over 26 weeks")));
        QVERIFY(anyContains(texts, QStringLiteral("Exampleton Family Court")));
        QVERIFY(view.title().contains(QStringLiteral("ZZ26C00042")));
        QVERIFY(view.title().contains(QStringLiteral("Mara")));
    }

    void childrenShowEveryField()
    {
        CaseFileView view(*m_store, m_caseId);
        view.resize(1280, 800);
        view.show();
        view.sections()->setCurrentIndex(1);
        QCOMPARE(view.childList()->count(), 2);
        // Eldest first (the repository orders by date of birth); pick Mara.
        const auto items = view.childList()->findItems(QStringLiteral("Mara"), Qt::MatchContains);
        QCOMPARE(items.size(), 1);
        view.childList()->setCurrentItem(items.first());
        const QStringList texts = allText(&view);
        for (const QString &expected :
             {QStringLiteral("Amara Lewis"), QStringLiteral("she/her"), QStringLiteral("English"),
              QStringLiteral("White and Black Caribbean"), QStringLiteral("Christian"),
              QStringLiteral("Exampleton Primary"), QStringLiteral("Mum and Nan"),
              QStringLiteral("her dog Biscuit"), QStringLiteral("9 (born 14 May 2017)")})
            QVERIFY2(anyContains(texts, expected), qPrintable(expected));
        // The adults around her, with their roles and flags.
        QVERIFY(anyContains(texts, QStringLiteral("Joanne Lewis")));
        QVERIFY(anyContains(texts, QStringLiteral("Mother")));
        QVERIFY(anyContains(texts, QStringLiteral("Alleged perpetrator")));
    }

    void confidentialAddressNeedsRevealAndIsAudited()
    {
        CaseFileView view(*m_store, m_caseId);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Nowhere in the case file, on any tab, until revealed.
        QVERIFY(!anyContains(allText(&view), QStringLiteral("Quiet Row")));
        view.sections()->setCurrentIndex(2);
        const auto items =
            view.adultList()->findItems(QStringLiteral("Joanne Lewis"), Qt::MatchContains);
        QCOMPARE(items.size(), 1);
        view.adultList()->setCurrentItem(items.first());
        QVERIFY(!anyContains(allText(&view), QStringLiteral("Quiet Row")));
        QVERIFY(anyContains(allText(&view), QStringLiteral("Confidential address — hidden")));
        QCOMPARE(auditRows(), 0);

        auto *reveal = view.findChild<QPushButton *>(QStringLiteral("revealAddress"));
        QVERIFY(reveal);
        QVERIFY(reveal->isVisible());
        QVERIFY(!reveal->accessibleName().isEmpty());
        QTest::mouseClick(reveal, Qt::LeftButton);

        auto *address = view.findChild<QLabel *>(QStringLiteral("address"));
        QVERIFY(address);
        QCOMPARE(address->text(), kHiddenAddress);
        QVERIFY(address->isVisible());
        QCOMPARE(auditRows(), 1);
        QSqlQuery query(m_store->database());
        QVERIFY(query.exec(QStringLiteral("SELECT record_id, table_name, actor, detail FROM "
                                          "audit_events WHERE action = "
                                          "'reveal_confidential_address'")));
        QVERIFY(query.next());
        QCOMPARE(toId(query.value(0)), m_motherId);
        QCOMPARE(query.value(1).toString(), QStringLiteral("adults"));
        QCOMPARE(query.value(2).toString(), QStringLiteral("fca.one"));
        // The audit trail never holds the address itself.
        QVERIFY(!query.value(3).toString().contains(QStringLiteral("Quiet Row")));

        // Moving to someone else hides it again; coming back needs a new (audited) reveal.
        const auto father =
            view.adultList()->findItems(QStringLiteral("Craig Morgan"), Qt::MatchContains);
        QCOMPARE(father.size(), 1);
        view.adultList()->setCurrentItem(father.first());
        QVERIFY(!anyContains(allText(&view), QStringLiteral("Quiet Row")));
        // An address that is not confidential is simply shown, with nothing to audit.
        QVERIFY(anyContains(allText(&view), QStringLiteral("4 Harbour Street")));
        view.adultList()->setCurrentItem(items.first());
        QVERIFY(!anyContains(allText(&view), QStringLiteral("Quiet Row")));
        QCOMPARE(auditRows(), 1);
    }

    void adultDialogHidesConfidentialAddressUntilRevealed()
    {
        auto mother = AdultRepository(*m_store).get(m_motherId);
        QVERIFY(mother);
        AdultDialog dialog(*m_store, m_caseId, *mother);
        dialog.show();
        QVERIFY(!anyContains(allText(&dialog), QStringLiteral("Quiet Row")));
        // Saving an unrelated change keeps the hidden address exactly as it was.
        auto *phone = qobject_cast<QLineEdit *>(dialog.fieldWidget(QStringLiteral("phone")));
        QVERIFY(phone);
        phone->setText(QStringLiteral("07700 900123"));
        clickSave(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(AdultRepository(*m_store).get(m_motherId)->address, kHiddenAddress);
        QCOMPARE(AdultRepository(*m_store).get(m_motherId)->phone, QStringLiteral("07700 900123"));
        QCOMPARE(auditRows(), 0);

        AdultDialog again(*m_store, m_caseId, *AdultRepository(*m_store).get(m_motherId));
        again.show();
        QVERIFY(again.revealButton()->isVisible());
        QTest::mouseClick(again.revealButton(), Qt::LeftButton);
        QVERIFY(anyContains(allText(&again), QStringLiteral("Quiet Row")));
        QCOMPARE(auditRows(), 1);
    }

    void adultDialogLinksChildrenAndFlags()
    {
        AdultDialog dialog(*m_store, m_caseId, std::nullopt);
        dialog.show();
        QCOMPARE(dialog.childBoxes().size(), 2);
        auto *name = qobject_cast<QLineEdit *>(dialog.fieldWidget(QStringLiteral("name")));
        QTest::keyClicks(name, QStringLiteral("Sandra Lewis"));
        auto *role = qobject_cast<QComboBox *>(dialog.fieldWidget(QStringLiteral("role")));
        role->setCurrentIndex(role->findText(QStringLiteral("Grandparent")));
        dialog.childBoxes().at(0)->setChecked(true);
        dialog.childBoxes().at(1)->setChecked(false);
        qobject_cast<QAbstractButton *>(dialog.fieldWidget(QStringLiteral("child_must_not_know")))
            ->setChecked(true);
        for (QWidget *control : dialog.findChildren<QWidget *>()) {
            if (qobject_cast<QLineEdit *>(control) || qobject_cast<QComboBox *>(control) ||
                qobject_cast<QAbstractButton *>(control) || qobject_cast<QPlainTextEdit *>(control))
                QVERIFY2(!control->accessibleName().isEmpty() || !control->isVisibleTo(&dialog),
                         qPrintable(control->objectName()));
        }
        clickSave(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const Adult saved = dialog.savedAdult();
        QCOMPARE(saved.name, QStringLiteral("Sandra Lewis"));
        QCOMPARE(saved.role, AdultRole::Grandparent);
        QCOMPARE(saved.childIds.size(), 1);
        QVERIFY(saved.childMustNotKnow);
        QVERIFY(!saved.addressConfidential);
    }

    void caseDialogKeepsWhatWasTypedOnError()
    {
        const int before = count(QStringLiteral("cases"));
        CaseDialog dialog(*m_store, std::nullopt);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *number = qobject_cast<QLineEdit *>(dialog.fieldWidget(QStringLiteral("case_number")));
        auto *court = qobject_cast<QLineEdit *>(dialog.fieldWidget(QStringLiteral("court")));
        auto *kind = qobject_cast<QComboBox *>(dialog.fieldWidget(QStringLiteral("kind")));
        auto *delay =
            qobject_cast<QPlainTextEdit *>(dialog.fieldWidget(QStringLiteral("delay_reason")));
        QVERIFY(number && court && kind && delay);
        QTest::keyClicks(court, QStringLiteral("Exampleton Family Court"));
        kind->setCurrentIndex(2);
        QTest::keyClicks(delay, QStringLiteral("Waiting for a parenting assessment"));

        clickSave(dialog);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.errorLabel()->isVisible());
        QCOMPARE(dialog.errorLabel()->text(), QStringLiteral("Enter the case number."));
        QCOMPARE(dialog.focusWidget(), number);
        QCOMPARE(court->text(), QStringLiteral("Exampleton Family Court"));
        QCOMPARE(kind->currentIndex(), 2);
        QCOMPARE(delay->toPlainText(), QStringLiteral("Waiting for a parenting assessment"));
        QCOMPARE(count(QStringLiteral("cases")), before);

        // The same number as a case already on the caseload is refused too.
        QTest::keyClicks(number, QStringLiteral("ZZ26C00042"));
        clickSave(dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("ZZ26C00042")));
        QCOMPARE(count(QStringLiteral("cases")), before);

        number->clear();
        QTest::keyClicks(number, QStringLiteral("ZZ26P00100"));
        clickSave(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(count(QStringLiteral("cases")), before + 1);
        auto stored = CaseRepository(*m_store).findByNumber(QStringLiteral("ZZ26P00100"));
        QVERIFY(stored);
        QCOMPARE(stored->court, QStringLiteral("Exampleton Family Court"));
        QCOMPARE(stored->kind, ProceedingsKind::ChildArrangements);
        QCOMPARE(stored->delayReason, QStringLiteral("Waiting for a parenting assessment"));
        QCOMPARE(stored->allocatedTo, QStringLiteral("fca.one"));
        QCOMPARE(dialog.savedCase().meta.id, stored->meta.id);
    }

    void childDialogRefusesFutureBirthDate()
    {
        const int before = count(QStringLiteral("children"));
        ChildDialog dialog(*m_store, m_caseId, std::nullopt);
        dialog.show();
        auto *name = qobject_cast<QLineEdit *>(dialog.fieldWidget(QStringLiteral("legal_name")));
        auto *preferred =
            qobject_cast<QLineEdit *>(dialog.fieldWidget(QStringLiteral("preferred_name")));
        auto *school = qobject_cast<QLineEdit *>(dialog.fieldWidget(QStringLiteral("school")));
        auto *born = qobject_cast<QDateEdit *>(dialog.fieldWidget(QStringLiteral("date_of_birth")));
        QVERIFY(name && preferred && school && born);
        QTest::keyClicks(name, QStringLiteral("Rhys Lewis"));
        QTest::keyClicks(preferred, QStringLiteral("Rhys"));
        QTest::keyClicks(school, QStringLiteral("Exampleton Nursery"));

        // No date chosen yet.
        clickSave(dialog);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.errorLabel()->text(), QStringLiteral("Enter the child's date of birth."));
        QCOMPARE(dialog.focusWidget(), born);

        born->setDate(m_clock.today().addDays(30));
        clickSave(dialog);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.errorLabel()->text(),
                 QStringLiteral("The date of birth cannot be in the future."));
        QCOMPARE(dialog.focusWidget(), born);
        QCOMPARE(name->text(), QStringLiteral("Rhys Lewis"));
        QCOMPARE(preferred->text(), QStringLiteral("Rhys"));
        QCOMPARE(school->text(), QStringLiteral("Exampleton Nursery"));
        QCOMPARE(born->date(), m_clock.today().addDays(30));
        QCOMPARE(count(QStringLiteral("children")), before);

        born->setDate(QDate(2023, 1, 9));
        clickSave(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(count(QStringLiteral("children")), before + 1);
        auto saved = ChildRepository(*m_store).get(dialog.savedChild().meta.id);
        QVERIFY(saved);
        QCOMPARE(saved->legalName, QStringLiteral("Rhys Lewis"));
        QCOMPARE(saved->dateOfBirth, QDate(2023, 1, 9));
        QCOMPARE(saved->caseId, m_caseId);
    }

    void hearingDialogRefusesDateBeforeIssue()
    {
        const int before = count(QStringLiteral("hearings"));
        HearingDialog dialog(*m_store, m_caseId, std::nullopt);
        dialog.show();
        auto *venue = qobject_cast<QLineEdit *>(dialog.fieldWidget(QStringLiteral("venue")));
        auto *days =
            qobject_cast<QSpinBox *>(dialog.fieldWidget(QStringLiteral("filing_days_before")));
        QWidget *when = dialog.fieldWidget(QStringLiteral("starts_at"));
        QVERIFY(venue && days && when);
        QTest::keyClicks(venue, QStringLiteral("Exampleton Civil Justice Centre"));
        days->setValue(5);
        dialog.setLocalStart(QDate(2026, 2, 20), QTime(10, 0)); // issued on 2 March

        clickSave(dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("before the case was issued")),
                 qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(dialog.focusWidget(), when);
        QCOMPARE(venue->text(), QStringLiteral("Exampleton Civil Justice Centre"));
        QCOMPARE(days->value(), 5);
        QCOMPARE(count(QStringLiteral("hearings")), before);

        // 10:00 on a summer day in England is 09:00 UTC; the deadline counts back from it.
        dialog.setLocalStart(QDate(2026, 6, 15), QTime(10, 0));
        clickSave(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(count(QStringLiteral("hearings")), before + 1);
        auto saved = HearingRepository(*m_store).get(dialog.savedHearing().meta.id);
        QVERIFY(saved);
        QCOMPARE(saved->startsAt, QDateTime(QDate(2026, 6, 15), QTime(9, 0), Qt::UTC));
        QCOMPARE(saved->filingDaysBefore, std::optional<int>(5));
        QCOMPARE(saved->filingDeadline(), QDate(2026, 6, 10));
        QCOMPARE(saved->venue, QStringLiteral("Exampleton Civil Justice Centre"));
    }

    void closeCaseDialogRecordsTheOutcome()
    {
        auto open = CaseRepository(*m_store).get(m_caseId);
        QVERIFY(open);
        CloseCaseDialog dialog(*m_store, *open);
        dialog.show();
        auto *outcome =
            qobject_cast<QPlainTextEdit *>(dialog.fieldWidget(QStringLiteral("outcome")));
        QVERIFY(outcome);
        QTest::keyClicks(outcome, QStringLiteral("Care order; placed with maternal grandmother"));
        // No answer to "did it follow your recommendation?" yet: asked for, nothing saved.
        clickSave(dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.errorLabel()->text().isEmpty());
        QCOMPARE(dialog.focusWidget(), dialog.followedYes());
        QCOMPARE(outcome->toPlainText(),
                 QStringLiteral("Care order; placed with maternal grandmother"));
        QCOMPARE(CaseRepository(*m_store).get(m_caseId)->status, CaseStatus::Open);

        QTest::mouseClick(dialog.followedNo(), Qt::LeftButton);
        clickSave(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto closed = CaseRepository(*m_store).get(m_caseId);
        QVERIFY(closed);
        QCOMPARE(closed->status, CaseStatus::Closed);
        QCOMPARE(closed->outcome, QStringLiteral("Care order; placed with maternal grandmother"));
        QCOMPARE(closed->outcomeFollowedRecommendation, std::optional<bool>(false));
        QCOMPARE(closed->closedOn, m_clock.today());
    }

    void savingFromTheCaseFileSaysTheCaseChanged()
    {
        CaseFileView view(*m_store, m_caseId);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy changed(&view, &CaseFileView::caseChanged);
        view.sections()->setCurrentIndex(1);
        auto *add = view.findChild<QPushButton *>(QStringLiteral("addChild"));
        QVERIFY(add && add->isVisible());
        QTest::mouseClick(add, Qt::LeftButton);
        auto *dialog = view.findChild<ChildDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTest::keyClicks(
            qobject_cast<QLineEdit *>(dialog->fieldWidget(QStringLiteral("legal_name"))),
            QStringLiteral("Rhys Lewis"));
        qobject_cast<QDateEdit *>(dialog->fieldWidget(QStringLiteral("date_of_birth")))
            ->setDate(QDate(2023, 1, 9));
        clickSave(*dialog);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toUuid(), m_caseId);
        QCOMPARE(view.childList()->count(), 3);
        QVERIFY(view.sections()->tabText(1).contains(QStringLiteral("3")));

        // Closing from the case file shows the outcome on the summary.
        auto *close = view.findChild<QPushButton *>(QStringLiteral("closeCase"));
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        auto *closing = view.findChild<CloseCaseDialog *>();
        QVERIFY(closing);
        QTest::keyClicks(
            qobject_cast<QPlainTextEdit *>(closing->fieldWidget(QStringLiteral("outcome"))),
            QStringLiteral("Care order"));
        closing->followedYes()->setChecked(true);
        clickSave(*closing);
        QCOMPARE(changed.count(), 2);
        const QStringList texts = allText(&view);
        QVERIFY(anyContains(texts, QStringLiteral("Yes, the order followed your recommendation")));
        QVERIFY(anyContains(texts, QStringLiteral("Case closed")));
    }

    void everyActionIsReachableByKeyboard()
    {
        CaseFileView view(*m_store, m_caseId);
        for (const char *name : {"editCase", "closeCase", "addChild", "editChild", "addAdult",
                                 "editAdult", "addHearing", "editHearing"}) {
            auto *button = view.findChild<QPushButton *>(QLatin1String(name));
            QVERIFY2(button, name);
            QVERIFY2(button->text().contains(QLatin1Char('&')), name);
            QVERIFY2(!button->accessibleName().isEmpty(), name);
        }
    }

    void screenshot()
    {
        CaseFileView view(*m_store, m_caseId);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString dir = qEnvironmentVariable("LANTERN_SCREENSHOT_DIR");
        const QStringList names = {QStringLiteral("casefile"), QStringLiteral("casefile-children"),
                                   QStringLiteral("casefile-adults"),
                                   QStringLiteral("casefile-hearings"),
                                   QStringLiteral("casefile-chronology")};
        for (int tab = 0; tab < view.sections()->count(); ++tab) {
            view.sections()->setCurrentIndex(tab);
            if (tab == 2)
                view.adultList()->setCurrentItem(
                    view.adultList()
                        ->findItems(QStringLiteral("Joanne"), Qt::MatchContains)
                        .first());
            QCoreApplication::processEvents();
            const QPixmap shot = view.grab();
            QCOMPARE(shot.size(), QSize(1280, 800));
            if (!dir.isEmpty())
                QVERIFY(shot.save(QDir(dir).filePath(names.at(tab) + QStringLiteral(".png"))));
        }
        // A closed case shows its outcome, and the weeks it ran for.
        QVERIFY(CaseRepository(*m_store).close(
            m_caseId,
            QStringLiteral("Care order to the local authority; the children to live with their "
                           "maternal grandmother under a special guardianship plan"),
            true, QDate(2026, 11, 20)));
        view.reload();
        view.sections()->setCurrentIndex(0);
        QCoreApplication::processEvents();
        const QStringList texts = allText(&view);
        QVERIFY(anyContains(texts, QStringLiteral("Closed 20 November 2026")));
        QVERIFY(anyContains(texts, QStringLiteral("Weeks open: 37")));
        if (!dir.isEmpty())
            QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("casefile-closed.png"))));
    }

    void dialogScreenshots()
    {
        const QString dir = qEnvironmentVariable("LANTERN_SCREENSHOT_DIR");
        auto mother = AdultRepository(*m_store).get(m_motherId);
        auto c = CaseRepository(*m_store).get(m_caseId);
        QVERIFY(mother && c);
        CaseDialog caseDialog(*m_store, std::nullopt);
        ChildDialog childDialog(*m_store, m_caseId, std::nullopt);
        AdultDialog adultDialog(*m_store, m_caseId, *mother);
        HearingDialog hearingDialog(*m_store, m_caseId, std::nullopt);
        CloseCaseDialog closeDialog(*m_store, *c);
        const QList<std::pair<RecordDialog *, QString>> dialogs = {
            {&caseDialog, QStringLiteral("dialog-case")},
            {&childDialog, QStringLiteral("dialog-child")},
            {&adultDialog, QStringLiteral("dialog-adult")},
            {&hearingDialog, QStringLiteral("dialog-hearing")},
            {&closeDialog, QStringLiteral("dialog-close")}};
        for (const auto &[dialog, name] : dialogs) {
            dialog->show();
            clickSave(*dialog); // shows a problem where there is one
            QCoreApplication::processEvents();
            const QPixmap shot = dialog->grab();
            QVERIFY(!shot.isNull());
            if (!dir.isEmpty())
                QVERIFY(shot.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
        }
    }

private:
    int count(const QString &table)
    {
        QSqlQuery query(m_store->database());
        if (!query.exec(
                QStringLiteral("SELECT count(*) FROM %1 WHERE deleted_at IS NULL").arg(table)) ||
            !query.next())
            return -1;
        return query.value(0).toInt();
    }

    int auditRows()
    {
        QSqlQuery query(m_store->database());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = "
                                       "'reveal_confidential_address'")) ||
            !query.next())
            return -1;
        return query.value(0).toInt();
    }

    void buildCase()
    {
        Case c;
        c.caseNumber = QStringLiteral("ZZ26C00042");
        c.court = QStringLiteral("Exampleton Family Court");
        c.kind = ProceedingsKind::CareOrder;
        c.issuedOn = QDate(2026, 3, 2);
        c.allocatedTo = QStringLiteral("fca.one");
        c.domesticAbuse = true;
        c.nextReviewOn = QDate(2026, 12, 7);
        c.delayReason = QStringLiteral("Independent social work assessment of the maternal "
                                       "grandmother was ordered at the IRH.");
        auto added = CaseRepository(*m_store).add(c);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        m_caseId = added->meta.id;

        Child mara;
        mara.caseId = m_caseId;
        mara.legalName = QStringLiteral("Amara Lewis");
        mara.preferredName = QStringLiteral("Mara");
        mara.dateOfBirth = QDate(2017, 5, 14);
        mara.pronouns = QStringLiteral("she/her");
        mara.firstLanguage = QStringLiteral("English");
        mara.heritage = QStringLiteral("White and Black Caribbean");
        mara.faith = QStringLiteral("Christian");
        mara.school = QStringLiteral("Exampleton Primary, Year 4");
        mara.livesWith = QStringLiteral("Mum and Nan");
        mara.whatMatters = QStringLiteral("Seeing her little brother every day, her dog Biscuit, "
                                          "and staying at the same school with her friend Zainab.");
        auto maraAdded = ChildRepository(*m_store).add(mara);
        QVERIFY(maraAdded);
        m_maraId = maraAdded->meta.id;

        Child dylan;
        dylan.caseId = m_caseId;
        dylan.legalName = QStringLiteral("Dylan Morgan-Lewis");
        dylan.preferredName = QStringLiteral("Dyl");
        dylan.dateOfBirth = QDate(2020, 10, 2);
        dylan.pronouns = QStringLiteral("he/him");
        dylan.firstLanguage = QStringLiteral("English and Welsh");
        dylan.letterLanguage = QStringLiteral("cy");
        dylan.school = QStringLiteral("Ysgol Gynradd Enghraifft, Reception");
        dylan.livesWith = QStringLiteral("Mum and Nan");
        dylan.whatMatters = QStringLiteral("Dinosaurs, and his dad coming to see him.");
        auto dylanAdded = ChildRepository(*m_store).add(dylan);
        QVERIFY(dylanAdded);

        Adult mother;
        mother.caseId = m_caseId;
        mother.childIds = {m_maraId, dylanAdded->meta.id};
        mother.name = QStringLiteral("Joanne Lewis");
        mother.role = AdultRole::Mother;
        mother.phone = QStringLiteral("07700 900456");
        mother.email = QStringLiteral("jo.lewis@example.org");
        mother.address = kHiddenAddress;
        mother.addressConfidential = true;
        mother.domesticAbuseVictim = true;
        mother.safetyNotes = QStringLiteral("Do not arrange joint meetings with the father.");
        auto motherAdded = AdultRepository(*m_store).add(mother);
        QVERIFY(motherAdded);
        m_motherId = motherAdded->meta.id;

        Adult father;
        father.caseId = m_caseId;
        father.childIds = {dylanAdded->meta.id};
        father.name = QStringLiteral("Craig Morgan");
        father.role = AdultRole::Father;
        father.relationship = QStringLiteral("Dylan's father");
        father.phone = QStringLiteral("07700 900789");
        father.address = QStringLiteral("4 Harbour Street, Exampleton EX2 9ZZ");
        father.allegedPerpetrator = true;
        QVERIFY(AdultRepository(*m_store).add(father));

        Adult nan;
        nan.caseId = m_caseId;
        nan.childIds = {m_maraId, dylanAdded->meta.id};
        nan.name = QStringLiteral("Sandra Lewis");
        nan.role = AdultRole::Grandparent;
        nan.relationship = QStringLiteral("Maternal grandmother");
        nan.phone = QStringLiteral("07700 900321");
        QVERIFY(AdultRepository(*m_store).add(nan));

        HearingRepository hearings(*m_store);
        const QList<std::tuple<HearingKind, QDateTime, QString, std::optional<int>>> listed = {
            {HearingKind::FirstHearing, londonTime(QDate(2026, 3, 13), QTime(10, 0)),
             QStringLiteral("Exampleton Civil Justice Centre, court 2"), std::nullopt},
            {HearingKind::CaseManagement, londonTime(QDate(2026, 5, 19), QTime(14, 0)),
             QStringLiteral("Exampleton Civil Justice Centre, court 4"), 5},
            {HearingKind::IssuesResolution, londonTime(QDate(2026, 9, 8), QTime(10, 30)),
             QStringLiteral("Exampleton Civil Justice Centre, court 4"), 7},
            {HearingKind::Final, londonTime(QDate(2026, 12, 14), QTime(10, 0)),
             QStringLiteral("Exampleton Civil Justice Centre, court 1"), 10},
        };
        for (const auto &[kind, when, venue, days] : listed) {
            Hearing hearing;
            hearing.caseId = m_caseId;
            hearing.kind = kind;
            hearing.startsAt = when;
            hearing.venue = venue;
            hearing.filingDaysBefore = days;
            QVERIFY(hearings.add(hearing));
        }

        QVERIFY(m_store->insert(
            Table::Visits, QUuid::createUuid(),
            {{QStringLiteral("case_id"), fromId(m_caseId)},
             {QStringLiteral("child_ids"), fromIdList({m_maraId})},
             {QStringLiteral("kind"), QStringLiteral("home")},
             {QStringLiteral("place"), kHiddenAddress},
             {QStringLiteral("starts_at"), fromTime(londonTime(QDate(2026, 11, 10), QTime(16, 0)))},
             {QStringLiteral("ends_at"), fromTime(londonTime(QDate(2026, 11, 10), QTime(17, 0)))},
             {QStringLiteral("status"), QStringLiteral("done")}}));
        QVERIFY(m_store->insert(Table::Notes, QUuid::createUuid(),
                                {{QStringLiteral("case_id"), fromId(m_caseId)},
                                 {QStringLiteral("child_ids"), fromIdList({m_maraId})},
                                 {QStringLiteral("kind"), QStringLiteral("visit")},
                                 {QStringLiteral("contact_at"),
                                  fromTime(londonTime(QDate(2026, 11, 10), QTime(16, 0)))},
                                 {QStringLiteral("author"), QStringLiteral("fca.one")},
                                 {QStringLiteral("finalised_at"),
                                  fromTime(londonTime(QDate(2026, 11, 10), QTime(19, 20)))}}));
        QVERIFY(m_store->insert(Table::Letters, QUuid::createUuid(),
                                {{QStringLiteral("case_id"), fromId(m_caseId)},
                                 {QStringLiteral("child_id"), fromId(m_maraId)},
                                 {QStringLiteral("letter_kind"), QStringLiteral("introduction")},
                                 {QStringLiteral("language"), QStringLiteral("en")},
                                 {QStringLiteral("status"), QStringLiteral("sent")},
                                 {QStringLiteral("sent_on"), fromDate(QDate(2026, 3, 9))}}));
        QVERIFY(m_store->insert(
            Table::Visits, QUuid::createUuid(),
            {{QStringLiteral("case_id"), fromId(m_caseId)},
             {QStringLiteral("child_ids"), fromIdList({m_maraId})},
             {QStringLiteral("kind"), QStringLiteral("school")},
             {QStringLiteral("starts_at"),
              fromTime(londonTime(QDate(2026, 11, 30), QTime(13, 15)))},
             {QStringLiteral("ends_at"), fromTime(londonTime(QDate(2026, 11, 30), QTime(14, 0)))},
             {QStringLiteral("status"), QStringLiteral("planned")}}));
    }

    FixedClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC)};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QUuid m_caseId;
    QUuid m_maraId;
    QUuid m_motherId;
};

QTEST_MAIN(TestCaseFile)
#include "tst_casefile.moc"
