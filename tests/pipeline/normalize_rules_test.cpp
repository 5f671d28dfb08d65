// One section per normalization rule: the damage it repairs, what it must leave alone, and the
// fix it logs.
#include <catch2/catch.hpp>

#include "pipeline/normalize.h"
#include "pipeline/rules/rule.h"
#include "pipeline/rules/table_rows.h"
#include "test_support.h"

#include <random>

using namespace pledge;

namespace {

NormalizedText Run(const std::string& s) { return NormalizeText(TrackedText::Identity(s)); }
std::string Norm(const std::string& s) { return Run(s).text.text; }
std::string Repeat(const std::string& s, int times) {
  std::string out;
  for (int k = 0; k < times; ++k) out += s;
  return out;
}
bool HasRule(const NormalizedText& n, const std::string& rule) {
  for (const auto& f : n.fixes)
    if (f.rule == rule) return true;
  return false;
}

}  // namespace

TEST_CASE("url_entity and html_entity", "[normalize][entities]") {
  auto n = Run("“三同”%26lt;同吃同住同劳动%26gt;时间");
  CHECK(n.text.text == "“三同”《同吃同住同劳动》时间");
  REQUIRE(n.fixes.size() == 2);
  CHECK(n.fixes[0].rule == "url_entity");
  CHECK(n.fixes[0].before == "%26lt;");
  CHECK(n.fixes[0].after == "《");
  CHECK(n.fixes[0].raw_start == std::string("“三同”").size());

  CHECK(Norm("%E4%B8%AD国") == "中国");
  CHECK(Norm("面积&#20013;心") == "面积中心");
  CHECK(Norm("面积&#x4E2D;心") == "面积中心");
  CHECK(Norm("a &amp;lt; b") == "a < b");              // double escape
  CHECK(Norm("出台&lt;项目问责制&gt;") == "出台《项目问责制》");
  // Doubled (<<…>>, a typed 《): one pair of brackets, in one pass however deep.
  CHECK(Norm("学习<<<<<<论持久战>>>>>>") == "学习《论持久战》");
  CHECK(Norm("学习%26lt;%26lt;论持久战%26gt;%26gt;") == "学习《论持久战》");
  CHECK(Norm("学习<《论持久战》>") == "学习《论持久战》");
  auto doubled = Run("学习<<条例>>。");
  REQUIRE(doubled.fixes.size() == 4);
  CHECK(doubled.fixes[0].before == "<");
  CHECK(doubled.fixes[0].after == "");
  CHECK(doubled.fixes[1].after == "《");
  // A title inside a title takes single brackets (GB/T 15834).
  CHECK(Norm("审议<关于<某省条例>的说明>") == "审议《关于〈某省条例〉的说明》");
  CHECK(Norm("审议<关于<<某省条例>>的说明>") == "审议《关于〈某省条例〉的说明》");
  CHECK(Norm("《关于〈某省条例〉的说明》") == "《关于〈某省条例〉的说明》");
  // Percent-encoded text right before an encoded entity: two escapes, not one run of bytes "过&".
  CHECK(Norm("审议通%E8%BF%87%26lt;某省条例%26gt;") == "审议通过《某省条例》");
  // A figure's percent sign encoded with the rest (30%25); not before hex digits, nor in a URL.
  CHECK(Norm("比例为30%25，增幅%26gt;5%25。") == "比例为30%，增幅>5%。");
  // Encoded twice or more: each level turns % into %25.
  CHECK(Norm("比例为30%2525。") == "比例为30%。");
  CHECK(Norm("出台%2526lt;条例%2526gt;") == "出台《条例》");
  CHECK(Norm("出台%252526lt;条例%252526gt;") == "出台《条例》");
  CHECK(Norm("编号%2541") == "编号%2541");  // %A is no escape anyone writes
  CHECK(Norm("详见http://www.example.gov.cn/p1%25y.html。") == "详见http://www.example.gov.cn/p1%25y.html。");
  CHECK(Norm("%E4%B8%26lt;条例%26gt;") == "%E4%B8《条例》");  // a broken character stays; the escape after it does not
  CHECK(Norm("学习<a<论持久战>>") == "学习<a《论持久战》>");  // Latin inside: the outer pair stays
  CHECK(Norm("&ldquo;十件实事&rdquo;") == "“十件实事”");
  // Left alone: URLs, a percent sign in a number, an unknown entity, invalid UTF-8.
  CHECK(Norm("见 http://example.com/a%20b?x=1&y=2 页") == "见 http://example.com/a%20b?x=1&y=2 页");
  CHECK(Norm("增长50%以上") == "增长50%以上");
  CHECK(Norm("R&D投入") == "R&D投入");
  CHECK(Norm("代码%E4%B8结束") == "代码%E4%B8结束");
  CHECK(Norm("x<5 and y>3") == "x<5 and y>3");
  // Encoded Chinese punctuation right after a URL is the text's, not the URL's.
  CHECK(Norm("网站（http://www.hangzhou.gov.cn/%EF%BC%89，咨询") == "网站（http://www.hangzhou.gov.cn/），咨询");
  CHECK(Norm("网站（www.hangzhou.gov.cn&#65289;，咨询") == "网站（www.hangzhou.gov.cn），咨询");
  CHECK(Norm("见http://a.cn/%E4%B8%AD%E6%96%87.pdf页") == "见http://a.cn/%E4%B8%AD%E6%96%87.pdf页");
}

TEST_CASE("html_tag", "[normalize][html_tag]") {
  auto n = Run("关于做好春耕工作的通知<br/>各区县农业局：<BR>为做好春耕工作，<span style=\"color:red\">现通知如下</span>。</p>\n");
  CHECK(n.text.text == "关于做好春耕工作的通知\n各区县农业局：\n为做好春耕工作，现通知如下。\n");
  for (const auto& f : n.fixes) CHECK(f.rule == "html_tag");
  CHECK(Norm("第一段。&lt;br&gt;第二段。") == "第一段。\n第二段。");            // a tag once its entities are decoded
  CHECK(Norm("指标<td>单位<td>2025年") == "指标 单位 2025年");                    // cells
  // Not markup: a title in angle brackets, a comparison, an unknown name.
  CHECK(Norm("学习%26lt;同吃同住同劳动%26gt;经验。") == "学习《同吃同住同劳动》经验。");
  CHECK(Norm("if x<y>z then") == "if x<y>z then");
  CHECK(Norm("见<附件>。") == "见《附件》。");
  // A title typed in doubled angle brackets that spells a tag's name is kept whole.
  CHECK(Norm("学习<<b>>精神，<<P>>一文。") == "学习<<b>>精神，<<P>>一文。");
  CHECK(Norm("前<<b>后") == "前<后");  // one bracket doubled only: the tag goes
}

TEST_CASE("variant_char", "[normalize][variant_char]") {
  auto n = Run("处臵难度大，推心臵腹");
  CHECK(n.text.text == "处置难度大，推心置腹");
  CHECK(n.fixes.size() == 2);
  CHECK(n.fixes[0].rule == "variant_char");
  CHECK(n.fixes[0].before == "臵");
  CHECK(n.fixes[0].after == "置");
  CHECK(Norm("⼀⼈⼤") == "一人大");                       // Kangxi radicals
  CHECK(Norm("⻓期⻅效，开⻔红") == "长期见效，开门红");    // CJK Radicals Supplement
  CHECK(Norm("\xEF\xA4\x80") == "\xE8\xB1\x88");           // U+F900 → U+8C48 (compatibility ideograph)
}

TEST_CASE("variant_char: text copied out of a PDF with a broken font", "[normalize][variant_char]") {
  // Characters modern text never uses for themselves are repaired wherever they stand.
  CHECK(Norm("迚一步加强巟作，关亍丌断提高服务质量癿问题，挄照觃定执行。") ==
        "进一步加强工作，关于不断提高服务质量的问题，按照规定执行。");
  CHECK(Norm("必顸在5个巟作日内办结。") == "必须在5个工作日内办结。");
  // In a text that shows the accident, the common characters it also produces are repaired
  // where their neighbours make it certain: 或 (戒), 构 (极), 连 (违), 项 (顷), 这 (返), 与 (不).
  CHECK(Norm("迚一步觃范，对亍拘役戒者管制的，重极机极，违续三年完成各顷仸务，返样参不。") ==
        "进一步规范，对于拘役或者管制的，重构机构，连续三年完成各项任务，这样参与。");
  // A font that writes 丌 for 不 writes 不 for 与: with two 丌 or more, no real 不 is left.
  CHECK(Norm("请求资源丌存在，丌能被理解，查询不资源相关的选项，迚行处理。") ==
        "请求资源不存在，不能被理解，查询与资源相关的选项，进行处理。");
  CHECK(Norm("迚一步做好工作，不断提高质量，关亍参不。") == "进一步做好工作，不断提高质量，关于参与。");  // no 丌
  // A neighbour is read as repaired: 返斱面 is 这方面.
  CHECK(Norm("迚一步做好返斱面巟作。") == "进一步做好这方面工作。");
  // …but not where they are words of their own.
  CHECK(Norm("迚一步加强警戒，亍戒毒所违法的，积极推迚，公顷，返回。") ==
        "进一步加强警戒，于戒毒所违法的，积极推进，公顷，返回。");
  // Without the evidence, 戒 and 极 are what they say.
  CHECK(Norm("字母戒数字，重极。") == "字母戒数字，重极。");
  CHECK(Norm("彳亍而行，关亍。") == "彳亍而行，关于。");  // the one word in which 亍 is right
  auto n = Run("迚行挄照");
  REQUIRE(n.fixes.size() == 2);
  CHECK(n.fixes[0].rule == "variant_char");
  CHECK(n.fixes[0].before == "迚");
  CHECK(n.fixes[0].after == "进");
}

TEST_CASE("traditional_script: a Big5 mirror's copy of a simplified text", "[normalize][traditional_script]") {
  // As big5.www.gov.cn serves a page: every character converted.
  auto n = Run("經濟社會發展的主要預期目標是：地區生產總值增長6%左右；城鎮登記失業率控制在4.5%以內。");
  CHECK(n.text.text == "经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇登记失业率控制在4.5%以内。");
  CHECK(std::find(n.flags.begin(), n.flags.end(), "traditional_script") != n.flags.end());
  // One fix per converted character, back to its own bytes of the original.
  REQUIRE(HasRule(n, "traditional_script"));
  CHECK(n.fixes[1].before == "濟");
  CHECK(n.fixes[1].after == "济");
  CHECK(n.fixes[1].raw_start == 3);
  CHECK(n.fixes[1].raw_end == 6);
  // ICU's phrase data: 著作 keeps its 著, 甚麼 becomes 什么.
  CHECK(Norm("著作權保護範圍，甚麼樣的單位應當進行登記。") == "著作权保护范围，什么样的单位应当进行登记。");
  // A simplified text quoting traditional names is left alone, and so is a lone traditional word.
  const std::string quoting = "会议邀请了臺灣地區和香港特別行政區的代表，共同研究两岸经济合作发展问题。";
  CHECK(Norm(quoting) == quoting);
  CHECK(Norm("控制在4.5%以內。") == "控制在4.5%以內。");
  // A mirror page whose own lines stayed simplified is still a converted copy.
  CHECK(Norm("某县人民政府办公室\n各級領導幹部每年到基層調研時間不得少於兩個月，每人聯繫一個貧困村。") ==
        "某县人民政府办公室\n各级领导干部每年到基层调研时间不得少于两个月，每人联系一个贫困村。");
}

TEST_CASE("pinyin_gloss: the readings a reposting site prints after characters", "[normalize][pinyin_gloss]") {
  auto n = Run("經(jīng)濟社會發(fā)展的主要預(yù)期目標");
  CHECK(n.text.text == "经济社会发展的主要预期目标");
  CHECK(HasRule(n, "pinyin_gloss"));
  CHECK(Norm("城镇（zhèn）登记失业（yè）率") == "城镇登记失业率");
  // Not a gloss: a romanised name, a syllable with no tone mark, a bracket after Latin text.
  for (const std::string clean : {"北京（Běijīng）冬奥会", "测定值（mg）", "单位（de）", "ISO(ā)"}) CHECK(Norm(clean) == clean);
}

TEST_CASE("width", "[normalize][width]") {
  // Damage: full-width forms among ASCII ones, or mixed inside one figure.
  auto n = Run("２０２５年增长５．２％，达到3.5万亿元，ＧＤＰ增长6%，CPI上涨2%。");
  CHECK(n.text.text == "2025年增长5.2%，达到3.5万亿元，GDP增长6%，CPI上涨2%。");
  CHECK(HasRule(n, "width"));
  // (A lone ％ is no evidence of a typography either; two are, below.)
  CHECK(Norm("２0２4年完成投资１２亿元，增长１５％。") == "2024年完成投资12亿元，增长15%。");
  CHECK(Norm("，。：；？！") == "，。：；？！");  // no blanket NFKC
}

TEST_CASE("width: a text that sets its figures full width throughout keeps them", "[normalize][width]") {
  // Older documents print every figure full width: their typography, kept byte for byte.
  const std::string wide =
      "１９９８年全县工农业总产值达到５．６亿元，比上年增长１２．５％。\n"
      "１．农民人均纯收入２，３５０元，完成投资４，５６５万元，ＧＤＰ增长８％以上。";
  auto n = Run(wide);
  CHECK(n.text.text == wide);
  CHECK(n.fixes.empty());
  // Damage done around such figures is repaired, the figures kept, and no width fix is logged.
  auto repaired = Run("１９９８年全县工农业总产值达到５．６亿元,比上年增长１２．５％.\n"
                      "１．农民人均纯收入２，３５０元,完成投资４，５６５万\n元，ＧＤＰ增长８％以上。");
  CHECK(repaired.text.text == wide);
  CHECK_FALSE(HasRule(repaired, "width"));
  CHECK(HasRule(repaired, "cjk_punct"));
  CHECK(HasRule(repaired, "hard_wrap"));
  // A site's ASCII address, its letters and digits beside no Chinese text, does not count
  // against the text's own.
  const std::string dated = "网址：www.example.gov.cn/a1/b2/c3.html\n"
                            "全年完成投资１２亿元，增长１５％，新建学校３所，ＧＤＰ增长８％。";
  CHECK(Norm(dated) == dated);
  // Figures a scraper escaped, or a page's encoding garbled, are the author's all the same.
  CHECK(Norm("全年投资&#65297;&#65298;亿元，增长&#65301;％，新建&#65299;所，建成\\uff14个。") ==
        "全年投资１２亿元，增长５％，新建３所，建成４个。");
  // But a full-width form in a run of mojibake that no rule gave back counts as no typography.
  CHECK(Norm("全年投资12亿元，增长5%，新建3所，建成4个。") == "全年投资12亿元，增长5%，新建3所，建成4个。");
  // Classes apart: 12.5％ in a text of ASCII digits keeps its percent sign; ＧＤＰ beside ASCII
  // figures keeps its letters.
  CHECK(Norm("增长12.5％，投资30亿元，增长8％。") == "增长12.5％，投资30亿元，增长8％。");
  CHECK(Norm("ＧＤＰ增长5.2%，ＣＰＩ上涨2%。") == "ＧＤＰ增长5.2%，ＣＰＩ上涨2%。");
}

TEST_CASE("an ellipsis typed as dots and a dash typed as hyphens beside Chinese text become …… and ——", "[normalize][cjk_punct]") {
  CHECK(Norm("他说:\"要坚持两手抓...两手都要硬\".全年投资100亿元--比上年增长5%.") ==
        "他说：“要坚持两手抓……两手都要硬”。全年投资100亿元——比上年增长5%。");
  CHECK(Norm("坚持。。。全面推进......") == "坚持……全面推进……");
  CHECK(Norm("确保资金到位率达到100%......") == "确保资金到位率达到100%……");
  // URLs, figures, English and rules of hyphens are left as written.
  for (std::string kept : {"详见http://www.example.gov.cn/x--y/a...b.html。", "2024--2025", "Wait... what?", "--------"})
    CHECK(Norm(kept) == kept);
}

TEST_CASE("cjk_punct", "[normalize][cjk_punct]") {
  CHECK(Norm("经济发展,各项事业全面进步.但是") == "经济发展，各项事业全面进步。但是");
  CHECK(Norm("比重达51%,工业") == "比重达51%，工业");
  CHECK(Norm("出生率为5.97‰,死亡率为8.04‰.") == "出生率为5.97‰，死亡率为8.04‰。");  // ‰ ends a figure as % does
  CHECK(Norm("平均气温18.5℃.") == "平均气温18.5℃。");
  // A figure in a Chinese clause ends it, whatever follows: the mark is Chinese.
  CHECK(Norm("环比下降1.1%;I类水体比例提高到60%.") == "环比下降1.1%；I类水体比例提高到60%。");
  CHECK(Norm("下降5%.PM2.5浓度") == "下降5%。PM2.5浓度");
  CHECK(Norm("grew 5%; I think so.") == "grew 5%; I think so.");
  CHECK(Norm("版本为v1.1.I型") == "版本为v1.1.I型");
  // A list number after a full stop still ASCII stays a list number; after a decimal it ends one.
  CHECK(Norm("注:1.数据均为初步统计数.2.部分数据因四舍五入.") == "注：1.数据均为初步统计数。2.部分数据因四舍五入。");
  CHECK(Norm("增长5.2.全年完成") == "增长5.2。全年完成");
  // A comma a reposting site put before another mark goes; the other mark is the writer's.
  CHECK(Norm("增长13%,;财政总收入增长13%，其中") == "增长13%；财政总收入增长13%，其中");
  CHECK(Norm("按照中央和省委,、省政府的决策部署,,紧紧抓住发展第一要务,加快建设步伐,。") ==
        "按照中央和省委、省政府的决策部署，紧紧抓住发展第一要务，加快建设步伐。");
  CHECK(Norm("，。：；") == "，。：；");  // marks alone, after no word, are no sentence
  // A bracketed list number opening a line of Chinese is Chinese, whatever follows it.
  CHECK(Norm("(2)CPI涨幅控制在3%左右。") == "（2）CPI涨幅控制在3%左右。");
  CHECK(Norm("(2) see below") == "(2) see below");
  CHECK(Norm("投资总额达25亿元.,初步形成") == "投资总额达25亿元，初步形成");
  CHECK(Norm("怎么样?市委认为:只有(试点)才行!") == "怎么样？市委认为：只有（试点）才行！");
  CHECK(Norm("在社会主义国家, 一切权力") == "在社会主义国家，一切权力");
  // Left alone.
  CHECK(Norm("引资达4.5亿元") == "引资达4.5亿元");
  CHECK(Norm("共1,000人") == "共1,000人");
  CHECK(Norm("文件于2025-04-24印发。") == "文件于2025-04-24印发。");
  CHECK(Norm("网址www.zciku.com上") == "网址www.zciku.com上");
  CHECK(Norm("邮箱abc@gov.cn联系") == "邮箱abc@gov.cn联系");
  CHECK(Norm("1.加强领导") == "1.加强领导");
  CHECK(Norm("会议于10:30开始") == "会议于10:30开始");
  CHECK(Norm("He said: yes, ok.") == "He said: yes, ok.");
  // List numbers after Chinese punctuation stay; digits after a hanzi end a sentence.
  CHECK(Norm("附件：1.重点项目清单") == "附件：1.重点项目清单");
  CHECK(Norm("附件:1.重点项目清单") == "附件：1.重点项目清单");
  CHECK(Norm("要求：1.加强领导;2.落实责任.") == "要求：1.加强领导；2.落实责任。");
  CHECK(Norm("比例达到100.下一步") == "比例达到100。下一步");
  // A mark right after a URL or an address in Chinese text is the sentence's.
  CHECK(Norm("电子邮箱：szjj@hangzhou.gov.cn.") == "电子邮箱：szjj@hangzhou.gov.cn。");
  CHECK(Norm("详见www.gov.cn,请登录") == "详见www.gov.cn，请登录");
  CHECK(Norm("详见http://a.cn/b.html.") == "详见http://a.cn/b.html。");
  CHECK(Norm("Visit www.gov.cn.") == "Visit www.gov.cn.");
  // Nested empty brackets beside Chinese: each inner pair is Chinese once its outer one is, and
  // that is settled in one pass, not one round per level (rounds are bounded; nesting is not).
  std::string nested = "附件" + std::string(8, '(') + std::string(8, ')') + "见后";
  CHECK(Norm(nested) == "附件" + Repeat("（", 8) + Repeat("）", 8) + "见后");
  std::string spaced = "附件 ( ( ( ( ( ( ) ) ) ) ) ) 见后";
  CHECK(Norm(spaced) == "附件" + Repeat("（", 6) + Repeat("）", 6) + "见后");
  // A chain of bracket groups, each Chinese only if the one after it is: settled in one pass
  // too, not one round per group (rounds are bounded; a chain is not).
  std::string chain = Repeat("( = !?? ) ?? \"\" ", 20) + "(中文)";
  std::string once = Norm(chain);
  CHECK(Norm(once) == once);
  CHECK(once.find('(') == std::string::npos);
}

TEST_CASE("quotes", "[normalize][quotes]") {
  // An opening quote written as an apostrophe, its closing quote reversed: '两个确保“.
  CHECK(Norm("镇锚定'两个确保“，围绕'九大战略“，实施'1222“工作布局，全面落实'疫情要防住、经济要稳住“的要求。") ==
        "镇锚定“两个确保”，围绕“九大战略”，实施“1222”工作布局，全面落实“疫情要防住、经济要稳住”的要求。");
  CHECK(Norm("以'周五大学堂 “学习等形式。") == "以“周五大学堂”学习等形式。");
  // …and a closing quote written as one: “两高'项目, “1+N'体系, “身入”更“心至'.
  CHECK(Norm("严格落实“两高'项目要求，构建“1+N'政策体系，做到“身入”更“心至'.") ==
        "严格落实“两高”项目要求，构建“1+N”政策体系，做到“身入”更“心至”。");
  // Apostrophes that are no such quote stay: a pair of them, one with no double quote after it.
  for (const char* kept : {"开展'两学一做'学习教育。", "全县'***镇五四红旗团委。", "坚持'两个确保'，落实“三个到位”。",
                           "用时3'30，见“附表”。", "China's“一带一路”。", "项目位于“城市中心”，东经116°23'，北纬39°54'。",
                           "“十四五”时期，全县达到5'。"}) {
    INFO(kept);
    CHECK(Norm(kept) == kept);
  }
  CHECK(Norm("坚定不移的实施”工业强市“战略") == "坚定不移的实施“工业强市”战略");
  CHECK(Norm("古人说”用得正人，佞小者竞进“。") == "古人说“用得正人，佞小者竞进”。");
  CHECK(Norm("发展”打工经济\\\".到目前") == "发展“打工经济”。到目前");
  CHECK(Norm("他说\"要发展\"。") == "他说“要发展”。");
  // A missing closing quote, found from the quotes that follow it.
  CHECK(Norm("坚持“一线工作法”。“领导在一线指挥，成绩在一线创造。在此基础上，升华”一线工作法“的内涵。") ==
        "坚持“一线工作法”。“领导在一线指挥，成绩在一线创造”。在此基础上，升华“一线工作法”的内涵。");
  // Left alone: balanced quotes, a quotation running on into the next paragraph, English.
  CHECK(Norm("树立“鱼水相依”的感情观。") == "树立“鱼水相依”的感情观。");
  CHECK(Norm("他指出：“群众路线是生命线。\n“坚持以人为本。”") == "他指出：“群众路线是生命线。\n“坚持以人为本。”");
  CHECK(Norm("He said \"ok\" twice.") == "He said \"ok\" twice.");
  // An English quotation in Chinese text stays ASCII, both marks; a Chinese one is converted.
  CHECK(Norm("正如一位投资者所说，\"Hangzhou is where it happens.\"") == "正如一位投资者所说，\"Hangzhou is where it happens.\"");
  CHECK(Norm("使用\"Made in China\"品牌") == "使用“Made in China”品牌");
  // A quotation that a kept line break divides: the close on the next line stays a close.
  CHECK(Norm("他强调：“要建立月通报制度。\n考核”制度要落实。") == "他强调：“要建立月通报制度。\n考核”制度要落实。");
  // Reversed around a quoted sentence: the close after 。 is the quotation's own.
  CHECK(Norm("他说：”要发展。“我们同意。") == "他说：“要发展。”我们同意。");
  CHECK(Norm("”我们要坚定信心。“代表们说。") == "“我们要坚定信心。”代表们说。");
}

TEST_CASE("whitespace", "[normalize][whitespace]") {
  CHECK(Norm("政 府 工 作 报 告") == "政府工作报告");
  CHECK(Norm("新\xE2\x80\x8B的社会群体") == "新的社会群体");  // zero-width space
  CHECK(Norm("和新 的社会群体") == "和新的社会群体");
  CHECK(Norm("数据\xC2\xA0来源\t说明   结束。") == "数据来源说明结束。");
  CHECK(Norm("段落结尾。   \n下一段。") == "段落结尾。\n下一段。");
  CHECK(Norm("GDP  growth 5%") == "GDP growth 5%");
  // Chinese punctuation is never spaced; Latin and digits beside hanzi may be.
  CHECK(Norm("增长5%\xC2\xA0。") == "增长5%。");
  CHECK(Norm("任务完成。 GDP增长") == "任务完成。GDP增长");
  CHECK(Norm("全市 GDP 增长 5%") == "全市 GDP 增长 5%");
  // A line that is not a sentence sets words apart with a space: it stays (one space).
  for (std::string kept : {"中共中央 国务院关于全面推进乡村振兴的意见", "市长 王某某", "第一章 总则"}) CHECK(Norm(kept) == kept);
  // The article number that opens a line is set apart from its text, as laws print it.
  std::string article = "第一条 为了加强管理，制定本办法。\n第二十三条 本办法自2024年7月1日起施行。";
  CHECK(Norm(article) == article);
  CHECK(Norm("依照本法第一条 规定执行。") == "依照本法第一条规定执行。");  // not at a line's start
  // Bodies that issue a document together are set apart in a sentence too; other words are not.
  for (std::string kept : {"近日，中共中央 国务院印发了《关于全面推进乡村振兴的意见》。",
                           "根据《中共某省委 某省人民政府关于加快发展的意见》精神，制定本方案。",
                           "经财政部 教育部同意，现印发。"})
    CHECK(Norm(kept) == kept);
  CHECK(Norm("全市干部 群众积极参与。") == "全市干部群众积极参与。");
  CHECK(Norm("由市政府 负责组织实施。") == "由市政府负责组织实施。");
  // Not between letters of a spaced-out title, nor inside a numeral, nor in a sentence.
  CHECK(Norm("市 政 府 工 作 报 告") == "市政府工作报告");
  CHECK(Norm("八千 三百 八十五万") == "八千三百八十五万");
  CHECK(Norm("市长 王某某指出，要抓好落实。") == "市长王某某指出，要抓好落实。");
  // An aside in brackets is judged on its own: a byline keeps its spaces, spaced-out letters do not.
  std::string byline = "新华社北京3月5日电（记者 张三 李四）会议开幕。";
  CHECK(Norm(byline) == byline);
  // In a text whose paragraphs are set apart by blank lines (a web page's), a short line running
  // straight into a sentence was cut by a wrap, a heading's too; in a text of single line
  // breaks it is a title over its paragraph.
  std::string apart = "一、预算执行情况\n\n全市一般公共预算收入完成856.3亿元。\n\n市级收入完成312.8亿元。\n\n"
                      "支出完成1235.6亿元。\n\n结转下年支出12.3亿元。\n\n";
  CHECK(Norm(apart + "全市政府性基金预算收入\n完成598.7亿元，下降18.6%。\n") ==
        apart + "全市政府性基金预算收入完成598.7亿元，下降18.6%。\n");
  CHECK(Norm(apart + "（二）县财政按每户1500元标准给予\n奖补，所需资金由县乡分担。\n") ==
        apart + "（二）县财政按每户1500元标准给予奖补，所需资金由县乡分担。\n");
  for (std::string kept : {apart + "政府工作报告\n各位代表：\n", apart + "某市人民政府\n2024年1月16日\n",
                           std::string("一般公共预算\n全市一般公共预算收入完成856.3亿元，增长6.2%。\n")})
    CHECK(Norm(kept) == kept);
  // A short line that states a duty with 要 (各地要按…), points elsewhere (详见) or opens a news
  // story (…日电) is a sentence cut by a wrap, not a title; 要 inside a word is no such duty.
  CHECK(Norm("各地要按1:1比例落实\n配套资金。") == "各地要按1:1比例落实配套资金。");
  CHECK(Norm("三、保障措施\n各级财政要将城市管理经费列入\n年度预算。") == "三、保障措施\n各级财政要将城市管理经费列入年度预算。");
  CHECK(Norm("有关政策解读详见杭州市\n人民政府门户网站。") == "有关政策解读详见杭州市人民政府门户网站。");
  CHECK(Norm("北京3月5日电（记者 张三）十四届\n全国人大三次会议开幕。") == "北京3月5日电（记者 张三）十四届全国人大三次会议开幕。");
  for (std::string kept : {"会议纪要精神\n各单位要认真传达。", "二〇二四年工作要点\n全市上下要奋发有为。",
                           "重要讲话精神\n全市上下要学深悟透。", "会见外国政要\n双方就合作交换意见。"})
    CHECK(Norm(kept) == kept);
  // Without a byline, the subtitle still ends at its line: it is a title's line, however long.
  std::string salutation = "——2024年1月20日在某市第十七届人民代表大会第三次会议上\n各位代表：\n现在，我代表市人民政府作报告。";
  CHECK(Norm(salutation) == salutation);
  CHECK(Norm("要坚持（注 意 安 全）原则。") == "要坚持（注意安全）原则。");
}

TEST_CASE("whitespace: U+3000 stays where Chinese typography sets it", "[normalize][whitespace]") {
  // 　 is U+3000. Kept: a paragraph's indent, the one space after a number that opens a line
  // (as laws print 第一条　为了…), judged once the number is repaired (a PDF's Kangxi 一, a
  // full-width digit), the spaces of a short letter-spaced heading (总　　则), and two or more
  // before a line's next field (联系人：王某某　　联系电话：). Everything
  // else is layout: a run, a U+3000 beside other spaces or at a line's end, one between words
  // or cells, and a PDF's letter spacing of a long line.
  const std::pair<std::string, std::string> cases[] = {
      {"　　第一段。\n　　第二段。", "　　第一段。\n　　第二段。"},
      {"　　第一条　为了加强管理，制定本办法。", "　　第一条　为了加强管理，制定本办法。"},
      {"第一章　总则", "第一章　总则"},
      {"表2　主要指标", "表2　主要指标"},
      {"第\xE2\xBC\x80条　为了加强管理，制定本办法。", "第一条　为了加强管理，制定本办法。"},
      {"专栏\xEF\xBC\x91　重大工程\n全年投资20亿元，建成15个。", "专栏1　重大工程\n全年投资20亿元，建成15个。"},
      {"第一章　总　　则", "第一章　总　　则"},
      {"　　目　　录", "　　目　　录"},
      {"第六章　附　　则\n　　第三十条　本办法自公布之日起施行。", "第六章　附　　则\n　　第三十条　本办法自公布之日起施行。"},
      // An indent of spaces is typography too: as written (no-break spaces become spaces).
      {"    第一段。", "    第一段。"},
      {"  第一段。\n    第二段。", "  第一段。\n    第二段。"},
      {"\xC2\xA0\xC2\xA0第一段。", "  第一段。"},
      {"　　 第一段。", "　　 第一段。"},
      {"第一段。\n　　 \n第二段。", "第一段。\n\n第二段。"},
      {"第一段。　　\n　　\n第二段。", "第一段。\n\n第二段。"},
      {"第一章　　总则", "第一章 总则"},
      {"第一章 总  则", "第一章 总则"},
      {"中　国人民", "中国人民"},
      {"全市　GDP增长", "全市 GDP增长"},
      {"依照本法第一条　规定执行。", "依照本法第一条规定执行。"},
      {"市长　王某某", "市长 王某某"},
      {"1　公路总里程　公里　9800　12000", "1 公路总里程 公里 9800 12000"},
      {"政　府　工　作　报　告", "政府工作报告"},
      // A news agency's dateline and its story's text (with the reporters, or a paper's 本报讯).
      {"新华社北京3月5日电　国务院总理5日表示。", "新华社北京3月5日电　国务院总理5日表示。"},
      {"新华社北京3月5日电（记者 张某某 李某）　国务院总理5日表示。", "新华社北京3月5日电（记者 张某某 李某）　国务院总理5日表示。"},
      {"本报讯　近日，市政府召开会议。", "本报讯　近日，市政府召开会议。"},
      {"新华社北京3月5日电 国务院总理5日表示。", "新华社北京3月5日电 国务院总理5日表示。"},
      {"他说，北京3月5日电　不对。", "他说，北京3月5日电不对。"},  // not the line's opening
      // Judged once the date is repaired: a PDF's Kangxi 月 and 日.
      {"新华社北京3\xE2\xBD\x89" "5\xE2\xBD\x87" "电　国务院总理5日表示。", "新华社北京3月5日电　国务院总理5日表示。"},
      // Two or more before a line's next field, or before the date a colophon ends in: layout as
      // written. One, or a run before anything else, is a space like any other.
      {"联系人：王某某　　联系电话：0571-87001234", "联系人：王某某　　联系电话：0571-87001234"},
      {"某市人民政府办公室　　　　2024年5月20日印发", "某市人民政府办公室　　　　2024年5月20日印发"},
      {"某市人民政府办公室　　ï¼ï¼ï¼ï¼年5月20日印发", "某市人民政府办公室　　2024年5月20日印发"},
      {"联系人：王某某　联系电话：0571", "联系人：王某某 联系电话：0571"},
      {"各级领导干部　　要深入基层。", "各级领导干部要深入基层。"},
      {"某市人民政府办公室　　2024年5月20日召开会议。", "某市人民政府办公室2024年5月20日召开会议。"},
      // An em space (a page's &emsp;) is as wide as U+3000: where U+3000 stays, it becomes one.
      {"\u2003\u2003第一段。\n\u2003\u2003第二段。", "　　第一段。\n　　第二段。"},
      {"&emsp;&emsp;第一条　为了加强管理，制定本办法。", "　　第一条　为了加强管理，制定本办法。"},
      {"联系人：王某某\u2003\u2003联系电话：0571-87001234", "联系人：王某某　　联系电话：0571-87001234"},
      {"各级领导干部\u2003要深入基层。", "各级领导干部要深入基层。"},
      {"第一段。\u2003\u2003\n第二段。", "第一段。\n第二段。"},
      // The line a dateline opens is a sentence's, however short: a wrap after it is joined.
      {"本报讯（记者 王某）　记者从市发展改革\n委获悉，全市计划实施重点项目300个。",
       "本报讯（记者 王某）　记者从市发展改革委获悉，全市计划实施重点项目300个。"},
  };
  for (const auto& [input, expected] : cases) CHECK(Norm(input) == expected);
}

TEST_CASE("a sentence sets no space around its figures, a table and a line of fields keep theirs", "[normalize][whitespace]") {
  // A PDF's or a web page's spacing around figures and Latin letters, inside a sentence.
  CHECK(Norm("　　到 2025 年，全年投资 100 亿元，增长 6.5% 以上，新建 5G 基站 1.2 万个。") ==
        "　　到2025年，全年投资100亿元，增长6.5%以上，新建5G基站1.2万个。");
  CHECK(Norm("按照 GB 50016 规定执行，详见附件 2。") == "按照GB 50016规定执行，详见附件2。");
  // A line of cells it is not: a sentence typed with ASCII marks, a date letter-spaced, a dateline
  // with its figures spaced, and a time counted from, cut by a wrap.
  CHECK(Norm("第一节 提升自主创新能力\n实施攻关工程,每年组织实施重大科技专项 10 项以上.到 2025 年,比重达到 3.2%.\n") ==
        "第一节 提升自主创新能力\n实施攻关工程，每年组织实施重大科技专项10项以上。到2025年，比重达到3.2%。\n");
  CHECK(Norm("第六条  本办法自\t2024　年　7  月　　1  日起\n施行.\n") == "第六条 本办法自2024年7月1日起施行。\n");
  CHECK(Norm("新华社北京 3 月 5 日电　国务院总理5日表示，今年目标是增长5%左右。") ==
        "新华社北京3月5日电　国务院总理5日表示，今年目标是增长5%左右。");
  CHECK(Norm("据报道（2024 年 3 月 5 日第 1 版），代表们提出建议1200余件。") == "据报道（2024年3月5日第1版），代表们提出建议1200余件。");
  // A table's cells, a line of fields, a label's number and a line without a clause keep theirs.
  for (std::string kept : {"类别 指标 2020年 2025年 年均增长 属性\n创新驱动 研发经费投入增长（%） 10.2 — >7 预期性\n",
                           "联系人：张三，电话：0571-88886666 传真：0571-88886667\n", "专栏1 科技创新重大工程\n",
                           "某市人民政府办公室 2024年5月20日印发\n", "第一条 2024年起施行的办法，适用本条。\n",
                           "某市人民政府办公室 2024年5月20日印发，请认真贯彻执行。\n"})
    CHECK(Norm(kept) == kept);
}

TEST_CASE("a plain-text table keeps its rows and cells", "[normalize][whitespace][hard_wrap]") {
  CHECK(rules::IsTableRow("1 公路总里程 公里 9800 12000"));
  CHECK(rules::IsTableRow("序号  指标名称    单位  2020年  2025年"));
  CHECK(rules::IsTableRow("地区生产总值 亿元 3201 4500 12.5%"));
  CHECK_FALSE(rules::IsTableRow("2 0 2 4 年 工 作 要 点"));                  // letter-spaced
  CHECK_FALSE(rules::IsTableRow("2024年 全市 工作要点"));                     // one figure
  CHECK_FALSE(rules::IsTableRow("到2025年 全市 公路 达到 12000公里，增长5%"));   // prose
  CHECK_FALSE(rules::IsTableRow("1 2 3"));                                     // no text
  CHECK(rules::IsTableRow("规章 0 0 0"));                                       // figures of one digit
  CHECK_FALSE(rules::IsTableRow("2 0 2 4 年"));                                 // no label: a year spaced out
  // Its header keeps its line above it, with the separators damaged into tabs and U+3000.
  CHECK(Norm("信息内容\t本年制发件数\u3000\u3000本年废止件数  现行有效件数\n规章  0\t0\t0\n行政规范性文件\t18  9  142\n") ==
        "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 18 9 142\n");
  CHECK(rules::IsTableRow("水泥 万吨 356 -2.1"));                               // a signed figure
  // A bound (>7, ≥85) is a figure, and a dash stands for one not given.
  CHECK(rules::IsTableRow("研发经费投入增长（%） 12.1 — >7 预期性"));
  CHECK(rules::IsTableRow("优良天数比率（%） — ≥85"));
  CHECK_FALSE(rules::IsTableRow("全面 — 从严 — 治党"));                        // dashes alone
  // A table's first row wrapped inside its last cells is one row when the row below shows the
  // width it then has; a first row as wide as the rows below keeps the line after it apart.
  CHECK(Norm("主要指标\n项目 单位 2022年 2023年 比上年\n增长（%） 备注\n粮食产量 万吨 120 125 4.2 稳定\n"
             "生猪出栏 万头 80 86 7.5 增长\n") ==
        "主要指标\n项目 单位 2022年 2023年 比上年增长（%） 备注\n粮食产量 万吨 120 125 4.2 稳定\n"
        "生猪出栏 万头 80 86 7.5 增长\n");
  const std::string whole_header = "项目 单位 2022年 2023年 增长 备注\n其中 农业\n粮食产量 万吨 120 125 4.2 稳定\n";
  CHECK(Norm(whole_header) == whole_header);
  // A plan's five-year total in brackets is a figure: its rows keep their cells and lines.
  std::string plan = "指标 2020年 2025年 属性\n单位地区生产总值能源消耗降低（%） — 〔13.5〕 约束性\n"
                     "单位地区生产总值二氧化碳排放降低（%） — 〔18〕 约束性\n";
  CHECK(Norm(plan) == plan);
  CHECK(rules::IsTableHeader("产品名称 单位 产量 比上年增长（%）", "水泥 万吨 356 -2.1"));
  CHECK_FALSE(rules::IsTableHeader("产品名称 单位 产量", "水泥万吨356，下降2.1%。"));
  CHECK_FALSE(rules::IsTableRow(Repeat("公路 100 ", 100)));                    // too long for a row
  // Cells separated by U+3000 or runs of spaces: one space each, even between hanzi, and the
  // rows keep their lines (joined, 12000 and the next row's 2 would read 120002).
  std::string u3000 = "\xE3\x80\x80";
  std::string table = "表1 主要指标\n序号" + u3000 + "指标名称" + u3000 + "单位" + u3000 + "2020年" + u3000 +
                      "2025年\n1" + u3000 + "公路总里程" + u3000 + "公里" + u3000 + "9800" + u3000 +
                      "12000\n2    港口吞吐量    万吨    8500    10000\n各地要抓好落实。";
  std::string rows =
      "表1 主要指标\n序号 指标名称 单位 2020年 2025年\n1 公路总里程 公里 9800 12000\n2 港口吞吐量 万吨 8500 10000\n"
      "各地要抓好落实。";
  CHECK(Norm(table) == rows);
  CHECK(Norm(rows) == rows);  // normalized rows are clean text: byte-identical
  std::string with_header = "产品名称  单位  产量  增长\n水泥  万吨  356  -2.1\n";
  CHECK(Norm(with_header) == "产品名称 单位 产量 增长\n水泥 万吨 356 -2.1\n");
  // A row cut inside a word is one row again.
  CHECK(Norm("经济发展 地区生产总值增长（%） 3.6 — 6左\n右 预期性\n") == "经济发展 地区生产总值增长（%） 3.6 — 6左右 预期性\n");
  CHECK(Norm("经济发展 地区生产总\n值增长（%） 3.6 — 6左右 预期性\n") == "经济发展 地区生产总值增长（%） 3.6 — 6左右 预期性\n");
  std::string titled = "表1 主要农产品产量\n产品名称 单位 产量 增长\n水泥 万吨 356 -2.1\n";
  CHECK(Norm(titled) == titled);
  std::string years = "表1 主要指标\n指标 单位 2020年 2025年\n地区生产总值 亿元 3201 4500\n";
  CHECK(Norm(years) == years);
  // A piece of cells beside a row is the rest of it, cut between words.
  CHECK(Norm("绿色生态 单位地区生产\n总值能源消耗降低（%） — 〔13.5〕 约束性\n") ==
        "绿色生态 单位地区生产总值能源消耗降低（%） — 〔13.5〕 约束性\n");
  // Between two rows a piece may end the row above or start the row below: the table's width
  // (its header's cells) tells which, and it is never joined across rows.
  std::string header = "类别 指标 2020年 2025年 年均增长 属性\n";
  std::string row_a = "经济发展 全员劳动生产率增长（%） 4.1 — 高于地区生产总值增长 预期性\n",
              row_b = "创新驱动 研发经费投入增长（%） 10.2 — >7 预期性\n";
  // Cuts between dictionary words (地区|生产, 研发|经费), so that only the widths decide.
  CHECK(Norm(header + "经济发展 全员劳动生产率增长（%） 4.1 — 高于地区\n生产总值增长 预期性\n" + row_b) == header + row_a + row_b);
  CHECK(Norm(header + row_a + "创新驱动 研发\n经费投入增长（%） 10.2 — >7 预期性\n") == header + row_a + row_b);
  // A one-cell piece between two whole-width rows could end the one or start the other: left.
  std::string one_cell = header + "经济发展 全员劳动生产率增长（%） 4.1 — 高于地区生产总值增长 预期\n性\n" + row_b;
  CHECK(Norm(one_cell) == one_cell);
  // Without a width, a piece between two rows is left where it is.
  std::string between = "全员劳动生产率增长（%） 4.1 — 高于\n地区生产总值增长 预期性\n创新驱动 研发经费投入增长（%） 10.2 — >7 预期性\n";
  CHECK(Norm(between) == between);
  // Outside rows, spaces between hanzi still go.
  CHECK(Norm("全市 公路 总里程达到 12000公里。") == "全市公路总里程达到12000公里。");
}

TEST_CASE("hard_wrap", "[normalize][hard_wrap]") {
  // A signature's date stands alone: the issuer above it and an attachment's title below it
  // (wrapped itself, and joined) are not run into one long "title".
  CHECK(Norm("请遵照执行。\n某县人民政府办公室\n2021年9月28日\n某县过渡期统筹整合使用财政涉农\n资金管理办法\n第一条 为规范管理，制定本办法。\n") ==
        "请遵照执行。\n某县人民政府办公室\n2021年9月28日\n某县过渡期统筹整合使用财政涉农资金管理办法\n第一条 为规范管理，制定本办法。\n");
  CHECK(Norm("特此通知。\n某县人民政府\n二〇二一年九月二十八日\n关于加强管理的实施意见\n") ==
        "特此通知。\n某县人民政府\n二〇二一年九月二十八日\n关于加强管理的实施意见\n");
  CHECK(Norm("二是加快民主建设步伐，还权于民，还\n政于民。") == "二是加快民主建设步伐，还权于民，还政于民。");
  CHECK(Norm("三是扩大人民群众的管理权。四、抓发展，落实人民群众的根本利\n益\n牢固树立正确的群众观。") ==
        "三是扩大人民群众的管理权。四、抓发展，落实人民群众的根本利益\n牢固树立正确的群众观。");
  CHECK(Norm("2、群众民主意识、平等意识、权利意识不断增\n强，政治参与要求也越来越迫切。") ==
        "2、群众民主意识、平等意识、权利意识不断增强，政治参与要求也越来越迫切。");
  // Kept: paragraph ends, headings, titles, blank lines.
  std::string kept =
      "一、新时期群众工作的特点\n（一）从群众角度看\n1、改革开放以来变化很大。\n第四篇：牢固树立群众观\n"
      "牢固树立和践行马克思主义群众观\n党的十八大提出要求。\n\n下一段落。";
  CHECK(Norm(kept) == kept);
  // An item as long as a sentence, cut before its last word, is joined; a heading is not.
  CHECK(Norm("（二）县财政按每户1500元标准给予奖补，所需资金由县、乡（镇）两级按6∶4比例\n分担。") ==
        "（二）县财政按每户1500元标准给予奖补，所需资金由县、乡（镇）两级按6∶4比例分担。");
  const std::string heading_with_comma = "（三）坚持稳中求进，推动高质量发展\n略。";
  CHECK(Norm(heading_with_comma) == heading_with_comma);
  // A heading's sentence cut a word or two before its full stop (the line after opens with a
  // sentence of two or three characters) is joined; a body under a heading opens with no such.
  CHECK(Norm("（二）工业经济运行质量\n提高。规模以上工业企业完成增加值5.6亿元。") ==
        "（二）工业经济运行质量提高。规模以上工业企业完成增加值5.6亿元。");
  const std::string heading_then_body = "（一）基本情况\n全县共有人口50万。\n（二）主要任务\n坚持稳中求进。";
  CHECK(Norm(heading_then_body) == heading_then_body);
  // A subject cut before its last word and copula (…的主要预期 / 目标是：…) is joined; under a
  // heading the same line stays its own.
  CHECK(Norm("今年经济社会发展的主要预期\n目标是：国内生产总值增长9%以上。") ==
        "今年经济社会发展的主要预期目标是：国内生产总值增长9%以上。");
  const std::string heading_then_copula = "二、主要任务\n目标是：完成投资100亿元。";
  CHECK(Norm(heading_then_copula) == heading_then_copula);
  // A document title keeps its line, however long; a list item whose sentence goes on does not.
  std::string notice = "关于印发《2023年全省数字经济发展工作要点》的通知\n各市、县（区）人民政府，省政府各部门：";
  CHECK(Norm(notice) == notice);
  CHECK(Norm("1.加快5G和千兆光网建设。每年新建5G基\n站不少于5000个。") == "1.加快5G和千兆光网建设。每年新建5G基站不少于5000个。");
  // A short line reads as a title only if it can end where it does.
  CHECK(Norm("深化“最多\n跑一次”改革。") == "深化“最多跑一次”改革。");                // a quotation still open
  CHECK(Norm("正如一位外国投资者所\n说，要坚持开放。") == "正如一位外国投资者所说，要坚持开放。");  // 所 needs what follows
  CHECK(Norm("新建幼儿园三所\n年底前完成") == "新建幼儿园三所\n年底前完成");             // after a numeral 所 counts
  CHECK(Norm("省财政安排专项资金150亿\n元，支持县域经济。") == "省财政安排专项资金150亿元，支持县域经济。");
  CHECK(Norm("印发%26lt;杭州市数字\n经济行动计划%26gt;给你们。") == "印发《杭州市数字经济行动计划》给你们。");
  // Speech says when it speaks; a title does not: a short line that opens with 今天 or 刚才 is a
  // sentence cut (the opening of a speech), unless it names a thing (今天的…).
  CHECK(Norm("同志们：\n今天召开全市安全生产工作\n会议，主要任务是部署今年任务。") ==
        "同志们：\n今天召开全市安全生产工作会议，主要任务是部署今年任务。");
  CHECK(Norm("刚才几位同志的发言\n很有针对性，我完全同意。") == "刚才几位同志的发言很有针对性，我完全同意。");
  const std::string title_of_today = "今天的乡村振兴\n全县共有行政村120个。";
  CHECK(Norm(title_of_today) == title_of_today);
  // A document title wrapped onto two lines is one; a document number before it keeps its line.
  CHECK(Norm("杭州市人民政府办公厅\n关于印发行动计划的通知\n各区人民政府：") ==
        "杭州市人民政府办公厅关于印发行动计划的通知\n各区人民政府：");
  CHECK(Norm("杭政办发〔2023〕12号\n杭州市人民政府办公厅关于印发杭州市数字经济\n高质量发展行动计划的通知\n各区人民政府：") ==
        "杭政办发〔2023〕12号\n杭州市人民政府办公厅关于印发杭州市数字经济高质量发展行动计划的通知\n各区人民政府：");
  // An item of a sentence's own list (…；（二）…) goes on like any clause; an ordinal waits for
  // what it counts.
  CHECK(Norm("负有下列职责：（一）建立责任制；（二）组织\n制定规章制度。") == "负有下列职责：（一）建立责任制；（二）组织制定规章制度。");
  CHECK(Norm("《中华人民共和国安全生产法》第二\n十一条规定，要落实责任。") == "《中华人民共和国安全生产法》第二十一条规定，要落实责任。");
  std::string item = "（二）组织实施\n各地要抓好落实。";  // a heading of its own line stays one
  CHECK(Norm(item) == item);
  // Fields keep a line each.
  std::string fields = "出席：王某某、李某某、张某某\n列席：县政府办公室、县发展改革局主要负责同志\n记录：赵某某\n";
  CHECK(Norm(fields) == fields);
  CHECK(Norm("有的同志问：“目标这么高，能完成吗？”我的\n回答是：“能完成！”") ==
        "有的同志问：“目标这么高，能完成吗？”我的回答是：“能完成！”");  // speech, not fields
  // A long title cut anywhere is one; an attachment's label and an urgency mark keep their lines.
  CHECK(Norm("某市国民经济和社会发展\n第十四个五年规划和二〇三五年远景目标纲要（节选）\n") ==
        "某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（节选）\n");
  std::string labels = "附件2\n某县乡村振兴实施方案\n\n特急\n某市人民政府关于做好防汛工作的通知\n";
  CHECK(Norm(labels) == labels);
  // A short line is no title when it is a law's article or goes on after an introducing colon.
  CHECK(Norm("第四条 单位和个人应当按照规定\n分类投放生活垃圾。") == "第四条 单位和个人应当按照规定分类投放生活垃圾。");
  CHECK(Norm("主要预期目标是：地区生产总值\n增长5.5%左右。") == "主要预期目标是：地区生产总值增长5.5%左右。");
  // A word that only modifies the noun after it cannot end a title.
  CHECK(Norm("全市经济社会发展的主要\n预期目标是：增长6%左右。") == "全市经济社会发展的主要预期目标是：增长6%左右。");
  CHECK(Norm("二、主要任务\n各级政府要抓好落实。") == "二、主要任务\n各级政府要抓好落实。");
  CHECK(Norm("学习贯彻关于“三农”工作的重要\n论述，现提出如下意见。") == "学习贯彻关于“三农”工作的重要论述，现提出如下意见。");
  // No paragraph opens with the verb of a figure: the line before is its subject, not a title.
  CHECK(Norm("全年规模以上工业增加值\n增长8.4%。") == "全年规模以上工业增加值增长8.4%。");
  CHECK(Norm("一、主要指标\n增长8.4%的目标如期实现。") == "一、主要指标\n增长8.4%的目标如期实现。");  // a heading
  // A contact's line after a short line is a line of its own; after prose its label may be a cut word's end.
  CHECK(Norm("附件：1.重点项目清单\n2.任务分工表\n联系人：张三，电话：0571-88886666。") ==
        "附件：1.重点项目清单\n2.任务分工表\n联系人：张三，电话：0571-88886666。");
  CHECK(Norm("有关政策解读详见市政府门户网站，如有疑问请咨询\n电话：0571-85252000。") ==
        "有关政策解读详见市政府门户网站，如有疑问请咨询电话：0571-85252000。");
  // A rule's bound needs its subject; a change from one figure to another is cut before its 到.
  CHECK(Norm("市财政每年安排专项资金\n不少于5000万元，各县按比例配套。") == "市财政每年安排专项资金不少于5000万元，各县按比例配套。");
  CHECK(Norm("全市农民人均纯收入由2020年的9856元提高\n到2024年的15230元。") ==
        "全市农民人均纯收入由2020年的9856元提高到2024年的15230元。");
  // Without the 由 of a change, 到2025年 opens a paragraph under a title.
  CHECK(Norm("全面推进乡村振兴\n到2025年，农村居民收入增长8%。") == "全面推进乡村振兴\n到2025年，农村居民收入增长8%。");
  CHECK(Norm("由市财政统一安排\n到2025年，农村居民收入增长8%。") == "由市财政统一安排\n到2025年，农村居民收入增长8%。");
  // …but a heading that is the word alone names its section: 四、其他.
  CHECK(Norm("四、其他\n本方案自印发之日起施行。") == "四、其他\n本方案自印发之日起施行。");
  // A set phrase of policy language (经济社会发展, 旅游景区) is never broken by the text: a wrap
  // inside one is joined, however short the line before; so is a line that waits for an object.
  CHECK(Norm("2024年全县经济社会\n发展的主要预期目标是：增长6.5%左右。") == "2024年全县经济社会发展的主要预期目标是：增长6.5%左右。");
  CHECK(Norm("全市新增国家4A级旅游\n景区3个。") == "全市新增国家4A级旅游景区3个。");
  CHECK(Norm("（二）县财政按每户1500元标准给予\n奖补，所需资金由县乡两级分担。") ==
        "（二）县财政按每户1500元标准给予奖补，所需资金由县乡两级分担。");
  CHECK(Norm("一、推动经济社会\n全面绿色转型") == "一、推动经济社会\n全面绿色转型");  // no phrase spans the break
  // A heading's clauses are phrases: a clause of three characters or fewer after its comma was cut.
  CHECK(Norm("（二）县财政按每户1500元标准给予奖补，所需\n资金由县、乡（镇）两级按6∶4比例分担。") ==
        "（二）县财政按每户1500元标准给予奖补，所需资金由县、乡（镇）两级按6∶4比例分担。");
  CHECK(Norm("一、准确把握形势，坚定发展信心\n当前，我县发展面临新的形势。") ==
        "一、准确把握形势，坚定发展信心\n当前，我县发展面临新的形势。");
  CHECK(Norm("（五）有关\n事项另行通知。") == "（五）有关\n事项另行通知。");
  // A time the text counts from waits for what then happens.
  CHECK(Norm("本意见自2024年1月1日起\n施行，有效期5年。") == "本意见自2024年1月1日起施行，有效期5年。");
  CHECK(Norm("本办法自印发之日起\n施行。") == "本办法自印发之日起施行。");
  // A heading that states a requirement, followed by a line that only ends a sentence, was cut;
  // a heading that states one followed by its paragraph stands.
  CHECK(Norm("（一）各乡镇要在每年3月底前完成上年度\n任务“回头看”……") == "（一）各乡镇要在每年3月底前完成上年度任务“回头看”……");
  CHECK(Norm("（二）县财政按每户1500元标准给予奖补，所需资金由县、乡（镇）两级\n按6∶4比例分担。") ==
        "（二）县财政按每户1500元标准给予奖补，所需资金由县、乡（镇）两级按6∶4比例分担。");
  CHECK(Norm("（一）各地要加强组织领导\n各乡镇要成立工作专班，明确责任分工。") ==
        "（一）各地要加强组织领导\n各乡镇要成立工作专班，明确责任分工。");
  // A subtitle goes on until the 上 that closes its 在; a question or an answer is speech.
  CHECK(Norm("——2024年1月20日在某市第十七届\n人民代表大会第三次会议上\n市长 王某某") ==
        "——2024年1月20日在某市第十七届人民代表大会第三次会议上\n市长 王某某");
  CHECK(Norm("问：《条例》对“新官不理旧账”问题\n有何规定？") == "问：《条例》对“新官不理旧账”问题有何规定？");
  CHECK(Norm("答：可以拨打12345政务服务\n便民热线。") == "答：可以拨打12345政务服务便民热线。");
  // A box's label keeps its space before a quotation; brackets drawn empty keep theirs.
  std::string box = "专栏1 “十四五”时期经济社会发展主要指标\n注：〔 〕内为五年累计数。\n";
  CHECK(Norm(box) == box);
  // A label's title cut right above its table is joined; a line of its own under the title (its
  // unit, its years) or a table straight under the title stays.
  std::string header = "类别 指标 2020年 2025年 属性\n";
  CHECK(Norm("专栏1 “十四五”时期\n经济社会发展主要指标\n" + header) == "专栏1 “十四五”时期经济社会发展主要指标\n" + header);
  CHECK(Norm("表2 主要指标\n（单位：亿元）\n" + header) == "表2 主要指标\n（单位：亿元）\n" + header);
  CHECK(Norm("表2 主要指标\n2021—2025年\n" + header) == "表2 主要指标\n2021—2025年\n" + header);
  CHECK(Norm("表2 主要指标\n" + header) == "表2 主要指标\n" + header);
  CHECK(Norm("专栏1 重大工程\n交通基础设施\n新建高速公路120公里。") == "专栏1 重大工程\n交通基础设施\n新建高速公路120公里。");
  // A byline (words set apart by spaces) under a subtitle is a line of its own.
  std::string byline = "——2024年1月20日在某市第十七届人民代表大会第三次会议上\n市长 王某某\n各位代表：";
  CHECK(Norm(byline) == byline);
  std::string attachment = "附件：重点项目清单\n某市人民政府";
  CHECK(Norm(attachment) == attachment);
  CHECK(Norm("各市县必须在3个月内\n完成清理。") == "各市县必须在3个月内完成清理。");        // a requirement, not a title
  // A document kind right after a verb is its object: a sentence, not a long title.
  CHECK(Norm("全市各级各部门认真按照省委省政府的统一部署严格执行有关规定\n开展自查自纠工作。") ==
        "全市各级各部门认真按照省委省政府的统一部署严格执行有关规定开展自查自纠工作。");
  std::string long_title = "某市人民政府关于进一步加强城市生活垃圾分类管理工作的若干规定\n各区人民政府：";
  CHECK(Norm(long_title) == long_title);
  CHECK(Norm("坚持以新思想为\n指导，推动发展。") == "坚持以新思想为指导，推动发展。");        // 为 takes an object
  CHECK(Norm("奋发有为\n全市干部群众团结一心。") == "奋发有为\n全市干部群众团结一心。");  // 有为 is a word
  // No line starts with 的; a heading cannot end inside a quotation.
  CHECK(Norm("学习总书记关于“三农”工作\n的重要论述。") == "学习总书记关于“三农”工作的重要论述。");
  CHECK(Norm("（一）完成上年度任务“回头\n看”工作。") == "（一）完成上年度任务“回头看”工作。");
  // ” at a line's start closes the line before only if that line left a quotation open: with
  // quotes reversed by damage it opens the next one.
  CHECK(Norm("他说：“要坚定信心\n”，大家表示赞同。") == "他说：“要坚定信心”，大家表示赞同。");
  CHECK(Norm("比上年增加5000亿元。\n”我们要坚定信心。“代表们说。") == "比上年增加5000亿元。\n“我们要坚定信心。”代表们说。");
  // No line starts with ，or ）: such a break is always the layout's.
  CHECK(Norm("门户网站（www.a.cn）\n，咨询电话：12345。") == "门户网站（www.a.cn），咨询电话：12345。");
  // A heading glued to the end of a paragraph keeps its break, whatever the paragraph left open.
  std::string glued = "他说“要办实事。五、抓帮扶，坚持不懈解难事\n坚持不懈为人民群众办实事。";
  CHECK(Norm(glued) == glued);
  CHECK(Norm("为人民群众办实事。五、抓帮扶，坚持不懈解难事\n坚持不懈为人民群众办实事。") ==
        "为人民群众办实事。五、抓帮扶，坚持不懈解难事\n坚持不懈为人民群众办实事。");
}

TEST_CASE("hard_wrap: a fixed-width wrap cuts between any two characters", "[normalize][hard_wrap]") {
  // Inside a figure: before its decimal point or percent sign, after an ASCII decimal point,
  // at a range's dash, inside a ratio or a rate's unit.
  CHECK(Norm("全市政府债务余额2456\n.8亿元，控制在限额以内。") == "全市政府债务余额2456.8亿元，控制在限额以内。");
  CHECK(Norm("煤炭消费总量下降3\n%，完成目标。") == "煤炭消费总量下降3%，完成目标。");
  CHECK(Norm("煤炭消费总量下降3.\n5%，完成目标。") == "煤炭消费总量下降3.5%，完成目标。");
  CHECK(Norm("增速比1—\n9月提高0.3个百分点。") == "增速比1—9月提高0.3个百分点。");
  CHECK(Norm("行动方案（2024\n—2025年）已经印发。") == "行动方案（2024—2025年）已经印发。");
  CHECK(Norm("县、乡两级按6\n∶4比例分担。") == "县、乡两级按6∶4比例分担。");
  CHECK(Norm("PM2.5浓度降至26微克/\n立方米，优良天数比率达到85%。") == "PM2.5浓度降至26微克/立方米，优良天数比率达到85%。");
  // …but an ASCII full stop after a figure ends a sentence before a date, a list number or a
  // long figure.
  std::string date_after = "全年增长3.\n5月份起实施新标准。";
  CHECK(Norm(date_after) == "全年增长3。\n5月份起实施新标准。");
  CHECK(Norm("全年增长3.\n2024年，全市实施新标准。") == "全年增长3。\n2024年，全市实施新标准。");
  // A typed mark that no line starts with (.新增…) joins as its Chinese form does.
  CHECK(Norm("2.推进能源结构调整\n.新增天然气管网50公里.") == "2.推进能源结构调整。新增天然气管网50公里。");
  // After an opening bracket, and before a quotation or bracket that goes on a sentence.
  CHECK(Norm("某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（\n节选）") ==
        "某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（节选）");
  CHECK(Norm("1.推进产业结构优化。严格落实\n“两高”项目准入要求。") == "1.推进产业结构优化。严格落实“两高”项目准入要求。");
  CHECK(Norm("推广浙江“千村示范、万村整治”\n工程经验，推进乡村振兴。") == "推广浙江“千村示范、万村整治”工程经验，推进乡村振兴。");
  // A short Latin term on either side.
  CHECK(Norm("物价保持基本稳定，CPI\n涨幅控制在2%左右。") == "物价保持基本稳定，CPI涨幅控制在2%左右。");
  CHECK(Norm("新增4A级景区3个、3\nA级景区10个。") == "新增4A级景区3个、3A级景区10个。");
  // 坚持以…为: the frame waits for its 为.
  CHECK(Norm("坚持以习近平新时代中国特色社会主义思想\n为指导，推动发展。") == "坚持以习近平新时代中国特色社会主义思想为指导，推动发展。");
  // Kept: a title, a field or an attachment's line before a line that opens with 《 or “; quotes
  // that may be reversed at a line's end; English words.
  for (std::string kept : {"关于某市2023年预算执行情况和2024年预算草案的报告\n“我们要坚定信心。”代表们表示。",
                           "出席：王某某、李某某、张某某\n《条例》共7章62条。",
                           "附件：1.某市空气质量改善行动方案\n《某省优化营商环境条例》政策解读",
                           "某县交通运输局关于2022年农村公路建设情况的通报\nXX市2028年乡村振兴考核办法",
                           "正如一位外国投资者所说，“Hangzhou is\nwhere the digital economy happens.”"})
    CHECK(Norm(kept) == kept);
  CHECK(Norm("他说：“今年我们村的人均收入要突破2万元。“\n二〇二五年三月五日") ==
        "他说：“今年我们村的人均收入要突破2万元。”\n二〇二五年三月五日");
}

TEST_CASE("hard_wrap: where paragraphs are indented, a line without an indent after a paragraph's line was cut", "[normalize][hard_wrap]") {
  const std::string indent = "\xE3\x80\x80\xE3\x80\x80";
  // The indent stays, and so do the breaks before an indented line, a heading of its own among them.
  std::string clean = "某县2024年统计公报\n\n二、工业\n" + indent + "全年规模以上工业增加值增长8.4%。\n" + indent +
                      "一、总体要求\n" + indent + "全年固定资产投资比上年增长9.1%。\n" + indent +
                      "全体居民人均可支配收入52368元，比上年增长5.8%。\n";
  CHECK(Norm(clean) == clean);
  // Cut after 工业增加, the line after it has no indent: the cut is the layout's. The short line
  // alone would read as a title.
  std::string cut = clean;
  cut.replace(cut.find("增加值"), 9, "增加\n值");
  CHECK(Norm(cut) == clean);
  // A table under its indented label keeps its rows, and a chapter heading its line.
  std::string table = indent + "表1\xE3\x80\x80主要产品产量\n产品名称 单位 产量\n水泥 万吨 356\n发电量 亿千瓦时 18.6\n" + indent +
                      "全年粮食产量增长2%。\n" + indent + "全年生猪出栏增长3%。\n" + indent + "新增造林1万亩，建成\n第二章\xE3\x80\x80附则\n";
  CHECK(Norm(table) == table);
  // Without indents in the text, the short line alone is left as a title may be.
  std::string flush = "全年规模以上工业增加\n值增长8.4%。";
  CHECK(Norm(flush) == flush);
}

TEST_CASE("a list's bullets in a symbol font become the glyphs they show", "[normalize][variant_char]") {
  // Word's Symbol bullet (U+F0B7) and Wingdings' (U+F06C, U+F0D8), as text copied out keeps them.
  auto n = Run("主要任务\n\uF0B7 推进农村改厕3000户。\n\uF06C 新建污水管网50公里。\n\uF0D8 加快建设5G基站。\n");
  CHECK(n.text.text == "主要任务\n• 推进农村改厕3000户。\n● 新建污水管网50公里。\n➢ 加快建设5G基站。\n");
  REQUIRE(n.fixes.size() == 3);
  CHECK(n.fixes[0].rule == "variant_char");
  // Other private-use characters (a rare name's character a site made up) are left alone.
  CHECK(Norm("张\uE000同志") == "张\uE000同志");
}

TEST_CASE("mojibake", "[normalize][mojibake]") {
  auto gbk = Run("鎴戜滑瑕佸潥鎸佸彂灞");  // 我们要坚持发展 (UTF-8 read as GBK), last byte lost
  CHECK(gbk.text.text.rfind("我们要坚持", 0) == 0);
  CHECK(HasRule(gbk, "mojibake"));
  CHECK(Norm("æˆ‘ä»¬è¦å‘å±•") != "æˆ‘ä»¬è¦å‘å±•");
  CHECK(Norm("æˆ‘ä»¬") == "我们");  // UTF-8 read as Windows-1252
  // Damaged full-width punctuation looks like 锛 (EF BC), 銆 (E3 80), 鈥 (E2 80).
  CHECK(Norm("锛堜簩锛夋帹杩涗骇涓氭暟瀛楀寲") == "（二）推进产业数字化");
  CHECK(Norm("鍦ㄥ叏鐪侀珮璐ㄩ噺鍙戝睍") == "在全省高质量发展");  // ㄥ: GBK's bopomofo row
  CHECK(Norm("ï¼ˆ2024年2月18日ï¼‰") == "（2024年2月18日）");   // punctuation alone, read as Windows-1252
  CHECK(Norm("姘存偿 涓囧惃 356 -2.1") == "水泥 万吨 356 -2.1");  // a space of the original stays
  // A byte 0x80 left between two-byte characters reads as € in Windows' GBK (and a browser's).
  CHECK(Norm("涓€銆佹€讳綋鎯呭喌") == "一、总体情况");
  // A decoder with no € for it (Python's gbk) writes U+FFFD for that byte: inside a run it is
  // 0x80 all the same. A run's last character that lost its last byte (an odd byte before ASCII,
  // read alone as U+FFFD) cannot be told: it and its U+FFFD become one U+FFFD, logged as
  // unrepairable, and the characters before it are repaired. A cut character alone (〔 of 〔2023)
  // is repaired only in a text that shows whole runs of the damage.
  // GB18030 reads every pair (an undefined one as a private-use character, \ue15f): in a text that
  // shows one, such a U+FFFD was 0x80. Python's gbk also writes U+FFFD for the first byte of a
  // pair it leaves undefined (行 is E8 A1 8C, and A1 8C is none): there the byte is the one that
  // makes a common character where exactly one does (而 and 行 both do: it stays unknown).
  CHECK(Norm("鏉\ue15f斂涓\uFFFD銆佹\uFFFD讳綋鎯呭喌") == "杭政一、总体情况");
  CHECK(Norm("涓\uFFFD銆佹\uFFFD讳綋鎯呭喌") == "\uFFFD、\uFFFD体情况");
  // Read with errors='ignore', those bytes go without a trace. In a text GB18030 read (private-use
  // characters show it) the dropped byte was 0x80: a character left one byte short when the next
  // begins is completed with it where one placement makes a common character (一 is E4 B8 80,
  // 总 is E6 80 BB); a run that ends short before ASCII is cut as above (。 at a line's end).
  CHECK(Norm("涓銆佹讳綋鐩\ue1bd爣\n缁勭粐瀹炴柦銆\n") == "一、总体目标\n组织实施。\n");
  CHECK(Norm("銆銆涓銆佺ǔ瀹氱伯椋熺敓浜\n\ue1bd\n") == "　　一、稳定粮食生\uFFFD\n\ue1bd\n");
  CHECK(Norm("涓銆佹讳綋鐩爣\n缁勭粐瀹炴柦銆\n") == "涓銆佹讳綋鐩爣\n组织实施。\n");  // no sign of GB18030: not guessed
  // A symbol font's bullet (U+F0B7, Word's) is the document's own private-use character, no sign.
  CHECK(Norm("\uF0B7 涓銆佹讳綋鐩爣\n缁勭粐瀹炴柦銆\n") == "• 涓銆佹讳綋鐩爣\n组织实施。\n");
  CHECK(Norm("鍏充簬鍗板彂銆婃煇甯傜┖姘旇川閲忔敼鍠勮\uFFFD屽姩鏂规\uFFFD堛\uFFFD嬬殑閫氱煡\n") ==
        "关于印发《某市空气质量改善\uFFFD动方案》的通知\n");
  auto cut = Run("鍏ㄥ競鏁板瓧缁忔祹鏍稿績浜т笟澧炲姞鍊肩獊鐮\uFFFD7000浜垮厓\n");
  CHECK(cut.text.text == "全市数字经济核心产业增加值突\uFFFD7000亿元\n");  // 破: one of 64
  CHECK(HasRule(cut, "unrepairable"));
  CHECK(Norm("銆\uFFFD2023") == "銆\uFFFD2023");  // alone: no evidence
  // Where the text's form leaves one character of the 64 the cut one's two bytes begin, it is
  // that one: a date's 年月日 after their figures, a document number's 〔〕 and 号, a dash
  // between figures, an indent's U+3000, and 。 at a line's end (of U+3000–303F).
  CHECK(Norm("鍏ㄥ競2023骞\uFFFD3鏈\uFFFD15鏃\uFFFD\n") == "全市2023年3月15日\n");
  CHECK(Norm("鏉\ue15f斂鍔炲彂銆\uFFFD2023銆\uFFFD12鍙\uFFFD\n") == "杭政办发〔2023〕12号\n");
  CHECK(Norm("锛\uFFFD2023鈥\uFFFD2025骞达級鐨勯\uFFFD氱煡\n") == "\uFFFD2023—2025年）的通知\n");
  CHECK(Norm("銆\uFFFD銆\uFFFD2.鎶撳ソ鈥滆彍绡\ue1bc瓙鈥濅骇鍝佷繚渚涖\uFFFD\uFFFD\n") == "　　2.抓好“菜篮子”产品保供。\n");
  // 幅 and 平 share 年's two bytes: the figures before them are no year.
  CHECK(Norm("鍏\uFFFD3骞呬綔鍝侊紝闈㈢Н100骞虫柟绫炽\uFFFD\uFFFD\n") == "\uFFFD3幅作品，面积100平方米。\n");
  // A character and the ASCII letter read with it (）C as 锛塁), in a text that shows the damage.
  CHECK(Norm("锛\uFFFD2锛塁PI娑ㄥ箙鎺у埗鍦\uFFFD3%宸﹀彸銆\uFFFD\n") == "\uFFFD2）CPI涨幅控制\uFFFD3%左右。\n");
  // A line that lost a quote mark keeps its others as they are; a list number after a lost mark
  // keeps its full stop.
  CHECK(Norm("鏋勫缓鈥\uFFFD1+N鈥濇斂绛栦綋绯汇\uFFFD\uFFFD\n") == "构建\uFFFD1+N”政策体系。\n");
  CHECK(Norm("各区要做到\uFFFD1.每年培育企业不少于5家。") == "各区要做到\uFFFD1.每年培育企业不少于5家。");
  CHECK(Norm("请登录\uFFFD网站") == "请登录\uFFFD网站");  // a common hanzi before U+FFFD is no run
  // An ASCII letter of the original read as a GBK character's second byte goes back into the
  // run: 锛圵 is （ and the W of World (and ⾏, a PDF font's 行, read with it).
  CHECK(Norm("涓栫晫閾垛緩锛圵orld Bank锛夋姤鍛婃寚") == "世界银行（World Bank）报告指");
  // Damaged twice: a Kangxi radical (⼆), a fullwidth digit or a zero-width space, then the wrong
  // charset. The run is Chinese once both are undone.
  CHECK(Norm("ï¼ˆâ¼†ï¼‰æŽ¨è¿›äº§ä¸šæ•°å­—åŒ–") == "（二）推进产业数字化");
  CHECK(Norm("ï¼’.è€ƒæ\xC2\xA0¸åŠžæ³•") == "2.考核办法");  // 核 is E6 A0 B8: æ, NBSP, ¸
  CHECK(Norm("鐢靛瓙鈥嬮偖绠憋細") == "电子邮箱：");
  CHECK(Norm("ï¼ˆå››ï¼‰å…¶ä»–åžƒåœ¾ã€‚Â\xC2\xA0\n") == "（四）其他垃圾。\n");  // an NBSP after 。, read as Windows-1252
  // The other way: GBK bytes read as Latin-1 or as Windows-1252, an old page served without a
  // charset (北京 is ±±¾©, 。 is ¡£; the ASCII between the runs is the original's).
  CHECK(Norm("Ê©¹¤·½°¸") == "施工方案");
  CHECK(Norm("Ò»¡¢¹¤³Ì¸Å¿ö£º±¾¹¤³ÌÈ«³¤12.5¹«Àï£¬×ÜÍ¶×Ê3.6ÒÚÔª¡£") == "一、工程概况：本工程全长12.5公里，总投资3.6亿元。");
  CHECK(Norm("±±¾©ÊÐ") == "北京市");
  // One character between figures is repaired where the text shows the misreading elsewhere
  // (年, 月, ∶), not alone; a run that is also UTF-8 in part (设。 is Éè¡£, and è¡£ is 衣) is
  // read the way that explains all of it.
  CHECK(Norm("×Ê½ð°´6¡Ã4±ÈÀý·Öµ£¡£2023Äê3ÔÂ15ÈÕ") == "资金按6∶4比例分担。2023年3月15日");
  CHECK(Norm("2023Äê3ÔÂ") == "2023Äê3ÔÂ");
  CHECK(Norm("¼Ó¿ì½¨Éè¡£") == "加快建设。");
  // A list's marker and a heading's star are GB2312 symbols, part of the Chinese they open.
  CHECK(Norm("¢ÚÆóÒµ´´ÐÂÖ÷Ìå") == "②企业创新主体");
  CHECK(Norm("¡ïÖØµãÈÎÎñ£º") == "★重点任务：");
  // A © of such a run is no copyright line: （万吨） 1250 reads £¨Íò¶Ö£© 1250.
  CHECK(Norm("°²È«±£ÕÏ Á¸Ê³×ÛºÏÉú²úÄÜÁ¦£¨Íò¶Ö£© 1250 >1250 ¡ª Ô¼ÊøÐÔ") ==
        "安全保障 粮食综合生产能力（万吨） 1250 >1250 — 约束性");
  // …but a typed ellipsis of middle dots (贩贩 as GBK), a redaction, signs and Latin words stay.
  for (const std::string clean : {"一是······二是", "××××县", "温度±5℃，面积20m²，3×4", "Société Générale"})
    CHECK(Norm(clean) == clean);
  // Clean text with rare characters and Latin accents stays.
  CHECK(Norm("魑魅魍魉，饕餮") == "魑魅魍魉，饕餮");
  CHECK(Norm("café résumé") == "café résumé");
  // Irreparable damage is kept, logged and flagged.
  auto bad = Run("原文锟斤拷锟斤拷已损坏\xEF\xBF\xBD。");
  CHECK(bad.text.text == "原文锟斤拷锟斤拷已损坏\xEF\xBF\xBD。");
  CHECK(HasRule(bad, "unrepairable"));
  CHECK(bad.flags == std::vector<std::string>{"unrepairable"});
}

TEST_CASE("boilerplate and metadata", "[normalize][boilerplate]") {
  auto n = Run("中词库 / www.zciku.com\n[bookmark: _Toc1]某县树立群众观经验交流材料\n"
               "来源：网络  作者：落花时节  更新时间：2025-04-24\n 近几年来，经济发展。\n责任编辑：张三\n");
  CHECK(n.text.text == "某县树立群众观经验交流材料\n 近几年来，经济发展。\n");
  CHECK(n.metadata.source_site == "www.zciku.com");
  CHECK(n.metadata.author == "落花时节");
  CHECK(n.metadata.published_at == "2025-04-24");
  CHECK(n.metadata.title == "某县树立群众观经验交流材料");
  for (const auto& f : n.fixes) CHECK(f.rule == "boilerplate");
  // A field ends at an entity or NBSP between fields (this pass runs before entities are
  // decoded) and at the next field's key.
  n = Run("标题\n发布时间：2025-02-20&nbsp;&nbsp;来源：某市农业农村局&nbsp;&nbsp;浏览次数：1234\n正文。\n");
  CHECK(n.metadata.source_site == "某市农业农村局");
  n = Run("标题\n来源：人民网作者：张三 发布时间：2024-01-02\n正文。\n");
  CHECK(n.metadata.source_site == "人民网");
  CHECK(n.metadata.author == "张三");
  // The header of a government information-disclosure page is metadata.
  n = Run("索引号：11330100002489123P/2023-00123 主题分类：城乡建设\n发文机关：杭州市人民政府办公厅 成文日期：2023年03月15日\n"
          "标题：杭州市人民政府办公厅关于印发行动计划的通知\n发文字号：杭政办发〔2023〕12号 发布日期：2023年03月20日\n"
          "各区、县（市）人民政府：\n");
  CHECK(n.text.text == "各区、县（市）人民政府：\n");
  CHECK(n.metadata.title == "杭州市人民政府办公厅关于印发行动计划的通知");
  CHECK(n.metadata.author == "杭州市人民政府办公厅");
  CHECK(n.metadata.published_at == "2023-03-20");
  // Other sites' fields, keys set in a fixed width, a field of its own inside the block, and the
  // blank line the block leaves at the top of the text.
  n = Run("索 引 号：00123456/2022-00042 组配分类：规范性文件\n信息分类：通知 生成日期：2022-05-10\n"
          "名    称：某县人民政府关于印发农村公路养护办法的通知\n信息来源： 关键词：\n浏览次数：312 内容概述：\n\n"
          "某县人民政府关于印发农村公路养护办法的通知\n各乡镇人民政府：\n");
  CHECK(n.text.text == "某县人民政府关于印发农村公路养护办法的通知\n各乡镇人民政府：\n");
  CHECK(n.metadata.published_at == "2022-05-10");
  // The fields as a table's rows: cells set apart by bars (a scraper's) or spaces (the HTML
  // pass's), a field left without its value, a row of bars.
  n = Run("某县人民政府办公室关于印发资金管理办法的通知\n索引号 | xzfg/2021-3740 | 公开目录: | 县政府办文件 |\n"
          "公开责任部门 | 某县人民政府办公室 | 公开形式: | 主动公开 |\n文号 | 某政办发〔2021〕88号 | 成文日期: | 2021年09月28日 |\n"
          "有效性 | 有效 | 公开日期: | 2021-09-30 01:40 |\n政策解读: |\n|\n为加强管理，现印发给你们。\n");
  CHECK(n.text.text == "某县人民政府办公室关于印发资金管理办法的通知\n为加强管理，现印发给你们。\n");
  CHECK(n.metadata.published_at == "2021-09-30");  // 公开日期, the day it was published
  CHECK(Norm("关于资金管理的通知\n\n索引号 xzfg/2021-3740 公开目录：县政府办文件\n\n文号 某政办发〔2021〕88号 成文日期：2021年09月28日\n\n"
             "政策解读：\n\n为加强管理，现印发给你们。\n") == "关于资金管理的通知\n\n为加强管理，现印发给你们。\n");
  // Outside a block of fields such a line is text.
  for (const char* kept : {"某县工作方案\n政策解读：本方案明确了三项任务。\n", "某县工作方案\n有效性评估每年开展1次。\n",
                           "某县工作方案\n责任部门要加强协调。\n"}) {
    INFO(kept);
    CHECK(Norm(kept) == kept);
  }
  // 名称 alone is no field: it may open a line of text.
  const std::string named = "某县工作方案\n名称：农村公路养护工程。\n";
  CHECK(Norm(named) == named);
  // The title is the line after a document number, repaired like the text.
  CHECK(Run("杭政办发〔2023〕12号\n杭州市人民政府办公厅关于印发行动计划的通知\n各区人民政府：\n").metadata.title ==
        "杭州市人民政府办公厅关于印发行动计划的通知");
  CHECK(Run("关于印发%26lt;某县民生实事方案%26gt;的通知<br/>\n正文。\n").metadata.title == "关于印发《某县民生实事方案》的通知");
  // Page numbers left by PDF conversion go, and the sentence they cut is joined again.
  CHECK(Norm("确保全年新建高标\n— 3 —\n准农田15万亩以上。\n\n- 4 -\n\n第二段。\n第 5 页 共 12 页\n") ==
        "确保全年新建高标准农田15万亩以上。\n\n第二段。\n");
  CHECK(Norm("2025-2027年\n") == "2025-2027年\n");
  // A document-sharing site's page chunks (…的决定_第1页 / 1/9) and page numbers left inside the
  // text once its lines were joined (—1—, —2—) go; a lone —3— or a counter alone is the text's.
  CHECK(Norm("关于加强管理的决定\n\n关于加强管理的决定_第1页\n1/9\n关于加强管理的决定_第2页\n2/9\n"
             "县委县政府关于加强管理的决定（2012年4月28日）—1—为加大力度，特作如下决定。每人1000万元/年。—2—乡镇各部门确定任务。\n") ==
        "关于加强管理的决定\n\n县委县政府关于加强管理的决定（2012年4月28日）为加大力度，特作如下决定。每人1000万元/年。乡镇各部门确定任务。\n");
  for (const char* kept : {"按照—3—的比例分配。\n", "全年目标—2—改造—1—项。\n", "甲—1—乙。\n"}) {
    INFO(kept);
    CHECK(Norm(kept) == kept);
  }
  CHECK(Norm("甲—1—乙。\n— 2 —\n") == "甲—1—乙。\n");  // the line of its own goes, as before
  // Patterns that meet inside a line (a farm's note or a bookmark around a page number) are
  // removed one after the other, never by overlapping edits.
  CHECK(Norm("正文—1—继续。下面是小编为大家整理的—2—文件，供大家参考。[bookmark: —3—小编]甲—4—乙。\n") == "正文继续。甲乙。\n");
  CHECK(Norm("比例为：\n\n1/3\n").find("1/3") != std::string::npos);
  CHECK(Norm("1/3\n\n2/5\n") == "1/3\n\n2/5\n");  // different counts of pages: no counters
  CHECK(Norm("正文第一段。\n1/4\n正文第二段。\n2/4\n") == "正文第一段。\n正文第二段。\n");
  // A document-sharing site's notices and a content farm's note on its copy go, the note also
  // where it was glued into a paragraph; no document says these of itself.
  CHECK(Norm("年度目标责任书\n- 1、下载文档前请自行甄别文档内容的完整性，平台不提供额外的编辑服务。\n"
             "已阅读5页，还剩14页未读 继续免费阅读\n\n下载本文档\n\n版权说明：本文档由用户提供并上传，若内容存在侵权，请进行举报\n\n"
             "镇党委与各村签订责任书。下面是小编为大家整理的年度目标责任书，供大家参考。\n1、招商引资项目建设25分。\n") ==
        "年度目标责任书\n\n镇党委与各村签订责任书。\n1、招商引资项目建设25分。\n");
  // The mark a sharing site puts after the title goes; the title stays the document's.
  auto shared = Run("某县2023年统计公报VIP免费\n\n全年粮食总产量18.9万吨。\n");
  CHECK(shared.text.text == "某县2023年统计公报\n\n全年粮食总产量18.9万吨。\n");
  CHECK(shared.metadata.title == "某县2023年统计公报");
  for (const char* kept : {"某县工作方案\n下载本文档所列附件。\n", "某县工作方案\n请继续阅读文件原文。\n", "VIP免费\n"}) {
    INFO(kept);
    CHECK(Norm(kept) == kept);
  }
  // A website's breadcrumb, menu, footer and font switch go, wherever they are; a blank line
  // goes along with a line that stood alone between two.
  CHECK(Norm("当前位置：首页 > 政务公开\n\n正文。\n\n网站首页 | 政务公开 | 互动交流\n\n【字体：大 中 小】\n\n"
             "版权所有：某县人民政府 ICP备05000001号\n") == "正文。\n");  // no blank line left at the end
  CHECK(Norm("甲段。\n\n版权所有：某县人民政府\n乙段。\n") == "甲段。\n\n乙段。\n");  // the paragraph break stays
  CHECK(Norm("本条例所称版权所有人，是指作者。") == "本条例所称版权所有人，是指作者。");
  CHECK(Norm("版权所有人可以许可他人使用。") == "版权所有人可以许可他人使用。");
  CHECK(Norm("正文。\nCopyright © 2024 某县人民政府\n") == "正文。\n");
  // Pagination and the buttons around an article are the page's.
  CHECK(Norm("正文第一段。\n上一页 1 2 3 下一页\n正文第二段。\n[1] [2] [3] 下一页\n首页 上一页 下一页 尾页\n相关链接：\n"
             "【我要纠错】【打印本页】【关闭窗口】\n") == "正文第一段。\n正文第二段。\n");
  std::string pages = "详见下一页表格。\n";
  CHECK(Norm(pages) == pages);
  // A news page's breadcrumb, dateline, original title and repost notice are the page's.
  n = Run("人民网 >> 时政 >> 正文\n国务院办公厅关于进一步优化支付服务的意见\n2024年03月08日 10:23 来源：中国政府网\n"
          "原标题：国务院办公厅关于进一步优化支付服务提升支付便利性的意见\n各省人民政府：\n正文。\n"
          "本文转自中国政府网，版权归原作者所有。\n");
  CHECK(n.text.text == "国务院办公厅关于进一步优化支付服务的意见\n各省人民政府：\n正文。\n");
  CHECK(n.metadata.published_at == "2024-03-08");
  CHECK(n.metadata.source_site == "中国政府网");
  CHECK(Norm("正文。\n首页 » 新闻中心 » 正文\n") == "正文。\n");
  std::string order = "优先级：安全 > 质量 > 进度\n2024年3月8日，全市召开会议。来源：市政府。\n";  // not a breadcrumb, not a dateline
  CHECK(Norm(order) == order);
  // Who runs the site and the QR code to open the page on a phone are the page's, not the text's;
  // an event's organiser in the text is the text's.
  CHECK(Norm("正文。\n扫一扫在手机打开当前页\n主办单位：某市人民政府办公室 承办：某市大数据中心\n") == "正文。\n");
  std::string organiser = "主办单位：某市文联\n扫一扫下方二维码即可报名，名额有限。\n";
  CHECK(Norm(organiser) == organiser);
  // The links to the articles before and after, and the footer's menu.
  CHECK(Norm("正文。\n上一篇：关于做好春耕生产工作的通知\n【下一篇】：某市2023年统计公报\n网站地图 | 联系我们 | 使用帮助\n") ==
        "正文。\n");
  std::string help = "联系我们的方式见附件。\n网站地图由市测绘院编制。\n";  // words of the menu in sentences
  CHECK(Norm(help) == help);
  // A page's <title> carries the channel and site; the heading after it is the title alone.
  CHECK(Run("春耕生产工作通知_通知公告_某县人民政府\n\n春耕生产工作通知\n\n正文。").metadata.title == "春耕生产工作通知");
  CHECK(Run("某县工作方案（草案）\n某县工作方案\n正文。").metadata.title == "某县工作方案（草案）");
  // The <title> line only repeats the heading, so it goes; a first line the next one does not
  // repeat is the document's own.
  CHECK(Norm("春耕生产工作通知_通知公告_某县人民政府\n\n春耕生产工作通知\n\n正文。") == "春耕生产工作通知\n\n正文。");
  CHECK(Norm("春耕生产工作通知\n\n发布时间：2025-03-18\n\n春耕生产工作通知\n\n正文。") == "春耕生产工作通知\n\n正文。");
  // With no heading that repeats it, the <title> line stays, without the channel and the site;
  // a line whose last part names no site keeps it.
  CHECK(Norm("关于做好春耕生产工作的通知_通知公告_某县人民政府网\n\n各乡镇人民政府：\n") ==
        "关于做好春耕生产工作的通知\n\n各乡镇人民政府：\n");
  CHECK(Norm("关于做好春耕生产工作的通知 | 某市人民政府门户网站\n正文。\n") == "关于做好春耕生产工作的通知\n正文。\n");
  for (std::string kept : {"数据_2024_统计表\n正文。\n", "A_B_C\n正文。\n"}) CHECK(Norm(kept) == kept);
  // A run of repeats keeps one line, in one pass (fuzzer finding: one a round ran out of rounds).
  CHECK(Norm("春耕生产工作通知\n[bookmark: _Toc1]春耕生产工作通知\n春耕生产工作通知\n春耕生产工作通知\n正文。") ==
        "春耕生产工作通知\n正文。");
  // However long the run: the lines it deletes do not use up the header's lines, so one pass
  // removes them all and the result is settled (a hundred took eight rounds and more).
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "某市2023年3月15日\n";
  auto settled = Run(hundred + "　　全市新增就业1万人。\n");
  CHECK(settled.text.text == "某市2023年3月15日\n　　全市新增就业1万人。\n");
  CHECK(std::find(settled.flags.begin(), settled.flags.end(), "unsettled") == settled.flags.end());
  for (std::string clean : {"某县工作方案（草案）\n某县工作方案\n正文。", "政府工作报告\n政府工作报告解读\n正文。",
                            "政府工作报告\n——2024年1月15日在某市第十六届人民代表大会第四次会议上\n正文。"})
    CHECK(Norm(clean) == clean);
  // A sentence that mentions a source is body text.
  CHECK(Norm("数据来源于统计局，时间跨度为五年。") == "数据来源于统计局，时间跨度为五年。");
  // A scraped page that repeats its banner: removed lines do not use up the header's 12 lines,
  // so the metadata line after thirty banners is still recognised, in a single pass.
  std::string banners;
  for (int i = 0; i < 30; ++i) banners += "中词库 / www.zciku.com\n";
  auto repeated = Run(banners + "来源：网络  作者：落花时节  更新时间：2025-04-24\n正文第一段。\n");
  CHECK(repeated.text.text == "正文第一段。\n");
  CHECK(repeated.metadata.author == "落花时节");
  rules::PassOutput once;
  DocumentMetadata ignored;
  rules::Boilerplate(banners + "来源：网络  作者：落花时节\n正文。\n", once, ignored);
  CHECK(once.edits.size() == 31);
}

TEST_CASE("redaction is logged, not changed", "[normalize][redaction]") {
  auto n = Run("近几年来，**经济发展势头强劲。");
  CHECK(n.text.text == "近几年来，**经济发展势头强劲。");
  REQUIRE(n.fixes.size() == 1);
  CHECK(n.fixes[0].rule == "redaction");
  CHECK(n.fixes[0].before == "**");
  CHECK(n.fixes[0].after == "**");
}

TEST_CASE("every rule is named in the rule table", "[normalize]") {
  std::vector<std::string> names;
  for (const auto& r : NormalizationRules()) names.push_back(r.name);
  for (const char* rule : {"url_entity", "html_entity", "html_tag", "variant_char", "width", "cjk_punct", "quotes", "whitespace",
                           "hard_wrap", "mojibake", "boilerplate", "redaction", "unrepairable", "traditional_script",
                           "pinyin_gloss", "js_escape"})
    CHECK(std::find(names.begin(), names.end(), rule) != names.end());
}

TEST_CASE("a forum's jammer text left in by a scraper goes, at a line's start, its end or alone", "[normalize][boilerplate]") {
  // Discuz!'s jammer(): 5 to 15 times chr(32..59), a space, chr(63..126); it comes with a line
  // break, before it (<span style="display:none">) or after it (<font class="jammer">).
  std::mt19937 random(20261130);
  auto jammer = [&] {
    std::string out;
    int triples = std::uniform_int_distribution<int>(5, 15)(random);
    for (int i = 0; i < triples; ++i) {
      out += static_cast<char>(std::uniform_int_distribution<int>(32, 59)(random));
      out += ' ';
      out += static_cast<char>(std::uniform_int_distribution<int>(63, 126)(random));
    }
    return out;
  };
  const std::string clean = test::ReadBytes(test::SourcePath("samples/clean_county_bulletin.txt"));
  REQUIRE(Norm(clean) == clean);
  for (int copy = 0; copy < 60; ++copy) {
    std::string damaged;
    size_t start = 0;
    while (start < clean.size()) {
      size_t nl = clean.find('\n', start);
      size_t end = nl == std::string::npos ? clean.size() : nl + 1;
      std::string line = clean.substr(start, end - start);
      start = end;
      bool text_line = line.size() > 30;
      switch (text_line ? std::uniform_int_distribution<int>(0, 4)(random) : 0) {
        case 1: damaged += jammer() + line; break;                    // the span's: a line break, then the jammer
        case 2: damaged += line.substr(0, line.size() - 1) + jammer() + "\n"; break;  // the font's: jammer, then a break
        case 3: damaged += jammer() + " " + jammer() + "\n" + line; break;            // a line of two
        default: damaged += line;
      }
    }
    INFO(damaged);
    CHECK(Norm(damaged) == clean);
  }
  // Text that only looks a little like it stays: too few triples, letters side by side.
  for (const char* kept : {"图1 a2 b3 c所示。\n", "见附表A 1 B 2 C 3 D 4。\n", "Step 1 a, step 2 b.\n"}) {
    INFO(kept);
    CHECK(Norm(kept) == kept);
  }
}

TEST_CASE("a table drawn with bars keeps its rows and the spaces in its cells", "[normalize][table]") {
  const std::string table = "表1 2019年生产总值\n| 绝 对 数 （亿元） | 比上年增长 （%） |\n地区生产总值 | 617.50 | 5.2 |\n"
                            "第一产业 | 37.11 | 2.6 |\n第二产业 | 339.85 | 4.5 |\n";
  CHECK(Norm(table) == table);
  CHECK(rules::IsTableRow("地区生产总值|617.50|5.2|"));
  CHECK(rules::IsTableHeader("| 指标 | 2020年 | 2025年 |", "| 粮食总产量（万吨）| 41.2 | 45 |"));
  CHECK_FALSE(rules::IsTableRow("全年增长5.2% | 详见附表"));
  // Between bars a cell may be a sentence: the bars say where cells are.
  CHECK(rules::IsTableRow("| 1 | 农村公路提升 | 新建道路12公里，改造桥梁3座 | 1200 | 2024年底 |"));
  CHECK(rules::IsTableHeader("| 序号 | 项目名称 | 建设内容 | 总投资（万元） |", "| 1 | 农村公路 | 新建道路12公里，改造桥梁3座 | 1200 |"));
}

TEST_CASE("a PDF's running head inside a cut sentence goes, and the text's own lines stay", "[normalize][boilerplate]") {
  const std::string title = "某市优化营商环境三年行动计划";
  const std::string clean = title + "\n\n　　为持续优化营商环境，结合本市实际，制定本行动计划。到2025年，企业开办时间压缩至1个工作日以内。\n"
                                    "　　各地要建立健全工作机制，每季度至少开展1次督查，对工作不力的单位予以通报批评。\n";
  // The head stands at two page breaks, once after the page's number.
  const std::string damaged = title + "\n\n　　为持续优化营商环境，结合本市实际，制定本行动计划。到2025年，企业开办时间压缩\n" + title +
                              "\n至1个工作日以内。\n　　各地要建立健全工作机制，每季度至少开展1次督查，对工作不力的单位予以通报\n— 2 —\n" + title +
                              "\n批评。\n";
  NormalizedText n = Run(damaged);
  CHECK(n.text.text == clean);
  size_t heads = 0;
  for (const auto& f : n.fixes) heads += f.rule == "boilerplate" && f.before == title + "\n";
  CHECK(heads == 2);
  // The title set on two lines at the top, a head that repeats it whole stands twice all the same.
  const std::string wrapped = "某市优化营商环境\n三年行动计划\n\n　　到2025年，企业开办时间压缩\n" + title + "\n至1个工作日以内。\n";
  CHECK(Norm(wrapped) == "某市优化营商环境三年行动计划\n\n　　到2025年，企业开办时间压缩至1个工作日以内。\n");
  // Once only, it is the text's own line (a page may well break a sentence before a title).
  const std::string once = "　　评价结果纳入\n某市人民政府文件\n年度综合考核。\n";
  CHECK(Norm(once).find("某市人民政府文件") != std::string::npos);
  // The issuer's name above the date that signs the text, the same name a cut title starts
  // with, and a table set one cell to a line with a unit's name repeated: all the text's own.
  const std::string signed_text = "杭政办发〔2023〕12号\n杭州市人民政府办公厅\n关于印发某计划的通知\n各区人民政府：\n"
                                  "　　现印发给你们，请认真贯彻执行。\n杭州市人民政府办公厅\n2023年3月15日\n";
  CHECK(Norm(signed_text) == "杭政办发〔2023〕12号\n杭州市人民政府办公厅关于印发某计划的通知\n各区人民政府：\n"
                             "　　现印发给你们，请认真贯彻执行。\n杭州市人民政府办公厅\n2023年3月15日\n");
  const std::string cells = "重点项目表\n序号\n项目名称\n建设单位\n建设性质\n1\n某某县城乡供水一体化工程建设项目\n某某县水利局\n新建\n"
                            "2\n某某镇污水处理厂提标改造工程项目\n某某县水利局\n改建\n";
  CHECK(Norm(cells) == cells);
  // After a page's number the page surely broke: a short first half (an item's number and a few
  // words) or a subtitle without clauses is cut by the head all the same.
  const std::string report = "关于某市2023年预算执行情况的报告\n\n——2024年1月16日在某市人民代表大会\n— 1 —\n"
                             "关于某市2023年预算执行情况的报告\n第四次会议上\n\n　　4.巩固拓展脱贫攻\n— 2 —\n"
                             "关于某市2023年预算执行情况的报告\n坚成果。\n";
  CHECK(Norm(report) == "关于某市2023年预算执行情况的报告\n\n——2024年1月16日在某市人民代表大会第四次会议上\n\n"
                        "　　4.巩固拓展脱贫攻坚成果。\n");
  // Without a page's number, such a short first half keeps the line as the text's own (it may be
  // a table's cell, above).
  const std::string short_half = "某市2023年工作要点说明\n\n　　4.巩固拓展脱贫攻\n某市2023年工作要点说明\n坚成果。\n";
  const std::string kept = Norm(short_half);
  CHECK(kept.find("某市2023年工作要点说明", kept.find("脱贫攻")) != std::string::npos);
}

TEST_CASE("JSON's and JavaScript's escapes left in scraped text are decoded", "[normalize][js_escape]") {
  NormalizedText n = Run("\\u5404\\u7ea7\\u9886\\u5bfc\\u5e72\\u90e8\\u8981\\u6df1\\u5165\\u57fa\\u5c42\\u3002");
  CHECK(n.text.text == "各级领导干部要深入基层。");
  REQUIRE(n.fixes.size() == 1);  // one run, one fix, over the whole escaped span
  CHECK(n.fixes[0].rule == "js_escape");
  CHECK(n.fixes[0].raw_start == 0);
  CHECK(n.fixes[0].raw_end == 12 * 6);
  // JavaScript's escape(), upper-case hex, beside plain text and a URL it runs into.
  CHECK(Norm("门户网站（http://www.hz.gov.cn/%uFF09%uFF0C%u54A8%u8BE2电话") == "门户网站（http://www.hz.gov.cn/），咨询电话");
  // A surrogate pair is one character; an escaped run of mojibake is repaired once decoded.
  CHECK(Norm("\\ud83d\\ude00好") == "\xF0\x9F\x98\x80好");
  CHECK(Norm("\\u00e6\\u02c6\\u2018\\u00e4\\u00bb\\u00ac") == "我们");
  // Escapes that only spell ASCII, a lone surrogate, a control character, or too few digits stay.
  for (const char* kept : {"\\u0041\\u0042", "\\ud83d好", "\\u0001\\u4e2d", "\\u4e2 国", "C:\\users\\u1\\data"})
    CHECK(Norm(kept) == kept);
}
