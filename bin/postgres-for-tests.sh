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

"$(dirname "$0")/apt-install.sh" "PostgreSQL's server programs (initdb, pg_ctl, postgres)" "for trawl-postgres's tests" postgresql
has_server || { echo "trawl: apt-get installed postgresql, but still no initdb, pg_ctl and postgres" >&2; exit 1; }
