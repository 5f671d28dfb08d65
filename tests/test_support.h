// Helpers shared by the tests: paths into the source tree, files, temporary directories and
// running the pledge binary.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <sys/wait.h>

namespace pledge::test {

inline std::string SourcePath(const std::string& relative) { return std::string(PLEDGE_SOURCE_DIR) + "/" + relative; }

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("pledge-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Path(const std::string& name = "") const { return name.empty() ? path_.string() : (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `args` (a shell-quoted argument string) with the built pledge binary.
inline CommandResult RunPledge(const std::string& args, const std::string& stdin_file = "", const std::string& cwd = "") {
  TempDir tmp;
  std::string command = (cwd.empty() ? "" : "cd '" + cwd + "' && ") + std::string("'") + PLEDGE_BINARY + "' " + args + " >" + tmp.Path("out") + " 2>" + tmp.Path("err");
  if (!stdin_file.empty()) command += " <" + stdin_file;
  else command += " </dev/null";
  int status = std::system(command.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadBytes(tmp.Path("out"));
  r.err = ReadBytes(tmp.Path("err"));
  return r;
}

}  // namespace pledge::test
