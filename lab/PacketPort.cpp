// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/PacketPort.h"

#include "core/session/MonotonicClock.h"
#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/ethtool.h>
#include <linux/if_packet.h>
#include <linux/sockios.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>

namespace halfopen::lab {

using core::ErrnoCatalog;

namespace {
// A slot holds a GSO super-frame: at most 64 KB of IP datagram, its Ethernet and VLAN headers.
constexpr int kSlot = 66 * 1024;
constexpr int kBatch = 32; // frames per system call, both ways
constexpr int kFramesPerWakeup = 256;
// struct virtio_net_hdr (<linux/virtio_net.h> does not compile beside Qt's `signals` macro).
static_assert(sizeof(FrameOffload) == 10 && offsetof(FrameOffload, checksumOffset) == 8);
} // namespace

PacketPort::PacketPort(QObject *parent)
    : QObject(parent)
    , m_receive(kSlot * kBatch, Qt::Uninitialized)
    , m_transmit(kSlot * kBatch, Qt::Uninitialized)
{ }

PacketPort::~PacketPort()
{
    close();
}

bool PacketPort::open(const QString &interfaceName, QString *error)
{
    auto fail = [&](const char *what) {
        *error
            = QCoreApplication::translate("PacketPort", "%1 on %2: %3")
                  .arg(QCoreApplication::translate("PacketPort", what), interfaceName, ErrnoCatalog::describe(errno));
        close();
        return false;
    };
    m_fd = ::socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ALL));
    if (m_fd < 0)
        return fail(QT_TRANSLATE_NOOP("PacketPort", "cannot open a packet socket"));
    const unsigned index = ::if_nametoindex(interfaceName.toLatin1().constData());
    if (index == 0)
        return fail(QT_TRANSLATE_NOOP("PacketPort", "no such interface"));
    // Frames we send out of this end must not come back to us as if the host had sent them.
    const int on = 1;
    ::setsockopt(m_fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &on, sizeof on);
    // Every frame comes with, and goes out with, its virtio_net_hdr.
    if (::setsockopt(m_fd, SOL_PACKET, PACKET_VNET_HDR, &on, sizeof on) != 0)
        return fail(QT_TRANSLATE_NOOP("PacketPort", "cannot open a packet socket"));
    const int buffer = 16 * 1024 * 1024;
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    // A batch of super-frames must fit in the send buffer: sendmmsg does not wait for room.
    ::setsockopt(m_fd, SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
    sockaddr_ll address{};
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETH_P_ALL);
    address.sll_ifindex = int(index);
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        return fail(QT_TRANSLATE_NOOP("PacketPort", "cannot bind a packet socket"));
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        if (readFrames() > 0)
            emit wokeUp();
    });
    return true;
}

void PacketPort::close()
{
    m_queued = 0;
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void PacketPort::send(const QByteArray &frame, const FrameOffload &offload)
{
    if (m_fd < 0 || frame.size() > kSlot)
        return; // a frame the link could not carry is lost, as on a wire
    if (m_queued == kBatch)
        flush();
    std::memcpy(m_transmit.data() + m_queued * kSlot, frame.constData(), size_t(frame.size()));
    m_transmitOffloads[m_queued] = offload;
    m_transmitSizes[m_queued++] = int(frame.size());
}

void PacketPort::flush()
{
    if (m_fd < 0 || m_queued == 0) {
        m_queued = 0;
        return;
    }
    iovec iov[kBatch][2];
    mmsghdr messages[kBatch]{};
    for (int i = 0; i < m_queued; ++i) {
        iov[i][0] = {&m_transmitOffloads[i], sizeof(FrameOffload)};
        iov[i][1] = {m_transmit.data() + i * kSlot, size_t(m_transmitSizes[i])};
        messages[i].msg_hdr.msg_iov = iov[i];
        messages[i].msg_hdr.msg_iovlen = 2;
    }
    int sent = 0;
    while (sent < m_queued) {
        const int n = ::sendmmsg(m_fd, messages + sent, unsigned(m_queued - sent), MSG_DONTWAIT);
        if (n <= 0) {
            ++sent; // the kernel refused this frame (queue full): lost, as on a congested wire
            continue;
        }
        sent += n;
    }
    m_queued = 0;
}

int PacketPort::readFrames()
{
    int done = 0;
    iovec iov[kBatch][2];
    mmsghdr messages[kBatch]{};
    for (int i = 0; i < kBatch; ++i) {
        iov[i][0] = {&m_receiveOffloads[i], sizeof(FrameOffload)};
        iov[i][1] = {m_receive.data() + i * kSlot, size_t(kSlot)};
        messages[i].msg_hdr.msg_iov = iov[i];
        messages[i].msg_hdr.msg_iovlen = 2;
    }
    while (done < kFramesPerWakeup && m_fd >= 0) {
        const int n = ::recvmmsg(m_fd, messages, kBatch, MSG_DONTWAIT, nullptr);
        if (n <= 0)
            break;
        const qint64 tUs = core::monotonicNowUs();
        for (int i = 0; i < n && m_fd >= 0; ++i) {
            // Truncated (larger than a slot): cut short as a capture with a snap length would.
            const unsigned length = messages[i].msg_len;
            if (length <= sizeof(FrameOffload))
                continue;
            const int size = int(std::min<unsigned>(length - sizeof(FrameOffload), kSlot));
            emit frameReceived(QByteArray::fromRawData(m_receive.constData() + i * kSlot, size), m_receiveOffloads[i],
                               tUs);
        }
        emit framesDone();
        done += n;
        if (n < kBatch)
            break;
    }
    return done;
}

bool enableOffloads(int netnsFd, const QString &interfaceName, QString *error)
{
    // The ioctl works on the namespace the socket was created in: make it there.
    const int home = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (home < 0 || ::setns(netnsFd, CLONE_NEWNET) != 0) {
        *error = QCoreApplication::translate("PacketPort", "cannot enter the host's namespace: %1")
                     .arg(ErrnoCatalog::describe(errno));
        if (home >= 0)
            ::close(home);
        return false;
    }
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ::setns(home, CLONE_NEWNET);
    ::close(home);
    if (fd < 0) {
        *error = ErrnoCatalog::describe(errno);
        return false;
    }
    bool ok = true;
    // Checksum and scatter-gather first: TSO depends on them. GRO off: a host sees each frame
    // the cable delivers as it came.
    for (const quint32 command : {quint32(ETHTOOL_STXCSUM), quint32(ETHTOOL_SSG), quint32(ETHTOOL_STSO),
                                  quint32(ETHTOOL_SGSO), quint32(ETHTOOL_SGRO)}) {
        ethtool_value value{command, command == ETHTOOL_SGRO ? 0u : 1u};
        ifreq request{};
        std::strncpy(request.ifr_name, interfaceName.toLatin1().constData(), IFNAMSIZ - 1);
        request.ifr_data = reinterpret_cast<char *>(&value);
        if (::ioctl(fd, SIOCETHTOOL, &request) != 0 && errno != EOPNOTSUPP) {
            *error = QCoreApplication::translate("PacketPort", "cannot set offloads on %1: %2")
                         .arg(interfaceName, ErrnoCatalog::describe(errno));
            ok = false;
            break;
        }
    }
    ::close(fd);
    return ok;
}

} // namespace halfopen::lab
