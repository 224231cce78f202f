#!/usr/bin/env bash
# Builds the Debian package from the build tree (cpack -G DEB), unpacks it into a scratch root
# and checks what a fresh Debian 12 would get: the control fields (a Debian version from git,
# Depends from dpkg-shlibdeps plus what the lab runs), every file at its place (executables,
# menu entry, AppStream metadata, hicolor icons, AppArmor profile as a conffile), the menu entry
# and metadata valid, the installed executables running on the system's Qt, the lab found from
# the installed layout (also with a desktop user's PATH, also unprivileged when we are root), and
# the maintainer scripts' AppArmor decisions and the capture helper's group, mode and capability
# (run chrootless into the scratch root, group commands stood in for), and the
# exporter's service (disabled, verified by systemd-analyze), options, alert rules and dashboard.
#   check-deb.sh BUILD_DIR
# Exit 77 (skipped) when the Debian tools are missing.
set -uo pipefail
build=$1
app_id=io.github.halfopen.HalfOpen

for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work" # an unprivileged run below must reach the scratch root
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# --- build the package ----------------------------------------------------------------------
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" > "$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  echo "FAIL: cpack -G DEB" >&2
  exit 1
fi
debs=("$work"/out/halfopen_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "FAIL: expected one halfopen_*.deb, got: ${debs[*]}" >&2; exit 1; }
deb=${debs[0]}
pass "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# --- control fields -------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = halfopen ] || fail "Package is '$(field Package)'"
[ "$(field Section)" = net ] || fail "Section is '$(field Section)'"
version=$(field Version)
dpkg --validate-version "$version" || fail "Version '$version' is not a valid Debian version"
[[ "$(basename "$deb")" == "halfopen_${version}_$(dpkg --print-architecture).deb" ]] || fail "file name $(basename "$deb") does not say version $version"
if git -C "$(dirname "$0")" rev-parse --short=7 HEAD >/dev/null 2>&1; then
  # The version names a commit (unless it is exactly a tag).
  [[ "$version" =~ \.g[0-9a-f]{7} ]] || [[ "$version" =~ ^[0-9][0-9.]*$ ]] || fail "Version '$version' names no git commit"
fi
[ -n "$(field Homepage)" ] || fail "no Homepage"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends=$(field Depends)
echo "Depends: $depends"
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 libqt6httpserver6 libpcap0.8 libnftables1 libc6 iproute2 procps libcap2-bin; do
  grep -Eq "(^|, )$dep( \(|,|$)" <<< "$depends" || fail "Depends lacks $dep"
done
grep -Eq 'libqt6core6 \(>= 6\.' <<< "$depends" || fail "Depends has no versioned Qt 6 (from dpkg-shlibdeps)"
pass "control fields: halfopen $version, section net, Depends as expected"

# --- files in place ---------------------------------------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root" || { echo "FAIL: dpkg-deb -x" >&2; exit 1; }
chmod 755 "$root"
dpkg-deb -e "$deb" "$work/control"
for exe in usr/bin/halfopen usr/bin/halfopen-cli usr/libexec/halfopen/halfopen-lab usr/libexec/halfopen/halfopen-capture; do
  [ -x "$root/$exe" ] || fail "missing executable /$exe"
done
desktop="$root/usr/share/applications/$app_id.desktop"
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
profile="$root/etc/apparmor.d/halfopen-lab"
for f in "$desktop" "$metainfo" "$profile" "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
  [ -f "$f" ] || fail "missing ${f#"$root"}"
done
png_size() { # width x height from the PNG header
  local b; b=($(od -An -tu1 -j16 -N8 "$1"))
  echo "$(( (b[0]<<24) + (b[1]<<16) + (b[2]<<8) + b[3] ))x$(( (b[4]<<24) + (b[5]<<16) + (b[6]<<8) + b[7] ))"
}
for size in 16 24 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  if [ ! -f "$png" ]; then fail "missing icon ${png#"$root"}"; continue; fi
  [ "$(png_size "$png")" = "${size}x${size}" ] || fail "${png#"$root"} is $(png_size "$png"), not ${size}x${size}"
done
grep -qx /etc/apparmor.d/halfopen-lab "$work/control/conffiles" || fail "the AppArmor profile is not a conffile"
for script in postinst prerm postrm; do
  [ -x "$work/control/$script" ] || fail "no executable $script"
done
grep -q '^profile halfopen-lab /usr/{,local/}libexec/halfopen/halfopen-lab ' "$profile" && grep -q '^ *userns,' "$profile" \
  || fail "the AppArmor profile does not grant userns to /usr/libexec/halfopen/halfopen-lab"
# Nothing may point back into the build tree.
for exe in usr/bin/halfopen usr/bin/halfopen-cli usr/libexec/halfopen/halfopen-lab; do
  if readelf -d "$root/$exe" 2>/dev/null | grep -Eq 'R(UN)?PATH'; then fail "/$exe has an RPATH/RUNPATH"; fi
  if ldd "$root/$exe" | grep -q 'not found'; then fail "/$exe: $(ldd "$root/$exe" | grep 'not found')"; fi
done
pass "files: executables, menu entry, metainfo, icons (7 sizes + scalable), AppArmor conffile"

# --- the Prometheus exporter: service (disabled, least privilege), options, rules, dashboard -----
unit="$root/lib/systemd/system/halfopen-exporter.service"
defaults="$root/etc/default/halfopen-exporter"
for f in "$unit" "$defaults" "$root/usr/share/halfopen/prometheus/halfopen-alerts.yml" \
         "$root/usr/share/halfopen/prometheus/halfopen-alerts.test.yml" "$root/usr/share/halfopen/prometheus/halfopen-dashboard.json"; do
  [ -f "$f" ] || fail "missing ${f#"$root"}"
done
grep -qx /etc/default/halfopen-exporter "$work/control/conffiles" || fail "/etc/default/halfopen-exporter is not a conffile"
# Disabled by default: the package ships no enablement link, and the maintainer scripts enable nothing.
[ -z "$(find "$root" -path '*/systemd/system/*.wants/*' -print -quit)" ] || fail "the package ships an enabled unit"
# (try-restart, which only restarts a service the admin runs, is allowed.)
grep -Eq 'systemctl( +--?[a-z-]+)* +(enable|start|restart|reenable)( |$)|deb-systemd-helper enable' "$work/control/postinst" \
  && fail "postinst enables or starts a service"
if [ -f "$unit" ]; then
  grep -qx 'DynamicUser=yes' "$unit" || fail "the exporter's unit has no DynamicUser=yes"
  grep -qx 'NoNewPrivileges=yes' "$unit" || fail "the exporter's unit lacks NoNewPrivileges=yes"
  grep -qx 'ProtectSystem=strict' "$unit" || fail "the exporter's unit lacks ProtectSystem=strict"
  for key in CapabilityBoundingSet AmbientCapabilities; do
    caps=$(sed -n "s/^$key=//p" "$unit" | tr ' ' '\n' | sort | xargs)
    [ "$caps" = "CAP_DAC_READ_SEARCH CAP_SYS_PTRACE" ] || fail "$key=$caps: expected exactly CAP_DAC_READ_SEARCH CAP_SYS_PTRACE"
  done
  grep -q '^ExecStart=/usr/bin/halfopen-cli exporter ' "$unit" || fail "ExecStart does not run /usr/bin/halfopen-cli exporter"
  if command -v systemd-analyze >/dev/null && [ -f /lib/systemd/system/sysinit.target ]; then
    # Verified against this system's units, with ExecStart pointing at the unpacked executable.
    mkdir -p "$work/unit"
    sed "s#/usr/bin/halfopen-cli#$root/usr/bin/halfopen-cli#" "$unit" > "$work/unit/halfopen-exporter.service"
    if out=$(systemd-analyze verify "$work/unit/halfopen-exporter.service" 2>&1) && [ -z "$out" ]; then
      pass "systemd-analyze verify halfopen-exporter.service"
    else
      fail "systemd-analyze verify halfopen-exporter.service: $out"
    fi
    # systemd's own exposure score (0 best, 10 worst); 2.1 when written.
    if systemd-analyze security --offline=yes --threshold=25 "$work/unit/halfopen-exporter.service" > "$work/security.txt" 2>&1; then
      pass "exporter unit: $(grep -o 'Overall exposure level.*' "$work/security.txt")"
    else
      fail "exporter unit exposure above 2.5: $(grep -o 'Overall exposure level.*' "$work/security.txt")"
    fi
  else
    echo "note: systemd-analyze or the system's units missing: the exporter's unit is not verified"
  fi
fi
( . "$defaults" && [[ "$HALFOPEN_EXPORTER_OPTS" == --listen=127.0.0.1:* ]] ) || fail "/etc/default/halfopen-exporter does not listen on loopback by default"
if command -v promtool >/dev/null; then
  promtool check rules "$root/usr/share/halfopen/prometheus/halfopen-alerts.yml" > "$work/rules.txt" 2>&1 \
    || fail "promtool check rules on the installed rules: $(cat "$work/rules.txt")"
  (cd "$root/usr/share/halfopen/prometheus" && promtool test rules halfopen-alerts.test.yml) > "$work/rules.txt" 2>&1 \
    || fail "promtool test rules on the installed rules: $(cat "$work/rules.txt")"
fi
out=$(env -u LD_LIBRARY_PATH "$root/usr/bin/halfopen-cli" exporter --help 2>&1) && grep -q -- '--listen' <<< "$out" \
  || fail "installed halfopen-cli exporter --help: $out"
pass "exporter: unit (disabled, dynamic user, 2 capabilities), /etc/default conffile, alert rules, dashboard"

# --- menu entry and AppStream metadata --------------------------------------------------------
desktop-file-validate "$desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate --no-net"
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
exec_program=${exec_line%% *}
[ -x "$root/usr/bin/$exec_program" ] || fail "Exec=$exec_line names no installed program"
[ "$(sed -n 's/^Icon=//p' "$desktop")" = "$app_id" ] || fail "Icon= is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || fail "the metainfo launches no $app_id.desktop"
grep -q "<id>$app_id</id>" "$metainfo" || fail "the metainfo's id is not $app_id"
grep -q "<project_license>GPL-3.0-or-later</project_license>" "$metainfo" || fail "the metainfo's project_license is not GPL-3.0-or-later"
copyright="$root/usr/share/doc/halfopen/copyright"
if [ -f "$copyright" ]; then
  grep -q '^License: GPL-3.0-or-later' "$copyright" || fail "debian/copyright names no GPL-3.0-or-later licence"
  grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' "$copyright" || fail "debian/copyright is not DEP-5"
else
  fail "missing /usr/share/doc/halfopen/copyright"
fi
pass "menu entry and metainfo valid and consistent"

# --- the installed executables on the system's Qt ---------------------------------------------
desktop_path=/usr/local/bin:/usr/bin:/bin # a normal user's PATH on Debian: no sbin
cd "$work"
out=$(env -u LD_LIBRARY_PATH "$root/usr/bin/halfopen-cli" predict --keepalive 2,1,3 --json 2>&1) \
  && grep -q '"errno"' <<< "$out" || fail "installed halfopen-cli predict: $out"
out=$(env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen "$root/usr/bin/halfopen" --version 2>&1) \
  || fail "installed halfopen --version: $out"
# The lab from the installed layout: halfopen-cli finds /usr/libexec/halfopen/halfopen-lab, and the
# lab finds ip and sysctl without sbin in PATH.
lab_run() {
  "$@" env -u LD_LIBRARY_PATH PATH="$desktop_path" "$root/usr/bin/halfopen-cli" lab run connect-to-closed-port --json \
    > "$work/lab.json" 2> "$work/lab.err"
}
if lab_run; then
  pass "the installed halfopen-cli ran a lab scenario as $(id -un)"
else
  fail "installed lab run as $(id -un): $(cat "$work/lab.err")"
fi
if [ "$(id -u)" -eq 0 ]; then
  if lab_run setpriv --reuid=65534 --regid=65534 --clear-groups; then
    pass "the installed halfopen-cli ran a lab scenario unprivileged (user namespaces)"
  else
    fail "installed lab run unprivileged: $(cat "$work/lab.err")"
  fi
fi

# --- maintainer scripts: the AppArmor decision (chrootless into the scratch root) -------------
fake="$work/fake-bin"
mkdir -p "$fake/old" "$fake/new"
printf '#!/bin/sh\n# AppArmor 3.0: no userns rule\necho "syntax error" >&2\nexit 1\n' > "$fake/old/apparmor_parser"
printf '#!/bin/sh\n# AppArmor 4: parses it\ncat >/dev/null\nexit 0\n' > "$fake/new/apparmor_parser"
chmod 755 "$fake"/*/apparmor_parser
# The group and ownership commands the scripts run are stand-ins that log (no group is made on
# this machine, the chgrp names a group it does not have); chmod and setcap are real, on the
# scratch root's file.
stubs="$work/stubs"
mkdir -p "$stubs"
for cmd in groupadd groupdel chgrp; do
  printf '#!/bin/sh\necho "%s $*" >> "%s"\n' "$cmd" "$work/commands.log" > "$stubs/$cmd"
done
# groupadd --prefix ROOT NAME and groupdel --prefix ROOT NAME edit ROOT/etc/group.
cat > "$stubs/groupadd" <<STUB
#!/bin/sh
echo "groupadd \$*" >> "$work/commands.log"
mkdir -p "$root/etc" && echo "halfopen-capture:x:999:" >> "$root/etc/group"
STUB
cat > "$stubs/groupdel" <<STUB
#!/bin/sh
echo "groupdel \$*" >> "$work/commands.log"
sed -i '/^halfopen-capture:/d' "$root/etc/group"
STUB
printf '#!/bin/sh\n[ -n "$STATOVERRIDE" ] && echo "$STATOVERRIDE" && exit 0\nexit 1\n' > "$stubs/dpkg-statoverride"
chmod 755 "$stubs"/*
script() { # PARSER_DIR SCRIPT ARG
  DPKG_ROOT="$root" PATH="$stubs:$1:$PATH" sh "$work/control/$2" "$3"
}
disabled="$root/etc/apparmor.d/disable/halfopen-lab"
script "$fake/old" postinst configure || fail "postinst configure (old AppArmor) failed"
[ -L "$disabled" ] && [ "$(readlink "$disabled")" = ../halfopen-lab ] || fail "postinst left the profile enabled where AppArmor cannot parse it"
script "$fake/old" postinst configure || fail "postinst configure (again) failed"
script "$fake/new" postinst configure || fail "postinst configure (AppArmor 4) failed"
[ -e "$disabled" ] && fail "postinst kept the profile disabled where AppArmor can parse it"
# An admin's own disable link stays.
mkdir -p "$(dirname "$disabled")" && ln -sf ../halfopen-lab "$disabled"
script "$fake/new" postinst configure || fail "postinst configure (admin-disabled) failed"
[ -L "$disabled" ] || fail "postinst removed the admin's disable link"
rm -f "$disabled"
script "$fake/old" postinst configure
script "$fake/old" prerm remove || fail "prerm remove failed"
script "$fake/old" postrm purge || fail "postrm purge failed"
[ -e "$disabled" ] && fail "postrm purge left the disable link"
[ -e "$root/var/lib/halfopen" ] && fail "postrm purge left /var/lib/halfopen"
[ -e "$(dirname "$disabled")" ] && fail "postrm purge left $(dirname "${disabled#"$root"}"), which the postinst created"
pass "maintainer scripts: profile disabled under AppArmor 3, enabled under 4, purge cleans up"

# --- maintainer scripts: the capture helper's group, mode and capability -----------------------
helper="$root/usr/libexec/halfopen/halfopen-capture"
rm -f "$work/commands.log" "$root/etc/group"
script "$fake/new" postinst configure || fail "postinst configure (capture helper) failed"
grep -qx "groupadd --system --prefix $root halfopen-capture" "$work/commands.log" \
  || fail "postinst did not create the system group halfopen-capture: $(cat "$work/commands.log" 2>/dev/null)"
grep -qx "chgrp halfopen-capture $helper" "$work/commands.log" || fail "postinst did not give the helper to halfopen-capture"
[ "$(stat -c %a "$helper")" = 750 ] || fail "the helper's mode is $(stat -c %a "$helper"), not 750"
if command -v getcap >/dev/null; then
  caps=$(getcap "$helper" | sed 's/^[^ ]* //')
  # getcap prints cap_net_raw=ep (libcap 2.66) or = cap_net_raw+ep (older).
  [[ "$caps" =~ ^(cap_net_raw=ep|=\ cap_net_raw\+ep|cap_net_raw\+ep)$ ]] \
    || fail "the helper's capabilities are '$caps', not exactly cap_net_raw=ep"
fi
# Configured again: the group is not made twice; an admin's statoverride keeps group and mode.
rm -f "$work/commands.log"; chmod 0755 "$helper"
STATOVERRIDE="root root 0755 /usr/libexec/halfopen/halfopen-capture" script "$fake/new" postinst configure \
  || fail "postinst configure (statoverride) failed"
grep -q "groupadd\|chgrp" "$work/commands.log" 2>/dev/null && fail "postinst redid the group or ignored the statoverride: $(cat "$work/commands.log")"
[ "$(stat -c %a "$helper")" = 755 ] || fail "postinst changed the mode despite the statoverride"
script "$fake/new" postrm purge || fail "postrm purge (capture group) failed"
grep -qx "groupdel --prefix $root halfopen-capture" "$work/commands.log" || fail "postrm purge did not remove the group halfopen-capture"
rm -f "$root/etc/group"
pass "maintainer scripts: capture helper root:halfopen-capture 0750 with cap_net_raw=ep, group removed on purge"

if [ $failures -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "package OK: $(basename "$deb")"
