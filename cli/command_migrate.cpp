#include <iostream>

#include "cli/commands.h"
#include "schema/database.h"
#include "schema/migrations.h"

namespace pledge::cli {

Runner SetupMigrate(CLI::App& app) {
  auto db_path = std::make_shared<std::string>("pledge.db");
  AddDbOption(app, *db_path);
  return [db_path] {
    auto db = OpenDatabase(*db_path);
    SQLite::Statement versions(db, "SELECT version, name FROM schema_migrations ORDER BY version");
    while (versions.executeStep())
      std::cout << "migration " << versions.getColumn(0).getInt() << " " << versions.getColumn(1).getString() << "\n";
    return static_cast<int>(kOk);
  };
}

}  // namespace pledge::cli
