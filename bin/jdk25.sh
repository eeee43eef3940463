# Sourced by ./trawl, ./test and bench/: sets JAVA_HOME to a JDK 25 or newer, found on JAVA_HOME
# or under /usr/lib/jvm, or explains what to install and exits.
trawl_find_jdk() {
  local cand version
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -f "$cand/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$cand/release")
    if [ -n "$version" ] && [ "$version" -ge 25 ]; then
      echo "$cand"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(trawl_find_jdk)"; then
  echo "trawl: no JDK 25 found (looked at JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/*)." >&2
  echo "trawl: install a JDK 25 (Debian/Ubuntu: the temurin-25-jdk package from Adoptium's apt repository," >&2
  echo "trawl: or any OpenJDK 25 build under /usr/lib/jvm), or point JAVA_HOME at one, then run again." >&2
  exit 1
fi
export JAVA_HOME
