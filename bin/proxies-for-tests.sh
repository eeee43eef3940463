#!/usr/bin/env bash
# Run by ./test: makes sure the proxy servers the proxy tests start (tinyproxy for HTTP and CONNECT,
# microsocks for SOCKS5 with a password) are installed, from Debian's packages when they are missing.
# The tests start their own instances on loopback and stop them; nothing is left running.
set -euo pipefail

command -v tinyproxy >/dev/null && command -v microsocks >/dev/null && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  sudo="none"
fi
if [ "$sudo" = none ] || ! command -v apt-get >/dev/null; then
  echo "trawl: tinyproxy and microsocks (for the proxy tests) are not installed, and this script installs them" >&2
  echo "trawl: only with apt-get, as root or through passwordless sudo: sudo apt-get install tinyproxy microsocks" >&2
  exit 1
fi

echo "trawl: installing tinyproxy and microsocks (apt-get) for the proxy tests" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends tinyproxy microsocks >/dev/null
# Debian's package may start a system tinyproxy; the tests need none of it.
$sudo service tinyproxy stop >/dev/null 2>&1 || true
command -v tinyproxy >/dev/null && command -v microsocks >/dev/null \
  || { echo "trawl: apt-get ran, but tinyproxy or microsocks is still missing" >&2; exit 1; }
