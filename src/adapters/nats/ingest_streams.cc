#include "adapters/nats/ingest_streams.h"

#include <chrono>
#include <string>
#include <thread>

namespace storydesk::nats {
namespace {

constexpr int64_t kNanosPerSecond = 1000000000;

// JetStream refuses replicas above the cluster's size with one of these.
bool IsTooManyReplicas(jsErrCode error) {
  return error == JSStreamReplicasNotSupportedErr || error == JSInsufficientResourcesErr ||
         error == JSClusterNoPeersErr;
}

Result<int64_t> EnsureStream(NatsClient& client, const char* name, const char* subject, bool work_queue) {
  jsStreamInfo* info = nullptr;
  jsErrCode error = static_cast<jsErrCode>(0);
  natsStatus s = NATS_OK;
  // A node lost or a leader being elected: JetStream answers again within seconds.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (;;) {
    error = static_cast<jsErrCode>(0);
    s = js_GetStreamInfo(&info, client.JetStream(), name, nullptr, &error);
    if (s == NATS_OK || s == NATS_NOT_FOUND || error == JSStreamNotFoundErr ||
        std::chrono::steady_clock::now() >= give_up) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  if (s == NATS_OK) {
    const int64_t replicas = info->Config->Replicas;
    jsStreamInfo_Destroy(info);
    return replicas;
  }
  if (s != NATS_NOT_FOUND && error != JSStreamNotFoundErr) {
    return Status::Error(ErrorCode::kIo, std::string("stream ") + name + ": " + NatsErrorText(s, error));
  }
  for (int64_t replicas : {int64_t{3}, int64_t{1}}) {
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = name;
    const char* subjects[] = {subject};
    config.Subjects = subjects;
    config.SubjectsLen = 1;
    config.Storage = js_FileStorage;
    config.Replicas = replicas;
    config.Retention = work_queue ? js_WorkQueuePolicy : js_LimitsPolicy;
    // Re-publishing an article within the hour is dropped by JetStream itself.
    config.Duplicates = 3600 * kNanosPerSecond;
    error = static_cast<jsErrCode>(0);
    s = js_AddStream(&info, client.JetStream(), &config, nullptr, &error);
    if (s == NATS_OK) {
      jsStreamInfo_Destroy(info);
      return replicas;
    }
    if (error == JSStreamNameExistErr) return EnsureStream(client, name, subject, work_queue);  // made meanwhile
    if (!IsTooManyReplicas(error)) break;
  }
  return Status::Error(ErrorCode::kIo, std::string("cannot create stream ") + name + ": " + NatsErrorText(s, error));
}

}  // namespace

Result<int64_t> EnsureIngestStreams(NatsClient& client) {
  auto replicas = EnsureStream(client, kArticlesStream, kArticlesSubject, false);
  if (!replicas.ok()) return replicas;
  auto prepared = EnsureStream(client, kPreparedStream, kPreparedSubject, true);
  if (!prepared.ok()) return prepared.status();
  return replicas;
}

Result<uint64_t> LastSequence(NatsClient& client, const char* stream) {
  jsStreamInfo* info = nullptr;
  jsErrCode error = static_cast<jsErrCode>(0);
  const natsStatus s = js_GetStreamInfo(&info, client.JetStream(), stream, nullptr, &error);
  if (s != NATS_OK)
    return Status::Error(ErrorCode::kIo, std::string("stream ") + stream + ": " + NatsErrorText(s, error));
  const uint64_t last = info->State.LastSeq;
  jsStreamInfo_Destroy(info);
  return last;
}

}  // namespace storydesk::nats
