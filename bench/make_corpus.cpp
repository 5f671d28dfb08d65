// Writes a realistic corpus for the benchmarks: thousands of documents made by varying the
// paragraphs of samples/ — their order, their numbers, the damage in them (ASCII punctuation,
// full-width digits, hard wraps, entities, reversed quotes) and their encoding (UTF-8, GBK,
// some as HTML) — so that no two documents are the same file.
//
//   build/bench/pledge_make_corpus OUT_DIR SIZE_MB [SEED]
#include <unicode/ucnv.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "pipeline/unicode_util.h"

namespace fs = std::filesystem;

namespace {

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string ToGbk(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return utf8;
  out.resize(n);
  return out;
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to, std::mt19937& rng, double p) {
  std::bernoulli_distribution take(p);
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
    if (!take(rng)) continue;
    s.replace(at, from.size(), to);
    at += to.size() - 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT_DIR SIZE_MB [SEED]\n", argv[0]);
    return 1;
  }
  fs::path out_dir = argv[1];
  double target = std::atof(argv[2]) * 1e6;
  std::mt19937 rng(argc > 3 ? std::atoi(argv[3]) : 42);

  // Paragraphs of every UTF-8 text sample (the GBK/UTF-16/HTML ones are re-made below).
  std::vector<std::string> paragraphs;
  for (const auto& e : fs::directory_iterator(PLEDGE_SOURCE_DIR "/samples")) {
    std::string text = Read(e.path());
    if (e.path().extension() != ".txt" || text.rfind("\xFF\xFE", 0) == 0) continue;
    if (e.path().filename().string().find("gbk") != std::string::npos) continue;
    // A sample in another charset (Big5) would put its bytes among UTF-8 lines: a file no
    // decoder reads, quarantined rather than measured.
    if (pledge::FirstInvalidUtf8(text) != std::string_view::npos) continue;
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (line.size() > 30) paragraphs.push_back(line);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  fs::create_directories(out_dir);
  std::uniform_int_distribution<size_t> pick(0, paragraphs.size() - 1);
  std::uniform_int_distribution<int> digit(0, 9), count(20, 120), kind(0, 9);
  double written = 0;
  int docs = 0;
  while (written < target) {
    std::string body = "某地" + std::to_string(2000 + docs % 30) + "年工作报告（第" + std::to_string(docs) + "号）\n";
    for (int n = count(rng); n > 0; --n) {
      std::string p = paragraphs[pick(rng)];
      for (char& c : p)  // vary the numbers
        if (c >= '0' && c <= '9' && digit(rng) < 5) c = static_cast<char>('0' + digit(rng));
      body += p + "\n";
    }
    int k = kind(rng);
    // Damage, as scraped pages have it.
    if (k % 3 == 0) { ReplaceAll(body, "，", ",", rng, 0.8); ReplaceAll(body, "。", ".", rng, 0.8); }
    if (k % 4 == 1) { ReplaceAll(body, "“", "”", rng, 0.5); ReplaceAll(body, "置", "臵", rng, 1.0); }
    if (k % 5 == 2) { ReplaceAll(body, "2", "\xEF\xBC\x92", rng, 0.5); ReplaceAll(body, "》", "%26gt;", rng, 1.0); }
    if (k % 4 == 3) ReplaceAll(body, "群众", "群\n众", rng, 0.3);
    std::string bytes, name = "doc" + std::to_string(docs);
    if (k == 9) {
      bytes = "<!DOCTYPE html><html><head><title>报告" + std::to_string(docs) + "</title><script>var a=1;</script></head><body>";
      size_t start = 0;
      while (start < body.size()) {
        size_t nl = body.find('\n', start);
        bytes += "<p>" + body.substr(start, nl - start) + "</p>\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
      bytes += "</body></html>\n";
      name += ".html";
    } else if (k == 8) {
      bytes = ToGbk(body);
      name += ".txt";
    } else {
      bytes = body;
      name += ".txt";
    }
    fs::path dir = out_dir / ("batch" + std::to_string(docs / 500));
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << bytes;
    written += bytes.size();
    ++docs;
  }
  std::printf("%d documents, %.1f MB in %s\n", docs, written / 1e6, out_dir.c_str());
  return 0;
}
