// IngestPipeline: storing new articles — what `storydesk ingest` and `POST /api/articles` do.
//
// Order of work: drop articles already stored (idempotence: the same id with the same text is
// a duplicate; with another text, a rejection), sort the rest into publication order, restore
// the engine's state around their dates from the store (the window of stored decisions), then
// decide and commit in batches. An article counts as stored only once its batch's transaction
// has committed; a failed commit leaves the earlier batches stored and reports the failure.
// Writers: hold store::WriterLock (adapters/store/writer_lock.h) around each call, so that one
// writer at a time restores, decides and commits. Without it the result is still correct but
// slower: each batch commits only if no other connection committed since the engine was
// restored (Store::CommitBatch's `decided_at`); otherwise the rest is decided again from
// the store as it is then (articles the other writer stored meanwhile become duplicates).
// Not thread-safe; readers on other connections are not blocked (WAL).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/store.h"
#include "storydesk/article.h"
#include "storydesk/status.h"
#include "storydesk/stories/background_frequencies.h"
#include "storydesk/story_engine.h"

namespace storydesk::service {

enum class IngestOutcome { kStored, kDuplicate, kRejected, kNotStored };

// "stored", "duplicate", "rejected", "not_stored" (a commit failed before its batch).
const char* IngestOutcomeName(IngestOutcome outcome);

struct IngestedArticle {
  std::string id;
  IngestOutcome outcome = IngestOutcome::kNotStored;
  // For stored and duplicate articles: the story now holding it and its copy relation.
  std::optional<int64_t> story;
  int64_t storyline = 0;  // for stored articles, grouping events: the story's storyline
  copies::CopyKind relation = copies::CopyKind::kNone;
  std::optional<std::string> copy_of;
  std::string error;  // for rejections: "ORIGIN: what is wrong"
};

// The engine an ingest decides with, when not the shipped one: its options and models, and the
// document frequencies it starts from before the store's (none: only the store's).
struct EngineSetup {
  EngineOptions options;
  std::optional<stories::BackgroundFrequencies> background;
};

struct IngestOptions {
  // Unset: the shipped models and background, the default window, headline evidence for the
  // store, and `merge_probability` below.
  std::shared_ptr<const EngineSetup> engine;
  std::optional<double> merge_probability;  // merge repair (EngineOptions), without `engine`
  // Without `engine`: group events and storylines (EngineOptions::events). A store that holds
  // storylines already is always ingested so, whatever this says: its levels stay whole; one
  // holding stories without storylines refuses it (kUsage): its stories were decided at one level.
  bool events = false;
  size_t batch_size = 1000;
  // Threads analysing articles ahead of the one deciding (ParallelAnalysis); 0: one per core.
  // Any number gives the same decisions.
  int threads = 0;
  // Analyses made elsewhere (distributed ingest's workers: adapters/nats/): asked on the deciding
  // thread for each article about to be decided, with what the engine needs; returns the
  // article's analysis when one covering that is at hand (storydesk/analysis_bytes.h), nothing to
  // have it analysed here. When set, no analysis threads are started for the new articles.
  std::function<std::optional<AnalyzedArticle>(const RawArticle&, const AnalysisOptions&)> prepared;
  std::function<void(size_t done, size_t total)> progress;  // after each committed batch
  // Called on the deciding thread with each article and what was decided about it (before the
  // decision's terms and signature go to the store): for tools that learn from decisions.
  std::function<void(const RawArticle&, const Decision&)> observe;
};

// Where an ingest's time went, in seconds: analysing (CPU, summed over the analysis threads),
// deciding in order (the one deciding thread, waits for analysis excluded), waiting for an
// analysis to finish, restoring the engine from the store, and committing (on the committing
// thread, overlapping the next batch's decisions).
struct IngestTimes {
  double analyse = 0, decide = 0, wait = 0, restore = 0, commit = 0;
  IngestTimes& operator+=(const IngestTimes& o) {
    analyse += o.analyse;
    decide += o.decide;
    wait += o.wait;
    restore += o.restore;
    commit += o.commit;
    return *this;
  }
};

struct IngestReport {
  std::vector<IngestedArticle> articles;  // one per input article, in input order
  size_t stored = 0, duplicates = 0, rejected = 0;
  size_t stories = 0;      // distinct stories the stored articles are in now
  size_t new_stories = 0;  // stories they opened
  Status failure;          // the store error that stopped the run, if any (then some are kNotStored)
  IngestTimes times;
};

// Ingests `articles` (validated by a reader) into `db` with the shipped models.
// Errors (as a Status, nothing stored): the models or the store cannot be read.
Result<IngestReport> IngestArticles(std::vector<RawArticle> articles, store::Store& db,
                                    const IngestOptions& options = {});

// IngestSession: ingests that keep the engine between calls, for a long-running writer (the
// HTTP server). Restoring the engine replays the stored window — seconds for a busy week — so
// a stream posted an article at a time would pay that per article. A kept engine is what one
// `cluster` run over the whole stream would hold; it is kept while it lacks nothing the next
// articles need, and restored from the store (as IngestArticles does) otherwise:
//   - nobody else wrote to the store since (SQLite's data_version of the writer connection);
//   - dated articles: none older than the newest this engine has decided (it forgets stories
//     that fall out of the window behind the stream's newest time), and their window lies in
//     the stored times it was restored from (or nothing newer was stored then);
//   - undated articles (compared with every story): the engine was restored with everything
//     and has decided no dated article since (so it has forgotten nothing).
// Not thread-safe: one call at a time, always with the same store connection.
class IngestSession {
 public:
  explicit IngestSession(IngestOptions options = {});
  ~IngestSession();
  IngestSession(const IngestSession&) = delete;
  IngestSession& operator=(const IngestSession&) = delete;

  Result<IngestReport> Ingest(std::vector<RawArticle> articles, store::Store& db);

  // How many calls restored the engine from the store (the others reused it).
  size_t Restores() const { return restores_; }

  // Drops the kept engine: the next call restores it from the store. For changes this
  // session's own connection made outside Ingest (an analyst's correction), which the store's
  // data version does not show it.
  void Forget();

 private:
  struct Engine;
  // Ingest, on its `attempt`-th retry after another writer committed under it.
  Result<IngestReport> Ingest(std::vector<RawArticle> articles, store::Store& db, int attempt);
  // Stored articles' stories as `engine` (null when none was needed) has them now, merges
  // followed; duplicates' as the store has them.
  static IngestReport FinishReport(IngestReport report, store::Store& db, const StoryEngine* engine);

  IngestOptions options_;
  std::unique_ptr<Engine> engine_;
  size_t restores_ = 0;
};

}  // namespace storydesk::service
