// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/ApplicationAssumption.h"
#include "audit/AuditedConnection.h"
#include "audit/NamespaceSysctls.h"

#include <QCoreApplication>
#include <QString>

namespace halfopen::ui {

// The details of one audited connection as rich text: who holds it, its options and where
// they came from (its RTT, queues and timer apart, as plain text), the namespace's sysctls, then
// the predictor's answer for each kind of peer death, the application's own keepalive when one
// is assumed (well-known port), the risk and the fix.
class AuditDetailsText
{
    Q_DECLARE_TR_FUNCTIONS(AuditDetailsText)

public:
    // Without what moves with every scan (liveText), which a view shows on its own line: the
    // rest changes rarely, and is set again only then.
    static QString html(const audit::AuditedConnection &c, const audit::NamespaceSysctls &sysctls,
                        const std::optional<audit::ApplicationAssumption> &application = std::nullopt);
    // RTT, queues and timer: what moves with every scan.
    static QString liveText(const audit::AuditedConnection &c);
};

} // namespace halfopen::ui
