// pledge search: full-text search over sentences (SQLite FTS5, trigram tokenizer: Chinese has
// no spaces to tokenize on), each hit with the commitments found in it. Queries shorter than
// three characters cannot use trigrams and fall back to a LIKE scan.
#include <SQLiteCpp/SQLiteCpp.h>
#include <re2/re2.h>

#include "cli/commands.h"
#include "pipeline/unicode_util.h"

namespace pledge::cli {
namespace {

struct SearchArgs {
  std::string db = "pledge.db", text, format;
  int limit = 50;
};

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) Utf8At(s, i, &i);
  return n;
}

// `text` with every space, ASCII or U+3000, written as `space` (which holds no backslash).
std::string ReplaceSpaces(std::string text, const std::string& space) {
  static const RE2 any_space("[ \\x{3000}]");
  RE2::GlobalReplace(&text, any_space, space);
  return text;
}

// An FTS5 phrase of `text`: quotes doubled, so FTS5 syntax in the text is just text.
std::string Phrase(const std::string& text) {
  std::string phrase = "\"";
  for (char c : text) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
  return phrase + "\"";
}

}  // namespace

Runner SetupSearch(CLI::App& app) {
  auto a = std::make_shared<SearchArgs>();
  AddDbOption(app, a->db);
  app.add_option("text", a->text, "text to find (a phrase)")->required();
  app.add_option("--limit", a->limit, "at most this many sentences")->capture_default_str();
  AddFormatOption(app, a->format);
  return [a] {
    auto db = OpenForReading(a->db);
    const std::string columns =
        "SELECT s.id AS sentence_id, d.path, s.section, s.text AS sentence, "
        "(SELECT group_concat(c.kind || ':' || c.text, ' | ') FROM commitments c WHERE c.sentence_id = s.id) AS commitments ";
    bool full_text = CodePoints(a->text) >= 3;
    std::string sql = full_text
        ? columns + "FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id "
                    "WHERE sentences_fts MATCH :q ORDER BY f.rank, s.id LIMIT :limit"
        : columns + "FROM sentences s JOIN documents d ON d.id = s.document_id "
                    "WHERE instr(s.text, :q) > 0 OR instr(s.text, :q_ideographic) > 0 ORDER BY d.path, s.seq LIMIT :limit";
    // A space typed in the query also finds the U+3000 that Chinese typography puts there and
    // normalization keeps (第一条 为了 finds 第一条　为了), and the other way round.
    std::string ascii = ReplaceSpaces(a->text, " "), ideographic = ReplaceSpaces(a->text, "\xE3\x80\x80");
    std::string query = ascii;
    if (full_text) {  // a phrase: quotes doubled, so FTS5 syntax in the text is just text
      query = Phrase(ascii);
      if (ideographic != ascii) query += " OR " + Phrase(ideographic);
    }
    return RunAndPrint(db, sql, [&](SQLite::Statement& st) {
      st.bind(":q", query);
      if (!full_text) st.bind(":q_ideographic", ideographic);
      st.bind(":limit", a->limit);
    }, a->format);
  };
}

}  // namespace pledge::cli
