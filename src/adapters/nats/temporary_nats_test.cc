#include "adapters/nats/temporary_nats.h"

#include <gtest/gtest.h>
#include <nats/nats.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "adapters/nats/nats_client.h"

namespace storydesk::nats {
namespace {

// A stream replicated on the three nodes keeps taking messages with one node down.
TEST(TemporaryNatsClusterTest, AReplicatedStreamSurvivesANode) {
  TemporaryNatsCluster cluster(3);
  const Status started = cluster.Start();
  if (started.code() == ErrorCode::kNotFound) GTEST_SKIP() << started.message();
  ASSERT_TRUE(started.ok()) << started.message();
  natsOptions* options = nullptr;
  ASSERT_EQ(natsOptions_Create(&options), NATS_OK);
  const std::vector<std::string> each = SplitUrls(cluster.Urls());
  std::vector<const char*> servers;
  servers.reserve(each.size());
  for (const std::string& url : each) servers.push_back(url.c_str());
  ASSERT_EQ(natsOptions_SetServers(options, servers.data(), static_cast<int>(servers.size())), NATS_OK);
  natsConnection* conn = nullptr;
  ASSERT_EQ(natsConnection_Connect(&conn, options), NATS_OK);
  jsCtx* js = nullptr;
  ASSERT_EQ(natsConnection_JetStream(&js, conn, nullptr), NATS_OK);
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = "ARTICLES";
  const char* subjects[] = {"articles"};
  config.Subjects = subjects;
  config.SubjectsLen = 1;
  config.Replicas = 3;
  config.Storage = js_FileStorage;
  jsErrCode err = static_cast<jsErrCode>(0);
  jsStreamInfo* info = nullptr;
  ASSERT_EQ(js_AddStream(&info, js, &config, nullptr, &err), NATS_OK) << err;
  jsStreamInfo_Destroy(info);
  ASSERT_TRUE(cluster.Kill(2).ok());
  // Right after the loss, a leader may be being elected (JetStream answers "not enabled" or
  // times out meanwhile): a client retries, as storydesk's do; it must succeed within seconds.
  jsPubAck* ack = nullptr;
  natsStatus published = NATS_ERR;
  for (int attempt = 0; attempt < 60 && published != NATS_OK; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(250));
    published = js_Publish(&ack, js, "articles", "hello", 5, nullptr, &err);
  }
  ASSERT_EQ(published, NATS_OK) << err;
  EXPECT_EQ(ack->Sequence, 1u);
  jsPubAck_Destroy(ack);
  jsCtx_Destroy(js);
  natsConnection_Destroy(conn);
  natsOptions_Destroy(options);
}

}  // namespace
}  // namespace storydesk::nats
