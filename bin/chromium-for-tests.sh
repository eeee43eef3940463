#!/usr/bin/env bash
# Run by ./test: makes sure Chromium, which trawl-render's tests drive (headless, over the DevTools
# protocol), is installed, from Debian's chromium package when it is missing. The tests start their
# own browsers with profiles in the temp directory and kill them; nothing is left running.
# ./trawl runs it too, with the reason as its argument, before a crawl that may render pages.
set -euo pipefail
why="${1:-for the tests of the browser transport}"

has_browser() {
  [ -x /usr/lib/chromium/chromium ] || [ -x /usr/bin/chromium ] || command -v chromium >/dev/null
}

has_browser && exit 0
"$(dirname "$0")/apt-install.sh" "Chromium" "$why" chromium
has_browser || { echo "trawl: apt-get ran, but chromium is still missing" >&2; exit 1; }
