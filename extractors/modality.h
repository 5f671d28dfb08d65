// Modality and period of a quantity, from the words of its sentence.
//
// Contract:
//   ClassifyModality(sentence, start, end) looks at the sentence text before the quantity
//   [start, end) (and the few characters after it, for conditions) and returns
//     "condition"   满意率达不到90%的取消年终奖 (a threshold that triggers a consequence)
//     "obligation"  必须, 不得, 应当, 规定, 要 …
//     "target"      力争, 确保, 目标, 预期, 到2025年, 用三年时间使, 今年 and 三年内 (where
//                   nothing in the sentence is past and the document reviews no year) …
//     "achievement" a reported result: 达到, 实现, 完成, 增长, 减轻 … with no obligation or target
//     ""            unclear
//   in that order of precedence; between obligation and target words the nearest one wins.
//   `context` (section headings, document title) decides when the sentence has no modal word
//   of its own: a section about 目标/任务/措施 sets targets, one that reviews 成绩 reports them.
//   When nothing decides, a bound stated in a rule's words (`bound_word`, the word before the
//   quantity: 不少于, 至少, 不超过 …) makes it an obligation (调研时间不少于30天).
//   FindPeriod returns the rate the quantity is stated per
//   (每年 → "year", 每人每年 → "person-year") or "". 每年, 每人 run on through the clauses
//   after theirs (领导每年…不得少于15天，市直领导不得少于1个月), except to a percentage, a
//   ratio of its own (每年开展2次整治，机扫率达到95%), and to the span of a time frame (每年
//   投入200万元，用三年时间使…); 人均, 年均 describe their own clause's measure only.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pledge {

// The modal words of one sentence, found once, then asked for each quantity in it: the
// sentence is scanned once however many quantities it holds.
class ModalityCues {
 public:
  ModalityCues(std::string_view sentence, std::string_view context);
  std::string Classify(size_t start, size_t end, std::string_view bound_word = {}) const;
  // The period of the quantity of `kind` whose words start at `start` and end at `end`.
  std::string Period(size_t start, size_t end, std::string_view kind) const;

 private:
  using Matches = std::vector<std::pair<size_t, size_t>>;
  std::string_view sentence_;
  Matches obligation_, target_, past_, achievement_, condition_words_, condition_verbs_, time_frames_;
  Matches looking_back_;  // 过去五年, 五年来: only looked for where 过去 or 年来 occurs
  Matches levels_held_;   // 控制在, 稳定在
  Matches time_ahead_;    // 今年, 年内, 三年内: only looked for where 今年 or 内 occurs
  Matches attributive_past_;  // 已建的, 已有的: a noun's description, not an event of the sentence
  bool target_context_ = false, goal_context_ = false, review_context_ = false, has_period_word_ = false;
};

std::string ClassifyModality(std::string_view sentence, size_t start, size_t end, std::string_view context = {});
// `own_clause_only`: only a period word in the quantity's own clause counts (a ratio's).
std::string FindPeriod(std::string_view sentence, size_t start, bool own_clause_only = false);

}  // namespace pledge
