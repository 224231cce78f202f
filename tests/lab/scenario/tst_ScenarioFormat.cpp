// SPDX-License-Identifier: GPL-3.0-or-later
// The scenario format: the documented example parses, every validation error names the field
// path and what is allowed, and every built-in scenario parses with its texts in the C++ table.

#include "lab/scenario/ScenarioCatalog.h"
#include "lab/scenario/ScenarioTexts.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace halfopen::lab;
using halfopen::core::DetectionMechanism;
using halfopen::core::TcpState;
using halfopen::core::TimeReference;

namespace {

const char *kValid = R"({
  "title": "t", "explanation": "e",
  "lab": {"hosts": {"client": {"keepalive": {"idle_s": 2, "interval_s": 1, "count": 3}}, "server": {}}},
  "steps": [{"at_s": 1.0, "fault": "power-off", "host": "server"}],
  "end": {"timeout_s": 10, "when": "expectations_met"},
  "expect": [
    {"id": "ka", "host": "client", "errno": "ETIMEDOUT", "mechanism": "keepalive", "within_s": [4.5, 6.5], "reference": "last_received"},
    {"id": "probes", "host": "client", "count": "keepalive_probes", "min": 3, "max": 3}
  ]
})";

QJsonObject valid()
{
    return QJsonDocument::fromJson(kValid).object();
}

// Sets the value at a path such as "steps/0/fault" ("-" removes the key).
QJsonValue setAt(QJsonValue node, QStringList path, const QJsonValue &value, bool remove)
{
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        const int i = key.toInt();
        a[i] = path.isEmpty() ? value : setAt(a.at(i), path, value, remove);
        return a;
    }
    QJsonObject o = node.toObject();
    if (path.isEmpty()) {
        if (remove)
            o.remove(key);
        else
            o.insert(key, value);
    } else {
        o.insert(key, setAt(o.value(key), path, value, remove));
    }
    return o;
}

// The first ```json block of docs/scenarios.md: the documented full example.
QJsonObject documentedExample()
{
    QFile file(QStringLiteral(HALFOPEN_SOURCE_DIR "/docs/scenarios.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const QRegularExpression block(QStringLiteral("```json\\n(.*?)```"),
                                   QRegularExpression::DotMatchesEverythingOption);
    return QJsonDocument::fromJson(block.match(text).captured(1).toUtf8()).object();
}

} // namespace

class ScenarioFormatTest : public QObject
{
    Q_OBJECT

private slots:
    void parsesValid();
    void documentedExampleParses();
    void roundTrip();
    void validationErrors_data();
    void validationErrors();
    void fileErrors();
    void builtInsParse();
    void builtInTextsMatchTable();
    void catalogLoadsNamesAndFiles();
};

void ScenarioFormatTest::parsesValid()
{
    QString error;
    const auto s = Scenario::fromJson(valid(), QStringLiteral("example"), &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->name, QStringLiteral("example"));
    QCOMPARE(s->lab.client.endpoint.options.keepalive.idleS, 2);
    QCOMPARE(s->steps.size(), 1);
    QCOMPARE(s->steps.first().atS, 1.0);
    QCOMPARE(s->steps.first().fault.kind, FaultKind::PowerOff);
    QCOMPARE(s->steps.first().fault.host, halfopen::core::Host::Server);
    QCOMPARE(s->end.timeoutS, 10.0);
    QCOMPARE(s->end.when, ScenarioEnd::When::ExpectationsMet);
    QCOMPARE(s->expectations.size(), 2);
    const Expectation &ka = s->expectations.at(0);
    QCOMPARE(ka.kind, Expectation::Kind::Detection);
    QCOMPARE(ka.errnoValue, ETIMEDOUT);
    QCOMPARE(ka.mechanism, DetectionMechanism::Keepalive);
    QCOMPARE(*ka.withinMinS, 4.5);
    QCOMPARE(*ka.withinMaxS, 6.5);
    QCOMPARE(ka.reference, TimeReference::LastReceived);
    const Expectation &probes = s->expectations.at(1);
    QCOMPARE(probes.kind, Expectation::Kind::Count);
    QCOMPARE(probes.count, CountKind::KeepaliveProbes);
    QCOMPARE(*probes.min, 3);
    QCOMPARE(*probes.max, 3);
}

void ScenarioFormatTest::documentedExampleParses()
{
    const QJsonObject example = documentedExample();
    QVERIFY2(!example.isEmpty(), "docs/scenarios.md has no ```json block");
    QString error;
    const auto s = Scenario::fromJson(example, QStringLiteral("example"), &error);
    QVERIFY2(s, qPrintable(error));
    QVERIFY(!s->steps.isEmpty());
    QVERIFY(!s->expectations.isEmpty());
}

void ScenarioFormatTest::roundTrip()
{
    QString error;
    const auto s = Scenario::fromJson(valid(), QStringLiteral("example"), &error);
    QVERIFY2(s, qPrintable(error));
    const auto again = Scenario::fromJson(s->toJson(), s->name, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->toJson(), s->toJson());
}

void ScenarioFormatTest::validationErrors_data()
{
    QTest::addColumn<QString>("path");     // where to change the valid scenario
    QTest::addColumn<QJsonValue>("value"); // undefined: remove the key
    QTest::addColumn<QString>("field");    // the error starts with this field path
    QTest::addColumn<QString>("allowed");  // and names what is allowed

    const QJsonValue remove(QJsonValue::Undefined);
    QTest::newRow("title missing") << "title" << remove << "title:"
                                   << "non-empty";
    QTest::newRow("unknown top-level key") << "expects" << QJsonValue(1) << "expects:"
                                           << "title, explanation, lab, steps, end, expect";
    QTest::newRow("lab missing") << "lab" << remove << "lab:"
                                 << "hosts";
    QTest::newRow("lab unknown host") << "lab/hosts/router" << QJsonValue(QJsonObject{}) << "lab.hosts.router:"
                                      << "client and server";
    QTest::newRow("lab keepalive count") << "lab/hosts/client/keepalive/count" << QJsonValue(0) << "lab.hosts.client"
                                         << "1";
    QTest::newRow("lab sysctl") << "lab/hosts/client/sysctls" << QJsonValue(QJsonObject{{"net.ipv4.tcp_retries2", 999}})
                                << "lab.hosts.client.sysctls.net.ipv4.tcp_retries2:"
                                << "from 0 to 255";
    QTest::newRow("lab cable") << "lab/cable" << QJsonValue(QJsonObject{{"loss_percent", 101}})
                               << "lab.cable.loss_percent:"
                               << "from 0 to 100";
    // The audit's malformed files (issue 16): each once ran with another value than written.
    QTest::newRow("tcp_retries2 5.7") << "lab/hosts/client/sysctls"
                                      << QJsonValue(QJsonObject{{"net.ipv4.tcp_retries2", 5.7}})
                                      << "lab.hosts.client.sysctls.net.ipv4.tcp_retries2:"
                                      << "from 0 to 255";
    QTest::newRow("tcp_retries2 1e10") << "lab/hosts/client/sysctls"
                                       << QJsonValue(QJsonObject{{"net.ipv4.tcp_retries2", 1e10}})
                                       << "lab.hosts.client.sysctls.net.ipv4.tcp_retries2:"
                                       << "from 0 to 255";
    QTest::newRow("idle_s 1e10") << "lab/hosts/client/keepalive/idle_s" << QJsonValue(1e10)
                                 << "lab.hosts.client.keepalive.idle_s:"
                                 << "1 to 32767";
    QTest::newRow("idle_s abc") << "lab/hosts/client/keepalive/idle_s" << QJsonValue("abc")
                                << "lab.hosts.client.keepalive.idle_s:"
                                << "whole number";
    QTest::newRow("idle_s 2.5") << "lab/hosts/client/keepalive/idle_s" << QJsonValue(2.5)
                                << "lab.hosts.client.keepalive.idle_s:"
                                << "whole number";
    QTest::newRow("user_timeout_ms as text")
        << "lab/hosts/client/user_timeout_ms" << QJsonValue("3000") << "lab.hosts.client.user_timeout_ms:"
        << "0 to";
    QTest::newRow("typo keepalve") << "lab/hosts/client/keepalve" << QJsonValue(QJsonObject{{"idle_s", 5}})
                                   << "lab.hosts.client.keepalve:"
                                   << "keepalive";
    QTest::newRow("typo cable delay") << "lab/cable/delay" << QJsonValue(50) << "lab.cable.delay:"
                                      << "delay_ms";
    QTest::newRow("typo keepalive idle") << "lab/hosts/client/keepalive/idle" << QJsonValue(5)
                                         << "lab.hosts.client.keepalive.idle:"
                                         << "idle_s";
    QTest::newRow("typo heartbeat key") << "lab/hosts/client/heartbeat" << QJsonValue(QJsonObject{{"interval", 5}})
                                        << "lab.hosts.client.heartbeat.interval:"
                                        << "interval_ms";
    QTest::newRow("boolean as text") << "lab/hosts/client/nodelay" << QJsonValue("yes") << "lab.hosts.client.nodelay:"
                                     << "true or false";
    QTest::newRow("host not an object") << "lab/hosts/client" << QJsonValue(5) << "lab.hosts.client:"
                                        << "object";
    QTest::newRow("address changed") << "lab/hosts/client/address" << QJsonValue("10.0.0.1")
                                     << "lab.hosts.client.address:"
                                     << "198.18.0.1";
    QTest::newRow("reboot 1e12") << "steps/0"
                                 << QJsonValue(QJsonObject{
                                        {"at_s", 1}, {"fault", "reboot"}, {"host", "server"}, {"value", 1e12}})
                                 << "steps[0].value:"
                                 << "0 to 3600";
    QTest::newRow("delay 1e300") << "steps/0"
                                 << QJsonValue(QJsonObject{{"at_s", 1}, {"fault", "delay"}, {"value", 1e300}})
                                 << "steps[0].value:"
                                 << "0 to 60000";
    QTest::newRow("send 1.5 bytes") << "steps/0"
                                    << QJsonValue(QJsonObject{
                                           {"at_s", 1}, {"fault", "send"}, {"host", "client"}, {"value", 1.5}})
                                    << "steps[0].value:"
                                    << "whole number";
    QTest::newRow("jitter on a loss") << "steps/0"
                                      << QJsonValue(QJsonObject{
                                             {"at_s", 1}, {"fault", "loss"}, {"value", 5}, {"jitter_ms", 3}})
                                      << "steps[0].jitter_ms:"
                                      << "delay";
    QTest::newRow("step fault unknown") << "steps/0/fault" << QJsonValue("explode") << "steps[0].fault:"
                                        << "power-off";
    QTest::newRow("step at_s past the end") << "steps/0/at_s" << QJsonValue(10) << "steps[0].at_s:"
                                            << "end.timeout_s";
    QTest::newRow("step at_s negative") << "steps/0/at_s" << QJsonValue(-1) << "steps[0].at_s:"
                                        << "0";
    QTest::newRow("step host missing") << "steps/0/host" << remove << "steps[0].host:"
                                       << "client or server";
    QTest::newRow("step host unknown") << "steps/0/host" << QJsonValue("router") << "steps[0].host:"
                                       << "client or server";
    QTest::newRow("step direction") << "steps/0/direction" << QJsonValue("sideways") << "steps[0].direction:"
                                    << "to-host";
    QTest::newRow("step loss value") << "steps/0"
                                     << QJsonValue(QJsonObject{{"at_s", 1}, {"fault", "loss"}, {"value", 200}})
                                     << "steps[0].value:"
                                     << "from 0 to 100";
    QTest::newRow("step unknown key") << "steps/0/at" << QJsonValue(1) << "steps[0].at:"
                                      << "at_s";
    QTest::newRow("end missing") << "end" << remove << "end:"
                                 << "expectations_met";
    QTest::newRow("end when") << "end/when" << QJsonValue("never") << "end.when:"
                              << "expectations_met or timeout";
    QTest::newRow("end timeout") << "end/timeout_s" << QJsonValue(0) << "end.timeout_s:"
                                 << "above 0";
    QTest::newRow("expect missing") << "expect" << remove << "expect:"
                                    << "list of expectations";
    QTest::newRow("expect empty") << "expect" << QJsonValue(QJsonArray{}) << "expect:"
                                  << "at least one";
    QTest::newRow("id missing") << "expect/0/id" << remove << "expect[0].id:"
                                << "required";
    QTest::newRow("id twice") << "expect/1/id" << QJsonValue("ka") << "expect[1].id:"
                              << "unique";
    QTest::newRow("host unknown") << "expect/0/host" << QJsonValue("router") << "expect[0].host:"
                                  << "client or server";
    QTest::newRow("errno unknown") << "expect/0/errno" << QJsonValue("ETIMEOUT") << "expect[0].errno:"
                                   << "ETIMEDOUT";
    QTest::newRow("mechanism unknown") << "expect/0/mechanism" << QJsonValue("keepalives") << "expect[0].mechanism:"
                                       << "retransmission_timeout";
    QTest::newRow("within_s reversed") << "expect/0/within_s" << QJsonValue(QJsonArray{6.5, 4.5})
                                       << "expect[0].within_s:"
                                       << "MIN <= MAX";
    QTest::newRow("within_s not a pair") << "expect/0/within_s" << QJsonValue(5) << "expect[0].within_s:"
                                         << "[MIN, MAX]";
    QTest::newRow("reference unknown") << "expect/0/reference" << QJsonValue("fualt") << "expect[0].reference:"
                                       << "fault, last_received or first_unacked_send";
    QTest::newRow("reference without window") << "expect/0/within_s" << remove << "expect[0].reference:"
                                              << "within_s";
    QTest::newRow("two kinds") << "expect/1/no_error" << QJsonValue(true) << "expect[1]:"
                               << "exactly one of";
    QTest::newRow("no kind") << "expect/1" << QJsonValue(QJsonObject{{"id", "x"}}) << "expect[1]:"
                             << "exactly one of";
    QTest::newRow("count unknown")
        << "expect/1/count" << QJsonValue("probes") << "expect[1].count:"
        << "keepalive_probes, retransmissions, rst, fin, heartbeats_missed, tail_loss_probes";
    QTest::newRow("count without bounds")
        << "expect/1" << QJsonValue(QJsonObject{{"id", "x"}, {"count", "rst"}}) << "expect[1].min:"
        << "min, max or both";
    QTest::newRow("count min above max") << "expect/1/min" << QJsonValue(4) << "expect[1].max:"
                                         << "less than min";
    QTest::newRow("count min fractional") << "expect/1/min" << QJsonValue(1.5) << "expect[1].min:"
                                          << "whole number";
    QTest::newRow("final_state unknown") << "expect/1"
                                         << QJsonValue(QJsonObject{{"id", "x"}, {"final_state", "ESTABLISHD"}})
                                         << "expect[1].final_state:"
                                         << "ESTABLISHED";
    QTest::newRow("state_seen unknown") << "expect/1"
                                        << QJsonValue(QJsonObject{{"id", "x"}, {"state_seen", "HALF_OPEN"}})
                                        << "expect[1].state_seen:"
                                        << "TIME_WAIT";
    QTest::newRow("no_error false") << "expect/1" << QJsonValue(QJsonObject{{"id", "x"}, {"no_error", false}})
                                    << "expect[1].no_error:"
                                    << "true";
    QTest::newRow("sockets_in_state without min")
        << "expect/1" << QJsonValue(QJsonObject{{"id", "x"}, {"sockets_in_state", "ESTABLISHED"}}) << "expect[1].min:"
        << "how many";
    QTest::newRow("field of another kind")
        << "expect/1/within_s" << QJsonValue(QJsonArray{1, 2}) << "expect[1].within_s:"
        << "id, host, count, min, max";
}

void ScenarioFormatTest::validationErrors()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QFETCH(QString, allowed);

    const QJsonObject json = setAt(valid(), path.split(QLatin1Char('/')), value, value.isUndefined()).toObject();
    QString error;
    const auto s = Scenario::fromJson(json, QStringLiteral("broken"), &error);
    QVERIFY2(!s,
             qPrintable(QStringLiteral("accepted: ")
                        + QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))));
    QVERIFY2(error.startsWith(field), qPrintable(error));
    QVERIFY2(error.contains(allowed), qPrintable(error));
}

void ScenarioFormatTest::fileErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"title\": \"t\",, }");
    file.close();
    QString error;
    QVERIFY(!Scenario::fromFile(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("offset")), qPrintable(error));

    QVERIFY(!Scenario::fromFile(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.json")), qPrintable(error));

    // Regular files only: /dev/zero would be read without end.
    QVERIFY(!Scenario::fromFile(QStringLiteral("/dev/zero"), &error));
    QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));

    const QString good = dir.filePath(QStringLiteral("my-experiment.json"));
    QFile goodFile(good);
    QVERIFY(goodFile.open(QIODevice::WriteOnly));
    goodFile.write(kValid);
    goodFile.close();
    const auto s = Scenario::fromFile(good, &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->name, QStringLiteral("my-experiment")); // the name is the file's stem
}

void ScenarioFormatTest::builtInsParse()
{
    const QStringList names = ScenarioCatalog::builtInNames();
    QVERIFY(names.size() >= 20);
    for (const QString &name : names) {
        QString error;
        const auto s = ScenarioCatalog::builtIn(name, &error);
        QVERIFY2(s, qPrintable(name + QStringLiteral(": ") + error));
        QCOMPARE(s->name, name);
        QVERIFY2(!s->expectations.isEmpty(), qPrintable(name));
        for (const ScenarioStep &step : s->steps)
            QVERIFY2(step.atS < s->end.timeoutS, qPrintable(name));
    }
}

void ScenarioFormatTest::builtInTextsMatchTable()
{
    // lupdate reads the C++ table; the JSON must say the same, or translations go stale.
    const QStringList names = ScenarioCatalog::builtInNames();
    QStringList sortedNames = names;
    QStringList table = ScenarioTexts::names();
    sortedNames.sort();
    table.sort();
    QCOMPARE(sortedNames, table);
    QCOMPARE(names, ScenarioTexts::names()); // listed in the table's order
    for (const QString &name : names) {
        QFile file(QStringLiteral(":/scenarios/%1.json").arg(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("title")).toString(), ScenarioTexts::sourceTitle(name));
        QCOMPARE(json.value(QStringLiteral("explanation")).toString(), ScenarioTexts::sourceExplanation(name));
    }
}

void ScenarioFormatTest::catalogLoadsNamesAndFiles()
{
    QString error;
    bool unknown = false;
    QVERIFY(!ScenarioCatalog::load(QStringLiteral("no-such-scenario"), &error, &unknown));
    QVERIFY(unknown);

    const auto builtIn = ScenarioCatalog::load(QStringLiteral("kill-process"), &error, &unknown);
    QVERIFY2(builtIn, qPrintable(error));
    QVERIFY(!unknown);
    QCOMPARE(builtIn->title, ScenarioTexts::title(QStringLiteral("kill-process")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QJsonObject json = valid();
    json.insert(QStringLiteral("steps"),
                QJsonArray{QJsonObject{{"at_s", 1}, {"fault", "explode"}, {"host", "server"}}});
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    QVERIFY(!ScenarioCatalog::load(path, &error, &unknown));
    QVERIFY(!unknown);
    QVERIFY2(error.startsWith(QStringLiteral("steps[0].fault:")), qPrintable(error));
}

QTEST_GUILESS_MAIN(ScenarioFormatTest)
#include "tst_ScenarioFormat.moc"
