// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/NftCut.h"

#include "hostfault/Privileges.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

#include <nftables/libnftables.h>
// glibc's netinet/in.h before the kernel's headers.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <linux/netlink.h>

#include <algorithm>
#include <cerrno>

namespace halfopen::hostfault {

using core::SocketAddress;

namespace {

constexpr int kCapNetAdmin = 12;

QString tr(const char *text)
{
    return QCoreApplication::translate("hostfault", text);
}

bool sameTuple(const NftCut::Cut &cut, const SocketAddress &local, const SocketAddress &remote)
{
    return cut.local.toString() == local.toString() && cut.remote.toString() == remote.toString();
}

// "ip saddr 198.18.0.1 ip daddr 198.18.0.2 tcp sport 40000 tcp dport 1883"
QString match(const SocketAddress &from, const SocketAddress &to)
{
    const QString ip = from.family() == AF_INET6 ? QStringLiteral("ip6") : QStringLiteral("ip");
    return QStringLiteral("%1 saddr %2 %1 daddr %3 tcp sport %4 tcp dport %5")
        .arg(ip, from.host(), to.host())
        .arg(from.port())
        .arg(to.port());
}

// libnftables reports kernel refusals in words ("Operation not permitted"); map the ones a
// user can act on back to their errno.
int errnoFromMessage(const QString &message)
{
    if (message.contains(QLatin1String("Operation not permitted")))
        return EPERM;
    if (message.contains(QLatin1String("Permission denied")))
        return EACCES;
    if (message.contains(QLatin1String("No such file or directory")))
        return ENOENT;
    if (message.contains(QLatin1String("Protocol not supported")) || message.contains(QLatin1String("not supported")))
        return EOPNOTSUPP;
    return 0;
}

} // namespace

QString cutDirectionName(CutDirection direction)
{
    switch (direction) {
    case CutDirection::Both:
        return QStringLiteral("both");
    case CutDirection::In:
        return QStringLiteral("in");
    case CutDirection::Out:
        return QStringLiteral("out");
    }
    return {};
}

bool cutDirectionFromName(const QString &name, CutDirection *out)
{
    for (CutDirection d : {CutDirection::Both, CutDirection::In, CutDirection::Out}) {
        if (name == cutDirectionName(d)) {
            *out = d;
            return true;
        }
    }
    return false;
}

NftCut::NftCut()
    : m_table(QStringLiteral("halfopen_%1").arg(::getpid()))
{ }

NftCut::~NftCut()
{
    releaseQueue();
    QString ignored;
    if (m_tableMade)
        run(QStringLiteral("delete table inet %1\n").arg(m_table), &ignored);
    if (m_ctx)
        nft_ctx_free(m_ctx);
}

QString NftCut::rulesFor(const QString &table, const QList<Cut> &cuts, int queueNumber)
{
    // No `bypass`: with nobody bound to the queue the packet is freed and reported stolen.
    const QString outVerdict
        = queueNumber > 0 ? QStringLiteral("queue num %1").arg(queueNumber) : QStringLiteral("drop");
    QString text = QStringLiteral("flush chain inet %1 out\nflush chain inet %1 in\n").arg(table);
    for (const Cut &c : cuts) {
        if (c.direction != CutDirection::In && queueNumber >= 0)
            text += QStringLiteral("add rule inet %1 out %2 counter %3\n")
                        .arg(table, match(c.local, c.remote), outVerdict);
        if (c.direction != CutDirection::Out)
            text += QStringLiteral("add rule inet %1 in %2 counter drop\n").arg(table, match(c.remote, c.local));
    }
    return text;
}

int NftCut::freeQueueNumber(const QString &boundQueues)
{
    QSet<int> bound;
    for (const QString &line : boundQueues.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int queue = line.simplified().section(QLatin1Char(' '), 0, 0).toInt(&ok);
        if (ok)
            bound.insert(queue);
    }
    int queue = kQueueNumber;
    while (bound.contains(queue) && queue < 65535)
        ++queue;
    return queue;
}

bool NftCut::run(const QString &commands, QString *error, QString *kernelMessage)
{
    // Asked first: without the capability libnftables prints its own line on stderr.
    if (!hasCapability(kCapNetAdmin)) {
        *error = missingCapabilityMessage(EPERM, tr("cutting a connection with nftables"),
                                          QStringLiteral("CAP_NET_ADMIN"));
        return false;
    }
    if (!m_ctx) {
        m_ctx = nft_ctx_new(NFT_CTX_DEFAULT);
        if (!m_ctx) {
            *error = tr("nftables: could not create a context (libnftables)");
            return false;
        }
        nft_ctx_buffer_output(m_ctx);
        nft_ctx_buffer_error(m_ctx);
    }
    const QByteArray text = commands.toUtf8();
    if (nft_run_cmd_from_buffer(m_ctx, text.constData()) == 0)
        return true;
    const QString message = QString::fromUtf8(nft_ctx_get_error_buffer(m_ctx)).trimmed();
    if (kernelMessage)
        *kernelMessage = message;
    const int err = errnoFromMessage(message);
    if ((err == EPERM || err == EACCES) && !hasCapability(kCapNetAdmin))
        *error
            = missingCapabilityMessage(err, tr("cutting a connection with nftables"), QStringLiteral("CAP_NET_ADMIN"));
    else if (err)
        *error = tr("nftables refused: %1 (%2)")
                     .arg(core::ErrnoCatalog::describe(err), message.section(QLatin1Char('\n'), 0, 0));
    else
        *error = tr("nftables refused: %1").arg(message.section(QLatin1Char('\n'), 0, 0));
    return false;
}

std::optional<bool> NftCut::outgoingSilent() const
{
    if (m_out == OutWay::Unknown)
        return std::nullopt;
    return m_out != OutWay::Drop;
}

QString NftCut::outgoingWay() const
{
    switch (m_out) {
    case OutWay::Unknown:
        break;
    case OutWay::NftQueue:
        return QStringLiteral("queue");
    case OutWay::XtQueue:
        return QStringLiteral("xt-queue");
    case OutWay::Drop:
        return QStringLiteral("drop");
    }
    return {};
}

void NftCut::chooseQueue()
{
    QFile bound(QStringLiteral("/proc/net/netfilter/nfnetlink_queue")); // absent: nobody is bound
    int queue = freeQueueNumber(bound.open(QIODevice::ReadOnly) ? QString::fromLatin1(bound.readAll()) : QString());
    // Bound meanwhile by another program: EPERM, the next one.
    int err = 0;
    while ((err = holdQueue(queue)) == EPERM && queue < 65535)
        ++queue;
    m_queueNumber = queue;
}

int NftCut::holdQueue(int queue)
{
    releaseQueue();
    const int fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0) {
        const int err = errno;
        if (fd >= 0)
            ::close(fd);
        return err;
    }
    // NFQNL_MSG_CONFIG, NFQA_CFG_CMD bind: the queue is created with copy mode none.
    struct
    {
        nlmsghdr header;
        nfgenmsg generic;
        nlattr attribute;
        nfqnl_msg_config_cmd command;
    } m{};
    static_assert(sizeof m == NLMSG_HDRLEN + sizeof(nfgenmsg) + NLA_HDRLEN + sizeof(nfqnl_msg_config_cmd));
    m.header.nlmsg_len = sizeof m;
    m.header.nlmsg_type = (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_CONFIG;
    m.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
    m.generic.nfgen_family = AF_UNSPEC;
    m.generic.version = NFNETLINK_V0;
    m.generic.res_id = htons(quint16(queue));
    m.attribute.nla_len = NLA_HDRLEN + sizeof(nfqnl_msg_config_cmd);
    m.attribute.nla_type = NFQA_CFG_CMD;
    m.command.command = NFQNL_CFG_CMD_BIND;
    m.command.pf = htons(AF_INET);
    int err = 0;
    char answer[512];
    pollfd p{fd, POLLIN, 0};
    if (::send(fd, &m, sizeof m, 0) != ssize_t(sizeof m))
        err = errno;
    else if (::poll(&p, 1, 2000) <= 0)
        err = ETIMEDOUT;
    else if (const ssize_t n = ::recv(fd, answer, sizeof answer, 0); n < ssize_t(NLMSG_HDRLEN + sizeof(nlmsgerr)))
        err = n < 0 ? errno : EPROTO;
    else if (const int e = static_cast<const nlmsgerr *>(NLMSG_DATA(reinterpret_cast<nlmsghdr *>(answer)))->error)
        err = -e;
    if (err) {
        ::close(fd);
        return err;
    }
    m_queueHold = fd;
    return 0;
}

void NftCut::releaseQueue()
{
    if (m_queueHold >= 0)
        ::close(m_queueHold); // the kernel unbinds the queue with the socket
    m_queueHold = -1;
}

bool NftCut::applyCompat(int *err)
{
    QList<CompatQueueTable::Tuple> tuples;
    for (const Cut &c : m_cuts) {
        if (c.direction != CutDirection::In)
            tuples.append({c.local, c.remote});
    }
    if (!m_compat)
        m_compat = std::make_unique<CompatQueueTable>(m_table + QStringLiteral("_out"));
    return m_compat->setRules(tuples, m_queueNumber, err);
}

bool NftCut::apply(QString *error)
{
    // One batch: the table appears with its chains or not at all.
    const QString make = m_tableMade
        ? QString()
        : QStringLiteral("add table inet %1 { flags owner; }\n"
                         "add chain inet %1 out { type filter hook output priority raw; policy accept; }\n"
                         "add chain inet %1 in { type filter hook prerouting priority raw; policy accept; }\n")
              .arg(m_table);
    const bool sends
        = std::any_of(m_cuts.cbegin(), m_cuts.cend(), [](const Cut &c) { return c.direction != CutDirection::In; });
    if (sends && m_queueNumber == 0 && m_out != OutWay::Drop)
        chooseQueue();
    auto done = [this] {
        m_tableMade = true;
        return true;
    };
    if (m_out == OutWay::XtQueue) {
        int err = 0;
        if (!applyCompat(&err)) {
            *error = tr("nftables refused: %1 (NFQUEUE through nft_compat)").arg(core::ErrnoCatalog::describe(err));
            return false;
        }
        return run(make + rulesFor(m_table, m_cuts, -1), error) && done();
    }
    const bool tryQueue = sends && m_out != OutWay::Drop;
    QString message;
    if (run(make + rulesFor(m_table, m_cuts, tryQueue ? m_queueNumber : 0), error, &message)) {
        if (tryQueue)
            m_out = OutWay::NftQueue;
        return done();
    }
    // ENOENT for the queue statement: this kernel has no nft_queue expression (CONFIG_NFT_QUEUE).
    if (!tryQueue || m_out == OutWay::NftQueue || errnoFromMessage(message) != ENOENT)
        return false;
    // The same verdict from xtables' NFQUEUE target through nft_compat, in a table of its own.
    int err = 0;
    if (applyCompat(&err)) {
        m_out = OutWay::XtQueue;
        return run(make + rulesFor(m_table, m_cuts, -1), error) && done();
    }
    m_compat.reset();
    // Neither: what is sent is dropped with `drop`, which this machine's TCP notices.
    m_out = OutWay::Drop;
    releaseQueue();
    return run(make + rulesFor(m_table, m_cuts, 0), error) && done();
}

bool NftCut::cut(const SocketAddress &local, const SocketAddress &remote, CutDirection direction, QString *error)
{
    if (!local.isValid() || !remote.isValid() || local.family() != remote.family()) {
        *error = tr("cut: local and remote must both be IPv4 or both IPv6 addresses with ports");
        return false;
    }
    const QList<Cut> before = m_cuts;
    m_cuts.removeIf([&](const Cut &c) { return sameTuple(c, local, remote); });
    m_cuts.append(Cut{local, remote, direction});
    if (!apply(error)) {
        m_cuts = before;
        return false;
    }
    return true;
}

bool NftCut::replug(const SocketAddress &local, const SocketAddress &remote, QString *error)
{
    const QList<Cut> before = m_cuts;
    if (m_cuts.removeIf([&](const Cut &c) { return sameTuple(c, local, remote); }) == 0) {
        *error = tr("replug: %1 -> %2 is not cut").arg(local.toString(), remote.toString());
        return false;
    }
    if (m_cuts.isEmpty())
        return replugAll(error);
    if (!apply(error)) {
        m_cuts = before;
        return false;
    }
    return true;
}

bool NftCut::replugAll(QString *error)
{
    if (m_compat) {
        int err = 0;
        if (!m_compat->remove(&err)) {
            *error = tr("nftables refused: %1 (NFQUEUE through nft_compat)").arg(core::ErrnoCatalog::describe(err));
            return false;
        }
    }
    if (m_tableMade && !run(QStringLiteral("delete table inet %1\n").arg(m_table), error))
        return false;
    m_tableMade = false;
    m_cuts.clear();
    releaseQueue();
    m_queueNumber = 0; // chosen again (and checked free) with the next table
    return true;
}

} // namespace halfopen::hostfault
