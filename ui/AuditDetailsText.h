// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditedConnection.h"
#include "audit/NamespaceSysctls.h"

#include <QCoreApplication>
#include <QString>

namespace halfopen::ui {

// The details of one audited connection as rich text: who holds it, its options and where
// they came from, the namespace's sysctls, then the predictor's answer for each kind of peer
// death, the risk and the fix.
class AuditDetailsText
{
    Q_DECLARE_TR_FUNCTIONS(AuditDetailsText)

public:
    static QString html(const audit::AuditedConnection &c, const audit::NamespaceSysctls &sysctls);
};

} // namespace halfopen::ui
