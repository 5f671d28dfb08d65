#!/usr/bin/env python3
"""Damages clean texts the way scraping does and checks that `pledge normalize` restores them.

For each clean file, 20 seeded damage mixes are applied (ASCII punctuation, reversed quotes,
HTML entities, percent-encoded book-title marks, ASCII brackets, line breaks at random points
between hanzi, NBSP after full stops) and the normalized output is compared with the clean text.

Usage: python3 scripts/damage_roundtrip.py samples/clean_*.txt   (PLEDGE=path/to/pledge to pick a binary)
"""
import os
import random
import re
import subprocess
import sys

PLEDGE = os.environ.get("PLEDGE", os.path.join(os.path.dirname(__file__), "..", "build", "pledge"))
MIXES = int(os.environ.get("MIXES", "20"))


def normalize(text):
    return subprocess.run([PLEDGE, "normalize"], input=text.encode(), capture_output=True, check=True).stdout.decode()


def is_han(c):
    return "\u4e00" <= c <= "\u9fff"


def wrap_lines(text, rnd, page_numbers=False):
    out = []
    page = 1
    for line in text.split("\n"):
        if len(line) > 30 and rnd.random() < 0.7:
            cuts = [i for i in range(10, len(line) - 2) if is_han(line[i - 1]) and is_han(line[i])]
            if cuts:
                i = rnd.choice(cuts)
                # A PDF's page number may fall inside the cut sentence: — 3 —
                page_break = f"\n— {page} —\n" if page_numbers and rnd.random() < 0.3 else "\n"
                page += page_break != "\n"
                line = line[:i] + page_break + line[i:]
        out.append(line)
    return "\n".join(out)


def widen_spaces(text, rnd):
    """Separating spaces typed as U+3000 or as a run of spaces, as in tables and signatures."""
    return re.sub(r"(?<=[^ \n]) (?=[^ \n])", lambda m: rnd.choice(["\u3000", "  ", "\u3000\u3000", "\t"]), text)


def damage(clean, seed):
    rnd = random.Random(seed)
    d = clean
    if rnd.random() < 0.7:
        d = d.replace("，", ",").replace("。", ".")
    if rnd.random() < 0.5:
        d = d.replace("；", ";").replace("：", ":")
    if rnd.random() < 0.5:
        d = d.replace("“", "\0").replace("”", "“").replace("\0", "”")
    if rnd.random() < 0.4:
        d = d.replace("“", "&ldquo;").replace("”", "&rdquo;")
    if rnd.random() < 0.4:
        d = d.replace("《", "%26lt;").replace("》", "%26gt;")
    if rnd.random() < 0.4:
        d = d.replace("（", "(").replace("）", ")")
    if rnd.random() < 0.3:
        d = widen_spaces(d, rnd)
    if rnd.random() < 0.5:
        d = wrap_lines(d, rnd, page_numbers=rnd.random() < 0.5)
    if rnd.random() < 0.2:
        d = d.replace("。\n", "。<br/>\n")
    if rnd.random() < 0.3:
        d = d.replace("。", "。\u00a0")
    return d


def main(paths):
    failed = 0
    for path in paths:
        clean = open(path, encoding="utf-8").read()
        if normalize(clean) != clean:
            print(f"{path}: the clean text itself is changed")
            failed += 1
            continue
        restored = 0
        for seed in range(MIXES):
            out = normalize(damage(clean, seed))
            if out == clean:
                restored += 1
                continue
            for want, got in zip(clean.split("\n"), out.split("\n")):
                if want != got:
                    # From a little before the first difference: lines are long.
                    at = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
                    start = max(0, at - 20)
                    print(f"  mix {seed}: want …{want[start:start + 60]}\n          got  …{got[start:start + 60]}")
                    break
        print(f"{path}: {restored} of {MIXES} damaged copies restored exactly")
        failed += restored < MIXES
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
