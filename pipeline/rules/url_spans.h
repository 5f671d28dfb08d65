// url_spans: where the URLs and e-mail addresses of a text are. Rules leave their bytes alone:
// a URL's %20 is not damage and its dots are not full stops.
//
// A URL ends where its characters stop, less what belongs to the sentence around it, as
// autolinkers trim it: trailing ASCII punctuation (见www.gov.cn. / www.gov.cn,请), a ) with
// no ( inside, and percent-encoded or numeric-entity Chinese punctuation (gov.cn/%EF%BC%89 is
// the ） of the text, damaged, far more often than a URL ending in a full-width bracket).
#pragma once

#include <string_view>
#include <vector>

namespace pledge::rules {

struct TextSpan {
  size_t start, end;
};

// The URL and e-mail spans of `text`, in order and not overlapping.
std::vector<TextSpan> FindUrlSpans(std::string_view text);

// Answers "is offset i inside a span?" for offsets asked in increasing order, in amortized
// constant time (a rule's scan moves forward; a linear search per question would be quadratic).
class SpanCursor {
 public:
  explicit SpanCursor(const std::vector<TextSpan>& spans) : spans_(spans) {}
  bool Contains(size_t at) {
    while (next_ < spans_.size() && spans_[next_].end <= at) ++next_;
    return next_ < spans_.size() && spans_[next_].start <= at;
  }
  // The span that ends exactly at `at`, if any (asked in increasing order as well).
  const TextSpan* EndingAt(size_t at) {
    Contains(at);
    return next_ > 0 && spans_[next_ - 1].end == at ? &spans_[next_ - 1] : nullptr;
  }

 private:
  const std::vector<TextSpan>& spans_;
  size_t next_ = 0;
};

}  // namespace pledge::rules
