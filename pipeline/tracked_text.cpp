#include "pipeline/tracked_text.h"

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

TrackedText ApplyEdits(const TrackedText& input, const std::vector<Edit>& edits) {
  if (edits.empty()) return input;
  TrackedText out;
  size_t grow = 0;
  for (const auto& e : edits) grow += e.replacement.size();
  out.text.reserve(input.text.size() + grow);
  out.to_raw.reserve(input.text.size() + grow + 1);

  size_t cursor = 0;
  for (const auto& e : edits) {
    if (e.start < cursor || e.end < e.start || e.end > input.text.size() || e.start == e.end)
      throw std::logic_error("ApplyEdits: edits must be sorted, non-overlapping and non-empty");
    out.text.append(input.text, cursor, e.start - cursor);
    out.to_raw.insert(out.to_raw.end(), input.to_raw.begin() + cursor, input.to_raw.begin() + e.start);
    out.text += e.replacement;
    out.to_raw.insert(out.to_raw.end(), e.replacement.size(), input.to_raw[e.start]);
    cursor = e.end;
  }
  out.text.append(input.text, cursor, std::string::npos);
  out.to_raw.insert(out.to_raw.end(), input.to_raw.begin() + cursor, input.to_raw.end());
  return out;
}

}  // namespace pledge
