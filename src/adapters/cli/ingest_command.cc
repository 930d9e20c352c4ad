// storydesk ingest PATH... — reads articles, groups them and stores them (the ingest pipeline,
// adapters/service/ingest_pipeline.h, around the readers and a progress bar).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <unordered_set>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/read/path_reader.h"
#include "adapters/service/ingest_pipeline.h"
#include "adapters/store/writer_lock.h"

namespace storydesk::cli {
namespace {

struct IngestFlags {
  std::optional<double> merge_probability;
  size_t batch_size = 1000;
  int threads = 0;
  bool log_commits = false;
  bool log_memory = false;
  bool timings = false;
};

// Input is read and ingested a chunk at a time — at most kChunkArticles articles or
// kChunkBytes of text — so an endless stream is ingested in flat memory. Each chunk is put
// in publication order and ingested by one IngestSession, which keeps its engine from chunk
// to chunk while the stream moves forward (an earlier article makes it restore the window
// around it from the store, as a later `ingest` would). Inputs up to a chunk (every labelled
// set here) are ingested exactly as one batch.
constexpr size_t kChunkArticles = 50000;
constexpr size_t kChunkBytes = size_t{128} << 20;

// Resident and peak resident memory of this process in MiB (Linux /proc; 0 when unknown).
std::pair<int64_t, int64_t> ResidentMiB() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return {0, 0};
  char line[256];
  int64_t rss = 0, peak = 0;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    long long kib = 0;
    if (std::sscanf(line, "VmRSS: %lld kB", &kib) == 1) rss = kib / 1024;
    if (std::sscanf(line, "VmHWM: %lld kB", &kib) == 1) peak = kib / 1024;
  }
  std::fclose(f);
  return {rss, peak};
}

int RunIngest(const std::vector<std::string>& paths, const std::string& db_path, const IngestFlags& flags) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  IngestOptions options;
  options.merge_probability = flags.merge_probability;
  options.batch_size = flags.batch_size;
  options.threads = flags.threads;
  ProgressBar progress("ingesting");
  size_t stored_before = 0;  // new articles stored by earlier chunks
  options.progress = [&](size_t done, size_t total) {
    // A line per durable step, for operators and for tests that kill the process: the first
    // DONE of the new articles in publication order are stored whatever happens next.
    if (flags.log_commits) {
      std::fprintf(stderr, "storydesk: committed %zu of %zu new articles\n", stored_before + done,
                   stored_before + total);
    }
    if (flags.log_memory) {
      const auto [rss, peak] = ResidentMiB();
      std::fprintf(stderr, "storydesk: stored %zu new articles; resident memory %lld MiB, peak %lld MiB\n",
                   stored_before + done, static_cast<long long>(rss), static_cast<long long>(peak));
    }
  };
  IngestSession session(options);
  // One writer at a time (issue 14, defect 2): taken once the first chunk is read, so a waiting
  // ingest has read that much already, and before the session restores its engine from the
  // store, so the engine starts from everything the previous writer stored.
  std::optional<store::WriterLock> lock;
  size_t read_count = 0, stored = 0, duplicates = 0, rejected = 0, new_stories = 0;
  std::unordered_set<int64_t> stories;
  IngestTimes times;
  double in_session = 0;  // seconds inside IngestSession::Ingest (the rest is reading)
  const auto began = std::chrono::steady_clock::now();
  Status failure;
  std::vector<RawArticle> chunk;
  size_t chunk_bytes = 0;
  auto flush = [&]() -> bool {
    if (chunk.empty() || !failure.ok()) return failure.ok();
    if (!lock) {
      store::WriterLockOptions lock_options;
      lock_options.on_wait = [&db_path](const std::string&) { PrintError("waiting for another writer on " + db_path); };
      auto acquired = store::WriterLock::Acquire(db_path, lock_options);
      if (!acquired.ok()) {
        failure = Status::Error(ErrorCode::kStore, acquired.status().message());
        return false;
      }
      lock.emplace(std::move(acquired.value()));
    }
    const auto session_began = std::chrono::steady_clock::now();
    auto ingested = session.Ingest(std::move(chunk), *opened.value());
    in_session += std::chrono::duration<double>(std::chrono::steady_clock::now() - session_began).count();
    chunk.clear();
    chunk_bytes = 0;
    if (!ingested.ok()) {
      failure = ingested.status();
      return false;
    }
    const IngestReport& r = ingested.value();
    times += r.times;
    for (const IngestedArticle& a : r.articles) {
      if (a.outcome == IngestOutcome::kRejected) {
        progress.Finish();
        PrintError(a.error);
      }
      if (a.outcome == IngestOutcome::kStored) stories.insert(*a.story);
    }
    stored += r.stored;
    stored_before += r.stored;
    duplicates += r.duplicates;
    rejected += r.rejected;
    new_stories += r.new_stories;
    if (!r.failure.ok()) {
      // One line: what failed, where, and what is stored (earlier batches are, and stay whole).
      failure = Status::Error(ErrorCode::kStore, db_path + ": " + r.failure.message() + "; " + std::to_string(stored) +
                                                     " articles were stored before the failure");
      return false;
    }
    return true;
  };
  read::ReadCallbacks callbacks;
  callbacks.on_article = [&](RawArticle article) {
    ++read_count;
    if (!failure.ok()) return;  // the store failed: the rest is read but not ingested
    chunk_bytes += article.text.size() + article.verbatim.size();
    chunk.push_back(std::move(article));
    if (chunk.size() >= kChunkArticles || chunk_bytes >= kChunkBytes) flush();
  };
  callbacks.on_error = [&](const read::ReadError& error) {
    progress.Finish();
    PrintError(error.ToString());
    ++read_count;
    ++rejected;
  };
  callbacks.on_progress = [&progress](uint64_t done, uint64_t total) { progress.Update(done, total); };
  const Status read = read::ReadPaths(paths, std::cin, callbacks);
  if (read.ok()) flush();
  progress.Finish();
  if (!read.ok()) {
    PrintError(read.message());
    return ExitCodeFor(read);
  }
  if (!failure.ok()) {
    PrintError(failure.message());
    return kExitStore;
  }
  if (flags.timings) {
    // Stages overlap: analysis runs on its threads ahead of the decisions, and each batch
    // commits on its own thread while the next is decided.
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    std::fprintf(stderr,
                 "storydesk: seconds: total %.2f, reading %.2f, restoring %.2f, analysing %.2f (CPU, all analysis "
                 "threads), deciding %.2f, waiting for analysis %.2f, committing %.2f (its own thread)\n",
                 total, total - in_session, times.restore, times.analyse, times.decide, times.wait, times.commit);
  }
  std::printf("read %zu, new %zu, duplicates %zu, rejected %zu, stories %zu (%zu new)\n", read_count, stored,
              duplicates, rejected, stories.size(), new_stories);
  return rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd = app.add_subcommand("ingest", "read articles, group them into stories and store them");
  auto paths = std::make_shared<std::vector<std::string>>();
  cmd->add_option("paths", *paths,
                  "files (.txt seed text, .jsonl JSON Lines), directories (read recursively) or - for stdin")
      ->required();
  auto flags = std::make_shared<IngestFlags>();
  cmd->add_option("--merge-probability", flags->merge_probability,
                  "merge repair: merge two stories when an article fits the second with this attach probability "
                  "(default: off); merged ids keep finding the surviving story")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--batch-size", flags->batch_size,
                  "articles per transaction (default 1000): an article is stored once its batch commits")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--threads", flags->threads,
                  "threads analysing articles ahead of the one that decides and writes, in order (0: one per "
                  "core); any number stores the same")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_flag("--log-commits", flags->log_commits,
                "after each committed batch, print 'storydesk: committed DONE of TOTAL new articles' on stderr");
  cmd->add_flag("--log-memory", flags->log_memory,
                "after each committed batch, print the new articles stored so far and this process's resident and "
                "peak memory on stderr");
  cmd->add_flag("--timings", flags->timings,
                "print on stderr where the time went: reading, restoring, analysing, deciding, committing");
  cmd->footer(
      "Prints one line: read, new, duplicates, rejected, stories.\n"
      "Input is ingested as it is read, 50,000 articles at a time, each chunk in publication order:\n"
      "a stream of any length runs in bounded memory.\n"
      "Ingesting the same input twice stores nothing new.\n"
      "One writer at a time: a second ingest (or the server's POST) on the same database waits for the\n"
      "first, saying 'storydesk: waiting for another writer on DB'.");
  cmd->callback([paths, flags, &globals, exit_code] { *exit_code = RunIngest(*paths, globals.db, *flags); });
}

}  // namespace storydesk::cli
