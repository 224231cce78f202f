<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PredictionText</name>
    <message numerus="yes">
        <source>keepalive: first probe after %1 without anything received, then a probe every %2. TCP_USER_TIMEOUT %3 ms decides instead of the probe count: the kernel gives up at the first check once nothing has been received for that long and a probe went out, here after %n probe(s): ETIMEDOUT %4 after the last packet received.</source>
        <translation>
            <numerusform>keepalive: first probe after %1 without anything received, then a probe every %2. TCP_USER_TIMEOUT %3 ms decides instead of the probe count: the kernel gives up at the first check once nothing has been received for that long and a probe went out, here after %n probe: ETIMEDOUT %4 after the last packet received.</numerusform>
            <numerusform>keepalive: first probe after %1 without anything received, then a probe every %2. TCP_USER_TIMEOUT %3 ms decides instead of the probe count: the kernel gives up at the first check once nothing has been received for that long and a probe went out, here after %n probes: ETIMEDOUT %4 after the last packet received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keepalive: after %1 without anything received the kernel sends the first of %n probe(s), %2 apart; when the last one has gone unanswered for %2 it resets the connection: ETIMEDOUT %3 after the last packet received.</source>
        <translation>
            <numerusform>keepalive: after %1 without anything received the kernel sends the first of %n probe, %2 apart; when the last one has gone unanswered for %2 it resets the connection: ETIMEDOUT %3 after the last packet received.</numerusform>
            <numerusform>keepalive: after %1 without anything received the kernel sends the first of %n probes, %2 apart; when the last one has gone unanswered for %2 it resets the connection: ETIMEDOUT %3 after the last packet received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>TCP_USER_TIMEOUT %1 ms replaces tcp_retries2 and counts from the first retransmission; the last timer is shortened to fit: ETIMEDOUT after %n retransmission(s), %2 after the first unacknowledged send.</source>
        <translation>
            <numerusform>TCP_USER_TIMEOUT %1 ms replaces tcp_retries2 and counts from the first retransmission; the last timer is shortened to fit: ETIMEDOUT after %n retransmission, %2 after the first unacknowledged send.</numerusform>
            <numerusform>TCP_USER_TIMEOUT %1 ms replaces tcp_retries2 and counts from the first retransmission; the last timer is shortened to fit: ETIMEDOUT after %n retransmissions, %2 after the first unacknowledged send.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tcp_retries2 %1 allows %2 from the first retransmission (tcp_model_timeout), so the error comes at the first timer after that: ETIMEDOUT after %n retransmission(s), %3 after the first unacknowledged send.</source>
        <translation>
            <numerusform>tcp_retries2 %1 allows %2 from the first retransmission (tcp_model_timeout), so the error comes at the first timer after that: ETIMEDOUT after %n retransmission, %3 after the first unacknowledged send.</numerusform>
            <numerusform>tcp_retries2 %1 allows %2 from the first retransmission (tcp_model_timeout), so the error comes at the first timer after that: ETIMEDOUT after %n retransmissions, %3 after the first unacknowledged send.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ETIMEDOUT after %n retransmission(s), %1 after connect() started. This assumes a static ARP entry: without one, ARP fails first and connect() reports EHOSTUNREACH after about 3 s.</source>
        <translation>
            <numerusform>ETIMEDOUT after %n retransmission, %1 after connect() started. This assumes a static ARP entry: without one, ARP fails first and connect() reports EHOSTUNREACH after about 3 s.</numerusform>
            <numerusform>ETIMEDOUT after %n retransmissions, %1 after connect() started. This assumes a static ARP entry: without one, ARP fails first and connect() reports EHOSTUNREACH after about 3 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>heartbeat: the application pings every %1 and declares the peer dead after %n unanswered ping(s) in a row: %2 to %3 after the fault, depending on where the fault falls between two pings. The application decides (HalfOpen closes the socket and reports ETIMEDOUT); TCP itself reports no error.</source>
        <translation>
            <numerusform>heartbeat: the application pings every %1 and declares the peer dead after %n unanswered ping in a row: %2 to %3 after the fault, depending on where the fault falls between two pings. The application decides (HalfOpen closes the socket and reports ETIMEDOUT); TCP itself reports no error.</numerusform>
            <numerusform>heartbeat: the application pings every %1 and declares the peer dead after %n unanswered pings in a row: %2 to %3 after the fault, depending on where the fault falls between two pings. The application decides (HalfOpen closes the socket and reports ETIMEDOUT); TCP itself reports no error.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>TCP_USER_TIMEOUT %1 ms counts from the first SYN, and the kernel also stops after %n retransmission(s) (tcp_syn_retries + tcp_syn_linear_timeouts). </source>
        <translation>
            <numerusform>TCP_USER_TIMEOUT %1 ms counts from the first SYN, and the kernel also stops after %n retransmission (tcp_syn_retries + tcp_syn_linear_timeouts). </numerusform>
            <numerusform>TCP_USER_TIMEOUT %1 ms counts from the first SYN, and the kernel also stops after %n retransmissions (tcp_syn_retries + tcp_syn_linear_timeouts). </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tcp_syn_retries %1 allows %2 from the first SYN (tcp_model_timeout with a 1 s base) or %n retransmission(s) (tcp_syn_retries + tcp_syn_linear_timeouts), whichever comes first. </source>
        <translation>
            <numerusform>tcp_syn_retries %1 allows %2 from the first SYN (tcp_model_timeout with a 1 s base) or %n retransmission (tcp_syn_retries + tcp_syn_linear_timeouts), whichever comes first. </numerusform>
            <numerusform>tcp_syn_retries %1 allows %2 from the first SYN (tcp_model_timeout with a 1 s base) or %n retransmissions (tcp_syn_retries + tcp_syn_linear_timeouts), whichever comes first. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The peer is on the same link with dynamic ARP and gives no answer: the SYN waits while %n broadcast ARP request(s) go out %1 apart, then connect() fails with EHOSTUNREACH after %2, no SYN ever on the wire (neighbour resolution failed, not an ICMP from a router).</source>
        <translation>
            <numerusform>The peer is on the same link with dynamic ARP and gives no answer: the SYN waits while %n broadcast ARP request goes out %1 apart, then connect() fails with EHOSTUNREACH after %2, no SYN ever on the wire (neighbour resolution failed, not an ICMP from a router).</numerusform>
            <numerusform>The peer is on the same link with dynamic ARP and gives no answer: the SYN waits while %n broadcast ARP requests go out %1 apart, then connect() fails with EHOSTUNREACH after %2, no SYN ever on the wire (neighbour resolution failed, not an ICMP from a router).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunStepText</name>
    <message numerus="yes">
        <source>Capture: older frames dropped to stay within %1 MB — %n frame(s) (%2 MB) left out</source>
        <translation>
            <numerusform>Capture: older frames dropped to stay within %1 MB — %n frame (%2 MB) left out</numerusform>
            <numerusform>Capture: older frames dropped to stay within %1 MB — %n frames (%2 MB) left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionReport</name>
    <message numerus="yes">
        <source>%n event(s) over %1.</source>
        <translation>
            <numerusform>%n event over %1.</numerusform>
            <numerusform>%n events over %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>halfopen::ui::SessionFiles</name>
    <message numerus="yes">
        <source>%1: %n damaged line(s) skipped, the rest is shown. First: %2</source>
        <translation>
            <numerusform>%1: %n damaged line skipped, the rest is shown. First: %2</numerusform>
            <numerusform>%1: %n damaged lines skipped, the rest is shown. First: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1</source>
        <translation>
            <numerusform>Exported %n event to %1</numerusform>
            <numerusform>Exported %n events to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>halfopen::ui::SocketFilterBar</name>
    <message numerus="yes">
        <source>%n socket(s) in TIME_WAIT hidden</source>
        <comment>sockets left out of the table</comment>
        <translation>
            <numerusform>%n socket in TIME_WAIT hidden</numerusform>
            <numerusform>%n sockets in TIME_WAIT hidden</numerusform>
        </translation>
    </message>
</context>
</TS>
