// hard_wrap: a line break inside a sentence or a word (还\n政于民, 根本利\n益) is removed.
//
// A break stays when the line before it ends a sentence, when the next line is not Chinese
// text or starts with a heading marker, and when the line before is a heading (its final
// clause starts with a heading marker) or a title (a short line with no sentence punctuation,
// or a document title: 关于印发…的通知). Whatever the line, a break that cuts a dictionary word
// in two is removed: ICU's dictionary-based word breaker decides, not a list of ours.
#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "extractors/chinese_number.h"
#include "pipeline/rules/headings.h"
#include "pipeline/rules/rule.h"
#include "pipeline/rules/table_rows.h"
#include "pipeline/unicode_util.h"

namespace pledge::rules {
namespace {

constexpr const char* kRule = "hard_wrap";

// Does joining `left` + `right` put the join inside one dictionary word?
bool JoinIsInsideWord(icu::BreakIterator& words, std::string_view left, std::string_view right) {
  // A few characters each side are enough context for the dictionary.
  size_t l = left.size(), r = 0;
  for (int k = 0; k < 4 && l > 0; ++k) Utf8Before(left, l, &l);
  for (int k = 0; k < 4 && r < right.size(); ++k) Utf8At(right, r, &r);
  std::string joined(left.substr(l));
  size_t join_byte = joined.size();
  joined += right.substr(0, r);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(joined);
  int32_t join_unit = icu::UnicodeString::fromUTF8(joined.substr(0, join_byte)).length();
  words.setText(u);
  return !words.isBoundary(join_unit);
}

std::unique_ptr<icu::BreakIterator> NewWordBreaker() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status)) return nullptr;
  return it;
}

// Punctuation that Chinese typesetting never puts at the start of a line (GB/T 15834): a line
// that starts with one was broken by a layout, not by its author.
bool ClosesLine(UChar32 c) {
  switch (c) {
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'？': case U'！': case U'）': case U'》':
    case U'」': case U'』': case U'】': case U'〕': case U'〉': case U'”': case U'’':
      return true;
  }
  return false;
}

// The same marks typed in ASCII (.新增…, ,并…): cjk_punct makes them Chinese once the line is
// joined. Not a decimal's point or a domain's (.5%, .cn), nor an ellipsis (...).
bool TypedClosingMark(std::string_view next) {
  if (next.empty() || std::string_view(",.;:?!)").find(next[0]) == std::string_view::npos) return false;
  if (next.size() == 1) return true;
  unsigned char after = static_cast<unsigned char>(next[1]);
  return !std::isalnum(after) && after != '.' && after != '/';
}

// Code points in s, counting no further than `limit` (lines can be long; we only ask "short?").
size_t CodePoints(std::string_view s, size_t limit) {
  size_t n = 0;
  for (size_t i = 0; i < s.size() && n <= limit; ++n) Utf8At(s, i, &i);
  return n;
}

bool HasSentencePunct(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    UChar32 c = Utf8At(s, i, &i);
    if (IsSentenceEnd(c) || c == 0xFF0C || c == ',' || c == 0x3001) return true;
  }
  return false;
}

// The title of an official document (关于印发…的通知, …工作要点) ends with the name of its
// kind: the fifteen kinds of the 党政机关公文处理工作条例 (art. 8) and the names regulations and
// plans take. Titles run longer than the short-line rule allows, often 30–60 characters.
bool IsDocumentTitle(std::string_view line) {
  static constexpr std::string_view kKinds[] = {
      "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案",
      "函", "纪要", "办法", "规定", "条例", "细则", "方案", "规划", "纲要", "要点", "计划", "规则", "章程"};
  if (CodePoints(line, 80) > 80) return false;
  // A note in brackets may follow the kind: （试行）, （节选）, （征求意见稿）, （2023—2025年）.
  if (line.ends_with("）")) {
    size_t open = line.rfind("（");
    if (open != std::string_view::npos && open > 0 && CodePoints(line.substr(open), 14) <= 14) line = line.substr(0, open);
  }
  auto kind = std::find_if(std::begin(kKinds), std::end(kKinds), [&](std::string_view k) { return line.ends_with(k); });
  if (kind == std::end(kKinds)) return false;
  // A verb right before the kind makes it its object, in a sentence: 按照规定, 执行有关规定,
  // 依照本办法 are phrases, 某市垃圾分类管理规定 a title.
  std::string_view before_kind = line.substr(0, line.size() - kind->size());
  for (std::string_view modifier : {"有关", "相关", "上述", "下列", "本", "该", "此"})  // 执行有关规定
    if (before_kind.ends_with(modifier)) {
      before_kind.remove_suffix(modifier.size());
      break;
    }
  for (std::string_view verb : {"按照", "根据", "依照", "依据", "遵照", "制定", "提出", "印发", "落实", "执行", "贯彻", "遵守", "违反"})
    if (before_kind.ends_with(verb)) return false;
  for (size_t i = 0; i < line.size();) {  // a title has no clause punctuation (、 it may have)
    UChar32 c = Utf8At(line, i, &i);
    if (IsSentenceEnd(c) || c == 0xFF0C || c == ',') return false;
  }
  return true;
}

// Whether `line` opens with a field's label: two to six hanzi and a colon (出席：, 联系人：).
bool StartsWithLabel(std::string_view line) {
  size_t i = 0;
  for (int n = 0; n < 7 && i < line.size(); ++n) {
    size_t next;
    UChar32 c = Utf8At(line, i, &next);
    if (c == U'：' || c == ':') return n >= 2;
    if (!IsHan(c)) return false;
    i = next;
  }
  return false;
}

// A field: a label and its value, not speech (有的同志问：“…？” has a label's look). Values
// hold no sentence punctuation and no quotation; only the first 200 bytes are read (the logical
// line grows as breaks are removed).
bool IsFieldLine(std::string_view line) {
  if (!StartsWithLabel(line)) return false;
  std::string_view head = line.substr(0, 200);
  for (size_t i = 0; i < head.size();) {
    UChar32 c = Utf8At(head, i, &i);
    if (IsSentenceEnd(c) || c == U'“' || c == U'”' || c == '"') return false;
  }
  return true;
}

// 附件, 附件2, 附表一, 附录： — the label of an attachment, on a line of its own.
bool IsAttachmentLabel(std::string_view line) {
  bool labelled = false;
  for (std::string_view label : {"附件", "附表", "附录", "附图"})
    if (line.starts_with(label)) labelled = true, line.remove_prefix(label.size());
  if (!labelled) return false;
  while (!line.empty()) {
    size_t next;
    UChar32 c = Utf8At(line, 0, &next);
    if (!IsAsciiDigit(c) && c != U'：' && c != ':' && c != ' ' && !ParseNumber(Utf8Of(c)).has_value()) return false;
    line.remove_prefix(next);
  }
  return true;
}

// The last clause of a line: what follows its last sentence end.
std::string_view LastClause(std::string_view line) {
  size_t i = line.size(), floor = line.size() > 300 ? line.size() - 300 : 0;  // a clause is short
  while (i > floor) {
    size_t start;
    UChar32 c = Utf8Before(line, i, &start);
    if (IsSentenceEnd(c)) return line.substr(i);
    i = start;
  }
  return line;
}

// A short line without punctuation reads as a title, unless it cannot end where it does: a
// quotation or bracket still open (深化“最多), a particle or preposition that needs what follows
// (投资者所, 发展的, 思想为), or a number waiting for its unit (150亿 / 元). Titles end in a noun.
bool CannotEndTitle(std::string_view line) {
  int open = 0;
  for (size_t i = 0; i < line.size();) {
    switch (Utf8At(line, i, &i)) {
      case U'“': case U'（': case U'《': case U'【': case U'〔': case U'「': case U'『': case '(': case '<': ++open; break;
      case U'”': case U'）': case U'》': case U'】': case U'〕': case U'」': case U'』': case ')': case '>': --open; break;
    }
  }
  if (open > 0) return true;
  // A subtitle names an occasion (——2024年1月20日在某市人民代表大会第三次会议上): until the 上
  // that closes its 在, it goes on.
  if (line.starts_with("——")) {
    size_t at = line.rfind("在");
    if (at != std::string_view::npos && line.find("上", at) == std::string_view::npos) return true;
  }
  // A word that only ever modifies the noun after it (区别词: 主要, 有关, 各项) or an adverb that
  // needs its verb (进一步) cannot end a title: 全市经济社会发展的主要 / 预期目标是….
  // A heading that is the word alone (四、其他, （五）有关) names its section and ends there.
  for (std::string_view modifier : {"主要", "有关", "相关", "所有", "一切", "其他", "各项", "各类", "各级", "各种",
                                    "重大", "新型", "进一步", "的重要", "的基本", "的具体"}) {
    if (!line.ends_with(modifier)) continue;
    std::string_view before = line.substr(0, line.size() - modifier.size());
    UChar32 mark = before.empty() ? 0 : Utf8Before(before, before.size(), nullptr);
    if (mark != 0 && mark != U'、' && mark != U'）' && mark != ')' && mark != '.' && mark != U'．' && mark != ' ' &&
        mark != 0x3000)
      return true;
  }
  size_t last_start = line.size();
  UChar32 last = Utf8Before(line, line.size(), &last_start);
  // 以…为 and 以, 由, 按 take an object (思想为 / 指导); 作为, 有为, 可为, 行为, 成为 are words.
  UChar32 before_last = last_start > 0 ? Utf8Before(line, last_start, nullptr) : 0;
  if (last == U'为' && before_last != U'作' && before_last != U'有' && before_last != U'可' && before_last != U'行' &&
      before_last != U'成' && before_last != U'认' && before_last != U'称')
    return true;
  if (last == U'以' || last == U'由' || last == U'按') return true;
  // 坚持以习近平…思想 / 为指导: a frame 以…为 opened by its verb waits for its 为.
  for (std::string_view frame : {"坚持以", "始终以", "要以", "必须以", "应当以", "都要以"}) {
    size_t at = line.rfind(frame);
    if (at != std::string_view::npos && line.find("为", at) == std::string_view::npos) return true;
  }
  // 新建3所, 三所学校: after a numeral 所 counts schools, it is no particle.
  if (last == U'所' && (IsAsciiDigit(before_last) || before_last == U'几' || before_last == U'多' ||
                        ParseNumber(Utf8Of(before_last)).has_value()))
    return false;
  switch (last) {
    case U'的': case U'和': case U'与': case U'及': case U'对': case U'把': case U'被': case U'将': case U'从':
    case U'向': case U'于': case U'所': case U'并': case U'而': case U'或': case U'万': case U'亿':
      return true;
  }
  // A time the text counts from (本意见自2024年1月1日起 / 施行, 自印发之日起) waits for what then happens.
  if ((line.ends_with("日起") || line.ends_with("月起") || line.ends_with("年起")) &&
      (line.find("自") != std::string_view::npos || line.find("从") != std::string_view::npos))
    return true;
  // A preposition, or a verb of granting, waits for its object (…按每户1500元标准给予 / 奖补，…).
  for (std::string_view waits : {"给予", "予以", "按照", "依照", "依据", "根据", "关于", "对于", "围绕", "针对", "通过"})
    if (line.ends_with(waits)) return true;
  // A number waits for its unit: 150亿 / 元, and an ordinal for what it counts: 第二 / 十一条.
  if (IsAsciiDigit(last)) return true;
  size_t numeral_start = line.size();
  for (int k = 0; k < 6 && numeral_start > 0; ++k) {
    size_t at;
    UChar32 c = Utf8Before(line, numeral_start, &at);
    if (!IsHan(c) || !ParseNumber(Utf8Of(c)).has_value()) break;
    numeral_start = at;
  }
  return numeral_start < line.size() && numeral_start > 0 && Utf8Before(line, numeral_start, nullptr) == U'第';
}

// Set phrases of policy language that ICU's dictionary does not hold whole, so that a wrap
// inside one looks like a break between words: 中国特色 / 社会主义, 经济社会 / 发展, 旅游 / 景区.
// No text breaks a line inside one of them, however short the line before.
constexpr std::string_view kSetPhrases[] = {
    "习近平新时代中国特色社会主义思想", "中国特色社会主义", "社会主义现代化国家", "全面建成小康社会", "以人民为中心",
    "高质量发展", "新发展理念", "新发展格局", "国民经济和社会发展", "经济社会发展", "供给侧结构性改革", "乡村振兴",
    "生态文明建设", "全面从严治党", "党风廉政建设", "营商环境", "人民群众", "共同富裕", "治理体系和治理能力现代化",
    "人均可支配收入", "地区生产总值", "固定资产投资", "社会消费品零售总额", "一般公共预算", "规模以上工业",
    "战略性新兴产业", "基本公共服务", "基础设施建设", "生态环境保护", "污染防治攻坚", "碳达峰碳中和", "脱贫攻坚",
    "旅游景区", "人民代表大会", "政府工作报告", "城乡居民", "数字经济", "实体经济", "民营经济", "科技创新"};

bool SetPhraseSpans(std::string_view line, std::string_view next) {
  for (std::string_view phrase : kSetPhrases)
    for (size_t cut = 3; cut < phrase.size(); cut += 3)
      if (line.ends_with(phrase.substr(0, cut)) && next.starts_with(phrase.substr(cut))) return true;
  return false;
}

// A line that is only a date (2021年9月28日, 二〇二一年九月二十八日) dates the signature above it and
// stands on its own: joined, it would run the signature and the title of an attachment below
// into one line that reads like a long document title.
bool IsDateLine(std::string_view line) {
  line = TrimSpaces(line);
  if (line.size() > 48 || !line.ends_with("日")) return false;
  static const RE2 date(R"((?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)");
  return RE2::FullMatch(line, date);
}

// Whether `next` opens with a verb that states a figure, the figure right after it (增长8.4%,
// 达到100%, 同比下降2.1%), or with the bound of a rule (不少于5000万元): either needs the subject
// before it.
bool VerbOfFigureOpens(std::string_view next) {
  for (std::string_view verb : {"增长", "下降", "达到", "完成", "实现", "提高", "减少", "增加", "突破", "超过", "占",
                                "降低", "提升", "上升", "扩大", "缩小", "同比增长", "同比下降", "比上年增长",
                                "比上年下降", "不少于", "不低于", "不超过", "不高于", "不多于", "不得少于",
                                "不得低于", "不得超过"}) {
    if (!next.starts_with(verb)) continue;
    size_t at = verb.size();
    // …or after the 到 of the figure it changes to (提高到15230元, 下降至3%).
    for (std::string_view to : {"到", "至", "为"})
      if (next.substr(at).starts_with(to)) at += to.size();
    if (at < next.size() && IsAsciiDigit(static_cast<unsigned char>(next[at]))) return true;
  }
  return false;
}

// Whether `next` opens with the last word of a subject and its copula before a colon (目标是：,
// 任务为：): 今年…的主要预期 / 目标是：… was cut inside the subject. No paragraph opens with a
// bare noun of one or two characters and 是：.
bool CopulaOfCutSubjectOpens(std::string_view next) {
  size_t at = 0;
  for (int hanzi = 0; hanzi < 3 && at < next.size(); ++hanzi) {
    size_t after;
    UChar32 c = Utf8At(next, at, &after);
    if ((c == U'是' || c == U'为') && hanzi >= 1) return next.substr(after).starts_with("：");
    if (!IsHan(c)) return false;
    at = after;
  }
  return false;
}

// 由2020年的9856元提高 / 到2024年的15230元: a change stated from one figure to another (由…提高到,
// 从…增加到) is cut before its 到 or 至. A paragraph may open with 到2025年, but not after a line
// that holds the 由 or 从 of the change and ends with its verb.
bool ChangeCutBeforeItsEnd(std::string_view line, std::string_view next) {
  if (!next.starts_with("到") && !next.starts_with("至")) return false;
  bool verb_ends = false;
  for (std::string_view verb : {"提高", "提升", "增加", "增长", "上升", "扩大", "下降", "降低", "减少", "缩小", "压减", "压缩"})
    verb_ends |= line.ends_with(verb);
  if (!verb_ends) return false;
  std::string_view tail = line.substr(line.size() > 120 ? line.size() - 120 : 0);
  for (std::string_view from : {"由", "从"})
    if (size_t at = tail.rfind(from); at != std::string_view::npos && tail.find("到", at) == std::string_view::npos)
      return true;
  return false;
}

// Whether `line` holds 要 as a modal verb (各地要按…, 党组织要深刻领悟…): not inside a word that
// titles use (主要, 重要, 要点, 要求, 纲要, 纪要, 需要, 要素 …). A bounded look: lines grow.
bool ModalYao(std::string_view line) {
  std::string_view head = line.substr(0, 240);
  for (size_t at = head.find("要"); at != std::string_view::npos; at = head.find("要", at + 3)) {
    if (at == 0) continue;  // 要 opening a line: an imperative heading (要坚持…) as often as not
    UChar32 before = Utf8Before(head, at, nullptr);
    UChar32 after = at + 3 < head.size() ? Utf8At(head, at + 3, nullptr) : 0;
    bool in_word = false;
    for (UChar32 c : {U'主', U'重', U'需', U'只', U'想', U'纲', U'概', U'摘', U'提', U'紧', U'首', U'必', U'简', U'机',
                      U'政', U'显', U'总', U'扼', U'纪'})
      in_word |= before == c;
    // 政要 is a dignitary, but 财政要 (各级财政要将…列入预算) is the treasury that must.
    if (before == U'政' && at >= 6 && head.substr(at - 6, 3) == "财") in_word = false;
    for (UChar32 c : {U'点', U'求', U'素', U'件', U'害', U'闻', U'职', U'务', U'案', U'领', U'员', U'么', U'是', U'地',
                      U'津', U'冲', U'塞', U'道', U'目', U'览', U'旨', U'事', U'义', U'略', U'言', U'诀', U'犯', U'情'})
      in_word |= after == c;
    if (!in_word && IsHan(before) && IsHan(after)) return true;
  }
  return false;
}

// A line that cannot be a title, however short: a law's article (第一条 为了…) is body text,
// and so is a line that goes on after a colon that introduces what follows (目标是：地区生产总值),
// or one that states a requirement (各市县必须在3个月内, 每季度至少听取1次): titles name things.
bool SentenceLine(std::string_view line) {
  const std::string_view trimmed = TrimSpaces(line);
  if (LawUnitAt(trimmed).ends_with("条")) return true;
  // A question or an answer of a policy interpretation (问：…有何规定？ / 答：可以拨打…) is speech.
  if (trimmed.starts_with("问：") || trimmed.starts_with("答：")) return true;
  for (std::string_view modal : {"必须", "应当", "应该", "不得", "务必", "至少", "不少于", "不低于", "不超过", "不高于",
                                 "详见", "参见"})
    if (line.find(modal) != std::string_view::npos) return true;
  if (ModalYao(line)) return true;
  // Speech says when it speaks (今天召开全市…会议, 刚才几位同志…): a title does not (今天的中国
  // aside, a phrase that names a thing).
  for (std::string_view now : {"今天", "刚才"})
    if (trimmed.starts_with(now) && !trimmed.substr(now.size()).starts_with("的")) return true;
  // A news story's dateline (新华社北京3月5日电（记者 …）, 本报讯) runs into its first sentence.
  if (line.find("日电") != std::string_view::npos) return true;
  if (size_t dateline = DatelineEnd(line); dateline > 0 && dateline < trimmed.size()) return true;
  for (std::string_view lead : {"是：", "为：", "如下：", "包括：", "有："}) {
    size_t at = line.find(lead);
    if (at != std::string_view::npos && at + lead.size() < line.size()) return true;
  }
  return false;
}

// Whether the last 300 bytes of `line` hold more “ than ” (a bounded look: lines grow).
// A line that is only the end of a sentence: a few characters and the mark that ends it
// (分担。, 按6∶4比例分担。, 任务“回头看”……).
bool EndOfSentenceOnly(std::string_view line) {
  line = TrimSpaces(line);
  if (line.empty() || CodePoints(line, 11) > 10) return false;
  size_t last_start;
  UChar32 last = Utf8Before(line, line.size(), &last_start);
  if (last == U'…')  // an ellipsis is two of them (……)
    while (last_start > 0 && Utf8Before(line, last_start, nullptr) == U'…') Utf8Before(line, last_start, &last_start);
  else if (last != U'。' && last != U'；' && last != U'！' && last != U'？')
    return false;
  return last_start > 0 && !HasSentencePunct(line.substr(0, last_start));
}

// Whether `line` opens with a sentence's end of two or three hanzi (提高。规模以上…): the words a
// heading's sentence was cut before (（二）工业经济运行质量 / 提高。…). No paragraph under a
// heading opens with a sentence that short.
bool OpensWithShortSentenceEnd(std::string_view line) {
  size_t at = 0;
  int hanzi = 0;
  while (at < line.size() && hanzi <= 3) {
    size_t next;
    UChar32 c = Utf8At(line, at, &next);
    if (c == U'。') return hanzi >= 2;
    if (!IsHan(c)) return false;
    ++hanzi;
    at = next;
  }
  return false;
}

// The last 300 bytes of a line, from a character's start: a bounded look, as lines grow.
std::string_view LineTail(std::string_view line) {
  size_t from = line.size() > 300 ? line.size() - 300 : 0;
  while (from < line.size() && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) ++from;
  return line.substr(from);
}

bool QuotationOpenAtEnd(std::string_view line) {
  std::string_view tail = LineTail(line);
  int open = 0;
  for (size_t i = 0; i < tail.size();) {
    UChar32 c = Utf8At(tail, i, &i);
    open += c == U'“' ? 1 : c == U'”' ? -1 : 0;
  }
  return open > 0;
}

// Whether a hanzi is among the last 64 characters of `line` (a bounded look: lines grow).
bool EndsInText(std::string_view line) {
  size_t i = line.size();
  for (int k = 0; k < 64 && i > 0; ++k)
    if (IsHan(Utf8Before(line, i, &i))) return true;
  return false;
}

bool OpensQuotationOrBracket(UChar32 c) {
  switch (c) {
    case U'“': case U'（': case U'《': case U'【': case U'〔': case U'「': case U'『': case U'‘': case '(':
      return true;
  }
  return false;
}

// A break no author makes, wherever the line stands (a fixed-width wrap cuts between any two
// characters): after a mark that opens a bracket, which no line ends with (GB/T 15834: …远景目标
// 纲要（ / 节选）; not a quotation's, as quotes may be reversed: a line may end in ”三同“),
// or inside a figure (余额2456 / .8亿元, 下降3 / %, 下降3. / 5%；: a decimal point typed as ASCII
// ends no sentence before a fraction of one or two digits and its unit).
bool FigureOrMarkCut(std::string_view line, std::string_view next) {
  size_t before_last = line.size();
  UChar32 last = Utf8Before(line, line.size(), &before_last);
  UChar32 first = Utf8At(next, 0, nullptr);
  bool text_follows = IsHan(first) || IsAsciiDigit(first) || OpensQuotationOrBracket(first);
  if (OpensQuotationOrBracket(last) && last != U'“' && last != U'‘') return text_follows;
  auto digit_at = [](std::string_view s, size_t i) { return i < s.size() && IsAsciiDigit(static_cast<unsigned char>(s[i])); };
  // A range cut at its dash (1— / 9月, 2024 / —2025年).
  auto dash = [](UChar32 c) { return c == U'—' || c == U'－' || c == U'～' || c == '~' || c == '-'; };
  UChar32 before = before_last > 0 ? Utf8Before(line, before_last, nullptr) : 0;
  if (dash(last) && IsAsciiDigit(before) && IsAsciiDigit(first)) return true;
  if (IsAsciiDigit(last)) {
    size_t after_dash = 0;
    if (dash(first)) Utf8At(next, 0, &after_dash);
    if (after_dash > 0 && digit_at(next, after_dash)) return true;
    return next.starts_with("%") || next.starts_with("‰") ||
           ((next.starts_with(".") || next.starts_with(":") || next.starts_with("∶")) &&
            digit_at(next, next.starts_with("∶") ? 3 : 1));
  }
  // A rate's unit cut at its slash (26微克/ / 立方米).
  if (last == '/' && IsHan(before) && IsHan(first)) return true;
  if (last != '.' || before_last == 0 || !digit_at(line, before_last - 1)) return false;
  // 3. / 5%: the fraction's digits, then what a figure is followed by. Not a date's (5月), a
  // list's (2.), a time's or another sentence's figure (5个方面 after a full stop is rarer than
  // a cut decimal only where the unit is one, so the fraction is held to two digits).
  size_t digits = 0;
  while (digit_at(next, digits)) ++digits;
  if (digits == 0 || digits > 2 || digits == next.size()) return false;
  std::string_view after = next.substr(digits);
  for (std::string_view no_fraction : {"年", "月", "日", "号", "时", "点", "、", ".", "．", " ", "）", ")", "："})
    if (after.starts_with(no_fraction)) return false;
  return true;
}

// A line that ends in text, though not in a hanzi or a figure: a quotation closed inside its
// sentence (推广“千村示范、万村整治” / 工程经验: a quote mark after text, its pairs even, so it
// closes even where the text reverses them), a dash inside brackets (（2024— / 2025年）), a short
// Latin term (规范，CPI / 涨幅…, 推动“5G+ / 工业互联网”; not a URL's or an address's end).
bool EndsInsideSentenceText(std::string_view line) {
  size_t before_last = line.size();
  UChar32 last = Utf8Before(line, line.size(), &before_last);
  UChar32 before = before_last > 0 ? Utf8Before(line, before_last, nullptr) : 0;
  if (last == U'”' || last == U'“') {
    if (!IsHan(before) && !IsAsciiDigit(before)) return false;
    std::string_view tail = LineTail(line);
    int marks = 0;
    for (size_t i = 0; i < tail.size();) {
      UChar32 c = Utf8At(tail, i, &i);
      marks += c == U'“' || c == U'”';
    }
    return marks % 2 == 0;
  }
  if (last == U'—') return CannotEndTitle(line);
  if (last == '+' || (last >= 0 && last < 0x80 && std::isalpha(static_cast<int>(last)))) {
    size_t token = before_last;
    while (token > 0 && (std::isalnum(static_cast<unsigned char>(line[token - 1])) || line[token - 1] == '+')) --token;
    size_t length = line.size() - token;
    return length <= 6 && token > 0 && (static_cast<unsigned char>(line[token - 1]) & 0x80) != 0;
  }
  return false;
}

// A short Latin term opening the line, run on by Chinese text or a mark (A级景区, N”公共就业,
// GDP能耗): part of a sentence, not English prose.
bool LatinTermOpens(std::string_view next) {
  size_t n = 0;
  while (n < next.size() && std::isalpha(static_cast<unsigned char>(next[n]))) ++n;
  return n > 0 && n <= 6 && n < next.size() && (static_cast<unsigned char>(next[n]) & 0x80) != 0;
}

// Was the break between `line` (the logical line before it) and `next` made by a layout?
// What the lines kept before `line` tell about a table around it: the cells of the line just
// above when it is a row, and the table's width (the most cells of its rows and header so far).
struct TableAbove {
  int cells_above = 0;
  int width = 0;
};

// How a text sets its paragraphs, from one walk over its lines.
struct ParagraphLayout {
  // Apart with blank lines, as web pages do: nearly every line that ends a sentence is followed
  // by a blank line (or ends the text). In such a text a short line followed directly by text
  // is a paragraph's start cut by a wrap, not a title.
  bool apart = false;
  // Indented as Chinese documents are, with U+3000 (　　为了…): its lines that open with one are
  // at least half as many as its lines that end a sentence. Not every paragraph's line: titles
  // and headings are often centred or flush, and a cut line ends a sentence without an indent.
  bool indented = false;
};

ParagraphLayout LayoutOf(std::string_view text) {
  int ends = 0, apart = 0, indented = 0;
  for (size_t start = 0; start < text.size();) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view raw = text.substr(start, end - start), line = TrimSpaces(raw);
    start = end + 1;
    if (line.empty()) continue;
    indented += IdeographicSpaceAt(raw, 0);
    UChar32 last = Utf8Before(line, line.size(), nullptr);
    if (last != U'。' && last != U'！' && last != U'？') continue;
    ++ends;
    size_t after = SkipSpaces(text, start);
    while (after < text.size() && text[after] == '\r') after = SkipSpaces(text, after + 1);
    if (nl == std::string_view::npos || after >= text.size() || text[after] == '\n') ++apart;
  }
  return {ends >= 4 && apart * 10 >= ends * 9, indented >= 3 && indented * 2 >= ends};
}

// What indents say about a break: the text indents its paragraphs, and the logical line before
// the break opened with such an indent.
struct Indents {
  bool paragraphs = false;
  bool line = false;
};

// The line after `next`, trimmed, from `rest` (the text after `next`'s line, its newline first),
// read no further than a table's row runs.
std::string_view LineAfterNext(std::string_view rest) {
  if (rest.empty()) return {};
  std::string_view after_next = rest.substr(1, kLongestTableRow + 1);
  return TrimSpaces(after_next.substr(0, after_next.find('\n')));
}

// A table's or box's label and the start of its title, cut from the title's end right above the
// table (专栏1 “十四五”时期 / 经济社会发展主要指标 / 类别 指标 2020年 …): a title under a label
// is one line, and the table's header or first row follows it at once. A line of its own under
// the title (（单位：亿元）, a date) has brackets, digits or punctuation. `rest` is the text after
// `next`'s line (its newline first): the line after is read only when a label opens `line`.
bool LabelledTitleCut(std::string_view line, std::string_view next, std::string_view rest) {
  std::string_view label = NumberedLabelAt(line);
  if (label.empty() || label.size() == line.size() || CodePoints(line, 40) > 40 || HasSentencePunct(line)) return false;
  if (CodePoints(next, 25) > 25 || HasSentencePunct(next) || !NumberedLabelAt(next).empty() || IsTableRow(next) ||
      SpacesSeparateWords(next) || next.find("单位") != std::string_view::npos)
    return false;
  for (size_t i = 0; i < next.size();) {
    UChar32 c = Utf8At(next, i, &i);
    if (IsAsciiDigit(c) || c == '(' || c == U'（' || c == U'〔' || c == '[') return false;
  }
  if (rest.empty()) return false;
  std::string_view after_next = LineAfterNext(rest);
  return IsTableRow(after_next) || SpacesSeparateWords(after_next);
}

bool BreakIsLayout(icu::BreakIterator* words, std::string_view line, std::string_view next, std::string_view rest,
                   TableAbove table, bool paragraphs_apart, Indents indents) {
  UChar32 last = Utf8Before(line, line.size(), nullptr);
  UChar32 first = Utf8At(next, 0, nullptr);
  // No line starts with ，or ）, if the line before it is text: a line of marks alone could chain
  // with the next (each join letting cjk_punct convert one more mark) past the rounds' bound.
  // ” opens as often as it closes in damaged text (quotes reversed: ”我们要…“): it closes the
  // line before only when that line left a quotation open.
  if (first == U'”') return QuotationOpenAtEnd(line);
  if (ClosesLine(first) || TypedClosingMark(next)) return EndsInText(line);
  // A number alone on its line (a row's number in a table set one cell to a line: 1 / 某某工程)
  // stands alone: a wrap leaves a number beside words, not by itself.
  std::string_view trimmed = TrimSpaces(line);
  if (!trimmed.empty() && trimmed.size() <= 3 &&
      std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); }))
    return false;
  // Rows of a table keep their lines: joined, 12000 and the next row's 2 would read 120002. A
  // row cut inside a word (… 6左 / 右 预期性, 经济发展 地区生产总 / 值增长（%） 3.6 …) is one row:
  // unless both lines are whole rows, the dictionary decides.
  bool line_is_row = IsTableRow(line), next_is_row = IsTableRow(next);
  if (line_is_row || next_is_row) {
    if ((line_is_row && next_is_row) || !IsHan(last) || !IsHan(first)) return false;
    if (words && JoinIsInsideWord(*words, line, next)) return true;
    // The two lines are one row cut in two when their cells fit the table's width, the cut cell
    // counted once (经济发展 地区生产 / 总值增长（%） 3.9 — 6左右 预期性, or a row / its last cells:
    // … 4.1 — 高于 / 地区生产总值增长 预期性). A piece between two rows may end the row above or
    // start the row below: the widths tell which, and a piece is never joined across rows.
    std::string_view piece = line_is_row ? next : line;
    if (CodePoints(piece, 40) > 40 || HasSentencePunct(piece) || !NumberedLabelAt(piece).empty()) return false;
    int cells = CellCount(line) + CellCount(next) - 1;
    // With the table's width known, the row part must be narrower than the table (a whole row
    // beside a piece is never joined to it) and the two must fit it together.
    if (table.width > 0)
      return cells <= table.width && CellCount(line_is_row ? line : next) < table.width &&
             !(next_is_row && IsTableHeader(line, next));
    // No table width known yet (a table's first row): the row after the piece tells it. A first
    // row narrower than that row, and a piece that makes it as wide, are one row cut inside a
    // cell (类别 指标 2020年 2025年 年均 / 增长/累计 属性 / 经济发展 地区生产总值增长（%） 3.9 — …).
    if (line_is_row && table.cells_above == 0) {
      std::string_view row_below = LineAfterNext(rest);
      if (IsTableRow(row_below)) {
        int width = CellCount(row_below);
        return CellCount(line) < width && cells == width;
      }
    }
    // A piece of cells before a row is its start, unless the row above has fewer cells than the
    // row below, which the piece then ends.
    bool end_of_row_above = table.cells_above > 0 && table.cells_above <= CellCount(next);
    return next_is_row && !end_of_row_above && SpacesSeparateWords(line) && !IsTableHeader(line, next);
  }
  if (FigureOrMarkCut(line, next)) return true;
  if (!IsHan(last) && !IsAsciiDigit(last) && last != 0xFF0C && last != 0x3001 && last != ',' && last != '%' &&
      last != U'‰' && !EndsInsideSentenceText(line))
    return false;
  if (IsDateLine(line) || IsDateLine(next)) return false;
  // A quotation or bracket may open the next line (严格落实 / “两高”项目, 行动方案 / （2024—2025年）),
  // and a short Latin term (3 / A级景区, 开展“10+ / N”), where the line before is a sentence under
  // way or cannot end: a title, a field (出席：…) or an attachment's line may well be followed by
  // a line that opens with 《 or “.
  if (!IsHan(first) && !IsAsciiDigit(first)) {
    bool opens = OpensQuotationOrBracket(first) && (IsHan(last) || last == U'，' || last == U'、' || last == ',');
    if (!opens && !LatinTermOpens(next)) return false;
    bool sentence_under_way = HasSentencePunct(line) && !IsFieldLine(line) && !line.starts_with("附件");
    if (!sentence_under_way && !CannotEndTitle(line)) return false;
  }
  if (HeadingAt(next).level >= 0) return false;
  // A contact's or a distribution's line (联系人：…, 联系电话：…, 抄送：…) is a line of its own,
  // like a heading, after a short line without punctuation (…2.任务分工表 / 联系人：张三). After
  // prose the label may be a word's end cut off (…，如有疑问请咨询 / 电话：0571-…).
  std::string_view item = TrimSpaces(line);
  item.remove_prefix(HeadingAt(item).text.size());  // past a list number (2.任务分工表), whose . is no full stop
  if (CodePoints(item, 25) <= 25 && !HasSentencePunct(item))
    for (std::string_view label : {"联系人：", "联系电话：", "联系方式：", "电话：", "传真：", "邮箱：", "电子邮箱：",
                                   "通讯地址：", "邮编：", "抄送：", "主送：", "附件："})
      if (next.starts_with(label)) return false;
  // A short line of words set apart by spaces (a byline under a title, 市长 王某某) is a line of
  // its own: a layout breaks lines, it does not put spaces between words.
  if (CodePoints(next, 25) <= 25 && SpacesSeparateWords(next)) return false;
  // Where paragraphs are indented, a paragraph's line (or a heading's: 　　一、总体要求) is
  // followed by an indented line, a blank one, or a title or chapter heading, which are no
  // sentence's end: a line without an indent after it, its text running on, was cut.
  if (indents.paragraphs && indents.line && LawUnitAt(next).empty() && NumberedLabelAt(next).empty()) return true;
  // 的 ties what follows to the words before it: no line starts with it (的确 aside).
  if (next.starts_with("的") && !next.starts_with("的确") && IsHan(last)) return true;
  if (IsHan(last) && IsHan(first) && words && JoinIsInsideWord(*words, line, next)) return true;
  // A heading is a line of its own: the line's last clause (the whole line when it has no
  // sentence end) starts with a marker. "1.加快建设。每年新建" is a list item whose sentence
  // goes on, not a heading.
  // After ；the marker numbers an item of the sentence's own list (…负有下列职责：（一）建立…；
  // （二）组织…), which goes on like any clause.
  std::string_view last_clause = LastClause(line);
  size_t clause_at = static_cast<size_t>(last_clause.data() - line.data());
  UChar32 before_clause = clause_at > 0 ? Utf8Before(line, clause_at, nullptr) : 0;
  bool heading = HeadingAt(TrimSpaces(last_clause)).level >= 0 && before_clause != U'；' && before_clause != ';';
  // A document title wrapped onto two lines (…关于印发…数字经济 / 高质量发展…的通知) is one; a
  // document number (杭政办发〔2023〕12号) before a title is a line of its own.
  // Every test here reads a line of at most 80 characters: the logical line grows as breaks
  // are removed, and must not be copied or scanned whole at each of them.
  // A heading cannot end where a title cannot: inside a quotation, after 的 (（一）…任务“回头 / 看”).
  // Judged on the heading's own clause: a paragraph may end in a heading glued to it (…。四、抓帮扶),
  // and a quotation left open earlier in the paragraph says nothing about the heading. Headings
  // are short; the bound keeps a long clause from being scanned at each break.
  if (heading) {
    std::string_view clause = TrimSpaces(LastClause(line));
    if (clause.size() > 600) return false;
    // Where paragraphs are set apart by blank lines, so are headings (see below); but a page that
    // breaks a short heading from its text with a lone <br> (一、总体要求 / 坚持…。) keeps it: only
    // a heading as long as an item's sentence (（二）县财政按每户1500元标准给予) was cut.
    // An item that is a sentence (longer than headings run, with a comma: （二）县财政…给予奖补，
    // 所需资金由…按比例) followed by a line that is only the end of a sentence (分担。) was cut
    // too: no paragraph under a heading is a word long.
    // So was one that states a requirement (（一）各乡镇要在每年3月底前完成上年度 / 任务“回头看”……).
    bool item_sentence = (clause.find("，") != std::string_view::npos && CodePoints(clause, 25) > 24) ||
                         SentenceLine(clause);
    // A heading's clauses are phrases of four characters or more (一、准确把握形势，坚定发展信心):
    // one of three or fewer after its comma is a sentence's clause, cut (…给予奖补，所需 / 资金由…).
    size_t comma = clause.rfind("，");
    bool clause_cut = comma != std::string_view::npos && CodePoints(clause.substr(comma + 3), 4) <= 3;
    bool words_cut_off = !HasSentencePunct(clause) && OpensWithShortSentenceEnd(next);
    return CannotEndTitle(clause) || clause_cut || (item_sentence && EndOfSentenceOnly(next)) || words_cut_off ||
           (paragraphs_apart && CodePoints(clause, 16) > 15 && HasSentencePunct(next.substr(0, 240)));
  }
  if (CodePoints(line, 80) > 80) return true;
  // A line that opens with the verb of a figure (增长8.4%, 达到100%) goes on a sentence whose
  // subject ended the line before: no paragraph starts 增长8.4%. (A heading above it is its own.)
  if (IsHan(last) && (VerbOfFigureOpens(next) || ChangeCutBeforeItsEnd(line, next) || CopulaOfCutSubjectOpens(next)))
    return true;
  // An attachment's label (附件2, 附表1) stands above its title.
  if (IsAttachmentLabel(line)) return false;
  if (LabelledTitleCut(line, next, rest)) return true;
  // Fields, a line each (出席：… / 列席：… / 记录：…, 联系人：… / 电话：…).
  if (IsFieldLine(line) && IsFieldLine(next)) return false;
  if (!IsDocumentTitle(line) && !line.ends_with("号") && CodePoints(next, 80) <= 80) {
    std::string joined = std::string(line) + std::string(next);
    // An issuer before its 关于 (国务院 / 关于…的通知, …关于 / 印发…的通知), or a long title cut
    // anywhere (某市国民经济和社会发展 / 第十四个五年规划…纲要). A label of two characters above a
    // title (特急, 机密) is not cut from it.
    size_t line_characters = CodePoints(line, 6);
    if (line_characters >= 3 && (joined.find("关于") != std::string::npos || line_characters >= 6) && IsDocumentTitle(joined))
      return true;
  }
  // A subtitle (——2024年1月15日在某市人民代表大会第四次会议上) is a title's line, however long.
  bool subtitle = line.starts_with("——") && CodePoints(line, 80) <= 80 && !HasSentencePunct(line);
  bool title = ((CodePoints(line, 25) <= 25 && !HasSentencePunct(line)) || IsDocumentTitle(line) || subtitle) &&
               !SentenceLine(line);
  // Where paragraphs are set apart by blank lines, a title or a heading has one after it too: a
  // short line running straight into a sentence (全市政府性基金预算收入 / 完成598.7亿元，下降
  // 18.6%…) is cut. A salutation (各位代表：) or a date under a title is no sentence of text.
  if (title && paragraphs_apart && !IsDocumentTitle(line) && HasSentencePunct(next.substr(0, 240))) return true;
  return !title || CannotEndTitle(line) || SetPhraseSpans(line, next);
}

}  // namespace

void HardWrap(std::string_view text, PassOutput& out) {
  thread_local std::unique_ptr<icu::BreakIterator> words = NewWordBreaker();
  // Decisions look at the logical line: everything since the last break that stays. Judging
  // the physical line instead would let a second run (which sees the joined line) decide
  // differently, and normalization must be idempotent.
  size_t line_start = 0, logical_start = 0;
  TableAbove table;
  const ParagraphLayout layout = LayoutOf(text);
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', line_start)) {
    size_t next_start = nl + 1;
    line_start = next_start;
    size_t kept_from = logical_start;
    logical_start = next_start;  // unless we join below
    std::string_view raw_line = text.substr(kept_from, nl - kept_from);
    size_t next_end = text.find('\n', next_start);
    if (next_end == std::string_view::npos) next_end = text.size();
    std::string_view line = TrimSpaces(raw_line);
    std::string_view next = TrimSpaces(text.substr(next_start, next_end - next_start));
    bool joined = !line.empty() && !next.empty() &&                        // else a paragraph break
                  SpaceAt(text, next_start) == 0 &&                          // indented: a new paragraph/article
                  BreakIsLayout(words.get(), line, next, text.substr(next_end), table, layout.apart,
                                {layout.indented, IdeographicSpaceAt(raw_line, 0)});
    if (!joined) {
      // A row or a header widens the table; a piece of cells leaves it as it is; a sentence, a
      // blank line or a title ends it.
      bool row = !line.empty() && IsTableRow(line);
      table.cells_above = row ? CellCount(line) : 0;
      if (row || IsTableHeader(line, next)) table.width = std::max(table.width, CellCount(line));
      else if (line.empty() || HasSentencePunct(line) || !SpacesSeparateWords(line)) table.width = 0;
      continue;
    }
    logical_start = kept_from;
    // Remove the break and the spaces around it, which belonged to the layout, not the text.
    size_t del_start = nl, del_end = nl + 1;
    while (del_start > 0 && (text[del_start - 1] == '\r' || SpaceBefore(text, del_start) > 0))
      del_start -= text[del_start - 1] == '\r' ? 1 : SpaceBefore(text, del_start);
    del_end = SkipSpaces(text, del_end);
    out.Delete(del_start, del_end, kRule);
  }
}

}  // namespace pledge::rules
