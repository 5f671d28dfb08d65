#include "extractors/modality.h"

#include <re2/re2.h>

#include "extractors/quantity_rules.h"

namespace pledge {
namespace {

// The part of the sentence a modal word can govern: back to the last ；or sentence start.
std::string_view Scope(std::string_view sentence, size_t start) {
  std::string_view before = sentence.substr(0, start);
  size_t semi = before.rfind("；");
  if (semi != std::string_view::npos) before.remove_prefix(semi + std::string_view("；").size());
  return before;
}

// The clause the quantity sits in: back to the last ，or ；.
std::string_view Clause(std::string_view scope) {
  size_t comma = scope.rfind("，");
  return comma == std::string_view::npos ? scope : scope.substr(comma + std::string_view("，").size());
}

struct Patterns {
  RE2 condition_before{R"((?:达不到|不足|低于|未达到|未完成|达不到|少于|不满|超过|高于)\s*$)"};
  RE2 condition_after{R"(^(?:以上|以下|以内)?的)"};
  RE2 condition_words{R"(如果|若|凡是|一旦|否则)"};
  RE2 obligation{R"(必须|不得|不准|严禁|禁止|务必|须|应当|应该|规定|要求|责令|坚持|(?:^|[^主重需只想纲概摘])要)"};
  RE2 target{R"(力争|争取|确保|目标|预期|预计|计划|规划|决定|拟|努力|力求|到\d{4}年|到二[〇零]\S{2}年|用\S{1,4}(?:年|个月)?时间|将)"};
  RE2 past{R"((?:^|[^为除])了|已|累计|先后|共计|来[，,]|以来|到目前|截至目前|截止目前)"};
  RE2 past_after{R"(^(?:来|以来))"};
  RE2 time_frame{R"(用\S{0,4}(?:年|个月|天)(?:左右)?(?:的)?时间)"};
  RE2 target_context{R"(目标|任务|计划|规划|方案|意见|要点|安排|部署|举措|措施|打算|展望|今后|下一步|思路|工作重点)"};
  RE2 review_context{R"(回顾|成绩|成效|成就|总结|完成情况|进展|过去)"};
  RE2 achievement{R"(达到|达|实现|完成|增长|增加|下降|减轻|减少|提高|新增|累计|已|共|先后|了|占|超过|引进|建成|形成)"};
};

const Patterns& P() {
  static const Patterns p;
  return p;
}

// End offset of the last match of `pattern` in `text`, or npos.
size_t LastMatchEnd(std::string_view text, const RE2& pattern) {
  re2::StringPiece scan(text.data(), text.size());
  size_t end = std::string_view::npos;
  while (RE2::FindAndConsume(&scan, pattern)) {
    end = scan.data() - text.data();
    if (scan.empty()) break;
  }
  return end;
}

}  // namespace

std::string ClassifyModality(std::string_view sentence, size_t start, size_t end, std::string_view context) {
  const auto& p = P();
  std::string_view scope = Scope(sentence, start);
  std::string_view clause = Clause(scope);
  std::string_view after = sentence.substr(end, 12);
  if (RE2::PartialMatch(clause, p.condition_before) && RE2::PartialMatch(after, p.condition_after)) return "condition";
  if (RE2::PartialMatch(clause, p.condition_words)) return "condition";
  // The modal word nearest the quantity governs it (要确保 → target, 规定…不得 → obligation).
  size_t obligation = LastMatchEnd(scope, p.obligation), target = LastMatchEnd(scope, p.target);
  // 用三年时间使…: the target phrase wraps the quantity itself.
  if (target == std::string_view::npos && RE2::PartialMatch(sentence.substr(0, end + 9), p.time_frame)) target = start;
  bool past = RE2::PartialMatch(clause, p.past) || RE2::PartialMatch(after, p.past_after);
  bool past_in_sentence = past || RE2::PartialMatch(scope, p.past);
  if (target != std::string_view::npos && past) target = std::string_view::npos;
  if (obligation != std::string_view::npos || target != std::string_view::npos) {
    if (target == std::string_view::npos) return "obligation";
    if (obligation == std::string_view::npos) return "target";
    return obligation > target ? "obligation" : "target";
  }
  if (past_in_sentence) return "achievement";
  // No word of its own: what the section is about decides (目标, 任务 … set targets).
  if (RE2::PartialMatch(context, p.target_context) && !RE2::PartialMatch(context, p.review_context)) return "target";
  if (RE2::PartialMatch(scope, p.achievement)) return "achievement";
  if (RE2::PartialMatch(context, p.review_context)) return "achievement";
  return "";
}

std::string FindPeriod(std::string_view sentence, size_t start) {
  std::string_view scope = Scope(sentence, start);
  // The period word that ends nearest the quantity wins; at the same end, the longest
  // (每人每年 over 每年).
  size_t best_end = 0, best_length = 0;
  std::string meaning;
  for (const auto& w : rules::Periods()) {
    size_t at = scope.rfind(w.text);
    if (at == std::string_view::npos) continue;
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
