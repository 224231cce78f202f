// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/SockDestroy.h"

#include "hostfault/Privileges.h"

#include "core/observe/NetlinkMessage.h"
#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace halfopen::hostfault {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hostfault", text);
}

void fill(const core::SocketAddress &address, __be32 *out, __be16 *port)
{
    if (address.family() == AF_INET6) {
        const auto &in6 = reinterpret_cast<const sockaddr_in6 &>(address.storage);
        std::memcpy(out, &in6.sin6_addr, 16);
        *port = in6.sin6_port;
    } else {
        const auto &in4 = reinterpret_cast<const sockaddr_in &>(address.storage);
        out[0] = in4.sin_addr.s_addr;
        *port = in4.sin_port;
    }
}

} // namespace

bool destroySocket(const TargetConnection &target, QString *error)
{
    const int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0) {
        *error = tr("sock_diag: %1").arg(core::ErrnoCatalog::describe(errno));
        return false;
    }
    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DESTROY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
    message.header.nlmsg_seq = 1;
    message.request.sdiag_family = quint8(target.local.family());
    message.request.sdiag_protocol = IPPROTO_TCP;
    message.request.idiag_states = ~0U;
    fill(target.local, message.request.id.idiag_src, &message.request.id.idiag_sport);
    fill(target.remote, message.request.id.idiag_dst, &message.request.id.idiag_dport);
    // The cookie pins the very socket we chose: a new connection that reused the 4-tuple is
    // not touched (the kernel answers ESTALE instead).
    message.request.id.idiag_cookie[0] = quint32(target.cookie);
    message.request.id.idiag_cookie[1] = quint32(target.cookie >> 32);
    if (target.cookie == 0) {
        message.request.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
        message.request.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    }

    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    int err = 0;
    if (::sendto(fd, &message, sizeof message, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel) < 0) {
        err = errno;
    } else {
        char buffer[512];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0) {
            err = errno;
        } else {
            const auto *reply = reinterpret_cast<const nlmsghdr *>(buffer);
            if (core::netlinkMessageFits(reply, int(n)) && reply->nlmsg_type == NLMSG_ERROR)
                err = -static_cast<const nlmsgerr *>(NLMSG_DATA(reply))->error;
            else
                err = EPROTO;
        }
    }
    ::close(fd);
    if (err == 0)
        return true;
    constexpr int kCapNetAdmin = 12;
    if ((err == EPERM || err == EACCES) && !hasCapability(kCapNetAdmin))
        *error = missingCapabilityMessage(err, tr("aborting a connection with SOCK_DESTROY"),
                                          QStringLiteral("CAP_NET_ADMIN"));
    else if (err == EOPNOTSUPP)
        *error
            = tr("%1: this kernel cannot destroy sockets from outside (it was built without CONFIG_INET_DIAG_DESTROY)")
                  .arg(core::ErrnoCatalog::describe(err));
    else if (err == ENOENT || err == ESTALE)
        *error = tr("%1: the connection %2 -> %3 is gone")
                     .arg(core::ErrnoCatalog::describe(err), target.local.toString(), target.remote.toString());
    else
        *error = tr("SOCK_DESTROY: %1").arg(core::ErrnoCatalog::describe(err));
    return false;
}

} // namespace halfopen::hostfault
