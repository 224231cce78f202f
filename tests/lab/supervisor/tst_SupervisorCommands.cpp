// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's command line as hostile input: it holds every capability of its user
// namespace (and an AppArmor profile that lets any user have one), so a command must never make
// it run another program, and anything malformed is answered with command_error, not ignored.

#include "lab/CommandReader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen::lab;

namespace {

QString builtTool(const char *name)
{
    return QFileInfo(QStringLiteral(HALFOPEN_CLI)).dir().filePath(QString::fromLatin1(name));
}

// halfopen-lab driven by hand, as an attacker would: raw lines in, events out.
struct Supervisor
{
    explicit Supervisor(const QString &program = builtTool("halfopen-lab"),
                        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(program, {});
        started = process.waitForStarted(5000);
    }
    ~Supervisor()
    {
        if (process.state() != QProcess::NotRunning) {
            process.closeWriteChannel();
            if (!process.waitForFinished(5000))
                process.kill();
            process.waitForFinished(2000);
        }
    }
    void send(const QByteArray &line) { process.write(line); }
    void read()
    {
        buffer += process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
            events.append(QJsonDocument::fromJson(buffer.left(newline)).object());
            buffer.remove(0, newline + 1);
        }
    }
    QList<QJsonObject> lab(const QString &what)
    {
        read();
        QList<QJsonObject> found;
        for (const QJsonObject &e : events) {
            if (e.value(QStringLiteral("what")).toString() == what
                && (e.value(QStringLiteral("host")).toString() == QLatin1String("lab")
                    || e.value(QStringLiteral("kind")) == QLatin1String("fault")))
                found.append(e);
        }
        return found;
    }
    // Waits for the n-th lab event `what` (events are read as they come).
    bool waitFor(const QString &what, int n = 1, int timeoutMs = 15000)
    {
        QElapsedTimer clock;
        clock.start();
        while (lab(what).size() < n && clock.elapsed() < timeoutMs)
            process.waitForReadyRead(100);
        return lab(what).size() >= n;
    }
    QString lastError()
    {
        const QList<QJsonObject> errors = lab(QStringLiteral("command_error"));
        return errors.isEmpty()
            ? QString()
            : errors.last().value(QStringLiteral("detail")).toObject().value(QStringLiteral("message")).toString();
    }
    QProcess process;
    bool started = false;
    QByteArray buffer;
    QList<QJsonObject> events;
};

// A program that leaves a mark when it runs: proof that it was (or was not) executed.
QString probe(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QStringLiteral("#!/bin/sh\ntouch '%1'\nexec /usr/sbin/%2 \"$@\" 2>/dev/null || exec /usr/bin/%2 \"$@\"\n")
                .arg(dir.filePath(QStringLiteral("ran-") + name), name)
                .toUtf8());
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

} // namespace

class SupervisorCommandsTest : public QObject
{
    Q_OBJECT

private slots:
    void endpointCannotBeNamed();
    void pathCannotSubstituteSystemTools();
    void secondStartIsRefused();
    void missingEndpointIsReported();
    void malformedLinesAreAnswered();
    void faultValuesAreBounded_data();
    void faultValuesAreBounded();
    void readerSplitsAndBoundsLines();
};

void SupervisorCommandsTest::endpointCannotBeNamed()
{
    QTemporaryDir dir;
    const QString script = probe(dir, QStringLiteral("probe"));
    Supervisor s;
    QVERIFY(s.started);
    s.send(QStringLiteral("{\"cmd\":\"start\",\"config\":{},\"endpoint\":\"%1\"}\n").arg(script).toUtf8());
    QVERIFY(s.waitFor(QStringLiteral("command_error")));
    QVERIFY2(s.lastError().contains(QStringLiteral("endpoint")), qPrintable(s.lastError()));
    // Refused, not started: no hosts, and the program never ran (give it the time a lab takes).
    s.send("{\"cmd\":\"stop\"}\n");
    QVERIFY(s.waitFor(QStringLiteral("stopped")));
    QVERIFY(s.lab(QStringLiteral("hosts_up")).isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("ran-probe"))));
}

void SupervisorCommandsTest::pathCannotSubstituteSystemTools()
{
    // ip and sysctl are the other programs the supervisor runs: a PATH of the caller's must not
    // bring the caller's own.
    QTemporaryDir dir;
    probe(dir, QStringLiteral("ip"));
    probe(dir, QStringLiteral("sysctl"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), dir.path() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    Supervisor s(builtTool("halfopen-lab"), env);
    s.send("{\"cmd\":\"start\",\"config\":{}}\n");
    QVERIFY2(s.waitFor(QStringLiteral("ready")), qPrintable(s.lastError()));
    s.send("{\"cmd\":\"stop\"}\n");
    QVERIFY(s.waitFor(QStringLiteral("stopped")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("ran-ip"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("ran-sysctl"))));
}

void SupervisorCommandsTest::secondStartIsRefused()
{
    // The audit's use-after-free: a reboot's power-on timer pointed at a host that a second
    // start had destroyed. One lab per supervisor, and the timer dies with its host.
    Supervisor s;
    s.send("{\"cmd\":\"start\",\"config\":{}}\n");
    QVERIFY(s.waitFor(QStringLiteral("ready")));
    s.send("{\"cmd\":\"fault\",\"fault\":{\"fault\":\"reboot\",\"host\":\"server\",\"value\":1}}\n");
    s.send("{\"cmd\":\"start\",\"config\":{}}\n");
    QVERIFY(s.waitFor(QStringLiteral("command_error")));
    QVERIFY2(s.lastError().contains(QStringLiteral("already running")), qPrintable(s.lastError()));
    QVERIFY(s.waitFor(QStringLiteral("power-on")));
    QCOMPARE(s.lab(QStringLiteral("hosts_up")).size(), 1);
    QCOMPARE(s.lab(QStringLiteral("power-on")).size(), 1);
    // A reboot still powered off when the lab stops: its timer must not fire into freed hosts.
    s.send("{\"cmd\":\"fault\",\"fault\":{\"fault\":\"reboot\",\"host\":\"client\",\"value\":0.3}}\n");
    s.send("{\"cmd\":\"stop\"}\n");
    QVERIFY(s.waitFor(QStringLiteral("stopped")));
    QVERIFY(s.process.waitForFinished(5000));
    QCOMPARE(s.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(s.process.exitCode(), 0);
}

void SupervisorCommandsTest::missingEndpointIsReported()
{
    // A supervisor without its endpoint beside it: the start fails at once, naming the path.
    QTemporaryDir dir;
    const QString lonely = dir.filePath(QStringLiteral("halfopen-lab"));
    QVERIFY(QFile::copy(builtTool("halfopen-lab"), lonely));
    Supervisor s(lonely);
    s.send("{\"cmd\":\"start\",\"config\":{}}\n");
    QVERIFY(s.waitFor(QStringLiteral("failed")));
    const QString message = s.lab(QStringLiteral("failed"))
                                .first()
                                .value(QStringLiteral("detail"))
                                .toObject()
                                .value(QStringLiteral("message"))
                                .toString();
    QVERIFY2(message.contains(QStringLiteral("halfopen-cli")), qPrintable(message));
    QVERIFY(s.lab(QStringLiteral("hosts_up")).isEmpty());
}

void SupervisorCommandsTest::malformedLinesAreAnswered()
{
    Supervisor s;
    s.send("not json\n");
    QVERIFY(s.waitFor(QStringLiteral("command_error"), 1));
    QVERIFY2(s.lastError().contains(QStringLiteral("not valid JSON")), qPrintable(s.lastError()));
    s.send("[1,2]\n");
    QVERIFY(s.waitFor(QStringLiteral("command_error"), 2));
    s.send("{\"cmd\":\"options\",\"host\":\"client\",\"options\":{\"keepalive_idle_s\":\"abc\"}}\n");
    QVERIFY(s.waitFor(QStringLiteral("command_error"), 3));
    // 3 MB without a newline: reported once, discarded, and the next line is read again.
    s.send(QByteArray(3 * 1024 * 1024, 'x'));
    s.send("\n{\"cmd\":\"explode\"}\n");
    QVERIFY(s.waitFor(QStringLiteral("command_error"), 5));
    const QList<QJsonObject> errors = s.lab(QStringLiteral("command_error"));
    QCOMPARE(errors.size(), 5);
    QVERIFY(errors.at(3)
                .value(QStringLiteral("detail"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("longer than")));
    QVERIFY(s.lastError().contains(QStringLiteral("explode")));
}

void SupervisorCommandsTest::faultValuesAreBounded_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<QString>("field");
    QTest::newRow("reboot 1e12 s") << QByteArray(R"({"fault":"reboot","host":"server","value":1e12})")
                                   << QStringLiteral("fault.value");
    QTest::newRow("delay 1e300 ms") << QByteArray(R"({"fault":"delay","value":1e300})")
                                    << QStringLiteral("fault.value");
    QTest::newRow("delay as text") << QByteArray(R"({"fault":"delay","value":"50"})") << QStringLiteral("fault.value");
    QTest::newRow("send 2.5 bytes") << QByteArray(R"({"fault":"send","host":"client","value":2.5})")
                                    << QStringLiteral("fault.value");
    QTest::newRow("loss 101") << QByteArray(R"({"fault":"loss","value":101})") << QStringLiteral("fault.value");
    QTest::newRow("typo key") << QByteArray(R"({"fault":"unplug","host":"server","directon":"to-host"})")
                              << QStringLiteral("fault.directon");
    QTest::newRow("power-off with a value")
        << QByteArray(R"({"fault":"power-off","host":"server","value":3})") << QStringLiteral("fault.value");
}

void SupervisorCommandsTest::faultValuesAreBounded()
{
    QFETCH(QByteArray, fault);
    QFETCH(QString, field);
    Supervisor s;
    s.send("{\"cmd\":\"fault\",\"fault\":" + fault + "}\n");
    QVERIFY(s.waitFor(QStringLiteral("command_error")));
    QVERIFY2(s.lastError().startsWith(field + QLatin1Char(':')), qPrintable(s.lastError()));
}

void SupervisorCommandsTest::readerSplitsAndBoundsLines()
{
    CommandReader reader;
    QCOMPARE(reader.feed("{\"cmd\":").size(), 0);
    const auto items = reader.feed("\"stop\"}\n\n{\"cmd\":\"start\"}\n{");
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).command.value(QStringLiteral("cmd")).toString(), QStringLiteral("stop"));
    QCOMPARE(items.at(1).command.value(QStringLiteral("cmd")).toString(), QStringLiteral("start"));
    // The open "{" plus an endless line: one error, then nothing until its newline.
    QByteArray chunk(512 * 1024, ' ');
    int errors = 0;
    for (int i = 0; i < 6; ++i)
        errors += int(reader.feed(chunk).size());
    QCOMPARE(errors, 1);
    const auto after = reader.feed(" }\n{\"cmd\":\"stop\"}\n");
    QCOMPARE(after.size(), 1);
    QVERIFY(after.at(0).error.isEmpty());
}

QTEST_GUILESS_MAIN(SupervisorCommandsTest)
#include "tst_SupervisorCommands.moc"
