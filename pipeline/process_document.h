// The pipeline for one document: decode → (html → text) → normalize → segment → extract.
//
// Contract:
//   ProcessDocument(path, raw) is a pure function of its inputs (the same bytes always give
//   the same result, whichever thread runs it) and never throws for bad input: a document that
//   cannot be decoded comes back with status Quarantined and a reason. A fault of pledge's own
//   that one document's text sets off (a rule's logic error, thrown as std::logic_error or
//   out_of_range) quarantines that document too, with the reason `internal error: …`, so one
//   file never stops a run; running out of memory still throws. Every span it returns
//   carries both coordinates: norm_* into `normalized.text.text` and raw_* into `raw`, with
//   raw[raw_start, raw_end) the original bytes of that span.
#pragma once

#include <string>
#include <vector>

#include "extractors/quantity.h"
#include "pipeline/decode.h"
#include "pipeline/normalize.h"
#include "pipeline/segment.h"

namespace pledge {

// The pipeline version stored with every document; documents of another version are stale.
inline constexpr const char* kPipelineVersion = PLEDGE_PIPELINE_VERSION;

struct SentenceRecord {
  Sentence sentence;                  // norm span, article, section
  uint32_t raw_start = 0, raw_end = 0;
  std::string text;
};

struct CommitmentRecord {
  size_t sentence_index = 0;          // into ProcessedDocument::sentences
  Quantity quantity;                  // start/end here are norm offsets (whole text)
  uint32_t raw_start = 0, raw_end = 0;
};

struct ProcessedDocument {
  enum class Status { Loaded, Quarantined } status = Status::Quarantined;
  std::string path;
  std::string raw;
  std::string sha256;
  std::string error;     // quarantine reason
  std::string encoding;  // DecodedText::Label()
  NormalizedText normalized;
  std::vector<SentenceRecord> sentences;
  std::vector<CommitmentRecord> commitments;
};

// A document whose bytes could not even be read: quarantined with that reason.
ProcessedDocument QuarantinedDocument(std::string path, std::string raw, std::string reason);

ProcessedDocument ProcessDocument(std::string path, std::string raw);

}  // namespace pledge
