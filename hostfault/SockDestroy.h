// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hostfault/TargetConnection.h"

#include <QString>

namespace halfopen::hostfault {

// Aborts one connection from outside the process, as `ss -K` does: SOCK_DESTROY through
// NETLINK_SOCK_DIAG for the exact 4-tuple and socket cookie. The kernel sends the peer an RST
// and the application's next call on the socket fails with ECONNABORTED. Needs CAP_NET_ADMIN
// and a kernel built with CONFIG_INET_DIAG_DESTROY (EOPNOTSUPP without it).
// Returns false with a message naming the errno and what is missing.
bool destroySocket(const TargetConnection &target, QString *error);

} // namespace halfopen::hostfault
