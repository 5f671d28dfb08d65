#include "pipeline/process_document.h"

#include "extractors/extract_quantities.h"
#include "extractors/extract_table_row.h"
#include "extractors/full_width.h"
#include "pipeline/html_text.h"
#include "pipeline/read_file.h"

namespace pledge {

ProcessedDocument QuarantinedDocument(std::string path, std::string raw, std::string reason) {
  ProcessedDocument doc;
  doc.path = std::move(path);
  doc.sha256 = Sha256Hex(raw);
  doc.raw = std::move(raw);
  doc.error = std::move(reason);
  return doc;
}

namespace {

// Everything but the raw bytes, which the caller moves in once nothing can throw.
ProcessedDocument Process(const std::string& path, const std::string& raw) {
  DecodedText decoded = DecodeBytes(raw);
  if (!decoded.ok) return QuarantinedDocument(path, "", decoded.error);

  ProcessedDocument doc;
  doc.path = path;
  doc.encoding = decoded.Label();
  // Web pages: the visible text only, still mapped to the raw HTML bytes. A page shaped past
  // any real one is read as text (see MeasureHtml) rather than left to a parser whose time
  // grows with the square of its depth or of a tag's attributes.
  const bool html = LooksLikeHtml(doc.path, decoded.text.text);
  HtmlShape shape;
  if (html) shape = MeasureHtml(decoded.text.text, std::max(kMaxHtmlDepth, kMaxHtmlAttributes));
  const bool too_deep = shape.depth > kMaxHtmlDepth, too_many_attributes = shape.most_attributes > kMaxHtmlAttributes;
  const bool parse = html && !too_deep && !too_many_attributes;
  doc.normalized = parse ? NormalizeText(HtmlToText(decoded.text), &decoded.text) : NormalizeText(decoded.text);
  if (too_deep) doc.normalized.flags.push_back("html_too_deep");
  if (too_many_attributes) doc.normalized.flags.push_back("html_too_many_attributes");
  const TrackedText& text = doc.normalized.text;
  doc.status = ProcessedDocument::Status::Loaded;

  // A text that sets its figures full width (１２．５％) is segmented through a copy with ASCII
  // figures, which is what the table and heading tests read; spans are mapped back.
  std::optional<FoldedFigures> folded = FoldFullWidthFigures(text.text);
  for (Sentence& s : SegmentText(folded ? std::string_view(folded->text) : std::string_view(text.text))) {
    if (folded) {
      s.start = folded->to_original[s.start];
      s.end = folded->to_original[s.end];
    }
    SentenceRecord record;
    record.raw_start = text.to_raw[s.start];
    record.raw_end = text.to_raw[s.end];
    record.text = text.text.substr(s.start, s.end - s.start);
    record.sentence = std::move(s);
    size_t index = doc.sentences.size();
    // A table row is read by column; one whose units cannot be told is read as a sentence.
    std::vector<Quantity> quantities;
    if (record.sentence.table_row)
      quantities = ExtractTableRow(record.text, record.sentence.table_header, record.sentence.context);
    if (quantities.empty()) quantities = ExtractQuantities(record.text, record.sentence.context);
    for (Quantity& q : quantities) {
      CommitmentRecord c;
      c.sentence_index = index;
      q.start += record.sentence.start;
      q.end += record.sentence.start;
      c.raw_start = text.to_raw[q.start];
      c.raw_end = text.to_raw[q.end];
      c.quantity = std::move(q);
      doc.commitments.push_back(std::move(c));
    }
    doc.sentences.push_back(std::move(record));
  }
  return doc;
}

}  // namespace

ProcessedDocument ProcessDocument(std::string path, std::string raw) {
  ProcessedDocument doc;
  try {
    doc = Process(path, raw);
  } catch (const std::bad_alloc&) {
    throw;  // the machine's trouble, not the document's
  } catch (const std::exception& e) {
    return QuarantinedDocument(std::move(path), std::move(raw), std::string("internal error: ") + e.what());
  }
  doc.sha256 = Sha256Hex(raw);
  doc.raw = std::move(raw);
  return doc;
}

}  // namespace pledge
