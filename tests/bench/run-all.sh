#!/usr/bin/env bash
# Runs every benchmark against a build directory (make bench). Needs root (the lab). Goes on
# after a missed target and exits 3 at the end if any was missed.
set -uo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
status=0
run() {
    "$@"
    local s=$?
    if [[ $s -eq 3 ]]; then
        status=3
    elif [[ $s -ne 0 ]]; then
        echo "run-all: '$*' failed ($s)" >&2
        exit "$s"
    fi
    echo
}
run "$here/sockets/run.sh" "$build"
run "$here/exporter/run.sh" "$build"
run "$here/audit/run.sh" "$build"
run "$build/tests/bench/audit/audit-view-bench"
run "$build/tests/bench/lab/lab-bench"
run "$build/tests/bench/models/models-bench"
run "$build/tests/bench/ui/window-replay-bench"
run "$build/tests/bench/scenario/verdict-bench"
run "$here/ui/idle-cpu.sh" "$build"
exit $status
