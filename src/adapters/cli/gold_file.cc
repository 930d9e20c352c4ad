#include "adapters/cli/gold_file.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace storydesk::cli {
namespace {

std::string LabelText(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

Status ReadAssignments(const std::string& path, eval::Clustering& clustering) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kIo, path + ": cannot open");
  std::string line;
  for (int64_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j.contains("story")) {
      return Status::Error(ErrorCode::kInvalidInput,
                           path + ":" + std::to_string(number) + ": expected a JSON object with \"id\" and \"story\"");
    }
    clustering[LabelText(j["id"])] = LabelText(j["story"]);
  }
  return Status::Ok();
}

}  // namespace storydesk::cli
