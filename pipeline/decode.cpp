#include "pipeline/decode.h"

#include "pipeline/common_hanzi.h"
#include "pipeline/unicode_util.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>
#include <optional>
#include <vector>

namespace pledge {

std::string DecodedText::Label() const {
  return encoding + "; confidence=" + std::to_string(confidence);
}

namespace {

DecodedText Failure(std::string reason) {
  DecodedText d;
  d.error = std::move(reason);
  return d;
}

// Documents of a format that is not text, known by their first bytes. Scraped folders hold the
// attachments of the pages beside them; the error says what the file is and what to do.
std::string DocumentFormatReason(std::string_view raw) {
  static constexpr std::pair<std::string_view, std::string_view> kFormats[] = {
      {"%PDF-", "a PDF document"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a Word, Excel or WPS 97-2003 document (OLE2 compound file)"},
      {"PK\x03\x04", "a ZIP archive (as .docx, .xlsx and .ofd documents are)"},
      {"{\\rtf", "an RTF document"},
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
  };
  for (const auto& [magic, name] : kFormats)
    if (raw.starts_with(magic)) return std::string(name) + ", not text: save it as text or HTML first";
  return {};
}

// Binary files: a NUL byte (UTF-16 is recognised before we get here) or mostly control chars.
std::string BinaryReason(std::string_view raw) {
  if (auto nul = raw.find('\0'); nul != std::string_view::npos)
    return "binary file: NUL byte at offset " + std::to_string(nul);
  size_t sample = std::min<size_t>(raw.size(), 8192), controls = 0;
  for (size_t i = 0; i < sample; ++i) {
    auto c = static_cast<unsigned char>(raw[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (controls * 10 > sample) return "binary file: " + std::to_string(controls) + " of the first " +
                                     std::to_string(sample) + " bytes are control characters";
  return {};
}

struct ConverterCloser { void operator()(UConverter* c) const { ucnv_close(c); } };
struct DetectorCloser { void operator()(UCharsetDetector* d) const { ucsdet_close(d); } };

// Strict conversion of raw[skip..] from `charset`; on failure sets `error` with the offset.
// `replaced`: when given, a byte sequence the charset does not define becomes U+FFFD, counted
// there, instead of failing the conversion.
bool Convert(std::string_view raw, size_t skip, const char* charset, TrackedText& out, std::string& error,
             size_t* replaced = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) { error = std::string("no converter for ") + charset; return false; }
  ucnv_setToUCallBack(conv.get(), replaced ? UCNV_TO_U_CALLBACK_SUBSTITUTE : UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                      nullptr, &status);

  std::string_view body = raw.substr(skip);
  std::vector<UChar> units(body.size() + 2);
  std::vector<int32_t> offsets(body.size() + 2);
  UChar* target = units.data();
  const char* source = body.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, body.data() + body.size(),
                 offsets.data(), /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    error = std::string("undecodable as ") + charset + ": invalid byte sequence at offset " +
            std::to_string(skip + (source - body.data()));
    return false;
  }
  int32_t count = static_cast<int32_t>(target - units.data());
  out.text.clear();
  out.text.reserve(body.size() * 3 / 2 + 4);
  out.to_raw.clear();
  out.to_raw.reserve(body.size() * 3 / 2 + 4);
  for (int32_t i = 0; i < count;) {
    int32_t start = i;
    UChar32 c;
    U16_NEXT(units.data(), i, count, c);
    if (U_IS_SURROGATE(c)) { error = std::string("undecodable as ") + charset + ": unpaired surrogate"; return false; }
    if (replaced && (c == 0xFFFD || c == 0x1A)) {  // ICU substitutes U+001A for some charsets
      c = 0xFFFD;
      ++*replaced;
    }
    uint8_t bytes[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, c);
    out.text.append(reinterpret_cast<char*>(bytes), length);
    out.to_raw.insert(out.to_raw.end(), length, static_cast<RawOffset>(skip + offsets[start]));
  }
  out.to_raw.push_back(static_cast<RawOffset>(raw.size()));
  return true;
}

// What the charset detector reads. Its statistics settle within a few thousand characters:
// whole files had been 22% of all processing on the bench corpus, and a 16 KB sample still cost
// 18 million instructions a file. 4 KB picks the same encodings, with the same confidences, on
// the bench corpus and on the samples converted to GB18030, Big5 and UTF-16. The chosen
// encoding is still checked by converting the whole file strictly. The sample starts at the
// first non-ASCII byte (rounded down to an even offset), so a long ASCII <head> or banner does
// not leave it without Chinese.
constexpr size_t kDetectionSampleBytes = 4 * 1024;
// Up to this size a file is read with every candidate encoding (cheap: it is small).
constexpr size_t kShortFileBytes = 4 * 1024;

std::string_view DetectionSample(std::string_view raw) {
  size_t first = 0;
  while (first < raw.size() && static_cast<unsigned char>(raw[first]) < 0x80) ++first;
  if (first == raw.size()) first = 0;
  first &= ~size_t{1};  // an even offset keeps UTF-16 code units aligned
  return raw.substr(first, kDetectionSampleBytes);
}

// A few GBK characters can happen to be well-formed UTF-8: 通知 (CD A8 D6 AA) reads as two
// combining marks. Bytes whose UTF-8 reading holds no Chinese at all, while their GB18030
// reading is common hanzi and Chinese punctuation only, are GBK. Accented Latin letters
// (U+00C0–U+00FF, as in café), Greek and Cyrillic mark real UTF-8 and keep it.
bool Utf8ReadingLooksLikeGbk(std::string_view utf8) {
  size_t non_ascii = 0;
  for (size_t i = 0; i < utf8.size();) {
    UChar32 c = Utf8At(utf8, i, &i);
    if (c < 0x80) continue;
    if (IsHan(c) || IsChinesePunct(c) || (c >= 0xC0 && c <= 0xFF) || (c >= 0x370 && c <= 0x4FF)) return false;
    ++non_ascii;
  }
  return non_ascii > 0;
}
bool CommonChineseOnly(std::string_view gb18030_reading) {
  size_t hanzi = 0;
  for (size_t i = 0; i < gb18030_reading.size();) {
    UChar32 c = Utf8At(gb18030_reading, i, &i);
    if (c < 0x80) continue;
    if (!IsCommonSimplified(c) && !IsChinesePunct(c)) return false;
    ++hanzi;
  }
  return hanzi >= 2;
}

// Concatenated pages (a UTF-8 page and a GBK one, in either order) are UTF-8 line by line except
// where they are not: each line that is not well-formed UTF-8, or reads as GBK only, is read as
// GB18030, strictly, with its offsets kept exact. Empty if some line is neither.
std::optional<TrackedText> DecodeMixedLines(std::string_view raw) {
  TrackedText out;
  out.text.reserve(raw.size() * 3 / 2);
  out.to_raw.reserve(raw.size() * 3 / 2);
  TrackedText piece;
  std::string error;
  for (size_t start = 0; start < raw.size();) {
    size_t end = raw.find('\n', start);
    end = end == std::string_view::npos ? raw.size() : end + 1;
    std::string_view line = raw.substr(start, end - start);
    const bool utf8 = FirstInvalidUtf8(line) == std::string_view::npos;
    // A GBK line that happens to be well-formed UTF-8 (通知 alone) is still the GBK page's.
    const bool gbk_as_utf8 = utf8 && Utf8ReadingLooksLikeGbk(line) &&
                             Convert(raw.substr(0, end), start, "GB18030", piece, error) && CommonChineseOnly(piece.text);
    if (utf8 && !gbk_as_utf8) {
      out.text.append(line);
      for (size_t i = start; i < end; ++i) out.to_raw.push_back(static_cast<RawOffset>(i));
    } else {
      if (!gbk_as_utf8 && !Convert(raw.substr(0, end), start, "GB18030", piece, error)) return std::nullopt;
      out.text.append(piece.text);
      out.to_raw.insert(out.to_raw.end(), piece.to_raw.begin(), piece.to_raw.end() - 1);
    }
    start = end;
  }
  out.to_raw.push_back(static_cast<RawOffset>(raw.size()));
  return out;
}

DecodedText Success(const char* encoding, int confidence, TrackedText text) {
  DecodedText d;
  d.ok = true;
  d.encoding = encoding;
  d.confidence = confidence;
  d.text = std::move(text);
  return d;
}

// A short file that is well-formed UTF-8 but reads as GBK (above).
std::optional<DecodedText> GbkThatLooksLikeUtf8(std::string_view raw) {
  if (raw.size() > kShortFileBytes || !Utf8ReadingLooksLikeGbk(raw)) return std::nullopt;
  TrackedText text;
  std::string error;
  if (!Convert(raw, 0, "GB18030", text, error) || !CommonChineseOnly(text.text)) return std::nullopt;
  return Success("GB18030", 30, std::move(text));
}

// Whether some line of `raw` is well-formed UTF-8 holding Chinese (two hanzi or more): a file no
// single encoding reads may still be pages of two, concatenated.
bool HoldsUtf8ChineseLine(std::string_view raw) {
  for (size_t start = 0; start < raw.size();) {
    size_t end = raw.find('\n', start);
    end = end == std::string_view::npos ? raw.size() : end + 1;
    std::string_view line = raw.substr(start, end - start);
    start = end;
    if (FirstInvalidUtf8(line) != std::string_view::npos) continue;
    int hanzi = 0;
    for (size_t i = 0; i < line.size() && hanzi < 2;) hanzi += IsHan(Utf8At(line, i, &i));
    if (hanzi >= 2) return true;
  }
  return false;
}

// How many bytes an encoding may leave undefined in a file still read in it: a few, or one in a
// thousand. More is another encoding, or no text.
size_t MostReplaced(std::string_view raw) { return std::max<size_t>(4, raw.size() / 1000); }

// Big5 converts most GBK byte pairs strictly, into nonsense, and ICU may rank a GBK file as Big5
// (one byte that GBK does not define, a character cut or corrupted, lowers its GB18030 score).
// A file read as Big5 is read as GB18030 too, a few undefined bytes becoming U+FFFD (kept,
// logged as unrepairable, the document flagged), and that reading is taken if it looks more
// like ordinary Chinese. Any other reading is returned as it is.
DecodedText GbkIfBetter(std::string_view raw, DecodedText decoded,
                        const std::vector<std::pair<std::string, int>>& candidates) {
  if (decoded.encoding != "Big5") return decoded;
  TrackedText text;
  std::string error;
  size_t replaced = 0;
  if (!Convert(raw, 0, "GB18030", text, error, &replaced)) return decoded;
  if (replaced > MostReplaced(raw) || text.text.find('\0') != std::string::npos) return decoded;
  if (ChineseTextShare(text.text) <= ChineseTextShare(decoded.text.text)) return decoded;
  int confidence = 0;
  for (const auto& [name, c] : candidates)
    if (name == "GB18030") confidence = c;
  return Success("GB18030", confidence, std::move(text));
}

}  // namespace

DecodedText DecodeBytes(std::string_view raw) {
  if (raw.empty()) return Failure("empty file");
  if (auto format = DocumentFormatReason(raw); !format.empty()) return Failure(format);

  auto starts_with = [&](std::initializer_list<unsigned char> bom) {
    if (raw.size() < bom.size()) return false;
    size_t i = 0;
    for (auto b : bom) if (static_cast<unsigned char>(raw[i++]) != b) return false;
    return true;
  };

  std::string error;
  TrackedText text;
  if (starts_with({0xEF, 0xBB, 0xBF})) {
    std::string_view body = raw.substr(3);
    if (auto bad = FirstInvalidUtf8(body); bad != std::string_view::npos)
      return Failure("invalid UTF-8 after a UTF-8 byte order mark at offset " + std::to_string(bad + 3));
    text.text.assign(body);
    text.to_raw.resize(body.size() + 1);
    for (size_t i = 0; i <= body.size(); ++i) text.to_raw[i] = static_cast<RawOffset>(i + 3);
    return Success("UTF-8", 100, std::move(text));
  }
  for (bool little_endian : {true, false}) {
    const char* charset = little_endian ? "UTF-16LE" : "UTF-16BE";
    if (!(little_endian ? starts_with({0xFF, 0xFE}) : starts_with({0xFE, 0xFF}))) continue;
    if (!Convert(raw, 2, charset, text, error)) return Failure(error);
    if (text.text.empty()) return Failure("empty file (only a byte order mark)");
    return Success(charset, 100, std::move(text));
  }

  size_t bad_utf8 = FirstInvalidUtf8(raw);
  if (bad_utf8 == std::string_view::npos) {
    if (auto binary = BinaryReason(raw); !binary.empty()) return Failure(binary);
    if (auto gbk = GbkThatLooksLikeUtf8(raw)) return std::move(*gbk);
    return Success("UTF-8", 100, TrackedText::Identity(std::string(raw)));
  }

  // Not UTF-8: ask ICU, but only believe the encodings Chinese documents are written in.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  std::string_view sample = DetectionSample(raw);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  std::vector<std::pair<std::string, int>> candidates;
  for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
    std::string name = ucsdet_getName(matches[i], &status);
    int confidence = ucsdet_getConfidence(matches[i], &status);
    if (name == "GB18030" || name == "Big5" || name == "UTF-16LE" || name == "UTF-16BE")
      candidates.emplace_back(name, confidence);
  }
  // ICU may not recognise short texts; GB18030 and Big5 are still worth a strict try.
  for (const char* fallback : {"GB18030", "Big5"}) {
    bool present = false;
    for (auto& c : candidates) present |= c.first == fallback;
    if (!present) candidates.emplace_back(fallback, 0);
  }

  bool utf16 = false;
  for (auto& c : candidates) utf16 |= c.first.rfind("UTF-16", 0) == 0 && c.second > 0;
  if (!utf16) {
    if (auto binary = BinaryReason(raw); !binary.empty()) return Failure(binary);
  }

  // A file that is mostly well-formed UTF-8 is a damaged UTF-8 file, not a GBK one.
  size_t valid_multibyte = 0;
  for (size_t i = 0; i + 2 < std::min<size_t>(bad_utf8, 65536); ++i)
    if ((static_cast<unsigned char>(raw[i]) & 0xF0) == 0xE0) ++valid_multibyte;
  if (valid_multibyte >= 4 && bad_utf8 + 4 >= raw.size())
    return Failure("invalid UTF-8: truncated character at offset " + std::to_string(bad_utf8));
  // A file that starts as UTF-8 and turns into GBK: pages of both kinds, concatenated.
  if (valid_multibyte >= 4)
    if (auto mixed = DecodeMixedLines(raw)) return Success("UTF-8+GB18030", 50, std::move(*mixed));

  // A short file gives ICU's statistics too little to go on (GBK 通知 reads as UTF-16, Big5
  // 人民政府 as GB18030): every candidate that converts strictly is read, and the reading
  // that looks most like Chinese text wins, ICU's order breaking ties.
  const bool short_file = raw.size() <= kShortFileBytes;
  std::string first_error;
  std::optional<DecodedText> best;
  double best_share = -1;
  for (auto& [name, confidence] : candidates) {
    if (Convert(raw, 0, name.c_str(), text, error)) {
      if (auto nul = text.text.find('\0'); nul != std::string::npos)
        continue;  // a "successful" UTF-16 reading of a binary file
      // Any even number of bytes is UTF-16 of something: without a byte order mark, only a
      // reading that is mostly ordinary text counts (bytes no encoding defines read as Hangul
      // and rare ideographs).
      if (name.rfind("UTF-16", 0) == 0 && ChineseTextShare(text.text) < 0.5) {
        if (first_error.empty()) first_error = "undecodable as " + name + ": not text";
        continue;
      }
      DecodedText decoded = Success(name == "GB18030" ? "GB18030" : name.c_str(), confidence, std::move(text));
      if (!short_file) return GbkIfBetter(raw, std::move(decoded), candidates);
      double share = ChineseTextShare(decoded.text.text);
      if (share > best_share) {
        best_share = share;
        best = std::move(decoded);
      }
      continue;
    }
    if (first_error.empty()) first_error = error;
  }
  if (best) return GbkIfBetter(raw, std::move(*best), candidates);
  // Pages of both kinds concatenated the other way round (a GBK page, then a UTF-8 one): no
  // reading of the whole file is strict, but one line by line is.
  if (valid_multibyte < 4 && HoldsUtf8ChineseLine(raw))
    if (auto mixed = DecodeMixedLines(raw)) return Success("UTF-8+GB18030", 50, std::move(*mixed));
  // No reading is strict: a GBK or Big5 file with a few bytes its encoding does not define (a
  // character cut or corrupted) is still in that encoding, and the rest of it is worth reading.
  // Those bytes become U+FFFD: kept, logged as unrepairable, the document flagged.
  if (valid_multibyte < 4)
    for (auto& [name, confidence] : candidates) {
      if (name != "GB18030" && name != "Big5") continue;
      size_t replaced = 0;
      if (!Convert(raw, 0, name.c_str(), text, error, &replaced) || replaced > MostReplaced(raw) ||
          text.text.find('\0') != std::string::npos)
        continue;
      return GbkIfBetter(raw, Success(name.c_str(), confidence, std::move(text)), candidates);
    }
  if (valid_multibyte >= 4)
    return Failure("invalid UTF-8 at offset " + std::to_string(bad_utf8) + " and not decodable as GB18030 or Big5");
  return Failure("undecodable: not UTF-8, GB18030, Big5 or UTF-16 (" + first_error + ")");
}

}  // namespace pledge
