#include "adapters/wordnet/wordnet_files.h"

#include <fstream>
#include <sstream>

namespace storydesk::wordnet {

Status NotInstalled(const std::filesystem::path& missing) {
  return Status::Error(ErrorCode::kIo,
                       "WordNet not installed: apt-get install wordnet-base (cannot read " + missing.string() + ")");
}

bool ReadWholeFile(const std::filesystem::path& path, std::string* contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return false;
  *contents = std::move(buffer).str();
  return true;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

}  // namespace storydesk::wordnet
