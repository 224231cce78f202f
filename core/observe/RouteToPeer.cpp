// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/RouteToPeer.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QFile>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>

namespace halfopen::core {

namespace {

struct Request
{
    nlmsghdr header;
    union {
        rtmsg route;
        ndmsg neighbour;
    };
    char attributes[64];
};

void addAttribute(Request &r, quint16 type, const void *data, int length)
{
    auto *a = reinterpret_cast<rtattr *>(reinterpret_cast<char *>(&r) + NLMSG_ALIGN(r.header.nlmsg_len));
    a->rta_type = type;
    a->rta_len = RTA_LENGTH(length);
    std::memcpy(RTA_DATA(a), data, size_t(length));
    r.header.nlmsg_len = NLMSG_ALIGN(r.header.nlmsg_len) + RTA_ALIGN(a->rta_len);
}

int family(const QHostAddress &a)
{
    return a.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
}

int addressBytes(const QHostAddress &a, unsigned char *out)
{
    if (family(a) == AF_INET6) {
        const Q_IPV6ADDR v6 = a.toIPv6Address();
        std::memcpy(out, v6.c, 16);
        return 16;
    }
    const quint32 v4 = htonl(a.toIPv4Address());
    std::memcpy(out, &v4, 4);
    return 4;
}

QHostAddress addressFrom(const rtattr *a, int fam)
{
    if (fam == AF_INET6 && RTA_PAYLOAD(a) >= 16)
        return QHostAddress(static_cast<const quint8 *>(RTA_DATA(a)));
    if (fam == AF_INET && RTA_PAYLOAD(a) >= 4) {
        quint32 v4 = 0;
        std::memcpy(&v4, RTA_DATA(a), 4);
        return QHostAddress(ntohl(v4));
    }
    return {};
}

// One request, one answer (or an error): RTM_GETROUTE and RTM_GETNEIGH without NLM_F_DUMP.
int exchange(Request &request, char *answer, int answerSize, int *errnoOut)
{
    const int fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) {
        *errnoOut = errno;
        return -1;
    }
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    timeval timeout{2, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    int length = -1;
    if (::sendto(fd, &request, request.header.nlmsg_len, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel) < 0)
        *errnoOut = errno;
    else if ((length = int(::recv(fd, answer, size_t(answerSize), 0))) < 0)
        *errnoOut = errno;
    ::close(fd);
    if (length < int(sizeof(nlmsghdr)))
        return -1;
    const auto *h = reinterpret_cast<const nlmsghdr *>(answer);
    if (h->nlmsg_type == NLMSG_ERROR) {
        const auto *e = static_cast<const nlmsgerr *>(NLMSG_DATA(h));
        *errnoOut = -e->error;
        return -1;
    }
    return length;
}

int readInt(const QString &path, int fallback)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fallback;
    bool ok = false;
    const int v = f.readAll().trimmed().toInt(&ok);
    return ok ? v : fallback;
}

} // namespace

NeighbourTimers readNeighbourTimers(const QString &interfaceName, bool ipv6)
{
    NeighbourTimers p;
    if (interfaceName.isEmpty() || interfaceName.contains(QLatin1Char('/')))
        return p;
    const QString dir = QStringLiteral("/proc/sys/net/%1/neigh/%2/")
                            .arg(ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4"), interfaceName);
    p.baseReachableTimeMs = readInt(dir + QStringLiteral("base_reachable_time_ms"), p.baseReachableTimeMs);
    p.delayFirstProbeMs = readInt(dir + QStringLiteral("delay_first_probe_time"), p.delayFirstProbeMs / 1000) * 1000;
    p.ucastSolicit = readInt(dir + QStringLiteral("ucast_solicit"), p.ucastSolicit);
    p.mcastSolicit = readInt(dir + QStringLiteral("mcast_solicit"), p.mcastSolicit);
    p.retransTimeMs = readInt(dir + QStringLiteral("retrans_time_ms"), p.retransTimeMs);
    return p;
}

QHostAddress RouteToPeer::nextHop(const QHostAddress &peer) const
{
    if (local)
        return {};
    return onLink ? peer : gateway;
}

std::optional<RouteToPeer> RouteToPeer::lookup(const QHostAddress &peer, QString *error)
{
    if (peer.isNull()) {
        if (error)
            *error = QStringLiteral("no address");
        return std::nullopt;
    }
    Request r{};
    r.header.nlmsg_len = NLMSG_LENGTH(sizeof(rtmsg));
    r.header.nlmsg_type = RTM_GETROUTE;
    r.header.nlmsg_flags = NLM_F_REQUEST;
    r.route.rtm_family = uchar(family(peer));
    unsigned char bytes[16];
    const int n = addressBytes(peer, bytes);
    r.route.rtm_dst_len = uchar(n * 8);
    addAttribute(r, RTA_DST, bytes, n);

    alignas(nlmsghdr) char answer[4096];
    int err = 0;
    const int length = exchange(r, answer, sizeof answer, &err);
    if (length < 0) {
        if (error)
            *error = QStringLiteral("RTM_GETROUTE %1: %2").arg(peer.toString(), ErrnoCatalog::describe(err));
        return std::nullopt;
    }
    const auto *h = reinterpret_cast<const nlmsghdr *>(answer);
    const auto *rt = static_cast<const rtmsg *>(NLMSG_DATA(h));
    RouteToPeer route;
    route.local = rt->rtm_type == RTN_LOCAL;
    int attrLength = int(RTM_PAYLOAD(h));
    for (auto *a = RTM_RTA(rt); RTA_OK(a, attrLength); a = RTA_NEXT(a, attrLength)) {
        switch (a->rta_type) {
        case RTA_GATEWAY:
            route.gateway = addressFrom(a, rt->rtm_family);
            break;
        case RTA_PREFSRC:
            route.source = addressFrom(a, rt->rtm_family);
            break;
        case RTA_OIF:
            std::memcpy(&route.interfaceIndex, RTA_DATA(a), sizeof(int));
            break;
        default:
            break;
        }
    }
    route.onLink = !route.local && route.gateway.isNull();
    char name[IF_NAMESIZE] = {};
    if (route.interfaceIndex > 0 && ::if_indextoname(unsigned(route.interfaceIndex), name))
        route.interfaceName = QString::fromLocal8Bit(name);
    return route;
}

std::optional<quint16> neighbourState(int interfaceIndex, const QHostAddress &address)
{
    if (address.isNull() || interfaceIndex <= 0)
        return std::nullopt;
    Request r{};
    r.header.nlmsg_len = NLMSG_LENGTH(sizeof(ndmsg));
    r.header.nlmsg_type = RTM_GETNEIGH;
    r.header.nlmsg_flags = NLM_F_REQUEST;
    r.neighbour.ndm_family = uchar(family(address));
    r.neighbour.ndm_ifindex = interfaceIndex;
    unsigned char bytes[16];
    addAttribute(r, NDA_DST, bytes, addressBytes(address, bytes));
    alignas(nlmsghdr) char answer[4096];
    int err = 0;
    if (exchange(r, answer, sizeof answer, &err) < 0)
        return std::nullopt;
    const auto *h = reinterpret_cast<const nlmsghdr *>(answer);
    if (h->nlmsg_type != RTM_NEWNEIGH)
        return std::nullopt;
    return static_cast<const ndmsg *>(NLMSG_DATA(h))->ndm_state;
}

bool neighbourResolutionFailing(quint16 nudState)
{
    return (nudState & (NUD_FAILED | NUD_INCOMPLETE)) != 0;
}

QString neighbourStateName(quint16 s)
{
    static const std::pair<quint16, const char *> names[] = {
        {NUD_INCOMPLETE, "INCOMPLETE"}, {NUD_REACHABLE, "REACHABLE"}, {NUD_STALE, "STALE"},
        {NUD_DELAY, "DELAY"},           {NUD_PROBE, "PROBE"},         {NUD_FAILED, "FAILED"},
        {NUD_NOARP, "NOARP"},           {NUD_PERMANENT, "PERMANENT"},
    };
    QStringList out;
    for (const auto &[bit, name] : names) {
        if (s & bit)
            out << QString::fromLatin1(name);
    }
    return out.isEmpty() ? QStringLiteral("NONE") : out.join(QLatin1Char(','));
}

} // namespace halfopen::core

namespace halfopen::core {
std::optional<bool> nextHopResolutionFailed(const QHostAddress &peer)
{
    const std::optional<RouteToPeer> route = RouteToPeer::lookup(peer, nullptr);
    if (!route || route->local)
        return std::nullopt;
    const std::optional<quint16> state = neighbourState(route->interfaceIndex, route->nextHop(peer));
    if (!state)
        return std::nullopt;
    return neighbourResolutionFailing(*state);
}
} // namespace halfopen::core
