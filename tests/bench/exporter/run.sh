#!/bin/sh
# Times `halfopen-cli exporter` scrapes over 10 000 connections, its memory, and its CPU when
# scraped every 15 s. Needs root (a network namespace of its own).
#   tests/bench/exporter/run.sh [BUILD_DIR] [exporter-bench options: --sockets N --repeat R --idle-seconds S]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
[ $# -gt 0 ] && shift
cli="$build/app/halfopen-cli"
if [ ! -x "$cli" ]; then
    echo "exporter bench: $cli not found: build it first (make build)" >&2
    exit 2
fi
type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
case "$type" in
    Release|RelWithDebInfo|MinSizeRel) ;;
    *) echo "exporter bench: note: $build is a '$type' build; timings are meant for an optimized one" >&2 ;;
esac
mkdir -p "$build/bench"
c++ -std=c++20 -O2 -Wall -Wextra -o "$build/bench/exporter-bench" "$here/ExporterBench.cpp"
exec "$build/bench/exporter-bench" --cli "$cli" "$@"
