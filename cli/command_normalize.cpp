#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "pipeline/process_document.h"

namespace pledge::cli {

int ForEachInput(const std::vector<std::string>& files, const std::function<void(const ProcessedDocument&)>& emit);

Runner SetupNormalize(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto events = std::make_shared<bool>(false);
  app.add_option("files", *files, "Input files; standard input when none");
  app.add_flag("--events", *events,
               "Print the fixes as JSON lines (source, rule, raw_start, raw_end, norm_start, norm_end, before, after) "
               "instead of the text");
  return [files, events] {
    return ForEachInput(*files, [&](const ProcessedDocument& doc) {
      if (!*events) {
        std::cout << doc.normalized.text.text;
        return;
      }
      for (const Fix& f : doc.normalized.fixes) {
        nlohmann::json line = {{"source", doc.path}, {"rule", f.rule}, {"raw_start", f.raw_start},
                               {"raw_end", f.raw_end}, {"norm_start", f.norm_start}, {"norm_end", f.norm_end},
                               {"before", f.before}, {"after", f.after}};
        std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    });
  };
}

}  // namespace pledge::cli
