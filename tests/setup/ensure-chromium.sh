#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (tools that download their own browser cannot
# reach their servers here). Install it when missing and we are root; otherwise fail with
# the command that fixes it, rather than letting the browser tests skip.
set -euo pipefail
browser="${CASEBOOK_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $browser: installing Debian's chromium package…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$browser" ] && exit 0
fi
echo "No Chromium at $browser. Install it with: sudo apt-get install -y chromium" >&2
echo "(or set CASEBOOK_CHROMIUM to the path of a Chromium binary)." >&2
exit 1
