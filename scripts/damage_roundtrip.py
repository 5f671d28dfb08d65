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
# EXTRA=1 adds the damage of characters: font look-alikes (⼀ ⻓), escaped hanzi (&#20013;, %E4%B8%AD),
# fullwidth digits, zero-width spaces, a forum's jammer text at lines' edges (Discuz!'s, kept by a
# scraper that ignored CSS), opening quotes written as apostrophes ('两个确保“), lines of mojibake
# (UTF-8 read as GBK or Windows-1252, and GBK read as Latin-1 or Windows-1252) and lines left in
# JSON's or JavaScript's escapes (\u5404, %u5404). Off by default, so that the figures of earlier
# sessions can be reproduced with the same mixes.
EXTRA = os.environ.get("EXTRA", "") == "1"
# ACCIDENTS=1 copies every text as if out of a PDF whose font maps glyphs to the wrong code
# points: for a random half of the characters such a font garbles, every occurrence (进 → 迚,
# 于 → 亍, and the ambiguous ones, 或 → 戒, 项 → 顷). Separate from EXTRA for the same reason.
ACCIDENTS = os.environ.get("ACCIDENTS", "") == "1"
FONT_ACCIDENTS = "置臵 进迚 不丌 于亍 之乊 的癿 规觃 到刡 关兲 并幵 且丏 受叐 快忚 指挃 动劢 任仸 隔隑 格栺 方斱 " \
    "时旪 工巟 合吅 函凼 接掍 返迒 应庒 发収 按挄 须顸 录彔 取叏 利刟 制刢 举丼 来杢"
# TRADITIONAL=1 serves every text as a Big5 mirror would: converted to traditional characters
# (ICU's Hans-Hant, through `uconv` of icu-devtools), and with PINYIN=1 also with the reading of
# some characters after them in brackets, as reposting sites print it (經(jīng)濟).
TRADITIONAL = os.environ.get("TRADITIONAL", "") == "1"
PINYIN = os.environ.get("PINYIN", "") == "1"
AMBIGUOUS_ACCIDENTS = "或戒 构极 连违 项顷 这返 设讴 与不"
# INDENT=1 typesets every clean text first (typeset()): indented paragraphs and U+3000 after article
# numbers, which normalization must keep byte for byte, with the damage done around them.
INDENT = os.environ.get("INDENT", "") == "1"
# WIDE=1 sets every clean text's figures full width first (widen()), as many documents, older ones
# above all, print them (１９９８年，增长１２．５％，ＧＤＰ): their typography, which normalization
# must keep byte for byte, with the damage done around it.
WIDE = os.environ.get("WIDE", "") == "1"
# TYPED=1 adds what a typist or a page's style puts in before any scraper: an ellipsis typed as
# dots or full stops (... 。。。), a dash typed as hyphens (--), and spaces around figures and
# Latin letters in sentences (全年投资 100 亿元, as PDFs and some sites set them).
TYPED = os.environ.get("TYPED", "") == "1"
# HEADS=1 prints the document's title at the top of every page of the PDF a copy comes out of:
# a running head, on a line of its own at each page break inside a sentence.
HEADS = os.environ.get("HEADS", "") == "1"
# ANYCUT=1: hard wraps fall between any two characters (a fixed-width wrap), not only between
# two hanzi: inside a figure (10|00万元), before a mark, after a Latin letter.
ANYCUT = os.environ.get("ANYCUT", "") == "1"


def normalize(text):
    return subprocess.run([PLEDGE, "normalize"], input=text.encode(), capture_output=True, check=True).stdout.decode()


def is_han(c):
    return "\u4e00" <= c <= "\u9fff"


def wrap_lines(text, rnd, page_numbers=False):
    head = next((line.strip() for line in text.split("\n") if line.strip()), "")
    out = []
    page = 1
    for line in text.split("\n"):
        if len(line) > 30 and rnd.random() < 0.7:
            if ANYCUT:  # a fixed-width wrap: between any two characters, inside a figure too
                # (not inside an escape a scraper wrote after the text was laid out: &ldquo;, %26gt;)
                inside = set()
                for m in re.finditer(r"&#?\w+;|%26\w+;|%[0-9A-F]{2}", line):
                    inside.update(range(m.start() + 1, m.end()))
                cuts = [i for i in range(10, len(line) - 2)
                        if not line[i - 1].isspace() and not line[i].isspace() and i not in inside]
            else:
                cuts = [i for i in range(10, len(line) - 2) if is_han(line[i - 1]) and is_han(line[i])]
            if cuts:
                i = rnd.choice(cuts)
                # A PDF's page number may fall inside the cut sentence: — 3 —
                page_break = f"\n— {page} —\n" if page_numbers and rnd.random() < 0.3 else "\n"
                page += page_break != "\n"
                if HEADS and page_numbers and page_break != "\n":
                    page_break += head + "\n"
                line = line[:i] + page_break + line[i:]
        out.append(line)
    return "\n".join(out)


# The number or label that opens a line (第一条, 第二章, 专栏1, 表2): laws print the space after it
# as one U+3000, which normalization keeps, so there it is no damage.
LINE_OPENING_NUMBER = re.compile(r"(?:^|\n)[\u3000 ]*(?:第[一二三四五六七八九十百千零〇\d]+[条章节款篇]|专栏\d+|表\d+|图\d+|附件\d+)$")


# What follows a space before a line's next field (联系电话：) or the date a colophon ends in
# (2024年5月20日印发): two U+3000 there are the document's layout, which normalization keeps.
NEXT_FIELD = re.compile(r"[\u4e00-\u9fff]{1,8}[：:]|\d{4}年\d{1,2}月\d{1,2}日(?:印发|发布|签发)?$", re.M)


def widen_spaces(text, rnd):
    """Separating spaces typed as U+3000 or as a run of spaces, as in tables and signatures."""
    def widen(m):
        if NEXT_FIELD.match(text, m.end()):
            return rnd.choice(["  ", "\u3000", "\t"])
        if LINE_OPENING_NUMBER.search(text, max(0, m.start() - 40), m.start()):
            return rnd.choice(["  ", "\u3000\u3000", "\t"])
        return rnd.choice(["\u3000", "  ", "\u3000\u3000", "\t"])
    return re.sub(r"(?<=[^ \n]) (?=[^ \n])", widen, text)


def typeset(clean):
    """The text as Chinese documents set it: a paragraph (a line that ends a sentence or a
    clause) indented by two U+3000, and one U+3000 after the number that opens an article or
    chapter line (第一条　为了…), and one after a news story's dateline (新华社北京3月5日电（记者
    张三）　十四届…)."""
    out = []
    for line in clean.split("\n"):
        line = re.sub(r"^((?:第[一二三四五六七八九十百千零〇\d]+[条章节])|专栏\d+) ", "\\1\u3000", line)
        line = re.sub(r"^([\u4e00-\u9fff]{2,12}\d{1,2}月\d{1,2}日电(?:（[^（）]{1,40}）)?)(?=[\u4e00-\u9fff])", "\\1\u3000", line)
        if line and line[-1] in "。；：！？" and not line.startswith(" "):
            line = "\u3000\u3000" + line
        out.append(line)
    return "\n".join(out)


# What a full-width text still writes in ASCII: addresses.
ADDRESS = re.compile(r"(?:https?://|www\.)[\w./?=&%#-]+|[\w.-]+@[\w-]+(?:\.[\w-]+)+")


def widen(clean):
    """Digits, Latin letters, % and the decimal point or a list number's full stop set full width,
    and thousands separated by the full-width comma."""
    def wide(part):
        part = re.sub(r"(?<=[0-9])\.(?=[0-9])", "\uff0e", part)
        part = re.sub(r"(?<=[0-9]),(?=[0-9]{3})", "，", part)  # the comma such a text types everywhere
        part = re.sub(r"(?m)^([ \u3000]*[0-9]{1,2})\.", "\\1\uff0e", part)
        return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and (c.isalnum() or c == "%") else c for c in part)
    out, last = [], 0
    for m in ADDRESS.finditer(clean):
        out.append(wide(clean[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(wide(clean[last:]))
    return "".join(out)


def mojibake_lines(text, rnd):
    """A few lines whose UTF-8 bytes were read as GBK or as Windows-1252 (mixed-encoding pages)."""
    out = []
    for line in text.split("\n"):
        if line and rnd.random() < 0.15:
            codec = rnd.choice(["gbk", "cp1252"])
            try:
                line = line.encode("utf-8").decode(codec)
            except UnicodeDecodeError:
                pass  # not every byte string is valid in that codec: the line stays
        out.append(line)
    return "\n".join(out)


# Kangxi radicals and CJK radical supplements that PDF fonts put in place of ordinary ideographs.
LOOKALIKES = {}
for code in list(range(0x2F00, 0x2FD6)) + list(range(0x2E80, 0x2EF4)):
    import unicodedata
    target = unicodedata.normalize("NFKC", chr(code))
    if len(target) == 1 and target != chr(code) and "\u4e00" <= target <= "\u9fff":
        LOOKALIKES.setdefault(target, chr(code))


def gbk_latin_lines(text, rnd):
    """A few lines whose GBK bytes were read as Latin-1 or Windows-1252 (an old page with no charset)."""
    out = []
    for line in text.split("\n"):
        if line and rnd.random() < 0.15:
            try:
                line = line.encode("gbk").decode(rnd.choice(["latin-1", "cp1252"]))
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass  # a character GBK lacks, or a byte Windows-1252 leaves undefined: the line stays
        out.append(line)
    return "\n".join(out)


def forum_jammers(text, rnd):
    """Discuz!'s hidden anti-copy text, kept by a scraper that ignored CSS: at a line's start or end."""
    def jammer():
        return "".join(chr(rnd.randint(32, 59)) + " " + chr(rnd.randint(63, 126)) for _ in range(rnd.randint(5, 15)))
    out = []
    for line in text.split("\n"):
        if len(line) > 30 and rnd.random() < 0.3:
            line = jammer() + line if rnd.random() < 0.5 else line + jammer()
        out.append(line)
    return "\n".join(out)


def apostrophe_quotes(text, rnd):
    """A converter that wrote each opening quote as an apostrophe and each closing one as an opening: '两个确保“."""
    return "\n".join(l.replace("“", "'").replace("”", "“") if rnd.random() < 0.5 else l for l in text.split("\n"))


def font_lookalikes(text, rnd):
    return "".join(LOOKALIKES[c] if c in LOOKALIKES and rnd.random() < 0.5 else c for c in text)


def font_accidents(text, rnd):
    pairs = [p for p in FONT_ACCIDENTS.split() if rnd.random() < 0.5]
    pairs += [p for p in AMBIGUOUS_ACCIDENTS.split() if rnd.random() < 0.5]
    # One pass, so that 与 → 不 does not then become 丌.
    table = {p[0]: p[1] for p in pairs}
    return "".join(table.get(c, c) for c in text)


def escape_some_hanzi(text, rnd):
    """Hanzi left as numeric entities (&#20013;) or percent-encoded UTF-8 (%E4%B8%AD) by a scraper."""
    def one(c):
        if not is_han(c) or rnd.random() > 0.03:
            return c
        if rnd.random() < 0.5:
            return f"&#{ord(c)};"
        return "".join(f"%{b:02X}" for b in c.encode("utf-8"))
    return "".join(one(c) for c in text)


def js_escaped_lines(text, rnd):
    """A few lines a scraper took from a JSON or JavaScript source undecoded: every character
    beyond ASCII as \\uXXXX (JSON) or %uXXXX (JavaScript's escape()), in UTF-16 units."""
    out = []
    for line in text.split("\n"):
        if line and rnd.random() < 0.1:
            form = rnd.choice(["\\u{:04x}", "%u{:04X}"])
            units = line.encode("utf-16-be")
            escaped = []
            for k in range(0, len(units), 2):
                u = units[k] << 8 | units[k + 1]
                escaped.append(chr(u) if u < 0x80 else form.format(u))
            line = "".join(escaped)
        out.append(line)
    return "\n".join(out)


def wide_digits(text, rnd):
    return re.sub(r"[0-9]", lambda m: chr(ord(m.group()) - ord("0") + 0xFF10) if rnd.random() < 0.5 else m.group(), text)


def zero_widths(text, rnd):
    return "".join(c + "\u200b" if is_han(c) and rnd.random() < 0.02 else c for c in text)


def to_traditional(text):
    return subprocess.run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", "Hans-Hant"], input=text.encode(),
                          capture_output=True, check=True).stdout.decode()


# A few readings, enough to gloss the characters reposting sites gloss most (those with two).
READINGS = {"經": "jīng", "發": "fā", "長": "zhǎng", "區": "qū", "產": "chǎn", "業": "yè", "務": "wù",
            "調": "tiáo", "內": "nèi", "設": "shè", "構": "gòu", "應": "yīng", "重": "zhòng", "為": "wéi"}


def pinyin_glosses(text, rnd):
    return "".join(c + f"({READINGS[c]})" if c in READINGS and rnd.random() < 0.6 else c for c in text)


def typed_marks(text, rnd):
    if rnd.random() < 0.5:
        text = text.replace("……", rnd.choice(["...", "......", "。。。"]))
    if rnd.random() < 0.5:
        def dash(m):
            before = text[m.start() - 1] if m.start() > 0 else ""
            after = text[m.end()] if m.end() < len(text) else ""
            chinese = any(is_han(c) or c in "，。、；：“”（）《》" for c in (before, after) if c)
            return "--" if chinese and not before.isdigit() and not after.isdigit() else m.group(0)
        text = re.sub("——", dash, text)
    if rnd.random() < 0.5:
        lines = []
        for line in text.split("\n"):
            if "，" in line or "。" in line:
                line = re.sub(r"(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])(?=[\u4e00-\u9fff])", " ", line)
            lines.append(line)
        text = "\n".join(lines)
    return text


def damage(clean, seed):
    rnd = random.Random(seed)
    d = to_traditional(clean) if TRADITIONAL else clean
    if PINYIN:
        d = pinyin_glosses(d, rnd)
    if TYPED:
        d = typed_marks(d, rnd)
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
    if EXTRA:
        # In the order a document meets them: a PDF's fonts and a typist's digits, then the
        # scraper's escapes, then a page read in the wrong encoding.
        if rnd.random() < 0.3:
            d = font_lookalikes(d, rnd)
        if rnd.random() < 0.3:
            d = wide_digits(d, rnd)
        if rnd.random() < 0.3:
            d = zero_widths(d, rnd)
        if rnd.random() < 0.3:
            d = escape_some_hanzi(d, rnd)
        if rnd.random() < 0.3:
            d = forum_jammers(d, rnd)
        if rnd.random() < 0.3:
            d = apostrophe_quotes(d, rnd)
        if rnd.random() < 0.3:
            d = mojibake_lines(d, rnd)
        if rnd.random() < 0.3:
            d = gbk_latin_lines(d, rnd)
        if rnd.random() < 0.3:
            d = js_escaped_lines(d, rnd)
    if ACCIDENTS:
        d = font_accidents(d, rnd)
    return d


def main(paths):
    failed = 0
    for path in paths:
        clean = open(path, encoding="utf-8").read()
        if INDENT:
            clean = typeset(clean)
        if WIDE:
            clean = widen(clean)
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
