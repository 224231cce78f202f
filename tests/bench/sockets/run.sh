#!/bin/sh
# Times `halfopen-cli sockets --json` against `ss -tani` at 10 000 and 50 000 loopback
# connections. Needs root (a network namespace of its own, RLIMIT_NOFILE above 100 000).
#   tests/bench/sockets/run.sh [BUILD_DIR] [sockets-bench options: --connections N,N --repeat R]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
[ $# -gt 0 ] && shift
cli="$build/app/halfopen-cli"
if [ ! -x "$cli" ]; then
    echo "sockets bench: $cli not found: build it first (make build)" >&2
    exit 2
fi
type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
case "$type" in
    Release|RelWithDebInfo|MinSizeRel) ;;
    *) echo "sockets bench: note: $build is a '$type' build; timings are meant for an optimized one" >&2 ;;
esac
mkdir -p "$build/bench"
c++ -std=c++20 -O2 -Wall -Wextra -o "$build/bench/sockets-bench" "$here/SocketsBench.cpp"
exec "$build/bench/sockets-bench" --cli "$cli" "$@"
