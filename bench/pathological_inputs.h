// Inputs built to hurt the pipeline, each a function of its size: `units` repetitions of the
// pattern that once made a stage quadratic, or could (a run walked once per start, a look-ahead
// to the text's end at every mark, a decision passed along a chain one link per round).
//
// Two users, two questions:
//   - tests/pipeline/pathological_test.cpp builds each once, large, and checks that the result is
//     bounded and well formed;
//   - bench/scaling_bench.cpp (pledge_scaling_bench) builds each at n, 2n and 4n units and checks
//     that the time to process it grows linearly. Timing belongs in a benchmark, not in a test.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace pledge::pathological {

// The seed page with its line breaks taken out, `units` copies on one line: real text, real
// damage, no sentence ever ending at a line.
std::string SeedAsOneLine(size_t units);
// Dense quantities with no sentence end at all (每年投入不少于15亿元,增长5.5%,…).
std::string DenseQuantities(size_t units);
// GBK read as Latin-1 with no line break.
std::string GbkReadAsLatin1(size_t units);
// Latin-1 that is no mojibake at all (ÃÃ©Ã¤Ã…).
std::string LatinAccents(size_t units);
// An indent of `units` U+3000, then an article.
std::string IdeographicIndent(size_t units);
// A line of letter-spaced hanzi (总　　总　　…).
std::string LetterSpacedHanzi(size_t units);
// Lone U+3000 after article numbers and table labels (第一条　表2　…), one line.
std::string SpacedArticles(size_t units);
// Fields with runs of U+3000 between them (联系人：王某某　　各级干部　　…), one line.
std::string SpacedFields(size_t units);
// A UTF-8 page read as GBK with replacement: every 年, 月 and 日 of its dates lost a byte.
std::string DatesCutByMojibake(size_t units);
// 投入 and `units` digits and 元。
std::string LongFigure(size_t units);
// 1:1:…:1年, `units` marks: no ratio, a date's mark after it.
std::string RatioMarkChain(size_t units);
// 一比一比…一, `units` times 比: no clause speaks of a ratio.
std::string RatioWordChain(size_t units);
// %26%26…lt;中文: percent-encoding `units` deep.
std::string RepeatedPercentEncoding(size_t units);
// a&amp;&amp;…lt;b: an entity escaped `units` times.
std::string RepeatedAmpersands(size_t units);
// ((((中文)))) `units` deep.
std::string NestedParentheses(size_t units);
// 附件( ( ( … ) ) )见后: nested pairs that convert together, each decided from the one around it.
std::string NestedEmptyParentheses(size_t units);
// <<<<论持久战>>>> `units` deep.
std::string NestedAngles(size_t units);
// ”中“ `units` times: every quotation reversed.
std::string ReversedQuotes(size_t units);
// 还\n `units` times: a break after every character.
std::string BreakAfterEveryCharacter(size_t units);
// `units` lines that all join into one: the logical line grows with each break removed.
std::string LinesThatJoin(size_t units);
// 一、 and `units` lines that each end in 的: a heading whose lines cannot end.
std::string HeadingThatCannotEnd(size_t units);
// Table rows and lines of words set apart by spaces, `units` of each.
std::string TableRowsAndBylines(size_t units);
// URLs among percent-encoded entities, `units` of each: every entity asks whether it is in a URL.
std::string UrlsAmongEntities(size_t units);
// A page whose <div> elements nest `units` deep around one sentence: an HTML parser checks the
// open elements at every tag.
std::string NestedHtmlElements(size_t units);
// A page with one tag of `units` attributes: a parser compares each with the tag's others.
std::string HtmlTagWithManyAttributes(size_t units);
// Every code point from U+0001 to U+FFFF (surrogates aside), `units` times.
std::string EveryCodePoint(size_t units);
// Ill-formed UTF-8 of every kind: stray continuation bytes, overlong forms, surrogates, code
// points beyond U+10FFFF, bytes never used, sequences cut short.
const std::vector<std::string>& IllFormedUtf8();
// Each of those between hanzi and beside a figure, `units` times.
std::string InvalidUtf8OfEveryKind(size_t units);

struct Input {
  const char* name;
  std::string (*build)(size_t units);
  size_t units;  // the benchmark's smallest size: about a tenth of a second's work
};

// Every family above, for the benchmark.
const std::vector<Input>& AllInputs();

}  // namespace pledge::pathological
