#include <catch2/catch.hpp>

#include <unicode/ucnv.h>

#include "pipeline/decode.h"
#include "test_support.h"

using namespace pledge;

namespace {

std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 8, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(n);
  return out;
}

// Every decoded character's raw span decodes back to that character.
void CheckOffsets(const std::string& raw, const DecodedText& d, const char* charset) {
  REQUIRE(d.text.Valid());
  for (size_t i = 0; i < d.text.text.size();) {
    size_t next = i + 1;
    while (next < d.text.text.size() && (static_cast<unsigned char>(d.text.text[next]) & 0xC0) == 0x80) ++next;
    std::string raw_slice = raw.substr(d.text.to_raw[i], d.text.to_raw[next] - d.text.to_raw[i]);
    CHECK(Encode(d.text.text.substr(i, next - i), charset) == raw_slice);
    i = next;
  }
}

}  // namespace

TEST_CASE("UTF-8 with and without BOM", "[decode]") {
  auto plain = DecodeBytes("市委规定不得少于两年。");
  REQUIRE(plain.ok);
  CHECK(plain.encoding == "UTF-8");
  CHECK(plain.Label() == "UTF-8; confidence=100");
  CHECK(plain.text.text == "市委规定不得少于两年。");

  auto bom = DecodeBytes("\xEF\xBB\xBF中文");
  REQUIRE(bom.ok);
  CHECK(bom.text.text == "中文");
  CHECK(bom.text.to_raw.front() == 3);
  CHECK(bom.text.to_raw.back() == 9);
}

TEST_CASE("GBK sample decodes with exact raw offsets", "[decode]") {
  std::string raw = test::ReadBytes(test::SourcePath("samples/gbk_rural_plan.txt"));
  auto d = DecodeBytes(raw);
  REQUIRE(d.ok);
  CHECK(d.encoding == "GB18030");
  CHECK(d.text.text.find("乡村振兴工作实施方案") != std::string::npos);
  CheckOffsets(raw, d, "GB18030");
}

TEST_CASE("UTF-16 with BOM, both byte orders", "[decode]") {
  std::string raw = test::ReadBytes(test::SourcePath("samples/utf16_county_report.txt"));
  auto le = DecodeBytes(raw);
  REQUIRE(le.ok);
  CHECK(le.encoding == "UTF-16LE");
  CHECK(le.text.text.find("年均增长9.5%") != std::string::npos);
  CheckOffsets(raw, le, "UTF-16LE");
  CHECK(le.text.to_raw.front() == 2);  // the BOM maps nowhere

  std::string be = "\xFE\xFF" + Encode("增长6%左右", "UTF-16BE");
  auto d = DecodeBytes(be);
  REQUIRE(d.ok);
  CHECK(d.encoding == "UTF-16BE");
  CHECK(d.text.text == "增长6%左右");
}

TEST_CASE("Big5 text is recognised", "[decode]") {
  std::string raw = Encode("立法會今年預算增加百分之五，並承諾三年內完成所有工程。政府將繼續推動經濟發展。", "Big5");
  auto d = DecodeBytes(raw);
  REQUIRE(d.ok);
  CHECK(d.encoding == "Big5");
  CHECK(d.text.text.find("預算增加百分之五") != std::string::npos);
}

// A few characters give ICU's statistics nothing to go on: a short file is read with every
// candidate encoding and the reading that looks like Chinese text wins.
TEST_CASE("short GBK and Big5 files are told apart", "[decode]") {
  for (const char* text : {"人民政府\n", "每年", "不少于", "市委常委", "教育", "臺灣地區", "香港特別行政區政府"}) {
    INFO(text);
    auto big5 = DecodeBytes(Encode(text, "Big5"));
    REQUIRE(big5.ok);
    CHECK(big5.encoding == "Big5");
    CHECK(big5.text.text == text);
  }
  for (const char* text : {"人民政府\n", "工作报告", "乡村振兴", "招商引资任务", "粮食"}) {
    INFO(text);
    auto gbk = DecodeBytes(Encode(text, "GBK"));
    REQUIRE(gbk.ok);
    CHECK(gbk.encoding == "GB18030");
    CHECK(gbk.text.text == text);
  }
  // GBK 通知 (CD A8 D6 AA) is well-formed UTF-8 too, two combining marks: read as GBK.
  auto notice = DecodeBytes("\xCD\xA8\xD6\xAA\n");
  CHECK(notice.encoding.rfind("GB18030", 0) == 0);
  CHECK(notice.text.text == "通知\n");
  // UTF-8 with accented Latin, Greek or Cyrillic letters and no Chinese stays UTF-8.
  for (const char* text : {"café résumé", "αβγ", "Привет"}) CHECK(DecodeBytes(text).text.text == text);
}

// Scraped pages concatenated into one file: a UTF-8 page, then a GBK one. Each line is read in
// its own encoding, and every character still maps to its own raw bytes.
TEST_CASE("a file of UTF-8 and GBK pages is read line by line", "[decode]") {
  const std::string utf8 = "第一篇：城市发展报告\n全年完成投资100亿元。\n";
  const std::string gbk_text = "第二篇：乡村振兴规划\n每年新建农田不少于5万亩。\n";
  const std::string raw = utf8 + Encode(gbk_text, "GBK");
  auto d = DecodeBytes(raw);
  REQUIRE(d.ok);
  CHECK(d.encoding == "UTF-8+GB18030");
  CHECK(d.text.text == utf8 + gbk_text);
  REQUIRE(d.text.Valid());
  size_t gbk_start = d.text.text.find("第二篇");
  CHECK(d.text.to_raw[gbk_start] == utf8.size());
  CHECK(raw.substr(d.text.to_raw[gbk_start], 2) == Encode("第", "GBK"));
  size_t wan = d.text.text.find("5万亩");
  CHECK(raw.substr(d.text.to_raw[wan], d.text.to_raw[wan + std::string("5万亩").size()] - d.text.to_raw[wan]) ==
        Encode("5万亩", "GBK"));
  // A line that is neither is not guessed at: the file is not read as a mix.
  auto broken = DecodeBytes(utf8 + "\xFF\xFF\xFF\n");
  CHECK(broken.encoding != "UTF-8+GB18030");
}

TEST_CASE("a file of GBK and then UTF-8 pages is read line by line too", "[decode]") {
  const std::string gbk_text = "第一篇：乡村振兴规划\n每年新建农田不少于5万亩。\n";
  const std::string utf8 = "第二篇：城市发展报告\n全年完成投资100亿元，农作物耕种收综合机械化率达到85%。\n";
  std::string gbk_raw;
  for (int i = 0; i < 3; ++i) gbk_raw += Encode(gbk_text, "GBK");
  const std::string raw = gbk_raw + utf8;
  auto d = DecodeBytes(raw);
  REQUIRE(d.ok);
  CHECK(d.encoding == "UTF-8+GB18030");
  CHECK(d.text.text == gbk_text + gbk_text + gbk_text + utf8);
  REQUIRE(d.text.Valid());
  CHECK(d.text.to_raw[d.text.text.find("第二篇")] == gbk_raw.size());
  // A GBK line that is well-formed UTF-8 by chance (通知 alone) stays the GBK page's.
  const std::string notice = Encode("某县人民政府文件\n", "GBK") + "\xCD\xA8\xD6\xAA\n" + utf8;
  auto n = DecodeBytes(notice);
  REQUIRE(n.ok);
  CHECK(n.text.text == "某县人民政府文件\n通知\n" + utf8);
}

// The detector reads a sample from the first non-ASCII byte; these cases hold Chinese only
// after a long ASCII head, or well past the sample, and must still be read right.
TEST_CASE("encoding detection past a long ASCII head, and past its sample", "[decode]") {
  std::string head = "<html><head><script>\n";
  while (head.size() < 40000) head += "var tracking_counter_" + std::to_string(head.size()) + " = 0;\n";
  head += "</script></head><body>\n";
  std::string simplified = "立法会今年预算增加百分之五，并承诺三年内完成所有工程。政府将继续推动经济发展。";
  std::string traditional = "立法會今年預算增加百分之五，並承諾三年內完成所有工程。政府將繼續推動經濟發展。";

  for (auto [text, charset] : {std::pair{simplified, "GB18030"}, std::pair{traditional, "Big5"}}) {
    std::string raw = head + Encode(text, charset) + "</body></html>";
    auto d = DecodeBytes(raw);
    REQUIRE(d.ok);
    CHECK(d.encoding == charset);
    CHECK(d.text.text.find(text) != std::string::npos);

    std::string late_chinese = text;
    while (late_chinese.size() < 100000) late_chinese += text;
    late_chinese += "最后一句含有生僻字：龘。";
    std::string long_raw = Encode(late_chinese, "GB18030");
    if (std::string(charset) == "GB18030") {
      auto whole = DecodeBytes(long_raw);
      REQUIRE(whole.ok);
      CHECK(whole.encoding == "GB18030");
      CHECK(whole.text.text.ends_with("最后一句含有生僻字：龘。"));
      CheckOffsets(long_raw, whole, "GB18030");
    }
  }

  // UTF-16 without a byte order mark is still recognised from the sample.
  std::string utf16 = Encode("a齐心协力 2024 year 推进改革, GDP 5.5 percent 全年增长百分之五. Total 100 items 齐心协力 2025", "UTF-16LE");
  auto d = DecodeBytes(utf16);
  REQUIRE(d.ok);
  CHECK(d.encoding == "UTF-16LE");
  CHECK(d.text.text.starts_with("a齐心协力"));
}

TEST_CASE("bad input is a value with a reason, never a crash", "[decode]") {
  CHECK(DecodeBytes("").error == "empty file");
  auto binary = DecodeBytes(std::string("\x7F" "ELF\x02\x01\x01\x00\x00\x00", 10));
  CHECK_FALSE(binary.ok);
  CHECK_THAT(binary.error, Catch::Contains("binary"));
  // The attachments a scraped folder holds beside its pages are named, with what to do.
  auto word = DecodeBytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00Root Entry", 18));
  CHECK_FALSE(word.ok);
  CHECK(word.error == "a Word, Excel or WPS 97-2003 document (OLE2 compound file), not text: save it as text or HTML first");
  CHECK_THAT(DecodeBytes("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj").error, Catch::StartsWith("a PDF document, not text"));
  CHECK_THAT(DecodeBytes(std::string("PK\x03\x04\x14\x00\x06\x00word/document.xml", 25)).error,
             Catch::StartsWith("a ZIP archive"));
  CHECK_THAT(DecodeBytes("{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}").error, Catch::StartsWith("an RTF document"));
  auto controls = DecodeBytes(std::string(200, '\x01'));
  CHECK_FALSE(controls.ok);
  CHECK_THAT(controls.error, Catch::Contains("control characters"));
  std::string truncated = "这是一个完整的句子。这是被截断的";
  truncated.pop_back();  // cut the last character in the middle
  auto t = DecodeBytes(truncated);
  CHECK_FALSE(t.ok);
  CHECK_THAT(t.error, Catch::Contains("invalid UTF-8"));
}

// A GBK file with a byte GBK does not define (a character corrupted or cut) is still GBK: read as
// GB18030 with that byte as U+FFFD, not as Big5 (which converts GBK byte pairs strictly, into
// nonsense) and not quarantined. Many such bytes are no GBK file.
TEST_CASE("a GBK file with a few undefined bytes is read as GBK, each as U+FFFD", "[decode]") {
  const std::string text = "关于进一步加强城市管理工作的实施意见\n各区人民政府，市政府各部门：\n"
                           "到2025年，城市管理效能明显提升，群众满意度达到90%以上。\n";
  std::string gbk = Encode(text, "GBK");
  std::string damaged = gbk;
  const size_t at = gbk.find(Encode("各区", "GBK"));
  damaged.insert(at, 1, '\xFF');
  auto short_file = DecodeBytes(damaged);
  REQUIRE(short_file.ok);
  CHECK(short_file.encoding == "GB18030");
  CHECK(short_file.text.text.find("\xEF\xBF\xBD" "各区人民政府") != std::string::npos);
  CHECK(short_file.text.to_raw[short_file.text.text.find("\xEF\xBF\xBD")] == at);  // U+FFFD maps to the byte
  std::string long_text;
  for (int k = 0; k < 40; ++k) long_text += text;
  std::string long_gbk = Encode(long_text, "GBK");
  long_gbk.insert(long_gbk.size() / 2, 1, '\xFF');
  long_gbk += '\x81';  // and a character cut at the end
  auto long_file = DecodeBytes(long_gbk);
  REQUIRE(long_file.ok);
  CHECK(long_file.encoding == "GB18030");
  CHECK(long_file.text.text.find("城市管理效能明显提升") != std::string::npos);
  // One undefined byte in every few characters: no GBK text.
  std::string noise = gbk;
  for (size_t k = 4; k < noise.size(); k += 6) noise[k] = '\xFF';
  CHECK_FALSE(DecodeBytes(noise).ok);
}
