// SPDX-License-Identifier: GPL-3.0-or-later
// EventLineParser: the fast path of the recording reader gives exactly what QJsonDocument plus
// Event::fromJson give, for what the recorder writes and for unusual but valid lines; anything
// it does not take (errors included) it declines, leaving it to QJsonDocument.

#include "EventFixtures.h"

#include "core/session/EventLineParser.h"

#include <QJsonDocument>
#include <QTest>

using namespace halfopen::core;
using fixtures::eventDifference;

namespace {

// The reference: what the reader did before it had a fast path.
std::optional<Event> slowParse(const QByteArray &line)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (!doc.isObject())
        return std::nullopt;
    return Event::fromJson(doc.object());
}

QByteArray recorded(const Event &e)
{
    return QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestEventLineParser : public QObject
{
    Q_OBJECT
private slots:
    void recordedEventsReadAlike();
    void unusualLinesReadAlike_data();
    void unusualLinesReadAlike();
    void declinesWhatItDoesNotTake_data();
    void declinesWhatItDoesNotTake();
    void sharedStringsStayApart();
    void sampleTimesSaturate();
};

void TestEventLineParser::recordedEventsReadAlike()
{
    QList<Event> events = fixtures::eventsOfEveryKind();
    events.append(fixtures::simpleEvent(42, QStringLiteral("started")));
    Event bare; // every field at its default
    bare.kind = EventKind::Sample;
    bare.tUs = 1;
    events.append(bare);
    Event noTimer = fixtures::eventsOfEveryKind().at(1);
    noTimer.sample->timerKnown = false; // the timer fields are not written then
    noTimer.sample->timer = TcpTimer::Off;
    noTimer.sample->timerExpiresMs = 0;
    events.append(noTimer);
    Event big = fixtures::eventsOfEveryKind().at(0);
    big.sample->bytesAcked = 0xffff'ffff'ffffull;
    big.sample->timerExpiresMs = -3;
    big.count = -7;
    big.sample->rttUs = 1;
    events.append(big);

    EventLineParser parser;
    for (const Event &e : std::as_const(events)) {
        const QByteArray line = recorded(e);
        const auto fast = parser.parse(line);
        QVERIFY2(fast, line.constData());
        const auto slow = slowParse(line);
        QVERIFY(slow);
        QVERIFY2(eventDifference(*slow, *fast).isEmpty(),
                 qPrintable(eventDifference(*slow, *fast) + QLatin1Char(' ') + QString::fromUtf8(line)));
        QVERIFY2(eventDifference(e, *fast).isEmpty(), qPrintable(eventDifference(e, *fast)));
    }
}

void TestEventLineParser::unusualLinesReadAlike_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("spaces") << QByteArray(" { \"t_us\" : 5 ,\t\"kind\" :\"fault\" , \"what\": \"unplug\" }\r ");
    QTest::newRow("keys in another order") << QByteArray(R"({"what":"x","t_us":9,"host":"client","kind":"endpoint"})");
    QTest::newRow("escapes") << QByteArray(
        R"({"t_us":1,"kind":"endpoint","what":"a \"quoted\" \\ word\/\n\ttab","detail":{"msg":"line\r\nnext\b\f"}})");
    QTest::newRow("whole numbers written as decimals")
        << QByteArray(R"({"t_us":1.0e3,"kind":"heartbeat","count":2E+1,"errno_value":1.0})");
    QTest::newRow("negative zero") << QByteArray(R"({"t_us":-0,"kind":"endpoint","count":-0.0})");
    QTest::newRow("unknown keys of every type") << QByteArray(
        R"({"t_us":3,"future":{"a":[1,{"b":null}],"c":true},"kind":"packet","list":[],"f":false,"n":null,"x":-1.5e-3})");
    QTest::newRow("errno by name") << QByteArray(
        R"({"t_us":3,"kind":"error","errno":"ETIMEDOUT","errno_value":110,"mechanism":"user_timeout"})");
    QTest::newRow("ss state names") << QByteArray(R"({"t_us":3,"kind":"state","from":"ESTAB","to":"close-wait"})");
    QTest::newRow("empty sample") << QByteArray(R"({"t_us":3,"kind":"sample","sample":{}})");
    QTest::newRow("timer without expiry")
        << QByteArray(R"({"t_us":3,"kind":"sample","sample":{"timer":"keepalive","state":"LISTEN"}})");
    QTest::newRow("expiry without timer")
        << QByteArray(R"({"t_us":3,"kind":"sample","sample":{"timer_expires_ms":500,"rto_ms":0.2004}})");
    QTest::newRow("unknown timer") << QByteArray(
        R"({"t_us":3,"kind":"sample","sample":{"timer":"egg","timer_expires_ms":5}})");
    QTest::newRow("sample fields past their width") << QByteArray(
        R"({"t_us":3,"kind":"sample","sample":{"retransmits":300,"backoff":-1,"send_q":4294967297,"rto_ms":2e6,"rtt_ms":-0.4}})");
    QTest::newRow("sample times past any range") << QByteArray(
        R"({"t_us":3,"kind":"sample","sample":{"rto_ms":1e300,"rtt_ms":-1e300,"rttvar_ms":4294967.2955}})");
    QTest::newRow("sample with unknown fields")
        << QByteArray(R"({"t_us":3,"kind":"sample","sample":{"delivery_rate":12.5,"extra":{"x":[1]},"probes":2}})");
    QTest::newRow("empty detail") << QByteArray(R"({"t_us":3,"kind":"fault","detail":{}})");
    QTest::newRow("nested detail") << QByteArray(
        R"({"t_us":3,"kind":"verdict","detail":{"a":{"b":{"c":[1,2.5,"x",true,null,{}]}},"z":-0.0,"big":1e300}})");
    QTest::newRow("duplicate unknown key") << QByteArray(R"({"t_us":3,"kind":"fault","x":1,"x":2})");
}

void TestEventLineParser::unusualLinesReadAlike()
{
    QFETCH(QByteArray, line);
    EventLineParser parser;
    const auto fast = parser.parse(line);
    QVERIFY2(fast, "the fast path declined a line it should take");
    const auto slow = slowParse(line);
    QVERIFY(slow);
    QVERIFY2(eventDifference(*slow, *fast).isEmpty(), qPrintable(eventDifference(*slow, *fast)));
    QCOMPARE(QJsonDocument(fast->detail).toJson(), QJsonDocument(slow->detail).toJson());
}

void TestEventLineParser::declinesWhatItDoesNotTake_data()
{
    QTest::addColumn<QByteArray>("line");
    // Valid, but QJsonDocument's to read.
    QTest::newRow("\\u escape") << QByteArray(R"({"t_us":1,"kind":"endpoint","what":"caf\u00e9"})");
    QTest::newRow("UTF-8 text") << QByteArray("{\"t_us\":1,\"kind\":\"endpoint\",\"what\":\"caf\xc3\xa9\"}");
    QTest::newRow("duplicate field") << QByteArray(R"({"t_us":1,"kind":"endpoint","what":"a","what":"b"})");
    QTest::newRow("duplicate sample field")
        << QByteArray(R"({"t_us":1,"kind":"sample","sample":{"probes":1,"probes":2}})");
    QTest::newRow("duplicate detail key") << QByteArray(R"({"t_us":1,"kind":"fault","detail":{"a":1,"a":2}})");
    QTest::newRow("host not a string") << QByteArray(R"({"t_us":1,"kind":"endpoint","host":5})");
    QTest::newRow("sample not an object") << QByteArray(R"({"t_us":1,"kind":"sample","sample":[1]})");
    QTest::newRow("detail not an object") << QByteArray(R"({"t_us":1,"kind":"fault","detail":"x"})");
    QTest::newRow("escaped key") << QByteArray(R"({"t_\u0075s":1,"kind":"endpoint"})");
    // Out of type or range (issue 16): Event::fromJson refuses them, naming the field.
    QTest::newRow("fractions in integer fields")
        << QByteArray(R"({"t_us":2.5,"kind":"heartbeat","count":0.5,"errno_value":3.25})");
    QTest::newRow("past 64 bits") << QByteArray(
        R"({"t_us":99999999999999999999,"kind":"endpoint","count":-9223372036854775809})");
    QTest::newRow("int field too big for int") << QByteArray(R"({"t_us":7,"kind":"error","errno_value":4294967296})");
    QTest::newRow("unknown mechanism and states")
        << QByteArray(R"({"t_us":3,"kind":"state","mechanism":"telepathy","from":"nowhere","to":"established"})");
    QTest::newRow("negative time") << QByteArray(R"({"t_us":-1,"kind":"endpoint"})");
    QTest::newRow("host past 128 characters")
        << QByteArray(R"({"t_us":1,"kind":"endpoint","host":")") + QByteArray(129, 'h') + QByteArray(R"("})");
    // Not events: Event::fromJson says why.
    QTest::newRow("no kind") << QByteArray(R"({"t_us":1})");
    QTest::newRow("unknown kind") << QByteArray(R"({"t_us":1,"kind":"gossip"})");
    QTest::newRow("time as text") << QByteArray(R"({"t_us":"1","kind":"endpoint"})");
    QTest::newRow("no time") << QByteArray(R"({"kind":"endpoint"})");
    QTest::newRow("empty object") << QByteArray("{}");
    // Not JSON: QJsonDocument says where.
    QTest::newRow("half a line") << QByteArray(R"({"t_us":86400999999,"kind":"err)");
    QTest::newRow("trailing comma") << QByteArray(R"({"t_us":1,"kind":"endpoint",})");
    QTest::newRow("leading zero") << QByteArray(R"({"t_us":01,"kind":"endpoint"})");
    QTest::newRow("plus sign") << QByteArray(R"({"t_us":+1,"kind":"endpoint"})");
    QTest::newRow("bare fraction") << QByteArray(R"({"t_us":.5,"kind":"endpoint"})");
    QTest::newRow("dot without digits") << QByteArray(R"({"t_us":1.,"kind":"endpoint"})");
    QTest::newRow("exponent without digits") << QByteArray(R"({"t_us":1e,"kind":"endpoint"})");
    QTest::newRow("NaN") << QByteArray(R"({"t_us":NaN,"kind":"endpoint"})");
    QTest::newRow("number past double") << QByteArray(R"({"t_us":1e400,"kind":"endpoint"})");
    QTest::newRow("garbage after") << QByteArray(R"({"t_us":1,"kind":"endpoint"} x)");
    QTest::newRow("two objects") << QByteArray(R"({"t_us":1,"kind":"endpoint"}{})");
    QTest::newRow("control character") << QByteArray("{\"t_us\":1,\"kind\":\"endpoint\",\"what\":\"a\tb\"}");
    QTest::newRow("bad escape") << QByteArray(R"({"t_us":1,"kind":"endpoint","what":"a\qb"})");
    QTest::newRow("truthy") << QByteArray(R"({"t_us":1,"kind":"endpoint","x":tru})");
    QTest::newRow("array at top") << QByteArray("[1,2,3]");
    QTest::newRow("missing colon") << QByteArray(R"({"t_us" 1,"kind":"endpoint"})");
    QTest::newRow("unclosed detail") << QByteArray(R"({"t_us":1,"kind":"fault","detail":{"a":[1,2})");
    QTest::newRow("too deep") << QByteArray(R"({"t_us":1,"kind":"fault","detail":)") + QByteArray(40, '[')
            + QByteArray(40, ']') + "}";
}

void TestEventLineParser::declinesWhatItDoesNotTake()
{
    QFETCH(QByteArray, line);
    EventLineParser parser;
    QVERIFY(!parser.parse(line));
    // The same parser goes on reading good lines after a declined one.
    const auto next = parser.parse(R"({"t_us":2,"kind":"endpoint","what":"next"})");
    QVERIFY(next);
    QCOMPARE(next->what, QStringLiteral("next"));
}

void TestEventLineParser::sharedStringsStayApart()
{
    // Strings are shared between events; changing one event's copy leaves the others alone.
    EventLineParser parser;
    auto a = parser.parse(R"({"t_us":1,"kind":"endpoint","host":"client","what":"sent"})");
    auto b = parser.parse(R"({"t_us":2,"kind":"endpoint","host":"client","what":"sent"})");
    QVERIFY(a && b);
    a->what.append(QStringLiteral("-1"));
    QCOMPARE(b->what, QStringLiteral("sent"));
    QCOMPARE(a->what, QStringLiteral("sent-1"));
}

// A hostile recording's 1e300 ms once reached an out-of-range double-to-int conversion
// (undefined behaviour, found by fuzz_event_line): both readers clamp to the field instead.
void TestEventLineParser::sampleTimesSaturate()
{
    EventLineParser parser;
    const auto e
        = parser.parse(R"({"t_us":3,"kind":"sample","sample":{"rto_ms":1e300,"rtt_ms":-1e300,"rttvar_ms":2.5}})");
    QVERIFY(e && e->sample);
    QCOMPARE(e->sample->rtoUs, std::numeric_limits<quint32>::max());
    QCOMPARE(e->sample->rttUs, 0u);
    QCOMPARE(e->sample->rttVarUs, 2500u);
}

QTEST_GUILESS_MAIN(TestEventLineParser)
#include "tst_EventLineParser.moc"
