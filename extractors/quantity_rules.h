// The extraction rules as data: units, bound words, context words. Adding a unit or a bound
// word is adding a row here plus a test; extract_quantities.cpp turns the rows into RE2
// patterns once at start-up.
#pragma once

#include <string_view>
#include <vector>

namespace pledge::rules {

struct UnitRule {
  std::string_view text;   // as written after the number: 亩, 平方公里, 个月 …
  std::string_view kind;   // money | duration | percent | count | area | measure | multiple
  std::string_view unit;   // canonical unit, "" = null (counts)
  double factor;           // value in the canonical unit = number × factor
};

struct WordRule {
  std::string_view text;
  std::string_view meaning;  // a bound (min, max, approx), a modality, a period …
};

const std::vector<UnitRule>& Units();
const std::vector<WordRule>& BoundsBefore();   // 不少于 15天
const std::vector<WordRule>& BoundsAfter();    // 15天 以上
const std::vector<WordRule>& Periods();        // 每人每年 → person-year
const std::vector<WordRule>& RatePeriods();    // after a slash: 元/人·年 → person-year, 万元/年 → year
const std::vector<std::string_view>& MoneyContext();  // 投资, 引资 …: 1000万 without 元 is money
// The party's and the state's fixed formulas that open with a numeral (四个意识, 两个维护,
// 两条底线, 五位一体): names of doctrines, written with quotation marks or without, no counts.
const std::vector<std::string_view>& NumberedFormulas();

}  // namespace pledge::rules
