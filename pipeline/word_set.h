// WordSet: a fixed list of words, asked many times whether a text holds any of them.
//
// Contract: FoundIn(text) == any(text.find(word) != npos for word in words), for every text.
// One pass over the text, looking up each three-byte window in a table of the words' first
// three bytes (for a CJK word, its first character), replaces one search per word: in Chinese
// text a word's lead byte recurs every few bytes, and a plain find stops and compares at each.
#pragma once

#include <bitset>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace pledge {

class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words);
  bool FoundIn(std::string_view text) const;

 private:
  std::vector<std::string> words_;     // three bytes or longer
  std::vector<std::string> short_;     // one or two bytes: searched for one by one
  std::bitset<65536> first_three_;     // a 16-bit key of the longer words' first three bytes
  bool has_empty_ = false;             // the empty word is in every text
};

}  // namespace pledge
