// entity_chain: decoding one chain of percent-encoding and HTML entities (%26lt; → &lt; → <,
// %E4%B8%AD → 中, &#65289; → ）), as the entities pass does; the URL finder asks it too.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pledge::rules {

struct Decoded {
  size_t start, end;  // the encoded bytes, text[start, end)
  std::string text;   // what they decode to
  bool percent;       // percent-encoding took part (url_entity rather than html_entity)
};

// The chain of encodings that starts at text[i], decoded, if it decodes to valid text.
std::optional<Decoded> DecodeChainAt(std::string_view text, size_t i);

}  // namespace pledge::rules
