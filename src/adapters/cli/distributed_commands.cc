// storydesk publish PATH... --nats URLS  — puts articles on the ARTICLES stream (JetStream).
// storydesk worker --nats URLS [--store postgresql://...] [--threads N] — analyses articles from the stream
// and, given a PostgreSQL store, stands by to be the one assigner that groups them into stories
// and writes them (adapters/nats/: DESIGN.md §9). Until interrupted (Ctrl-C or SIGTERM).
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/nats/analysis_worker.h"
#include "adapters/nats/article_publisher.h"
#include "adapters/nats/story_assigner.h"
#include "adapters/service/open_store.h"
#include "adapters/service/parallel_analysis.h"

namespace storydesk::cli {
namespace {

std::atomic<bool> g_stop{false};

// --nats, else $STORYDESK_NATS.
std::string NatsUrls(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("STORYDESK_NATS");
  return env != nullptr ? env : "";
}

void Note(const std::string& line) {
  std::fprintf(stderr, "storydesk: %s\n", line.c_str());
  std::fflush(stderr);
}

struct PublishFlags {
  std::vector<std::string> paths;
  std::string nats;
};

// Runs `run` (a verb's body, whose clients are gone when it returns), then ends libnats.
template <typename Run>
int WithNatsLibrary(Run run) {
  const int code = run();
  nats::CloseNatsLibrary();
  return code;
}

int RunPublish(const PublishFlags& flags) {
  ProgressBar reading("reading");
  auto read = ReadInputs(flags.paths, &reading);
  reading.Finish();
  if (!read.ok()) {
    PrintError(read.status().message());
    return ExitCodeFor(read.status());
  }
  auto client = nats::NatsClient::Connect(NatsUrls(flags.nats), "storydesk publish");
  if (!client.ok()) {
    PrintError(client.status().message());
    return ExitCodeFor(client.status());
  }
  ProgressBar publishing("publishing");
  nats::PublishOptions options;
  options.progress = [&publishing](size_t done, size_t total) { publishing.Update(done, total); };
  auto report = nats::PublishArticles(*client.value(), std::move(read.value().articles), options);
  publishing.Finish();
  if (!report.ok()) {
    PrintError(report.status().message());
    return ExitCodeFor(report.status());
  }
  const nats::PublishReport& r = report.value();
  std::printf("published %zu articles (%zu already on the stream)%s\n", r.published, r.duplicates,
              r.resent > 0 ? (", " + std::to_string(r.resent) + " sent again after a failure").c_str() : "");
  return read.value().rejected > 0 ? kExitRejected : kExitOk;
}

struct WorkerFlags {
  std::string nats;
  int threads = 0;
  bool events = false;
};

int RunWorker(const WorkerFlags& flags, const GlobalOptions& globals) {
  const std::string urls = NatsUrls(flags.nats);
  std::signal(SIGINT, [](int) { g_stop = true; });
  std::signal(SIGTERM, [](int) { g_stop = true; });
  const std::string name = "storydesk worker " + std::to_string(getpid());
  auto worker_client = nats::NatsClient::Connect(urls, name);
  if (!worker_client.ok()) {
    PrintError(worker_client.status().message());
    return ExitCodeFor(worker_client.status());
  }
  const std::string& store = globals.db;  // --store (a global flag), else $STORYDESK_STORE
  const bool assign = service::IsStoreUrl(store);
  std::unique_ptr<nats::NatsClient> assigner_client;
  if (assign) {
    auto c = nats::NatsClient::Connect(urls, name + " assigner");
    if (!c.ok()) {
      PrintError(c.status().message());
      return ExitCodeFor(c.status());
    }
    assigner_client = std::move(c).value();
  }
  nats::AssignerStats assigner_stats;
  Status assigner_status;
  std::thread assigner;
  if (assign) {
    assigner = std::thread([&] {
      nats::AssignerOptions options;
      options.store_url = store;
      options.events = flags.events;
      options.note = Note;
      assigner_status = nats::RunStoryAssigner(*assigner_client, options, g_stop, &assigner_stats);
    });
  }
  nats::WorkerOptions options;
  options.threads = flags.threads > 0 ? flags.threads : service::DefaultAnalysisThreads();
  options.note = Note;
  nats::WorkerStats stats;
  Note("worker " + std::to_string(getpid()) + ": analysing with " + std::to_string(options.threads) + " thread(s)" +
       (assign ? ", standing by to assign stories" : " (no PostgreSQL --store: never assigns)"));
  const Status worked = nats::RunAnalysisWorker(*worker_client.value(), options, g_stop, &stats);
  g_stop = true;
  if (assigner.joinable()) assigner.join();
  Note("worker " + std::to_string(getpid()) + ": analysed " + std::to_string(stats.analysed.load()) + "; assigned: " +
       std::to_string(assigner_stats.stored.load()) + " stored, " + std::to_string(assigner_stats.duplicates.load()) +
       " duplicates, " + std::to_string(assigner_stats.analysed_here.load()) + " analysed by the assigner");
  for (const Status* s : {&worked, const_cast<const Status*>(&assigner_status)}) {
    if (!s->ok()) {
      PrintError(s->message());
      return ExitCodeFor(*s);
    }
  }
  return kExitOk;
}

}  // namespace

void AddDistributedCommands(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* publish = app.add_subcommand("publish", "put articles on the NATS JetStream stream of distributed ingest");
  auto pflags = std::make_shared<PublishFlags>();
  publish->add_option("paths", pflags->paths, "files or directories, as `ingest` reads them (- for stdin)")->required();
  publish->add_option("--nats", pflags->nats, "NATS servers, comma-separated (else $STORYDESK_NATS)");
  publish->footer(
      "Articles go on the stream ARTICLES (made when missing, replicated on 3 nodes when the cluster has 3) "
      "in publication order, each with its id as message id: publishing again is harmless.");
  publish->callback([pflags, exit_code] { *exit_code = WithNatsLibrary([&] { return RunPublish(*pflags); }); });

  auto* worker = app.add_subcommand(
      "worker", "analyse articles from the stream; with a PostgreSQL --store, also stand by to assign stories");
  auto wflags = std::make_shared<WorkerFlags>();
  worker->add_option("--nats", wflags->nats, "NATS servers, comma-separated (else $STORYDESK_NATS)");
  worker->add_option("--threads", wflags->threads, "analysis threads (0: one per core)")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  worker->add_flag("--events", wflags->events, "group events and storylines (a new store; as `ingest --events`)");
  worker->footer(
      "Any number of workers may run; exactly one at a time (the holder of the store's writer lock) assigns "
      "stories, and another takes over within a second when it stops or dies. Ctrl-C or SIGTERM stop a worker.");
  worker->callback(
      [wflags, &globals, exit_code] { *exit_code = WithNatsLibrary([&] { return RunWorker(*wflags, globals); }); });
}

}  // namespace storydesk::cli
