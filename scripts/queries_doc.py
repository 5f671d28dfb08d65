#!/usr/bin/env python3
"""Regenerates docs/queries.md: ten real questions, their SQL, and pledge's answer on samples/.

Usage: python3 scripts/queries_doc.py   (needs build/pledge; builds a temporary database)
"""
import os, subprocess, tempfile

QUESTIONS = [
    ("Which obligations set a minimum number of days?",
     "SELECT path, text, value, sentence FROM v_commitments\nWHERE kind = 'duration' AND unit = 'day' AND bound = 'min' AND modality = 'obligation'\nORDER BY path, raw_start"),
    ("Which money targets exceed 1 亿元, by document?",
     "SELECT path, count(*) AS targets, sum(value) / 1e8 AS total_yi_yuan, group_concat(text, '、') AS amounts\nFROM v_commitments\nWHERE kind = 'money' AND modality = 'target' AND coalesce(value, high) > 1e8\nGROUP BY path ORDER BY total_yi_yuan DESC"),
    ("What did the last run add? (`pledge commitments --run last` lists the commitments themselves)",
     "SELECT d.path, count(c.id) AS commitments\nFROM documents d LEFT JOIN commitments c ON c.document_id = d.id\nWHERE d.run_id = (SELECT max(id) FROM runs WHERE status = 'finished') AND d.status = 'loaded'\nGROUP BY d.path ORDER BY d.path"),
    ("Which percentage targets are stated as floors (at least X%)?",
     "SELECT path, text, value, sentence FROM v_commitments\nWHERE kind = 'percent' AND bound = 'min' AND modality IN ('target', 'obligation')\nORDER BY value DESC"),
    ("Which commitments are stated per person per year?",
     "SELECT path, kind, text, value, unit FROM v_commitments WHERE period = 'person-year'"),
    ("Which conditions trigger a consequence (达不到…的取消…)?",
     "SELECT path, text, bound, sentence FROM v_commitments WHERE modality = 'condition'"),
    ("How many fixes did each normalization rule make, and in how many documents?",
     "SELECT rule, count(*) AS fixes, count(DISTINCT document_id) AS documents\nFROM v_audit GROUP BY rule ORDER BY fixes DESC"),
    ("Where exactly in the original file did a number come from? (the raw bytes of a commitment)",
     "SELECT c.text, c.raw_start, c.raw_end,\n       CAST(substr(d.raw, c.raw_start + 1, c.raw_end - c.raw_start) AS TEXT) AS original_bytes\nFROM commitments c JOIN documents d ON d.id = c.document_id\nWHERE d.path LIKE '%seed%' AND c.kind = 'money' ORDER BY c.raw_start LIMIT 5"),
    ("Which documents were flagged, quarantined, or decoded from a legacy encoding?",
     "SELECT path, status, encoding, error, flags FROM documents\nWHERE status <> 'loaded' OR flags IS NOT NULL OR encoding NOT LIKE 'UTF-8;%'"),
    ("Which farmland and forestry areas are committed, in mu?",
     "SELECT path, text, value AS mu, modality FROM v_commitments WHERE kind = 'area' AND unit = 'mu' ORDER BY value DESC"),
    ("Which matching-fund or cost-sharing ratios are set, and how strictly? (1:1 has value 1.0)",
     "SELECT path, text, value, bound, modality, sentence FROM v_commitments\nWHERE kind = 'ratio' ORDER BY path, raw_start"),
    ("Which sentences mention 新增就业 and what numbers do they carry? (full-text search)",
     "SELECT d.path, s.text, (SELECT group_concat(c.text, ' | ') FROM commitments c WHERE c.sentence_id = s.id) AS numbers\nFROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id\nWHERE sentences_fts MATCH '\"新增就业\"'"),
]

def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    pledge = os.path.join(root, "build", "pledge")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "pledge.db")
        subprocess.run([pledge, "ingest", "-q", "--db", db, "samples/"], cwd=root, check=True, stdout=subprocess.DEVNULL)
        out = ["# Questions answered in SQL", "",
               "Run on the database the README's first command builds from `samples/` (`pledge.db`). Each",
               "query works as it is in `sqlite3 pledge.db` or `build/pledge query --db pledge.db \"…\"`; the",
               "results below are real output of `pledge query -f table` (regenerate: `python3 scripts/queries_doc.py`).", "",
               "Values are in canonical units: money in yuan (`value > 1e8` is more than 1 亿元), durations in",
               "their stated unit, percentages 0–100. Ranges have `value` NULL and `low`/`high` set, so filters",
               "that must include ranges use `coalesce(value, high)`.", ""]
        for i, (question, sql) in enumerate(QUESTIONS, 1):
            r = subprocess.run([pledge, "query", "--db", db, "-f", "table", sql], capture_output=True, text=True, check=True)
            lines = r.stdout.splitlines()
            if len(lines) > 14:
                lines = lines[:14] + ["… (%d rows in all)" % (len(r.stdout.splitlines()) - 2)]
            out += ["## %d. %s" % (i, question), "", "```sql", sql + ";", "```", "", "```", *lines, "```", ""]
    with open(os.path.join(root, "docs", "queries.md"), "w") as f:
        f.write("\n".join(out))

if __name__ == "__main__":
    main()
