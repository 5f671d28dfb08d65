#!/usr/bin/env bash
# The main job: set up, build, and ingest samples/ into pledge.db, then print a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
./build/pledge ingest --db pledge.db samples/
