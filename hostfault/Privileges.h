// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::hostfault {

// Whether this process holds a capability in its effective set (/proc/self/status CapEff):
// asked before acting, so the message names what is missing instead of a bare EPERM.
bool hasCapability(int capability);

// "EPERM (Operation not permitted): cutting a connection needs CAP_NET_ADMIN in this network
// namespace (run as root, or give halfopen-cli cap_net_admin)". `action` is translated text.
QString missingCapabilityMessage(int errnoValue, const QString &action, const QString &capability);

} // namespace halfopen::hostfault
