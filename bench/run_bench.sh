#!/usr/bin/env bash
# End-to-end benchmark: builds pledge and the bench tools, generates a corpus (default 200 MB)
# from samples/, and measures
#   - per-stage throughput on the samples (pledge_stage_bench)
#   - pledge ingest --jobs 1 and --jobs 2 into a fresh database: MB/s, commitments/s, peak RSS
#   - the same ingest again over the unchanged corpus (hash check only)
#   - whether every pathological input is processed in linear time (pledge_scaling_bench; exits 1 if not)
# Usage: bash bench/run_bench.sh [SIZE_MB] [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
corpus=${2:-/tmp/pledge-corpus-$size}
bash scripts/build.sh >/dev/null
cmake --build build --target pledge_stage_bench pledge_make_corpus pledge_scaling_bench >/dev/null
[ -d "$corpus" ] || ./build/bench/pledge_make_corpus "$corpus" "$size"
bytes=$(du -sb "$corpus" | cut -f1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== corpus: $corpus, $(find "$corpus" -type f | wc -l) files, $((bytes / 1000000)) MB"
echo "== stages (samples/, one core)"
./build/bench/pledge_stage_bench

run() {  # label, extra ingest args
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" ./build/pledge ingest -q "$@" "$corpus" >"$work/out" 2>"$work/err" || true
  read -r seconds rss_kb <"$work/time"
  local commitments
  commitments=$(grep -o '[0-9]* commitments;' "$work/out" | grep -o '[0-9]*' || echo 0)
  awk -v l="$label" -v s="$seconds" -v b="$bytes" -v c="$commitments" -v r="$rss_kb" \
    'BEGIN { printf "%-28s %7.2f s  %8.1f MB/s  %9.0f commitments/s  peak RSS %6.0f MB\n", l, s, b / 1e6 / s, c / s, r / 1024 }'
}
echo "== end to end"
run "ingest --jobs 1 (fresh)" --jobs 1 --db "$work/one.db"
run "ingest --jobs 2 (fresh)" --jobs 2 --db "$work/two.db"
# Twice: the first may read the corpus back from disk (writing the databases above can push it
# out of the page cache); the second is the hash check alone, as in a nightly run.
run "ingest --jobs 2 (unchanged)" --jobs 2 --db "$work/two.db"
run "ingest --jobs 2 (unchanged, warm)" --jobs 2 --db "$work/two.db"
echo "== scaling (pathological inputs, one core: time at n, 2n, 4n; growth 1 = linear)"
./build/bench/pledge_scaling_bench
