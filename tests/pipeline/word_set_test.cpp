#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "pipeline/word_set.h"

using namespace pledge;

namespace {

bool FoundByFind(std::string_view text, const std::vector<std::string_view>& words) {
  for (std::string_view word : words)
    if (text.find(word) != std::string_view::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("WordSet finds a word wherever a plain search would", "[word_set]") {
  const WordSet site{"位置", "首页", "ICP", "©", ">", "联系我们"};
  CHECK(site.FoundIn("当前位置：首页 > 新闻"));
  CHECK(site.FoundIn("京ICP备05070218号"));
  CHECK(site.FoundIn("版权 © 2024"));
  CHECK(site.FoundIn("联系我们"));
  CHECK_FALSE(site.FoundIn("联系群众，我们要"));  // the words' characters, apart
  CHECK_FALSE(site.FoundIn("位"));
  CHECK_FALSE(site.FoundIn(""));
  // 关 and 免 share their first two bytes (E5 85): only the whole first character counts.
  const WordSet close{"关闭"};
  CHECK_FALSE(close.FoundIn("免除全部公共"));
  CHECK(close.FoundIn("免除【关闭】"));
}

TEST_CASE("WordSet agrees with a search per word on random text, ill-formed bytes included", "[word_set]") {
  const std::vector<std::string_view> words{"打印", "关闭", "扫", "一页", "ICP", "Copyright", "»", ">", "网站标识码", "页未读"};
  const WordSet set{"打印", "关闭", "扫", "一页", "ICP", "Copyright", "»", ">", "网站标识码", "页未读"};
  // Pieces of the words, their characters' bytes alone, and bytes no UTF-8 text holds, glued at
  // random: words are made, cut and shifted off character boundaries.
  const std::vector<std::string> pieces{"打", "印", "关", "闭", "免", "一", "页", "未", "读", "扫", "网站", "标识码", "I", "C", "P",
                                        "Copy", "right", "\xC2", "\xBB", "\xE5", "\x85", "\xB3", "\xE6", "\x89", ">", "》", "，", "a"};
  std::mt19937 random(20261202);
  int found = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int k = std::uniform_int_distribution<int>(0, 8)(random); k > 0; --k)
      text += pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(random)];
    bool expected = FoundByFind(text, words);
    found += expected;
    INFO(text);
    REQUIRE(set.FoundIn(text) == expected);
  }
  // Both answers occur often enough for the comparison to mean something.
  CHECK(found > 2000);
  CHECK(found < 18000);
}
