#!/usr/bin/env bash
# The test suite uses real components from Debian's packages: Chromium for browser tests, and throwaway
# PostgreSQL and Redis servers, and nginx in front of several vLLM simulators. Installs whichever is
# missing in one apt run (as root), or says how.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium_path" ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the tests need: ${missing[*]} (a few minutes on a fresh machine)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
cat >&2 <<MSG
The tests need these Debian packages, which are missing: ${missing[*]}
Install them with:   sudo apt-get install -y ${missing[*]}
(For Chromium you may instead point CHROMIUM_PATH at an existing Chromium or Chrome binary.)
MSG
exit 1
