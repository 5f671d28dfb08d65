// HTML → visible text, with every byte still mapped to the raw file.
//
// Contract:
//   HtmlToText(decoded) parses the decoded page with gumbo (an HTML5 parser, not regexes) and
//   returns the text a reader sees: the <title>, then the text of the body in document order,
//   with a line break at <br> (a blank line at a second <br> in a row, <br><br>, the paragraph
//   break of pages set with <br> alone) and a blank line (a paragraph end) at every other block element
//   (p, div, li, h1–h6, tr, …). A table row's cells are paragraphs of their own, except in a row of
//   figures (rules/table_rows.h) or its header, and in a row of labels and values (发文机关： |
//   某市人民政府), where one space sets them apart as in a plain-text page.
//   A site's menu (a block of three or more short links with only separators between them:
//   首页 | 政务公开 | 互动交流) is dropped like script: it is the site's, never the document's, and
//   as lines of their own its items would read as headings. The raw page keeps it.
//   Script, style, noscript and template content is dropped. Text is taken verbatim from the
//   source, but for the collapsible white space (spaces, tabs, line breaks) where a line starts,
//   which a browser does not show (the source's line break after a <br>) (entities
//   are left for the normalizer, which decodes and logs them), so to_raw stays exact; each
//   inserted line break or cell space maps to the start of the tag that caused it.
//   LooksLikeHtml tells whether a document should go through it (by name or by its first tag).
//
//   MeasureHtml(html, limit) tells how deep a page's elements nest, as a tree builder would
//   nest them, closely enough to find a page no site serves: end tags close what they enclose,
//   a start tag of p, li, dt, dd, td, th, tr, option or a closes an open one of its kind (p: any
//   block does), void elements and script, style and comments nest nothing. It also tells the
//   most attributes one tag has. It stops counting past `limit`. gumbo checks the open elements
//   at every tag and every attribute against the tag's others, so its time grows with the
//   square of either (200,000 nested <div> took minutes; 20,000 attributes on a tag a second);
//   no real page comes near kMaxHtmlDepth or kMaxHtmlAttributes (tables of tables nest a few
//   dozen deep). Past either, a page is read as plain text, tags and all (the normalizer strips
//   tags), and flagged.
#pragma once

#include <cstddef>
#include <string_view>

#include "pipeline/tracked_text.h"

namespace pledge {

bool LooksLikeHtml(std::string_view path, std::string_view decoded_text);
TrackedText HtmlToText(const TrackedText& decoded);

inline constexpr size_t kMaxHtmlDepth = 10'000;
inline constexpr size_t kMaxHtmlAttributes = 1'000;
struct HtmlShape {
  size_t depth = 0;            // elements open at the deepest point
  size_t most_attributes = 0;  // on any one tag
};
HtmlShape MeasureHtml(std::string_view html, size_t limit);

}  // namespace pledge
