#!/usr/bin/env bash
# Render the HTML report of the bundled demo data and take a full-page screenshot of it
# with headless Chromium, for reviewers: `bash scripts/screenshot_report.sh [OUT_DIR]`.
# Needs the project installed (`. .venv/bin/activate`) and Debian's `chromium` package.
# Extra arguments after OUT_DIR go to `threeno report` (e.g. --lang en --period 2024-H1).
set -euo pipefail
out="${1:-report-screenshot}"
shift || true
mkdir -p "$out"
out="$(cd "$out" && pwd)"
threeno report --format html --out "$out/report.html" "$@"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1100,6000 \
  --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
echo "$out/report.html"
echo "$out/report.png"
