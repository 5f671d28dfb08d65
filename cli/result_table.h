// Printing query results the way sqlite3 and sqlite-utils users expect.
//
// Contract:
//   ReadResult(statement) runs a prepared statement to the end and keeps its columns and rows
//   (NULL stays distinct from ""). PrintResult writes them as
//     table  aligned columns; East Asian wide and full-width characters count as two columns
//            (ICU's East_Asian_Width property), so Chinese text lines up in a terminal
//     csv    RFC 4180 with a header row
//     json   one array of objects      jsonl  one object per line
//   DefaultFormat() is table on a terminal and jsonl otherwise.
#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace pledge::cli {

using Cell = std::variant<std::monostate, int64_t, double, std::string>;

struct ResultSet {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

ResultSet ReadResult(SQLite::Statement& statement);
void PrintResult(const ResultSet& result, const std::string& format, std::ostream& out);
std::string DefaultFormat();
int DisplayWidth(const std::string& utf8);
// The formats --format accepts, for CLI11's check.
const std::vector<std::string>& Formats();

}  // namespace pledge::cli
