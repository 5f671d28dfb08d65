#include <catch2/catch.hpp>

#include "pipeline/decode.h"
#include "pipeline/html_text.h"
#include "pipeline/normalize.h"
#include "pipeline/process_document.h"
#include "test_support.h"

using namespace pledge;

namespace {

// A page as ingest reads it: its visible text, normalized.
NormalizedText NormalizedPage(const std::string& html) { return NormalizeText(HtmlToText(TrackedText::Identity(html))); }

}  // namespace

TEST_CASE("HTML pages are reduced to their visible text by a parser", "[html]") {
  std::string raw = test::ReadBytes(test::SourcePath("samples/county_notice.html"));
  REQUIRE(LooksLikeHtml("samples/county_notice.html", raw));
  CHECK(LooksLikeHtml("page.txt", "  <!DOCTYPE html><html>"));
  CHECK_FALSE(LooksLikeHtml("plan.txt", "一、总体要求 <b>"));

  TrackedText text = HtmlToText(DecodeBytes(raw).text);
  REQUIRE(text.Valid());
  CHECK(text.text.find("_hmt") == std::string::npos);        // script
  CHECK(text.text.find("font-size") == std::string::npos);   // style
  CHECK(text.text.find("<p") == std::string::npos);          // no tags
  CHECK(text.text.rfind("关于印发《某县2025年民生实事工作方案》的通知\n", 0) == 0);  // the title first
  // Table cells are paragraphs: as lines, a label (（一）教育提质) and the cell after it read
  // like a line and the text it wraps onto, on a page whose paragraphs are set apart.
  CHECK(text.text.find("（一）教育提质\n\n新建幼儿园3所") != std::string::npos);
  // Other blocks are paragraphs, a blank line apart: a heading without punctuation is never
  // taken for a line wrapped by a layout.
  CHECK(text.text.find("一、工作目标\n\n2025年全县") != std::string::npos);
  auto page = NormalizedPage(
      "<title>春耕生产工作通知_通知公告_某县人民政府</title><div>首页 | 政务公开 | 通知公告</div>"
      "<div>当前位置：首页 &gt; 通知公告</div><h1>关于做好春耕生产工作的通知</h1><p>各乡镇人民政府：</p>"
      "<div>主办单位：某县人民政府办公室 版权所有 ICP备12345678号</div>");
  // The <title> line keeps the document's short title; its channel and site go.
  CHECK(page.text.text == "春耕生产工作通知\n\n关于做好春耕生产工作的通知\n\n各乡镇人民政府：\n");
  CHECK(page.metadata.title == "春耕生产工作通知");
  // A menu of short links goes; links in the text, and a list of document titles, stay.
  page = NormalizedPage(
      "<ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政务公开</a></li>"
      "<li><a href=\"/hd\">互动交流</a></li></ul><div><a>首页</a> | <a>机构</a> | <a>政策</a></div>"
      "<p>详见<a href=\"/a\">附件1</a>、<a>附件2</a>和<a>附件3</a>。</p>"
      "<ul><li><a>关于印发某县2025年民生实事工作方案的通知</a></li><li><a>关于做好春耕生产工作的通知</a></li>"
      "<li><a>某县2024年国民经济和社会发展统计公报</a></li></ul>");
  CHECK(page.text.text ==
        "详见附件1、附件2和附件3。\n\n关于印发某县2025年民生实事工作方案的通知\n\n关于做好春耕生产工作的通知\n\n"
        "某县2024年国民经济和社会发展统计公报\n");
  // Every byte of visible text is the raw byte at its offset (the page is UTF-8).
  for (size_t i = 0; i < text.text.size(); ++i)
    if (text.text[i] != '\n') REQUIRE(raw[text.to_raw[i]] == text.text[i]);
}

TEST_CASE("HTML set with <br> alone: <br><br> is a paragraph break, a lone <br> a line break", "[html]") {
  std::string page = "<div>一、总体要求<br>坚持稳中求进，推动高质量发展。<br><br>二、主要目标<br>"
                     "到2025年，地区生产总值增长5%。<br><br>三、工作要求<br>各地要加强领导。<br><br>"
                     "四、其他<br>本方案自印发之日起施行。</div>";
  NormalizedText n = NormalizedPage(page);
  CHECK(n.text.text ==
        "一、总体要求\n坚持稳中求进，推动高质量发展。\n\n二、主要目标\n到2025年，地区生产总值增长5%。\n\n"
        "三、工作要求\n各地要加强领导。\n\n四、其他\n本方案自印发之日起施行。\n");
}

TEST_CASE("the source's line break after a <br> is white space, not a second break", "[html]") {
  // Pages written by hand or by an editor break the source line after each <br>.
  std::string page = "<p>一、工作目标</p>\n<p>到2024年底，卫生厕所普及率达到95%以上，<br>\n  生活污水治理率提高到45%。<br>\r\n"
                     "每个乡镇至少建成2个示范村。</p>\n<p>二、资金保障</p>";
  NormalizedText n = NormalizedPage(page);
  CHECK(n.text.text == "一、工作目标\n\n到2024年底，卫生厕所普及率达到95%以上，生活污水治理率提高到45%。\n"
                       "每个乡镇至少建成2个示范村。\n\n二、资金保障\n");
  // Every byte kept still maps to its own byte of the page.
  size_t at = n.text.text.find("生活");
  CHECK(page.substr(n.text.to_raw[at], 6) == "生活");
  // In <pre> the white space is the text's own, as in a plain-text page.
  CHECK(NormalizedPage("<p>标题</p><pre>\n\n  一、目标\n  到2025年，增长5%。</pre>").text.text ==
        NormalizeText(TrackedText::Identity("标题\n\n\n  一、目标\n  到2025年，增长5%。\n")).text.text);
}

TEST_CASE("an empty paragraph of spaces (Word's <o:p> holding an nbsp entity) leaves no line of its own", "[html]") {
  std::string page = "<p class=MsoNormal><span>各乡镇人民政府：<o:p></o:p></span></p>"
                     "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
                     "<p class=MsoNormal><span>现将有关事项通知如下：</span><span>&nbsp;</span><span>一、落实面积</span></p>"
                     "<p>&#12288;&nbsp;</p><p>\u3000\u00A0 </p><p>&nbsp;&nbsp;二、加强指导</p>";
  NormalizedText n = NormalizedPage(page);
  // A space between two spans of one line is a space like any other; an indent stays as written.
  CHECK(n.text.text == "各乡镇人民政府：\n\n现将有关事项通知如下：一、落实面积\n\n  二、加强指导\n");
}

TEST_CASE("HTML tables: a row of figures is one line, other rows keep a paragraph per cell", "[html]") {
  std::string page =
      "<html><body><p>主要指标如下。</p><table>"
      "<tr><th>序号</th><th>指标名称</th><th>单位</th><th>2020年</th><th>2025年</th></tr>"
      "<tr><td>1</td><td>公路总里程</td><td>公里</td><td>9800</td><td>12000</td></tr>"
      "<tr><td>2</td><td>港口吞吐量</td><td>万吨</td><td>8500</td><td>10000</td></tr>"
      "<tr><td>（一）教育提质</td><td>新建幼儿园3所。</td></tr></table></body></html>";
  NormalizedText n = NormalizedPage(page);
  // As lines of their own, 9800 / 12000 were joined like a wrap and read 980012000.
  CHECK(n.text.text ==
        "主要指标如下。\n\n序号 指标名称 单位 2020年 2025年\n\n1 公路总里程 公里 9800 12000\n\n"
        "2 港口吞吐量 万吨 8500 10000\n\n（一）教育提质\n\n新建幼儿园3所。\n");
  CHECK(n.fixes.empty());
  // A header of words over rows of figures keeps its cells on one line too.
  n = NormalizedPage(
      "<table><tr><th>产品名称</th><th>单位</th><th>产量</th><th>增长</th></tr>"
      "<tr><td>水泥</td><td>万吨</td><td>356</td><td>-2.1</td></tr></table>"
      "<table><tr><th>名称</th><th>说明</th><th>备注</th></tr><tr><td>学校</td><td>幼儿园</td><td>医院</td></tr></table>");
  CHECK(n.text.text == "产品名称 单位 产量 增长\n\n水泥 万吨 356 -2.1\n\n名称\n\n说明\n\n备注\n\n学校\n\n幼儿园\n\n医院\n");
  // A row of labels and values is one line: a disclosure page's header becomes metadata.
  n = NormalizedPage(
      "<table><tr><td>发文机关：</td><td>杭州市人民政府办公厅</td><td>成文日期：</td><td>2023年03月15日</td></tr>"
      "<tr><td>标题：</td><td>关于印发行动计划的通知</td></tr></table><p>各区人民政府：</p>");
  CHECK(n.text.text == "各区人民政府：\n");
  CHECK(n.metadata.title == "关于印发行动计划的通知");
  CHECK(n.metadata.author == "杭州市人民政府办公厅");
  CHECK(n.metadata.published_at == "2023-03-15");
}

TEST_CASE("HTML documents keep exact raw offsets through normalization", "[html]") {
  std::string raw = test::ReadBytes(test::SourcePath("samples/county_notice.html"));
  ProcessedDocument doc = ProcessDocument("county_notice.html", raw);
  REQUIRE(doc.status == ProcessedDocument::Status::Loaded);
  bool saw_entity = false;
  for (const Fix& f : doc.normalized.fixes) {
    INFO(f.rule << " " << f.before);
    CHECK(raw.substr(f.raw_start, f.raw_end - f.raw_start) == f.before);
    if (f.rule == "html_entity" && f.before == "&ldquo;") saw_entity = f.after == "“";
  }
  CHECK(saw_entity);
  bool saw_money = false;
  for (const auto& c : doc.commitments) {
    std::string original = raw.substr(c.raw_start, c.raw_end - c.raw_start);
    INFO(original);
    CHECK(original.find('<') == std::string::npos);
    if (c.quantity.kind == "money") {
      saw_money = true;
      CHECK(original == "1500万元");
      CHECK(c.quantity.value == 1.5e7);
    }
  }
  CHECK(saw_money);
}

TEST_CASE("text a forum hides among a post's words is dropped, a hidden block is kept", "[html]") {
  // Discuz! scatters random characters in <font class="jammer"> and <span style="display:none">.
  auto page = NormalizedPage(
      "<div class=\"t_fsz\"><td class=\"t_f\">3月26日，全县招商引资工作会议召开。<font class=\"jammer\">2 t0 d2 Y7 n8</font><br />"
      "<span style=\"display: none\">- a# q/ r; Y9</span>2009年，全县完成国内招商引资26亿元。"
      "<font class=\"jammer big\">R&amp; p5 b</font></td></div>"
      "<div class=\"tab\" style=\"display:none\">政策解读：今年新增就业1.2万人。</div>"
      "<p>目标是<span class=\"jammers\">引进项目</span>50个。</p>");
  CHECK(page.text.text ==
        "3月26日，全县招商引资工作会议召开。\n2009年，全县完成国内招商引资26亿元。\n\n政策解读：今年新增就业1.2万人。\n\n"
        "目标是引进项目50个。\n");
}

TEST_CASE("a document set in full-width figures keeps them, and its rows and sentences are read all the same", "[pipeline][width]") {
  const std::string text =
      "某县１９９８年国民经济主要指标\n"
      "指标 单位 １９９７年 １９９８年\n"
      "地区生产总值 亿元 ８．２ ９．６\n"
      "粮食总产量 万吨 ３１．５ ３３．０\n"
      "全年完成固定资产投资３．２亿元，比上年增长１５．６％。\n";
  ProcessedDocument doc = ProcessDocument("wide.txt", text);
  REQUIRE(doc.status == ProcessedDocument::Status::Loaded);
  CHECK(doc.normalized.text.text == text);
  std::vector<std::string> found;
  for (const auto& c : doc.commitments) {
    // Every span is the figure as written, in the normalized text and in the raw bytes alike.
    CHECK(text.substr(c.raw_start, c.raw_end - c.raw_start) == c.quantity.text);
    found.push_back(c.quantity.text);
  }
  // As the same document in ASCII figures reads (the header's years included).
  CHECK(found == std::vector<std::string>{"１９９８年", "１９９７年", "１９９８年", "８．２", "９．６", "３１．５", "３３．０",
                                          "３．２亿元", "１５．６％"});
  std::string ascii = text;
  for (const auto& [wide, narrow] : std::initializer_list<std::pair<std::string, std::string>>{
           {"０", "0"}, {"１", "1"}, {"２", "2"}, {"３", "3"}, {"４", "4"}, {"５", "5"}, {"６", "6"}, {"７", "7"},
           {"８", "8"}, {"９", "9"}, {"．", "."}, {"％", "%"}})
    for (size_t at; (at = ascii.find(wide)) != std::string::npos;) ascii.replace(at, wide.size(), narrow);
  ProcessedDocument narrow_doc = ProcessDocument("ascii.txt", ascii);
  REQUIRE(narrow_doc.commitments.size() == doc.commitments.size());
  for (size_t k = 0; k < doc.commitments.size(); ++k) {
    CHECK(narrow_doc.commitments[k].quantity.value == doc.commitments[k].quantity.value);
    CHECK(narrow_doc.commitments[k].quantity.modality == doc.commitments[k].quantity.modality);
  }
  REQUIRE(narrow_doc.sentences.size() == doc.sentences.size());
  for (size_t k = 0; k < doc.sentences.size(); ++k)
    CHECK(narrow_doc.sentences[k].sentence.table_row == doc.sentences[k].sentence.table_row);
  for (const auto& s : doc.sentences) CHECK(text.substr(s.raw_start, s.raw_end - s.raw_start) == s.text);
}

TEST_CASE("how deep a page nests: end tags close what they enclose, optional ends close their kind", "[html]") {
  CHECK(MeasureHtml("<html><body><div><p>一</p></div></body></html>", 100).depth == 4);
  // Paragraphs, items, cells and rows left open close when the next of their kind starts.
  std::string open_ends = "<html><body><table>";
  for (int k = 0; k < 5000; ++k) open_ends += "<tr><td><font size=2>12<td><p>文<p>字<li>项";
  CHECK(MeasureHtml(open_ends, 100).depth < 10);
  // An end tag closes the elements left open inside it (a <font> never closed in its cell).
  std::string unclosed_inline = "<body><table>";
  for (int k = 0; k < 5000; ++k) unclosed_inline += "<tr><td><font><b>12</td></tr>";
  CHECK(MeasureHtml(unclosed_inline, 100).depth < 10);
  // Void elements, self-closed tags, comments and script nest nothing; the tags inside script
  // and comments are no tags.
  std::string flat = "<body>";
  for (int k = 0; k < 5000; ++k) flat += "<br><img src=x><meta/><!-- <div> --><script>var s = '<div><div>';</script>";
  CHECK(MeasureHtml(flat, 100).depth == 1);
  // Elements that nest: the count stops just past the limit.
  std::string deep;
  for (int k = 0; k < 50000; ++k) deep += "<div>";
  CHECK(MeasureHtml(deep, 100).depth == 101);
  // Attributes: runs between spaces outside quoted values.
  CHECK(MeasureHtml("<body><div class=\"a b c\" id = 'x y' hidden data-x=1/>", 100).most_attributes == 4);
  std::string wide = "<body><div";
  for (int k = 0; k < 5000; ++k) wide += " a" + std::to_string(k) + "=1";
  CHECK(MeasureHtml(wide + ">", 100).most_attributes == 101);
  // The sample pages nest a few levels, nowhere near the limit.
  for (const char* page : {"samples/county_notice.html", "samples/gbk_layout_notice.html"}) {
    DecodedText decoded = DecodeBytes(test::ReadBytes(test::SourcePath(page)));
    REQUIRE(decoded.ok);
    CHECK(MeasureHtml(decoded.text.text, kMaxHtmlDepth).depth < 40);
    CHECK(MeasureHtml(decoded.text.text, kMaxHtmlDepth).most_attributes < 20);
  }
}

TEST_CASE("a page nested or attributed past any real one is read as text and flagged, not parsed", "[html][pathological]") {
  // 200,000 nested <b> overflowed the stack of the walk over gumbo's tree (a crash that ended
  // the whole run); 200,000 nested <div> kept gumbo busy for minutes. Past the bound, a page
  // never reaches the parser: twice the bound shows it.
  for (const std::string tag : {"b", "div"}) {
    std::string page = "<html><body>";
    for (size_t k = 0; k < 2 * kMaxHtmlDepth; ++k) page += "<" + tag + ">";
    page += "每年投入不少于15亿元。";
    for (size_t k = 0; k < 2 * kMaxHtmlDepth; ++k) page += "</" + tag + ">";
    page += "</body></html>";
    auto doc = ProcessDocument("deep.html", page);
    REQUIRE(doc.status == ProcessedDocument::Status::Loaded);
    CHECK(std::find(doc.normalized.flags.begin(), doc.normalized.flags.end(), "html_too_deep") != doc.normalized.flags.end());
    REQUIRE(doc.commitments.size() == 1);
    CHECK(doc.commitments[0].quantity.value == 15e8);
  }
  // A tag with five times the bound of attributes: gumbo compares each with the tag's others.
  std::string wide = "<html><body><div";
  for (size_t k = 0; k < 5 * kMaxHtmlAttributes; ++k) wide += " a" + std::to_string(k) + "=1";
  auto wide_doc = ProcessDocument("wide.html", wide + ">每年投入不少于15亿元。</div></body></html>");
  CHECK(std::find(wide_doc.normalized.flags.begin(), wide_doc.normalized.flags.end(), "html_too_many_attributes") !=
        wide_doc.normalized.flags.end());
  REQUIRE(wide_doc.commitments.size() == 1);
  // Nested deep but within the limit, a page is parsed (the walk over its tree has no recursion).
  std::string page = "<html><body>";
  for (int k = 0; k < 9000; ++k) page += "<span>";
  page += "每年投入不少于15亿元。</body></html>";
  auto doc = ProcessDocument("deep.html", page);
  CHECK(std::find(doc.normalized.flags.begin(), doc.normalized.flags.end(), "html_too_deep") == doc.normalized.flags.end());
  CHECK(doc.normalized.text.text == "每年投入不少于15亿元。\n");
}

TEST_CASE("end tags the parser reads without a node are no text (</body></html> after an open <p>)", "[html]") {
  // gumbo keeps such tags inside the source span of the text before them.
  CHECK(NormalizedPage("<html><body><p>每年投入不少于15亿元。</body></html>").text.text == "每年投入不少于15亿元。\n");
  CHECK(NormalizedPage("<html><body><span><b>全年完成</body>目标任务。</html>").text.text == "全年完成目标任务。\n");
  // A < that starts no tag is text.
  CHECK(NormalizedPage("<html><body><p>a < b，c <1 </body></html>").text.text == "a < b，c <1\n");
}

TEST_CASE("in title, textarea, xmp and after plaintext the tags are text: kept for normalization to judge", "[html]") {
  auto visible = [](const std::string& html) { return HtmlToText(TrackedText::Identity(html)).text; };
  // The page's text as a browser shows it; what looks like a tag is there, at its own offsets.
  CHECK(visible("<html><head><title>关于A<b>B的通知</title></head><body><p>正文。</p></body></html>") ==
        "关于A<b>B的通知\n\n正文。\n");
  CHECK(visible("<body><p>甲。</p><textarea>输入<y>框</textarea></body>") == "甲。\n\n输入<y>框\n");
  CHECK(visible("<body><xmp>代码<b>不</b>是标签</xmp></body>") == "代码<b>不</b>是标签\n");
  CHECK(visible("<body><p>甲。</p><plaintext>乙<q>丙</p>丁") == "甲。\n\n乙<q>丙</p>丁\n");
  // Normalization then treats them as in any text: an HTML tag left in text is removed and
  // logged (html_tag); a word in angle brackets that is no HTML tag stays.
  NormalizedText n = NormalizedPage("<body><textarea>输入<y>框<b>粗</b></textarea></body>");
  CHECK(n.text.text == "输入<y>框粗\n");
  REQUIRE(n.fixes.size() == 2);
  CHECK(n.fixes[0].rule == "html_tag");
}
