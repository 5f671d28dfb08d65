#include <catch2/catch.hpp>

#include "pipeline/read_file.h"
#include "test_support.h"

using namespace pledge;

TEST_CASE("a file's hash read in chunks is the hash of its bytes", "[read]") {
  test::TempDir dir;
  // Larger than one chunk, so the digest spans several reads.
  std::string bytes;
  for (int i = 0; bytes.size() < (600u << 10); ++i) bytes += "第" + std::to_string(i) + "条，投入资金1000万元。\n";
  test::WriteBytes(dir.Path("big.txt"), bytes);
  auto digest = Sha256OfFile(dir.Path("big.txt"));
  REQUIRE(digest);
  CHECK(digest->sha256 == Sha256Hex(bytes));
  CHECK(digest->size == bytes.size());

  test::WriteBytes(dir.Path("empty.txt"), "");
  auto empty = Sha256OfFile(dir.Path("empty.txt"));
  REQUIRE(empty);
  CHECK(empty->sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK_FALSE(Sha256OfFile(dir.Path("missing.txt")));
}

TEST_CASE("ReadInput names what is wrong with a file", "[read]") {
  test::TempDir dir;
  test::WriteBytes(dir.Path("a.txt"), "abc");
  auto ok = ReadInput(dir.Path("a.txt"), 100);
  CHECK(ok.ok);
  CHECK(ok.bytes == "abc");
  auto large = ReadInput(dir.Path("a.txt"), 2);
  CHECK_FALSE(large.ok);
  CHECK(large.error.find("too large") == 0);
  CHECK(ReadInput(dir.Path(), 100).error == "is a directory");
  CHECK(ReadInput(dir.Path("missing.txt"), 100).error.find("cannot read") == 0);
}
