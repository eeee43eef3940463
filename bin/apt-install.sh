#!/usr/bin/env bash
# Installs Debian packages for trawl's scripts: bin/apt-install.sh WHAT WHY PACKAGE...
# (WHAT: what is missing, for the messages; WHY: what needs it). Only with apt-get, as root or
# through passwordless sudo; otherwise it says what to install and exits 1.
set -euo pipefail
what="$1" why="$2"
shift 2

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  sudo="none"
fi
if [ "$sudo" = none ] || ! command -v apt-get >/dev/null; then
  echo "trawl: missing $what ($why), which trawl installs only with apt-get, as root or through" >&2
  echo "trawl: passwordless sudo: install it yourself (Debian/Ubuntu: sudo apt-get install $*), then run again" >&2
  exit 1
fi

echo "trawl: installing $* (apt-get) $why" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
