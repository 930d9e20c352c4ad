#include "adapters/service/stories_naming.h"

#include <algorithm>
#include <cctype>

#include "storydesk/entities/tagged_text.h"
#include "storydesk/text/tokens.h"
#include "storydesk/text/utf8.h"

namespace storydesk::service {
namespace {

// Whether a tagged name (lower-cased) is `wanted`: the same, or — for a wanted name of two
// words or more — its last words after a title the tagger took in ("mayor odile fenwright").
bool Names(const std::string& mention, const std::string& wanted) {
  if (mention == wanted) return true;
  if (wanted.find(' ') == std::string::npos || mention.size() <= wanted.size()) return false;
  return mention.ends_with(wanted) && mention[mention.size() - wanted.size() - 1] == ' ';
}

}  // namespace

Result<StoriesNaming> FindStoriesNaming(store::Store& db, const entities::EntityModel& model, const std::string& name,
                                        int max_articles) {
  // (Any non-ASCII character is taken for a letter: the search says the rest.)
  const bool has_word = std::any_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
  });
  if (!text::IsValidUtf8(name) || !has_word) {
    return Status::Error(ErrorCode::kUsage, "a name needs a letter or a digit");
  }
  // A few matches per story are enough to find one naming it; more stories are reached so.
  auto matches = db.SearchArticles(name, max_articles, /*per_story=*/3);
  if (!matches.ok()) return matches.status();
  StoriesNaming found;
  found.capped = static_cast<int>(matches.value().size()) >= max_articles;
  const std::string wanted = text::ToLower(name);
  for (const store::ArticleMatch& m : matches.value()) {
    if (found.stories.count(m.story) > 0) continue;
    auto article = db.GetArticle(m.article_id);
    if (!article.ok()) return article.status();
    if (!article.value()) continue;  // removed since the search
    const RawArticle& raw = article.value()->raw;
    std::string text = raw.title ? *raw.title + "\n\n" : std::string();
    for (const std::string& bullet : raw.bullets) text += bullet + "\n";
    text += raw.text;
    for (const entities::NameMention& n : entities::TagText(model, text).names) {
      if (Names(text::ToLower(std::string_view(text).substr(n.span.begin, n.span.end - n.span.begin)), wanted)) {
        found.stories.insert(m.story);
        break;
      }
    }
  }
  return found;
}

}  // namespace storydesk::service
