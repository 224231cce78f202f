// SPDX-License-Identifier: GPL-3.0-or-later
// Event: every kind survives JSON (as a recording stores it), non-events are refused with a
// reason, and the one-line description names what a user needs to see.

#include "EventFixtures.h"

#include "core/session/ErrorFields.h"
#include "core/session/Event.h"
#include "core/session/EventLineParser.h"
#include "core/session/FaultFields.h"
#include "core/session/OptionsFields.h"
#include "core/session/PacketFields.h"
#include "core/session/RunStepFields.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace halfopen::core;
using fixtures::eventDifference;

class TestEvent : public QObject
{
    Q_OBJECT
private slots:
    void kindNamesRoundTrip();
    void everyKindRoundTrips();
    void minimalEventRoundTrips();
    void jsonFieldNames();
    void notAnEvent_data();
    void notAnEvent();
    void describeError();
    void describeStateAndSample();
    void detailKeepsEveryValueExactly();
    void detailIsCompact();
    void sampleIsOptionalAndShared();
    void subKindNamesRoundTrip();
    void hostIsOneOfItsNames();
    void socketOperationNamesRoundTrip();
    void subKindNeedsItsKindAndHost();
    void recordedSubKindsAreKnown();
    void tcpFlagsAreTcpdumpsLetters();
    void packetFieldsRoundTrip();
    void errorFieldsRoundTrip();
    void optionsFieldsRoundTrip();
    void faultFieldsRoundTrip();
    void runStepFieldsRoundTrip();
};

void TestEvent::kindNamesRoundTrip()
{
    for (int k = int(EventKind::State); k <= int(EventKind::Endpoint); ++k)
        QCOMPARE(eventKindFromName(eventKindName(EventKind(k))), std::optional{EventKind(k)});
    QVERIFY(!eventKindFromName(u"State")); // names are exact, as written to recordings
    QVERIFY(!eventKindFromName(u""));
}

void TestEvent::everyKindRoundTrips()
{
    for (const Event &e : fixtures::eventsOfEveryKind()) {
        // Through the text form, exactly as a JSONL line is written and read back.
        const QByteArray line = QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact);
        QString error;
        const std::optional<Event> back = Event::fromJson(QJsonDocument::fromJson(line).object(), &error);
        QVERIFY2(back, qPrintable(error));
        const QString difference = eventDifference(e, *back);
        QVERIFY2(difference.isEmpty(), qPrintable(eventKindName(e.kind) + QLatin1String(": ") + difference));
    }
}

void TestEvent::minimalEventRoundTrips()
{
    // Defaults stay defaults: no sample appears, nothing is invented.
    Event e;
    e.kind = EventKind::Fault;
    e.tUs = 5;
    e.what = QStringLiteral("unplug");
    const std::optional<Event> back = Event::fromJson(e.toJson());
    QVERIFY(back);
    QVERIFY(!back->sample);
    QCOMPARE(eventDifference(e, *back), QString());
    QCOMPARE(e.toJson().keys(), (QStringList{"kind", "t_us", "what"}));
}

void TestEvent::jsonFieldNames()
{
    const Event e = fixtures::eventsOfEveryKind().at(int(EventKind::Error));
    const QJsonObject j = e.toJson();
    QCOMPARE(j.value(u"kind").toString(), QStringLiteral("error"));
    QCOMPARE(j.value(u"t_us").toInteger(), e.tUs);
    QCOMPARE(j.value(u"errno").toString(), QStringLiteral("ETIMEDOUT"));
    QCOMPARE(j.value(u"errno_value").toInt(), ETIMEDOUT);
    QCOMPARE(j.value(u"mechanism").toString(), QStringLiteral("keepalive"));
    QCOMPARE(j.value(u"sample").toObject().value(u"rto_ms").toDouble(), 1632.0);
}

void TestEvent::notAnEvent_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::newRow("empty") << QJsonObject{};
    QTest::newRow("no t_us") << QJsonObject{{"kind", "state"}};
    QTest::newRow("no kind") << QJsonObject{{"t_us", 5}};
    QTest::newRow("unknown kind") << QJsonObject{{"kind", "gossip"}, {"t_us", 5}};
    QTest::newRow("t_us as text") << QJsonObject{{"kind", "state"}, {"t_us", "5"}};
    QTest::newRow("kind as number") << QJsonObject{{"kind", 1}, {"t_us", 5}};
}

void TestEvent::notAnEvent()
{
    QFETCH(QJsonObject, json);
    QString error;
    QVERIFY(!Event::fromJson(json, &error));
    QVERIFY2(error.contains(QLatin1String("\"kind\"")) && error.contains(QLatin1String("\"t_us\"")), qPrintable(error));
    QVERIFY(!Event::fromJson(json)); // a null error pointer is allowed
}

void TestEvent::describeError()
{
    Event e;
    e.kind = EventKind::Error;
    e.tUs = 6'090'000;
    e.host = halfopen::core::Host::Client;
    e.local = QStringLiteral("10.0.0.1:40000");
    e.remote = QStringLiteral("10.0.0.2:5000");
    e.errnoValue = ETIMEDOUT;
    e.mechanism = DetectionMechanism::Keepalive;
    QString line = describeEvent(e, 1'000'000);
    QVERIFY2(line.contains(QLatin1String("ETIMEDOUT")), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("keepalive")), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("10.0.0.2:5000")), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("5.090")), qPrintable(line)); // seconds since the origin

    e.errnoValue = ECONNRESET;
    e.mechanism = DetectionMechanism::Rst;
    line = describeEvent(e, 0);
    QVERIFY2(line.contains(QLatin1String("ECONNRESET")) && line.contains(QLatin1String("rst")), qPrintable(line));
}

void TestEvent::describeStateAndSample()
{
    Event state;
    state.kind = EventKind::State;
    state.fromState = TcpState::Established;
    state.toState = TcpState::CloseWait;
    const QString stateLine = describeEvent(state, 0);
    QVERIFY2(stateLine.contains(QLatin1String("ESTABLISHED -> CLOSE_WAIT")), qPrintable(stateLine));

    Event sample;
    sample.kind = EventKind::Sample;
    sample.sample = fixtures::retransmittingSample();
    const QString sampleLine = describeEvent(sample, 0);
    for (const char *part : {"retransmits=3", "rto=1632ms", "timer=on(1210ms)", "send_q=200"})
        QVERIFY2(sampleLine.contains(QLatin1String(part)),
                 qPrintable(sampleLine + QLatin1String(" lacks ") + QLatin1String(part)));
}

void TestEvent::detailKeepsEveryValueExactly()
{
    // Kept compact in memory, read back as the object put in: every JSON type, nesting, known
    // field names (kept as numbers) and unknown ones, integers past 2^53 and doubles stay apart.
    const QJsonObject object{
        {QStringLiteral("seq"), qint64(4294967295)},
        {QStringLiteral("rtt_ms"), 0.25},
        {QStringLiteral("whole_double"), 2.0},
        {QStringLiteral("big"), qint64(1) << 62},
        {QStringLiteral("negative"), -7},
        {QStringLiteral("flags"), QStringLiteral("P.")},
        {QStringLiteral("unknown_name \u00e9\u4e2d"), QStringLiteral("text \u00e9\u4e2d")},
        {QStringLiteral("dropped"), true},
        {QStringLiteral("fatal"), false},
        {QStringLiteral("nothing"), QJsonValue::Null},
        {QStringLiteral(""), QStringLiteral("empty key")},
        {QStringLiteral("applied"),
         QJsonObject{{QStringLiteral("keepalive"), true},
                     {QStringLiteral("list"), QJsonArray{1, 2.5, QStringLiteral("x")}}}},
    };
    Event e;
    e.detail = object;
    QCOMPARE(e.detail.toObject(), object);
    QCOMPARE(QJsonDocument(e.detail.toObject()).toJson(), QJsonDocument(object).toJson());
    QVERIFY(e.detail.value(QStringLiteral("whole_double")).isDouble());
    QCOMPARE(e.detail.value(QStringLiteral("big")).toInteger(), qint64(1) << 62);
    QCOMPARE(e.detail.value(QLatin1StringView("flags")).toString(), QStringLiteral("P."));
    QCOMPARE(e.detail.value(QStringLiteral("applied")).toObject(), object.value(QStringLiteral("applied")).toObject());
    QVERIFY(e.detail.value(QStringLiteral("nothing")).isNull());
    QVERIFY(e.detail.value(QStringLiteral("absent")).isUndefined());
    QVERIFY(e.detail.contains(QStringLiteral("dropped")));
    QVERIFY(!e.detail.contains(QStringLiteral("absent")));

    // Copies are independent; insert adds to one.
    Event copy = e;
    copy.detail.insert(QStringLiteral("frames"), 3);
    QCOMPARE(copy.detail.value(QStringLiteral("frames")).toInt(), 3);
    QVERIFY(!e.detail.contains(QStringLiteral("frames")));
    copy.detail = QJsonObject();
    QVERIFY(copy.detail.isEmpty());
    QCOMPARE(e.detail.toObject(), object);
}

void TestEvent::detailIsCompact()
{
    // A packet's detail as the cable writes it: ~600 bytes as a QJsonObject, well under 100 here.
    Event e;
    e.detail = {{QStringLiteral("ack"), qint64(1894614397)},
                {QStringLiteral("class"), QStringLiteral("data")},
                {QStringLiteral("direction"), QStringLiteral("client->server")},
                {QStringLiteral("flags"), QStringLiteral("P.")},
                {QStringLiteral("len"), 1400},
                {QStringLiteral("rel_ack"), 1},
                {QStringLiteral("rel_seq"), 2220950},
                {QStringLiteral("seq"), qint64(1894961044)},
                {QStringLiteral("win"), 63}};
    QVERIFY2(e.detail.encodedSize() <= 64, qPrintable(QString::number(e.detail.encodedSize())));
    QCOMPARE(e.detail.value(QStringLiteral("direction")).toString(), QStringLiteral("client->server"));
    QVERIFY(sizeof(Event) <= 136);
}

void TestEvent::sampleIsOptionalAndShared()
{
    Event e;
    QVERIFY(!e.sample);
    QVERIFY(e.sample == std::nullopt);
    TcpInfoSample s;
    s.rtoUs = 204000;
    e.sample = s;
    QVERIFY(e.sample.has_value());
    QCOMPARE(e.sample->rtoUs, 204000u);
    const Event copy = e;
    QCOMPARE(&*copy.sample, &*std::as_const(e).sample); // one sample for both copies
    e.sample->rtoUs = 408000;                           // a write detaches
    QCOMPARE(copy.sample->rtoUs, 204000u);
    QCOMPARE(e.sample->rtoUs, 408000u);
    e.sample = std::nullopt;
    QVERIFY(!e.sample);
    QCOMPARE(copy.sample.toOptional(), std::optional(s));
}

namespace {

// Every value of an enum whose last value is `last` names itself, back and forth, and no two
// values share a name.
template<typename Enum, typename Name, typename FromName> void checkNames(Enum last, Name name, FromName fromName)
{
    QSet<QString> seen;
    for (int i = 0; i <= int(last); ++i) {
        const QString text = name(Enum(i));
        QVERIFY2(!text.isEmpty(), qPrintable(QString::number(i)));
        QVERIFY2(!seen.contains(text), qPrintable(text));
        seen.insert(text);
        QCOMPARE(fromName(text), std::optional{Enum(i)});
    }
    QVERIFY(!fromName(u"no-such-name"));
}

} // namespace

void TestEvent::subKindNamesRoundTrip()
{
    checkNames(PacketClass::Other, packetClassName, packetClassFromName);
    checkNames(FaultKind::Marker, faultKindName, faultKindFromName);
    checkNames(HeartbeatPhase::Dead, heartbeatPhaseName, heartbeatPhaseFromName);
    checkNames(EndpointStep::Closed, endpointStepName, endpointStepFromName);
    checkNames(RunStep::EndpointExited, runStepName, runStepFromName);
    checkNames(CableDirection::FromHost, cableDirectionName, cableDirectionFromName);
    // The names recordings and scripts know.
    QCOMPARE(packetClassName(PacketClass::TailLossProbe), QLatin1String("tail-loss-probe"));
    QCOMPARE(faultKindName(FaultKind::IcmpUnreachableOn), QLatin1String("icmp-unreachable-on"));
    QCOMPARE(endpointStepName(EndpointStep::ShutdownWrite), QLatin1String("shutdown_write"));
    QCOMPARE(runStepName(RunStep::FaultFailed), QLatin1String("fault_failed"));
    QCOMPARE(cableDirectionName(CableDirection::ToHost), QLatin1String("to-host"));
}

void TestEvent::hostIsOneOfItsNames()
{
    using halfopen::core::Host;
    for (const Host host : {Host::None, Host::Client, Host::Server, Host::Local, Host::Lab, Host::Other, Host::Peer}) {
        Event e;
        e.tUs = 1;
        e.host = host;
        QCOMPARE(halfopen::core::hostFromName(QString(halfopen::core::hostName(host))), std::optional<Host>(host));
        const auto back = Event::fromJson(e.toJson());
        QVERIFY(back);
        QCOMPARE(back->host, host);
        QCOMPARE(e.toJson().contains(u"host"), host != Host::None); // no host, no field
    }
    QCOMPARE(halfopen::core::peerOf(Host::Client), std::optional{Host::Server});
    QCOMPARE(halfopen::core::peerOf(Host::Server), std::optional{Host::Client});
    QVERIFY(!halfopen::core::peerOf(Host::Local));
    // A name this version does not know (an older `--name plc`) is another program's host: the
    // recording opens, by either reader. A host that is not a text is refused, the field named.
    const QByteArray line = R"({"t_us":5,"kind":"state","host":"plc"})";
    QCOMPARE(Event::fromJson(QJsonDocument::fromJson(line).object())->host, Host::Other);
    halfopen::core::EventLineParser parser;
    QCOMPARE(parser.parse(line)->host, Host::Other);
    QString error;
    QVERIFY(!Event::fromJson({{"kind", "state"}, {"t_us", 5}, {"host", 5}}, &error));
    QVERIFY2(error.startsWith(QLatin1String(
                 "host: must be a text of at most 128 characters (one of client, server, local, lab, other, peer)")),
             qPrintable(error));
}

void TestEvent::socketOperationNamesRoundTrip()
{
    using halfopen::core::SocketOperation;
    for (int i = int(SocketOperation::None); i <= int(SocketOperation::Heartbeat); ++i) {
        const auto operation = SocketOperation(i);
        const QString name = halfopen::core::socketOperationName(operation);
        QCOMPARE(name.isEmpty(), operation == SocketOperation::None);
        QCOMPARE(halfopen::core::socketOperationFromName(name), std::optional<SocketOperation>(operation));
        halfopen::core::ErrorFields f;
        f.operation = operation;
        Event e;
        e.kind = EventKind::Error;
        e.detail = f.toDetail();
        QCOMPARE(halfopen::core::ErrorFields::of(e).operation, operation);
    }
    // The names recordings hold.
    QCOMPARE(QString(halfopen::core::socketOperationName(SocketOperation::Recv)), QStringLiteral("recv"));
    QVERIFY(!halfopen::core::socketOperationFromName(u"write"));
}

void TestEvent::subKindNeedsItsKindAndHost()
{
    Event ready = Event::labEvent(5, RunStep::Ready);
    QCOMPARE(ready.what, QStringLiteral("ready"));
    QVERIFY(ready.is(RunStep::Ready));
    QCOMPARE(ready.runStep(), std::optional{RunStep::Ready});
    QVERIFY(!ready.is(RunStep::Stopped));
    QVERIFY(!ready.endpointStep()); // the run's step, not a host's

    Event closed;
    closed.kind = EventKind::Endpoint;
    closed.host = halfopen::core::Host::Client;
    closed.what = QStringLiteral("closed");
    QVERIFY(closed.is(EndpointStep::Closed));
    QVERIFY(!closed.runStep());
    closed.host = halfopen::core::Host::Lab; // a host's step said by the lab is not one
    QVERIFY(!closed.is(EndpointStep::Closed));

    // The same word under another kind is another thing: a heartbeat "sent" is no endpoint step.
    Event sent;
    sent.kind = EventKind::Heartbeat;
    sent.host = halfopen::core::Host::Client;
    sent.what = QStringLiteral("sent");
    QVERIFY(sent.is(HeartbeatPhase::Sent));
    QVERIFY(!sent.is(EndpointStep::Sent));
    QVERIFY(!sent.endpointStep());

    Event fin;
    fin.kind = EventKind::Packet;
    fin.what = packetClassName(PacketClass::Fin);
    QCOMPARE(fin.packetClass(), std::optional{PacketClass::Fin});
    QVERIFY(!fin.faultKind());
    fin.kind = EventKind::Fault;
    QVERIFY(!fin.packetClass());
    fin.what = QStringLiteral("cable-on-fire"); // a newer recording's fault: not known, not wrong
    QVERIFY(!fin.faultKind());
}

// Recordings made before the sub-kinds were typed: every packet, fault, heartbeat and endpoint
// event in them is one the types know.
void TestEvent::recordedSubKindsAreKnown()
{
    for (const char *name : {"cable-pulled-while-sending.jsonl", "keepalive-detects-powered-off-peer.jsonl"}) {
        const QString path = QFINDTESTDATA(QStringLiteral("../ui/views/data/") + QLatin1String(name));
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), name);
        int typed = 0;
        while (!file.atEnd()) {
            const std::optional<Event> e = Event::fromJson(QJsonDocument::fromJson(file.readLine()).object());
            if (!e)
                continue; // the recording's first and last lines
            bool known = true;
            switch (e->kind) {
            case EventKind::Packet:
                known = e->packetClass().has_value();
                break;
            case EventKind::Fault:
                known = e->faultKind().has_value();
                break;
            case EventKind::Heartbeat:
                known = e->heartbeatPhase().has_value();
                break;
            case EventKind::Endpoint:
                known = e->endpointStep() || e->runStep();
                break;
            default:
                continue;
            }
            QVERIFY2(known,
                     qPrintable(QStringLiteral("%1: %2 %3").arg(QLatin1String(name), eventKindName(e->kind), e->what)));
            ++typed;
        }
        QVERIFY(typed > 10);
    }
}

void TestEvent::tcpFlagsAreTcpdumpsLetters()
{
    const TcpFlags synAck(TcpFlags::Syn | TcpFlags::Ack);
    QCOMPARE(synAck.toText(), QStringLiteral("S."));
    QCOMPARE(TcpFlags(TcpFlags::Fin | TcpFlags::Psh | TcpFlags::Ack).toText(), QStringLiteral("FP."));
    QCOMPARE(TcpFlags().toText(), QStringLiteral("none"));
    for (int bits = 0; bits < 256; ++bits)
        QCOMPARE(TcpFlags::fromText(TcpFlags(quint8(bits)).toText()).bits(), quint8(bits));
    QVERIFY(TcpFlags::fromText(u"S.").has(TcpFlags::Syn));
    QVERIFY(!TcpFlags::fromText(u"S.").has(TcpFlags::Fin));
    QCOMPARE(TcpFlags::fromText(u"none"), TcpFlags());
}

void TestEvent::packetFieldsRoundTrip()
{
    PacketFields f;
    f.from = halfopen::core::Host::Client;
    f.to = halfopen::core::Host::Server;
    f.flags = TcpFlags(TcpFlags::Psh | TcpFlags::Ack);
    f.seq = 4000000000u; // above 2^31: kept whole
    f.ack = 17;
    f.relativeSeq = 1;
    f.relativeAck = 1;
    f.length = 1400;
    f.window = 502;
    f.dropped = true;
    Event e;
    e.kind = EventKind::Packet;
    e.detail = f.toDetail();
    // The names recordings have always used.
    QCOMPARE(e.detail.value(QStringLiteral("direction")).toString(), QStringLiteral("client->server"));
    QCOMPARE(e.detail.value(QStringLiteral("flags")).toString(), QStringLiteral("P."));
    QCOMPARE(e.detail.value(QStringLiteral("rel_seq")).toInteger(), 1);
    QCOMPARE(e.detail.value(QStringLiteral("len")).toInteger(), 1400);
    const PacketFields back = PacketFields::of(e);
    QCOMPARE(back.from, f.from);
    QCOMPARE(back.to, f.to);
    QCOMPARE(back.flags, f.flags);
    QCOMPARE(back.seq, f.seq);
    QCOMPARE(back.ack, f.ack);
    QCOMPARE(back.relativeSeq, f.relativeSeq);
    QCOMPARE(back.relativeAck, f.relativeAck);
    QCOMPARE(back.length, f.length);
    QCOMPARE(back.window, f.window);
    QVERIFY(back.dropped);
    QVERIFY(!back.aggregated);
    QCOMPARE(back.directionText(QStringLiteral(" → ")), QStringLiteral("client → server"));

    // An ICMP frame's event has no TCP fields: none are made up.
    Event icmp;
    icmp.kind = EventKind::Packet;
    icmp.detail = QJsonObject{{QStringLiteral("direction"), QStringLiteral("server->client")}};
    const PacketFields none = PacketFields::of(icmp);
    QVERIFY(!none.flags);
    QVERIFY(!none.seq);
    QVERIFY(!none.length);
    QCOMPARE(none.from, halfopen::core::Host::Server);
}

void TestEvent::errorFieldsRoundTrip()
{
    ErrorFields f;
    f.operation = halfopen::core::SocketOperation::Send;
    f.fatal = false;
    f.message = QStringLiteral("No route to host");
    f.sinceLastReceivedMs = 5090;
    f.sinceFirstUnackedSendMs = 201.5;
    f.stateAfter = QStringLiteral("ESTABLISHED");
    Event e;
    e.kind = EventKind::Error;
    e.detail = f.toDetail();
    // The names and number types recordings have always had.
    QCOMPARE(e.detail.value(QStringLiteral("operation")).toString(), QStringLiteral("send"));
    QCOMPARE(e.detail.value(QStringLiteral("fatal")).toBool(true), false);
    QVERIFY(e.detail.value(QStringLiteral("since_last_received_ms")).toVariant().typeId() == QMetaType::LongLong);
    QCOMPARE(e.detail.value(QStringLiteral("since_first_unacked_send_ms")).toDouble(), 201.5);
    const ErrorFields back = ErrorFields::of(e);
    QCOMPARE(back.operation, f.operation);
    QCOMPARE(back.fatal, f.fatal);
    QVERIFY(!back.isFatal());
    QCOMPARE(back.message, f.message);
    QCOMPARE(back.sinceLastReceivedMs, f.sinceLastReceivedMs);
    QCOMPARE(back.sinceFirstUnackedSendMs, f.sinceFirstUnackedSendMs);
    QCOMPARE(back.stateAfter, f.stateAfter);
    QVERIFY(!back.synRetransmits);

    // An EOF says nothing of "fatal": it is fatal.
    Event eof;
    eof.kind = EventKind::Error;
    eof.detail = QJsonObject{{QStringLiteral("operation"), QStringLiteral("recv")}};
    QVERIFY(!ErrorFields::of(eof).fatal);
    QVERIFY(ErrorFields::of(eof).isFatal());
}

void TestEvent::optionsFieldsRoundTrip()
{
    OptionsFields f;
    f.requested.keepalive = {true, 2, 1, 3};
    f.requested.userTimeoutMs = 5000;
    f.applied = f.requested;
    f.applied.userTimeoutMs = 0;
    f.failed = {{QStringLiteral("user_timeout_ms"), QStringLiteral("EINVAL (Invalid argument)")}};
    f.live = true;
    Event e;
    e.kind = EventKind::Endpoint;
    e.detail = f.toDetail();
    QCOMPARE(e.detail.value(QStringLiteral("applied")).toObject(), f.applied.toJson());
    QCOMPARE(e.detail.value(QStringLiteral("failed")).toArray().first().toObject().value(QStringLiteral("option")),
             QJsonValue(QStringLiteral("user_timeout_ms")));
    const OptionsFields back = OptionsFields::of(e);
    QVERIFY(back.requested == f.requested);
    QVERIFY(back.applied == f.applied);
    QCOMPARE(back.failed.size(), 1);
    QCOMPARE(back.failed.first().field, QStringLiteral("user_timeout_ms"));
    QCOMPARE(back.failed.first().message, QStringLiteral("EINVAL (Invalid argument)"));
    QVERIFY(back.live);
    // Set up with the connection: no "live", no "failed".
    OptionsFields setUp;
    QVERIFY(!setUp.toDetail().contains(QStringLiteral("live")));
    QVERIFY(!setUp.toDetail().contains(QStringLiteral("failed")));
}

void TestEvent::faultFieldsRoundTrip()
{
    FaultFields unplug;
    unplug.kind = FaultKind::Unplug;
    unplug.host = halfopen::core::Host::Server;
    unplug.direction = CableDirection::ToHost;
    Event e;
    e.kind = EventKind::Fault;
    e.detail = unplug.toDetail();
    // The bytes recordings have always had (lab::Fault's object): nothing said of what is default.
    QCOMPARE(QJsonDocument(e.detail.toObject()).toJson(QJsonDocument::Compact),
             QByteArray(R"({"direction":"to-host","fault":"unplug","host":"server"})"));
    const FaultFields back = FaultFields::of(e);
    QCOMPARE(back.kind, std::optional{FaultKind::Unplug});
    QCOMPARE(back.host, unplug.host);
    QCOMPARE(back.direction, CableDirection::ToHost);
    QCOMPARE(back.value, 0.0);

    FaultFields delay;
    delay.kind = FaultKind::Delay;
    delay.value = 200;
    delay.jitterMs = 12.5;
    QCOMPARE(QJsonDocument(delay.toDetail()).toJson(QJsonDocument::Compact),
             QByteArray(R"({"fault":"delay","jitter_ms":12.5,"value":200})"));
    const FaultFields delayBack = FaultFields::fromDetail(delay.toDetail());
    QCOMPARE(delayBack.value, 200.0);
    QCOMPARE(delayBack.jitterMs, 12.5);
    QCOMPARE(delayBack.host, halfopen::core::Host::None);
    FaultFields nat;
    nat.kind = FaultKind::NatTimeout;
    nat.value = 30;
    nat.reset = true;
    QVERIFY(FaultFields::fromDetail(nat.toDetail()).reset);

    // An older recording's detail, one with a direction this version does not know, and
    // halfopen-cli fault's (the connection it hit): what they do not say is the default.
    const FaultFields old = FaultFields::fromDetail(QJsonObject{{QStringLiteral("value"), 100}});
    QCOMPARE(old.value, 100.0);
    QCOMPARE(old.direction, CableDirection::Both);
    QVERIFY(!old.kind);
    QCOMPARE(FaultFields::fromDetail(QJsonObject{{QStringLiteral("direction"), QStringLiteral("sideways")}}).direction,
             CableDirection::Both);
    const FaultFields target = FaultFields::fromDetail(
        QJsonObject{{QStringLiteral("local"), QStringLiteral("10.0.0.1:5000")}, {QStringLiteral("pid"), 4242}});
    QVERIFY(!target.kind);
    QCOMPARE(target.value, 0.0);
    QVERIFY(target.toDetail().isEmpty());
}

namespace {
QByteArray compact(const QJsonObject &detail)
{
    return QJsonDocument(detail).toJson(QJsonDocument::Compact);
}
} // namespace

void TestEvent::runStepFieldsRoundTrip()
{
    // Most steps say a sentence, and only that.
    const Event failed = Event::labEvent(5, RunStep::Failed,
                                         RunStepFields::withMessage(QStringLiteral("no user namespace")).toDetail());
    QCOMPARE(compact(failed.detail), QByteArray(R"({"message":"no user namespace"})"));
    const RunStepFields failedBack = RunStepFields::of(failed);
    QCOMPARE(failedBack.message, QStringLiteral("no user namespace"));
    QVERIFY(!failedBack.fault && !failedBack.realNetwork && !failedBack.captureTrim && !failedBack.endpointExit);
    QVERIFY(RunStepFields().toDetail().isEmpty()); // stopped, the lab's ready

    // The bytes each step's detail has always had.
    RunStepFields refused = RunStepFields::withMessage(QStringLiteral("kill-process: the host is off"));
    refused.fault = FaultFields{FaultKind::KillProcess, halfopen::core::Host::Server};
    QCOMPARE(
        compact(refused.toDetail()),
        QByteArray(R"({"fault":{"fault":"kill-process","host":"server"},"message":"kill-process: the host is off"})"));
    QCOMPARE(RunStepFields::fromDetail(refused.toDetail()).fault->kind, std::optional{FaultKind::KillProcess});

    RunStepFields unavailable;
    unavailable.reason = QStringLiteral("tcpdump is not installed");
    QCOMPARE(compact(unavailable.toDetail()), QByteArray(R"({"reason":"tcpdump is not installed"})"));
    QCOMPARE(RunStepFields::fromDetail(unavailable.toDetail()).reason, unavailable.reason);

    RunStepFields trimmed = RunStepFields::withMessage(QStringLiteral("the capture keeps the last 1 MB"));
    trimmed.captureTrim = RunStepFields::CaptureTrim{1200, 3'250'000'000, 1};
    const QJsonObject trimmedDetail = trimmed.toDetail();
    QCOMPARE(compact(trimmedDetail),
             QByteArray(R"({"dropped_bytes":3250000000,"dropped_frames":1200,"limit_mb":1,)"
                        R"("message":"the capture keeps the last 1 MB"})"));
    const auto counts = RunStepFields::fromDetail(trimmedDetail).captureTrim;
    QVERIFY(counts);
    QCOMPARE(counts->droppedFrames, 1200);
    QCOMPARE(counts->droppedBytes, qint64(3'250'000'000));
    QCOMPARE(counts->limitMb, 1);

    RunStepFields exited;
    exited.endpointExit = RunStepFields::EndpointExit{3, false};
    QCOMPARE(compact(exited.toDetail()), QByteArray(R"({"crashed":false,"exit_code":3})"));
    QCOMPARE(RunStepFields::fromDetail(exited.toDetail()).endpointExit->exitCode, 3);

    // A real network's ready: all of it, the sysctls as numbers.
    RunStepFields ready;
    ready.realNetwork = RunStepFields::RealNetwork{QJsonObject{{QStringLiteral("role"), QStringLiteral("client")}},
                                                   QStringLiteral("192.0.2.1:40000"),
                                                   4242,
                                                   {{QStringLiteral("net.ipv4.tcp_retries2"), 15}}};
    QCOMPARE(compact(ready.toDetail()),
             QByteArray(R"({"endpoint":"192.0.2.1:40000","mode":"real-network","network":{"role":"client"},)"
                        R"("pid":4242,"sysctls":{"net.ipv4.tcp_retries2":15}})"));
    const auto real = RunStepFields::fromDetail(ready.toDetail()).realNetwork;
    QVERIFY(real);
    QCOMPARE(real->network, ready.realNetwork->network);
    QCOMPARE(real->endpoint, ready.realNetwork->endpoint);
    QCOMPARE(real->pid, 4242);
    QCOMPARE(real->sysctls, ready.realNetwork->sysctls);
    // Another mode, or none (the lab's): no real network.
    QVERIFY(!RunStepFields::fromDetail(QJsonObject{{QStringLiteral("mode"), QStringLiteral("lab")}}).realNetwork);
}

QTEST_GUILESS_MAIN(TestEvent)
#include "tst_Event.moc"
