#!/usr/bin/env bash
# Usage: render.sh FILE.docx|FILE.xlsx [OUTDIR] → OUTDIR/<name>-<ext>/<name>.pdf and page-N.png
set -euo pipefail
src=$1; name=$(basename "$src"); dest=${2:-out/render}/${name%.*}-${name##*.}
mkdir -p "$dest"
profile=$(mktemp -d); trap 'rm -rf "$profile"' EXIT
FONTCONFIG_FILE="$(cd "$(dirname "$0")" && pwd)/fonts.conf" \
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$dest" "$src" >/dev/null 2>&1 || true
pdf="$dest/${name%.*}.pdf"
[ -s "$pdf" ] || { echo "render failed: no PDF for $src" >&2; exit 1; }
pdftoppm -r 80 -png "$pdf" "$dest/page"
echo "$dest"
