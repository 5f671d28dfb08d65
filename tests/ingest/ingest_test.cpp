// pledge ingest end to end, through the binary and through SQL: the golden run on samples/,
// the raw-offset property, idempotence, bad inputs, parallel determinism, the writer lock.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <unicode/translit.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <memory>
#include <set>

#include "ingest/run_lock.h"
#include "pipeline/decode.h"
#include "pipeline/normalize.h"
#include "test_support.h"

using namespace pledge;
namespace fs = std::filesystem;

namespace {

int64_t Count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt64(); }

// Everything the pipeline derived, without run ids and timestamps: two equal dumps mean two
// equal databases for a user.
std::string Dump(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::string out;
  for (const char* sql : {
           "SELECT path, sha256, bytes, encoding, normalized_text, title, source_site, author, published_at, status, "
           "error, pipeline_version FROM documents ORDER BY path",
           "SELECT d.path, e.seq, e.rule, e.raw_start, e.raw_end, e.norm_start, e.norm_end, e.before, e.after "
           "FROM normalization_events e JOIN documents d ON d.id = e.document_id ORDER BY d.path, e.seq",
           "SELECT d.path, s.seq, s.section, s.raw_start, s.raw_end, s.norm_start, s.norm_end, s.text "
           "FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY d.path, s.seq",
           "SELECT path, kind, text, value, low, high, unit, bound, modality, period, raw_start, raw_end, norm_start, norm_end "
           "FROM v_commitments ORDER BY path, norm_start, id"}) {
    SQLite::Statement q(db, sql);
    while (q.executeStep()) {
      for (int i = 0; i < q.getColumnCount(); ++i) out += q.getColumn(i).getString() + "\t";
      out += "\n";
    }
  }
  return out;
}

// The samples/ folder grows; the tests count its files instead of fixing the number.
int SampleCount() {
  int n = 0;
  for (const auto& e : fs::directory_iterator(test::SourcePath("samples"))) n += e.is_regular_file();
  return n;
}

std::string CopySamples(const test::TempDir& dir) {
  std::string samples = dir.Path("samples");
  fs::copy(test::SourcePath("samples"), samples, fs::copy_options::recursive);
  return samples;
}

}  // namespace

TEST_CASE("ingest of samples/ fills every table with offsets that point at the right bytes", "[ingest][golden]") {
  test::TempDir dir;
  std::string db_path = dir.Path("pledge.db");
  auto run = test::RunPledge("ingest --jobs 2 --db '" + db_path + "' '" + test::SourcePath("samples") + "'");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const int n = SampleCount();
  REQUIRE(n >= 6);
  CHECK_THAT(run.out, Catch::Contains(std::to_string(n) + " files seen, " + std::to_string(n) + " loaded, 0 unchanged, 0 quarantined"));
  CHECK_THAT(run.out, Catch::Contains("commitments by kind:"));

  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE status = 'loaded'") == n);
  CHECK(Count(db, "SELECT count(*) FROM normalization_events") > 100);
  CHECK(Count(db, "SELECT count(*) FROM sentences") > 300);
  CHECK(Count(db, "SELECT count(*) FROM commitments") > 90);
  CHECK(Count(db, "SELECT count(*) FROM runs WHERE status = 'finished' AND files_loaded = " + std::to_string(n)) == 1);
  // Every sample named gbk_… is detected as GBK (read as GB18030), and no other.
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE encoding LIKE 'GB18030;%'") ==
        Count(db, "SELECT count(*) FROM documents WHERE path LIKE '%/gbk\\_%' ESCAPE '\\'"));
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE encoding LIKE 'GB18030;%'") >= 3);
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE encoding = 'UTF-16LE; confidence=100'") == 1);
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE author = '落花时节' AND published_at = '2025-04-24' "
                  "AND source_site = 'www.zciku.com' AND title = '某县树立群众观经验交流材料'") == 1);
  CHECK(Count(db, "SELECT count(*) FROM v_commitments WHERE kind = 'duration' AND unit = 'day' AND bound = 'min' "
                  "AND modality = 'obligation' AND value = 15") == 1);
  CHECK(Count(db, "SELECT count(*) FROM commitments WHERE kind = 'money' AND value >= 1e8") >= 5);

  // A Big5 mirror's copy is read as Big5 and converted back to simplified characters.
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE path LIKE '%/big5\\_%' ESCAPE '\\' AND encoding LIKE 'Big5;%' "
                  "AND flags LIKE '%traditional_script%'") == 1);

  // The property: every span's raw bytes are the original bytes of what it shows.
  // A text converted from traditional characters was converted as a whole (the script is the
  // document's, not a span's): a span's own bytes are converted here with the same ICU data.
  UErrorCode icu_status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_simplified(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, icu_status));
  REQUIRE(U_SUCCESS(icu_status));
  auto simplified = [&](const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    to_simplified->transliterate(u);
    std::string out;
    return u.toUTF8String(out);
  };
  SQLite::Statement docs(db, "SELECT id, raw, encoding, flags LIKE '%traditional_script%' FROM documents");
  while (docs.executeStep()) {
    int64_t id = docs.getColumn(0).getInt64();
    auto blob = docs.getColumn(1);
    std::string raw(static_cast<const char*>(blob.getBlob()), blob.getBytes());
    std::string encoding = docs.getColumn(2).getString();
    const bool converted = docs.getColumn(3).getInt() != 0;
    encoding = encoding.substr(0, encoding.find(';'));
    // Decode a raw slice in the document's own encoding (ICU, as the pipeline does).
    auto decode_slice = [&](int64_t b, int64_t e) {
      REQUIRE(0 <= b);
      REQUIRE(b <= e);
      REQUIRE(e <= static_cast<int64_t>(raw.size()));
      std::string bytes = raw.substr(b, e - b), out(bytes.size() * 3 + 8, '\0');
      UErrorCode status = U_ZERO_ERROR;
      int32_t n = ucnv_convert("UTF-8", encoding.c_str(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                               static_cast<int32_t>(bytes.size()), &status);
      REQUIRE(U_SUCCESS(status));
      out.resize(n);
      return out;
    };
    SQLite::Statement events(db, "SELECT raw_start, raw_end, before FROM normalization_events WHERE document_id = ?");
    events.bind(1, id);
    while (events.executeStep()) {
      std::string before = events.getColumn(2).getString();
      if (before.empty()) continue;
      CHECK(decode_slice(events.getColumn(0).getInt64(), events.getColumn(1).getInt64()) == before);
    }
    SQLite::Statement commitments(db, "SELECT raw_start, raw_end, text FROM commitments WHERE document_id = ?");
    commitments.bind(1, id);
    // Some repairs are decided by the text around a span (a lone 2022Äê is 2022年 only in a text
    // that shows GBK read as Latin-1 elsewhere): a UTF-8 span is also read within its line, and
    // then within the whole text (a text's full-width figures are its typography only as a whole).
    auto normalized_within = [&](int64_t b, int64_t e, bool whole_text) {
      size_t line_start = b == 0 ? 0 : raw.rfind('\n', static_cast<size_t>(b - 1));
      line_start = line_start == std::string::npos || whole_text ? 0 : line_start + 1;
      size_t line_end = whole_text ? raw.size() : std::min(raw.find('\n', static_cast<size_t>(e)), raw.size());
      NormalizedText line = NormalizeText(TrackedText::Identity(raw.substr(line_start, line_end - line_start)));
      std::string inside;
      for (size_t i = 0; i < line.text.text.size(); ++i) {
        RawOffset at = line.text.to_raw[i] + static_cast<RawOffset>(line_start);
        if (at >= b && at < e) inside += line.text.text[i];
      }
      return inside;
    };
    while (commitments.executeStep()) {
      int64_t b = commitments.getColumn(0).getInt64(), e = commitments.getColumn(1).getInt64();
      std::string shown = commitments.getColumn(2).getString();
      std::string normalized = NormalizeText(TrackedText::Identity(decode_slice(b, e))).text.text;
      if (converted) normalized = simplified(normalized);
      if (normalized != shown && encoding.starts_with("UTF-8")) normalized = normalized_within(b, e, false);
      if (normalized != shown && encoding.starts_with("UTF-8")) normalized = normalized_within(b, e, true);
      CHECK(normalized == shown);
    }
    SQLite::Statement sentences(db, "SELECT raw_start, raw_end, text FROM sentences WHERE document_id = ? ORDER BY seq");
    sentences.bind(1, id);
    int64_t previous_end = 0;
    while (sentences.executeStep()) {
      int64_t b = sentences.getColumn(0).getInt64(), e = sentences.getColumn(1).getInt64();
      CHECK(b >= previous_end);
      previous_end = e;
      std::string original = decode_slice(b, e);
      // A sentence's raw bytes start with the bytes of its first character.
      std::string text = sentences.getColumn(2).getString();
      std::string normalized_original = NormalizeText(TrackedText::Identity(original)).text.text;
      CHECK(normalized_original.substr(0, 3) == text.substr(0, 3));
    }
  }
}

TEST_CASE("a second run over unchanged files changes nothing", "[ingest]") {
  test::TempDir dir;
  std::string samples = CopySamples(dir), db_path = dir.Path("pledge.db");
  REQUIRE(test::RunPledge("ingest --db '" + db_path + "' '" + samples + "'").exit_code == 0);
  std::string first = Dump(db_path);
  auto again = test::RunPledge("ingest --db '" + db_path + "' '" + samples + "'");
  CHECK(again.exit_code == 0);
  const int n = SampleCount();
  CHECK_THAT(again.out, Catch::Contains(std::to_string(n) + " files seen, 0 loaded, " + std::to_string(n) + " unchanged"));
  CHECK(Dump(db_path) == first);

  // A changed file replaces its document; a removed one stays until --prune.
  test::WriteBytes(samples + "/clean_provincial_report.txt", "新的内容：每年投入不少于5亿元。\n");
  fs::remove(samples + "/utf16_county_report.txt");
  auto changed = test::RunPledge("ingest --db '" + db_path + "' '" + samples + "'");
  CHECK_THAT(changed.out, Catch::Contains(std::to_string(n - 1) + " files seen, 1 loaded, " + std::to_string(n - 2) + " unchanged"));
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  CHECK(Count(db, "SELECT count(*) FROM documents") == n);
  CHECK(Count(db, "SELECT count(*) FROM v_commitments WHERE path LIKE '%clean_provincial_report.txt'") == 1);
  auto pruned = test::RunPledge("ingest --prune --db '" + db_path + "' '" + samples + "'");
  CHECK_THAT(pruned.out, Catch::Contains("pruned: 1"));
  CHECK(Count(db, "SELECT count(*) FROM documents") == n - 1);
}

// The check pairs the sorted inputs with the stored documents in one walk: it must agree with
// SQLite on the order of names whatever their bytes (case, multi-byte, spaces and punctuation),
// and skip stored documents of other folders that fall between them.
TEST_CASE("the unchanged check pairs every file with its stored document whatever its name", "[ingest]") {
  test::TempDir dir;
  const std::vector<std::string> names = {"B.txt", "a.txt", "a b.txt", "a-b.txt", "z.txt", "ä.txt", "中文.txt", "Ｚ.txt"};
  fs::create_directories(dir.Path("in"));
  fs::create_directories(dir.Path("in2"));
  for (size_t k = 0; k < names.size(); ++k) {
    test::WriteBytes(dir.Path("in/" + names[k]), "每年投入不少于" + std::to_string(k + 1) + "亿元。\n");
    test::WriteBytes(dir.Path("in2/" + names[k]), "每年新增就业不少于" + std::to_string(k + 1) + "万人。\n");
  }
  const std::string db_path = dir.Path("pledge.db"), in = dir.Path("in"), in2 = dir.Path("in2");
  REQUIRE(test::RunPledge("ingest --db '" + db_path + "' '" + in2 + "' '" + in + "'").exit_code == 0);
  auto one_folder = test::RunPledge("ingest --db '" + db_path + "' '" + in + "'");
  CHECK_THAT(one_folder.out, Catch::Contains("8 files seen, 0 loaded, 8 unchanged"));
  auto both = test::RunPledge("ingest --db '" + db_path + "' '" + in + "' '" + in2 + "'");
  CHECK_THAT(both.out, Catch::Contains("16 files seen, 0 loaded, 16 unchanged"));
  test::WriteBytes(dir.Path("in/中文.txt"), "每年投入不少于100亿元。\n");
  auto one_changed = test::RunPledge("ingest --db '" + db_path + "' '" + in2 + "' '" + in + "'");
  CHECK_THAT(one_changed.out, Catch::Contains("16 files seen, 1 loaded, 15 unchanged"));
}

// Replacing the document that holds the newest sentences frees their ids; the new sentences must
// not take ids the search index has already passed, or they would never be indexed.
TEST_CASE("a changed document's new sentences are found by search", "[ingest][search]") {
  test::TempDir dir;
  std::string samples = CopySamples(dir), db_path = dir.Path("pledge.db");
  REQUIRE(test::RunPledge("ingest --db '" + db_path + "' '" + samples + "'").exit_code == 0);
  std::string newest;
  {
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    newest = db.execAndGet("SELECT d.path FROM sentences s JOIN documents d ON d.id = s.document_id "
                           "ORDER BY s.id DESC LIMIT 1").getString();
  }
  test::WriteBytes(newest, "新的内容：全县每年投入不少于5亿元用于乡村道路养护工程。\n第二句话说明资金来源和监督办法。\n");
  REQUIRE(test::RunPledge("ingest --db '" + db_path + "' '" + samples + "'").exit_code == 0);
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  CHECK(Count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '乡村道路养护'") == 1);
  CHECK(Count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '资金来源和监督'") == 1);
  // The index holds exactly the sentences table (FTS5 checks it against its content table).
  SQLite::Database writable(db_path, SQLite::OPEN_READWRITE);
  CHECK_NOTHROW(writable.exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)"));
  auto found = test::RunPledge("search --db '" + db_path + "' -f jsonl 乡村道路养护");
  CHECK(found.exit_code == 0);
  CHECK_THAT(found.out, Catch::Contains("5亿元"));
}

TEST_CASE("a space in a search finds the U+3000 a law sets after its article number", "[ingest][search]") {
  test::TempDir dir;
  std::string in = dir.Path("in");
  fs::create_directories(in);
  test::WriteBytes(in + "/law.txt", "某市养犬管理办法\n\xE3\x80\x80\xE3\x80\x80第一条\xE3\x80\x80为了规范养犬行为，制定本办法。\n"
                                    "\xE3\x80\x80\xE3\x80\x80第二条 养犬人每年应当为犬只接种疫苗不少于1次。\n");
  std::string db_path = dir.Path("pledge.db");
  REQUIRE(test::RunPledge("ingest --db '" + db_path + "' '" + in + "'").exit_code == 0);
  for (std::string query : {"'第一条 为了规范'", "'第一条\xE3\x80\x80为了规范'", "'条 为'"}) {
    INFO(query);
    auto found = test::RunPledge("search --db '" + db_path + "' -f jsonl " + query);
    CHECK(found.exit_code == 0);
    CHECK_THAT(found.out, Catch::Contains("规范养犬行为"));
  }
  // And a U+3000 typed in the query finds an ASCII space.
  auto found = test::RunPledge("search --db '" + db_path + "' -f jsonl '第二条\xE3\x80\x80养犬人'");
  CHECK_THAT(found.out, Catch::Contains("接种疫苗"));
}

TEST_CASE("the number of jobs does not change the result", "[ingest]") {
  test::TempDir dir;
  std::string samples = CopySamples(dir);
  REQUIRE(test::RunPledge("ingest --jobs 1 --db '" + dir.Path("one.db") + "' '" + samples + "'").exit_code == 0);
  REQUIRE(test::RunPledge("ingest --jobs 4 --db '" + dir.Path("four.db") + "' '" + samples + "'").exit_code == 0);
  CHECK(Dump(dir.Path("one.db")) == Dump(dir.Path("four.db")));
}

TEST_CASE("bad inputs are quarantined with a reason and the run goes on", "[ingest][quarantine]") {
  test::TempDir dir;
  std::string in = dir.Path("in");
  fs::create_directories(in);
  fs::copy(test::SourcePath("samples/gbk_rural_plan.txt"), in + "/good_gbk.txt");
  fs::copy(test::SourcePath("samples/clean_provincial_report.txt"), in + "/good.txt");
  test::WriteBytes(in + "/empty.txt", "");
  test::WriteBytes(in + "/binary.txt", std::string("\x7F" "ELF\x02\x01\x01\x00\x00\x00\x00\x00", 12) + std::string(500, '\x03'));
  std::string truncated = "每年投入不少于5亿元，确保完成任务";
  truncated.pop_back();
  test::WriteBytes(in + "/truncated.txt", truncated);
  test::WriteBytes(in + "/huge.txt", std::string(5000, 'x'));
  fs::create_symlink("loop_b.txt", in + "/loop_a.txt");
  fs::create_symlink("loop_a.txt", in + "/loop_b.txt");
  fs::create_symlink("missing.txt", in + "/broken.txt");
  REQUIRE(mkfifo((in + "/pipe.txt").c_str(), 0600) == 0);  // a named pipe: nothing to read
  fs::create_symlink("/dev/zero", in + "/zero.txt");       // a device: no end to read

  std::string db_path = dir.Path("p.db");
  auto run = test::RunPledge("ingest --max-bytes 4000 --db '" + db_path + "' '" + in + "'");
  CHECK(run.exit_code == 3);
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE status = 'loaded'") == 2);
  auto reason = [&](const std::string& name) {
    SQLite::Statement q(db, "SELECT error FROM documents WHERE path = ? AND status = 'quarantined'");
    q.bind(1, in + "/" + name);
    return q.executeStep() ? q.getColumn(0).getString() : std::string("<not quarantined>");
  };
  CHECK(reason("empty.txt") == "empty file");
  CHECK_THAT(reason("binary.txt"), Catch::Contains("binary file"));
  CHECK_THAT(reason("truncated.txt"), Catch::Contains("invalid UTF-8"));
  CHECK_THAT(reason("huge.txt"), Catch::Contains("too large"));
  CHECK_THAT(reason("loop_a.txt"), Catch::Contains("symlink loop"));
  CHECK_THAT(reason("broken.txt"), Catch::Contains("broken symlink"));
  // The summary names each file and its reason.
  CHECK_THAT(run.out, Catch::Contains("quarantined: " + in + "/empty.txt: empty file"));
  CHECK(Count(db, "SELECT files_quarantined FROM runs") == 9);
  CHECK(reason("pipe.txt") == "not a regular file");
  CHECK(reason("zero.txt") == "not a regular file");

  // The next night's run over the same folder: hashing the pipe would wait for a writer forever,
  // and hashing the device would never reach an end. `timeout` exits 124 if it hangs.
  std::string again = std::string("timeout 60 '") + PLEDGE_BINARY + "' ingest -q --max-bytes 4000 --db '" + db_path +
                      "' '" + in + "' >/dev/null 2>&1 </dev/null";
  int status = std::system(again.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 3);
  // Unchanged: the two loaded files, and the three refused for their bytes (empty, binary,
  // truncated), which the same bytes would refuse again. What could not be read is tried again.
  CHECK(Count(db, "SELECT files_unchanged FROM runs WHERE id = 2") == 5);
  CHECK(Count(db, "SELECT files_quarantined FROM runs WHERE id = 2") == 6);
}

TEST_CASE("one writer: a second run waits, then gives up with exit code 4", "[ingest][lock]") {
  test::TempDir dir;
  std::string db_path = dir.Path("p.db");
  auto lock = RunLock::Acquire(db_path, 0);
  REQUIRE(lock);
  auto run = test::RunPledge("ingest --wait 0.3 --db '" + db_path + "' '" + test::SourcePath("samples") + "'");
  CHECK(run.exit_code == 4);
  CHECK_THAT(run.err, Catch::Contains("another pledge run holds"));
}

TEST_CASE("paths can come from standard input", "[ingest]") {
  test::TempDir dir;
  test::WriteBytes(dir.Path("list"), test::SourcePath("samples/gbk_rural_plan.txt") + "\n");
  auto run = test::RunPledge("ingest --db '" + dir.Path("p.db") + "' -", dir.Path("list"));
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("1 files seen, 1 loaded"));
}

TEST_CASE("include and exclude globs choose the files taken from directories", "[ingest]") {
  test::TempDir dir;
  std::string in = dir.Path("in");
  fs::create_directories(in + "/sub");
  test::WriteBytes(in + "/a.txt", "每年投入不少于5亿元。\n");
  test::WriteBytes(in + "/sub/b.txt", "力争增长5%。\n");
  test::WriteBytes(in + "/c.md", "不得少于15天。\n");
  test::WriteBytes(in + "/d.csv", "1,2,3\n");
  test::WriteBytes(in + "/skip_me.txt", "不少于3个月。\n");
  auto defaults = test::RunPledge("ingest --db '" + dir.Path("one.db") + "' '" + in + "'");
  CHECK_THAT(defaults.out, Catch::Contains("4 files seen"));  // *.txt *.htm *.html *.md, recursively
  auto chosen = test::RunPledge("ingest --db '" + dir.Path("two.db") + "' --include '*.txt' --exclude 'skip_*' '" + in + "'");
  CHECK_THAT(chosen.out, Catch::Contains("2 files seen, 2 loaded"));
  SQLite::Database db(dir.Path("two.db"), SQLite::OPEN_READONLY);
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE path LIKE '%skip_me.txt' OR path LIKE '%.md'") == 0);
}
