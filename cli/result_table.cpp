#include "cli/result_table.h"

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/unicode_util.h"

namespace pledge::cli {
namespace {

std::string FormatDouble(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string Text(const Cell& cell) {
  if (std::holds_alternative<int64_t>(cell)) return std::to_string(std::get<int64_t>(cell));
  if (std::holds_alternative<double>(cell)) return FormatDouble(std::get<double>(cell));
  if (std::holds_alternative<std::string>(cell)) return std::get<std::string>(cell);
  return "";
}

nlohmann::json Json(const Cell& cell) {
  if (std::holds_alternative<int64_t>(cell)) return std::get<int64_t>(cell);
  if (std::holds_alternative<double>(cell)) return std::get<double>(cell);
  if (std::holds_alternative<std::string>(cell)) return std::get<std::string>(cell);
  return nullptr;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Table cells stay on one line: line breaks in text are shown as ⏎.
std::string OneLine(std::string s) {
  for (size_t at = s.find('\n'); at != std::string::npos; at = s.find('\n', at)) s.replace(at, 1, "⏎");
  return s;
}

}  // namespace

const std::vector<std::string>& Formats() {
  static const std::vector<std::string> formats = {"table", "csv", "json", "jsonl"};
  return formats;
}

std::string DefaultFormat() { return isatty(STDOUT_FILENO) ? "table" : "jsonl"; }

int DisplayWidth(const std::string& utf8) {
  int width = 0;
  for (size_t i = 0; i < utf8.size();) {
    UChar32 c = Utf8At(utf8, i, &i);
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) continue;
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

ResultSet ReadResult(SQLite::Statement& statement) {
  ResultSet result;
  for (int i = 0; i < statement.getColumnCount(); ++i) result.columns.push_back(statement.getColumnName(i));
  while (statement.executeStep()) {
    std::vector<Cell> row;
    for (int i = 0; i < statement.getColumnCount(); ++i) {
      SQLite::Column column = statement.getColumn(i);
      if (column.isNull()) row.emplace_back(std::monostate{});
      else if (column.isInteger()) row.emplace_back(column.getInt64());
      else if (column.isFloat()) row.emplace_back(column.getDouble());
      else if (column.isBlob()) row.emplace_back("<blob " + std::to_string(column.getBytes()) + " bytes>");
      else row.emplace_back(column.getString());
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

void PrintResult(const ResultSet& r, const std::string& format, std::ostream& out) {
  if (format == "jsonl" || format == "json") {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& row : r.rows) {
      nlohmann::json object = nlohmann::json::object();
      for (size_t i = 0; i < r.columns.size(); ++i) object[r.columns[i]] = Json(row[i]);
      if (format == "jsonl") out << object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      else all.push_back(std::move(object));
    }
    if (format == "json") out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return;
  }
  if (format == "csv") {
    for (size_t i = 0; i < r.columns.size(); ++i) out << (i ? "," : "") << CsvField(r.columns[i]);
    out << "\r\n";
    for (const auto& row : r.rows) {
      for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvField(Text(row[i]));
      out << "\r\n";
    }
    return;
  }
  // table
  std::vector<int> widths;
  for (const auto& c : r.columns) widths.push_back(DisplayWidth(c));
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : r.rows) {
    std::vector<std::string> line;
    for (size_t i = 0; i < row.size(); ++i) {
      line.push_back(OneLine(Text(row[i])));
      widths[i] = std::max(widths[i], DisplayWidth(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto print_line = [&](const std::vector<std::string>& line) {
    for (size_t i = 0; i < line.size(); ++i) {
      out << line[i];
      if (i + 1 < line.size()) out << std::string(widths[i] - DisplayWidth(line[i]) + 2, ' ');
    }
    out << "\n";
  };
  print_line(r.columns);
  std::vector<std::string> rule;
  for (int w : widths) rule.push_back(std::string(w, '-'));
  print_line(rule);
  for (const auto& line : cells) print_line(line);
}

}  // namespace pledge::cli
