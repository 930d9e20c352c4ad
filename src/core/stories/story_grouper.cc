#include "core/stories/story_grouper.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace storydesk::stories {

namespace {

// Attach probability, from text alone, above which a join counts as certain for TimeEvidence.
constexpr double kCertainJoin = 0.95;

int64_t GapToSpan(int64_t t, int64_t first, int64_t last) { return t < first ? first - t : (t > last ? t - last : 0); }

// True when the model gives time no weight of its own (trained on undated stories): only then
// is the stream's time evidence added, or time would count twice.
bool ModelIgnoresTime(const StoryModel* model) {
  return model != nullptr && model->join[kTimeDay] == 0 && model->join[kTimeThreeDays] == 0 &&
         model->join[kBothDated] == 0;
}

}  // namespace

StoryGrouper::StoryGrouper(GroupingOptions options)
    : options_(std::move(options)),
      use_time_evidence_(options_.stream_time_evidence && ModelIgnoresTime(options_.model.get())),
      time_evidence_(options_.window_seconds),
      copy_index_(options_.copies) {}

void StoryGrouper::ReserveStoryIdsThrough(int64_t id) { next_story_id_ = std::max(next_story_id_, id + 1); }

bool StoryGrouper::Active(const Story& story, const std::optional<int64_t>& time) const {
  if (!time || !story.first_time) return true;
  return *time >= *story.first_time - options_.window_seconds && *time <= *story.last_time + options_.window_seconds;
}

Assignment StoryGrouper::Assign(ArticleProfile article) { return Assign(&article); }

Assignment StoryGrouper::Assign(ArticleProfile* taken) {
  ArticleProfile& article = *taken;
  if (article.time) Evict(*article.time);
  Assignment assignment;
  if (auto copy = FindCopy(article)) {
    assignment = std::move(copy->assignment);
    // Provenance (copies/provenance.h): the family's original is the one no member precedes —
    // credited by another, else the earliest publication; a late-arriving earlier one (or the
    // outlet a member credits) takes the family over and is an original itself from now on.
    const std::string old_original = families_.OriginalOf(*assignment.copy_of);
    const std::vector<std::string> moved = families_.Join(copy->relative, Member(article));
    if (!moved.empty()) {
      for (const std::string& id : moved) {
        // The copies keep their relations (kNone: unchanged); the old original becomes a copy
        // by the relation just found.
        const bool was_original = id == old_original;
        assignment.copy_updates.push_back({id, article.id, was_original ? assignment.relation : CopyRelation::kNone,
                                           was_original ? assignment.copy_score : 0.0});
      }
      assignment.copy_of.reset();
      assignment.relation = CopyRelation::kNone;
      assignment.copy_score = 0.0;
    } else {
      assignment.copy_of = families_.OriginalOf(article.id);
    }
  } else {
    assignment = FindStory(article);
  }
  Remember(article, assignment);
  return assignment;
}

void StoryGrouper::Record(ArticleProfile article, const Assignment& assignment) { Record(&article, assignment); }

void StoryGrouper::Record(ArticleProfile* taken, const Assignment& assignment) {
  ArticleProfile& article = *taken;
  // No eviction while restoring: the restored window may reach past the articles still to
  // come, and evicting by its newest time would drop stories those articles should find.
  ReserveStoryIdsThrough(assignment.story);
  families_.Record(Member(article), assignment.copy_of);
  Remember(article, assignment);
}

copies::FamilyMember StoryGrouper::Member(const ArticleProfile& article) const {
  return {article.id, article.time, article.copy.word_count, article.source, article.credits};
}

std::optional<StoryGrouper::FoundCopy> StoryGrouper::FindCopy(const ArticleProfile& article) const {
  if (!options_.detect_copies) return std::nullopt;
  const auto match =
      copy_index_.Find(article.copy, article.all, {options_.sentence_model.get(), options_.rewrite_model.get()});
  if (!match) return std::nullopt;
  const Document& relative = documents_.at(match->document);
  FoundCopy found;
  found.relative = {relative.id, relative.time, relative.words, relative.source, relative.credits};
  Assignment& a = found.assignment;
  a.story = CurrentStory(relative.story);
  a.similarity = 1.0;
  a.relation = match->verdict.kind;
  a.copy_of = relative.id;
  a.copy_score = match->verdict.score;
  return found;
}

std::vector<int64_t> StoryGrouper::CandidateIds(const ArticleProfile& article) const {
  // Look up only the heaviest terms: they carry the story, and the long postings of common
  // words would cost more than they add.
  std::vector<std::pair<float, terms::TermId>>& heaviest = scratch_heaviest_;
  heaviest.clear();
  for (const auto& [id, w] : article.all.entries) heaviest.emplace_back(w, id);
  const size_t k = std::min(options_.query_terms, heaviest.size());
  std::partial_sort(
      heaviest.begin(), heaviest.begin() + static_cast<std::ptrdiff_t>(k), heaviest.end(),
      [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });

  // Term-at-a-time accumulation (as in inverted-file retrieval, Zobel & Moffat 2006): each
  // story gets the summed weight of the query terms it shares. Only the newest entries of a
  // posting list are read — a common word's list holds most active stories, and the newest
  // are the likeliest still active — so the cost per article is bounded.
  std::vector<std::pair<int64_t, float>>& hits = scratch_hits_;
  hits.clear();
  for (size_t i = 0; i < k; ++i) {
    auto it = postings_.find(heaviest[i].second);
    if (it == postings_.end()) continue;
    const std::vector<int64_t>& list = it->second;
    const size_t from = list.size() > options_.max_postings_per_term ? list.size() - options_.max_postings_per_term : 0;
    for (size_t j = from; j < list.size(); ++j) hits.emplace_back(list[j], heaviest[i].first);
  }
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<float, int64_t>>& scored = scratch_scored_;  // (-overlap, story): best, then older, first
  scored.clear();
  for (size_t i = 0; i < hits.size();) {
    const int64_t id = hits[i].first;
    float overlap = 0;
    for (; i < hits.size() && hits[i].first == id; ++i) overlap += hits[i].second;
    auto story = stories_.find(id);
    if (story == stories_.end() || !Active(story->second, article.time)) continue;
    scored.emplace_back(-overlap, id);
  }
  // Only the most overlapping stories are scored in full: features cost far more than overlap.
  const size_t keep = std::min(options_.scored_candidates, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end());
  std::vector<int64_t> candidates;
  candidates.reserve(keep);
  for (size_t i = 0; i < keep; ++i) candidates.push_back(scored[i].second);
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

std::vector<Candidate> StoryGrouper::Candidates(const ArticleProfile& article) {
  if (article.time) Evict(*article.time);
  std::vector<Candidate> out;
  lookup_.Set(article);
  for (int64_t id : CandidateIds(article)) out.push_back({id, lookup_.Features(stories_.at(id))});
  return out;
}

DatingFooting StoryGrouper::Footing(const ArticleProfile& article, const Story& story) const {
  return CompareDating(article.time, article.mentioned_years, story.first_time, story.last_time,
                       options_.year_tolerance);
}

double StoryGrouper::FixedScore(const ArticleProfile& article, const Story& story) const {
  const double words = story.all.Cosine(article.all);
  if (article.names.empty() || story.names.norm2 <= 0) return words;
  return (1 - options_.name_weight) * words + options_.name_weight * story.names.Cosine(article.names);
}

Assignment StoryGrouper::FindStory(const ArticleProfile& article) {
  // A text of fewer than min_terms_to_join distinct content terms ("tiny 5.") says too little
  // to be placed by similarity: 200,000 such texts sharing one word became one story. It opens
  // its own story (a copy of it was caught before, by copy detection).
  const bool says_too_little = article.all.entries.size() < options_.min_terms_to_join;
  const std::vector<int64_t> candidates = says_too_little ? std::vector<int64_t>() : CandidateIds(article);
  Assignment best;
  bool join = false;
  if (options_.model) {
    lookup_.Set(article);
    // Learned: the best candidate by the join model, then the attach model decides.
    // The three highest logits, by descending logit (ascending id on ties: the older story).
    // On a dated stream, the time evidence learned from the stream is added to each logit.
    std::vector<std::pair<double, int64_t>> top;
    std::optional<int64_t> best_gap;
    double best_text_logit = 0;
    DatingFooting best_footing = DatingFooting::kSame;
    for (int64_t story_id : candidates) {
      const Story& story = stories_.at(story_id);
      const DatingFooting footing = Footing(article, story);
      if (footing == DatingFooting::kApart) continue;
      // The day the story's leads say it happened on against the article's (event_days.h); an
      // article whose lead gives no day (every article, unless grouping events) costs nothing.
      const DayAgreement days = article.event_days.empty() || !options_.events_by_day
                                    ? DayAgreement::kUnknown
                                    : CompareEventDays(article.event_days, MostGivenDays(story.event_days));
      if (days == DayAgreement::kApart) continue;  // another day's news: another event
      const bool near_day = days == DayAgreement::kNear;
      double logit = options_.model->JoinLogit(lookup_.Features(story));
      const double text_logit = logit;
      std::optional<int64_t> gap;
      if (use_time_evidence_ && article.time && story.first_time) {
        gap = GapToSpan(*article.time, *story.first_time, *story.last_time);
        time_evidence_.ObserveCandidate(*gap);
        logit += time_evidence_.LogLikelihoodRatio(*gap);
      }
      if (near_day) logit -= options_.event_days_near_penalty;
      top.emplace_back(-logit, story_id);
      std::sort(top.begin(), top.end());
      if (top.size() > 3) top.pop_back();
      if (top.front().second == story_id) {
        best_gap = gap;
        best_text_logit = text_logit;
        best_footing = footing;
      }
    }
    auto logit_at = [&](size_t i) { return i < top.size() ? std::optional<double>(-top[i].first) : std::nullopt; };
    if (!top.empty()) {
      best.story = top[0].second;
      const double p = options_.model->AttachProbability(ComputeAttachFeatures(*logit_at(0), logit_at(1)));
      best.similarity = p;
      join = p >= (best_footing == DatingFooting::kMixed ? options_.mixed_dating_attach_threshold
                                                         : options_.attach_threshold);
      // A join the text alone makes certain shows what gaps within a story look like.
      if (best_gap &&
          options_.model->AttachProbability(ComputeAttachFeatures(best_text_logit, std::nullopt)) >= kCertainJoin) {
        time_evidence_.ObserveConfident(*best_gap);
      }
      // Merge repair: when the article would confidently join the runner-up even with the best
      // story gone, and the two stories, with the article in the best, are alike, it bridges
      // two stories that are one. The older id survives.
      if (join && top.size() >= 2 && options_.merge_probability <= 1.0) {
        const double p_second = options_.model->AttachProbability(ComputeAttachFeatures(*logit_at(1), logit_at(2)));
        // The centroid copy is only worth making when the runner-up fits.
        auto alike = [&] {
          Centroid joined = stories_.at(top[0].second).all;
          joined.Add(article.all);
          return joined.Cosine(stories_.at(top[1].second).all);
        };
        // Two events of other days are not one, whatever the article bridging them says.
        const bool other_days =
            options_.events_by_day &&
            CompareEventDays(MostGivenDays(stories_.at(top[0].second).event_days),
                             MostGivenDays(stories_.at(top[1].second).event_days)) == DayAgreement::kApart;
        const bool kept_apart = !kept_apart_.empty() && kept_apart_.contains(std::minmax(top[0].second, top[1].second));
        if (!other_days && !kept_apart && p_second >= options_.merge_probability && alike() >= options_.merge_cosine) {
          const int64_t into = std::min(top[0].second, top[1].second);
          const int64_t from = std::max(top[0].second, top[1].second);
          MergeStories(into, from);
          best.story = into;
          best.merged.push_back(from);
        }
      }
    }
  } else {
    double best_score = -1;
    DatingFooting best_footing = DatingFooting::kSame;
    for (int64_t story_id : candidates) {
      const Story& story = stories_.at(story_id);
      const DatingFooting footing = Footing(article, story);
      if (footing == DatingFooting::kApart) continue;
      const double score = FixedScore(article, story);
      if (score > best_score) {
        best_score = score;
        best.story = story_id;
        best_footing = footing;
      }
    }
    best.similarity = best_score;
    join = best.story != 0 &&
           best_score >=
               (best_footing == DatingFooting::kMixed ? options_.mixed_dating_join_threshold : options_.join_threshold);
  }
  if (join) return best;
  Assignment opened;
  opened.story = next_story_id_++;
  opened.opened_story = true;
  opened.similarity = 1.0;
  return opened;
}

void StoryGrouper::MergeStories(int64_t into, int64_t from) {
  auto from_it = stories_.find(from);
  if (from_it == stories_.end() || into == from) return;
  Story& target = stories_.at(into);
  Story& source = from_it->second;
  std::vector<terms::TermId> new_terms;
  target.all.Merge(source.all, &new_terms);
  target.title.Merge(source.title, nullptr);
  target.lead.Merge(source.lead, nullptr);
  target.names.Merge(source.names, nullptr);
  target.numbers.Merge(source.numbers, nullptr);
  for (const auto& [all, names] : source.recent) target.Remember(all, names);
  if (source.first_time && (!target.first_time || *source.first_time < *target.first_time)) {
    target.first_time = source.first_time;
  }
  if (source.last_time && (!target.last_time || *source.last_time > *target.last_time)) {
    target.last_time = source.last_time;
    expiry_.emplace(*target.last_time, into);
  }
  MergeCountedEventDays(&target.event_days, source.event_days);
  target.size += source.size;
  for (terms::TermId id : new_terms) postings_[id].push_back(into);
  stories_.erase(from_it);
  ++evicted_since_compaction_;  // `from`'s postings are stale now
  merged_into_[from] = into;
  // What `from` was kept apart from, `into` is now.
  for (auto it = kept_apart_.begin(); it != kept_apart_.end();) {
    if (it->first != from && it->second != from) {
      ++it;
      continue;
    }
    const int64_t other = it->first == from ? it->second : it->first;
    it = kept_apart_.erase(it);
    if (other != into) kept_apart_.insert(std::minmax(other, into));
  }
}

void StoryGrouper::KeepApart(int64_t a, int64_t b) {
  a = CurrentStory(a);
  b = CurrentStory(b);
  if (a != b) kept_apart_.insert(std::minmax(a, b));
}

int64_t StoryGrouper::CurrentStory(int64_t story) const {
  for (auto it = merged_into_.find(story); it != merged_into_.end(); it = merged_into_.find(story)) story = it->second;
  return story;
}

void StoryGrouper::Remember(ArticleProfile& article, const Assignment& assignment) {
  const size_t index = next_document_++;
  Document doc;
  doc.id = article.id;
  doc.story = assignment.story;
  doc.time = article.time;
  doc.words = article.copy.word_count;
  doc.source = article.source;
  doc.credits = article.credits;
  // Dated documents leave the copy indexes with the window, like stories do: what a restored
  // engine knows (the stored window) and what a whole-run engine knows must be the same.
  if (article.time) document_expiry_.emplace(*article.time, index);
  // Copies are indexed too (a later copy may copy the copy: an excerpt of a rewrite), but stay
  // out of the centroid: their original already stands for them, and counting a text twice
  // would pull the story towards whatever is copied most.
  if (options_.detect_copies) copy_index_.Insert(index, std::move(article.copy), article.all);
  if (assignment.relation == CopyRelation::kNone) {
    AddToStory(assignment.story, article);
  } else {
    auto it = stories_.find(assignment.story);
    if (it != stories_.end()) {
      ++it->second.size;
    }
  }
  documents_.emplace(index, std::move(doc));
}

void StoryGrouper::AddToStory(int64_t story_id, const ArticleProfile& article) {
  Story& story = stories_[story_id];
  std::vector<terms::TermId> new_terms;
  story.all.Add(article.all, &new_terms);
  story.title.Add(article.title);
  story.lead.Add(article.lead);
  story.names.Add(article.names);
  story.numbers.Add(article.numbers);
  story.Remember(article.all, article.names);
  CountEventDays(&story.event_days, article.event_days);
  for (terms::TermId id : new_terms) postings_[id].push_back(story_id);
  ++story.size;
  if (article.time) {
    if (!story.first_time || *article.time < *story.first_time) story.first_time = article.time;
    if (!story.last_time || *article.time > *story.last_time) {
      story.last_time = article.time;
      expiry_.emplace(*article.time, story_id);
    }
  }
}

void StoryGrouper::Evict(int64_t now) {
  if (newest_time_ && now <= *newest_time_) return;
  newest_time_ = now;
  const int64_t horizon = now - options_.window_seconds;
  while (!expiry_.empty() && expiry_.top().first < horizon) {
    const auto [last_time, story_id] = expiry_.top();
    expiry_.pop();
    auto it = stories_.find(story_id);
    // A stale entry: the story has had an article since this entry was queued.
    if (it == stories_.end() || it->second.last_time != last_time) continue;
    stories_.erase(it);
    ++evicted_since_compaction_;
  }
  while (!document_expiry_.empty() && document_expiry_.top().first < horizon) {
    const size_t index = document_expiry_.top().second;
    document_expiry_.pop();
    auto it = documents_.find(index);
    if (it == documents_.end()) continue;
    copy_index_.Erase(index);
    families_.Forget(it->second.id);
    documents_.erase(it);  // memory follows the window
  }
  if (evicted_since_compaction_ > 1024 && evicted_since_compaction_ > stories_.size()) CompactPostings();
}

void StoryGrouper::MarkTermsInUse(std::vector<bool>& in_use) {
  CompactPostings();
  const auto mark = [&in_use](const auto& entries) {
    for (const auto& entry : entries) in_use[entry.first] = true;
  };
  for (const auto& [story_id, story] : stories_) {
    for (const Centroid* c : {&story.all, &story.title, &story.lead, &story.names, &story.numbers}) mark(c->weights);
    for (const auto& [all, names] : story.recent) {
      mark(all.entries);
      mark(names.entries);
    }
  }
  for (const auto& [id, list] : postings_) in_use[id] = true;
  copy_index_.MarkTermsInUse(in_use);
}

void StoryGrouper::CompactPostings() {
  for (auto it = postings_.begin(); it != postings_.end();) {
    auto& ids = it->second;
    ids.erase(std::remove_if(ids.begin(), ids.end(), [this](int64_t id) { return !stories_.count(id); }), ids.end());
    it = ids.empty() ? postings_.erase(it) : std::next(it);
  }
  evicted_since_compaction_ = 0;
}

}  // namespace storydesk::stories
