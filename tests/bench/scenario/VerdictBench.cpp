// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the live judgement (not a CTest test): a one-hour lab session (about 194 000
// events) arrives as a live run delivers it, in batches, and is judged after each batch as the
// scenario runner does. Prints the median and worst cost per batch over the last batches of the
// hour, for the live evaluation (fed one event at a time) and for judging the whole session
// again (how the runner worked before). Exits 3 when the live evaluation misses its target.
//   verdict-bench [--batches N] [--batch-ms MS]

#include "OneHourRecording.h"

#include "lab/scenario/LiveEvaluation.h"
#include "lab/scenario/ScenarioCatalog.h"
#include "lab/scenario/ScenarioEvaluator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <limits>

using namespace halfopen;

namespace {

constexpr double kTargetMs = 1.0;

struct Figures
{
    double medianMs = 0;
    double maxMs = 0;
};

// CPU time of this thread: what the judgement costs, whatever else the machine is doing.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

Figures figures(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms.empty() ? 0 : ms.at(ms.size() / 2), ms.empty() ? 0 : ms.back()};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption batchesOption(QStringLiteral("batches"),
                                           QStringLiteral("Batches timed at the end of the hour."), QStringLiteral("n"),
                                           QStringLiteral("200"));
    const QCommandLineOption batchMsOption(QStringLiteral("batch-ms"), QStringLiteral("Event time one batch covers."),
                                           QStringLiteral("ms"), QStringLiteral("20"));
    parser.addOptions({batchesOption, batchMsOption});
    parser.process(app);
    const int timedBatches = std::max(1, parser.value(batchesOption).toInt());
    const qint64 batchUs = std::max(1, parser.value(batchMsOption).toInt()) * 1000LL;

    const QList<core::Event> hour = bench::oneHourOfEvents();
    // A built-in scenario's expectations, so the judgement is as costly as a real one.
    QString error;
    const auto scenario = lab::ScenarioCatalog::builtIn(QStringLiteral("keepalive-detects-powered-off-peer"), &error);
    if (!scenario) {
        std::fprintf(stderr, "verdict-bench: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 readyUs = hour.first().tUs;
    const qint64 endUs = std::numeric_limits<qint64>::max();

    // The batches a live run hands over: every event within batchUs of the batch's first.
    QList<qsizetype> batchEnds;
    for (qsizetype i = 0; i < hour.size();) {
        const qint64 until = hour.at(i).tUs + batchUs;
        while (i < hour.size() && hour.at(i).tUs < until)
            ++i;
        batchEnds.append(i);
    }
    const qsizetype firstTimed = std::max<qsizetype>(0, batchEnds.size() - timedBatches);

    lab::LiveEvaluation live(*scenario);
    QList<core::Event> session;
    session.reserve(hour.size());
    std::vector<double> liveMs, wholeMs, liveCpuMs, wholeCpuMs;
    qsizetype from = 0;
    QElapsedTimer total;
    total.start();
    for (qsizetype b = 0; b < batchEnds.size(); ++b) {
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        for (qsizetype i = from; i < batchEnds.at(b); ++i) {
            session.append(hour.at(i));
            live.noteInserted(session.constLast(), session.size() - 1);
        }
        const lab::ScenarioOutcome outcome = live.evaluate(session, readyUs, endUs);
        const double ms = t.nsecsElapsed() / 1e6;
        const double cpuMs = threadCpuMs() - cpu0;
        if (b >= firstTimed) {
            liveMs.push_back(ms);
            liveCpuMs.push_back(cpuMs);
            QElapsedTimer w;
            w.start();
            const double wholeCpu0 = threadCpuMs();
            const lab::ScenarioOutcome whole = lab::ScenarioEvaluator::evaluate(*scenario, session, readyUs, endUs);
            wholeCpuMs.push_back(threadCpuMs() - wholeCpu0);
            wholeMs.push_back(w.nsecsElapsed() / 1e6);
            if (whole.toJson() != outcome.toJson()) {
                std::fprintf(stderr,
                             "verdict-bench: the live judgement differs from the whole session's at batch %lld\n",
                             qint64(b));
                return 1;
            }
        }
        from = batchEnds.at(b);
    }
    const Figures l = figures(liveMs);
    const Figures w = figures(wholeMs);
    const Figures lc = figures(liveCpuMs);
    const Figures wc = figures(wholeCpuMs);
    std::printf("## Live judgement of a one-hour lab session (%lld events, %lld batches of %lld ms)\n\n",
                qint64(hour.size()), qint64(batchEnds.size()), batchUs / 1000);
    std::printf("Cost per batch over the last %d batches of the hour (the batch's events added, the run judged).\n\n",
                int(liveMs.size()));
    std::printf(
        "Wall time is what the window waits; CPU time (this thread) is what a busy machine distorts least.\n\n");
    std::printf("| judgement | median wall | max wall | median CPU | max CPU | target (median wall) |\n"
                "|---|---:|---:|---:|---:|---:|\n");
    const bool met = l.medianMs <= kTargetMs;
    std::printf("| live (fed one event at a time) | %.3f ms | %.3f ms | %.3f ms | %.3f ms | <= %.0f ms: %s |\n",
                l.medianMs, l.maxMs, lc.medianMs, lc.maxMs, kTargetMs, met ? "met" : "MISSED");
    std::printf("| whole session again (before) | %.3f ms | %.3f ms | %.3f ms | %.3f ms | - |\n", w.medianMs, w.maxMs,
                wc.medianMs, wc.maxMs);
    std::printf("\nWhole hour fed live in %.2f s (with the comparison runs); late-event restarts: %d\n",
                total.nsecsElapsed() / 1e9, live.restarts());
    return met ? 0 : 3;
}
