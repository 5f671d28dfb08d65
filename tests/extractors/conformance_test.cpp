// Conformance against Microsoft Recognizers-Text's Chinese specs (../shared/peers): the cases
// within pledge's scope, run through pledge's own path (normalize, then recognise), with the
// pass rate per file compared to the recorded baseline (tests/golden/conformance_baseline.json).
// A rate may rise (then raise the baseline); it must never fall.
//
// Scope: Chinese text (cases with Latin letters, discounts 折, bits/bytes, calories and
// currencies written with symbols are out); what is compared per file:
//   NumberModel    the values of the numbers found, in order
//   PercentModel   the values of the percentages found, in order
//   CurrencyModel  value and ISO code of each amount of money
//   DimensionModel value (in pledge's canonical unit) of each area/measure
//   Duration*      value and unit of each duration
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "extractors/extract_quantities.h"
#include "pipeline/normalize.h"
#include "test_support.h"

using namespace pledge;
using nlohmann::json;

namespace {

std::string PeersDir() {
  for (const char* candidate : {"/../shared/peers/recognizers-text", "/../../shared/peers/recognizers-text"}) {
    std::string dir = std::string(PLEDGE_SOURCE_DIR) + candidate;
    if (std::filesystem::exists(dir)) return dir;
  }
  return "";
}

std::string Normalized(const std::string& input) { return NormalizeText(TrackedText::Identity(input)).text.text; }

bool SameValue(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b)); }

bool OutOfScope(const std::string& input) {
  for (char c : input)
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  for (const char* word : {"折", "比特", "字节", "千卡", "赫兹", "微克", "$", "￥", "角", "毛", "分钱", "銭", "美分", "比特币",
                           "奈拉", "點", "個", "萬", "佰", "陸", "兩", "時", "秒"})
    if (input.find(word) != std::string::npos) return true;
  return false;
}

using Case = std::function<bool(const json& expected_results, const std::string& normalized_input)>;

// `percent`: compare percentages only (PercentModel); otherwise every number found, since the
// peers' NumberModel reports the number inside a percentage too (百分之五十五点五七九 → 55.579).
bool NumbersMatch(const json& results, const std::string& text, bool percent) {
  std::vector<double> expected, got;
  for (const auto& r : results) {
    std::string v = r["Resolution"]["value"];
    if (!v.empty() && v.back() == '%') v.pop_back();
    expected.push_back(std::stod(v));
  }
  for (const auto& m : FindNumbers(text))
    if ((m.percent || !percent) && m.value) got.push_back(*m.value);
  if (expected.size() != got.size()) return false;
  for (size_t i = 0; i < got.size(); ++i)
    if (!SameValue(got[i], expected[i])) return false;
  return true;
}

bool QuantitiesMatch(const json& results, const std::string& text, const std::vector<std::string>& kinds,
                     const std::map<std::string, std::pair<std::string, double>>& unit_map) {
  std::vector<std::pair<double, std::string>> expected, got;
  for (const auto& r : results) {
    const json& res = r["Resolution"];
    std::string unit = res.value("isoCurrency", res.value("unit", ""));
    auto mapped = unit_map.find(unit);
    double factor = 1;
    if (mapped != unit_map.end()) { factor = mapped->second.second; unit = mapped->second.first; }
    expected.emplace_back(std::stod(res["value"].get<std::string>()) * factor, unit);
  }
  for (const auto& q : ExtractQuantities(text))
    if (std::find(kinds.begin(), kinds.end(), q.kind) != kinds.end() && q.value) got.emplace_back(*q.value, q.unit);
  if (expected.size() != got.size()) return false;
  for (size_t i = 0; i < got.size(); ++i)
    if (!SameValue(got[i].first, expected[i].first) || got[i].second != expected[i].second) return false;
  return true;
}

// Timex P2Y / P3.5Y / PT5M / P15W → (value, pledge unit).
std::pair<double, std::string> FromTimex(const std::string& timex) {
  bool time = timex.size() > 1 && timex[1] == 'T';
  std::string number = timex.substr(time ? 2 : 1, timex.size() - (time ? 3 : 2));
  char unit = timex.back();
  std::string name = time ? (unit == 'H' ? "hour" : unit == 'M' ? "minute" : "second")
                          : (unit == 'Y' ? "year" : unit == 'M' ? "month" : unit == 'W' ? "week" : "day");
  return {std::stod(number), name};
}

bool DurationsMatch(const json& results, const std::string& text, bool with_values) {
  std::vector<std::string> expected, got;
  for (const auto& r : results) {
    if (!with_values) { expected.push_back(Normalized(r["Text"])); continue; }
    auto [v, unit] = FromTimex(r["Value"]["Timex"]);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g %s", v, unit.c_str());
    expected.push_back(buf);
  }
  for (const auto& q : ExtractQuantities(text)) {
    if (q.kind != "duration" || !q.value) continue;
    if (!with_values) { got.push_back(q.text); continue; }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g %s", *q.value, q.unit.c_str());
    got.push_back(buf);
  }
  return expected == got;
}

struct Rate { int passed = 0, total = 0; };

// Per-file scope beyond OutOfScope(): compound durations (8天20小时, 一年又一个月) and units
// pledge does not model (两 as a weight, bits) are not policy quantities.
bool InScope(const std::string& file, const json& results, const std::map<std::string, std::pair<std::string, double>>& units) {
  for (const auto& r : results) {
    if (file.find("Duration") != std::string::npos) {
      std::string text = r["Text"];
      int unit_words = 0;
      for (const char* u : {"年", "月", "周", "星期", "天", "日", "小时", "时", "分钟", "秒"})
        for (size_t at = text.find(u); at != std::string::npos; at = text.find(u, at + 1)) ++unit_words;
      if (unit_words > 1 || text.find("又") != std::string::npos) return false;
    }
    if (r.contains("Resolution")) {
      const json& res = r["Resolution"];
      if (res.contains("value") && (res["value"].is_null() || res["value"].get<std::string>().empty())) return false;
      if (file.find("Dimension") != std::string::npos && !units.count(res.value("unit", ""))) return false;
    }
  }
  return true;
}

Rate Score(const std::string& file, const Case& check, const std::map<std::string, std::pair<std::string, double>>& units = {}) {
  std::ifstream in(PeersDir() + "/" + file);
  json cases = json::parse(in);
  Rate rate;
  for (const auto& c : cases) {
    std::string input = c["Input"];
    if (OutOfScope(input) || !InScope(file, c["Results"], units)) continue;
    if (c.contains("NotSupported") && c["NotSupported"].get<std::string>().find("dotnet") != std::string::npos) continue;
    ++rate.total;
    bool ok = false;
    try {
      ok = check(c["Results"], Normalized(input));
    } catch (const std::exception&) {
      ok = false;  // a spec value pledge cannot even compare counts as a failure
    }
    if (ok) ++rate.passed;
    else if (std::getenv("PLEDGE_CONFORMANCE_VERBOSE")) std::cout << "  fail " << file << ": " << input << "\n";
  }
  return rate;
}

}  // namespace

TEST_CASE("conformance with Recognizers-Text Chinese specs", "[extract][conformance]") {
  if (PeersDir().empty()) {
    WARN("peer specs not found next to the repository; conformance not measured");
    return;
  }
  const std::map<std::string, std::pair<std::string, double>> dimension_units = {
      {"Mu", {"mu", 1}}, {"Kilogram", {"kg", 1}}, {"Centimeter", {"m", 0.01}}, {"Ton", {"t", 1}},
      {"Kilometer", {"km", 1}}, {"Meter", {"m", 1}}, {"Kilowatt", {"kw", 1}}, {"Gram", {"kg", 0.001}},
      {"Jin", {"kg", 0.5}}};
  std::map<std::string, Case> files = {
      {"Number/Chinese/NumberModel.json", [](const json& r, const std::string& t) { return NumbersMatch(r, t, false); }},
      {"Number/Chinese/PercentModel.json", [](const json& r, const std::string& t) { return NumbersMatch(r, t, true); }},
      {"NumberWithUnit/Chinese/CurrencyModel.json",
       [](const json& r, const std::string& t) { return QuantitiesMatch(r, t, {"money"}, {}); }},
      {"NumberWithUnit/Chinese/DimensionModel.json",
       [&](const json& r, const std::string& t) { return QuantitiesMatch(r, t, {"area", "measure"}, dimension_units); }},
      {"DateTime/Chinese/DurationExtractor.json", [](const json& r, const std::string& t) { return DurationsMatch(r, t, false); }},
      {"DateTime/Chinese/DurationParser.json", [](const json& r, const std::string& t) { return DurationsMatch(r, t, true); }},
  };
  json baseline = json::parse(std::ifstream(test::SourcePath("tests/golden/conformance_baseline.json")));
  for (const auto& [file, check] : files) {
    Rate rate = Score(file, check, dimension_units);
    double pass = rate.total ? double(rate.passed) / rate.total : 0;
    std::cout << "conformance " << file << ": " << rate.passed << "/" << rate.total << " in scope = " << pass << "\n";
    INFO(file);
    CHECK(rate.total > 0);
    CHECK(pass + 1e-9 >= baseline.value(file, 1.0));
  }
}
