// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditedConnection.h"
#include "audit/ConnectionRisk.h"
#include "audit/NamespaceSysctls.h"
#include "audit/SocketOptionsProbe.h"

#include "core/observe/NetworkNamespace.h"
#include "core/observe/SockDiagClient.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <chrono>
#include <optional>
#include <vector>

namespace halfopen::audit {

// Which connections an audit reports. Empty fields select everything.
struct AuditFilter
{
    std::optional<quint16> port; // local or remote port
    std::optional<qint64> pid;   // held by this process
    QString process;             // held by a process with this command name (/proc/PID/comm)
    bool operator==(const AuditFilter &) const = default;
};

// Audits every TCP connection of one network namespace (the caller's, or another one's such as
// a container's): sock_diag for the sockets, /proc/PID/fd for their processes, pidfd_getfd for
// their own options, the namespace's sysctls, the predictor for each and a risk with its fix.
// It only reads: nothing on the machine changes, and a socket it duplicates to read options is
// let go of at once. Reusable: open once, scan as often as wanted (the window scans every
// second, the exporter at every scrape). Between scans it remembers, by socket cookie, who holds
// each socket and its options: the /proc walk and the option reads are most of a scan's cost, and
// on a quiet machine neither changes. They are read again when a socket is new, when a process
// that held one has exited, and for every socket at least every `rereadAfter`. Not thread-safe.
class ConnectionAudit
{
public:
    static constexpr std::chrono::milliseconds kDefaultRereadAfter{60'000};
    explicit ConnectionAudit(int riskThresholdS = ConnectionRisk::kDefaultThresholdS,
                             std::chrono::milliseconds rereadAfter = kDefaultRereadAfter);

    // The caller's namespace when `netnsPath` is empty; otherwise /proc/PID/ns/net or
    // /run/netns/NAME (needs CAP_SYS_ADMIN over it). False with errorString() naming the errno.
    bool open(const QString &netnsPath = QString());
    bool isOpen() const { return m_client.isOpen(); }
    QString netnsPath() const { return m_netns.path(); }

    // Every connection the filter selects, in the kernel's order. Listening sockets, TIME_WAIT
    // and half-open request sockets are not connections anyone holds, and are left out.
    bool scan(const AuditFilter &filter, std::vector<AuditedConnection> *out);

    // Whether the last scan walked /proc and read options (false: all came from earlier scans).
    bool lastScanReadProcesses() const { return m_lastScanWalked; }

    // The namespace's sysctls as the last scan read them.
    const NamespaceSysctls &sysctls() const { return m_sysctls; }
    const ConnectionRisk &risk() const { return m_risk; }
    QString errorString() const { return m_error; }

    // The states an audit reports.
    static bool isAudited(core::TcpState state);
    // A compact key for a prediction input, for caching what is computed from it.
    static QByteArray predictionKey(const core::PredictionInput &input, bool withRtt = true);

private:
    // What does not change between scans of one socket: who holds it and its own options.
    struct KnownSocket
    {
        QList<SocketHolder> holders;
        OptionsSource source = OptionsSource::Unknown;
        SocketDeadPeerOptions options; // when source is Socket
        QString note;                  // source Socket: where they were read; otherwise why they could not be
        qint64 readAtMs = 0;
    };
    bool needsProcessWalk(const std::vector<AuditedConnection> &rows, qint64 nowMs) const;
    KnownSocket readSocket(const AuditedConnection &c, QList<SocketHolder> holders, SocketOptionsProbe *probe,
                           const ProcessSocketMap &processes, qint64 nowMs) const;
    QString userName(quint32 uid);
    RiskAssessment assess(const core::PredictionInput &input);

    core::NetworkNamespace m_netns;
    core::SockDiagClient m_client;
    ConnectionRisk m_risk;
    NamespaceSysctls m_sysctls;
    QHash<QByteArray, RiskAssessment> m_assessments; // the predictor is the costly part
    QHash<quint32, QString> m_users;
    QString m_error;
    size_t m_lastCount = 0;
    std::chrono::milliseconds m_rereadAfter;
    QElapsedTimer m_clock;
    QHash<quint64, KnownSocket> m_known; // by socket cookie, the sockets of the last scan
    AuditFilter m_knownFilter;           // the filter m_known was read under
    bool m_lastScanWalked = false;
};

} // namespace halfopen::audit
