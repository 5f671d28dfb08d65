// Rows of statistical tables: each figure in the unit of its column.
#include <catch2/catch.hpp>

#include "extractors/extract_table_row.h"

using namespace pledge;

TEST_CASE("a table row's figures take the unit of their column", "[extract][table]") {
  // The row's unit cell, under a header of years: the base year reached, the target after it.
  auto q = ExtractTableRow("地区生产总值 亿元 3201 4500", "指标 单位 2020年 2025年");
  REQUIRE(q.size() == 2);
  CHECK(q[0].text == "3201");
  CHECK(q[0].kind == "money");
  CHECK(q[0].unit == "CNY");
  CHECK(q[0].value == 320100000000.0);
  CHECK(q[0].modality == "achievement");
  CHECK(q[1].value == 450000000000.0);
  CHECK(q[1].bound == "exact");
  CHECK(q[0].start == std::string("地区生产总值 亿元 ").size());
  // A header cell's own unit overrides the row's: growth is in percent, output in tonnes.
  q = ExtractTableRow("粮食 万吨 41.2 1.8", "产品名称 单位 产量 比上年增长（%）");
  REQUIRE(q.size() == 2);
  CHECK(q[0].unit == "t");
  CHECK(q[0].value == 412000);
  CHECK(q[1].kind == "percent");
  CHECK(q[1].value == 1.8);
  // A unit that is not known leaves its figure out, and only it.
  q = ExtractTableRow("集成电路 万块 9420 15.2", "产品名称 单位 产量 比上年增长（%）");
  REQUIRE(q.size() == 1);
  CHECK(q[0].text == "15.2");
  // The label's unit in brackets, the figures' own bounds, a plan's indicator kinds.
  q = ExtractTableRow("创新驱动 研发经费投入增长（%） 12.1 — >7 预期性", "");
  REQUIRE(q.size() == 2);
  CHECK(q[1].text == ">7");
  CHECK(q[1].bound == "min");
  CHECK(q[1].value == 7);
  CHECK(q[1].modality == "target");
  // A plan's five-year total in brackets is a figure; the binding indicator an obligation.
  q = ExtractTableRow("单位地区生产总值能源消耗降低（%） — 〔13.5〕 约束性", "指标 2020年 2025年 属性");
  REQUIRE(q.size() == 1);
  CHECK(q[0].text == "〔13.5〕");
  CHECK(q[0].value == 13.5);
  CHECK(q[0].modality == "obligation");
  q = ExtractTableRow("森林覆盖率（%） 61.2 62 约束性", "");
  REQUIRE(q.size() == 2);
  CHECK(q[1].modality == "obligation");
  CHECK(ExtractTableRow("耕地保有量 万亩 ≤120 6左右", "")[0].bound == "max");
  CHECK(ExtractTableRow("耕地保有量 万亩 ≤120 6左右", "")[1].bound == "approx");
  // A serial number is no quantity.
  q = ExtractTableRow("1 公路总里程 公里 9800 12000", "序号 指标名称 单位 2020年 2025年");
  REQUIRE(q.size() == 2);
  CHECK(q[0].text == "9800");
  CHECK(q[0].unit == "km");
  // A header giving units per column that does not line up with the row: nothing, not a guess.
  CHECK(ExtractTableRow("粮食 万吨 41.2 1.8 备注", "产品名称 单位 产量 比上年增长（%）").empty());
  // No unit anywhere: nothing; the caller reads the line as a sentence.
  CHECK(ExtractTableRow("学校 幼儿园 12 15", "").empty());
}

TEST_CASE("a row drawn with bars is a row, its cells what lies between them", "[extract][table]") {
  // A scraper's table: the header's opening bar leaves the corner above the labels empty.
  const char* header = "| 绝 对 数 (亿元) | 比上年增长 (%) |";
  auto q = ExtractTableRow("地区生产总值 | 617.50 | 5.2 |", header);
  REQUIRE(q.size() == 2);
  CHECK(q[0].text == "617.50");
  CHECK(q[0].unit == "CNY");
  CHECK(q[0].value == Approx(61750000000.0));
  CHECK(q[0].start == std::string("地区生产总值 | ").size());
  CHECK(q[1].text == "5.2");
  CHECK(q[1].kind == "percent");
  // Bars on both sides of every row, full-width bars, and years over the figures.
  q = ExtractTableRow("｜ 粮食总产量（万吨）｜ 41.2 ｜ 45 ｜", "｜ 指标 ｜ 2020年 ｜ 2025年 ｜");
  REQUIRE(q.size() == 2);
  CHECK(q[0].unit == "t");
  CHECK(q[0].modality == "achievement");  // the base year
  CHECK(q[1].value == 450000);
  // A project list: the cells of text keep their own quantities, read as sentences, in place.
  q = ExtractTableRow("| 1 | 农村公路提升 | 新建道路12公里，改造桥梁3座 | 1200 | 2024年底 |",
                      "| 序号 | 项目名称 | 建设内容 | 总投资（万元） | 完成时限 |");
  REQUIRE(q.size() == 4);
  CHECK(q[0].text == "12公里");
  CHECK(q[0].unit == "km");
  CHECK(q[1].text == "3座");
  CHECK(q[2].text == "1200");
  CHECK(q[2].value == Approx(12000000.0));
  CHECK(q[3].kind == "year");
  for (size_t k = 1; k < q.size(); ++k) CHECK(q[k - 1].start < q[k].start);
  // One bar is no row of bars: a sentence with a bar in it is read as a sentence.
  CHECK(ExtractTableRow("全年增长5.2% | 详见附表", "").empty());
}

TEST_CASE("a table set in full-width figures is read by column too", "[extract][table][width]") {
  const std::string row = "地区生产总值 亿元 ３２０１ ４５００";
  auto q = ExtractTableRow(row, "指标 单位 ２０２０年 ２０２５年");
  REQUIRE(q.size() == 2);
  CHECK(q[0].text == "３２０１");
  CHECK(q[0].start == row.find("３"));
  CHECK(q[0].value == 320100000000.0);
  CHECK(q[0].modality == "achievement");
  CHECK(q[1].text == "４５００");
  CHECK(q[1].end == row.size());
}
