#include "SearchDialog.h"

#include "domain/Clock.h"
#include "domain/Labels.h"
#include "notes/NoteSearch.h"
#include "store/StoreWorker.h"
#include "widgets/HtmlItemDelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

namespace lantern {

SearchDialog::SearchDialog(Store &store, StoreWorker &worker, QWidget *parent)
    : QDialog(parent), m_store(store), m_worker(worker), m_query(new QLineEdit(this)),
      m_kind(new QComboBox(this)), m_useDates(new QCheckBox(tr("&Between"), this)),
      m_from(new QDateEdit(this)), m_to(new QDateEdit(this)), m_results(new QListWidget(this)),
      m_summary(new QLabel(this)), m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Search notes"));
    resize(760, 560);
    m_query->setPlaceholderText(tr("Search every note: words, names, places"));
    m_query->setClearButtonEnabled(true);
    m_query->setAccessibleName(tr("Search words"));

    m_kind->addItem(tr("Any kind"), -1);
    for (NoteKind kind : allValues<NoteKind>())
        m_kind->addItem(labelOf(kind), int(kind));
    m_kind->setAccessibleName(tr("Kind of note"));

    const QDate today = store.clock().today();
    m_from->setDate(today.addMonths(-3));
    m_to->setDate(today);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    m_useDates->setAccessibleName(tr("Only notes between two dates"));
    connect(m_useDates, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useDates, &QCheckBox::toggled, m_to, &QWidget::setEnabled);

    m_results->setItemDelegate(new HtmlItemDelegate(m_results));
    m_results->setAccessibleName(tr("Matching notes"));
    m_results->setWordWrap(true);
    m_results->setAlternatingRowColors(true);
    m_summary->setAccessibleName(tr("Number of matches"));
    m_summary->setStyleSheet(QStringLiteral("color: #5f6b76;"));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &SearchDialog::search);
    const auto later = [this] {
        m_debounce->start();
    };
    connect(m_query, &QLineEdit::textChanged, this, later);
    connect(m_kind, &QComboBox::currentIndexChanged, this, later);
    connect(m_useDates, &QCheckBox::toggled, this, later);
    connect(m_from, &QDateEdit::dateChanged, this, later);
    connect(m_to, &QDateEdit::dateChanged, this, later);
    connect(m_results, &QListWidget::itemActivated, this, &SearchDialog::choose);
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0) {
            m_results->setCurrentRow(0);
            choose();
        }
    });

    auto *filters = new QHBoxLayout;
    auto *kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    filters->addWidget(kindLabel);
    filters->addWidget(m_kind);
    filters->addSpacing(12);
    filters->addWidget(m_useDates);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("and"), this));
    filters->addWidget(m_to);
    filters->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addLayout(filters);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_summary);
    m_query->setFocus();
}

void SearchDialog::search()
{
    const quint64 generation = ++m_generation;
    NoteSearchFilter filter;
    if (m_kind->currentData().toInt() >= 0)
        filter.kind = NoteKind(m_kind->currentData().toInt());
    if (m_useDates->isChecked()) {
        filter.from = m_from->date();
        filter.to = m_to->date();
    }
    const QString text = m_query->text();
    m_worker.run<QList<NoteHit>>(
        this, [text, filter](Store &store) { return NoteSearch(store).search(text, filter); },
        [this, generation](const Result<QList<NoteHit>> &hits) {
            if (generation != m_generation)
                return; // a newer search is on its way
            m_results->clear();
            if (!hits) {
                m_summary->setText(hits.error().message);
                emit resultsShown(0);
                return;
            }
            const QLocale locale;
            for (const NoteHit &hit : *hits) {
                const QString heading =
                    tr("<b>%1</b> · %2 · %3 · %4")
                        .arg(hit.childNames.join(QStringLiteral(", ")).toHtmlEscaped(),
                             hit.caseNumber.toHtmlEscaped(), labelOf(hit.kind).toHtmlEscaped(),
                             locale.toString(hit.contactAt.toTimeZone(Clock::londonZone()).date(),
                                             QLocale::ShortFormat));
                auto *item = new QListWidgetItem(heading + QStringLiteral("<br>") + hit.snippetHtml,
                                                 m_results);
                item->setData(Qt::UserRole, hit.caseId);
                item->setData(Qt::UserRole + 1, hit.noteId);
                item->setData(Qt::AccessibleTextRole,
                              tr("%1, case %2")
                                  .arg(hit.childNames.join(QStringLiteral(", ")), hit.caseNumber));
            }
            m_summary->setText(m_query->text().trimmed().isEmpty()
                                   ? QString()
                                   : tr("%n note(s) found", nullptr, int(hits->size())));
            emit resultsShown(int(hits->size()));
        });
}

void SearchDialog::choose()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item)
        return;
    emit noteChosen(item->data(Qt::UserRole).toUuid(), item->data(Qt::UserRole + 1).toUuid());
    accept();
}

} // namespace lantern
