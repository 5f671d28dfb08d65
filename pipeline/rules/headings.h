// Heading markers of Chinese official documents, shared by hard_wrap (a heading line ends
// without punctuation and must keep its line break) and the segmenter (section paths).
//
//   level 1  一、  二、 …            level 3  1、  1.  1．
//   level 2  （一） (一)             level 4  （1） (1)
//   level 0  第四篇： 第二章 第三部分 … (articles and chapters)
#pragma once

#include <string_view>

namespace pledge {

struct HeadingMarker {
  int level = -1;          // -1: not a heading
  std::string_view text;   // the marker itself, e.g. "二、", "（一）", "第四篇"
};

// The heading marker at the very start of `line`, if any.
HeadingMarker HeadingAt(std::string_view line);

// 第二节, 第四条, 第三款 at the very start of `line`: the units of laws and regulations, or "".
// They are not headings (an article is body text, and its line wraps like any other), but they
// nest the sections of a law (segment.h: 第二章 > 第四条 > （一）).
std::string_view LawUnitAt(std::string_view line);

// 专栏1, 表2, 图3, 附件4, 附表一 at the very start of `line`: the label and number of a box, a
// table, a figure or an attachment, or "". Shared by whitespace (the space after it stays) and
// hard_wrap (a line that starts with one titles what follows).
std::string_view NumberedLabelAt(std::string_view line);

// Whether the text from the start of the line holding `at` (past its indent) up to `at` is the
// number of an article or a chapter or a label (第一条, 第一章, 专栏1, 表2): the space at `at`
// then sets the number apart from its text (第一条　为了…) and stays. Shared by the character
// map (such a U+3000 is kept) and whitespace (such a space is not closed up).
bool OpensLineAsNumber(std::string_view text, size_t at);

// Whether the text from the start of the line holding `at` (past its indent) up to `at` is a
// news story's dateline: 新华社北京3月5日电, 本报讯, with its reporters in brackets
// (…日电（记者 张某某）). News agencies set the story's text apart from it with one U+3000
// (新华社北京3月5日电　国务院…), which then stays, as the space after an article's number does.
bool OpensLineAsDateline(std::string_view text, size_t at);
// Whether it may be one once the characters are repaired (3⽉5⽇电 with a PDF's Kangxi 月 and
// 日): the line up to `at` is short and ends as a dateline does (电, 讯, a closing bracket).
bool MayOpenLineAsDateline(std::string_view text, size_t at);
// The bytes of the dateline (and the indent before it) that opens `line`, or 0.
size_t DatelineEnd(std::string_view line);

// A short heading set with U+3000 between its characters, as laws and documents print them
// (总　　则, 第一章　总　　则, 目　　录): past the line's indent and an opening number with its
// space, two to four hanzi, each pair set apart by one to three U+3000, and nothing else.
// Its spaces are typography, kept as written (the spaces of 政 府 工 作 报 告 are a PDF's).
bool IsLetterSpacedHeading(std::string_view line);
// Whether the line of `text` holding the byte at `at` is one: a bounded look, since such a line
// is short (a long line is not looked at whole).
bool InLetterSpacedHeading(std::string_view text, size_t at);

// 联系人：王某某　　联系电话：0571-…, 某市人民政府办公室　　2024年5月20日印发: two or more U+3000
// set the fields of a line apart as the document laid them out, where what follows them (at
// `at`) is the next field's key (a few hanzi and ：) or the date a colophon or signature line
// ends in. Shared by the character map (the run is kept) and whitespace (not closed up).
bool FieldFollows(std::string_view text, size_t at);
// Whether the date a colophon ends in (2024年5月20日印发) starts at `at`, wherever its line ends
// (a wrong join may have run the next sentence onto it).
bool IssueDateFollows(std::string_view text, size_t at);

}  // namespace pledge
