#include <catch2/catch.hpp>

#include <set>

#include "pipeline/decode.h"
#include "pipeline/normalize.h"
#include "pipeline/segment.h"
#include "test_support.h"

using namespace pledge;

TEST_CASE("sentences end at 。！？； and at line ends, with closing quotes kept", "[segment]") {
  std::string text = "他说：“要发展。”我们同意！真的吗？是的；好\n下一行";
  auto s = SegmentText(text);
  std::vector<std::string> got;
  for (auto& x : s) got.push_back(text.substr(x.start, x.end - x.start));
  CHECK(got == std::vector<std::string>{"他说：“要发展。”", "我们同意！", "真的吗？", "是的；", "好", "下一行"});
}

TEST_CASE("sections nest by heading level", "[segment]") {
  std::string text = "报告标题\n一、总体要求\n（一）目标\n1、第一项。第二句。\n（二）措施\n二、保障\n内容。";
  auto s = SegmentText(text);
  REQUIRE(s.size() == 8);
  CHECK(s[0].section == "第一篇");
  CHECK(s[1].section == "第一篇 > 一、");
  CHECK(s[2].section == "第一篇 > 一、 > （一）");
  CHECK(s[3].section == "第一篇 > 一、 > （一） > 1、");
  CHECK(s[4].section == "第一篇 > 一、 > （一） > 1、");
  CHECK(s[5].section == "第一篇 > 一、 > （二）");
  CHECK(s[6].section == "第一篇 > 二、");
  CHECK(s[7].section == "第一篇 > 二、");
  CHECK(s[7].context == "报告标题 / 二、保障");
  CHECK(s[4].context == "报告标题 / 一、总体要求 / （一）目标 / 1、第一项。");  // no repeat of the heading
}

TEST_CASE("a law's sections and articles nest between its chapter and 一、", "[segment]") {
  std::string text = "第二章 分类投放\n第一节 一般规定\n第三条 生活垃圾分为以下两类：\n（一）可回收物；\n（二）其他垃圾。\n"
                     "第四条 违反规定的，处50元以上200元以下罚款。";
  auto s = SegmentText(text);
  REQUIRE(s.size() == 6);
  CHECK(s[1].section == "第二章 > 第一节");
  CHECK(s[2].section == "第二章 > 第一节 > 第三条");
  CHECK(s[4].section == "第二章 > 第一节 > 第三条 > （二）");
  CHECK(s[5].section == "第二章 > 第一节 > 第四条");  // the items of 第三条 end where 第四条 begins
}

TEST_CASE("a list introduced by a colon frames its ；-items", "[segment]") {
  std::string text = "新华社电 会议开幕。主要预期目标是：增长5%左右；新增就业1200万人以上；涨幅2%左右。此外，天气晴。";
  auto s = SegmentText(text);
  REQUIRE(s.size() == 5);
  CHECK(s[2].context.find("主要预期目标是：") != std::string::npos);
  CHECK(s[3].context.find("主要预期目标是：") != std::string::npos);  // the item that ends the list
  CHECK(s[4].context.find("主要预期目标是：") == std::string::npos);  // after the list
}

TEST_CASE("a document that indents every paragraph is one article", "[segment]") {
  // 　　 at each paragraph start (one space once normalized): layout, not article starts.
  std::string text = "关于加强农业生产的意见\n 一、总体要求\n 到2025年，产量稳定。\n 二、重点任务\n （一）农田建设\n"
                     " 每年新建农田10万亩。\n";
  auto s = SegmentText(text);
  REQUIRE(s.size() == 6);
  for (const auto& x : s) CHECK(x.article == 1);
  CHECK(s[2].section == "第一篇 > 一、");
  CHECK(s[5].section == "第一篇 > 二、 > （一）");
  // Paragraphs indented with ASCII spaces, headings flush: fewer than half the lines are
  // indented, and still the indents are layout.
  std::string flush_headings = "关于加强农业生产的意见\n一、总体要求\n 到2025年，产量稳定。\n二、重点任务\n（一）农田建设\n"
                               " 每年新建农田10万亩。\n（二）水利建设\n 每年新建水库2座。\n";
  for (const auto& x : SegmentText(flush_headings)) CHECK(x.article == 1);
  // Normalization keeps Chinese typography's indent, U+3000: it is layout too, in a document
  // indented throughout or only here and there, and no sentence starts with it.
  const std::string indent = "\xE3\x80\x80\xE3\x80\x80";
  for (std::string typeset : {"关于加强农业生产的意见\n" + indent + "一、总体要求\n" + indent + "到2025年，产量稳定。\n" + indent +
                                  "二、重点任务\n" + indent + "（一）农田建设\n" + indent + "每年新建农田10万亩。\n",
                              "关于加强农业生产的意见\n一、总体要求\n" + indent + "到2025年，产量稳定。\n二、重点任务\n（一）农田建设\n"
                              "每年新建农田10万亩。\n"}) {
    auto t = SegmentText(typeset);
    REQUIRE(t.size() >= 6);
    for (const auto& x : t) CHECK(x.article == 1);
    CHECK(t[2].section == "第一篇 > 一、");
    CHECK(typeset.substr(t[2].start, t[2].end - t[2].start) == "到2025年，产量稳定。");
    CHECK(t[5].section == "第一篇 > 二、 > （一）");
  }
}

TEST_CASE("a paragraph's first sentence is context for the sentences after it", "[segment]") {
  std::string text = "标题\n过去一年，成绩显著。新建公路10公里。\n今年的主要目标是：增长6%。新增就业5万人。";
  auto s = SegmentText(text);
  REQUIRE(s.size() == 5);
  CHECK(s[1].context == "标题");
  CHECK(s[2].context == "标题 / 过去一年，成绩显著。");
  CHECK(s[4].context == "标题 / 今年的主要目标是：增长6%。");
}

TEST_CASE("the seed holds five articles", "[segment][seed]") {
  std::string raw = test::ReadBytes(test::SourcePath("samples/seed_qunzhongguan.txt"));
  NormalizedText n = NormalizeText(DecodeBytes(raw).text);
  auto sentences = SegmentText(n.text.text);
  REQUIRE_FALSE(sentences.empty());
  CHECK(sentences.back().article == 5);
  std::set<std::string> sections;
  for (auto& s : sentences) sections.insert(s.section);
  CHECK(sections.count("第一篇 > 四、"));
  CHECK(sections.count("第三篇 > 二、 > （一）"));
  CHECK(sections.count("第四篇 > 三、"));
  CHECK(sections.count("第五篇"));
  // The heading glued to the end of a paragraph still opens its section.
  for (auto& s : sentences) {
    std::string t = n.text.text.substr(s.start, s.end - s.start);
    if (t.rfind("一、抓贴近", 0) == 0) CHECK(s.section == "第一篇 > 一、");
    if (t.rfind("第四篇", 0) == 0) CHECK(s.article == 4);
  }
}

TEST_CASE("a chapter of a document keeps the document's title in its context", "[segment]") {
  std::string text =
      "某市国民经济和社会发展第十四个五年规划纲要\n第三章 坚持创新驱动发展\n每年组织实施重大科技专项10项以上。\n";
  auto s = SegmentText(text);
  REQUIRE(s.size() == 3);
  CHECK(s[2].section == "第三章");
  CHECK(s[2].context.starts_with("某市国民经济和社会发展第十四个五年规划纲要 / "));
  // A page of concatenated articles (第四篇) does not carry the first article's title.
  s = SegmentText("第一篇 群众观\n正文。\n第二篇 新时期群众工作\n正文。\n");
  REQUIRE(s.size() == 4);
  CHECK(s[3].context.find("群众观") == std::string::npos);
}

TEST_CASE("a table's rows are marked and carry the table's header", "[segment][table]") {
  std::string text =
      "主要指标如下。\n指标 单位 2020年 2025年\n地区生产总值 亿元 3201 4500\n公路总里程 公里 9800 12000\n"
      "各地要抓好落实。\n水泥 万吨 356 -2.1\n";
  auto s = SegmentText(text);
  REQUIRE(s.size() == 6);
  CHECK_FALSE(s[0].table_row);
  CHECK_FALSE(s[1].table_row);  // the header is read as a sentence (its years are dates)
  CHECK(s[2].table_row);
  CHECK(s[2].table_header == "指标 单位 2020年 2025年");
  CHECK(s[3].table_header == "指标 单位 2020年 2025年");
  CHECK_FALSE(s[4].table_row);
  CHECK(s[5].table_row);
  CHECK(s[5].table_header.empty());  // prose ended that table
}

TEST_CASE("a web page's table, rows a blank line apart, carries its header too", "[segment][table]") {
  auto s = SegmentText("产品名称 单位 产量 比上年增长（%）\n\n水泥 万吨 356 -2.1\n\n钢材 万吨 120 3.5\n");
  REQUIRE(s.size() == 3);
  CHECK(s[2].table_row);
  CHECK(s[2].table_header == "产品名称 单位 产量 比上年增长（%）");
}
