// Gold and predicted story assignments: JSON Lines {"id", "story"} (story a string or number),
// as in ../shared/data/*/gold.jsonl and as printed by `cluster` and `export`.
#pragma once

#include <string>

#include "storydesk/eval/clustering_metrics.h"
#include "storydesk/status.h"

namespace storydesk::cli {

// Fills `clustering` (id -> the label in `field`: "story", or "storyline" of a prediction
// grouping events, or "topic" of ECB+'s gold) from the file at `path`. Errors name the file and
// line. (An out-parameter rather than a Result: GCC 12 misreports -Wfree-nonheap-object when
// a Result<unordered_map> is destroyed after inlining.)
Status ReadAssignments(const std::string& path, eval::Clustering& clustering, const std::string& field = "story");

}  // namespace storydesk::cli
