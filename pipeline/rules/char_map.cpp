// variant_char, width, whitespace (the per-character part): one table lookup per character.
//
// variant_char: font accidents (臵 → 置, 迚 → 进, 亍 → 于: text copied out of a PDF whose font
// maps glyphs to the wrong code points; in a text that shows them, also 戒 → 或 in 字母戒数字
// where the neighbours make it certain), Kangxi
// radicals U+2F00–U+2FD5 and CJK compatibility ideographs → their unified ideograph (ICU NFKC /
// NFC of that one character, so the data is Unicode's), and the CJK Radicals Supplement forms
// that PDF extraction emits for whole characters (⻓ ⻅ ⻔ …), which Unicode does not decompose:
// that table is ours, below; and a list's bullets in a symbol font (U+F0B7, U+F06C …, the
// private-use code points of Word's Symbol and Wingdings) → the glyph they show (•, ●).
// width: full-width digits, Latin letters, ％ and ． → ASCII. Not a blanket NFKC, which would
// also turn ，。：； into ASCII. A text that sets them full width throughout keeps them: the
// pass makes them ASCII for the other rules all the same, and normalize restores them at the end
// (FullWidthTypography below).
// whitespace: zero-width characters and stray BOMs are deleted; NBSP, U+3000, the U+2000 spaces
// and tabs become a plain space (runs are collapsed by the spaces pass). U+3000 stays where
// Chinese typography sets it, which a clean text must keep byte for byte: a line's indent
// (　　为了…), and alone between an article's number and its text (第一条　为了…). An em space
// (U+2003, a page's &emsp;&emsp; indent) is as wide as a hanzi: where U+3000 would stay, it
// becomes U+3000.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bitset>
#include <functional>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "pipeline/rules/headings.h"
#include "pipeline/rules/rule.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

struct Mapping {
  std::string replacement;
  const char* rule;
};

// CJK Radicals Supplement look-alikes → the ordinary ideograph (simplified where the radical
// is the simplified form). Unicode gives no decomposition for these.
constexpr std::pair<UChar32, UChar32> kRadicalSupplement[] = {
    {0x2E80, 0x51AB}, {0x2E81, 0x5382}, {0x2E84, 0x4E59}, {0x2E85, 0x4EBB}, {0x2E86, 0x5182},
    {0x2E87, 0x51E0}, {0x2E89, 0x5202}, {0x2E8A, 0x535C}, {0x2E8B, 0x353E}, {0x2E8C, 0x5C0F},
    {0x2E8D, 0x5C0F}, {0x2E8E, 0x5140}, {0x2E8F, 0x5C23}, {0x2E90, 0x5C22}, {0x2E92, 0x5DF3},
    {0x2E93, 0x5E7A}, {0x2E94, 0x5F50}, {0x2E95, 0x5F51}, {0x2E96, 0x5FC4}, {0x2E97, 0x5FC3},
    {0x2E98, 0x624C}, {0x2E99, 0x6535}, {0x2E9B, 0x65E1}, {0x2E9D, 0x6708}, {0x2E9E, 0x6B7A},
    {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EA1, 0x6C35}, {0x2EA2, 0x6C3A}, {0x2EA3, 0x706C},
    {0x2EA4, 0x722B}, {0x2EA6, 0x4E2C}, {0x2EA7, 0x725B}, {0x2EA8, 0x72AD}, {0x2EA9, 0x738B},
    {0x2EAA, 0x758B}, {0x2EAB, 0x7F52}, {0x2EAC, 0x793A}, {0x2EAD, 0x793B}, {0x2EAE, 0x7AF9},
    {0x2EB2, 0x7F52}, {0x2EB3, 0x7F51}, {0x2EB6, 0x7F8A}, {0x2EB7, 0x7F8A}, {0x2EB8, 0x7F8A},
    {0x2EB9, 0x8002}, {0x2EBA, 0x8080}, {0x2EBB, 0x807F}, {0x2EBC, 0x6708}, {0x2EBD, 0x81FC},
    {0x2EBE, 0x8279}, {0x2EBF, 0x8279}, {0x2EC0, 0x8279}, {0x2EC1, 0x864E}, {0x2EC2, 0x8864},
    {0x2EC3, 0x8980}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2}, {0x2EC8, 0x8BA0},
    {0x2EC9, 0x8D1D}, {0x2ECA, 0x8DB3}, {0x2ECB, 0x8F66}, {0x2ECC, 0x8FB6}, {0x2ECD, 0x8FB6},
    {0x2ECE, 0x8FB6}, {0x2ECF, 0x961D}, {0x2ED0, 0x9485}, {0x2ED1, 0x9577}, {0x2ED2, 0x9578},
    {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED5, 0x961C}, {0x2ED6, 0x961D}, {0x2ED7, 0x96E8},
    {0x2ED8, 0x9752}, {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE},
    {0x2EDD, 0x98DF}, {0x2EDE, 0x98E0}, {0x2EDF, 0x98E0}, {0x2EE0, 0x9963}, {0x2EE1, 0x9996},
    {0x2EE2, 0x9A6C}, {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F},
    {0x2EE7, 0x5364}, {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE}, {0x2EEB, 0x6589},
    {0x2EEC, 0x9F50}, {0x2EED, 0x6B6F}, {0x2EEE, 0x9F7F}, {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99},
    {0x2EF1, 0x9F9C}, {0x2EF2, 0x4E80}, {0x2EF3, 0x9F9F},
};

// Font accidents. A PDF whose embedded font maps its glyphs to the wrong code points gives,
// when its text is copied, a character a few code points below the one printed: 进 → 迚,
// 于 → 亍, 不 → 丌, 的 → 癿 (迚一步, 关亍, 丌断, 我们癿). Each character here is one that modern
// mainland text never uses for itself, so it is repaired wherever it stands. The pairs were read
// off such copies; 臵 → 置 comes from GB2312 fonts that lack 置.
constexpr std::pair<const char*, const char*> kFontAccidents[] = {
    {"臵", "置"}, {"迚", "进"}, {"迕", "进"}, {"丌", "不"}, {"亍", "于"}, {"乊", "之"}, {"乀", "之"},
    {"癿", "的"}, {"觃", "规"}, {"刡", "到"}, {"兲", "关"}, {"幵", "并"}, {"丏", "且"}, {"叐", "受"},
    {"忚", "快"}, {"挃", "指"}, {"劢", "动"}, {"仸", "任"}, {"隑", "隔"}, {"栺", "格"}, {"斱", "方"},
    {"旪", "时"}, {"巟", "工"}, {"吅", "合"}, {"凼", "函"}, {"掍", "接"}, {"迒", "返"}, {"庒", "应"},
    {"収", "发"}, {"挄", "按"}, {"顸", "须"}, {"彔", "录"}, {"叏", "取"}, {"刟", "利"}, {"刢", "制"},
    {"丼", "举"}, {"杢", "来"},
};
// The few words in which one of them is right (彳亍, to walk slowly, in literary quotations).
constexpr const char* kFontAccidentWords[] = {"彳亍"};

// The same accident also turns characters into ones that are common words of their own: 或 → 戒,
// 构 → 极, 连 → 违, 项 → 顷, 设 → 讴. These are repaired only in a text that shows the accident
// (two or more of the characters above), and only where the neighbour makes the reading certain:
// `except` lists the words the character really forms (戒 in 警戒, 讴 in 讴歌), `only` lists the
// garbled words when the character alone is too common to change anywhere else.
struct AmbiguousAccident {
  const char* from;
  const char* to;
  std::vector<const char*> except;  // words in which `from` is right: changed everywhere else
  std::vector<const char*> only;    // words in which `from` is wrong: changed nowhere else
  // Where the font also moved `from` itself (不 → 丌), a text holding two or more of what it
  // became has no real `from` left: every one is an accident, whatever its neighbours.
  const char* displaced_to = nullptr;
};

const std::vector<AmbiguousAccident>& AmbiguousAccidents() {
  static const std::vector<AmbiguousAccident> table = {
      {"戒", "或",
       {"警戒", "惩戒", "劝戒", "为戒", "力戒", "斋戒", "受戒", "破戒", "鉴戒", "告戒", "训戒", "戒备", "戒律",
        "戒严", "戒烟", "戒酒", "戒除", "戒指", "戒骄", "戒躁", "戒心", "戒尺", "戒断", "戒毒", "戒网", "戒条",
        "戒规", "戒惧", "戒绝", "戒具", "戒护", "戒治", "戒坛", "戒色"},
       {}},
      {"讴", "设", {"讴歌", "讴吟"}, {}},
      {"极", "构",
       {},
       {"重极", "结极", "机极", "极建", "极成", "极造", "极筑", "架极", "虚极", "极想", "极件", "极架", "极思"}},
      {"违", "连", {}, {"违续", "违接", "违锁", "违通", "违同", "违年", "违片", "违线", "违任", "违带", "接违", "大违", "违云"}},
      {"顷", "项",
       {},
       {"顷目", "各顷", "事顷", "选顷", "款顷", "条顷", "单顷", "分顷", "专顷", "逐顷", "一顷", "两顷", "三顷", "四顷",
        "五顷", "六顷", "七顷", "八顷", "九顷", "十顷", "几顷", "多顷", "这顷", "该顷", "此顷", "本顷", "0顷",
        "1顷", "2顷", "3顷", "4顷", "5顷", "6顷", "7顷", "8顷", "9顷"}},
      {"徂", "径", {}, {"路徂", "途徂", "捷徂", "口徂", "直徂", "半徂"}},
      {"返", "这",
       {},
       {"返个", "返样", "返些", "返里", "返种", "返项", "返位", "返份", "返类", "返条", "返篇", "返段", "返一", "返是",
        "返方", "返么", "返边", "返儿"}},
      // The font that writes 丌 for 不 writes 不 for 与 (查询不资源相关的选项 is 与).
      {"不", "与", {}, {"参不"}, "丌"},
  };
  return table;
}

// A set of ideographs of U+4000–U+9FFF (three UTF-8 bytes, lead byte E4–E9), tested from the
// bytes: the character map tests every ideograph of every text, and the first two bytes rule out
// nearly all of them before any decoding.
class IdeographSet {
 public:
  void Add(UChar32 c) {
    prefixes_[(c >> 12) - 4] |= uint64_t{1} << ((c >> 6) & 0x3F);
    members_.set(static_cast<size_t>(c - 0x4000));
  }
  bool Contains(UChar32 c) const { return c >= 0x4000 && c <= 0x9FFF && members_[static_cast<size_t>(c - 0x4000)]; }
  // The member that starts at byte i of `text` (whose lead byte is E4–E9), or -1.
  UChar32 MemberAt(std::string_view text, size_t i) const {
    if (i + 2 >= text.size()) return -1;
    auto b = static_cast<unsigned char>(text[i]);
    auto b1 = static_cast<unsigned char>(text[i + 1]);
    if ((b1 & 0xC0) != 0x80 || !((prefixes_[b - 0xE4] >> (b1 & 0x3F)) & 1)) return -1;
    auto b2 = static_cast<unsigned char>(text[i + 2]);
    if ((b2 & 0xC0) != 0x80) return -1;
    UChar32 c = ((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    return members_[static_cast<size_t>(c - 0x4000)] ? c : -1;
  }

 private:
  uint64_t prefixes_[6] = {};      // per lead byte E4–E9, the second bytes that start a member
  std::bitset<0x6000> members_;    // U+4000–U+9FFF
};

// The offset after the character whose lead byte (E4–E9) is at i: three bytes on, or one when
// the sequence is cut short (the bytes after it are then judged on their own).
inline size_t AfterIdeograph(std::string_view text, size_t i) {
  bool whole = i + 2 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80;
  return i + (whole ? 3 : 1);
}

// A two-character word as the pair of its code points.
std::pair<UChar32, UChar32> NeighbourPair(const char* word) {
  size_t next = 0;
  UChar32 first = Utf8At(word, 0, &next);
  return {first, Utf8At(word, next, nullptr)};
}

// Whether the character c at [start, end) of `text` forms one of `words` with a neighbour
// (defined after the character table, whose accidents it looks through).
bool FormsWord(std::string_view text, size_t start, size_t end, UChar32 c,
               const std::vector<std::pair<UChar32, UChar32>>& words);

class CharTable {
 public:
  CharTable() {
    for (auto [from, to] : kRadicalSupplement) map_[from] = {Utf8Of(to), "variant_char"};
    for (auto [from, to] : kFontAccidents) {
      UChar32 c = Utf8At(from, 0, nullptr);
      map_[c] = {to, "variant_char"};
      accidents_.Add(c);
    }
    for (const char* word : kFontAccidentWords) accident_words_.push_back(NeighbourPair(word));
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
      auto add_normalized = [&](const icu::Normalizer2* n, UChar32 c) {
        UErrorCode s = U_ZERO_ERROR;
        icu::UnicodeString out = n->normalize(icu::UnicodeString(c), s);
        if (U_FAILURE(s) || out == icu::UnicodeString(c)) return;
        std::string utf8;
        out.toUTF8String(utf8);
        map_[c] = {utf8, "variant_char"};
      };
      for (UChar32 c = 0x2F00; c <= 0x2FD5; ++c) add_normalized(nfkc, c);    // Kangxi radicals
      for (UChar32 c = 0xF900; c <= 0xFAFF; ++c) add_normalized(nfc, c);     // compatibility ideographs
      for (UChar32 c = 0x2F800; c <= 0x2FA1F; ++c) add_normalized(nfc, c);   // supplement
    }
    // A list's bullets in a symbol font (Word's Symbol and Wingdings), which text copied out of
    // the document keeps as the font's private-use code points (U+F020–U+F0FF): the glyph each
    // shows, from Unicode's mappings of the two fonts.
    for (auto [font, glyph] : std::initializer_list<std::pair<UChar32, const char*>>{
             {0xF0B7, "•"}, {0xF06C, "●"}, {0xF06E, "■"}, {0xF06F, "□"}, {0xF071, "❑"}, {0xF075, "◆"},
             {0xF076, "❖"}, {0xF0A7, "▪"}, {0xF0D8, "➢"}, {0xF0E8, "➔"}, {0xF0FC, "✔"}})
      map_[font] = {glyph, "variant_char"};
    for (UChar32 c = 0xFF10; c <= 0xFF19; ++c) map_[c] = {std::string(1, char('0' + c - 0xFF10)), "width"};
    for (UChar32 c = 0xFF21; c <= 0xFF3A; ++c) map_[c] = {std::string(1, char('A' + c - 0xFF21)), "width"};
    for (UChar32 c = 0xFF41; c <= 0xFF5A; ++c) map_[c] = {std::string(1, char('a' + c - 0xFF41)), "width"};
    map_[0xFF05] = {"%", "width"};
    map_[0xFF0E] = {".", "width"};
    for (UChar32 c : {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD}) map_[c] = {"", "whitespace"};
    for (UChar32 c : {0x00A0, 0x3000, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
                      0x200A, 0x202F, 0x205F, 0x0009, 0x000B, 0x000C})
      map_[c] = {" ", "whitespace"};
  }
  const Mapping* Find(UChar32 c) const {
    auto it = map_.find(c);
    return it == map_.end() ? nullptr : &it->second;
  }
  // Among the unified ideographs only font accidents are mapped: a bit test, not a hash lookup.
  const IdeographSet& FontAccidents() const { return accidents_; }
  // c, or the character the font accident c stands for.
  UChar32 WithoutAccident(UChar32 c) const {
    return accidents_.Contains(c) ? Utf8At(map_.at(c).replacement, 0, nullptr) : c;
  }
  // Whether the accident at [start, end) is part of a word in which it is right.
  bool IsWord(std::string_view text, size_t start, size_t end, UChar32 c) const {
    return FormsWord(text, start, end, c, accident_words_);
  }


 private:
  std::unordered_map<UChar32, Mapping> map_;
  IdeographSet accidents_;
  std::vector<std::pair<UChar32, UChar32>> accident_words_;
};

const CharTable& Table() {
  static const CharTable table;
  return table;
}

// Whether the character c at [start, end) of `text` forms one of `words` with the character
// before or after it, as that neighbour reads once its own accident is repaired (返斱 is 这方).
bool FormsWord(std::string_view text, size_t start, size_t end, UChar32 c,
               const std::vector<std::pair<UChar32, UChar32>>& words) {
  UChar32 before = start > 0 ? Table().WithoutAccident(Utf8Before(text, start, nullptr)) : -1;
  UChar32 after = end < text.size() ? Table().WithoutAccident(Utf8At(text, end, nullptr)) : -1;
  for (auto [first, second] : words)
    if ((first == before && second == c) || (first == c && second == after)) return true;
  return false;
}

// The ambiguous accidents as code points, with their words as pairs of neighbours.
class AmbiguousTable {
 public:
  struct Entry {
    UChar32 from, to;
    std::vector<std::pair<UChar32, UChar32>> except, only;
    std::string displaced_to;  // empty when none
  };
  AmbiguousTable() {
    for (const AmbiguousAccident& a : AmbiguousAccidents()) {
      Entry e{Utf8At(a.from, 0, nullptr), Utf8At(a.to, 0, nullptr), {}, {}, a.displaced_to ? a.displaced_to : ""};
      for (const char* w : a.except) e.except.push_back(NeighbourPair(w));
      for (const char* w : a.only) e.only.push_back(NeighbourPair(w));
      ambiguous_.Add(e.from);
      entries_.push_back(std::move(e));
    }
  }
  const std::vector<Entry>& Entries() const { return entries_; }
  // The entry for the character at byte i of `text` (lead byte E4–E9), or null.
  const Entry* At(std::string_view text, size_t i) const {
    UChar32 c = ambiguous_.MemberAt(text, i);
    if (c < 0) return nullptr;
    for (const Entry& e : entries_)
      if (e.from == c) return &e;
    return nullptr;
  }

 private:
  std::vector<Entry> entries_;
  IdeographSet ambiguous_;
};

// Repairs the ambiguous accidents of a text that shows the accident elsewhere.
void AmbiguousAccidentRepairs(std::string_view text, PassOutput& out) {
  static const AmbiguousTable table;
  // The entries whose own character the text shows displaced (two 丌 or more): every one is wrong.
  std::vector<bool> displaced(table.Entries().size(), false);
  for (size_t k = 0; k < table.Entries().size(); ++k) {
    const std::string& d = table.Entries()[k].displaced_to;
    if (d.empty()) continue;
    size_t first = text.find(d);
    displaced[k] = first != std::string_view::npos && text.find(d, first + d.size()) != std::string_view::npos;
  }
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0xE4 || b > 0xE9) { ++i; continue; }
    const AmbiguousTable::Entry* e = table.At(text, i);
    size_t start = i;
    i = AfterIdeograph(text, i);
    if (!e) continue;
    if (!displaced[static_cast<size_t>(e - table.Entries().data())]) {
      if (FormsWord(text, start, i, e->from, e->except)) continue;
      if (!e->only.empty() && !FormsWord(text, start, i, e->from, e->only)) continue;
    }
    out.Replace(start, i, Utf8Of(e->to), "variant_char");
  }
}

// Whether the run of U+3000 [run_start, run_end) may be typography, not layout or damage: a
// line's indent (the run opens the line and text follows), the spaces of a letter-spaced
// heading (总　　则: headings.h, IsLetterSpacedHeading), two or more before a line's next field
// (联系人：王某某　　电话：…, headings.h: FieldFollows), or a lone one a few characters into
// the line, where it may set the line's opening number apart from its text (第一条　为了…), or
// after what may be a news dateline (新华社北京3月5日电　). Whether that lone one does is for
// the whitespace pass to judge (headings.h: OpensLineAsNumber, OpensLineAsDateline): this pass
// is still repairing the number or the date itself (第⼀条, 专栏１, 3⽉5⽇电).
bool IdeographicRunStays(std::string_view text, size_t run_start, size_t run_end) {
  if (run_end >= text.size()) return false;
  if (run_start == 0 || text[run_start - 1] == '\n') {
    // An indent stays as written, spaces after it too (　　 第一段), unless its line holds nothing else.
    size_t after = run_end;
    while (after < text.size() && text[after] != '\n' && text[after] != '\r') {
      size_t next;
      if (!u_isUWhiteSpace(Utf8At(text, after, &next))) return true;
      after = next;
    }
    return false;
  }
  if (u_isUWhiteSpace(Utf8At(text, run_end, nullptr))) return false;  // trailing, or beside other spaces
  if (InLetterSpacedHeading(text, run_start)) return true;
  if (run_end - run_start >= 6 && FieldFollows(text, run_end)) return true;  // 联系人：王某某　　电话：
  if (run_end - run_start != 3) return false;
  if (MayOpenLineAsDateline(text, run_start)) return true;  // judged by the whitespace pass
  // Before it on its line: at most 9 characters without a space, then only the line's indent.
  size_t from = run_start;
  int characters = 0;
  auto line_starts = [&] { return from == 0 || text[from - 1] == '\n'; };
  for (size_t before; !line_starts() && !u_isUWhiteSpace(Utf8Before(text, from, &before)); from = before)
    if (++characters > 9) return false;
  for (size_t before; !line_starts() && u_isUWhiteSpace(Utf8Before(text, from, &before)); from = before) {}
  return characters > 0 && line_starts();
}

bool EmSpaceAt(std::string_view text, size_t at) { return text.substr(at, 3) == "\xE2\x80\x83"; }

// The end of the run of U+3000 (and of em spaces, U+2003, which are as wide) that starts at `at`.
size_t SkipIdeographicSpaces(std::string_view text, size_t at) {
  while (IdeographicSpaceAt(text, at) || EmSpaceAt(text, at)) at += 3;
  return at;
}

// Code points that can possibly have a mapping; everything else skips the hash lookup.
inline bool MaybeMapped(UChar32 c) {
  return c == '\t' || c == 0x0B || c == 0x0C || c == 0xA0 || c == 0xAD || (c >= 0x2000 && c <= 0x2060) ||
         (c >= 0x2E80 && c <= 0x2FDF) || c == 0x3000 || (c >= 0xF020 && c <= 0xF0FF) || (c >= 0xF900 && c <= 0xFAFF) ||
         c == 0xFEFF || (c >= 0xFF05 && c <= 0xFF5A) || (c >= 0x2F800 && c <= 0x2FA1F);
}

}  // namespace

void CharMap(std::string_view text, PassOutput& out) {
  const CharTable& table = Table();
  int font_accidents = 0;
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && b != '\t' && b != 0x0B && b != 0x0C) { ++i; continue; }
    size_t start = i;
    // Ideographs (lead bytes E4–E9): only the font accidents among them are mapped.
    if (b >= 0xE4 && b <= 0xE9) {
      UChar32 c = table.FontAccidents().MemberAt(text, i);
      i = AfterIdeograph(text, i);
      if (c < 0) continue;
      if (table.IsWord(text, start, i, c)) continue;
      const Mapping* m = table.Find(c);
      out.Replace(start, i, m->replacement, m->rule);
      ++font_accidents;
      continue;
    }
    // Only these other UTF-8 lead bytes can start a mapped character; skip the rest undecoded.
    if (b >= 0x80 && b != 0xC2 && b != 0xE2 && b != 0xE3 && b != 0xEF && b != 0xF0) {
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      continue;
    }
    UChar32 c = Utf8At(text, i, &i);
    if (!MaybeMapped(c)) continue;
    if (c == 0x3000 || c == 0x2003) {  // a run of them, judged once
      size_t run_end = SkipIdeographicSpaces(text, start);
      bool stays = IdeographicRunStays(text, start, run_end);
      for (size_t at = start; at < run_end; at += 3) {
        if (!stays) out.Replace(at, at + 3, " ", "whitespace");
        else if (EmSpaceAt(text, at)) out.Replace(at, at + 3, "\u3000", "whitespace");
      }
      i = run_end;
      continue;
    }
    if (const Mapping* m = table.Find(c)) out.Replace(start, i, m->replacement, m->rule);
  }
  // One accident may be a real rare character; two are a broken font.
  if (font_accidents >= 2) AmbiguousAccidentRepairs(text, out);
}

bool CharMapChanges(std::string_view text) {
  bool plain = true;
  for (char c : text) plain &= static_cast<unsigned char>(c) < 0x80 && c != '\t' && c != 0x0B && c != 0x0C;
  if (plain) return false;
  PassOutput out;
  CharMap(text, out);
  return !out.edits.empty();
}

// A run of one class of characters (digits, Latin letters, percent signs) in either width.
// Runs of ASCII count only beside Chinese text, and not inside an address: a date field's or an
// address's (2024-05-01 10:23, www.gov.cn/a1.html) are the site's, whatever the text's own
// typography.
FullWidthForms FullWidthTypography(std::string_view text, const std::function<bool(size_t)>& stands_for_wide) {
  FullWidthForms keep;
  enum Class { kNone, kDigit, kLetter, kPercent, kClasses };
  struct Runs {
    int ascii = 0, wide = 0, mixed = 0;
    // No run mixes the widths (２0２4 is damage) and the full-width runs are at least twice the
    // rest; two of them at least, or one beside figures set full width: a lone ｏ in a line of
    // mojibake is no typography.
    bool Own(bool figures_own = false) const {
      return mixed == 0 && wide >= (figures_own ? 1 : 2) && wide >= 2 * ascii;
    }
  } runs[kClasses];
  Class run_class = kNone;
  bool run_ascii = false, run_wide = false, beside_chinese = false;
  auto close_run = [&](UChar32 after) {
    if (run_class != kNone) {
      Runs& r = runs[run_class];
      if (run_ascii && run_wide) ++r.mixed;
      else if (run_wide) ++r.wide;
      else if (beside_chinese || after >= 0x80) ++r.ascii;
    }
    run_class = kNone;
    run_ascii = run_wide = false;
  };
  UChar32 previous = '\n';
  for (size_t i = 0; i < text.size();) {
    // An address (www.gov.cn/a1.html, xx@yy.cn): its letters and digits are the site's.
    if (auto b = static_cast<unsigned char>(text[i]); b > 0x20 && b < 0x7F && (previous >= 0x80 || previous <= 0x20)) {
      size_t end = i;
      while (end < text.size() && static_cast<unsigned char>(text[end]) > 0x20 && static_cast<unsigned char>(text[end]) < 0x7F) ++end;
      std::string_view token = text.substr(i, end - i);
      if (token.find("://") != std::string_view::npos || token.find("www.") != std::string_view::npos ||
          token.find('@') != std::string_view::npos) {
        close_run(' ');
        previous = ' ';
        i = end;
        continue;
      }
    }
    size_t at = i;
    UChar32 c = Utf8At(text, i, &i);
    bool wide = c >= 0xFF01 && c <= 0xFF5E;
    UChar32 narrow = wide ? c - 0xFEE0 : c;  // U+FF01–U+FF5E are ASCII 21–7E, shifted
    Class k = kNone;
    if (narrow >= '0' && narrow <= '9') k = kDigit;
    else if ((narrow >= 'A' && narrow <= 'Z') || (narrow >= 'a' && narrow <= 'z')) k = kLetter;
    else if (narrow == '%') k = kPercent;
    if (k != run_class) {
      close_run(c);
      beside_chinese = previous >= 0x80;
    }
    previous = c;
    if (k == kNone) continue;
    if (!wide && stands_for_wide(at)) wide = true;
    run_class = k;
    (wide ? run_wide : run_ascii) = true;
  }
  close_run('\n');
  keep.digits = runs[kDigit].Own();
  keep.letters = runs[kLetter].Own(keep.digits);
  keep.percent = runs[kPercent].Own(keep.digits);
  return keep;
}

}  // namespace pledge::rules
