#include "pipeline/tracked_text.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace pledge {

TrackedText TrackedText::Identity(std::string text) {
  TrackedText t;
  t.to_raw.resize(text.size() + 1);
  for (size_t i = 0; i <= text.size(); ++i) t.to_raw[i] = static_cast<RawOffset>(i);
  t.text = std::move(text);
  return t;
}

bool TrackedText::Valid() const {
  if (to_raw.size() != text.size() + 1) return false;
  for (size_t i = 1; i < to_raw.size(); ++i)
    if (to_raw[i] < to_raw[i - 1]) return false;
  return true;
}

void ApplyEdits(const TrackedText& input, const std::vector<Edit>& edits, TrackedText& out) {
  size_t size = input.text.size(), cursor = 0;
  for (const auto& e : edits) {
    if (e.start < cursor || e.end < e.start || e.end > input.text.size() || e.start == e.end)
      throw std::logic_error("ApplyEdits: edits must be sorted, non-overlapping and non-empty");
    size = size - (e.end - e.start) + e.replacement.size();
    cursor = e.end;
  }
  // Plain copies into buffers sized once: this runs once per normalization pass over the
  // whole text and its 4-byte-per-byte map.
  out.text.resize(size);
  out.to_raw.resize(size + 1);
  char* text = out.text.data();
  RawOffset* map = out.to_raw.data();
  auto copy_from_input = [&](size_t from, size_t count) {
    std::memcpy(text, input.text.data() + from, count);
    std::memcpy(map, input.to_raw.data() + from, count * sizeof(RawOffset));
    text += count;
    map += count;
  };
  cursor = 0;
  for (const auto& e : edits) {
    copy_from_input(cursor, e.start - cursor);
    std::memcpy(text, e.replacement.data(), e.replacement.size());
    std::fill(map, map + e.replacement.size(), input.to_raw[e.start]);  // new bytes own their source span's start
    text += e.replacement.size();
    map += e.replacement.size();
    cursor = e.end;
  }
  copy_from_input(cursor, input.text.size() - cursor);
  *map = input.to_raw.back();
}

TrackedText ApplyEdits(const TrackedText& input, const std::vector<Edit>& edits) {
  if (edits.empty()) return input;
  TrackedText out;
  ApplyEdits(input, edits, out);
  return out;
}

}  // namespace pledge
