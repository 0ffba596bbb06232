#!/usr/bin/env bash
# Playwright cannot download its own browser here: the end-to-end tests use Debian's Chromium.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
# A Japanese font, so screenshots of the Japanese pages are legible (optional: only on Debian as root).
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null && ! fc-list 2>/dev/null | grep -qi "IPAGothic\|Noto Sans CJK"; then
  (apt-get install -y -qq fonts-ipafont-gothic >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq fonts-ipafont-gothic >/dev/null 2>&1)) || true
fi
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium not found at $browser: installing Debian's chromium package..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium at $browser. Install it (Debian: 'sudo apt-get install chromium')," >&2
echo "or point CHROMIUM_PATH at a Chromium or Chrome binary." >&2
exit 1
