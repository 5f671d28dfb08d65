#include "extractors/modality.h"

#include <re2/re2.h>

#include "extractors/quantity_rules.h"

#include <re2/set.h>

#include <algorithm>
#include <bitset>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <optional>
#include <vector>

namespace pledge {
namespace {

// How far back a modal or period word can govern a quantity. Real clauses are far shorter;
// the bound keeps the work per quantity constant in a sentence with no punctuation at all.
constexpr size_t kMaxLookback = 360;

// Start of the last kMaxLookback bytes before `start`, moved onto a character boundary.
size_t LookbackStart(std::string_view s, size_t start) {
  if (start <= kMaxLookback) return 0;
  size_t b = start - kMaxLookback;
  while (b < start && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) ++b;
  return b;
}

struct Patterns {
  // 满 as in 运营满1年的, 年满60周岁的: the threshold of an entitlement.
  RE2 condition_verbs{R"(达不到|不足|低于|未达到|未完成|少于|不满|满|超过|超|高于)"};
  RE2 condition_words{R"(如果|若|凡是|一旦|否则)"};
  // A penalty a law imposes (，处1万元以上5万元以下罚款; 并处; 可以处; 对个人处…, 对单位处…) is
  // as binding as 必须.
  RE2 obligation{R"(必须|不得|不准|严禁|禁止|务必|须|应当|应该|规定|要求|责令|坚持|(?:^|[^主重需只想纲概摘])要|(?:^|[，；：])(?:并|可以|可|另)?处以?|对\p{Han}{1,10}?(?:并|可以|可|另)?处以?)"};
  // A deadline is a plan's: 到2025年, 2025年底前, 今年年底前, 2025年前 (a figure reached by
  // then, 截至2024年底 aside, which is past; 6月底前; 到“十四五”末, a plan period's end), and so
  // is the time ahead (今后五年, 未来三年).
  // A PDF's spaces may sit around the year (到2025 年).
  RE2 target{R"(力争|争取|确保|目标|预期|预计|计划|规划|决定|拟|努力|力求|到 ?\d{4} ?年|到二[〇○零]\S{2}年|(?:\d{4} ?|[今明本]|)年(?:年|度)?[底末]前|\d{1,2} ?月[底末]?前|到[“"]?十[一二三四五六七八九]?五[”"]?(?:时期|期)?末|\d{4} ?年前|用\S{1,4}(?:年|个月)?的?时间|今后|未来[一二三四五六七八九十两几\d]{1,2}(?:年|个月)|将)"};
  // 累计 is not here: it is cumulative, not past (到2025年累计建成 is a target).
  RE2 past{R"((?:^|[^为除])了|已|先后|共计|来[，,]|以来|到目前|截至|截止|)" + std::string(kLookingBack)};
  // The time a review looks back over: 过去五年, 过去的一年, 五年来, 近年来, 一年来 (not a
  // comparison with it: 比过去五年翻一番).
  static constexpr const char* kLookingBack = R"((?:^|[^比较与同])过去的?[一二三四五六七八九十两几\d]{0,2}个?(?:年|月)|年来)";
  RE2 looking_back{kLookingBack};
  // 在已建的7395个中心村基础上，每年再建设800个: 已 before a verb and 的 describes the noun
  // after it; the sentence's own events are not past for it.
  RE2 attributive_past{R"(已\p{Han}{1,3}的)"};
  // A level to be held (失业率控制在5.5%以内, 播种面积稳定在1600万亩以上) is a target where no
  // review reports it as held.
  RE2 level_held{R"(控制在|稳定在|保持在|控制到|稳定到)"};
  RE2 time_frame{R"(用\S{0,4}(?:年|个月|天)(?:左右)?(?:的)?时间)"};
  // The time ahead a plan names without a deadline: 今年, 年内, 三年内, 两个月内 (not 近三年内,
  // which looks back).
  RE2 time_ahead{R"((?:^|[^近])[一二三四五六七八九十两\d]{1,2}个?(?:年|月)内|今年|(?:^|[^近一二三四五六七八九十两\d个今])年内)"};
  // The paragraph's lead is part of the context: 到2025年，…； sets the frame of what follows.
  // A budget's draft (2024年预算草案) is its plan; a year's key tasks, as sent out (关于印发2024年
  // 重点工作的通知), are its plan too.
  RE2 target_context{R"(目标|任务|计划|规划|方案|意见|要点|安排|部署|举措|措施|打算|展望|今后|下一步|思路|工作重点|重点工作(?:的(?:通知|意见|函))?$|草案|到 ?\d{4} ?年|到二[〇○零]\S{2}年)"};
  // The parts of that context that name what is aimed at (主要目标, 2024年工作打算), not how it
  // is to be done (保障措施, 实施方案): a bound stated there is a target's floor, not a rule.
  RE2 goal_context{R"(目标|计划|规划|打算|展望|今后|下一步|草案|预期|到 ?\d{4} ?年|到二[〇○零]\S{2}年)"};
  RE2 named_year{R"((\d{4})(?: ?年| ?[—－\-~～至到]))"};  // 2023年, and a span's start: 2024—2025年
  RE2 requirement_bound{R"(不少于|不低于|不超过|不高于|不多于|不小于|不大于|至少|最少|最多)"};
  // How a budget or a policy was carried out (2023年预算执行情况, 落实情况) is a review.
  // A statistical bulletin (国民经济和社会发展统计公报) reports a year that is over.
  RE2 review_context{R"(回顾|成绩|成效|成就|总结|(?:完成|执行|落实|实施|开展)情况|进展|过去|年度报告|统计公报)"};
  // 可达 is what a ceiling allows (最高可达300万元), not what was reached: matched here so that
  // its 达 is not, and dropped (see the constructor).
  RE2 achievement{R"(可达到?|达到|达|实现|完成|增长|增加|下降|减轻|减少|提高|新增|累计|已|共|先后|了|占|(?:^|[^不])超过|引进|建成|形成)"};

  // The cue patterns a sentence is searched for, in one set: one pass over the sentence says
  // which of them occur at all, and only those are searched match by match. Most sentences hold
  // three or four of the eleven.
  enum Cue { kCueObligation, kCueTarget, kCuePast, kCueAchievement, kCueConditionWords, kCueConditionVerbs, kCueTimeFrame,
             kCueLevelHeld, kCueTimeAhead, kCueLookingBack, kCueAttributivePast, kCueCount };
  RE2::Set cues{RE2::DefaultOptions, RE2::UNANCHORED};
  Patterns() {
    const RE2* in_order[kCueCount] = {&obligation, &target,     &past,      &achievement,  &condition_words, &condition_verbs,
                                      &time_frame, &level_held, &time_ahead, &looking_back, &attributive_past};
    for (const RE2* pattern : in_order)
      if (cues.Add(pattern->pattern(), nullptr) < 0) throw std::logic_error("modality cue does not compile: " + pattern->pattern());
    if (!cues.Compile()) throw std::logic_error("modality cues do not compile as a set");
  }
  // Which cues occur in `sentence`; all of them where the set cannot tell (its DFA ran out of
  // memory), so that nothing is missed.
  std::bitset<kCueCount> Present(std::string_view sentence) const {
    std::vector<int> found;
    std::bitset<kCueCount> present;
    RE2::Set::ErrorInfo error{};
    if (!cues.Match(re2::StringPiece(sentence.data(), sentence.size()), &found, &error) && error.kind != RE2::Set::kNoError)
      return present.set();
    for (int k : found) present.set(static_cast<size_t>(k));
    return present;
  }
};

const Patterns& P() {
  static const Patterns p;
  return p;
}

// Every match of `pattern` in `text`, as (begin, end) byte offsets.
std::vector<std::pair<size_t, size_t>> AllMatches(std::string_view text, const RE2& pattern) {
  std::vector<std::pair<size_t, size_t>> found;
  re2::StringPiece input(text.data(), text.size()), match;
  size_t pos = 0;
  while (pos < text.size() && pattern.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    size_t b = match.data() - text.data(), e = b + match.size();
    found.emplace_back(b, e);
    pos = e > b ? e : b + 1;
  }
  return found;
}

// Matches are in text order: binary search to the first one at or after `from`.
using MatchList = std::vector<std::pair<size_t, size_t>>;
MatchList::const_iterator FirstFrom(const MatchList& matches, size_t from) {
  return std::lower_bound(matches.begin(), matches.end(), std::make_pair(from, size_t{0}));
}

bool AnyWithin(const MatchList& matches, size_t from, size_t to) {
  for (auto it = FirstFrom(matches, from); it != matches.end() && it->first < to; ++it)
    if (it->second <= to) return true;
  return false;
}

size_t LastEndWithin(const MatchList& matches, size_t from, size_t to) {
  size_t last = std::string_view::npos;
  for (auto it = FirstFrom(matches, from); it != matches.end() && it->first < to; ++it)
    if (it->second <= to) last = it->second;
  return last;
}

// Where the part of the sentence a modal or period word can govern begins: back to the last ；
// or the sentence's start, within kMaxLookback.
size_t ScopeBegin(std::string_view sentence, size_t start) {
  size_t from = LookbackStart(sentence, start);
  size_t semi = sentence.substr(from, start - from).rfind("；");
  return semi == std::string_view::npos ? from : from + semi + std::string_view("；").size();
}

size_t ClauseBegin(std::string_view sentence, size_t scope_begin, size_t start) {
  size_t comma = sentence.substr(scope_begin, start - scope_begin).rfind("，");
  if (comma == std::string_view::npos) return scope_begin;
  return scope_begin + comma + std::string_view("，").size();
}

// Where the clause holding `from` ends: the next ，。；or the end of the sentence.
size_t ClauseEnd(std::string_view sentence, size_t from) {
  // Only the next kMaxLookback bytes are searched: a sentence without punctuation must not make
  // every quantity scan the rest of it.
  std::string_view ahead = sentence.substr(from, kMaxLookback);
  size_t end = ahead.size();
  for (std::string_view mark : {"，", "。", "；", "："}) end = std::min(end, ahead.find(mark));
  return from + end;
}

// What a sentence's context (title / section heading / paragraph lead) says of the quantities
// under it: plans ahead (target), reviews (review), names goals (goal).
struct ContextVerdict {
  bool target = false, review = false, goal = false;
};

// What one part of a context says; the title and headings recur for every paragraph under
// them, so their verdicts are kept per thread (a few hundred parts at most: the cache is
// emptied when it grows past that).
// Looked up by the part's view: no string is made for a part already known.
struct PartHash {
  using is_transparent = void;
  size_t operator()(std::string_view part) const { return std::hash<std::string_view>{}(part); }
};

ContextVerdict JudgePart(std::string_view part) {
  thread_local std::unordered_map<std::string, ContextVerdict, PartHash, std::equal_to<>> known;
  if (auto it = known.find(part); it != known.end()) return it->second;
  const auto& p = P();
  ContextVerdict verdict;
  bool target = RE2::PartialMatch(part, p.target_context), review = RE2::PartialMatch(part, p.review_context);
  if (target != review) verdict = {target, review, target && RE2::PartialMatch(part, p.goal_context)};
  if (known.size() >= 512) known.clear();
  known.emplace(part, verdict);
  return verdict;
}

// The context runs from the document's title to the paragraph's lead (" / " between them): the
// most specific part that speaks decides. 三、2024年工作打算 sets targets even under a title
// 2023年工作总结和2024年工作打算, which speaks both ways and so decides nothing.
ContextVerdict JudgeContext(std::string_view context) {
  for (size_t end = context.size(); end > 0;) {
    size_t cut = context.rfind(" / ", end - 1);
    size_t begin = cut == std::string_view::npos ? 0 : cut + 3;
    ContextVerdict verdict = JudgePart(context.substr(begin, end - begin));
    if (verdict.target || verdict.review) return verdict;
    end = cut == std::string_view::npos ? 0 : cut;
  }
  return {};
}

// 每低1个百分点扣2分, 每超期1天罚款500元: the quantity is the step of a scoring or penalty scale
// (每 and a verb of excess or shortfall just before it, the points or the fine right after), the
// condition the consequence follows from.
bool StepOfScale(std::string_view s, size_t clause, size_t start, size_t end) {
  std::string_view lead = s.substr(clause, start - clause);
  size_t each = lead.rfind("每");
  if (each == std::string_view::npos || lead.size() - each > 5 * 3) return false;
  std::string_view step = lead.substr(each + 3);
  bool shortfall_or_excess = false;
  for (std::string_view verb : {"低", "少", "超", "高", "多", "增", "减", "降", "提高", "延"})
    shortfall_or_excess |= step.starts_with(verb);
  if (!shortfall_or_excess) return false;
  std::string_view rest = s.substr(end, 6);
  if (rest.starts_with("的")) rest.remove_prefix(3);
  for (std::string_view consequence : {"扣", "加", "罚", "奖", "减", "计"})
    if (rest.starts_with(consequence)) return true;
  return false;
}

}  // namespace

ModalityCues::ModalityCues(std::string_view sentence, std::string_view context) : sentence_(sentence) {
  const auto& p = P();
  const auto present = p.Present(sentence);
  auto all_matches = [&](Patterns::Cue cue, const RE2& pattern) {
    return present[cue] ? AllMatches(sentence, pattern) : Matches();
  };
  obligation_ = all_matches(Patterns::kCueObligation, p.obligation);
  target_ = all_matches(Patterns::kCueTarget, p.target);
  past_ = all_matches(Patterns::kCuePast, p.past);
  achievement_ = all_matches(Patterns::kCueAchievement, p.achievement);
  if (present[Patterns::kCueAttributivePast]) {
    attributive_past_ = AllMatches(sentence, p.attributive_past);
    auto attributive = [&](const auto& m) {
      return std::any_of(attributive_past_.begin(), attributive_past_.end(), [&](const auto& a) { return a.first == m.first; });
    };
    std::erase_if(past_, attributive);
    std::erase_if(achievement_, attributive);
  }
  std::erase_if(achievement_, [&](const auto& m) { return sentence.substr(m.first).starts_with("可达"); });
  // 共 (in all), 达 (reached) and 了 are also halves of other words: 公共预算, 中共, 共同, 共享;
  // 发达, 下达 (issued), 传达, 送达; 为了, 除了, 了解.
  std::erase_if(achievement_, [&](const auto& m) {
    std::string_view word = sentence.substr(m.first, m.second - m.first);
    if (word == "了") return sentence.substr(0, m.first).ends_with("为") || sentence.substr(0, m.first).ends_with("除") ||
                             sentence.substr(m.second).starts_with("解");  // 为了, 除了, 了解
    if (word != "共" && word != "达") return false;
    std::string_view before = m.first >= 3 ? sentence.substr(m.first - 3, 3) : std::string_view();
    std::string_view after = sentence.substr(m.second, 3);
    if (word == "共") {
      for (std::string_view w : {"公", "中"})
        if (before == w) return true;
      for (std::string_view w : {"同", "享", "建", "治", "识", "产", "青", "赢", "商", "生", "担", "性", "和", "济"})
        if (after == w) return true;
      return false;
    }
    for (std::string_view w : {"发", "表", "下", "传", "送", "通", "抵", "转", "直", "上"})
      if (before == w) return true;
    return false;
  });
  // 处 imposes a penalty before its amount (，处1万元以上…罚款) or after 并; 处理, 处置, 处于 are
  // other words.
  std::erase_if(obligation_, [&](const auto& m) {
    std::string_view match = sentence.substr(m.first, m.second - m.first);
    if (!match.ends_with("处") && !match.ends_with("处以")) return false;
    if (match.find("并处") != std::string_view::npos) return false;  // 并处…罚款: always a penalty
    std::string_view rest = sentence.substr(m.second);
    if (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') return false;
    for (std::string_view numeral : {"一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "半"})
      if (rest.starts_with(numeral)) return false;
    return true;
  });
  // 2015年前后 is a time around a year, and 去年年底前 a deadline already past.
  std::erase_if(target_, [&](const auto& m) {
    std::string_view word = sentence.substr(m.first, m.second - m.first);
    if (!word.ends_with("前")) return false;
    if (sentence.substr(m.second).starts_with("后")) return true;
    std::string_view before = sentence.substr(0, m.first + (word.starts_with("年") ? 3 : 0));
    for (std::string_view past_year : {"去年", "上年", "前年", "往年"})
      if (before.ends_with(past_year)) return true;
    return false;
  });
  // A deadline before the year its document is of (到2019年 in 2020年政府工作报告, 由2014年的12.3%
  // 下降到2019年的0.2%) was reached already: a review's span, not a target. The document's year
  // is the earliest its context's first part (the title, where there is one) names: the year it
  // reports on or plans from (行动方案（2024—2025年）); read only for a deadline that names one.
  std::optional<int> context_year;
  std::erase_if(target_, [&](const auto& m) {
    int year = 0;
    re2::StringPiece word(sentence.data() + m.first, m.second - m.first);
    if (!RE2::PartialMatch(word, p.named_year, &year)) return false;
    if (!context_year) {
      context_year = 0;
      std::string_view first = context.substr(0, context.find(" / "));
      re2::StringPiece scan(first.data(), first.size());
      for (int named = 0; RE2::FindAndConsume(&scan, p.named_year, &named);)
        if (named >= 1949 && named <= 2100 && (*context_year == 0 || named < *context_year)) context_year = named;
    }
    return *context_year > 0 && year >= 1949 && year < *context_year;
  });
  // 经过全县上下的共同努力, 通过努力, 在…努力下: the effort a result is owed to, not a resolve
  // (努力实现…, 努力把…).
  std::erase_if(target_, [&](const auto& m) {
    if (sentence.substr(m.first, m.second - m.first) != "努力") return false;
    std::string_view before = sentence.substr(0, m.first);
    for (std::string_view w : {"共同", "经过", "通过", "的", "不懈", "艰苦"})
      if (before.ends_with(w)) return true;
    return sentence.substr(m.second).starts_with("下");
  });
  // 预期寿命 is life expectancy, a noun: no 预期 of a plan.
  std::erase_if(target_, [&](const auto& m) { return sentence.substr(m.first).starts_with("预期寿命"); });
  // A plan or target that was completed (完成计划指标的94.1%, 完成全年目标, 超额完成年度计划) is
  // the measure of a result: 完成 up to four characters before the word.
  std::erase_if(target_, [&](const auto& m) {
    std::string_view word = sentence.substr(m.first, m.second - m.first);
    if (word != "计划" && word != "目标" && word != "预期") return false;
    size_t from = m.first >= 18 ? m.first - 18 : 0;
    return sentence.substr(from, m.first - from).find("完成") != std::string_view::npos;
  });
  condition_words_ = all_matches(Patterns::kCueConditionWords, p.condition_words);
  condition_verbs_ = all_matches(Patterns::kCueConditionVerbs, p.condition_verbs);
  // 不低于, 不得超过: a bound the sentence sets (按不低于1:1的比例配套), not a threshold a case
  // falls short of or exceeds.
  std::erase_if(condition_verbs_, [&](const auto& m) {
    std::string_view before = sentence.substr(0, m.first);
    return before.ends_with("不") || before.ends_with("不得");
  });
  time_frames_ = all_matches(Patterns::kCueTimeFrame, p.time_frame);
  levels_held_ = all_matches(Patterns::kCueLevelHeld, p.level_held);
  if (present[Patterns::kCueTimeAhead]) {
    time_ahead_ = AllMatches(sentence, p.time_ahead);
    // The part of the year gone by (今年以来, 今年头五个月, 今年前三季度, 今年上半年) is reported on.
    std::erase_if(time_ahead_, [&](const auto& m) {
      std::string_view rest = sentence.substr(m.second);
      for (std::string_view gone : {"以来", "头", "前", "上半年", "一季度", "第一季度", "1"})
        if (rest.starts_with(gone)) return true;
      return false;
    });
  }
  looking_back_ = all_matches(Patterns::kCueLookingBack, p.looking_back);
  const ContextVerdict verdict = JudgeContext(context);
  target_context_ = verdict.target, review_context_ = verdict.review, goal_context_ = verdict.goal;
  has_period_word_ = sentence.find("每") != std::string_view::npos || sentence.find("均") != std::string_view::npos ||
                     sentence.find("按") != std::string_view::npos;
}

std::string ModalityCues::Classify(size_t start, size_t end, std::string_view bound_word) const {
  std::string_view s = sentence_;
  size_t scope = ScopeBegin(s, start), clause = ClauseBegin(s, scope, start);
  auto starts = [&](size_t at, std::string_view w) { return at <= s.size() && s.substr(at, w.size()) == w; };
  // 满意率达不到90%的取消年终奖: a threshold verb right before, 的 right after.
  size_t after = end;
  for (std::string_view w : {"及以上", "及以下", "以上", "以下", "以内"})
    if (starts(after, w)) { after += w.size(); break; }
  bool verb_before = false;
  for (auto it = FirstFrom(condition_verbs_, clause); it != condition_verbs_.end() && it->first < start; ++it) {
    size_t gap = it->second;
    while (gap < start && s[gap] == ' ') ++gap;
    if (gap == start) verb_before = true;
  }
  // …but 给予最高不超过50万元的奖励 caps what is granted: the amount is the grant's, no threshold.
  if (verb_before && starts(after, "的")) {
    std::string_view lead = s.substr(clause, start - clause);
    bool granted = false;
    for (std::string_view w : {"给予", "最高", "最多", "奖励", "补助", "补贴", "资助", "奖补"})
      granted |= lead.find(w) != std::string_view::npos;
    if (!granted) return "condition";
  }
  if (AnyWithin(condition_words_, clause, start)) return "condition";
  if (StepOfScale(s, clause, start, end)) return "condition";
  // The modal word nearest the quantity governs it (要确保 → target, 规定…不得 → obligation).
  size_t obligation = LastEndWithin(obligation_, scope, start), target = LastEndWithin(target_, scope, start);
  // 用三年时间使…: the target phrase wraps the quantity itself.
  if (target == std::string_view::npos)
    for (auto it = FirstFrom(time_frames_, scope); it != time_frames_.end() && it->first <= start; ++it)
      if (it->second <= end + 9 && it->second > start) target = start;
  // 已建的7395个: the quantity the description is of was reached.
  bool described_past = std::any_of(attributive_past_.begin(), attributive_past_.end(), [&](const auto& a) {
    size_t gap = a.second;
    while (gap < start && s[gap] == ' ') ++gap;
    return gap == start;
  });
  bool past = AnyWithin(past_, clause, start) || starts(end, "来") || starts(end, "以来") || described_past;
  bool past_in_sentence = past || AnyWithin(past_, scope, start);
  if (target != std::string_view::npos && past) target = std::string_view::npos;
  // 今年, 年内, 三年内 set the time ahead, where nothing in the sentence is past and the document
  // does not review a year (a year's summary says 今年 of the year it reports: 2024年工作总结 …
  // 今年全市完成投资…; a speech 今年，我们又出台了…).
  if (target == std::string_view::npos && !review_context_ && !past_in_sentence) {
    size_t ahead = LastEndWithin(time_ahead_, scope, start);
    if (ahead != std::string_view::npos) target = ahead;
  }
  // 坚持 alone describes a practice as often as it demands one: in a review (2023年…坚持以公开
  // 为常态，全年公开信息3865条), or after the time a review looks back over (过去五年，我们坚持
  // 稳中求进，…年均增长6.5%), it is what was done. 要坚持, 必须坚持 still demand.
  bool looking_back = std::any_of(looking_back_.begin(), looking_back_.end(),
                                  [&](const auto& m) { return m.first >= scope && m.second <= start; });
  if (obligation != std::string_view::npos && ((review_context_ && !target_context_) || looking_back) && obligation >= 6 &&
      s.substr(obligation - 6, 6) == "坚持") {
    size_t word = obligation - 6;
    bool demanded = word >= 3 && (s.substr(word - 3, 3) == "要" || s.substr(word - 3, 3) == "须");
    if (!demanded) obligation = std::string_view::npos;
  }
  if (obligation != std::string_view::npos || target != std::string_view::npos) {
    if (target == std::string_view::npos) return "obligation";
    if (obligation == std::string_view::npos) return "target";
    return obligation > target ? "obligation" : "target";
  }
  if (past_in_sentence) return "achievement";
  if (!review_context_ && AnyWithin(levels_held_, clause, start)) return "target";
  // 200米范围内不得设置网吧: an obligation word after the quantity, in its own clause. After a
  // number, 规定, 要求 and 坚持 are nouns, the rules counted or broken (5起违反中央八项规定精神
  // 的问题, 提出3项要求), not a demand.
  const size_t clause_end = obligation_.empty() ? end : ClauseEnd(s, end);
  for (auto it = FirstFrom(obligation_, end); it != obligation_.end() && it->second <= clause_end; ++it) {
    std::string_view word = s.substr(it->first, it->second - it->first);
    if (word != "规定" && word != "要求" && word != "坚持") return "obligation";
  }
  // 调研时间不少于30天, 每季度至少听取1次: a floor or ceiling set in a rule's words is a
  // requirement, even without 必须 or 要, and even after a verb that also reports results
  // (调研时间累计不少于30个工作日, 全年完成投资不低于800亿元): a result is stated as reached,
  // not as at least. A review's context still reads it as reported, and a section of goals
  // (主要目标) as a target's floor; a section of measures (保障措施: 每年安排资金不少于5000万元)
  // is where rules are set.
  bool requirement = !bound_word.empty() && RE2::PartialMatch(bound_word, P().requirement_bound);
  if (requirement && !review_context_ && !goal_context_) return "obligation";
  // No word of its own: what the section is about decides (目标, 任务 … set targets).
  if (target_context_ && !review_context_) return "target";
  if (AnyWithin(achievement_, scope, start)) return "achievement";
  if (review_context_) return "achievement";
  return "";
}

std::string ModalityCues::Period(size_t start, size_t end, std::string_view kind) const {
  if (!has_period_word_) return "";
  // 用三年时间: the time a target is given, not a rate.
  for (auto it = FirstFrom(time_frames_, ScopeBegin(sentence_, start)); it != time_frames_.end() && it->first <= start; ++it)
    if (it->second >= end) return "";
  return FindPeriod(sentence_, start, kind == "percent");
}

std::string ClassifyModality(std::string_view sentence, size_t start, size_t end, std::string_view context) {
  return ModalityCues(sentence, context).Classify(start, end);
}

namespace {

// 人均, 年均 describe the one measure they are part of (居民人均可支配收入增长与经济增长同步，
// 单位能耗下降2.5%: the 2.5% is no per-person figure); so does a unit of land or a single one
// (每亩补贴100元，单户最高不超过10万元: the cap is per household, not per mu). Only 每年, 每人
// and their kin frame the clauses after theirs.
bool DescribesOneMeasure(std::string_view word) {
  for (std::string_view mark : {"均", "亩", "单"})
    if (word.find(mark) != std::string_view::npos) return true;
  return false;
}

}  // namespace

std::string FindPeriod(std::string_view sentence, size_t start, bool own_clause_only) {
  const size_t scope_begin = ScopeBegin(sentence, start);
  std::string_view scope = sentence.substr(scope_begin, start - scope_begin);
  // 每年, 每人 set a frame that runs on through parallel clauses (领导每年…不得少于15天，市直领导
  // 不得少于1个月); the words DescribesOneMeasure names do not.
  const size_t clause_begin = ClauseBegin(sentence, scope_begin, start) - scope_begin;
  // Every period word contains 每, 均, 按 or 单: most sentences have none, and a word is looked for
  // only where its own one occurs.
  static constexpr std::string_view kAnchors[] = {"每", "均", "按", "单"};
  // Where each anchor occurs in the scope: a word can only sit where its anchor does.
  std::vector<size_t> at_anchor[std::size(kAnchors)];
  bool any = false;
  for (size_t k = 0; k < std::size(kAnchors); ++k) {
    for (size_t at = scope.find(kAnchors[k]); at != std::string_view::npos; at = scope.find(kAnchors[k], at + 1))
      at_anchor[k].push_back(at);
    any |= !at_anchor[k].empty();
  }
  if (!any) return "";
  // The last place `word` occurs in the scope, found from the occurrences of its first anchor
  // (a plain rfind compares at every byte of the scope, for each of the period words).
  auto last_at = [&](std::string_view word) {
    for (size_t k = 0; k < std::size(kAnchors); ++k) {
      size_t offset = word.find(kAnchors[k]);
      if (offset == std::string_view::npos) continue;
      for (auto it = at_anchor[k].rbegin(); it != at_anchor[k].rend(); ++it)
        if (*it >= offset && scope.substr(*it - offset, word.size()) == word) return *it - offset;
      return std::string_view::npos;
    }
    return std::string_view::npos;
  };
  // The period word that ends nearest the quantity wins; at the same end, the longest
  // (每人每年 over 每年).
  size_t best_end = 0, best_length = 0;
  std::string meaning;
  for (const auto& w : rules::Periods()) {
    size_t at = last_at(w.text);
    if (at == std::string_view::npos) continue;
    if (at < clause_begin && (own_clause_only || DescribesOneMeasure(w.text))) continue;
    size_t word_end = at + w.text.size();
    if (word_end > best_end || (word_end == best_end && w.text.size() > best_length)) {
      best_end = word_end;
      best_length = w.text.size();
      meaning = std::string(w.meaning);
    }
  }
  return meaning;
}

}  // namespace pledge
