#include "LettersPane.h"

#include "domain/Clock.h"
#include "domain/Labels.h"
#include "letters/LetterDrafter.h"
#include "letters/LetterPdf.h"
#include "letters/LetterRepository.h"
#include "letters/Readability.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QSyntaxHighlighter>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace lantern {

namespace {

// Marks what is still to fill in ("[recommendation]") so it cannot be missed.
class MissingFieldHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression marker(QStringLiteral("\\[[a-z_]+\\]|\\{\\{|\\}\\}"));
        QTextCharFormat format;
        format.setBackground(QColor(0xFF, 0xE0, 0x8A));
        format.setFontWeight(QFont::Bold);
        auto matches = marker.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), format);
        }
    }
};

QString shortKind(LetterKind kind)
{
    return kind == LetterKind::Introduction ? LettersPane::tr("Introduction")
                                            : LettersPane::tr("Goodbye");
}

void printLetter(Store &store, const Letter &letter, QPrinter *printer)
{
    QImage qr;
    auto html = LetterPdf::pageHtml(store, letter, &qr);
    if (!html)
        return;
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    if (!qr.isNull())
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("qr:feedback")), qr);
    document.setHtml(*html);
    document.print(printer);
}

} // namespace

LetterEditor::LetterEditor(Store &store, const QUuid &letterId, QWidget *parent)
    : QWidget(parent), m_store(store), m_letterId(letterId), m_heading(new QLabel(this)),
      m_text(new QTextEdit(this)), m_problems(new QListWidget(this)), m_reading(new QLabel(this)),
      m_status(new QLabel(this)), m_preview(new QPushButton(tr("Pre&view…"), this)),
      m_print(new QPushButton(tr("&Print…"), this)),
      m_finalise(new QPushButton(tr("&Finalise"), this)),
      m_sent(new QPushButton(tr("Record as &sent…"), this)), m_saveTimer(new QTimer(this))
{
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_text->setAcceptRichText(true);
    // About the width of the printed page, so lines read as they will on paper.
    m_text->setLineWrapMode(QTextEdit::FixedPixelWidth);
    m_text->setLineWrapColumnOrWidth(m_text->fontMetrics().averageCharWidth() * 78);
    m_text->setAccessibleName(tr("Letter text"));
    new MissingFieldHighlighter(m_text->document());
    m_problems->setAccessibleName(tr("Before this letter can be finalised"));
    m_problems->setWordWrap(true);
    m_problems->setMaximumHeight(120);
    m_reading->setWordWrap(true);
    m_status->setWordWrap(true);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(800);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_preview);
    buttons->addWidget(m_print);
    buttons->addWidget(m_finalise);
    buttons->addWidget(m_sent);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_reading);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);

    connect(m_text, &QTextEdit::textChanged, m_saveTimer, qOverload<>(&QTimer::start));
    connect(m_saveTimer, &QTimer::timeout, this, &LetterEditor::saveAndCheck);
    connect(m_finalise, &QPushButton::clicked, this, &LetterEditor::finalise);
    connect(m_preview, &QPushButton::clicked, this, &LetterEditor::preview);
    connect(m_print, &QPushButton::clicked, this, &LetterEditor::print);
    connect(m_sent, &QPushButton::clicked, this, &LetterEditor::markSent);
    load();
}

void LetterEditor::load()
{
    auto letter = LetterRepository(m_store).get(m_letterId);
    if (!letter) {
        m_heading->setText(letter.error().message);
        setEnabled(false);
        return;
    }
    m_letter = *letter;
    if (auto child = ChildRepository(m_store).get(m_letter.childId)) {
        m_childName = child->preferredName.isEmpty()
                          ? child->legalName.section(QLatin1Char(' '), 0, 0)
                          : child->preferredName;
        m_childAge = child->ageOn(m_store.clock().today());
    }
    m_heading->setText(
        tr("%1 to %2 (%3)")
            .arg(labelOf(m_letter.kind), m_childName,
                 m_letter.language == QLatin1String("cy") ? tr("Welsh") : tr("English")));
    const QSignalBlocker blocker(m_text);
    m_text->setHtml(m_letter.bodyHtml);
    showState();
}

void LetterEditor::showState()
{
    const bool locked = m_letter.isFinalised();
    m_text->setReadOnly(locked);
    const ReadingEstimate estimate =
        Readability::estimate(m_text->toPlainText(), m_letter.language);
    m_reading->setText(Readability::describe(estimate, m_childName, m_childAge));
    m_reading->setStyleSheet(Readability::tooHardFor(estimate, m_childAge)
                                 ? QStringLiteral("color: #8a4b00;")
                                 : QString());
    m_problems->clear();
    if (!locked) {
        auto problems = LetterRepository(m_store).problems(m_letterId);
        if (problems)
            for (const LetterProblem &problem : std::as_const(*problems))
                m_problems->addItem(QStringLiteral("⚠ ") + problem.message);
    }
    m_problems->setVisible(m_problems->count() > 0);
    m_finalise->setEnabled(!locked && m_problems->count() == 0);
    m_finalise->setToolTip(m_problems->count() > 0 ? tr("Deal with the points listed above first.")
                                                   : QString());
    m_sent->setEnabled(locked && m_letter.status != LetterStatus::Sent);
    const QLocale locale;
    if (m_letter.status == LetterStatus::Sent)
        m_status->setText(
            tr("Sent on %1 by %2.")
                .arg(locale.toString(m_letter.sentOn, QLocale::ShortFormat), m_letter.sentHow));
    else if (locked)
        m_status->setText(tr("Finalised on %1: it can no longer change.")
                              .arg(locale.toString(m_letter.finalisedAt.toLocalTime().date(),
                                                   QLocale::ShortFormat)));
    else
        m_status->setText(tr("Draft: saved as you type."));
}

void LetterEditor::saveAndCheck()
{
    m_saveTimer->stop();
    if (m_letter.isFinalised())
        return;
    auto saved = LetterRepository(m_store).saveDraft(m_letterId, m_text->toHtml());
    if (!saved) {
        m_status->setText(saved.error().message);
        return;
    }
    m_letter = *saved;
    showState();
}

void LetterEditor::finalise()
{
    saveAndCheck();
    if (m_letter.isFinalised())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Finalise this letter?"),
        tr("A finalised letter is kept exactly as it is, with its PDF, and cannot change. A "
           "correction would be a new letter."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    auto done = LetterRepository(m_store).finalise(m_letterId);
    if (!done) {
        QMessageBox::warning(this, tr("Not finalised"), done.error().message);
        showState();
        return;
    }
    m_letter = *done;
    showState();
    emit letterChanged(m_letterId);
    emit letterFinalised(m_letterId);
}

void LetterEditor::preview()
{
    saveAndCheck();
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Letter as printed"));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this,
            [this](QPrinter *p) { printLetter(m_store, m_letter, p); });
    dialog.exec();
}

void LetterEditor::print()
{
    saveAndCheck();
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        printLetter(m_store, m_letter, &printer);
}

void LetterEditor::markSent()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Record as sent"));
    auto *day = new QDateEdit(m_store.clock().today(), &dialog);
    day->setCalendarPopup(true);
    day->setMaximumDate(m_store.clock().today());
    auto *how = new QComboBox(&dialog);
    how->addItem(tr("By post"), QStringLiteral("post"));
    how->addItem(tr("By hand"), QStringLiteral("hand"));
    how->addItem(tr("By email"), QStringLiteral("email"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Sent on:"), day);
    form->addRow(tr("&How:"), how);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto sent =
        LetterRepository(m_store).markSent(m_letterId, day->date(), how->currentData().toString());
    if (!sent) {
        QMessageBox::warning(this, tr("Not recorded"), sent.error().message);
        return;
    }
    m_letter = *sent;
    showState();
    emit letterChanged(m_letterId);
}

LettersPane::LettersPane(Store &store, const QUuid &caseId, QWidget *parent)
    : QWidget(parent), m_store(store), m_caseId(caseId), m_list(new QTreeWidget(this)),
      m_introductions(new QPushButton(tr("Draft &introduction letters"), this)),
      m_goodbyes(new QPushButton(tr("Draft &goodbye letters"), this)),
      m_editorHolder(new QWidget(this)),
      m_empty(new QLabel(tr("Choose a letter, or draft letters for every child of the case: "
                            "each is written for that child's age and language."),
                         this))
{
    m_list->setHeaderLabels({tr("Child"), tr("Letter"), tr("Status")});
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Letters"));
    m_list->header()->setStretchLastSection(true);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    auto *holderLayout = new QVBoxLayout(m_editorHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addWidget(m_empty);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_introductions);
    leftLayout->addWidget(m_goodbyes);
    leftLayout->addWidget(m_list, 1);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(m_editorHolder);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(split);

    connect(m_introductions, &QPushButton::clicked, this,
            [this] { draftAll(LetterKind::Introduction); });
    connect(m_goodbyes, &QPushButton::clicked, this, [this] { draftAll(LetterKind::Goodbye); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            openLetter(item->data(0, Qt::UserRole).toUuid());
    });
    reload();
}

void LettersPane::reload()
{
    const QUuid current = m_editor ? m_editor->letter().meta.id : QUuid();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    auto children = ChildRepository(m_store).forCase(m_caseId);
    auto letters = LetterRepository(m_store).forCase(m_caseId);
    if (!children || !letters)
        return;
    QHash<QUuid, QString> names;
    for (const Child &child : std::as_const(*children))
        names.insert(child.meta.id, child.nameToUse());
    for (const Letter &letter : std::as_const(*letters)) {
        auto *item = new QTreeWidgetItem(
            m_list, {names.value(letter.childId), shortKind(letter.kind), labelOf(letter.status)});
        item->setData(0, Qt::UserRole, letter.meta.id);
        if (letter.meta.id == current)
            m_list->setCurrentItem(item);
    }
    // A child with no introduction letter yet is listed too, so the gap shows.
    for (const Child &child : std::as_const(*children)) {
        const bool has = std::any_of(letters->cbegin(), letters->cend(), [&](const Letter &l) {
            return l.childId == child.meta.id && l.kind == LetterKind::Introduction;
        });
        if (!has) {
            auto *item = new QTreeWidgetItem(
                m_list, {child.nameToUse(), shortKind(LetterKind::Introduction), tr("None yet")});
            item->setForeground(2, QColor(0x8a, 0x4b, 0x00));
            item->setFlags(Qt::ItemIsEnabled);
        }
    }
    m_list->resizeColumnToContents(0);
}

void LettersPane::draftAll(LetterKind kind)
{
    auto drafted = LetterDrafter::draftForCase(m_store, m_caseId, kind);
    if (!drafted) {
        QMessageBox::warning(this, tr("Letters not drafted"), drafted.error().message);
        return;
    }
    reload();
    if (!drafted->isEmpty())
        openLetter(drafted->constFirst().meta.id);
    emit lettersChanged();
}

void LettersPane::openLetter(const QUuid &letterId)
{
    if (letterId.isNull())
        return;
    if (m_editor) {
        m_editor->saveAndCheck();
        m_editor->deleteLater();
    }
    m_empty->hide();
    m_editor = new LetterEditor(m_store, letterId, m_editorHolder);
    m_editorHolder->layout()->addWidget(m_editor);
    connect(m_editor, &LetterEditor::letterChanged, this, [this] {
        reload();
        emit lettersChanged();
    });
    connect(m_editor, &LetterEditor::letterFinalised, this, &LettersPane::letterFinalised);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toUuid() == letterId) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentItem(m_list->topLevelItem(i));
        }
}

} // namespace lantern
