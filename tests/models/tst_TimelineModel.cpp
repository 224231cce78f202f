// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineModel: what the chart draws. Packets by class in their sender's lane, bounded series,
// batched change notifications, state bands, fault and error markers, detection spans (from a
// verdict, and standing in before one), the event under the mouse, and a recording replayed.

#include "ModelFixtures.h"

#include "core/session/JsonlReader.h"
#include "core/session/JsonlRecorder.h"
#include "core/session/Session.h"
#include "models/TimelineModel.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen;
using namespace fixtures;
using models::TimelineModel;
using models::TimelineSeriesKind;

namespace {
const halfopen::core::Host kClient = halfopen::core::Host::Client;
const halfopen::core::Host kServer = halfopen::core::Host::Server;

QList<double> xs(const QList<QPointF> &points)
{
    QList<double> result;
    for (const QPointF &p : points)
        result.append(p.x());
    return result;
}

QList<double> ys(const QList<QPointF> &points)
{
    QList<double> result;
    for (const QPointF &p : points)
        result.append(p.y());
    return result;
}
} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT
private slots:
    void packetsBySeriesAndLane();
    void heartbeatsAndRto();
    void countersStandInForACapture();
    void changesAreAnnouncedInBatches();
    void boundedSeriesDropsTheOldest();
    void lateEventKeepsSeriesInOrder();
    void stateBandsPerSocket();
    void faultAndErrorMarkers();
    void optionsChangedOnOpenConnectionsAreMarked();
    void detectionSpanFromVerdict();
    void detectionSpanWithoutVerdict();
    void detectionSpanIsTheVerdict();
    void detectionSpanAfterAWholeLoss();
    void lanesKeepTheirOrderWhoeverSpeaksFirst();
    void detectionSpanClosesWhenNothingDies();
    void eventNearTheMouse();
    void replayOfARecording();
    void clearForgetsEverything();
};

void TestTimelineModel::packetsBySeriesAndLane()
{
    core::Session session;
    TimelineModel model(&session);
    session.add(packet(0.0, kClient, QStringLiteral("syn")));
    session.add(packet(0.5, kServer, QStringLiteral("syn-ack")));
    session.add(packet(1.0, kClient, QStringLiteral("data")));
    session.add(packet(1.5, kServer, QStringLiteral("ack")));
    session.add(packet(2.0, kClient, QStringLiteral("data")));
    session.add(packet(3.0, kClient, QStringLiteral("keepalive-probe")));

    QCOMPARE(model.lanes(), (QList<halfopen::core::Host>{kClient, kServer}));
    QCOMPARE(model.laneOf(kServer), 1);
    QCOMPARE(model.laneOf(halfopen::core::Host::Peer), -1);
    const int data = model.packetSeries(QStringLiteral("data"));
    QVERIFY(data >= 0);
    QCOMPARE(model.series(data).kind(), TimelineSeriesKind::Packet);
    QCOMPARE(model.series(data).name(), QStringLiteral("data"));
    QCOMPARE(model.series(data).points(), (QList<QPointF>{{1.0, 0}, {2.0, 0}}));
    QCOMPARE(model.series(model.packetSeries(QStringLiteral("ack"))).points(), QList<QPointF>{QPointF(1.5, 1)});
    QCOMPARE(model.series(model.packetSeries(QStringLiteral("keepalive-probe"))).points(),
             QList<QPointF>{QPointF(3.0, 0)});
    QCOMPARE(model.packetSeries(QStringLiteral("rst")), -1);
    QCOMPARE(model.seriesCount(), 5);
    QCOMPARE(model.originUs(), at(0));
    QCOMPARE(model.lastX(), 3.0);
    QCOMPARE(xs(model.pointsIn(data, 1.5, 2.5)), QList<double>{2.0});
    QCOMPARE(model.pointsIn(data, 2.5, 9).size(), 0);
    QCOMPARE(model.pointsIn(99, 0, 9).size(), 0);
}

void TestTimelineModel::heartbeatsAndRto()
{
    core::Session session;
    TimelineModel model(&session);
    session.add(heartbeat(0.0, kClient, QStringLiteral("sent")));
    session.add(heartbeat(1.0, kServer, QStringLiteral("answered")));
    session.add(heartbeat(2.0, kClient, QStringLiteral("missed")));
    QCOMPARE(model.series(model.heartbeatSeries(QStringLiteral("missed"))).points(), QList<QPointF>{QPointF(2.0, 0)});
    QCOMPARE(model.series(model.heartbeatSeries(QStringLiteral("answered"))).points(), QList<QPointF>{QPointF(1.0, 1)});
    QCOMPARE(model.series(model.heartbeatSeries(QStringLiteral("sent"))).kind(), TimelineSeriesKind::Heartbeat);

    // Retransmissions into a dead peer: the RTO doubles with every backoff step.
    double rto = 204;
    for (int step = 0; step < 5; ++step, rto *= 2)
        session.add(sample(3 + step, kClient, 40000, established(rto)));
    core::TcpInfoSample listener = established(1000);
    listener.state = core::TcpState::Listen;
    session.add(sample(9, kServer, 5000, listener)); // no RTO series for a listener
    const QString key = QStringLiteral("client|%1|10.0.0.2:5000").arg(localOf(40000));
    const int series = model.rtoSeries(key);
    QVERIFY(series >= 0);
    QCOMPARE(model.series(series).kind(), TimelineSeriesKind::Rto);
    QCOMPARE(model.series(series).host(), kClient);
    QCOMPARE(ys(model.series(series).points()), (QList<double>{204, 408, 816, 1632, 3264}));
    QCOMPARE(xs(model.series(series).points()), (QList<double>{3, 4, 5, 6, 7}));
    QCOMPARE(model.rtoSeries(QStringLiteral("server|%1|10.0.0.2:5000").arg(localOf(5000))), -1);
}

// Real-network mode without capture rights: the endpoint's tcp_info counted the probes and
// retransmissions, so the lane shows them at the sample that counted them (issue 13) — until a
// capture delivers the packets themselves.
void TestTimelineModel::countersStandInForACapture()
{
    core::Session session;
    TimelineModel model(&session);
    core::TcpInfoSample s = established();
    session.add(sample(0.0, kClient, 40000, s)); // the first sample only sets the baseline
    s.probes = 1;
    session.add(sample(1.0, kClient, 40000, s));
    session.add(sample(1.5, kClient, 40000, s)); // no change, no point
    s.probes = 3;                                // two more between the samples: one point
    session.add(sample(2.0, kClient, 40000, s));
    s.probes = 0; // answered: back to zero, nothing sent
    session.add(sample(2.5, kClient, 40000, s));
    s.totalRetrans = 1; // sent again, no timeout counted, still Open: the tail-loss probe
    session.add(sample(2.8, kClient, 40000, s));
    s.totalRetrans = 3;
    s.retransmits = 2; // timeouts: the connection in Loss
    s.caState = 4;
    session.add(sample(3.0, kClient, 40000, s));
    const int probes = model.countedSeries(QStringLiteral("keepalive-probe"));
    const int retrans = model.countedSeries(QStringLiteral("retransmission"));
    const int tailLossProbes = model.countedSeries(QStringLiteral("tail-loss-probe"));
    QVERIFY(probes >= 0 && retrans >= 0 && tailLossProbes >= 0);
    QCOMPARE(xs(model.series(tailLossProbes).points()), QList<double>{2.8});
    QCOMPARE(model.series(probes).kind(), TimelineSeriesKind::Counted);
    QCOMPARE(xs(model.series(probes).points()), (QList<double>{1.0, 2.0}));
    QCOMPARE(ys(model.series(probes).points()), (QList<double>{0, 0})); // the client's lane
    QCOMPARE(xs(model.series(retrans).points()), QList<double>{3.0});
    QCOMPARE(model.packetSeries(QStringLiteral("keepalive-probe")), -1); // not passed off as captured
    // The hover finds the sample that counted them.
    const auto near = model.eventNear(2.02, 0, 0.1);
    QVERIFY(near && near->kind == core::EventKind::Sample && near->sample->probes == 3);

    // A capture came: the wire tells from now on, the counters no longer draw.
    session.add(packet(3.5, kClient, QStringLiteral("retransmission")));
    s.totalRetrans = 4;
    session.add(sample(4.0, kClient, 40000, s));
    QCOMPARE(xs(model.series(retrans).points()), QList<double>{3.0});
    QCOMPARE(model.series(model.packetSeries(QStringLiteral("retransmission"))).points().size(), 1);

    session.clear();
    QCOMPARE(model.countedSeries(QStringLiteral("retransmission")), -1);
}

void TestTimelineModel::changesAreAnnouncedInBatches()
{
    core::Session session;
    TimelineModel model(&session);
    QSignalSpy changed(&model, &TimelineModel::seriesChanged);
    QSignalSpy annotations(&model, &TimelineModel::annotationsChanged);
    for (int i = 0; i < 1000; ++i)
        session.add(
            packet(i * 0.001, i % 2 ? kServer : kClient, i % 3 ? QStringLiteral("data") : QStringLiteral("ack")));
    QCOMPARE(changed.count(), 0); // nothing until the notify interval ends
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QList<int>>(),
             (QList<int>{model.packetSeries(QStringLiteral("ack")), model.packetSeries(QStringLiteral("data"))}));
    QCOMPARE(annotations.count(), 1); // the two lanes

    // Events trickling in for a while: at most one notification per interval.
    const qsizetype dataBefore = model.series(model.packetSeries(QStringLiteral("data"))).points().size();
    QList<qint64> emittedAtMs;
    QElapsedTimer clock;
    clock.start();
    connect(&model, &TimelineModel::seriesChanged, this, [&] { emittedAtMs.append(clock.elapsed()); });
    int sent = 0;
    QTimer feeder;
    connect(&feeder, &QTimer::timeout, this,
            [&] { session.add(packet(2 + sent++ * 0.01, kClient, QStringLiteral("data"))); });
    feeder.start(5);
    QTRY_VERIFY(sent >= 60);
    feeder.stop();
    QTRY_VERIFY(!emittedAtMs.isEmpty()
                && model.series(model.packetSeries(QStringLiteral("data"))).points().size() == dataBefore + sent);
    const qint64 elapsedMs = clock.elapsed();
    QVERIFY2(emittedAtMs.size() <= elapsedMs / TimelineModel::kDefaultNotifyMs + 1,
             qPrintable(QStringLiteral("%1 notifications for %2 events in %3 ms")
                            .arg(emittedAtMs.size())
                            .arg(sent)
                            .arg(elapsedMs)));
    for (qsizetype i = 1; i < emittedAtMs.size(); ++i)
        QVERIFY2(emittedAtMs[i] - emittedAtMs[i - 1] >= TimelineModel::kDefaultNotifyMs - 5,
                 qPrintable(QStringLiteral("notifications %1 ms apart").arg(emittedAtMs[i] - emittedAtMs[i - 1])));
}

void TestTimelineModel::boundedSeriesDropsTheOldest()
{
    core::Session session;
    TimelineModel model(&session);
    model.setMaxPointsPerSeries(100);
    for (int i = 0; i < 250; ++i)
        session.add(packet(i * 0.1, kClient, QStringLiteral("data"), i));
    const models::TimelineSeries &data = model.series(model.packetSeries(QStringLiteral("data")));
    QCOMPARE(data.points().size(), 100);
    QCOMPARE(data.droppedCount(), 150);
    QCOMPARE(data.points().first().x(), 15.0);
    QCOMPARE(data.points().last().x(), 24.9);
    QCOMPARE(model.pointsIn(model.packetSeries(QStringLiteral("data")), 0, 20).size(), 51); // 15.0 .. 20.0
    // Lowering the bound drops at once.
    model.setMaxPointsPerSeries(10);
    QCOMPARE(data.points().size(), 10);
    QCOMPARE(data.points().first().x(), 24.0);
}

void TestTimelineModel::lateEventKeepsSeriesInOrder()
{
    core::Session session;
    session.setOriginUs(at(0)); // time zero set by the runner, before the first event
    TimelineModel model(&session);
    session.add(packet(1.0, kClient, QStringLiteral("data")));
    session.add(packet(3.0, kClient, QStringLiteral("data")));
    session.add(packet(2.0, kClient, QStringLiteral("data"))); // from a slower process
    QCOMPARE(xs(model.series(model.packetSeries(QStringLiteral("data"))).points()), (QList<double>{1, 2, 3}));
    QCOMPARE(model.pointsIn(model.packetSeries(QStringLiteral("data")), 1.5, 2.5).size(), 1);
}

void TestTimelineModel::stateBandsPerSocket()
{
    core::Session session;
    TimelineModel model(&session);
    core::TcpInfoSample listener = established();
    listener.state = core::TcpState::Listen;
    session.add(sample(0, kServer, 5000, listener)); // first seen in a sample
    session.add(state(1, kClient, 40000, core::TcpState::Unknown, core::TcpState::SynSent));
    session.add(state(1.5, kClient, 40000, core::TcpState::SynSent, core::TcpState::Established));
    session.add(sample(2, kClient, 40000)); // same state: no new band
    session.add(state(4, kClient, 40000, core::TcpState::Established, core::TcpState::FinWait1));
    session.add(state(5, kClient, 40000, core::TcpState::FinWait1, core::TcpState::Closed));
    session.add(packet(6, kClient, QStringLiteral("syn")));

    const QList<models::StateBand> bands = model.stateBands();
    QCOMPARE(bands.size(), 4);
    QCOMPARE(bands[0].host, kServer);
    QCOMPARE(bands[0].state, core::TcpState::Listen);
    QVERIFY(bands[0].open);
    QCOMPARE(bands[0].endX, 6.0); // open bands reach the latest time
    QCOMPARE(bands[1].state, core::TcpState::SynSent);
    QCOMPARE(bands[1].startX, 1.0);
    QCOMPARE(bands[1].endX, 1.5);
    QCOMPARE(bands[2].state, core::TcpState::Established);
    QCOMPARE(bands[2].startX, 1.5);
    QCOMPARE(bands[2].endX, 4.0);
    QCOMPARE(bands[3].state, core::TcpState::FinWait1);
    QCOMPARE(bands[3].endX, 5.0);
    QVERIFY(!bands[3].open);
    QCOMPARE(bands[3].socketKey, QStringLiteral("client|%1|10.0.0.2:5000").arg(localOf(40000)));

    // A powered-off host's sockets end with the fault.
    session.add(fault(7, kServer, QStringLiteral("power-off")));
    session.add(packet(8, kClient, QStringLiteral("retransmission")));
    QCOMPARE(model.stateBands()[0].endX, 7.0);
    QVERIFY(!model.stateBands()[0].open);
}

void TestTimelineModel::faultAndErrorMarkers()
{
    core::Session session;
    TimelineModel model(&session);
    session.add(packet(0, kClient, QStringLiteral("data")));
    session.add(fault(2, kServer, QStringLiteral("power-off")));
    session.add(fault(3, halfopen::core::Host::None, QStringLiteral("loss")));
    session.add(error(9.5, kClient, 40000, ETIMEDOUT, core::DetectionMechanism::RetransmissionTimeout));
    session.add(error(9.6, kServer, 5000, 0, core::DetectionMechanism::Fin));
    const QList<models::TimelineMarker> faults = model.faultMarkers();
    QCOMPARE(faults.size(), 2);
    QCOMPARE(faults[0].x, 2.0);
    QCOMPARE(faults[0].label, QStringLiteral("power-off"));
    QCOMPARE(faults[0].host, kServer);
    QCOMPARE(faults[1].host, halfopen::core::Host::None); // on the cable
    const QList<models::TimelineMarker> errors = model.errorMarkers();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors[0].x, 9.5);
    QCOMPARE(errors[0].host, kClient);
    QCOMPARE(errors[0].errnoValue, ETIMEDOUT);
    QCOMPARE(errors[0].label, QStringLiteral("ETIMEDOUT"));
    QCOMPARE(errors[0].mechanism, core::DetectionMechanism::RetransmissionTimeout);
    QCOMPARE(errors[1].label, QStringLiteral("EOF"));
}

void TestTimelineModel::optionsChangedOnOpenConnectionsAreMarked()
{
    core::Session session;
    TimelineModel model(&session);
    // Set up with the sockets: no marker.
    session.add(options(0.0, kClient, 0, {false, 7200, 75, 9}));
    session.add(options(0.1, kServer, 5000, {false, 7200, 75, 9}));
    QVERIFY(model.optionsMarkers().isEmpty());
    // Changed on the open connections: one marker per host and change, though each connection reports.
    session.add(options(3.0, kServer, 5000, {true, 2, 1, 3}, true));
    session.add(options(3.01, kServer, 5001, {true, 2, 1, 3}, true));
    session.add(options(4.0, kClient, 40000, {true, 2, 1, 3}, true));
    const QList<models::TimelineMarker> markers = model.optionsMarkers();
    QCOMPARE(markers.size(), 2);
    QCOMPARE(markers.at(0).kind, models::TimelineMarker::Kind::Options);
    QCOMPARE(markers.at(0).host, kServer);
    QCOMPARE(markers.at(0).x, 3.0);
    QCOMPARE(markers.at(0).label, QStringLiteral("keepalive 2 s idle, 3 × 1 s"));
    QCOMPARE(markers.at(1).host, kClient);
    // The line is under the mouse like a fault's.
    const auto near = model.eventNear(3.0, model.laneOf(kClient), 0.1);
    QVERIFY(near);
    QCOMPARE(near->what, QStringLiteral("options"));
    session.clear();
    QVERIFY(model.optionsMarkers().isEmpty());
}

void TestTimelineModel::detectionSpanFromVerdict()
{
    core::Session session;
    TimelineModel model(&session);
    session.add(packet(0, kClient, QStringLiteral("data")));
    session.add(fault(10, kServer, QStringLiteral("power-off")));
    session.add(error(15.09, kClient, 40000, ETIMEDOUT, core::DetectionMechanism::Keepalive));
    QCOMPARE(model.detectionSpans().size(), 1);
    QVERIFY(!model.detectionSpans()[0].fromVerdict);
    // The runner's verdict: its times count from the run's start (here 8 s into the session).
    session.add(verdict(15.09, kClient, 2.0, 7.09, core::DetectionMechanism::Keepalive, ETIMEDOUT));
    const QList<models::DetectionSpan> spans = model.detectionSpans();
    QCOMPARE(spans.size(), 1); // the verdict replaced the stand-in
    QVERIFY(spans[0].fromVerdict);
    QVERIFY(!spans[0].open);
    QCOMPARE(spans[0].startX, 10.0);
    QCOMPARE(spans[0].endX, 15.09);
    QCOMPARE(spans[0].label, QStringLiteral("5.09 s"));
    QCOMPARE(spans[0].host, kClient);
    QCOMPARE(spans[0].fault, QStringLiteral("power-off"));
    QCOMPARE(spans[0].mechanism, core::DetectionMechanism::Keepalive);
    QCOMPARE(spans[0].errnoValue, ETIMEDOUT);
}

void TestTimelineModel::detectionSpanWithoutVerdict()
{
    core::Session session;
    TimelineModel model(&session);
    QSignalSpy annotations(&model, &TimelineModel::annotationsChanged);
    session.add(packet(0, kClient, QStringLiteral("data")));
    session.add(fault(1, halfopen::core::Host::None, QStringLiteral("delay"))); // slows, does not kill
    session.add(fault(3, kServer, QStringLiteral("unplug")));
    session.add(fault(4, kServer, QStringLiteral("kill-process"))); // not the first
    session.add(packet(6, kClient, QStringLiteral("retransmission")));
    // Waiting: an open span from the fault to the latest time.
    QList<models::DetectionSpan> spans = model.detectionSpans();
    QCOMPARE(spans.size(), 1);
    QVERIFY(spans[0].open);
    QCOMPARE(spans[0].startX, 3.0);
    QCOMPARE(spans[0].endX, 6.0);
    QCOMPARE(spans[0].fault, QStringLiteral("unplug"));
    session.add(error(7.5, kClient, 40000, EHOSTUNREACH, core::DetectionMechanism::Icmp, false)); // survived
    session.add(error(8, kClient, 40000, ETIMEDOUT, core::DetectionMechanism::RetransmissionTimeout));
    spans = model.detectionSpans();
    QCOMPARE(spans.size(), 1);
    QVERIFY(!spans[0].open);
    QVERIFY(!spans[0].fromVerdict);
    QCOMPARE(spans[0].startX, 3.0);
    QCOMPARE(spans[0].endX, 8.0);
    QCOMPARE(spans[0].label, QStringLiteral("5.00 s"));
    QCOMPARE(spans[0].mechanism, core::DetectionMechanism::RetransmissionTimeout);
    QTRY_COMPARE(annotations.count(), 1);

    // The next fault starts the next wait.
    session.add(fault(20, kClient, QStringLiteral("power-off")));
    session.add(error(22, kServer, 5000, ECONNRESET, core::DetectionMechanism::Rst));
    QCOMPARE(model.detectionSpans().size(), 2);
    QCOMPARE(model.detectionSpans()[1].label, QStringLiteral("2.00 s"));
}

void TestTimelineModel::detectionSpanAfterAWholeLoss()
{
    // A cable losing some frames slows the connection; losing all of them is a cut. The fault's
    // value as recordings have always had it.
    const auto loss = [](double seconds, double percent) {
        Event e = fault(seconds, halfopen::core::Host::None, QStringLiteral("loss"));
        e.detail.insert(QStringLiteral("value"), percent);
        return e;
    };
    core::Session session;
    TimelineModel model(&session);
    session.add(packet(0, kClient, QStringLiteral("data")));
    session.add(loss(1, 50));
    session.add(packet(2, kClient, QStringLiteral("retransmission")));
    QVERIFY(model.detectionSpans().isEmpty());
    session.add(loss(3, 100));
    session.add(packet(4, kClient, QStringLiteral("retransmission")));
    const QList<models::DetectionSpan> spans = model.detectionSpans();
    QCOMPARE(spans.size(), 1);
    QVERIFY(spans[0].open);
    QCOMPARE(spans[0].startX, 3.0);
    QCOMPARE(spans[0].fault, QStringLiteral("loss"));
}

void TestTimelineModel::detectionSpanIsTheVerdict()
{
    core::Session session;
    TimelineModel model(&session);
    session.add(packet(0, kClient, QStringLiteral("data")));
    session.add(fault(3.0, kServer, QStringLiteral("power-off")));
    // Waiting: the wait is the client's (the server is the one that died), in the client's lane.
    QCOMPARE(model.detectionSpans().size(), 1);
    QCOMPARE(model.detectionSpans()[0].host, kClient);
    // The verdict says 5.10 s after the last packet received (at 1.0 s), detected at 6.10 s:
    // the span is those 5.10 s, from that point, not 3.10 s from the fault.
    core::Event v = verdict(6.10, kClient, 3.0, 6.10, core::DetectionMechanism::Keepalive, ETIMEDOUT);
    v.detail.insert(QStringLiteral("elapsed_s"), 5.10);
    v.detail.insert(QStringLiteral("reference"), QStringLiteral("last_received"));
    session.add(v);
    const QList<models::DetectionSpan> spans = model.detectionSpans();
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans[0].label, QStringLiteral("5.10 s"));
    QCOMPARE(spans[0].host, kClient);
    QVERIFY(qAbs(spans[0].startX - 1.0) < 1e-9);
    QVERIFY(qAbs(spans[0].endX - 6.10) < 1e-9);
    QCOMPARE(spans[0].reference, std::optional(core::TimeReference::LastReceived));
}

void TestTimelineModel::lanesKeepTheirOrderWhoeverSpeaksFirst()
{
    core::Session session;
    TimelineModel model(&session);
    QSignalSpy series(&model, &TimelineModel::seriesChanged);
    // A run where the server's listener speaks first, and this machine's other sockets too.
    session.add(packet(0.1, halfopen::core::Host::Other, QStringLiteral("data")));
    session.add(packet(0.2, kServer, QStringLiteral("syn")));
    session.add(packet(0.3, kClient, QStringLiteral("syn")));
    QCOMPARE(model.lanes(), (QList<halfopen::core::Host>{kClient, kServer, halfopen::core::Host::Other}));
    // The points drawn before a lane came in front of theirs moved with their lane.
    const QList<QPointF> syn = model.series(model.packetSeries(QStringLiteral("syn"))).points();
    QCOMPARE(syn.size(), 2);
    QCOMPARE(syn.at(0).y(), double(model.laneOf(kServer)));
    QCOMPARE(syn.at(1).y(), double(model.laneOf(kClient)));
    QCOMPARE(model.series(model.packetSeries(QStringLiteral("data"))).points().constFirst().y(),
             double(model.laneOf(halfopen::core::Host::Other)));
    QTRY_VERIFY(series.count() > 0);
    session.clear();
    // The next run, client first: the same lanes.
    session.add(packet(0.1, kClient, QStringLiteral("syn")));
    session.add(packet(0.2, kServer, QStringLiteral("syn")));
    QCOMPARE(model.lanes(), (QList<halfopen::core::Host>{kClient, kServer}));
}

void TestTimelineModel::detectionSpanClosesWhenNothingDies()
{
    core::Session session;
    TimelineModel model(&session);
    session.add(packet(0, kClient, QStringLiteral("data")));
    // The cable pulled and put back before anything noticed: the wait ends at the replug.
    session.add(fault(1.0, kServer, QStringLiteral("unplug")));
    session.add(fault(4.0, kServer, QStringLiteral("replug")));
    session.add(packet(5.0, kClient, QStringLiteral("data")));
    QList<models::DetectionSpan> spans = model.detectionSpans();
    QCOMPARE(spans.size(), 1);
    QVERIFY(!spans[0].open);
    QVERIFY(spans[0].undetected);
    QCOMPARE(spans[0].startX, 1.0);
    QCOMPARE(spans[0].endX, 4.0);

    // Powered off and never noticed: the wait ends with the run.
    session.add(fault(6.0, kServer, QStringLiteral("power-off")));
    QVERIFY(model.detectionSpans().constLast().open);
    session.add(core::Event::labEvent(at(9.0), core::RunStep::Stopped));
    spans = model.detectionSpans();
    QCOMPARE(spans.size(), 2);
    QVERIFY(!spans[1].open);
    QVERIFY(spans[1].undetected);
    QCOMPARE(spans[1].endX, 9.0);
}

void TestTimelineModel::eventNearTheMouse()
{
    core::Session session;
    session.setOriginUs(at(0));
    TimelineModel model(&session);
    session.add(packet(1.0, kClient, QStringLiteral("data"), 101));
    session.add(packet(1.5, kServer, QStringLiteral("ack"), 202));
    session.add(packet(2.0, kClient, QStringLiteral("keepalive-probe"), 303));
    session.add(fault(3.0, kServer, QStringLiteral("power-off")));
    session.add(sample(3.02, kClient, 40000)); // not drawn in a lane
    const int client = model.laneOf(kClient);
    const int server = model.laneOf(kServer);

    auto near = model.eventNear(1.4, client, 1.0);
    QVERIFY(near);
    QCOMPARE(near->what, QStringLiteral("data")); // 0.4 away beats 0.6
    QCOMPARE(near->detail.value(QStringLiteral("seq")).toInt(), 101);
    near = model.eventNear(1.8, client, 1.0);
    QCOMPARE(near->what, QStringLiteral("keepalive-probe"));
    near = model.eventNear(1.4, server, 1.0);
    QCOMPARE(near->what, QStringLiteral("ack"));
    QVERIFY(!model.eventNear(1.5, client, 0.2)); // the ack is in the other lane
    // A fault is a vertical line: found from any lane.
    near = model.eventNear(3.03, client, 0.1);
    QVERIFY(near);
    QCOMPARE(near->kind, core::EventKind::Fault);
    QVERIFY(!model.eventNear(10, client, 1.0));
}

void TestTimelineModel::replayOfARecording()
{
    // Record a session of every kind, then replay the file: live and replayed look the same,
    // and a model built on an already replayed session equals one fed event by event.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.jsonl"));
    {
        core::Session live;
        core::JsonlRecorder recorder(&live);
        QString why;
        QVERIFY2(recorder.open(path, &why), qPrintable(why));
        for (int i = 0; i < 2000; ++i) {
            const double t = i * 0.01;
            live.add(packet(t, i % 2 ? kServer : kClient,
                            i % 10 ? QStringLiteral("data") : QStringLiteral("keepalive-probe")));
            if (i % 100 == 0)
                live.add(sample(t, kClient, 40000, established(204 << (i / 500))));
        }
        live.add(fault(20, kServer, QStringLiteral("power-off")));
        live.add(error(25, kClient, 40000, ETIMEDOUT, core::DetectionMechanism::Keepalive));
        recorder.close();
    }

    core::Session replayed;
    TimelineModel fed(&replayed);
    QSignalSpy changed(&fed, &TimelineModel::seriesChanged);
    const core::JsonlReadResult read = core::replayJsonl(path, &replayed);
    QVERIFY(read.opened);
    QVERIFY(read.problems.isEmpty());
    QCOMPARE(replayed.size(), 2000 + 20 + 2);
    QCOMPARE(fed.series(fed.packetSeries(QStringLiteral("data"))).points().size(), 1800);
    QCOMPARE(fed.series(fed.packetSeries(QStringLiteral("keepalive-probe"))).points().size(), 200);
    const int rto = fed.rtoSeries(QStringLiteral("client|%1|10.0.0.2:5000").arg(localOf(40000)));
    QCOMPARE(ys(fed.series(rto).points()).last(), 204.0 * 8);
    QCOMPARE(fed.detectionSpans().size(), 1);
    QCOMPARE(fed.detectionSpans()[0].label, QStringLiteral("5.00 s"));
    QTRY_COMPARE(changed.count(), 1); // the whole replay announced once

    TimelineModel built(&replayed);
    QCOMPARE(built.seriesCount(), fed.seriesCount());
    for (int i = 0; i < fed.seriesCount(); ++i)
        QCOMPARE(built.series(i).points(), fed.series(i).points());
    QCOMPARE(built.lanes(), fed.lanes());
    QCOMPARE(built.faultMarkers().size(), 1);
}

void TestTimelineModel::clearForgetsEverything()
{
    core::Session session;
    TimelineModel model(&session);
    QSignalSpy cleared(&model, &TimelineModel::cleared);
    session.add(packet(5, kClient, QStringLiteral("data")));
    session.add(fault(6, kServer, QStringLiteral("unplug")));
    session.clear();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(model.seriesCount(), 0);
    QVERIFY(model.lanes().isEmpty());
    QVERIFY(model.faultMarkers().isEmpty());
    QVERIFY(model.detectionSpans().isEmpty());
    // A new run starts its own time axis.
    session.add(packet(100, kServer, QStringLiteral("syn")));
    QCOMPARE(model.originUs(), at(100));
    QCOMPARE(model.series(model.packetSeries(QStringLiteral("syn"))).points(), QList<QPointF>{QPointF(0, 0)});
}

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_TimelineModel.moc"
