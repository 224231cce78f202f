// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporter/MetricsExporter.h"

#include "audit/ConnectionAudit.h"
#include "core/observe/NetworkNamespace.h"
#include "core/observe/SockDiagClient.h"

#include <QHash>

#include <array>

namespace halfopen::exporter {

// The exporter's connections from the audit engine (audit/ConnectionAudit): every connection of
// the namespace with its process, its own options (pidfd_getfd, or sock_diag's timer as the
// fallback), risk and fix; plus, in one more sock_diag dump filtered by state in the kernel, the
// listeners and TIME_WAIT sockets the audit leaves out, for the counts by state and for telling
// a closed connection from one that vanished.
class AuditConnectionSource : public ConnectionSource
{
public:
    struct Options
    {
        QString netnsPath;         // empty: the exporter's own namespace
        audit::AuditFilter filter; // --port, --process
        int riskThresholdS = audit::ConnectionRisk::kDefaultThresholdS;
    };

    explicit AuditConnectionSource(const Options &options);

    // Opens the namespace and its netlink sockets; false with *error naming the errno.
    bool open(QString *error);

    bool scan(std::vector<ConnectionReport> *out, QString *error) override;
    void complete(ConnectionReport *report) override;

private:
    using Predictions = std::array<std::optional<double>, ConnectionReport::kDeathKinds>;
    QByteArray fixText(const audit::RiskFix &fix);

    Options m_options;
    audit::ConnectionAudit m_audit;
    core::NetworkNamespace m_netns;
    core::SockDiagClient m_others; // LISTEN and TIME_WAIT
    std::vector<audit::AuditedConnection> m_audited;
    QHash<QByteArray, Predictions> m_predictions; // by prediction input: the predictor is costly
    QHash<QString, QByteArray> m_fixTexts;
};

} // namespace halfopen::exporter
