#!/usr/bin/env bash
# Idle CPU: the window watching a free lab session (default settings: connection idle, shipped
# refresh rates), as a user leaves it open. Measures the CPU time of the GUI process, of the lab
# supervisor and of the two endpoints from /proc/PID/stat (utime + stime, all threads) over
# measuring windows after a warm-up, and prints each as % of one core. Needs root (the lab).
# Exit status 3 when a median is above its target (GUI 3 %, supervisor 1 %, both endpoints 0.5 % of one core).
#
#   tests/bench/ui/idle-cpu.sh [BUILD] [--platform offscreen|xvfb] [--seconds 20] [--repeat 3] [--warmup 5]
set -euo pipefail

build=build
platform=offscreen
seconds=20
repeat=3
warmup=5
target=3
supervisor_target=1
endpoints_target=0.5
while [[ $# -gt 0 ]]; do
    case "$1" in
    --platform) platform=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) build=$1; shift ;;
    esac
done
gui="$build/app/halfopen"
[[ -x "$gui" ]] || { echo "idle-cpu: no $gui (build the halfopen target)" >&2; exit 2; }
[[ $platform == offscreen || $platform == xvfb ]] || { echo "idle-cpu: --platform offscreen or xvfb, got '$platform'" >&2; exit 2; }

scratch=$(mktemp -d)
launcher=
cleanup() {
    [[ -n $launcher ]] && kill "$launcher" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# The window quits on its own once the measuring is done (--screenshot after N seconds of the
# run), so it stops its lab as a user closing it would.
lifetime=$((warmup + seconds * repeat + 5))
args=(--settings "$scratch/settings.ini" --start --screenshot "$scratch/end.png" --after-seconds "$lifetime")
if [[ $platform == offscreen ]]; then
    QT_QPA_PLATFORM=offscreen "$gui" "${args[@]}" >"$scratch/gui.log" 2>&1 &
    launcher=$!
    pid=$launcher
else
    xvfb-run -a -s '-screen 0 1600x1000x24' "$gui" "${args[@]}" >"$scratch/gui.log" 2>&1 &
    launcher=$!
    pid=
    for _ in $(seq 100); do
        pid=$(pgrep -P "$launcher" -x halfopen || true)
        [[ -n $pid ]] && break
        sleep 0.1
    done
    [[ -n $pid ]] || { echo "idle-cpu: the window did not start under xvfb-run" >&2; cat "$scratch/gui.log" >&2; exit 1; }
fi

# Ready: the supervisor runs both endpoints.
supervisor=
endpoints=
for _ in $(seq 300); do
    supervisor=$(pgrep -P "$pid" -x halfopen-lab || true)
    if [[ -n $supervisor ]]; then
        endpoints=$(pgrep -P "$supervisor" | tr '\n' ' ' || true)
        [[ $(wc -w <<<"$endpoints") -ge 2 ]] && break
    fi
    sleep 0.1
done
[[ -n $supervisor && $(wc -w <<<"$endpoints") -ge 2 ]] || { echo "idle-cpu: the lab did not come up" >&2; cat "$scratch/gui.log" >&2; exit 1; }
sleep "$warmup"

hz=$(getconf CLK_TCK)
ticks() { # utime + stime of each pid, summed
    local sum=0 p
    for p in "$@"; do
        local stat
        stat=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        stat=${stat##*) } # past the command name, which may hold spaces
        read -r -a f <<<"$stat"
        sum=$((sum + f[11] + f[12])) # fields 14 and 15 of the whole line
    done
    echo "$sum"
}
percent() { awk -v t="$1" -v hz="$hz" -v s="$2" 'BEGIN { printf "%.2f", 100 * t / hz / s }'; }

echo "## Idle CPU: the window with a free lab session, connection idle, default settings ($platform)"
echo
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $repeat windows of $seconds s after ${warmup} s of warm-up"
echo
echo "| window | GUI (halfopen) | lab supervisor | endpoints (2) |"
echo "|---:|---:|---:|---:|"
gui_results=()
supervisor_results=()
endpoint_results=()
for ((w = 1; w <= repeat; w++)); do
    g0=$(ticks "$pid"); s0=$(ticks "$supervisor"); e0=$(ticks $endpoints)
    t0=$(date +%s.%N)
    sleep "$seconds"
    g1=$(ticks "$pid"); s1=$(ticks "$supervisor"); e1=$(ticks $endpoints)
    t1=$(date +%s.%N)
    elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
    g=$(percent $((g1 - g0)) "$elapsed"); s=$(percent $((s1 - s0)) "$elapsed"); e=$(percent $((e1 - e0)) "$elapsed")
    gui_results+=("$g")
    supervisor_results+=("$s")
    endpoint_results+=("$e")
    echo "| $w | $g % | $s % | $e % |"
done
median_of() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
verdict() { awk -v m="$1" -v t="$2" 'BEGIN { print (m <= t) ? "met" : "missed" }'; }
median=$(median_of "${gui_results[@]}")
smedian=$(median_of "${supervisor_results[@]}")
emedian=$(median_of "${endpoint_results[@]}")
echo
echo "GUI median: $median % of one core (target <= $target %: $(verdict "$median" "$target"))"
echo "lab supervisor median: $smedian % (target <= $supervisor_target %: $(verdict "$smedian" "$supervisor_target"))"
echo "endpoints together median: $emedian % (target <= $endpoints_target %: $(verdict "$emedian" "$endpoints_target"))"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
wait "$launcher" || true
launcher=
for pair in "$median $target" "$smedian $supervisor_target" "$emedian $endpoints_target"; do
    [[ $(verdict $pair) == missed ]] && exit 3
done
exit 0
