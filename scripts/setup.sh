#!/usr/bin/env bash
# Installs the Debian 12 packages pledge builds with, only those that are missing.
# Does nothing (and needs no network) when everything is there.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libsqlitecpp-dev libsqlite3-dev sqlite3
  libre2-dev libicu-dev libspdlog-dev libfmt-dev catch2 libcli11-dev nlohmann-json3-dev
  libssl-dev libgumbo-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
