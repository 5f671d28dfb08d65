#include "bench/pathological_inputs.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace pledge::pathological {

namespace {

const std::string kIdeographicSpace = "\xE3\x80\x80";

std::string Repeat(std::string_view pattern, size_t units) {
  std::string out;
  out.reserve(pattern.size() * units);
  for (size_t k = 0; k < units; ++k) out += pattern;
  return out;
}

}  // namespace

std::string SeedAsOneLine(size_t units) {
  static const std::string seed = [] {
    std::ifstream in(PLEDGE_SOURCE_DIR "/samples/seed_qunzhongguan.txt", std::ios::binary);
    if (!in) throw std::runtime_error("cannot read samples/seed_qunzhongguan.txt");
    std::string text(std::istreambuf_iterator<char>(in), {});
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
  }();
  return Repeat(seed, units);
}

std::string DenseQuantities(size_t units) { return Repeat("每年投入不少于15亿元,增长5.5%,(试点)\"重点\"工程 ", units); }

std::string GbkReadAsLatin1(size_t units) {
  return Repeat("Ê©¹¤·½°¸£¬È«³¤Ê®¶þ¹«Àï¡£", units);  // 施工方案，全长十二公里。
}

std::string LatinAccents(size_t units) { return Repeat("ÃÃ©Ã¤Ã", units); }

std::string IdeographicIndent(size_t units) { return Repeat(kIdeographicSpace, units) + "第一条。\n"; }

std::string LetterSpacedHanzi(size_t units) { return Repeat("总" + kIdeographicSpace + kIdeographicSpace, units); }

std::string SpacedArticles(size_t units) {
  return Repeat("第一条" + kIdeographicSpace + "表2" + kIdeographicSpace, units);
}

std::string SpacedFields(size_t units) {
  const std::string run = kIdeographicSpace + kIdeographicSpace;
  return Repeat("联系人：王某某" + run + "各级干部" + run, units);
}

std::string DatesCutByMojibake(size_t units) {
  // 某市2023年M月D日, each 年 月 日 short of its last byte (U+FFFD in its place).
  std::string dates;
  for (size_t k = 0; k < units; ++k)
    dates += "鏌愬競2023骞\uFFFD" + std::to_string(k % 12 + 1) + "鏈\uFFFD" + std::to_string(k % 28 + 1) + "鏃\uFFFD\n";
  return dates;
}

std::string LongFigure(size_t units) { return "投入" + std::string(units, '7') + "元。"; }

std::string RatioMarkChain(size_t units) { return Repeat("1:", units) + "1年"; }

std::string RatioWordChain(size_t units) { return "一" + Repeat("比一", units); }

std::string RepeatedPercentEncoding(size_t units) { return Repeat("%26", units) + "lt;中文"; }

std::string RepeatedAmpersands(size_t units) { return "a" + Repeat("&amp;", units) + "lt;b"; }

std::string NestedParentheses(size_t units) { return std::string(units, '(') + "中文" + std::string(units, ')'); }

std::string NestedEmptyParentheses(size_t units) { return "附件" + Repeat("( ", units) + Repeat(") ", units) + "见后"; }

std::string NestedAngles(size_t units) { return std::string(units, '<') + "论持久战" + std::string(units, '>'); }

std::string ReversedQuotes(size_t units) { return Repeat("”中“", units); }

std::string BreakAfterEveryCharacter(size_t units) { return Repeat("还\n", units); }

std::string LinesThatJoin(size_t units) { return Repeat("全省上下要坚定信心真抓实干推动经济社会高质量发展取得新成效\n", units); }

std::string HeadingThatCannotEnd(size_t units) { return "一、" + Repeat("全面推进乡村振兴的\n", units); }

std::string TableRowsAndBylines(size_t units) { return Repeat("公路总里程 公里 9800 12000\n中共中央 国务院\n", units); }

std::string UrlsAmongEntities(size_t units) {
  std::string text;
  for (size_t k = 0; k < units; ++k)
    text += "见www.gov" + std::to_string(k) + ".cn/a%20b %26lt;第" + std::to_string(k) + "项%26gt; ";
  return text;
}

std::string NestedHtmlElements(size_t units) {
  return "<html><body>" + Repeat("<div>", units) + "每年投入不少于15亿元。" + Repeat("</div>", units) + "</body></html>";
}

std::string HtmlTagWithManyAttributes(size_t units) {
  std::string page = "<html><body><div";
  for (size_t k = 0; k < units; ++k) page += " a" + std::to_string(k) + "=1";
  return page + ">每年投入不少于15亿元。</div></body></html>";
}

std::string EveryCodePoint(size_t units) {
  std::string all;
  for (UChar32 c = 1; c <= 0xFFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    uint8_t bytes[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, c);
    all.append(reinterpret_cast<char*>(bytes), n);
  }
  return Repeat(all, units);
}

const std::vector<std::string>& IllFormedUtf8() {
  static const std::vector<std::string> sequences = {
      "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF0\x80\x80\xAF", "\xF4\x90\x80\x80",
      "\xF5\x80\x80\x80", "\xFE", "\xFF", "\xE4\xB8", "\xE4", "\xF0\x9F\x98",
  };
  return sequences;
}

std::string InvalidUtf8OfEveryKind(size_t units) {
  std::string pattern;
  for (const std::string& bad : IllFormedUtf8()) pattern += "中文" + bad + "中文，每年投入" + bad + "15亿元" + bad + "\n";
  return Repeat(pattern, units);
}

const std::vector<Input>& AllInputs() {
  static const std::vector<Input> inputs = {
      {"seed text as one line", SeedAsOneLine, 16},
      {"dense quantities, no sentence end", DenseQuantities, 8'000},
      {"GBK read as Latin-1, one line", GbkReadAsLatin1, 6'000},
      {"Latin-1 accents, one line", LatinAccents, 12'000},
      {"indent of U+3000", IdeographicIndent, 1'000'000},
      {"letter-spaced hanzi", LetterSpacedHanzi, 56'000},
      {"U+3000 after article numbers", SpacedArticles, 22'000},
      {"fields between runs of U+3000", SpacedFields, 30'000},
      {"dates cut by mojibake", DatesCutByMojibake, 8'000},
      {"one long figure", LongFigure, 2'000'000},
      {"chain of ratio marks", RatioMarkChain, 100'000},
      {"chain of ratio words", RatioWordChain, 85'000},
      {"percent-encoding repeated", RepeatedPercentEncoding, 170'000},
      {"&amp; repeated", RepeatedAmpersands, 100'000},
      {"nested parentheses", NestedParentheses, 80'000},
      {"nested empty parentheses", NestedEmptyParentheses, 60'000},
      {"nested angle brackets", NestedAngles, 150'000},
      {"reversed quotation marks", ReversedQuotes, 200'000},
      {"a break after every character", BreakAfterEveryCharacter, 50'000},
      {"lines that all join", LinesThatJoin, 24'000},
      {"heading lines that cannot end", HeadingThatCannotEnd, 18'000},
      {"table rows and bylines", TableRowsAndBylines, 10'000},
      {"URLs among entities", UrlsAmongEntities, 12'000},
      {"HTML elements nested deep", NestedHtmlElements, 40'000},
      {"HTML tag with many attributes", HtmlTagWithManyAttributes, 50'000},
      {"every code point to U+FFFF", EveryCodePoint, 8},
      {"ill-formed UTF-8 of every kind", InvalidUtf8OfEveryKind, 3'000},
  };
  return inputs;
}

}  // namespace pledge::pathological
