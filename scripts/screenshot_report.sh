#!/usr/bin/env bash
# Render the HTML report of the bundled demo data and take a full-page screenshot of it
# with headless Chromium, for reviewers: `bash scripts/screenshot_report.sh [OUT_DIR]`.
# Needs the project installed (`. .venv/bin/activate`) and Debian's `chromium` package.
# Extra arguments after OUT_DIR go to `threeno report` (e.g. --lang en --period 2024-H1).
#
# The whole page: a copy of the report with one more script is opened first, at the
# screenshot's width, and that script writes the page's height into the DOM Chromium
# dumps; the screenshot's window is then that tall. SCALE (default 1) is the device
# scale factor: SCALE=0.5 gives a picture half as wide and half as tall (Chromium
# renders no smaller than that), which scripts/shrink_png.py turns into the docs' small
# picture (docs/_static/report-html.png).
set -euo pipefail
out="${1:-report-screenshot}"
shift || true
width=1100
scale="${SCALE:-1}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
threeno report --format html --out "$out/report.html" "$@"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars "$@" 2>/dev/null
}
measure='<script>addEventListener("load", () => { document.body.dataset.pageHeight ='
measure+=' Math.ceil(document.documentElement.scrollHeight); });</script></body>'
sed "s#</body>#${measure}#" "$out/report.html" >"$work/measure.html"
height="$(chrome --window-size="$width,800" --dump-dom "file://$work/measure.html" \
  | sed -n 's/.*data-page-height="\([0-9]*\)".*/\1/p' | head -n 1)"
if [ -z "$height" ]; then
  echo "screenshot_report.sh: could not measure the page's height" >&2
  exit 1
fi
chrome --window-size="$width,$height" --force-device-scale-factor="$scale" \
  --screenshot="$out/report.png" "file://$out/report.html" >/dev/null
echo "$out/report.html"
echo "$out/report.png ($width x $height CSS pixels, scale $scale)"
