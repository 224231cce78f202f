// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a CTest test): a one-hour recording (~194 000 events, ~67 MB of JSONL) opened
// in the application's window the way File > Open recording does it (SessionFiles::open ->
// LabSessionController::openRecording), on the offscreen platform. Reports the median of
// several openings: time to the first paint of the timeline with events in it (target <= 1 s),
// time until every event is in and painted, and the process's CPU time over the opening.
// Exits 3 when the target is missed.
//   window-replay-bench [--repeat N] [--recording PATH]

#include "OneHourRecording.h"

#include "control/LabSessionController.h"
#include "core/session/Session.h"
#include "lab/LabProcess.h"
#include "models/ScenarioListModel.h"
#include "models/TimelineModel.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/SessionFiles.h"
#include "ui/views/TimelineChart.h"
#include "ui/views/TimelineChartView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace halfopen;

namespace {

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Notes when the timeline's lane chart paints: the first time with events drawn, and the
// first time after the whole recording is in.
class PaintWatch : public QObject
{
public:
    PaintWatch(QWidget *viewport, const models::TimelineModel *model, const QElapsedTimer *clock)
        : m_model(model)
        , m_clock(clock)
    {
        viewport->installEventFilter(this);
    }

    double firstMs = -1;
    double completeMs = -1;
    bool allIn = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || !m_clock->isValid())
            return QObject::eventFilter(watched, event);
        // Timed when the paint is done, which is when the user sees it: the paint is delivered
        // from here, past this filter, and not again.
        auto *widget = static_cast<QWidget *>(watched);
        widget->removeEventFilter(this);
        QCoreApplication::sendEvent(widget, event);
        widget->installEventFilter(this);
        const double now = m_clock->nsecsElapsed() / 1e6;
        bool hasPoints = false;
        for (int i = 0; i < m_model->seriesCount() && !hasPoints; ++i)
            hasPoints = !m_model->series(i).points().isEmpty();
        if (hasPoints && firstMs < 0)
            firstMs = now;
        if (allIn && completeMs < 0)
            completeMs = now;
        return true;
    }

private:
    const models::TimelineModel *m_model;
    const QElapsedTimer *m_clock;
};

struct Opening
{
    double firstPaintMs = 0;
    double allInMs = 0;
    double completePaintMs = 0;
    double cpuMs = 0;
    double rssMb = 0;      // the process's resident memory with the window showing all of it
    double emptyRssMb = 0; // ... with the window shown and nothing opened yet
    qsizetype events = 0;
};

// VmRSS or VmHWM of this process, in MB.
double statusMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

QList<models::ScenarioListModel::Entry> noScenarios()
{
    return {};
}

Opening openOnce(const QString &recording)
{
    QTemporaryDir dir;
    ui::AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    lab::LabProcess lab(lab::LabProcess::Options{}); // never started: a replay runs no lab
    control::LabSessionController controller(&lab);
    models::ScenarioListModel scenarios(noScenarios());
    ui::MainWindow window(&controller, &scenarios, &settings);
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("the window was not shown");
    QTest::qWait(200); // settled: nothing from the window's own start is counted
    const double emptyRssMb = statusMb("VmRSS:");

    auto *chart = window.findChild<ui::TimelineChart *>(QStringLiteral("timelineChart"));
    QElapsedTimer clock;
    PaintWatch watch(chart->laneView()->viewport(), controller.timeline(), &clock);
    double allInMs = -1;
    QObject::connect(&controller, &control::LabSessionController::recordingOpened, &controller, [&] {
        allInMs = clock.nsecsElapsed() / 1e6;
        watch.allIn = true;
        chart->laneView()->viewport()->update(); // the chart repaints what it got last
    });
    const double cpuBefore = processCpuMs();
    clock.start();
    if (!window.files()->open(recording))
        qFatal("could not open %s", qPrintable(recording));
    while (watch.completeMs < 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    Opening o;
    o.cpuMs = processCpuMs() - cpuBefore;
    o.firstPaintMs = watch.firstMs;
    o.allInMs = allInMs;
    o.completePaintMs = watch.completeMs;
    o.events = controller.session()->size();
    QTest::qWait(500); // the event log and table settle
    o.rssMb = statusMb("VmRSS:");
    o.emptyRssMb = emptyRssMb;
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Openings to take the median of."),
                                          QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption recordingOption(QStringLiteral("recording"),
                                             QStringLiteral("Open this recording (written first when missing)."),
                                             QStringLiteral("path"));
    parser.addOptions({repeatOption, recordingOption});
    parser.process(app);

    QTemporaryDir dir;
    const QString path = parser.isSet(recordingOption) ? parser.value(recordingOption)
                                                       : dir.filePath(QStringLiteral("one-hour.jsonl"));
    if (!QFileInfo::exists(path))
        bench::writeOneHourRecording(path);

    QList<double> first, allIn, complete, cpu;
    double firstRssMb = 0;
    double emptyRssMb = 0;
    qsizetype events = 0;
    const int repeat = qMax(1, parser.value(repeatOption).toInt());
    for (int i = 0; i < repeat; ++i) {
        const Opening o = openOnce(path);
        first.append(o.firstPaintMs);
        allIn.append(o.allInMs);
        complete.append(o.completePaintMs);
        cpu.append(o.cpuMs);
        if (i == 0) {
            firstRssMb = o.rssMb;
            emptyRssMb = o.emptyRssMb;
        }
        events = o.events;
        std::fprintf(stderr, "opening %d: first paint %.0f ms, all in %.0f ms, painted %.0f ms, CPU %.0f ms\n", i + 1,
                     o.firstPaintMs, o.allInMs, o.completePaintMs, o.cpuMs);
    }
    std::printf("## The window opens a one-hour recording (%lld events, %.1f MB JSONL), median of %d\n\n",
                static_cast<long long>(events), QFileInfo(path).size() / 1e6, repeat);
    std::printf("| step | time | target |\n|---|---:|---:|\n");
    std::printf("| File > Open to the first paint of the timeline with events | %.0f ms | <= 1000 ms |\n",
                median(first));
    std::printf("| ... to every event in the session and the models | %.0f ms | - |\n", median(allIn));
    std::printf("| ... to the timeline painted with all of it | %.0f ms | - |\n", median(complete));
    std::printf("| CPU time of the process over the opening (both threads) | %.0f ms | - |\n", median(cpu));
    // The recording's events reach the Session in chunks as a live run's do, so this is also
    // the memory of a window after a one-hour live session with the same events.
    const double peakMb = statusMb("VmHWM:");
    std::printf("| memory (RSS) with all of it shown, first opening | %.0f MB | < 400 MB: %s |\n", firstRssMb,
                firstRssMb < 400 ? "met" : "missed");
    // What each event kept costs: the session, the models and the views, over the empty window.
    std::printf("| ... over the empty window (%.0f MB), per event | %.2f KB | <= 0.35 KB |\n", emptyRssMb,
                events > 0 ? (firstRssMb - emptyRssMb) * 1024.0 / double(events) : 0.0);
    std::printf("| peak memory (VmHWM) over %d openings | %.0f MB | - |\n", repeat, peakMb);
    const bool met = median(first) <= 1000 && firstRssMb < 400;
    std::printf("\nfirst paint %s, memory %s\n", median(first) <= 1000 ? "met" : "missed",
                firstRssMb < 400 ? "met" : "missed");
    return met ? 0 : 3;
}
