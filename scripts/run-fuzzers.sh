#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (clang, address + undefined sanitizers) and runs each for
# SECONDS from its committed corpus (tests/fuzz/corpus/NAME, copied: the committed one stays
# small). For CI: scripts/run-fuzzers.sh 20. Exit 1 when a target crashed; the input that did
# it is kept in BUILD_DIR/crashes/ and named in the output: turn it into a regression test.
set -euo pipefail
seconds=${1:-60}
build=${2:-build-sanitize}
here=$(cd "$(dirname "$0")/.." && pwd)
targets=(fuzz_event_line fuzz_scenario fuzz_supervisor_command fuzz_cable_frame)

if [ ! -f "$build/build.ninja" ]; then
  # Configured as `make sanitize` does, so that the two share the directory.
  CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHALFOPEN_SANITIZE=ON -DHALFOPEN_FUZZ=ON -DHALFOPEN_WERROR=ON >/dev/null
fi
cmake --build "$build" --target fuzzers
mkdir -p "$build/crashes"
failed=()
for t in "${targets[@]}"; do
  name=${t#fuzz_}
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  cp -n "$here/tests/fuzz/corpus/$name"/* "$corpus"/ 2>/dev/null || true
  # The built-in scenarios are seeds too (not copied into the committed corpus).
  [ "$name" = scenario ] && cp -n "$here/resources/scenarios"/*.json "$corpus"/ 2>/dev/null || true
  echo "== $t: ${seconds} s"
  # QT_* : no platform plugin, no locale surprises; detect_leaks off: Qt's caches are not leaks.
  if ! ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 QT_QPA_PLATFORM=offscreen \
      "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$build/crashes/$t-" "$corpus" 2>"$build/$t.log"; then
    failed+=("$t")
    tail -40 "$build/$t.log" >&2
  else
    grep -E "stat::number_of_executed_units|cov:" "$build/$t.log" | tail -2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]} (inputs in $build/crashes/)" >&2
  exit 1
fi
echo "fuzzers: ${#targets[@]} passed, 0 failed"
