#!/usr/bin/env bash
# Runs every benchmark against a build directory (make bench). Needs root.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
"$here/sockets/run.sh" "$build"
"$build/tests/bench/lab/lab-bench"
"$build/tests/bench/models/models-bench"
