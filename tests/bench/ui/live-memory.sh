#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The window's memory over a live lab run: starts the window on Xvfb with a scenario file, logs
# the date and the window's VmRSS every minute, and ends the window (SIGTERM) after MINUTES.
#   tests/bench/ui/live-memory.sh BUILD SCENARIO.json MINUTES LOG
# e.g. (one hour, detached so it outlives the shell):
#   setsid nohup tests/bench/ui/live-memory.sh build /work/hour.json 62 /work/memory-hour.log &
set -u
build=${1:?build directory}
scenario=${2:?scenario file}
minutes=${3:?minutes}
log=${4:?log file}
settings=$(mktemp /tmp/live-memory-XXXXXX.ini)

app=$(readlink -f "$build/app/halfopen")
xvfb-run -a -s "-screen 0 1920x1080x24" "$app" --settings "$settings" --scenario "$scenario" --start \
    >"${log%.log}.window.log" 2>&1 &
runner=$!
echo "# $(date -u +%FT%TZ) window started: $app --scenario $scenario, ended after $minutes min" >>"$log"

window=""
for _ in $(seq 1 60); do
    for pid in $(pgrep -f -- "--settings $settings"); do
        [ "$(readlink -f /proc/"$pid"/exe 2>/dev/null)" = "$app" ] && window=$pid
    done
    [ -n "$window" ] && break
    sleep 1
done
[ -z "$window" ] && { echo "# the window did not start" >>"$log"; exit 1; }
echo "# window pid $window" >>"$log"
start=$(date +%s)
while kill -0 "$window" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ {print $2}' /proc/"$window"/status 2>/dev/null)
    [ -n "$rss" ] && echo "$(date -u +%FT%TZ) minute $((($(date +%s) - start) / 60)) VmRSS ${rss} kB ($((rss / 1024)) MB)" >>"$log"
    if [ $(($(date +%s) - start)) -ge $((minutes * 60)) ]; then
        kill -TERM "$window"
        break
    fi
    sleep 60
done
wait "$runner"
echo "# $(date -u +%FT%TZ) window exited with $?" >>"$log"
rm -f "$settings"
