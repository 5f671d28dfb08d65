#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "pipeline/process_document.h"

namespace pledge::cli {

std::string ReadTextInput(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path + ": cannot open for reading");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

namespace {

nlohmann::json OptionalNumber(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }
nlohmann::json OptionalText(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

}  // namespace

// Processes each input (stdin when none) and calls emit(doc); returns the exit code.
int ForEachInput(const std::vector<std::string>& files, const std::function<void(const ProcessedDocument&)>& emit) {
  std::vector<std::string> inputs = files.empty() ? std::vector<std::string>{"-"} : files;
  int code = kOk;
  for (const auto& path : inputs) {
    ProcessedDocument doc = ProcessDocument(path, ReadTextInput(path));
    if (doc.status != ProcessedDocument::Status::Loaded) {
      std::cerr << "pledge: " << path << ": " << doc.error << "\n";
      code = kQuarantined;
      continue;
    }
    emit(doc);
  }
  return code;
}

Runner SetupExtract(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("files", *files, "Input files; standard input when none");
  app.footer("Prints one JSON object per commitment: source, start, end (byte offsets into the input as read), "
             "text, kind, value, low, high, unit, bound, modality, period, sentence.");
  return [files] {
    return ForEachInput(*files, [](const ProcessedDocument& doc) {
      for (const auto& c : doc.commitments) {
        const Quantity& q = c.quantity;
        nlohmann::json line = {
            {"source", doc.path}, {"start", c.raw_start}, {"end", c.raw_end}, {"text", q.text},
            {"kind", q.kind}, {"value", OptionalNumber(q.value)}, {"low", OptionalNumber(q.low)},
            {"high", OptionalNumber(q.high)}, {"unit", OptionalText(q.unit)}, {"bound", OptionalText(q.bound)},
            {"modality", OptionalText(q.modality)}, {"period", OptionalText(q.period)},
            {"sentence", doc.sentences[c.sentence_index].text}};
        std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    });
  };
}

}  // namespace pledge::cli
