// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace halfopen::lab {

// The cable's capture is a ring of the last this many MB (PcapWriter): the range the
// supervisor's `start` command takes (capture_limit_mb), the window's setting and its check all
// read it from here. A streaming lab writes ~60 MB/s: unbounded, the cache fills the disk.
struct CaptureLimit
{
    static constexpr int kDefaultMb = 256;
    static constexpr int kMinimumMb = 1;
    static constexpr int kMaximumMb = 1024 * 1024; // 1 TB
};

} // namespace halfopen::lab
