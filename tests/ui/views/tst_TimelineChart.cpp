// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineChart on the offscreen platform: series per packet class after the model's
// notification, state bands, markers and the detection span with their labels, following and
// pausing, hover details, PNG and SVG export; a synthetic session and a recorded lab run.

#include "core/session/JsonlReader.h"
#include "core/session/MonotonicClock.h"
#include "core/session/Session.h"
#include "models/TimelineModel.h"
#include "tests/models/ModelFixtures.h"
#include "ui/views/PacketClassStyle.h"
#include "ui/views/RtoScale.h"
#include "ui/views/TimelineAnnotations.h"
#include "ui/views/TimelineChart.h"
#include "ui/views/TimelineChartView.h"
#include "ui/views/TimelineLegend.h"

#include <QCategoryAxis>
#include <QChart>
#include <QElapsedTimer>
#include <QFile>
#include <QFontMetrics>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QScreen>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <algorithm>

using namespace fixtures;
using halfopen::models::TimelineModel;
using halfopen::ui::TimelineChart;
using halfopen::ui::TimelineLegend;

namespace {
// Client keepalive after the server's power-off: three probes, ETIMEDOUT, the verdict; RTO
// samples that double on the server's data.
void powerOffStory(Session &session)
{
    session.add(state(0.0, halfopen::core::Host::Client, 40000, TcpState::SynSent, TcpState::Established));
    session.add(sample(0.0, halfopen::core::Host::Server, 5000));
    session.add(packet(0.1, halfopen::core::Host::Client, QStringLiteral("data")));
    session.add(packet(0.2, halfopen::core::Host::Server, QStringLiteral("ack")));
    session.add(packet(0.3, halfopen::core::Host::Server, QStringLiteral("data")));
    session.add(sample(0.3, halfopen::core::Host::Server, 5000, established(408, 10)));
    session.add(sample(0.7, halfopen::core::Host::Server, 5000, established(816, 10)));
    session.add(packet(0.35, halfopen::core::Host::Client, QStringLiteral("ack")));
    session.add(fault(1.0, halfopen::core::Host::Server, QStringLiteral("power-off")));
    session.add(packet(3.0, halfopen::core::Host::Client, QStringLiteral("keepalive-probe")));
    session.add(packet(4.0, halfopen::core::Host::Client, QStringLiteral("keepalive-probe")));
    session.add(packet(5.0, halfopen::core::Host::Client, QStringLiteral("keepalive-probe")));
    session.add(state(6.1, halfopen::core::Host::Client, 40000, TcpState::Established, TcpState::Closed));
    session.add(error(6.1, halfopen::core::Host::Client, 40000, ETIMEDOUT, DetectionMechanism::Keepalive));
    session.add(packet(6.1, halfopen::core::Host::Client, QStringLiteral("rst")));
}

QStringList sceneTexts(QChart *chart)
{
    QStringList texts;
    for (QGraphicsItem *item : chart->scene()->items()) {
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item); text && text->isVisible())
            texts.append(text->text());
    }
    return texts;
}

// This process's resident memory, in KiB (/proc/self/status VmRSS).
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

int pointsOf(const TimelineChart &chart, int modelSeries)
{
    const QXYSeries *series = chart.chartSeries(modelSeries);
    return series ? series->count() : -1;
}
} // namespace

class tst_TimelineChart : public QObject
{
    Q_OBJECT

private slots:
    // A heartbeat run as the lab reports it: the wire's ping and pong, the application's steps
    // (sent, received, answered), then misses and the death, beside a retransmission and an RST.
    // The legend lists each symbol once: the three steps drawn alike are one entry, and no two
    // entries look the same.
    void oneLegendEntryPerHeartbeatSymbol()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1200, 600);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        for (int i = 0; i < 3; ++i) {
            const double t = 0.5 * i;
            session.add(packet(t, halfopen::core::Host::Client, QStringLiteral("heartbeat-ping")));
            session.add(heartbeat(t, halfopen::core::Host::Client, QStringLiteral("sent")));
            session.add(heartbeat(t + 0.01, halfopen::core::Host::Server, QStringLiteral("received")));
            session.add(packet(t + 0.01, halfopen::core::Host::Server, QStringLiteral("heartbeat-pong")));
            session.add(heartbeat(t + 0.02, halfopen::core::Host::Client, QStringLiteral("answered")));
        }
        session.add(fault(1.2, halfopen::core::Host::Client, QStringLiteral("unplug")));
        session.add(packet(1.6, halfopen::core::Host::Client, QStringLiteral("retransmission")));
        session.add(heartbeat(2.0, halfopen::core::Host::Client, QStringLiteral("missed")));
        session.add(heartbeat(2.5, halfopen::core::Host::Client, QStringLiteral("missed")));
        session.add(heartbeat(3.0, halfopen::core::Host::Client, QStringLiteral("dead")));
        session.add(packet(3.0, halfopen::core::Host::Client, QStringLiteral("rst")));
        model.flush();
        QStringList entries;
        QSet<QString> symbols; // shape, colour and size of what each entry stands for
        for (const TimelineLegend::Entry &entry : chart.legend()->entries()) {
            entries << entry.label;
            symbols.insert(QStringLiteral("%1 %2 %3").arg(int(entry.shape)).arg(entry.color.name()).arg(entry.size));
        }
        const QStringList heartbeatEntries = entries.filter(QStringLiteral("heartbeat"));
        QCOMPARE(heartbeatEntries,
                 (QStringList{QStringLiteral("heartbeat ping"), QStringLiteral("heartbeat step (application)"),
                              QStringLiteral("heartbeat pong"), QStringLiteral("heartbeat missed"),
                              QStringLiteral("heartbeat: peer dead")}));
        QCOMPARE(entries.size(), int(QSet<QString>(entries.cbegin(), entries.cend()).size())); // each once
        QCOMPARE(symbols.size(), entries.size()); // no two entries drawn alike
        // Every series drawn still has its entry's symbol: the hidden entries' series look like
        // the shown one of the same name.
        for (QAbstractSeries *series : chart.laneChart()->series()) {
            auto *scatter = static_cast<QScatterSeries *>(series);
            QVERIFY2(symbols.contains(QStringLiteral("%1 %2 %3")
                                          .arg(int(scatter->markerShape()))
                                          .arg(scatter->color().name())
                                          .arg(scatter->markerSize())),
                     qPrintable(series->name()));
        }
        // The hover still says which step it was.
        chart.showAll();
        chart.showDetailsAt(1.02,
                            halfopen::ui::TimelineAnnotations::laneY(model.laneOf(halfopen::core::Host::Client)) + 0.2);
        QVERIFY2(chart.calloutText().contains(QStringLiteral("heartbeat answered")), qPrintable(chart.calloutText()));
    }

    // Issue 13: at 1366×768 the chart's own one-row legend cut its labels to "heartb…". The
    // legend wraps instead: every label whole, more rows as the timeline narrows, and the lanes
    // keep their room below it.
    void legendWrapsInsteadOfCuttingLabels()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1400, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QStringList classes{QStringLiteral("syn"),
                                  QStringLiteral("syn-ack"),
                                  QStringLiteral("ack"),
                                  QStringLiteral("data"),
                                  QStringLiteral("heartbeat-ping"),
                                  QStringLiteral("heartbeat-pong"),
                                  QStringLiteral("retransmission"),
                                  QStringLiteral("keepalive-probe"),
                                  QStringLiteral("keepalive-ack"),
                                  QStringLiteral("fin"),
                                  QStringLiteral("rst")};
        for (int i = 0; i < classes.size(); ++i)
            session.add(packet(0.1 * i, halfopen::core::Host::Client, classes.at(i)));
        session.add(heartbeat(2.0, halfopen::core::Host::Client, QStringLiteral("missed")));
        session.add(heartbeat(2.5, halfopen::core::Host::Client, QStringLiteral("dead")));
        model.flush();
        TimelineLegend *legend = chart.legend();
        QCOMPARE(legend->entries().size(), classes.size() + 2);

        for (const int width : {1400, 850, 500}) {
            chart.resize(width, 500);
            QTRY_COMPARE(legend->width(), chart.laneView()->width());
            QTRY_VERIFY(legend->height() >= legend->heightForWidth(legend->width()));
            const QList<QRect> rects = legend->entryRects(legend->width());
            QCOMPARE(rects.size(), legend->entries().size());
            const QFontMetrics fm(legend->font());
            for (qsizetype i = 0; i < rects.size(); ++i) {
                // Inside the legend, and wide enough for the whole label beside its symbol.
                QVERIFY2(legend->rect().contains(rects.at(i)),
                         qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in %6x%7")
                                        .arg(legend->entries().at(i).label)
                                        .arg(rects.at(i).x())
                                        .arg(rects.at(i).y())
                                        .arg(rects.at(i).width())
                                        .arg(rects.at(i).height())
                                        .arg(legend->width())
                                        .arg(legend->height())));
                QVERIFY(rects.at(i).width() > fm.horizontalAdvance(legend->entries().at(i).label));
                for (qsizetype j = 0; j < i; ++j)
                    QVERIFY(!rects.at(i).intersects(rects.at(j)));
            }
            QVERIFY(legend->height() >= legend->heightForWidth(legend->width()));
            QVERIFY(chart.laneView()->geometry().top() >= legend->geometry().bottom());
        }
        QVERIFY(legend->rowCount(500) > legend->rowCount(1400));
        QVERIFY(legend->rowCount(500) >= 3);

        // The exported picture carries the legend above the lanes.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.png"));
        QVERIFY(chart.exportPng(path));
        const QImage image(path);
        QCOMPARE(image.height(),
                 2
                     * (legend->heightForWidth(chart.laneView()->width()) + chart.laneView()->height()
                        + chart.rtoView()->height()));
    }

    // Real network without a capture: the probes tcp_info counted are drawn see-through in the
    // lane and the legend says where they come from.
    void countedProbesAreDrawnAndNamed()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1000, 400);
        TcpInfoSample s = established();
        session.add(sample(0.0, halfopen::core::Host::Client, 40000, s));
        s.probes = 1;
        session.add(sample(1.0, halfopen::core::Host::Client, 40000, s));
        model.flush();
        const int counted = model.countedSeries(QStringLiteral("keepalive-probe"));
        QVERIFY(counted >= 0);
        auto *series = qobject_cast<QScatterSeries *>(chart.chartSeries(counted));
        QVERIFY(series);
        QCOMPARE(series->markerShape(), halfopen::ui::packetClassStyle(QStringLiteral("keepalive-probe")).shape);
        QVERIFY(series->color().alpha() < 255);
        QVERIFY(std::any_of(chart.legend()->entries().cbegin(), chart.legend()->entries().cend(),
                            [](const TimelineLegend::Entry &e) {
                                return e.label == QStringLiteral("keepalive probe (counted by tcp_info, no capture)");
                            }));
        chart.showAll();
        QCOMPARE(pointsOf(chart, counted), 1);
    }

    // A cut cable with data in flight: the kernel's tail-loss probe, then the retransmission
    // timer's retransmissions. The probe has its own legend entry and symbol (the diamond drawn
    // hollow), and the hover names it, not "retransmission".
    void tailLossProbeHasItsOwnSymbol()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1200, 600);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        session.add(packet(0.0, halfopen::core::Host::Client, QStringLiteral("syn"))); // the time origin
        session.add(packet(0.5, halfopen::core::Host::Client, QStringLiteral("data")));
        session.add(fault(0.6, halfopen::core::Host::Server, QStringLiteral("unplug")));
        session.add(packet(0.9, halfopen::core::Host::Client, QStringLiteral("tail-loss-probe")));
        for (int i = 0; i < 5; ++i)
            session.add(packet(1.1 + 0.2 * (1 << i), halfopen::core::Host::Client, QStringLiteral("retransmission")));
        model.flush();
        const QXYSeries *probe = chart.chartSeries(model.packetSeries(QStringLiteral("tail-loss-probe")));
        const QXYSeries *retransmission = chart.chartSeries(model.packetSeries(QStringLiteral("retransmission")));
        QVERIFY(probe);
        QVERIFY(retransmission);
        QCOMPARE(probe->count(), 1);
        QCOMPARE(retransmission->count(), 5);
        QCOMPARE(probe->brush().style(), Qt::NoBrush); // an outline
        QCOMPARE(retransmission->brush().style(), Qt::SolidPattern);
        // The legend: an entry of its own, drawn as on the lane (an outline, no fill).
        const QList<TimelineLegend::Entry> &legend = chart.legend()->entries();
        const auto entry = [&](const QString &label) {
            return std::find_if(legend.cbegin(), legend.cend(),
                                [&](const TimelineLegend::Entry &e) { return e.label == label; });
        };
        const auto probeEntry = entry(QStringLiteral("tail-loss probe (TLP)"));
        const auto retransmissionEntry = entry(QStringLiteral("retransmission"));
        QVERIFY(probeEntry != legend.cend());
        QVERIFY(retransmissionEntry != legend.cend());
        QCOMPARE(probeEntry->color.alpha(), 0);
        QVERIFY(probeEntry->borderWidth > 1);
        QCOMPARE(retransmissionEntry->color.alpha(), 255);
        QVERIFY(probeEntry->borderColor != retransmissionEntry->borderColor);
        chart.showAll();
        chart.showDetailsAt(0.9, halfopen::ui::TimelineAnnotations::laneY(model.laneOf(halfopen::core::Host::Client)));
        QVERIFY2(chart.calloutText().contains(QStringLiteral("tail-loss probe (TLP) packet")),
                 qPrintable(chart.calloutText()));
        QVERIFY2(!chart.calloutText().contains(QStringLiteral("retransmission")), qPrintable(chart.calloutText()));
    }

    void seriesPerPacketClassAfterNotification()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1200, 700);
        chart.show();
        // An empty chart says what will appear.
        QVERIFY(sceneTexts(chart.laneChart()).join(QLatin1Char(' ')).contains(QStringLiteral("Nothing to draw yet")));
        powerOffStory(session);
        // Nothing drawn before the model's batched notification.
        QCOMPARE(chart.chartSeries(model.packetSeries(QStringLiteral("keepalive-probe"))), nullptr);
        model.flush();

        QCOMPARE(pointsOf(chart, model.packetSeries(QStringLiteral("keepalive-probe"))), 3);
        QCOMPARE(pointsOf(chart, model.packetSeries(QStringLiteral("data"))), 2);
        QCOMPARE(pointsOf(chart, model.packetSeries(QStringLiteral("ack"))), 2);
        QCOMPARE(pointsOf(chart, model.packetSeries(QStringLiteral("rst"))), 1);
        QVERIFY(!sceneTexts(chart.laneChart()).join(QLatin1Char(' ')).contains(QStringLiteral("Nothing to draw yet")));
        // Packets sit in their sender's lane: the client's (first seen) on top at y = 0.
        const QXYSeries *probes = chart.chartSeries(model.packetSeries(QStringLiteral("keepalive-probe")));
        QCOMPARE(probes->at(0).y(),
                 halfopen::ui::TimelineAnnotations::laneY(model.laneOf(halfopen::core::Host::Client)));
        QCOMPARE(probes->name(), QStringLiteral("keepalive probe"));
        QVERIFY(qobject_cast<const QScatterSeries *>(probes));

        // The RTO plot: a step line per socket, its points doubling.
        const int rto = model.rtoSeries(sample(0, halfopen::core::Host::Server, 5000).socketKey());
        QVERIFY(rto >= 0);
        auto *line = qobject_cast<QLineSeries *>(chart.chartSeries(rto));
        QVERIFY(line);
        QCOMPARE(line->chart(), chart.rtoChart());
        QList<double> ys;
        for (const QPointF &p : line->points())
            ys.append(qRound(halfopen::ui::RtoScale::ms(p.y()))); // plotted as log2 of ms
        QVERIFY(ys.contains(204));
        QVERIFY(ys.contains(408));
        QVERIFY(ys.contains(816));

        // More packets: the same series, one replace.
        session.add(packet(6.5, halfopen::core::Host::Client, QStringLiteral("keepalive-probe")));
        model.flush();
        QCOMPARE(pointsOf(chart, model.packetSeries(QStringLiteral("keepalive-probe"))), 4);
    }

    // A short CLOSE_WAIT under the kill's marker and the EOF's label: its name is shown where
    // no other label is, not hidden under them.
    void stateNamesAreNotCoveredByLabels()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1200, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        session.add(state(0.0, halfopen::core::Host::Client, 40000, TcpState::SynSent, TcpState::Established));
        session.add(state(0.0, halfopen::core::Host::Server, 5000, TcpState::SynRecv, TcpState::Established));
        session.add(fault(1.0, halfopen::core::Host::Server, QStringLiteral("kill-process")));
        session.add(state(1.0, halfopen::core::Host::Client, 40000, TcpState::Established, TcpState::CloseWait));
        session.add(error(1.0, halfopen::core::Host::Client, 40000, 0, DetectionMechanism::Fin));
        session.add(state(1.05, halfopen::core::Host::Server, 5000, TcpState::Established, TcpState::FinWait1));
        session.add(state(1.1, halfopen::core::Host::Server, 5000, TcpState::FinWait1, TcpState::FinWait2));
        session.add(state(1.6, halfopen::core::Host::Client, 40000, TcpState::CloseWait, TcpState::Closed));
        session.add(state(1.6, halfopen::core::Host::Server, 5000, TcpState::FinWait2, TcpState::Closed));
        model.flush();
        chart.showAll();
        QList<QGraphicsSimpleTextItem *> texts;
        for (QGraphicsItem *item : chart.laneChart()->scene()->items()) {
            if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
                text && text->isVisible() && !text->text().isEmpty())
                texts.append(text);
        }
        const auto named = [&texts](const QString &name) -> QGraphicsSimpleTextItem * {
            for (QGraphicsSimpleTextItem *t : texts)
                if (t->text() == name)
                    return t;
            return nullptr;
        };
        QGraphicsSimpleTextItem *closeWait = named(QStringLiteral("CLOSE_WAIT"));
        QVERIFY(closeWait);
        for (QGraphicsSimpleTextItem *other : std::as_const(texts)) {
            if (other != closeWait)
                QVERIFY2(!other->sceneBoundingRect().intersects(closeWait->sceneBoundingRect()),
                         qPrintable(other->text()));
        }
    }

    // Issue 13, 1366×768: the client's detection span ("1.75 s after the fault by heartbeat") sat
    // under the "ETIMEDOUT on client" and the server's marker labels. The span's label is the
    // answer: it moves clear of the marker labels, and where there is no room the marker label
    // gives way.
    void spanLabelIsNotCoveredByMarkerLabels()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        // The lanes as small as at 1366×768: without the RTO plot the chart is its minimum height,
        // and the lanes are that minimum (two lines each), not what a splitter share left them.
        // With the RTO plot shown the lanes got more room than in the window, and the old layout
        // passed this test with its labels on top of each other at 1366×768.
        chart.setRtoPlotVisible(false);
        chart.resize(600, 150);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        session.add(state(0.0, halfopen::core::Host::Client, 40000, TcpState::SynSent, TcpState::Established));
        session.add(state(0.0, halfopen::core::Host::Server, 5000, TcpState::SynRecv, TcpState::Established));
        session.add(fault(1.25, halfopen::core::Host::Server, QStringLiteral("unplug")));
        session.add(error(3.0, halfopen::core::Host::Client, 40000, ETIMEDOUT, DetectionMechanism::Heartbeat));
        // The verdicts as the lab writes them: measured from the fault, so the span says so.
        Event client = verdict(3.0, halfopen::core::Host::Client, 1.25, 3.0, DetectionMechanism::Heartbeat, ETIMEDOUT);
        client.detail.insert(QStringLiteral("reference"), QStringLiteral("fault"));
        session.add(client);
        session.add(state(3.0, halfopen::core::Host::Client, 40000, TcpState::Established, TcpState::Closed));
        session.add(error(6.1, halfopen::core::Host::Server, 5000, ETIMEDOUT, DetectionMechanism::Keepalive));
        Event server = verdict(6.1, halfopen::core::Host::Server, 1.25, 6.1, DetectionMechanism::Keepalive, ETIMEDOUT);
        server.detail.insert(QStringLiteral("reference"), QStringLiteral("last_received"));
        session.add(server);
        session.add(state(6.1, halfopen::core::Host::Server, 5000, TcpState::Established, TcpState::Closed));
        model.flush();
        chart.showAll();
        QTRY_VERIFY(!chart.annotations()->spanLabels().isEmpty());
        QList<QGraphicsSimpleTextItem *> spans;
        QList<QGraphicsSimpleTextItem *> markers;
        for (QGraphicsItem *item : chart.laneChart()->scene()->items()) {
            auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
            if (!text || !text->isVisible() || text->text().isEmpty())
                continue;
            if (chart.annotations()->spanLabels().contains(text->text()))
                spans.append(text);
            else if (chart.annotations()->markerLabels().contains(text->text()))
                markers.append(text);
        }
        QCOMPARE(spans.size(), chart.annotations()->spanLabels().size());
        for (QGraphicsSimpleTextItem *span : std::as_const(spans)) {
            QVERIFY(chart.laneChart()->plotArea().contains(span->sceneBoundingRect()));
            for (QGraphicsSimpleTextItem *marker : std::as_const(markers))
                QVERIFY2(!marker->sceneBoundingRect().intersects(span->sceneBoundingRect()),
                         qPrintable(marker->text() + QStringLiteral(" covers ") + span->text()));
        }
    }

    // Issue 13: marker labels ("unplug server") sat over the top lane's packets (the tail-loss
    // probe's diamond hidden at 1366×768). They go in a strip above the lanes.
    void markerLabelsDoNotCoverPackets()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(600, 150); // lanes as small as at 1366×768
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        session.add(state(0.0, halfopen::core::Host::Client, 40000, TcpState::SynSent, TcpState::Established));
        session.add(state(0.0, halfopen::core::Host::Server, 5000, TcpState::SynRecv, TcpState::Established));
        session.add(fault(1.0, halfopen::core::Host::Server, QStringLiteral("unplug")));
        for (int i = 0; i < 8; ++i)
            session.add(packet(1.05 + 0.05 * i, halfopen::core::Host::Client, QStringLiteral("retransmission")));
        session.add(
            error(3.0, halfopen::core::Host::Client, 40000, ETIMEDOUT, DetectionMechanism::RetransmissionTimeout));
        model.flush();
        chart.showAll();
        QTRY_VERIFY(!chart.annotations()->markerLabels().isEmpty());
        const auto *series = chart.chartSeries(model.packetSeries(QStringLiteral("retransmission")));
        QVERIFY(series && series->count() > 0);
        const double half = static_cast<const QScatterSeries *>(series)->markerSize() / 2;
        // What is wrong, or empty: every marker label above the lanes and clear of every packet.
        const auto problem = [&]() -> QString {
            const QRectF plot = chart.laneChart()->plotArea();
            int markerTexts = 0;
            for (QGraphicsItem *item : chart.laneChart()->scene()->items()) {
                auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
                if (!text || !text->isVisible() || !chart.annotations()->markerLabels().contains(text->text()))
                    continue;
                ++markerTexts;
                const QRectF label = text->sceneBoundingRect();
                if (label.bottom() > plot.top() + 1)
                    return text->text() + QStringLiteral(" is inside the lanes");
                for (const QPointF &p : series->points()) {
                    const QPointF at = chart.laneView()->positionOf(p);
                    if (label.intersects(QRectF(at - QPointF(half, half), at + QPointF(half, half))))
                        return text->text() + QStringLiteral(" covers a packet");
                }
            }
            return markerTexts == 2 ? QString() : QStringLiteral("%1 marker labels shown").arg(markerTexts);
        };
        QTRY_VERIFY2(problem().isEmpty(), qPrintable(problem()));
    }

    // What is on screen (the backing store, not a fresh grab) after a run replaced another: no
    // piece of the earlier run's RTO line is left where the new run drew nothing.
    void rtoPlotKeepsNoFragmentsOfAnEarlierRun()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1000, 600);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        // Run 1: the server's RTO doubling for six seconds.
        double rto = 204;
        for (int i = 0; i <= 12; ++i, rto = qMin(rto * 1.3, 12000.0))
            session.add(sample(0.5 * i, halfopen::core::Host::Server, 5000, established(rto, 100)));
        model.flush();
        chart.showAll();
        const auto screenImage = [&chart] {
            QCoreApplication::processEvents();
            QWidget *view = chart.rtoView()->viewport();
            const QPoint origin = view->mapTo(&chart, QPoint(0, 0));
            return chart.screen()
                ->grabWindow(chart.winId(), origin.x(), origin.y(), view->width(), view->height())
                .toImage();
        };
        const auto inkOf = [](const QImage &image, QColor colour) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    n += qAbs(c.red() - colour.red()) + qAbs(c.green() - colour.green())
                            + qAbs(c.blue() - colour.blue())
                        < 40;
                }
            return n;
        };
        const QColor server = halfopen::ui::socketLineColor(1);
        QTRY_VERIFY(inkOf(screenImage(), server) > 50);
        // Run 2: the client only, a second of samples.
        session.clear();
        for (int i = 0; i <= 4; ++i)
            session.add(sample(0.25 * i, halfopen::core::Host::Client, 40000, established(204, 0)));
        model.flush();
        chart.showAll();
        QTRY_VERIFY(inkOf(screenImage(), halfopen::ui::socketLineColor(0)) > 20);
        QCOMPARE(inkOf(screenImage(), server), 0);
    }

    // Issue 13, defect 6: during a live run the RTO plot's time labels and grid were left on
    // screen in pieces (0.1 s steps under the new 0.2 s ones, "0.0 s .0 s") and earlier runs'
    // pieces stayed until something repainted the whole view: the views repainted only what Qt
    // Charts reported as changed, and a moved axis label's old place was not among it. What is on
    // screen (the backing store, not a fresh grab) must be what a full repaint draws, in both
    // views, after every batch of samples of three runs, each replacing the one before.
    void screenIsAFullRepaintDuringLiveRuns()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1000, 600);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setLive(true);
        // Pixels of a view that differ between the screen and a full repaint of it.
        const auto stale = [&chart](halfopen::ui::TimelineChartView *chartView) {
            QWidget *view = chartView->viewport();
            const QPoint origin = view->mapTo(&chart, QPoint(0, 0));
            const QImage screen = chart.screen()
                                      ->grabWindow(chart.winId(), origin.x(), origin.y(), view->width(), view->height())
                                      .toImage()
                                      .convertToFormat(QImage::Format_RGB32);
            const QImage repainted = view->grab().toImage().convertToFormat(QImage::Format_RGB32);
            if (screen.size() != repainted.size())
                return -1;
            int n = 0;
            for (int y = 0; y < screen.height(); ++y)
                for (int x = 0; x < screen.width(); ++x) {
                    const QColor c = screen.pixelColor(x, y);
                    const QColor d = repainted.pixelColor(x, y);
                    n += qAbs(c.red() - d.red()) + qAbs(c.green() - d.green()) + qAbs(c.blue() - d.blue()) > 60;
                }
            return n;
        };
        for (int run = 0; run < 3; ++run) {
            session.clear();
            const int port = 40000 + run;
            session.add(state(0.0, halfopen::core::Host::Client, port, TcpState::SynSent, TcpState::Established));
            session.add(state(0.0, halfopen::core::Host::Server, 5000, TcpState::SynRecv, TcpState::Established));
            double rto = 204;
            for (int i = 0; i < 60; ++i) {
                if (i > 10 + 10 * run && i % 6 == 0)
                    rto = qMin(rto * 2, 120000.0); // the client's RTO doubling, later each run
                session.add(sample(0.25 * i, halfopen::core::Host::Client, port, established(rto, 100)));
                session.add(sample(0.25 * i + 0.1, halfopen::core::Host::Server, 5000, established(204 + i, 0)));
                if (i % 3 == 2) {
                    model.flush();
                    QTRY_COMPARE_WITH_TIMEOUT(stale(chart.rtoView()), 0, 2000);
                    QTRY_COMPARE_WITH_TIMEOUT(stale(chart.laneView()), 0, 2000);
                }
            }
        }
    }

    void rtoScaleDoublesFromAHundredMilliseconds()
    {
        using halfopen::ui::RtoScale;
        // Room for every doubling: the values Linux's RTO steps through, in their units.
        const RtoScale all = RtoScale::around(204, 3264, 20);
        QStringList labels;
        for (const RtoScale::Tick &t : all.ticks)
            labels << t.label;
        QCOMPARE(labels, (QStringList{"100 ms", "200 ms", "400 ms", "800 ms", "1.6 s", "3.2 s", "6.4 s"}));
        QVERIFY(all.yMin <= RtoScale::y(204) && all.yMax >= RtoScale::y(3264));
        // Little room: fewer labels, the data still inside.
        const RtoScale few = RtoScale::around(204, 120000, 3);
        QVERIFY(few.ticks.size() <= 3);
        QVERIFY(few.yMin <= RtoScale::y(204) && few.yMax >= RtoScale::y(120000));
        QCOMPARE(RtoScale::label(102400), QStringLiteral("102 s"));
        QCOMPARE(RtoScale::ms(RtoScale::y(816)), 816.0);
    }

    void rtoAxisLabelsAreNotCutInASmallPlot()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(900, 380); // the RTO plot gets its minimum height
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        // A cable pulled while sending: the RTO doubles from 204 ms to 13 s.
        double rto = 204;
        for (int i = 0; i < 7; ++i, rto *= 2)
            session.add(sample(1 + i, halfopen::core::Host::Client, 40000, established(rto, 100)));
        model.flush();
        const QRegularExpression seconds(QStringLiteral("^\\d+\\.\\d s$"));
        auto axisLabels = [&] {
            QStringList texts;
            for (QGraphicsItem *item : chart.rtoChart()->scene()->items()) {
                if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                    texts << text->toPlainText();
            }
            return texts;
        };
        QTRY_VERIFY2(!axisLabels().filter(seconds).isEmpty(), qPrintable(axisLabels().join(QLatin1Char('|'))));
        const QStringList texts = axisLabels();
        QVERIFY2(texts.filter(QStringLiteral("…")).isEmpty() && texts.filter(QStringLiteral("...")).isEmpty(),
                 qPrintable(texts.join(QLatin1Char('|'))));
    }

    void bandsMarkersAndSpanAreLabelled()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1400, 700);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        powerOffStory(session);
        model.flush();
        chart.showAll();

        const QStringList bands = chart.annotations()->bandLabels();
        QVERIFY2(bands.contains(QStringLiteral("ESTABLISHED")), qPrintable(bands.join(',')));
        const QStringList markers = chart.annotations()->markerLabels();
        QVERIFY2(markers.contains(QStringLiteral("power-off server")), qPrintable(markers.join(',')));
        QVERIFY2(markers.contains(QStringLiteral("ETIMEDOUT on client (keepalive)")), qPrintable(markers.join(',')));
        const QStringList spans = chart.annotations()->spanLabels();
        QCOMPARE(spans.size(), 1);
        QCOMPARE(spans.first(), QStringLiteral("5.10 s by keepalive"));

        // They are real items in the chart's scene.
        const QStringList texts = sceneTexts(chart.laneChart());
        QVERIFY(texts.contains(QStringLiteral("5.10 s by keepalive")));
        QVERIFY(texts.contains(QStringLiteral("power-off server")));
        QVERIFY(texts.contains(QStringLiteral("ESTABLISHED")));
    }

    void closedSocketsFreeTheirSlot()
    {
        using halfopen::models::StateBand;
        const auto band
            = [](halfopen::core::Host host, const QString &key, double start, double end, bool open = false) {
                  StateBand b;
                  b.host = host;
                  b.socketKey = key;
                  b.state = TcpState::Established;
                  b.startX = start;
                  b.endX = end;
                  b.open = open;
                  return b;
              };
        const QHash<QString, int> slotOf = halfopen::ui::TimelineAnnotations::packSlots({
            band(halfopen::core::Host::Server, QStringLiteral("a"), 0, 10, true), // stays open
            band(halfopen::core::Host::Server, QStringLiteral("b"), 1, 2),
            band(halfopen::core::Host::Server, QStringLiteral("c"), 3, 4),   // after b closed: b's slot
            band(halfopen::core::Host::Server, QStringLiteral("d"), 3.5, 5), // while c lives: a new slot
            band(halfopen::core::Host::Client, QStringLiteral("e"), 0, 1),   // another lane starts at 0
        });
        QCOMPARE(slotOf.value(QStringLiteral("a")), 0);
        QCOMPARE(slotOf.value(QStringLiteral("b")), 1);
        QCOMPARE(slotOf.value(QStringLiteral("c")), 1);
        QCOMPARE(slotOf.value(QStringLiteral("d")), 2);
        QCOMPARE(slotOf.value(QStringLiteral("e")), 0);
    }

    void pauseStopsFollowingAndFollowResumes()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.setFollowWindowSeconds(10);
        chart.resize(1200, 700);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        powerOffStory(session);
        model.flush();
        QVERIFY(chart.isFollowing());
        QVERIFY(chart.xMax() >= model.lastX());

        chart.pause();
        QVERIFY(!chart.isFollowing());
        const double max = chart.xMax();
        session.add(packet(30, halfopen::core::Host::Client, QStringLiteral("data")));
        model.flush();
        QCOMPARE(chart.xMax(), max); // stays where the user left it

        chart.follow();
        QVERIFY(chart.isFollowing());
        QVERIFY(chart.xMax() >= 30);
        QVERIFY(chart.xMin() >= 30 - 10 - 1e-9); // the window slid
        QCOMPARE(chart.rtoChart()->axes(Qt::Horizontal).first()->property("max").toDouble(), chart.xMax());

        // The wheel zooms and pauses; both plots keep one time range.
        auto *viewport = chart.laneView()->viewport();
        const QPointF centre = chart.laneView()->mapFromScene(chart.laneChart()->plotArea().center());
        QWheelEvent wheel(centre, viewport->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
        QVERIFY(!chart.isFollowing());
        QCOMPARE(chart.rtoChart()->axes(Qt::Horizontal).first()->property("max").toDouble(), chart.xMax());
        QCOMPARE(chart.rtoChart()->axes(Qt::Horizontal).first()->property("min").toDouble(), chart.xMin());

        // A drag pans (and stays paused).
        chart.follow();
        const double before = chart.xMin();
        QTest::mousePress(viewport, Qt::LeftButton, {}, centre.toPoint());
        QTest::mouseMove(viewport, centre.toPoint() + QPoint(100, 0));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, centre.toPoint() + QPoint(100, 0));
        QVERIFY(!chart.isFollowing());
        QVERIFY(chart.xMin() < before);

        // Shift+drag draws a rubber band and zooms into it; a right click zooms out again.
        chart.follow();
        const double span = chart.xMax() - chart.xMin();
        const QPoint from = centre.toPoint() - QPoint(100, 0);
        const QPoint to = centre.toPoint() + QPoint(100, 0);
        QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, to);
        QVERIFY(!chart.isFollowing());
        const double zoomed = chart.xMax() - chart.xMin();
        QVERIFY2(zoomed < span * 0.5, qPrintable(QStringLiteral("%1 -> %2").arg(span).arg(zoomed)));
        QCOMPARE(chart.rtoChart()->axes(Qt::Horizontal).first()->property("min").toDouble(), chart.xMin());
        QTest::mouseClick(viewport, Qt::RightButton, {}, centre.toPoint());
        QVERIFY(qAbs((chart.xMax() - chart.xMin()) - 2 * zoomed) < 1e-6);
    }

    void keysPauseAndFollow()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1000, 600);
        chart.show();
        chart.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&chart));
        chart.laneView()->setFocus();
        QTest::keyClick(chart.laneView(), Qt::Key_P);
        QVERIFY(!chart.isFollowing());
        QTest::keyClick(chart.laneView(), Qt::Key_F);
        QVERIFY(chart.isFollowing());
        // The buttons say the same.
        auto *pause = chart.findChild<QToolButton *>(QStringLiteral("pauseButton"));
        auto *follow = chart.findChild<QToolButton *>(QStringLiteral("followButton"));
        QVERIFY(pause && follow);
        QVERIFY(pause->isEnabled() && !follow->isEnabled());
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(!chart.isFollowing());
        QVERIFY(!pause->isEnabled() && follow->isEnabled());
        QTest::mouseClick(follow, Qt::LeftButton);
        QVERIFY(chart.isFollowing());
    }

    void hoverShowsTheNearestEvent()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1200, 700);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        powerOffStory(session);
        model.flush();
        chart.showAll();
        const double lane = halfopen::ui::TimelineAnnotations::laneY(model.laneOf(halfopen::core::Host::Client));
        chart.showDetailsAt(4.01, lane);
        QVERIFY2(chart.calloutText().contains(QStringLiteral("keepalive probe")), qPrintable(chart.calloutText()));
        QVERIFY(chart.calloutText().contains(QStringLiteral("4.000 s")));
    }

    void recordedRunAndExports()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1400, 800);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const auto replay = halfopen::core::replayJsonl(
            QStringLiteral(HALFOPEN_VIEWS_DATA "/keepalive-detects-powered-off-peer.jsonl"), &session);
        QVERIFY(replay.opened);
        model.flush();

        QCOMPARE(pointsOf(chart, model.packetSeries(QStringLiteral("keepalive-probe"))), 3);
        QCOMPARE(pointsOf(chart, model.packetSeries(QStringLiteral("rst"))), 1);
        QCOMPARE(model.lanes().size(), 2);
        const QList<halfopen::models::DetectionSpan> spans = model.detectionSpans();
        QCOMPARE(spans.size(), 1);
        QVERIFY(chart.annotations()->spanLabels().first().startsWith(spans.first().label));
        QVERIFY(chart.annotations()->markerLabels().contains(QStringLiteral("power-off server")));

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("timeline.png"));
        const QString svg = dir.filePath(QStringLiteral("timeline.svg"));
        QVERIFY(chart.exportPng(png));
        QVERIFY(chart.exportSvg(svg));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QVERIFY(QFileInfo(svg).size() > 1000);
        QVERIFY(!renderer.defaultSize().isEmpty());
    }

    // A recording made before the tail-loss probe had a class of its own says "retransmission"
    // for it: it still loads, drawn as it was recorded (six retransmissions, no probe).
    void recordingFromBeforeTheProbeClassLoads()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1400, 800);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const auto replay = halfopen::core::replayJsonl(
            QStringLiteral(HALFOPEN_VIEWS_DATA "/cable-pulled-while-sending.jsonl"), &session);
        QVERIFY(replay.opened);
        model.flush();
        QCOMPARE(pointsOf(chart, model.packetSeries(QStringLiteral("retransmission"))), 6);
        QCOMPARE(model.packetSeries(QStringLiteral("tail-loss-probe")), -1);
    }

    void chartGetsOnlyTheShownRangeThinnedToColumns()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1200, 700);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        // 20 000 data packets over 10 s: far more than the plot has pixels.
        for (int i = 0; i < 20000; ++i)
            session.add(packet(i * 0.0005, halfopen::core::Host::Client, QStringLiteral("data"), i));
        model.flush();
        chart.showAll();
        const int series = model.packetSeries(QStringLiteral("data"));
        QCOMPARE(model.series(series).points().size(), 20000); // the model keeps them all
        const double columns = chart.laneChart()->plotArea().width() / 3;
        QVERIFY(pointsOf(chart, series) > columns / 2);
        QVERIFY(pointsOf(chart, series) <= columns + 2);

        // Zoomed into one second: only its points, still thinned.
        chart.setXRange(2, 3);
        const QList<QPointF> shown = chart.chartSeries(series)->points();
        QVERIFY(!shown.isEmpty());
        QVERIFY(shown.first().x() >= 2 && shown.last().x() <= 3);
        QVERIFY(shown.size() <= columns + 2);

        // Zoomed in far enough, every packet is drawn.
        chart.setXRange(2, 2.05);
        QCOMPARE(pointsOf(chart, series), int(model.pointsIn(series, 2, 2.05).size()));
    }

    void heartbeatStepsRideAboveThePackets()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        session.add(packet(0.5, halfopen::core::Host::Client, QStringLiteral("heartbeat-ping")));
        session.add(heartbeat(0.5, halfopen::core::Host::Client, QStringLiteral("sent")));
        model.flush();
        const double ping = chart.chartSeries(model.packetSeries(QStringLiteral("heartbeat-ping")))->at(0).y();
        const double sent = chart.chartSeries(model.heartbeatSeries(QStringLiteral("sent")))->at(0).y();
        QVERIFY(sent > ping);
        QCOMPARE(std::lround(-sent), model.laneOf(halfopen::core::Host::Client)); // still in the lane
    }

    void liveFollowsTheClock()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.setLive(true);
        Event e = packet(0, halfopen::core::Host::Client, QStringLiteral("data"));
        e.tUs = halfopen::core::monotonicNowUs() - 2'000'000; // two seconds ago
        session.add(e);
        model.flush();
        QTRY_VERIFY_WITH_TIMEOUT(chart.xMax() >= 2.2, 2000); // time passes without events
        chart.pause();
        const double max = chart.xMax();
        QTest::qWait(400);
        QCOMPARE(chart.xMax(), max);
    }

    void openSpanCountsWithTheClock()
    {
        // An idle peer powered off: nothing comes after the fault, and the wait still counts.
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1000, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setLive(true);
        Event e = packet(0, halfopen::core::Host::Client, QStringLiteral("data"));
        e.tUs = halfopen::core::monotonicNowUs() - 2'000'000;
        session.add(e);
        Event off = fault(0, halfopen::core::Host::Server, QStringLiteral("power-off"));
        off.tUs = e.tUs + 500'000; // 1.5 s ago
        session.add(off);
        model.flush();
        const auto counted = [&chart] {
            const QStringList spans = chart.annotations()->spanLabels();
            return spans.isEmpty() ? 0.0 : spans.first().section(QLatin1Char(' '), 0, 0).toDouble();
        };
        QTRY_VERIFY_WITH_TIMEOUT(counted() >= 1.5, 3000);
        QVERIFY(chart.annotations()->spanLabels().first().endsWith(QLatin1String("and counting")));
    }

    void liveStepsSlowDownWhenQuiet()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.setLive(true);
        Event e = packet(0, halfopen::core::Host::Client, QStringLiteral("data"));
        e.tUs = halfopen::core::monotonicNowUs();
        session.add(e);
        model.flush();
        QCOMPARE(chart.liveStepMs(), 250);
        // A few seconds without events: the axis only shows time passing, once a second.
        QTRY_COMPARE_WITH_TIMEOUT(chart.liveStepMs(), 1000, 6000);
        const double max = chart.xMax();
        QTRY_VERIFY_WITH_TIMEOUT(chart.xMax() > max, 2500);
        // Something new: back to quick steps.
        e.tUs = halfopen::core::monotonicNowUs();
        session.add(e);
        model.flush();
        QCOMPARE(chart.liveStepMs(), 250);
    }

    void longNameIsBoundedByTheChart()
    {
        // Issue 16: a recording whose host was 100 000 characters drove the window to 3.9 GB and
        // std::bad_alloc in Qt Charts' label shortening (TimelineChart::updateLanes). Hosts are
        // now names the reader knows (core::Host); the names that can still be of any length
        // (a packet's or a fault's `what`, addresses) the chart bounds itself: fed straight to
        // the model, a name of 20 000 characters costs no memory or time to speak of, and the
        // marker and the hover show it shortened in the middle.
        const QString name = QStringLiteral("begin-") + QString(20'000, QLatin1Char('h')) + QStringLiteral("-end");
        const halfopen::core::Host host = halfopen::core::Host::Server;
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        chart.resize(1200, 700);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const qint64 before = residentKiB();
        QElapsedTimer clock;
        clock.start();
        session.add(packet(0.0, halfopen::core::Host::Client, QStringLiteral("data"))); // time zero
        session.add(packet(0.2, host, QStringLiteral("ack")));
        session.add(fault(1.0, host, name));
        session.add(packet(1.5, host, name));
        model.flush();
        chart.showAll();
        QCoreApplication::processEvents();
        chart.grab(); // drawn, labels and all
        const double lane = halfopen::ui::TimelineAnnotations::laneY(model.laneOf(host));
        chart.showDetailsAt(1.5, lane);
        const qint64 elapsedMs = clock.elapsed();
        const qint64 grownKiB = residentKiB() - before;
        qInfo("a %lld-character name: %lld ms, %lld KiB more", qint64(name.size()), elapsedMs, grownKiB);
        QVERIFY2(elapsedMs < 3000, qPrintable(QString::number(elapsedMs)));
        QVERIFY2(grownKiB < 100 * 1024, qPrintable(QString::number(grownKiB)));

        // The lanes: the hosts' words, whole.
        auto *axis = qobject_cast<QCategoryAxis *>(chart.laneChart()->axes(Qt::Vertical).constFirst());
        QVERIFY(axis);
        QCOMPARE(axis->categoriesLabels().size(), 2);
        QVERIFY(axis->categoriesLabels().contains(QStringLiteral("client")));
        QVERIFY(axis->categoriesLabels().contains(QStringLiteral("server")));
        // The fault's marker and the hover: the same bound.
        for (const QString &marker : chart.annotations()->markerLabels())
            QVERIFY2(marker.size() < 100 && marker.contains(QChar(0x2026)), qPrintable(marker));
        QVERIFY2(chart.calloutText().size() < 1000 && chart.calloutText().contains(QChar(0x2026)),
                 qPrintable(chart.calloutText().left(200)));
    }

    void clearedSessionEmptiesTheChart()
    {
        Session session;
        TimelineModel model(&session);
        TimelineChart chart(&model);
        powerOffStory(session);
        model.flush();
        session.clear();
        QVERIFY(chart.annotations()->bandLabels().isEmpty());
        QVERIFY(chart.rtoChart()->series().isEmpty());
        powerOffStory(session);
        model.flush();
        QCOMPARE(pointsOf(chart, model.packetSeries(QStringLiteral("keepalive-probe"))), 3);
    }
};

QTEST_MAIN(tst_TimelineChart)
#include "tst_TimelineChart.moc"
