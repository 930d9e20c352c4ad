#include "adapters/service/ingest_pipeline.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "adapters/service/corrections.h"
#include "adapters/service/parallel_analysis.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/story_engine.h"

namespace storydesk::service {
namespace {

// How often one ingest decides again after another writer committed under it (CommitBatch's
// stale-writer conflict). Each retry means the other writer made progress, so a few suffice
// unless writers bypass the WriterLock in a tight loop; then the run reports the conflict.
constexpr int kMaxAttempts = 8;

double SecondsSince(std::chrono::steady_clock::time_point began) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
}

uint64_t BodyHash(const RawArticle& a) {
  uint64_t hash = 0;
  std::vector<uint32_t> unused;
  StoryEngine::Fingerprint(a, &hash, &unused);
  return hash;
}

// The stored times an engine holds: every stored article dated in [from, to], and the undated.
struct Coverage {
  int64_t from = 0, to = 0;
  static Coverage Everything() { return {INT64_MIN / 2, INT64_MAX / 2}; }
  bool IsEverything() const { return from <= INT64_MIN / 2; }
};

// Where the new articles need the stored decisions: `window` around their dates, or all of it
// when one is undated (it is compared with every story).
Coverage Needed(const std::vector<RawArticle>& fresh, int64_t window) {
  std::optional<int64_t> from, to;
  for (const RawArticle& a : fresh) {
    if (!a.published_at) return Coverage::Everything();
    from = std::min(from.value_or(*a.published_at), *a.published_at);
    to = std::max(to.value_or(*a.published_at), *a.published_at);
  }
  if (!from) return Coverage::Everything();
  return {*from - window, *to + window};
}

// Replays the stored decisions in `needed` into `engine`, after `background` (when given).
Status RestoreEngine(const Coverage& needed, store::Store& db, int threads,
                     const stories::BackgroundFrequencies* background, StoryEngine* engine) {
  // The background counts first, then the stream's own on top.
  if (background != nullptr)
    engine->LoadDocumentFrequencies(background->documents, background->df, /*kept_always=*/true);
  auto documents = db.DocumentCount();
  if (!documents.ok()) return documents.status();
  auto df = db.LoadDocumentFrequencies();
  if (!df.ok()) return df.status();
  engine->LoadDocumentFrequencies(documents.value(), df.value(), /*kept_always=*/false);
  auto max_story = db.MaxStoryId();
  if (!max_story.ok()) return max_story.status();
  engine->ReserveStoryIdsThrough(max_story.value());
  auto max_storyline = db.MaxStorylineId();
  if (!max_storyline.ok()) return max_storyline.status();
  engine->ReserveStorylineIdsThrough(max_storyline.value());
  if (Status s = KeepCorrectionsApart(db, *engine); !s.ok()) return s;
  if (documents.value() == 0) return Status::Ok();
  auto window_articles = db.LoadWindow(needed.from, needed.to, /*include_undated=*/true);
  if (!window_articles.ok()) return window_articles.status();
  std::vector<store::StoredArticle>& stored = window_articles.value();
  // ParallelAnalysis reads RawArticles: the stored ones are moved there, not copied (a busy
  // week's texts are hundreds of megabytes), and only their decisions stay in `stored`.
  std::vector<RawArticle> raws;
  raws.reserve(stored.size());
  for (store::StoredArticle& s : stored) raws.push_back(std::move(s.raw));
  AnalysisOptions restoring = AnalysisOptionsFor(engine->Options());
  restoring.headline_evidence = false;  // the stored stories keep their headlines
  ParallelAnalysis analysis(raws, threads, restoring);
  for (size_t i = 0; i < stored.size(); ++i) {
    engine->Restore(raws[i], analysis.Take(i), stored[i].story, stored[i].copy_of, stored[i].relation,
                    stored[i].storyline);
  }
  return Status::Ok();
}

}  // namespace

const char* IngestOutcomeName(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::kStored:
      return "stored";
    case IngestOutcome::kDuplicate:
      return "duplicate";
    case IngestOutcome::kRejected:
      return "rejected";
    case IngestOutcome::kNotStored:
      break;
  }
  return "not_stored";
}

struct IngestSession::Engine {
  store::Store* db = nullptr;             // the connection it was restored from
  int64_t data_version = 0;               // that connection's data_version before restoring
  Coverage covered;                       // the stored times restored
  bool nothing_stored_later = false;      // no stored article was newer than covered.to
  std::optional<int64_t> newest_decided;  // the newest article this engine has decided
  std::unique_ptr<StoryEngine> engine;
};

IngestSession::IngestSession(IngestOptions options) : options_(std::move(options)) {}
IngestSession::~IngestSession() = default;

void IngestSession::Forget() { engine_.reset(); }

Result<IngestReport> IngestArticles(std::vector<RawArticle> articles, store::Store& db, const IngestOptions& options) {
  IngestSession session(options);
  return session.Ingest(std::move(articles), db);
}

Result<IngestReport> IngestSession::Ingest(std::vector<RawArticle> articles, store::Store& db) {
  return Ingest(std::move(articles), db, 0);
}

Result<IngestReport> IngestSession::Ingest(std::vector<RawArticle> articles, store::Store& db, int attempt) {
  const IngestOptions& options = options_;
  const int threads = options.threads > 0 ? options.threads : DefaultAnalysisThreads();
  IngestReport report;
  report.articles.resize(articles.size());
  // 1. Already stored? (Within the input too: the first of an id wins.)
  std::vector<size_t> fresh_index;               // input positions of the articles to store
  std::unordered_map<std::string, size_t> seen;  // id -> input position of its first occurrence
  for (size_t i = 0; i < articles.size(); ++i) {
    IngestedArticle& r = report.articles[i];
    r.id = articles[i].id;
    std::optional<uint64_t> known;
    if (auto it = seen.find(r.id); it != seen.end()) {
      known = BodyHash(articles[it->second]);
    } else {
      auto stored = db.FindExactHash(r.id);
      if (!stored.ok()) return stored.status();
      known = stored.value();
    }
    if (!known) {
      seen.emplace(r.id, i);
      fresh_index.push_back(i);
    } else if (BodyHash(articles[i]) == *known) {
      r.outcome = IngestOutcome::kDuplicate;
      ++report.duplicates;
    } else {
      r.outcome = IngestOutcome::kRejected;
      r.error = articles[i].origin + ": id '" + r.id + "' is already used by an article with a different text";
      ++report.rejected;
    }
  }

  // 2. Publication order, the engine restored around it.
  std::vector<RawArticle> fresh;
  fresh.reserve(fresh_index.size());
  std::unordered_map<std::string, size_t> position_of;  // id -> input position
  for (size_t i : fresh_index) {
    position_of.emplace(articles[i].id, i);
    fresh.push_back(std::move(articles[i]));
  }
  SortForProcessing(&fresh);
  if (fresh.empty()) return FinishReport(std::move(report), db, nullptr);  // nothing to decide
  EngineOptions engine_options;
  const stories::BackgroundFrequencies* background = nullptr;  // none
  if (options.engine) {
    engine_options = options.engine->options;
    if (options.engine->background) background = &*options.engine->background;
  } else {
    if (Status s = UseBuiltinModels(&engine_options); !s.ok()) return s;
    engine_options.merge_probability = options.merge_probability;
    // A store is at one level or two for good: its stories were decided as stories or as events.
    auto storylines = db.MaxStorylineId();
    if (!storylines.ok()) return storylines.status();
    if (options.events && storylines.value() == 0) {
      auto stories = db.MaxStoryId();
      if (!stories.ok()) return stories.status();
      if (stories.value() > 0) {
        return Status::Error(ErrorCode::kUsage,
                             "--events: this store's stories were grouped at one level (ingested without --events); "
                             "events and storylines need a new store");
      }
    }
    engine_options.events = options.events || storylines.value() > 0;
    engine_options.headline_evidence = true;  // the store keeps headlines from it
    const auto& builtin = BuiltinBackground();
    if (!builtin.ok()) return builtin.status();
    background = &builtin.value();
  }
  const Coverage needed = Needed(fresh, engine_options.window_seconds);
  auto version = db.DataVersion();
  if (!version.ok()) return version.status();
  const bool dated = !needed.IsEverything();
  auto lacks_nothing = [&] {
    const Engine& e = *engine_;
    if (!dated) return e.covered.IsEverything() && !e.newest_decided;
    return (!e.newest_decided || needed.from + engine_options.window_seconds >= *e.newest_decided) &&
           needed.from >= e.covered.from && (needed.to <= e.covered.to || e.nothing_stored_later);
  };
  const bool reusable = engine_ && engine_->db == &db && engine_->data_version == version.value() && lacks_nothing();
  if (!reusable) {
    engine_.reset();
    auto fresh_engine = std::make_unique<Engine>();
    fresh_engine->db = &db;
    fresh_engine->data_version = version.value();
    fresh_engine->covered = needed;
    auto newest_stored = db.NewestPublished();
    if (!newest_stored.ok()) return newest_stored.status();
    fresh_engine->nothing_stored_later = !newest_stored.value() || *newest_stored.value() <= needed.to;
    fresh_engine->engine = std::make_unique<StoryEngine>(engine_options);
    const auto restore_began = std::chrono::steady_clock::now();
    if (Status s = RestoreEngine(needed, db, threads, background, fresh_engine->engine.get()); !s.ok()) return s;
    report.times.restore += SecondsSince(restore_began);
    engine_ = std::move(fresh_engine);
    ++restores_;
  }
  StoryEngine& engine = *engine_->engine;

  // 3. Analyse on the pool, decide in order, commit batch by batch — each batch's commit on
  // its own thread while the next batch is decided (the store is used by one thread at a
  // time: deciding never touches it). A batch counts as stored when its commit returns ok;
  // `analysis` reads `fresh`, so it is stopped before anything but a taken article is moved.
  const AnalysisOptions analysis_options = AnalysisOptionsFor(engine_options);
  auto analysis = std::make_unique<ParallelAnalysis>(fresh, options.prepared ? 1 : threads, analysis_options);
  auto take_analysis = [&](size_t i) {
    if (options.prepared) {
      if (std::optional<AnalyzedArticle> made = options.prepared(fresh[i], analysis_options)) return std::move(*made);
    }
    return analysis->Take(i);
  };
  const size_t batch_size = std::max<size_t>(1, options.batch_size);
  struct Batch {
    std::vector<store::StoredArticle> articles;
    std::map<std::string, int64_t> df_deltas;
    size_t opened = 0;
    size_t end = 0;  // fresh[0, end) are decided when this batch is
    double commit_seconds = 0;
  };
  auto decide = [&](size_t begin, size_t end) {
    Batch b;
    b.end = end;
    // Counted in a hash table (a batch adds ~200 terms per article, most of them repeats) and
    // sorted once for the store.
    std::unordered_map<std::string, int64_t> df_counts;
    for (size_t i = begin; i < end; ++i) {
      Decision d = engine.Decide(fresh[i], take_analysis(i));
      if (options.observe) options.observe(fresh[i], d);
      if (fresh[i].published_at) {
        engine_->newest_decided =
            std::max(engine_->newest_decided.value_or(*fresh[i].published_at), *fresh[i].published_at);
      }
      for (std::string& term : d.terms) ++df_counts[std::move(term)];
      store::StoredArticle s;
      s.raw = std::move(fresh[i]);
      s.exact_hash = d.exact_hash;
      s.minhash = std::move(d.minhash);
      s.story = d.story;
      s.storyline = d.storyline;
      s.copy_of = d.copy_of;
      s.relation = d.relation;
      s.copy_score = d.copy_score;
      s.merged_stories = d.merged_stories;
      s.copy_updates = std::move(d.copy_updates);
      s.headline_evidence = std::move(d.headline_evidence);
      b.opened += d.opened_story ? 1 : 0;
      b.articles.push_back(std::move(s));
    }
    b.df_deltas = std::map<std::string, int64_t>(std::make_move_iterator(df_counts.begin()),
                                                 std::make_move_iterator(df_counts.end()));
    return b;
  };
  const int64_t decided_at = engine_->data_version;
  auto start_commit = [&db, decided_at](Batch& b) {
    return std::async(std::launch::async, [&db, &b, decided_at] {
      const auto began = std::chrono::steady_clock::now();
      Status s = db.CommitBatch(b.articles, b.df_deltas, static_cast<int64_t>(b.articles.size()), decided_at);
      b.commit_seconds = SecondsSince(began);
      return s;
    });
  };
  std::unique_ptr<Batch> in_flight;  // committing
  std::future<Status> commit;
  // Settles the batch in flight: kept (true) or the run stops (false; report.failure set, or
  // `retried` filled by deciding the rest again after another writer committed under us).
  std::optional<Result<IngestReport>> retried;
  auto settle = [&](Batch* decided_next, size_t undecided_from) {
    Status committed = commit.get();
    if (!committed.ok() && committed.code() == ErrorCode::kConflict &&
        committed.message() == store::kStaleWriterMessage && attempt < kMaxAttempts) {
      // Another writer (one that did not take the WriterLock) committed since this engine was
      // restored: its decisions may reuse that writer's story ids. Decide what is left again
      // from the store as it is now; articles the other writer stored meanwhile become
      // duplicates there.
      analysis.reset();
      std::vector<RawArticle> rest;
      for (store::StoredArticle& s : in_flight->articles) rest.push_back(std::move(s.raw));
      if (decided_next) {
        for (store::StoredArticle& s : decided_next->articles) rest.push_back(std::move(s.raw));
      }
      for (size_t i = undecided_from; i < fresh.size(); ++i) rest.push_back(std::move(fresh[i]));
      engine_.reset();
      auto again = Ingest(std::move(rest), db, attempt + 1);
      if (!again.ok()) {
        retried = again.status();
        return false;
      }
      for (IngestedArticle& r : again.value().articles) report.articles[position_of.at(r.id)] = std::move(r);
      report.stored += again.value().stored;
      report.duplicates += again.value().duplicates;
      report.rejected += again.value().rejected;
      report.new_stories += again.value().new_stories;
      report.failure = again.value().failure;
      retried = FinishReport(std::move(report), db, nullptr);
      return false;
    }
    if (!committed.ok()) {
      report.failure = committed;
      return false;
    }
    for (const store::StoredArticle& s : in_flight->articles) {
      IngestedArticle& r = report.articles[position_of.at(s.raw.id)];
      r.outcome = IngestOutcome::kStored;
      r.story = s.story;
      r.storyline = s.storyline;
      r.relation = s.relation;
      r.copy_of = s.copy_of;
    }
    report.stored += in_flight->articles.size();
    report.new_stories += in_flight->opened;
    report.times.commit += in_flight->commit_seconds;
    if (options.progress) options.progress(in_flight->end, fresh.size());
    return true;
  };
  bool going = true;
  for (size_t begin = 0; begin < fresh.size() && going; begin += batch_size) {
    const size_t end = std::min(fresh.size(), begin + batch_size);
    const auto decide_began = std::chrono::steady_clock::now();
    auto next = std::make_unique<Batch>(decide(begin, end));
    report.times.decide += SecondsSince(decide_began);
    if (in_flight && !settle(next.get(), end)) going = false;
    if (!going) break;
    in_flight = std::move(next);
    commit = start_commit(*in_flight);
  }
  if (going && in_flight) settle(nullptr, fresh.size());
  if (retried) return std::move(*retried);
  report.times.analyse += analysis->AnalysisSeconds();
  report.times.wait += analysis->WaitSeconds();
  report.times.decide -= analysis->TakeSeconds();

  // The engine has decided articles that are not stored: it no longer matches the store.
  StoryEngine* decided = &engine;
  std::unique_ptr<Engine> discarded;
  if (!report.failure.ok()) discarded = std::move(engine_);
  return FinishReport(std::move(report), db, decided);
}

IngestReport IngestSession::FinishReport(IngestReport report, store::Store& db, const StoryEngine* engine) {
  // Stories merged since an article of theirs was decided are reported as what they became;
  // duplicates report where their stored copy is.
  // Without an engine (a retry replaced it) the store says where stored articles are now.
  auto current_story = [&](int64_t story) {
    if (engine != nullptr) return engine->CurrentStory(story);
    auto resolved = db.ResolveStory(story);
    return resolved.ok() ? resolved.value() : story;
  };
  std::set<int64_t> current;
  for (IngestedArticle& r : report.articles) {
    if (r.outcome == IngestOutcome::kStored) {
      r.story = current_story(*r.story);
      current.insert(*r.story);
    }
  }
  report.stories = current.size();
  for (IngestedArticle& r : report.articles) {
    if (r.outcome == IngestOutcome::kStored) {
      continue;
    } else if (r.outcome == IngestOutcome::kDuplicate) {
      auto stored = db.GetArticle(r.id);
      if (stored.ok() && stored.value()) {
        auto story = db.ResolveStory(stored.value()->story);
        r.story = story.ok() ? story.value() : stored.value()->story;
        r.relation = stored.value()->relation;
        r.copy_of = stored.value()->copy_of;
      }
    }
  }
  return report;
}

}  // namespace storydesk::service
