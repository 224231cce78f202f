// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/PredictionText.h"

#include "core/predict/Prediction.h"
#include "core/tcp/NeighbourTimers.h"

#include <cerrno>

namespace halfopen::core {

QString PredictionText::duration(qint64 us)
{
    auto trimmed = [](double value, int decimals) {
        QString text = QString::number(value, 'f', decimals);
        if (text.contains(QLatin1Char('.'))) {
            while (text.endsWith(QLatin1Char('0')))
                text.chop(1);
            if (text.endsWith(QLatin1Char('.')))
                text.chop(1);
        }
        return text;
    };
    if (us < 1000000)
        return tr("%1 ms").arg(trimmed(double(us) / 1e3, 2));
    return tr("%1 s").arg(trimmed(double(us) / 1e6, 3));
}

QString PredictionText::keepalive(const KeepaliveSettings &keepalive, int userTimeoutMs, const TimerRun &run)
{
    const QString idle = duration(qint64(keepalive.idleS) * 1000000);
    const QString interval = duration(qint64(keepalive.intervalS) * 1000000);
    const QString end = duration(run.endUs.value_or(0));
    if (userTimeoutMs > 0)
        return tr("keepalive: first probe after %1 without anything received, then a probe every %2. "
                  "TCP_USER_TIMEOUT %3 ms decides instead of the probe count: the kernel gives up at the "
                  "first check once nothing has been received for that long and a probe went out, "
                  "here after %n probe(s): ETIMEDOUT %4 after the last packet received.",
                  nullptr, run.attempts)
            .arg(idle, interval)
            .arg(userTimeoutMs)
            .arg(end);
    return tr("keepalive: after %1 without anything received the kernel sends the first of %n probe(s), "
              "%2 apart; when the last one has gone unanswered for %2 it resets the connection: ETIMEDOUT %3 "
              "after the last packet received.",
              nullptr, run.attempts)
        .arg(idle, interval, end);
}

QString PredictionText::keepaliveWaitsForHeartbeat()
{
    return tr("keepalive never fires: the heartbeat's pings keep data unacknowledged, and keepalive "
              "waits while anything is in flight.");
}

QString PredictionText::keepaliveWaitsForAck()
{
    return tr("keepalive does not run while data is unacknowledged.");
}

QString PredictionText::keepaliveAnsweredByFrozenPeer()
{
    return tr("keepalive never fires: the frozen process's kernel answers every probe.");
}

QString PredictionText::retransmissions(const Retransmissions &r, const TimerRun &run)
{
    const QString start = tr("retransmissions: a tail-loss probe at %1 (it does not count), the first "
                             "timeout retransmission at %2, then the RTO doubles from %3 up to %4. ")
                              .arg(duration(r.tailLossProbeUs), duration(r.firstRetransmissionUs),
                                   duration(r.firstRtoUs), duration(r.rtoMaxUs));
    const QString end = duration(run.endUs.value_or(0));
    if (r.userTimeoutMs > 0)
        return start
            + tr("TCP_USER_TIMEOUT %1 ms replaces tcp_retries2 and counts from the first retransmission; "
                 "the last timer is shortened to fit: ETIMEDOUT after %n retransmission(s), %2 after the "
                 "first unacknowledged send.",
                 nullptr, run.attempts)
                  .arg(r.userTimeoutMs)
                  .arg(end);
    return start
        + tr("tcp_retries2 %1 allows %2 from the first retransmission (tcp_model_timeout), so the error "
             "comes at the first timer after that: ETIMEDOUT after %n retransmission(s), %3 after the first "
             "unacknowledged send.",
             nullptr, run.attempts)
              .arg(r.retries2)
              .arg(duration(r.budgetUs), end);
}

QString PredictionText::heartbeatPingUnanswered(qint64 intervalUs)
{
    return tr("The heartbeat keeps the connection busy: its first ping after the fault, within %1, is "
              "never acknowledged. ")
        .arg(duration(intervalUs));
}

QString PredictionText::synRetransmissions(const SynRetransmissions &s, const TimerRun &run)
{
    const QString start = tr("connect(): the first SYN retransmissions follow 1 s apart "
                             "(tcp_syn_linear_timeouts %1), then the gap doubles. ")
                              .arg(s.linearTimeouts);
    QString rule;
    if (s.userTimeoutMs > 0)
        rule = tr("TCP_USER_TIMEOUT %1 ms counts from the first SYN, and the kernel also stops after %n "
                  "retransmission(s) (tcp_syn_retries + tcp_syn_linear_timeouts). ",
                  nullptr, s.maxRetransmissions)
                   .arg(s.userTimeoutMs);
    else
        rule = tr("tcp_syn_retries %1 allows %2 from the first SYN (tcp_model_timeout with a 1 s base) or "
                  "%n retransmission(s) (tcp_syn_retries + tcp_syn_linear_timeouts), whichever comes first. ",
                  nullptr, s.maxRetransmissions)
                   .arg(s.synRetries)
                   .arg(duration(s.budgetUs));
    return start + rule
        + tr("ETIMEDOUT after %n retransmission(s), %1 after connect() started. This assumes a static ARP "
             "entry: without one, ARP fails first and connect() reports EHOSTUNREACH after about 3 s.",
             nullptr, run.attempts)
              .arg(duration(run.endUs.value_or(0)));
}

QString PredictionText::heartbeat(qint64 intervalUs, int misses, qint64 minUs, qint64 maxUs)
{
    return tr("heartbeat: the application pings every %1 and declares the peer dead after %n unanswered "
              "ping(s) in a row: %2 to %3 after the fault, depending on where the fault falls between two "
              "pings. The application decides (HalfOpen closes the socket and reports ETIMEDOUT); TCP itself reports "
              "no error.",
              nullptr, misses)
        .arg(duration(intervalUs), duration(minUs), duration(maxUs));
}

QString PredictionText::idleNever()
{
    return tr("never: an idle connection without keepalive or heartbeat sends nothing, so nothing can fail; "
              "it stays ESTABLISHED forever.");
}

QString PredictionText::frozenNever()
{
    return tr("never: the frozen process's kernel still acknowledges data and answers keepalive probes; "
              "only an application heartbeat notices.");
}

QString PredictionText::fin()
{
    return tr("the peer's kernel closes the socket and sends a FIN at once: read() returns 0 (end of stream). "
              "Our next write succeeds but draws an RST; the write after that fails with EPIPE.");
}

QString PredictionText::rst()
{
    return tr("the rebooted peer has forgotten the connection and answers our next segment with RST: the "
              "send() succeeds, and the next read or write fails with ECONNRESET one round trip later.");
}

QString PredictionText::neighbourCondition(qint64 fromUs, qint64 toUs, qint64 rangeFromUs, qint64 rangeToUs)
{
    if (fromUs <= rangeFromUs && toUs >= rangeToUs)
        return tr("whatever the neighbour entry's reachable time (%1–%2)")
            .arg(duration(rangeFromUs), duration(rangeToUs));
    if (fromUs <= rangeFromUs)
        return tr("if the neighbour entry's reachable time (random, %1–%2 after the last ACK) ends before %3")
            .arg(duration(rangeFromUs), duration(rangeToUs), duration(toUs));
    if (toUs >= rangeToUs)
        return tr("if the neighbour entry's reachable time (random, %1–%2 after the last ACK) ends after %3")
            .arg(duration(rangeFromUs), duration(rangeToUs), duration(fromUs));
    return tr("if the neighbour entry's reachable time (random, %1–%2 after the last ACK) ends between %3 and %4")
        .arg(duration(rangeFromUs), duration(rangeToUs), duration(fromUs), duration(toUs));
}

QString PredictionText::neighbourPaths(const QList<PredictionPath> &paths, const NeighbourTimers &timers, bool recvErr)
{
    QStringList parts;
    for (const PredictionPath &path : paths) {
        QString part
            = tr("%1 (%2 %): %3 after %4")
                  .arg(path.condition)
                  .arg(qRound(path.likelihood * 100))
                  .arg(path.errnoValue == EHOSTUNREACH ? QStringLiteral("EHOSTUNREACH") : QStringLiteral("ETIMEDOUT"),
                       duration(path.expectedUs));
        if (path.neighbourErrorUs)
            part += recvErr && path.errnoValue != EHOSTUNREACH
                ? tr(", a non-fatal EHOSTUNREACH (IP_RECVERR) at %1").arg(duration(*path.neighbourErrorUs))
                : tr(", ARP failed at %1").arg(duration(*path.neighbourErrorUs));
        parts << part;
    }
    return tr("With dynamic ARP the peer's neighbour entry goes stale after a random reachable time; the first "
              "retransmission through a stale entry waits %1 (DELAY), %2 unicast probe(s) go unanswered, the entry "
              "fails; the next retransmission is held while %3 broadcast probe(s) go out, then the kernel reports a "
              "local EHOSTUNREACH (no ICMP on the wire) and steps the backoff back one notch, re-arming the timer "
              "without the user timeout's clamp. Paths: %4.")
        .arg(duration(qint64(timers.delayFirstProbeMs) * 1000))
        .arg(timers.ucastSolicit)
        .arg(timers.mcastSolicit)
        .arg(parts.join(QStringLiteral("; ")));
}

QString PredictionText::neighbourConnect(int mcastSolicit, qint64 retransUs, qint64 failUs)
{
    return tr("The peer is on the same link with dynamic ARP and gives no answer: the SYN waits while %n broadcast "
              "ARP request(s) go out %1 apart, then connect() fails with EHOSTUNREACH after %2, no SYN ever on the "
              "wire (neighbour resolution failed, not an ICMP from a router).",
              nullptr, mcastSolicit)
        .arg(duration(retransUs), duration(failUs));
}

QString PredictionText::keepaliveWithDynamicNeighbour()
{
    return tr("Dynamic ARP does not change this: a keepalive probe carries sequence number snd_una − 1, so the "
              "kernel drops the local EHOSTUNREACH of a failed neighbour as out of window (tcp_v4_err) and the "
              "keepalive ends with ETIMEDOUT.");
}

QString PredictionText::rstAnsweringRetransmission(int number, qint64 sentUs)
{
    return tr("The rebooted peer knows no such connection: it answers retransmission %1, sent %2 after the first "
              "unacknowledged send, with an RST: ECONNRESET one round trip later.")
        .arg(number)
        .arg(duration(sentUs));
}

QString PredictionText::rstAnsweringProbe(qint64 idleUs)
{
    return tr("The idle connection sends nothing until keepalive's first probe, %1 after the last packet received; "
              "the rebooted peer answers it with an RST: ECONNRESET one round trip later, without waiting for the "
              "probe count.")
        .arg(duration(idleUs));
}

QString PredictionText::rstAnsweringApplicationPing(qint64 pingUs)
{
    return tr("The application's own keepalive sends %1 after the last packet received; the rebooted peer answers "
              "with an RST: ECONNRESET one round trip later.")
        .arg(duration(pingUs));
}

QString PredictionText::rebootedIdleNever()
{
    return tr("Without keepalive an idle connection sends nothing, so the rebooted peer never gets the chance to "
              "answer with an RST: nothing is noticed until the application sends.");
}

} // namespace halfopen::core
