#!/usr/bin/env bash
# End-to-end tests run in Debian's Chromium; install it when it is missing (the test command runs as root).
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  exit 0
fi
echo "Chromium is missing at $chromium_path: installing Debian's chromium (needs root and apt)." >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root: run 'sudo apt-get install -y chromium fonts-liberation' and try again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-liberation >/dev/null
"$chromium_path" --version >&2 || true
