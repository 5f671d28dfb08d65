#include "pipeline/rules/url_spans.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
  return -1;
}

// Length of a percent-encoded character (%EF%BC%89) or a numeric entity (&#65289;) that ends
// `url` and stands for Chinese punctuation; 0 if none.
size_t EncodedChinesePunctAtEnd(std::string_view url) {
  // %XX%XX%XX: a three-byte UTF-8 character.
  if (url.size() >= 9) {
    std::string_view tail = url.substr(url.size() - 9);
    std::string bytes;
    for (size_t k = 0; k < 9; k += 3) {
      if (tail[k] != '%' || Hex(tail[k + 1]) < 0 || Hex(tail[k + 2]) < 0) { bytes.clear(); break; }
      bytes.push_back(static_cast<char>(Hex(tail[k + 1]) * 16 + Hex(tail[k + 2])));
    }
    size_t next = 0;
    if (bytes.size() == 3 && IsChinesePunct(Utf8At(bytes, 0, &next)) && next == 3) return 9;
  }
  // &#NNNNN; or &#xHHHH;
  if (!url.empty() && url.back() == ';') {
    size_t amp = url.rfind("&#");
    if (amp != std::string_view::npos && url.size() - amp <= 10) {
      std::string_view body = url.substr(amp + 2, url.size() - amp - 3);
      bool hex = !body.empty() && (body[0] == 'x' || body[0] == 'X');
      if (hex) body.remove_prefix(1);
      long value = 0;
      bool ok = !body.empty();
      for (char c : body) {
        int d = hex ? Hex(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
        if (d < 0) { ok = false; break; }
        value = value * (hex ? 16 : 10) + d;
      }
      if (ok && IsChinesePunct(static_cast<UChar32>(value))) return url.size() - amp;
    }
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
