#include "adapters/http/correction_request.h"

#include <nlohmann/json.hpp>
#include <set>

#include "adapters/read/text_checks.h"

namespace storydesk::http {

using json = nlohmann::json;

constexpr const char* kKinds = "\"kind\": expected \"move\", \"split\", \"merge\" or \"move-event\"";

std::variant<service::CorrectionRequest, std::string> ParseCorrectionRequest(std::string_view body) {
  json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return std::string("the body is not JSON");
  if (!doc.is_object()) return std::string("the body must be one JSON object");
  service::CorrectionRequest request;
  const json* kind = doc.contains("kind") ? &doc["kind"] : nullptr;
  if (kind == nullptr || !kind->is_string()) return std::string(kKinds);
  std::set<std::string> allowed = {"kind", "by", "note"};
  const std::string k = kind->get<std::string>();
  if (k == "move") {
    request.kind = store::CorrectionKind::kMove;
    allowed.insert({"articles", "to"});
  } else if (k == "split") {
    request.kind = store::CorrectionKind::kSplit;
    allowed.insert({"articles", "story"});
  } else if (k == "merge") {
    request.kind = store::CorrectionKind::kMerge;
    allowed.insert({"story", "into"});
  } else if (k == "move-event") {
    request.kind = store::CorrectionKind::kMoveEvent;
    allowed.insert({"story", "storyline"});
  } else {
    return std::string(kKinds);
  }
  for (const auto& [name, value] : doc.items()) {
    if (!allowed.contains(name)) return "\"" + read::OneLine(name, 60) + "\" is not a member of a " + k + " correction";
  }
  auto story_id = [&](const char* name, int64_t* out) -> std::string {
    if (!doc.contains(name)) return std::string("\"") + name + "\": required for a " + k + " correction";
    const json& v = doc[name];
    if (!v.is_number_integer() || v.get<int64_t>() <= 0) {
      return std::string("\"") + name + "\": expected a story id (a positive whole number)";
    }
    *out = v.get<int64_t>();
    return "";
  };
  if (allowed.contains("articles")) {
    if (!doc.contains("articles") || !doc["articles"].is_array() || doc["articles"].empty()) {
      return std::string("\"articles\": expected a non-empty array of article ids");
    }
    if (doc["articles"].size() > service::kMaxCorrectionArticles) {
      return "\"articles\": at most " + std::to_string(service::kMaxCorrectionArticles) + " per correction";
    }
    for (const json& id : doc["articles"]) {
      if (!id.is_string() || id.get<std::string>().empty()) {
        return std::string("\"articles\": expected a non-empty array of article ids");
      }
      request.articles.push_back(id.get<std::string>());
    }
  }
  if (allowed.contains("to")) {
    if (std::string e = story_id("to", &request.to); !e.empty()) return e;
  }
  if (allowed.contains("into")) {
    if (std::string e = story_id("into", &request.to); !e.empty()) return e;
  }
  if (allowed.contains("story")) {
    if (std::string e = story_id("story", &request.story); !e.empty()) return e;
  }
  if (allowed.contains("storyline")) {
    // A storyline id, or "new": the event becomes a storyline of its own.
    const char* expected = "\"storyline\": expected a storyline id (a positive whole number) or \"new\"";
    if (!doc.contains("storyline")) return std::string(expected);
    const json& v = doc["storyline"];
    if (v.is_string() && v.get<std::string>() == "new") {
      request.storyline = 0;
    } else if (v.is_number_integer() && v.get<int64_t>() > 0) {
      request.storyline = v.get<int64_t>();
    } else {
      return std::string(expected);
    }
  }
  for (auto [name, out] : {std::pair{"by", &request.by}, std::pair{"note", &request.note}}) {
    if (!doc.contains(name)) continue;
    if (!doc[name].is_string()) return std::string("\"") + name + "\": expected a string";
    *out = doc[name].get<std::string>();
    if (out->size() > 2000) return std::string("\"") + name + "\": at most 2000 bytes";
  }
  return request;
}

}  // namespace storydesk::http
