#!/usr/bin/env bash
# Run by ./test: makes sure the proxy servers the proxy tests start (tinyproxy for HTTP and CONNECT,
# microsocks for SOCKS5 with a password) are installed, from Debian's packages when they are missing.
# The tests start their own instances on loopback and stop them; nothing is left running.
set -euo pipefail

command -v tinyproxy >/dev/null && command -v microsocks >/dev/null && exit 0

"$(dirname "$0")/apt-install.sh" "tinyproxy and microsocks" "for the proxy tests" tinyproxy microsocks
# Debian's package may start a system tinyproxy; the tests need none of it.
(service tinyproxy stop || sudo -n service tinyproxy stop) >/dev/null 2>&1 || true
command -v tinyproxy >/dev/null && command -v microsocks >/dev/null \
  || { echo "trawl: apt-get ran, but tinyproxy or microsocks is still missing" >&2; exit 1; }
