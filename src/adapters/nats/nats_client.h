// NatsClient: one connection to a NATS cluster with its JetStream context (libnats from Debian),
// shared by distributed ingest's publisher, workers and assigner.
//
// The connection is given every server of the cluster ("nats://a:4222,nats://b:4222") and
// reconnects for as long as it lives, to whichever node is up: a node's loss costs the calls in
// flight on it (they fail or time out; callers retry) and nothing else.
// Thread-safety: libnats connections and JetStream contexts are thread-safe; the object is not
// copied or moved once made.
#pragma once

#include <nats/nats.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::nats {

// "what libnats says (JetStream error N)" for a failed call.
std::string NatsErrorText(natsStatus status, jsErrCode js_error = static_cast<jsErrCode>(0));

// The URLs of a comma-separated list, blanks dropped.
std::vector<std::string> SplitUrls(std::string_view urls);

// Ends the library's own threads and frees its global state, once every client is destroyed: for
// the end of a process (a leak checker then sees nothing left). Safe to call more than once.
void CloseNatsLibrary();

class NatsClient {
 public:
  // Connects to the first reachable server of `urls` (comma-separated), naming the connection
  // `name` on the servers. Errors: kUsage for no URL, kIo when no server answers.
  static Result<std::unique_ptr<NatsClient>> Connect(std::string_view urls, const std::string& name);
  ~NatsClient();
  NatsClient(const NatsClient&) = delete;
  NatsClient& operator=(const NatsClient&) = delete;

  natsConnection* Connection() const { return connection_; }
  jsCtx* JetStream() const { return js_; }
  // The largest message the servers take, in bytes.
  int64_t MaxPayload() const { return natsConnection_GetMaxPayload(connection_); }

 private:
  NatsClient() = default;
  natsOptions* options_ = nullptr;
  natsConnection* connection_ = nullptr;
  jsCtx* js_ = nullptr;
};

}  // namespace storydesk::nats
