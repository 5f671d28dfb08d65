// pledge audit: the normalization log, readable. Every fix with its rule, raw byte span,
// before → after and a little normalized context; --stats counts per rule per document;
// --diff shows the decoded original against the normalized text as a unified diff.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/result_table.h"
#include "pipeline/decode.h"
#include "pipeline/unicode_util.h"
#include "cli/temp_files.h"

namespace pledge::cli {
namespace {

struct AuditArgs {
  std::string db = "pledge.db", doc, rule, format, diff;
  bool stats = false;
};

// Up to `chars` characters of `text` before byte `from` / after byte `to`.
std::string Context(const std::string& text, size_t from, size_t to, const std::string& shown, int chars = 8) {
  size_t b = std::min(from, text.size()), e = std::min(to, text.size());
  for (int k = 0; k < chars && b > 0; ++k) Utf8Before(text, b, &b);
  for (int k = 0; k < chars && e < text.size(); ++k) Utf8At(text, e, &e);
  std::string left = text.substr(b, std::min(from, text.size()) - b), right = text.substr(std::min(to, text.size()), e - std::min(to, text.size()));
  return left + "[" + shown + "]" + right;
}

int PrintDiff(SQLite::Database& db, const std::string& doc) {
  SQLite::Statement q(db, "SELECT path, raw, normalized_text FROM documents WHERE status = 'loaded'" + DocFilter(doc, "path") +
                              " ORDER BY path");
  q.bind(":doc", doc);
  std::vector<std::tuple<std::string, std::string, std::string>> found;
  while (q.executeStep()) {
    auto blob = q.getColumn(1);
    found.emplace_back(q.getColumn(0).getString(), std::string(static_cast<const char*>(blob.getBlob()), blob.getBytes()),
                       q.getColumn(2).getString());
  }
  if (found.size() != 1)
    throw UsageError("--diff wants exactly one loaded document; '" + doc + "' matches " + std::to_string(found.size()));
  auto& [path, raw, normalized] = found[0];
  TempFiles files;
  std::string original = files.Write("raw", DecodeBytes(raw).text.text), after = files.Write("normalized", normalized);
  // diff(1) from diffutils (essential on Debian) computes the unified diff.
  std::string command = "diff -u --label '" + path + " (decoded)' --label '" + path + " (normalized)' '" + original + "' '" +
                        after + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run diff");
  char buffer[65536];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) std::cout.write(buffer, n);
  int status = pclose(pipe);
  if (status == -1 || WEXITSTATUS(status) > 1) throw std::runtime_error("diff failed");
  return kOk;
}

}  // namespace

Runner SetupAudit(CLI::App& app) {
  auto a = std::make_shared<AuditArgs>();
  AddDbOption(app, a->db);
  app.add_option("doc", a->doc, "document path: a glob (*seed*) or a substring; all documents when omitted");
  app.add_option("--rule", a->rule, "only fixes made by this rule (url_entity, quotes, hard_wrap …)");
  app.add_flag("--stats", a->stats, "counts per rule per document instead of the fixes");
  app.add_option("--diff", a->diff, "unified diff of one document's decoded original against its normalized text");
  AddFormatOption(app, a->format);
  return [a] {
    auto db = OpenForReading(a->db);
    if (!a->diff.empty()) return PrintDiff(db, a->diff);
    if (a->stats) {
      std::string sql = "SELECT path, rule, count(*) AS fixes FROM v_audit WHERE 1 = 1" + DocFilter(a->doc, "path") +
                        (a->rule.empty() ? "" : " AND rule = :rule") + " GROUP BY path, rule ORDER BY path, fixes DESC, rule";
      return RunAndPrint(db, sql, [&](SQLite::Statement& st) {
        if (!a->doc.empty()) st.bind(":doc", a->doc);
        if (!a->rule.empty()) st.bind(":rule", a->rule);
      }, a->format);
    }
    std::string sql =
        "SELECT e.path, e.seq, e.rule, e.raw_start, e.raw_end, e.before, e.after, e.norm_start, e.norm_end, "
        "d.normalized_text FROM v_audit e JOIN documents d ON d.id = e.document_id WHERE 1 = 1" +
        DocFilter(a->doc, "e.path") + (a->rule.empty() ? "" : " AND e.rule = :rule") + " ORDER BY e.path, e.seq";
    SQLite::Statement st(db, sql);
    if (!a->doc.empty()) st.bind(":doc", a->doc);
    if (!a->rule.empty()) st.bind(":rule", a->rule);
    ResultSet result;
    result.columns = {"path", "seq", "rule", "raw_start", "raw_end", "before", "after", "context"};
    while (st.executeStep()) {
      std::string text = st.getColumn(9).getString(), after = st.getColumn(6).getString();
      auto norm_start = static_cast<size_t>(st.getColumn(7).getInt64()), norm_end = static_cast<size_t>(st.getColumn(8).getInt64());
      result.rows.push_back({st.getColumn(0).getString(), st.getColumn(1).getInt64(), st.getColumn(2).getString(),
                             st.getColumn(3).getInt64(), st.getColumn(4).getInt64(), st.getColumn(5).getString(), after,
                             Context(text, norm_start, norm_end, text.substr(std::min(norm_start, text.size()),
                                                                             norm_end - std::min(norm_start, norm_end)))});
    }
    PrintResult(result, a->format.empty() ? DefaultFormat() : a->format, std::cout);
    return static_cast<int>(kOk);
  };
}

}  // namespace pledge::cli
