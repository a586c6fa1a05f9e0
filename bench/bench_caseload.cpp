// The working view on a big store: time from start to the first paint of the filled caseload,
// the time to refilter on each keystroke, and the time to open a case file.
//
//   build/release/bench/bench_caseload [--cases 5000] [--runs 15]
//
// Runs under QT_QPA_PLATFORM=offscreen when there is no display. Prints medians and p95.
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

struct Stats
{
    double median;
    double p95;
    double max;
};

Stats stats(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) {
        return samples.at(qMin(samples.size() - 1, qsizetype(q * double(samples.size()))));
    };
    return {at(0.5), at(0.95), samples.constLast()};
}

void report(const char *what, const QList<double> &samples, double targetMs)
{
    const Stats s = stats(samples);
    std::printf("%-44s median %7.2f ms  p95 %7.2f ms  max %7.2f ms  (target < %.0f ms) %s\n", what,
                s.median, s.p95, s.max, targetMs, s.median < targetMs ? "ok" : "MISSED");
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the user's settings
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption casesOption(QStringLiteral("cases"), QStringLiteral("Cases."),
                                         QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs."),
                                        QStringLiteral("N"), QStringLiteral("15"));
    parser.addOption(casesOption);
    parser.addOption(runsOption);
    parser.process(app);
    const int cases = parser.value(casesOption).toInt();
    const int runs = parser.value(runsOption).toInt();

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
        std::printf("Generated %d cases in %.0f ms\n", cases, msSince(timer));
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
        startup.append(msSince(timer));
        if (window.caseloadView()->table()->model()->rowCount() == 0) {
            std::fprintf(stderr, "The caseload was empty.\n");
            return 1;
        }
    }
    report("start to first paint of the caseload", startup, 200);

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
                keystrokes.append(msSince(timer));
            }
        }
    }
    filter->clear();
    report("refilter per keystroke", keystrokes, 16);

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
        opens.append(msSince(timer));
    }
    report("open a case file", opens, 50);
    return 0;
}
