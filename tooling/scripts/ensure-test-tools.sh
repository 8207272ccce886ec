#!/usr/bin/env bash
# The tests need two Debian tools: chromium for the portal's end-to-end tests (driven by playwright-core,
# which never downloads a browser) and poppler-utils (pdftotext, pdffonts) to read the exported PDFs back.
# Install what is missing when this machine can (root with apt-get); otherwise say how, and stop.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$browser" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "paquets absents : installation de ${missing[*]}…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "Outils de test introuvables (${missing[*]}) : installez-les (apt-get install ${missing[*]}) ou indiquez CHROMIUM_PATH." >&2
exit 1
