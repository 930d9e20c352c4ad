#include "adapters/nats/analysis_worker.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include "adapters/nats/article_message.h"
#include "adapters/nats/ingest_streams.h"
#include "storydesk/analysis_bytes.h"
#include "storydesk/story_engine.h"

namespace storydesk::nats {
namespace {

constexpr int64_t kNanosPerSecond = 1000000000;

// What any engine may need: the assigner's decides with headline evidence, and with event days
// when the store groups events.
constexpr AnalysisOptions kWorkerAnalysis{.headline_evidence = true, .event_days = true};

struct Item {
  natsMsg* message = nullptr;
  uint64_t sequence = 0;
  std::optional<std::string> prepared;  // the analysis, once made
};

}  // namespace

Status RunAnalysisWorker(NatsClient& client, const WorkerOptions& options, const std::atomic<bool>& stop,
                         WorkerStats* stats) {
  if (auto streams = EnsureIngestStreams(client); !streams.ok()) return streams.status();
  jsSubOptions sub_options;
  jsSubOptions_Init(&sub_options);
  sub_options.Stream = kArticlesStream;
  sub_options.Config.Durable = kWorkersConsumer;
  sub_options.Config.AckPolicy = js_AckExplicit;
  sub_options.Config.AckWait = 10 * kNanosPerSecond;  // a dead worker's articles go to another after this
  sub_options.Config.MaxAckPending = 4096;
  sub_options.Config.DeliverPolicy = js_DeliverAll;
  natsSubscription* sub = nullptr;
  for (;;) {
    jsErrCode error = static_cast<jsErrCode>(0);
    const natsStatus s =
        js_PullSubscribe(&sub, client.JetStream(), kArticlesSubject, kWorkersConsumer, nullptr, &sub_options, &error);
    if (s == NATS_OK) break;
    if (stop) return Status::Ok();
    if (options.note) options.note("worker: cannot join consumer 'workers' yet: " + NatsErrorText(s, error));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  const int threads = std::max(1, options.threads);
  while (!stop) {
    natsMsgList list{};
    jsErrCode error = static_cast<jsErrCode>(0);
    const natsStatus s = natsSubscription_Fetch(&list, sub, options.batch, 1000, &error);
    if (s == NATS_TIMEOUT || (s == NATS_OK && list.Count == 0)) {
      natsMsgList_Destroy(&list);
      continue;
    }
    if (s != NATS_OK) {
      natsMsgList_Destroy(&list);
      if (options.note) options.note("worker: fetch failed, retrying: " + NatsErrorText(s, error));
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      continue;
    }
    std::vector<Item> items(static_cast<size_t>(list.Count));
    for (int i = 0; i < list.Count; ++i) {
      items[static_cast<size_t>(i)].message = list.Msgs[i];
      list.Msgs[i] = nullptr;  // owned by `items` now
    }
    natsMsgList_Destroy(&list);
    // Analyse on `threads` threads, each taking every threads-th article.
    auto analyse = [&](size_t first) {
      for (size_t i = first; i < items.size(); i += static_cast<size_t>(threads)) {
        Item& item = items[i];
        jsMsgMetaData* meta = nullptr;
        if (natsMsg_GetMetaData(&meta, item.message) != NATS_OK) continue;
        item.sequence = meta->Sequence.Stream;
        jsMsgMetaData_Destroy(meta);
        const std::string_view data(natsMsg_GetData(item.message),
                                    static_cast<size_t>(natsMsg_GetDataLength(item.message)));
        auto article = DecodeArticleMessage(data);
        if (!article.ok()) {
          if (options.note) {
            options.note("worker: ARTICLES message " + std::to_string(item.sequence) + ": " +
                         article.status().message() + " (dropped)");
          }
          continue;
        }
        item.prepared = EncodeAnalysis(AnalyzeArticle(article.value(), kWorkerAnalysis), kWorkerAnalysis);
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads && static_cast<size_t>(t) < items.size(); ++t) pool.emplace_back(analyse, t);
    analyse(0);
    for (std::thread& t : pool) t.join();
    // Hand each analysis on, then acknowledge its article. A publication that fails (a leader
    // being elected) is retried for a few seconds; an article whose analysis was still not
    // taken is left unacknowledged (redelivered after the ack wait) and noted once per batch.
    size_t not_taken = 0;
    std::string last_error;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    for (Item& item : items) {
      if (item.sequence == 0) {
        natsMsg_Destroy(item.message);  // no metadata: not a JetStream message; redelivered if it was
        continue;
      }
      if (!item.prepared) {
        natsMsg_Term(item.message, nullptr);  // not an article: never redelivered
        ++stats->refused;
        natsMsg_Destroy(item.message);
        continue;
      }
      const std::string sequence = std::to_string(item.sequence);
      const std::string id = "p" + sequence;
      natsStatus ps = NATS_OK;
      jsErrCode pub_error = static_cast<jsErrCode>(0);
      for (bool first = true; first || (std::chrono::steady_clock::now() < give_up && !stop); first = false) {
        if (!first) std::this_thread::sleep_for(std::chrono::milliseconds(250));
        natsMsg* out = nullptr;
        ps = natsMsg_Create(&out, kPreparedSubject, nullptr, item.prepared->data(),
                            static_cast<int>(item.prepared->size()));
        if (ps == NATS_OK) ps = natsMsgHeader_Set(out, kSequenceHeader, sequence.c_str());
        jsPubOptions pub;
        jsPubOptions_Init(&pub);
        pub.MsgId = id.c_str();  // a resend that had arrived is dropped by the duplicate window
        pub.MaxWait = 5000;
        jsPubAck* ack = nullptr;
        pub_error = static_cast<jsErrCode>(0);
        if (ps == NATS_OK) ps = js_PublishMsg(&ack, client.JetStream(), out, &pub, &pub_error);
        natsMsg_Destroy(out);
        if (ps == NATS_OK) {
          jsPubAck_Destroy(ack);
          break;
        }
      }
      if (ps == NATS_OK) {
        natsMsg_Ack(item.message, nullptr);
        ++stats->analysed;
      } else {
        ++not_taken;
        last_error = NatsErrorText(ps, pub_error);
      }
      natsMsg_Destroy(item.message);
    }
    if (not_taken > 0 && options.note) {
      options.note("worker: " + std::to_string(not_taken) +
                   " analyses not taken by PREPARED (their articles are left for redelivery): " + last_error);
    }
  }
  natsSubscription_Destroy(sub);
  return Status::Ok();
}

}  // namespace storydesk::nats
