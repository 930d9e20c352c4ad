// PublishArticles: what `storydesk publish` does — puts articles on the ARTICLES stream in
// publication order (the order `ingest` decides a file in), each with its id as Nats-Msg-Id.
//
// Each publication waits for JetStream's acknowledgement (the article is then stored on a
// majority of the stream's replicas). One that fails or times out — a node lost, a leader being
// elected — is sent again with the same id until acknowledged or `retry_for` has passed: a
// resend that had in fact arrived is dropped by the duplicate window, so an article is on the
// stream once however often it is sent.
// Thread-safety: one call per client at a time.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "adapters/nats/nats_client.h"
#include "storydesk/article.h"
#include "storydesk/status.h"

namespace storydesk::nats {

struct PublishReport {
  size_t published = 0;   // new on the stream
  size_t duplicates = 0;  // already on it (JetStream's duplicate window)
  size_t resent = 0;      // publications sent again after a failure
};

struct PublishOptions {
  std::chrono::seconds retry_for{60};
  std::function<void(size_t done, size_t total)> progress;
};

// `articles` must have ids (readers derive them). Errors (kIo): an article could not be put on
// the stream within retry_for (those before it are on it); kInvalidInput: an article bigger than
// the servers' largest message (naming its origin).
Result<PublishReport> PublishArticles(NatsClient& client, std::vector<RawArticle> articles,
                                      const PublishOptions& options = {});

}  // namespace storydesk::nats
