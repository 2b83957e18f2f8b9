#!/usr/bin/env bash
# Usage: [GRID_FANGSONG=1] [BLANK_PAGES=1] render.sh FILE.docx|FILE.xlsx [OUTDIR] → OUTDIR/<name>-<ext>/<name>.pdf and page-N.png
set -euo pipefail
src=$1; name=$(basename "$src"); dest=${2:-out/render}/${name%.*}-${name##*.}
mkdir -p "$dest"
profile=$(mktemp -d); trap 'rm -rf "$profile"' EXIT
conf="$(cd "$(dirname "$0")/../.." && pwd)/templates/fonts/fonts.conf"
if [ "${GRID_FANGSONG:-}" = 1 ]; then
  # Note: LibreOffice puts a glyph wider than a cell of the official document's character grid (15.79 pt) into two
  # cells, so a 1-em 仿宋 shows 14 characters per line; the narrower cwTeXFangSong shows the 28 that Word and WPS show.
  perl -0pe 's#(<family>仿宋_GB2312</family>\s*<prefer>)#$1<family>cwTeXFangSong</family>#' "$conf" > "$profile/fonts.conf"
  conf="$profile/fonts.conf"
fi
# Note: LibreOffice's PDF leaves out the blank pages it inserts (before a section that starts on an even page);
# BLANK_PAGES=1 keeps them, as a printer prints them.
to=pdf
[ "${BLANK_PAGES:-}" = 1 ] && to='pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
FONTCONFIG_FILE="$conf" \
  soffice -env:UserInstallation="file://$profile" --headless --convert-to "$to" --outdir "$dest" "$src" >/dev/null 2>&1 || true
pdf="$dest/${name%.*}.pdf"
[ -s "$pdf" ] || { echo "render failed: no PDF for $src" >&2; exit 1; }
pdftoppm -r 80 -png "$pdf" "$dest/page"
echo "$dest"
