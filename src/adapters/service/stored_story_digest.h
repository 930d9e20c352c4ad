// DigestStoredStory: the digest of one stored story, bounded in time and memory whatever the
// story's size.
//
// A digest compares every article with every other (support, adds, lacks), so its cost grows
// with the square of the story: 40,000 members took 17–20 s and 1.2 GB, 200,000 took minutes.
// A story of more than `max_articles` members is digested from a sample of them, chosen by
// ChooseDigestSample; the result says so (`article_count` is the story's size, `articles` the
// ones read). Stories of up to `max_articles` are digested whole, as before.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "adapters/service/digest_output.h"
#include "adapters/store/store.h"
#include "storydesk/status.h"

namespace storydesk::service {

inline constexpr size_t kMaxDigestArticles = 200;

// Which members (indices into `members`, ascending) a digest of at most `max_articles` reads:
// all when they fit; else first each source's earliest original (in order of first
// appearance, up to half the budget) so every outlet is heard, then originals spread evenly
// over the story's order (its beginning, middle and end), then copies only if originals run
// out. Pure function.
std::vector<size_t> ChooseDigestSample(const std::vector<store::StoryMember>& members, size_t max_articles);

// Reads the story (a merged id reads the story it joined), its sample, and digests it with the
// shipped models, under the story's stored headline (the one every view shows). Errors: the store's, kNotFound for no
// such story, the models'.
Result<DigestedStory> DigestStoredStory(store::Store& db, int64_t story, size_t max_articles = kMaxDigestArticles);

}  // namespace storydesk::service
