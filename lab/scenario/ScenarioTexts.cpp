// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/ScenarioTexts.h"

#include <QCoreApplication>

namespace halfopen::lab {

namespace {

struct Text
{
    const char *name;
    const char *title;
    const char *explanation;
};

// In the order `halfopen-cli lab list` and the GUI show them: from the half-open connection
// through the ways of noticing it to process deaths, connects, ICMP, heartbeats and closes.
constexpr Text kTexts[] = {
    {"idle-peer-powered-off",
     QT_TRANSLATE_NOOP("Scenario", "Idle peer powered off, no keepalive: the half-open connection"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The client and the server connect and then say nothing. One second later the server loses "
                       "power: its sockets vanish without sending a FIN or an RST, so nothing reaches the client. "
                       "The client has no keepalive and nothing to send, so its kernel runs no timer for this "
                       "connection: it stays ESTABLISHED, and a program waiting in read() or epoll would wait "
                       "forever. This is the half-open connection of the field notes; only keepalive, a heartbeat or"
                       " an attempt to send can ever reveal it.")},
    {"keepalive-detects-powered-off-peer",
     QT_TRANSLATE_NOOP("Scenario", "Idle peer powered off, keepalive 2/1/3: ETIMEDOUT about 5 s after the last packet"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The same silent connection, but the client enables TCP keepalive with 2 s idle time, 1 s "
                       "interval and 3 probes before the server loses power. Two seconds after the last packet it "
                       "received, the client's kernel sends a keepalive probe, an empty ACK with an old sequence "
                       "number that the peer must answer. The powered-off server cannot, so the kernel probes again "
                       "every second; after the third unanswered probe it gives up, sends an RST into the void and "
                       "reports ETIMEDOUT: idle + count x interval = 5 s after the last packet received, not after "
                       "the power cut. With the kernel's default timers (7200 s, 75 s, 9 probes) the same takes over"
                       " two hours.")},
    {"keepalive-default-timers",
     QT_TRANSLATE_NOOP("Scenario", "Keepalive with the kernel's default timers: nothing for two hours"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The client switches keepalive on but keeps the kernel's default timers: 7200 s idle, 75 s "
                       "between probes, 9 probes. Then the server loses power. Nothing happens at all: no probe, no "
                       "error, and the dead peer would only be found after 2 hours and 11 minutes. Keepalive helps "
                       "only with timers chosen for the application, set per socket (TCP_KEEPIDLE, TCP_KEEPINTVL, "
                       "TCP_KEEPCNT) rather than for the whole system.")},
    {"user-timeout-overrides-keepcnt",
     QT_TRANSLATE_NOOP("Scenario", "Keepalive 2/1/3 with TCP_USER_TIMEOUT 3000 ms: one probe, then ETIMEDOUT"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The client has keepalive 2/1/3 and a TCP_USER_TIMEOUT of 3000 ms; the idle server loses "
                       "power. With a user timeout set, the kernel ignores the probe count: it drops the connection "
                       "as soon as it has heard nothing for longer than the user timeout and at least one probe went"
                       " unanswered. The first probe leaves 2 s after the last packet received, and at the next "
                       "keepalive tick, 3 s after it, the connection is aborted with ETIMEDOUT, after a single probe"
                       " instead of three.")},
    {"user-timeout-extends-keepcnt",
     QT_TRANSLATE_NOOP("Scenario",
                       "Keepalive 2/1/3 with TCP_USER_TIMEOUT 10000 ms: eight probes although the count is 3"),
     QT_TRANSLATE_NOOP("Scenario",
                       "Keepalive 2/1/3 again, now with a TCP_USER_TIMEOUT of 10000 ms; the idle server loses power."
                       " Because the user timeout replaces the probe count, the client keeps probing once a second "
                       "past its third probe and gives up only when it has heard nothing for 10 s: eight probes, "
                       "then ETIMEDOUT about 10 s after the last packet received. A user timeout chosen for "
                       "unacknowledged data therefore also changes keepalive, in both directions.")},
    {"cable-pulled-while-sending",
     QT_TRANSLATE_NOOP("Scenario",
                       "Cable pulled while sending, tcp_retries2 = 5: retransmissions with doubling RTO, then "
                       "ETIMEDOUT"),
     QT_TRANSLATE_NOOP(
         "Scenario",
         "The client sends 100 bytes every half second. At 1 s the server's cable is pulled. The "
         "client's next segment gets no ACK: its kernel first sends it once more as a tail-loss probe (the "
         "hollow diamond, not counted as a retransmission), then retransmits it, doubling the wait each time"
         " (about 0.2, 0.4, 0.8, 1.6, 3.2 s and so on). With tcp_retries2 lowered to 5 the budget is "
         "12.6 s counted from the first timed-out retransmission, so the application gets ETIMEDOUT "
         "about 13 s after its first unacknowledged send; with the default tcp_retries2 = 15 it takes "
         "about 15 minutes. The server, which only receives, notices nothing and stays ESTABLISHED.")},
    {"user-timeout-data-in-flight",
     QT_TRANSLATE_NOOP("Scenario", "Cable pulled while sending, TCP_USER_TIMEOUT 3000 ms: ETIMEDOUT after about 3.4 s"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The client sends 100 bytes every half second and sets TCP_USER_TIMEOUT to 3000 ms. At 1 s "
                       "the cable is pulled. The user timeout replaces the tcp_retries2 budget: once data has waited"
                       " 3 s for an acknowledgement, the kernel stops at the next retransmission timer and reports "
                       "ETIMEDOUT, about 3.4 s after the first unacknowledged send. This bounds how long a write may"
                       " go unanswered for one socket, without touching system-wide settings.")},
    {"kill-process", QT_TRANSLATE_NOOP("Scenario", "Server process killed (kill -9): FIN, CLOSE_WAIT, TIME_WAIT"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The server's process is killed with SIGKILL. The process cannot react, but its kernel is "
                       "alive: it closes the process's sockets and sends a FIN. About a millisecond later the "
                       "client's read() returns 0 (end of file) and its socket is in CLOSE_WAIT; the client closes "
                       "too, and the killed side's orphaned socket moves on to TIME_WAIT, as in the field notes. A "
                       "killed process is noticed at once; it is a host that loses power or a pulled cable that goes"
                       " unnoticed.")},
    {"kill-process-write-after-eof",
     QT_TRANSLATE_NOOP("Scenario", "Writing after the peer was killed: RST, then EPIPE"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The server's process is killed; the client reads end of file but, like a careless "
                       "application, keeps its socket open in CLOSE_WAIT while the killed side waits in FIN_WAIT_2. "
                       "Then the client writes. The write succeeds, because it only hands the data to the kernel, "
                       "but the server's kernel has no process for the connection and answers with an RST. The "
                       "client's next write fails with EPIPE (broken pipe), since the RST arrived while its socket "
                       "was in CLOSE_WAIT. Without MSG_NOSIGNAL or an ignored SIGPIPE that write would also kill the"
                       " client.")},
    {"kill-process-unread-data",
     QT_TRANSLATE_NOOP("Scenario", "Server killed with unread data: RST instead of FIN, ECONNRESET"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The server's process is frozen, the client sends 100 bytes that the server's kernel receives"
                       " but nobody reads, and then the process is killed. Closing a socket whose receive buffer "
                       "still holds unread data is an abortive close: the kernel sends an RST instead of a FIN, and "
                       "the client's read fails at once with ECONNRESET instead of seeing a clean end of file.")},
    {"peer-rebooted", QT_TRANSLATE_NOOP("Scenario", "Server rebooted, then the client sends: RST, ECONNRESET"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The server reboots: it vanishes without a word and comes back with the same address but no "
                       "memory of the connection. The idle client notices nothing. When the client sends at 3 s, "
                       "send() succeeds, the data reaches the fresh server, and its kernel, which knows no such "
                       "connection, answers with an RST. The client gets ECONNRESET a fraction of a millisecond "
                       "after sending.")},
    {"keepalive-rebooted-peer",
     QT_TRANSLATE_NOOP("Scenario", "Server rebooted, client keepalive 2/1/3: the first probe draws an RST"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The idle client has keepalive 2/1/3, and the server reboots. Two seconds after the last "
                       "packet the client received, its kernel sends a keepalive probe; the rebooted server knows no"
                       " such connection and answers with an RST, so the client gets ECONNRESET at the first probe "
                       "instead of waiting for three unanswered ones. A peer that crashed and came back is found by "
                       "the first probe; a peer that stays off only after the last.")},
    {"connect-to-powered-off-host",
     QT_TRANSLATE_NOOP("Scenario", "Connecting to a powered-off host, tcp_syn_retries 2: ETIMEDOUT after about 7 s"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The server is switched off, and the client tries to connect to it. The neighbour entry is "
                       "static, so the client's SYN does go out, and nobody answers. The kernel sends the SYN again "
                       "once a second (the first retransmissions are linear, tcp_syn_linear_timeouts) and, with "
                       "tcp_syn_retries lowered to 2, gives up about 7 s after the first SYN: connect() fails with "
                       "ETIMEDOUT after five retransmissions. With the default of 6 retries it takes over two "
                       "minutes.")},
    {"connect-to-powered-off-host-arp",
     QT_TRANSLATE_NOOP("Scenario",
                       "Connecting to a powered-off host with ARP on: EHOSTUNREACH after about 3 s, no SYN ever sent"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The same powered-off server, but now the hosts resolve each other's MAC address with ARP "
                       "instead of static neighbour entries. Before the client's kernel can send its SYN it must "
                       "learn the server's MAC: it asks three times, one second apart, and nobody answers. After "
                       "about 3 s it gives up and connect() fails with EHOSTUNREACH (No route to host) although no "
                       "SYN was ever on the wire. On a real LAN this is what a dead device on the same subnet looks "
                       "like; a router in between would make it ETIMEDOUT instead.")},
    {"arp-unplugged-user-timeout-neighbour-fails",
     QT_TRANSLATE_NOOP("Scenario",
                       "ARP on, cable pulled while sending, user timeout 18 s: the neighbour fails first, EHOSTUNREACH "
                       "at about 19.6 s"),
     QT_TRANSLATE_NOOP(
         "Scenario",
         "The hosts resolve each other with ARP and the client's neighbour entries stay reachable only 0.5"
         " to 1.5 s (base_reachable_time_ms 1000), so the path is always the same. The client sends 100 "
         "bytes every half second with TCP_USER_TIMEOUT 18000 ms, and the cable is pulled. The first "
         "retransmission after the entry went stale starts neighbour probing: 5 s of DELAY, three "
         "unanswered unicast probes, the entry fails. The retransmission at 13.1 s is held while three "
         "broadcast ARP requests go out; 3 s later the kernel reports a local EHOSTUNREACH (no ICMP on the"
         " wire), keeps it as the soft error and steps the backoff back one notch, re-arming the "
         "retransmission timer for 19.6 s without the user timeout's clamp. So the connection ends at "
         "about 19.6 s after the first unacknowledged send with EHOSTUNREACH, not at 18.4 s with "
         "ETIMEDOUT: mechanism neighbour_unreachable.")},
    {"arp-unplugged-user-timeout-neighbour-holds",
     QT_TRANSLATE_NOOP(
         "Scenario",
         "ARP on, cable pulled while sending, user timeout 18 s, a long reachable time: ETIMEDOUT at about 18.4 s"),
     QT_TRANSLATE_NOOP(
         "Scenario",
         "The same pulled cable and TCP_USER_TIMEOUT 18000 ms with ARP on, but the client's neighbour "
         "entry stays reachable for 5 to 15 minutes after the last acknowledgement (base_reachable_time_ms"
         " 600000). No retransmission ever finds it stale, so no ARP probe goes out and the user timeout "
         "ends the connection as with a static entry: ETIMEDOUT about 18.4 s after the first "
         "unacknowledged send. With the default 30 s the outcome depends on the random reachable time: "
         "halfopen-cli predict --arp lists both paths and the condition.")},
    {"arp-unplugged-recverr-retries2",
     QT_TRANSLATE_NOOP("Scenario",
                       "ARP on, cable pulled while sending, IP_RECVERR, tcp_retries2 6: EHOSTUNREACH at 16 s, the "
                       "connection lives on, ETIMEDOUT at 26 s"),
     QT_TRANSLATE_NOOP(
         "Scenario",
         "ARP on with a short reachable time (base_reachable_time_ms 1000), the client sends every half "
         "second with IP_RECVERR set and tcp_retries2 lowered to 6. After the cable is pulled the "
         "neighbour entry fails, and at about 16 s the kernel reports EHOSTUNREACH at once (IP_RECVERR): a"
         " non-fatal error, mechanism neighbour_unreachable, the socket stays ESTABLISHED. Nothing is kept"
         " as a soft error, so when the retransmission budget runs out, about 26 s after the first "
         "unacknowledged send, the connection dies with ETIMEDOUT. Without user timeout the backoff step "
         "back only delays retransmissions: the budget counts time, not retransmissions.")},
    {"arp-keepalive-idle-peer-powered-off",
     QT_TRANSLATE_NOOP("Scenario",
                       "ARP on, idle peer powered off, keepalive 6/3/4: the neighbour fails but keepalive still ends "
                       "with ETIMEDOUT at 18 s"),
     QT_TRANSLATE_NOOP(
         "Scenario",
         "The hosts resolve each other with ARP and the client's neighbour entry stays reachable only 0.5 "
         "to 1.5 s after the last confirmation (base_reachable_time_ms 1000). The idle client has "
         "keepalive 6/3/4, and the server is switched off. The first probe finds the entry stale: 5 s of "
         "DELAY, three unanswered unicast probes, the entry fails, and the probe at 15 s is held while "
         "three broadcast ARP requests go out. The local EHOSTUNREACH that follows is dropped: a keepalive"
         " probe carries sequence number snd_una - 1, outside the window tcp_v4_err accepts. So keepalive "
         "ends exactly as with a static entry: ETIMEDOUT 18 s after the last packet received, mechanism "
         "keepalive.")},
    {"rebooted-peer-answers-a-retransmission",
     QT_TRANSLATE_NOOP("Scenario",
                       "Server rebooted while the client sends: the RST answers a retransmission, ECONNRESET at the "
                       "retransmission's time"),
     QT_TRANSLATE_NOOP(
         "Scenario",
         "The client sends 100 bytes every half second; at 1 s the server reboots and is back 2 s later "
         "with the same address and MAC but without the connection. While it is away the client's data "
         "goes unacknowledged and the kernel retransmits it on its doubling timer (0.2, 0.4, 0.8, 1.6 s "
         "after the first unacknowledged send). The first retransmission that reaches the rebooted server "
         "draws an RST, and the client gets ECONNRESET one round trip after that retransmission: measured "
         "from the first unacknowledged send, at one of the retransmission timer's instants, not a round "
         "trip after the send.")},
    {"connect-to-closed-port",
     QT_TRANSLATE_NOOP("Scenario", "Connecting to a port nobody listens on: RST, ECONNREFUSED"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The server host is up, but no program listens on the port. When the client sends its SYN, "
                       "the server's kernel answers at once with an RST, and connect() fails with ECONNREFUSED "
                       "within a fraction of a millisecond. A refused connection means the host is alive; a connect "
                       "that hangs until it times out means it is not, or that a firewall drops the packets.")},
    {"icmp-unreachable-at-connect",
     QT_TRANSLATE_NOOP("Scenario", "ICMP host unreachable while connecting: EHOSTUNREACH at once"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The cable acts like a router that knows the server cannot be reached and answers every "
                       "packet towards it with an ICMP host-unreachable message. When the client is switched on and "
                       "sends its SYN, the ICMP error comes straight back, and because the connection is still being"
                       " set up the kernel takes it as final: connect() fails with EHOSTUNREACH at once.")},
    {"icmp-unreachable-established",
     QT_TRANSLATE_NOOP("Scenario",
                       "ICMP host unreachable on an established connection: a soft error until the timeout"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The connection is established when the router starts answering packets towards the server "
                       "with ICMP host unreachable, and then the client sends. For an established connection the "
                       "kernel takes the ICMP error as soft, because routes change: it keeps retransmitting and only"
                       " remembers the error. When the retransmissions run out (tcp_retries2 5, some 13 to 15 s) the"
                       " application gets the remembered EHOSTUNREACH instead of ETIMEDOUT.")},
    {"icmp-unreachable-recverr",
     QT_TRANSLATE_NOOP("Scenario", "ICMP host unreachable with IP_RECVERR: the error is reported at once"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The same unreachable router, but the client has set the IP_RECVERR socket option. Now the "
                       "kernel hands every ICMP error to the application as soon as it arrives: the send is followed"
                       " at once by EHOSTUNREACH, while the connection itself stays ESTABLISHED and TCP keeps "
                       "retransmitting. The application learns of the trouble immediately and decides for itself "
                       "whether to give up.")},
    {"frozen-peer-keepalive-blind",
     QT_TRANSLATE_NOOP("Scenario", "Frozen server, keepalive on: keepalive sees nothing wrong"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The server's process is stopped (SIGSTOP): it hangs as if deadlocked, but its kernel is "
                       "alive. The client's keepalive probes are answered by the server's kernel, so the connection "
                       "looks perfectly healthy and no error ever comes. Keepalive checks that the peer's host is "
                       "reachable, not that the peer's application works; that is why the field notes recommend an "
                       "application heartbeat.")},
    {"frozen-peer-heartbeat",
     QT_TRANSLATE_NOOP("Scenario", "Frozen server, application heartbeat: detected after three missed answers"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The client pings the server through the connection every 500 ms and declares it dead after "
                       "three pings in a row go unanswered. When the server's process is stopped, its kernel still "
                       "acknowledges the pings, so TCP sees no problem, but no answer comes back from the "
                       "application. After three missed answers, 1.5 to 2 s after the freeze, the client gives up "
                       "with ETIMEDOUT by heartbeat, while its keepalive never even sends a probe.")},
    {"heartbeat-vs-keepalive",
     QT_TRANSLATE_NOOP("Scenario", "Heartbeat and keepalive side by side: the cable is pulled"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The client watches the connection with an application heartbeat, a ping every 500 ms and "
                       "dead after 3 missed answers; the server only answers the pings and relies on TCP keepalive "
                       "2/1/3. When the cable is pulled, the client notices after three missed answers, within about"
                       " 2 s of the cut. The server's keepalive starts counting at the last packet it received and "
                       "needs the idle time plus three probes: about 5 s after that packet. Same cable, two "
                       "mechanisms, two very different detection times.")},
    {"rebooting-device-piles-up-connections",
     QT_TRANSLATE_NOOP("Scenario",
                       "A device that keeps rebooting: stale ESTABLISHED connections pile up on the server"),
     QT_TRANSLATE_NOOP("Scenario",
                       "A device, the client, connects whenever it boots, and it reboots three times in a row. Each "
                       "reboot wipes its connections without a FIN or an RST, so the server, which has no keepalive "
                       "and never sends, keeps every old connection ESTABLISHED beside the new one. After three "
                       "reboots the server holds four ESTABLISHED connections for a single device, and with enough "
                       "reboots file descriptors run out and new clients are refused, as in the field notes. "
                       "Keepalive or a server-side heartbeat timeout would clean them up.")},
    {"nat-idle-timeout",
     QT_TRANSLATE_NOOP("Scenario", "NAT forgets an idle connection: retransmissions, then ETIMEDOUT"),
     QT_TRANSLATE_NOOP("Scenario",
                       "Between the hosts sits a NAT or firewall that forgets a flow after 2 s without traffic, the "
                       "most common cause of half-open connections in the field. The connection stays idle for 3 s, "
                       "then the client sends: the NAT no longer knows the flow and silently drops the segment. The "
                       "client retransmits until tcp_retries2, lowered to 3 here, runs out and gets ETIMEDOUT; the "
                       "server never hears a thing and stays ESTABLISHED. Keepalive with an idle time shorter than "
                       "the NAT's timeout would have kept the flow alive.")},
    {"nat-idle-timeout-reset",
     QT_TRANSLATE_NOOP("Scenario", "NAT forgets an idle connection and answers with RST: ECONNRESET"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The same forgetful NAT, but this one answers packets of flows it no longer knows with an "
                       "RST, as some firewalls do. The client's send after 3 s of silence is rejected at once and "
                       "the client gets ECONNRESET, although the server never closed anything and still holds the "
                       "connection as ESTABLISHED.")},
    {"cable-pulled-idle-replugged",
     QT_TRANSLATE_NOOP("Scenario", "Cable pulled on an idle connection and plugged back in: nothing is lost"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The cable is pulled for three seconds while neither side has anything to send, then plugged "
                       "back in, and the client sends. Without keepalive nobody noticed the outage, and since no "
                       "segment was lost the connection simply carries on: the data is delivered at the first try "
                       "and both sides stay ESTABLISHED. TCP does not need the cable to be there all the time, only "
                       "when it has something to deliver.")},
    {"simultaneous-close", QT_TRANSLATE_NOOP("Scenario", "Simultaneous close: both sides pass through CLOSING"),
     QT_TRANSLATE_NOOP("Scenario",
                       "Both applications close the connection at the same instant, and the cable delays each frame "
                       "by 300 ms, so the two FINs cross on the wire. Each side is in FIN_WAIT_1 when the other's "
                       "FIN arrives instead of an ACK; it acknowledges the FIN and moves to the rarely seen CLOSING "
                       "state, and when the ACK for its own FIN arrives it moves on to TIME_WAIT. Both sides end in "
                       "TIME_WAIT, because both closed actively.")},
    {"time-wait-after-active-close",
     QT_TRANSLATE_NOOP("Scenario", "Active close: the side that closes first waits in TIME_WAIT"),
     QT_TRANSLATE_NOOP("Scenario",
                       "The client closes the connection: its FIN reaches the server, whose read() returns 0 (end of"
                       " file), and the server closes too. The side that closed first goes through FIN_WAIT_1 and "
                       "FIN_WAIT_2 to TIME_WAIT and stays there for 60 s (twice the maximum segment lifetime) to "
                       "absorb stray segments and repeat its last ACK if needed, while the passive side passes "
                       "through CLOSE_WAIT and LAST_ACK to CLOSED. A server that closes its connections itself "
                       "collects TIME_WAIT sockets.")},
};

const Text *find(const QString &name)
{
    for (const Text &t : kTexts) {
        if (name == QLatin1String(t.name))
            return &t;
    }
    return nullptr;
}

} // namespace

QStringList ScenarioTexts::names()
{
    QStringList list;
    for (const Text &t : kTexts)
        list << QString::fromLatin1(t.name);
    return list;
}

bool ScenarioTexts::contains(const QString &name)
{
    return find(name) != nullptr;
}

QString ScenarioTexts::title(const QString &name)
{
    const Text *t = find(name);
    return t ? QCoreApplication::translate("Scenario", t->title) : QString();
}

QString ScenarioTexts::explanation(const QString &name)
{
    const Text *t = find(name);
    return t ? QCoreApplication::translate("Scenario", t->explanation) : QString();
}

QString ScenarioTexts::sourceTitle(const QString &name)
{
    const Text *t = find(name);
    return t ? QString::fromUtf8(t->title) : QString();
}

QString ScenarioTexts::sourceExplanation(const QString &name)
{
    const Text *t = find(name);
    return t ? QString::fromUtf8(t->explanation) : QString();
}

} // namespace halfopen::lab
