#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `halfopen-cli audit --json` against `ss -tnpi` on 10 000 loopback connections held by
# several processes (the sockets bench's program in its --audit mode). Needs root: a network
# namespace of its own, and ptrace rights to read every socket's options.
#   tests/bench/audit/run.sh [BUILD_DIR] [options: --connections N --repeat R --holders K]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
[ $# -gt 0 ] && shift
exec "$here/../sockets/run.sh" "$build" --audit --connections 10000 --holders 4 "$@"
