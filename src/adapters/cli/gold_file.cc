#include "adapters/cli/gold_file.h"

#include <nlohmann/json.hpp>

#include "adapters/cli/json_lines_file.h"

namespace storydesk::cli {
namespace {

std::string LabelText(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

Status ReadAssignments(const std::string& path, eval::Clustering& clustering, const std::string& field) {
  return ForEachJsonLine(path, "", [&](size_t number, const nlohmann::json& j) -> Status {
    if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j.contains(field)) {
      return Status::Error(ErrorCode::kInvalidInput, path + ":" + std::to_string(number) +
                                                         ": expected a JSON object with \"id\" and \"" + field + "\"");
    }
    clustering[LabelText(j["id"])] = LabelText(j[field]);
    return Status::Ok();
  });
}

}  // namespace storydesk::cli
