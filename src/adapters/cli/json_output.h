// JSON shapes printed by the CLI (export, cluster, stories --json, show --format json).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "adapters/store/store_types.h"

namespace storydesk::cli {

// {"id", "story", "storyline" (only when > 0: grouping events), "copy_of": id|null,
//  "relation": "exact"|"near"|"excerpt"|"rewrite"|null}
nlohmann::json ArticleAssignmentJson(const std::string& id, int64_t story, const std::optional<std::string>& copy_of,
                                     copies::CopyKind relation, int64_t storyline = 0);

// {"id", "headline", "first_published", "last_published", "articles", "sources", "copies"}
nlohmann::json StorySummaryJson(const store::StorySummary& story);

// An article's metadata with its copy relation (no text).
nlohmann::json ArticleMetadataJson(const store::StoredArticle& article);

}  // namespace storydesk::cli
