#!/usr/bin/env bash
# Run by ./test: makes sure Chromium, which trawl-render's tests drive (headless, over the DevTools
# protocol), is installed, from Debian's chromium package when it is missing. The tests start their
# own browsers with profiles in the temp directory and kill them; nothing is left running.
# ./trawl runs it too, with the reason as its argument, before a crawl that may render pages.
set -euo pipefail
why="${1:-for the tests of the browser transport}"

for browser in /usr/lib/chromium/chromium /usr/bin/chromium; do
  [ -x "$browser" ] && exit 0
done
command -v chromium >/dev/null && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  sudo="none"
fi
if [ "$sudo" = none ] || ! command -v apt-get >/dev/null; then
  echo "trawl: Chromium ($why) is not installed, and this script installs it" >&2
  echo "trawl: only with apt-get, as root or through passwordless sudo: sudo apt-get install chromium" >&2
  exit 1
fi

echo "trawl: installing chromium (apt-get) $why" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
[ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null \
  || { echo "trawl: apt-get ran, but chromium is still missing" >&2; exit 1; }
