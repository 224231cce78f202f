// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SocketColumn.h"

#include <QCoreApplication>

namespace halfopen::models {

namespace {
// A class only so lupdate sees the tr() calls under one context.
class SocketColumnText
{
    Q_DECLARE_TR_FUNCTIONS(SocketColumn)
public:
    static QString title(SocketColumn column);
    static QString toolTip(SocketColumn column);
};
} // namespace

QString socketColumnTitle(SocketColumn column)
{
    return SocketColumnText::title(column);
}

QString socketColumnToolTip(SocketColumn column)
{
    return SocketColumnText::toolTip(column);
}

QString SocketColumnText::title(SocketColumn column)
{
    switch (column) {
    case SocketColumn::Host:
        return tr("Host", "lab host or machine that owns the socket");
    case SocketColumn::Local:
        return tr("Local", "socket's own address:port");
    case SocketColumn::Remote:
        return tr("Remote", "peer's address:port");
    case SocketColumn::State:
        return tr("State", "TCP state such as ESTABLISHED");
    case SocketColumn::SendQ:
        return tr("Send-Q", "bytes not yet acknowledged, as ss names it");
    case SocketColumn::RecvQ:
        return tr("Recv-Q", "bytes received and not yet read, as ss names it");
    case SocketColumn::Timer:
        return tr("Timer", "the TCP timer running on the socket and its time left");
    case SocketColumn::Retransmits:
        return tr("Retransmits", "count of consecutive retransmission timeouts");
    case SocketColumn::Probes:
        return tr("Probes", "count of unanswered TCP keepalive or zero-window probes");
    case SocketColumn::Backoff:
        return tr("Backoff", "TCP retransmission timer's exponential backoff shift");
    case SocketColumn::Rto:
        return tr("RTO", "retransmission timeout, abbreviation kept in every language");
    case SocketColumn::Rtt:
        return tr("RTT", "round-trip time, abbreviation kept in every language");
    case SocketColumn::LastReceived:
        return tr("Last received", "time since the last packet from the peer arrived");
    case SocketColumn::Keepalive:
        return tr("Keepalive", "the socket's TCP keepalive settings");
    case SocketColumn::LastSent:
        return tr("Last sent", "time since the last data segment was sent (ss lastsnd)");
    case SocketColumn::LastDataReceived:
        return tr("Last data in", "time since the last data segment arrived (ss lastrcv)");
    case SocketColumn::Unacked:
        return tr("Unacked", "segments sent and not yet acknowledged");
    case SocketColumn::TotalRetrans:
        return tr("Total retrans", "retransmitted segments over the connection's life");
    case SocketColumn::Cwnd:
        return tr("Cwnd", "congestion window, abbreviation kept in every language");
    }
    return {};
}

QString SocketColumnText::toolTip(SocketColumn column)
{
    switch (column) {
    case SocketColumn::Host:
        return tr("The host whose kernel holds this socket: a lab host (client, server) or this machine.");
    case SocketColumn::Local:
        return tr("The socket's own address and port.");
    case SocketColumn::Remote:
        return tr("The address and port of the peer this socket talks to.");
    case SocketColumn::State:
        return tr("The TCP state as the kernel reports it. ESTABLISHED does not mean the peer is "
                  "still there: a socket whose peer vanished stays ESTABLISHED until a timer or a "
                  "packet says otherwise. A row that closed fades out before it leaves.");
    case SocketColumn::SendQ:
        return tr("Bytes the application wrote that the peer has not acknowledged yet. When it "
                  "grows and does not shrink, the data is being retransmitted into the void.");
    case SocketColumn::RecvQ:
        return tr("Bytes that arrived and the application has not read yet.");
    case SocketColumn::Timer:
        return tr("The timer the kernel runs for this socket and the time until it fires: "
                  "\"retransmit\" (waiting for an acknowledgement), \"keepalive\" (idle, next probe), "
                  "\"persist\" (peer's window is zero), \"timewait\". In ss -o the timer's third "
                  "field counts keepalive probes for the keepalive timer and retransmissions "
                  "otherwise; here they have their own columns.");
    case SocketColumn::Retransmits:
        return tr("How many times in a row the retransmission timer fired for the oldest unacknowledged "
                  "segment. When it reaches tcp_retries2 (15 by default, about 15 minutes) the "
                  "connection is dropped with ETIMEDOUT.");
    case SocketColumn::Probes:
        return tr("Keepalive (or zero-window) probes sent that the peer has not answered. When it "
                  "reaches the keepalive count, the connection is dropped with ETIMEDOUT.");
    case SocketColumn::Backoff:
        return tr("How many times the retransmission timeout has doubled: each unanswered "
                  "retransmission waits twice as long as the one before (RTO × 2^backoff, at most "
                  "120 s).");
    case SocketColumn::Rto:
        return tr("Retransmission timeout: how long the kernel waits for an acknowledgement before "
                  "sending the data again. At least 200 ms on Linux; doubles with every "
                  "unanswered retransmission.");
    case SocketColumn::Rtt:
        return tr("Smoothed round-trip time the kernel measured from acknowledgements.");
    case SocketColumn::LastReceived:
        return tr("Time since the last packet from the peer arrived (tcp_info's last_ack_recv). "
                  "Keepalive's idle time counts from here: the first probe goes out when it "
                  "reaches the keepalive idle time.");
    case SocketColumn::Keepalive:
        return tr("The socket's keepalive as the kernel reports it (getsockopt after every change): "
                  "idle time before the first probe, then how many probes how far apart. \"off\": an "
                  "idle connection to a vanished peer is never noticed. Changing the settings while "
                  "the lab runs changes it here at once. The cell's tooltip lists every option.");
    case SocketColumn::LastSent:
        return tr("Time since the last new data segment was sent, at the last sample (ss -i lastsnd). "
                  "Retransmissions do not reset it: while data waits for an acknowledgement it counts "
                  "from the first unacknowledged send, the reference of a retransmission timeout.");
    case SocketColumn::LastDataReceived:
        return tr("Time since the last data segment arrived, at the last sample (ss -i lastrcv); "
                  "Last received also counts bare ACKs and keepalive answers (lastack).");
    case SocketColumn::Unacked:
        return tr("Segments sent and not yet acknowledged (ss -i unacked). While it is above zero, "
                  "keepalive waits and the retransmission timer decides.");
    case SocketColumn::TotalRetrans:
        return tr("Segments retransmitted over the connection's whole life (ss -i retrans:N/TOTAL).");
    case SocketColumn::Cwnd:
        return tr("Congestion window in segments (ss -i cwnd): it falls to 1 after a retransmission timeout.");
    }
    return {};
}

} // namespace halfopen::models
