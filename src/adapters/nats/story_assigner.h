// RunStoryAssigner: the ordered half of distributed ingest — exactly one at a time groups the
// articles into stories and writes them to the PostgreSQL store, in ARTICLES order.
//
// Leadership is the store's writer lock (pg/pg_writer_lock.h, a session advisory lock): every
// `storydesk worker` given --store stands by for it, and the one holding it assigns. PostgreSQL
// releases it the moment the holder's connection ends, however the holder ends, and a standby
// takes over within a second.
//
// The leader reads ARTICLES by sequence from where the store says the stream was stored through
// (pg/pg_stream_position.h), a batch at a time; takes each article's analysis from PREPARED
// when a worker made it, and analyses here what no worker delivered in time (a worker lost,
// none running); ingests the batch (service::IngestSession: duplicates dropped, decisions in
// publication order, one commit); then advances the stored position and only then acknowledges
// the batch's PREPARED messages. Whatever dies at whatever moment, the next leader resumes at
// the stored position; what it reads again is already stored and counts as a duplicate. So
// every published article is stored exactly once, and the stories are those one `ingest` of the
// same articles in the same order makes.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "adapters/nats/nats_client.h"
#include "storydesk/status.h"

namespace storydesk::nats {

struct AssignerOptions {
  std::string store_url;  // postgresql://...
  size_t batch = 256;     // articles per commit
  // How long a batch waits for workers' analyses before the missing ones are made here.
  std::chrono::milliseconds wait_for_workers{1500};
  bool events = false;  // group events and storylines (a new store; see IngestOptions::events)
  std::function<void(const std::string& line)> note;
};

struct AssignerStats {
  std::atomic<bool> leading{false};
  std::atomic<size_t> stored{0}, duplicates{0}, rejected{0};
  std::atomic<size_t> analysed_here{0};  // articles no worker's analysis arrived for in time
  std::atomic<uint64_t> position{0};     // ARTICLES sequence stored through
  std::atomic<size_t> restores{0};       // engines restored from the store (one per lead, ideally)
};

// Stands by for the lead, and assigns while leading, until `stop`. A failure while leading (the
// store or NATS lost) gives the lead up and stands by again. Errors: kUsage for a store that is
// not a PostgreSQL URL.
Status RunStoryAssigner(NatsClient& client, const AssignerOptions& options, const std::atomic<bool>& stop,
                        AssignerStats* stats);

}  // namespace storydesk::nats
