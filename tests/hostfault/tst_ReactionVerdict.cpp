// SPDX-License-Identifier: GPL-3.0-or-later
// The words and JSON of a reaction verdict, and the nft rules of a cut: no kernel needed.

#include "core/predict/VerdictFields.h"
#include "hostfault/NftCut.h"
#include "hostfault/ReactionVerdict.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace halfopen::core;
using namespace halfopen::hostfault;

class ReactionVerdictTest : public QObject
{
    Q_OBJECT

private slots:
    void textOfTheIssuesExample()
    {
        ReactionVerdict v;
        v.target.pid = 4242;
        v.target.process = QStringLiteral("mosquitto_sub");
        v.kernelGaveUpS = 19.1;
        v.mechanism = QStringLiteral("keepalive");
        v.predictedS = 19.0;
        v.appClosedS = 19.3;
        v.appReconnectedS = 24.3;
        QCOMPARE(v.toText(),
                 QStringLiteral(
                     "mosquitto_sub (pid 4242): the kernel gave up 19.1 s after the cut (keepalive, predicted 19.0 s); "
                     "the application closed its socket 0.2 s later and reconnected 5.0 s after that"));
        const QJsonObject json = v.toJson();
        QCOMPARE(json.value(QStringLiteral("kernel_gave_up_s")).toDouble(), 19.1);
        QCOMPARE(json.value(QStringLiteral("mechanism")).toString(), QStringLiteral("keepalive"));
        QCOMPARE(json.value(QStringLiteral("predicted_s")).toDouble(), 19.0);
        QCOMPARE(json.value(QStringLiteral("app_closed_s")).toDouble(), 19.3);
        QCOMPARE(json.value(QStringLiteral("app_reconnected_s")).toDouble(), 24.3);
        QCOMPARE(json.value(QStringLiteral("half_open_at_end")).toBool(), false);
    }

    void halfOpenAtTheEnd()
    {
        ReactionVerdict v;
        v.target.pid = 7;
        v.target.process = QStringLiteral("scada");
        v.observedS = 60;
        v.halfOpenAtEnd = true;
        QCOMPARE(v.toText(),
                 QStringLiteral("scada (pid 7): the kernel had not given up 60.0 s after the cut (predicted: never); "
                                "after 60.0 s it still holds an ESTABLISHED socket to a dead peer"));
        QVERIFY(v.toJson().value(QStringLiteral("kernel_gave_up_s")).isNull());
        QVERIFY(v.toJson().value(QStringLiteral("app_closed_s")).isNull());
        QCOMPARE(v.toJson().value(QStringLiteral("half_open_at_end")).toBool(), true);
    }

    // halfopen-cli fault records its verdict as the lab's are: stamped at the first reaction (the
    // kernel's, else the application's, to the ms as printed), the span from the fault to it
    // beside the reaction's own figures; the window reads it as a verdict.
    void recordedAsALabVerdict()
    {
        ReactionVerdict v;
        v.kernelGaveUpS = 19.1234;
        v.appClosedS = 19.3;
        QCOMPARE(v.firstReactionS(), std::optional(19.123));
        v.kernelGaveUpS.reset();
        QCOMPARE(v.firstReactionS(), std::optional(19.3));
        QVERIFY(!ReactionVerdict().firstReactionS());

        VerdictFields span;
        span.faultTS = 0.0;
        span.detectedTS = v.firstReactionS();
        span.elapsedS = v.firstReactionS();
        const QJsonObject reaction = v.toJson();
        const QJsonObject detail = span.addSpanTo(reaction);
        QCOMPARE(detail.size(), reaction.size() + 3); // nothing of the reaction's own is replaced
        for (auto it = reaction.begin(); it != reaction.end(); ++it)
            QVERIFY2(detail.value(it.key()) == it.value(), qPrintable(it.key()));
        QByteArray bytes = QJsonDocument(detail).toJson(QJsonDocument::Compact);
        QVERIFY2(bytes.contains(R"("detected_t_s":19.3,"elapsed_s":19.3,"fault":"cut","fault_t_s":0,)"), bytes);
        Event e;
        e.kind = EventKind::Verdict;
        e.detail = detail;
        const VerdictFields back = VerdictFields::of(e);
        QCOMPARE(back.faultTS, std::optional(0.0));
        QCOMPARE(back.detectedTS, std::optional(19.3));
        QCOMPARE(back.elapsedS, std::optional(19.3));
        // Nothing seen: no span, the reaction's figures alone.
        QCOMPARE(VerdictFields().addSpanTo(reaction), reaction);
    }

    void rulesMatchExactlyTheTuple()
    {
        QString error;
        const SocketAddress local = SocketAddress::parse(QStringLiteral("198.18.0.1:40000"), &error);
        const SocketAddress remote = SocketAddress::parse(QStringLiteral("198.18.0.2:1883"), &error);
        const QString both
            = NftCut::rulesFor(QStringLiteral("halfopen_1"), {NftCut::Cut{local, remote, CutDirection::Both}});
        QVERIFY(both.contains(QStringLiteral("add rule inet halfopen_1 out ip saddr 198.18.0.1 ip daddr 198.18.0.2 tcp "
                                             "sport 40000 tcp dport 1883 counter drop")));
        QVERIFY(both.contains(QStringLiteral("add rule inet halfopen_1 in ip saddr 198.18.0.2 ip daddr 198.18.0.1 tcp "
                                             "sport 1883 tcp dport 40000 counter drop")));
        const QString in
            = NftCut::rulesFor(QStringLiteral("halfopen_1"), {NftCut::Cut{local, remote, CutDirection::In}});
        QVERIFY(!in.contains(QStringLiteral(" out ip")));
        const SocketAddress local6 = SocketAddress::parse(QStringLiteral("[::1]:40000"), &error);
        const SocketAddress remote6 = SocketAddress::parse(QStringLiteral("[::1]:1883"), &error);
        const QString v6
            = NftCut::rulesFor(QStringLiteral("halfopen_1"), {NftCut::Cut{local6, remote6, CutDirection::Out}});
        QVERIFY(v6.contains(QStringLiteral("out ip6 saddr ::1 ip6 daddr ::1 tcp sport 40000 tcp dport 1883")));
        // Every command names our table and no other.
        for (const QString &line : both.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(line.contains(QLatin1String(" inet halfopen_1 ")), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(ReactionVerdictTest)
#include "tst_ReactionVerdict.moc"
