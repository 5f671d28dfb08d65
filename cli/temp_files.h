// Temporary files that disappear with the object (for handing texts to diff(1)).
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace pledge::cli {

class TempFiles {
 public:
  TempFiles() = default;
  TempFiles(const TempFiles&) = delete;
  TempFiles& operator=(const TempFiles&) = delete;
  ~TempFiles() {
    for (const auto& p : paths_) unlink(p.c_str());
  }
  std::string Write(const std::string& tag, const std::string& content) {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/pledge-" + tag + "-XXXXXX";
    int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file");
    close(fd);
    paths_.push_back(pattern);
    std::ofstream(pattern, std::ios::binary) << content;
    return pattern;
  }

 private:
  std::vector<std::string> paths_;
};

}  // namespace pledge::cli
