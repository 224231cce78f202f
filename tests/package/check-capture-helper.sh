#!/usr/bin/env bash
# The capture helper as a normal user, the way the package sets it up: a copy of
# halfopen-capture with cap_net_raw=ep (setcap on the copy, in a scratch folder), run as nobody
# (setpriv) inside a network namespace this test creates, captures the packets of nobody's own
# loopback connection, IPv4 and IPv6 — and nothing else: another user's connection is refused
# (exit 4), as is --netns; the copy gives up its capabilities once capturing. Without the
# capability the helper exits 5 naming CAP_NET_RAW, and `halfopen-cli watch` names exactly
# what is missing. No group is created on the host; the namespace dies with the test.
#   check-capture-helper.sh BUILD_DIR
# Exit 77 (skipped) when not root or setcap/setpriv/unshare/python3 are missing.
set -uo pipefail
build=$(realpath "$1")
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (setcap, setpriv, a network namespace)"; exit 77; }
for tool in setcap getcap setpriv unshare ip; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
python=/usr/bin/python3
[ -x "$python" ] || { echo "SKIP: $python is not installed"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cp "$build/app/halfopen-capture" "$build/app/halfopen-cli" "$work/"
cp "$build/app/halfopen-capture" "$work/halfopen-capture-plain"
mkdir -p "$work/nocap" && cp "$build/app/halfopen-capture" "$build/app/halfopen-cli" "$work/nocap/"
setcap cap_net_raw=ep "$work/halfopen-capture" || { echo "SKIP: setcap failed (file system without xattrs?)"; exit 77; }
chmod -R a+rX "$work"
export work python

# Everything below runs in a network namespace of its own (loopback only), as root until the
# helper and the connections run as nobody.
unshare --net bash -s <<'INNER'
set -uo pipefail
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
ip link set lo up
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "$@"; }

# A loopback connection held by a process of `who` (nobody or root): prints "LOCAL REMOTE",
# then sends 5 messages (echoed back) once $work/go-$tag exists, then closes.
connection() { # TAG FAMILY WHO
  local tag=$1 family=$2 who=$3 run=()
  [ "$who" = nobody ] && run=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  "${run[@]}" "$python" - "$work" "$tag" "$family" > "$work/conn-$tag" <<'PY' &
import os, socket, sys, time
work, tag, family = sys.argv[1], sys.argv[2], socket.AF_INET6 if sys.argv[3] == "6" else socket.AF_INET
host = "::1" if family == socket.AF_INET6 else "127.0.0.1"
listener = socket.socket(family); listener.bind((host, 0)); listener.listen()
client = socket.socket(family); client.connect(listener.getsockname()); server, _ = listener.accept()
fmt = lambda a: ("[%s]:%d" if family == socket.AF_INET6 else "%s:%d") % (a[0], a[1])
print(fmt(client.getsockname()), fmt(client.getpeername()), flush=True)
deadline = time.time() + 10
while not os.path.exists(os.path.join(work, "go-" + tag)) and time.time() < deadline:
    time.sleep(0.05)
for i in range(5):
    client.sendall(b"ping %d" % i); server.recv(64); server.sendall(b"pong"); client.recv(64); time.sleep(0.05)
time.sleep(0.3)
client.close(); server.close()
time.sleep(0.5)
PY
  for _ in $(seq 100); do [ -s "$work/conn-$tag" ] && break; sleep 0.05; done
}

# Frames in the helper's stream: "HOCAP1\n", then per frame u64 time, u32 length, an Ethernet
# frame. Prints how many, and how many are TCP between exactly these two ports.
count_frames() { # FILE LOCAL_PORT REMOTE_PORT
  "$python" - "$@" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read(); a, b = int(sys.argv[2]), int(sys.argv[3])
if not data.startswith(b"HOCAP1\n"):
    print("0 0 no-header"); sys.exit()
at, frames, ours = 7, 0, 0
while at + 12 <= len(data):
    t, n = struct.unpack_from("<QI", data, at); frame = data[at + 12: at + 12 + n]; at += 12 + n; frames += 1
    kind = struct.unpack_from("!H", frame, 12)[0]
    if kind == 0x0800 and frame[23] == 6:
        l4 = 14 + (frame[14] & 15) * 4
    elif kind == 0x86DD and frame[20] == 6:
        l4 = 54
    else:
        continue
    sport, dport = struct.unpack_from("!HH", frame, l4)
    ours += {sport, dport} == {a, b}
print(frames, ours)
PY
}

for family in 4 6; do
  connection "v$family" $family nobody
  read -r local remote < "$work/conn-v$family"
  # setpriv execs the helper: $! is the helper itself.
  setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "$work/halfopen-capture" \
    --local "$local" --remote "$remote" > "$work/cap-v$family" 2> "$work/cap-v$family.err" &
  helper=$!
  for _ in $(seq 100); do [ -s "$work/cap-v$family" ] && break; sleep 0.05; done
  # Capabilities once capturing: none left, none to gain.
  caps=$(grep -E '^(CapPrm|CapEff|NoNewPrivs)' /proc/$helper/status | tr -s '\t ' ' ' | xargs)
  touch "$work/go-v$family"
  sleep 2
  kill $helper 2>/dev/null; wait $helper 2>/dev/null
  wait
  read -r frames ours _ < <(count_frames "$work/cap-v$family" "${local##*:}" "${remote##*:}")
  # The handshake was before the capture; 5 pings, 5 pongs (ACKs ride on them or come alone),
  # the close (FIN, ACK each way): at least 14.
  if [ "$frames" -ge 14 ] && [ "$ours" = "$frames" ]; then
    pass "IPv$family: nobody captured its own connection $local -> $remote with the capability: $frames frames, all of it"
  else
    fail "IPv$family: nobody's capture of $local -> $remote: $frames frames, $ours of the connection; stderr: $(cat "$work/cap-v$family.err")"
  fi
  [ "$caps" = "CapPrm: 0000000000000000 CapEff: 0000000000000000 NoNewPrivs: 1" ] \
    && pass "IPv$family: the helper gave up its capabilities once capturing ($caps)" \
    || fail "IPv$family: the helper kept capabilities while capturing: $caps"
done

# The whole watch as nobody, over IPv6: halfopen-cli beside the helper with the capability
# names the connection's packets on its timeline (JSON events).
connection watch6 6 nobody
read -r local remote < "$work/conn-watch6"
as_nobody env -u LD_LIBRARY_PATH HOME=/tmp LANG=C "$work/halfopen-cli" watch "$local" "$remote" --json --duration 4 \
  > "$work/watch6.jsonl" 2> "$work/watch6.err" &
sleep 1.5
touch "$work/go-watch6"; wait
packets=$(grep -c '"kind":"packet"' "$work/watch6.jsonl")
data=$(grep '"kind":"packet"' "$work/watch6.jsonl" | grep -c '"what":"data"')
if [ "$packets" -ge 14 ] && [ "$data" -ge 10 ] && grep -q "\"local\":\"\[::1\]:" "$work/watch6.jsonl" \
   && ! grep -q "no packet capture" "$work/watch6.err"; then
  pass "halfopen-cli watch as nobody over IPv6: $packets packets on the timeline, $data of them data"
else
  fail "halfopen-cli watch as nobody over IPv6: $packets packets, $data data; stderr: $(cat "$work/watch6.err")"
fi

# Another user's connection (root's): refused, before any packet.
connection root 4 root
read -r local remote < "$work/conn-root"
as_nobody "$work/halfopen-capture" --local "$local" --remote "$remote" > "$work/cap-root" 2> "$work/cap-root.err"
code=$?
touch "$work/go-root"; wait
if [ $code -eq 4 ] && grep -q "belongs to uid 0" "$work/cap-root.err" && [ ! -s "$work/cap-root" ]; then
  pass "another user's connection refused: $(cat "$work/cap-root.err")"
else
  fail "nobody capturing root's connection: exit $code, $(stat -c %s "$work/cap-root") bytes out, $(cat "$work/cap-root.err")"
fi
as_nobody "$work/halfopen-capture" --local "$local" --remote "$remote" --netns /proc/1/ns/net > /dev/null 2> "$work/netns.err"
code=$?
[ $code -eq 3 ] && grep -q "needs root" "$work/netns.err" && pass "--netns refused to a normal user" \
  || fail "--netns as nobody: exit $code, $(cat "$work/netns.err")"

# Without the capability: the helper names CAP_NET_RAW, the CLI names what is missing.
connection plain 4 nobody
read -r local remote < "$work/conn-plain"
as_nobody "$work/halfopen-capture-plain" --local "$local" --remote "$remote" > /dev/null 2> "$work/plain.err"
code=$?
[ $code -eq 5 ] && grep -q "CAP_NET_RAW" "$work/plain.err" && pass "without the capability: exit 5, $(cat "$work/plain.err")" \
  || fail "without the capability: exit $code, $(cat "$work/plain.err")"
as_nobody env -u LD_LIBRARY_PATH HOME=/tmp LANG=C "$work/nocap/halfopen-cli" watch "$local" "$remote" --duration 1 \
  > /dev/null 2> "$work/cli.err"
touch "$work/go-plain"; wait
if grep -q "has no capability; it needs cap_net_raw" "$work/cli.err" && grep -q "setcap cap_net_raw=ep $work/nocap/halfopen-capture" "$work/cli.err"; then
  pass "halfopen-cli watch says what is missing: $(grep 'no packet capture' "$work/cli.err")"
else
  fail "halfopen-cli watch without the capability said: $(cat "$work/cli.err")"
fi
# Not in the group the helper belongs to: the CLI says which group and how to join.
chgrp 0 "$work/nocap/halfopen-capture" && chmod 0750 "$work/nocap/halfopen-capture"
connection group 4 nobody
read -r local remote < "$work/conn-group"
as_nobody env -u LD_LIBRARY_PATH HOME=/tmp LANG=C USER=nobody "$work/nocap/halfopen-cli" watch "$local" "$remote" --duration 1 \
  > /dev/null 2> "$work/cli-group.err"
touch "$work/go-group"; wait
if grep -q "only members of the group root may capture packets with $work/nocap/halfopen-capture: as root, adduser nobody root" "$work/cli-group.err"; then
  pass "not in the helper's group: $(grep 'no packet capture' "$work/cli-group.err")"
else
  fail "halfopen-cli watch outside the helper's group said: $(cat "$work/cli-group.err")"
fi
exit $failures
INNER
status=$?
[ $status -eq 0 ] && echo "capture helper OK" || echo "$status check(s) failed" >&2
exit $status
