// RunAnalysisWorker: the parallel half of distributed ingest (`storydesk worker`). Pulls
// articles from ARTICLES through the shared durable consumer `workers`, analyses them
// (AnalyzeArticle: parse, normalise, sentences, stems, names, fingerprints, headline evidence,
// event days) on `threads` threads, puts each analysis on PREPARED tagged with its article's
// ARTICLES sequence, and acknowledges an article only once PREPARED has acknowledged its
// analysis. A worker that dies leaves its unacknowledged articles to be redelivered to another
// after the consumer's ack wait; an analysis sent twice is dropped by PREPARED's duplicate
// window or, later, by the assigner (which has moved past it).
// Runs until `stop` is set; a lost node or an election only delays it.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

#include "adapters/nats/nats_client.h"
#include "storydesk/status.h"

namespace storydesk::nats {

struct WorkerOptions {
  int threads = 1;
  int batch = 64;                                     // articles fetched at once
  std::function<void(const std::string& line)> note;  // one-line notes (a bad message, a retry)
};

struct WorkerStats {
  std::atomic<size_t> analysed{0};
  std::atomic<size_t> refused{0};  // messages that are not articles (terminated, never redelivered)
};

// Errors (kIo): the consumer cannot be made at the start.
Status RunAnalysisWorker(NatsClient& client, const WorkerOptions& options, const std::atomic<bool>& stop,
                         WorkerStats* stats);

}  // namespace storydesk::nats
