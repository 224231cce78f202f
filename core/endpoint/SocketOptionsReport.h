// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/tcp/SocketOptions.h"

namespace halfopen::core {

// Applies options to a socket, reads them back, and returns the `endpoint` event ("options")
// that tells the user what was asked, what the kernel has now, and which options failed.
// `failed` is set when any setsockopt failed. `live`: changed on an open connection, not set up
// with it.
Event applySocketOptions(int fd, const SocketOptions &requested, Host host, bool *failed = nullptr, bool live = false);

} // namespace halfopen::core
