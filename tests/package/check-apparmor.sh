#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The supervisor's AppArmor profile grants a user namespace with every capability inside, so
# it must confine what the supervisor executes: HalfOpen's endpoint (where the installed
# supervisor looks for it), ip and sysctl, nothing else. Checked from the source, and parsed by
# apparmor_parser when it is installed (AppArmor 3.0 cannot read `userns` and abi 4.0: those two
# lines are left out for it).
set -u
profile="$1/packaging/apparmor/halfopen-lab"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

[ -f "$profile" ] || { echo "FAIL: no profile $profile" >&2; exit 1; }
grep -q 'flags=([^)]*unconfined' "$profile" && fail "the profile is unconfined: it would let the supervisor run anything"
grep -qx '  userns,' "$profile" || fail "no userns rule: the lab cannot start where user namespaces are restricted"

# Every rule that grants an execute permission (ix, px, cx, ux, x...), comments left out.
exec_rules=$(sed 's/#.*//' "$profile" | grep -E '^[[:space:]]*(allow[[:space:]]+)?/[^[:space:]]*[[:space:]]+[a-zA-Z]*[xX][a-zA-Z]*,' | awk '{print $1}' | sort)
expected=$(printf '%s\n' '/usr/{,local/}bin/halfopen-cli' '/{usr/,}{s,}bin/ip' '/{usr/,}{s,}bin/sysctl' | sort)
[ "$exec_rules" = "$expected" ] || fail "the profile lets the supervisor execute: $(echo $exec_rules); expected only: $(echo $expected)"
sed 's/#.*//' "$profile" | grep -E '^[[:space:]]*file,|^[[:space:]]*/\*\*[[:space:]]+[a-zA-Z]*[xX]' && fail "a rule allows executing any file"

# The installed supervisor (/usr/libexec/halfopen/halfopen-lab) looks for /usr/bin/halfopen-cli.
grep -q 'HALFOPEN_BIN_FROM_LIBEXEC "/halfopen-cli"' "$1/lab/EndpointProgram.cpp" || fail "lab/EndpointProgram.cpp no longer finds the endpoint where the profile allows it"

if command -v apparmor_parser >/dev/null; then
  tmp=$(mktemp)
  trap 'rm -f "$tmp"' EXIT
  if apparmor_parser --version | grep -qE 'version [0-3]\.'; then
    sed -e '/^abi /d' -e '/^  userns,/d' "$profile" > "$tmp"
  else
    cp "$profile" "$tmp"
  fi
  apparmor_parser -Q -K "$tmp" || fail "apparmor_parser cannot read the profile"
else
  echo "apparmor_parser not installed: the profile was checked as text only"
fi
[ $status -eq 0 ] && echo "the AppArmor profile confines the supervisor's executables to halfopen-cli, ip and sysctl"
exit $status
