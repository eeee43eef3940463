#!/usr/bin/env bash
# Run by ./test: makes sure PostgreSQL's server programs (initdb, pg_ctl, postgres) are installed, for
# trawl-postgres's tests, which start a throwaway server of their own (TestPostgres). Installs Debian's
# postgresql package when they are missing; does nothing, quickly, when they are there.
set -euo pipefail

has_server() {
  local dir
  for dir in /usr/lib/postgresql/*/bin "$(pg_config --bindir 2>/dev/null || true)"; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && return 0
  done
  command -v initdb >/dev/null && command -v pg_ctl >/dev/null && command -v postgres >/dev/null
}

has_server && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  sudo="none"
fi
if [ "$sudo" = none ] || ! command -v apt-get >/dev/null; then
  echo "trawl: PostgreSQL's server programs (initdb, pg_ctl, postgres) are not installed, and this script" >&2
  echo "trawl: installs them only with apt-get, as root or through passwordless sudo." >&2
  echo "trawl: install them yourself (Debian/Ubuntu: sudo apt-get install postgresql), then run again." >&2
  exit 1
fi

echo "trawl: installing PostgreSQL (apt-get install postgresql) for trawl-postgres's tests" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
has_server || { echo "trawl: apt-get installed postgresql, but still no initdb, pg_ctl and postgres" >&2; exit 1; }
