// Inputs built to hurt: each must finish (in linear time: no timing asserts here; the
// benchmarks measure speed) with a bounded, well-formed result.
#include <catch2/catch.hpp>

#include <unicode/utf8.h>

#include "extractors/extract_quantities.h"
#include "pipeline/process_document.h"
#include "test_support.h"

#include <algorithm>

using namespace pledge;

namespace {

void CheckWellFormed(const ProcessedDocument& doc) {
  if (doc.status != ProcessedDocument::Status::Loaded) {
    CHECK_FALSE(doc.error.empty());
    return;
  }
  const TrackedText& t = doc.normalized.text;
  REQUIRE(t.Valid());
  CHECK(t.to_raw.back() <= doc.raw.size());
  uint32_t previous = 0;
  for (const auto& s : doc.sentences) {
    CHECK(s.sentence.start >= previous);
    CHECK(s.sentence.end <= t.text.size());
    previous = s.sentence.end;
  }
  for (const auto& c : doc.commitments) {
    const auto& s = doc.sentences[c.sentence_index].sentence;
    CHECK(c.quantity.start >= s.start);
    CHECK(c.quantity.end <= s.end);
    CHECK(c.raw_start <= c.raw_end);
    CHECK(c.raw_end <= doc.raw.size());
  }
  // Normalizing the output again changes nothing.
  CHECK(NormalizeText(TrackedText::Identity(t.text)).text.text == t.text);
}

}  // namespace

TEST_CASE("a 50 MB single line", "[pathological]") {
  // The seed with its line breaks taken out, repeated: one line, real text, real damage.
  std::string seed = test::ReadBytes(test::SourcePath("samples/seed_qunzhongguan.txt"));
  std::replace(seed.begin(), seed.end(), '\n', ' ');
  std::string line;
  line.reserve((50u << 20) + seed.size());
  while (line.size() < (50u << 20)) line += seed;
  auto doc = ProcessDocument("long.txt", line);
  REQUIRE(doc.status == ProcessedDocument::Status::Loaded);
  CHECK(doc.commitments.size() > 10000);
  CHECK(doc.normalized.text.Valid());
  // Dense quantities with no sentence end at all: the per-quantity context stays bounded.
  std::string dense;
  const std::string unit = "每年投入不少于15亿元,增长5.5%,(试点)\"重点\"工程 ";
  while (dense.size() < (4u << 20)) dense += unit;
  CheckWellFormed(ProcessDocument("dense.txt", dense));
}

TEST_CASE("a line of a million Latin-1 characters", "[pathological]") {
  // GBK read as Latin-1 with no line break, and Latin-1 that is no mojibake at all: each run is
  // walked once (a walk per start once made this hours long).
  std::string gbk_latin, latin;
  const std::string sentence = "Ê©¹¤·½°¸£¬È«³¤Ê®¶þ¹«Àï¡£";  // 施工方案，全长十二公里。 as GBK read as Latin-1
  while (gbk_latin.size() < (2u << 20)) gbk_latin += sentence;
  auto doc = ProcessDocument("latin.txt", gbk_latin);
  CheckWellFormed(doc);
  CHECK(doc.normalized.text.text.starts_with("施工方案，全长十二公里。施工方案"));
  while (latin.size() < (2u << 20)) latin += "ÃÃ©Ã¤Ã";
  CheckWellFormed(ProcessDocument("accents.txt", latin));
}

TEST_CASE("U+3000 by the hundred thousand", "[pathological]") {
  // An indent of 300,000 U+3000, a megabyte line of letter-spaced hanzi, and of lone ones after
  // numbers. A judgement per U+3000 of its whole run and line had not finished inputs about
  // four times these after 120 s: each run is judged once, looking at a bounded part of its line.
  const std::string space = "\xE3\x80\x80";
  std::string indent, spaced, articles;
  for (int k = 0; k < 300000; ++k) indent += space;
  indent += "第一条。\n";
  while (spaced.size() < (1u << 20)) spaced += "总" + space + space;
  while (articles.size() < (1u << 20)) articles += "第一条" + space + "表2" + space;
  // Runs of two, each asked whether a field follows, on one long line (the look ahead for its
  // end once ran to the text's end at every run).
  std::string fields;
  while (fields.size() < (1u << 20)) fields += "联系人：王某某" + space + space + "各级干部" + space + space;
  for (const std::string& text : {indent, spaced, articles, fields, indent + spaced + "\n" + articles}) {
    auto doc = ProcessDocument("spaces.txt", text);
    CheckWellFormed(doc);
  }
}

TEST_CASE("a UTF-8 page read as GBK with its dates cut a hundred thousand times", "[pathological]") {
  // 某市2023年3月15日 read with replacement: every 年, 月 and 日 lost a byte and is told from the
  // figures before it and the mark told before them. Asking every mark told so far (they had
  // been kept in a list) made the pass quadratic in the number of dates.
  std::string dates;
  for (int k = 0; k < 100000; ++k)
    dates += "鏌愬競2023骞\uFFFD" + std::to_string(k % 12 + 1) + "鏈\uFFFD" + std::to_string(k % 28 + 1) + "鏃\uFFFD\n";
  auto doc = ProcessDocument("dates.txt", dates);
  CheckWellFormed(doc);
  CHECK(doc.normalized.text.text.starts_with("某市2023年1月1日\n某市2023年2月2日\n"));
}

TEST_CASE("one million digits", "[pathological]") {
  std::string digits(1'000'000, '7');
  auto doc = ProcessDocument("digits.txt", "投入" + digits + "元。");
  CheckWellFormed(doc);
  auto q = ExtractQuantities("投入" + digits + "元。");
  REQUIRE(q.size() <= 1);
}

TEST_CASE("a chain of ratio marks two hundred thousand long", "[pathological]") {
  // 1:1:…:1年 is no ratio (a date's mark after it), and neither is 一比一比…一 (no clause speaks
  // of one): each chain is read once, not again from each of its marks.
  std::string chain;
  for (int k = 0; k < 200000; ++k) chain += "1:";
  chain += "1年";
  for (const auto& q : ExtractQuantities(chain)) CHECK(q.kind != "ratio");
  std::string words = "一";
  for (int k = 0; k < 100000; ++k) words += "比一";
  CHECK(ExtractQuantities(words).empty());
  auto doc = ProcessDocument("ratios.txt", chain + "\n" + words + "\n");
  CheckWellFormed(doc);
}

TEST_CASE("deeply repeated percent-encoding and nested brackets", "[pathological]") {
  std::string encoded;
  for (int i = 0; i < 200000; ++i) encoded += "%26";
  encoded += "lt;中文";
  CheckWellFormed(ProcessDocument("pct.txt", encoded));
  std::string amp = "a";
  for (int i = 0; i < 100000; ++i) amp += "&amp;";
  CheckWellFormed(ProcessDocument("amp.txt", amp + "lt;b"));
  std::string parens(300000, '(');
  parens += "中文" + std::string(300000, ')');
  CheckWellFormed(ProcessDocument("parens.txt", parens));
  // Nested pairs that convert together in one pass (each decided from the one around it).
  std::string empty_parens = "附件";
  for (int i = 0; i < 200000; ++i) empty_parens += "( ";
  for (int i = 0; i < 200000; ++i) empty_parens += ") ";
  CheckWellFormed(ProcessDocument("empty_parens.txt", empty_parens + "见后"));
  std::string angles = std::string(300000, '<') + "论持久战" + std::string(300000, '>');
  CheckWellFormed(ProcessDocument("angles.txt", angles));
  std::string quotes;
  for (int i = 0; i < 100000; ++i) quotes += "”中“";
  CheckWellFormed(ProcessDocument("quotes.txt", quotes));
  std::string wraps;
  for (int i = 0; i < 100000; ++i) wraps += "还\n";
  CheckWellFormed(ProcessDocument("wraps.txt", wraps));
  // Lines that all join into one: the logical line grows with each break removed, and no
  // decision may copy or scan it whole.
  std::string joined;
  for (int i = 0; i < 20000; ++i) joined += "全省上下要坚定信心真抓实干推动经济社会高质量发展取得新成效\n";
  auto one_line = ProcessDocument("joined.txt", joined);
  CheckWellFormed(one_line);
  CHECK(std::count(one_line.normalized.text.text.begin(), one_line.normalized.text.text.end(), '\n') <= 1);
  // A heading whose lines cannot end (each ends in 的): the heading tests read a bounded line.
  std::string heading = "一、";
  for (int i = 0; i < 20000; ++i) heading += "全面推进乡村振兴的\n";
  CheckWellFormed(ProcessDocument("heading.txt", heading));
  // Table rows and lines of words: each line judged once, whatever its length.
  std::string rows;
  for (int i = 0; i < 20000; ++i) rows += "公路总里程 公里 9800 12000\n中共中央 国务院\n";
  CheckWellFormed(ProcessDocument("rows.txt", rows));
}

TEST_CASE("many URLs among many entities", "[pathological]") {
  // Each entity asks whether it lies in a URL: the answer must not cost a walk over all URLs.
  std::string text;
  for (int i = 0; i < 60000; ++i) text += "见www.gov" + std::to_string(i) + ".cn/a%20b %26lt;第" + std::to_string(i) + "项%26gt; ";
  auto doc = ProcessDocument("urls.txt", text);
  CheckWellFormed(doc);
  const std::string& t = doc.normalized.text.text;
  CHECK(t.find("www.gov59999.cn/a%20b") != std::string::npos);  // the URLs keep their encoding
  CHECK(t.find("《第59999项》") != std::string::npos);           // the text around them is decoded
  CHECK(t.find("%26") == std::string::npos);
}

TEST_CASE("every code point from U+0000 to U+FFFF once", "[pathological]") {
  std::string all;
  for (UChar32 c = 1; c <= 0xFFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    uint8_t bytes[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, c);
    all.append(reinterpret_cast<char*>(bytes), n);
  }
  // As one text (no NUL: that makes it binary) and line by line.
  CheckWellFormed(ProcessDocument("all.txt", all));
  auto with_nul = ProcessDocument("nul.txt", std::string("\0", 1) + all);
  CHECK(with_nul.status == ProcessedDocument::Status::Quarantined);
}

TEST_CASE("invalid UTF-8 of every kind", "[pathological]") {
  const std::vector<std::string> bad = {
      "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF0\x80\x80\xAF", "\xF4\x90\x80\x80",
      "\xF5\x80\x80\x80", "\xFE", "\xFF", "\xE4\xB8", "\xE4", "\xF0\x9F\x98",
  };
  for (const auto& b : bad) {
    INFO(b.size());
    for (const std::string& text : {b, "中文" + b + "中文", "每年投入" + b + "15亿元" + b}) {
      auto doc = ProcessDocument("bad.txt", text);
      CheckWellFormed(doc);  // quarantined with a reason, or decoded as some legacy encoding
    }
  }
}
