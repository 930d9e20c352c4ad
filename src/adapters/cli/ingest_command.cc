// storydesk ingest PATH... — reads articles, groups them and stores them.
//
// Order of work: read every input (reporting bad records), drop articles already stored
// (idempotence), sort the rest into publication order, restore the engine's state around
// their dates from the store, then decide and commit in batches. An article counts as new
// only once its batch's transaction has committed.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "adapters/cli/shipped_models.h"
#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "storydesk/story_engine.h"

namespace storydesk::cli {
namespace {

constexpr size_t kBatchSize = 1000;

struct IngestCounts {
  size_t read = 0, added = 0, duplicates = 0, rejected = 0, stories = 0, new_stories = 0;
};

// Splits `articles` into those not stored yet and counts the rest as duplicates (same id,
// same text) or rejects them (same id, different text: ids must name one article).
Result<std::vector<RawArticle>> DropStored(std::vector<RawArticle> articles, store::SqliteStore& db,
                                          IngestCounts* counts) {
  auto body_hash = [](const RawArticle& a) {
    uint64_t hash = 0;
    std::vector<uint32_t> unused;
    StoryEngine::Fingerprint(a, &hash, &unused);
    return hash;
  };
  std::vector<RawArticle> fresh;
  std::unordered_map<std::string, size_t> seen;  // id -> index in `fresh`
  for (RawArticle& a : articles) {
    std::optional<uint64_t> known;
    if (auto it = seen.find(a.id); it != seen.end()) {
      known = body_hash(fresh[it->second]);
    } else {
      auto stored = db.FindExactHash(a.id);
      if (!stored.ok()) return stored.status();
      known = stored.value();
    }
    if (!known) {
      seen.emplace(a.id, fresh.size());
      fresh.push_back(std::move(a));
    } else if (body_hash(a) == *known) {
      ++counts->duplicates;
    } else {
      PrintError(a.origin + ": id '" + a.id + "' is already used by an article with a different text");
      ++counts->rejected;
    }
  }
  return fresh;
}

// Replays the stored decisions around the new articles' dates into `engine`.
Status RestoreEngine(const std::vector<RawArticle>& fresh, int64_t window, store::SqliteStore& db,
                     StoryEngine* engine) {
  // The shipped background counts first, then the stream's own on top: the same statistics
  // `cluster` starts from, so ingest and cluster decide alike.
  const auto& background = BuiltinBackground();
  if (!background.ok()) return background.status();
  engine->LoadDocumentFrequencies(background.value().documents, background.value().df);
  auto documents = db.DocumentCount();
  if (!documents.ok()) return documents.status();
  auto df = db.LoadDocumentFrequencies();
  if (!df.ok()) return df.status();
  engine->LoadDocumentFrequencies(documents.value(), df.value());
  auto max_story = db.MaxStoryId();
  if (!max_story.ok()) return max_story.status();
  engine->ReserveStoryIdsThrough(max_story.value());
  if (documents.value() == 0) return Status::Ok();

  std::optional<int64_t> from, to;
  bool undated = false;
  for (const RawArticle& a : fresh) {
    if (!a.published_at) {
      undated = true;
      continue;
    }
    from = std::min(from.value_or(*a.published_at), *a.published_at);
    to = std::max(to.value_or(*a.published_at), *a.published_at);
  }
  // Undated articles are compared with every story, so all stored articles are replayed.
  const int64_t lo = undated || !from ? INT64_MIN / 2 : *from - window;
  const int64_t hi = undated || !to ? INT64_MAX / 2 : *to + window;
  auto window_articles = db.LoadWindow(lo, hi, /*include_undated=*/true);
  if (!window_articles.ok()) return window_articles.status();
  for (const store::StoredArticle& s : window_articles.value()) {
    engine->Restore(s.raw, s.story, s.copy_of, s.relation);
  }
  return Status::Ok();
}

int RunIngest(const std::vector<std::string>& paths, const std::string& db_path,
              std::optional<double> merge_probability) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  store::SqliteStore& db = *opened.value();

  IngestCounts counts;
  ProgressBar progress("reading");
  auto read = ReadInputs(paths, &progress);
  progress.Finish();
  if (!read.ok()) {
    PrintError(read.status().message());
    return ExitCodeFor(read.status());
  }
  counts.read = read.value().articles.size() + read.value().rejected;
  counts.rejected = read.value().rejected;

  auto fresh_or = DropStored(std::move(read.value().articles), db, &counts);
  if (!fresh_or.ok()) {
    PrintError(fresh_or.status().message());
    return kExitStore;
  }
  std::vector<RawArticle> fresh = std::move(fresh_or).value();
  SortForProcessing(&fresh);

  EngineOptions options;
  const auto& model = BuiltinStoryModel();
  if (!model.ok()) {
    PrintError(model.status().message());
    return kExitStore;
  }
  options.model = std::make_shared<const stories::StoryModel>(model.value());
  const auto& sentence_model = BuiltinSentenceModel();
  if (!sentence_model.ok()) {
    PrintError(sentence_model.status().message());
    return kExitStore;
  }
  options.sentence_model = std::make_shared<const copies::SentenceModel>(sentence_model.value());
  const auto& rewrite_model = BuiltinRewriteModel();
  if (!rewrite_model.ok()) {
    PrintError(rewrite_model.status().message());
    return kExitStore;
  }
  options.rewrite_model = std::make_shared<const copies::RewriteModel>(rewrite_model.value());
  options.merge_probability = merge_probability;
  StoryEngine engine(options);
  if (Status s = RestoreEngine(fresh, options.window_seconds, db, &engine); !s.ok()) {
    PrintError(s.message());
    return kExitStore;
  }

  ProgressBar grouping("grouping");
  std::set<int64_t> touched;
  for (size_t begin = 0; begin < fresh.size(); begin += kBatchSize) {
    const size_t end = std::min(fresh.size(), begin + kBatchSize);
    std::vector<store::StoredArticle> batch;
    std::map<std::string, int64_t> df_deltas;
    size_t opened_here = 0;
    for (size_t i = begin; i < end; ++i) {
      Decision d = engine.Add(fresh[i]);
      for (std::string& term : d.terms) ++df_deltas[std::move(term)];
      store::StoredArticle s;
      s.raw = std::move(fresh[i]);
      s.exact_hash = d.exact_hash;
      s.minhash = std::move(d.minhash);
      s.story = d.story;
      s.copy_of = d.copy_of;
      s.relation = d.relation;
      s.copy_score = d.copy_score;
      s.merged_stories = d.merged_stories;
      s.copy_updates = std::move(d.copy_updates);
      opened_here += d.opened_story ? 1 : 0;
      batch.push_back(std::move(s));
    }
    if (Status s = db.CommitBatch(batch, df_deltas, static_cast<int64_t>(batch.size())); !s.ok()) {
      grouping.Finish();
      PrintError(s.message());
      std::fprintf(stderr, "storydesk: %zu articles were stored before the failure\n", counts.added);
      return kExitStore;
    }
    counts.added += batch.size();
    counts.new_stories += opened_here;
    for (const auto& s : batch) touched.insert(s.story);
    grouping.Update(end, fresh.size());
  }
  grouping.Finish();
  // Stories merged since an article of theirs was counted are counted as what they became.
  std::set<int64_t> current;
  for (int64_t story : touched) current.insert(engine.CurrentStory(story));
  counts.stories = current.size();

  std::printf("read %zu, new %zu, duplicates %zu, rejected %zu, stories %zu (%zu new)\n", counts.read,
              counts.added, counts.duplicates, counts.rejected, counts.stories, counts.new_stories);
  return counts.rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd = app.add_subcommand("ingest", "read articles, group them into stories and store them");
  auto paths = std::make_shared<std::vector<std::string>>();
  cmd->add_option("paths", *paths,
                  "files (.txt seed text, .jsonl JSON Lines), directories (read recursively) or - for stdin")
      ->required();
  auto merge_probability = std::make_shared<std::optional<double>>();
  cmd->add_option("--merge-probability", *merge_probability,
                  "merge repair: merge two stories when an article fits the second with this attach probability "
                  "(default: off); merged ids keep finding the surviving story")
      ->check(CLI::Range(0.0, 1.0));
  cmd->footer(
      "Prints one line: read, new, duplicates, rejected, stories.\n"
      "Ingesting the same input twice stores nothing new.");
  cmd->callback([paths, merge_probability, &globals, exit_code] {
    *exit_code = RunIngest(*paths, globals.db, *merge_probability);
  });
}

}  // namespace storydesk::cli
