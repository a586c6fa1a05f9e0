// Notes at scale: search over 200,000 notes, saving a 10,000-word draft, and what the editor
// does on the UI thread per autosave (reading the document; the write itself runs on the
// store worker's thread).
//
//   build/release/bench/bench_notes [--notes 200000] [--runs 30]
#include "BenchSupport.h"
#include "domain/Clock.h"
#include "notes/NoteRepository.h"
#include "notes/NoteSearch.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextDocument>

#include <algorithm>
#include <cstdio>

using namespace lantern;

namespace {

// A vocabulary shaped like real notes: a few function words are everywhere, and a long tail
// of other words follows Zipf's law. The domain words searched for sit at realistic ranks.
struct Vocabulary
{
    QStringList words;
    QList<double> cumulative;

    Vocabulary()
    {
        const QStringList function = {
            QStringLiteral("the"),  QStringLiteral("and"), QStringLiteral("to"),
            QStringLiteral("she"),  QStringLiteral("he"),  QStringLiteral("said"),
            QStringLiteral("they"), QStringLiteral("was"), QStringLiteral("with"),
            QStringLiteral("her"),  QStringLiteral("his"), QStringLiteral("about"),
            QStringLiteral("at"),   QStringLiteral("we"),  QStringLiteral("that")};
        words = function;
        const QStringList syllables = {
            QStringLiteral("ka"),  QStringLiteral("lo"),  QStringLiteral("mi"),
            QStringLiteral("ser"), QStringLiteral("tan"), QStringLiteral("vor"),
            QStringLiteral("bel"), QStringLiteral("ni"),  QStringLiteral("dra"),
            QStringLiteral("ful"), QStringLiteral("gen"), QStringLiteral("ho"),
            QStringLiteral("pri"), QStringLiteral("ste"), QStringLiteral("wy"),
            QStringLiteral("rod")};
        for (int i = 0; words.size() < 8000; ++i)
            words << syllables.at(i % 16) + syllables.at((i / 16) % 16) +
                         syllables.at((i / 256) % 16) +
                         (i >= 4096 ? QStringLiteral("e") : QString());
        // Domain words at the ranks such words have in notes.
        const QList<QPair<int, QString>> placed = {
            {120, QStringLiteral("school")},      {200, QStringLiteral("mother")},
            {260, QStringLiteral("contact")},     {400, QStringLiteral("football")},
            {500, QStringLiteral("grandmother")}, {700, QStringLiteral("garden")},
            {900, QStringLiteral("worried")},     {1300, QStringLiteral("judge")},
            {1800, QStringLiteral("letter")},     {2500, QStringLiteral("birthday")},
            {3500, QStringLiteral("swimming")},   {5000, QStringLiteral("dŵr")}};
        for (const auto &[rank, word] : placed)
            words[rank] = word;
        double total = 0;
        for (int rank = 0; rank < words.size(); ++rank) {
            total += 1.0 / (rank + 1);
            cumulative.append(total);
        }
        for (double &c : cumulative)
            c /= total;
    }

    const QString &pick(QRandomGenerator &random) const
    {
        const double u = random.generateDouble();
        const auto at = std::lower_bound(cumulative.cbegin(), cumulative.cend(), u);
        return words.at(qMin(qsizetype(at - cumulative.cbegin()), words.size() - 1));
    }
};

QString sentence(QRandomGenerator &random, int length)
{
    static const Vocabulary vocabulary;
    QStringList out;
    for (int i = 0; i < length; ++i)
        out << vocabulary.pick(random);
    return out.join(QLatin1Char(' ')) + QLatin1Char('.');
}

} // namespace

int main(int argc, char *argv[])
{
    bench::useOffscreenWithoutDisplay();
    QApplication app(argc, argv);
    const auto [total, runs] = bench::parseSizes(app, QStringLiteral("notes"), 200000, 30);

    QTemporaryDir dir;
    SystemClock clock;
    auto opened = Store::open(dir.filePath(QStringLiteral("notes.db")), clock);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = **opened;
    QRandomGenerator random(42);

    // A store of `total` finalised notes over 400 cases, written through the write path.
    QElapsedTimer timer;
    timer.start();
    QList<QPair<QUuid, QUuid>> children; // (case, child)
    auto made = store.transaction([&]() -> Result<void> {
        for (int c = 0; c < 400; ++c) {
            Case record;
            record.caseNumber = QStringLiteral("BN%1").arg(c, 6, 10, QLatin1Char('0'));
            record.court = QStringLiteral("Family Court at Exampleton");
            record.issuedOn = clock.today().addDays(-300);
            auto added = CaseRepository(store).add(record);
            if (!added)
                return added.error();
            Child child;
            child.caseId = added->meta.id;
            child.legalName = QStringLiteral("Child %1").arg(c);
            child.dateOfBirth = clock.today().addYears(-9);
            auto kid = ChildRepository(store).add(child);
            if (!kid)
                return kid.error();
            children.append({added->meta.id, kid->meta.id});
        }
        return {};
    });
    if (!made)
        return 1;
    NoteRepository notes(store);
    for (int done = 0; done < total;) {
        const int batch = qMin(5000, total - done);
        auto written = store.transaction([&]() -> Result<void> {
            for (int i = 0; i < batch; ++i) {
                const auto &[caseId, childId] = children.at((done + i) % children.size());
                auto note = notes.start(caseId, {childId}, NoteKind::Visit,
                                        clock.nowUtc().addSecs(-3600 * (1 + (done + i) % 5000)));
                if (!note)
                    return note.error();
                const QString text = sentence(random, 40 + int(random.bounded(80)));
                if (auto d = notes.saveDraft(note->meta.id, text, text, 0); !d)
                    return d;
                if (auto f = notes.finalise(note->meta.id); !f)
                    return f.error();
            }
            return {};
        });
        if (!written) {
            std::fprintf(stderr, "%s\n", qPrintable(written.error().message));
            return 1;
        }
        done += batch;
    }
    std::printf("Wrote %d finalised notes in %.1f s\n", total, bench::msSince(timer) / 1000);

    // 1. Search: the first page of results (50), for common, rare and prefix queries.
    NoteSearch search(store);
    // A common word, two together, a rare Welsh word, prefixes as typed, and three words.
    const QStringList queries = {QStringLiteral("football"),
                                 QStringLiteral("grandmother garden"),
                                 QStringLiteral("dŵr"),
                                 QStringLiteral("birth"),
                                 QStringLiteral("worried judge"),
                                 QStringLiteral("swim"),
                                 QStringLiteral("school contact mother")};
    QList<double> searches;
    for (int run = 0; run < runs; ++run) {
        for (const QString &query : queries) {
            QElapsedTimer t;
            t.start();
            auto hits = search.search(query);
            searches.append(bench::msSince(t));
            if (!hits || hits->isEmpty()) {
                std::fprintf(stderr, "No results for a query that must match.\n");
                return 1;
            }
        }
    }
    bench::report("search, first page of 50", searches, 20);

    // 2. Saving a 10,000-word draft (the write the worker thread does).
    auto draftNote = notes.start(children.at(0).first, {children.at(0).second}, NoteKind::Visit,
                                 clock.nowUtc().addSecs(-60));
    QString longText;
    while (longText.count(QLatin1Char(' ')) < 10000)
        longText += sentence(random, 20) + QLatin1Char(' ');
    QTextDocument document;
    document.setPlainText(longText);
    const QString html = document.toHtml();
    QList<double> saves;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        if (!notes.saveDraft(draftNote->meta.id, html, longText, run))
            return 1;
        saves.append(bench::msSince(t));
    }
    bench::report("save a 10,000-word draft (worker thread)", saves, 10);

    // 3. What an autosave costs the UI thread: reading the editor's document.
    QList<double> snapshots;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        const QString h = document.toHtml();
        const QString p = document.toPlainText();
        snapshots.append(bench::msSince(t));
        if (h.isEmpty() || p.isEmpty())
            return 1;
    }
    bench::report("autosave cost on the UI thread (10,000 words)", snapshots, 5);
    return 0;
}
