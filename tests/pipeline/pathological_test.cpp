// Inputs built to hurt (bench/pathological_inputs.h): each must finish with a bounded,
// well-formed result. That each finishes in linear time is measured by pledge_scaling_bench,
// on the same inputs at growing sizes: no timing asserts here.
#include <catch2/catch.hpp>

#include "bench/pathological_inputs.h"
#include "extractors/extract_quantities.h"
#include "pipeline/process_document.h"
#include "test_support.h"

#include <algorithm>

using namespace pledge;
namespace bad = pledge::pathological;

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
  std::string line = bad::SeedAsOneLine((50u << 20) / bad::SeedAsOneLine(1).size() + 1);
  REQUIRE(line.size() >= (50u << 20));
  auto doc = ProcessDocument("long.txt", line);
  REQUIRE(doc.status == ProcessedDocument::Status::Loaded);
  CHECK(doc.commitments.size() > 10000);
  CHECK(doc.normalized.text.Valid());
  // Dense quantities with no sentence end at all: the per-quantity context stays bounded.
  CheckWellFormed(ProcessDocument("dense.txt", bad::DenseQuantities(60'000)));
}

TEST_CASE("a line of a million Latin-1 characters", "[pathological]") {
  // GBK read as Latin-1 with no line break, and Latin-1 that is no mojibake at all: each run is
  // walked once (a walk per start once made this hours long).
  auto doc = ProcessDocument("latin.txt", bad::GbkReadAsLatin1(60'000));
  CheckWellFormed(doc);
  CHECK(doc.normalized.text.text.starts_with("施工方案，全长十二公里。施工方案"));
  CheckWellFormed(ProcessDocument("accents.txt", bad::LatinAccents(150'000)));
}

TEST_CASE("U+3000 by the hundred thousand", "[pathological]") {
  // An indent of 300,000 U+3000, a megabyte line of letter-spaced hanzi, and of lone ones after
  // numbers. A judgement per U+3000 of its whole run and line had not finished inputs about
  // four times these after 120 s: each run is judged once, looking at a bounded part of its line.
  std::string indent = bad::IdeographicIndent(300'000), spaced = bad::LetterSpacedHanzi(110'000),
              articles = bad::SpacedArticles(44'000);
  // Runs of two, each asked whether a field follows, on one long line (the look ahead for its
  // end once ran to the text's end at every run).
  std::string fields = bad::SpacedFields(24'000);
  for (const std::string& text : {indent, spaced, articles, fields, indent + spaced + "\n" + articles}) {
    auto doc = ProcessDocument("spaces.txt", text);
    CheckWellFormed(doc);
  }
}

TEST_CASE("a UTF-8 page read as GBK with its dates cut a hundred thousand times", "[pathological]") {
  // 某市2023年3月15日 read with replacement: every 年, 月 and 日 lost a byte and is told from the
  // figures before it and the mark told before them. Asking every mark told so far (they had
  // been kept in a list) made the pass quadratic in the number of dates.
  auto doc = ProcessDocument("dates.txt", bad::DatesCutByMojibake(100'000));
  CheckWellFormed(doc);
  CHECK(doc.normalized.text.text.starts_with("某市2023年1月1日\n某市2023年2月2日\n"));
}

TEST_CASE("one million digits", "[pathological]") {
  std::string figure = bad::LongFigure(1'000'000);
  CheckWellFormed(ProcessDocument("digits.txt", figure));
  REQUIRE(ExtractQuantities(figure).size() <= 1);
}

TEST_CASE("a chain of ratio marks two hundred thousand long", "[pathological]") {
  // 1:1:…:1年 is no ratio (a date's mark after it), and neither is 一比一比…一 (no clause speaks
  // of one): each chain is read once, not again from each of its marks.
  std::string chain = bad::RatioMarkChain(200'000);
  for (const auto& q : ExtractQuantities(chain)) CHECK(q.kind != "ratio");
  std::string words = bad::RatioWordChain(100'000);
  CHECK(ExtractQuantities(words).empty());
  auto doc = ProcessDocument("ratios.txt", chain + "\n" + words + "\n");
  CheckWellFormed(doc);
}

TEST_CASE("deeply repeated percent-encoding and nested brackets", "[pathological]") {
  CheckWellFormed(ProcessDocument("pct.txt", bad::RepeatedPercentEncoding(200'000)));
  CheckWellFormed(ProcessDocument("amp.txt", bad::RepeatedAmpersands(100'000)));
  CheckWellFormed(ProcessDocument("parens.txt", bad::NestedParentheses(300'000)));
  // Nested pairs that convert together in one pass (each decided from the one around it).
  CheckWellFormed(ProcessDocument("empty_parens.txt", bad::NestedEmptyParentheses(200'000)));
  CheckWellFormed(ProcessDocument("angles.txt", bad::NestedAngles(300'000)));
  CheckWellFormed(ProcessDocument("quotes.txt", bad::ReversedQuotes(100'000)));
  CheckWellFormed(ProcessDocument("wraps.txt", bad::BreakAfterEveryCharacter(100'000)));
  // Lines that all join into one: the logical line grows with each break removed, and no
  // decision may copy or scan it whole.
  auto one_line = ProcessDocument("joined.txt", bad::LinesThatJoin(20'000));
  CheckWellFormed(one_line);
  CHECK(std::count(one_line.normalized.text.text.begin(), one_line.normalized.text.text.end(), '\n') <= 1);
  // A heading whose lines cannot end (each ends in 的): the heading tests read a bounded line.
  CheckWellFormed(ProcessDocument("heading.txt", bad::HeadingThatCannotEnd(20'000)));
  // Table rows and lines of words: each line judged once, whatever its length.
  CheckWellFormed(ProcessDocument("rows.txt", bad::TableRowsAndBylines(20'000)));
}

TEST_CASE("many URLs among many entities", "[pathological]") {
  // Each entity asks whether it lies in a URL: the answer must not cost a walk over all URLs.
  auto doc = ProcessDocument("urls.txt", bad::UrlsAmongEntities(60'000));
  CheckWellFormed(doc);
  const std::string& t = doc.normalized.text.text;
  CHECK(t.find("www.gov59999.cn/a%20b") != std::string::npos);  // the URLs keep their encoding
  CHECK(t.find("《第59999项》") != std::string::npos);           // the text around them is decoded
  CHECK(t.find("%26") == std::string::npos);
}

TEST_CASE("every code point from U+0000 to U+FFFF once", "[pathological]") {
  std::string all = bad::EveryCodePoint(1);
  // As one text (no NUL: that makes it binary) and line by line.
  CheckWellFormed(ProcessDocument("all.txt", all));
  auto with_nul = ProcessDocument("nul.txt", std::string("\0", 1) + all);
  CHECK(with_nul.status == ProcessedDocument::Status::Quarantined);
}

TEST_CASE("invalid UTF-8 of every kind", "[pathological]") {
  for (const auto& b : bad::IllFormedUtf8()) {
    INFO(b.size());
    for (const std::string& text : {b, "中文" + b + "中文", "每年投入" + b + "15亿元" + b}) {
      auto doc = ProcessDocument("bad.txt", text);
      CheckWellFormed(doc);  // quarantined with a reason, or decoded as some legacy encoding
    }
  }
  // All of them in one text, many times over.
  CheckWellFormed(ProcessDocument("all_bad.txt", bad::InvalidUtf8OfEveryKind(2'000)));
}
