#!/usr/bin/env bash
# Install the Debian 12 packages borderline needs (as root, idempotent) and
# build it in build/. Safe to run again: installs only what is missing and
# rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config libgdal-dev libproj-dev proj-data
  libcairo2-dev libpango1.0-dev libfontconfig-dev libpng-dev zlib1g-dev libdeflate-dev libboost-test-dev nlohmann-json3-dev libsimdjson-dev
  libcli11-dev libutf8proc-dev fonts-noto-core fonts-wqy-microhei python3 python3-gdal wamerican
  libcpp-httplib-dev chromium chromium-driver python3-selenium python3-jsonschema wrk
  librsvg2-bin gdal-bin zsh man-db groff-base clang-format)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${missing[*]}; run this script as root (or install them) and try again" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
