#include "adapters/cli/json_lines_file.h"

#include <fstream>

namespace storydesk::cli {

Status ForEachJsonLine(const std::string& path, const std::string& what,
                       const std::function<Status(size_t number, const nlohmann::json& value)>& visit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kIo, path + ": cannot open" + (what.empty() ? "" : " the " + what));
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (Status s = visit(number, nlohmann::json::parse(line, nullptr, false)); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace storydesk::cli
