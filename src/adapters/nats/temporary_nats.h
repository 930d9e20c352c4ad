// TemporaryNatsCluster: a NATS JetStream cluster of its own for a test — N nats-server
// processes (Debian's) on loopback ports, each with its JetStream store in a temporary folder,
// routed to each other — started, killed one by one (to test fail-over) and stopped when the
// object goes. Not thread-safe; one object per test.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::nats {

class TemporaryNatsCluster {
 public:
  explicit TemporaryNatsCluster(int nodes = 3) : nodes_(nodes) {}
  ~TemporaryNatsCluster();
  TemporaryNatsCluster(const TemporaryNatsCluster&) = delete;
  TemporaryNatsCluster& operator=(const TemporaryNatsCluster&) = delete;

  // Starts every node and waits until each answers its health check with JetStream ready.
  // Errors: kNotFound when nats-server is not installed; kIo when a node does not come up
  // within 30 s (its log's end in the message).
  Status Start();
  // Kills node `i` (SIGKILL: a crash) / starts it again on the same store.
  Status Kill(int i);
  Status Restart(int i);

  // "nats://127.0.0.1:P1,nats://127.0.0.1:P2,..." — every node, for a client to fail over.
  std::string Urls() const;

 private:
  Status StartNode(int i);
  Status WaitHealthy(int i);

  int nodes_;
  std::string dir_;
  int base_port_ = 0;
  std::vector<pid_t> pids_;
};

}  // namespace storydesk::nats
