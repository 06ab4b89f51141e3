#!/usr/bin/env bash
# Installs what npm cannot: Debian's Chromium and Firefox ESR (the tests and `npm start` drive them), CJK fonts
# (so screenshots show the text), sqlite3 (the .apkg test reads the deck with it, independently of sql.js) and zstd
# (the .apkg import test compresses a collection the way Anki 2.1.50+ does).
# Only acts when something is missing.
set -euo pipefail
missing=()
[ -x "${YUEDU_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${YUEDU_FIREFOX:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
fc-list 2>/dev/null | grep -qi 'cjk' || missing+=(fonts-noto-cjk)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v zstd >/dev/null || missing+=(zstd)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "Yuedu needs: ${missing[*]}. Install them with your package manager (Debian: apt-get install -y ${missing[*]})." >&2
  exit 1
fi
SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
echo "Installing ${missing[*]} with apt-get…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
