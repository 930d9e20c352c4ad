// BackgroundFrequencies: document frequencies counted once over a large news corpus and
// shipped with storydesk, so that IDF weights are sensible from the first article on.
//
// Why: online IDF over a handful of articles says little — in a 30-article feed a word seen
// twice looks as rare as a name — and small corpora then split stories that share their
// topic words. Starting from the counts of a few thousand news articles and adding the
// stream's own counts on top (terms::TermStatistics::AddCounts) is the "background corpus" IDF of
// topic detection and tracking systems (Allan et al. 1998, "Topic Detection and Tracking
// Pilot Study"; Yang et al. 1998, "A Study on Retrospective and On-line Event Detection").
//
// File format (text, UTF-8, versioned):
//   # storydesk background document frequencies v1
//   # any further comment lines (what it was counted from, how to recount it)
//   documents<TAB>N
//   TERM<TAB>DF          one line per term, sorted by term, 0 < DF <= N
// Terms are the engine's own (Decision::terms): stems, and names prefixed "n:".
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::stories {

inline constexpr std::string_view kBackgroundHeader = "# storydesk background document frequencies v1";

struct BackgroundFrequencies {
  int64_t documents = 0;
  std::map<std::string, int64_t> df;
};

// Parses the format above. Errors: kInvalidInput naming the line ("line 3: ...") for a
// missing or other-version header, a missing documents line, a malformed or out-of-range
// count, or a repeated term.
Result<BackgroundFrequencies> ParseBackgroundFrequencies(std::string_view text);

// Writes the format above with `comments` (one "# " line each), keeping only terms with
// DF >= min_df: a term seen once says nothing about a language's rare words that the
// smoothed IDF of an unseen term does not already say, and pruning halves the file.
std::string FormatBackgroundFrequencies(const BackgroundFrequencies& frequencies, int64_t min_df,
                                        const std::vector<std::string>& comments);

}  // namespace storydesk::stories
