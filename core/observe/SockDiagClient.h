// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/observe/SockDiagFilter.h"
#include "core/observe/SockDiagRow.h"
#include "core/observe/SockDiagSnapshot.h"

#include <QString>

#include <functional>
#include <vector>

namespace halfopen::core {

class NetworkNamespace;

// A NETLINK_SOCK_DIAG client for the TCP sockets of one network namespace (inet_diag_req_v2,
// SOCK_DIAG_BY_FAMILY): full dumps for observers, and cheap exact lookups of one socket by its
// 4-tuple for polling a socket the caller owns. One netlink socket is opened once and reused;
// it stays bound to the namespace it was created in. Not thread-safe: one client per thread.
class SockDiagClient
{
public:
    SockDiagClient();
    ~SockDiagClient();
    SockDiagClient(const SockDiagClient &) = delete;
    SockDiagClient &operator=(const SockDiagClient &) = delete;

    // Opens the netlink socket in the caller's namespace, or inside another one (a namespace fd
    // the caller keeps, or a path such as /run/netns/NAME or /proc/PID/ns/net). Entering another
    // namespace needs CAP_SYS_ADMIN over it. On failure see errorNumber()/errorString().
    bool open();
    bool open(const NetworkNamespace &netns);
    bool openInNamespace(int netnsFd);
    bool openInNamespace(const QString &path);
    bool isOpen() const { return m_fd >= 0; }
    void close();

    // Dumps the IPv4 then the IPv6 TCP sockets the filter selects; the kernel applies the
    // filter. `visit` gets a row that is reused for the next socket: copy what you keep.
    bool dump(const SockDiagFilter &filter, const std::function<void(const SockDiagRow &)> &visit);
    bool dump(const SockDiagFilter &filter, SockDiagSnapshot *out);

    enum class LookupResult { Found, NotFound, Failed };
    // One socket by its exact 4-tuple (no dump: the kernel looks it up in its hash tables).
    // NotFound when no socket has exactly this 4-tuple, e.g. after it was closed (the kernel
    // would answer with the listener on the local address; that is not counted as found).
    LookupResult lookup(const SocketAddress &local, const SocketAddress &remote, SockDiagRow *out);

    // For a connected socket this process owns (fd): looks it up by its own 4-tuple and copies
    // the timer (kind, expiry, and the probes/retransmits count ss shows with it) into *sample,
    // setting timerKnown. Fits TcpInfoSampler::TimerLookup. False when the socket has no peer
    // any more or is gone from the kernel's tables.
    bool readTimer(int fd, TcpInfoSample *sample);

    int errorNumber() const { return m_errno; }
    QString errorString() const { return m_error; }

private:
    bool openWith(int netnsFd, const QString &where);
    bool sendRequest(int family, quint16 flags, quint32 states, const void *sockid, const QByteArray &bytecode);
    bool dumpFamily(int family, const SockDiagFilter &filter, const QByteArray &bytecode,
                    const std::function<void(const SockDiagRow &)> &visit);
    bool fail(const QString &what, int errnoValue);

    int m_fd = -1;
    quint32 m_sequence = 0;
    std::vector<char> m_buffer; // one receive buffer for every reply, allocated once
    SockDiagRow m_row;          // decoded in place for each socket of a dump
    qsizetype m_lastRowCount = 0;
    int m_errno = 0;
    QString m_error;
};

} // namespace halfopen::core
