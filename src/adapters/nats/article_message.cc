#include "adapters/nats/article_message.h"

#include <nlohmann/json.hpp>

#include "storydesk/text/utf8.h"
#include "storydesk/time/published_time.h"

namespace storydesk::nats {
namespace {

using Json = nlohmann::json;

void PutOptional(Json& object, const char* key, const std::optional<std::string>& value) {
  if (value) object[key] = *value;
}

}  // namespace

std::string EncodeArticleMessage(const RawArticle& article) {
  Json m = Json::object();
  m["id"] = article.id;
  PutOptional(m, "source", article.source);
  PutOptional(m, "url", article.url);
  PutOptional(m, "title", article.title);
  PutOptional(m, "published", article.published);
  PutOptional(m, "place", article.place);
  if (!article.bullets.empty()) m["bullets"] = article.bullets;
  m["text"] = article.text;
  m["verbatim"] = article.verbatim;
  m["origin"] = article.origin;
  // Readers have checked the text; whatever slipped through is replaced rather than thrown on.
  return m.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<RawArticle> DecodeArticleMessage(std::string_view bytes) {
  auto invalid = [](const std::string& what) {
    return Status::Error(ErrorCode::kInvalidInput, "article message: " + what);
  };
  if (!text::IsValidUtf8(bytes)) return invalid("not valid UTF-8");
  const Json m = Json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (m.is_discarded() || !m.is_object()) return invalid("not a JSON object");
  RawArticle a;
  auto text = [&](const char* key, bool required, std::string* out) -> bool {
    auto it = m.find(key);
    if (it == m.end()) return !required;
    if (!it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
  };
  auto optional = [&](const char* key, std::optional<std::string>* out) -> bool {
    auto it = m.find(key);
    if (it == m.end()) return true;
    if (!it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
  };
  if (!text("id", true, &a.id) || a.id.empty()) return invalid("no id");
  if (!text("text", true, &a.text)) return invalid("no text");
  if (!text("verbatim", false, &a.verbatim) || !text("origin", false, &a.origin))
    return invalid("a field is not a string");
  if (!optional("source", &a.source) || !optional("url", &a.url) || !optional("title", &a.title) ||
      !optional("published", &a.published) || !optional("place", &a.place)) {
    return invalid("a field is not a string");
  }
  if (auto it = m.find("bullets"); it != m.end()) {
    if (!it->is_array()) return invalid("bullets is not a list");
    for (const Json& bullet : *it) {
      if (!bullet.is_string()) return invalid("a bullet is not a string");
      a.bullets.push_back(bullet.get<std::string>());
    }
  }
  if (a.published) {
    auto at = timeutil::ParsePublished(*a.published);
    if (!at.ok()) return invalid("published: " + at.status().message());
    a.published_at = at.value();
  }
  return a;
}

}  // namespace storydesk::nats
