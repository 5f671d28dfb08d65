// Read: a path → its bytes, or the reason it cannot be read.
//
// Contract:
//   ReadInput(path, max_bytes) never throws for a per-file problem (missing, unreadable, a
//   directory, a broken or looping symlink, larger than max_bytes): it returns ok == false with
//   a reason that names the problem. The bytes are exactly the file's; nothing is decoded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pledge {

struct FileBytes {
  bool ok = false;
  std::string error;
  std::string bytes;
  uint64_t size = 0;  // the file's size, also when it was too large to read
};

FileBytes ReadInput(const std::string& path, uint64_t max_bytes);

// Hex SHA-256 of bytes (OpenSSL): documents.sha256 and migration checksums.
std::string Sha256Hex(std::string_view bytes);

// The SHA-256 of a file's bytes, read in small chunks and kept nowhere: the check that an
// unchanged file needs no work, without holding (or zero-filling) the whole file in memory.
// nullopt when the file cannot be read or is no regular file; ReadInput then says why.
struct FileDigest {
  std::string sha256;
  uint64_t size = 0;
};
std::optional<FileDigest> Sha256OfFile(const std::string& path);

}  // namespace pledge
