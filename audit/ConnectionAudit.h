// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditedConnection.h"
#include "audit/ConnectionRisk.h"
#include "audit/NamespaceSysctls.h"

#include "core/observe/NetworkNamespace.h"
#include "core/observe/SockDiagClient.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace halfopen::audit {

// Which connections an audit reports. Empty fields select everything.
struct AuditFilter
{
    std::optional<quint16> port; // local or remote port
    std::optional<qint64> pid;   // held by this process
    QString process;             // held by a process with this command name (/proc/PID/comm)
};

// Audits every TCP connection of one network namespace (the caller's, or another one's such as
// a container's): sock_diag for the sockets, /proc/PID/fd for their processes, pidfd_getfd for
// their own options, the namespace's sysctls, the predictor for each and a risk with its fix.
// It only reads: nothing on the machine changes, and a socket it duplicates to read options is
// let go of at once. Reusable: open once, scan as often as wanted (the window scans every
// second). Not thread-safe.
class ConnectionAudit
{
public:
    explicit ConnectionAudit(int riskThresholdS = ConnectionRisk::kDefaultThresholdS);

    // The caller's namespace when `netnsPath` is empty; otherwise /proc/PID/ns/net or
    // /run/netns/NAME (needs CAP_SYS_ADMIN over it). False with errorString() naming the errno.
    bool open(const QString &netnsPath = QString());
    bool isOpen() const { return m_client.isOpen(); }
    QString netnsPath() const { return m_netns.path(); }

    // Every connection the filter selects, in the kernel's order. Listening sockets, TIME_WAIT
    // and half-open request sockets are not connections anyone holds, and are left out.
    bool scan(const AuditFilter &filter, std::vector<AuditedConnection> *out);

    // The namespace's sysctls as the last scan read them.
    const NamespaceSysctls &sysctls() const { return m_sysctls; }
    const ConnectionRisk &risk() const { return m_risk; }
    QString errorString() const { return m_error; }

    // The states an audit reports.
    static bool isAudited(core::TcpState state);
    // A compact key for a prediction input, for caching what is computed from it.
    static QByteArray predictionKey(const core::PredictionInput &input, bool withRtt = true);

private:
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
};

} // namespace halfopen::audit
