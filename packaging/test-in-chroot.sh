#!/usr/bin/env bash
# The .deb on a fresh Debian 12: debootstrap a minimal bookworm into a scratch folder, then, in
# a chroot, `apt install ./halfopen_*.deb` (which must pull every runtime dependency from the
# archive) and run what was installed: halfopen-cli, the window offscreen (--version, and a
# lab scenario with a screenshot), and the lab from the CLI as root (as nobody the kernel
# refuses user namespaces in a chroot: the message must say so).
# Not part of the CTest suite: it downloads ~150 MB and takes minutes. Needs root, debootstrap
# and network access to the Debian archive.
#   packaging/test-in-chroot.sh path/to/halfopen_VERSION_amd64.deb [MIRROR]
set -euo pipefail
deb=$(realpath "$1")
mirror=${2:-http://deb.debian.org/debian}
[ "$(id -u)" -eq 0 ] || { echo "needs root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }

root=$(mktemp -d /tmp/halfopen-chroot.XXXXXX)
chmod 755 "$root" # the chroot's / must be open to nobody
mounted=()
cleanup() {
  for ((i=${#mounted[@]}-1; i>=0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT

echo "== debootstrap bookworm (minbase) into $root"
time debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.debootstrap.log" 2>&1 \
  || { tail -20 "$root.debootstrap.log" >&2; exit 1; }
rm -f "$root.debootstrap.log"
for fs in proc sys dev; do
  mount --rbind "/$fs" "$root/$fs" && mounted+=("$root/$fs")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
name=$(basename "$deb")
in_root() { chroot "$root" env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

echo "== apt install ./$name"
in_root apt-get update -qq
time in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/$name" > "$root/tmp/apt.log" 2>&1 \
  || { tail -30 "$root/tmp/apt.log" >&2; exit 1; }
grep -E '^(Need to get|After this operation)' "$root/tmp/apt.log" || true
in_root dpkg -s halfopen | grep -E '^(Status|Version|Depends)'

echo "== what was installed runs"
in_root halfopen-cli predict --keepalive 2,1,3 > /dev/null && echo "halfopen-cli predict: ok"
in_root env QT_QPA_PLATFORM=offscreen halfopen --version
in_root halfopen-cli lab run connect-to-closed-port > /dev/null && echo "lab as root: ok"
chmod 1777 "$root/tmp"
# As a normal user the lab needs a user namespace, which the kernel refuses inside a chroot
# (EPERM): there the lab must say so (the lab as nobody on the real system: tests/package).
desktop_user() { chroot --userspec=65534:65534 "$root" env -i HOME=/tmp PATH=/usr/local/bin:/usr/bin:/bin "$@"; }
if desktop_user halfopen-cli lab run connect-to-closed-port > /dev/null 2> "$root/tmp/nobody.err"; then
  echo "lab as nobody: ok"
elif grep -q chroot "$root/tmp/nobody.err"; then
  echo "lab as nobody: refused inside the chroot, and the message says so: $(head -1 "$root/tmp/nobody.err")"
else
  cat "$root/tmp/nobody.err" >&2; exit 1
fi
# The menu entry's Exec line, offscreen, with a scenario and a screenshot.
in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp \
  $(sed -n 's/^Exec=//p' "$root/usr/share/applications/io.github.halfopen.HalfOpen.desktop") \
  --scenario keepalive-detects-powered-off-peer --start --screenshot /tmp/window.png --after-seconds 6 2>/dev/null
cp "$root/tmp/window.png" /tmp/halfopen-chroot-window.png
echo "the menu entry's Exec ran the window and its lab: /tmp/halfopen-chroot-window.png"
echo "fresh Debian 12: OK"
