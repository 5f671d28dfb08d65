#include "extractors/quantity_rules.h"

namespace pledge::rules {

const std::vector<UnitRule>& Units() {
  static const std::vector<UnitRule> units = {
      // money: value in the currency's unit
      {"元人民币", "money", "CNY", 1}, {"元", "money", "CNY", 1}, {"块钱", "money", "CNY", 1},
      {"人民币", "money", "CNY", 1}, {"美元", "money", "USD", 1}, {"美金", "money", "USD", 1},
      {"欧元", "money", "EUR", 1}, {"日元", "money", "JPY", 1}, {"英镑", "money", "GBP", 1},
      {"港元", "money", "HKD", 1}, {"港币", "money", "HKD", 1}, {"卢布", "money", "RUB", 1},
      {"韩元", "money", "KRW", 1}, {"美圆", "money", "USD", 1}, {"台币", "money", "TWD", 1},
      {"新台币", "money", "TWD", 1}, {"瑞士法郎", "money", "CHF", 1}, {"法郎", "money", "CHF", 1},
      {"卢比", "money", "INR", 1}, {"澳元", "money", "AUD", 1}, {"加元", "money", "CAD", 1},
      // durations
      {"分钟", "duration", "minute", 1}, {"个小时", "duration", "hour", 1}, {"小时", "duration", "hour", 1},
      {"个工作日", "duration", "day", 1}, {"工作日", "duration", "day", 1}, {"天", "duration", "day", 1},
      {"个星期", "duration", "week", 1}, {"星期", "duration", "week", 1},
      {"周", "duration", "week", 1}, {"个月", "duration", "month", 1},
      {"个季度", "duration", "quarter", 1}, {"季度", "duration", "quarter", 1},
      {"年", "duration", "year", 1}, {"周年", "duration", "year", 1},
      {"周岁", "duration", "year", 1}, {"岁", "duration", "year", 1},  // an age, in years: 年满60周岁 is no 60 weeks
      // percentages
      {"%", "percent", "percent", 1}, {"个百分点", "percent", "pp", 1}, {"百分点", "percent", "pp", 1},
      {"个基点", "percent", "pp", 0.01}, {"基点", "percent", "pp", 0.01},  // basis points: 1/100 pp
      {"成", "percent", "percent", 10}, {"‰", "percent", "percent", 0.1},
      // multiples: 增长1.7倍; 翻一番 is ×2 and 翻两番 ×4 (the value is worked out in the extractor)
      {"倍", "multiple", "times", 1}, {"番", "multiple", "times", 1},
      // area
      {"平方公里", "area", "km2", 1}, {"平方千米", "area", "km2", 1}, {"平方米", "area", "m2", 1},
      {"平米", "area", "m2", 1}, {"公顷", "area", "ha", 1}, {"亩", "area", "mu", 1},
      // other physical quantities
      {"公里", "measure", "km", 1}, {"千米", "measure", "km", 1}, {"米", "measure", "m", 1},
      {"吨", "measure", "t", 1}, {"斤", "measure", "kg", 0.5}, {"克", "measure", "kg", 0.001},
      {"毫克", "measure", "kg", 1e-6}, {"微克", "measure", "kg", 1e-9},
      {"公分", "measure", "m", 0.01}, {"厘米", "measure", "m", 0.01}, {"毫米", "measure", "m", 0.001}, {"千克", "measure", "kg", 1}, {"公斤", "measure", "kg", 1},
      {"千瓦时", "measure", "kwh", 1}, {"度电", "measure", "kwh", 1}, {"千瓦", "measure", "kw", 1},
      {"兆瓦", "measure", "kw", 1000}, {"立方米", "measure", "m3", 1},
      {"兆帕", "measure", "mpa", 1}, {"千帕", "measure", "mpa", 0.001},  // pressure
      {"毫升", "measure", "m3", 0.000001}, {"公升", "measure", "m3", 0.001}, {"升", "measure", "m3", 0.001},
      {"标准箱", "measure", "teu", 1}, {"人次", "count", "", 1},
      // counts of times, whole: 200场次, 3000户次, 1.2万架次 (not 200场 and a stray 次)
      {"场次", "count", "", 1}, {"户次", "count", "", 1}, {"批次", "count", "", 1}, {"件次", "count", "", 1},
      {"架次", "count", "", 1}, {"车次", "count", "", 1}, {"班次", "count", "", 1}, {"台次", "count", "", 1},
      {"航次", "count", "", 1}, {"家次", "count", "", 1}, {"期次", "count", "", 1},
      {"微克/立方米", "measure", "ug/m3", 1}, {"毫克/立方米", "measure", "ug/m3", 1000},  // air quality
      // counts: classifiers
      {"名", "count", "", 1}, {"人", "count", "", 1}, {"个", "count", "", 1}, {"家", "count", "", 1},
      {"户", "count", "", 1}, {"项", "count", "", 1}, {"所", "count", "", 1}, {"座", "count", "", 1},
      {"头", "count", "", 1}, {"只", "count", "", 1}, {"羽", "count", "", 1}, {"条", "count", "", 1},
      {"件", "count", "", 1}, {"次", "count", "", 1}, {"位", "count", "", 1}, {"台", "count", "", 1},
      {"辆", "count", "", 1}, {"套", "count", "", 1}, {"种", "count", "", 1}, {"处", "count", "", 1},
      {"间", "count", "", 1}, {"张", "count", "", 1}, {"部", "count", "", 1}, {"场", "count", "", 1},
      {"株", "count", "", 1}, {"棵", "count", "", 1}, {"匹", "count", "", 1}, {"例", "count", "", 1},
      {"艘", "count", "", 1}, {"架", "count", "", 1}, {"枚", "count", "", 1}, {"册", "count", "", 1},
      {"篇", "count", "", 1}, {"批", "count", "", 1}, {"支", "count", "", 1},
      {"盏", "count", "", 1}, {"眼", "count", "", 1}, {"口", "count", "", 1},  // lamps; wells, ponds, pits
      {"栋", "count", "", 1}, {"幢", "count", "", 1}, {"宗", "count", "", 1},  // buildings; parcels, cases
      {"起", "count", "", 1},  // incidents, cases: 事故56起 (自3月1日起 is a date, read before)
  };
  return units;
}

const std::vector<WordRule>& BoundsBefore() {
  static const std::vector<WordRule> words = {
      // A negated comparison bounds the other way (不大于 is at most): each is listed whole, or
      // its last two characters (大于, at least) would be read alone.
      {"不得少于", "min"}, {"不得低于", "min"}, {"不少于", "min"}, {"不低于", "min"}, {"至少", "min"},
      {"不小于", "min"}, {"不得小于", "min"}, {"大于等于", "min"}, {"大于或等于", "min"}, {"≥", "min"},
      {"不大于", "max"}, {"不得大于", "max"}, {"不得高于", "max"}, {"不得多于", "max"}, {"小于等于", "max"},
      {"小于或等于", "max"}, {"≤", "max"},
      {"最少", "min"}, {"最低", "min"}, {"超过", "min"}, {"高于", "min"}, {"多于", "min"}, {"大于", "min"},
      {"突破", "min"}, {"逾", "min"}, {"超", "min"}, {"过", "min"},
      {"不得超过", "max"}, {"不超过", "max"}, {"不高于", "max"}, {"不多于", "max"}, {"最多", "max"},
      {"最高", "max"}, {"达不到", "max"}, {"不到", "max"}, {"不足", "max"}, {"少于", "max"}, {"低于", "max"},
      {"小于", "max"}, {"控制在", "max"}, {"以内", "max"},
      {"大约", "approx"}, {"约", "approx"}, {"将近", "approx"}, {"接近", "approx"}, {"近", "approx"},
      {"大概", "approx"},
  };
  return words;
}

const std::vector<WordRule>& BoundsAfter() {
  static const std::vector<WordRule> words = {
      // 2000万元及以上, 500元（含）以上: the bound with the amount itself included.
      {"及以上", "min"}, {"（含）以上", "min"}, {"(含)以上", "min"}, {"以上", "min"}, {"开外", "min"}, {"多", "min"},
      {"余", "min"}, {"及以下", "max"}, {"（含）以下", "max"}, {"(含)以下", "max"}, {"以下", "max"}, {"以内", "max"},
      {"之内", "max"}, {"范围内", "max"},
      {"左右", "approx"}, {"上下", "approx"},
  };
  return words;
}

const std::vector<WordRule>& Periods() {
  static const std::vector<WordRule> words = {
      {"每人每年", "person-year"}, {"每人每月", "person-month"}, {"每户每年", "household-year"},
      {"每年度", "year"}, {"每年", "year"}, {"年均", "year"}, {"年平均", "year"}, {"每季度", "quarter"},
      {"每月", "month"}, {"月均", "month"}, {"每周", "week"}, {"每天", "day"}, {"每日", "day"},
      {"日均", "day"}, {"每人", "person"}, {"人均", "person"}, {"每户", "household"}, {"户均", "household"},
      // Per unit of land, as yields and tax per mu are stated (亩均税收30万元).
      {"每亩", "mu"}, {"亩均", "mu"},
      // A cap per one of them (每亩奖励50元，单户最高不超过10万元): the household, not the mu.
      {"单户", "household"},
      // A rate charged per day or month (按日加收千分之三的滞纳金).
      {"按日", "day"}, {"按月", "month"}, {"按年", "year"}, {"按季度", "quarter"}, {"按季", "quarter"},
  };
  return words;
}

const std::vector<WordRule>& RatePeriods() {
  // Longest first where one word starts another (人·年 before 人).
  static const std::vector<WordRule> words = {
      {"人·年", "person-year"}, {"人/年", "person-year"}, {"人年", "person-year"}, {"人·月", "person-month"},
      {"人/月", "person-month"}, {"户·年", "household-year"}, {"户/年", "household-year"}, {"年", "year"},
      {"季度", "quarter"}, {"月", "month"}, {"周", "week"}, {"天", "day"}, {"日", "day"}, {"人", "person"},
      {"户", "household"}, {"亩", "mu"},
  };
  return words;
}

const std::vector<std::string_view>& MoneyContext() {
  static const std::vector<std::string_view> words = {
      "投资", "引资", "资金", "投入", "收入", "拿出", "资本", "经费", "财政", "税", "营业额", "经营额",
      "产值", "生产总值", "增加值", "预算", "贷款", "基金", "补助", "补贴", "奖励", "工资", "销售额",
      "融资", "募集", "支出", "拨付", "筹措", "出资", "金额", "款", "费", "利润", "营收", "GDP",
  };
  return words;
}

const std::vector<std::string_view>& NumberedFormulas() {
  static const std::vector<std::string_view> formulas = {
      "两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "四个伟大", "五位一体", "两个一百年", "两个毫不动摇",
      "两个大局", "两个结合", "两个先行", "三个代表", "三个务必", "三个必须", "三个有利于", "五个必由之路", "九个必须",
      "两条底线", "三大攻坚战", "五大发展理念", "八项规定", "三严三实", "两学一做", "三会一课", "一岗双责", "两个责任",
      "六稳", "六保", "三去一降一补", "四风", "四下基层", "三农", "两不愁三保障", "五个一批", "六个精准",
  };
  return formulas;
}

}  // namespace pledge::rules
