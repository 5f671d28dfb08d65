#include "pipeline/collect_inputs.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace pledge {
namespace fs = std::filesystem;

namespace {

bool Matches(const std::vector<std::string>& globs, const std::string& name) {
  for (const auto& g : globs)
    if (fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

}  // namespace

std::vector<InputFile> CollectInputs(const std::vector<std::string>& paths, const CollectOptions& options) {
  std::vector<InputFile> found;
  auto wanted = [&](const fs::path& p) {
    std::string name = p.filename().string();
    return Matches(options.include, name) && !Matches(options.exclude, name);
  };
  for (const auto& arg : paths) {
    std::error_code ec;
    fs::file_status link_status = fs::symlink_status(arg, ec);
    if (ec || !fs::exists(link_status)) {
      found.push_back({arg, "no such file or directory"});
      continue;
    }
    fs::file_status status = fs::status(arg, ec);
    if (!fs::is_directory(status)) {
      found.push_back({arg, ""});  // named explicitly: always read; a broken link fails in ReadInput
      continue;
    }
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      found.push_back({arg, "cannot list directory: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        found.push_back({it->path().string(), "cannot list: " + ec.message()});
        ec.clear();
        continue;
      }
      const fs::directory_entry& entry = *it;
      std::error_code type_error;
      if (entry.is_directory(type_error)) continue;  // symlinked directories are not followed
      if (!wanted(entry.path())) continue;
      if (entry.is_symlink(type_error) && !fs::exists(entry.path(), type_error)) {
        found.push_back({entry.path().string(), ""});  // broken or looping: ReadInput names it
        continue;
      }
      found.push_back({entry.path().string(), ""});
    }
  }
  std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  found.erase(std::unique(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path == b.path; }),
              found.end());
  return found;
}

}  // namespace pledge
