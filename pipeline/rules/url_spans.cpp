#include "pipeline/rules/url_spans.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "pipeline/rules/entity_chain.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

// Length of an encoding that ends `url` and stands for one Chinese punctuation mark
// (%EF%BC%89, &#65289;, &rdquo;), decoded as the entities pass decodes it; 0 if none.
size_t EncodedChinesePunctAtEnd(std::string_view url) {
  constexpr size_t kLongest = 24;  // a three-byte character percent-encoded, or an entity
  for (size_t at = url.size() > kLongest ? url.size() - kLongest : 0; at < url.size(); ++at) {
    if (url[at] != '%' && url[at] != '&') continue;
    auto d = DecodeChainAt(url, at);
    size_t next = 0;
    if (d && d->end == url.size() && !d->text.empty() && IsChinesePunct(Utf8At(d->text, 0, &next)) &&
        next == d->text.size())
      return url.size() - at;
  }
  return 0;
}

size_t TrimmedLength(std::string_view url) {
  for (;;) {
    if (url.empty()) return 0;
    if (size_t n = EncodedChinesePunctAtEnd(url)) {  // before the ; of &#65289; is taken for punctuation
      url.remove_suffix(n);
      continue;
    }
    char last = url.back();
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == '\'' ||
        last == '"') {
      url.remove_suffix(1);
      continue;
    }
    if (last == ')' && std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')')) {
      url.remove_suffix(1);
      continue;
    }
    return url.size();
  }
}

}  // namespace

std::vector<TextSpan> FindUrlSpans(std::string_view text) {
  std::vector<TextSpan> spans;
  if (text.find("://") == std::string_view::npos && text.find("www.") == std::string_view::npos &&
      text.find("WWW.") == std::string_view::npos && text.find('@') == std::string_view::npos)
    return spans;
  static const RE2 span(
      R"(((?i)(?:https?|ftp)://[!-~]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[!-~]*|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+))");
  re2::StringPiece scan(text.data(), text.size()), match;
  while (RE2::FindAndConsume(&scan, span, &match)) {
    size_t start = match.data() - text.data();
    size_t length = TrimmedLength(std::string_view(match.data(), match.size()));
    if (length > 0) spans.push_back({start, start + length});
  }
  return spans;
}

}  // namespace pledge::rules
