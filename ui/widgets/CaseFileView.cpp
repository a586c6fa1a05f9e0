#include "CaseFileView.h"

#include "dialogs/AdultDialog.h"
#include "dialogs/CaseDialog.h"
#include "dialogs/ChildDialog.h"
#include "dialogs/CloseCaseDialog.h"
#include "dialogs/HearingDialog.h"
#include "dialogs/VisitDialog.h"
#include "domain/Clock.h"
#include "domain/Labels.h"
#include "measures/Timeliness.h"
#include "store/ChronologyQuery.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "widgets/LettersPane.h"
#include "widgets/NotesPane.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lantern {

namespace {

const auto kMutedStyle = QStringLiteral("color: #5f6368;");
const auto kEmptyStyle = QStringLiteral("color: #80868b; font-style: italic;");
const auto kProblemStyle = QStringLiteral("color: #a33a3a;");
// Chips: a few calm colours, each with text dark enough to read.
const auto kChipInfo =
    QStringLiteral("background: #e8eef5; color: #1f3a56; border-radius: 3px; padding: 2px 7px;");
const auto kChipWarn =
    QStringLiteral("background: #fcefd6; color: #5c4000; border-radius: 3px; padding: 2px 7px;");
const auto kChipAlert =
    QStringLiteral("background: #f8e1de; color: #6e1d14; border-radius: 3px; padding: 2px 7px;");
const auto kChipGood =
    QStringLiteral("background: #e3f1e6; color: #1d4d2a; border-radius: 3px; padding: 2px 7px;");

QString ploStyle(PloStatus plo)
{
    switch (plo) {
    case PloStatus::OnTrack:
        return kChipGood;
    case PloStatus::AtRisk:
        return kChipWarn;
    case PloStatus::Over:
        return kChipAlert;
    case PloStatus::NotApplicable:
        break;
    }
    return kChipInfo;
}

QString longDate(const QDate &day)
{
    return QLocale().toString(day, CaseFileView::tr("d MMMM yyyy"));
}

QString shortDate(const QDate &day)
{
    return QLocale().toString(day, CaseFileView::tr("ddd d MMM yyyy"));
}

QString londonTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toTimeZone(Clock::londonZone()),
                              CaseFileView::tr("ddd d MMM yyyy, HH:mm"));
}

QLabel *valueLabel(const QString &text, QWidget *parent,
                   const QString &empty = CaseFileView::tr("Not recorded"))
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    if (text.trimmed().isEmpty()) {
        label->setText(empty);
        label->setStyleSheet(kEmptyStyle);
    } else {
        label->setText(text);
    }
    return label;
}

QLabel *headingLabel(const QString &text, QWidget *parent, int growBy = 2)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() + growBy);
    label->setFont(font);
    label->setAccessibleName(text);
    return label;
}

QLabel *chipLabel(const QString &text, const QString &style, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(style);
    label->setAccessibleName(text);
    return label;
}

QFormLayout *makeForm()
{
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setHorizontalSpacing(18);
    form->setVerticalSpacing(7);
    return form;
}

void addRow(QFormLayout *form, const QString &label, QWidget *value)
{
    auto *name = new QLabel(label, value->parentWidget());
    name->setStyleSheet(kMutedStyle);
    name->setTextFormat(Qt::PlainText);
    name->setMinimumWidth(170);
    if (value->accessibleName().isEmpty())
        value->setAccessibleName(label);
    form->addRow(name, value);
}

// A row of chips that wraps nowhere: callers keep them few and short.
QWidget *chipRow(const QList<QLabel *> &chips, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    for (QLabel *chip : chips) {
        chip->setParent(row);
        layout->addWidget(chip);
    }
    layout->addStretch(1);
    return row;
}

QList<QLabel *> safetyChips(const Adult &adult, QWidget *parent)
{
    QList<QLabel *> chips;
    if (adult.addressConfidential)
        chips.append(chipLabel(CaseFileView::tr("Address confidential"), kChipAlert, parent));
    if (adult.domesticAbuseVictim)
        chips.append(chipLabel(CaseFileView::tr("Victim of domestic abuse"), kChipWarn, parent));
    if (adult.allegedPerpetrator)
        chips.append(chipLabel(CaseFileView::tr("Alleged perpetrator"), kChipAlert, parent));
    if (adult.childMustNotKnow)
        chips.append(chipLabel(CaseFileView::tr("The child must not know about this person"),
                               kChipAlert, parent));
    return chips;
}

// A page's content in a scroll area, so that nothing is cut off on a small screen.
QScrollArea *scrollPage(QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

QWidget *pageContent(QVBoxLayout *&layout)
{
    auto *content = new QWidget;
    layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(10);
    return content;
}

QPushButton *actionButton(const QString &text, const QString &accessible, const QString &name,
                          QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setAccessibleName(accessible);
    button->setObjectName(name);
    return button;
}

QListWidget *recordList(const QString &accessible, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setAccessibleName(accessible);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setUniformItemSizes(false);
    list->setWordWrap(true);
    list->setStyleSheet(QStringLiteral("QListWidget::item { padding: 7px 8px; }"));
    list->setMinimumWidth(240);
    list->setMaximumWidth(320);
    return list;
}

QTreeWidget *recordTable(const QString &accessible, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTreeWidget(parent);
    table->setAccessibleName(accessible);
    table->setColumnCount(int(headers.size()));
    table->setHeaderLabels(headers);
    table->setRootIsDecorated(false);
    table->setUniformRowHeights(true);
    table->setAlternatingRowColors(true);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->setStyleSheet(QStringLiteral("QTreeView::item { padding: 5px 2px; }"));
    table->header()->setStretchLastSection(true);
    table->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

} // namespace

CaseFileView::CaseFileView(Store &store, QUuid caseId, QWidget *parent)
    : QWidget(parent), m_store(store), m_caseId(caseId), m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)), m_badges(new QWidget(this)), m_problem(new QLabel(this)),
      m_editCase(
          actionButton(tr("&Edit case…"), tr("Edit case"), QStringLiteral("editCase"), this)),
      m_closeCase(
          actionButton(tr("Cl&ose case…"), tr("Close case"), QStringLiteral("closeCase"), this)),
      m_planVisit(actionButton(tr("&Plan a visit…"), tr("Plan a visit"),
                               QStringLiteral("planVisit"), this)),
      m_tabs(new QTabWidget(this))
{
    setAccessibleName(tr("Case file"));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() + 6);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setObjectName(QStringLiteral("caseTitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setWordWrap(true);
    m_subtitle->setStyleSheet(kMutedStyle);
    m_badges->setAccessibleName(tr("Case status"));
    auto *badgeLayout = new QHBoxLayout(m_badges);
    badgeLayout->setContentsMargins(0, 4, 0, 0);
    badgeLayout->setSpacing(6);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(kProblemStyle);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->hide();

    connect(m_editCase, &QPushButton::clicked, this, &CaseFileView::editCase);
    connect(m_closeCase, &QPushButton::clicked, this, &CaseFileView::closeCase);
    connect(m_planVisit, &QPushButton::clicked, this, &CaseFileView::planVisit);

    auto *titleBlock = new QVBoxLayout;
    titleBlock->setSpacing(3);
    titleBlock->addWidget(m_title);
    titleBlock->addWidget(m_subtitle);
    titleBlock->addWidget(m_badges);
    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addLayout(titleBlock, 1);
    header->addWidget(m_planVisit, 0, Qt::AlignTop);
    header->addWidget(m_editCase, 0, Qt::AlignTop);
    header->addWidget(m_closeCase, 0, Qt::AlignTop);

    m_tabs->setAccessibleName(tr("Case file sections"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildSummaryPage(), tr("&Summary"));
    m_tabs->addTab(buildChildrenPage(), tr("&Children"));
    m_tabs->addTab(buildAdultsPage(), tr("&Adults"));
    m_tabs->addTab(buildHearingsPage(), tr("Hea&rings"));
    m_letters = new LettersPane(m_store, m_caseId, this);
    m_tabs->addTab(m_letters, tr("&Letters"));
    connect(m_letters, &LettersPane::lettersChanged, this, [this] {
        fillChronology();
        emit caseChanged(m_caseId);
    });
    m_tabs->addTab(buildChronologyPage(), tr("Chro&nology"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 8);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(m_problem);
    layout->addWidget(m_tabs, 1);
    // Focus given to the case file lands on its sections, ready for the keyboard.
    setFocusProxy(m_tabs);

    reload();
}

CaseFileView::~CaseFileView() = default;

void CaseFileView::addNotes(StoreWorker &worker)
{
    if (m_notes)
        return;
    m_notes = new NotesPane(m_store, worker, m_caseId, this);
    // Notes sit before the chronology, which lists them among everything else.
    m_tabs->insertTab(m_tabs->count() - 1, m_notes, tr("No&tes"));
    connect(m_notes, &NotesPane::notesChanged, this, &CaseFileView::fillChronology);
}

QString CaseFileView::title() const
{
    if (!m_loaded)
        return tr("Case file");
    QStringList names;
    for (const Child &child : m_children)
        names.append(child.nameToUse());
    return names.isEmpty() ? m_case.caseNumber
                           : tr("%1 · %2").arg(m_case.caseNumber, names.join(tr(", ")));
}

// ---- building the pages -------------------------------------------------------------------

QWidget *CaseFileView::buildSummaryPage()
{
    m_summary = scrollPage(this);
    m_summary->setAccessibleName(tr("Summary"));
    return m_summary;
}

QWidget *CaseFileView::buildChildrenPage()
{
    auto *page = new QWidget(this);
    m_childList = recordList(tr("Children"), page);
    m_childList->setObjectName(QStringLiteral("childList"));
    m_addChild = actionButton(tr("A&dd child…"), tr("Add child"), QStringLiteral("addChild"), page);
    m_editChild =
        actionButton(tr("Ed&it child…"), tr("Edit child"), QStringLiteral("editChild"), page);
    m_childDetail = scrollPage(page);
    m_childDetail->setAccessibleName(tr("About the child"));
    connect(m_childList, &QListWidget::currentRowChanged, this, &CaseFileView::showChild);
    connect(m_childList, &QListWidget::itemActivated, this, &CaseFileView::editChild);
    connect(m_addChild, &QPushButton::clicked, this, &CaseFileView::addChild);
    connect(m_editChild, &QPushButton::clicked, this, &CaseFileView::editChild);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addChild);
    buttons->addWidget(m_editChild);
    buttons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_childList, 1);
    left->addLayout(buttons);
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addLayout(left);
    layout->addWidget(m_childDetail, 1);
    return page;
}

QWidget *CaseFileView::buildAdultsPage()
{
    auto *page = new QWidget(this);
    m_adultList = recordList(tr("Adults"), page);
    m_adultList->setObjectName(QStringLiteral("adultList"));
    m_addAdult = actionButton(tr("A&dd adult…"), tr("Add adult"), QStringLiteral("addAdult"), page);
    m_editAdult =
        actionButton(tr("Ed&it adult…"), tr("Edit adult"), QStringLiteral("editAdult"), page);
    m_adultDetail = scrollPage(page);
    m_adultDetail->setAccessibleName(tr("About the adult"));
    connect(m_adultList, &QListWidget::currentRowChanged, this, &CaseFileView::showAdult);
    connect(m_adultList, &QListWidget::itemActivated, this, &CaseFileView::editAdult);
    connect(m_addAdult, &QPushButton::clicked, this, &CaseFileView::addAdult);
    connect(m_editAdult, &QPushButton::clicked, this, &CaseFileView::editAdult);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addAdult);
    buttons->addWidget(m_editAdult);
    buttons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_adultList, 1);
    left->addLayout(buttons);
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addLayout(left);
    layout->addWidget(m_adultDetail, 1);
    return page;
}

QWidget *CaseFileView::buildHearingsPage()
{
    auto *page = new QWidget(this);
    m_hearingTable = recordTable(tr("Hearings"),
                                 {tr("When"), tr("Hearing"), tr("Venue"), tr("Report due")}, page);
    m_hearingTable->setObjectName(QStringLiteral("hearingTable"));
    m_addHearing =
        actionButton(tr("A&dd hearing…"), tr("Add hearing"), QStringLiteral("addHearing"), page);
    m_editHearing =
        actionButton(tr("Ed&it hearing…"), tr("Edit hearing"), QStringLiteral("editHearing"), page);
    connect(m_hearingTable, &QTreeWidget::itemActivated, this, &CaseFileView::editHearing);
    connect(m_hearingTable, &QTreeWidget::currentItemChanged, this,
            [this] { m_editHearing->setEnabled(m_hearingTable->currentItem() != nullptr); });
    connect(m_addHearing, &QPushButton::clicked, this, &CaseFileView::addHearing);
    connect(m_editHearing, &QPushButton::clicked, this, &CaseFileView::editHearing);

    auto *note = new QLabel(tr("Times are in England and Wales. A report deadline is counted "
                               "back from its hearing, so it moves when the hearing moves."),
                            page);
    note->setWordWrap(true);
    note->setStyleSheet(kMutedStyle);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addHearing);
    buttons->addWidget(m_editHearing);
    buttons->addSpacing(12);
    buttons->addWidget(note, 1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_hearingTable, 1);
    return page;
}

QWidget *CaseFileView::buildChronologyPage()
{
    auto *page = new QWidget(this);
    m_chronology = recordTable(tr("Chronology"), {tr("When"), tr("What"), tr("Details")}, page);
    m_chronology->setObjectName(QStringLiteral("chronology"));
    auto *note = new QLabel(tr("Everything on the case, newest first. Planned hearings and visits "
                               "are at the top, in blue. Note text is not shown here."),
                            page);
    note->setWordWrap(true);
    note->setStyleSheet(kMutedStyle);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(note);
    layout->addWidget(m_chronology, 1);
    return page;
}

// ---- reading and showing -------------------------------------------------------------------

void CaseFileView::reload()
{
    m_problem->hide();
    m_revealedAdult = QUuid();
    m_revealedAddress.clear();

    auto found = CaseRepository(m_store).get(m_caseId);
    if (!found) {
        m_loaded = false;
        m_title->setText(tr("Case file"));
        m_subtitle->clear();
        m_badges->hide();
        showProblem(found.error());
        for (QWidget *button : {m_planVisit, m_editCase, m_closeCase, m_addChild, m_editChild,
                                m_addAdult, m_editAdult, m_addHearing, m_editHearing})
            button->setEnabled(false);
        return;
    }
    m_case = *found;
    auto children = ChildRepository(m_store).forCase(m_caseId);
    auto adults = AdultRepository(m_store).forCase(m_caseId);
    auto hearings = HearingRepository(m_store).forCase(m_caseId);
    m_children = children ? *children : QList<Child>();
    m_adults = adults ? *adults : QList<Adult>();
    m_hearings = hearings ? *hearings : QList<Hearing>();
    for (const auto *failed :
         {children ? nullptr : &children.error(), adults ? nullptr : &adults.error(),
          hearings ? nullptr : &hearings.error()}) {
        if (failed) {
            showProblem(*failed);
            break;
        }
    }
    m_loaded = true;

    fillHeader();
    fillSummary();
    fillChildren();
    fillAdults();
    fillHearings();
    fillChronology();
    m_tabs->setTabText(1, tr("&Children (%1)").arg(m_children.size()));
    m_tabs->setTabText(2, tr("&Adults (%1)").arg(m_adults.size()));
    m_tabs->setTabText(3, tr("Hea&rings (%1)").arg(m_hearings.size()));
    emit titleChanged(title());
}

void CaseFileView::showProblem(const Error &error)
{
    m_problem->setText(error.message);
    m_problem->show();
}

void CaseFileView::fillHeader()
{
    const bool closed = m_case.status == CaseStatus::Closed;
    m_title->setText(m_case.caseNumber);
    m_title->setAccessibleName(tr("Case %1").arg(m_case.caseNumber));
    m_subtitle->setText(tr("%1 · %2 · Issued %3")
                            .arg(labelOf(m_case.kind), m_case.court, longDate(m_case.issuedOn)));

    const QDate end =
        closed && m_case.closedOn.isValid() ? m_case.closedOn : m_store.clock().today();
    const int weeks = Timeliness::weeksOpen(m_case.issuedOn, end);
    auto *badges = static_cast<QHBoxLayout *>(m_badges->layout());
    while (QLayoutItem *item = badges->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    badges->addWidget(chipLabel(
        closed ? tr("Closed %1").arg(longDate(m_case.closedOn)) : tr("Open"), kChipInfo, m_badges));
    badges->addWidget(chipLabel(tr("Weeks open: %1").arg(weeks), kChipInfo, m_badges));
    const PloStatus plo = Timeliness::ploStatus(m_case.isPublicLaw(), m_case.issuedOn, end);
    if (plo != PloStatus::NotApplicable)
        badges->addWidget(
            chipLabel(tr("PLO: %1").arg(Timeliness::ploLabel(plo)), ploStyle(plo), m_badges));
    if (m_case.domesticAbuse)
        badges->addWidget(chipLabel(tr("Domestic abuse"), kChipWarn, m_badges));
    badges->addStretch(1);
    m_badges->show();

    m_editCase->setEnabled(true);
    m_closeCase->setEnabled(true);
    m_planVisit->setEnabled(!closed && !m_children.isEmpty());
    m_closeCase->setText(closed ? tr("Edit &outcome…") : tr("Cl&ose case…"));
    m_closeCase->setAccessibleName(closed ? tr("Edit the outcome") : tr("Close case"));
    for (QWidget *button : {m_addChild, m_addAdult, m_addHearing})
        button->setEnabled(true);
}

void CaseFileView::fillSummary()
{
    QVBoxLayout *page = nullptr;
    QWidget *content = pageContent(page);
    const QDate today = m_store.clock().today();
    const bool closed = m_case.status == CaseStatus::Closed;
    const QDate end = closed && m_case.closedOn.isValid() ? m_case.closedOn : today;

    // Left: the case. Right: time, and what is due.
    auto *columns = new QHBoxLayout;
    columns->setSpacing(36);

    auto *caseColumn = new QVBoxLayout;
    caseColumn->setSpacing(8);
    caseColumn->addWidget(headingLabel(tr("The case"), content));
    QFormLayout *caseForm = makeForm();
    addRow(caseForm, tr("Case number"), valueLabel(m_case.caseNumber, content));
    addRow(caseForm, tr("Court"), valueLabel(m_case.court, content));
    addRow(
        caseForm, tr("Proceedings"),
        valueLabel(tr("%1 (%2)").arg(labelOf(m_case.kind),
                                     m_case.isPublicLaw() ? tr("public law") : tr("private law")),
                   content));
    addRow(caseForm, tr("Issued"), valueLabel(longDate(m_case.issuedOn), content));
    addRow(caseForm, tr("Status"),
           valueLabel(closed ? tr("Closed on %1").arg(longDate(m_case.closedOn)) : tr("Open"),
                      content));
    addRow(caseForm, tr("Allocated to"), valueLabel(m_case.allocatedTo, content));
    QLabel *abuse =
        m_case.domesticAbuse
            ? chipLabel(tr("Yes: domestic abuse is a feature of this case"), kChipWarn, content)
            : valueLabel(tr("No"), content);
    addRow(caseForm, tr("Domestic abuse"),
           m_case.domesticAbuse ? chipRow({abuse}, content) : static_cast<QWidget *>(abuse));
    addRow(caseForm, tr("Reason for delay"),
           valueLabel(m_case.delayReason, content, tr("None recorded")));
    addRow(caseForm, tr("Next management review"),
           valueLabel(m_case.nextReviewOn.isValid() ? longDate(m_case.nextReviewOn) : QString(),
                      content, tr("Not set")));
    caseColumn->addLayout(caseForm);
    caseColumn->addStretch(1);

    auto *timeColumn = new QVBoxLayout;
    timeColumn->setSpacing(8);
    timeColumn->addWidget(
        headingLabel(closed ? tr("How long it ran") : tr("Time and what is due"), content));
    QFormLayout *timeForm = makeForm();
    const int weeks = Timeliness::weeksOpen(m_case.issuedOn, end);
    auto *weeksLabel = headingLabel(QLocale().toString(weeks), content, 1);
    weeksLabel->setObjectName(QStringLiteral("weeksOpen"));
    weeksLabel->setAccessibleName(tr("Weeks open: %1").arg(weeks));
    QList<QLabel *> weekChips = {weeksLabel};
    const PloStatus plo = Timeliness::ploStatus(m_case.isPublicLaw(), m_case.issuedOn, end);
    if (plo != PloStatus::NotApplicable)
        weekChips.append(
            chipLabel(tr("PLO: %1").arg(Timeliness::ploLabel(plo)), ploStyle(plo), content));
    addRow(timeForm, closed ? tr("Weeks open (to closing)") : tr("Weeks open"),
           chipRow(weekChips, content));
    for (int mark : {Timeliness::kPloWeeks, Timeliness::kLongWeeks, Timeliness::kVeryLongWeeks}) {
        const QDate day = m_case.issuedOn.addDays(qint64(mark) * 7);
        QString text;
        if (weeks >= mark)
            text = tr("Reached on %1").arg(longDate(day));
        else if (closed)
            text = tr("Not reached: closed before %1").arg(longDate(day));
        else
            text = tr("Will be reached on %1").arg(longDate(day));
        QLabel *markLabel = valueLabel(text, content);
        if (weeks >= mark)
            markLabel->setStyleSheet(mark == Timeliness::kPloWeeks && !m_case.isPublicLaw()
                                         ? QString()
                                         : QStringLiteral("color: #6e1d14;"));
        addRow(timeForm, tr("%1-week mark").arg(mark), markLabel);
    }

    // The next hearing still to come, and the nearest report deadline not yet passed (a
    // closed case has nothing more to come).
    const QDateTime now = m_store.clock().nowUtc();
    const Hearing *next = nullptr;
    QDate deadline;
    for (const Hearing &hearing : std::as_const(m_hearings)) {
        if (!next && hearing.startsAt >= now)
            next = &hearing;
        const QDate due = hearing.filingDeadline();
        if (due.isValid() && due >= today && (!deadline.isValid() || due < deadline))
            deadline = due;
    }
    if (!closed) {
        addRow(timeForm, tr("Next hearing"),
               valueLabel(next ? tr("%1, %2").arg(labelOf(next->kind), londonTime(next->startsAt))
                               : QString(),
                          content, tr("None listed")));
        if (next && !next->venue.isEmpty())
            addRow(timeForm, tr("Venue"), valueLabel(next->venue, content));
        addRow(timeForm, tr("Next report due"),
               valueLabel(deadline.isValid()
                              ? tr("%1 (in %n day(s))", nullptr, int(today.daysTo(deadline)))
                                    .arg(shortDate(deadline))
                              : QString(),
                          content, tr("Nothing due")));
    }
    timeColumn->addLayout(timeForm);
    timeColumn->addStretch(1);

    columns->addLayout(caseColumn, 1);
    columns->addLayout(timeColumn, 1);
    page->addLayout(columns);

    if (closed) {
        auto *line = new QFrame(content);
        line->setFrameShape(QFrame::HLine);
        line->setStyleSheet(QStringLiteral("color: #dadce0;"));
        page->addWidget(line);
        page->addWidget(headingLabel(tr("Outcome"), content));
        QFormLayout *outcome = makeForm();
        addRow(outcome, tr("What the court ordered"), valueLabel(m_case.outcome, content));
        QString followed;
        if (m_case.outcomeFollowedRecommendation)
            followed = *m_case.outcomeFollowedRecommendation
                           ? tr("Yes, the order followed your recommendation")
                           : tr("No, the order did not follow your recommendation");
        addRow(outcome, tr("Followed your recommendation"), valueLabel(followed, content));
        page->addLayout(outcome);
    }

    auto *line = new QFrame(content);
    line->setFrameShape(QFrame::HLine);
    line->setStyleSheet(QStringLiteral("color: #dadce0;"));
    page->addWidget(line);
    page->addWidget(headingLabel(tr("Children"), content));
    QStringList names;
    for (const Child &child : std::as_const(m_children))
        names.append(
            tr("%1 (age %2)").arg(child.nameToUse(), QLocale().toString(child.ageOn(today))));
    page->addWidget(valueLabel(names.join(QStringLiteral("  ·  ")), content,
                               tr("No children added yet. Add them on the Children tab.")));
    page->addStretch(1);
    m_summary->setWidget(content);
}

void CaseFileView::fillChildren()
{
    const QUuid current = m_childList->currentItem()
                              ? m_childList->currentItem()->data(Qt::UserRole).toUuid()
                              : QUuid();
    const QDate today = m_store.clock().today();
    m_childList->blockSignals(true);
    m_childList->clear();
    int select = m_children.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_children.size(); ++i) {
        const Child &child = m_children.at(i);
        auto *item =
            new QListWidgetItem(tr("%1\nAge %2", "name, then age")
                                    .arg(child.nameToUse(), QLocale().toString(child.ageOn(today))),
                                m_childList);
        item->setData(Qt::UserRole, child.meta.id);
        if (child.meta.id == current)
            select = i;
    }
    m_childList->blockSignals(false);
    m_childList->setCurrentRow(select);
    showChild(select);
}

void CaseFileView::showChild(int row)
{
    m_editChild->setEnabled(row >= 0 && row < m_children.size());
    QVBoxLayout *page = nullptr;
    QWidget *content = pageContent(page);
    if (row < 0 || row >= m_children.size()) {
        page->addWidget(valueLabel(QString(), content,
                                   tr("No children on this case yet. Use Add child to add "
                                      "them.")));
        page->addStretch(1);
        m_childDetail->setWidget(content);
        return;
    }
    const Child &child = m_children.at(row);
    const QDate today = m_store.clock().today();
    page->addWidget(headingLabel(child.nameToUse(), content, 3));

    QFormLayout *form = makeForm();
    addRow(form, tr("Legal name"), valueLabel(child.legalName, content));
    addRow(form, tr("Preferred name"), valueLabel(child.preferredName, content));
    addRow(form, tr("Age"),
           valueLabel(tr("%1 (born %2)")
                          .arg(QLocale().toString(child.ageOn(today)), longDate(child.dateOfBirth)),
                      content));
    addRow(form, tr("Pronouns"), valueLabel(child.pronouns, content));
    addRow(form, tr("First language"), valueLabel(child.firstLanguage, content));
    addRow(form, tr("Letters written in"),
           valueLabel(child.letterLanguage == QLatin1String("cy") ? tr("Welsh (Cymraeg)")
                                                                  : tr("English"),
                      content));
    addRow(form, tr("Heritage"), valueLabel(child.heritage, content));
    addRow(form, tr("Faith"), valueLabel(child.faith, content));
    addRow(form, tr("School"), valueLabel(child.school, content));
    addRow(form, tr("Lives with"), valueLabel(child.livesWith, content));
    addRow(form, tr("What matters to them"), valueLabel(child.whatMatters, content));
    page->addLayout(form);

    page->addSpacing(6);
    page->addWidget(headingLabel(tr("Adults around %1").arg(child.nameToUse()), content, 1));
    int shown = 0;
    QFormLayout *around = makeForm();
    for (const Adult &adult : std::as_const(m_adults)) {
        if (!adult.childIds.contains(child.meta.id))
            continue;
        ++shown;
        auto *line = new QWidget(content);
        auto *lineLayout = new QHBoxLayout(line);
        lineLayout->setContentsMargins(0, 0, 0, 0);
        lineLayout->setSpacing(8);
        auto *role = new QLabel(adult.relationship.isEmpty()
                                    ? labelOf(adult.role)
                                    : tr("%1 (%2)").arg(labelOf(adult.role), adult.relationship),
                                line);
        role->setTextFormat(Qt::PlainText);
        lineLayout->addWidget(role);
        for (QLabel *chip : safetyChips(adult, line))
            lineLayout->addWidget(chip);
        lineLayout->addStretch(1);
        auto *name = new QLabel(adult.name, content);
        name->setTextFormat(Qt::PlainText);
        name->setMinimumWidth(170);
        line->setAccessibleName(tr("%1, %2").arg(adult.name, role->text()));
        around->addRow(name, line);
    }
    page->addLayout(around);
    if (shown == 0)
        page->addWidget(valueLabel(QString(), content,
                                   tr("No adults linked to this child yet. Add them on the "
                                      "Adults tab.")));
    page->addStretch(1);
    m_childDetail->setWidget(content);
}

void CaseFileView::fillAdults()
{
    const QUuid current = m_adultList->currentItem()
                              ? m_adultList->currentItem()->data(Qt::UserRole).toUuid()
                              : QUuid();
    m_adultList->blockSignals(true);
    m_adultList->clear();
    int select = m_adults.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_adults.size(); ++i) {
        const Adult &adult = m_adults.at(i);
        const bool flagged = adult.addressConfidential || adult.domesticAbuseVictim ||
                             adult.allegedPerpetrator || adult.childMustNotKnow;
        auto *item = new QListWidgetItem(
            flagged ? tr("%1\n%2 · safety flags", "name, then role")
                          .arg(adult.name, labelOf(adult.role))
                    : tr("%1\n%2", "name, then role").arg(adult.name, labelOf(adult.role)),
            m_adultList);
        item->setData(Qt::UserRole, adult.meta.id);
        if (adult.meta.id == current)
            select = i;
    }
    m_adultList->blockSignals(false);
    m_adultList->setCurrentRow(select);
    showAdult(select);
}

void CaseFileView::showAdult(int row)
{
    m_editAdult->setEnabled(row >= 0 && row < m_adults.size());
    QVBoxLayout *page = nullptr;
    QWidget *content = pageContent(page);
    if (row < 0 || row >= m_adults.size()) {
        m_revealedAdult = QUuid();
        m_revealedAddress.clear();
        page->addWidget(valueLabel(QString(), content,
                                   tr("No adults on this case yet. Use Add adult to add the "
                                      "people who matter to the children.")));
        page->addStretch(1);
        m_adultDetail->setWidget(content);
        return;
    }
    const Adult &adult = m_adults.at(row);
    // A revealed address stays on screen only while its adult is the one shown.
    if (m_revealedAdult != adult.meta.id) {
        m_revealedAdult = QUuid();
        m_revealedAddress.clear();
    }
    page->addWidget(headingLabel(adult.name, content, 3));
    const QList<QLabel *> chips = safetyChips(adult, content);
    if (!chips.isEmpty())
        page->addWidget(chipRow(chips, content));

    QStringList childNames;
    for (const Child &child : std::as_const(m_children))
        if (adult.childIds.contains(child.meta.id))
            childNames.append(child.nameToUse());

    QFormLayout *form = makeForm();
    addRow(form, tr("Role"), valueLabel(labelOf(adult.role), content));
    addRow(form, tr("Relationship"), valueLabel(adult.relationship, content));
    addRow(form, tr("Matters to"), valueLabel(childNames.join(tr(", ")), content));
    addRow(form, tr("Phone"), valueLabel(adult.phone, content));
    addRow(form, tr("Email"), valueLabel(adult.email, content));
    if (adult.addressConfidential && !adult.address.isEmpty()) {
        auto *addressRow = new QWidget(content);
        auto *addressLayout = new QHBoxLayout(addressRow);
        addressLayout->setContentsMargins(0, 0, 0, 0);
        addressLayout->setSpacing(10);
        if (m_revealedAdult == adult.meta.id) {
            QLabel *address = valueLabel(m_revealedAddress, addressRow);
            address->setObjectName(QStringLiteral("address"));
            address->setAccessibleName(tr("Confidential address, revealed"));
            addressLayout->addWidget(address, 1);
            auto *warning = chipLabel(tr("Confidential: never share with the other party"),
                                      kChipAlert, addressRow);
            addressLayout->addWidget(warning, 0, Qt::AlignTop);
        } else {
            QLabel *masked = valueLabel(tr("Confidential address — hidden"), addressRow);
            masked->setObjectName(QStringLiteral("address"));
            masked->setStyleSheet(kEmptyStyle);
            masked->setAccessibleName(tr("Confidential address, hidden"));
            masked->setWordWrap(false);
            auto *reveal = actionButton(tr("Revea&l"), tr("Reveal confidential address"),
                                        QStringLiteral("revealAddress"), addressRow);
            reveal->setToolTip(tr("Shows the address. Each reveal is recorded in the audit "
                                  "trail."));
            connect(reveal, &QPushButton::clicked, this, &CaseFileView::revealAddress);
            addressLayout->addWidget(masked);
            addressLayout->addWidget(reveal);
            addressLayout->addStretch(1);
        }
        addRow(form, tr("Address"), addressRow);
    } else {
        QLabel *address = valueLabel(adult.address, content);
        address->setObjectName(QStringLiteral("address"));
        addRow(form, tr("Address"), address);
    }
    addRow(form, tr("Safety notes"), valueLabel(adult.safetyNotes, content, tr("None")));
    page->addLayout(form);
    page->addStretch(1);
    m_adultDetail->setWidget(content);
}

void CaseFileView::revealAddress()
{
    const int row = m_adultList->currentRow();
    if (row < 0 || row >= m_adults.size())
        return;
    const QUuid adultId = m_adults.at(row).meta.id;
    auto address = AdultRepository(m_store).revealAddress(adultId);
    if (!address) {
        showProblem(address.error());
        return;
    }
    m_revealedAdult = adultId;
    m_revealedAddress = *address;
    showAdult(row);
    if (auto *shown = m_adultDetail->findChild<QLabel *>(QStringLiteral("address")))
        shown->setFocus(Qt::OtherFocusReason);
}

void CaseFileView::fillHearings()
{
    const QUuid current = m_hearingTable->currentItem()
                              ? m_hearingTable->currentItem()->data(0, Qt::UserRole).toUuid()
                              : QUuid();
    const QDateTime now = m_store.clock().nowUtc();
    m_hearingTable->clear();
    QTreeWidgetItem *select = nullptr;
    QTreeWidgetItem *nextToCome = nullptr;
    for (const Hearing &hearing : std::as_const(m_hearings)) {
        const QDate deadline = hearing.filingDeadline();
        QString due = tr("—", "no report due");
        if (deadline.isValid())
            due = tr("%1 (%n day(s) before)", nullptr, *hearing.filingDaysBefore)
                      .arg(shortDate(deadline));
        auto *item =
            new QTreeWidgetItem(m_hearingTable, {londonTime(hearing.startsAt),
                                                 labelOf(hearing.kind), hearing.venue, due});
        item->setData(0, Qt::UserRole, hearing.meta.id);
        if (hearing.startsAt < now) {
            for (int column = 0; column < item->columnCount(); ++column)
                item->setForeground(column, QColor(0x6b, 0x6f, 0x75));
            item->setToolTip(0, tr("This hearing has taken place."));
        } else if (!nextToCome) {
            nextToCome = item;
        }
        if (hearing.meta.id == current)
            select = item;
    }
    if (m_hearings.isEmpty()) {
        auto *empty = new QTreeWidgetItem(m_hearingTable, {tr("No hearings listed yet.")});
        empty->setFlags(Qt::NoItemFlags);
        empty->setFirstColumnSpanned(true);
    }
    for (int column = 0; column < 3; ++column)
        m_hearingTable->resizeColumnToContents(column);
    m_hearingTable->setColumnWidth(0, qMax(m_hearingTable->columnWidth(0) + 16, 200));
    m_hearingTable->setColumnWidth(1, qMax(m_hearingTable->columnWidth(1) + 16, 200));
    m_hearingTable->setColumnWidth(2, qMin(m_hearingTable->columnWidth(2) + 16, 420));
    // Unless one was chosen, the hearing to come is the one at hand (else the latest).
    if (!select && !m_hearings.isEmpty())
        select = nextToCome ? nextToCome : m_hearingTable->topLevelItem(int(m_hearings.size()) - 1);
    m_hearingTable->setCurrentItem(select);
    m_editHearing->setEnabled(select != nullptr);
}

void CaseFileView::fillChronology()
{
    m_chronology->clear();
    auto entries = ChronologyQuery(m_store).forCase(m_caseId);
    if (!entries) {
        showProblem(entries.error());
        return;
    }
    const QDateTime now = m_store.clock().nowUtc();
    for (const ChronologyEntry &entry : std::as_const(*entries)) {
        const QString when = entry.dateOnly
                                 ? shortDate(entry.at.toTimeZone(Clock::londonZone()).date())
                                 : londonTime(entry.at);
        auto *item = new QTreeWidgetItem(m_chronology, {when, entry.title, entry.detail});
        item->setData(0, Qt::UserRole, entry.recordId);
        item->setData(1, Qt::UserRole, entry.kind);
        item->setToolTip(2, entry.detail);
        if (!entry.dateOnly && entry.at > now) {
            for (int column = 0; column < item->columnCount(); ++column)
                item->setForeground(column, QColor(0x1f, 0x4e, 0x86));
            item->setToolTip(0, tr("Still to come"));
        }
    }
    for (int column = 0; column < 2; ++column)
        m_chronology->resizeColumnToContents(column);
    m_chronology->setColumnWidth(0, qMax(m_chronology->columnWidth(0) + 16, 200));
    m_chronology->setColumnWidth(1, qMax(m_chronology->columnWidth(1) + 16, 220));
}

// ---- editing -------------------------------------------------------------------------------

void CaseFileView::runDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this] {
        reload();
        emit caseChanged(m_caseId);
    });
    dialog->open();
}

void CaseFileView::editCase()
{
    if (m_loaded)
        runDialog(new CaseDialog(m_store, m_case, this));
}

void CaseFileView::closeCase()
{
    if (m_loaded)
        runDialog(new CloseCaseDialog(m_store, m_case, this));
}

void CaseFileView::planVisit()
{
    if (m_loaded)
        runDialog(new VisitDialog(m_store, m_caseId, std::nullopt, this));
}

void CaseFileView::addChild()
{
    runDialog(new ChildDialog(m_store, m_caseId, std::nullopt, this));
}

void CaseFileView::editChild()
{
    const int row = m_childList->currentRow();
    if (row >= 0 && row < m_children.size())
        runDialog(new ChildDialog(m_store, m_caseId, m_children.at(row), this));
}

void CaseFileView::addAdult()
{
    runDialog(new AdultDialog(m_store, m_caseId, std::nullopt, this));
}

void CaseFileView::editAdult()
{
    const int row = m_adultList->currentRow();
    if (row < 0 || row >= m_adults.size())
        return;
    // Read it fresh: the dialog keeps a hidden address exactly as it is stored.
    auto adult = AdultRepository(m_store).get(m_adults.at(row).meta.id);
    if (!adult) {
        showProblem(adult.error());
        return;
    }
    runDialog(new AdultDialog(m_store, m_caseId, *adult, this));
}

void CaseFileView::addHearing()
{
    runDialog(new HearingDialog(m_store, m_caseId, std::nullopt, this));
}

void CaseFileView::editHearing()
{
    QTreeWidgetItem *item = m_hearingTable->currentItem();
    if (!item)
        return;
    const QUuid id = item->data(0, Qt::UserRole).toUuid();
    for (const Hearing &hearing : std::as_const(m_hearings)) {
        if (hearing.meta.id == id) {
            runDialog(new HearingDialog(m_store, m_caseId, hearing, this));
            return;
        }
    }
}

} // namespace lantern
