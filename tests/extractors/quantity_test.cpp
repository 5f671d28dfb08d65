// One case (or a few) per extraction rule: kind, value, unit, bound, modality, period.
#include <catch2/catch.hpp>

#include "extractors/extract_quantities.h"

using namespace pledge;

namespace {

std::vector<Quantity> X(const std::string& s, const std::string& context = "") { return ExtractQuantities(s, context); }

Quantity One(const std::string& s, const std::string& context = "") {
  auto q = X(s, context);
  INFO(s);
  REQUIRE(q.size() == 1);
  return q[0];
}

}  // namespace

TEST_CASE("money in yuan, with and without 元", "[extract][money]") {
  auto q = X("今年头五个月，全市引资达4.5亿元。")[1];
  CHECK(q.kind == "money");
  CHECK(q.value == Approx(4.5e8));
  CHECK(q.unit == "CNY");
  CHECK(q.text == "4.5亿元");
  q = One("副市长每人每年必须完成1000万以上的招商引资任务");
  CHECK(q.kind == "money");
  CHECK(q.value == 1e7);
  CHECK(q.bound == "min");
  CHECK(q.modality == "obligation");
  CHECK(q.period == "person-year");
  q = One("全市实现纯收入2个多亿。");
  CHECK(q.value == 2e8);
  CHECK(q.bound == "min");
  q = One("比上级批准的方案多减负230万元。");
  CHECK(q.value == 2.3e6);  // not negative
  q = One("吸引外资3000万美元。");
  CHECK(q.unit == "USD");
  CHECK(q.value == 3e7);
  CHECK(X("千万不要忘记群众。").empty());   // 千万 as an adverb
  CHECK(One("全省投入四万万元").value == 4e8);  // 万万 = 亿
  CHECK(One("今年投资 1000 万元建设").value == 1e7);  // spaced, as typeset text often is
  q = One("装机容量达到100兆瓦");  // 兆 before a unit is mega, not 10^12
  CHECK(q.kind == "measure");
  CHECK(q.value == 100000);
  CHECK(q.unit == "kw");
}

TEST_CASE("durations", "[extract][duration]") {
  auto q = One("时间不得少于15天，");
  CHECK(q.kind == "duration");
  CHECK(q.value == 15);
  CHECK(q.unit == "day");
  CHECK(q.bound == "min");
  CHECK(q.modality == "obligation");
  CHECK(One("市委规定轮岗不得少于两年").value == 2);
  CHECK(One("市直领导不得少于1个月").unit == "month");
  CHECK(One("今年头五个月").value == 5);
  q = One("用三年时间使村级公路硬化率达到全覆盖");
  CHECK(q.unit == "year");
  CHECK(q.modality == "target");
  CHECK(One("每人每年培训时间不得少于40小时。").unit == "hour");
}

TEST_CASE("percentages and percentage points", "[extract][percent]") {
  auto q = One("全市农民的负担比上年减轻了40%以上。");
  CHECK(q.kind == "percent");
  CHECK(q.value == 40);
  CHECK(q.bound == "min");
  CHECK(q.modality == "achievement");
  CHECK(One("达到百分之四十").value == Approx(40));
  CHECK(One("覆盖率提高到四成").value == Approx(40));
  CHECK(One("占三分之一").value == Approx(100.0 / 3));
  CHECK(One("误差不超过千分之五").value == Approx(0.5));
  q = One("失业率下降0.3个百分点");
  CHECK(q.unit == "pp");
  CHECK(One("贫困户比例不低于1/3").value == Approx(100.0 / 3));
  CHECK(One("贫困户比例不低于1/3").bound == "min");
  CHECK(One("全年完成3/4的任务").value == Approx(75));
  CHECK(One("工业增加值增长-2.3%").value == Approx(-2.3));  // a minus after Chinese text stays
  CHECK(One("不超过百万分之五").value == Approx(0.0005));
  q = One("增长4.5%-5%");
  CHECK(q.bound == "range");
  CHECK(q.low == Approx(4.5));
  CHECK(q.high == Approx(5));
  CHECK_FALSE(q.value);
}

TEST_CASE("calendar years and spans", "[extract][year]") {
  auto q = One("从2024年开始设立再就业基金");
  CHECK(q.kind == "year");
  CHECK(q.value == 2024);
  q = One("到二〇三五年基本实现现代化");
  CHECK(q.kind == "year");
  CHECK(q.value == 2035);
  q = One("《规划（2021—2025年）》");
  CHECK(q.kind == "year");
  CHECK(q.low == 2021);
  CHECK(q.high == 2025);
  q = One("大多出生在七八十年代");
  CHECK(q.kind == "year");
  CHECK(q.low == 1970);
  CHECK(q.high == 1989);
}

TEST_CASE("counts, areas and measures", "[extract][count][area][measure]") {
  auto q = One("抽调303名干部");
  CHECK(q.kind == "count");
  CHECK(q.value == 303);
  CHECK(q.unit.empty());
  CHECK(One("新增就业岗位12000多个").bound == "min");
  CHECK(One("优质猪育肥80万头").value == 800000);
  CHECK(One("家禽1800万羽").value == 1.8e7);
  q = One("林果面积发展到20万亩");
  CHECK(q.kind == "area");
  CHECK(q.unit == "mu");
  CHECK(q.value == 200000);
  CHECK(One("新建农村公路3200公里").unit == "km");
  CHECK(One("年产钢材500万吨").unit == "t");
  CHECK(One("建设用地3平方公里").unit == "km2");
  q = One("有8000多下岗职工重新上岗");
  CHECK(q.kind == "count");
  CHECK(q.value == 8000);
}

TEST_CASE("ranges carry the unit and multiplier to both ends", "[extract][range]") {
  auto q = One("每年投入3到5万元");
  CHECK(q.kind == "money");
  CHECK(q.low == 30000);
  CHECK(q.high == 50000);
  CHECK(q.bound == "range");
  q = One("工期3至5天");
  CHECK(q.low == 3);
  CHECK(q.high == 5);
  q = One("二三十人参加");
  CHECK(q.low == 20);
  CHECK(q.high == 30);
  q = One("补助标准为每亩200元至300元");  // the unit at both ends: still one range
  CHECK(q.kind == "money");
  CHECK(q.low == 200);
  CHECK(q.high == 300);
  CHECK(q.bound == "range");
  CHECK(q.text == "200元至300元");
  CHECK(X("投入200元，300元用于培训").size() == 2);  // not joined by a range word
  CHECK(X("从300元到200元").size() == 2);            // not ascending: two amounts
  // A floor and the ceiling right after it, as laws state fines.
  q = One("对单位处5000元以上5万元以下罚款");
  CHECK(q.low == 5000);
  CHECK(q.high == 50000);
  CHECK(q.bound == "range");
  CHECK(q.text == "5000元以上5万元以下");
  CHECK(X("投资1亿元以上，5000万元以下的项目").size() == 2);  // a clause apart: two bounds
}

TEST_CASE("vague amounts", "[extract][vague]") {
  auto q = One("引起数千人参与");
  CHECK(q.low == 2000);
  CHECK(q.high == 9000);
  q = One("上万人参与");
  CHECK(q.value == 10000);
  CHECK(q.bound == "min");
  CHECK(X("近几年来变化很大").empty());
}

TEST_CASE("bounds", "[extract][bound]") {
  CHECK(One("超过50000人").bound == "min");
  CHECK(One("控制在3%以内").bound == "max");
  CHECK(One("涨幅控制在2%左右").bound == "approx");
  CHECK(One("约200人").bound == "approx");
  CHECK(One("增长5%左右").bound == "approx");
  CHECK(One("投资过500万的项目").bound == "min");
  CHECK(One("经过3年努力").bound == "exact");
  CHECK(One("每个行政村至少配备2名网格员").bound == "min");  // 至少 + a verb
  CHECK(One("每人最多申请3次").bound == "max");
  CHECK(One("学校周边200米范围内").bound == "max");
}

TEST_CASE("units beyond the common ones", "[extract][measure][percent]") {
  auto q = One("利率不高于报价利率加50个基点");
  CHECK(q.kind == "percent");
  CHECK(q.unit == "pp");
  CHECK(q.value == Approx(0.5));  // 100 basis points = 1 percentage point
  q = One("细颗粒物平均浓度下降到35微克/立方米");
  CHECK(q.kind == "measure");
  CHECK(q.unit == "ug/m3");
  CHECK(q.value == 35);
  // Litres, in cubic metres like every volume; 升 before 至 is the verb (rises).
  q = One("人均日供水量不少于60升。");
  CHECK(q.unit == "m3");
  CHECK(q.value == Approx(0.06));
  CHECK(q.bound == "min");
  CHECK(X("指数由95升至102。").empty());
}

TEST_CASE("modality", "[extract][modality]") {
  auto q = One("满意率达不到90%的取消年终奖");
  CHECK(q.modality == "condition");
  CHECK(q.bound == "max");
  CHECK(X("力争到2027年研发投入强度达到2.8%")[1].modality == "target");
  CHECK(X("今后五年，要确保年均增长6%左右")[1].modality == "target");
  CHECK(One("地区生产总值增长5%左右；", "二、2025年主要目标").modality == "target");
  CHECK(One("地区生产总值增长5.2%。", "一、过去一年工作回顾").modality == "achievement");
  // The most specific part of the context decides: a section of plans under a title of both.
  CHECK(One("新建农村公路150公里。", "某县2023年工作总结和2024年工作打算 / 三、2024年工作打算").modality == "target");
  CHECK(One("新建农村公路150公里。", "某县2024年工作要点 / 一、2023年工作回顾").modality == "achievement");
  // A budget report: how last year's budget was carried out, and this year's draft.
  std::string budget = "关于某市2023年预算执行情况和2024年预算草案的报告";
  CHECK(One("全市一般公共预算支出安排1268亿元。", budget + " / 三、2024年预算草案").modality == "target");
  CHECK(One("加上上级补助收入186.4亿元。", budget + " / 一、2023年预算执行情况").modality == "achievement");
  CHECK(One("新建农村公路150公里。", "某县2023年重点工作落实情况").modality == "achievement");
  // 今年, 年内, 三年内 set the time ahead; the part of the year gone by, a sentence that reports,
  // and a year's summary look back.
  CHECK(X("三年内新建改建城乡公厕1200座。", "某市2025年政府工作报告").back().modality == "target");
  CHECK(One("今年完成农村公路改造400公里以上。", "某市2025年政府工作报告").modality == "target");
  CHECK(One("年内实现乡镇通三级以上公路比例达到100%。", "某市2025年政府工作报告").modality == "target");
  CHECK(X("今年头五个月，全市引资达4.5亿元。", "某市2025年政府工作报告").back().modality == "achievement");
  CHECK(One("今年以来，全市完成投资200亿元。", "某市2025年政府工作报告").modality == "achievement");
  CHECK(One("今年，我们又出台了九条措施。", "某市2025年政府工作报告").modality == "achievement");
  CHECK(One("今年全市完成投资200亿元。", "某市2024年工作总结").modality == "achievement");
  CHECK(X("近三年内获得奖励2次。", "某市2025年政府工作报告").back().modality != "target");
  // A year's key tasks as a notice sends them out are its plan.
  CHECK(One("新建农村公路150公里。", "某市人民政府关于印发2024年重点工作的通知").modality == "target");
  CHECK(One("新建农村公路150公里。", "关于2023年重点工作完成情况的通报").modality == "achievement");
  // 共 and 达 of other words (公共预算, 中共, 下达) report nothing; 共 and 达 alone do.
  CHECK(One("县级财政每年安排乡村振兴资金不低于本级一般公共预算支出的8%。").modality == "obligation");
  CHECK(One("落实省下达的搬迁任务1200户。").modality.empty());
  CHECK(One("全年共接待游客500万人次。").modality == "achievement");
  // Counts of times keep their whole unit (200场次, not 200场).
  CHECK(One("全年举办各类招聘会200场次。").text == "200场次");
  CHECK(One("服务企业3000户次。").value == Approx(3000));
  CHECK(One("为了推进乡村振兴，每年安排资金500万元。").modality.empty());
  CHECK(One("粮食总产量达330万吨。").modality == "achievement");
  // A plan or target completed is the measure of a result; one to be completed is still a target.
  CHECK(X("地方财政收入80万元，完成计划指标的94.1%。")[1].modality == "achievement");
  CHECK(One("超额完成年度目标的112%。").modality == "achievement");
  CHECK(One("确保完成全年目标任务的100%。").modality == "target");
  // A work report's section of this year's key work plans it, in the words of a result (完成).
  CHECK(One("完成投资1200亿元以上。", "某市2023年政府工作报告 / 三、重点工作").modality == "target");
  // 坚持 in a review describes what was done; 要坚持 still demands.
  std::string report = "某县人民政府2023年政府信息公开工作年度报告";
  CHECK(One("县政府坚持以公开为常态，全年主动公开政府信息3865条。", report).modality == "achievement");
  CHECK(One("要坚持每月召开1次调度会。", report).modality == "obligation");
  // A deadline before the year the title names was reached already: a span a review looks back on.
  CHECK(X("贫困发生率由2014年的12.3%下降到2019年的0.2%。", "某市2020年政府工作报告")[3].modality == "achievement");
  CHECK(X("贫困发生率由2014年的12.3%下降到2019年的0.2%。")[3].modality == "target");
  CHECK(X("2024年底前完成5家企业搬迁改造。", "某市空气质量改善行动方案（2024—2025年）")[1].modality == "target");
  CHECK(X("到2025年，森林覆盖率达到62%。", "某市2023年政府工作报告")[1].modality == "target");
  // A level to be held is a target, unless a review reports it held.
  CHECK(One("城镇调查失业率控制在5.5%以内。").modality == "target");
  CHECK(One("粮食播种面积稳定在1600万亩以上。").modality == "target");
  CHECK(One("城镇登记失业率控制在3%以内。", "某县2023年工作总结").modality == "achievement");
  CHECK(One("城镇登记失业率控制在了3%以内。").modality == "achievement");
  // So does 坚持 after the time a review looks back over, in any document.
  CHECK(X("过去五年，我们坚持稳中求进，地区生产总值年均增长6.5%。")[1].modality == "achievement");
  CHECK(X("五年来我们坚持稳中求进，地区生产总值年均增长6.5%。")[1].modality == "achievement");
  CHECK(One("我们坚持稳中求进，地区生产总值年均增长6.5%。").modality == "obligation");
  CHECK(X("坚持每年新增就业10万人，比过去提高一倍。")[0].modality == "obligation");
  CHECK(One("全市新增就业岗位12000多个").modality == "achievement");
  CHECK(One("新增就业5万人。", "标题 / 今年的主要目标是：增长6%。").modality == "target");  // the paragraph's lead
  CHECK(One("学校周边200米范围内不得设置网吧").modality == "obligation");  // the modal word after, same clause
  // …but a rule counted or broken is a noun there, no demand.
  CHECK(One("关于5起违反中央八项规定精神典型问题的通报").modality == "");
  CHECK(One("会议提出3项要求").modality != "obligation");
  CHECK(One("达到200米，不得设置网吧").modality == "achievement");       // another clause: not its modal word
  CHECK(One("单笔贷款额度不超过300万元").modality == "obligation");       // 不超过 sets a cap, not a result
  // A cap on what is granted is no threshold of who gets it; a threshold is.
  CHECK(One("对符合条件的企业给予最高不超过五十万元的一次性奖励。").modality != "condition");
  CHECK(One("对投资额超过1000万元的项目给予奖励。").modality == "condition");
  CHECK(One("人均预期寿命达到79岁。").modality == "achievement");  // 预期寿命 is life expectancy
  CHECK(X("年产值超百亿元的企业达到15家。")[0].modality == "condition");  // 超…的: a threshold
  CHECK(One("亩均税收达到30万元。").period == "mu");                          // per mu of land
  // 每年 runs on through parallel clauses; 人均 belongs to its own measure only.
  auto frame = X("领导干部每年下基层不少于15天，其他干部不少于1个月。");
  REQUIRE(frame.size() == 2);
  CHECK(frame[1].period == "year");
  auto measure = X("居民人均收入增长8%，单位能耗下降2.5%。");
  REQUIRE(measure.size() == 2);
  CHECK(measure[0].period == "person");
  CHECK(measure[1].period == "");
  // …but not to a percentage, a ratio of its own, nor to the span of a time frame.
  auto ratio = X("每年开展2次以上集中整治行动，主次干道机扫率达到95%。");
  REQUIRE(ratio.size() == 2);
  CHECK(ratio[0].period == "year");
  CHECK(ratio[1].period == "");
  CHECK(X("每年降低0.5个百分点。")[0].period == "year");  // its own clause
  auto frame_span = X("市财政每年新增投入200万元，用三年时间使硬化率达到100%。");
  REQUIRE(frame_span.size() == 3);
  CHECK(frame_span[0].period == "year");
  CHECK(frame_span[1].period == "");
  CHECK(frame_span[2].period == "");
  // A rate's period after a slash: 万元/年 is per year, 元/人·年 per person and year; with a
  // period word before it, both (每年…元/人). A speed or a month's name is no period.
  for (auto [sentence, period] : {std::pair<const char*, const char*>{"县委书记、县长分别为5000万元/年。", "year"},
                                  {"补助标准为1000元/人·年。", "person-year"},
                                  {"补助标准为1000元/（人·年）。", "person-year"},
                                  {"补助标准为1000元/(人·月)。", "person-month"},
                                  {"每年补助500元/人。", "person-year"},
                                  {"每月发放300元／人。", "person-month"},
                                  {"车速不超过40公里/小时。", ""},
                                  {"完成1000万元/月份目标。", ""}}) {
    INFO(sentence);
    CHECK(One(sentence).period == period);
  }
  // A law's penalty binds like 必须; 处理 is no penalty.
  CHECK(One("情节严重的，处1万元以上5万元以下罚款。").modality == "obligation");
  CHECK(One("并处应交水费3倍以上5倍以下罚款。").modality == "obligation");
  auto fines = X("拒不改正的，对单位处5000元以上5万元以下罚款，对个人处二千元以上二万元以下罚款。");
  REQUIRE(fines.size() == 2);
  CHECK(fines[0].modality == "obligation");
  CHECK(fines[1].modality == "obligation");
  CHECK(X("对相关部门处理的3起案件进行督办。")[0].modality != "obligation");
  CHECK(One("全年，处理污水10万吨。").modality != "obligation");
  CHECK(One("逾期不交的，按日加收千分之三的滞纳金。").period == "day");  // a rate charged per day
  // A span per period is shorter than the period.
  auto spans = X("每年递增10%，三年翻一番。");
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].period == "year");
  CHECK(spans[1].text == "三年");
  CHECK(spans[1].period == "");
  CHECK(One("每年下基层调研不少于30天。").period == "year");
  CHECK(One("每人每年培训时间不少于1个月。").period == "person-year");
  // 每亩 sets the rate of its own clause only; a cap per household follows it.
  auto grants = X("对集中连片200亩以上的，每亩再奖励50元，单户最高不超过10万元。");
  REQUIRE(grants.size() == 3);
  CHECK(grants[1].period == "mu");
  CHECK(grants[2].period == "household");
  CHECK(X("每亩补贴100元，补贴资金总额不超过500万元。")[1].period == "");
  auto dose = One("每千克饲料添加不超过200毫克。");  // a mass below the gram, not the 克 alone
  CHECK(dose.unit == "kg");
  CHECK(dose.value == Approx(0.0002));
  CHECK(dose.text == "200毫克");
  // A mass per cubic metre stated before the number is a concentration, as 35微克/立方米 is.
  auto per_cubic_metre = One("PM2.5平均浓度控制在每立方米35微克以下。");
  CHECK(per_cubic_metre.unit == "ug/m3");
  CHECK(per_cubic_metre.value == Approx(35));
  CHECK(One("二氧化硫每立方米不超过0.5毫克。").value == Approx(500));
  auto pressure = One("供水管网压力不得低于0.14兆帕。");
  CHECK(pressure.unit == "mpa");
  CHECK(pressure.value == Approx(0.14));
  // A rule's floor or ceiling is a requirement without 必须 or 要, unless the section says otherwise.
  CHECK(X("各级领导干部每年到基层调研时间不少于30天。")[0].modality == "obligation");
  CHECK(One("市委每季度至少听取1次专题汇报。").modality == "obligation");
  // …also after a verb that reports results elsewhere (累计, 完成): a result is not "at least".
  CHECK(One("各级领导干部每年深入基层调研时间累计不少于30个工作日。").modality == "obligation");
  CHECK(X("全年完成固定资产投资不低于800亿元。")[0].modality == "obligation");
  CHECK(X("全年完成固定资产投资不低于800亿元。", "2023年工作总结")[0].modality == "achievement");
  CHECK(One("向民间资本推介项目不少于200个。", "二、主要目标").modality == "target");
  // A month's deadline and a plan period's end are deadlines too.
  CHECK(One("到“十四五”末，全市数字经济核心产业增加值占比达到15%。").modality == "target");
  CHECK(X("2025年6月底前完成改造老旧小区120个。").back().modality == "target");
  CHECK(X("截至去年6月底前，已完成改造120个。").back().modality == "achievement");
  // The step of a scoring or penalty scale is a condition (每低1个百分点扣2分); a yearly rate is not.
  CHECK(X("完成省下达任务的得满分，每低1个百分点扣2分，扣完为止。")[0].modality == "condition");
  CHECK(X("每超期1天罚款500元。")[0].modality == "condition");
  CHECK(X("每年增加投入1亿元。")[0].modality != "condition");
  // The time ahead is a plan's (今后五年, 未来3年).
  CHECK(X("今后五年，全市经济年均增长6%左右。")[1].modality == "target");
  CHECK(X("未来3年，新建学校20所。")[1].modality == "target");
  // The effort a result is owed to (共同努力, 通过努力) is no resolve to reach it.
  CHECK(One("今年以来，全县上下共同努力，国内生产总值完成8.6个亿。").modality == "achievement");
  CHECK(X("经过努力，全市新增就业岗位4万个。")[0].modality == "achievement");
  CHECK(One("努力实现新增就业岗位4万个。").modality == "target");
  // A time frame sets the target of what follows it, over an earlier 要 (用两到三年的时间，把…翻一番).
  auto within_frame = X("我们要用两到三年的时间，把全县乡镇企业总产值翻一番，达到二十亿元。");
  REQUIRE(within_frame.size() == 3);
  for (const auto& q : within_frame) CHECK(q.modality == "target");
  // A section of measures is where rules are set; a section of goals sets targets.
  CHECK(One("市财政每年安排专项资金不少于5000万元。", "三、保障措施").modality == "obligation");
  CHECK(One("各乡镇每季度至少召开1次专题会议。", "2024年实施方案 / 四、工作要求").modality == "obligation");
  CHECK(One("粮食产量稳定在不低于500亿斤。", "2024年工作打算").modality == "target");
  CHECK(One("新增就业岗位4万个。", "三、保障措施").modality == "target");  // no bound: the section decides
  CHECK(One("全年新增就业不少于5万人。", "一、过去一年工作回顾").modality == "achievement");
  // 累计 is cumulative, not past: in a plan's frame it is a target.
  CHECK(X("力争到2027年累计培育专精特新企业500家。")[1].modality == "target");
  CHECK(One("全省累计建成5G基站12万个。").modality == "achievement");
  CHECK(X("截至2024年底，全省累计建成5G基站12万个。")[1].modality == "achievement");
  // A deadline sets a target: 2025年年底前, 今年年底前, 2027年前; a deadline past or a time
  // around a year does not.
  CHECK(X("2025年年底前，行政村快递物流服务通达率达100%。")[1].modality == "target");
  CHECK(One("今年年底前，全市快递物流服务通达率达80%以上。").modality == "target");
  CHECK(One("年底前新改造农村无害化卫生厕所3万户。").modality == "target");
  CHECK(X("2027年前建成5G基站1.2万个。")[1].modality == "target");
  CHECK(X("目标到2025 年，农村自来水普及率达到94%。")[1].modality == "target");
  CHECK(One("去年年底前，全市建成5G基站1.2万个。").modality == "achievement");
  CHECK(X("2015年前后，全市建成5G基站1.2万个。")[1].modality == "achievement");
  CHECK(X("截至2024年底，农村自来水普及率达到94%。")[1].modality == "achievement");
  // 已…的 describes a noun: the quantity it describes was reached, the sentence's events are not past.
  auto built = X("在已建的7395个中心村基础上，每年再建设800个中心村。");
  REQUIRE(built.size() == 2);
  CHECK(built[0].modality == "achievement");
  CHECK(built[1].modality != "achievement");
  CHECK(One("全县已建成中心村800个。").modality == "achievement");
  // A paragraph that opens with 到2025年，…； frames the sentences after its ；.
  CHECK(One("5G基站累计达到4.2万个。", "标题 / 到2025年，全市数字经济核心产业增加值突破7000亿元；").modality == "target");
}

TEST_CASE("plan names are not durations", "[extract][negative][duration]") {
  CHECK(X("深入实施三年行动计划").empty());
  CHECK(X("第十四个五年规划和二〇三五年远景目标纲要").size() == 1);  // only the year
  CHECK(One("用三年时间完成改造").value == 3);
  CHECK(One("计划三年完成").value == 3);
  // A stage of schooling is named by its years.
  CHECK(X("全面普及学前三年教育").empty());
  CHECK(One("学前三年毛入园率达到95%以上").unit == "percent");
  CHECK(X("巩固九年义务教育成果，办好九年一贯制学校").empty());
  CHECK(X("发展五年制高等职业教育").empty());
  CHECK(One("学制三年").value == 3);  // a length of time it still is
  CHECK(One("计划三年制定完成").value == 3);
}

TEST_CASE("not quantities", "[extract][negative]") {
  for (const char* s : {"践行第一要义", "喜迎党的十八大胜利召开", "十四五规划开局", "推进一带一路建设", "三农问题",
                        "实行发展一票否决", "千载难逢的机遇", "群众中有成千成万的诸葛亮", "凝聚起亿万人民的智慧",
                        "为了帮助“4050”人员再就业", "和群众“三同”", "每人必须联系一个镇处", "上了生动的一课",
                        "从登上历史舞台的那一天起", "一、新时期群众工作的特点", "（一）从群众角度看",
                        "%26lt;项目问责制", "容量26l的水箱", "会议于10:30开始", "更新时间2025-04-24",
                        "深化“最多跑一次”改革", "落实“两个100%”要求", "单位：亿元", "指标 单位 亿元 万人",
                        "给予一次性奖励", "不超过一次性补助", "成千上万的群众", "成百上千个家庭"}) {
    INFO(s);
    auto q = X(s);
    std::vector<std::string> texts;
    for (auto& x : q) texts.push_back(x.text);
    INFO(texts.size());
    CHECK(q.empty());
  }
}

TEST_CASE("half is 50 percent, as a word of its own", "[extract][percent]") {
  auto q = One("受灾人口超过一半。");
  CHECK(q.kind == "percent");
  CHECK(q.value == 50);
  CHECK(q.bound == "min");
  CHECK(One("一半以上的村完成改造。").bound == "min");
  CHECK(X("推进统一半导体产业布局。").empty());  // 统一 | 半导体
}

TEST_CASE("ten thousands before a noun for people count them", "[extract][count]") {
  auto q = One("解决4.6万农村人口的饮水不安全问题。");
  CHECK(q.kind == "count");
  CHECK(q.value == 46000);
  CHECK(One("培育10万新型职业农民。").kind == "count");
  CHECK(One("完成投资5万。").kind == "money");      // no people after: the money context decides
  CHECK(X("解决4.6万个问题里的人口").size() == 1);  // a classifier first: counted by it
}

TEST_CASE("the fixed formulas of policy language that open with a numeral are names", "[extract][names]") {
  CHECK(X("增强四个意识、坚定四个自信、做到两个维护，守牢两条底线，打好三大攻坚战。").empty());
  CHECK(X("统筹推进五位一体总体布局，坚持两个毫不动摇，实现两个一百年奋斗目标。").empty());
  CHECK(X("严格落实中央八项规定精神，持续整治四风问题。").empty());
  auto counts = X("新建四个项目，培训两个批次。");  // the same numerals counting things
  REQUIRE(counts.size() == 2);
  CHECK(counts[0].value == 4);
}

TEST_CASE("ten thousands after a noun for people in their clause count them", "[extract][count]") {
  auto population = One("全省户籍人口1亿2千万。");
  CHECK(population.kind == "count");
  CHECK(population.value == Approx(1.2e8));
  CHECK(One("年末常住人口达到1285.6万。").value == Approx(12856000));
  auto jobs = X("城镇新增就业12.5万，接待游客3000万，农村人口人均可支配收入1.5万。");
  REQUIRE(jobs.size() == 3);
  CHECK(jobs[0].kind == "count");
  CHECK(jobs[1].kind == "count");
  CHECK(jobs[2].kind == "money");  // the money context of its own clause wins
  CHECK(X("全县人口众多，耕地面积50万").empty());  // the people are another clause's
}

TEST_CASE("a bare multiplier is an amount only with a bound word", "[extract][money]") {
  CHECK(One("一批投资过千万的企业").value == 1e7);
  auto q = One("新开工亿元以上项目");
  CHECK(q.value == 1e8);
  CHECK(q.bound == "min");
}

TEST_CASE("a quotation holds a name, not the amounts around it", "[extract][negative]") {
  CHECK(One("和群众“三同”时间不得少于15天").value == 15);
  CHECK(One("实施“鲲鹏计划”，三年内完成").value == 3);
  // A long quotation is speech, and its amounts count.
  CHECK(One("他说：“每年投入不少于5亿元，确保完成任务。”").value == 5e8);
}

TEST_CASE("spans are byte offsets into the sentence", "[extract]") {
  std::string s = "时间不得少于15天，市直领导不得少于1个月";
  auto q = X(s);
  REQUIRE(q.size() == 2);
  for (auto& x : q) CHECK(s.substr(x.start, x.end - x.start) == x.text);
  CHECK(q[0].text == "15天");
  CHECK(q[1].text == "1个月");
}

TEST_CASE("a scaled value is the decimal that was written, exactly", "[extract][money]") {
  // 162.7 × 1e8 is 16270000000.000002 in binary; SQL users compare with =.
  CHECK(One("第二产业增加值162.7亿元").value == 16270000000.0);
  CHECK(One("资金1.1万亿元").value == 1100000000000.0);
  CHECK(One("面积3.3万平方公里").value == 33000.0);
  auto range = One("投资0.3至1.1亿元");
  CHECK(range.low == 30000000.0);
  CHECK(range.high == 110000000.0);
}

TEST_CASE("multiples, per mille, and within a time", "[extract][multiple][percent][duration]") {
  auto q = One("出口额增长1.7倍。");
  CHECK(q.kind == "multiple");
  CHECK(q.unit == "times");
  CHECK(q.value == 1.7);
  auto doubled = X("到2025年，经济总量比2020年翻一番，人均收入翻两番。");
  REQUIRE(doubled.size() == 4);
  CHECK(doubled[2].text == "翻一番");
  CHECK(doubled[2].value == 2);
  CHECK(doubled[3].value == 4);
  CHECK(X("经过一番努力。").empty());  // 番 without 翻 is no quantity
  q = One("婴儿死亡率控制在5‰以下。");  // per mille, in percent like 千分之五
  CHECK(q.kind == "percent");
  CHECK(q.unit == "percent");
  CHECK(q.value == 0.5);
  CHECK(q.bound == "max");
  // A rate per 100,000: 10 in 10万 is 0.01%, not 10/10 = 100%.
  q = One("孕产妇死亡率控制在10/10万以下。");
  CHECK(q.text == "10/10万以下");
  CHECK(q.kind == "percent");
  CHECK(q.value == Approx(0.01));
  CHECK(q.bound == "max");
  q = One("应当在5个工作日内办结。");
  CHECK(q.text == "5个工作日内");
  CHECK(q.bound == "max");
  CHECK(One("会议讨论了3项内容。").bound == "exact");  // 内容 is a word
  // The three sectors, not three times: the structure's shares are one ratio.
  auto sectors = X("三次产业结构调整为7.3:42.1:50.6。");
  REQUIRE(sectors.size() == 1);
  CHECK(sectors[0].kind == "ratio");
  CHECK(sectors[0].text == "7.3:42.1:50.6");
  CHECK(X("十四届全国人大三次会议5日上午开幕。").empty());  // the third session: an ordinal
  CHECK(One("今年共召开三次会议。").value == 3);
}

TEST_CASE("the period a review looks back over is no promise", "[extract][duration][modality]") {
  for (std::string s : {"过去一年，全市地区生产总值增长5.6%。", "5年来，全市面貌发生巨大变化。", "建市30年以来，全市面貌发生巨大变化。",
                        "中国共产党建党已90年，初心不改。", "这项制度推行已经10年。"}) {
    auto q = X(s);
    REQUIRE_FALSE(q.empty());
    INFO(s);
    CHECK(q[0].kind == "duration");
    CHECK(q[0].modality.empty());
  }
  CHECK(X("过去一年，全市地区生产总值增长5.6%。")[1].modality == "achievement");
}

TEST_CASE("bounds over a share, a capped verb, and days within", "[extract][bound][duration]") {
  auto q = One("原则上每个项目补助不超过总投资的30%。");
  CHECK(q.bound == "max");
  CHECK(One("不低于销售收入的5%用于研发。").bound == "min");
  CHECK(One("贴息比例不超过同期LPR的50%。").bound == "max");  // the whole may be named in Latin letters
  CHECK(One("年营业收入2000万元及以上的企业。").bound == "min");  // the bound includes the amount
  CHECK(One("补助500元（含）以上。").bound == "min");
  CHECK(One("占全市的30%。").bound == "exact");
  CHECK(One("贷款额度最高可达300万元。").bound == "max");
  CHECK(One("贷款额度最高可达300万元。").modality.empty());  // what a ceiling allows, not what was reached
  CHECK(One("全年贷款额度达300万元。").modality == "achievement");
  q = One("各地须在收到通知后15日内上报。");
  CHECK(q.kind == "duration");
  CHECK(q.unit == "day");
  CHECK(q.value == 15);
  CHECK(q.bound == "max");
  CHECK(q.text == "15日内");
  CHECK(X("会议于15日召开。").empty());  // a date, not fifteen days
}

TEST_CASE("a unit written once after a list reaches the numbers before it", "[extract][duration][percent]") {
  auto q = X("不动产登记业务办理时间分别压缩至3个、1个工作日以内。");
  REQUIRE(q.size() == 2);
  CHECK(q[0].text == "3个");
  CHECK(q[0].kind == "duration");
  CHECK(q[0].unit == "day");
  CHECK(q[0].value == 3);
  CHECK(q[0].bound == "max");
  CHECK(q[1].value == 1);
  q = X("分别提高3个、5个、8个百分点。");
  REQUIRE(q.size() == 3);
  for (const auto& each : q) CHECK(each.unit == "pp");
  CHECK(q[0].value == 3);
  // Counts of their own stay counts: 3个 is not the 项目's unit.
  q = X("新建学校3个、医院2个，投资5亿元。");
  REQUIRE(q.size() == 3);
  CHECK(q[0].kind == "count");
  CHECK(q[1].kind == "count");
}

TEST_CASE("incidents and cases are counted with 起", "[extract][count]") {
  auto q = X("全市共发生生产安全事故56起、死亡38人。");
  REQUIRE(q.size() == 2);
  CHECK(q[0].text == "56起");
  CHECK(q[0].kind == "count");
  CHECK(q[0].value == 56);
  CHECK(X("本办法自2024年3月1日起施行。").empty());  // a date: 起 starts it, counts nothing
}

TEST_CASE("what a town's report counts: lamps, wells, ponds, buildings, parcels", "[extract][count]") {
  auto q = X("安装路灯18盏，新打机井20眼，整治病险塘库72口，新建农房3栋，出让土地12宗。");
  std::vector<std::string> texts;
  for (auto& x : q) texts.push_back(x.text);
  CHECK(texts == std::vector<std::string>{"18盏", "20眼", "72口", "3栋", "12宗"});
  for (auto& x : q) CHECK(x.kind == "count");
  // 口 of a household or a couple counts no well.
  CHECK(X("三口之家的住房补贴").empty());
  CHECK(X("两口子一起外出务工").empty());
}

TEST_CASE("a threshold that entitles is a condition", "[extract][modality]") {
  CHECK(X("对运营满1年的，按每人每月200元给予运营补贴。")[0].modality == "condition");
  auto age = One("年满60周岁的老年人免费乘车。");
  CHECK(age.text == "60周岁");  // an age in years, not 60 weeks
  CHECK(age.unit == "year");
  CHECK(age.modality == "condition");
  CHECK(One("满意率达不到90%的取消年终奖。").modality == "condition");
}

TEST_CASE("a year written with ○ for zero is a year, ○ alone is no number", "[extract][year]") {
  auto q = X("二○○五年全市生产总值达到三百亿元。");
  REQUIRE(q.size() == 2);
  CHECK(q[0].text == "二○○五年");
  CHECK(q[0].kind == "year");
  CHECK(q[0].value == 2005);
  CHECK(X("到二○二五年，新增就业五万人。")[1].modality == "target");
  CHECK(X("○○县投入○○万元。").empty());  // masked names and amounts
}

TEST_CASE("a quarter of the year is a date, three quarters a length of time", "[extract][duration]") {
  CHECK(X("一季度全县地区生产总值增长5.9%。").size() == 1);  // the percentage alone
  CHECK(X("前三季度完成投资39.6亿元。").size() == 1);
  auto q = One("用三个季度完成整改。");
  CHECK(q.kind == "duration");
  CHECK(q.unit == "quarter");
  CHECK(q.value == 3);
}

TEST_CASE("an item's number glued to the year that opens its title is no decimal", "[extract][year]") {
  // 附件：1.2025年度… is item 1 and the year 2025, not 1.2025 years.
  for (std::string item : {"附件：1.2025年度重点村名单", "1.2024年工作完成情况", "附件:2.2023年度考核结果"}) {
    auto q = X(item);
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "year");
    CHECK(q[0].value >= 2023);
    CHECK(q[0].text.size() == 7);  // 20xx年
  }
  // A decimal in a sentence stays one: 增长1.2025 is no item.
  auto q = X("人均增长1.2025年。");
  REQUIRE(q.size() == 1);
  CHECK(q[0].text == "1.2025年");
}

TEST_CASE("digits grouped by spaces are one number in prose and cells in a table", "[extract][count]") {
  auto q = One("每年新增就业1 000人以上。");
  CHECK(q.value == 1000);
  CHECK(q.text == "1 000人以上");
  CHECK(q.bound == "min");
  CHECK(One("全市常住人口达到12 345 678人。").value == 12345678);
  CHECK(One("完成投资1 250.5万元。").value == Approx(12505000));
  // A table's row of figures, a label's number and a year after it stay apart.
  auto cells = X("新增就业 35 120 150人");
  REQUIRE(!cells.empty());
  CHECK(cells.back().value == 150);
  auto label = X("表1 200个重点项目");
  REQUIRE(label.size() == 1);
  CHECK(label[0].value == 200);
  auto year = X("表1 2024年规模以上工业主要产品产量");
  REQUIRE(year.size() == 1);
  CHECK(year[0].kind == "year");
}

TEST_CASE("figures set full width are read as ASCII ones, their spans the text's own", "[extract][width]") {
  // 全角 figures a document keeps as its typography (normalization leaves them).
  const std::string s = "全县工农业总产值达到５．６亿元，比上年增长１２．５％，农民人均纯收入２，３５０元。";
  auto q = X(s);
  REQUIRE(q.size() == 3);
  CHECK(q[0].text == "５．６亿元");
  CHECK(q[0].value == 560000000.0);
  CHECK(q[0].start == s.find("５"));
  CHECK(s.substr(q[0].start, q[0].end - q[0].start) == q[0].text);
  CHECK(q[1].text == "１２．５％");
  CHECK(q[1].value == 12.5);
  CHECK(q[2].text == "２，３５０元");  // the full-width comma as a thousands separator
  CHECK(q[2].value == 2350);
  // The same sentence in ASCII figures reads the same, field for field but the spans.
  auto ascii = X("全县工农业总产值达到5.6亿元，比上年增长12.5%，农民人均纯收入2,350元。");
  REQUIRE(ascii.size() == q.size());
  for (size_t k = 0; k < q.size(); ++k) {
    CHECK(ascii[k].kind == q[k].kind);
    CHECK(ascii[k].value == q[k].value);
    CHECK(ascii[k].unit == q[k].unit);
    CHECK(ascii[k].modality == q[k].modality);
  }
  // A rate's unit with a full-width slash, in either typography.
  for (const std::string rate : {"浓度控制在３５微克／立方米以下。", "浓度控制在35微克／立方米以下。"}) {
    Quantity air = One(rate);
    CHECK(air.unit == "ug/m3");
    CHECK(air.value == 35);
    CHECK(air.bound == "max");
  }
  // A deadline in a full-width context still makes a target.
  CHECK(One("新建学校３所", "到２０２５年主要目标").modality == "target");
}

TEST_CASE("a ratio of two or more terms is one quantity: value the first term over the second", "[extract][ratio]") {
  auto q = One("各级财政按1:1比例安排配套资金。");
  CHECK(q.kind == "ratio");
  CHECK(q.text == "1:1");
  CHECK(q.value == Approx(1.0));
  CHECK(q.bound == "exact");
  CHECK(q.unit.empty());
  // The ratio sign U+2236, a bound after it.
  q = One("中小学师生比达到1∶19以上。");
  CHECK(q.text == "1∶19以上");
  CHECK(q.value == Approx(1.0 / 19));
  CHECK(q.bound == "min");
  // Three terms: no single value; the text carries them.
  q = One("省、市、县按5：3：2的比例分担建设资金。");
  CHECK(q.text == "5：3：2");
  CHECK_FALSE(q.value.has_value());
  // Written with 比, in figures or in words, where the clause speaks of sharing or matching.
  q = One("省级财政与项目单位按照一比一配套。");
  CHECK(q.text == "一比一");
  CHECK(q.value == Approx(1.0));
  CHECK(One("市县两级按1比0.5的比例分担。").value == Approx(2.0));
  // A map's scale, with its multiplier.
  CHECK(One("完成1:5万基础测绘。").value == Approx(1.0 / 50000));
  // A bound before it, and a modal word that governs it.
  q = One("地方配套资金比例不得低于1:1。");
  CHECK(q.bound == "min");
  CHECK(q.modality == "obligation");
}

TEST_CASE("clock times, labels and scores are no ratios", "[extract][ratio]") {
  CHECK(X("会议于9:30召开。").empty());
  CHECK(X("开放时间为8:30—17:30。").empty());
  CHECK(X("附件1：2024年重点项目清单").size() == 1);  // the year only
  CHECK(X("附件1：2024年重点项目清单")[0].kind == "year");
  CHECK(X("决赛中以三比二获胜。").empty());  // no ratio spoken of
  CHECK(X("与上年相比，2023年比2022年多。").size() == 2);  // two years, no ratio
  for (const auto& q : X("依照第3:2款办理。")) CHECK(q.kind != "ratio");  // a label's number after 第
  // A clock-like ratio is a ratio where the clause speaks of one.
  auto q = One("师生比不低于1:15。");
  CHECK(q.kind == "ratio");
  CHECK(q.value == Approx(1.0 / 15));
}

TEST_CASE("a noun whose value is a pure number gives a bare figure its kind", "[extract][ratio]") {
  auto q = One("新建住宅小区容积率不得高于2.5。");
  CHECK(q.kind == "ratio");
  CHECK(q.value == Approx(2.5));
  CHECK(q.bound == "max");
  CHECK(q.modality == "obligation");
  q = One("基尼系数控制在0.4以内。");
  CHECK(q.text == "0.4以内");
  CHECK(q.bound == "max");
  // A rate without its sign is no ratio: it lost its %, and is not guessed.
  CHECK(X("贷款利率为4.35。").empty());
  CHECK(X("全市共有2.5个。").size() == 1);
}

TEST_CASE("a negated comparison bounds the other way", "[extract][bound]") {
  CHECK(One("建筑密度不大于30%。").bound == "max");
  CHECK(One("单个项目面积不小于50亩。").bound == "min");
  CHECK(One("单个项目面积不得小于50亩。").bound == "min");
  CHECK(One("每户补助不得高于5000元。").bound == "max");
  CHECK(One("占地不得大于20亩。").bound == "max");
  CHECK(One("森林覆盖率≥45%。").bound == "min");
  CHECK(One("PM2.5浓度≤35微克/立方米。").bound == "max");
  CHECK(One("比例大于等于60%。").bound == "min");
  CHECK(One("比例小于或等于5%。").bound == "max");
  // The plain comparisons are unchanged.
  CHECK(One("增速高于5%。").bound == "min");
  CHECK(One("增速低于5%。").bound == "max");
}

TEST_CASE("a bound set with 不 before its verb is no threshold a case falls short of", "[extract][modality]") {
  // 达不到90%的 (those who fall short) is a condition; 不低于30%的比例 sets a floor.
  CHECK(One("满意率达不到90%的取消评优资格。").modality == "condition");
  CHECK(One("各县（市、区）按不低于30%的比例配套。").modality == "obligation");
  CHECK(One("各县（市、区）按不低于1:1的比例配套。").modality == "obligation");
}
