// The JetStream streams and consumers of distributed ingest (DESIGN.md §9).
//
//   ARTICLES  subject storydesk.articles   the log of published articles, in arrival order; each
//             message's id (Nats-Msg-Id) is the article id, so a re-publication within the
//             duplicate window is dropped by JetStream (past it, by ingest's idempotence).
//             Kept whole (limits retention): the assigner reads it by sequence number.
//             Consumer `workers`: pull, explicit acks, shared by every worker.
//   PREPARED  subject storydesk.prepared   workers' analyses (storydesk/analysis_bytes.h), each
//             naming its article's ARTICLES sequence in the Storydesk-Seq header; a work queue
//             (a message leaves once the assigner acknowledged it). Consumer `assigner`.
// Both are replicated on three nodes when the cluster has three or more, else on one.
#pragma once

#include <cstdint>

#include "adapters/nats/nats_client.h"
#include "storydesk/status.h"

namespace storydesk::nats {

inline constexpr const char* kArticlesStream = "ARTICLES";
inline constexpr const char* kArticlesSubject = "storydesk.articles";
inline constexpr const char* kWorkersConsumer = "workers";
inline constexpr const char* kPreparedStream = "PREPARED";
inline constexpr const char* kPreparedSubject = "storydesk.prepared";
inline constexpr const char* kAssignerConsumer = "assigner";
inline constexpr const char* kSequenceHeader = "Storydesk-Seq";

// Creates the streams when missing (an existing one is left as it is). Returns the replicas of
// ARTICLES. Errors (kIo): JetStream unreachable or refusing.
Result<int64_t> EnsureIngestStreams(NatsClient& client);

// The stream's last sequence (0 when empty). Errors (kIo).
Result<uint64_t> LastSequence(NatsClient& client, const char* stream);

}  // namespace storydesk::nats
