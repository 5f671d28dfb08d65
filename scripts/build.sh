#!/usr/bin/env bash
# Configures and builds pledge into build/ (build/pledge and the test binary).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j"$(nproc)"
