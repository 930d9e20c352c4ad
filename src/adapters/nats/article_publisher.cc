#include "adapters/nats/article_publisher.h"

#include <thread>

#include "adapters/nats/article_message.h"
#include "adapters/nats/ingest_streams.h"
#include "storydesk/story_engine.h"

namespace storydesk::nats {

Result<PublishReport> PublishArticles(NatsClient& client, std::vector<RawArticle> articles,
                                      const PublishOptions& options) {
  if (auto streams = EnsureIngestStreams(client); !streams.ok()) return streams.status();
  SortForProcessing(&articles);  // ingest's order: by publication time, undated last, ties as read
  PublishReport report;
  const int64_t max_payload = client.MaxPayload();
  for (size_t i = 0; i < articles.size(); ++i) {
    const RawArticle& a = articles[i];
    const std::string message = EncodeArticleMessage(a);
    if (max_payload > 0 && static_cast<int64_t>(message.size()) > max_payload) {
      return Status::Error(ErrorCode::kInvalidInput,
                           a.origin + ": the article takes " + std::to_string(message.size()) +
                               " bytes as a message, more than the NATS servers' max_payload of " +
                               std::to_string(max_payload));
    }
    jsPubOptions pub;
    jsPubOptions_Init(&pub);
    pub.MsgId = a.id.c_str();
    pub.MaxWait = 5000;
    const auto give_up = std::chrono::steady_clock::now() + options.retry_for;
    for (;;) {
      jsPubAck* ack = nullptr;
      jsErrCode error = static_cast<jsErrCode>(0);
      const natsStatus s = js_Publish(&ack, client.JetStream(), kArticlesSubject, message.data(),
                                      static_cast<int>(message.size()), &pub, &error);
      if (s == NATS_OK) {
        (ack->Duplicate ? report.duplicates : report.published) += 1;
        jsPubAck_Destroy(ack);
        break;
      }
      if (std::chrono::steady_clock::now() >= give_up) {
        return Status::Error(ErrorCode::kIo, a.origin + ": not acknowledged by JetStream within " +
                                                 std::to_string(options.retry_for.count()) +
                                                 " s: " + NatsErrorText(s, error) + " (" + std::to_string(i) +
                                                 " articles before it are published)");
      }
      ++report.resent;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    if (options.progress && ((i + 1) % 256 == 0 || i + 1 == articles.size())) options.progress(i + 1, articles.size());
  }
  return report;
}

}  // namespace storydesk::nats
