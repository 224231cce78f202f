<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApplicationAssumption</name>
    <message>
        <source>If the application is an %1, it would notice a dead peer %2 %3 (at most %4).</source>
        <comment>protocol and keepalive, duration, &apos;after the last packet received&apos;, duration</comment>
        <translation>如果这里的应用是 %1，它会在%3 %2 察觉对端失效（最多 %4）。</translation>
    </message>
    <message>
        <source>An assumption from port %1: the audit cannot see which application speaks on a connection; the keepalive is the one you gave (%2).</source>
        <translation>这是根据端口 %1 做出的假设：审计看不到连接上运行的是哪个应用；保活值是你给出的（%2）。</translation>
    </message>
    <message>
        <source>An assumption from port %1: the audit cannot see which application speaks on a connection nor its keepalive; %2 s is a common default, give the real one (%3).</source>
        <translation>这是根据端口 %1 做出的假设：审计看不到连接上运行的是哪个应用，也看不到它的保活值；%2 s 是常见的默认值，请给出真实值（%3）。</translation>
    </message>
</context>
<context>
    <name>ApplicationKeepalive</name>
    <message>
        <source>app: %1 takes no value (one of %2)</source>
        <translation>app：%1 不接受值（可选：%2）</translation>
    </message>
    <message>
        <source>app: the keepalive of %1 must be between 1 and %2 s (one of %3)</source>
        <translation>app：%1 的保活必须在 1 到 %2 s 之间（可选：%3）</translation>
    </message>
    <message>
        <source>app: only grpc takes a timeout, between 1 and %1 s (one of %2)</source>
        <translation>app：只有 grpc 接受超时，范围 1 到 %1 s（可选：%2）</translation>
    </message>
    <message>
        <source>app: must be one of %1</source>
        <translation>app：必须是以下之一：%1</translation>
    </message>
    <message>
        <source>no application protocol</source>
        <translation>无应用层协议</translation>
    </message>
    <message>
        <source>MQTT client, keepalive %1 s</source>
        <translation>MQTT 客户端，保活 %1 s</translation>
    </message>
    <message>
        <source>MQTT broker, client keepalive %1 s</source>
        <translation>MQTT 代理，客户端保活 %1 s</translation>
    </message>
    <message>
        <source>MQTT broker, a client that never sends CONNECT</source>
        <translation>MQTT 代理，一个从不发送 CONNECT 的客户端</translation>
    </message>
    <message>
        <source>AMQP 0-9-1, heartbeat %1 s</source>
        <translation>AMQP 0-9-1，心跳 %1 s</translation>
    </message>
    <message>
        <source>gRPC, keepalive time %1 s, timeout %2 s</source>
        <translation>gRPC，保活时间 %1 s，超时 %2 s</translation>
    </message>
    <message>
        <source>MQTT client (libmosquitto): PINGREQ once %1 passed since the last packet received, then the connection is closed when another %1 passes without PINGRESP: %2 after the last packet received (MQTT 3.1.1 §3.1.2.10; mosquitto lib/util_mosq.c). Sooner, down to %1, if the client sent something after the last packet it received.</source>
        <translation>MQTT 客户端（libmosquitto）：最后一次收到数据包后经过 %1 时发送 PINGREQ，此后若再过 %1 仍没有 PINGRESP 就关闭连接：最后一次收到数据包后 %2（MQTT 3.1.1 §3.1.2.10；mosquitto lib/util_mosq.c）。如果客户端在最后一次收到数据包之后发送过数据，会更早，最早到 %1。</translation>
    </message>
    <message>
        <source>AMQP 0-9-1 heartbeat %1: a peer that receives nothing for two heartbeat intervals closes the connection, %2 after the last packet received (AMQP 0-9-1 §4.2.7; RabbitMQ: after two missed heartbeats). The check runs on its own tick: up to one interval later.</source>
        <translation>AMQP 0-9-1 心跳 %1：连续两个心跳间隔什么都没收到的一端会关闭连接，即最后一次收到数据包后 %2（AMQP 0-9-1 §4.2.7；RabbitMQ：丢失两个心跳之后）。检查按自己的节拍进行：最多再晚一个间隔。</translation>
    </message>
    <message>
        <source>gRPC keepalive: a PING %1 after the last activity, and the transport is closed when it is not acknowledged within %2: %3 after the last packet received (grpc doc/keepalive.md).</source>
        <translation>gRPC 保活：最后一次活动后 %1 发出一个 PING，若在 %2 内未被确认就关闭传输：最后一次收到数据包后 %3（grpc doc/keepalive.md）。</translation>
    </message>
    <message>
        <source>MQTT client</source>
        <translation>MQTT 客户端</translation>
    </message>
    <message>
        <source>MQTT broker</source>
        <translation>MQTT 代理</translation>
    </message>
    <message>
        <source>MQTT broker, before CONNECT</source>
        <translation>MQTT 代理（CONNECT 之前）</translation>
    </message>
    <message>
        <source>AMQP 0-9-1 peer</source>
        <translation>AMQP 0-9-1 对端</translation>
    </message>
    <message>
        <source>gRPC peer</source>
        <translation>gRPC 对端</translation>
    </message>
    <message>
        <source>MQTT broker (Mosquitto 2.0): a connection that never sends CONNECT gets the default keepalive of 60 s and is closed with a FIN 1.5 × 60 s = 90 s after its last packet, up to %1 later because Mosquitto checks every 6 s (measured ~94 s). The MQTT 3.1.1 specification (§3.1) only asks for &quot;a reasonable amount of time&quot;.</source>
        <translation>MQTT 代理（Mosquitto 2.0）：从不发送 CONNECT 的连接使用默认的 60 s 保活，在它最后一个数据包之后 1.5 × 60 s = 90 s 被以 FIN 关闭；由于 Mosquitto 每 6 s 才检查一次，最多再晚 %1（实测约 94 s）。MQTT 3.1.1 规范（§3.1）只要求“一段合理的时间”。</translation>
    </message>
    <message>
        <source>MQTT broker: a client that sends nothing for 1.5 × its keepalive %1 is disconnected %2 after its last packet (MQTT 3.1.1 §3.1.2.10). Mosquitto 2.0 checks every 6 s in whole seconds: up to %3 later (measured with keepalive 5 s: 7.8–12.5 s).</source>
        <translation>MQTT 代理：客户端在其保活 %1 的 1.5 倍时间内什么都不发送，就会在它最后一个数据包之后 %2 被断开（MQTT 3.1.1 §3.1.2.10）。Mosquitto 2.0 以整秒计、每 6 s 检查一次：最多再晚 %3（保活 5 s 时实测 7.8–12.5 s）。</translation>
    </message>
</context>
<context>
    <name>ApplicationKeepalives</name>
    <message>
        <source>&apos;%1&apos;: the port before &apos;=&apos; must be 1 to 65535 (allowed %2)</source>
        <translation>“%1”：“=” 前的端口必须在 1 到 65535 之间（允许：%2）</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: name a protocol (allowed %2)</source>
        <translation>“%1”：请指定一个协议（允许：%2）</translation>
    </message>
</context>
<context>
    <name>AuditDetailsText</name>
    <message>
        <source>%1: never noticed</source>
        <translation>%1：永远不会察觉</translation>
    </message>
    <message>
        <source>%1: by %2%3 after %4 s %5</source>
        <comment>%4 seconds, %5 &apos;after the last packet received&apos;</comment>
        <translation>%1：由 %2%3 检测到，%5 %4 s</translation>
    </message>
    <message>
        <source>process not visible</source>
        <translation>进程不可见</translation>
    </message>
    <message>
        <source>%1, pid %2</source>
        <translation>%1，pid %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt; (%3) — %4, user %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;（%3）— %4，用户 %5</translation>
    </message>
    <message>
        <source>Also held by %1</source>
        <translation>同时持有它的还有 %1</translation>
    </message>
    <message>
        <source>RTT %1 ms, Send-Q %2, Recv-Q %3, timer %4 (%5 ms)</source>
        <translation>RTT %1 ms，Send-Q %2，Recv-Q %3，计时器 %4（%5 ms）</translation>
    </message>
    <message>
        <source>Options: %1</source>
        <translation>选项：%1</translation>
    </message>
    <message>
        <source>This network namespace: %1</source>
        <translation>此网络命名空间：%1</translation>
    </message>
    <message>
        <source>No prediction: the options are not known.</source>
        <translation>无法预测：选项未知。</translation>
    </message>
    <message>
        <source>&lt;b&gt;When would it notice a dead peer?&lt;/b&gt;</source>
        <translation>&lt;b&gt;它何时会察觉对端失效？&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;background-color: rgba(%1,%2,%3,%4)&quot;&gt;&amp;nbsp;&lt;b&gt;%5&lt;/b&gt;&amp;nbsp;&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;background-color: rgba(%1,%2,%3,%4)&quot;&gt;&amp;nbsp;&lt;b&gt;%5&lt;/b&gt;&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source> — fix: set %1 on the socket</source>
        <translation> — 修复：在套接字上设置 %1</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>风险：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;The application&apos;s own keepalive (assumed)&lt;/b&gt;</source>
        <translation>&lt;b&gt;应用自身的保活（假设）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>in the field below</source>
        <comment>where the user gives the application&apos;s keepalive</comment>
        <translation>在下面的输入框中</translation>
    </message>
</context>
<context>
    <name>AuditSummary</name>
    <message>
        <source>unknown process</source>
        <translation>未知进程</translation>
    </message>
    <message>
        <source>1 connection</source>
        <translation>1 条连接</translation>
    </message>
    <message>
        <source>%1 connections</source>
        <translation>%1 条连接</translation>
    </message>
    <message>
        <source>%1 would stay half-open forever</source>
        <translation>%1 条会永远处于半开状态</translation>
    </message>
    <message>
        <source>%1 slow to notice a dead peer</source>
        <translation>%1 条察觉对端失效太慢</translation>
    </message>
    <message>
        <source>%1 with options unknown</source>
        <translation>%1 条选项未知</translation>
    </message>
    <message>
        <source>all notice a powered-off peer in time</source>
        <translation>全部都能及时察觉对端断电</translation>
    </message>
</context>
<context>
    <name>CommandReader</name>
    <message>
        <source>command line longer than %1 bytes: discarded</source>
        <translation>命令行超过 %1 字节：已丢弃</translation>
    </message>
    <message>
        <source>command is not valid JSON at offset %1: %2</source>
        <translation>命令不是有效的 JSON，位置 %1：%2</translation>
    </message>
    <message>
        <source>command must be a JSON object such as {&quot;cmd&quot;: &quot;stop&quot;}</source>
        <translation>命令必须是一个 JSON 对象，例如 {&quot;cmd&quot;: &quot;stop&quot;}</translation>
    </message>
</context>
<context>
    <name>ConnectionAudit</name>
    <message>
        <source>pidfd_getfd on pid %1 fd %2: %3</source>
        <translation>pidfd_getfd（pid %1，fd %2）：%3</translation>
    </message>
    <message>
        <source>%1: reading another process&apos;s socket options needs ptrace rights over it (root or CAP_SYS_PTRACE)</source>
        <translation>%1：读取另一个进程的套接字选项需要对它拥有 ptrace 权限（root 或 CAP_SYS_PTRACE）</translation>
    </message>
    <message>
        <source>%1: the process closed the socket or exited during the audit</source>
        <translation>%1：审计期间进程关闭了套接字或已退出</translation>
    </message>
    <message>
        <source>no process holds this socket (orphaned)</source>
        <translation>没有进程持有这个套接字（孤儿套接字）</translation>
    </message>
    <message>
        <source>no visible process holds this socket: /proc/PID/fd of %1 other processes unreadable (%2); finding a socket&apos;s process and reading its options needs root or CAP_SYS_PTRACE</source>
        <translation>没有可见的进程持有这个套接字：另外 %1 个进程的 /proc/PID/fd 无法读取（%2）；要找到套接字所属的进程并读取它的选项，需要 root 或 CAP_SYS_PTRACE</translation>
    </message>
    <message>
        <source>no process in this PID namespace holds this socket</source>
        <translation>这个 PID 命名空间中没有进程持有这个套接字</translation>
    </message>
    <message>
        <source>%1; the running timer (%2) does not tell whether keepalive is on</source>
        <translation>%1；正在运行的计时器（%2）看不出保活是否开启</translation>
    </message>
    <message>
        <source>%1; keepalive is on (sock_diag shows its timer armed); its timers and TCP_USER_TIMEOUT are unknown: predicted with the namespace&apos;s defaults %2/%3/%4 and no user timeout</source>
        <translation>%1；保活已开启（sock_diag 显示它的计时器已启动）；它的计时器和 TCP_USER_TIMEOUT 未知：按命名空间的默认值 %2/%3/%4、无用户超时进行预测</translation>
    </message>
    <message>
        <source>%1; keepalive is off (sock_diag shows no keepalive timer on this established connection)</source>
        <translation>%1；保活已关闭（sock_diag 显示这条已建立的连接上没有保活计时器）</translation>
    </message>
    <message>
        <source>read from the socket of pid %1 (fd %2) with pidfd_getfd</source>
        <translation>用 pidfd_getfd 从 pid %1 的套接字（fd %2）读取</translation>
    </message>
</context>
<context>
    <name>ConnectionRisk</name>
    <message>
        <source>unknown: options not readable</source>
        <translation>未知：选项无法读取</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>slow to notice</source>
        <translation>察觉太慢</translation>
    </message>
    <message>
        <source>would stay half-open forever</source>
        <translation>会永远处于半开状态</translation>
    </message>
</context>
<context>
    <name>DeathKind</name>
    <message>
        <source>idle peer powered off</source>
        <translation>空闲的对端断电</translation>
    </message>
    <message>
        <source>peer unplugged, data in flight</source>
        <translation>对端被拔网线，有数据在途</translation>
    </message>
    <message>
        <source>connect to a powered-off host</source>
        <translation>连接一台已断电的主机</translation>
    </message>
    <message>
        <source>peer process killed</source>
        <translation>对端进程被杀死</translation>
    </message>
    <message>
        <source>peer rebooted, then we send</source>
        <translation>对端重启后我方发送数据</translation>
    </message>
    <message>
        <source>peer process frozen</source>
        <translation>对端进程被冻结</translation>
    </message>
    <message>
        <source>peer rebooted, we stay idle (found by a probe)</source>
        <translation>对端重启，我方保持空闲（由探测发现）</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>about %1 min (%2)</source>
        <translation>约 %1 min（%2）</translation>
    </message>
    <message>
        <source>about %1 h (%2)</source>
        <translation>约 %1 h（%2）</translation>
    </message>
</context>
<context>
    <name>EndpointCommand</name>
    <message>
        <source>send bytes must be between 1 and %1</source>
        <translation>send 的字节数必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;: expected send [BYTES], close, abort, shutdown-write, options JSON, marker or quit</source>
        <translation>未知命令“%1”：应为 send [BYTES]、close、abort、shutdown-write、options JSON、marker 或 quit</translation>
    </message>
</context>
<context>
    <name>EndpointProblem</name>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>The test endpoint stopped: %1</source>
        <translation>测试端点已停止：%1</translation>
    </message>
    <message>
        <source>The test endpoint crashed.</source>
        <translation>测试端点崩溃了。</translation>
    </message>
    <message>
        <source>The test endpoint ended with status %1 before it was ready.</source>
        <translation>测试端点还没就绪就以状态 %1 结束了。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <comment>a sentence, then the errno&apos;s cause</comment>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>a sentence&apos;s full stop</comment>
        <translation>%1。</translation>
    </message>
</context>
<context>
    <name>ErrnoCatalog</name>
    <message>
        <source>Connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>The peer stopped answering: keepalive probes, retransmissions (tcp_retries2), TCP_USER_TIMEOUT or SYN retries ran out.</source>
        <translation>对端不再应答：保活探测、重传（tcp_retries2）、TCP_USER_TIMEOUT 或 SYN 重试已用尽。</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>连接被对端重置</translation>
    </message>
    <message>
        <source>The peer answered with RST: it rebooted and forgot the connection, closed with unread data, or aborted (SO_LINGER 0).</source>
        <translation>对端以 RST 应答：它重启后忘记了这条连接、关闭时仍有未读数据，或主动中止了连接（SO_LINGER 0）。</translation>
    </message>
    <message>
        <source>Broken pipe</source>
        <translation>管道破裂</translation>
    </message>
    <message>
        <source>Writing to a connection that is already closed or reset, e.g. the second write after the peer process died.</source>
        <translation>向已经关闭或已被重置的连接写数据，例如对端进程死后的第二次写。</translation>
    </message>
    <message>
        <source>No route to host</source>
        <translation>没有到主机的路由</translation>
    </message>
    <message>
        <source>ARP/neighbour discovery for the peer failed, or a router answered ICMP host unreachable.</source>
        <translation>对端的 ARP/邻居发现失败，或路由器回复了 ICMP 主机不可达。</translation>
    </message>
    <message>
        <source>Network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <source>No route to the peer&apos;s network, or a router answered ICMP network unreachable.</source>
        <translation>没有到对端网络的路由，或路由器回复了 ICMP 网络不可达。</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>The host is up but nothing listens on that port: the SYN was answered with RST.</source>
        <translation>主机在线，但该端口上没有程序监听：SYN 收到了 RST 应答。</translation>
    </message>
    <message>
        <source>Software caused connection abort</source>
        <translation>软件导致连接中止</translation>
    </message>
    <message>
        <source>The local stack aborted the connection, e.g. it was reset while waiting in the accept queue.</source>
        <translation>本地协议栈中止了连接，例如连接在 accept 队列中等待时被重置。</translation>
    </message>
    <message>
        <source>Transport endpoint is not connected</source>
        <translation>传输端点尚未连接</translation>
    </message>
    <message>
        <source>The socket is not (or no longer) connected.</source>
        <translation>套接字未连接（或已不再连接）。</translation>
    </message>
    <message>
        <source>Address already in use</source>
        <translation>地址已在使用</translation>
    </message>
    <message>
        <source>Another socket already listens on this address and port.</source>
        <translation>已有另一个套接字在监听这个地址和端口。</translation>
    </message>
    <message>
        <source>Cannot assign requested address</source>
        <translation>无法分配请求的地址</translation>
    </message>
    <message>
        <source>The address does not belong to this host, or no local port is free.</source>
        <translation>该地址不属于本机，或没有空闲的本地端口。</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不够</translation>
    </message>
    <message>
        <source>Ports below 1024 need privileges, or a firewall rule rejected the packet.</source>
        <translation>1024 以下的端口需要特权，或者防火墙规则拒绝了该数据包。</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <source>The operation needs a capability this process lacks, or a firewall dropped it.</source>
        <translation>该操作需要本进程没有的能力（capability），或被防火墙丢弃。</translation>
    </message>
    <message>
        <source>Invalid argument</source>
        <translation>无效的参数</translation>
    </message>
    <message>
        <source>A socket option value is outside what the kernel accepts.</source>
        <translation>某个套接字选项的值超出了内核接受的范围。</translation>
    </message>
    <message>
        <source>Operation now in progress</source>
        <translation>操作正在进行</translation>
    </message>
    <message>
        <source>A non-blocking connect has started; the result comes later.</source>
        <translation>非阻塞 connect 已经开始，结果稍后才有。</translation>
    </message>
    <message>
        <source>Resource temporarily unavailable</source>
        <translation>资源暂时不可用</translation>
    </message>
    <message>
        <source>Nothing to read, or the send buffer is full: try again when the socket is ready.</source>
        <translation>没有可读的数据，或发送缓冲区已满：等套接字就绪后再试。</translation>
    </message>
    <message>
        <source>No buffer space available</source>
        <translation>没有可用的缓冲区空间</translation>
    </message>
    <message>
        <source>The kernel ran out of socket memory.</source>
        <translation>内核的套接字内存耗尽。</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>The process reached its file descriptor limit (ulimit -n), e.g. half-open connections piling up.</source>
        <translation>进程达到了文件描述符上限（ulimit -n），例如半开连接越积越多。</translation>
    </message>
    <message>
        <source>Network is down</source>
        <translation>网络已关闭</translation>
    </message>
    <message>
        <source>The interface towards the peer is down.</source>
        <translation>通往对端的网络接口已关闭。</translation>
    </message>
    <message>
        <source>Host is down</source>
        <translation>主机已关闭</translation>
    </message>
    <message>
        <source>The peer host is known to be down.</source>
        <translation>已知对端主机处于关闭状态。</translation>
    </message>
    <message>
        <source>Protocol error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <source>An ICMP parameter problem or similar protocol error was reported.</source>
        <translation>收到了 ICMP 参数问题或类似的协议错误报告。</translation>
    </message>
    <message>
        <source>Message too long</source>
        <translation>消息过长</translation>
    </message>
    <message>
        <source>An ICMP fragmentation-needed message arrived (path MTU).</source>
        <translation>收到了 ICMP“需要分片”消息（路径 MTU）。</translation>
    </message>
</context>
<context>
    <name>EventCsvExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>EventPipeReader</name>
    <message>
        <source>line %1: longer than %2 bytes, skipped</source>
        <translation>第 %1 行：超过 %2 字节，已跳过</translation>
    </message>
</context>
<context>
    <name>EventWords</name>
    <message>
        <source>client</source>
        <comment>lab host: a timeline lane&apos;s name</comment>
        <translation>客户端</translation>
    </message>
    <message>
        <source>server</source>
        <comment>lab host: a timeline lane&apos;s name</comment>
        <translation>服务端</translation>
    </message>
    <message>
        <source>lab</source>
        <comment>the lab itself: its lifecycle events&apos; host</comment>
        <translation>实验室</translation>
    </message>
    <message>
        <source>bytes received</source>
        <translation>已接收字节</translation>
    </message>
    <message>
        <source>bytes sent</source>
        <translation>已发送字节</translation>
    </message>
    <message>
        <source>how</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>pid</source>
        <translation>进程号</translation>
    </message>
    <message>
        <source>traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>live</source>
        <translation>运行中修改</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>崩溃</translation>
    </message>
    <message>
        <source>exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>dropped frames</source>
        <translation>丢弃的帧</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>interval ms</source>
        <translation>间隔 ms</translation>
    </message>
    <message>
        <source>misses</source>
        <translation>丢失次数</translation>
    </message>
    <message>
        <source>limit MB</source>
        <translation>上限 MB</translation>
    </message>
    <message>
        <source>pcap</source>
        <translation>抓包文件</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>network namespace</source>
        <translation>网络命名空间</translation>
    </message>
    <message>
        <source>option</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>RTT ms</source>
        <translation>RTT ms</translation>
    </message>
    <message>
        <source>since first unacknowledged send ms</source>
        <translation>距首个未确认发送 ms</translation>
    </message>
    <message>
        <source>since last received ms</source>
        <translation>距最后一次接收 ms</translation>
    </message>
    <message>
        <source>state after</source>
        <translation>之后的状态</translation>
    </message>
    <message>
        <source>SYN retransmits</source>
        <translation>SYN 重传</translation>
    </message>
    <message>
        <source>t s</source>
        <translation>时间 s</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>aggregated</source>
        <translation>已汇总</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>error</source>
        <comment>how a connection ended: an error</comment>
        <translation>出错</translation>
    </message>
    <message>
        <source>end of file</source>
        <comment>how a connection ended: the peer&apos;s FIN</comment>
        <translation>文件结束（对端 FIN）</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>how a connection ended: closed by this side</comment>
        <translation>本端关闭</translation>
    </message>
    <message>
        <source>aborted (RST)</source>
        <comment>how a connection ended: reset by this side</comment>
        <translation>本端中止（RST）</translation>
    </message>
    <message>
        <source>sends</source>
        <comment>heartbeat role: this side pings</comment>
        <translation>发送 ping</translation>
    </message>
    <message>
        <source>answers</source>
        <comment>heartbeat role: this side answers pings</comment>
        <translation>应答 ping</translation>
    </message>
    <message>
        <source>%1 packet, %2</source>
        <translation>%1 数据包，%2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的%1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>fault: %1</source>
        <translation>故障：%1</translation>
    </message>
    <message>
        <source>%1 saw %2 (detected by %3)</source>
        <translation>%1 遇到 %2（由 %3 检测到）</translation>
    </message>
    <message>
        <source>EOF: the peer closed</source>
        <translation>EOF：对端已关闭</translation>
    </message>
    <message>
        <source>%1: socket options changed</source>
        <translation>%1：套接字选项已更改</translation>
    </message>
    <message>
        <source>%1: socket options set</source>
        <translation>%1：套接字选项已设置</translation>
    </message>
    <message>
        <source>verdict: %1 by %2 after %3 s</source>
        <translation>结论：%1，由 %2 检测到，用时 %3 s</translation>
    </message>
    <message>
        <source>at %1 s</source>
        <translation>于 %1 s</translation>
    </message>
    <message>
        <source>flags %1  seq %2  ack %3  len %4</source>
        <translation>flags %1  seq %2  ack %3  len %4</translation>
    </message>
    <message>
        <source>count %1</source>
        <translation>计数 %1</translation>
    </message>
    <message>
        <source>in %1()</source>
        <translation>在 %1() 中</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>an event&apos;s field: its name, then its value</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between an event&apos;s fields</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>fault, then the host it hit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>fault and its value</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Client</source>
        <comment>lab host</comment>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <comment>lab host</comment>
        <translation>服务端</translation>
    </message>
    <message>
        <source>%1 — dropped by the cable</source>
        <comment>packet header fields</comment>
        <translation>%1 — 被网线丢弃</translation>
    </message>
    <message>
        <source>%1 s %2</source>
        <comment>seconds, then &apos;after the fault&apos;</comment>
        <translation>%2 %1 s</translation>
    </message>
    <message>
        <source>after your marker</source>
        <translation>你的标记后</translation>
    </message>
    <message>
        <source>%1: warning (%2) by %3, the connection lives on</source>
        <translation>%1：警告（%2），由 %3 报告，连接仍然存活</translation>
    </message>
    <message>
        <source>%1: the peer closed the connection (end of stream)</source>
        <translation>%1：对端关闭了连接（流结束）</translation>
    </message>
    <message>
        <source>%1: the peer closed the connection (end of stream) %2</source>
        <translation>%1：%2 对端关闭了连接（流结束）</translation>
    </message>
    <message>
        <source>%1: connection lost — %2 by %3</source>
        <translation>%1：连接丢失 — %2，由 %3 引发</translation>
    </message>
    <message>
        <source>%1: dead peer detected %2 by %3 (%4)</source>
        <translation>%1：%2 由 %3 检测到对端失效（%4）</translation>
    </message>
    <message>
        <source>%1 — predicted %2 s %3</source>
        <comment>verdict, seconds, &apos;after the fault&apos;</comment>
        <translation>%1 — 预测 %3 %2 s</translation>
    </message>
    <message>
        <source>%1 (measured %2 s)</source>
        <comment>verdict, seconds measured from the prediction&apos;s reference</comment>
        <translation>%1（实测 %2 s）</translation>
    </message>
    <message>
        <source>%1 — predicted %2 s</source>
        <comment>verdict, seconds</comment>
        <translation>%1 — 预测 %2 s</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <comment>verdict; the same detection measured from the other references</comment>
        <translation>%1；%2</translation>
    </message>
</context>
<context>
    <name>Expectation</name>
    <message>
        <source>must be a whole number from 0 to 1000000000</source>
        <translation>必须是 0 到 1000000000 之间的整数</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>must be [MIN, MAX] in seconds with 0 &lt;= MIN &lt;= MAX</source>
        <translation>必须是以秒为单位的 [MIN, MAX]，且 0 &lt;= MIN &lt;= MAX</translation>
    </message>
    <message>
        <source>only means something with within_s</source>
        <translation>只有与 within_s 一起使用才有意义</translation>
    </message>
    <message>
        <source>must be fault, last_received or first_unacked_send</source>
        <translation>必须是 fault、last_received 或 first_unacked_send</translation>
    </message>
    <message>
        <source>is required: a short name for the expectation</source>
        <translation>为必填项：预期的简短名称</translation>
    </message>
    <message>
        <source>must be client or server (leave it out for both)</source>
        <translation>必须是 client 或 server（两端都算时省略）</translation>
    </message>
    <message>
        <source>needs exactly one of errno/mechanism, no_error, final_state, state_seen, count, sockets_in_state</source>
        <translation>errno/mechanism、no_error、final_state、state_seen、count、sockets_in_state 中必须恰好有一项</translation>
    </message>
    <message>
        <source>is not a field of this expectation; allowed: %1</source>
        <translation>不是此预期的字段；允许：%1</translation>
    </message>
    <message>
        <source>must be true</source>
        <translation>必须为 true</translation>
    </message>
    <message>
        <source>a count needs min, max or both</source>
        <translation>count 需要 min、max 或两者</translation>
    </message>
    <message>
        <source>must not be less than min</source>
        <translation>不能小于 min</translation>
    </message>
    <message>
        <source>is required: how many sockets at least</source>
        <translation>为必填项：至少多少个套接字</translation>
    </message>
</context>
<context>
    <name>Fault</name>
    <message>
        <source>fault &apos;%1&apos; is unknown: expected one of %2</source>
        <translation>未知故障“%1”：应为以下之一：%2</translation>
    </message>
    <message>
        <source>direction must be both, to-host or from-host</source>
        <translation>direction 必须是 both、to-host 或 from-host</translation>
    </message>
    <message>
        <source>%1 takes no value</source>
        <translation>%1 不接受值</translation>
    </message>
    <message>
        <source>only a delay fault has a jitter</source>
        <translation>只有 delay 故障才有 jitter</translation>
    </message>
    <message>
        <source>only a nat-timeout fault has reset</source>
        <translation>只有 nat-timeout 故障才有 reset</translation>
    </message>
    <message>
        <source>must be client or server, not &apos;%1&apos;</source>
        <translation>必须是 client 或 server，而不是 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>FaultBar</name>
    <message>
        <source>Unplug</source>
        <translation>拔网线</translation>
    </message>
    <message>
        <source>Pull this host&apos;s cable: every frame to and from it is dropped silently. The host itself notices nothing.</source>
        <translation>拔掉这台主机的网线：进出它的每一帧都被悄悄丢弃。主机本身毫无察觉。</translation>
    </message>
    <message>
        <source>Replug</source>
        <translation>插回网线</translation>
    </message>
    <message>
        <source>Plug this host&apos;s cable back in.</source>
        <translation>把这台主机的网线插回去。</translation>
    </message>
    <message>
        <source>Power off</source>
        <translation>断电</translation>
    </message>
    <message>
        <source>Cut the power: the host&apos;s processes and sockets vanish without sending FIN or RST.</source>
        <translation>切断电源：主机上的进程和套接字直接消失，不发送 FIN 或 RST。</translation>
    </message>
    <message>
        <source>Power on</source>
        <translation>上电</translation>
    </message>
    <message>
        <source>Power the host on again: same addresses, none of the old connections.</source>
        <translation>重新给主机上电：地址不变，旧连接一个都不剩。</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Power off, wait a second, power on: a fresh host that answers the old connection with RST.</source>
        <translation>断电，等一秒，再上电：一台全新的主机，对旧连接回以 RST。</translation>
    </message>
    <message>
        <source>Kill process</source>
        <translation>杀死进程</translation>
    </message>
    <message>
        <source>SIGKILL the test application: its kernel closes the socket and sends FIN (RST with unread data).</source>
        <translation>对测试程序发送 SIGKILL：它的内核关闭套接字并发送 FIN（有未读数据时发送 RST）。</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>SIGSTOP the test application: it stops reading and writing, but its kernel still answers.</source>
        <translation>对测试程序发送 SIGSTOP：它不再读写，但它的内核仍会应答。</translation>
    </message>
    <message>
        <source>Thaw</source>
        <translation>解冻</translation>
    </message>
    <message>
        <source>SIGCONT: the frozen application runs again.</source>
        <translation>SIGCONT：被冻结的程序恢复运行。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The application closes the connection politely (FIN).</source>
        <translation>应用程序正常关闭连接（FIN）。</translation>
    </message>
    <message>
        <source>Abort (RST)</source>
        <translation>中止（RST）</translation>
    </message>
    <message>
        <source>The application aborts the connection: linger 0, the kernel sends RST.</source>
        <translation>应用程序中止连接：linger 0，内核发送 RST。</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>The application sends 100 bytes now: data in flight, so retransmissions start if nobody answers.</source>
        <translation>应用程序立即发送 100 字节：有数据在途，若没人应答就开始重传。</translation>
    </message>
</context>
<context>
    <name>FaultRefusal</name>
    <message>
        <source>the %1&apos;s cable is already unplugged</source>
        <translation>%1 的网线已经拔掉了</translation>
    </message>
    <message>
        <source>the %1&apos;s cable is plugged in</source>
        <translation>%1 的网线插着</translation>
    </message>
    <message>
        <source>the %1 is already powered off</source>
        <translation>%1 已经断电了</translation>
    </message>
    <message>
        <source>the %1 is already on</source>
        <translation>%1 已经上电了</translation>
    </message>
    <message>
        <source>the %1 is powered off: power it on instead</source>
        <translation>%1 已断电：请改为上电</translation>
    </message>
    <message>
        <source>the %1 is powered off</source>
        <translation>%1 已断电</translation>
    </message>
    <message>
        <source>the %1&apos;s application is not running</source>
        <translation>%1 的应用程序没有在运行</translation>
    </message>
    <message>
        <source>the %1&apos;s application is already frozen</source>
        <translation>%1 的应用程序已经冻结了</translation>
    </message>
    <message>
        <source>the %1&apos;s application is not frozen</source>
        <translation>%1 的应用程序没有冻结</translation>
    </message>
</context>
<context>
    <name>FaultText</name>
    <message>
        <source>unplug</source>
        <comment>fault: the host&apos;s cable was pulled</comment>
        <translation>拔网线</translation>
    </message>
    <message>
        <source>replug</source>
        <comment>fault: the host&apos;s cable was plugged back in</comment>
        <translation>插回网线</translation>
    </message>
    <message>
        <source>power-off</source>
        <comment>fault: the host lost power</comment>
        <translation>断电</translation>
    </message>
    <message>
        <source>power-on</source>
        <comment>fault: the host was switched on again</comment>
        <translation>上电</translation>
    </message>
    <message>
        <source>reboot</source>
        <comment>fault: the host rebooted</comment>
        <translation>重启</translation>
    </message>
    <message>
        <source>kill-process</source>
        <comment>fault: the test process got SIGKILL</comment>
        <translation>杀死进程</translation>
    </message>
    <message>
        <source>freeze-process</source>
        <comment>fault: the test process got SIGSTOP</comment>
        <translation>冻结进程</translation>
    </message>
    <message>
        <source>thaw-process</source>
        <comment>fault: the test process got SIGCONT</comment>
        <translation>解冻进程</translation>
    </message>
    <message>
        <source>close</source>
        <comment>fault: the application closed the connection (FIN)</comment>
        <translation>关闭</translation>
    </message>
    <message>
        <source>abort</source>
        <comment>fault: the application aborted the connection (RST)</comment>
        <translation>中止</translation>
    </message>
    <message>
        <source>shutdown-write</source>
        <comment>fault: the application called shutdown(SHUT_WR)</comment>
        <translation>半关闭</translation>
    </message>
    <message>
        <source>send</source>
        <comment>fault: the application sent data now</comment>
        <translation>发送</translation>
    </message>
    <message>
        <source>icmp-unreachable-on</source>
        <comment>fault: the cable starts answering with ICMP unreachable</comment>
        <translation>ICMP 不可达开</translation>
    </message>
    <message>
        <source>icmp-unreachable-off</source>
        <comment>fault: the cable stops answering with ICMP unreachable</comment>
        <translation>ICMP 不可达关</translation>
    </message>
    <message>
        <source>loss</source>
        <comment>fault: the cable&apos;s loss rate changed</comment>
        <translation>丢包</translation>
    </message>
    <message>
        <source>delay</source>
        <comment>fault: the cable&apos;s delay changed</comment>
        <translation>延迟</translation>
    </message>
    <message>
        <source>nat-timeout</source>
        <comment>fault: the NAT forgot an idle connection</comment>
        <translation>NAT 超时</translation>
    </message>
    <message>
        <source>marker</source>
        <comment>fault: the user&apos;s &apos;I pulled the cable now&apos; mark</comment>
        <translation>标记</translation>
    </message>
</context>
<context>
    <name>GuiOptions</name>
    <message>
        <source>HalfOpen: make the life and death of TCP connections visible.</source>
        <translation>HalfOpen：让 TCP 连接的生与死看得见。</translation>
    </message>
    <message>
        <source>Pick a built-in scenario by name, or a scenario file.</source>
        <translation>按名称选择一个内置场景，或一个场景文件。</translation>
    </message>
    <message>
        <source>Start at once: the picked scenario, or a free lab session.</source>
        <translation>立即开始：选中的场景，或一次自由实验。</translation>
    </message>
    <message>
        <source>Open a recorded session (JSONL).</source>
        <translation>打开一段录制的会话（JSONL）。</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE (PNG) and quit.</source>
        <translation>把窗口截图保存到 FILE（PNG）后退出。</translation>
    </message>
    <message>
        <source>With --screenshot: seconds after the lab is ready (default 3).</source>
        <translation>配合 --screenshot：实验室就绪后多少秒截图（默认 3）。</translation>
    </message>
    <message>
        <source>Read and keep settings in this INI file.</source>
        <translation>在这个 INI 文件中读取和保存设置。</translation>
    </message>
    <message>
        <source>--after-seconds: expected seconds from 0 to %1, got &apos;%2&apos;</source>
        <translation>--after-seconds：应为 0 到 %1 之间的秒数，实际为“%2”</translation>
    </message>
    <message>
        <source>--start and --open: a recording is replayed, not started; use one of them</source>
        <translation>--start 与 --open：录制只能回放，不能开始；两者只能选一个</translation>
    </message>
    <message>
        <source>Show the window in this language (%1), whatever the settings say.</source>
        <translation>以此语言显示窗口（%1），不管设置里选的是什么。</translation>
    </message>
    <message>
        <source>--language: expected one of %1, got &apos;%2&apos;</source>
        <translation>--language：应为以下之一：%1，实际为“%2”</translation>
    </message>
    <message>
        <source>Dark colours (the Fusion style with a dark palette), whatever the desktop&apos;s theme.</source>
        <translation>深色外观（Fusion 样式配深色调色板），不论桌面主题如何。</translation>
    </message>
    <message>
        <source>With --start: start this machine&apos;s side against the real peer remembered in the settings. Without it, --start always runs the virtual lab.</source>
        <translation>配合 --start：启动本机这一端，与设置中记住的真实对端通信。不加此选项时，--start 总是运行虚拟实验室。</translation>
    </message>
    <message>
        <source>Start in presentation mode: full screen, large timeline and verdict (F11 leaves it).</source>
        <translation>以演示模式启动：全屏，大号的时间线和结论（按 F11 退出）。</translation>
    </message>
    <message>
        <source>Open on &quot;This machine&apos;s connections&quot;: every TCP connection, its risk of staying half-open and the fix.</source>
        <translation>打开时显示“本机的连接”：每一条 TCP 连接、它处于半开状态的风险以及修复方法。</translation>
    </message>
    <message>
        <source>--real-network and --scenario: scenarios run on the virtual lab; use one of them</source>
        <translation>--real-network 与 --scenario：场景在虚拟实验室中运行；两者只能选一个</translation>
    </message>
    <message>
        <source>--real-network: only with --start (it starts against the remembered real peer)</source>
        <translation>--real-network：只能与 --start 一起使用（它会与记住的真实对端开始通信）</translation>
    </message>
    <message>
        <source>With --open: write the recording&apos;s report to FILE (.pdf or .html) and quit, without a window.</source>
        <translation>与 --open 一起用：把该录制文件的报告写入 FILE（.pdf 或 .html）后退出，不显示窗口。</translation>
    </message>
    <message>
        <source>--report: only with --open FILE.jsonl (the recording to report on)</source>
        <translation>--report：只能与 --open FILE.jsonl（要生成报告的录制文件）一起使用</translation>
    </message>
    <message>
        <source>--report: the file name must end in .pdf or .html, got &apos;%1&apos;</source>
        <translation>--report：文件名必须以 .pdf 或 .html 结尾，收到的是“%1”</translation>
    </message>
    <message>
        <source>--report writes a file without a window: not with --screenshot, --presentation or --connections</source>
        <translation>--report 不显示窗口、只写文件：不能与 --screenshot、--presentation 或 --connections 同用</translation>
    </message>
</context>
<context>
    <name>HeadlessReport</name>
    <message>
        <source>the recording %1 holds no event to report on</source>
        <translation>录制文件 %1 中没有可写入报告的事件</translation>
    </message>
</context>
<context>
    <name>HeartbeatSettings</name>
    <message>
        <source>heartbeat interval</source>
        <translation>心跳间隔</translation>
    </message>
    <message>
        <source>heartbeat misses</source>
        <translation>心跳丢失次数</translation>
    </message>
</context>
<context>
    <name>HostTcpSettings</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>assumed: a static neighbour (no route to %1 known: %2)</source>
        <translation>假定：静态邻居（不知道到 %1 的路由：%2）</translation>
    </message>
    <message>
        <source>not a numeric address</source>
        <translation>不是数字地址</translation>
    </message>
    <message>
        <source>assumed: %1 is this machine: no neighbour to fail</source>
        <translation>假定：%1 就是本机：没有会失败的邻居</translation>
    </message>
    <message>
        <source>assumed: %1 is routed via %2 (%3): the gateway answers ARP, the textbook ETIMEDOUT applies</source>
        <translation>假定：%1 经由 %2（%3）路由：网关应答 ARP，适用教科书式的 ETIMEDOUT</translation>
    </message>
    <message>
        <source>assumed: %1 is on-link via %2 with a static neighbour entry</source>
        <translation>假定：%1 经由 %2 直连，使用静态邻居表项</translation>
    </message>
    <message>
        <source>assumed: %1 is on-link via %2, resolved by ARP (dynamic neighbour entry, base_reachable_time %3 ms)</source>
        <translation>假定：%1 经由 %2 直连，由 ARP 解析（动态邻居表项，base_reachable_time %3 ms）</translation>
    </message>
</context>
<context>
    <name>JsonFields</name>
    <message>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>is not a known field; allowed: %1</source>
        <translation>不是已知字段；允许：%1</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>必须是 true 或 false，而不是 %1</translation>
    </message>
    <message>
        <source>must be a text, not %1</source>
        <translation>必须是文本，而不是 %1</translation>
    </message>
    <message>
        <source>is %1 characters long: at most %2</source>
        <translation>长度为 %1 个字符：最多 %2 个</translation>
    </message>
    <message>
        <source>must be an object {...}, not %1</source>
        <translation>必须是一个对象 {...}，而不是 %1</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2%3, not %4</source>
        <extracomment>%1 minimum, %2 maximum, %3 its unit as the field shows it (&quot; s&quot;, may be empty), %4 the value given</extracomment>
        <translation>必须是 %1 到 %2%3 之间的整数，而不是 %4</translation>
    </message>
    <message>
        <source>must be a number from %1 to %2%3, not %4</source>
        <extracomment>%1 minimum, %2 maximum, %3 its unit as the field shows it (&quot; ms&quot;, may be empty), %4 the value given</extracomment>
        <translation>必须是 %1 到 %2%3 之间的数字，而不是 %4</translation>
    </message>
    <message>
        <source>empty</source>
        <comment>a field with nothing typed in it</comment>
        <translation>空</translation>
    </message>
</context>
<context>
    <name>JsonlReader</name>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>cannot read recording &apos;%1&apos;: %2</source>
        <translation>无法读取录制文件“%1”：%2</translation>
    </message>
    <message>
        <source>cannot read recording &apos;%1&apos;: not a regular file</source>
        <translation>无法读取录制文件“%1”：不是普通文件</translation>
    </message>
    <message>
        <source>cannot read recording &apos;%1&apos;: %2 MB, more than the %3 MB a recording may have</source>
        <translation>无法读取录制文件“%1”：%2 MB，超过了录制文件允许的 %3 MB</translation>
    </message>
    <message>
        <source>recording &apos;%1&apos; is empty: it holds no events</source>
        <translation>录制文件“%1”为空：不含任何事件</translation>
    </message>
    <message>
        <source>must be halfopen (the first line) or end (the last)</source>
        <translation>必须是 halfopen（第一行）或 end（最后一行）</translation>
    </message>
    <message>
        <source>must be a UTC date and time like 2026-12-05T01:22:13.123Z</source>
        <translation>必须是 UTC 日期时间，例如 2026-12-05T01:22:13.123Z</translation>
    </message>
</context>
<context>
    <name>LabCommand</name>
    <message>
        <source>options: host must be client or server</source>
        <translation>options：host 必须是 client 或 server</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;: expected start, fault, options or stop</source>
        <translation>未知命令“%1”：应为 start、fault、options 或 stop</translation>
    </message>
</context>
<context>
    <name>LabConfig</name>
    <message>
        <source>must be server, client or none</source>
        <translation>必须是 server、client 或 none</translation>
    </message>
    <message>
        <source>is not a per-namespace setting the lab changes; allowed: %1</source>
        <translation>不是实验室按命名空间修改的设置；允许：%1</translation>
    </message>
    <message>
        <source>unknown host: the lab has client and server</source>
        <translation>未知主机：实验室只有 client 和 server</translation>
    </message>
    <message>
        <source>is fixed in the lab: %1</source>
        <translation>在实验室中是固定的：%1</translation>
    </message>
    <message>
        <source>must be send or answer</source>
        <translation>必须是 send 或 answer</translation>
    </message>
    <message>
        <source>must be an object {...}, not %1</source>
        <translation>必须是一个对象 {...}，而不是 %1</translation>
    </message>
</context>
<context>
    <name>LiveSettingGroup</name>
    <message>
        <source>%1 to %2%3</source>
        <comment>allowed range: minimum, maximum, unit</comment>
        <translation>%1 到 %2%3</translation>
    </message>
</context>
<context>
    <name>MechanismText</name>
    <message>
        <source>nothing</source>
        <comment>detection mechanism</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>TCP keepalive</source>
        <translation>TCP 保活</translation>
    </message>
    <message>
        <source>retransmission timeout (tcp_retries2)</source>
        <translation>重传超时（tcp_retries2）</translation>
    </message>
    <message>
        <source>TCP user timeout</source>
        <translation>TCP 用户超时</translation>
    </message>
    <message>
        <source>SYN retries running out</source>
        <translation>SYN 重试用尽</translation>
    </message>
    <message>
        <source>the application heartbeat</source>
        <translation>应用层心跳</translation>
    </message>
    <message>
        <source>an RST from the peer</source>
        <translation>对端的 RST</translation>
    </message>
    <message>
        <source>the peer&apos;s FIN (end of stream)</source>
        <translation>对端的 FIN（流结束）</translation>
    </message>
    <message>
        <source>ICMP unreachable</source>
        <translation>ICMP 不可达</translation>
    </message>
    <message>
        <source>a local error</source>
        <translation>本地错误</translation>
    </message>
    <message>
        <source>neighbour (ARP) resolution failed</source>
        <translation>邻居（ARP）解析失败</translation>
    </message>
    <message>
        <source>the application protocol&apos;s keepalive</source>
        <translation>应用层协议的保活</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>keepalive</source>
        <comment>TCP keepalive detected it</comment>
        <translation>保活</translation>
    </message>
    <message>
        <source>retransmission timeout</source>
        <translation>重传超时</translation>
    </message>
    <message>
        <source>user timeout</source>
        <comment>TCP_USER_TIMEOUT</comment>
        <translation>用户超时</translation>
    </message>
    <message>
        <source>SYN timeout</source>
        <comment>connect() gave up after its SYN retries</comment>
        <translation>SYN 超时</translation>
    </message>
    <message>
        <source>heartbeat</source>
        <comment>the application&apos;s own heartbeat</comment>
        <translation>心跳</translation>
    </message>
    <message>
        <source>RST</source>
        <comment>the peer answered with a reset</comment>
        <translation>RST</translation>
    </message>
    <message>
        <source>FIN</source>
        <comment>the peer closed</comment>
        <translation>FIN</translation>
    </message>
    <message>
        <source>ICMP</source>
        <translation>ICMP</translation>
    </message>
    <message>
        <source>local error</source>
        <translation>本地错误</translation>
    </message>
    <message>
        <source>neighbour (ARP) failed</source>
        <comment>no ICMP: the local neighbour resolution gave up</comment>
        <translation>邻居（ARP）解析失败</translation>
    </message>
    <message>
        <source>application keepalive</source>
        <comment>MQTT keepalive, AMQP heartbeat</comment>
        <translation>应用层保活</translation>
    </message>
</context>
<context>
    <name>NamespaceSysctls</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: not a number</source>
        <translation>无法读取 %1：不是数字</translation>
    </message>
    <message>
        <source>cannot enter the network namespace to read its sysctls: %1</source>
        <translation>无法进入网络命名空间读取它的 sysctl：%1</translation>
    </message>
</context>
<context>
    <name>NetworkNamespace</name>
    <message>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a network namespace: expected /run/netns/NAME or /proc/PID/ns/net</source>
        <translation>“%1”不是网络命名空间：应为 /run/netns/NAME 或 /proc/PID/ns/net</translation>
    </message>
</context>
<context>
    <name>PacketClassStyle</name>
    <message>
        <source>SYN</source>
        <comment>TCP packet with the SYN flag</comment>
        <translation>SYN</translation>
    </message>
    <message>
        <source>SYN-ACK</source>
        <comment>TCP packet with SYN and ACK flags</comment>
        <translation>SYN-ACK</translation>
    </message>
    <message>
        <source>data</source>
        <comment>TCP segment carrying payload</comment>
        <translation>数据</translation>
    </message>
    <message>
        <source>ACK</source>
        <comment>pure TCP acknowledgement</comment>
        <translation>ACK</translation>
    </message>
    <message>
        <source>keepalive probe</source>
        <translation>保活探测</translation>
    </message>
    <message>
        <source>keepalive ACK</source>
        <comment>the peer&apos;s answer to a keepalive probe</comment>
        <translation>保活 ACK</translation>
    </message>
    <message>
        <source>heartbeat ping</source>
        <comment>application heartbeat request</comment>
        <translation>心跳 ping</translation>
    </message>
    <message>
        <source>heartbeat pong</source>
        <comment>application heartbeat answer</comment>
        <translation>心跳 pong</translation>
    </message>
    <message>
        <source>retransmission</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>FIN</source>
        <comment>TCP packet with the FIN flag</comment>
        <translation>FIN</translation>
    </message>
    <message>
        <source>RST</source>
        <comment>TCP packet with the RST flag</comment>
        <translation>RST</translation>
    </message>
    <message>
        <source>ICMP unreachable</source>
        <translation>ICMP 不可达</translation>
    </message>
    <message>
        <source>heartbeat sent</source>
        <comment>the application sent its heartbeat</comment>
        <translation>心跳已发送</translation>
    </message>
    <message>
        <source>heartbeat received</source>
        <comment>the peer&apos;s heartbeat arrived</comment>
        <translation>心跳已收到</translation>
    </message>
    <message>
        <source>heartbeat answered</source>
        <translation>心跳已应答</translation>
    </message>
    <message>
        <source>heartbeat missed</source>
        <translation>心跳丢失</translation>
    </message>
    <message>
        <source>heartbeat: peer dead</source>
        <translation>心跳：对端失效</translation>
    </message>
    <message>
        <source>heartbeat %1</source>
        <translation>心跳 %1</translation>
    </message>
    <message>
        <source>heartbeat step (application)</source>
        <comment>legend: heartbeat sent, received or answered</comment>
        <translation>心跳步骤（应用层）</translation>
    </message>
    <message>
        <source>%1 (counted by tcp_info, no capture)</source>
        <translation>%1（由 tcp_info 计数，无抓包）</translation>
    </message>
    <message>
        <source>tail-loss probe (TLP)</source>
        <comment>the kernel&apos;s tail-loss probe (RFC 8985): not a retransmission</comment>
        <translation>尾部丢失探测（TLP）</translation>
    </message>
</context>
<context>
    <name>PacketPort</name>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%2 上%1：%3</translation>
    </message>
    <message>
        <source>cannot enter the host&apos;s namespace: %1</source>
        <translation>无法进入主机的命名空间：%1</translation>
    </message>
    <message>
        <source>cannot set offloads on %1: %2</source>
        <translation>无法设置 %1 上的卸载功能（offload）：%2</translation>
    </message>
    <message>
        <source>cannot open a packet socket</source>
        <translation>无法打开 packet 套接字</translation>
    </message>
    <message>
        <source>no such interface</source>
        <translation>没有这个网络接口</translation>
    </message>
    <message>
        <source>cannot bind a packet socket</source>
        <translation>无法绑定 packet 套接字</translation>
    </message>
</context>
<context>
    <name>PredictionInput</name>
    <message>
        <source>user timeout (TCP_USER_TIMEOUT)</source>
        <translation>用户超时（TCP_USER_TIMEOUT）</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>tcp_retries2</source>
        <translation>tcp_retries2</translation>
    </message>
    <message>
        <source>retransmissions</source>
        <translation>次重传</translation>
    </message>
    <message>
        <source>tcp_syn_retries</source>
        <translation>tcp_syn_retries</translation>
    </message>
    <message>
        <source>tcp_syn_linear_timeouts</source>
        <translation>tcp_syn_linear_timeouts</translation>
    </message>
    <message>
        <source>heartbeat interval</source>
        <translation>心跳间隔</translation>
    </message>
    <message>
        <source>heartbeat misses</source>
        <translation>心跳丢失次数</translation>
    </message>
    <message>
        <source>missed answers</source>
        <translation>次未应答</translation>
    </message>
    <message>
        <source>round-trip time</source>
        <translation>往返时间</translation>
    </message>
    <message>
        <source>RTO max (tcp_rto_max_ms)</source>
        <translation>RTO 上限（tcp_rto_max_ms）</translation>
    </message>
    <message>
        <source>RTO min (tcp_rto_min)</source>
        <translation>RTO 下限（tcp_rto_min）</translation>
    </message>
    <message>
        <source>HZ must be 100, 250, 300 or 1000</source>
        <translation>HZ 必须是 100、250、300 或 1000</translation>
    </message>
    <message>
        <source>neighbour base_reachable_time_ms</source>
        <translation>邻居 base_reachable_time_ms</translation>
    </message>
    <message>
        <source>neighbour delay_first_probe_time</source>
        <translation>邻居 delay_first_probe_time</translation>
    </message>
    <message>
        <source>neighbour retrans_time_ms</source>
        <translation>邻居 retrans_time_ms</translation>
    </message>
    <message>
        <source>neighbour ucast_solicit</source>
        <translation>邻居 ucast_solicit</translation>
    </message>
    <message>
        <source>probes</source>
        <translation>个探测</translation>
    </message>
    <message>
        <source>neighbour mcast_solicit</source>
        <translation>邻居 mcast_solicit</translation>
    </message>
    <message>
        <source>application keepalive</source>
        <translation>应用层保活</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>application keepalive timeout</source>
        <translation>应用层保活超时</translation>
    </message>
</context>
<context>
    <name>PredictionText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>keepalive: first probe after %1 without anything received, then a probe every %2. TCP_USER_TIMEOUT %3 ms decides instead of the probe count: the kernel gives up at the first check once nothing has been received for that long and a probe went out, here after %n probe(s): ETIMEDOUT %4 after the last packet received.</source>
        <translation>
            <numerusform>保活：连接上 %1 没有收到任何数据后发出第一个探测，此后每 %2 探测一次。决定何时放弃的不是探测次数，而是 TCP_USER_TIMEOUT %3 ms：只要已经这么久没收到任何东西、并且至少发出过一个探测，内核就在下一次检查时放弃，这里是在 %n 个探测之后：最后一次收到数据包之后 %4 报 ETIMEDOUT。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keepalive: after %1 without anything received the kernel sends the first of %n probe(s), %2 apart; when the last one has gone unanswered for %2 it resets the connection: ETIMEDOUT %3 after the last packet received.</source>
        <translation>
            <numerusform>保活：连接上 %1 没有收到任何数据后，内核发出 %n 个探测中的第一个，间隔 %2；最后一个探测 %2 内仍无应答时，内核重置连接：最后一次收到数据包之后 %3 报 ETIMEDOUT。</numerusform>
        </translation>
    </message>
    <message>
        <source>keepalive never fires: the heartbeat&apos;s pings keep data unacknowledged, and keepalive waits while anything is in flight.</source>
        <translation>保活永远不会触发：心跳的 ping 让数据一直处于未确认状态，而只要有数据在途，保活就会等待。</translation>
    </message>
    <message>
        <source>keepalive does not run while data is unacknowledged.</source>
        <translation>有未确认数据时保活不会运行。</translation>
    </message>
    <message>
        <source>keepalive never fires: the frozen process&apos;s kernel answers every probe.</source>
        <translation>保活永远不会触发：被冻结进程所在的内核会应答每一个探测。</translation>
    </message>
    <message>
        <source>retransmissions: a tail-loss probe at %1 (it does not count), the first timeout retransmission at %2, then the RTO doubles from %3 up to %4. </source>
        <translation>重传：%1 时发出一个尾部丢失探测（TLP，不计入次数），%2 时第一次超时重传，之后 RTO 从 %3 开始翻倍，最多到 %4。</translation>
    </message>
    <message numerus="yes">
        <source>TCP_USER_TIMEOUT %1 ms replaces tcp_retries2 and counts from the first retransmission; the last timer is shortened to fit: ETIMEDOUT after %n retransmission(s), %2 after the first unacknowledged send.</source>
        <translation>
            <numerusform>TCP_USER_TIMEOUT %1 ms 取代 tcp_retries2，从第一次重传开始计时；最后一个计时器会被缩短以刚好用完：%n 次重传后报 ETIMEDOUT，即第一次未被确认的发送之后 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tcp_retries2 %1 allows %2 from the first retransmission (tcp_model_timeout), so the error comes at the first timer after that: ETIMEDOUT after %n retransmission(s), %3 after the first unacknowledged send.</source>
        <translation>
            <numerusform>tcp_retries2 %1 允许从第一次重传起共 %2（tcp_model_timeout），所以错误出现在此后的第一个计时器：%n 次重传后报 ETIMEDOUT，即第一次未被确认的发送之后 %3。</numerusform>
        </translation>
    </message>
    <message>
        <source>The heartbeat keeps the connection busy: its first ping after the fault, within %1, is never acknowledged. </source>
        <translation>心跳让连接一直有数据：故障之后 %1 内发出的第一个 ping 永远得不到确认。</translation>
    </message>
    <message>
        <source>connect(): the first SYN retransmissions follow 1 s apart (tcp_syn_linear_timeouts %1), then the gap doubles. </source>
        <translation>connect()：最初几次 SYN 重传间隔 1 s（tcp_syn_linear_timeouts %1），之后间隔翻倍。</translation>
    </message>
    <message numerus="yes">
        <source>ETIMEDOUT after %n retransmission(s), %1 after connect() started. This assumes a static ARP entry: without one, ARP fails first and connect() reports EHOSTUNREACH after about 3 s.</source>
        <translation>
            <numerusform>%n 次重传后报 ETIMEDOUT，即 connect() 开始之后 %1。这里假定 ARP 表项是静态的：如果不是，ARP 会先失败，connect() 约 3 s 后报 EHOSTUNREACH。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>heartbeat: the application pings every %1 and declares the peer dead after %n unanswered ping(s) in a row: %2 to %3 after the fault, depending on where the fault falls between two pings. The application decides (HalfOpen closes the socket and reports ETIMEDOUT); TCP itself reports no error.</source>
        <translation>
            <numerusform>心跳：应用程序每 %1 发一个 ping，连续 %n 个 ping 没有应答就判定对端失效：故障之后 %2 到 %3，取决于故障落在两个 ping 之间的哪个位置。由应用程序来判定（HalfOpen 关闭套接字并报告 ETIMEDOUT）；TCP 本身不报任何错误。</numerusform>
        </translation>
    </message>
    <message>
        <source>never: an idle connection without keepalive or heartbeat sends nothing, so nothing can fail; it stays ESTABLISHED forever.</source>
        <translation>永远不会：没有保活也没有心跳的空闲连接什么都不发送，也就不会有任何失败；它会永远停留在 ESTABLISHED。</translation>
    </message>
    <message>
        <source>never: the frozen process&apos;s kernel still acknowledges data and answers keepalive probes; only an application heartbeat notices.</source>
        <translation>永远不会：被冻结进程所在的内核仍然确认数据、应答保活探测；只有应用层心跳能察觉。</translation>
    </message>
    <message>
        <source>the peer&apos;s kernel closes the socket and sends a FIN at once: read() returns 0 (end of stream). Our next write succeeds but draws an RST; the write after that fails with EPIPE.</source>
        <translation>对端内核关闭套接字并立即发送 FIN：read() 返回 0（流结束）。我方下一次写会成功，但会引来 RST；再下一次写以 EPIPE 失败。</translation>
    </message>
    <message>
        <source>the rebooted peer has forgotten the connection and answers our next segment with RST: the send() succeeds, and the next read or write fails with ECONNRESET one round trip later.</source>
        <translation>重启后的对端已经忘记了这条连接，对我方的下一个报文段回以 RST：send() 成功，下一次读或写在一个往返之后以 ECONNRESET 失败。</translation>
    </message>
    <message numerus="yes">
        <source>TCP_USER_TIMEOUT %1 ms counts from the first SYN, and the kernel also stops after %n retransmission(s) (tcp_syn_retries + tcp_syn_linear_timeouts). </source>
        <translation>
            <numerusform>TCP_USER_TIMEOUT %1 ms 从第一个 SYN 开始计时，内核最多也只重传 %n 次（tcp_syn_retries + tcp_syn_linear_timeouts）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tcp_syn_retries %1 allows %2 from the first SYN (tcp_model_timeout with a 1 s base) or %n retransmission(s) (tcp_syn_retries + tcp_syn_linear_timeouts), whichever comes first. </source>
        <translation>
            <numerusform>tcp_syn_retries %1 允许从第一个 SYN 起共 %2（以 1 s 为基数的 tcp_model_timeout）或 %n 次重传（tcp_syn_retries + tcp_syn_linear_timeouts），以先到者为准。</numerusform>
        </translation>
    </message>
    <message>
        <source>whatever the neighbour entry&apos;s reachable time (%1–%2)</source>
        <translation>无论邻居表项的可达时间是多少（%1–%2）</translation>
    </message>
    <message>
        <source>if the neighbour entry&apos;s reachable time (random, %1–%2 after the last ACK) ends before %3</source>
        <translation>如果邻居表项的可达时间（随机，最后一个 ACK 之后 %1–%2）在 %3 之前结束</translation>
    </message>
    <message>
        <source>if the neighbour entry&apos;s reachable time (random, %1–%2 after the last ACK) ends after %3</source>
        <translation>如果邻居表项的可达时间（随机，最后一个 ACK 之后 %1–%2）在 %3 之后结束</translation>
    </message>
    <message>
        <source>if the neighbour entry&apos;s reachable time (random, %1–%2 after the last ACK) ends between %3 and %4</source>
        <translation>如果邻居表项的可达时间（随机，最后一个 ACK 之后 %1–%2）在 %3 到 %4 之间结束</translation>
    </message>
    <message>
        <source>%1 (%2 %): %3 after %4</source>
        <translation>%1（%2 %）：%4 后 %3</translation>
    </message>
    <message>
        <source>, a non-fatal EHOSTUNREACH (IP_RECVERR) at %1</source>
        <translation>，%1 时出现一个非致命的 EHOSTUNREACH（IP_RECVERR）</translation>
    </message>
    <message>
        <source>, ARP failed at %1</source>
        <translation>，%1 时 ARP 失败</translation>
    </message>
    <message>
        <source>With dynamic ARP the peer&apos;s neighbour entry goes stale after a random reachable time; the first retransmission through a stale entry waits %1 (DELAY), %2 unicast probe(s) go unanswered, the entry fails; the next retransmission is held while %3 broadcast probe(s) go out, then the kernel reports a local EHOSTUNREACH (no ICMP on the wire) and steps the backoff back one notch, re-arming the timer without the user timeout&apos;s clamp. Paths: %4.</source>
        <translation>使用动态 ARP 时，对端的邻居表项在一段随机的可达时间后变为陈旧（stale）；经过陈旧表项的第一次重传要等待 %1（DELAY），%2 个单播探测没有应答，表项失败；下一次重传被扣住，同时发出 %3 个广播探测，随后内核报告一个本地的 EHOSTUNREACH（线上没有 ICMP），并把退避回退一档，重新启动计时器，且不受用户超时的截断。路径：%4。</translation>
    </message>
    <message numerus="yes">
        <source>The peer is on the same link with dynamic ARP and gives no answer: the SYN waits while %n broadcast ARP request(s) go out %1 apart, then connect() fails with EHOSTUNREACH after %2, no SYN ever on the wire (neighbour resolution failed, not an ICMP from a router).</source>
        <translation>
            <numerusform>对端与本机在同一链路上，使用动态 ARP，且没有应答：SYN 一直等待，同时每隔 %1 发出一个广播 ARP 请求，共 %n 个，之后 connect() 在 %2 后以 EHOSTUNREACH 失败，线上一个 SYN 也没有（是邻居解析失败，而不是路由器发来的 ICMP）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Dynamic ARP does not change this: a keepalive probe carries sequence number snd_una − 1, so the kernel drops the local EHOSTUNREACH of a failed neighbour as out of window (tcp_v4_err) and the keepalive ends with ETIMEDOUT.</source>
        <translation>动态 ARP 不会改变这一点：保活探测携带的序列号是 snd_una − 1，所以内核把邻居失败产生的本地 EHOSTUNREACH 当作窗口外的错误丢弃（tcp_v4_err），保活最终以 ETIMEDOUT 结束。</translation>
    </message>
    <message>
        <source>The rebooted peer knows no such connection: it answers retransmission %1, sent %2 after the first unacknowledged send, with an RST: ECONNRESET one round trip later.</source>
        <translation>重启后的对端不认识这条连接：它对第 %1 次重传（第一次未被确认的发送之后 %2 发出）回以 RST：一个往返之后报 ECONNRESET。</translation>
    </message>
    <message>
        <source>The idle connection sends nothing until keepalive&apos;s first probe, %1 after the last packet received; the rebooted peer answers it with an RST: ECONNRESET one round trip later, without waiting for the probe count.</source>
        <translation>空闲连接在保活的第一个探测之前什么都不发送，第一个探测在最后一次收到数据包后 %1 发出；重启后的对端回以 RST：一个往返之后报 ECONNRESET，不必等到探测次数用完。</translation>
    </message>
    <message>
        <source>The application&apos;s own keepalive sends %1 after the last packet received; the rebooted peer answers with an RST: ECONNRESET one round trip later.</source>
        <translation>应用程序自己的保活在最后一次收到数据包后 %1 发送；重启后的对端回以 RST：一个往返之后报 ECONNRESET。</translation>
    </message>
    <message>
        <source>Without keepalive an idle connection sends nothing, so the rebooted peer never gets the chance to answer with an RST: nothing is noticed until the application sends.</source>
        <translation>没有保活时，空闲连接什么都不发送，所以重启后的对端根本没有机会回以 RST：在应用程序发送数据之前，什么都察觉不到。</translation>
    </message>
</context>
<context>
    <name>PredictionWords</name>
    <message>
        <source>%1: read() returns 0 (end of file, the peer&apos;s FIN) %2 s %3; EPIPE only on the second write after it</source>
        <comment>%2 seconds, %3 &apos;after the fault&apos;</comment>
        <translation>%1：%3 %2 s read() 返回 0（文件结束，对端的 FIN）；在此之后的第二次写才会报 EPIPE</translation>
    </message>
</context>
<context>
    <name>PrivateNamespaces</name>
    <message>
        <source>cannot map our user into the new user namespace: %1</source>
        <translation>无法把当前用户映射到新的用户命名空间：%1</translation>
    </message>
    <message>
        <source>cannot create a network namespace: %1</source>
        <translation>无法创建网络命名空间：%1</translation>
    </message>
    <message>
        <source>cannot open our network namespace: %1</source>
        <translation>无法打开本进程的网络命名空间：%1</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 失败：%3</translation>
    </message>
    <message>
        <source>cannot create a user namespace: %1</source>
        <translation>无法创建用户命名空间：%1</translation>
    </message>
</context>
<context>
    <name>RealNetworkConfig</name>
    <message>
        <source>Peer address</source>
        <translation>对端地址</translation>
    </message>
    <message>
        <source>is empty: enter the peer&apos;s IPv4 or IPv6 address or host name, e.g. 192.168.1.20</source>
        <translation>为空：请输入对端的 IPv4 或 IPv6 地址或主机名，例如 192.168.1.20</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither an IPv4 or IPv6 address nor a host name (e.g. 192.168.1.20, fe80::1, plc.local)</source>
        <translation>“%1”既不是 IPv4 或 IPv6 地址，也不是主机名（例如 192.168.1.20、fe80::1、plc.local）</translation>
    </message>
    <message>
        <source>Peer port</source>
        <translation>对端端口</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv4 or IPv6 address of this machine: use 0.0.0.0 (every IPv4 address), :: (every address) or one of its own addresses</source>
        <translation>“%1”不是本机的 IPv4 或 IPv6 地址：请使用 0.0.0.0（所有 IPv4 地址）、::（所有地址）或本机自己的某个地址</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>监听端口</translation>
    </message>
</context>
<context>
    <name>RtoScale</name>
    <message>
        <source>%1 ms</source>
        <comment>RTO axis label, milliseconds</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>RTO axis label, seconds</comment>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>RunStepText</name>
    <message numerus="yes">
        <source>Capture: older frames dropped to stay within %1 MB — %n frame(s) (%2 MB) left out</source>
        <translation>
            <numerusform>抓包：为保持在 %1 MB 以内，已丢弃较早的帧 — 共 %n 帧（%2 MB）未保留</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>is not a scenario field; allowed: %1</source>
        <translation>不是场景的字段；允许：%1</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;at_s&quot;: 1.0, &quot;fault&quot;: &quot;power-off&quot;, &quot;host&quot;: &quot;server&quot;}</source>
        <translation>必须是一个对象，例如 {&quot;at_s&quot;: 1.0, &quot;fault&quot;: &quot;power-off&quot;, &quot;host&quot;: &quot;server&quot;}</translation>
    </message>
    <message>
        <source>must be a number of seconds from 0 to less than end.timeout_s (%1)</source>
        <translation>必须是从 0 到小于 end.timeout_s（%1）的秒数</translation>
    </message>
    <message>
        <source>is required for %1: client or server</source>
        <translation>对 %1 为必填项：client 或 server</translation>
    </message>
    <message>
        <source>is required: {&quot;timeout_s&quot;: N, &quot;when&quot;: &quot;expectations_met&quot; or &quot;timeout&quot;}</source>
        <translation>为必填项：{&quot;timeout_s&quot;: N, &quot;when&quot;: &quot;expectations_met&quot; 或 &quot;timeout&quot;}</translation>
    </message>
    <message>
        <source>must be a number of seconds above 0 and at most %1</source>
        <translation>必须是大于 0 且不超过 %1 的秒数</translation>
    </message>
    <message>
        <source>must be expectations_met or timeout</source>
        <translation>必须是 expectations_met 或 timeout</translation>
    </message>
    <message>
        <source>is required: a non-empty text</source>
        <translation>为必填项：一段非空文本</translation>
    </message>
    <message>
        <source>is required: {&quot;hosts&quot;: {&quot;client&quot;: {...}, &quot;server&quot;: {...}}, &quot;cable&quot;: {...}}</source>
        <translation>为必填项：{&quot;hosts&quot;: {&quot;client&quot;: {...}, &quot;server&quot;: {...}}, &quot;cable&quot;: {...}}</translation>
    </message>
    <message>
        <source>must be a list of timed faults</source>
        <translation>必须是一个定时故障的列表</translation>
    </message>
    <message>
        <source>is required: a list of expectations</source>
        <translation>为必填项：一个预期列表</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is used twice: ids must be unique</source>
        <translation>“%1”用了两次：id 必须唯一</translation>
    </message>
    <message>
        <source>is empty: with end.when expectations_met there must be at least one</source>
        <translation>为空：end.when 为 expectations_met 时至少要有一项</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>不是有效的 JSON，位置 %1：%2</translation>
    </message>
    <message>
        <source>a scenario is a JSON object with title, explanation, lab, steps, end and expect</source>
        <translation>场景是一个包含 title、explanation、lab、steps、end 和 expect 的 JSON 对象</translation>
    </message>
    <message>
        <source>no built-in scenario &apos;%1&apos;</source>
        <translation>没有名为“%1”的内置场景</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a built-in scenario nor a file</source>
        <translation>“%1”既不是内置场景，也不是文件</translation>
    </message>
    <message>
        <source>Idle peer powered off, no keepalive: the half-open connection</source>
        <translation>空闲的对端断电，没有保活：半开连接</translation>
    </message>
    <message>
        <source>The client and the server connect and then say nothing. One second later the server loses power: its sockets vanish without sending a FIN or an RST, so nothing reaches the client. The client has no keepalive and nothing to send, so its kernel runs no timer for this connection: it stays ESTABLISHED, and a program waiting in read() or epoll would wait forever. This is the half-open connection of the field notes; only keepalive, a heartbeat or an attempt to send can ever reveal it.</source>
        <translation>客户端和服务端建立连接后什么都不说。一秒后服务端断电：它的套接字直接消失，没有发出 FIN 也没有发出 RST，所以客户端什么也收不到。客户端没有开启保活，也没有要发送的数据，因此它的内核不为这条连接运行任何计时器：连接一直停留在 ESTABLISHED，一个在 read() 或 epoll 中等待的程序会永远等下去。这就是实践笔记中所说的半开连接；只有保活、心跳或一次发送尝试才能让它暴露出来。</translation>
    </message>
    <message>
        <source>Idle peer powered off, keepalive 2/1/3: ETIMEDOUT about 5 s after the last packet</source>
        <translation>空闲的对端断电，保活 2/1/3：最后一个数据包之后约 5 s 报 ETIMEDOUT</translation>
    </message>
    <message>
        <source>The same silent connection, but the client enables TCP keepalive with 2 s idle time, 1 s interval and 3 probes before the server loses power. Two seconds after the last packet it received, the client&apos;s kernel sends a keepalive probe, an empty ACK with an old sequence number that the peer must answer. The powered-off server cannot, so the kernel probes again every second; after the third unanswered probe it gives up, sends an RST into the void and reports ETIMEDOUT: idle + count x interval = 5 s after the last packet received, not after the power cut. With the kernel&apos;s default timers (7200 s, 75 s, 9 probes) the same takes over two hours.</source>
        <translation>同样是一条安静的连接，但在服务端断电之前，客户端开启了 TCP 保活：空闲时间 2 s、间隔 1 s、探测 3 次。在最后一次收到数据包两秒后，客户端内核发出一个保活探测包：一个带旧序列号的空 ACK，对端必须应答。断了电的服务端无法应答，于是内核每秒再探测一次；第三个探测仍无应答后，内核放弃，向虚空发出一个 RST，并报告 ETIMEDOUT：空闲时间 + 次数 × 间隔 = 最后一次收到数据包之后 5 s，而不是断电之后 5 s。使用内核的默认计时器（7200 s、75 s、9 次探测）时，同样的过程要两个多小时。</translation>
    </message>
    <message>
        <source>Keepalive with the kernel&apos;s default timers: nothing for two hours</source>
        <translation>使用内核默认计时器的保活：两小时内什么也不会发生</translation>
    </message>
    <message>
        <source>The client switches keepalive on but keeps the kernel&apos;s default timers: 7200 s idle, 75 s between probes, 9 probes. Then the server loses power. Nothing happens at all: no probe, no error, and the dead peer would only be found after 2 hours and 11 minutes. Keepalive helps only with timers chosen for the application, set per socket (TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT) rather than for the whole system.</source>
        <translation>客户端开启了保活，但保留内核的默认计时器：空闲 7200 s，探测间隔 75 s，探测 9 次。然后服务端断电。什么都没有发生：没有探测，没有错误，失效的对端要在 2 小时 11 分钟之后才会被发现。只有为应用程序选好计时器、按套接字设置（TCP_KEEPIDLE、TCP_KEEPINTVL、TCP_KEEPCNT）而不是修改整个系统的设置，保活才真正有用。</translation>
    </message>
    <message>
        <source>Keepalive 2/1/3 with TCP_USER_TIMEOUT 3000 ms: one probe, then ETIMEDOUT</source>
        <translation>保活 2/1/3 加 TCP_USER_TIMEOUT 3000 ms：一个探测之后就 ETIMEDOUT</translation>
    </message>
    <message>
        <source>The client has keepalive 2/1/3 and a TCP_USER_TIMEOUT of 3000 ms; the idle server loses power. With a user timeout set, the kernel ignores the probe count: it drops the connection as soon as it has heard nothing for longer than the user timeout and at least one probe went unanswered. The first probe leaves 2 s after the last packet received, and at the next keepalive tick, 3 s after it, the connection is aborted with ETIMEDOUT, after a single probe instead of three.</source>
        <translation>客户端开启了保活 2/1/3，并设置 TCP_USER_TIMEOUT 为 3000 ms；空闲的服务端断电。设置了用户超时后，内核不再看探测次数：只要超过用户超时的时间没有收到任何东西、并且至少有一个探测没有得到应答，它就断开连接。第一个探测在最后一次收到数据包 2 s 后发出，到下一次保活计时器触发时（之后 3 s），连接以 ETIMEDOUT 中止：只发了一个探测，而不是三个。</translation>
    </message>
    <message>
        <source>Keepalive 2/1/3 with TCP_USER_TIMEOUT 10000 ms: eight probes although the count is 3</source>
        <translation>保活 2/1/3 加 TCP_USER_TIMEOUT 10000 ms：次数设为 3，却发了八个探测</translation>
    </message>
    <message>
        <source>Keepalive 2/1/3 again, now with a TCP_USER_TIMEOUT of 10000 ms; the idle server loses power. Because the user timeout replaces the probe count, the client keeps probing once a second past its third probe and gives up only when it has heard nothing for 10 s: eight probes, then ETIMEDOUT about 10 s after the last packet received. A user timeout chosen for unacknowledged data therefore also changes keepalive, in both directions.</source>
        <translation>仍然是保活 2/1/3，这次 TCP_USER_TIMEOUT 为 10000 ms；空闲的服务端断电。因为用户超时取代了探测次数，客户端在第三个探测之后仍然每秒探测一次，直到 10 s 内什么都没收到才放弃：八个探测，然后在最后一次收到数据包约 10 s 后报 ETIMEDOUT。因此，为未确认数据选定的用户超时也会改变保活的行为，可能变短也可能变长。</translation>
    </message>
    <message>
        <source>Cable pulled while sending, tcp_retries2 = 5: retransmissions with doubling RTO, then ETIMEDOUT</source>
        <translation>发送中拔网线，tcp_retries2 = 5：重传，RTO 不断翻倍，最后 ETIMEDOUT</translation>
    </message>
    <message>
        <source>The client sends 100 bytes every half second. At 1 s the server&apos;s cable is pulled. The client&apos;s next segment gets no ACK: its kernel first sends it once more as a tail-loss probe (the hollow diamond, not counted as a retransmission), then retransmits it, doubling the wait each time (about 0.2, 0.4, 0.8, 1.6, 3.2 s and so on). With tcp_retries2 lowered to 5 the budget is 12.6 s counted from the first timed-out retransmission, so the application gets ETIMEDOUT about 13 s after its first unacknowledged send; with the default tcp_retries2 = 15 it takes about 15 minutes. The server, which only receives, notices nothing and stays ESTABLISHED.</source>
        <translation>客户端每半秒发送 100 字节。1 s 时服务端的网线被拔掉。客户端的下一个报文段收不到 ACK：内核先把它作为尾部丢失探测（空心菱形，不计为重传）再发一次，然后重传它，每次等待时间翻倍（约 0.2、0.4、0.8、1.6、3.2 s，依此类推）。tcp_retries2 降为 5 时，从第一次超时重传算起的总时长是 12.6 s，所以应用程序在第一次未被确认的发送之后约 13 s 收到 ETIMEDOUT；使用默认的 tcp_retries2 = 15 时大约要 15 分钟。只接收数据的服务端什么都察觉不到，一直停留在 ESTABLISHED。</translation>
    </message>
    <message>
        <source>Cable pulled while sending, TCP_USER_TIMEOUT 3000 ms: ETIMEDOUT after about 3.4 s</source>
        <translation>发送中拔网线，TCP_USER_TIMEOUT 3000 ms：约 3.4 s 后 ETIMEDOUT</translation>
    </message>
    <message>
        <source>The client sends 100 bytes every half second and sets TCP_USER_TIMEOUT to 3000 ms. At 1 s the cable is pulled. The user timeout replaces the tcp_retries2 budget: once data has waited 3 s for an acknowledgement, the kernel stops at the next retransmission timer and reports ETIMEDOUT, about 3.4 s after the first unacknowledged send. This bounds how long a write may go unanswered for one socket, without touching system-wide settings.</source>
        <translation>客户端每半秒发送 100 字节，并把 TCP_USER_TIMEOUT 设为 3000 ms。1 s 时网线被拔掉。用户超时取代了 tcp_retries2 的时长：一旦数据等待确认已满 3 s，内核就在下一个重传计时器到期时停止并报告 ETIMEDOUT，大约在第一次未被确认的发送之后 3.4 s。这样就能为单个套接字限定一次写最多可以多久得不到应答，而不必修改全系统的设置。</translation>
    </message>
    <message>
        <source>Server process killed (kill -9): FIN, CLOSE_WAIT, TIME_WAIT</source>
        <translation>服务端进程被杀死（kill -9）：FIN、CLOSE_WAIT、TIME_WAIT</translation>
    </message>
    <message>
        <source>The server&apos;s process is killed with SIGKILL. The process cannot react, but its kernel is alive: it closes the process&apos;s sockets and sends a FIN. About a millisecond later the client&apos;s read() returns 0 (end of file) and its socket is in CLOSE_WAIT; the client closes too, and the killed side&apos;s orphaned socket moves on to TIME_WAIT, as in the field notes. A killed process is noticed at once; it is a host that loses power or a pulled cable that goes unnoticed.</source>
        <translation>服务端进程被 SIGKILL 杀死。进程来不及做任何反应，但它的内核还活着：内核关闭该进程的套接字并发送 FIN。大约一毫秒后，客户端的 read() 返回 0（文件结束），它的套接字进入 CLOSE_WAIT；客户端随后也关闭，被杀一方的孤儿套接字接着进入 TIME_WAIT，和实践笔记中看到的一样。被杀死的进程会立刻被察觉；察觉不到的是断电的主机或被拔掉的网线。</translation>
    </message>
    <message>
        <source>Writing after the peer was killed: RST, then EPIPE</source>
        <translation>对端被杀死后继续写：RST，然后 EPIPE</translation>
    </message>
    <message>
        <source>The server&apos;s process is killed; the client reads end of file but, like a careless application, keeps its socket open in CLOSE_WAIT while the killed side waits in FIN_WAIT_2. Then the client writes. The write succeeds, because it only hands the data to the kernel, but the server&apos;s kernel has no process for the connection and answers with an RST. The client&apos;s next write fails with EPIPE (broken pipe), since the RST arrived while its socket was in CLOSE_WAIT. Without MSG_NOSIGNAL or an ignored SIGPIPE that write would also kill the client.</source>
        <translation>服务端进程被杀死；客户端读到了文件结束，却像一个粗心的应用程序那样让套接字一直开在 CLOSE_WAIT，而被杀的一方在 FIN_WAIT_2 中等待。然后客户端写数据。这次写会成功，因为它只是把数据交给了内核；但服务端内核上已经没有进程持有这条连接，于是回以 RST。客户端的下一次写以 EPIPE（管道破裂）失败，因为 RST 到达时它的套接字正处于 CLOSE_WAIT。如果没有 MSG_NOSIGNAL 或忽略 SIGPIPE，这次写还会把客户端也一起杀死。</translation>
    </message>
    <message>
        <source>Server killed with unread data: RST instead of FIN, ECONNRESET</source>
        <translation>服务端带着未读数据被杀死：发送 RST 而不是 FIN，ECONNRESET</translation>
    </message>
    <message>
        <source>The server&apos;s process is frozen, the client sends 100 bytes that the server&apos;s kernel receives but nobody reads, and then the process is killed. Closing a socket whose receive buffer still holds unread data is an abortive close: the kernel sends an RST instead of a FIN, and the client&apos;s read fails at once with ECONNRESET instead of seeing a clean end of file.</source>
        <translation>服务端进程先被冻结，客户端发送了 100 字节，服务端内核收到了但没人去读，然后进程被杀死。关闭一个接收缓冲区里还有未读数据的套接字属于异常关闭：内核发送 RST 而不是 FIN，客户端的读立刻以 ECONNRESET 失败，而不是看到一个干净的文件结束。</translation>
    </message>
    <message>
        <source>Server rebooted, then the client sends: RST, ECONNRESET</source>
        <translation>服务端重启后客户端发送：RST，ECONNRESET</translation>
    </message>
    <message>
        <source>The server reboots: it vanishes without a word and comes back with the same address but no memory of the connection. The idle client notices nothing. When the client sends at 3 s, send() succeeds, the data reaches the fresh server, and its kernel, which knows no such connection, answers with an RST. The client gets ECONNRESET a fraction of a millisecond after sending.</source>
        <translation>服务端重启：它一声不响地消失，回来时地址不变，却完全不记得这条连接。空闲的客户端什么也没察觉。客户端在 3 s 时发送数据，send() 成功，数据到达了重启后的服务端，而它的内核根本不知道有这条连接，于是回以 RST。客户端在发送之后不到一毫秒就收到 ECONNRESET。</translation>
    </message>
    <message>
        <source>Server rebooted, client keepalive 2/1/3: the first probe draws an RST</source>
        <translation>服务端重启，客户端保活 2/1/3：第一个探测就引来 RST</translation>
    </message>
    <message>
        <source>The idle client has keepalive 2/1/3, and the server reboots. Two seconds after the last packet the client received, its kernel sends a keepalive probe; the rebooted server knows no such connection and answers with an RST, so the client gets ECONNRESET at the first probe instead of waiting for three unanswered ones. A peer that crashed and came back is found by the first probe; a peer that stays off only after the last.</source>
        <translation>空闲的客户端开启了保活 2/1/3，服务端重启。在客户端最后一次收到数据包两秒后，它的内核发出一个保活探测；重启后的服务端不认识这条连接，回以 RST，于是客户端在第一个探测时就收到 ECONNRESET，而不必等三个探测都没有应答。崩溃后又回来的对端在第一个探测时就会被发现；一直不回来的对端要等到最后一个探测之后。</translation>
    </message>
    <message>
        <source>Connecting to a powered-off host, tcp_syn_retries 2: ETIMEDOUT after about 7 s</source>
        <translation>连接一台已断电的主机，tcp_syn_retries 2：约 7 s 后 ETIMEDOUT</translation>
    </message>
    <message>
        <source>The server is switched off, and the client tries to connect to it. The neighbour entry is static, so the client&apos;s SYN does go out, and nobody answers. The kernel sends the SYN again once a second (the first retransmissions are linear, tcp_syn_linear_timeouts) and, with tcp_syn_retries lowered to 2, gives up about 7 s after the first SYN: connect() fails with ETIMEDOUT after five retransmissions. With the default of 6 retries it takes over two minutes.</source>
        <translation>服务端已关机，客户端试图连接它。邻居表项是静态的，所以客户端的 SYN 确实发了出去，但没有人应答。内核每秒重发一次 SYN（最初几次重传间隔固定，见 tcp_syn_linear_timeouts），tcp_syn_retries 降为 2 时，在第一个 SYN 之后约 7 s 放弃：connect() 在五次重传后以 ETIMEDOUT 失败。使用默认的 6 次重试时要两分多钟。</translation>
    </message>
    <message>
        <source>Connecting to a powered-off host with ARP on: EHOSTUNREACH after about 3 s, no SYN ever sent</source>
        <translation>开启 ARP 时连接一台已断电的主机：约 3 s 后 EHOSTUNREACH，一个 SYN 也没发出</translation>
    </message>
    <message>
        <source>The same powered-off server, but now the hosts resolve each other&apos;s MAC address with ARP instead of static neighbour entries. Before the client&apos;s kernel can send its SYN it must learn the server&apos;s MAC: it asks three times, one second apart, and nobody answers. After about 3 s it gives up and connect() fails with EHOSTUNREACH (No route to host) although no SYN was ever on the wire. On a real LAN this is what a dead device on the same subnet looks like; a router in between would make it ETIMEDOUT instead.</source>
        <translation>同样是断了电的服务端，但这次两台主机通过 ARP 解析对方的 MAC 地址，而不是使用静态邻居表项。客户端内核在发送 SYN 之前必须先知道服务端的 MAC：它间隔一秒问了三次，没有人应答。大约 3 s 后它放弃，connect() 以 EHOSTUNREACH（没有到主机的路由）失败，尽管一个 SYN 都没有上过线。在真实的局域网里，同一子网中一台死掉的设备就是这个样子；如果中间隔着路由器，结果就会变成 ETIMEDOUT。</translation>
    </message>
    <message>
        <source>Connecting to a port nobody listens on: RST, ECONNREFUSED</source>
        <translation>连接一个没有程序监听的端口：RST，ECONNREFUSED</translation>
    </message>
    <message>
        <source>The server host is up, but no program listens on the port. When the client sends its SYN, the server&apos;s kernel answers at once with an RST, and connect() fails with ECONNREFUSED within a fraction of a millisecond. A refused connection means the host is alive; a connect that hangs until it times out means it is not, or that a firewall drops the packets.</source>
        <translation>服务端主机在线，但该端口上没有程序监听。客户端发出 SYN 后，服务端内核立刻回以 RST，connect() 在不到一毫秒内以 ECONNREFUSED 失败。连接被拒绝说明主机还活着；connect 一直挂起直到超时，说明主机不在了，或者有防火墙在丢包。</translation>
    </message>
    <message>
        <source>ICMP host unreachable while connecting: EHOSTUNREACH at once</source>
        <translation>连接时收到 ICMP 主机不可达：立刻 EHOSTUNREACH</translation>
    </message>
    <message>
        <source>The cable acts like a router that knows the server cannot be reached and answers every packet towards it with an ICMP host-unreachable message. When the client is switched on and sends its SYN, the ICMP error comes straight back, and because the connection is still being set up the kernel takes it as final: connect() fails with EHOSTUNREACH at once.</source>
        <translation>网线扮演一台路由器：它知道服务端不可达，对每个发往服务端的数据包都回以 ICMP 主机不可达消息。客户端启动并发出 SYN 后，ICMP 错误立刻返回；由于连接还在建立中，内核把它当作最终结果：connect() 立刻以 EHOSTUNREACH 失败。</translation>
    </message>
    <message>
        <source>ICMP host unreachable on an established connection: a soft error until the timeout</source>
        <translation>已建立的连接收到 ICMP 主机不可达：超时之前只是软错误</translation>
    </message>
    <message>
        <source>The connection is established when the router starts answering packets towards the server with ICMP host unreachable, and then the client sends. For an established connection the kernel takes the ICMP error as soft, because routes change: it keeps retransmitting and only remembers the error. When the retransmissions run out (tcp_retries2 5, some 13 to 15 s) the application gets the remembered EHOSTUNREACH instead of ETIMEDOUT.</source>
        <translation>连接已经建立，此时路由器开始对发往服务端的数据包回以 ICMP 主机不可达，然后客户端发送数据。对于已建立的连接，内核把 ICMP 错误当作软错误，因为路由会变化：它继续重传，只是把错误记下来。等重传用尽（tcp_retries2 为 5，大约 13 到 15 s），应用程序得到的是记下的 EHOSTUNREACH，而不是 ETIMEDOUT。</translation>
    </message>
    <message>
        <source>ICMP host unreachable with IP_RECVERR: the error is reported at once</source>
        <translation>ICMP 主机不可达加 IP_RECVERR：错误立刻报告</translation>
    </message>
    <message>
        <source>The same unreachable router, but the client has set the IP_RECVERR socket option. Now the kernel hands every ICMP error to the application as soon as it arrives: the send is followed at once by EHOSTUNREACH, while the connection itself stays ESTABLISHED and TCP keeps retransmitting. The application learns of the trouble immediately and decides for itself whether to give up.</source>
        <translation>同样的不可达路由器，但客户端设置了 IP_RECVERR 套接字选项。这时内核一收到 ICMP 错误就交给应用程序：发送之后立刻出现 EHOSTUNREACH，而连接本身仍然是 ESTABLISHED，TCP 也继续重传。应用程序马上就知道出了问题，由它自己决定要不要放弃。</translation>
    </message>
    <message>
        <source>Frozen server, keepalive on: keepalive sees nothing wrong</source>
        <translation>服务端被冻结，开启保活：保活看不出任何问题</translation>
    </message>
    <message>
        <source>The server&apos;s process is stopped (SIGSTOP): it hangs as if deadlocked, but its kernel is alive. The client&apos;s keepalive probes are answered by the server&apos;s kernel, so the connection looks perfectly healthy and no error ever comes. Keepalive checks that the peer&apos;s host is reachable, not that the peer&apos;s application works; that is why the field notes recommend an application heartbeat.</source>
        <translation>服务端进程被停止（SIGSTOP）：它像死锁一样挂住了，但它的内核还活着。客户端的保活探测由服务端内核应答，所以连接看起来完全正常，永远不会有错误。保活检查的是对端主机是否可达，而不是对端应用程序是否正常工作；这正是实践笔记建议使用应用层心跳的原因。</translation>
    </message>
    <message>
        <source>Frozen server, application heartbeat: detected after three missed answers</source>
        <translation>服务端被冻结，应用层心跳：连续三次未应答后察觉</translation>
    </message>
    <message>
        <source>The client pings the server through the connection every 500 ms and declares it dead after three pings in a row go unanswered. When the server&apos;s process is stopped, its kernel still acknowledges the pings, so TCP sees no problem, but no answer comes back from the application. After three missed answers, 1.5 to 2 s after the freeze, the client gives up with ETIMEDOUT by heartbeat, while its keepalive never even sends a probe.</source>
        <translation>客户端每 500 ms 通过这条连接给服务端发一个 ping，连续三个 ping 没有应答就判定它失效。服务端进程被停止后，它的内核仍然确认这些 ping，所以 TCP 看不出任何问题，但应用程序再也没有应答回来。在三次未应答之后，也就是冻结后 1.5 到 2 s，客户端因心跳而以 ETIMEDOUT 放弃，而它的保活连一个探测都还没发。</translation>
    </message>
    <message>
        <source>Heartbeat and keepalive side by side: the cable is pulled</source>
        <translation>心跳与保活并排对比：网线被拔掉</translation>
    </message>
    <message>
        <source>The client watches the connection with an application heartbeat, a ping every 500 ms and dead after 3 missed answers; the server only answers the pings and relies on TCP keepalive 2/1/3. When the cable is pulled, the client notices after three missed answers, within about 2 s of the cut. The server&apos;s keepalive starts counting at the last packet it received and needs the idle time plus three probes: about 5 s after that packet. Same cable, two mechanisms, two very different detection times.</source>
        <translation>客户端用应用层心跳监视这条连接：每 500 ms 一个 ping，3 次未应答即判定失效；服务端只应答 ping，并依赖 TCP 保活 2/1/3。网线被拔掉后，客户端在三次未应答后察觉，也就是断线后约 2 s 内。服务端的保活从它最后一次收到数据包开始计时，需要空闲时间再加三个探测：那个数据包之后约 5 s。同一根网线，两种机制，察觉的时间大不相同。</translation>
    </message>
    <message>
        <source>A device that keeps rebooting: stale ESTABLISHED connections pile up on the server</source>
        <translation>不断重启的设备：过期的 ESTABLISHED 连接在服务端越积越多</translation>
    </message>
    <message>
        <source>A device, the client, connects whenever it boots, and it reboots three times in a row. Each reboot wipes its connections without a FIN or an RST, so the server, which has no keepalive and never sends, keeps every old connection ESTABLISHED beside the new one. After three reboots the server holds four ESTABLISHED connections for a single device, and with enough reboots file descriptors run out and new clients are refused, as in the field notes. Keepalive or a server-side heartbeat timeout would clean them up.</source>
        <translation>一台设备（客户端）每次启动都会建立连接，它连续重启了三次。每次重启都会抹掉它的连接，既没有 FIN 也没有 RST，所以没有开启保活、也从不发送数据的服务端，会把每条旧连接都和新连接一起保持在 ESTABLISHED。三次重启之后，服务端为一台设备持有四条 ESTABLISHED 连接；重启次数足够多时，文件描述符耗尽，新客户端被拒绝，和实践笔记中描述的一样。保活或服务端的心跳超时可以把它们清理掉。</translation>
    </message>
    <message>
        <source>NAT forgets an idle connection: retransmissions, then ETIMEDOUT</source>
        <translation>NAT 忘记了空闲连接：重传，然后 ETIMEDOUT</translation>
    </message>
    <message>
        <source>Between the hosts sits a NAT or firewall that forgets a flow after 2 s without traffic, the most common cause of half-open connections in the field. The connection stays idle for 3 s, then the client sends: the NAT no longer knows the flow and silently drops the segment. The client retransmits until tcp_retries2, lowered to 3 here, runs out and gets ETIMEDOUT; the server never hears a thing and stays ESTABLISHED. Keepalive with an idle time shorter than the NAT&apos;s timeout would have kept the flow alive.</source>
        <translation>两台主机之间有一个 NAT 或防火墙，某条流 2 s 没有流量就会被它忘记，这是现实中半开连接最常见的原因。连接空闲 3 s 后客户端发送数据：NAT 已经不认识这条流，悄悄丢弃了这个报文段。客户端不断重传，直到 tcp_retries2（这里降为 3）用尽，得到 ETIMEDOUT；服务端什么都没收到，一直停留在 ESTABLISHED。如果保活的空闲时间比 NAT 的超时短，这条流本可以一直保持活跃。</translation>
    </message>
    <message>
        <source>NAT forgets an idle connection and answers with RST: ECONNRESET</source>
        <translation>NAT 忘记了空闲连接并回以 RST：ECONNRESET</translation>
    </message>
    <message>
        <source>The same forgetful NAT, but this one answers packets of flows it no longer knows with an RST, as some firewalls do. The client&apos;s send after 3 s of silence is rejected at once and the client gets ECONNRESET, although the server never closed anything and still holds the connection as ESTABLISHED.</source>
        <translation>同样健忘的 NAT，但这个 NAT 会对它不再认识的流的数据包回以 RST，就像某些防火墙那样。客户端在沉默 3 s 之后的发送立刻被拒绝，客户端收到 ECONNRESET，尽管服务端从没关闭过任何东西，仍然把连接保持在 ESTABLISHED。</translation>
    </message>
    <message>
        <source>Cable pulled on an idle connection and plugged back in: nothing is lost</source>
        <translation>空闲连接上拔掉网线再插回：什么都没丢</translation>
    </message>
    <message>
        <source>The cable is pulled for three seconds while neither side has anything to send, then plugged back in, and the client sends. Without keepalive nobody noticed the outage, and since no segment was lost the connection simply carries on: the data is delivered at the first try and both sides stay ESTABLISHED. TCP does not need the cable to be there all the time, only when it has something to deliver.</source>
        <translation>在双方都没有数据要发送时，网线被拔掉三秒，然后插回，客户端再发送数据。没有保活，谁都没有察觉这次中断；而且因为没有报文段丢失，连接照常继续：数据一次送达，两端都停留在 ESTABLISHED。TCP 并不需要网线一直在，只在它有东西要送达时才需要。</translation>
    </message>
    <message>
        <source>Simultaneous close: both sides pass through CLOSING</source>
        <translation>同时关闭：两端都经过 CLOSING</translation>
    </message>
    <message>
        <source>Both applications close the connection at the same instant, and the cable delays each frame by 300 ms, so the two FINs cross on the wire. Each side is in FIN_WAIT_1 when the other&apos;s FIN arrives instead of an ACK; it acknowledges the FIN and moves to the rarely seen CLOSING state, and when the ACK for its own FIN arrives it moves on to TIME_WAIT. Both sides end in TIME_WAIT, because both closed actively.</source>
        <translation>两端的应用程序在同一时刻关闭连接，网线把每一帧都延迟 300 ms，于是两个 FIN 在线路上交错而过。每一端都处于 FIN_WAIT_1 时收到了对方的 FIN，而不是 ACK；它确认这个 FIN，进入很少见到的 CLOSING 状态，等到自己 FIN 的 ACK 到达后再进入 TIME_WAIT。两端最后都停在 TIME_WAIT，因为两端都是主动关闭。</translation>
    </message>
    <message>
        <source>Active close: the side that closes first waits in TIME_WAIT</source>
        <translation>主动关闭：先关闭的一方在 TIME_WAIT 中等待</translation>
    </message>
    <message>
        <source>The client closes the connection: its FIN reaches the server, whose read() returns 0 (end of file), and the server closes too. The side that closed first goes through FIN_WAIT_1 and FIN_WAIT_2 to TIME_WAIT and stays there for 60 s (twice the maximum segment lifetime) to absorb stray segments and repeat its last ACK if needed, while the passive side passes through CLOSE_WAIT and LAST_ACK to CLOSED. A server that closes its connections itself collects TIME_WAIT sockets.</source>
        <translation>客户端关闭连接：它的 FIN 到达服务端，服务端的 read() 返回 0（文件结束），服务端也随之关闭。先关闭的一方经过 FIN_WAIT_1 和 FIN_WAIT_2 进入 TIME_WAIT，并在那里停留 60 s（两倍的最大报文段生存时间），以吸收迷途的报文段，必要时重发最后一个 ACK；被动的一方则经过 CLOSE_WAIT 和 LAST_ACK 到达 CLOSED。自己主动关闭连接的服务端会积攒 TIME_WAIT 套接字。</translation>
    </message>
    <message>
        <source>ARP on, cable pulled while sending, user timeout 18 s: the neighbour fails first, EHOSTUNREACH at about 19.6 s</source>
        <translation>开启 ARP，发送中拔网线，用户超时 18 s：邻居先失败，约 19.6 s 时报 EHOSTUNREACH</translation>
    </message>
    <message>
        <source>The hosts resolve each other with ARP and the client&apos;s neighbour entries stay reachable only 0.5 to 1.5 s (base_reachable_time_ms 1000), so the path is always the same. The client sends 100 bytes every half second with TCP_USER_TIMEOUT 18000 ms, and the cable is pulled. The first retransmission after the entry went stale starts neighbour probing: 5 s of DELAY, three unanswered unicast probes, the entry fails. The retransmission at 13.1 s is held while three broadcast ARP requests go out; 3 s later the kernel reports a local EHOSTUNREACH (no ICMP on the wire), keeps it as the soft error and steps the backoff back one notch, re-arming the retransmission timer for 19.6 s without the user timeout&apos;s clamp. So the connection ends at about 19.6 s after the first unacknowledged send with EHOSTUNREACH, not at 18.4 s with ETIMEDOUT: mechanism neighbour_unreachable.</source>
        <translation>两台主机通过 ARP 解析对方，客户端的邻居表项只保持可达 0.5 到 1.5 s（base_reachable_time_ms 1000），所以路径总是一样的。客户端设置 TCP_USER_TIMEOUT 18000 ms，每半秒发送 100 字节，然后网线被拔掉。表项变为陈旧之后的第一次重传启动邻居探测：5 s 的 DELAY，三个没有应答的单播探测，表项失败。13.1 s 时的重传被扣住，同时发出三个广播 ARP 请求；3 s 后内核报告一个本地的 EHOSTUNREACH（线上没有 ICMP），把它保留为软错误，并把退避回退一档，把重传计时器重新设到 19.6 s，且不受用户超时的截断。所以连接在第一次未被确认的发送之后约 19.6 s 以 EHOSTUNREACH 结束，而不是 18.4 s 时以 ETIMEDOUT 结束：机制为 neighbour_unreachable。</translation>
    </message>
    <message>
        <source>ARP on, cable pulled while sending, user timeout 18 s, a long reachable time: ETIMEDOUT at about 18.4 s</source>
        <translation>开启 ARP，发送中拔网线，用户超时 18 s，可达时间很长：约 18.4 s 时报 ETIMEDOUT</translation>
    </message>
    <message>
        <source>The same pulled cable and TCP_USER_TIMEOUT 18000 ms with ARP on, but the client&apos;s neighbour entry stays reachable for 5 to 15 minutes after the last acknowledgement (base_reachable_time_ms 600000). No retransmission ever finds it stale, so no ARP probe goes out and the user timeout ends the connection as with a static entry: ETIMEDOUT about 18.4 s after the first unacknowledged send. With the default 30 s the outcome depends on the random reachable time: halfopen-cli predict --arp lists both paths and the condition.</source>
        <translation>同样是拔网线、TCP_USER_TIMEOUT 18000 ms、开启 ARP，但客户端的邻居表项在最后一次确认之后保持可达 5 到 15 分钟（base_reachable_time_ms 600000）。没有任何一次重传遇到陈旧的表项，所以不会发出 ARP 探测，用户超时像使用静态表项时一样结束连接：第一次未被确认的发送之后约 18.4 s 报 ETIMEDOUT。使用默认的 30 s 时，结果取决于随机的可达时间：halfopen-cli predict --arp 会列出两条路径及其条件。</translation>
    </message>
    <message>
        <source>ARP on, cable pulled while sending, IP_RECVERR, tcp_retries2 6: EHOSTUNREACH at 16 s, the connection lives on, ETIMEDOUT at 26 s</source>
        <translation>开启 ARP，发送中拔网线，IP_RECVERR，tcp_retries2 6：16 s 时报 EHOSTUNREACH，连接继续存活，26 s 时报 ETIMEDOUT</translation>
    </message>
    <message>
        <source>ARP on with a short reachable time (base_reachable_time_ms 1000), the client sends every half second with IP_RECVERR set and tcp_retries2 lowered to 6. After the cable is pulled the neighbour entry fails, and at about 16 s the kernel reports EHOSTUNREACH at once (IP_RECVERR): a non-fatal error, mechanism neighbour_unreachable, the socket stays ESTABLISHED. Nothing is kept as a soft error, so when the retransmission budget runs out, about 26 s after the first unacknowledged send, the connection dies with ETIMEDOUT. Without user timeout the backoff step back only delays retransmissions: the budget counts time, not retransmissions.</source>
        <translation>开启 ARP，可达时间很短（base_reachable_time_ms 1000），客户端每半秒发送一次，设置了 IP_RECVERR，tcp_retries2 降为 6。网线拔掉后邻居表项失败，约 16 s 时内核立即报告 EHOSTUNREACH（IP_RECVERR）：这是一个非致命错误，机制为 neighbour_unreachable，套接字仍为 ESTABLISHED。没有任何东西被保留为软错误，所以当重传预算用完时，即第一次未被确认的发送之后约 26 s，连接以 ETIMEDOUT 死亡。没有用户超时时，退避回退只会推迟重传：预算计算的是时间，而不是重传次数。</translation>
    </message>
    <message>
        <source>cannot read %1: not a regular file of at most 1 MB</source>
        <translation>无法读取 %1：不是不超过 1 MB 的普通文件</translation>
    </message>
    <message>
        <source>ARP on, idle peer powered off, keepalive 6/3/4: the neighbour fails but keepalive still ends with ETIMEDOUT at 18 s</source>
        <translation>开启 ARP，空闲的对端断电，保活 6/3/4：邻居失败，但保活仍在 18 s 时以 ETIMEDOUT 结束</translation>
    </message>
    <message>
        <source>The hosts resolve each other with ARP and the client&apos;s neighbour entry stays reachable only 0.5 to 1.5 s after the last confirmation (base_reachable_time_ms 1000). The idle client has keepalive 6/3/4, and the server is switched off. The first probe finds the entry stale: 5 s of DELAY, three unanswered unicast probes, the entry fails, and the probe at 15 s is held while three broadcast ARP requests go out. The local EHOSTUNREACH that follows is dropped: a keepalive probe carries sequence number snd_una - 1, outside the window tcp_v4_err accepts. So keepalive ends exactly as with a static entry: ETIMEDOUT 18 s after the last packet received, mechanism keepalive.</source>
        <translation>两台主机通过 ARP 互相解析，客户端的邻居表项在最后一次确认之后只保持可达 0.5 到 1.5 s（base_reachable_time_ms 1000）。空闲的客户端设置了保活 6/3/4，服务端被断电。第一个探测发现表项已过期（stale）：5 s 的 DELAY，三个未应答的单播探测，表项失败，15 s 时的探测被暂扣，同时发出三个广播 ARP 请求。随后产生的本地 EHOSTUNREACH 被丢弃：保活探测携带的序列号是 snd_una - 1，在 tcp_v4_err 接受的窗口之外。所以保活的结局与静态表项完全相同：最后一次收到数据包后 18 s 报 ETIMEDOUT，机制为保活。</translation>
    </message>
    <message>
        <source>Server rebooted while the client sends: the RST answers a retransmission, ECONNRESET at the retransmission&apos;s time</source>
        <translation>客户端发送时服务端重启：RST 应答一次重传，在该重传的时刻报 ECONNRESET</translation>
    </message>
    <message>
        <source>The client sends 100 bytes every half second; at 1 s the server reboots and is back 2 s later with the same address and MAC but without the connection. While it is away the client&apos;s data goes unacknowledged and the kernel retransmits it on its doubling timer (0.2, 0.4, 0.8, 1.6 s after the first unacknowledged send). The first retransmission that reaches the rebooted server draws an RST, and the client gets ECONNRESET one round trip after that retransmission: measured from the first unacknowledged send, at one of the retransmission timer&apos;s instants, not a round trip after the send.</source>
        <translation>客户端每半秒发送 100 字节；1 s 时服务端重启，2 s 后以相同的地址和 MAC 回来，但已没有这条连接。服务端不在期间，客户端的数据得不到确认，内核按翻倍的计时器重传（第一次未被确认的发送之后 0.2、0.4、0.8、1.6 s）。第一个到达重启后服务端的重传引来一个 RST，客户端在该重传之后一个往返时间报 ECONNRESET：从第一次未被确认的发送算起，落在重传计时器的某个时刻上，而不是发送之后一个往返时间。</translation>
    </message>
</context>
<context>
    <name>ScenarioSummaryText</name>
    <message>
        <source>end of file</source>
        <translation>文件结束</translation>
    </message>
    <message>
        <source>%1 by %2 at %3: %4 %5</source>
        <comment>errno, mechanism, time, duration, &apos;after the fault&apos;</comment>
        <translation>%1，由 %2 在 %3 检测到：%5 %4</translation>
    </message>
    <message>
        <source>  %1  %2, connection still up</source>
        <comment>host, detection</comment>
        <translation>  %1  %2，连接仍然存在</translation>
    </message>
    <message>
        <source>  %1  %2 (predicted %3 %4)</source>
        <comment>host, detection, duration, &apos;after the fault&apos;</comment>
        <translation>  %1  %2（预测 %4 %3）</translation>
    </message>
    <message>
        <source>  %1  %2 (predicted %3 %4), connection still up</source>
        <comment>host, detection, duration, &apos;after the fault&apos;</comment>
        <translation>  %1  %2（预测 %4 %3），连接仍然存在</translation>
    </message>
    <message>
        <source>Scenario %1: %2 (ended by %3 after %4)</source>
        <translation>场景 %1：%2（因 %3 结束，用时 %4）</translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Lab error: %1</source>
        <translation>实验室错误：%1</translation>
    </message>
    <message>
        <source>Faults:</source>
        <translation>故障：</translation>
    </message>
    <message>
        <source>Detections:</source>
        <translation>检测：</translation>
    </message>
    <message>
        <source>  none: no application saw an error</source>
        <translation>  无：没有应用程序遇到错误</translation>
    </message>
    <message>
        <source>Final states: %1</source>
        <translation>最终状态：%1</translation>
    </message>
    <message>
        <source>Counts (sent by):</source>
        <translation>计数（按发送方）：</translation>
    </message>
    <message>
        <source>Expectations:</source>
        <translation>预期：</translation>
    </message>
    <message>
        <source>  [%1] %2: expected %3, observed %4</source>
        <translation>  [%1] %2：预期 %3，观察到 %4</translation>
    </message>
    <message>
        <source>met</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>NOT MET</source>
        <translation>未满足</translation>
    </message>
    <message>
        <source>not judged: the lab failed</source>
        <translation>未评判：虚拟实验室失败</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>could not write the screenshot %1</source>
        <translation>无法写入截图 %1</translation>
    </message>
</context>
<context>
    <name>SessionReport</name>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation>%1（UTC %2）</translation>
    </message>
    <message>
        <source>every %1 ms, dead after %2 missed (%3)</source>
        <translation>每 %1 ms 一次，丢失 %2 次后判定失效（%3）</translation>
    </message>
    <message>
        <source>sends</source>
        <translation>发送 ping</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>应答 ping</translation>
    </message>
    <message>
        <source>off (kernel default)</source>
        <translation>关闭（内核默认）</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>kernel defaults</source>
        <translation>内核默认值</translation>
    </message>
    <message>
        <source>client, connects to port %1</source>
        <translation>客户端，连接端口 %1</translation>
    </message>
    <message>
        <source>server, listens on port %1</source>
        <translation>服务端，监听端口 %1</translation>
    </message>
    <message>
        <source>no endpoint</source>
        <translation>无端点</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This recording does not say which settings it was made with (it was made before HalfOpen recorded them).</source>
        <translation>该录制文件没有记录所用的设置（它录制于 HalfOpen 开始记录设置之前）。</translation>
    </message>
    <message>
        <source>Real network: only this machine&apos;s side (%1) is HalfOpen&apos;s; the other column is not used.</source>
        <translation>真实网络：只有本机这一端（%1）由 HalfOpen 运行；另一列未使用。</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>TCP keepalive (SO_KEEPALIVE)</source>
        <translation>TCP 保活（SO_KEEPALIVE）</translation>
    </message>
    <message>
        <source>on: %1</source>
        <translation>开启：%1</translation>
    </message>
    <message>
        <source>TCP_USER_TIMEOUT</source>
        <translation>TCP_USER_TIMEOUT</translation>
    </message>
    <message>
        <source>Close with RST (SO_LINGER 0)</source>
        <translation>以 RST 关闭（SO_LINGER 0）</translation>
    </message>
    <message>
        <source>Application heartbeat</source>
        <translation>应用层心跳</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>After the peer&apos;s FIN</source>
        <translation>收到对端 FIN 后</translation>
    </message>
    <message>
        <source>closes</source>
        <translation>关闭连接</translation>
    </message>
    <message>
        <source>stays in CLOSE_WAIT</source>
        <translation>停留在 CLOSE_WAIT</translation>
    </message>
    <message>
        <source>Kernel (sysctls)</source>
        <translation>内核（sysctl）</translation>
    </message>
    <message>
        <source>Starts powered off</source>
        <translation>启动时断电</translation>
    </message>
    <message>
        <source>loss %1 %</source>
        <translation>丢包 %1 %</translation>
    </message>
    <message>
        <source>delay %1 ms</source>
        <translation>延迟 %1 ms</translation>
    </message>
    <message>
        <source>jitter %1 ms</source>
        <translation>抖动 %1 ms</translation>
    </message>
    <message>
        <source>ARP on request</source>
        <translation>按需 ARP</translation>
    </message>
    <message>
        <source>static neighbour entries</source>
        <translation>静态邻居表项</translation>
    </message>
    <message>
        <source>NAT forgets idle flows after %1 s%2</source>
        <translation>NAT 在空闲 %1 s 后遗忘连接%2</translation>
    </message>
    <message>
        <source>, then answers RST</source>
        <translation>，随后以 RST 应答</translation>
    </message>
    <message>
        <source>no NAT</source>
        <translation>无 NAT</translation>
    </message>
    <message>
        <source>Cable:</source>
        <translation>网线：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Verdict: measured and predicted</source>
        <translation>结论：实测与预测</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing noticed a problem.</source>
        <translation>没有任何一方察觉到问题。</translation>
    </message>
    <message>
        <source>met</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未满足</translation>
    </message>
    <message>
        <source>Expectations met: %1 of %2</source>
        <translation>满足的预期：%1 / %2</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>No events.</source>
        <translation>没有事件。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) over %1.</source>
        <translation>
            <numerusform>共 %n 个事件，历时 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Packets sent</source>
        <translation>发出的数据包</translation>
    </message>
    <message>
        <source>By kind:</source>
        <translation>按类别：</translation>
    </message>
    <message>
        <source>Faults and errors</source>
        <translation>故障与错误</translation>
    </message>
    <message>
        <source>Time (wall clock)</source>
        <translation>时间（挂钟时间）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>HalfOpen report</source>
        <translation>HalfOpen 报告</translation>
    </message>
    <message>
        <source>Free lab session: your settings, faults pressed by hand.</source>
        <translation>自由实验：使用你的设置，故障由你手动触发。</translation>
    </message>
    <message>
        <source>Real network</source>
        <translation>真实网络</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>场景：%1</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>real network (this machine against a real peer)</source>
        <translation>真实网络（本机对真实对端）</translation>
    </message>
    <message>
        <source>virtual lab (two hosts on this machine, joined by a cable)</source>
        <translation>虚拟实验室（本机上的两台主机，由一根网线相连）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Ran on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>%1, Linux %2</source>
        <translation>%1，Linux %2</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制文件</translation>
    </message>
    <message>
        <source>Report made</source>
        <translation>报告生成</translation>
    </message>
    <message>
        <source>%1 on %2, Linux %3</source>
        <translation>%1，于 %2（Linux %3）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>A lane per host: packets coloured by kind, the TCP state as a band, faults as lines.</source>
        <translation>每台主机一条泳道：数据包按类别着色，TCP 状态显示为色带，故障显示为竖线。</translation>
    </message>
    <message>
        <source>Each socket&apos;s retransmission timeout (RTO), on a log scale.</source>
        <translation>每个套接字的重传超时（RTO），对数刻度。</translation>
    </message>
    <message>
        <source>Made by HalfOpen %1. Times are seconds from the run&apos;s time zero (the lab ready).</source>
        <translation>由 HalfOpen %1 生成。时间为自本次运行零点（实验室就绪）起的秒数。</translation>
    </message>
    <message>
        <source>Could not write the report %1: the name must end in .pdf or .html</source>
        <translation>无法写入报告 %1：文件名必须以 .pdf 或 .html 结尾</translation>
    </message>
    <message>
        <source>Could not write the report %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
</context>
<context>
    <name>SettingField</name>
    <message>
        <source>%1
Allowed: %2 to %3%4.</source>
        <translation>%1
允许范围：%2 到 %3%4。</translation>
    </message>
</context>
<context>
    <name>SockDiagClient</name>
    <message>
        <source>cannot enter network namespace %1 (needs CAP_SYS_ADMIN over it)</source>
        <translation>无法进入网络命名空间 %1（需要对它拥有 CAP_SYS_ADMIN）</translation>
    </message>
    <message>
        <source>cannot open a NETLINK_SOCK_DIAG socket</source>
        <translation>无法打开 NETLINK_SOCK_DIAG 套接字</translation>
    </message>
    <message>
        <source>sock_diag request</source>
        <translation>sock_diag 请求</translation>
    </message>
    <message>
        <source>sock_diag dump</source>
        <translation>sock_diag 转储</translation>
    </message>
    <message>
        <source>sock_diag lookup</source>
        <translation>sock_diag 查询</translation>
    </message>
    <message>
        <source>sock_diag lookup: local and remote must both be IPv4 or both IPv6</source>
        <translation>sock_diag 查询：本端和远端必须同为 IPv4 或同为 IPv6</translation>
    </message>
    <message>
        <source>sock_diag timer: the socket has no peer</source>
        <translation>sock_diag 计时器：该套接字没有对端</translation>
    </message>
    <message>
        <source>sock_diag timer: no such socket</source>
        <translation>sock_diag 计时器：没有这个套接字</translation>
    </message>
</context>
<context>
    <name>SockDiagFilter</name>
    <message>
        <source>unknown state &apos;%1&apos;: allowed %2 (or ss&apos;s names: ESTAB, TIME-WAIT, ...), comma-separated</source>
        <translation>未知状态“%1”：允许 %2（或 ss 的名称：ESTAB、TIME-WAIT 等），以逗号分隔</translation>
    </message>
    <message>
        <source>no state given: allowed a TCP state name such as ESTABLISHED or TIME_WAIT</source>
        <translation>没有给出状态：允许 ESTABLISHED 或 TIME_WAIT 这样的 TCP 状态名</translation>
    </message>
</context>
<context>
    <name>SocketAddress</name>
    <message>
        <source>&apos;%1&apos; is not HOST:PORT (IPv6 as [ADDR]:PORT)</source>
        <translation>“%1”不是 HOST:PORT（IPv6 写作 [ADDR]:PORT）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not HOST:PORT: the port is missing</source>
        <translation>“%1”不是 HOST:PORT：缺少端口</translation>
    </message>
    <message>
        <source>port &apos;%1&apos; is out of range: allowed %2 to 65535</source>
        <translation>端口“%1”超出范围：允许 %2 到 65535</translation>
    </message>
    <message>
        <source>port &apos;%1&apos; is not a number: use %2 to 65535</source>
        <translation>端口“%1”不是数字：请使用 %2 到 65535</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty IPv6 address: use [::]:PORT for any</source>
        <translation>“%1”的 IPv6 地址为空：表示任意地址请使用 [::]:PORT</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv4 address such as 192.0.2.10 (four numbers 0 to 255; IPv6 as [ADDR]:PORT; names are not looked up)</source>
        <translation>“%1”不是 IPv4 地址，例如 192.0.2.10（四个 0 到 255 的数字；IPv6 写作 [ADDR]:PORT；不解析主机名）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv6 address such as ::1</source>
        <translation>“%1”不是 IPv6 地址，例如 ::1</translation>
    </message>
</context>
<context>
    <name>SocketColumn</name>
    <message>
        <source>Host</source>
        <comment>lab host or machine that owns the socket</comment>
        <translation>主机</translation>
    </message>
    <message>
        <source>Local</source>
        <comment>socket&apos;s own address:port</comment>
        <translation>本端</translation>
    </message>
    <message>
        <source>Remote</source>
        <comment>peer&apos;s address:port</comment>
        <translation>对端</translation>
    </message>
    <message>
        <source>State</source>
        <comment>TCP state such as ESTABLISHED</comment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Send-Q</source>
        <comment>bytes not yet acknowledged, as ss names it</comment>
        <translation>Send-Q</translation>
    </message>
    <message>
        <source>Recv-Q</source>
        <comment>bytes received and not yet read, as ss names it</comment>
        <translation>Recv-Q</translation>
    </message>
    <message>
        <source>Timer</source>
        <comment>the TCP timer running on the socket and its time left</comment>
        <translation>计时器</translation>
    </message>
    <message>
        <source>Retransmits</source>
        <comment>count of consecutive retransmission timeouts</comment>
        <translation>重传</translation>
    </message>
    <message>
        <source>Probes</source>
        <comment>count of unanswered TCP keepalive or zero-window probes</comment>
        <translation>探测</translation>
    </message>
    <message>
        <source>Backoff</source>
        <comment>TCP retransmission timer&apos;s exponential backoff shift</comment>
        <translation>退避</translation>
    </message>
    <message>
        <source>RTO</source>
        <comment>retransmission timeout, abbreviation kept in every language</comment>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RTT</source>
        <comment>round-trip time, abbreviation kept in every language</comment>
        <translation>RTT</translation>
    </message>
    <message>
        <source>Last received</source>
        <comment>time since the last packet from the peer arrived</comment>
        <translation>最后接收</translation>
    </message>
    <message>
        <source>The host whose kernel holds this socket: a lab host (client, server) or this machine.</source>
        <translation>持有这个套接字的内核所在的主机：实验室主机（client、server）或本机。</translation>
    </message>
    <message>
        <source>The socket&apos;s own address and port.</source>
        <translation>套接字自己的地址和端口。</translation>
    </message>
    <message>
        <source>The address and port of the peer this socket talks to.</source>
        <translation>这个套接字所连接的对端的地址和端口。</translation>
    </message>
    <message>
        <source>The TCP state as the kernel reports it. ESTABLISHED does not mean the peer is still there: a socket whose peer vanished stays ESTABLISHED until a timer or a packet says otherwise. A row that closed fades out before it leaves.</source>
        <translation>内核报告的 TCP 状态。ESTABLISHED 并不代表对端还在：对端已经消失的套接字会一直停留在 ESTABLISHED，直到某个计时器或数据包改变它。已关闭的行会先淡出再消失。</translation>
    </message>
    <message>
        <source>Bytes the application wrote that the peer has not acknowledged yet. When it grows and does not shrink, the data is being retransmitted into the void.</source>
        <translation>应用程序已写入、但对端尚未确认的字节数。如果它只增不减，说明数据正在向虚空重传。</translation>
    </message>
    <message>
        <source>Bytes that arrived and the application has not read yet.</source>
        <translation>已经到达、但应用程序还没有读取的字节数。</translation>
    </message>
    <message>
        <source>The timer the kernel runs for this socket and the time until it fires: &quot;retransmit&quot; (waiting for an acknowledgement), &quot;keepalive&quot; (idle, next probe), &quot;persist&quot; (peer&apos;s window is zero), &quot;timewait&quot;. In ss -o the timer&apos;s third field counts keepalive probes for the keepalive timer and retransmissions otherwise; here they have their own columns.</source>
        <translation>内核为这个套接字运行的计时器，以及距离它触发的时间：“重传”（等待确认）、“保活”（空闲，等待下一个探测）、“坚持”（对端窗口为零）、“TIME_WAIT”。在 ss -o 中，计时器的第三个字段对保活计时器表示保活探测次数，对其他计时器表示重传次数；这里它们各有自己的一列。</translation>
    </message>
    <message>
        <source>How many times in a row the retransmission timer fired for the oldest unacknowledged segment. When it reaches tcp_retries2 (15 by default, about 15 minutes) the connection is dropped with ETIMEDOUT.</source>
        <translation>对最早的未确认报文段，重传计时器已连续触发的次数。达到 tcp_retries2（默认 15，约 15 分钟）时，连接以 ETIMEDOUT 断开。</translation>
    </message>
    <message>
        <source>Keepalive (or zero-window) probes sent that the peer has not answered. When it reaches the keepalive count, the connection is dropped with ETIMEDOUT.</source>
        <translation>已发出但对端没有应答的保活（或零窗口）探测数。达到保活探测次数时，连接以 ETIMEDOUT 断开。</translation>
    </message>
    <message>
        <source>How many times the retransmission timeout has doubled: each unanswered retransmission waits twice as long as the one before (RTO × 2^backoff, at most 120 s).</source>
        <translation>重传超时已经翻倍的次数：每次未应答的重传都比上一次多等一倍（RTO × 2^backoff，最多 120 s）。</translation>
    </message>
    <message>
        <source>Retransmission timeout: how long the kernel waits for an acknowledgement before sending the data again. At least 200 ms on Linux; doubles with every unanswered retransmission.</source>
        <translation>重传超时：内核在重新发送数据之前等待确认的时间。Linux 上至少 200 ms；每次未应答的重传都会翻倍。</translation>
    </message>
    <message>
        <source>Smoothed round-trip time the kernel measured from acknowledgements.</source>
        <translation>内核根据确认测得的平滑往返时间。</translation>
    </message>
    <message>
        <source>Time since the last packet from the peer arrived (tcp_info&apos;s last_ack_recv). Keepalive&apos;s idle time counts from here: the first probe goes out when it reaches the keepalive idle time.</source>
        <translation>距离最后一次收到对端数据包的时间（tcp_info 的 last_ack_recv）。保活的空闲时间从这里开始计算：达到保活空闲时间时发出第一个探测。</translation>
    </message>
    <message>
        <source>Keepalive</source>
        <comment>the socket&apos;s TCP keepalive settings</comment>
        <translation>保活</translation>
    </message>
    <message>
        <source>The socket&apos;s keepalive as the kernel reports it (getsockopt after every change): idle time before the first probe, then how many probes how far apart. &quot;off&quot;: an idle connection to a vanished peer is never noticed. Changing the settings while the lab runs changes it here at once. The cell&apos;s tooltip lists every option.</source>
        <translation>内核报告的该套接字的保活设置（每次更改后用 getsockopt 读回）：首次探测前的空闲时间，然后是探测次数和间隔。“关闭”：与已消失对端之间的空闲连接永远不会被发现。实验室运行时修改设置，这里会立即变化。单元格的提示列出所有选项。</translation>
    </message>
    <message>
        <source>Last sent</source>
        <comment>time since the last data segment was sent (ss lastsnd)</comment>
        <translation>最后发送</translation>
    </message>
    <message>
        <source>Last data in</source>
        <comment>time since the last data segment arrived (ss lastrcv)</comment>
        <translation>最后收到数据</translation>
    </message>
    <message>
        <source>Unacked</source>
        <comment>segments sent and not yet acknowledged</comment>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Total retrans</source>
        <comment>retransmitted segments over the connection&apos;s life</comment>
        <translation>总重传</translation>
    </message>
    <message>
        <source>Cwnd</source>
        <comment>congestion window, abbreviation kept in every language</comment>
        <translation>Cwnd</translation>
    </message>
    <message>
        <source>Time since the last new data segment was sent, at the last sample (ss -i lastsnd). Retransmissions do not reset it: while data waits for an acknowledgement it counts from the first unacknowledged send, the reference of a retransmission timeout.</source>
        <translation>上一次采样时，距最后一次发送新数据报文段的时间（ss -i lastsnd）。重传不会重置它：数据等待确认期间，它从第一次未被确认的发送算起，这也是重传超时的参照点。</translation>
    </message>
    <message>
        <source>Time since the last data segment arrived, at the last sample (ss -i lastrcv); Last received also counts bare ACKs and keepalive answers (lastack).</source>
        <translation>上一次采样时，距最后一个数据报文段到达的时间（ss -i lastrcv）；“最后接收”还计入纯 ACK 和保活应答（lastack）。</translation>
    </message>
    <message>
        <source>Segments sent and not yet acknowledged (ss -i unacked). While it is above zero, keepalive waits and the retransmission timer decides.</source>
        <translation>已发送但尚未确认的报文段（ss -i unacked）。只要它大于零，保活就等待，由重传计时器决定。</translation>
    </message>
    <message>
        <source>Segments retransmitted over the connection&apos;s whole life (ss -i retrans:N/TOTAL).</source>
        <translation>连接整个生命周期中重传的报文段（ss -i retrans:N/TOTAL）。</translation>
    </message>
    <message>
        <source>Congestion window in segments (ss -i cwnd): it falls to 1 after a retransmission timeout.</source>
        <translation>以报文段计的拥塞窗口（ss -i cwnd）：重传超时后降为 1。</translation>
    </message>
</context>
<context>
    <name>SocketOptions</name>
    <message>
        <source>keepalive idle (TCP_KEEPIDLE)</source>
        <translation>保活空闲时间（TCP_KEEPIDLE）</translation>
    </message>
    <message>
        <source>keepalive interval (TCP_KEEPINTVL)</source>
        <translation>保活探测间隔（TCP_KEEPINTVL）</translation>
    </message>
    <message>
        <source>keepalive count (TCP_KEEPCNT)</source>
        <translation>保活探测次数（TCP_KEEPCNT）</translation>
    </message>
    <message>
        <source>user timeout (TCP_USER_TIMEOUT)</source>
        <translation>用户超时（TCP_USER_TIMEOUT）</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
</context>
<context>
    <name>SocketOptionsText</name>
    <message>
        <source>on</source>
        <comment>socket option enabled</comment>
        <translation>开启</translation>
    </message>
    <message>
        <source>off</source>
        <comment>socket option disabled</comment>
        <translation>关闭</translation>
    </message>
    <message>
        <source>off</source>
        <comment>TCP_USER_TIMEOUT 0: the kernel&apos;s default</comment>
        <translation>关闭</translation>
    </message>
    <message>
        <source>off</source>
        <comment>keepalive disabled</comment>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 s idle, %2 × %3 s</source>
        <comment>keepalive: idle seconds, probe count × interval seconds</comment>
        <translation>空闲 %1 秒，%2 × %3 秒</translation>
    </message>
    <message>
        <source>keepalive %1 · user timeout %2 · linger 0 %3 · IP_RECVERR %4</source>
        <translation>保活 %1 · 用户超时 %2 · linger 0 %3 · IP_RECVERR %4</translation>
    </message>
    <message>
        <source>keepalive %1</source>
        <translation>保活 %1</translation>
    </message>
    <message>
        <source>user timeout %1</source>
        <translation>用户超时 %1</translation>
    </message>
    <message>
        <source>linger 0</source>
        <translation>linger 0</translation>
    </message>
    <message>
        <source>IP_RECVERR</source>
        <translation>IP_RECVERR</translation>
    </message>
    <message>
        <source>SO_KEEPALIVE on: TCP_KEEPIDLE %1 s, TCP_KEEPINTVL %2 s, TCP_KEEPCNT %3</source>
        <translation>SO_KEEPALIVE 开启：TCP_KEEPIDLE %1 秒，TCP_KEEPINTVL %2 秒，TCP_KEEPCNT %3</translation>
    </message>
    <message>
        <source>  a dead peer is noticed %1 s after its last packet (idle + count × interval)</source>
        <translation>  对端死亡会在其最后一个数据包之后 %1 秒被发现（空闲 + 次数 × 间隔）</translation>
    </message>
    <message>
        <source>SO_KEEPALIVE off: an idle connection is never probed</source>
        <translation>SO_KEEPALIVE 关闭：空闲连接永远不会被探测</translation>
    </message>
    <message>
        <source>TCP_USER_TIMEOUT %1</source>
        <translation>TCP_USER_TIMEOUT %1</translation>
    </message>
    <message>
        <source>SO_LINGER 0 (close sends RST) %1</source>
        <translation>SO_LINGER 0（close 发送 RST）%1</translation>
    </message>
    <message>
        <source>IP_RECVERR %1</source>
        <translation>IP_RECVERR %1</translation>
    </message>
    <message>
        <source>TCP_NODELAY %1</source>
        <translation>TCP_NODELAY %1</translation>
    </message>
    <message>
        <source>now: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source> — asked: %1</source>
        <translation> — 请求：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>option name, errno description</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source> — failed: %1</source>
        <translation> — 失败：%1</translation>
    </message>
</context>
<context>
    <name>SocketRow</name>
    <message>
        <source>retransmit</source>
        <comment>TCP timer waiting for an acknowledgement</comment>
        <translation>重传</translation>
    </message>
    <message>
        <source>keepalive</source>
        <comment>TCP keepalive timer</comment>
        <translation>保活</translation>
    </message>
    <message>
        <source>timewait</source>
        <comment>TCP TIME_WAIT timer</comment>
        <translation>TIME_WAIT</translation>
    </message>
    <message>
        <source>persist</source>
        <comment>TCP zero-window probe timer</comment>
        <translation>坚持</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>timer name, time left</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>milliseconds</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>end of stream (the peer closed)</source>
        <translation>流结束（对端已关闭）</translation>
    </message>
    <message>
        <source>The application saw %1, raised by %2.</source>
        <comment>errno text, detection mechanism</comment>
        <translation>应用程序遇到 %1，由 %2 引发。</translation>
    </message>
    <message>
        <source>As the kernel reports it for this socket:
%1</source>
        <translation>内核报告的该套接字设置：
%1</translation>
    </message>
    <message>
        <source>%1 due</source>
        <comment>timer name; its expiry has passed since the last reading</comment>
        <translation>%1 已到期</translation>
    </message>
</context>
<context>
    <name>TimeReference</name>
    <message>
        <source>after the fault</source>
        <translation>故障后</translation>
    </message>
    <message>
        <source>after the last packet received</source>
        <translation>最后一次收到数据包后</translation>
    </message>
    <message>
        <source>after the first unacknowledged send</source>
        <translation>第一次未确认的发送后</translation>
    </message>
</context>
<context>
    <name>TrafficPattern</name>
    <message>
        <source>&apos;%1&apos; is not a traffic pattern: use idle, stream or periodic:INTERVAL_MS:BYTES</source>
        <translation>“%1”不是流量模式：请使用 idle、stream 或 periodic:INTERVAL_MS:BYTES</translation>
    </message>
    <message>
        <source>periodic interval</source>
        <translation>周期发送间隔</translation>
    </message>
    <message>
        <source>periodic bytes</source>
        <translation>周期发送字节数</translation>
    </message>
</context>
<context>
    <name>UserNamespaceHelp</name>
    <message>
        <source>or allow every program until the next boot: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0</source>
        <translation>或者在下次开机之前允许所有程序：sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0</translation>
    </message>
    <message>
        <source>AppArmor restricts unprivileged user namespaces on this system (kernel.apparmor_restrict_unprivileged_userns = 1) to programs whose profile allows them.</source>
        <translation>本系统上 AppArmor 只允许配置文件许可的程序使用非特权用户命名空间（kernel.apparmor_restrict_unprivileged_userns = 1）。</translation>
    </message>
    <message>
        <source>HalfOpen&apos;s profile (%1) covers the installed supervisor only (/usr/libexec/halfopen/halfopen-lab), not %2: start the installed halfopen, %3.</source>
        <translation>HalfOpen 的配置文件（%1）只覆盖已安装的实验室管理进程（/usr/libexec/halfopen/halfopen-lab），不包括 %2：请启动已安装的 halfopen，%3。</translation>
    </message>
    <message>
        <source>HalfOpen&apos;s profile %1 is missing (the halfopen package installs it; packaging/apparmor/halfopen-lab in the sources): put it back and load it with: sudo apparmor_parser -r %1, %2.</source>
        <translation>HalfOpen 的配置文件 %1 不见了（由 halfopen 软件包安装；源码中为 packaging/apparmor/halfopen-lab）：请把它放回去并加载：sudo apparmor_parser -r %1，%2。</translation>
    </message>
    <message>
        <source>HalfOpen&apos;s profile %1 is installed but disabled (%2: the package does that where AppArmor could not read the profile). Enable and load it with: sudo dpkg-reconfigure halfopen, %3.</source>
        <translation>HalfOpen 的配置文件 %1 已安装但被禁用（%2：AppArmor 无法读取该配置文件时，软件包会这样做）。启用并加载它：sudo dpkg-reconfigure halfopen，%3。</translation>
    </message>
    <message>
        <source>HalfOpen&apos;s profile is installed but not loaded (the supervisor runs as &apos;%1&apos;). Load it with: sudo apparmor_parser -r %2, %3.</source>
        <translation>HalfOpen 的配置文件已安装但未加载（实验室管理进程以“%1”运行）。加载它：sudo apparmor_parser -r %2，%3。</translation>
    </message>
    <message>
        <source>Unprivileged user namespaces are switched off (kernel.unprivileged_userns_clone = 0). Switch them on with: sudo sysctl -w kernel.unprivileged_userns_clone=1</source>
        <translation>非特权用户命名空间已关闭（kernel.unprivileged_userns_clone = 0）。打开它：sudo sysctl -w kernel.unprivileged_userns_clone=1</translation>
    </message>
    <message>
        <source>User namespaces are switched off (user.max_user_namespaces = 0). Allow them with: sudo sysctl -w user.max_user_namespaces=10000</source>
        <translation>用户命名空间已关闭（user.max_user_namespaces = 0）。允许它：sudo sysctl -w user.max_user_namespaces=10000</translation>
    </message>
    <message>
        <source>All %1 user namespaces allowed to this user (user.max_user_namespaces) are in use: end some sandboxes or containers, or raise the limit with sudo sysctl -w user.max_user_namespaces=N.</source>
        <translation>此用户可用的全部 %1 个用户命名空间（user.max_user_namespaces）都已被占用：请结束一些沙箱或容器，或用 sudo sysctl -w user.max_user_namespaces=N 提高上限。</translation>
    </message>
    <message>
        <source>The lab needs an unprivileged user namespace; no kernel setting found here forbids one (user.max_user_namespaces, kernel.unprivileged_userns_clone, AppArmor). A chroot may (the kernel refuses user namespaces inside one), or a container or seccomp filter: run the lab as root, or outside it.</source>
        <translation>实验室需要一个非特权用户命名空间；这里没有发现禁止它的内核设置（user.max_user_namespaces、kernel.unprivileged_userns_clone、AppArmor）。可能是 chroot（内核在 chroot 中拒绝用户命名空间），也可能是容器或 seccomp 过滤器：请以 root 身份运行实验室，或在它们之外运行。</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Audit every TCP connection of this machine (or of a network namespace): its process, its own keepalive and TCP_USER_TIMEOUT, when it would notice a dead peer, and a risk with the setting that fixes it. Reads only.</source>
        <translation>审计本机（或某个网络命名空间）的每一条 TCP 连接：它的进程、它自己的保活和 TCP_USER_TIMEOUT、它何时会察觉对端失效，以及风险和能修复它的设置。只读。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Print a JSON array, one object per connection.</source>
        <translation>输出一个 JSON 数组，每条连接一个对象。</translation>
    </message>
    <message>
        <source>Only connections whose local or remote port is N (1 to 65535).</source>
        <translation>只显示本端或远端端口为 N 的连接（1 到 65535）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Only connections held by process P.</source>
        <translation>只显示进程 P 持有的连接。</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Only connections held by a process with this command name (as ps -o comm shows it).</source>
        <translation>只显示命令名为 NAME 的进程持有的连接（与 ps -o comm 显示的一致）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Network namespace to audit: /proc/PID/ns/net or /run/netns/NAME.</source>
        <translation>要审计的网络命名空间：/proc/PID/ns/net 或 /run/netns/NAME。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Seconds above which noticing a powered-off peer counts as slow (default %1).</source>
        <translation>察觉对端断电超过多少秒算作慢（默认 %1）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Exit 1 when a connection has this risk or worse: half-open-forever or slow.</source>
        <translation>有连接达到此风险或更严重时以 1 退出：half-open-forever 或 slow。</translation>
    </message>
    <message>
        <source>RISK</source>
        <translation>RISK</translation>
    </message>
    <message>
        <source>unknown option: %1</source>
        <translation>未知选项：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;: audit takes options only (%2)</source>
        <translation>意外的“%1”：audit 只接受选项（%2）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range: allowed 1 to 65535</source>
        <translation>“%1”超出范围：允许 1 到 65535</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a process id: allowed 1 to 4194304</source>
        <translation>“%1”不是进程 id：允许 1 到 4194304</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: allowed a command name of 1 to 15 characters</source>
        <translation>“%1”：允许 1 到 15 个字符的命令名</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range: allowed 1 to %2 seconds</source>
        <translation>“%1”超出范围：允许 1 到 %2 秒</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: allowed half-open-forever or slow</source>
        <translation>“%1”：允许 half-open-forever 或 slow</translation>
    </message>
    <message>
        <source>empty path: allowed /proc/PID/ns/net or /run/netns/NAME</source>
        <translation>路径为空：允许 /proc/PID/ns/net 或 /run/netns/NAME</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永远不会</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本端</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Keepalive</source>
        <translation>保活</translation>
    </message>
    <message>
        <source>User timeout</source>
        <translation>用户超时</translation>
    </message>
    <message>
        <source>Options from</source>
        <translation>选项来源</translation>
    </message>
    <message>
        <source>Idle dead peer noticed</source>
        <translation>空闲时察觉对端失效</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>note: %1 %2: %3</source>
        <translation>注意：%1 %2：%3</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation>无法写入标准输出</translation>
    </message>
    <message>
        <source>The application keepalive to assume: mqtt-client:K for the connections to port 1883/8883, mqtt-broker:K for those accepted on it, amqp:H for 5672/5671; PORT=PROTOCOL:K names the application on any port. Without it, well-known ports assume K = %1 s. Repeatable.</source>
        <translation>要假设的应用层保活：mqtt-client:K 用于连到端口 1883/8883 的连接，mqtt-broker:K 用于在这些端口上接受的连接，amqp:H 用于 5672/5671；PORT=PROTOCOL:K 为任意端口指定应用。不给出时，知名端口假设 K = %1 s。可重复使用。</translation>
    </message>
    <message>
        <source>SPEC</source>
        <translation>SPEC</translation>
    </message>
    <message>
        <source>allowed --json, --port N, --pid P, --process NAME, --netns PATH, --risk-threshold S, --fail-on RISK, --app SPEC, --help</source>
        <translation>允许 --json、--port N、--pid P、--process NAME、--netns PATH、--risk-threshold S、--fail-on RISK、--app SPEC、--help</translation>
    </message>
    <message>
        <source>If the application is (assumed)</source>
        <translation>若应用是（假设）</translation>
    </message>
    <message>
        <source>Application keepalive: %1</source>
        <translation>应用层保活：%1</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Open one test connection with the given socket options and report every state change, tcp_info sample, heartbeat and the error that ends it.
Commands on stdin: send [BYTES], close, abort, shutdown-write, options JSON, quit.</source>
        <translation>用给定的套接字选项打开一条测试连接，并报告每一次状态变化、tcp_info 采样、心跳以及结束它的错误。
标准输入上的命令：send [BYTES]、close、abort、shutdown-write、options JSON、quit。</translation>
    </message>
    <message>
        <source>The server to connect to.</source>
        <translation>要连接的服务端。</translation>
    </message>
    <message>
        <source>connect needs exactly one HOST:PORT (port 1 to 65535)</source>
        <translation>connect 需要恰好一个 HOST:PORT（端口 1 到 65535）</translation>
    </message>
    <message>
        <source>Enable SO_KEEPALIVE with TCP_KEEPIDLE, TCP_KEEPINTVL (seconds) and TCP_KEEPCNT.</source>
        <translation>启用 SO_KEEPALIVE，并设置 TCP_KEEPIDLE、TCP_KEEPINTVL（秒）和 TCP_KEEPCNT。</translation>
    </message>
    <message>
        <source>TCP_USER_TIMEOUT in milliseconds (0 = off).</source>
        <translation>TCP_USER_TIMEOUT，单位毫秒（0 = 关闭）。</translation>
    </message>
    <message>
        <source>SO_LINGER {on, 0}: close() sends RST instead of FIN.</source>
        <translation>SO_LINGER {on, 0}：close() 发送 RST 而不是 FIN。</translation>
    </message>
    <message>
        <source>TCP_NODELAY.</source>
        <translation>TCP_NODELAY。</translation>
    </message>
    <message>
        <source>IP_RECVERR: report ICMP errors at once.</source>
        <translation>IP_RECVERR：立即报告 ICMP 错误。</translation>
    </message>
    <message>
        <source>Application heartbeat: ping every INTERVAL_MS, dead after MISSES missed answers.</source>
        <translation>应用层心跳：每 INTERVAL_MS 发一个 ping，MISSES 次未应答即判定失效。</translation>
    </message>
    <message>
        <source>send: this side pings; answer: it answers and watches for pings (default: connect sends, serve answers).</source>
        <translation>send：这一端发 ping；answer：这一端应答并留意 ping 是否到来（默认：connect 发送，serve 应答）。</translation>
    </message>
    <message>
        <source>What to send: idle, stream, or periodic:INTERVAL_MS:BYTES.</source>
        <translation>发送什么：idle、stream 或 periodic:INTERVAL_MS:BYTES。</translation>
    </message>
    <message>
        <source>After the peer&apos;s FIN, keep the socket (CLOSE_WAIT) and go on writing: the next write draws RST, the one after EPIPE.</source>
        <translation>收到对端的 FIN 后保留套接字（CLOSE_WAIT）并继续写：下一次写引来 RST，再下一次得到 EPIPE。</translation>
    </message>
    <message>
        <source>tcp_info sampling rate, 1 to 1000 per second.</source>
        <translation>tcp_info 采样频率，每秒 1 到 1000 次。</translation>
    </message>
    <message>
        <source>Record every event to FILE (JSONL, flushed per event).</source>
        <translation>把每个事件记录到 FILE（JSONL，每个事件后立即刷新）。</translation>
    </message>
    <message>
        <source>Print events as JSON lines.</source>
        <translation>以 JSON 行输出事件。</translation>
    </message>
    <message>
        <source>expected IDLE,INTVL,CNT (e.g. 2,1,3): idle 1 to 32767 s, interval 1 to 32767 s, count 1 to 127</source>
        <translation>应为 IDLE,INTVL,CNT（例如 2,1,3）：空闲 1 到 32767 s，间隔 1 到 32767 s，次数 1 到 127</translation>
    </message>
    <message>
        <source>expected INTERVAL_MS,MISSES (e.g. 1000,3): interval 1 to %1 ms, misses 1 to %2</source>
        <translation>应为 INTERVAL_MS,MISSES（例如 1000,3）：间隔 1 到 %1 ms，丢失次数 1 到 %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a role: use send or answer</source>
        <translation>“%1”不是角色：请使用 send 或 answer</translation>
    </message>
    <message>
        <source>EOF: the peer closed the connection (FIN, read() returned 0)</source>
        <translation>EOF：对端关闭了连接（FIN，read() 返回 0）</translation>
    </message>
    <message>
        <source>%1: connection died, detected by %2 during %3</source>
        <translation>%1：连接已死，由 %2 在 %3 期间检测到</translation>
    </message>
    <message>
        <source>listen for test connections and report how each one dies</source>
        <translation>监听测试连接，报告每条连接是怎么死的</translation>
    </message>
    <message>
        <source>open a test connection and report how it dies</source>
        <translation>打开一条测试连接，报告它是怎么死的</translation>
    </message>
    <message>
        <source>predict when each kind of peer death is detected</source>
        <translation>预测每种对端失效会在何时被检测到</translation>
    </message>
    <message>
        <source>list TCP sockets with timers and tcp_info (sock_diag)</source>
        <translation>列出 TCP 套接字及其计时器和 tcp_info（sock_diag）</translation>
    </message>
    <message>
        <source>run the virtual lab&apos;s scenarios (lab list, lab run NAME|FILE)</source>
        <translation>运行虚拟实验室的场景（lab list、lab run NAME|FILE）</translation>
    </message>
    <message>
        <source>Usage: halfopen-cli COMMAND [options]
Makes the life and death of TCP connections visible.

Commands:
</source>
        <translation>用法：halfopen-cli COMMAND [选项]
让 TCP 连接的生与死看得见。

命令：
</translation>
    </message>
    <message>
        <source>
Run &apos;halfopen-cli COMMAND --help&apos; for a command&apos;s options.
Exit status: 0 clean end, 1 connection died (errno printed), 2 bad input, 3 could not start.
</source>
        <translation>
运行“halfopen-cli COMMAND --help”查看某个命令的选项。
退出状态：0 正常结束，1 连接已死（会打印 errno），2 输入有误，3 无法启动。
</translation>
    </message>
    <message>
        <source>Listen for test connections, apply the socket options to each, and report every state change, tcp_info sample, heartbeat and error.
Commands on stdin: send [BYTES], close, abort, shutdown-write, options JSON, quit (they apply to every open connection).</source>
        <translation>监听测试连接，对每条连接应用套接字选项，并报告每一次状态变化、tcp_info 采样、心跳和错误。
标准输入上的命令：send [BYTES]、close、abort、shutdown-write、options JSON、quit（作用于每一条打开的连接）。</translation>
    </message>
    <message>
        <source>Address and port to listen on, e.g. 0.0.0.0:5000 or [::1]:5000 (port 0: any free port).</source>
        <translation>监听的地址和端口，例如 0.0.0.0:5000 或 [::1]:5000（端口 0：任意空闲端口）。</translation>
    </message>
    <message>
        <source>Exit when the first connection ends, with its outcome as exit status.</source>
        <translation>第一条连接结束时退出，以它的结果作为退出状态。</translation>
    </message>
    <message>
        <source>serve takes no positional arguments; use --listen ADDR:PORT</source>
        <translation>serve 不接受位置参数；请使用 --listen ADDR:PORT</translation>
    </message>
    <message>
        <source>required: the address and port to listen on (port 1 to 65535)</source>
        <translation>必填：监听的地址和端口（端口 1 到 65535）</translation>
    </message>
    <message>
        <source>%1 s after the first unacknowledged send</source>
        <translation>第一次未被确认的发送之后 %1 s</translation>
    </message>
    <message>
        <source>%1 s after your marker</source>
        <translation>你的标记后 %1 s</translation>
    </message>
    <message>
        <source>%1 s after the fault</source>
        <translation>故障后 %1 s</translation>
    </message>
    <message>
        <source>audit this machine&apos;s connections: process, options, when a dead peer is noticed, risk and fix</source>
        <translation>审计本机的连接：进程、选项、何时察觉对端失效、风险和修复方法</translation>
    </message>
    <message>
        <source>watch one connection of this machine: states, samples and its packets</source>
        <translation>观察本机的一条连接：状态、采样及其数据包</translation>
    </message>
    <message>
        <source>serve the connections&apos; half-open risk as Prometheus metrics (/metrics)</source>
        <translation>把各连接的半开风险作为 Prometheus 指标提供（/metrics）</translation>
    </message>
    <message>
        <source>cut, abort or freeze one real connection and time the application&apos;s reaction</source>
        <translation>切断、中止或冻结一条真实连接，并计时应用的反应</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;: expected serve, connect, predict, sockets, audit, watch, exporter, lab or fault</source>
        <translation>未知命令“%1”：应为 serve、connect、predict、sockets、audit、watch、exporter、lab 或 fault</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> 次/秒</translation>
    </message>
    <message>
        <source>%1 s after the last packet received</source>
        <translation>最后一次收到数据包之后 %1 s</translation>
    </message>
    <message>
        <source>%1 (predicted %2 s, %3 to %4 s)</source>
        <translation>%1（预测 %2 s，范围 %3 到 %4 s）</translation>
    </message>
    <message>
        <source>%1: connection died, detected by %2 during %3, %4</source>
        <translation>%1：连接已死，由 %2 在 %3 期间检测到，%4</translation>
    </message>
    <message>
        <source>The host its events are about: client, server or local.</source>
        <translation>事件所属的主机：client、server 或 local。</translation>
    </message>
    <message>
        <source>must be client, server or local, not &apos;%1&apos;</source>
        <translation>必须是 client、server 或 local，而不是 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>exporter</name>
    <message>
        <source>Serve the half-open risk of every TCP connection of this machine (or of a network namespace) as Prometheus metrics on http://ADDR:PORT/metrics. Each scrape audits the connections: process, own keepalive and TCP_USER_TIMEOUT, predicted detection per kind of peer death, risk. Reads only.</source>
        <translation>把本机（或某个网络命名空间）每一条 TCP 连接的半开风险作为 Prometheus 指标，在 http://ADDR:PORT/metrics 上提供。每次抓取都会审计这些连接：进程、它自己的保活和 TCP_USER_TIMEOUT、按对端失效方式预测的检测时间、风险。只读。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Address and port to serve on: 127.0.0.1:9877, [::]:9877, :9877 (every IPv4 address); port 0 picks a free one.</source>
        <translation>提供服务的地址和端口：127.0.0.1:9877、[::]:9877、:9877（所有 IPv4 地址）；端口 0 表示任选一个空闲端口。</translation>
    </message>
    <message>
        <source>ADDR:PORT</source>
        <translation>ADDR:PORT</translation>
    </message>
    <message>
        <source>Network namespace to watch: /proc/PID/ns/net or /run/netns/NAME (needs CAP_SYS_ADMIN).</source>
        <translation>要观察的网络命名空间：/proc/PID/ns/net 或 /run/netns/NAME（需要 CAP_SYS_ADMIN）。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Only connections whose local or remote port is N (1 to 65535).</source>
        <translation>只包括本端或远端端口为 N 的连接（1 到 65535）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Only connections held by a process with this command name (as ps -o comm shows it).</source>
        <translation>只包括命令名为 NAME 的进程持有的连接（与 ps -o comm 显示的一致）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>At most N connections get series of their own, the riskiest first (0 to %1, default %2); the aggregates count them all.</source>
        <translation>最多 N 条连接拥有自己的序列，风险最高的优先（0 到 %1，默认 %2）；汇总指标计入全部连接。</translation>
    </message>
    <message>
        <source>No per-connection series: counts by state, risk and process only.</source>
        <translation>不输出每条连接的序列：只按状态、风险和进程计数。</translation>
    </message>
    <message>
        <source>Seconds above which noticing a powered-off peer counts as slow (default %1).</source>
        <translation>察觉对端断电超过多少秒算作慢（默认 %1）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>allowed --listen ADDR:PORT, --netns PATH, --port N, --process NAME, --max-series N, --aggregate-only, --risk-threshold S, --help</source>
        <translation>允许 --listen ADDR:PORT、--netns PATH、--port N、--process NAME、--max-series N、--aggregate-only、--risk-threshold S、--help</translation>
    </message>
    <message>
        <source>unknown option: %1</source>
        <translation>未知选项：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;: exporter takes options only (%2)</source>
        <translation>意外的“%1”：exporter 只接受选项（%2）</translation>
    </message>
    <message>
        <source>missing: allowed ADDR:PORT such as 127.0.0.1:9877 or :9877</source>
        <translation>缺少值：允许 ADDR:PORT，例如 127.0.0.1:9877 或 :9877</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range: allowed 1 to 65535</source>
        <translation>“%1”超出范围：允许 1 到 65535</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: allowed a command name of 1 to 15 characters</source>
        <translation>“%1”：允许 1 到 15 个字符的命令名</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range: allowed 0 to %2</source>
        <translation>“%1”超出范围：允许 0 到 %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range: allowed 1 to %2 seconds</source>
        <translation>“%1”超出范围：允许 1 到 %2 秒</translation>
    </message>
    <message>
        <source>empty path: allowed /proc/PID/ns/net or /run/netns/NAME</source>
        <translation>路径为空：允许 /proc/PID/ns/net 或 /run/netns/NAME</translation>
    </message>
    <message>
        <source>the scan works again</source>
        <translation>扫描恢复正常</translation>
    </message>
    <message>
        <source>scan failed: %1</source>
        <translation>扫描失败：%1</translation>
    </message>
    <message>
        <source>halfopen-cli exporter: serving http://%1:%2/metrics (namespace: %3)</source>
        <translation>halfopen-cli exporter：在 http://%1:%2/metrics 提供服务（命名空间：%3）</translation>
    </message>
    <message>
        <source>this process&apos;s</source>
        <translation>本进程所在的</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>无法在 %1 端口 %2 上监听：%3</translation>
    </message>
</context>
<context>
    <name>fault</name>
    <message>
        <source>&apos;%1&apos; is out of range: allowed %2 to %3 seconds</source>
        <translation>“%1”超出范围：允许 %2 到 %3 秒</translation>
    </message>
    <message>
        <source>Break one real TCP connection of this machine and time how the application reacts.
  cut     drop the connection&apos;s packets (nftables, table inet halfopen_PID; needs CAP_NET_ADMIN)
  replug  lift a cut held by a running &apos;fault cut&apos; (all of them without a connection)
  abort   destroy the socket as ss -K does: the application gets ECONNABORTED, the peer an RST
  freeze  SIGSTOP the process holding the connection (SIGCONT when the fault ends)
  thaw    SIGCONT the process
A cut or freeze lasts until --for runs out, Ctrl+C, SIGTERM or replug/thaw, and never
outlives this process: the kernel deletes the table, a guard process thaws.</source>
        <translation>破坏本机的一条真实 TCP 连接，并计时应用如何反应。
  cut     丢弃这条连接的数据包（nftables，表 inet halfopen_PID；需要 CAP_NET_ADMIN）
  replug  解除正在运行的“fault cut”所做的切断（不指定连接时解除全部）
  abort   像 ss -K 那样销毁套接字：应用得到 ECONNABORTED，对端收到 RST
  freeze  对持有连接的进程发送 SIGSTOP（故障结束时发送 SIGCONT）
  thaw    对进程发送 SIGCONT
切断或冻结一直持续到 --for 用完、Ctrl+C、SIGTERM 或 replug/thaw，且绝不会
比本进程活得更久：内核会删除该表，守护进程会解冻。</translation>
    </message>
    <message>
        <source>cut, replug, abort, freeze or thaw</source>
        <translation>cut、replug、abort、freeze 或 thaw</translation>
    </message>
    <message>
        <source>The connection&apos;s addresses as ADDR:PORT (or use --pid).</source>
        <translation>连接的地址，格式为 ADDR:PORT（或使用 --pid）。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>The process whose established connection to break (refused when it has several: name one with LOCAL REMOTE).</source>
        <translation>要破坏其已建立连接的进程（它持有多条连接时拒绝执行：请用 LOCAL REMOTE 指定其中一条）。</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>cut, freeze: lift the fault after SECONDS (0.1 to 86400).</source>
        <translation>cut、freeze：SECONDS 秒后解除故障（0.1 到 86400）。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Keep timing the reaction SECONDS after the fault, also after it is lifted (0 to 86400; abort: default 10).</source>
        <translation>故障后继续计时反应 SECONDS 秒，故障解除后也继续（0 到 86400；abort：默认 10）。</translation>
    </message>
    <message>
        <source>Apply the fault SECONDS after start (0 to 3600): the timed step of a watch.</source>
        <translation>启动后 SECONDS 秒施加故障（0 到 3600）：watch 中定时的一步。</translation>
    </message>
    <message>
        <source>Stop (and lift the fault) as soon as the application has: kernel-gave-up, closed or reconnected.</source>
        <translation>一旦应用出现以下情况就停止（并解除故障）：kernel-gave-up、closed 或 reconnected。</translation>
    </message>
    <message>
        <source>EVENT</source>
        <translation>EVENT</translation>
    </message>
    <message>
        <source>JSON lines: the fault, each reaction, then the verdict.</source>
        <translation>JSON 行：故障、每个反应，然后是结论。</translation>
    </message>
    <message>
        <source>Record the fault, the reactions and the verdict as events (JSONL) that HalfOpen opens.</source>
        <translation>把故障、反应和结论录制为 HalfOpen 能打开的事件（JSONL）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: allowed cut, replug, abort, freeze, thaw</source>
        <translation>“%1”：允许 cut、replug、abort、freeze、thaw</translation>
    </message>
    <message>
        <source>give both addresses as ADDR:PORT (port 1 to 65535), or neither and --pid</source>
        <translation>请以 ADDR:PORT 给出两个地址（端口 1 到 65535），或都不给而使用 --pid</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range: allowed 2 to 4194304</source>
        <translation>“%1”超出范围：允许 2 到 4194304</translation>
    </message>
    <message>
        <source>name the connection: --pid PID, or LOCAL REMOTE as ADDR:PORT</source>
        <translation>请指定连接：--pid PID，或以 ADDR:PORT 给出 LOCAL REMOTE</translation>
    </message>
    <message>
        <source>only cut has a direction</source>
        <translation>只有 cut 有方向</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: allowed both, in, out</source>
        <translation>“%1”：允许 both、in、out</translation>
    </message>
    <message>
        <source>only cut and freeze last: abort is at once, replug and thaw lift</source>
        <translation>只有 cut 和 freeze 会持续：abort 是立即的，replug 和 thaw 用于解除</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: allowed kernel-gave-up, closed, reconnected</source>
        <translation>“%1”：允许 kernel-gave-up、closed、reconnected</translation>
    </message>
    <message>
        <source>empty path: allowed a file name</source>
        <translation>路径为空：允许一个文件名</translation>
    </message>
    <message>
        <source>the kernel gave up on the socket</source>
        <translation>内核放弃了这个套接字</translation>
    </message>
    <message>
        <source>the application closed its socket</source>
        <translation>应用关闭了它的套接字</translation>
    </message>
    <message>
        <source>the process exited</source>
        <translation>进程已退出</translation>
    </message>
    <message>
        <source>the application connected again</source>
        <translation>应用重新建立了连接</translation>
    </message>
    <message>
        <source>the peer closed the connection (FIN)</source>
        <translation>对端关闭了连接（FIN）</translation>
    </message>
    <message>
        <source>no running &apos;halfopen-cli fault cut&apos; holds a cut in this network namespace</source>
        <translation>这个网络命名空间中没有正在运行的“halfopen-cli fault cut”持有切断</translation>
    </message>
    <message>
        <source>thawed %1 (pid %2)</source>
        <translation>已解冻 %1（pid %2）</translation>
    </message>
    <message>
        <source>the connection&apos;s socket options could not be read (%1); predicted with the kernel&apos;s defaults</source>
        <translation>无法读取连接的套接字选项（%1）；按内核的默认值进行预测</translation>
    </message>
    <message>
        <source>%1 of %2 in %3 s</source>
        <translation>%3 s 后对 %2 执行 %1</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>--for ran out</source>
        <translation>--for 已用完</translation>
    </message>
    <message>
        <source>end of the watch</source>
        <translation>观察结束</translation>
    </message>
    <message>
        <source>the process was thawed from outside</source>
        <translation>进程被外部解冻</translation>
    </message>
    <message>
        <source>cut %1, %2 (nftables table inet %3)</source>
        <translation>已切断 %1，%2（nftables 表 inet %3）</translation>
    </message>
    <message>
        <source>both directions</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>incoming packets only</source>
        <translation>仅入向数据包</translation>
    </message>
    <message>
        <source>outgoing packets only</source>
        <translation>仅出向数据包</translation>
    </message>
    <message>
        <source>aborted %1 (SOCK_DESTROY: ECONNABORTED for the application, RST to the peer)</source>
        <translation>已中止 %1（SOCK_DESTROY：应用得到 ECONNABORTED，对端收到 RST）</translation>
    </message>
    <message>
        <source>froze %1 (SIGSTOP)</source>
        <translation>已冻结 %1（SIGSTOP）</translation>
    </message>
    <message>
        <source>predicted: the kernel gives up %1 s after the cut (%2)</source>
        <translation>预测：内核在切断后 %1 s 放弃（%2）</translation>
    </message>
    <message>
        <source>predicted: the kernel never gives up on this idle connection (no keepalive, no TCP_USER_TIMEOUT)</source>
        <translation>预测：内核永远不会放弃这条空闲连接（没有保活，没有 TCP_USER_TIMEOUT）</translation>
    </message>
    <message>
        <source>predicted: once the application sends, its retransmissions give up %1 s after that send</source>
        <translation>预测：一旦应用发送数据，它的重传会在那次发送之后 %1 s 放弃</translation>
    </message>
    <message>
        <source>replug requested</source>
        <translation>已请求插回网线</translation>
    </message>
    <message>
        <source>replugged (%1)</source>
        <translation>已插回网线（%1）</translation>
    </message>
    <message>
        <source>thawed (%1)</source>
        <translation>已解冻（%1）</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>freeze: no visible process holds %1 -&gt; %2 (another user&apos;s processes are visible to root or with CAP_SYS_PTRACE only)</source>
        <translation>freeze：没有可见的进程持有 %1 -&gt; %2（其他用户的进程只有 root 或拥有 CAP_SYS_PTRACE 时才可见）</translation>
    </message>
    <message>
        <source>refusing to break halfopen-cli&apos;s own connection</source>
        <translation>拒绝破坏 halfopen-cli 自己的连接</translation>
    </message>
    <message>
        <source>cut: both (default), in (what the connection receives) or out (what it sends). What it sends vanishes as on a pulled cable (nftables queue verdict: nft_queue, or NFQUEUE through nft_compat); on a kernel with neither it is dropped in a way this machine&apos;s TCP notices.</source>
        <translation>cut：both（默认）、in（连接接收的）或 out（连接发送的）。发送的数据包像拔掉网线一样无声消失（nftables 的 queue 判决：nft_queue，或经 nft_compat 的 NFQUEUE）；内核两者都没有时，丢弃方式会被本机的 TCP 察觉。</translation>
    </message>
    <message>
        <source>note: this kernel has neither nft_queue nor nft_compat&apos;s NFQUEUE target, so what this machine sends is dropped in a way its TCP notices: unsent data waits under the probe timer instead of being retransmitted; --direction in times this side as a pulled cable</source>
        <translation>注意：此内核既没有 nft_queue，也没有 nft_compat 的 NFQUEUE 目标，因此本机发送的数据包被丢弃的方式会被其 TCP 察觉：未发送的数据在探测定时器下等待，而不是被重传；--direction in 可以像拔掉网线一样为本端计时</translation>
    </message>
</context>
<context>
    <name>halfopen::control::LabSessionController</name>
    <message>
        <source>The virtual lab failed: %1</source>
        <translation>虚拟实验室出错：%1</translation>
    </message>
    <message>
        <source>The lab could not do that: %1</source>
        <translation>实验室无法执行该操作：%1</translation>
    </message>
    <message>
        <source>Free lab session</source>
        <translation>自由实验</translation>
    </message>
    <message>
        <source>The lab runs with your settings and nothing happens on its own: press a fault (Power off, Unplug, Kill process…) and watch when and how each side notices.</source>
        <translation>实验室按你的设置运行，不会自动发生任何事：按下一个故障（断电、拔网线、杀死进程…），观察两端何时、如何察觉。</translation>
    </message>
    <message>
        <source>Stop the running session before opening a recording.</source>
        <translation>请先停止正在运行的会话，再打开录制文件。</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>录制 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The %1&apos;s kernel refused some socket options: %2</source>
        <translation>%1 的内核拒绝了部分套接字选项：%2</translation>
    </message>
    <message>
        <source>Real network: %1</source>
        <translation>真实网络：%1</translation>
    </message>
    <message>
        <source>Not possible on the real network: %1</source>
        <translation>在真实网络上无法执行：%1</translation>
    </message>
    <message>
        <source>Real network: this machine connects to %1</source>
        <translation>真实网络：本机连接到 %1</translation>
    </message>
    <message>
        <source>Real network: this machine listens on %1</source>
        <translation>真实网络：本机在 %1 上监听</translation>
    </message>
    <message>
        <source>This machine&apos;s side runs with your settings; the peer is the real machine or device. Pull the cable (or switch the peer off) and press &quot;I pulled the cable now&quot; (Space) at that moment: detection is measured from your marker.</source>
        <translation>本机这一端按你的设置运行；对端是真实的机器或设备。拔掉网线（或关掉对端），并在那一刻按下“我刚拔了网线”（空格键）：察觉时间从你的标记开始计算。</translation>
    </message>
    <message>
        <source>No packets on the timeline: %1</source>
        <translation>时间线上没有数据包：%1</translation>
    </message>
    <message>
        <source>Recording %1: %2</source>
        <translation>录制文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>halfopen::core::JsonlRecorder</name>
    <message>
        <source>cannot write recording &apos;%1&apos;: %2</source>
        <translation>无法写入录制文件“%1”：%2</translation>
    </message>
</context>
<context>
    <name>halfopen::core::TestClient</name>
    <message>
        <source>cannot create a socket: %1</source>
        <translation>无法创建套接字：%1</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
</context>
<context>
    <name>halfopen::core::TestConnection</name>
    <message>
        <source>read() returned 0: the peer closed its side (FIN)</source>
        <translation>read() 返回 0：对端关闭了它的一侧（FIN）</translation>
    </message>
</context>
<context>
    <name>halfopen::core::TestServer</name>
    <message>
        <source>%1: %2</source>
        <comment>what failed, errno</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>cannot create a socket for %1</source>
        <translation>无法为 %1 创建套接字</translation>
    </message>
    <message>
        <source>cannot listen on %1</source>
        <translation>无法监听 %1</translation>
    </message>
</context>
<context>
    <name>halfopen::hostfault</name>
    <message>
        <source>--pid: %1 is not a process HalfOpen may signal</source>
        <translation>--pid：%1 不是 HalfOpen 可以发送信号的进程</translation>
    </message>
    <message>
        <source>%1: no process %2</source>
        <translation>%1：没有进程 %2</translation>
    </message>
    <message>
        <source>%1: %2 of process %3 needs the same user as the process, or CAP_KILL (run as root)</source>
        <translation>%1：对进程 %3 %2 需要与该进程相同的用户，或 CAP_KILL（以 root 运行）</translation>
    </message>
    <message>
        <source>%1: %2 of process %3</source>
        <translation>%1：对进程 %3 %2</translation>
    </message>
    <message>
        <source>freezing (SIGSTOP)</source>
        <translation>冻结（SIGSTOP）</translation>
    </message>
    <message>
        <source>thawing (SIGCONT)</source>
        <translation>解冻（SIGCONT）</translation>
    </message>
    <message>
        <source>the cut</source>
        <translation>切断</translation>
    </message>
    <message>
        <source>the abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>the freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>SOCK_DESTROY</source>
        <translation>SOCK_DESTROY</translation>
    </message>
    <message>
        <source>zero-window probes: the peer&apos;s receive window was full</source>
        <translation>零窗口探测：对端的接收窗口已满</translation>
    </message>
    <message>
        <source>probe timer: the kernel knew its sends were dropped on this machine and gave up after tcp_retries2 probes</source>
        <translation>探测计时器：内核知道它的发送在本机被丢弃，在 tcp_retries2 次探测后放弃</translation>
    </message>
    <message>
        <source>sock_diag: %1</source>
        <translation>sock_diag：%1</translation>
    </message>
    <message>
        <source>aborting a connection with SOCK_DESTROY</source>
        <translation>用 SOCK_DESTROY 中止连接</translation>
    </message>
    <message>
        <source>%1: this kernel cannot destroy sockets from outside (it was built without CONFIG_INET_DIAG_DESTROY)</source>
        <translation>%1：这个内核无法从外部销毁套接字（编译时未启用 CONFIG_INET_DIAG_DESTROY）</translation>
    </message>
    <message>
        <source>%1: the connection %2 -&gt; %3 is gone</source>
        <translation>%1：连接 %2 -&gt; %3 已消失</translation>
    </message>
    <message>
        <source>SOCK_DESTROY: %1</source>
        <translation>SOCK_DESTROY：%1</translation>
    </message>
    <message>
        <source>name the connection: --pid PID, or LOCAL REMOTE as ADDR:PORT</source>
        <translation>请指定连接：--pid PID，或以 ADDR:PORT 给出 LOCAL REMOTE</translation>
    </message>
    <message>
        <source>no TCP connection %1 -&gt; %2 in this network namespace</source>
        <translation>这个网络命名空间中没有 TCP 连接 %1 -&gt; %2</translation>
    </message>
    <message>
        <source>the connection %1 -&gt; %2 is %3, not ESTABLISHED</source>
        <translation>连接 %1 -&gt; %2 处于 %3，不是 ESTABLISHED</translation>
    </message>
    <message>
        <source>--pid: cannot read /proc/%1/fd: %2 (a process of another user needs root or CAP_SYS_PTRACE)</source>
        <translation>--pid：无法读取 /proc/%1/fd：%2（其他用户的进程需要 root 或 CAP_SYS_PTRACE）</translation>
    </message>
    <message>
        <source>--pid: no process %1</source>
        <translation>--pid：没有进程 %1</translation>
    </message>
    <message>
        <source>--pid: process %1 is in another network namespace; run halfopen-cli inside it (nsenter -t %1 -n, or ip netns exec NAME)</source>
        <translation>--pid：进程 %1 在另一个网络命名空间中；请在其中运行 halfopen-cli（nsenter -t %1 -n，或 ip netns exec NAME）</translation>
    </message>
    <message>
        <source>--pid: %1 (pid %2) holds no established TCP connection in this network namespace</source>
        <translation>--pid：%1（pid %2）在这个网络命名空间中没有持有已建立的 TCP 连接</translation>
    </message>
    <message>
        <source>--pid: %1 (pid %2) holds %3 established TCP connections; name one with LOCAL REMOTE</source>
        <translation>--pid：%1（pid %2）持有 %3 条已建立的 TCP 连接；请用 LOCAL REMOTE 指定其中一条</translation>
    </message>
</context>
<context>
    <name>halfopen::hostfault::NftCut</name>
    <message>
        <source>cutting a connection with nftables</source>
        <translation>用 nftables 切断连接</translation>
    </message>
    <message>
        <source>nftables: could not create a context (libnftables)</source>
        <translation>nftables：无法创建上下文（libnftables）</translation>
    </message>
    <message>
        <source>nftables refused: %1 (%2)</source>
        <translation>nftables 拒绝：%1（%2）</translation>
    </message>
    <message>
        <source>nftables refused: %1</source>
        <translation>nftables 拒绝：%1</translation>
    </message>
    <message>
        <source>cut: local and remote must both be IPv4 or both IPv6 addresses with ports</source>
        <translation>cut：本端和对端必须都是带端口的 IPv4 地址，或都是带端口的 IPv6 地址</translation>
    </message>
    <message>
        <source>replug: %1 -&gt; %2 is not cut</source>
        <translation>replug：%1 -&gt; %2 没有被切断</translation>
    </message>
    <message>
        <source>nftables refused: %1 (NFQUEUE through nft_compat)</source>
        <translation>nftables 拒绝：%1（经 nft_compat 的 NFQUEUE）</translation>
    </message>
</context>
<context>
    <name>halfopen::hostfault::ReactionVerdict</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1（pid %2）</translation>
    </message>
    <message>
        <source>, predicted %1 s</source>
        <translation>，预测 %1 s</translation>
    </message>
    <message>
        <source>, predicted %1 s after the first unacknowledged send</source>
        <translation>，预测为第一次未被确认的发送之后 %1 s</translation>
    </message>
    <message>
        <source>the kernel gave up %1 s after %2 (%3%4)</source>
        <translation>内核在%2后 %1 s 放弃（%3%4）</translation>
    </message>
    <message>
        <source>the kernel had not given up %1 s after %2 (predicted %3 s)</source>
        <translation>%2后 %1 s 内核仍未放弃（预测 %3 s）</translation>
    </message>
    <message>
        <source>the kernel had not given up %1 s after %2 (predicted: never)</source>
        <translation>%2后 %1 s 内核仍未放弃（预测：永不）</translation>
    </message>
    <message>
        <source>the peer closed the connection %1 s after %2</source>
        <translation>%2后 %1 s 对端关闭了连接</translation>
    </message>
    <message>
        <source>the process exited</source>
        <translation>进程已退出</translation>
    </message>
    <message>
        <source>the application closed its socket</source>
        <translation>应用关闭了它的套接字</translation>
    </message>
    <message>
        <source>%1 %2 s later</source>
        <translation>%2 s 后%1</translation>
    </message>
    <message>
        <source>%1 %2 s after %3, before the kernel gave up%4,</source>
        <translation>%3后 %2 s，%1，此时内核尚未放弃%4</translation>
    </message>
    <message>
        <source> (predicted %1 s)</source>
        <translation>（预测 %1 s）</translation>
    </message>
    <message>
        <source>%1 %2 s after %3</source>
        <translation>%3后 %2 s，%1</translation>
    </message>
    <message>
        <source> and reconnected %1 s after that</source>
        <translation>，之后 %1 s 重新连接</translation>
    </message>
    <message>
        <source>it opened a new connection to %1 %2 s after %3</source>
        <translation>%3后 %2 s，它打开了一条到 %1 的新连接</translation>
    </message>
    <message>
        <source> and had not reconnected %1 s after %2</source>
        <translation>，%2后 %1 s 仍未重新连接</translation>
    </message>
    <message>
        <source>after %1 s it still holds an ESTABLISHED socket to a dead peer</source>
        <translation>%1 s 后它仍然持有一个连向失效对端的 ESTABLISHED 套接字</translation>
    </message>
    <message>
        <source>nothing changed in %1 s after %2</source>
        <translation>%2后 %1 s 内没有任何变化</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>halfopen::hostfault::RealConnectionFaults</name>
    <message>
        <source>both directions</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>only what it receives</source>
        <translation>仅它接收的</translation>
    </message>
    <message>
        <source>only what it sends</source>
        <translation>仅它发送的</translation>
    </message>
    <message>
        <source>Cut every packet of %1, %2?

This machine silently drops exactly this connection&apos;s packets (nftables table inet %3, which holds nothing else); other connections, even to the same peer, are not touched. Replug lifts it; leaving the connections mode or closing HalfOpen lifts it too, and the kernel deletes the table if HalfOpen crashes.</source>
        <translation>切断 %1 的所有数据包（%2）？

本机会悄无声息地丢弃且只丢弃这条连接的数据包（nftables 表 inet %3，其中没有别的规则）；其他连接，即使连向同一个对端，也不受影响。“插回网线”会解除它；离开连接模式或关闭 HalfOpen 也会解除，而如果 HalfOpen 崩溃，内核会删除该表。</translation>
    </message>
    <message>
        <source>Abort %1?

The kernel destroys the socket (SOCK_DESTROY, as ss -K does): the application gets ECONNABORTED and the peer an RST. This cannot be undone: the application has to connect again.</source>
        <translation>中止 %1？

内核会销毁这个套接字（SOCK_DESTROY，与 ss -K 相同）：应用得到 ECONNABORTED，对端收到 RST。此操作无法撤销：应用必须重新连接。</translation>
    </message>
    <message>
        <source>Freeze %1 (pid %2) with SIGSTOP?

The whole process stops, every connection of it: its kernel still answers the peer&apos;s keepalive, as for a deadlocked program. Thaw (SIGCONT) lifts it; leaving the connections mode or closing HalfOpen thaws it too, even after a crash.</source>
        <translation>用 SIGSTOP 冻结 %1（pid %2）？

整个进程连同它的每一条连接都会停住：它的内核仍会应答对端的保活，就像程序死锁时一样。“解冻”（SIGCONT）会解除它；离开连接模式或关闭 HalfOpen 也会解冻，即使发生崩溃也是如此。</translation>
    </message>
    <message>
        <source>the process</source>
        <translation>该进程</translation>
    </message>
    <message>
        <source>freeze: %1 is not a process HalfOpen may stop</source>
        <translation>freeze：%1 不是 HalfOpen 可以停止的进程</translation>
    </message>
    <message>
        <source>no active fault %1</source>
        <translation>没有生效中的故障 %1</translation>
    </message>
</context>
<context>
    <name>halfopen::hostfault::TargetConnection</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1（pid %2）</translation>
    </message>
    <message>
        <source>process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>no visible process</source>
        <translation>没有可见的进程</translation>
    </message>
    <message>
        <source>%1 %2 -&gt; %3</source>
        <translation>%1 %2 -&gt; %3</translation>
    </message>
</context>
<context>
    <name>halfopen::hostfault::ThawGuard</name>
    <message>
        <source>thaw guard: %1</source>
        <translation>解冻守护进程：%1</translation>
    </message>
</context>
<context>
    <name>halfopen::lab::LabHost</name>
    <message>
        <source>cannot start the test endpoint %1 on %2: %3</source>
        <translation>无法在 %2 上启动测试端点 %1：%3</translation>
    </message>
</context>
<context>
    <name>halfopen::lab::LabProcess</name>
    <message>
        <source>cannot start the lab supervisor %1: %2</source>
        <translation>无法启动实验室管理进程 %1：%2</translation>
    </message>
    <message>
        <source>the lab supervisor ended before the lab was ready: %1</source>
        <translation>实验室就绪之前实验室管理进程就结束了：%1</translation>
    </message>
</context>
<context>
    <name>halfopen::lab::PcapWriter</name>
    <message>
        <source>cannot start libpcap</source>
        <translation>无法启动 libpcap</translation>
    </message>
    <message>
        <source>cannot create the capture file</source>
        <translation>无法创建抓包文件</translation>
    </message>
    <message>
        <source>the capture file is not open</source>
        <translation>抓包文件未打开</translation>
    </message>
    <message>
        <source>cannot write to the capture file</source>
        <translation>无法写入抓包文件</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <extracomment>%1 what failed, %2 the file, %3 the error, e.g. &quot;ENOSPC (No space left on device)&quot;</extracomment>
        <translation>%1 %2：%3</translation>
    </message>
</context>
<context>
    <name>halfopen::lab::ScenarioRunner</name>
    <message>
        <source>the lab was not ready after %1 s</source>
        <translation>%1 s 后实验室仍未就绪</translation>
    </message>
    <message>
        <source>the lab stopped before the scenario ended</source>
        <translation>场景结束之前实验室就停止了</translation>
    </message>
</context>
<context>
    <name>halfopen::lab::Supervisor</name>
    <message>
        <source>fault %1: host must be client or server</source>
        <translation>故障 %1：host 必须是 client 或 server</translation>
    </message>
    <message>
        <source>start: the lab is already running; stop it first</source>
        <translation>start：实验室已在运行；请先停止它</translation>
    </message>
    <message>
        <source>the test endpoint %1 is missing or not executable: the lab runs HalfOpen&apos;s own endpoint, installed beside the supervisor</source>
        <translation>测试端点 %1 不存在或不可执行：实验室运行 HalfOpen 自己的端点，它安装在 supervisor 旁边</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the capture keeps the last %1 MB: %2 older frames were dropped</source>
        <translation>抓包只保留最后 %1 MB：丢弃了 %2 个较早的帧</translation>
    </message>
    <message>
        <source>options: the lab has not started</source>
        <translation>options：实验室尚未启动</translation>
    </message>
</context>
<context>
    <name>halfopen::models::AuditTableModel</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>on (timers unknown)</source>
        <translation>开启（计时器未知）</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永远不会</translation>
    </message>
    <message>
        <source>the socket</source>
        <translation>套接字本身</translation>
    </message>
    <message>
        <source>its timer</source>
        <translation>它的计时器</translation>
    </message>
    <message>
        <source>Set these options on the socket (setsockopt) in the program: %1</source>
        <translation>在程序中对套接字设置这些选项（setsockopt）：%1</translation>
    </message>
    <message>
        <source>not visible</source>
        <translation>不可见</translation>
    </message>
    <message>
        <source>SO_KEEPALIVE and its timers on this socket: TCP_KEEPIDLE / TCP_KEEPINTVL (s) / TCP_KEEPCNT</source>
        <translation>此套接字上的 SO_KEEPALIVE 及其计时器：TCP_KEEPIDLE / TCP_KEEPINTVL（s）/ TCP_KEEPCNT</translation>
    </message>
    <message>
        <source>TCP_USER_TIMEOUT on this socket</source>
        <translation>此套接字上的 TCP_USER_TIMEOUT</translation>
    </message>
    <message>
        <source>Where the options come from: the socket itself (pidfd_getfd), or only its timer as sock_diag shows it (no right to read the socket)</source>
        <translation>选项从哪里来：套接字本身（pidfd_getfd），或者只有 sock_diag 显示的它的计时器（没有读取该套接字的权限）</translation>
    </message>
    <message>
        <source>When an idle connection would notice that its peer lost power, after the last packet received (the predictor&apos;s answer with this socket&apos;s options and this namespace&apos;s sysctls)</source>
        <translation>空闲连接会在何时察觉对端断电，从最后一次收到数据包算起（预测器根据这个套接字的选项和这个命名空间的 sysctl 给出的答案）</translation>
    </message>
    <message>
        <source>half-open forever: never notices a powered-off peer; slow: later than the threshold; ok</source>
        <translation>会永远处于半开状态：永远察觉不到对端断电；察觉太慢：晚于阈值；否则为正常</translation>
    </message>
    <message>
        <source>The socket options that would bring it under the threshold, and the time they give</source>
        <translation>能让它低于阈值的套接字选项，以及它们带来的时间</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本端</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Keepalive</source>
        <translation>保活</translation>
    </message>
    <message>
        <source>User timeout</source>
        <translation>用户超时</translation>
    </message>
    <message>
        <source>Options from</source>
        <translation>选项来源</translation>
    </message>
    <message>
        <source>Noticed after</source>
        <translation>察觉用时</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
</context>
<context>
    <name>halfopen::realnet::ConnectionCapture</name>
    <message>
        <source>no packet capture: the capture helper %1 has no capability; it needs cap_net_raw (the Debian package grants it to the group halfopen-capture when installed: sudo dpkg-reconfigure halfopen; by hand, as root: setcap cap_net_raw=ep %1)</source>
        <translation>不抓包：抓包助手 %1 没有任何能力（capability）；它需要 cap_net_raw（Debian 软件包安装时把它授予 halfopen-capture 组：sudo dpkg-reconfigure halfopen；手动设置，以 root 身份：setcap cap_net_raw=ep %1）</translation>
    </message>
    <message>
        <source>no packet capture: the capture helper %1 has cap_net_raw, but did not get it when it ran (a file system mounted nosuid, or a sandbox that sets no_new_privs)</source>
        <translation>不抓包：抓包助手 %1 带有 cap_net_raw，但运行时没有得到它（文件系统以 nosuid 挂载，或沙箱设置了 no_new_privs）</translation>
    </message>
    <message>
        <source>no packet capture: the connection belongs to another user, and watching another user&apos;s connection needs root (the helper said: %1)</source>
        <translation>不抓包：该连接属于另一个用户，观察其他用户的连接需要 root（助手的说明：%1）</translation>
    </message>
    <message>
        <source>no packet capture (%1 exited %2): %3</source>
        <translation>不抓包（%1 以 %2 退出）：%3</translation>
    </message>
    <message>
        <source>no packet capture: the capture helper %1 is missing (reinstall halfopen)</source>
        <translation>不抓包：抓包助手 %1 不存在（请重新安装 halfopen）</translation>
    </message>
    <message>
        <source>no packet capture: you were added to the group %1, whose members may capture with %2, but this session started before: log out and in again</source>
        <translation>不抓包：你已被加入 %1 组（其成员可用 %2 抓包），但当前会话是在此之前开始的：请注销后重新登录</translation>
    </message>
    <message>
        <source>no packet capture: only members of the group %1 may capture packets with %2: as root, adduser %3 %1, then log out and in again</source>
        <translation>不抓包：只有 %1 组的成员才能用 %2 抓包：以 root 身份执行 adduser %3 %1，然后注销并重新登录</translation>
    </message>
    <message>
        <source>YOUR-USER</source>
        <translation>你的用户名</translation>
    </message>
    <message>
        <source>no packet capture: cannot start %1: %2</source>
        <translation>不抓包：无法启动 %1：%2</translation>
    </message>
</context>
<context>
    <name>halfopen::realnet::RealNetworkDriver</name>
    <message>
        <source>cannot start the test endpoint %1: %2</source>
        <translation>无法启动测试端点 %1：%2</translation>
    </message>
    <message>
        <source>cannot watch this machine&apos;s sockets (sock_diag): %1</source>
        <translation>无法观察本机的套接字（sock_diag）：%1</translation>
    </message>
    <message>
        <source>%1: only this machine&apos;s side (%2) is ours to act on; the peer is another machine</source>
        <translation>%1：只能对本机这一端（%2）操作；对端是另一台机器</translation>
    </message>
    <message>
        <source>%1 is done to the virtual lab&apos;s cable or hosts; on a real network do it to the real cable or machine, then press &quot;I pulled the cable now&quot;</source>
        <translation>%1 是对虚拟实验室的网线或主机做的操作；在真实网络上，请对真实的网线或机器动手，然后按“我刚拔了网线”</translation>
    </message>
    <message>
        <source>%1: this machine&apos;s test endpoint has ended</source>
        <translation>%1：本机的测试端点已结束</translation>
    </message>
    <message>
        <source>options: this machine&apos;s test endpoint has ended</source>
        <translation>options：本机的测试端点已结束</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field, problem</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::CableSettingsPanel</name>
    <message>
        <source>Cable</source>
        <translation>网线</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of frames the cable drops at random, both ways.</source>
        <translation>网线随机丢弃的帧所占的比例，两个方向都算。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>One-way delay added to every frame. The round trip is twice this.</source>
        <translation>给每一帧增加的单向延迟。往返延迟是它的两倍。</translation>
    </message>
    <message>
        <source>Random variation added to the delay.</source>
        <translation>在延迟上叠加的随机抖动。</translation>
    </message>
    <message>
        <source>Real ARP</source>
        <translation>真实 ARP</translation>
    </message>
    <message>
        <source>On: the hosts resolve each other&apos;s address with ARP, so a powered-off host makes connect() fail with EHOSTUNREACH after about 3 s. Off: fixed neighbour entries, the textbook case where only TCP&apos;s own timers notice.</source>
        <translation>开：两台主机通过 ARP 解析对方地址，因此连接一台断电的主机时，connect() 约 3 s 后以 EHOSTUNREACH 失败。关：使用固定的邻居表项，这是教科书上只有 TCP 自身计时器能察觉的情形。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A NAT router on the cable forgets a connection that stayed idle this long; later frames of it are dropped. 0: no NAT.</source>
        <translation>网线上的 NAT 路由器会忘记空闲超过这么久的连接；之后这条连接的帧会被丢弃。0：没有 NAT。</translation>
    </message>
    <message>
        <source>no NAT</source>
        <translation>无 NAT</translation>
    </message>
    <message>
        <source>NAT answers forgotten flows with RST</source>
        <translation>NAT 对已忘记的流回以 RST</translation>
    </message>
    <message>
        <source>Instead of dropping the frames of a forgotten connection, the NAT answers them with an RST, as some firewalls do.</source>
        <translation>NAT 不再丢弃已忘记连接的帧，而是回以 RST，就像某些防火墙那样。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>丢包</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>抖动</translation>
    </message>
    <message>
        <source>NAT idle timeout</source>
        <translation>NAT 空闲超时</translation>
    </message>
    <message>
        <source>Loss, delay and the NAT change on the running cable at once.</source>
        <translation>丢包、延迟和 NAT 会立即在运行中的网线上生效。</translation>
    </message>
    <message>
        <source>ARP applies at the next Start: the hosts keep their neighbour entries.</source>
        <translation>ARP 在下次开始时生效：主机保留现有的邻居表项。</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::ConnectionFaultBar</name>
    <message>
        <source>both directions</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>incoming only</source>
        <translation>仅入向</translation>
    </message>
    <message>
        <source>outgoing only</source>
        <translation>仅出向</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>切断</translation>
    </message>
    <message>
        <source>Drop this connection&apos;s packets on this machine (nftables), until Replug.</source>
        <translation>在本机丢弃这条连接的数据包（nftables），直到“插回网线”。</translation>
    </message>
    <message>
        <source>Replug</source>
        <translation>插回网线</translation>
    </message>
    <message>
        <source>Abort (RST)</source>
        <translation>中止（RST）</translation>
    </message>
    <message>
        <source>Destroy the socket (SOCK_DESTROY): the application gets ECONNABORTED, the peer an RST.</source>
        <translation>销毁套接字（SOCK_DESTROY）：应用得到 ECONNABORTED，对端收到 RST。</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Stop the process holding it (SIGSTOP), until Thaw.</source>
        <translation>停止持有它的进程（SIGSTOP），直到“解冻”。</translation>
    </message>
    <message>
        <source>Thaw</source>
        <translation>解冻</translation>
    </message>
    <message>
        <source>Test the reaction of:</source>
        <translation>测试以下对象的反应：</translation>
    </message>
    <message>
        <source>(only an established connection held by a visible process)</source>
        <translation>（仅限可见进程持有的已建立连接）</translation>
    </message>
    <message>
        <source>(select a connection)</source>
        <translation>（请选择一条连接）</translation>
    </message>
    <message>
        <source>Cut this connection?</source>
        <translation>切断这条连接？</translation>
    </message>
    <message>
        <source>Abort this connection?</source>
        <translation>中止这条连接？</translation>
    </message>
    <message>
        <source>Freeze this process?</source>
        <translation>冻结这个进程？</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 被拒绝：%2</translation>
    </message>
    <message>
        <source>CUT: %1, %2. Replug (its row selected) or Lift all faults lifts it; so does leaving this mode or closing HalfOpen.</source>
        <translation>已切断：%1，%2。“插回网线”（选中它所在的行）或“解除所有故障”会解除它；离开此模式或关闭 HalfOpen 也会解除。</translation>
    </message>
    <message>
        <source>FROZEN (SIGSTOP): %1 (pid %2). Thaw (one of its rows selected) or Lift all faults lifts it; so does leaving this mode or closing HalfOpen.</source>
        <translation>已冻结（SIGSTOP）：%1（pid %2）。“解冻”（选中它的某一行）或“解除所有故障”会解除它；离开此模式或关闭 HalfOpen 也会解除。</translation>
    </message>
    <message>
        <source>Reaction so far: %1</source>
        <translation>目前的反应：%1</translation>
    </message>
    <message>
        <source>Lift the cut of this connection.</source>
        <translation>解除此连接的切断。</translation>
    </message>
    <message>
        <source>Continue the process holding this connection (SIGCONT).</source>
        <translation>让持有此连接的进程继续运行（SIGCONT）。</translation>
    </message>
    <message>
        <source>Lift all faults</source>
        <translation>解除所有故障</translation>
    </message>
    <message>
        <source>Replug every cut and thaw every process frozen here, whichever connection they were made on.</source>
        <translation>插回此处的每一处切断并解冻每个被冻结的进程，无论它们作用于哪个连接。</translation>
    </message>
    <message>
        <source>cut (%1) since %2</source>
        <comment>a row&apos;s marker: direction, wall-clock time</comment>
        <translation>自 %2 起切断（%1）</translation>
    </message>
    <message>
        <source>process frozen (SIGSTOP) since %1</source>
        <comment>a row&apos;s marker: wall-clock time</comment>
        <translation>进程自 %1 起被冻结（SIGSTOP）</translation>
    </message>
    <message>
        <source>Which packets of the connection the cut drops, silently as a pulled cable. On a kernel with neither nft_queue nor nft_compat&apos;s NFQUEUE, outgoing drops are known to this machine&apos;s TCP (the CLI says so): choose incoming only to time this side faithfully.</source>
        <translation>切断时丢弃该连接的哪些数据包，像拔掉网线一样无声无息。若内核既没有 nft_queue 也没有 nft_compat 的 NFQUEUE，本机的 TCP 会察觉出向的丢弃（命令行会说明）：选择“仅入向”可如实为本端计时。</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::ConnectionWatchWindow</name>
    <message>
        <source>Watching %1 → %2</source>
        <translation>正在观察 %1 → %2</translation>
    </message>
    <message>
        <source>Starting the watch…</source>
        <translation>正在开始观察…</translation>
    </message>
    <message>
        <source>Watching %1 → %2: states, samples and packets as they happen.</source>
        <translation>正在观察 %1 → %2：状态、采样和数据包实时显示。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>The connection is gone: the watch ended.</source>
        <translation>连接已消失：观察结束。</translation>
    </message>
    <message>
        <source>The watch stopped (exit status %1).</source>
        <translation>观察已停止（退出状态 %1）。</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::ConnectionsAuditView</name>
    <message>
        <source>Reading this machine&apos;s connections…</source>
        <translation>正在读取本机的连接…</translation>
    </message>
    <message>
        <source>Filter: process, pid, port, address or risk</source>
        <translation>筛选：进程、pid、端口、地址或风险</translation>
    </message>
    <message>
        <source>Every connection</source>
        <translation>所有连接</translation>
    </message>
    <message>
        <source>Slow or half-open forever</source>
        <translation>察觉太慢或永远半开</translation>
    </message>
    <message>
        <source>Half-open forever only</source>
        <translation>仅永远半开</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Noticing a powered-off peer later than this counts as slow.</source>
        <translation>察觉对端断电晚于此时间即算作慢。</translation>
    </message>
    <message>
        <source>this machine (or /proc/PID/ns/net, /run/netns/NAME)</source>
        <translation>本机（或 /proc/PID/ns/net、/run/netns/NAME）</translation>
    </message>
    <message>
        <source>The network namespace to audit, e.g. a container&apos;s: /proc/PID/ns/net or /run/netns/NAME. Entering another namespace needs root.</source>
        <translation>要审计的网络命名空间，例如某个容器的：/proc/PID/ns/net 或 /run/netns/NAME。进入另一个命名空间需要 root。</translation>
    </message>
    <message>
        <source>Slow above</source>
        <translation>慢于</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Select a connection to see when it would notice each kind of peer death.</source>
        <translation>选择一条连接，查看它会在何时察觉每一种对端失效。</translation>
    </message>
    <message>
        <source>Double-click a connection to watch it live: states, samples and its packets.</source>
        <translation>双击一条连接可实时观察它：状态、采样及其数据包。</translation>
    </message>
    <message>
        <source>Cannot audit: %1</source>
        <translation>无法审计：%1</translation>
    </message>
    <message>
        <source>Options read from the socket for %1 of %2 connections; scanned in %3 ms.</source>
        <translation>%2 条连接中有 %1 条的选项读自套接字；扫描用时 %3 ms。</translation>
    </message>
    <message>
        <source>The others&apos; options are deduced from their timer: reading another user&apos;s socket needs root or CAP_SYS_PTRACE (see a row&apos;s tooltip for why).</source>
        <translation>其余连接的选项是根据它们的计时器推断的：读取其他用户的套接字需要 root 或 CAP_SYS_PTRACE（原因见各行的工具提示）。</translation>
    </message>
    <message>
        <source>The application&apos;s own keepalive (MQTT Keep Alive, AMQP heartbeat): the audit cannot read it from the socket. Give the real value to see when the application notices a dead peer.</source>
        <translation>应用自身的保活（MQTT Keep Alive、AMQP 心跳）：审计无法从套接字读出它。给出真实值，就能看到应用何时察觉对端失效。</translation>
    </message>
    <message>
        <source>Keepalive of the %1, if you know it:</source>
        <comment>application protocol, e.g. &apos;MQTT client&apos;</comment>
        <translation>%1的保活（如果你知道）：</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::EventLogDock</name>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Filter events (any text: client, fault, ETIMEDOUT…)</source>
        <translation>过滤事件（任意文本：client、fault、ETIMEDOUT…）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>复制为 JSON</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::EventLogModel</name>
    <message>
        <source>Time (s)</source>
        <comment>event log column: seconds since time zero</comment>
        <translation>时间（s）</translation>
    </message>
    <message>
        <source>Host</source>
        <comment>event log column: lab host name</comment>
        <translation>主机</translation>
    </message>
    <message>
        <source>Kind</source>
        <comment>event log column: state, sample, packet, fault, error...</comment>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <comment>event log column: the event&apos;s sub-kind or errno name</comment>
        <translation>内容</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>event log column</comment>
        <translation>详情</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <comment>event details, then its raw JSON</comment>
        <translation>%1

%2</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::FaultBar</name>
    <message>
        <source>Client</source>
        <comment>lab host</comment>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <comment>lab host</comment>
        <translation>服务端</translation>
    </message>
    <message>
        <source>Cable</source>
        <translation>网线</translation>
    </message>
    <message>
        <source>ICMP unreachable</source>
        <translation>ICMP 不可达</translation>
    </message>
    <message>
        <source>The cable answers frames towards the server with ICMP &apos;host unreachable&apos;, as a router does when the host is gone. Press again to stop.</source>
        <translation>网线对发往服务端的帧回以 ICMP“主机不可达”，就像主机消失后路由器所做的那样。再按一次停止。</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of frames to drop from now on.</source>
        <translation>从现在起丢弃的帧所占的比例。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>One-way delay to add from now on.</source>
        <translation>从现在起增加的单向延迟。</translation>
    </message>
    <message>
        <source>Set loss</source>
        <translation>设置丢包</translation>
    </message>
    <message>
        <source>Apply the loss rate now.</source>
        <translation>立即应用丢包率。</translation>
    </message>
    <message>
        <source>Set delay</source>
        <translation>设置延迟</translation>
    </message>
    <message>
        <source>Apply the delay now.</source>
        <translation>立即应用延迟。</translation>
    </message>
    <message>
        <source>I pulled the cable now</source>
        <translation>我刚拔了网线</translation>
    </message>
    <message>
        <source>Press it the moment you pull the real cable, switch the peer off or block the path: it records a marker, starts the stopwatch, and detection is measured from it.</source>
        <translation>在你拔下真实网线、关掉对端或阻断路径的那一刻按下它：它记录一个标记并启动秒表，察觉时间从这个标记开始计算。</translation>
    </message>
    <message>
        <source>This machine (server)</source>
        <translation>本机（服务端）</translation>
    </message>
    <message>
        <source>This machine (client)</source>
        <translation>本机（客户端）</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>丢包</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::HostSettingsPanel</name>
    <message>
        <source>TCP keepalive</source>
        <translation>TCP 保活</translation>
    </message>
    <message>
        <source>SO_KEEPALIVE: when the connection has been silent for a while, the kernel sends an empty probe the peer must answer. Off by default on Linux sockets.</source>
        <translation>SO_KEEPALIVE：连接沉默一段时间后，内核发送一个空的探测包，对端必须应答。Linux 套接字默认关闭。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>TCP_KEEPIDLE: how long the connection must be silent before the first probe.</source>
        <translation>TCP_KEEPIDLE：连接要沉默多久才发出第一个探测。</translation>
    </message>
    <message>
        <source>TCP_KEEPINTVL: time between two unanswered probes.</source>
        <translation>TCP_KEEPINTVL：两次未应答探测之间的间隔。</translation>
    </message>
    <message>
        <source>TCP_KEEPCNT: unanswered probes before the kernel gives up and reports ETIMEDOUT.</source>
        <translation>TCP_KEEPCNT：内核放弃并报告 ETIMEDOUT 之前允许多少个探测没有应答。</translation>
    </message>
    <message>
        <source>Idle before first probe</source>
        <translation>首次探测前的空闲时间</translation>
    </message>
    <message>
        <source>Between probes</source>
        <translation>探测间隔</translation>
    </message>
    <message>
        <source>Probes</source>
        <comment>keepalive probe count</comment>
        <translation>探测次数</translation>
    </message>
    <message>
        <source>Socket options</source>
        <translation>套接字选项</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>TCP_USER_TIMEOUT: the longest sent data may stay unacknowledged (and, with keepalive, the longest probes may go unanswered) before the connection is dropped with ETIMEDOUT. 0 leaves it off.</source>
        <translation>TCP_USER_TIMEOUT：已发送的数据最多可以多久得不到确认（开启保活时，也是探测最多可以多久得不到应答），超过就以 ETIMEDOUT 断开连接。0 表示不启用。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close with RST (linger 0)</source>
        <translation>以 RST 关闭（linger 0）</translation>
    </message>
    <message>
        <source>SO_LINGER with a zero timeout: closing the socket aborts the connection with an RST instead of a polite FIN.</source>
        <translation>超时为零的 SO_LINGER：关闭套接字时以 RST 中止连接，而不是发送礼貌的 FIN。</translation>
    </message>
    <message>
        <source>Report ICMP errors at once (IP_RECVERR)</source>
        <translation>立即报告 ICMP 错误（IP_RECVERR）</translation>
    </message>
    <message>
        <source>IP_RECVERR: an ICMP &apos;unreachable&apos; is reported to the application right away as a soft error, instead of only when the connection finally times out.</source>
        <translation>IP_RECVERR：ICMP“不可达”会立即作为软错误报告给应用程序，而不是等到连接最终超时才报告。</translation>
    </message>
    <message>
        <source>User timeout</source>
        <translation>用户超时</translation>
    </message>
    <message>
        <source>Application heartbeat</source>
        <translation>应用层心跳</translation>
    </message>
    <message>
        <source>The test application&apos;s own ping and answer. It notices a frozen or vanished peer that the kernel alone would never notice.</source>
        <translation>测试程序自己的 ping 和应答。它能察觉被冻结或已消失的对端，而这是单靠内核永远察觉不到的。</translation>
    </message>
    <message>
        <source>How often a ping is sent (or expected).</source>
        <translation>多久发送（或期待收到）一个 ping。</translation>
    </message>
    <message>
        <source>Pings missed in a row before the peer is declared dead.</source>
        <translation>连续丢失多少个 ping 后判定对端失效。</translation>
    </message>
    <message>
        <source>this side pings</source>
        <translation>这一端发 ping</translation>
    </message>
    <message>
        <source>this side answers</source>
        <translation>这一端应答</translation>
    </message>
    <message>
        <source>Who sends the pings. The other side answers them and counts the pings that do not come.</source>
        <translation>由谁发送 ping。另一端负责应答，并统计没有到来的 ping。</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Misses</source>
        <comment>heartbeat misses before dead</comment>
        <translation>丢失次数</translation>
    </message>
    <message>
        <source>Who sends</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>idle: sends nothing</source>
        <translation>idle：什么都不发</translation>
    </message>
    <message>
        <source>periodic: a few bytes every interval</source>
        <translation>periodic：每隔一段时间发几个字节</translation>
    </message>
    <message>
        <source>stream: as fast as it can</source>
        <translation>stream：尽可能快地发</translation>
    </message>
    <message>
        <source>What the test application sends on its own. With periodic traffic there is data in flight when the peer dies, so retransmissions (not keepalive) notice it.</source>
        <translation>测试程序自己主动发送什么。使用周期流量时，对端失效那一刻有数据在途，因此察觉它的是重传（而不是保活）。</translation>
    </message>
    <message>
        <source>Periodic traffic: time between two sends.</source>
        <translation>周期流量：两次发送之间的间隔。</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Periodic traffic: bytes per send.</source>
        <translation>周期流量：每次发送的字节数。</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Lab host&apos;s kernel</source>
        <translation>实验室主机的内核</translation>
    </message>
    <message>
        <source>net.ipv4.tcp_retries2: how many times unacknowledged data is retransmitted, with the wait doubling each time, before ETIMEDOUT. 15 (the default) is about 15 minutes; 5 is about 13 seconds.</source>
        <translation>net.ipv4.tcp_retries2：未确认的数据在报 ETIMEDOUT 之前重传多少次，每次等待时间翻倍。15（默认值）约为 15 分钟；5 约为 13 秒。</translation>
    </message>
    <message>
        <source>net.ipv4.tcp_syn_retries: how many times connect() resends its SYN before giving up. 6 (the default) is about 2 minutes.</source>
        <translation>net.ipv4.tcp_syn_retries：connect() 放弃之前重发 SYN 的次数。6（默认值）约为 2 分钟。</translation>
    </message>
    <message>
        <source>tcp_retries2</source>
        <translation>tcp_retries2</translation>
    </message>
    <message>
        <source>tcp_syn_retries</source>
        <translation>tcp_syn_retries</translation>
    </message>
    <message>
        <source>the server&apos;s</source>
        <comment>open connections of</comment>
        <translation>服务端</translation>
    </message>
    <message>
        <source>the client&apos;s</source>
        <comment>open connections of</comment>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Keepalive and the socket options below apply at once to %1 open connections.</source>
        <translation>保活和下面的套接字选项会立即应用到%1已打开的连接上。</translation>
    </message>
    <message>
        <source>Applies at the next Start: the running test application keeps its heartbeat.</source>
        <translation>在下次开始时生效：正在运行的测试程序保持原来的心跳设置。</translation>
    </message>
    <message>
        <source>Applies at the next Start: the running test application keeps its traffic.</source>
        <translation>在下次开始时生效：正在运行的测试程序保持原来的流量设置。</translation>
    </message>
    <message>
        <source>Applies at the next Start: the lab host&apos;s kernel keeps the values it was started with until the lab is built again.</source>
        <translation>在下次开始时生效：实验室主机的内核保持启动时的取值，直到实验室重新搭建。</translation>
    </message>
    <message>
        <source>Only against a HalfOpen peer (halfopen-cli serve or connect with a heartbeat): a broker, a PLC or any other device takes the pings for garbage and never answers.</source>
        <translation>仅适用于 HalfOpen 对端（开启心跳的 halfopen-cli serve 或 connect）：消息代理、PLC 或其他任何设备都会把这些 ping 当作垃圾数据，永远不会应答。</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::LabSettingsPanel</name>
    <message>
        <source>Client</source>
        <comment>lab host</comment>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <comment>lab host</comment>
        <translation>服务端</translation>
    </message>
    <message>
        <source>The side that connects (198.18.0.1).</source>
        <translation>发起连接的一端（198.18.0.1）。</translation>
    </message>
    <message>
        <source>The side that listens (198.18.0.2, port 5000).</source>
        <translation>监听的一端（198.18.0.2，端口 5000）。</translation>
    </message>
    <message>
        <source>Running: this machine&apos;s socket options (keepalive, user timeout, linger, IP_RECVERR) apply at once to its connection; the other settings apply at the next Start. The prediction follows every field now.</source>
        <translation>正在运行：本机的套接字选项（保活、用户超时、linger、IP_RECVERR）会立即应用到它的连接上；其他设置在下次开始时生效。预测会立即跟随每个字段。</translation>
    </message>
    <message>
        <source>The lab is running: socket options (keepalive, user timeout, linger, IP_RECVERR) and the cable&apos;s loss, delay and NAT apply at once; the other settings apply at the next Start. The prediction follows every field now.</source>
        <translation>实验室正在运行：套接字选项（保活、用户超时、linger、IP_RECVERR）以及网线的丢包、延迟和 NAT 会立即生效；其他设置在下次开始时生效。预测会立即跟随每个字段。</translation>
    </message>
    <message>
        <source>This machine&apos;s kernel</source>
        <translation>本机内核</translation>
    </message>
    <message>
        <source>Read from /proc/sys/net/ipv4 of this machine: the prediction uses them. They apply to every connection of the machine; HalfOpen does not change them (sysctl -w as root does).</source>
        <translation>读取自本机的 /proc/sys/net/ipv4，预测会用到这些值。它们作用于本机的每一条连接；HalfOpen 不会修改它们（以 root 身份运行 sysctl -w 才能修改）。</translation>
    </message>
    <message>
        <source>This machine (client)</source>
        <translation>本机（客户端）</translation>
    </message>
    <message>
        <source>This machine (server)</source>
        <translation>本机（服务端）</translation>
    </message>
    <message>
        <source>The settings of this machine&apos;s side: it connects to the peer.</source>
        <translation>本机这一端的设置：由它连接对端。</translation>
    </message>
    <message>
        <source>The settings of this machine&apos;s side: it listens for the peer.</source>
        <translation>本机这一端的设置：由它监听，等待对端连接。</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>抓包</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>The lab records every frame on the cable, for File &gt; Export capture (Wireshark). A streaming run writes about 60 MB a second: only the newest frames are kept, at most this much on disk; older ones are dropped and the window says so. Applies at the next Start.</source>
        <translation>实验室记录网线上的每一帧，供“文件 &gt; 导出抓包”（Wireshark）使用。持续发送的运行每秒约写入 60 MB：只保留最新的帧，磁盘上最多占用这么多；较早的帧会被丢弃，窗口会提示。下次启动时生效。</translation>
    </message>
    <message>
        <source>Keep the last</source>
        <translation>保留最近</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Takes effect at the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <source>The language changes when HalfOpen starts again.</source>
        <translation>语言将在 HalfOpen 下次启动时更改。</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::LiveSettingGroup</name>
    <message>
        <source>Not applied. %1</source>
        <translation>未应用。%1</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::MainWindow</name>
    <message>
        <source>HalfOpen</source>
        <translation>HalfOpen</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>已结束：%1</translation>
    </message>
    <message>
        <source>Recording saved: %1</source>
        <translation>录制已保存：%1</translation>
    </message>
    <message>
        <source>Predicted detection</source>
        <translation>预测的察觉时间</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>What to run</source>
        <translation>运行什么</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Start the lab: the chosen scenario, or a free session with your settings (Ctrl+R)</source>
        <translation>启动实验室：运行选中的场景，或按你的设置进行自由实验（Ctrl+R）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the lab; everything seen so far stays (Ctrl+.)</source>
        <translation>停止实验室；目前为止看到的一切都会保留（Ctrl+.）</translation>
    </message>
    <message>
        <source>&amp;Record…</source>
        <translation>录制(&amp;R)…</translation>
    </message>
    <message>
        <source>Write every event to a JSONL file that can be opened and replayed later</source>
        <translation>把每个事件写入 JSONL 文件，以后可以打开回放</translation>
    </message>
    <message>
        <source>&amp;Open recording…</source>
        <translation>打开录制(&amp;O)…</translation>
    </message>
    <message>
        <source>Export events as &amp;CSV…</source>
        <translation>导出事件为 &amp;CSV…</translation>
    </message>
    <message>
        <source>Export timeline as &amp;PNG…</source>
        <translation>导出时间线为 &amp;PNG…</translation>
    </message>
    <message>
        <source>Export timeline as S&amp;VG…</source>
        <translation>导出时间线为 S&amp;VG…</translation>
    </message>
    <message>
        <source>Export capture (p&amp;cap)…</source>
        <translation>导出抓包（p&amp;cap）…</translation>
    </message>
    <message>
        <source>Every frame the cable carried in the latest run, for Wireshark</source>
        <translation>最近一次运行中网线上传过的每一帧，可用 Wireshark 打开</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Client</source>
        <comment>lab host</comment>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <comment>lab host</comment>
        <translation>服务端</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>lab host, problem</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>These settings cannot be used: %1</source>
        <translation>这些设置无法使用：%1</translation>
    </message>
    <message>
        <source>Lab stopped</source>
        <translation>实验室已停止</translation>
    </message>
    <message>
        <source>Starting the lab…</source>
        <translation>正在启动实验室…</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>正在运行：%1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>any local port</source>
        <translation>任意本地端口</translation>
    </message>
    <message>
        <source>connects to port %1</source>
        <translation>连接到端口 %1</translation>
    </message>
    <message>
        <source>Scenarios run in the virtual lab; on a real network you press the faults yourself.</source>
        <translation>场景只在虚拟实验室中运行；在真实网络上，故障要你自己动手制造。</translation>
    </message>
    <message>
        <source>Start this machine&apos;s side against the real peer (Ctrl+R)</source>
        <translation>启动本机这一端，与真实对端通信（Ctrl+R）</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Starting this machine&apos;s endpoint…</source>
        <translation>正在启动本机的测试端点…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>已失败：%1</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>For a projector: full screen, the side panels hidden, the timeline and the verdict large (F11)</source>
        <translation>用于投影仪：全屏，隐藏侧边面板，放大时间线和结论（F11）</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <source>Export &amp;report (PDF, HTML)…</source>
        <translation>导出报告（PDF、HTML）(&amp;R)…</translation>
    </message>
    <message>
        <source>The verdict, the settings of both hosts, the scenario, the date and machine, the timeline and the RTO plot, and a summary of the events, in one document</source>
        <translation>结论、两台主机的设置、场景、日期与机器、时间线与 RTO 图以及事件摘要，汇成一份文档</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::PeerLocationPanel</name>
    <message>
        <source>Where the peer is</source>
        <translation>对端在哪里</translation>
    </message>
    <message>
        <source>Virtual lab: both hosts on this machine</source>
        <translation>虚拟实验室：两台主机都在本机上</translation>
    </message>
    <message>
        <source>Two hosts in their own network namespaces, joined by a cable HalfOpen can cut, delay or make lossy. Nothing leaves this machine and no root is needed.</source>
        <translation>两台主机各在自己的网络命名空间中，由一根 HalfOpen 可以剪断、加延迟或制造丢包的网线相连。没有任何数据离开本机，也不需要 root。</translation>
    </message>
    <message>
        <source>Real network: the peer is another machine or device</source>
        <translation>真实网络：对端是另一台机器或设备</translation>
    </message>
    <message>
        <source>This machine as client or server; the peer is another machine running halfopen-cli serve or connect, or any device (an MQTT broker on 1883, a PLC on 502). You pull the real cable and press &quot;I pulled the cable now&quot;.</source>
        <translation>本机作为客户端或服务端；对端是另一台运行 halfopen-cli serve 或 connect 的机器，或者任意设备（1883 端口上的 MQTT 代理、502 端口上的 PLC）。由你拔下真实的网线，并按下“我刚拔了网线”。</translation>
    </message>
    <message>
        <source>connects to the peer (client)</source>
        <translation>连接对端（客户端）</translation>
    </message>
    <message>
        <source>waits for the peer (server)</source>
        <translation>等待对端连接（服务端）</translation>
    </message>
    <message>
        <source>Client: this machine opens the connection, e.g. to a broker or a PLC. Server: this machine listens and the peer connects (run halfopen-cli connect on it).</source>
        <translation>客户端：由本机发起连接，例如连接消息代理或 PLC。服务端：本机监听，由对端发起连接（在对端上运行 halfopen-cli connect）。</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>The peer&apos;s IPv4 or IPv6 address, or its host name, e.g. 192.168.1.20.</source>
        <translation>对端的 IPv4 或 IPv6 地址，或者它的主机名，例如 192.168.1.20。</translation>
    </message>
    <message>
        <source>The port the peer listens on (1883 MQTT, 502 Modbus/TCP, 5000 halfopen-cli serve).</source>
        <translation>对端监听的端口（1883 MQTT、502 Modbus/TCP、5000 halfopen-cli serve）。</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20</source>
        <translation>例如 192.168.1.20</translation>
    </message>
    <message>
        <source>An address of this machine to listen on: 0.0.0.0 for every IPv4 address, :: for every address.</source>
        <translation>本机用来监听的地址：0.0.0.0 表示所有 IPv4 地址，:: 表示所有地址。</translation>
    </message>
    <message>
        <source>The port to listen on; ports below 1024 need root.</source>
        <translation>监听的端口；1024 以下的端口需要 root。</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>对端地址</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Not available here: this window has no real-network driver. Use halfopen-cli serve and halfopen-cli connect on the two machines.</source>
        <translation>此处不可用：这个窗口没有真实网络驱动。请在两台机器上分别使用 halfopen-cli serve 和 halfopen-cli connect。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>On the peer: any server on port %1, or halfopen-cli serve --listen 0.0.0.0:%1</source>
        <translation>在对端上：端口 %1 上的任意服务端，或 halfopen-cli serve --listen 0.0.0.0:%1</translation>
    </message>
    <message>
        <source>On the peer: halfopen-cli connect ADDRESS-OF-THIS-MACHINE:%1</source>
        <translation>在对端上：halfopen-cli connect 本机地址:%1</translation>
    </message>
    <message>
        <source>This machine&apos;s connections: are they safe from half-open?</source>
        <translation>本机的连接：它们能免于半开吗？</translation>
    </message>
    <message>
        <source>Every TCP connection of this machine with its process, its own keepalive and user timeout, when it would notice a powered-off peer, and the setting that fixes it. Reads only.</source>
        <translation>本机的每一条 TCP 连接，连同它的进程、它自己的保活和用户超时、它何时会察觉对端断电，以及能修复它的设置。只读。</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::PredictionPanel</name>
    <message>
        <source>enable a heartbeat</source>
        <translation>启用心跳</translation>
    </message>
    <message>
        <source>enable keepalive or a heartbeat</source>
        <translation>启用保活或心跳</translation>
    </message>
    <message>
        <source>%1: never — %2</source>
        <translation>%1：永远不会 — %2</translation>
    </message>
    <message>
        <source>When will</source>
        <comment>followed by: the client notice / the server notice</comment>
        <translation>预测：</translation>
    </message>
    <message>
        <source>the client notice</source>
        <comment>prediction side</comment>
        <translation>客户端何时察觉</translation>
    </message>
    <message>
        <source>the server notice</source>
        <comment>prediction side</comment>
        <translation>服务端何时察觉</translation>
    </message>
    <message>
        <source>Whose settings the prediction uses: the side that must notice its peer&apos;s death.</source>
        <translation>预测使用哪一端的设置：必须察觉对端失效的那一端。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>kind of death, explanation</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>With the socket options the server&apos;s kernel reported for its live connection.</source>
        <translation>使用服务端内核为其当前连接报告的套接字选项。</translation>
    </message>
    <message>
        <source>With the socket options the client&apos;s kernel reported for its live connection.</source>
        <translation>使用客户端内核为其当前连接报告的套接字选项。</translation>
    </message>
    <message>
        <source>%1: detected by %2%3 %4 %5</source>
        <comment>%4 a duration (&apos;5.0 s&apos;, &apos;about 15 min (928.9 s)&apos;), %5 &apos;after the last packet received&apos;</comment>
        <translation>%1：%5 %4 由 %2%3 检测到</translation>
    </message>
    <message>
        <source>what this traffic meets</source>
        <comment>marks the kind of death the chosen traffic pattern meets</comment>
        <translation>这种流量会遇到的情况</translation>
    </message>
    <message>
        <source>application keepalive, e.g. mqtt-client:60</source>
        <translation>应用层保活，例如 mqtt-client:60</translation>
    </message>
    <message>
        <source>The application protocol and its keepalive in seconds: %1. Its detection is shown beside TCP&apos;s.</source>
        <translation>应用层协议及其保活（秒）：%1。它的检测结果显示在 TCP 的旁边。</translation>
    </message>
    <message>
        <source>or %1 (%2) after %3, %4</source>
        <translation>或由 %1 在 %3 后报 %2，%4</translation>
    </message>
    <message>
        <source>the application (%1): after %2 %3</source>
        <translation>应用程序（%1）：%3 %2</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::ScenarioPicker</name>
    <message>
        <source>Free lab session: your settings, you press the faults</source>
        <translation>自由实验：用你的设置，由你按下故障</translation>
    </message>
    <message>
        <source>Scenario: timed faults, checked expectations</source>
        <translation>场景：定时故障，检查预期</translation>
    </message>
    <message>
        <source>Open scenario file…</source>
        <translation>打开场景文件…</translation>
    </message>
    <message>
        <source>Start runs the lab with the settings on the left and waits for you to press a fault.</source>
        <translation>“开始”按左侧的设置运行实验室，然后等你按下一个故障。</translation>
    </message>
    <message>
        <source>Start plays the chosen experiment: its faults at their times, then checks what was seen.</source>
        <translation>“开始”运行选中的实验：按时注入故障，然后检查观察到的结果。</translation>
    </message>
    <message>
        <source>Read a scenario from a JSON file (see docs/scenarios.md).</source>
        <translation>从 JSON 文件读取场景（见 docs/scenarios.md）。</translation>
    </message>
    <message>
        <source>The scenario %1 cannot be read: %2</source>
        <translation>无法读取场景 %1：%2</translation>
    </message>
    <message>
        <source>The scenario file %1 cannot be used: %2</source>
        <translation>无法使用场景文件 %1：%2</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>场景 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::SessionFiles</name>
    <message>
        <source>Record session</source>
        <translation>录制会话</translation>
    </message>
    <message>
        <source>HalfOpen recordings (*.jsonl)</source>
        <translation>HalfOpen 录制文件 (*.jsonl)</translation>
    </message>
    <message>
        <source>Recording did not start: %1</source>
        <translation>录制未能开始：%1</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>正在录制到 %1</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <source>HalfOpen recordings (*.jsonl);;All files (*)</source>
        <translation>HalfOpen 录制文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The recording %1 cannot be opened: %2</source>
        <translation>无法打开录制文件 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n damaged line(s) skipped, the rest is shown. First: %2</source>
        <translation>
            <numerusform>%1：跳过了 %n 行损坏的内容，其余部分已显示。第一处：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个事件导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation>无法写入 %1：请检查文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>Timeline exported to %1</source>
        <translation>时间线已导出到 %1</translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>导出抓包</translation>
    </message>
    <message>
        <source>Packet captures (*.pcap)</source>
        <translation>抓包文件 (*.pcap)</translation>
    </message>
    <message>
        <source>There is no capture yet: start the lab, and every frame on the cable is captured.</source>
        <translation>还没有抓包：启动实验室后，网线上的每一帧都会被抓取。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Capture exported to %1 (opens in Wireshark)</source>
        <translation>抓包已导出到 %1（可用 Wireshark 打开）</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>There is no capture of a real network: HalfOpen sees this machine&apos;s sockets, not the frames on the real cable (use tcpdump or Wireshark there). The virtual lab captures every frame.</source>
        <translation>没有真实网络的抓包：HalfOpen 看到的是本机的套接字，而不是真实网线上的帧（请在那里使用 tcpdump 或 Wireshark）。虚拟实验室会抓取每一帧。</translation>
    </message>
    <message>
        <source>%1: recording incomplete: it ends at %2 without its orderly end (the program recording it was killed or the machine stopped); what came after is not known.</source>
        <translation>%1：录制不完整：它在 %2 处结束，没有正常的结尾（录制它的程序被杀死或机器停止）；之后发生了什么无从得知。</translation>
    </message>
    <message>
        <source>Opened %1; the settings shown are those it was made with</source>
        <translation>已打开 %1；显示的设置即录制时所用的设置</translation>
    </message>
    <message>
        <source>Opened %1; it does not say which settings it was made with (recorded before HalfOpen kept them)</source>
        <translation>已打开 %1；它没有记录所用的设置（录制于 HalfOpen 开始记录设置之前）</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;Web pages (*.html)</source>
        <translation>PDF 文档 (*.pdf);;网页 (*.html)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::SharedTimeAxis</name>
    <message>
        <source>%.%1f s</source>
        <comment>time axis label: a printf format for seconds since the start; %1 is the decimals</comment>
        <translation>%.%1f s</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::SocketFilterBar</name>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>Show the sockets of one host only.</source>
        <translation>只显示一台主机的套接字。</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Connecting</source>
        <comment>TCP states SYN_SENT and SYN_RECV</comment>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Closing</source>
        <comment>TCP states between the first FIN and CLOSED</comment>
        <translation>正在关闭</translation>
    </message>
    <message>
        <source>Show sockets in these TCP states only.</source>
        <translation>只显示处于这些 TCP 状态的套接字。</translation>
    </message>
    <message>
        <source>Filter: address, port, state, timer…</source>
        <translation>过滤：地址、端口、状态、计时器…</translation>
    </message>
    <message>
        <source>Show the rows whose text contains this (any column, any case).</source>
        <translation>只显示文本中包含此内容的行（任意列，不区分大小写）。</translation>
    </message>
    <message>
        <source>Show TIME_WAIT</source>
        <translation>显示 TIME_WAIT</translation>
    </message>
    <message>
        <source>Also list sockets in TIME_WAIT. Like ss without -a, the table hides them: they are the kernel&apos;s memory of a connection that is over (kept 60 s to catch late segments), not an application&apos;s connection. Choosing TIME_WAIT or &quot;Closing&quot; in the state filter shows them too.</source>
        <translation>同时列出处于 TIME_WAIT 的套接字。和不带 -a 的 ss 一样，表格默认隐藏它们：它们是内核对一条已结束连接的记忆（保留 60 s 以接住迟到的报文段），而不是应用的连接。在状态筛选中选择 TIME_WAIT 或“正在关闭”也会显示它们。</translation>
    </message>
    <message numerus="yes">
        <source>%n socket(s) in TIME_WAIT hidden</source>
        <comment>sockets left out of the table</comment>
        <translation>
            <numerusform>%n 个 TIME_WAIT 套接字已隐藏</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>halfopen::ui::SocketTableView</name>
    <message>
        <source>Copy rows</source>
        <translation>复制行</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::TimelineAnnotations</name>
    <message>
        <source>%1 and counting</source>
        <comment>time since the fault, nothing detected yet</comment>
        <translation>%1，计时中</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <comment>detection time, mechanism</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>fault name, host</comment>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>errno name, host</comment>
        <translation>%2：%1</translation>
    </message>
    <message>
        <source>%1 on %2, soft</source>
        <comment>errno name, host</comment>
        <translation>%2：%1，软错误</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <comment>errno name, host, detection mechanism</comment>
        <translation>%2：%1（%3）</translation>
    </message>
    <message>
        <source>%1 on %2 (%3), soft</source>
        <comment>errno name, host, detection mechanism</comment>
        <translation>%2：%1（%3），软错误</translation>
    </message>
    <message>
        <source>Nothing to draw yet: start a session or open a recording.
Each host gets a lane here: its packets, its sockets&apos; states,
the faults, and the time it took to notice.</source>
        <translation>还没有可画的内容：开始一次会话或打开一段录制。
每台主机在这里各占一条泳道：它的数据包、它的套接字状态、
发生的故障，以及察觉所用的时间。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>host, socket options set on its open connections</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1, nothing noticed</source>
        <comment>time from the fault until it was undone or the run ended</comment>
        <translation>%1，未察觉任何问题</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>detection time, reference point</comment>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>recording incomplete: ends here at %1</source>
        <comment>a recording cut by a kill, nothing detected before its last event; %1 its time, &quot;9.55 s&quot;</comment>
        <translation>录制不完整：在此处结束，于 %1</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::TimelineChart</name>
    <message>
        <source>RTO %1 :%2</source>
        <comment>legend of a socket&apos;s RTO line: host, local port</comment>
        <translation>RTO %1 :%2</translation>
    </message>
    <message>
        <source>%1: RTO %2 ms at %3 s</source>
        <comment>socket, milliseconds, seconds</comment>
        <translation>%1：%3 s 时 RTO %2 ms</translation>
    </message>
    <message>
        <source>HalfOpen timeline</source>
        <translation>HalfOpen 时间线</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::TimelineToolBar</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop following the latest events (P). Zooming or panning pauses too.</source>
        <translation>不再跟随最新事件（P）。缩放或平移也会暂停。</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Follow the latest events again (F).</source>
        <translation>重新跟随最新事件（F）。</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Show the whole session (A).</source>
        <translation>显示整个会话（A）。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>As PNG image…</source>
        <translation>PNG 图像…</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>As SVG drawing…</source>
        <translation>SVG 图形…</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>wheel: zoom · drag: pan · Shift+drag: zoom to range · right click: zoom out</source>
        <translation>滚轮：缩放 · 拖动：平移 · Shift+拖动：缩放到选区 · 右键：缩小</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::TopologyStrip</name>
    <message>
        <source>The virtual lab: the client, the server and the cable between them, as the faults left them.</source>
        <translation>虚拟实验室：客户端、服务端和它们之间的网线，显示故障之后的样子。</translation>
    </message>
    <message>
        <source>not started</source>
        <comment>lab host state</comment>
        <translation>未启动</translation>
    </message>
    <message>
        <source>powered off</source>
        <translation>已断电</translation>
    </message>
    <message>
        <source>process killed</source>
        <translation>进程已被杀死</translation>
    </message>
    <message>
        <source>process frozen</source>
        <translation>进程已冻结</translation>
    </message>
    <message>
        <source>running</source>
        <comment>lab host state</comment>
        <translation>运行中</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务端</translation>
    </message>
    <message>
        <source>cable cut</source>
        <translation>网线已断</translation>
    </message>
    <message>
        <source>loss %1 %</source>
        <translation>丢包 %1 %</translation>
    </message>
    <message>
        <source>delay %1 ms</source>
        <translation>延迟 %1 ms</translation>
    </message>
    <message>
        <source>ICMP unreachable → server</source>
        <translation>ICMP 不可达 → 服务端</translation>
    </message>
    <message>
        <source>ICMP unreachable → client</source>
        <translation>ICMP 不可达 → 客户端</translation>
    </message>
    <message>
        <source>cable connected</source>
        <translation>网线已连接</translation>
    </message>
    <message>
        <source>press Start to build the lab</source>
        <translation>按“开始”搭建实验室</translation>
    </message>
    <message>
        <source>This machine and the real peer: HalfOpen sees this machine&apos;s side only; what happens to the cable and the peer, you do and mark.</source>
        <translation>本机和真实对端：HalfOpen 只看得到本机这一端；网线和对端上发生的事，由你动手，也由你标记。</translation>
    </message>
    <message>
        <source>not watched: another machine</source>
        <translation>不在观察范围：另一台机器</translation>
    </message>
    <message>
        <source>this machine (client)</source>
        <translation>本机（客户端）</translation>
    </message>
    <message>
        <source>this machine (server)</source>
        <translation>本机（服务端）</translation>
    </message>
    <message>
        <source>peer (server)</source>
        <translation>对端（服务端）</translation>
    </message>
    <message>
        <source>peer (client)</source>
        <translation>对端（客户端）</translation>
    </message>
    <message>
        <source>you pulled the cable (marker)</source>
        <translation>你拔了网线（标记）</translation>
    </message>
    <message>
        <source>real network</source>
        <translation>真实网络</translation>
    </message>
    <message>
        <source>press Start to connect</source>
        <translation>按“开始”建立连接</translation>
    </message>
    <message>
        <source>the lab failed</source>
        <comment>lab host state</comment>
        <translation>虚拟实验室失败</translation>
    </message>
    <message>
        <source>the lab failed: see the message above</source>
        <translation>虚拟实验室失败：见上方消息</translation>
    </message>
    <message>
        <source>starting…</source>
        <comment>lab host state</comment>
        <translation>启动中…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>lab stopped</source>
        <translation>虚拟实验室已停止</translation>
    </message>
    <message>
        <source>stopped</source>
        <comment>lab host state</comment>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>this machine&apos;s endpoint state</comment>
        <translation>已失败</translation>
    </message>
    <message>
        <source>this machine&apos;s endpoint failed: see the message above</source>
        <translation>本机的端点失败：见上方消息</translation>
    </message>
    <message>
        <source>cable cut one way: client → server lost</source>
        <comment>the cable drops frames one way only</comment>
        <translation>网线单向断开：客户端 → 服务端 的数据包丢失</translation>
    </message>
    <message>
        <source>cable cut one way: server → client lost</source>
        <comment>the cable drops frames one way only</comment>
        <translation>网线单向断开：服务端 → 客户端 的数据包丢失</translation>
    </message>
</context>
<context>
    <name>halfopen::ui::VerdictPanel</name>
    <message>
        <source>Expectations met: %1 of %2</source>
        <translation>满足的预期：%1 / %2</translation>
    </message>
    <message>
        <source>Expectations met: %1 of %2 (waiting for or missed: %3)</source>
        <translation>满足的预期：%1 / %2（等待中或未满足：%3）</translation>
    </message>
    <message>
        <source>Nothing has noticed a problem yet.</source>
        <translation>还没有任何机制察觉到问题。</translation>
    </message>
    <message>
        <source>Then: %1</source>
        <translation>随后：%1</translation>
    </message>
    <message>
        <source>retransmission %1, RTO %2 ms (backoff %3), next in %4 s</source>
        <translation>第 %1 次重传，RTO %2 ms（退避 %3），下一次在 %4 s 后</translation>
    </message>
    <message>
        <source>zero-window probe in %1 s</source>
        <translation>%1 s 后发出零窗口探测</translation>
    </message>
    <message>
        <source>heartbeat: %1 of %2 missed</source>
        <translation>心跳：已丢失 %1 / %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>errno and its meaning, then the cause in TCP&apos;s terms</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>lab host, what its timers are doing</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two timers</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>Stopwatch: %1 s since your marker, nothing has noticed yet</source>
        <translation>秒表：距你的标记已过 %1 s，还没有任何机制察觉到问题</translation>
    </message>
    <message>
        <source>The lab failed: nothing was measured.</source>
        <translation>虚拟实验室失败：没有测到任何结果。</translation>
    </message>
    <message>
        <source>To begin: press Start (Ctrl+R). In a free lab session, then press Power off on the Server row; a scenario does its faults by itself. This panel then tells when and how each side noticed.</source>
        <translation>开始：按“开始”（Ctrl+R）。自由实验中，再按“服务端”一行的“断电”；场景会自己执行它的故障。之后这里会告诉你每一端何时、以何种方式发现了断开。</translation>
    </message>
    <message>
        <source>Then the lab failed: %1</source>
        <translation>随后虚拟实验室失败：%1</translation>
    </message>
    <message>
        <source>This machine&apos;s endpoint failed: nothing was measured.</source>
        <translation>本机的端点失败：没有测到任何结果。</translation>
    </message>
    <message>
        <source>Expectations not judged: the lab failed before time zero.</source>
        <translation>预期未评判：虚拟实验室在零时刻之前就失败了。</translation>
    </message>
    <message>
        <source>Expectations met: %1 of %2 before the lab failed</source>
        <translation>虚拟实验室失败前满足的预期：%1 / %2</translation>
    </message>
    <message>
        <source>no timer running: with nothing to send and keepalive off it will never notice (a half-open connection). Turn on TCP keepalive in Settings (it applies at once) or press Send now.</source>
        <translation>没有定时器在运行：没有数据要发送且保活关闭，它永远不会发现（半开连接）。在“设置”中打开 TCP 保活（立即生效），或按“立即发送”。</translation>
    </message>
    <message>
        <source>Then this machine&apos;s endpoint failed: %1</source>
        <translation>随后本机的端点失败：%1</translation>
    </message>
    <message>
        <source>To begin: press Start (Ctrl+R): this machine connects to the peer (or waits for it). Then pull the real cable or switch the peer off, and press “I pulled the cable now” (Space) at that moment. This panel then tells when and how this machine noticed.</source>
        <translation>开始：按“开始”（Ctrl+R）：本机连接对端（或等待对端连接）。然后拔下真实的网线或关掉对端，并在那一刻按“我刚拔了网线”（空格键）。之后这里会告诉你本机何时、以何种方式察觉到了断开。</translation>
    </message>
    <message>
        <source>keepalive waits while data is in flight</source>
        <translation>有数据在途时保活等待</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>即刻</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>first keepalive probe %1 if nothing more is received (every packet received restarts the %2 s idle count)</source>
        <translation>若再收不到任何数据，第一个保活探测 %1 发出（每收到一个数据包，%2 s 的空闲计时都会重新开始）</translation>
    </message>
    <message>
        <source>, gives up %1 unanswered</source>
        <translation>，若无应答 %1 放弃</translation>
    </message>
    <message>
        <source>keepalive probe %1 of %2 sent unanswered, gives up %3</source>
        <translation>保活探测已发出 %1 / %2 个，均无应答，%3 放弃</translation>
    </message>
    <message>
        <source>keepalive probe %1 of %2 sent unanswered, next %3, gives up %4</source>
        <translation>保活探测已发出 %1 / %2 个，均无应答，下一个 %3，%4 放弃</translation>
    </message>
    <message>
        <source>Nothing noticed a problem: the run ended at %1 s without an error on either side.</source>
        <translation>没有发现问题：运行在 %1 秒时结束，双方都没有出错。</translation>
    </message>
    <message>
        <source>%1 was still cut off or powered off when it ended: the other side would only notice by a timer (keepalive, retransmissions, TCP_USER_TIMEOUT or a heartbeat).</source>
        <translation>结束时%1仍处于断开或断电状态：另一方只能靠定时器（保活、重传、TCP_USER_TIMEOUT 或心跳）发现。</translation>
    </message>
</context>
<context>
    <name>hostfault</name>
    <message>
        <source>%1: %2 needs %3 in this network namespace (run as root, or give halfopen-cli %4 with setcap)</source>
        <translation>%1：%2 需要在这个网络命名空间中拥有 %3（以 root 运行，或用 setcap 赋予 halfopen-cli %4）</translation>
    </message>
    <message>
        <source>replug channel %1: %2</source>
        <translation>插回网线通道 %1：%2</translation>
    </message>
</context>
<context>
    <name>lab</name>
    <message>
        <source>built-in scenario %1 is broken: %2</source>
        <translation>内置场景 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>the lab failed: %1</source>
        <translation>实验室出错：%1</translation>
    </message>
    <message>
        <source>Runs the virtual lab: two hosts in network namespaces joined by a cable that can be cut.

  lab list            the built-in scenarios (name and title)
  lab run NAME|FILE   play a scenario and check its expectations

Exit status of run: 0 every expectation met, 1 not, 2 bad input, 3 the lab could not start.</source>
        <translation>运行虚拟实验室：两台主机位于各自的网络命名空间中，由一根可以剪断的网线相连。

  lab list            内置场景（名称和标题）
  lab run NAME|FILE   运行一个场景并检查它的预期

run 的退出状态：0 所有预期都满足，1 未满足，2 输入有误，3 实验室无法启动。</translation>
    </message>
    <message>
        <source>list: a JSON array. run: print nothing while running, then one JSON summary object.</source>
        <translation>list：输出 JSON 数组。run：运行期间不输出，结束后输出一个 JSON 摘要对象。</translation>
    </message>
    <message>
        <source>run: write every event to FILE (JSONL).</source>
        <translation>run：把每个事件写入 FILE（JSONL）。</translation>
    </message>
    <message>
        <source>run: capture every frame on the cable to FILE (pcap).</source>
        <translation>run：把网线上的每一帧抓取到 FILE（pcap）。</translation>
    </message>
    <message>
        <source>list or run</source>
        <translation>list 或 run</translation>
    </message>
    <message>
        <source>run: a built-in scenario&apos;s name or a JSON file</source>
        <translation>run：内置场景的名称或 JSON 文件</translation>
    </message>
    <message>
        <source>%1 Options: %2</source>
        <translation>%1 选项：%2</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;: lab list takes --json only</source>
        <translation>意外的参数“%1”：lab list 只接受 --json</translation>
    </message>
    <message>
        <source>expected list or run, got &apos;%1&apos;</source>
        <translation>应为 list 或 run，实际为“%1”</translation>
    </message>
    <message>
        <source>lab run takes one scenario, a name or a file; built in: %1</source>
        <translation>lab run 只接受一个场景，名称或文件均可；内置场景：%1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a built-in scenario nor a file; built in: %2</source>
        <translation>“%1”既不是内置场景，也不是文件；内置场景：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--scenario: &apos;%1&apos; is neither a built-in scenario nor a file; built in: %2</source>
        <translation>--scenario：“%1”既不是内置场景，也不是文件；内置场景：%2</translation>
    </message>
</context>
<context>
    <name>predict</name>
    <message>
        <source>Keepalive on with idle, interval (seconds) and probe count, e.g. 2,1,3.</source>
        <translation>开启保活，依次给出空闲时间、探测间隔（秒）和探测次数，例如 2,1,3。</translation>
    </message>
    <message>
        <source>TCP_USER_TIMEOUT in milliseconds (0 = off).</source>
        <translation>TCP_USER_TIMEOUT，单位毫秒（0 = 关闭）。</translation>
    </message>
    <message>
        <source>net.ipv4.tcp_retries2 (default 15).</source>
        <translation>net.ipv4.tcp_retries2（默认 15）。</translation>
    </message>
    <message>
        <source>net.ipv4.tcp_syn_retries (default 6).</source>
        <translation>net.ipv4.tcp_syn_retries（默认 6）。</translation>
    </message>
    <message>
        <source>net.ipv4.tcp_syn_linear_timeouts (default 4).</source>
        <translation>net.ipv4.tcp_syn_linear_timeouts（默认 4）。</translation>
    </message>
    <message>
        <source>Application heartbeat: ping interval in milliseconds and missed answers before dead, e.g. 1000,3.</source>
        <translation>应用层心跳：ping 间隔（毫秒）以及判定失效前允许的未应答次数，例如 1000,3。</translation>
    </message>
    <message>
        <source>Measured round-trip time in milliseconds (default 0.1).</source>
        <translation>测得的往返时间，单位毫秒（默认 0.1）。</translation>
    </message>
    <message>
        <source>Minimum RTO in milliseconds (default 200).</source>
        <translation>RTO 下限，单位毫秒（默认 200）。</translation>
    </message>
    <message>
        <source>Maximum RTO in milliseconds, net.ipv4.tcp_rto_max_ms (default 120000).</source>
        <translation>RTO 上限，单位毫秒，即 net.ipv4.tcp_rto_max_ms（默认 120000）。</translation>
    </message>
    <message>
        <source>Print one JSON object with a key per kind of death.</source>
        <translation>输出一个 JSON 对象，每种失效方式一个键。</translation>
    </message>
    <message>
        <source>expected IDLE,INTERVAL,COUNT such as 2,1,3 (idle and interval 1..32767 s, count 1..127)</source>
        <translation>应为 IDLE,INTERVAL,COUNT，例如 2,1,3（空闲时间和间隔 1..32767 s，次数 1..127）</translation>
    </message>
    <message>
        <source>expected INTERVAL_MS,MISSES such as 1000,3 (interval 1..%1 ms, misses 1..%2)</source>
        <translation>应为 INTERVAL_MS,MISSES，例如 1000,3（间隔 1..%1 ms，丢失次数 1..%2）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>keepalive %1, user timeout %2, tcp_retries2 %3, tcp_syn_retries %4 (linear %5), heartbeat %6, RTT %7 ms</source>
        <translation>保活 %1，用户超时 %2，tcp_retries2 %3，tcp_syn_retries %4（线性 %5），心跳 %6，RTT %7 ms</translation>
    </message>
    <message>
        <source>kind of death</source>
        <translation>失效方式</translation>
    </message>
    <message>
        <source>noticed by</source>
        <translation>察觉机制</translation>
    </message>
    <message>
        <source>errno</source>
        <translation>errno</translation>
    </message>
    <message>
        <source>after</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>counted from</source>
        <translation>计时起点</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永远不会</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>设置：%1</translation>
    </message>
    <message>
        <source>Predicts when and how each kind of peer death is noticed, from the settings of the side that must notice.</source>
        <translation>根据必须察觉的那一端的设置，预测每种对端失效会在何时、以何种方式被察觉。</translation>
    </message>
    <message>
        <source>%1 Options: %2</source>
        <translation>%1 可用选项：%2</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;: predict takes options only</source>
        <translation>意外的参数“%1”：predict 只接受选项</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>kind of death, explanation</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>IP_RECVERR on: neighbour and ICMP errors are reported at once instead of kept until the timeout.</source>
        <translation>开启 IP_RECVERR：邻居错误和 ICMP 错误立即报告，而不是保留到超时。</translation>
    </message>
    <message>
        <source>The peer is on the same link and resolved by ARP (dynamic neighbour entry): a dead peer&apos;s entry fails and may turn the error into EHOSTUNREACH. Default: a static entry or a routed peer.</source>
        <translation>对端与本机在同一链路上，由 ARP 解析（动态邻居表项）：失效对端的表项会失败，可能把错误变成 EHOSTUNREACH。默认：静态表项或经路由到达的对端。</translation>
    </message>
    <message>
        <source>The interface&apos;s neighbour timers with --arp: base_reachable_time_ms, delay_first_probe_time (ms), ucast_solicit, mcast_solicit, retrans_time_ms; default 30000,5000,3,3,1000.</source>
        <translation>配合 --arp 时接口的邻居计时器：base_reachable_time_ms、delay_first_probe_time（ms）、ucast_solicit、mcast_solicit、retrans_time_ms；默认 30000,5000,3,3,1000。</translation>
    </message>
    <message>
        <source>Decide on-link (dynamic ARP, this interface&apos;s neighbour timers) or routed from this machine&apos;s route to ADDR (RTM_GETROUTE, like `ip route get`); says which it assumed.</source>
        <translation>根据本机到 ADDR 的路由（RTM_GETROUTE，类似 `ip route get`）判断是直连（动态 ARP，使用该接口的邻居计时器）还是经路由到达；并说明做了哪种假定。</translation>
    </message>
    <message>
        <source>The application protocol and its keepalive, reported beside TCP&apos;s detection: %1.</source>
        <translation>应用层协议及其保活，与 TCP 的检测结果并列报告：%1。</translation>
    </message>
    <message>
        <source>expected a numeric IPv4 or IPv6 address such as 192.0.2.10</source>
        <translation>应为数字形式的 IPv4 或 IPv6 地址，例如 192.0.2.10</translation>
    </message>
    <message>
        <source>no route to %1: %2</source>
        <translation>没有到 %1 的路由：%2</translation>
    </message>
    <message>
        <source>assumed: %1 is on-link via %2, resolved by ARP (dynamic neighbour entry, base_reachable_time %3 ms)</source>
        <translation>假定：%1 经由 %2 直连，由 ARP 解析（动态邻居表项，base_reachable_time %3 ms）</translation>
    </message>
    <message>
        <source>assumed: %1 is on-link via %2 with a static neighbour entry</source>
        <translation>假定：%1 经由 %2 直连，使用静态邻居表项</translation>
    </message>
    <message>
        <source>assumed: %1 is this machine (loopback): no neighbour to fail</source>
        <translation>假定：%1 就是本机（环回）：没有会失败的邻居</translation>
    </message>
    <message>
        <source>assumed: %1 is routed via %2 (%3): the gateway answers ARP, so the textbook ETIMEDOUT applies unless a router sends ICMP</source>
        <translation>假定：%1 经由 %2（%3）路由：网关应答 ARP，所以除非有路由器发来 ICMP，否则适用教科书式的 ETIMEDOUT</translation>
    </message>
    <message>
        <source>expected BASE_MS,DELAY_MS,UCAST,MCAST,RETRANS_MS such as 30000,5000,3,3,1000</source>
        <translation>应为 BASE_MS,DELAY_MS,UCAST,MCAST,RETRANS_MS，例如 30000,5000,3,3,1000</translation>
    </message>
    <message>
        <source>, IP_RECVERR</source>
        <translation>，IP_RECVERR</translation>
    </message>
    <message>
        <source>, dynamic ARP (base_reachable_time %1 ms, delay %2 ms, %3 unicast / %4 broadcast probes %5 ms apart)</source>
        <translation>，动态 ARP（base_reachable_time %1 ms，delay %2 ms，%3 个单播 / %4 个广播探测，间隔 %5 ms）</translation>
    </message>
    <message>
        <source>, application: %1</source>
        <translation>，应用层：%1</translation>
    </message>
    <message>
        <source>path, %1 (%2 %): %3 by %4 after %5 (%6 .. %7) %8</source>
        <translation>路径，%1（%2 %）：%3，由 %4 检测到，%8 %5（%6 .. %7）</translation>
    </message>
    <message>
        <source>IP_RECVERR: a non-fatal EHOSTUNREACH (neighbour_unreachable) at %1 first</source>
        <translation>IP_RECVERR：先在 %1 时出现一个非致命的 EHOSTUNREACH（neighbour_unreachable）</translation>
    </message>
    <message>
        <source>application (%1): closes after %2 (%3 .. %4) %5. %6</source>
        <translation>应用程序（%1）：%5 %2（%3 .. %4）关闭连接。%6</translation>
    </message>
</context>
<context>
    <name>sockets</name>
    <message>
        <source>List the TCP sockets of a network namespace with their timers, queues and tcp_info (sock_diag).</source>
        <translation>列出某个网络命名空间中的 TCP 套接字及其计时器、队列和 tcp_info（sock_diag）。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Network namespace to look into: /run/netns/NAME or /proc/PID/ns/net.</source>
        <translation>要查看的网络命名空间：/run/netns/NAME 或 /proc/PID/ns/net。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Only sockets whose local or remote port is N (1 to 65535).</source>
        <translation>只显示本端或远端端口为 N 的套接字（1 到 65535）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Only sockets in these states: ESTABLISHED, TIME_WAIT, ... or ss&apos;s names (ESTAB, time-wait), comma-separated.</source>
        <translation>只显示处于这些状态的套接字：ESTABLISHED、TIME_WAIT 等，或 ss 的名称（ESTAB、time-wait），以逗号分隔。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Print a JSON array of rows instead of a table.</source>
        <translation>输出由行组成的 JSON 数组，而不是表格。</translation>
    </message>
    <message>
        <source>unknown option: %1</source>
        <translation>未知选项：%1</translation>
    </message>
    <message>
        <source>missing value: allowed 1 to 65535</source>
        <translation>缺少值：允许 1 到 65535</translation>
    </message>
    <message>
        <source>missing value: allowed a state name such as ESTABLISHED or TIME_WAIT</source>
        <translation>缺少值：允许 ESTABLISHED 或 TIME_WAIT 这样的状态名</translation>
    </message>
    <message>
        <source>missing value: allowed /run/netns/NAME or /proc/PID/ns/net</source>
        <translation>缺少值：允许 /run/netns/NAME 或 /proc/PID/ns/net</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;: sockets takes options only (%2)</source>
        <translation>意外的“%1”：sockets 只接受选项（%2）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range: allowed 1 to 65535</source>
        <translation>“%1”超出范围：允许 1 到 65535</translation>
    </message>
    <message>
        <source>empty path: allowed /run/netns/NAME or /proc/PID/ns/net</source>
        <translation>路径为空：允许 /run/netns/NAME 或 /proc/PID/ns/net</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recv-Q</source>
        <translation>Recv-Q</translation>
    </message>
    <message>
        <source>Send-Q</source>
        <translation>Send-Q</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本端</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>计时器</translation>
    </message>
    <message>
        <source>RTO(ms)</source>
        <translation>RTO(ms)</translation>
    </message>
    <message>
        <source>RTT(ms)</source>
        <translation>RTT(ms)</translation>
    </message>
    <message>
        <source>Retrans</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>退避</translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation>无法写入标准输出</translation>
    </message>
    <message>
        <source>Also list TIME_WAIT sockets, hidden by default like ss.</source>
        <translation>同时列出 TIME_WAIT 套接字，它们默认像 ss 一样被隐藏。</translation>
    </message>
    <message>
        <source>allowed --netns PATH, --port N, --state NAME, --all, --json, --help</source>
        <translation>允许 --netns PATH、--port N、--state NAME、--all、--json、--help</translation>
    </message>
    <message>
        <source>LastSnd(ms)</source>
        <translation>上次发送(ms)</translation>
    </message>
    <message>
        <source>LastRcv(ms)</source>
        <translation>上次接收(ms)</translation>
    </message>
    <message>
        <source>LastAck(ms)</source>
        <translation>上次确认(ms)</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>TotRetrans</source>
        <translation>总重传</translation>
    </message>
    <message>
        <source>Cwnd</source>
        <translation>Cwnd</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port number: use 1 to 65535</source>
        <translation>“%1”不是端口号：请使用 1 到 65535</translation>
    </message>
</context>
<context>
    <name>watch</name>
    <message>
        <source>no TCP connection %1 → %2 in this network namespace</source>
        <translation>此网络命名空间中没有 TCP 连接 %1 → %2</translation>
    </message>
    <message>
        <source>Watch one connection of this machine: its state changes, tcp_info samples and packets, until it is gone.</source>
        <translation>观察本机的一条连接：它的状态变化、tcp_info 采样和数据包，直到连接消失。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>The connection of process P (it must hold exactly one).</source>
        <translation>进程 P 的连接（它必须恰好持有一条）。</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Network namespace: /proc/PID/ns/net or /run/netns/NAME.</source>
        <translation>网络命名空间：/proc/PID/ns/net 或 /run/netns/NAME。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Record every event to FILE (JSONL).</source>
        <translation>把每个事件记录到 FILE（JSONL）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Write the connection&apos;s packets to FILE (pcap, for Wireshark).</source>
        <translation>把这条连接的数据包写入 FILE（pcap，可用 Wireshark 打开）。</translation>
    </message>
    <message>
        <source>Print events as JSON lines.</source>
        <translation>以 JSON 行输出事件。</translation>
    </message>
    <message>
        <source>Stop after S seconds (default: when the connection is gone).</source>
        <translation>S 秒后停止（默认：连接消失时）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Samples and states only, no packets.</source>
        <translation>只有采样和状态，不抓数据包。</translation>
    </message>
    <message>
        <source>The connection&apos;s local address, e.g. 198.18.0.1:40000.</source>
        <translation>连接的本端地址，例如 198.18.0.1:40000。</translation>
    </message>
    <message>
        <source>Its remote address, e.g. 198.18.0.2:1883.</source>
        <translation>它的远端地址，例如 198.18.0.2:1883。</translation>
    </message>
    <message>
        <source>expected --pid P, or LOCAL REMOTE such as 198.18.0.1:40000 198.18.0.2:1883</source>
        <translation>应为 --pid P，或 LOCAL REMOTE，例如 198.18.0.1:40000 198.18.0.2:1883</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a process id</source>
        <translation>“%1”不是进程 id</translation>
    </message>
    <message>
        <source>process %1 holds no TCP connection here</source>
        <translation>进程 %1 在这里没有持有 TCP 连接</translation>
    </message>
    <message>
        <source>process %1 holds %2 connections: name one as LOCAL REMOTE (%3)</source>
        <translation>进程 %1 持有 %2 条连接：请以 LOCAL REMOTE 指定其中一条（%3）</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: allowed 0.1 to 604800 seconds</source>
        <translation>“%1”：允许 0.1 到 604800 秒</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: expected T:ACTION, T from 0 to 604800 seconds</source>
        <translation>“%1”：应为 T:ACTION，T 为 0 到 604800 秒</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: ACTION is one of %2</source>
        <translation>“%1”：ACTION 必须是 %2 之一</translation>
    </message>
    <message>
        <source>--fault-at %1: %2</source>
        <translation>--fault-at %1：%2</translation>
    </message>
    <message>
        <source>At T seconds, break the connection and time the application&apos;s reaction: ACTION is cut, cut-in, cut-out, abort, freeze, replug or thaw (repeatable; every fault is lifted at the end; needs root as for halfopen-cli fault).</source>
        <translation>在第 T 秒破坏连接，并计时应用的反应：ACTION 为 cut、cut-in、cut-out、abort、freeze、replug 或 thaw（可重复；结束时解除所有故障；与 halfopen-cli fault 一样需要 root）。</translation>
    </message>
    <message>
        <source>T:ACTION</source>
        <translation>T:ACTION</translation>
    </message>
    <message>
        <source>faults act in halfopen-cli&apos;s own network namespace: run it inside (nsenter -t PID -n) instead of --netns</source>
        <translation>故障作用于 halfopen-cli 自己所在的网络命名空间：请在目标命名空间内运行它（nsenter -t PID -n），而不是使用 --netns</translation>
    </message>
</context>
</TS>
