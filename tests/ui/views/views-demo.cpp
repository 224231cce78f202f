// SPDX-License-Identifier: GPL-3.0-or-later
// Replays a recording into the socket table and the timeline, side by side in one window, at
// ten times its speed, and saves PNGs of both: once at --at seconds (mid-scenario: the table
// still has its rows) and once at the end (the chart has the whole story), plus the chart's
// own PNG and SVG export. With --stay the window stays open afterwards. --bench N times the
// first paint of both views over N synthetic events instead.

#include "core/session/JsonlReader.h"
#include "core/session/Session.h"
#include "models/SocketTableModel.h"
#include "models/TimelineModel.h"
#include "ui/views/SocketTableView.h"
#include "ui/views/TimelineAnnotations.h"
#include "ui/views/TimelineChart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>

using namespace halfopen;

namespace {
// A long capture: packets of every class from both hosts and a sample every ten packets, spread
// over an hour, then both views built over the session and painted once.
int firstPaintBench(int count)
{
    static const QStringList classes = {QStringLiteral("data"),
                                        QStringLiteral("ack"),
                                        QStringLiteral("keepalive-probe"),
                                        QStringLiteral("keepalive-ack"),
                                        QStringLiteral("retransmission"),
                                        QStringLiteral("heartbeat-ping"),
                                        QStringLiteral("heartbeat-pong")};
    core::Session session;
    const qint64 t0 = 1'000'000'000;
    for (int i = 0; i < count; ++i) {
        core::Event e;
        e.tUs = t0 + qint64(i) * 3'600'000'000LL / qMax(1, count);
        e.host = i % 2 ? halfopen::core::Host::Server : halfopen::core::Host::Client;
        e.local = i % 2 ? QStringLiteral("198.18.0.2:5000") : QStringLiteral("198.18.0.1:40000");
        e.remote = i % 2 ? QStringLiteral("198.18.0.1:40000") : QStringLiteral("198.18.0.2:5000");
        if (i % 10 == 9) {
            e.kind = core::EventKind::Sample;
            core::TcpInfoSample sample;
            sample.state = core::TcpState::Established;
            sample.rtoUs = quint32(204'000 << (i / 10 % 5));
            e.sample = sample;
        } else {
            e.kind = core::EventKind::Packet;
            e.what = classes.at(i % classes.size());
        }
        session.add(e);
    }
    QElapsedTimer timer;
    timer.start();
    models::TimelineModel timelineModel(&session);
    models::SocketTableModel tableModel(&session);
    const qint64 modelsMs = timer.elapsed();
    ui::TimelineChart chart(&timelineModel);
    ui::SocketTableView table(&tableModel);
    chart.resize(1500, 700);
    table.resize(1500, 260);
    chart.showAll();
    const qint64 builtMs = timer.elapsed();
    const QPixmap chartPixels = chart.grab();
    const qint64 chartMs = timer.elapsed();
    const QPixmap tablePixels = table.grab();
    const qint64 totalMs = timer.elapsed();
    qInfo("%d events: models %lld ms, views built %lld ms, chart painted %lld ms, table painted %lld ms: "
          "first paint of both %lld ms after the session was full (%d points kept per series)",
          count, modelsMs, builtMs - modelsMs, chartMs - builtMs, totalMs - chartMs, totalMs,
          int(timelineModel.maxPointsPerSeries()));
    return chartPixels.isNull() || tablePixels.isNull() ? 1 : 0;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("recording"), QStringLiteral("a session recorded as JSONL"));
    parser.addPositionalArgument(QStringLiteral("outdir"), QStringLiteral("where the PNGs go"));
    QCommandLineOption at(QStringLiteral("at"), QStringLiteral("mid-scenario grab, seconds since the origin"),
                          QStringLiteral("seconds"), QStringLiteral("3.5"));
    QCommandLineOption speed(QStringLiteral("speed"), QStringLiteral("replay speed factor"), QStringLiteral("factor"),
                             QStringLiteral("10"));
    QCommandLineOption stay(QStringLiteral("stay"), QStringLiteral("keep the window open"));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("a dark palette"));
    QCommandLineOption bench(
        QStringLiteral("bench"),
        QStringLiteral("instead of a recording: N synthetic events over an hour; prints the time to the first paint"),
        QStringLiteral("events"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("window size"), QStringLiteral("WxH"),
                            QStringLiteral("1500x960"));
    parser.addOptions({at, speed, stay, dark, bench, size});
    parser.process(app);
    if (parser.isSet(bench))
        return firstPaintBench(parser.value(bench).toInt());
    if (parser.positionalArguments().size() != 2)
        parser.showHelp(2);
    const QString outDir = parser.positionalArguments().at(1);
    QDir().mkpath(outDir);

    if (parser.isSet(dark)) {
        app.setStyle(QStringLiteral("Fusion"));
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x22));
        p.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x2b));
        p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
        p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x39));
        p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x96));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x70, 0x76));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x70, 0x76));
        app.setPalette(p);
    }

    const core::JsonlReadResult recording = core::readJsonl(parser.positionalArguments().at(0));
    if (!recording.opened || recording.events.isEmpty()) {
        qCritical("cannot read %s: %s", qPrintable(parser.positionalArguments().at(0)),
                  qPrintable(recording.openError));
        return 1;
    }

    core::Session session;
    session.setOriginUs(recording.events.first().tUs);
    models::SocketTableModel tableModel(&session);
    models::TimelineModel timelineModel(&session);

    QWidget window;
    window.setWindowTitle(QStringLiteral("HalfOpen views demo"));
    auto *splitter = new QSplitter(Qt::Vertical, &window);
    auto *table = new ui::SocketTableView(&tableModel, splitter);
    auto *chart = new ui::TimelineChart(&timelineModel, splitter);
    splitter->addWidget(table);
    splitter->addWidget(chart);
    splitter->setSizes({260, 700});
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(splitter);
    window.resize(parser.value(size).section(QLatin1Char('x'), 0, 0).toInt(),
                  parser.value(size).section(QLatin1Char('x'), 1, 1).toInt());
    window.show();

    const qint64 origin = recording.events.first().tUs;
    const double atSeconds = parser.value(at).toDouble();
    const double factor = parser.value(speed).toDouble();
    qsizetype next = 0;
    double offset = 0; // replay seconds before the clock (re)started
    bool midDone = false;
    bool waiting = false;
    QElapsedTimer clock;
    QTimer feed;
    feed.setInterval(10);
    const auto grab = [&](const QString &suffix) {
        table->grab().save(outDir + QStringLiteral("/table-%1.png").arg(suffix));
        chart->grab().save(outDir + QStringLiteral("/chart-%1.png").arg(suffix));
        window.grab().save(outDir + QStringLiteral("/window-%1.png").arg(suffix));
    };
    QObject::connect(&feed, &QTimer::timeout, [&] {
        if (waiting)
            return;
        const double replayS = offset + clock.elapsed() / 1000.0 * factor;
        const double limit = midDone ? replayS : qMin(replayS, atSeconds);
        while (next < recording.events.size() && (recording.events[next].tUs - origin) / 1e6 <= limit)
            session.add(recording.events[next++]);
        if (!midDone && replayS >= atSeconds) {
            waiting = true;
            QTimer::singleShot(400, [&] {
                grab(QStringLiteral("mid"));
                midDone = true;
                waiting = false;
                offset = atSeconds;
                clock.restart();
            });
            return;
        }
        if (midDone && next == recording.events.size()) {
            feed.stop();
            QTimer::singleShot(600, [&] {
                grab(QStringLiteral("end"));
                // The hover callout on the first probe or retransmission, as the mouse would show it.
                for (const QString &packetClass :
                     {QStringLiteral("keepalive-probe"), QStringLiteral("retransmission"), QStringLiteral("rst")}) {
                    const int series = timelineModel.packetSeries(packetClass);
                    if (series < 0 || timelineModel.series(series).points().isEmpty())
                        continue;
                    const QPointF p = timelineModel.series(series).points().first();
                    chart->showDetailsAt(p.x(), ui::TimelineAnnotations::laneY(int(p.y())));
                    chart->grab().save(outDir + QStringLiteral("/chart-hover.png"));
                    break;
                }
                chart->exportPng(outDir + QStringLiteral("/timeline-export.png"));
                chart->exportSvg(outDir + QStringLiteral("/timeline-export.svg"));
                if (!parser.isSet(stay))
                    app.quit();
            });
        }
    });
    QTimer::singleShot(300, [&] {
        clock.start();
        feed.start();
    });
    return app.exec();
}
