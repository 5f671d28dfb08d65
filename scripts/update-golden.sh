#!/usr/bin/env bash
# Regenerates the expected outputs of the golden CLI tests from build/pledge.
# Review `git diff tests/cli/expected` before committing: a golden file is a promise.
set -euo pipefail
cd "$(dirname "$0")/.."
p=./build/pledge
$p extract tests/fixtures/cli/commitments.txt > tests/cli/expected/extract.out
$p extract < tests/fixtures/cli/commitments.txt > tests/cli/expected/extract_stdin.out
$p normalize tests/fixtures/cli/damaged.txt > tests/cli/expected/normalize.out
$p normalize --events tests/fixtures/cli/damaged.txt > tests/cli/expected/normalize_events.out
$p --version > tests/cli/expected/version.out
