// url_entity, html_entity: percent-encoding and HTML entities left in scraped text, decoded in
// chains (%26lt; → &lt; → <, &amp;lt; → &lt; → <) as one fix over the whole original span.
// Decoded only where the result is valid text: a percent run must decode to well-formed UTF-8
// that is non-ASCII or an HTML-special character starting an entity, or a figure's percent sign
// (30%25); URLs are left alone.
// Then <…> and its decoded forms around Chinese text become 《…》.
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "pipeline/rules/entity_chain.h"
#include "pipeline/rules/rule.h"
#include "pipeline/rules/url_spans.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

const std::unordered_map<std::string_view, UChar32>& NamedEntities() {
  static const std::unordered_map<std::string_view, UChar32> entities = {
      {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
      {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009}, {"zwnj", 0x200C}, {"zwj", 0x200D},
      {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
      {"laquo", 0xAB}, {"raquo", 0xBB}, {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013},
      {"middot", 0xB7}, {"bull", 0x2022}, {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122},
      {"times", 0xD7}, {"divide", 0xF7}, {"deg", 0xB0}, {"plusmn", 0xB1}, {"yen", 0xA5},
      {"cent", 0xA2}, {"pound", 0xA3}, {"euro", 0x20AC}, {"sect", 0xA7}, {"para", 0xB6},
      {"micro", 0xB5}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE}, {"sup2", 0xB2},
      {"sup3", 0xB3}, {"permil", 0x2030}, {"larr", 0x2190}, {"rarr", 0x2192}, {"uarr", 0x2191},
      {"darr", 0x2193}, {"le", 0x2264}, {"ge", 0x2265}, {"ne", 0x2260}, {"asymp", 0x2248},
  };
  return entities;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsAllowedCodePoint(UChar32 c) {
  if (c <= 0 || c > 0x10FFFF || U_IS_SURROGATE(c)) return false;
  if (c < 0x20) return c == '\n' || c == '\t';
  return !(c >= 0x7F && c < 0xA0);
}

// An entity at the start of s ("&lt;", "&#20013;", "&#x4e2d;"): its code point and length.
std::optional<std::pair<UChar32, size_t>> EntityAt(std::string_view s) {
  if (s.size() < 4 || s[0] != '&') return std::nullopt;
  size_t semi = s.find(';', 1);
  if (semi == std::string_view::npos || semi > 12) return std::nullopt;
  std::string_view body = s.substr(1, semi - 1);
  UChar32 c = -1;
  if (body.size() >= 2 && body[0] == '#') {
    bool hex = body[1] == 'x' || body[1] == 'X';
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return std::nullopt;
    long value = 0;
    for (char d : digits) {
      int v = hex ? HexValue(d) : (d >= '0' && d <= '9' ? d - '0' : -1);
      if (v < 0) return std::nullopt;
      value = value * (hex ? 16 : 10) + v;
    }
    c = static_cast<UChar32>(value);
  } else {
    auto it = NamedEntities().find(body);
    if (it == NamedEntities().end()) return std::nullopt;
    c = it->second;
  }
  if (!IsAllowedCodePoint(c)) return std::nullopt;
  return std::make_pair(c, semi + 1);
}

// The end of the run of %HH at text[i] (i itself if there is none). A run is all ASCII bytes or
// all non-ASCII: %E8%BF%87%26lt; is 过 followed by the escape %26lt;, not one run "过&".
size_t PercentRunEnd(std::string_view text, size_t i) {
  size_t j = i;
  int first_high = -1;
  while (j + 2 < text.size() && text[j] == '%' && HexValue(text[j + 1]) >= 0 && HexValue(text[j + 2]) >= 0) {
    int high = HexValue(text[j + 1]) >= 8;
    if (first_high >= 0 && high != first_high) break;
    first_high = high;
    j += 3;
  }
  return j;
}

// A run of %HH at text[i]: decoded bytes and end, if they form well-formed UTF-8.
std::optional<std::pair<std::string, size_t>> PercentRunAt(std::string_view text, size_t i) {
  std::string bytes;
  size_t end = PercentRunEnd(text, i);
  for (size_t j = i; j < end; j += 3) bytes.push_back(static_cast<char>(HexValue(text[j + 1]) * 16 + HexValue(text[j + 2])));
  if (bytes.empty()) return std::nullopt;
  auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t k = 0, n = static_cast<int32_t>(bytes.size());
  while (k < n) {
    UChar32 c;
    U8_NEXT(p, k, n, c);
    if (c < 0 || !IsAllowedCodePoint(c)) return std::nullopt;
  }
  return std::make_pair(bytes, end);
}

// Radicals (U+2E80–U+2FDF) count as Han here: this pass runs before variant_char turns them
// into ideographs, and must decide as it would on the mapped text (idempotence).
bool HanOrRadical(UChar32 c) { return IsHan(c) || (c >= 0x2E80 && c <= 0x2FDF); }
// ASCII marks count as the Chinese punctuation cjk_punct will make of them later (<中文???>).
bool AllowedInAngles(UChar32 c) {
  static constexpr ByteSet kAsciiMarks(",.;:?!()");
  return HanOrRadical(c) || IsChinesePunct(c) || IsAsciiDigit(c) || c == ' ' || kAsciiMarks.Contains(c);
}

}  // namespace

std::optional<Decoded> DecodeChainAt(std::string_view text, size_t i) {
  std::string value;  // decoded so far; text[pos..] follows it
  size_t pos = i;
  bool percent = false, progressed = false;
  for (int guard = 0; guard < 8; ++guard) {
    if (value.empty() && text[pos] == '%') {
      auto run = PercentRunAt(text, pos);
      if (!run) break;
      const std::string& bytes = run->first;
      // One HTML-special character (%26 → &, %3C → <) or non-ASCII text (%E4%B8%AD → 中). A run
      // of several ASCII characters is left alone: %26%26 is no escape anyone wrote.
      bool special = bytes.size() == 1 && (bytes[0] == '&' || bytes[0] == '<' || bytes[0] == '>' || bytes[0] == '"' ||
                                           bytes[0] == '#');
      bool non_ascii = static_cast<unsigned char>(bytes[0]) >= 0x80 &&
                       std::all_of(bytes.begin(), bytes.end(), [](char b) { return static_cast<unsigned char>(b) >= 0x80; });
      if (bytes == "%") {
        // An escape encoded again, once or more: each level turns the % into %25 (%2526lt; and
        // %252526lt; are %26lt;, 30%2525 is 30%25).
        size_t after = run->second;
        while (text.substr(after, 2) == "25") after += 2;
        auto hex_at = [&](size_t at) {
          return at + 1 < text.size() && HexValue(text[at]) >= 0 && HexValue(text[at + 1]) >= 0;
        };
        if (hex_at(after)) {
          char inner = static_cast<char>(HexValue(text[after]) * 16 + HexValue(text[after + 1]));
          if (inner != '&' && inner != '<' && inner != '>' && inner != '"' && inner != '#') break;
          value = std::string(1, inner);
          pos = after + 2;
          percent = progressed = true;
          if (value != "&") break;
          continue;
        }
        // The percent sign of a figure, encoded with the rest (30%25 for 30%); not where hex
        // digits follow.
        if (i > 0 && IsAsciiDigit(static_cast<unsigned char>(text[i - 1]))) {
          value = bytes;
          pos = after;
          percent = progressed = true;
        }
        break;
      }
      if (!special && !non_ascii) break;
      value = bytes;
      pos = run->second;
      percent = progressed = true;
      if (value != "&") continue;
    }
    // value is "" (an entity in the text itself) or starts an entity continued by the text.
    if (!value.empty() && value[0] != '&') break;
    std::string window = value + std::string(text.substr(pos, 16));
    if (window.empty() || window[0] != '&') break;
    auto entity = EntityAt(window);
    if (!entity || entity->second < value.size()) break;
    pos += entity->second - value.size();
    value = Utf8Of(entity->first);
    progressed = true;
    if (value != "&") break;  // &amp; may be a double escape: look at what follows
  }
  if (!progressed) return std::nullopt;
  // A lone decoded "&" that starts nothing stays as it was unless it came from &amp;.
  if (percent && value == "&") return std::nullopt;
  return Decoded{i, pos, value, percent};
}


void Entities(std::string_view text, PassOutput& out) {
  static constexpr ByteSet kSpecial("%&<>");
  if (kSpecial.FindIn(text) == std::string_view::npos) return;
  // URLs and e-mail addresses keep their encoding.
  const std::vector<TextSpan> urls = FindUrlSpans(text);
  SpanCursor in_url(urls);

  // Tokens that read as '<' or '>' : decoded chains and literal characters.
  struct Angle { size_t start, end; bool open; int decoded_index; };
  std::vector<Decoded> decoded;
  std::vector<Angle> angles;
  for (size_t i = kSpecial.FindIn(text); i != std::string_view::npos && i < text.size(); i = kSpecial.FindIn(text, i)) {
    if (text[i] == '<' || text[i] == '>') {
      angles.push_back({i, i + 1, text[i] == '<', -1});
      ++i;
      continue;
    }
    if (in_url.Contains(i)) { ++i; continue; }
    auto d = DecodeChainAt(text, i);
    if (!d) {
      // Skip the whole %HH run that failed: trying again from each of its % would be quadratic.
      i = text[i] == '%' ? std::max(i + 1, PercentRunEnd(text, i)) : i + 1;
      continue;
    }
    if (d->text == "<" || d->text == ">")
      angles.push_back({d->start, d->end, d->text == "<", static_cast<int>(decoded.size())});
    i = d->end;
    decoded.push_back(std::move(*d));
  }

  // <…> around Chinese text (at most 40 characters, one line) becomes 《…》. Pairs nest (a
  // stack), and a pair converted inside another counts as the bracket it becomes: <《书名》> is
  // decided as <书名> is. A pair right around another (<<书名>>) is the double angle bracket
  // typed as two single ones: one 《…》, never 《《…》》, which no text sets. A title inside a
  // title takes single brackets, as GB/T 15834 sets it: <关于<条例>的说明> → 《关于〈条例〉的说明》.
  std::vector<size_t> open_angles;
  std::vector<bool> converted(angles.size(), false), dropped(angles.size(), false);
  std::vector<size_t> partner(angles.size(), angles.size());
  std::vector<size_t> width(angles.size(), 0);  // characters a converted pair spans, its brackets included
  for (size_t a = 0; a < angles.size(); ++a) {
    if (angles[a].open) { open_angles.push_back(a); continue; }
    if (open_angles.empty()) continue;
    size_t o = open_angles.back();
    open_angles.pop_back();
    size_t chars = 0, inner = o + 1;
    bool ok = angles[a].start > angles[o].end, han = false;
    for (size_t j = angles[o].end; j < angles[a].start && ok;) {
      if (inner < a && j == angles[inner].start) {
        // A nested pair, fine once it is a bracket: stepped over whole, so that deep nesting
        // costs no more than its tokens.
        ok = angles[inner].open && converted[inner] && (chars += width[inner]) <= 40;
        if (!ok) break;
        han = true;
        j = angles[partner[inner]].end;
        inner = partner[inner] + 1;
        continue;
      }
      UChar32 c = Utf8At(text, j, &j);
      ok = AllowedInAngles(c) && ++chars <= 40;
      han |= HanOrRadical(c);
    }
    if (!ok || !han) continue;
    converted[o] = converted[a] = true;
    partner[o] = a;
    // Right around another pair, or a title already bracketed (<《书名》>): typed doubling.
    std::string_view inside = text.substr(angles[o].end, angles[a].start - angles[o].end);
    bool around_pair = o + 1 < a && partner[o + 1] == a - 1 && angles[o + 1].start == angles[o].end &&
                       angles[a - 1].end == angles[a].start;
    bool around_title = o + 1 == a && inside.starts_with("《") && inside.ends_with("》") &&
                        inside.find("《", 3) == std::string_view::npos && inside.find("》") == inside.size() - 3;
    dropped[o] = dropped[a] = around_pair || around_title;
    width[o] = chars + (dropped[o] ? 0 : 2);
  }
  int depth = 0;  // converted pairs open around this token, doubled ones not counted
  for (size_t k = 0; k < angles.size(); ++k) {
    if (!converted[k]) continue;
    const char* glyph = "";
    if (!dropped[k]) {
      if (!angles[k].open) --depth;
      glyph = angles[k].open ? (depth == 0 ? "《" : "〈") : (depth == 0 ? "》" : "〉");
      if (angles[k].open) ++depth;
    }
    if (angles[k].decoded_index >= 0) decoded[angles[k].decoded_index].text = glyph;
    else out.Replace(angles[k].start, angles[k].end, glyph, "html_entity");
  }
  for (auto& d : decoded) out.Replace(d.start, d.end, d.text, d.percent ? "url_entity" : "html_entity");
}

}  // namespace pledge::rules
