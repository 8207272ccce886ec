#!/usr/bin/env bash
# The portal's end-to-end tests drive Debian's chromium (never a downloaded browser). Install it when it
# is missing and this machine can (root with apt-get); otherwise say how, and stop.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium absent : installation du paquet Debian chromium…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "chromium est introuvable ($browser) : installez-le (apt-get install chromium) ou indiquez CHROMIUM_PATH." >&2
exit 1
