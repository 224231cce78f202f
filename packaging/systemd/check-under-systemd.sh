#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Boots a real systemd (the host's /lib/systemd/systemd, 252) as PID 1 of a systemd-nspawn container
# whose root is a throwaway directory (host /usr overlaid read-only, a minimal /etc of our own, a
# private network namespace with only loopback), installs HalfOpen's halfopen-exporter.service
# there unchanged, starts it with systemctl and checks it. Tears everything down at the end.
#
#   sudo [UNIT=unit-file] [CLI=halfopen-cli] [KEEP=1] packaging/systemd/check-under-systemd.sh
#   (--teardown after KEEP=1). Run by hand (root, downloads one .deb with apt); not part of CI.
#
# Nothing is installed on the host: systemd-nspawn is taken from the systemd-container .deb of the
# installed systemd version, extracted under $W (dpkg -x). The host's network namespace is never
# touched (--private-network); the container runs in its own cgroup (/sdcheck in the name=systemd
# and cgroup2 hierarchies), removed at the end; --register=no (no machined), --link-journal=no.
set -u
here=$(cd "$(dirname "$0")" && pwd)
UNIT=${UNIT:-$here/halfopen-exporter.service}
CLI=${CLI:-$here/../../build/app/halfopen-cli}
W=${W:-/tmp/sdcheck}
ROOT=$W/root
CG=sdcheck
SDVER=$(dpkg-query -W -f='${Version}' systemd)

mkdir -p "$W"
cd "$W" || exit 1

teardown() {
echo "=== teardown"
ins systemctl poweroff --no-block >/dev/null 2>&1
for i in $(seq 1 40); do kill -0 "$NSPAWN_PID" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$NSPAWN_PID" 2>/dev/null; then echo "nspawn still running, SIGTERM"; kill "$NSPAWN_PID"; sleep 3; fi
wait "$NSPAWN_PID" 2>/dev/null
echo "nspawn exit: $?"
cleanup
}
cleanup() {
# remove the container's cgroups, deepest first
for h in systemd unified; do
    [ -d /sys/fs/cgroup/$h/$CG ] && find /sys/fs/cgroup/$h/$CG -depth -type d -exec rmdir {} \; 2>/dev/null
    [ -d /sys/fs/cgroup/$h/$CG ] && echo "LEFT: /sys/fs/cgroup/$h/$CG"
done
# /run is on disk here: nspawn cannot remove its propagation directory (it refuses rm -rf on a
# disk file system); it was not there before (checked below), so remove it
[ -e "$W/run-systemd-nspawn-existed" ] || rm -rf /run/systemd/nspawn
echo done
}
ins() { nsenter -t "$LEADER" -m -u -i -n -p -C -r -w "$@"; }
if [ "${1:-}" = --cleanup ]; then cleanup; exit 0; fi
if [ "${1:-}" = --teardown ]; then read NSPAWN_PID LEADER < "$W/running"; teardown; rm -f "$W/running"; exit 0; fi

# --- systemd-nspawn, same version as the host's systemd, not installed -------------------------
if [ ! -x "$W/pkg/usr/bin/systemd-nspawn" ]; then
    apt-get download "systemd-container=$SDVER" >/dev/null 2>&1 || { echo "cannot download systemd-container $SDVER"; exit 1; }
    dpkg -x systemd-container_"$SDVER"_amd64.deb "$W/pkg"
fi
NSPAWN=$W/pkg/usr/bin/systemd-nspawn

# --- the container's root: symlinks into /usr, our /etc, the unit and the binary ---------------
rm -rf "$ROOT" "$W/usrextra"
mkdir -p "$ROOT"/{usr,etc/systemd/system,var/tmp,var/log,var/lib,root,proc,sys,dev,run,tmp,opt}
for l in bin sbin lib lib64; do ln -s usr/$l "$ROOT/$l"; done
cp /etc/passwd /etc/group /etc/nsswitch.conf /etc/hosts "$ROOT/etc/"
cp /usr/lib/os-release "$ROOT/etc/os-release"
echo halfopen-sdcheck > "$ROOT/etc/hostname"
# a machine id of its own (not the host's), so this is not a "first boot"
cat /proc/sys/kernel/random/uuid | tr -d - > "$ROOT/etc/machine-id"
# Only what the check needs: journald, tmpfiles, sockets. Not multi-user.target (logind, dbus, getty).
cat > "$ROOT/etc/systemd/system/sdcheck.target" <<'EOF'
[Unit]
Description=HalfOpen systemd check
Requires=sysinit.target sockets.target
After=sysinit.target sockets.target
AllowIsolate=yes
EOF
ln -s sdcheck.target "$ROOT/etc/systemd/system/default.target"
install -m 0644 "$UNIT" "$ROOT/etc/systemd/system/halfopen-exporter.service"
cat > "$ROOT/opt/listener.py" <<'EOF'
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 7001)); s.listen(8)
conns = []
while True:
    c, _ = s.accept(); conns.append(c)
EOF
cat > "$ROOT/opt/client.py" <<'EOF'
import socket, time
a = socket.socket()
a.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
a.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 30)
a.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 5)
a.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 4)
a.setsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT, 20000)
a.connect(("127.0.0.1", 7001))
b = socket.socket(); b.connect(("127.0.0.1", 7001))
time.sleep(3600)
EOF
cat > "$ROOT/opt/getfd.py" <<'EOF'
import ctypes, os, socket
libc = ctypes.CDLL(None, use_errno=True)
s = socket.socket()
pidfd = os.pidfd_open(os.getpid())
r = libc.syscall(438, pidfd, s.fileno(), 0)   # pidfd_getfd(2), x86_64
print("pidfd_getfd on self:", r, os.strerror(ctypes.get_errno()) if r < 0 else "ok")
EOF
# /usr/bin/halfopen-cli as in the package: host /usr with one extra file on top (read-only overlay)
mkdir -p "$W/usrextra/bin"
cp "$CLI" "$W/usrextra/bin/halfopen-cli"
md5sum "$CLI" "$W/usrextra/bin/halfopen-cli"

rm -f "$W/run-systemd-nspawn-existed"; [ -e /run/systemd/nspawn ] && touch "$W/run-systemd-nspawn-existed"
# --- a cgroup of its own, so the container's systemd never manages the host's root cgroups -----
mkdir -p /sys/fs/cgroup/systemd/$CG /sys/fs/cgroup/unified/$CG

# --- boot ---------------------------------------------------------------------------------------
(
    echo $BASHPID > /sys/fs/cgroup/systemd/$CG/cgroup.procs
    echo $BASHPID > /sys/fs/cgroup/unified/$CG/cgroup.procs
    # nspawn 252 puts the whole container under a seccomp allow-list of its own that has ptrace,
    # process_vm_readv and kcmp for CAP_SYS_PTRACE but not pidfd_getfd (EPERM even on oneself):
    # --system-call-filter=pidfd_getfd adds it, as a real host's PID 1 has no such filter.
    export SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=${SYSTEMD_NSPAWN_UNIFIED_HIERARCHY:-1}
    exec setsid "$NSPAWN" --quiet --register=no --keep-unit --link-journal=no --private-network \
        --system-call-filter=pidfd_getfd \
        --resolv-conf=off --timezone=off --console=read-only \
        -M halfopen-sdcheck -D "$ROOT" \
        --overlay-ro=/usr:"$W/usrextra":/usr \
        -b systemd.log_color=0
) > "$W/nspawn.log" 2>&1 < /dev/null &
NSPAWN_PID=$!
echo "nspawn pid $NSPAWN_PID"

# the container's PID 1: the child of nspawn
LEADER=
for i in $(seq 1 60); do
    kill -0 "$NSPAWN_PID" 2>/dev/null || { echo "nspawn exited:"; cat "$W/nspawn.log"; W=$W "$0" --cleanup; exit 1; }
    LEADER=$(pgrep -P "$NSPAWN_PID" | head -1)
    [ -n "$LEADER" ] && [ "$(cat /proc/$LEADER/comm 2>/dev/null)" = systemd ] && break
    sleep 0.5
done
echo "container PID 1 = host pid $LEADER"
ins() { nsenter -t "$LEADER" -m -u -i -n -p -C -r -w "$@"; }

# wait for the boot to settle
for i in $(seq 1 60); do
    s=$(ins systemctl is-system-running 2>/dev/null)
    case "$s" in running|degraded) break;; esac
    sleep 1
done
echo "system state: $s"
ins systemctl --failed --no-pager

echo "=== enable --now halfopen-exporter"
ins systemctl enable --now halfopen-exporter.service
sleep 3
ins systemctl status --no-pager -l halfopen-exporter.service | head -20
ins systemctl show -p ActiveState -p SubState -p MainPID -p NRestarts -p Result -p ExecMainStatus \
    -p CapabilityBoundingSet -p AmbientCapabilities -p DynamicUser -p User halfopen-exporter.service
MAINPID=$(ins systemctl show -p MainPID --value halfopen-exporter.service)
echo "=== /proc/$MAINPID/status (inside the container's pid namespace)"
ins grep -E '^(Name|Uid|Gid|Cap|NoNewPrivs|Seccomp)' /proc/$MAINPID/status | tee "$W/status.txt"
grep -E '^Cap' "$W/status.txt" | while read k v; do echo "$k $(capsh --decode=$v | cut -d= -f2)"; done
ins ps -o pid,user,uid,cmd -p "$MAINPID"

echo "=== pidfd_getfd on oneself in a plain transient unit (the container's own seccomp must allow it)"
ins systemd-run --quiet --wait --pipe python3 /opt/getfd.py
echo "=== test connections: root-owned listener, a client of user nobody with keepalive + TCP_USER_TIMEOUT, one without"
ins systemd-run --quiet --unit=sdcheck-listener python3 /opt/listener.py
sleep 1
ins systemd-run --quiet --unit=sdcheck-client -p User=nobody python3 /opt/client.py
sleep 2
ins ss -tnpo state established
# the first scrape maps every connection; scrape twice, keep the second
ins curl -s -o /dev/null http://127.0.0.1:9877/metrics
sleep 1
echo "=== /metrics (inside)"
ins curl -s -o /tmp/metrics.txt -w 'HTTP %{http_code}, %{size_download} bytes, %{time_total}s\n' http://127.0.0.1:9877/metrics
ins sh -c 'grep -E "^halfopen_connections_by_risk|^halfopen_connections_by_options_source|scrape_duration|^halfopen_connections_omitted" /tmp/metrics.txt'
echo "--- per-connection series for port 7001"
ins sh -c 'grep -E "7001" /tmp/metrics.txt | head -20'
ins cat /tmp/metrics.txt > "$W/metrics.txt"

echo "=== systemd-analyze security"
ins systemd-analyze security --no-pager halfopen-exporter.service > "$W/security.txt" 2>&1
tail -3 "$W/security.txt"
echo "=== journal of the unit"
ins journalctl -u halfopen-exporter.service --no-pager -o short-monotonic
echo "--- priority <= warning, whole boot"
ins journalctl -p warning --no-pager -o short-monotonic | tail -30

if [ "${KEEP:-0}" = 1 ]; then
    echo "KEEP=1: container left running; nspawn pid $NSPAWN_PID, leader $LEADER"
    echo "enter: nsenter -t $LEADER -m -u -i -n -p -C -r -w CMD; stop: W=$W $0 --teardown"
    echo "$NSPAWN_PID $LEADER" > "$W/running"
    exit 0
fi
teardown
