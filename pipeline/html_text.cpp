#include "pipeline/html_text.h"

#include <gumbo.h>
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline/rules/table_rows.h"
#include "pipeline/unicode_util.h"

namespace pledge {
namespace {

// Text of spaces alone, written or as entities: Word's empty paragraph (<p><o:p>&nbsp;</o:p></p>)
// is the page's spacing, not a line of text.
bool SpacesOnly(std::string_view text) {
  static const RE2 spaces(R"((?:\s|\x{A0}|\x{3000}|&(?:nbsp|ensp|emsp|thinsp|#160|#[xX][aA]0|#12288);?)*)");
  return RE2::FullMatch(text, spaces);
}

bool IsHidden(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_OBJECT;
}

bool IsBlock(GumboTag tag);

bool IsRawTextElement(GumboTag tag);

// Text whose tags are its own: in an element the tokenizer reads as text up to its end tag, and
// after <plaintext>. A browser shows <textarea>A<y>B</textarea> as A<y>B.
bool HoldsLiteralText(const GumboNode* node) {
  return node && node->type == GUMBO_NODE_ELEMENT &&
         (IsRawTextElement(node->v.element.tag) || node->v.element.tag == GUMBO_TAG_PLAINTEXT);
}

// Text a page hides inside its lines: forum software scatters random characters among a post's
// words to spoil copying and hides them (Discuz!'s <font class="jammer">2 t0 d2 Y7</font>, or
// <span style="display:none">). Such an element is dropped. A hidden block is kept: pages hide
// tab panels and "read more" parts the same way, and they are the page's text. Stylesheets are
// not evaluated; the jammer class is hidden by the forum's own.
bool HiddenInline(const GumboElement& e) {
  if (const GumboAttribute* cls = gumbo_get_attribute(&e.attributes, "class")) {
    std::string_view classes(cls->value);
    for (size_t at = classes.find("jammer"); at != std::string_view::npos; at = classes.find("jammer", at + 1)) {
      bool starts = at == 0 || std::isspace(static_cast<unsigned char>(classes[at - 1]));
      bool ends = at + 6 == classes.size() || std::isspace(static_cast<unsigned char>(classes[at + 6]));
      if (starts && ends) return true;
    }
  }
  if (IsBlock(e.tag) || e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) return false;
  if (gumbo_get_attribute(&e.attributes, "hidden")) return true;
  if (const GumboAttribute* style = gumbo_get_attribute(&e.attributes, "style")) {
    std::string css;
    for (const char* c = style->value; *c; ++c)
      if (!std::isspace(static_cast<unsigned char>(*c))) css += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
    if (css.find("display:none") != std::string::npos || css.find("visibility:hidden") != std::string::npos) return true;
  }
  return false;
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TITLE: case GUMBO_TAG_BODY: case GUMBO_TAG_HR: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_DL: case GUMBO_TAG_CAPTION: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

bool IsCell(GumboTag tag) { return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH; }

// What an element's visible text is made of: how much lies inside links and how much outside.
struct LinkStats {
  int links = 0;              // links with text
  size_t longest_link = 0;    // characters of the longest link text
  size_t text_outside = 0;    // characters outside links, separators (| > » / · and spaces) aside
};

size_t Characters(std::string_view text) {  // UTF-8 code points
  return std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// Text between a menu's links: spaces of any kind (ICU) and separator marks only. `text` is as
// gumbo decoded it (&gt; is >, &nbsp; a space).
bool IsSeparatorText(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    UChar32 c = Utf8At(text, i, &i);
    bool separator = c == '|' || c == U'｜' || c == '>' || c == U'＞' || c == U'»' || c == '/' || c == U'·' || c == U'•';
    if (!separator && !u_isUWhiteSpace(c)) return false;
  }
  return true;
}

// A site's menu: three links or more with short texts and nothing between them but separators
// (首页 | 政务公开 | 互动交流). A link-density test, as boilerplate detectors (boilerpipe, jusText)
// use: the page's own text is not made of short links.
bool IsMenu(const LinkStats& stats) { return stats.links >= 3 && stats.text_outside == 0 && stats.longest_link <= 12; }

class Extractor {
 public:
  explicit Extractor(const TrackedText& decoded) : decoded_(decoded) {}

  // Link statistics of an element, computed once per element (a menu test at every level of
  // nested blocks must not rescan the subtree each time). Without recursion, like every walk
  // here: elements nested 200,000 deep (<b><b><b>…) overflowed the stack.
  const LinkStats& StatsOf(const GumboNode* root) {
    if (auto found = link_stats_.find(root); found != link_stats_.end()) return found->second;
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
      bool counted;  // its children's text counts: no link, not hidden
    };
    auto frame_of = [](const GumboNode* node) {
      const GumboElement& e = node->v.element;
      return Frame{node, 0, e.tag != GUMBO_TAG_A && !IsHidden(e.tag) && !HiddenInline(e)};
    };
    std::vector<Frame> stack{frame_of(root)};
    while (!stack.empty()) {
      Frame& top = stack.back();
      const GumboElement& e = top.node->v.element;
      if (top.counted && top.next_child < e.children.length) {  // the element children first
        const GumboNode* child = static_cast<const GumboNode*>(e.children.data[top.next_child++]);
        if ((child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) && !link_stats_.count(child))
          stack.push_back(frame_of(child));  // `top` is not used again before the loop comes back
        continue;
      }
      LinkStats stats;
      if (e.tag == GUMBO_TAG_A) {
        size_t characters = TextCharacters(top.node);
        if (characters > 0) stats.links = 1, stats.longest_link = characters;
      } else if (top.counted) {
        for (unsigned i = 0; i < e.children.length; ++i) {
          const GumboNode* child = static_cast<const GumboNode*>(e.children.data[i]);
          if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) {
            const LinkStats& inner = link_stats_.at(child);
            stats.links += inner.links;
            stats.longest_link = std::max(stats.longest_link, inner.longest_link);
            stats.text_outside += inner.text_outside;
          } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
            std::string_view text(child->v.text.text);
            if (!IsSeparatorText(text)) stats.text_outside += Characters(text);
          }
        }
      }
      link_stats_.emplace(top.node, stats);
      stack.pop_back();
    }
    return link_stats_.at(root);
  }
  static size_t TextCharacters(const GumboNode* root) {
    size_t n = 0;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        n += Characters(node->v.text.text);  // as gumbo decoded it, like the text around links
      } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
        for (unsigned i = 0; i < node->v.element.children.length; ++i)
          stack.push_back(static_cast<const GumboNode*>(node->v.element.children.data[i]));
      }
    }
    return n;
  }

  // The page in document order: each node entered (Enter) and, once its children are done,
  // left (Leave). An explicit stack, not recursion, for the same reason as StatsOf.
  void Walk(const GumboNode* root) {
    Enter(root);
    while (!walk_.empty()) {
      Open& top = walk_.back();
      const GumboVector& children =
          top.node->type == GUMBO_NODE_DOCUMENT ? top.node->v.document.children : top.node->v.element.children;
      if (top.next_child < children.length) {
        Enter(static_cast<const GumboNode*>(children.data[top.next_child++]));  // may push: `top` is done with
        continue;
      }
      Leave(top);
      walk_.pop_back();
    }
  }

  // An element (or the document) whose children are being walked.
  struct Open {
    const GumboNode* node;
    unsigned next_child = 0;
    bool block = false, paragraph = false;
    size_t row_start = 0, row_separators = 0;
  };

  void Enter(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        walk_.push_back({node});
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& e = node->v.element;
        if (IsHidden(e.tag) || HiddenInline(e)) return;
        bool block = IsBlock(e.tag);
        if (block && e.tag != GUMBO_TAG_BODY && IsMenu(StatsOf(node))) return;
        // A line break (<br>) ends a line; any other block ends a paragraph: a blank line,
        // which hard_wrap never joins (a paragraph's end may look like a wrap: a title, a
        // menu, a heading without punctuation). A table row is a paragraph. Its cells are
        // lines, except in a row of figures (rules/table_rows.h), whose cells are separated
        // by a space as in a plain-text table: as lines, 9800 / 12000 were joined like a wrap
        // and read 980012000.
        bool paragraph = block && e.tag != GUMBO_TAG_BR;
        // A <br> on a line a <br> already ended (<br><br>) leaves a blank line on the page: the
        // paragraph break of sites that set their text with <br> alone.
        if (e.tag == GUMBO_TAG_BR && !out_.text.empty() && out_.text.back() == '\n' && last_break_was_br_) paragraph = true;
        last_break_was_br_ = e.tag == GUMBO_TAG_BR;
        if (block) Break(e.start_pos.offset, paragraph);
        if (IsCell(e.tag)) SeparateCell(e.start_pos.offset);
        pre_depth_ += e.tag == GUMBO_TAG_PRE || e.tag == GUMBO_TAG_TEXTAREA;
        walk_.push_back({node, 0, block, paragraph, out_.text.size(), cell_separators_.size()});
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA: {
        const GumboText& t = node->v.text;
        // The source text exactly as written (entities included), at its source offset.
        size_t offset = t.start_pos.offset, length = t.original_text.length;
        if (offset + length > decoded_.text.size() || length == 0) return;
        if (t.original_text.data != decoded_.text.data() + offset) return;  // parser-inserted text
        // Spaces alone where a line would start (an empty paragraph's &nbsp;) leave no line.
        const bool line_start = out_.text.empty() || out_.text.back() == '\n';
        if (line_start && SpacesOnly(std::string_view(t.original_text.data, length))) return;
        // The source's own line breaks and spaces where a line starts (…，<br>⏎生活污水…) are
        // HTML's collapsible white space, which a browser never shows at a line's start: kept,
        // the break after <br> became a blank line, a paragraph's end. &nbsp; is no such space,
        // and in <pre> white space is the text's own.
        if (line_start && pre_depth_ == 0) {
          size_t skip = std::string_view(t.original_text.data, length).find_first_not_of(" \t\r\n\f");
          offset += skip, length -= skip;  // not npos: white space alone returned above
        }
        if (HoldsLiteralText(node->parent)) {
          Append(offset, length);
          break;
        }
        // Tags gumbo read without making a node (</body></html> after an element left open:
        // <p>…。</body>) stay inside the text node's source span; they are no text.
        const std::string_view source = std::string_view(decoded_.text).substr(0, offset + length);
        auto opens_tag = [&](size_t at) {  // < and a letter, / or !: a tag (a < alone is text)
          return at + 1 < source.size() &&
                 (std::isalpha(static_cast<unsigned char>(source[at + 1])) || source[at + 1] == '/' || source[at + 1] == '!');
        };
        for (size_t at = offset; at < source.size();) {
          size_t tag = source.find('<', at);
          while (tag != std::string_view::npos && !opens_tag(tag)) tag = source.find('<', tag + 1);
          size_t piece_end = std::min(tag, source.size());
          if (piece_end > at) Append(at, piece_end - at);
          if (tag == std::string_view::npos) break;
          size_t close = source.find('>', tag);
          at = close == std::string_view::npos ? source.size() : close + 1;
        }
        break;
      }
      default:  // comments, whitespace between tags
        break;
    }
  }

  TrackedText Finish() {
    SettleHeader(false);
    // Drop a trailing break; close the map at the end of the raw file.
    while (!out_.text.empty() && out_.text.back() == '\n') {
      out_.text.pop_back();
      out_.to_raw.pop_back();
    }
    if (!out_.text.empty()) {
      out_.text.push_back('\n');
      out_.to_raw.push_back(last_raw_);
    }
    out_.to_raw.push_back(decoded_.to_raw.back());
    return std::move(out_);
  }

 private:
  void Append(size_t offset, size_t length) {
    if (offset < cursor_) return;  // never go backwards: the map must stay monotonic
    out_.text.append(decoded_.text, offset, length);
    out_.to_raw.insert(out_.to_raw.end(), decoded_.to_raw.begin() + offset, decoded_.to_raw.begin() + offset + length);
    cursor_ = offset + length;
    last_raw_ = decoded_.to_raw[offset + length - 1];
  }
  void Break(size_t offset, bool paragraph) {
    if (out_.text.empty() || offset < cursor_) return;
    bool line_open = out_.text.back() != '\n';
    bool paragraph_open = paragraph && (line_open || out_.text.size() < 2 || out_.text[out_.text.size() - 2] != '\n');
    if (!line_open && !paragraph_open) return;
    RawOffset raw = std::max(decoded_.to_raw[std::min(offset, decoded_.text.size())], last_raw_);
    for (int k = (line_open ? 1 : 0) + (paragraph_open ? 1 : 0); k > 0; --k) {
      out_.text.push_back('\n');
      out_.to_raw.push_back(raw);
    }
    last_raw_ = raw;
    cursor_ = offset;
  }

  // A cell that starts on a line with text already on it is set off by one space.
  void SeparateCell(size_t offset) {
    if (out_.text.empty() || out_.text.back() == '\n' || out_.text.back() == ' ' || offset < cursor_) return;
    RawOffset raw = std::max(decoded_.to_raw[std::min(offset, decoded_.text.size())], last_raw_);
    cell_separators_.push_back(out_.text.size());
    out_.text.push_back(' ');
    out_.to_raw.push_back(raw);
    last_raw_ = raw;
    cursor_ = offset;
  }
  // A row that does not read as a row of figures puts its cells on lines of their own (a
  // heading cell, （一）教育提质, keeps its line instead of running into the next cell), unless
  // it is the header of the rows of figures after it: that is known only at the next row.
  void EndRow(size_t row_start, size_t row_separators) {
    row_start = std::min(row_start, out_.text.size());
    std::string_view row = std::string_view(out_.text).substr(row_start);
    std::vector<size_t> separators(cell_separators_.begin() + row_separators, cell_separators_.end());
    cell_separators_.resize(row_separators);
    // A row of labels and values (索引号： | 1133… | 发文机关： | 某市人民政府) is one line, as the
    // same fields are in a plain-text page; as lines, each label was cut from its value.
    bool fields = std::any_of(separators.begin(), separators.end(), [&](size_t at) {
      std::string_view before = std::string_view(out_.text).substr(0, at);
      return before.ends_with("：") || before.ends_with(":");
    });
    if (fields) {
      SettleHeader(false);
      return;
    }
    bool figures = rules::IsTableRow(row);
    if (header_) {
      std::string_view header = std::string_view(out_.text).substr(header_->start, header_->end - header_->start);
      // The header lies before this row: what settling it inserts moves this row along.
      size_t inserted = SettleHeader(figures && rules::IsTableHeader(header, row));
      row_start += inserted;
      for (size_t& at : separators) at += inserted;
    }
    if (!figures) header_ = Row{row_start, out_.text.size(), std::move(separators)};
  }
  // The row waiting to know whether it heads rows of figures keeps its spaces, or its cells
  // become paragraphs of their own: a blank line between them, as between the paragraphs of the
  // page, so that no cell is taken for a line its neighbour wraps onto ((一)教育提质 | 新建…).
  // Returns the number of bytes inserted.
  size_t SettleHeader(bool heads_figures) {
    size_t inserted = 0;
    if (header_ && !heads_figures) {
      for (auto it = header_->separators.rbegin(); it != header_->separators.rend(); ++it) {
        size_t at = *it;
        out_.text[at] = '\n';
        out_.text.insert(out_.text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
        out_.to_raw.insert(out_.to_raw.begin() + static_cast<std::ptrdiff_t>(at), out_.to_raw[at]);
        ++inserted;
      }
    }
    header_.reset();
    return inserted;
  }

  const TrackedText& decoded_;
  TrackedText out_;
  size_t cursor_ = 0;
  RawOffset last_raw_ = 0;

  void Leave(const Open& open) {
    if (open.node->type == GUMBO_NODE_DOCUMENT) return;
    const GumboElement& e = open.node->v.element;
    pre_depth_ -= e.tag == GUMBO_TAG_PRE || e.tag == GUMBO_TAG_TEXTAREA;
    if (e.tag == GUMBO_TAG_TR) EndRow(open.row_start, open.row_separators);
    if (e.tag == GUMBO_TAG_TABLE) SettleHeader(false);
    if (open.block && e.end_pos.offset > 0) Break(e.end_pos.offset, open.paragraph);
  }

  std::vector<size_t> cell_separators_;  // positions of the spaces set between cells of open rows
  struct Row {
    size_t start, end;
    std::vector<size_t> separators;
  };
  std::optional<Row> header_;  // the last row, if not of figures: a header or a row of words
  bool last_break_was_br_ = false;  // the last block element met was a <br>
  int pre_depth_ = 0;  // how many <pre> (or <textarea>) the walk is inside
  std::unordered_map<const GumboNode*, LinkStats> link_stats_;
  std::vector<Open> walk_;  // the elements Walk is inside, outermost first
};

}  // namespace

bool LooksLikeHtml(std::string_view path, std::string_view text) {
  auto ends_with = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    return std::equal(suffix.rbegin(), suffix.rend(), path.rbegin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  if (ends_with(".html") || ends_with(".htm")) return true;
  std::string head(text.substr(0, 256));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  size_t start = head.find_first_not_of(" \t\r\n");
  return start != std::string::npos && (head.compare(start, 14, "<!doctype html") == 0 || head.compare(start, 5, "<html") == 0);
}

namespace {

bool IsVoidElement(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_BR:
    case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME: case GUMBO_TAG_HR: case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR:
      return true;
    default:
      return false;
  }
}

// Elements whose content is text up to their end tag, tags and all.
bool IsRawTextElement(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE: case GUMBO_TAG_XMP:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

// Start tags after which a paragraph left open cannot go on (HTML's "close a p element").
bool ClosesParagraph(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

}  // namespace

HtmlShape MeasureHtml(std::string_view html, size_t limit) {
  // Tags as gumbo names them (gumbo_tagn_enum: case-insensitive; any unknown tag is one, UNKNOWN).
  std::vector<GumboTag> open;                             // outermost first
  std::array<size_t, GUMBO_TAG_LAST + 1> open_count{};  // how many of each tag are open
  HtmlShape shape;
  auto close_through = [&](GumboTag tag) {  // pops up to and including the innermost `tag`
    if (open_count[tag] == 0) return;
    for (GumboTag top = GUMBO_TAG_LAST; top != tag;) {
      top = open.back();
      open.pop_back();
      --open_count[top];
    }
  };
  auto name_length = [&](size_t at) {
    size_t end = at;
    while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end]))) ++end;
    return end - at;
  };
  auto tag_at = [&](size_t at) { return gumbo_tagn_enum(html.data() + at, static_cast<unsigned>(name_length(at))); };
  for (size_t at = html.find('<'); at != std::string_view::npos && shape.depth <= limit && shape.most_attributes <= limit;
       at = html.find('<', at + 1)) {
    if (html.compare(at, 4, "<!--") == 0) {
      size_t end = html.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      at = end + 2;
      continue;
    }
    if (at + 1 >= html.size()) break;
    bool end_tag = html[at + 1] == '/';
    size_t name_start = at + (end_tag ? 2 : 1);
    if (name_start >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_start]))) continue;
    const GumboTag tag = tag_at(name_start);
    size_t tag_end = html.find('>', name_start);
    if (tag_end == std::string_view::npos) break;
    if (end_tag) {
      close_through(tag);
      at = tag_end;
      continue;
    }
    if (IsRawTextElement(tag)) {  // its text holds no tags: on to its end tag
      size_t close = tag_end;
      for (;;) {
        close = html.find("</", close + 1);
        if (close == std::string_view::npos || (close + 2 < html.size() && tag_at(close + 2) == tag)) break;
      }
      if (close == std::string_view::npos) break;
      at = close + 1;
      continue;
    }
    // Its attributes: the runs between spaces, outside quoted values (a = "x" is one).
    size_t attributes = 0;
    char quote = 0;
    bool in_run = false;
    for (size_t k = name_start + name_length(name_start); k < tag_end && attributes <= limit; ++k) {
      char c = html[k];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        continue;
      }
      bool space = std::isspace(static_cast<unsigned char>(c)) || c == '/';
      if (!space && !in_run && c != '=') ++attributes;
      in_run = !space;
    }
    shape.most_attributes = std::max(shape.most_attributes, attributes);
    at = tag_end;
    if (IsVoidElement(tag) || html[tag_end - 1] == '/') continue;
    if (ClosesParagraph(tag)) close_through(GUMBO_TAG_P);
    if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_A || tag == GUMBO_TAG_TR) close_through(tag);
    if (tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD) close_through(open_count[GUMBO_TAG_DT] ? GUMBO_TAG_DT : GUMBO_TAG_DD);
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) close_through(open_count[GUMBO_TAG_TD] ? GUMBO_TAG_TD : GUMBO_TAG_TH);
    open.push_back(tag);
    ++open_count[tag];
    shape.depth = std::max(shape.depth, open.size());
  }
  return shape;
}

TrackedText HtmlToText(const TrackedText& decoded) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, decoded.text.data(), decoded.text.size());
  Extractor extractor(decoded);
  extractor.Walk(output->document);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return extractor.Finish();
}

}  // namespace pledge
