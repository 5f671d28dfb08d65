#include "pipeline/segment.h"

#include "pipeline/rules/headings.h"
#include "pipeline/rules/table_rows.h"
#include "pipeline/unicode_util.h"

namespace pledge {
namespace {

const char* ChineseNumeral(int n) {
  static const char* kNumerals[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
  return n >= 0 && n <= 20 ? kNumerals[n] : nullptr;
}

std::string ArticleLabel(int article) {
  const char* numeral = ChineseNumeral(article);
  return numeral ? std::string("第") + numeral + "篇" : "第" + std::to_string(article) + "篇";
}

bool ClosesSentenceTail(UChar32 c) {  // characters that belong to the sentence they follow
  return c == 0x201D || c == 0x2019 || c == 0xFF09 || c == 0x300B || c == 0x3011 || c == ')' || c == '"';
}

// Heading levels inside a chapter, spaced so that the units of laws fit between those of
// rules/headings.h: 第一节 (a chapter's section), 第一条 (an article), 第二款 (its paragraph), then
// 一、 （一） 1、 （1）.
constexpr int kLevelStep = 10;
constexpr int kLawSectionLevel = 2;
constexpr int kLawArticleLevel = 5;
constexpr int kLawClauseLevel = 6;

struct SectionState {
  int article = 0;
  int article_sentences = 0;  // sentences so far in the current article
  std::string article_label;
  std::string article_title;  // the article's first sentence, when it reads as a title
  // The first article's title, and whether the current article is a chapter of that document
  // (第三章, 第二编 open articles as 第四篇 does, but a chapter of a 规划纲要 is still about it).
  std::string document_title;
  bool chapter_of_document = false;
  struct Open { int level; std::string marker, text; };
  std::vector<Open> headings;

  void NewArticle(std::string label) {
    chapter_of_document = !label.empty() && !std::string_view(label).ends_with("篇");
    ++article;
    article_sentences = 0;
    article_label = label.empty() ? ArticleLabel(article) : std::move(label);
    headings.clear();
    article_title.clear();
  }
  void Heading(int level, std::string_view marker, std::string_view text) {
    while (!headings.empty() && headings.back().level >= level) headings.pop_back();
    headings.push_back({level, std::string(marker), std::string(text)});
  }
  std::string Context() const {
    std::string context = article_title;
    if (chapter_of_document && article > 1 && !document_title.empty())
      context = document_title + (context.empty() ? "" : " / ") + context;
    for (const auto& h : headings) context += (context.empty() ? "" : " / ") + h.text;
    return context;
  }
  std::string Path() const {
    std::string path = article_label;
    for (const auto& h : headings) path += " > " + h.marker;
    return path;
  }
};

}  // namespace

namespace {

// Whether an indent of ASCII spaces marks a new article. In a page of concatenated articles the
// indented lines are the few where articles begin (fewer than one line in four: the seed's are
// 3 of 43); in a document that indents its paragraphs an indent is only layout, though its
// titles, headings and table rows are flush (a third of its lines or more may be). So is
// Chinese typography's indent, U+3000 (　　 at each paragraph's start), which normalization
// keeps as written: it never marks an article.
bool IndentsMarkArticles(std::string_view text) {
  size_t lines = 0, indented = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!TrimSpaces(line).empty()) {
      ++lines;
      indented += line.starts_with(' ');
    }
    start = end + 1;
  }
  return indented * 4 < lines;
}

}  // namespace

std::vector<Sentence> SegmentText(std::string_view text) {
  std::vector<Sentence> sentences;
  SectionState state;
  const bool indents_mark_articles = IndentsMarkArticles(text);
  size_t line_start = 0;
  bool first_line = true;
  std::string table_header;  // the header line of the table being read, if any
  while (line_start < text.size()) {
    size_t nl = text.find('\n', line_start);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(line_start, line_end - line_start);

    size_t content = SkipSpaces(line, 0);
    while (content < line.size() && line[content] == '\r') content = SkipSpaces(line, content + 1);
    std::string_view body = line.substr(content);
    if (!body.empty()) {
      // Tables: a header over rows is remembered for the rows; any other line ends the table.
      // The next line with text: a web page's table puts a blank line between rows.
      std::string_view next_line;
      if (nl != std::string_view::npos) {
        size_t from = nl + 1;
        while (from < text.size() && (text[from] == '\n' || text[from] == '\r' || SpaceAt(text, from) > 0))
          from += text[from] == '\n' || text[from] == '\r' ? 1 : SpaceAt(text, from);
        next_line = text.substr(from, rules::kLongestTableRow + 1);
        next_line = next_line.substr(0, next_line.find('\n'));
      }
      bool header_line = rules::IsTableHeader(body, next_line);
      bool table_row = !header_line && rules::IsTableRow(body);
      if (header_line) table_header = std::string(body);
      else if (!table_row) table_header.clear();
      HeadingMarker heading = HeadingAt(body);
      // An indented line opens a new article, except right after a document's title line.
      bool after_title_only = state.article_sentences <= 1 && !first_line;
      if (first_line || (indents_mark_articles && line.starts_with(' ') && heading.level != 0 && !after_title_only))
        state.NewArticle("");
      if (heading.level == 0) {
        // "第四篇：" opens an article unless it is the title line that just opened one.
        if (!first_line) state.NewArticle(std::string(heading.text));
        else state.article_label = std::string(heading.text);
      }
      first_line = false;

      // Sentences of this line; a heading marker may also start a sentence mid-line
      // ("…新局面。一、抓贴近"), as damaged text often glues headings to paragraphs.
      size_t s = line_start + content, i = s;
      // The paragraph's first sentence (过去一年，… / 今年的主要目标是：…) tells what the sentences
      // after it are about, as a heading does; a heading is in the context already.
      bool paragraph_started = false;
      std::string paragraph_lead;
      // A sentence that introduces a list with a colon and ends in ；(主要预期目标是：国内生产总值
      // 增长5%左右；) frames the ；-items after it, up to the 。 that ends the list.
      std::string list_frame;
      auto emit = [&](size_t begin, size_t end) {
        std::string_view trimmed = TrimSpaces(text.substr(begin, end - begin));
        if (trimmed.empty()) return;
        begin = static_cast<size_t>(trimmed.data() - text.data());
        end = begin + trimmed.size();
        HeadingMarker h = HeadingAt(text.substr(begin, end - begin));
        std::string_view sentence_text = text.substr(begin, end - begin);
        if (h.level >= 1) {
          state.Heading(h.level * kLevelStep, h.text, sentence_text.substr(0, 120));
        } else if (std::string_view unit = LawUnitAt(sentence_text); !unit.empty()) {
          // 第二节 and 第四条 nest between the chapter and 一、: the items (一)(二) of 第三条 end
          // where 第四条 begins.
          int level = unit.ends_with("节") ? kLawSectionLevel : unit.ends_with("条") ? kLawArticleLevel : kLawClauseLevel;
          state.Heading(level, unit, sentence_text.substr(0, 120));
        }
        if (state.article_sentences == 0 && !IsSentenceEnd(Utf8Before(sentence_text, sentence_text.size(), nullptr))) {
          state.article_title = std::string(sentence_text.substr(0, 120));
          if (state.article == 1) state.document_title = state.article_title;
        }
        std::string context = state.Context();
        if (!paragraph_lead.empty()) context += (context.empty() ? "" : " / ") + paragraph_lead;
        if (!list_frame.empty()) context += (context.empty() ? "" : " / ") + list_frame;
        UChar32 last = Utf8Before(sentence_text, sentence_text.size(), nullptr);
        if (last != 0xFF1B) {
          list_frame.clear();
        } else if (size_t colon = sentence_text.substr(0, 240).find("："); colon != std::string_view::npos) {
          list_frame = std::string(sentence_text.substr(0, colon + std::string_view("：").size()));
        }
        if (!paragraph_started && h.level < 1) paragraph_lead = std::string(sentence_text.substr(0, 90));
        paragraph_started = true;
        sentences.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end), state.article, state.Path(),
                             std::move(context), table_row, table_row ? table_header : std::string()});
        ++state.article_sentences;
      };
      while (i < line_end) {
        UChar32 c = Utf8At(text, i, &i);
        if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B) {
          while (i < line_end) {
            size_t after;
            UChar32 d = Utf8At(text, i, &after);
            if (!ClosesSentenceTail(d) && !(d == 0x3002 || d == 0xFF01 || d == 0xFF1F)) break;
            i = after;
          }
          emit(s, i);
          s = i;
        }
      }
      emit(s, line_end);
    }
    if (nl == std::string_view::npos) break;
    line_start = nl + 1;
  }
  return sentences;
}

}  // namespace pledge
