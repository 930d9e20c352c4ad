#include "adapters/memory/memory_store.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>
#include <utility>

#include "adapters/memory/search_words.h"
#include "storydesk/digest/headline.h"
#include "storydesk/text/analyzer.h"
#include "storydesk/time/published_time.h"

namespace storydesk::store {
namespace {

// Evidence kept for at most this many articles of a kEverything store; emptied when it would
// grow beyond (as SqliteStore's StoryHeadlines does): evidence is made again from the text.
constexpr size_t kMaxCachedEvidence = 10000;

// Okapi BM25's constants, as SQLite's FTS5 sets them.
constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;

// Words around a match in a snippet (FTS5's snippet() is asked for 12 as well).
constexpr size_t kSnippetWords = 12;

}  // namespace

// Headline evidence of articles (by position), made from their text when not given with the batch.
struct MemoryStore::Headlines {
  text::TextAnalyzer analyzer;
  std::unordered_map<size_t, digest::HeadlineEvidence> evidence;
};

struct MemoryStore::Story {
  std::vector<size_t> members;  // positions in articles_, in publication order (Before)
  std::string headline;
};

// An inverted index of stems over titles and texts, built incrementally in sequence order.
class MemoryStore::SearchIndex {
 public:
  struct Scored {
    size_t article = 0;
    double score = 0;  // BM25, higher is better
  };
  // Indexes articles_[indexed_, end).
  void CatchUp(const std::vector<StoredArticle>& articles) {
    for (; indexed_ < articles.size(); ++indexed_) {
      const RawArticle& raw = articles[indexed_].raw;
      std::vector<std::string> stems = words_.Stems(raw.title.value_or("") + "\n" + raw.text);
      lengths_.push_back(static_cast<uint32_t>(stems.size()));
      total_length_ += stems.size();
      std::sort(stems.begin(), stems.end());
      for (size_t i = 0; i < stems.size();) {
        size_t j = i;
        while (j < stems.size() && stems[j] == stems[i]) ++j;
        postings_[stems[i]].push_back({static_cast<uint32_t>(indexed_), static_cast<uint32_t>(j - i)});
        i = j;
      }
    }
  }
  // The distinct stems of `query`.
  std::vector<std::string> QueryStems(const std::string& query) {
    std::vector<std::string> stems = words_.Stems(query);
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    return stems;
  }
  // Articles holding every one of `stems` (none when there are none), in sequence order.
  std::vector<Scored> Match(const std::vector<std::string>& stems) const {
    std::vector<Scored> out;
    if (stems.empty()) return out;
    // One cursor per stem's postings, the shortest list first: its articles are the candidates.
    struct Cursor {
      const std::vector<Posting>* list = nullptr;
      size_t at = 0;
    };
    std::vector<Cursor> cursors;
    cursors.reserve(stems.size());
    for (const std::string& stem : stems) {
      auto it = postings_.find(stem);
      if (it == postings_.end()) return out;
      cursors.push_back(Cursor{&it->second, 0});
    }
    std::sort(cursors.begin(), cursors.end(),
              [](const Cursor& a, const Cursor& b) { return a.list->size() < b.list->size(); });
    const double n = static_cast<double>(lengths_.size());
    const double average = n > 0 ? static_cast<double>(total_length_) / n : 1.0;
    const std::vector<Posting>& shortest = *cursors.front().list;
    for (const Posting& first : shortest) {
      double score = 0;
      bool everywhere = true;
      for (Cursor& c : cursors) {
        const std::vector<Posting>& list = *c.list;
        while (c.at < list.size() && list[c.at].article < first.article) ++c.at;
        if (c.at == list.size() || list[c.at].article != first.article) {
          everywhere = false;
          break;
        }
        const double df = static_cast<double>(list.size());
        // FTS5's IDF: never below a small positive number, so a word in most articles still counts.
        const double idf = std::max(1e-6, std::log((n - df + 0.5) / (df + 0.5)));
        const double tf = list[c.at].count;
        const double length = lengths_[first.article];
        score += idf * tf * (kBm25K1 + 1) / (tf + kBm25K1 * (1 - kBm25B + kBm25B * length / average));
      }
      if (everywhere) out.push_back({first.article, score});
    }
    return out;
  }
  // About kSnippetWords words of `text` around the densest run of `stems`, "…" where cut; the
  // text's start when none of them is in it.
  std::string Snippet(const std::string& raw_text, const std::vector<std::string>& stems) {
    std::string text;
    const std::vector<SearchWords::Word> words = words_.Words(raw_text, &text);
    if (words.empty()) return "";
    size_t best_start = 0, best_hits = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      if (!std::binary_search(stems.begin(), stems.end(), words[i].stem)) continue;
      const size_t start = i >= 2 ? i - 2 : 0;  // a little context before the match
      std::set<std::string> seen;
      for (size_t j = start; j < std::min(words.size(), start + kSnippetWords); ++j) {
        if (std::binary_search(stems.begin(), stems.end(), words[j].stem)) seen.insert(words[j].stem);
      }
      if (seen.size() > best_hits) {
        best_hits = seen.size();
        best_start = start;
      }
    }
    const size_t end = std::min(words.size(), best_start + kSnippetWords);
    // The first window ends at the text's end when it reaches its last word, punctuation included.
    const size_t from = best_start == 0 ? 0 : words[best_start].begin;
    const size_t to = end == words.size() ? text.size() : words[end - 1].end;
    std::string out = best_start == 0 ? "" : "\u2026";
    out.append(text, from, to - from);
    if (end < words.size()) out += "\u2026";
    return out;
  }

 private:
  struct Posting {
    uint32_t article = 0;  // position in articles_
    uint32_t count = 0;    // occurrences of the stem
  };
  SearchWords words_;
  size_t indexed_ = 0;
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  std::vector<uint32_t> lengths_;  // stems per article
  uint64_t total_length_ = 0;
};

MemoryStore::MemoryStore(const FingerprintSettings& settings, Contents contents)
    : settings_(settings), contents_(contents), headlines_(std::make_unique<Headlines>()) {}

MemoryStore::~MemoryStore() = default;

Status MemoryStore::TextsNotKept(const char* what) const {
  return Status::Error(ErrorCode::kUsage,
                       std::string(what) + " needs the articles' texts, which this in-memory store does not keep");
}

bool MemoryStore::Before(size_t a, size_t b) const {
  const std::optional<int64_t>& x = articles_[a].raw.published_at;
  const std::optional<int64_t>& y = articles_[b].raw.published_at;
  if (x.has_value() != y.has_value()) return x.has_value();  // undated last
  if (x && *x != *y) return *x < *y;
  return articles_[a].sequence < articles_[b].sequence;
}

StoredArticle MemoryStore::Kept(const StoredArticle& s) const {
  StoredArticle kept;
  if (contents_ == Contents::kEverything) {
    kept = s;
    kept.copy_updates.clear();
    kept.merged_stories.clear();
    kept.headline_evidence.reset();
    return kept;
  }
  // Field by field, so the texts are never copied only to be dropped.
  kept.raw.id = s.raw.id;
  kept.raw.source = s.raw.source;
  kept.raw.url = s.raw.url;
  kept.raw.title = s.raw.title;
  kept.raw.published = s.raw.published;
  kept.raw.published_at = s.raw.published_at;
  kept.raw.place = s.raw.place;
  kept.raw.origin = s.raw.origin;
  kept.sequence = s.sequence;
  kept.exact_hash = s.exact_hash;
  kept.story = s.story;
  kept.storyline = s.storyline;
  kept.copy_of = s.copy_of;
  kept.relation = s.relation;
  kept.copy_score = s.copy_score;
  return kept;
}

Result<std::optional<uint64_t>> MemoryStore::FindExactHash(const std::string& id) {
  auto it = index_of_.find(id);
  if (it == index_of_.end()) return std::optional<uint64_t>();
  return std::optional<uint64_t>(articles_[it->second].exact_hash);
}

Result<std::vector<StoredArticle>> MemoryStore::LoadWindow(int64_t from, int64_t to, bool include_undated) {
  std::vector<StoredArticle> out;
  for (const StoredArticle& a : articles_) {
    const auto& at = a.raw.published_at;
    if (at ? (*at >= from && *at <= to) : include_undated) {
      if (contents_ == Contents::kDecisions) return TextsNotKept("restoring the engine from the store");
      out.push_back(a);
    }
  }
  return out;
}

Result<std::optional<StoredArticle>> MemoryStore::GetArticle(const std::string& id) {
  auto it = index_of_.find(id);
  if (it == index_of_.end()) return std::optional<StoredArticle>();
  return std::optional<StoredArticle>(articles_[it->second]);
}

Result<std::vector<StoredArticle>> MemoryStore::CopyFamilyArticles() {
  // Each member with its family's original; then ordered like SqliteStore's query: families by
  // their original's publication, the original first, its copies in publication order.
  std::vector<std::pair<size_t, size_t>> members;  // (original, member)
  std::unordered_set<size_t> originals;
  for (size_t i = 0; i < articles_.size(); ++i) {
    if (!articles_[i].copy_of) continue;
    auto it = index_of_.find(*articles_[i].copy_of);
    if (it == index_of_.end()) continue;
    members.emplace_back(it->second, i);
    originals.insert(it->second);
  }
  for (size_t original : originals) {
    if (!articles_[original].copy_of) members.emplace_back(original, original);
  }
  std::sort(members.begin(), members.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return Before(x.first, y.first);
    const bool x_copy = articles_[x.second].copy_of.has_value(), y_copy = articles_[y.second].copy_of.has_value();
    if (x_copy != y_copy) return !x_copy;
    return Before(x.second, y.second);
  });
  std::vector<StoredArticle> out;
  out.reserve(members.size());
  for (const auto& m : members) out.push_back(articles_[m.second]);
  return out;
}

Result<std::vector<StoredArticle>> MemoryStore::FindByExactHash(uint64_t exact_hash) {
  std::vector<StoredArticle> out;
  if (auto it = by_hash_.find(exact_hash); it != by_hash_.end()) {
    for (size_t i : it->second) out.push_back(articles_[i]);
  }
  return out;
}

Result<std::map<std::string, int64_t>> MemoryStore::LoadDocumentFrequencies() {
  return std::map<std::string, int64_t>(df_.begin(), df_.end());
}

Status MemoryStore::CommitBatch(std::vector<StoredArticle>& batch, const std::map<std::string, int64_t>& df_deltas,
                                int64_t documents_added, std::optional<int64_t> decided_at) {
  // Everything that can fail is checked before anything changes: the batch stores whole or not at all.
  if (decided_at && *decided_at != 0) return Status::Error(ErrorCode::kConflict, kStaleWriterMessage);
  std::unordered_set<std::string> ids;
  for (const StoredArticle& s : batch) {
    if (index_of_.contains(s.raw.id) || !ids.insert(s.raw.id).second) {
      return Status::Error(ErrorCode::kConflict, "article '" + s.raw.id + "' is already stored");
    }
    if (s.story <= 0) {
      return Status::Error(ErrorCode::kStore, "article '" + s.raw.id + "' has no story (internal error)");
    }
    for (const copies::CopyUpdate& u : s.copy_updates) {
      if (!index_of_.contains(u.article) && !ids.contains(u.article)) {
        return Status::Error(ErrorCode::kStore, "copy update of article '" + u.article + "', which is not stored");
      }
    }
  }

  std::map<int64_t, std::vector<size_t>> added;  // per story, the articles this batch put in
  std::set<int64_t> touched, merged_into;
  for (StoredArticle& s : batch) {
    s.sequence = static_cast<int64_t>(articles_.size()) + 1;
    const size_t at = articles_.size();
    articles_.push_back(Kept(s));
    index_of_.emplace(s.raw.id, at);
    by_hash_[s.exact_hash].push_back(at);
    if (s.raw.published_at) newest_ = std::max(newest_.value_or(*s.raw.published_at), *s.raw.published_at);
    max_story_ = std::max(max_story_, s.story);
    max_storyline_ = std::max(max_storyline_, s.storyline);

    std::unique_ptr<Story>& story = stories_[s.story];
    if (!story) {
      story = std::make_unique<Story>();
      if (s.storyline > 0) ++storyline_events_[s.storyline];
    }
    auto& members = story->members;
    members.insert(
        std::upper_bound(members.begin(), members.end(), at, [&](size_t x, size_t y) { return Before(x, y); }), at);
    added[s.story].push_back(at);
    touched.insert(s.story);
    if (s.headline_evidence && contents_ == Contents::kEverything) {
      if (headlines_->evidence.size() >= kMaxCachedEvidence) headlines_->evidence.clear();
      headlines_->evidence.insert_or_assign(at, *s.headline_evidence);
    }

    for (const copies::CopyUpdate& u : s.copy_updates) {
      StoredArticle& target = articles_[index_of_.at(u.article)];
      target.copy_of = u.copy_of;
      if (u.relation != copies::CopyKind::kNone) {
        target.relation = u.relation;
        target.copy_score = u.score;
      }
      touched.insert(target.story);  // its copy count changes
    }
    for (int64_t from : s.merged_stories) {
      if (from == s.story) continue;
      max_story_ = std::max(max_story_, from);
      // Earlier merges into `from` now lead to s.story (one step resolves every merged id).
      for (auto& [merged, into] : merged_into_) {
        if (into == from) into = s.story;
      }
      merged_into_[from] = s.story;
      auto it = stories_.find(from);
      if (it != stories_.end()) {
        std::vector<size_t> moved = std::move(it->second->members);
        stories_.erase(it);
        if (!moved.empty()) {
          if (auto line = storyline_events_.find(articles_[moved.front()].storyline); line != storyline_events_.end()) {
            if (--line->second == 0) storyline_events_.erase(line);
          }
        }
        for (size_t m : moved) {
          articles_[m].story = s.story;
          articles_[m].storyline = s.storyline;
        }
        std::vector<size_t> both;
        both.reserve(members.size() + moved.size());
        std::merge(members.begin(), members.end(), moved.begin(), moved.end(), std::back_inserter(both),
                   [&](size_t x, size_t y) { return Before(x, y); });
        members = std::move(both);
      }
      touched.erase(from);
      added.erase(from);
      merged_into.insert(s.story);
    }
  }
  for (const auto& [term, delta] : df_deltas) df_[term] += delta;
  documents_ += documents_added;
  for (int64_t id : touched) {
    auto it = stories_.find(id);
    if (it == stories_.end()) continue;
    const auto a = added.find(id);
    RefreshHeadline(*it->second, a == added.end() ? std::vector<size_t>{} : a->second, merged_into.contains(id));
  }
  return Status::Ok();
}

Result<int64_t> MemoryStore::ApplyCorrection(const CorrectionPlan& plan) {
  if (plan.moves.empty() || plan.into <= 0) {
    return Status::Error(ErrorCode::kUsage, "a correction moves at least one article into a story");
  }
  auto conflict = [](const std::string& what) {
    return Status::Error(ErrorCode::kConflict, what + "; the stories changed meanwhile, nothing was corrected");
  };
  // Checked in full before anything changes, as SqliteStore's transaction would roll back.
  for (const auto& [article, from] : plan.moves) {
    auto it = index_of_.find(article);
    if (it == index_of_.end() || articles_[it->second].story != from) {
      return conflict("article '" + article + "' is no longer in story " + std::to_string(from));
    }
  }
  const bool split = plan.kind == CorrectionKind::kSplit;
  if (split && (stories_.contains(plan.into) || merged_into_.contains(plan.into))) {
    return conflict("story id " + std::to_string(plan.into) + " is taken");
  }
  if (!split && !stories_.contains(plan.into)) return conflict("story " + std::to_string(plan.into) + " is gone");
  std::map<int64_t, size_t> leaving;  // per story left, how many of its members go
  for (const auto& [article, from] : plan.moves) ++leaving[from];
  for (int64_t story : plan.emptied) {
    auto it = stories_.find(story);
    if (it == stories_.end() || it->second->members.size() != leaving[story]) {
      return conflict("story " + std::to_string(story) + " has other articles");
    }
  }

  if (plan.kind == CorrectionKind::kMoveEvent) {
    if (plan.storyline <= 0) return Status::Error(ErrorCode::kUsage, "an event moves into a storyline (id > 0)");
    std::vector<size_t>& members = stories_.at(plan.into)->members;
    const int64_t old_line = articles_[members.front()].storyline;
    if (auto line = storyline_events_.find(old_line); line != storyline_events_.end() && --line->second == 0) {
      storyline_events_.erase(line);
    }
    ++storyline_events_[plan.storyline];
    for (size_t m : members) articles_[m].storyline = plan.storyline;
    max_storyline_ = std::max(max_storyline_, plan.storyline);
    return Recorded(plan);
  }
  // An emptied story leaves its storyline's count of events (its members share one storyline).
  for (int64_t story : plan.emptied) {
    const int64_t line_id = articles_[stories_.at(story)->members.front()].storyline;
    if (auto line = storyline_events_.find(line_id); line != storyline_events_.end() && --line->second == 0) {
      storyline_events_.erase(line);
    }
  }
  std::unique_ptr<Story>& into = stories_[plan.into];
  if (!into) {
    into = std::make_unique<Story>();
    if (plan.storyline > 0) ++storyline_events_[plan.storyline];
    max_story_ = std::max(max_story_, plan.into);
  }
  const int64_t storyline =
      split ? plan.storyline : (into->members.empty() ? 0 : articles_[into->members.front()].storyline);
  for (const auto& [article, from] : plan.moves) {
    const size_t at = index_of_.at(article);
    std::vector<size_t>& members = stories_.at(from)->members;
    members.erase(std::find(members.begin(), members.end(), at));
    articles_[at].story = plan.into;
    articles_[at].storyline = storyline;
    into->members.insert(std::upper_bound(into->members.begin(), into->members.end(), at,
                                          [&](size_t x, size_t y) { return Before(x, y); }),
                         at);
  }
  for (int64_t story : plan.emptied) {
    // Its id still finds the story its articles went to, as a merged story's does.
    for (auto& [merged, target] : merged_into_) {
      if (target == story) target = plan.into;
    }
    merged_into_[story] = plan.into;
    stories_.erase(story);
    leaving.erase(story);
  }
  leaving[plan.into] = 0;
  for (const auto& [story, gone] : leaving) {
    (void)gone;
    RefreshHeadline(*stories_.at(story), {}, /*force=*/true);
  }
  return Recorded(plan);
}

Result<std::vector<CorrectionRecord>> MemoryStore::ListCorrections() { return corrections_; }

int64_t MemoryStore::Recorded(const CorrectionPlan& plan) {
  corrections_.push_back({static_cast<int64_t>(corrections_.size()) + 1, plan});
  return corrections_.back().id;
}

void MemoryStore::RefreshHeadline(Story& story, const std::vector<size_t>& added, bool force) {
  if (contents_ == Contents::kDecisions) return;  // no texts, no headlines (see memory_store.h)
  const size_t first = std::min(story.members.size(), digest::kHeadlineArticles);
  bool changed = force || story.headline.find_first_not_of(" \t\r\n") == std::string::npos;
  for (size_t i = 0; i < first && !changed; ++i) {
    changed = std::find(added.begin(), added.end(), story.members[i]) != added.end();
  }
  if (!changed) return;
  auto& cache = headlines_->evidence;
  size_t missing = 0;
  for (size_t i = 0; i < first; ++i) missing += cache.contains(story.members[i]) ? 0 : 1;
  if (cache.size() + missing > kMaxCachedEvidence) cache.clear();
  std::vector<const digest::HeadlineEvidence*> evidence;
  evidence.reserve(first);
  for (size_t i = 0; i < first; ++i) {
    const size_t m = story.members[i];
    auto it = cache.find(m);
    if (it == cache.end()) {
      const RawArticle& raw = articles_[m].raw;
      it = cache.emplace(m, digest::AnalyzeHeadlineEvidence(raw.title, raw.text, headlines_->analyzer)).first;
    }
    evidence.push_back(&it->second);
  }
  story.headline = digest::ChooseHeadline(evidence);
}

Result<std::vector<std::pair<StoryCursor, int64_t>>> MemoryStore::Listed(const StoryFilter& filter) {
  std::vector<std::pair<StoryCursor, int64_t>> out;
  std::unordered_set<int64_t> matching;  // stories with an article holding the query's words
  if (filter.query) {
    if (contents_ == Contents::kDecisions && !articles_.empty()) return TextsNotKept("a query");
    SearchIndex& search = Search();
    const std::vector<std::string> stems = search.QueryStems(*filter.query);
    if (stems.empty()) return out;  // no word to look for: nothing matches
    for (const SearchIndex::Scored& m : search.Match(stems)) matching.insert(articles_[m.article].story);
  }
  for (const auto& [id, story] : stories_) {
    if (filter.query && !matching.contains(id)) continue;
    const std::vector<size_t>& members = story->members;
    if (filter.storyline && articles_[members.front()].storyline != *filter.storyline) continue;
    std::optional<int64_t> first, last;
    for (auto it = members.rbegin(); it != members.rend(); ++it) {
      if (articles_[*it].raw.published_at) {
        last = articles_[*it].raw.published_at;
        break;
      }
    }
    first = articles_[members.front()].raw.published_at;
    if (filter.since && !(last && *last >= *filter.since)) continue;
    if (filter.until && !(first && *first < *filter.until)) continue;
    if (filter.source && std::none_of(members.begin(), members.end(),
                                      [&](size_t m) { return articles_[m].raw.source == filter.source; })) {
      continue;
    }
    if (filter.after) {
      const StoryCursor& c = *filter.after;
      const bool after = c.last_published_at
                             ? (!last || *last < *c.last_published_at || (*last == *c.last_published_at && id < c.id))
                             : (!last && id < c.id);
      if (!after) continue;
    }
    out.push_back({StoryCursor{last, id}, id});
  }
  // last_published_at DESC NULLS LAST, id DESC.
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    const auto& a = x.first.last_published_at;
    const auto& b = y.first.last_published_at;
    if (a.has_value() != b.has_value()) return a.has_value();
    if (a && *a != *b) return *a > *b;
    return x.second > y.second;
  });
  return out;
}

StorySummary MemoryStore::Summarize(int64_t id, const Story& story) const {
  StorySummary s;
  s.id = id;
  s.headline = story.headline;
  s.articles = static_cast<int>(story.members.size());
  if (!story.members.empty()) s.storyline = articles_[story.members.front()].storyline;
  if (auto line = storyline_events_.find(s.storyline); line != storyline_events_.end())
    s.storyline_events = line->second;
  std::set<std::string> sources;
  std::map<std::string, int> days;  // YYYY-MM-DD sorts by date
  for (size_t m : story.members) {
    const StoredArticle& a = articles_[m];
    if (a.raw.source) sources.insert(*a.raw.source);
    if (a.copy_of) ++s.copies;
    if (a.raw.published_at) {
      std::string day = timeutil::FormatDate(*a.raw.published_at);
      if (!s.first_published) s.first_published = day;
      ++days[day];
      s.last_published = std::move(day);
    }
  }
  s.sources = static_cast<int>(sources.size());
  s.source_names.assign(sources.begin(), sources.end());
  s.activity.assign(days.begin(), days.end());
  return s;
}

Result<std::vector<StorySummary>> MemoryStore::ListStories(const StoryFilter& filter) {
  auto listed = Listed(filter);
  if (!listed.ok()) return listed.status();
  std::vector<StorySummary> out;
  for (const auto& [position, id] : listed.value()) {
    if (filter.limit && out.size() >= static_cast<size_t>(std::max(0, *filter.limit))) break;
    out.push_back(Summarize(id, *stories_.at(id)));
  }
  return out;
}

Result<StoryPage> MemoryStore::ListStoryPage(const StoryFilter& filter) {
  const int size = filter.limit.value_or(kDefaultStoryPageSize);
  if (Status s = CheckPageSize(size); !s.ok()) return s;
  auto listed = Listed(filter);
  if (!listed.ok()) return listed.status();
  StoryPage page;
  const auto& all = listed.value();
  for (size_t i = 0; i < all.size() && i < static_cast<size_t>(size); ++i) {
    page.stories.push_back(Summarize(all[i].second, *stories_.at(all[i].second)));
  }
  if (all.size() > static_cast<size_t>(size)) page.next = all[static_cast<size_t>(size) - 1].first;
  return page;
}

MemoryStore::SearchIndex& MemoryStore::Search() {
  if (!search_) search_ = std::make_unique<SearchIndex>();
  search_->CatchUp(articles_);
  return *search_;
}

Result<std::vector<ArticleMatch>> MemoryStore::SearchArticles(const std::string& query, int limit, int per_story) {
  if (Status s = CheckSearchLimits(limit, per_story); !s.ok()) return s;
  std::vector<ArticleMatch> out;
  if (contents_ == Contents::kDecisions && !articles_.empty()) return TextsNotKept("search");
  SearchIndex& search = Search();
  const std::vector<std::string> stems = search.QueryStems(query);
  if (stems.empty()) return out;
  std::vector<SearchIndex::Scored> matches = search.Match(stems);
  std::stable_sort(matches.begin(), matches.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });  // ties: ingest order
  std::unordered_map<int64_t, int> per;
  for (const SearchIndex::Scored& m : matches) {
    if (out.size() >= static_cast<size_t>(limit)) break;
    const StoredArticle& a = articles_[m.article];
    if (++per[a.story] > per_story) continue;
    out.push_back(ArticleMatch{a.raw.id, a.raw.title, search.Snippet(a.raw.text, stems), a.story});
  }
  return out;
}

Result<int64_t> MemoryStore::ResolveStory(int64_t id) {
  auto it = merged_into_.find(id);
  return it == merged_into_.end() ? id : it->second;
}

Result<StorySummary> MemoryStore::GetStory(int64_t requested) {
  auto it = stories_.find(ResolveStory(requested).value());
  if (it == stories_.end()) return Status::Error(ErrorCode::kNotFound, "no story " + std::to_string(requested));
  return Summarize(it->first, *it->second);
}

Result<std::vector<StoredArticle>> MemoryStore::StoryArticles(int64_t requested) {
  std::vector<StoredArticle> out;
  auto it = stories_.find(ResolveStory(requested).value());
  if (it == stories_.end()) return out;
  out.reserve(it->second->members.size());
  for (size_t m : it->second->members) out.push_back(articles_[m]);
  return out;
}

Result<std::vector<StoryMember>> MemoryStore::StoryMembers(int64_t requested) {
  std::vector<StoryMember> out;
  auto it = stories_.find(ResolveStory(requested).value());
  if (it == stories_.end()) return out;
  out.reserve(it->second->members.size());
  for (size_t m : it->second->members) {
    const StoredArticle& a = articles_[m];
    out.push_back(StoryMember{a.raw.id, a.raw.source, a.raw.published_at, a.copy_of.has_value()});
  }
  return out;
}

Status MemoryStore::ForEachArticle(const std::function<bool(const StoredArticle&)>& visit) {
  for (const StoredArticle& a : articles_) {
    if (!visit(a)) break;
  }
  return Status::Ok();
}

Result<InvariantReport> MemoryStore::CheckInvariants(size_t max_violations) {
  InvariantReport report;
  report.articles = static_cast<int64_t>(articles_.size());
  report.stories = static_cast<int64_t>(stories_.size());
  auto violation = [&](std::string line) {
    if (report.violations.size() < max_violations) report.violations.push_back(std::move(line));
    ++report.violation_count;
  };
  std::unordered_map<size_t, int> memberships;
  for (const auto& [id, story] : stories_) {
    if (story->members.empty()) violation("story " + std::to_string(id) + " has no articles");
    if (merged_into_.contains(id)) violation("story " + std::to_string(id) + " was merged away but still has articles");
    for (size_t i = 0; i < story->members.size(); ++i) {
      const size_t m = story->members[i];
      ++memberships[m];
      if (articles_[m].story != id) {
        violation("article '" + articles_[m].raw.id + "' is listed in story " + std::to_string(id) +
                  " but says story " + std::to_string(articles_[m].story));
      }
      if (i > 0 && !Before(story->members[i - 1], m)) {
        violation("story " + std::to_string(id) + "'s members are out of publication order");
      }
      if (articles_[m].storyline != articles_[story->members.front()].storyline) {
        violation("story " + std::to_string(id) + " is split across storylines " +
                  std::to_string(articles_[story->members.front()].storyline) + " and " +
                  std::to_string(articles_[m].storyline));
      }
    }
  }
  for (size_t i = 0; i < articles_.size(); ++i) {
    const StoredArticle& a = articles_[i];
    if (memberships[i] != 1) {
      violation("article '" + a.raw.id + "' is in " + std::to_string(memberships[i]) + " stories, not one");
    }
    if (!a.copy_of) continue;
    ++report.copies;
    auto original = index_of_.find(*a.copy_of);
    if (original == index_of_.end()) {
      violation("article '" + a.raw.id + "' is a copy of '" + *a.copy_of + "', which is not stored");
      continue;
    }
    const StoredArticle& o = articles_[original->second];
    if (o.story != a.story) violation("article '" + a.raw.id + "' is a copy of '" + o.raw.id + "' of another story");
    if (o.copy_of) violation("article '" + a.raw.id + "' is a copy of '" + o.raw.id + "', itself a copy");
    if (o.raw.published_at && a.raw.published_at && *o.raw.published_at > *a.raw.published_at) {
      violation("article '" + a.raw.id + "' is a copy of '" + o.raw.id + "', published after it");
    }
  }
  if (documents_ != report.articles) {
    violation("the document count is " + std::to_string(documents_) + ", but " + std::to_string(report.articles) +
              " articles are stored");
  }
  return report;
}

Status MemoryStore::Refingerprint(
    const FingerprintSettings& settings,
    const std::function<void(const RawArticle&, uint64_t* exact_hash, std::vector<uint32_t>* minhash)>& fingerprint) {
  if (contents_ == Contents::kDecisions && !articles_.empty()) return TextsNotKept("recomputing fingerprints");
  by_hash_.clear();
  for (size_t i = 0; i < articles_.size(); ++i) {
    StoredArticle& a = articles_[i];
    fingerprint(a.raw, &a.exact_hash, &a.minhash);
    by_hash_[a.exact_hash].push_back(i);
  }
  settings_ = settings;
  return Status::Ok();
}

}  // namespace storydesk::store
