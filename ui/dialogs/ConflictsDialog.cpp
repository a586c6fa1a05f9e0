#include "ConflictsDialog.h"

#include "domain/Clock.h"
#include "widgets/HtmlItemDelegate.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

namespace lantern {

namespace {

const auto kHighlight = QStringLiteral("#fbe3a6"); // a soft amber: noticeable, not alarming
const auto kQuiet = QStringLiteral("color: #5f6b76;");

// Text split into words, the runs of space between them and single marks of punctuation, so
// differences show word by word ("Mum" and "Mum," share the word).
QStringList tokens(const QString &text)
{
    enum class Kind
    {
        Word,
        Space,
        Mark,
    };
    const auto kindOf = [](QChar c) {
        if (c.isLetterOrNumber() || c == QLatin1Char('\'') || c == QChar(0x2019))
            return Kind::Word;
        return c.isSpace() ? Kind::Space : Kind::Mark;
    };
    QStringList out;
    QString current;
    Kind currentKind = Kind::Word;
    for (const QChar c : text) {
        const Kind kind = kindOf(c);
        if (!current.isEmpty() && (kind != currentKind || kind == Kind::Mark)) {
            out.append(current);
            current.clear();
        }
        current.append(c);
        currentKind = kind;
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

bool isSpace(const QString &token)
{
    return !token.isEmpty() && token.front().isSpace();
}

// Marks the words of each side that the other side does not have: the shared start and end
// are set aside, then the longest common run of words in between. A very long middle (two
// long notes that share little) is marked whole rather than compared word by word.
void markDifferences(const QStringList &a, const QStringList &b, QList<bool> &changedA,
                     QList<bool> &changedB)
{
    changedA = QList<bool>(a.size(), false);
    changedB = QList<bool>(b.size(), false);
    qsizetype start = 0;
    while (start < a.size() && start < b.size() && a.at(start) == b.at(start))
        ++start;
    qsizetype endA = a.size();
    qsizetype endB = b.size();
    while (endA > start && endB > start && a.at(endA - 1) == b.at(endB - 1)) {
        --endA;
        --endB;
    }
    const qsizetype n = endA - start;
    const qsizetype m = endB - start;
    constexpr qsizetype kMaxCells = 1'000'000;
    if (n == 0 || m == 0 || n * m > kMaxCells) {
        std::fill(changedA.begin() + start, changedA.begin() + endA, true);
        std::fill(changedB.begin() + start, changedB.begin() + endB, true);
        return;
    }
    std::vector<int> common(size_t((n + 1) * (m + 1)), 0);
    const auto at = [&](qsizetype i, qsizetype j) -> int & {
        return common[size_t(i * (m + 1) + j)];
    };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = a.at(start + i) == b.at(start + j) ? at(i + 1, j + 1) + 1
                                                          : std::max(at(i + 1, j), at(i, j + 1));
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (a.at(start + i) == b.at(start + j)) {
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            changedA[start + i++] = true;
        } else {
            changedB[start + j++] = true;
        }
    }
    for (; i < n; ++i)
        changedA[start + i] = true;
    for (; j < m; ++j)
        changedB[start + j] = true;
}

// Shows text in a pane, the marked words highlighted (a space only between two marked words,
// so a changed phrase reads as one).
void fill(QTextEdit *pane, const QStringList &words, const QList<bool> &changed)
{
    pane->clear();
    QTextCursor cursor(pane->document());
    QTextCharFormat plain;
    QTextCharFormat marked;
    marked.setBackground(QColor(kHighlight));
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool mark = isSpace(words.at(i)) ? i > 0 && i + 1 < words.size() &&
                                                     changed.at(i - 1) && changed.at(i + 1)
                                               : changed.value(i);
        cursor.insertText(words.at(i), mark ? marked : plain);
    }
    pane->moveCursor(QTextCursor::Start);
    pane->updateGeometry();
}

void fillPlain(QTextEdit *pane, const QString &text)
{
    const QStringList words = tokens(text);
    fill(pane, words, QList<bool>(words.size(), false));
}

// Fills two panes with their texts, each highlighting where it differs from the other.
// Returns whether there was any difference to highlight.
bool fillCompared(QTextEdit *left, const QString &leftText, QTextEdit *right,
                  const QString &rightText)
{
    const QStringList a = tokens(leftText);
    const QStringList b = tokens(rightText);
    QList<bool> changedA;
    QList<bool> changedB;
    markDifferences(a, b, changedA, changedB);
    fill(left, a, changedA);
    fill(right, b, changedB);
    return changedA.contains(true) || changedB.contains(true);
}

// A read-only pane as tall as its text (a short value takes a short pane), up to the room there
// is; long text scrolls.
class ValuePane : public QTextEdit
{
public:
    using QTextEdit::QTextEdit;

    QSize sizeHint() const override
    {
        const int text = int(std::ceil(document()->size().height()));
        return {QTextEdit::sizeHint().width(), std::max(minimumHeight(), text + 2 * frameWidth())};
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QTextEdit::resizeEvent(event);
        if (event->size().width() != event->oldSize().width())
            updateGeometry(); // the text wraps differently: its height changes
    }
};

QTextEdit *makePane(const QString &accessibleName, QWidget *parent)
{
    auto *pane = new ValuePane(parent);
    pane->setReadOnly(true);
    pane->setAcceptRichText(false);
    pane->setLineWrapMode(QTextEdit::WidgetWidth);
    pane->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    pane->setPlaceholderText(ConflictsDialog::tr("(empty)"));
    pane->setAccessibleName(accessibleName);
    pane->setMinimumHeight(64);
    return pane;
}

QPushButton *makeButton(const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false); // a choice this weighty is never made by pressing Enter
    return button;
}

} // namespace

ConflictsDialog::ConflictsDialog(Store &store, QWidget *parent)
    : QDialog(parent), m_conflicts(store), m_list(new QListWidget(this)),
      m_pages(new QStackedWidget(this)), m_empty(new QLabel(this)), m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)), m_explanation(new QLabel(this)),
      m_beforeCaption(new QLabel(tr("Before"), this)),
      m_serverCaption(new QLabel(tr("Kept on the server"), this)), m_mineCaption(new QLabel(this)),
      m_beforeColumn(new QWidget(this)), m_before(makePane(tr("Before"), this)),
      m_server(makePane(tr("Kept on the server"), this)), m_mine(makePane(tr("Sent"), this)),
      m_legend(new QLabel(this)), m_actions(new QWidget(this)),
      m_keepServer(makeButton(QStringLiteral("keepServer"), this)),
      m_keepMine(makeButton(QStringLiteral("keepMine"), this)),
      m_merge(makeButton(QStringLiteral("merge"), this)),
      m_leaveDeleted(makeButton(QStringLiteral("leaveDeleted"), this)),
      m_restore(makeButton(QStringLiteral("restore"), this)),
      m_keepBoth(makeButton(QStringLiteral("keepBoth"), this)), m_mergeBox(new QWidget(this)),
      m_mergeEdit(new QPlainTextEdit(this)),
      m_saveMerge(makeButton(QStringLiteral("saveMerge"), this)),
      m_cancelMerge(makeButton(QStringLiteral("cancelMerge"), this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Conflicts to settle"));
    setModal(false);
    resize(1180, 680);

    // Left: what there is to settle.
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_list->setAccessibleName(tr("Conflicts to settle"));
    m_list->setItemDelegate(new HtmlItemDelegate(m_list));
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_list->setMinimumWidth(280);
    auto *listBox = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *listTitle = new QLabel(tr("<b>To settle</b>"), listBox);
    listTitle->setBuddy(m_list);
    listLayout->addWidget(listTitle);
    listLayout->addWidget(m_list, 1);

    // Right: the one selected.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("conflictTitle"));
    m_title->setWordWrap(true);
    m_subtitle->setObjectName(QStringLiteral("conflictSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setStyleSheet(kQuiet);
    m_subtitle->setWordWrap(true);
    m_explanation->setObjectName(QStringLiteral("conflictExplanation"));
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setWordWrap(true);

    const auto column = [this](QWidget *holder, QLabel *caption, QTextEdit *pane) {
        auto *layout = new QVBoxLayout(holder);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        QFont bold = caption->font();
        bold.setBold(true);
        caption->setFont(bold);
        caption->setTextFormat(Qt::PlainText);
        caption->setBuddy(pane);
        layout->addWidget(caption);
        layout->addWidget(pane, 1);
    };
    auto *serverColumn = new QWidget(this);
    auto *mineColumn = new QWidget(this);
    column(m_beforeColumn, m_beforeCaption, m_before);
    column(serverColumn, m_serverCaption, m_server);
    column(mineColumn, m_mineCaption, m_mine);
    m_before->setObjectName(QStringLiteral("beforePane"));
    m_server->setObjectName(QStringLiteral("serverPane"));
    m_mine->setObjectName(QStringLiteral("minePane"));
    auto *sides = new QHBoxLayout;
    sides->setSpacing(12);
    sides->addWidget(m_beforeColumn, 1);
    sides->addWidget(serverColumn, 1);
    sides->addWidget(mineColumn, 1);

    m_legend->setText(tr("<span style=\"background-color: %1;\">&nbsp;Highlighted&nbsp;</span> "
                         "words are where the two changes differ.")
                          .arg(kHighlight));
    m_legend->setStyleSheet(kQuiet);

    m_keepServer->setText(tr("Keep the &server's"));
    m_keepServer->setToolTip(tr("Keep the value the server has; the other change is dropped."));
    m_merge->setText(tr("&Merge…"));
    m_merge->setToolTip(tr("Write one value from both changes."));
    m_leaveDeleted->setText(tr("&Leave it deleted"));
    m_leaveDeleted->setAccessibleName(tr("Leave it deleted"));
    m_restore->setText(tr("&Restore as a new record"));
    m_restore->setAccessibleName(tr("Restore as a new record"));
    m_restore->setToolTip(tr("Bring the changed record back as a new record with the same "
                             "details."));
    m_keepBoth->setText(tr("Keep &both"));
    m_keepBoth->setAccessibleName(tr("Keep both"));
    auto *actionsLayout = new QHBoxLayout(m_actions);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *button :
         {m_keepServer, m_keepMine, m_merge, m_leaveDeleted, m_restore, m_keepBoth})
        actionsLayout->addWidget(button);
    actionsLayout->addStretch(1);
    connect(m_keepServer, &QPushButton::clicked, this, &ConflictsDialog::keepServer);
    connect(m_leaveDeleted, &QPushButton::clicked, this, &ConflictsDialog::keepServer);
    connect(m_keepBoth, &QPushButton::clicked, this, &ConflictsDialog::keepServer);
    connect(m_keepMine, &QPushButton::clicked, this, &ConflictsDialog::keepMine);
    connect(m_restore, &QPushButton::clicked, this, &ConflictsDialog::keepMine);
    connect(m_merge, &QPushButton::clicked, this, &ConflictsDialog::startMerge);

    // The merge editor, in place of the choices while it is open.
    auto *mergeLabel = new QLabel(tr("&Write the value to keep. Both changes are filled in to "
                                     "start from:"),
                                  m_mergeBox);
    mergeLabel->setWordWrap(true);
    mergeLabel->setBuddy(m_mergeEdit);
    m_mergeEdit->setObjectName(QStringLiteral("mergeEditor"));
    m_mergeEdit->setAccessibleName(tr("Merged value"));
    m_mergeEdit->setTabChangesFocus(true);
    m_mergeEdit->setMinimumHeight(90);
    m_saveMerge->setText(tr("&Keep this merged value"));
    m_saveMerge->setAccessibleName(tr("Keep this merged value"));
    m_cancelMerge->setText(tr("&Cancel merge"));
    m_cancelMerge->setAccessibleName(tr("Cancel merge"));
    auto *mergeButtons = new QHBoxLayout;
    mergeButtons->addWidget(m_saveMerge);
    mergeButtons->addWidget(m_cancelMerge);
    mergeButtons->addStretch(1);
    auto *mergeLayout = new QVBoxLayout(m_mergeBox);
    mergeLayout->setContentsMargins(0, 0, 0, 0);
    mergeLayout->addWidget(mergeLabel);
    mergeLayout->addWidget(m_mergeEdit);
    mergeLayout->addLayout(mergeButtons);
    m_mergeBox->hide();
    connect(m_saveMerge, &QPushButton::clicked, this, &ConflictsDialog::saveMerge);
    connect(m_cancelMerge, &QPushButton::clicked, this, &ConflictsDialog::cancelMerge);

    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #a33a3a;"));
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->hide();

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(12, 0, 0, 0);
    detailLayout->setSpacing(8);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_subtitle);
    detailLayout->addWidget(m_explanation);
    detailLayout->addSpacing(4);
    detailLayout->addLayout(sides);
    detailLayout->addWidget(m_legend);
    detailLayout->addSpacing(4);
    detailLayout->addWidget(m_actions);
    detailLayout->addWidget(m_mergeBox);
    detailLayout->addWidget(m_problem);
    detailLayout->addStretch(1);

    auto *split = new QSplitter(this);
    split->addWidget(listBox);
    split->addWidget(detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({320, 860});
    split->setChildrenCollapsible(false);

    // When there is nothing to settle, a calm line instead.
    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    QFont emptyFont = m_empty->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    m_empty->setFont(emptyFont);
    m_empty->setStyleSheet(kQuiet);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(split);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConflictsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 12);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConflictsDialog::showSelected);
    reload();
}

void ConflictsDialog::reload()
{
    rememberMergeDraft();
    const QString keepId = m_shownId;
    const int keepRow = m_list->currentRow();
    auto open = m_conflicts.open();

    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_open.clear();
    m_shownId.clear();
    if (!open) {
        // Saying "nothing to settle" would not be true: say what went wrong instead.
        m_empty->setText(tr("The conflicts could not be read. %1").arg(open.error().message));
        m_pages->setCurrentIndex(0);
        return;
    }
    m_open = std::move(open).value();
    if (m_open.isEmpty()) {
        m_empty->setText(tr("No conflicts to settle."));
        m_pages->setCurrentIndex(0);
        return;
    }

    const QLocale locale;
    int row = -1;
    for (const sync::Conflict &conflict : std::as_const(m_open)) {
        QString what;
        switch (conflict.kind) {
        case sync::Conflict::Kind::Field:
            what = conflict.fieldLabel;
            break;
        case sync::Conflict::Kind::Deleted:
            what = tr("Deleted on the server, changed on a laptop");
            break;
        case sync::Conflict::Kind::NoteRevision:
            what = tr("Two versions of one note");
            break;
        }
        const QString when = locale.toString(conflict.raisedAt.toTimeZone(Clock::londonZone()),
                                             tr("d MMM yyyy, HH:mm"));
        const QString raised = tr("Sent by %1, %2").arg(conflict.raisedBy, when);
        auto *item = new QListWidgetItem(QStringLiteral("<b>%1</b> · %2<br>%3<br><i>%4</i>")
                                             .arg(conflict.caseNumber.toHtmlEscaped(),
                                                  conflict.recordLabel.toHtmlEscaped(),
                                                  what.toHtmlEscaped(), raised.toHtmlEscaped()),
                                         m_list);
        item->setData(Qt::UserRole, conflict.id);
        item->setData(
            Qt::AccessibleTextRole,
            tr("Case %1, %2, %3. %4").arg(conflict.caseNumber, conflict.recordLabel, what, raised));
        if (conflict.id == keepId)
            row = m_list->count() - 1;
    }
    if (row < 0)
        row = std::clamp(keepRow, 0, m_list->count() - 1);
    m_list->setCurrentRow(row);
    m_pages->setCurrentIndex(1);
    showSelected();
}

const sync::Conflict *ConflictsDialog::selected() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const QString id = item->data(Qt::UserRole).toString();
    const auto found = std::find_if(m_open.cbegin(), m_open.cend(),
                                    [&](const sync::Conflict &c) { return c.id == id; });
    return found == m_open.cend() ? nullptr : &*found;
}

void ConflictsDialog::rememberMergeDraft()
{
    if (!m_shownId.isEmpty() && !m_mergeBox->isHidden())
        m_mergeDrafts.insert(m_shownId, m_mergeEdit->toPlainText());
}

void ConflictsDialog::showSelected()
{
    rememberMergeDraft();
    clearProblem();
    if (const sync::Conflict *conflict = selected())
        showConflict(*conflict);
    else
        m_shownId.clear();
}

void ConflictsDialog::showConflict(const sync::Conflict &conflict)
{
    using Kind = sync::Conflict::Kind;
    m_shownId = conflict.id;
    const QString who = conflict.raisedBy.isEmpty() ? tr("another laptop") : conflict.raisedBy;

    m_subtitle->setText(tr("Case %1 · %2").arg(conflict.caseNumber, conflict.recordLabel));
    m_mineCaption->setText(tr("Sent by %1").arg(who));
    m_mine->setAccessibleName(tr("Sent by %1").arg(who));

    bool differs = false;
    switch (conflict.kind) {
    case Kind::Field:
        m_title->setText(tr("%1 was changed in two places").arg(conflict.fieldLabel));
        m_explanation->setText(tr("The server kept one change and %1 sent another. Keep one of "
                                  "them, or merge the two into one value.")
                                   .arg(who));
        m_beforeColumn->show();
        fillPlain(m_before, conflict.before);
        differs = fillCompared(m_server, conflict.server, m_mine, conflict.mine);
        break;
    case Kind::Deleted:
        m_title->setText(tr("Deleted on the server, changed on a laptop"));
        m_explanation->setText(tr("This record was deleted on the server while %1 was changing "
                                  "it on a laptop. Leave it deleted, or restore it as a new "
                                  "record with the changes %1 made.")
                                   .arg(who));
        m_beforeColumn->setVisible(!conflict.before.isEmpty());
        fillPlain(m_before, conflict.before);
        fillPlain(m_server, conflict.server);
        fillPlain(m_mine, conflict.mine);
        break;
    case Kind::NoteRevision:
        m_title->setText(tr("Two versions of one note"));
        m_explanation->setText(tr("Both versions are kept in the note's history.") +
                               QLatin1Char(' ') +
                               tr("Nothing is lost. If something needs correcting, add an "
                                  "amendment to the note."));
        m_beforeColumn->setVisible(!conflict.before.isEmpty());
        fillPlain(m_before, conflict.before);
        differs = fillCompared(m_server, conflict.server, m_mine, conflict.mine);
        break;
    }
    m_legend->setVisible(differs);

    m_keepMine->setText(tr("Keep %1's").arg(who));
    m_keepMine->setAccessibleName(tr("Keep the change sent by %1").arg(who));
    m_keepMine->setToolTip(tr("Keep the value %1 sent; the server's is replaced.").arg(who));
    m_keepServer->setAccessibleName(tr("Keep the server's value"));
    m_keepServer->setVisible(conflict.kind == Kind::Field);
    m_keepMine->setVisible(conflict.kind == Kind::Field);
    m_merge->setVisible(conflict.kind == Kind::Field && conflict.mergeable);
    m_leaveDeleted->setVisible(conflict.kind == Kind::Deleted);
    m_restore->setVisible(conflict.kind == Kind::Deleted);
    m_keepBoth->setVisible(conflict.kind == Kind::NoteRevision);

    // A merge the FCA had started on this one comes back as they left it.
    const auto draft = m_mergeDrafts.constFind(conflict.id);
    if (conflict.kind == Kind::Field && draft != m_mergeDrafts.cend()) {
        m_mergeEdit->setPlainText(*draft);
        m_mergeBox->show();
        m_actions->hide();
    } else {
        m_mergeBox->hide();
        m_mergeEdit->clear();
        m_actions->show();
    }
}

void ConflictsDialog::startMerge()
{
    const sync::Conflict *conflict = selected();
    if (!conflict)
        return;
    QStringList both;
    for (const QString &value : {conflict->server, conflict->mine}) {
        if (!value.isEmpty())
            both.append(value);
    }
    m_mergeEdit->setPlainText(both.join(QLatin1Char('\n')));
    m_actions->hide();
    m_mergeBox->show();
    m_mergeEdit->setFocus(Qt::OtherFocusReason);
    m_mergeEdit->moveCursor(QTextCursor::End);
    clearProblem();
}

void ConflictsDialog::cancelMerge()
{
    m_mergeDrafts.remove(m_shownId);
    m_mergeBox->hide();
    m_mergeEdit->clear();
    m_actions->show();
    clearProblem();
}

void ConflictsDialog::saveMerge()
{
    const sync::Conflict *conflict = selected();
    if (!conflict)
        return;
    const QString id = conflict->id;
    finishSettle(id, m_conflicts.keepMerged(id, m_mergeEdit->toPlainText()));
}

void ConflictsDialog::keepServer()
{
    const sync::Conflict *conflict = selected();
    if (!conflict)
        return;
    const QString id = conflict->id;
    finishSettle(id, m_conflicts.keepServer(id));
}

void ConflictsDialog::keepMine()
{
    const sync::Conflict *conflict = selected();
    if (!conflict)
        return;
    const QString id = conflict->id;
    finishSettle(id, m_conflicts.keepMine(id));
}

void ConflictsDialog::finishSettle(const QString &conflictId, const Result<void> &result)
{
    if (!result) {
        // Whatever was being written in the merge editor stays there.
        showProblem(result.error().message);
        return;
    }
    m_mergeDrafts.remove(conflictId);
    m_mergeBox->hide();
    m_mergeEdit->clear();
    m_actions->show();
    reload();
    emit settled();
}

void ConflictsDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
}

void ConflictsDialog::clearProblem()
{
    m_problem->clear();
    m_problem->hide();
}

} // namespace lantern
