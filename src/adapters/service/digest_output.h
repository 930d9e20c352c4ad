// The story digest in its three written forms: JSON (the versioned schema of
// docs/digest-schema.md, one object per story), Markdown and a standalone HTML page.
// Formatting only: the digest itself is core/digest/story_digest.h.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "storydesk/article.h"
#include "storydesk/copies/copy_kind.h"
#include "storydesk/digest/story_digest.h"

namespace storydesk::service {

inline constexpr int kDigestSchema = 1;

// How every human-readable view (CLI text, Markdown, HTML, the web page) names an article
// whose source is not known; JSON gives null instead.
inline constexpr const char* kUnknownSource = "unknown source";

// One story: its id, its articles (in the story's order) and their digest.
struct DigestedStory {
  int64_t story = 0;
  std::vector<digest::DigestArticle> articles;
  digest::StoryDigest digest;
  // The story's size when the digest read only a sample of it (stored_story_digest.h); 0: the
  // articles are the whole story.
  size_t article_count = 0;
};

// What the digest needs of an article, with its copy relation (none: an original).
digest::DigestArticle DigestArticleOf(const RawArticle& article, copies::CopyKind relation,
                                      const std::optional<std::string>& copy_of);

nlohmann::json DigestJson(const DigestedStory& s);
std::string DigestMarkdown(const DigestedStory& s);
// A whole page holding every story given, in order.
std::string DigestHtmlPage(const std::vector<DigestedStory>& stories);

}  // namespace storydesk::service
