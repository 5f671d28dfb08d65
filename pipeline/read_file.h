// Read: a path → its bytes, or the reason it cannot be read.
//
// Contract:
//   ReadInput(path, max_bytes) never throws for a per-file problem (missing, unreadable, a
//   directory, a broken or looping symlink, larger than max_bytes): it returns ok == false with
//   a reason that names the problem. The bytes are exactly the file's; nothing is decoded.
#pragma once

#include <cstdint>
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

}  // namespace pledge
