#!/usr/bin/env bash
# Set up, build, and run every test through ctest: first the normal build, then the check that
# every pathological input is processed in linear time (a benchmark, so run alone, not under
# ctest's parallel jobs), then the same suite built with AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")

cmake --build build --target pledge_scaling_bench -j"$(nproc)" >/dev/null
./build/bench/pledge_scaling_bench

cmake -S . -B build-asan -DPLEDGE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j"$(nproc)"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$(nproc)")
