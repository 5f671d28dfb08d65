// Collect: command-line paths → the files to ingest.
//
// Contract:
//   CollectInputs(paths, options) expands directories recursively (following no symlinked
//   directories, so a link loop cannot trap it), keeps files whose name matches an include
//   glob and no exclude glob (fnmatch), and returns them sorted and de-duplicated. Explicitly
//   named files are always kept, whatever their name. A path that does not exist, a broken
//   symlink or a symlink loop is returned as an input with a problem, so the run records it as
//   quarantined instead of silently skipping it.
#pragma once

#include <string>
#include <vector>

namespace pledge {

struct CollectOptions {
  std::vector<std::string> include{"*.txt", "*.htm", "*.html", "*.md"};
  std::vector<std::string> exclude;
};

struct InputFile {
  std::string path;
  std::string problem;  // non-empty: cannot be read, and why
};

std::vector<InputFile> CollectInputs(const std::vector<std::string>& paths, const CollectOptions& options);

}  // namespace pledge
