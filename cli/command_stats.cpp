// pledge stats: what is in the database at a glance.
#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/result_table.h"

namespace pledge::cli {

Runner SetupStats(CLI::App& app) {
  auto db_path = std::make_shared<std::string>("pledge.db");
  auto format = std::make_shared<std::string>();
  AddDbOption(app, *db_path);
  AddFormatOption(app, *format);
  return [db_path, format] {
    auto db = OpenForReading(*db_path);
    const std::vector<std::pair<std::string, std::string>> sections = {
        {"documents by status", "SELECT status, count(*) AS documents, sum(bytes) AS bytes FROM documents GROUP BY status ORDER BY status"},
        {"commitments by kind", "SELECT kind, count(*) AS commitments FROM commitments GROUP BY kind ORDER BY commitments DESC, kind"},
        {"commitments by modality", "SELECT coalesce(modality, '(unclear)') AS modality, count(*) AS commitments FROM commitments "
                                    "GROUP BY modality ORDER BY commitments DESC, modality"},
        {"last runs", "SELECT id, started_at, status, files_seen, files_loaded, files_unchanged, files_quarantined, "
                      "commitments, seconds, mb_per_s FROM v_runs ORDER BY id DESC LIMIT 5"},
    };
    std::string chosen = format->empty() ? DefaultFormat() : *format;
    nlohmann::json all = nlohmann::json::object();
    for (const auto& [title, sql] : sections) {
      SQLite::Statement st(db, sql);
      ResultSet result = ReadResult(st);
      if (chosen == "table" || chosen == "csv") {
        std::cout << (chosen == "table" ? "## " : "# ") << title << "\n";
        PrintResult(result, chosen, std::cout);
        std::cout << "\n";
      } else {
        std::ostringstream rows;
        PrintResult(result, "json", rows);
        all[title] = nlohmann::json::parse(rows.str());
      }
    }
    if (chosen == "json") std::cout << all.dump(2) << "\n";
    if (chosen == "jsonl")
      for (auto& [title, rows] : all.items())
        for (auto& row : rows) {
          row["section"] = title;
          std::cout << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        }
    return static_cast<int>(kOk);
  };
}

}  // namespace pledge::cli
