#!/usr/bin/env bash
# Runs one built-in scenario on the real kernel through `halfopen-cli lab run`, as the current
# user ("direct") or, from root, as an unprivileged user ("unprivileged"), then checks that the
# run left nothing behind: every process it reported (supervisor, endpoints) is gone. (The lab's
# namespaces are unnamed and die with those processes; tst_LabSupervisor also checks ip netns.)
set -uo pipefail
cli=$1 mode=$2 scenario=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
chmod 777 "$out"
runner=()
if [ "$mode" = unprivileged ] && [ "$(id -u)" -eq 0 ]; then
  runner=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  # The build tree may sit where nobody cannot reach it (e.g. under /root): run copies of the
  # tools from our scratch directory; the lab finds halfopen-lab beside halfopen-cli.
  cp "$cli" "$(dirname "$cli")/halfopen-lab" "$out/"
  cli="$out/halfopen-cli"
elif [ "$mode" != direct ] && [ "$mode" != unprivileged ]; then
  echo "unknown mode $mode" >&2; exit 2
fi
cd "$out"
"${runner[@]}" "$cli" lab run "$scenario" --json --record "$out/events.jsonl" > summary.json 2> stderr.txt
status=$?
cat summary.json
if [ $status -ne 0 ]; then
  echo "--- stderr" >&2; cat stderr.txt >&2
fi
# The processes this run reported must all be gone (give the kernel a moment to reap them).
pids=$(grep -o '"pid":[0-9]*' "$out/events.jsonl" | cut -d: -f2 | sort -u)
[ -n "$pids" ] || { echo "the run reported no processes: cannot check for leftovers" >&2; status=1; }
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  alive=""
  for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
  [ -z "$alive" ] && break
  sleep 0.2
done
if [ -n "$alive" ]; then echo "leftover processes:$alive" >&2; ps -o pid,cmd -p ${alive// /,} >&2; status=1; fi
exit $status
