// The working view on a big store: time from start to the first paint of the filled caseload,
// the time to refilter on each keystroke, and the time to open a case file.
//
//   build/release/bench/bench_caseload [--cases 5000] [--runs 15]
//
// Runs under QT_QPA_PLATFORM=offscreen when there is no display. Prints medians and p95.
#include "BenchSupport.h"
#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "models/CaseloadFilterProxy.h"
#include "models/CaseloadModel.h"
#include "store/CaseloadQuery.h"
#include "store/Store.h"
#include "widgets/CaseFileView.h"
#include "widgets/CaseloadView.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPaintEvent>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace lantern;

namespace {

// Notes when a widget has painted for the first time.
class PaintWatcher : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    bench::useOffscreenWithoutDisplay();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the user's settings
    const auto [cases, runs] = bench::parseSizes(app, QStringLiteral("cases"), 5000, 15);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    SystemClock clock;
    {
        auto store = Store::open(path, clock);
        if (!store) {
            std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        DemoOptions options;
        options.cases = cases;
        auto made = DemoGenerator::generate(**store, options);
        if (!made) {
            std::fprintf(stderr, "%s\n", qPrintable(made.error().message));
            return 1;
        }
        std::printf("Generated %d cases in %.0f ms\n", cases, bench::msSince(timer));
    }

    // 1. Start to first paint of the filled caseload: open the store, read, build, show.
    QList<double> startup;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto store = Store::open(path, clock);
        MainWindow window(**store);
        window.showCaseload();
        PaintWatcher watcher;
        window.caseloadView()->table()->viewport()->installEventFilter(&watcher);
        window.show();
        while (!watcher.painted)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        startup.append(bench::msSince(timer));
        if (window.caseloadView()->table()->model()->rowCount() == 0) {
            std::fprintf(stderr, "The caseload was empty.\n");
            return 1;
        }
    }
    bench::report("start to first paint of the caseload", startup, 200);

    // 2. Refilter on each keystroke of a name, a case number fragment and a court.
    auto store = Store::open(path, clock);
    MainWindow window(**store);
    window.showCaseload();
    window.show();
    QLineEdit *filter = window.caseloadView()->filterEdit();
    QList<double> keystrokes;
    const QStringList typed = {QStringLiteral("amelia"), QStringLiteral("BS2"),
                               QStringLiteral("family court at"), QStringLiteral("zz")};
    for (int run = 0; run < qMax(1, runs / 5); ++run) {
        for (const QString &text : typed) {
            filter->clear();
            for (int i = 1; i <= text.size(); ++i) {
                QElapsedTimer timer;
                timer.start();
                filter->setText(text.left(i));
                keystrokes.append(bench::msSince(timer));
            }
        }
    }
    filter->clear();
    bench::report("refilter per keystroke", keystrokes, 16);

    // 3. Open a case file (build, lay out and paint it).
    auto rows = CaseloadQuery(**store).rows();
    QList<double> opens;
    for (int run = 0; run < runs; ++run) {
        const QUuid id = rows->at((run * 7919) % rows->size()).caseId;
        QElapsedTimer timer;
        timer.start();
        CaseFileView view(**store, id);
        view.resize(1280, 760);
        PaintWatcher watcher;
        view.installEventFilter(&watcher);
        view.show();
        while (!watcher.painted)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        opens.append(bench::msSince(timer));
    }
    bench::report("open a case file", opens, 50);
    return 0;
}
