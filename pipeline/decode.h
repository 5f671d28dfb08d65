// Decode: raw file bytes → UTF-8 text whose every byte maps back to the raw bytes.
//
// Contract:
//   DecodeBytes(raw) never throws on bad input; it returns a value with `ok == false` and a
//   reason naming what is wrong (empty, binary, undecodable, with the byte offset) instead.
//   Detection order: BOM (UTF-8, UTF-16LE/BE) → valid UTF-8 → ICU charset detection limited to
//   the encodings Chinese documents really use (GB18030 ⊃ GBK ⊃ GB2312, Big5, UTF-16) with
//   strict conversion (no substitution: a byte that does not convert rejects that candidate).
//   A file that starts as UTF-8 and turns into something else (concatenated pages), or one no
//   encoding reads whole that has well-formed UTF-8 lines of Chinese (a GBK page, then a UTF-8
//   one), is read line by line, each line that is not UTF-8 (or reads as GBK only: 通知 is
//   well-formed UTF-8 by chance) as GB18030: encoding "UTF-8+GB18030".
//   A short file (≤ 4 KB) is read with every candidate, and the reading that looks most like
//   Chinese text (common hanzi, pipeline/common_hanzi.h) wins: ICU needs more text than that.
//   On success `text.to_raw` maps each UTF-8 byte to the raw offset of the character it came
//   from, so offsets stay exact in GBK or UTF-16 files; a BOM is consumed (it maps nowhere).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/tracked_text.h"

namespace pledge {

struct DecodedText {
  bool ok = false;
  std::string error;       // why decoding failed, when !ok
  std::string encoding;    // ICU canonical name, e.g. "UTF-8", "GB18030", "UTF-16LE"
  int confidence = 0;      // 0–100; 100 for a BOM or valid UTF-8
  TrackedText text;

  // documents.encoding: the name and how sure we are, e.g. "GB18030; confidence=62".
  std::string Label() const;
};

DecodedText DecodeBytes(std::string_view raw);

}  // namespace pledge
