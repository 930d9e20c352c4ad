// What the grouping tests share: article profiles made from bags of words over one vocabulary,
// and hand-made models. Test-only (included by *_test.cc files).
#pragma once

#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/stories/story_grouper.h"
#include "storydesk/fingerprint/minhash.h"

namespace storydesk::stories {

inline constexpr int64_t kDay = int64_t{24} * 3600;

// Builds profiles from bags of words, sharing one vocabulary.
class ProfileMaker {
 public:
  ArticleProfile Make(const std::string& id, const std::vector<std::string>& words,
                      const std::vector<std::string>& names, std::optional<int64_t> day) {
    ArticleProfile p;
    p.id = id;
    if (day) p.time = *day * kDay;
    std::map<terms::TermId, int> counts, name_counts;
    std::vector<terms::TermId> unique;
    for (const auto& w : words) counts[stats_.Intern(w)]++;
    for (const auto& n : names) name_counts[stats_.Intern("n:" + n)]++;
    unique.reserve(counts.size() + name_counts.size());
    for (const auto& [id_, c] : counts) unique.push_back(id_);
    for (const auto& [id_, c] : name_counts) unique.push_back(id_);
    stats_.AddDocument(unique);
    p.all = terms::TfIdfVector({counts.begin(), counts.end()}, stats_);
    p.names = terms::TfIdfVector({name_counts.begin(), name_counts.end()}, stats_);
    std::string text;
    for (const auto& w : words) text += w + " ";
    p.copy = copies::MakeCopyDocument(std::hash<std::string>{}(text), fingerprint::ShingleHashes(words), {},
                                      static_cast<uint32_t>(words.size()));
    return p;
  }
  terms::TermId Id(const std::string& term) { return stats_.Intern(term); }
  size_t IdBound() const { return stats_.IdBound(); }

 private:
  terms::TermStatistics stats_;
};

inline std::vector<std::string> Repeat(std::vector<std::string> base, int times) {
  std::vector<std::string> out;
  for (int i = 0; i < times; ++i) out.insert(out.end(), base.begin(), base.end());
  return out;
}

inline const std::vector<std::string> kFerry = {"ferri", "collis", "harbour", "passeng",
                                                "rescu", "coast",  "guard",   "vessel"};
inline const std::vector<std::string> kBudget = {"council", "budget", "tax",   "vote",
                                                 "school",  "fund",   "mayor", "spend"};

// A model under which every candidate sharing a term is the same: attach probability `p`.
inline std::shared_ptr<const StoryModel> ConstantModel(double p) {
  auto m = std::make_shared<StoryModel>();
  m->join[kBias] = std::log(p / (1 - p));
  m->attach[kBestLogit] = 1;
  return m;
}

// Like kFerry, reworded: not a copy of it (no shared 5-gram, another hash), the same story.
inline const std::vector<std::string> kFerryAgain = {"ferri", "collis", "harbour", "passeng", "inquiri",
                                                     "rescu", "coast",  "guard",   "vessel"};

// Grouping events, under a model giving every candidate attach probability `p` from its text.
inline GroupingOptions EventLevel(double p) {
  GroupingOptions options;
  options.model = ConstantModel(p);
  options.events_by_day = true;
  options.event_days_near_penalty = kEventLevelNearPenalty;
  return options;
}

}  // namespace storydesk::stories
