// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <linux/netlink.h>

namespace halfopen::core {

// NLMSG_OK, without its comparison of a signed length with the header's unsigned one (which
// clang reports): whether a whole message starts at `h` within the `left` bytes received.
inline bool netlinkMessageFits(const nlmsghdr *h, int left)
{
    return left >= int(sizeof(nlmsghdr)) && h->nlmsg_len >= sizeof(nlmsghdr) && h->nlmsg_len <= unsigned(left);
}

} // namespace halfopen::core
