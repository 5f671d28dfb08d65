#include "pipeline/word_set.h"

namespace pledge {
namespace {

// For a three-byte UTF-8 character, its code point; for other bytes, a mix that only needs to
// be the same for the same bytes.
size_t Key(const unsigned char* b) { return size_t{b[0] & 0x0Fu} << 12 | size_t{b[1] & 0x3Fu} << 6 | (b[2] & 0x3Fu); }

}  // namespace

WordSet::WordSet(std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (word.empty()) {
      has_empty_ = true;
    } else if (word.size() < 3) {
      short_.emplace_back(word);
    } else {
      words_.emplace_back(word);
      first_three_.set(Key(reinterpret_cast<const unsigned char*>(word.data())));
    }
  }
}

bool WordSet::FoundIn(std::string_view text) const {
  if (has_empty_) return true;
  for (const std::string& word : short_)
    if (text.find(word) != std::string_view::npos) return true;
  if (words_.empty() || text.size() < 3) return false;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i + 3 <= n;) {
    if (first_three_[Key(bytes + i)])
      for (const std::string& word : words_)
        if (text.substr(i).starts_with(word)) return true;
    // A word starts where a character does: step over a whole well-formed three-byte character
    // (most of Chinese text), byte by byte over anything else.
    bool three_byte_character = (bytes[i] & 0xF0u) == 0xE0u && (bytes[i + 1] & 0xC0u) == 0x80u && (bytes[i + 2] & 0xC0u) == 0x80u;
    i += three_byte_character ? 3 : 1;
  }
  return false;
}

}  // namespace pledge
