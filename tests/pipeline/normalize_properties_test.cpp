// Properties every normalization must keep, checked over the samples and over damaged copies
// of clean text: idempotence, clean text unchanged, exact offsets, damage repaired.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>

#include <re2/re2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "pipeline/decode.h"
#include "pipeline/normalize.h"
#include "test_support.h"

using namespace pledge;

namespace {

std::vector<std::string> SamplePaths() {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(test::SourcePath("samples"))) paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

std::string Normalize(const std::string& s) { return NormalizeText(TrackedText::Identity(s)).text.text; }

// `text` with every third line (the second, the fifth …) passed through `damage`.
std::string EveryThirdLine(const std::string& text, const std::function<std::string(const std::string&)>& damage) {
  std::string out;
  size_t line_start = 0;
  for (int k = 0;; ++k) {
    size_t nl = std::min(text.find('\n', line_start), text.size());
    std::string line = text.substr(line_start, nl - line_start);
    out += k % 3 == 1 ? damage(line) : line;
    if (nl == text.size()) return out;
    out += "\n";
    line_start = nl + 1;
  }
}

// `text` with every line longer than 90 bytes broken once, after its 20th character, between
// two hanzi: a layout's hard wrap.
std::string BreakLongLines(const std::string& text) {
  std::string damaged;
  size_t line_start = 0;
  while (line_start < text.size()) {
    size_t nl = text.find('\n', line_start);
    std::string line = text.substr(line_start, nl - line_start);
    size_t cut = 0, chars = 0;
    // A hanzi's UTF-8 lead byte is E4–E9 (full-width punctuation's is E3 or EF).
    auto hanzi_at = [&](size_t k) { return k < line.size() && (line[k] & 0xFF) >= 0xE4 && (line[k] & 0xFF) <= 0xE9; };
    for (size_t i = 0; i < line.size(); ++chars) {
      size_t len = (static_cast<unsigned char>(line[i]) >= 0xE0) ? 3 : 1;
      if (chars >= 20 && len == 3 && hanzi_at(i + 3) && hanzi_at(i) && i > 3 && hanzi_at(i - 3)) {
        cut = i;
        break;
      }
      i += len;
    }
    damaged += cut && line.size() > 90 ? line.substr(0, cut) + "\n" + line.substr(cut) : line;
    if (nl == std::string::npos) break;
    damaged += "\n";
    line_start = nl + 1;
  }
  return damaged;
}

// `text` set as Chinese documents are: a line that ends a sentence or a clause indented by two
// U+3000, one U+3000 after the number that opens an article or chapter line (第一条　为了…), and
// one after a news story's dateline (新华社北京3月5日电（记者 张三）　十四届…).
std::string Typeset(const std::string& text) {
  static const RE2 opening_number(R"(^((?:第[一二三四五六七八九十百千零〇\d]+[条章节])|专栏\d+) )");
  static const RE2 dateline(R"(^(\p{Han}{2,12}\d{1,2}月\d{1,2}日电(?:（[^（）]{1,40}）)?)(\p{Han}))");
  std::string out;
  size_t line_start = 0;
  for (;;) {
    size_t nl = std::min(text.find('\n', line_start), text.size());
    std::string line = text.substr(line_start, nl - line_start);
    RE2::Replace(&line, opening_number, "\\1\xE3\x80\x80");
    RE2::Replace(&line, dateline, "\\1\xE3\x80\x80\\2");
    bool paragraph = false;
    for (std::string_view end : {"。", "；", "：", "！", "？"}) paragraph |= line.ends_with(end);
    out += paragraph && !line.starts_with(" ") ? "\xE3\x80\x80\xE3\x80\x80" + line : line;
    if (nl == text.size()) return out;
    out += "\n";
    line_start = nl + 1;
  }
}

// `utf8` as a GBK reader shows it (我们 → 鎴戜滑), or "" when some byte pair is no GBK character.
std::string ReadAsGbk(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* gbk = ucnv_open("GBK", &status);
  ucnv_setToUCallBack(gbk, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string misread(utf8.size() + 1, u'\0');
  int32_t length = ucnv_toUChars(gbk, misread.data(), static_cast<int32_t>(misread.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  ucnv_close(gbk);
  if (U_FAILURE(status)) return "";
  std::string out;
  icu::UnicodeString(misread.data(), length).toUTF8String(out);
  return out;
}

}  // namespace

TEST_CASE("normalization is idempotent and its offsets are exact on every sample", "[normalize][properties]") {
  for (const auto& path : SamplePaths()) {
    INFO(path);
    std::string raw = test::ReadBytes(path);
    DecodedText decoded = DecodeBytes(raw);
    REQUIRE(decoded.ok);
    NormalizedText n = NormalizeText(decoded.text);
    REQUIRE(n.text.Valid());
    CHECK(n.text.to_raw.back() == raw.size());
    // Every fix's raw span decodes to its `before` text, and its norm span holds `after`
    // unless a later rule rewrote it.
    for (const Fix& f : n.fixes) {
      INFO(f.rule << " " << f.before << " → " << f.after);
      REQUIRE(f.raw_start <= f.raw_end);
      REQUIRE(f.raw_end <= raw.size());
      auto slice = DecodeBytes(raw.substr(f.raw_start, f.raw_end - f.raw_start));
      if (!f.before.empty() && decoded.encoding == "UTF-8") CHECK(raw.substr(f.raw_start, f.raw_end - f.raw_start) == f.before);
      REQUIRE(f.norm_start <= f.norm_end);
      REQUIRE(f.norm_end <= n.text.text.size());
    }
    // Idempotent: the output normalizes to itself, with no fixes other than markers.
    NormalizedText again = NormalizeText(TrackedText::Identity(n.text.text));
    CHECK(again.text.text == n.text.text);
    for (const Fix& f : again.fixes) CHECK((f.rule == "redaction" || f.rule == "unrepairable"));
  }
}

// The clean samples: text as a careful publisher writes it (samples/clean_*.txt).
std::vector<std::string> CleanSamplePaths() {
  std::vector<std::string> paths;
  for (const auto& path : SamplePaths())
    if (std::filesystem::path(path).filename().string().starts_with("clean_")) paths.push_back(path);
  return paths;
}

TEST_CASE("clean text comes out byte-identical", "[normalize][properties]") {
  REQUIRE(CleanSamplePaths().size() >= 2);
  for (const auto& path : CleanSamplePaths()) {
    INFO(path);
    std::string clean = test::ReadBytes(path);
    NormalizedText n = NormalizeText(TrackedText::Identity(clean));
    CHECK(n.text.text == clean);
    CHECK(n.fixes.empty());
  }
  std::string gbk = DecodeBytes(test::ReadBytes(test::SourcePath("samples/gbk_rural_plan.txt"))).text.text;
  CHECK(Normalize(gbk) == gbk);
}

TEST_CASE("damaged copies of clean text are repaired to the clean text", "[normalize][properties]") {
  const std::string path = GENERATE(from_range(CleanSamplePaths()));
  INFO(path);
  const std::string clean = test::ReadBytes(path);

  SECTION("ASCII punctuation") {
    std::string damaged = ReplaceAll(ReplaceAll(ReplaceAll(clean, "，", ","), "。", "."), "；", ";");
    REQUIRE(damaged != clean);
    CHECK(Normalize(damaged) == clean);
  }
  SECTION("full-width digits among ASCII ones") {
    // Odd digits full width: most figures mix the widths, which no text sets as its typography.
    std::string damaged = clean;
    for (char d = '1'; d <= '9'; d += 2) {
      std::string fw = "\xEF\xBC";
      fw.push_back(static_cast<char>(0x90 + (d - '0')));
      damaged = ReplaceAll(damaged, std::string(1, d), fw);
    }
    if (damaged == clean) return;  // a sample set in full-width figures already
    CHECK(Normalize(damaged) == clean);
  }
  SECTION("set in full-width figures throughout, the text is kept, and its damage repaired") {
    // Every digit, % and decimal point full width, as older documents print them.
    std::string wide = clean;
    for (char d = '0'; d <= '9'; ++d) {
      std::string fw = "\xEF\xBC";
      fw.push_back(static_cast<char>(0x90 + (d - '0')));
      wide = ReplaceAll(wide, std::string(1, d), fw);
    }
    wide = ReplaceAll(wide, "%", "％");
    // Such a text separates thousands with the full-width comma it types everywhere (７，０００).
    for (char d = '0'; d <= '9'; ++d) {
      std::string fw = "\xEF\xBC";
      fw.push_back(static_cast<char>(0x90 + (d - '0')));
      wide = ReplaceAll(wide, "," + fw, "，" + fw);
    }
    if (wide == clean) return;
    CHECK(Normalize(wide) == wide);
    std::string damaged = ReplaceAll(ReplaceAll(wide, "，", ","), "；", ";");
    if (damaged != wide) CHECK(Normalize(damaged) == wide);
  }
  SECTION("Kangxi and radical look-alikes from a PDF") {
    std::string damaged = ReplaceAll(ReplaceAll(ReplaceAll(clean, "一", "⼀"), "长", "⻓"), "人", "⼈");
    REQUIRE(damaged != clean);
    CHECK(Normalize(damaged) == clean);
  }
  SECTION("hard line breaks inside sentences") {
    std::string damaged = BreakLongLines(clean);
    REQUIRE(damaged != clean);
    CHECK(Normalize(damaged) == clean);
  }
  SECTION("entities and percent-encoding") {
    std::string damaged =
        ReplaceAll(ReplaceAll(ReplaceAll(clean, "（", "&#65288;"), "）", "%EF%BC%89"), "“", "&ldquo;");
    REQUIRE(damaged != clean);
    CHECK(Normalize(damaged) == clean);
  }
  SECTION("lines of UTF-8 read as GBK") {
    // Every third line that a GBK reader can show whole (an even number of bytes, each pair a
    // GBK character) is replaced by what it shows.
    std::string damaged = EveryThirdLine(clean, [](const std::string& line) {
      std::string misread = line.size() % 2 == 0 ? ReadAsGbk(line) : "";
      return misread.empty() ? line : misread;
    });
    if (damaged != clean) CHECK(Normalize(damaged) == clean);
  }
  SECTION("lines of UTF-8 read as Latin-1") {
    std::string damaged = EveryThirdLine(clean, [](const std::string& line) {
      std::string misread;
      for (unsigned char byte : line) {
        if (byte < 0x80) misread.push_back(static_cast<char>(byte));
        else misread += {static_cast<char>(0xC0 | (byte >> 6)), static_cast<char>(0x80 | (byte & 0x3F))};  // U+00XX
      }
      return misread;
    });
    REQUIRE(damaged != clean);
    CHECK(Normalize(damaged) == clean);
  }
  SECTION("separators typed as NBSP, tables and tags left by a scraper, PDF page numbers") {
    std::string damaged = ReplaceAll(ReplaceAll(clean, " ", "\xC2\xA0"), "。\n", "。<br/>\n");
    size_t second_line = damaged.find('\n');
    if (second_line != std::string::npos) damaged.insert(second_line + 1, "— 2 —\n");
    REQUIRE(damaged != clean);
    CHECK(Normalize(damaged) == clean);
  }
  SECTION("letter spacing and stray spaces") {
    std::string damaged = ReplaceAll(clean, "工作报告", "工 作 报 告");
    damaged = ReplaceAll(damaged, "。", "。 ");
    REQUIRE(damaged != clean);
    CHECK(Normalize(damaged) == clean);
  }
}

TEST_CASE("typeset clean text keeps its indents, and damage around them is repaired", "[normalize][properties]") {
  const std::string path = GENERATE(from_range(CleanSamplePaths()));
  INFO(path);
  const std::string typeset = Typeset(test::ReadBytes(path));
  REQUIRE(typeset.find("\xE3\x80\x80\xE3\x80\x80") != std::string::npos);
  CHECK(Normalize(typeset) == typeset);
  // Indented paragraphs tell a layout's wrap from a paragraph's end: the line after a cut has no indent.
  std::string wrapped = BreakLongLines(typeset);
  REQUIRE(wrapped != typeset);
  CHECK(Normalize(wrapped) == typeset);
  std::string punctuation = ReplaceAll(ReplaceAll(typeset, "，", ","), "。", ".");
  CHECK(Normalize(punctuation) == typeset);
}

TEST_CASE("the seed sample is repaired as the issue requires", "[normalize][seed]") {
  std::string raw = test::ReadBytes(test::SourcePath("samples/seed_qunzhongguan.txt"));
  NormalizedText n = NormalizeText(DecodeBytes(raw).text);
  const std::string& t = n.text.text;
  CHECK(t.find("%26") == std::string::npos);
  CHECK(t.find("臵") == std::string::npos);
  CHECK(t.find("还政于民") != std::string::npos);
  CHECK(t.find("根本利益") != std::string::npos);
  CHECK(t.find("www.zciku.com") == std::string::npos);
  CHECK(t.find("[bookmark") == std::string::npos);
  CHECK(n.metadata.author == "落花时节");
  CHECK(n.metadata.published_at == "2025-04-24");
  CHECK(n.metadata.title == "某县树立群众观经验交流材料");
  // No ASCII comma or full stop between two CJK characters.
  for (size_t i = 3; i + 3 < t.size(); ++i) {
    if (t[i] != ',' && t[i] != '.') continue;
    bool cjk_before = static_cast<unsigned char>(t[i - 3]) >= 0xE3;
    bool cjk_after = static_cast<unsigned char>(t[i + 1]) >= 0xE3;
    INFO(t.substr(i - 9, 21));
    CHECK_FALSE((cjk_before && cjk_after));
  }
  // Quotes balanced and alternating on every line.
  size_t line_start = 0;
  while (line_start < t.size()) {
    size_t nl = t.find('\n', line_start);
    std::string line = t.substr(line_start, nl == std::string::npos ? std::string::npos : nl - line_start);
    int depth = 0;
    bool ok = true;
    for (size_t at = 0; (at = line.find("\xE2\x80", at)) != std::string::npos; at += 3) {
      unsigned char c = static_cast<unsigned char>(line[at + 2]);
      if (c == 0x9C) ok &= depth++ == 0;
      if (c == 0x9D) ok &= depth-- == 1;
    }
    INFO(line);
    CHECK(ok);
    CHECK(depth == 0);
    if (nl == std::string::npos) break;
    line_start = nl + 1;
  }
  // Every fix is logged against the original bytes.
  for (const Fix& f : n.fixes) CHECK(raw.substr(f.raw_start, f.raw_end - f.raw_start) == f.before);
  std::map<std::string, int> per_rule;
  for (const Fix& f : n.fixes) ++per_rule[f.rule];
  for (const char* rule : {"url_entity", "variant_char", "cjk_punct", "quotes", "hard_wrap", "boilerplate", "redaction"})
    CHECK(per_rule[rule] > 0);
}
