#!/usr/bin/env bash
# Refreshes resources/translations/halfopen_*.ts from the sources with lupdate: new tr() strings
# come in unfinished, strings gone from the sources are dropped. Then translate what is
# unfinished (Qt Linguist, or by hand) -- see resources/translations/README.md.
#
#   scripts/update-translations.sh              update the committed .ts files
#   scripts/update-translations.sh --add de     start a new language (halfopen_de.ts)
#   scripts/update-translations.sh --dir DIR    update the halfopen_*.ts in DIR instead (tests)
#
# LUPDATE names the tool; by default Qt 6's lupdate. English gets the plural forms only
# (-pluralonly): its other strings are the source text itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/resources/translations"
add=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$(cd "$2" && pwd); shift 2 ;;
    --add) add="$2"; shift 2 ;;
    *) echo "usage: $0 [--dir DIR] [--add LANGUAGE]" >&2; exit 2 ;;
  esac
done
lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
  for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && { lupdate=$candidate; break; }
  done
fi
[ -n "$lupdate" ] || { echo "error: lupdate not found (Debian: qt6-l10n-tools), or set LUPDATE" >&2; exit 1; }

shopt -s nullglob
files=("$dir"/halfopen_*.ts)
[ -n "$add" ] && files+=("$dir/halfopen_$add.ts")
[ ${#files[@]} -gt 0 ] || { echo "error: no halfopen_*.ts in $dir" >&2; exit 1; }

# Relative paths and no line numbers: a change elsewhere in a file does not touch the .ts.
cd "$root"
sources=()
for d in core lab models realnet control ui app i18n audit hostfault exporter; do
  [ -d "$d" ] && sources+=("$d")
done
for ts in "${files[@]}"; do
  language=$(basename "$ts" .ts)
  language=${language#halfopen_}
  extra=()
  [ "$language" = en ] && extra=(-pluralonly)
  "$lupdate" -I . -extensions cpp,h -locations none -no-obsolete -source-language en \
    -target-language "$language" "${extra[@]}" "${sources[@]}" -ts "$ts" 2>&1 \
    | grep -v -e "^Scanning directory" || true
done
