#!/usr/bin/env python3
"""How much of a UTF-8 text read as GBK with replacement `pledge normalize` gives back.

A scraper that decodes a UTF-8 page as GBK (Python's bytes.decode('gb18030' or 'gbk',
errors='replace'), or a browser told the wrong charset) loses a byte wherever a run of Chinese has an odd number of
bytes before ASCII: that character cannot be restored, and normalization leaves one U+FFFD for
it. This counts, over the given clean files, the lines restored exactly and the lines restored
except for such U+FFFD (same length, every other character right).

Usage: python3 scripts/lossy_mojibake.py samples/clean_*.txt   (PLEDGE=path/to/pledge to pick a binary)
"""
import os
import subprocess
import sys

PLEDGE = os.environ.get("PLEDGE", os.path.join(os.path.dirname(__file__), "..", "build", "pledge"))


def main(paths):
    # Python's gb18030 reads every pair (an undefined one as a private-use character) and writes
    # U+FFFD for the byte 0x80 and for an odd byte before ASCII; its gbk also for the first byte
    # of a pair GBK leaves undefined. With errors='ignore' those bytes go without a trace.
    for codec, errors in (("gb18030", "replace"), ("gbk", "replace"), ("gb18030", "ignore"), ("gbk", "ignore")):
        lines = exact = but_unknown = wrong = 0
        for path in paths:
            clean = open(path, encoding="utf-8").read()
            damaged = clean.encode("utf-8").decode(codec, errors=errors)
            got = subprocess.run([PLEDGE, "normalize"], input=damaged.encode(), capture_output=True, check=True).stdout.decode()
            for want, line in zip(clean.split("\n"), got.split("\n")):
                lines += 1
                exact += want == line
                if len(want) == len(line):
                    but_unknown += all(a == b or b == "\ufffd" for a, b in zip(want, line))
                    wrong += any(a != b and b != "\ufffd" for a, b in zip(want, line))
        print(f"read as {codec}, errors={errors}: {len(paths)} files, {lines} lines: {exact} restored exactly, "
              f"{but_unknown} except for characters left as U+FFFD, {wrong} with a wrong character")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
