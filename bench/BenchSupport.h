#pragma once
// What every benchmark shares: timing, the median/p95 report against a target, and the
// argument parsing and offscreen start-up.

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QList>

#include <algorithm>
#include <cstdio>

namespace bench {

inline double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Prints "what  median  p95  max  (target) ok|MISSED".
inline void report(const char *what, QList<double> samples, double targetMs)
{
    if (samples.isEmpty())
        return;
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) {
        return samples.at(std::min(samples.size() - 1, qsizetype(q * double(samples.size()))));
    };
    const double median = at(0.5);
    std::printf("%-46s median %7.2f ms  p95 %7.2f ms  max %7.2f ms  (target < %.0f ms) %s\n", what,
                median, at(0.95), samples.constLast(), targetMs,
                median < targetMs ? "ok" : "MISSED");
}

// Runs without a display unless one is there (call before the QApplication is made).
inline void useOffscreenWithoutDisplay()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

// Reads "--NAME N" (with a default) and "--runs N".
struct Sizes
{
    int count = 0;
    int runs = 0;
};

inline Sizes parseSizes(const QCoreApplication &app, const QString &name, int defaultCount,
                        int defaultRuns)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption countOption(name, QStringLiteral("How many."), QStringLiteral("N"),
                                         QString::number(defaultCount));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs."),
                                        QStringLiteral("N"), QString::number(defaultRuns));
    parser.addOption(countOption);
    parser.addOption(runsOption);
    parser.process(app);
    return {std::max(1, parser.value(countOption).toInt()),
            std::max(1, parser.value(runsOption).toInt())};
}

} // namespace bench
