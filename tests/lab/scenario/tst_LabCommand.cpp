// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli lab: list (text and JSON), and the bad-input cases of run, which exit 2 before
// any lab starts: an unknown scenario lists the built-in names, an invalid file names the
// field path and what is allowed.

#include "lab/scenario/ScenarioCatalog.h"
#include "tests/support/CliRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen::lab;

namespace {

using halfopen::testing::CliRun;

CliRun cli(const QStringList &args)
{
    return halfopen::testing::runCli(QStringList{QStringLiteral("lab")} + args, 10000);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

} // namespace

class LabCommandTest : public QObject
{
    Q_OBJECT

private slots:
    void listsBuiltIns();
    void listsJson();
    void badInput_data();
    void badInput();
    void unknownScenarioListsNames();
    void invalidFileNamesTheField();
    void labCannotStart();
    void help();
};

void LabCommandTest::listsBuiltIns()
{
    const CliRun r = cli({QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList names = ScenarioCatalog::builtInNames();
    QCOMPARE(lines.size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
        QString error;
        const auto s = ScenarioCatalog::builtIn(names.at(i), &error);
        QVERIFY(s);
        QVERIFY2(lines.at(i).startsWith(names.at(i) + QLatin1Char(' ')), qPrintable(lines.at(i)));
        QVERIFY2(lines.at(i).endsWith(s->title), qPrintable(lines.at(i)));
    }
}

void LabCommandTest::listsJson()
{
    const CliRun r = cli({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(array.size(), ScenarioCatalog::builtInNames().size());
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        QVERIFY(ScenarioCatalog::isBuiltIn(o.value(QStringLiteral("name")).toString()));
        QVERIFY(!o.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(!o.value(QStringLiteral("explanation")).toString().isEmpty());
    }
}

void LabCommandTest::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no action") << QStringList{} << "expected list or run";
    QTest::newRow("unknown action") << QStringList{"start"} << "expected list or run";
    QTest::newRow("run without scenario") << QStringList{"run"} << "kill-process";
    QTest::newRow("run two scenarios") << QStringList{"run", "kill-process", "peer-rebooted"} << "one scenario";
    QTest::newRow("unknown option") << QStringList{"run", "kill-process", "--fast"} << "--record";
    QTest::newRow("list with argument") << QStringList{"list", "extra"} << "--json";
}

void LabCommandTest::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliRun r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void LabCommandTest::unknownScenarioListsNames()
{
    const CliRun r = cli({QStringLiteral("run"), QStringLiteral("power-cut"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("power-cut")), qPrintable(r.err));
    for (const QString &name : ScenarioCatalog::builtInNames())
        QVERIFY2(r.err.contains(name), qPrintable(name));
    QVERIFY(r.out.isEmpty());
}

void LabCommandTest::invalidFileNamesTheField()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString badFault
        = writeFile(dir, QStringLiteral("bad-fault.json"), R"({"title": "t", "explanation": "e", "lab": {},
        "steps": [{"at_s": 1, "fault": "explode", "host": "server"}], "end": {"timeout_s": 5},
        "expect": [{"id": "x", "no_error": true}]})");
    CliRun r = cli({QStringLiteral("run"), badFault});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("steps[0].fault")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("power-off")), qPrintable(r.err));

    const QString badWindow
        = writeFile(dir, QStringLiteral("bad-window.json"), R"({"title": "t", "explanation": "e", "lab": {},
        "steps": [], "end": {"timeout_s": 5},
        "expect": [{"id": "x", "errno": "ETIMEDOUT", "within_s": [1, 2], "reference": "now"}]})");
    r = cli({QStringLiteral("run"), badWindow, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("expect[0].reference")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("first_unacked_send")), qPrintable(r.err));

    const QString notJson = writeFile(dir, QStringLiteral("not-json.json"), "{\"title\": ");
    r = cli({QStringLiteral("run"), notJson});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("offset")), qPrintable(r.err));
}

void LabCommandTest::labCannotStart()
{
    // A copy of the CLI without the supervisor beside it: the lab cannot start (exit 3), the
    // lab's message goes to stderr and the summary still says what happened.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("halfopen-cli"));
    QVERIFY(QFile::copy(QStringLiteral(HALFOPEN_CLI), copy));
    QProcess p;
    p.start(copy,
            {QStringLiteral("lab"), QStringLiteral("run"), QStringLiteral("kill-process"), QStringLiteral("--json")});
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 3);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("halfopen-lab")), qPrintable(err));
    const QJsonObject summary = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(summary.value(QStringLiteral("passed")).toBool(true), false);
    QCOMPARE(summary.value(QStringLiteral("ended_by")).toString(), QStringLiteral("lab_failed"));
    QVERIFY(summary.value(QStringLiteral("error")).toString().contains(QStringLiteral("halfopen-lab")));
}

void LabCommandTest::help()
{
    const CliRun r = cli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("--record")));
    QVERIFY(r.out.contains(QStringLiteral("--pcap")));
}

QTEST_GUILESS_MAIN(LabCommandTest)
#include "tst_LabCommand.moc"
