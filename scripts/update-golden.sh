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

# The query commands, on a database of samples/ (paths as given: samples/…).
db=$(mktemp -d)/golden.db
$p ingest -q --db "$db" samples/ >/dev/null
$p commitments --db "$db" --kind money --min 1e8 -f table > tests/cli/expected/commitments_money_table.out
$p commitments --db "$db" --kind duration --unit day --modality obligation -f jsonl > tests/cli/expected/commitments_days.out
$p commitments --db "$db" --kind ratio -f csv > tests/cli/expected/commitments_ratios.out
$p query --db "$db" -f csv -p kind=percent "SELECT path, text, value, bound FROM v_commitments WHERE kind = :kind ORDER BY path, raw_start" > tests/cli/expected/query_percent.out
$p query --db "$db" -f json "SELECT rule, count(*) AS fixes FROM v_audit GROUP BY rule ORDER BY rule" > tests/cli/expected/query_rules.out
$p search --db "$db" -f jsonl 招商引资 > tests/cli/expected/search.out
$p search --db "$db" -f jsonl 亩 > tests/cli/expected/search_short.out
$p audit --db "$db" -f jsonl --rule url_entity seed > tests/cli/expected/audit_url.out
$p audit --db "$db" -f csv --stats > tests/cli/expected/audit_stats.out
$p audit --db "$db" --diff county_notice > tests/cli/expected/audit_diff.out
rm -f "$db" "$db"-wal "$db"-shm
