// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/SockDiagClient.h"

#include "core/observe/NetlinkMessage.h"
#include "core/observe/NetworkNamespace.h"
#include "core/observe/SocketTuple.h"
#include "core/session/MonotonicClock.h"
#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace halfopen::core {

namespace {

// The kernel fills at most ~32 KiB per dump read (netlink caps its dump skb there, and queues
// the next one while we decode), so a larger buffer or SO_RCVBUF buys nothing. This one holds
// a full read with room to spare: one recv() per read, where ss peeks at the size first.
constexpr size_t kReceiveBufferBytes = 64 * 1024;

// lupdate takes the context from this class: the strings below are "SockDiagClient"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SockDiagClient)
};

void fillAddress(const SocketAddress &address, __be32 words[4], __be16 *port)
{
    if (address.family() == AF_INET6) {
        const auto &a = reinterpret_cast<const sockaddr_in6 &>(address.storage);
        std::memcpy(words, &a.sin6_addr, 16);
        *port = a.sin6_port;
    } else {
        const auto &a = reinterpret_cast<const sockaddr_in &>(address.storage);
        words[0] = a.sin_addr.s_addr;
        *port = a.sin_port;
    }
}

} // namespace

SockDiagClient::SockDiagClient() = default;

SockDiagClient::~SockDiagClient()
{
    close();
}

void SockDiagClient::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool SockDiagClient::open()
{
    return openWith(-1, QString());
}

bool SockDiagClient::open(const NetworkNamespace &netns)
{
    return openWith(netns.fd(), netns.path());
}

bool SockDiagClient::openInNamespace(int netnsFd)
{
    return openWith(netnsFd, QStringLiteral("fd %1").arg(netnsFd));
}

bool SockDiagClient::openInNamespace(const QString &path)
{
    NetworkNamespace netns;
    QString error;
    if (!netns.open(path, &error)) {
        m_errno = errno ? errno : EINVAL;
        m_error = error;
        return false;
    }
    return open(netns);
}

bool SockDiagClient::openWith(int netnsFd, const QString &where)
{
    close();
    m_errno = 0;
    m_error.clear();
    const int fd = NetworkNamespace::createSocketIn(netnsFd, AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0) {
        const int saved = errno;
        if (netnsFd >= 0 && saved == EPERM)
            return fail(Text::tr("cannot enter network namespace %1 (needs CAP_SYS_ADMIN over it)").arg(where), saved);
        return fail(Text::tr("cannot open a NETLINK_SOCK_DIAG socket"), saved);
    }
    m_fd = fd;
    if (m_buffer.size() != kReceiveBufferBytes)
        m_buffer.resize(kReceiveBufferBytes);
    return true;
}

bool SockDiagClient::fail(const QString &what, int errnoValue)
{
    m_errno = errnoValue;
    m_error = QStringLiteral("%1: %2").arg(what, ErrnoCatalog::describe(errnoValue));
    return false;
}

bool SockDiagClient::sendRequest(int family, quint16 flags, quint32 states, const void *sockid,
                                 const QByteArray &bytecode)
{
    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } message{};
    rtattr attribute{};
    const bool withBytecode = !bytecode.isEmpty();
    const size_t attributeLength = withBytecode ? RTA_LENGTH(bytecode.size()) : 0;

    message.header.nlmsg_len = NLMSG_LENGTH(sizeof message.request) + RTA_ALIGN(attributeLength);
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | flags;
    message.header.nlmsg_seq = ++m_sequence;
    message.request.sdiag_family = quint8(family);
    message.request.sdiag_protocol = IPPROTO_TCP;
    message.request.idiag_states = states;
    message.request.idiag_ext = 1 << (INET_DIAG_INFO - 1);
    if (sockid)
        std::memcpy(&message.request.id, sockid, sizeof message.request.id);

    iovec parts[3] = {{&message, sizeof message}, {}, {}};
    int count = 1;
    if (withBytecode) {
        attribute.rta_type = INET_DIAG_REQ_BYTECODE;
        attribute.rta_len = quint16(attributeLength);
        parts[1] = {&attribute, sizeof attribute};
        parts[2] = {const_cast<char *>(bytecode.constData()), size_t(bytecode.size())};
        count = 3;
    }
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    msghdr header{};
    header.msg_name = &kernel;
    header.msg_namelen = sizeof kernel;
    header.msg_iov = parts;
    header.msg_iovlen = count;
    while (::sendmsg(m_fd, &header, 0) < 0) {
        if (errno != EINTR)
            return fail(Text::tr("sock_diag request"), errno);
    }
    return true;
}

bool SockDiagClient::dump(const SockDiagFilter &filter, const std::function<void(const SockDiagRow &)> &visit)
{
    if (m_fd < 0)
        return fail(Text::tr("sock_diag dump"), EBADF);
    const QByteArray bytecode = filter.bytecode();
    return dumpFamily(AF_INET, filter, bytecode, visit) && dumpFamily(AF_INET6, filter, bytecode, visit);
}

bool SockDiagClient::dump(const SockDiagFilter &filter, SockDiagSnapshot *out)
{
    out->rows.clear();
    out->rows.reserve(m_lastRowCount + m_lastRowCount / 8);
    const bool ok = dump(filter, [out](const SockDiagRow &row) { out->rows.append(row); });
    out->takenAtUs = monotonicNowUs();
    m_lastRowCount = out->rows.size();
    return ok;
}

bool SockDiagClient::dumpFamily(int family, const SockDiagFilter &filter, const QByteArray &bytecode,
                                const std::function<void(const SockDiagRow &)> &visit)
{
    if (!sendRequest(family, NLM_F_DUMP, filter.states, nullptr, bytecode))
        return false;
    const quint32 sequence = m_sequence;
    for (;;) {
        const ssize_t received = ::recv(m_fd, m_buffer.data(), m_buffer.size(), 0);
        if (received < 0) {
            if (errno == EINTR)
                continue;
            const int saved = errno;
            close(); // the rest of the dump would answer our next request
            return fail(Text::tr("sock_diag dump"), saved);
        }
        int left = int(received);
        for (auto *h = reinterpret_cast<const nlmsghdr *>(m_buffer.data()); netlinkMessageFits(h, left);
             h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_seq != sequence)
                continue; // a late answer to an earlier request
            if (h->nlmsg_type == NLMSG_DONE) {
                // A dump that failed in the kernel reports its error in the DONE message.
                if (h->nlmsg_len >= NLMSG_LENGTH(sizeof(int))) {
                    const int status = *static_cast<const int *>(NLMSG_DATA(h));
                    if (status < 0)
                        return fail(Text::tr("sock_diag dump"), -status);
                }
                return true;
            }
            if (h->nlmsg_type == NLMSG_ERROR) {
                const auto *error = static_cast<const nlmsgerr *>(NLMSG_DATA(h));
                return fail(Text::tr("sock_diag dump"), error->error ? -error->error : EPROTO);
            }
            if (h->nlmsg_type == SOCK_DIAG_BY_FAMILY && SockDiagRow::fromNetlink(h, &m_row))
                visit(m_row);
        }
    }
}

SockDiagClient::LookupResult SockDiagClient::lookup(const SocketAddress &local, const SocketAddress &remote,
                                                    SockDiagRow *out)
{
    if (m_fd < 0) {
        fail(Text::tr("sock_diag lookup"), EBADF);
        return LookupResult::Failed;
    }
    if (local.family() != remote.family() || (local.family() != AF_INET && local.family() != AF_INET6)) {
        fail(Text::tr("sock_diag lookup: local and remote must both be IPv4 or both IPv6"), EAFNOSUPPORT);
        return LookupResult::Failed;
    }
    inet_diag_sockid id{};
    fillAddress(local, id.idiag_src, &id.idiag_sport);
    fillAddress(remote, id.idiag_dst, &id.idiag_dport);
    id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
    id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    if (!sendRequest(local.family(), 0, SockDiagFilter::kAllStates, &id, QByteArray()))
        return LookupResult::Failed;
    const quint32 sequence = m_sequence;
    for (;;) {
        const ssize_t received = ::recv(m_fd, m_buffer.data(), m_buffer.size(), 0);
        if (received < 0) {
            if (errno == EINTR)
                continue;
            fail(Text::tr("sock_diag lookup"), errno);
            return LookupResult::Failed;
        }
        int left = int(received);
        for (auto *h = reinterpret_cast<const nlmsghdr *>(m_buffer.data()); netlinkMessageFits(h, left);
             h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_seq != sequence)
                continue;
            if (h->nlmsg_type == NLMSG_ERROR) {
                const int error = -static_cast<const nlmsgerr *>(NLMSG_DATA(h))->error;
                if (error == ENOENT)
                    return LookupResult::NotFound;
                fail(Text::tr("sock_diag lookup"), error ? error : EPROTO);
                return LookupResult::Failed;
            }
            if (h->nlmsg_type == SOCK_DIAG_BY_FAMILY && SockDiagRow::fromNetlink(h, &m_row)) {
                // The kernel's lookup falls back to a listener on the local address: that is
                // not the connection asked for (it is gone).
                if (SocketTuple::of(m_row.local, m_row.remote) != SocketTuple::of(local, remote))
                    return LookupResult::NotFound;
                *out = m_row;
                return LookupResult::Found;
            }
        }
    }
}

bool SockDiagClient::readTimer(int fd, TcpInfoSample *sample)
{
    const SocketAddress local = SocketAddress::localOf(fd);
    const SocketAddress remote = SocketAddress::peerOf(fd);
    if (!local.isValid() || !remote.isValid())
        return fail(Text::tr("sock_diag timer: the socket has no peer"), ENOTCONN);
    SockDiagRow row;
    const LookupResult result = lookup(local, remote, &row);
    if (result != LookupResult::Found) {
        if (result == LookupResult::NotFound)
            fail(Text::tr("sock_diag timer: no such socket"), ENOENT);
        return false;
    }
    sample->timerKnown = true;
    sample->timer = row.sample.timer;
    sample->timerExpiresMs = row.sample.timerExpiresMs;
    if (row.sample.timer == TcpTimer::Retransmit)
        sample->retransmits = row.sample.retransmits;
    else if (row.sample.timer == TcpTimer::Keepalive || row.sample.timer == TcpTimer::Persist)
        sample->probes = row.sample.probes;
    return true;
}

} // namespace halfopen::core
