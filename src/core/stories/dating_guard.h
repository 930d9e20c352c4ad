// DatingGuard: whether an article may join a story by similarity when one of the two is dated
// and the other is not.
//
// Why: between two dated texts the time gap is evidence (time_evidence.h, the window); between
// a dated and an undated one there is none, and the text alone decides — where the shared
// words of a recurring topic ("North Korea", "talks", "missile") are enough to pull reports of
// 2017 into a story of 2021. Such a join therefore needs evidence well above the ordinary
// threshold, and an undated text that dates itself far from the story never joins it:
//   - kApart: the article is undated and names calendar years (mentioned_years.h), every one
//     of them more than `year_tolerance` years before the story's first dated article or after
//     its last — the text says it was written at another time. Never joins by similarity.
//   - kMixed: otherwise one is dated and the other not (an undated article and a story with a
//     dated member, or a dated article and a story of undated articles only). Joins only on
//     strong evidence (GroupingOptions::mixed_dating_attach_threshold).
//   - kSame: both dated, or both undated: the ordinary decision.
// Copies are caught before grouping by similarity and are not subject to this: a copy is strong
// evidence whatever the dates say.
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace storydesk::stories {

enum class DatingFooting { kSame, kMixed, kApart };

// `article_years`: the years the article's text names (distinct, any order). `story_first` and
// `story_last`: the times of the story's earliest and latest dated members (both unset when
// none is dated).
DatingFooting CompareDating(const std::optional<int64_t>& article_time, const std::vector<int>& article_years,
                            const std::optional<int64_t>& story_first, const std::optional<int64_t>& story_last,
                            int year_tolerance);

}  // namespace storydesk::stories
