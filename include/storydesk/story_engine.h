// StoryEngine: the pipeline from a RawArticle to its story — the core's entry point for
// decisions. The other headers under include/storydesk/ are the rest of the core's public door:
// its models (stories/, copies/, claims/, learning/), the digest (digest/), evaluation (eval/)
// and the text and time tools adapters share (text/, time/, article_id.h); nothing under
// src/core/ is visible outside the core (scripts/check_layering.py).
//
//   RawArticle → analyse (normalise, sentences, tokens, stems, names)
//              → fingerprint (exact hash, MinHash) → copy check → story assignment
//
// The engine holds the online state (vocabulary and document frequencies, active stories,
// the copy indexes). It does no I/O: adapters feed it articles in publication order, persist
// each Decision, and on restart Restore() what was decided before.
// Not thread-safe: one engine per ingest.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storydesk/article.h"
#include "storydesk/copies/copy_kind.h"

namespace storydesk {

// Declared in storydesk/stories/story_model.h, storydesk/copies/{sentence_matcher,rewrite_model}.h
// and storydesk/digest/headline.h; forward-declared so that this header stays light.
namespace stories {
struct StoryModel;
struct TrainingArticle;
}  // namespace stories
namespace copies {
struct SentenceModel;
struct RewriteModel;
}  // namespace copies
namespace digest {
struct HeadlineEvidence;
}  // namespace digest

struct EngineOptions {
  int64_t window_seconds = int64_t{7} * 24 * 3600;  // stories older than this stop taking articles
  // Similarity at or above which an article joins its best story; unset: the default chosen
  // on training data (stories::GroupingOptions). For experiments and model selection.
  std::optional<double> join_threshold;
  // Share of the similarity given to names over words; unset: the trained default.
  std::optional<double> name_weight;
  // The learned grouping decisions (storydesk/stories/story_model.h); null: the fixed cosine blend
  // with join_threshold and name_weight.
  std::shared_ptr<const stories::StoryModel> model;
  // Merge repair threshold (see stories::GroupingOptions::merge_probability); unset: default.
  std::optional<double> merge_probability;
  // Whether time evidence learned from a dated stream is used (stories::TimeEvidence); unset: yes.
  std::optional<bool> stream_time_evidence;
  // Group at two levels: events, one day's news each (a story whose leads date its news to
  // another day than the article's lead does is held apart: core/stories/event_days.h), and
  // storylines of events above them (Decision::storyline; core/stories/storyline_level.h), which
  // follow a matter over days (a breach, then the apology, then the hearing) as one-level
  // stories do. Off: one level, stories. The learned decisions only: the fixed cosine blend (a
  // null `model`) ignores it.
  bool events = false;
  // Grouping events: the attach probability at or above which an article opening an event joins
  // the best storyline; unset: the default (stories::kStorylineAttachThreshold).
  std::optional<double> storyline_attach_threshold;
  // The sentence matcher of rewrite detection (storydesk/copies/sentence_matcher.h); null: only
  // exact, near and excerpt copies are detected.
  std::shared_ptr<const copies::SentenceModel> sentence_model;
  // The document-level decision of rewrite detection (storydesk/copies/rewrite_model.h); null: a
  // rewrite is a text most of whose words lie in surely aligned sentences.
  std::shared_ptr<const copies::RewriteModel> rewrite_model;
  // Training: every active story sharing a query term is a candidate (no bound on postings or
  // on the stories scored in full), so the model also sees the easy negatives that bounded
  // retrieval filters out. Slow; BCubed F1 on allsides-val was higher trained this way.
  bool exhaustive_candidates = false;
  // Whether each Decision carries the article's headline evidence (storydesk/digest/headline.h),
  // made from the analyses the engine makes anyway: what a store needs to keep its stories'
  // headlines without analysing the text again.
  bool headline_evidence = false;
  // Bounded memory: once the vocabulary holds this many terms, the terms that no active story
  // and no article of the copy index holds are forgotten (their document frequencies live on
  // as upper bounds in a fixed-size sketch, terms/term_statistics.h), and again each time it
  // has grown by half since; 0: never. 2^16 terms: the labelled sets we measure on (about
  // 11,000 terms each) are never swept, a stream is from its first few ten thousand articles.
  // Training replay (Observe) never forgets, so that shipped models reproduce exactly.
  size_t forget_terms_at = size_t{1} << 16;
};

// Everything decided about one article.
struct Decision {
  int64_t story = 0;
  bool opened_story = false;
  double similarity = 0.0;
  std::optional<std::string> copy_of;                   // the family's original, for copies
  copies::CopyKind relation = copies::CopyKind::kNone;  // for copies: which kind
  // Set when this article, published before its copy family's original, took the family over
  // (it is then an original: no copy_of): every member's new copy_of (and the old original's
  // relation).
  std::vector<copies::CopyUpdate> copy_updates;
  double copy_score = 0.0;
  uint64_t exact_hash = 0;
  std::vector<uint32_t> minhash;
  std::vector<std::string> terms;  // the article's distinct terms, for persisting DF
  // Stories this article showed to be part of `story` (merge repair): they are merged into it,
  // so every article of theirs now belongs to `story`.
  std::vector<int64_t> merged_stories;
  // The storyline of `story` when grouping events (EngineOptions::events; 0 otherwise): every
  // article of an event gets the same one, and the stories merged into `story` are in it now.
  int64_t storyline = 0;
  // The article's headline evidence, when EngineOptions::headline_evidence.
  std::shared_ptr<const digest::HeadlineEvidence> headline_evidence;
};

// What an analysis makes besides what every decision needs.
struct AnalysisOptions {
  bool headline_evidence = false;  // EngineOptions::headline_evidence
  bool event_days = false;         // the days the lead dates its news to: for EngineOptions::events
};
// What an engine with `options` needs.
AnalysisOptions AnalysisOptionsFor(const EngineOptions& options);

// The work the engine does on one article alone, before it consults any state: the analyses
// of title, bullets and body (normalised text, sentences, tokens, stems, names, numbers), the
// exact hash and shingles, the credits to other outlets, and (when asked) the headline
// evidence and the days the lead dates its news to. Pure: AnalyzeArticle may run on many threads at once while one
// engine decides, in publication order, with Decide (ingest's pool: adapters/service/parallel_analysis.h).
class AnalyzedArticle {
 public:
  AnalyzedArticle();
  ~AnalyzedArticle();
  AnalyzedArticle(AnalyzedArticle&&) noexcept;
  AnalyzedArticle& operator=(AnalyzedArticle&&) noexcept;

 private:
  friend class StoryEngine;
  friend AnalyzedArticle AnalyzeArticle(const RawArticle& article, const AnalysisOptions& options);
  // storydesk/analysis_bytes.h: analyses made on other machines.
  friend std::string EncodeAnalysis(const AnalyzedArticle& analysis, const AnalysisOptions& options);
  friend struct AnalysisDecoder;
  struct Data;
  std::unique_ptr<Data> data_;
};

// Analyses `article` (see AnalyzedArticle). Thread-safe.
AnalyzedArticle AnalyzeArticle(const RawArticle& article, const AnalysisOptions& options);

class StoryEngine {
 public:
  explicit StoryEngine(EngineOptions options = {});
  ~StoryEngine();
  StoryEngine(StoryEngine&&) noexcept;
  StoryEngine& operator=(StoryEngine&&) noexcept;

  // Seeds the online statistics with persisted counts (documents seen, per-term DF). The terms
  // of `kept_always` counts (a background corpus) are never forgotten; those of a stream's own
  // past (a store's) are, like any term no live structure holds.
  void LoadDocumentFrequencies(int64_t documents, const std::map<std::string, int64_t>& df, bool kept_always);
  // New stories get ids above `id`.
  void ReserveStoryIdsThrough(int64_t id);
  // New storylines (EngineOptions::events) get ids above `id`.
  void ReserveStorylineIdsThrough(int64_t id);

  // Analyses `article`, counts it in the statistics and decides its story and copy relation.
  Decision Add(const RawArticle& article);
  // The same, with the analysis made already: `analyzed` must be AnalyzeArticle(article, o)
  // with o = AnalysisOptionsFor(the engine's options). Add(a) and Decide(a, AnalyzeArticle(a, o))
  // give the same Decision.
  Decision Decide(const RawArticle& article, AnalyzedArticle analyzed);

  // Training replay: fills *example with the article's features against the active candidate
  // stories and which of them is gold story `gold` (a label of the gold file). Without a model
  // in the options the stories are the gold ones (teacher forcing): the article is put into
  // its gold story. With a model, the engine decides as in Add and a candidate is right when
  // most of its articles share the article's gold label — so a later model learns from the
  // split and mixed stories an earlier one really makes (as in DAgger, Ross et al. 2011).
  // Copies give no example (returns false): copy detection, not the model, places them.
  bool Observe(const RawArticle& article, const std::string& gold, stories::TrainingArticle* example);

  // The options the engine was made with.
  const EngineOptions& Options() const;

  // The story `story` is now part of (itself unless merge repair merged it into another).
  int64_t CurrentStory(int64_t story) const;

  // Merge repair never merges stories (events) `a` and `b`: an analyst's correction moved
  // articles from one to the other, which a later article bridging them must not undo.
  void KeepApart(int64_t a, int64_t b);

  // Replays a decision taken earlier (not counted in the statistics again). `storyline`: the
  // storyline stored for the article's story when grouping events; 0 when none was stored
  // (then the storyline of its story's articles restored before, or a new one as Add decides).
  void Restore(const RawArticle& article, int64_t story, const std::optional<std::string>& copy_of,
               copies::CopyKind relation, int64_t storyline = 0);
  // The same, with the analysis made already (as for Decide; the headline evidence is not used).
  void Restore(const RawArticle& article, AnalyzedArticle analyzed, int64_t story,
               const std::optional<std::string>& copy_of, copies::CopyKind relation, int64_t storyline = 0);

  // The fingerprints of `article` alone (used by the fingerprint migration).
  static void Fingerprint(const RawArticle& article, uint64_t* exact_hash, std::vector<uint32_t>* minhash);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sorts articles into processing order: by publication time, undated last, ties keeping input
// order (stable).
void SortForProcessing(std::vector<RawArticle>* articles);

}  // namespace storydesk
