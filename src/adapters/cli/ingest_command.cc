// storydesk ingest PATH... — reads articles, groups them and stores them (the ingest pipeline,
// adapters/service/ingest_pipeline.h, around the readers and a progress bar).
#include <chrono>
#include <cstdio>
#include <iostream>
#ifdef STORYDESK_JEMALLOC
#include <jemalloc/jemalloc.h>
#elif defined(__GLIBC__)
#include <malloc.h>
#endif
#include <unordered_set>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/read/path_reader.h"
#include "adapters/service/ingest_pipeline.h"
#include "adapters/service/store_writer_lock.h"
#include "adapters/store/writer_lock.h"

namespace storydesk::cli {
namespace {

struct IngestFlags {
  std::optional<double> merge_probability;
  bool events = false;
  size_t batch_size = 1000;
  int threads = 0;
  bool log_commits = false;
  bool log_memory = false;
  bool timings = false;
  size_t chunk_articles = 10000;
};

// Input is read and ingested a chunk at a time — at most `chunk_articles` articles (default
// 10,000) or kChunkBytes of text — so a stream of any length is ingested in the memory of one
// chunk plus the engine's window. Each chunk is put in publication order and ingested by one
// IngestSession, which keeps its engine from chunk to chunk while the stream moves forward (an
// earlier article makes it restore the window around it from the store, as a later `ingest`
// would). Undated articles are held back and ingested after the dated ones, as one sorted pass
// over the whole input would (an undated article is compared with every story, so deciding
// one among dated chunks would make the next chunk restore everything); only a run of them
// longer than a chunk is ingested as it comes. Inputs up to a chunk (every labelled set here)
// are ingested exactly as one sorted pass.
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

// Bytes the allocator has handed out and not had back, in MiB (jemalloc or glibc; -1
// elsewhere): next to the resident size it tells live data from memory freed but kept.
int64_t HeapInUseMiB() {
#ifdef STORYDESK_JEMALLOC
  uint64_t epoch = 1;
  size_t size = sizeof epoch;
  mallctl("epoch", &epoch, &size, &epoch, size);  // refreshes the statistics
  size_t allocated = 0;
  size = sizeof allocated;
  if (mallctl("stats.allocated", &allocated, &size, nullptr, 0) != 0) return -1;
  return static_cast<int64_t>(allocated >> 20);
#elif defined(__GLIBC__)
  const struct mallinfo2 m = mallinfo2();
  return static_cast<int64_t>((m.uordblks + m.hblkhd) >> 20);
#else
  return -1;
#endif
}

// Hands the pages of freed memory back to the system where the allocator does not do it by
// itself (glibc's malloc_trim; jemalloc returns them as it goes). A chunk's articles are freed
// once ingested while the window's structures live on; glibc keeps those pages for reuse, so
// without this the resident size climbs chunk after chunk although the heap in use stays flat
// (docs/measurements.md, issue 16). After each chunk and every kTrimEvery articles stored: a
// walk of the heap, milliseconds against the seconds it takes to store that many.
constexpr size_t kTrimEvery = 5000;
void ReturnFreedMemory() {
#if !defined(STORYDESK_JEMALLOC) && defined(__GLIBC__)
  malloc_trim(0);
#endif
}

double SecondsSince(std::chrono::steady_clock::time_point began) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
}

int RunIngest(const std::vector<std::string>& paths, const std::string& db_path, const IngestFlags& flags) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  store::Store& db = *opened.value();
  IngestOptions options;
  options.merge_probability = flags.merge_probability;
  options.events = flags.events;
  options.batch_size = flags.batch_size;
  options.threads = flags.threads;
  ProgressBar progress("ingesting");
  size_t stored = 0;      // new articles stored so far (by earlier chunks, while one commits)
  size_t trimmed_at = 0;  // articles stored when freed memory was last handed back
  options.progress = [&](size_t done, size_t total) {
    if (stored + done >= trimmed_at + kTrimEvery) {
      trimmed_at = stored + done;
      ReturnFreedMemory();
    }
    // A line per durable step, for operators and for tests that kill the process: the first
    // DONE of the new articles read so far, in publication order within each chunk, are stored
    // whatever happens next. TOTAL counts the new articles of the chunks read so far.
    if (flags.log_commits) {
      std::fprintf(stderr, "storydesk: committed %zu of %zu new articles\n", stored + done, stored + total);
    }
    if (flags.log_memory) {
      const auto [rss, peak] = ResidentMiB();
      std::fprintf(
          stderr, "storydesk: stored %zu new articles; resident memory %lld MiB, peak %lld MiB, heap in use %lld MiB\n",
          stored + done, static_cast<long long>(rss), static_cast<long long>(peak),
          static_cast<long long>(HeapInUseMiB()));
    }
  };
  IngestSession session(options);
  size_t read_count = 0, duplicates = 0, rejected = 0, new_stories = 0;
  std::unordered_set<int64_t> stories;
  IngestTimes times;
  double writing = 0;  // seconds holding the writer lock (the rest is reading and waiting for it)
  const auto began = std::chrono::steady_clock::now();
  Status failure;
  std::vector<RawArticle> dated, undated;
  size_t dated_bytes = 0, undated_bytes = 0;
  // Ingests `chunk` (emptied) under the writer lock. One writer at a time (issue 14, defect 2):
  // the lock is taken per chunk, after the chunk is read and before the session checks its
  // engine against the store, so a writer waiting between chunks (the server's POST) gets in
  // and this session then restores from what it stored.
  auto flush = [&](std::vector<RawArticle>& chunk, size_t& chunk_bytes) {
    if (chunk.empty() || !failure.ok()) return;
    store::WriterLockOptions lock_options;
    lock_options.on_wait = [&db_path](const std::string&) { PrintError("waiting for another writer on " + db_path); };
    auto lock = service::StoreWriterLock::Acquire(db_path, lock_options);
    if (!lock.ok()) {
      failure = Status::Error(ErrorCode::kStore, lock.status().message());
      return;
    }
    const auto locked = std::chrono::steady_clock::now();
    auto ingested = session.Ingest(std::move(chunk), db);
    writing += SecondsSince(locked);
    chunk.clear();
    chunk.shrink_to_fit();
    chunk_bytes = 0;
    ReturnFreedMemory();
    if (!ingested.ok()) {
      failure = ingested.status();
      return;
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
    duplicates += r.duplicates;
    rejected += r.rejected;
    new_stories += r.new_stories;
    if (!r.failure.ok()) failure = r.failure;
  };
  read::ReadCallbacks callbacks;
  callbacks.on_article = [&](RawArticle article) {
    ++read_count;
    const size_t bytes = article.text.size() + article.verbatim.size();
    const bool is_dated = article.published_at.has_value();
    std::vector<RawArticle>& chunk = is_dated ? dated : undated;
    size_t& chunk_bytes = is_dated ? dated_bytes : undated_bytes;
    chunk_bytes += bytes;
    chunk.push_back(std::move(article));
    if (chunk.size() >= flags.chunk_articles || chunk_bytes >= kChunkBytes) flush(chunk, chunk_bytes);
  };
  callbacks.on_error = [&](const read::ReadError& error) {
    progress.Finish();
    PrintError(error.ToString());
    ++read_count;
    ++rejected;
  };
  callbacks.on_progress = [&progress](const read::ReadProgress& p) { progress.Update(p); };
  callbacks.on_note = [&progress](const std::string& file, const std::string& note) {
    progress.Finish();
    PrintError(file + ": " + note);
  };
  // The store failed: nothing more can be stored, so reading stops (a stream may never end).
  callbacks.stop = [&failure] { return !failure.ok(); };
  const Status read = read::ReadPaths(paths, std::cin, callbacks);
  // What was read is ingested even when reading failed part-way (stdin broke, say).
  flush(dated, dated_bytes);
  flush(undated, undated_bytes);
  progress.Finish();
  if (!failure.ok()) {
    // One line: what failed, where, and what is stored (earlier batches are, and stay whole).
    PrintError(db_path + ": " + failure.message() + "; " + std::to_string(stored) +
               " articles were stored before the failure");
    return kExitStore;
  }
  if (!read.ok()) {
    PrintError(read.message() + "; " + std::to_string(stored) + " articles read before it were stored");
    return ExitCodeFor(read);
  }
  if (flags.merge_probability) {
    // Merge repair in a later chunk may have folded stories of an earlier one into others.
    std::unordered_set<int64_t> current;
    for (int64_t story : stories) {
      auto resolved = db.ResolveStory(story);
      current.insert(resolved.ok() ? resolved.value() : story);
    }
    stories.swap(current);
  }
  if (flags.timings) {
    // Stages overlap: analysis runs on its threads ahead of the decisions, and each batch
    // commits on its own thread while the next is decided.
    const double total = SecondsSince(began);
    std::fprintf(stderr,
                 "storydesk: seconds: total %.2f, reading (and waiting for the writer lock) %.2f, restoring %.2f, "
                 "analysing %.2f (CPU, all analysis threads), deciding %.2f, waiting for analysis %.2f, committing "
                 "%.2f (its own thread)\n",
                 total, total - writing, times.restore, times.analyse, times.decide, times.wait, times.commit);
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
                  "files (.txt seed text, .jsonl/.json JSON, .html/.htm pages, .rss/.atom/.xml feeds, .warc/.warc.gz "
                  "web archives; gzipped or not), directories (read recursively) or - for stdin")
      ->required();
  auto flags = std::make_shared<IngestFlags>();
  cmd->add_option("--merge-probability", flags->merge_probability,
                  "merge repair: merge two stories when an article fits the second with this attach probability "
                  "(default: off); merged ids keep finding the surviving story")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--events", flags->events,
                "group at two levels: events (one day's news each: leads dating their news to other days are held "
                "apart) and storylines of events; a store holding storylines is always ingested so")
      ->capture_default_str();
  cmd->add_option("--batch-size", flags->batch_size,
                  "articles per transaction (default 1000): an article is stored once its batch commits")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--threads", flags->threads,
                  "threads analysing articles ahead of the one that decides and writes, in order (0: one per "
                  "core); any number stores the same")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_flag("--log-commits", flags->log_commits,
                "after each committed batch, print 'storydesk: committed DONE of TOTAL new articles' on stderr "
                "(TOTAL: the new articles of the input read so far)");
  cmd->add_flag("--log-memory", flags->log_memory,
                "after each committed batch, print the new articles stored so far and this process's resident and "
                "peak memory on stderr");
  cmd->add_flag("--timings", flags->timings,
                "print on stderr where the time went: reading, restoring, analysing, deciding, committing");
  // For tests of long inputs: the chunk size of a stream (see RunIngest).
  cmd->add_option("--chunk-articles", flags->chunk_articles, "articles read before they are ingested (default 10000)")
      ->check(CLI::Range(1, 10000000))
      ->group("");
  cmd->footer(
      "Prints one line: read, new, duplicates, rejected, stories.\n"
      "Input is ingested 10,000 articles at a time, each chunk in publication order (undated articles\n"
      "last), so a stream of any length runs in bounded memory; sort a large unordered corpus by date.\n"
      "Ingesting the same input twice stores nothing new.\n"
      "One writer at a time: a second ingest (or the server's POST) on the same database waits for the\n"
      "first, saying 'storydesk: waiting for another writer on DB'.");
  cmd->callback([paths, flags, &globals, exit_code] { *exit_code = RunIngest(*paths, globals.db, *flags); });
}

}  // namespace storydesk::cli
