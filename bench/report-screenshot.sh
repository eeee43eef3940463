#!/usr/bin/env bash
# Renders trawl's HTML report in headless Chromium to a PNG: the check that the report renders
# from disk with no network. Runs `./trawl demo` first (which writes trawl-demo/report.html)
# unless a report path is given. Installs Debian's chromium with apt-get when it is missing.
#   bash bench/report-screenshot.sh [REPORT.html] [OUT.png]     (default OUT: docs/report.png)
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-}"
out="${2:-docs/report.png}"
if [[ -z "$report" ]]; then
    ./trawl demo --products 20000 --quiet
    report=trawl-demo/report.html
fi
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
    echo "report-screenshot: installing chromium (apt-get) ..." >&2
    ${SUDO:-$( [[ $(id -u) -eq 0 ]] || echo sudo)} apt-get install -y chromium >/dev/null
    browser="$(command -v chromium)"
fi
mkdir -p "$(dirname "$out")"
# --no-sandbox: containers and CI run as root; the page is our own file, opened from disk.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1220,1130 \
    --screenshot="$(realpath -m "$out")" "file://$(realpath "$report")" 2>/dev/null
echo "report-screenshot: $out"
