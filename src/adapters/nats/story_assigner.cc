#include "adapters/nats/story_assigner.h"

#include <unistd.h>

#include <cstdlib>
#include <map>
#include <thread>
#include <unordered_map>
#include <vector>

#include "adapters/nats/article_message.h"
#include "adapters/nats/ingest_streams.h"
#include "adapters/pg/pg_stream_position.h"
#include "adapters/pg/pg_writer_lock.h"
#include "adapters/service/ingest_pipeline.h"
#include "adapters/service/open_store.h"
#include "storydesk/analysis_bytes.h"

namespace storydesk::nats {
namespace {

constexpr int64_t kNanosPerSecond = 1000000000;

struct MessageDeleter {
  void operator()(natsMsg* m) const { natsMsg_Destroy(m); }
};
using Message = std::unique_ptr<natsMsg, MessageDeleter>;

class Leader {
 public:
  Leader(NatsClient& client, const AssignerOptions& options, const std::atomic<bool>& stop, AssignerStats* stats)
      : client_(client), options_(options), stop_(stop), stats_(stats) {}
  ~Leader() {
    if (prepared_ != nullptr) natsSubscription_Destroy(prepared_);
  }

  Status Run() {
    auto store = service::OpenStore(options_.store_url);
    if (!store.ok()) return store.status();
    auto position = pg::PgStreamPosition::Open(options_.store_url, kArticlesStream);
    if (!position.ok()) return position.status();
    auto through = position.value().Get();
    if (!through.ok()) return through.status();
    next_ = through.value() + 1;
    stats_->position = through.value();
    if (Status s = SubscribePrepared(); !s.ok()) return s;
    service::IngestOptions ingest;
    ingest.events = options_.events;
    ingest.batch_size = options_.batch;
    ingest.prepared = [this](const RawArticle& a, const AnalysisOptions& needed) -> std::optional<AnalyzedArticle> {
      auto it = analyses_.find(a.id);
      if (it == analyses_.end() || !AnalysisCovers(it->second.options, needed)) {
        ++stats_->analysed_here;
        return std::nullopt;
      }
      AnalyzedArticle made = std::move(it->second.analysis);
      analyses_.erase(it);
      return made;
    };
    service::IngestSession session(std::move(ingest));
    bool workers_seen = true;
    while (!stop_) {
      std::vector<RawArticle> articles;
      std::vector<uint64_t> sequences;
      uint64_t last = next_ - 1;
      if (Status s = ReadArticles(&articles, &sequences, &last); !s.ok()) return s;
      if (last < next_) {  // nothing new: keep PREPARED drained of what is behind us
        if (Status s = FetchPrepared(std::chrono::milliseconds(100)); !s.ok()) return s;
        continue;
      }
      const size_t from_workers = GatherAnalyses(
          articles, sequences, workers_seen ? options_.wait_for_workers : std::chrono::milliseconds(100));
      workers_seen = from_workers > 0;
      const size_t restores_before = session.Restores();
      auto report = session.Ingest(std::move(articles), *store.value());
      stats_->restores += session.Restores() - restores_before;
      if (session.Restores() > restores_before && next_ > 1 && options_.note) {
        options_.note("assigner: engine restored from the store at ARTICLES " + std::to_string(next_));
      }
      analyses_.clear();
      if (!report.ok()) return report.status();
      if (!report.value().failure.ok()) return report.value().failure;
      stats_->stored += report.value().stored;
      stats_->duplicates += report.value().duplicates;
      stats_->rejected += report.value().rejected;
      for (const service::IngestedArticle& r : report.value().articles) {
        if (r.outcome == service::IngestOutcome::kRejected && options_.note) options_.note("assigner: " + r.error);
      }
      if (Status s = position.value().Advance(last); !s.ok()) return s;
      stats_->position = last;
      next_ = last + 1;
      AckBehind();
    }
    return Status::Ok();
  }

 private:
  struct Analysis {
    AnalysisOptions options;
    AnalyzedArticle analysis;
  };

  Status SubscribePrepared() {
    jsSubOptions sub_options;
    jsSubOptions_Init(&sub_options);
    sub_options.Stream = kPreparedStream;
    sub_options.Config.Durable = kAssignerConsumer;
    sub_options.Config.AckPolicy = js_AckExplicit;
    // What a lost leader held comes back to the next one after this.
    sub_options.Config.AckWait = 5 * kNanosPerSecond;
    sub_options.Config.MaxAckPending = 16384;
    jsErrCode error = static_cast<jsErrCode>(0);
    const natsStatus s = js_PullSubscribe(&prepared_, client_.JetStream(), kPreparedSubject, kAssignerConsumer, nullptr,
                                          &sub_options, &error);
    if (s != NATS_OK) return Status::Error(ErrorCode::kIo, "consumer 'assigner': " + NatsErrorText(s, error));
    return Status::Ok();
  }

  // Up to a batch of articles from ARTICLES at next_, in sequence order; *last is the sequence
  // of the last message read (an undecodable one is skipped with a note, and counts as read).
  Status ReadArticles(std::vector<RawArticle>* articles, std::vector<uint64_t>* sequences, uint64_t* last) {
    for (uint64_t seq = next_; articles->size() < options_.batch && !stop_; ++seq) {
      natsMsg* raw = nullptr;
      jsErrCode error = static_cast<jsErrCode>(0);
      natsStatus s = NATS_OK;
      for (int attempt = 0;; ++attempt) {
        s = js_GetMsg(&raw, client_.JetStream(), kArticlesStream, seq, nullptr, &error);
        if (s == NATS_OK || s == NATS_NOT_FOUND || error == JSNoMessageFoundErr || attempt >= 20 || stop_) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));  // a node lost, a leader elected
      }
      if (s == NATS_NOT_FOUND || error == JSNoMessageFoundErr) break;  // the end of the stream
      if (s != NATS_OK) {
        if (articles->empty()) return Status::Error(ErrorCode::kIo, "reading ARTICLES: " + NatsErrorText(s, error));
        break;  // decide what was read; the rest next time
      }
      Message message(raw);
      auto article =
          DecodeArticleMessage(std::string_view(natsMsg_GetData(raw), static_cast<size_t>(natsMsg_GetDataLength(raw))));
      *last = seq;
      if (!article.ok()) {
        if (options_.note)
          options_.note("assigner: ARTICLES message " + std::to_string(seq) + ": " + article.status().message() +
                        " (skipped)");
        continue;
      }
      articles->push_back(std::move(article).value());
      sequences->push_back(seq);
    }
    return Status::Ok();
  }

  // Pulls PREPARED for up to `wait`: analyses of sequences ahead are kept (buffer_), those
  // behind are acknowledged and dropped.
  Status FetchPrepared(std::chrono::milliseconds wait) {
    natsMsgList list{};
    jsErrCode error = static_cast<jsErrCode>(0);
    const natsStatus s = natsSubscription_Fetch(&list, prepared_, 256, std::max<int64_t>(1, wait.count()), &error);
    if (s != NATS_OK && s != NATS_TIMEOUT) {
      natsMsgList_Destroy(&list);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));  // a node lost: the client reconnects
      return Status::Ok();
    }
    for (int i = 0; i < list.Count; ++i) {
      Message m(list.Msgs[i]);
      list.Msgs[i] = nullptr;
      const char* header = nullptr;
      uint64_t seq = 0;
      if (natsMsgHeader_Get(m.get(), kSequenceHeader, &header) == NATS_OK && header != nullptr) {
        seq = std::strtoull(header, nullptr, 10);
      }
      if (seq == 0 || seq < next_ || buffer_.count(seq) > 0) {
        natsMsg_Ack(m.get(), nullptr);  // behind us, a repeat, or not ours: done with
        continue;
      }
      buffer_.emplace(seq, std::move(m));
    }
    natsMsgList_Destroy(&list);
    return Status::Ok();
  }

  // Waits up to `wait` (from the last analysis that arrived) for the analyses of `sequences`;
  // decodes those that came into analyses_, by the id of their article. Returns how many came.
  size_t GatherAnalyses(const std::vector<RawArticle>& articles, const std::vector<uint64_t>& sequences,
                        std::chrono::milliseconds wait) {
    auto missing = [&] {
      size_t n = 0;
      for (uint64_t seq : sequences) n += buffer_.count(seq) == 0 ? 1 : 0;
      return n;
    };
    size_t lacking = missing();
    auto patience = std::chrono::steady_clock::now() + wait;
    while (lacking > 0 && std::chrono::steady_clock::now() < patience && !stop_) {
      (void)FetchPrepared(std::chrono::milliseconds(50));
      const size_t now_lacking = missing();
      if (now_lacking < lacking) patience = std::chrono::steady_clock::now() + wait;
      lacking = now_lacking;
    }
    size_t came = 0;
    for (size_t i = 0; i < sequences.size(); ++i) {
      auto it = buffer_.find(sequences[i]);
      if (it == buffer_.end()) continue;
      natsMsg* m = it->second.get();
      auto decoded =
          DecodeAnalysis(std::string_view(natsMsg_GetData(m), static_cast<size_t>(natsMsg_GetDataLength(m))));
      if (!decoded.ok()) continue;  // analysed here instead
      ++came;
      analyses_.emplace(articles[i].id, Analysis{decoded.value().options, std::move(decoded.value().analysis)});
    }
    return came;
  }

  void AckBehind() {
    for (auto it = buffer_.begin(); it != buffer_.end() && it->first < next_;) {
      natsMsg_Ack(it->second.get(), nullptr);
      it = buffer_.erase(it);
    }
  }

  NatsClient& client_;
  const AssignerOptions& options_;
  const std::atomic<bool>& stop_;
  AssignerStats* stats_;
  natsSubscription* prepared_ = nullptr;
  uint64_t next_ = 1;
  std::map<uint64_t, Message> buffer_;                  // PREPARED messages by ARTICLES sequence
  std::unordered_map<std::string, Analysis> analyses_;  // this batch's, by article id
};

}  // namespace

Status RunStoryAssigner(NatsClient& client, const AssignerOptions& options, const std::atomic<bool>& stop,
                        AssignerStats* stats) {
  if (!service::IsStoreUrl(options.store_url)) {
    return Status::Error(ErrorCode::kUsage, "--store: the assigner writes to PostgreSQL (a postgresql:// URL)");
  }
  bool announced_wait = false;
  while (!stop) {
    auto lock = pg::PgWriterLock::Acquire(options.store_url, std::chrono::milliseconds(1000), [] {});
    if (!lock.ok()) {
      if (lock.status().code() != ErrorCode::kConflict) {
        if (options.note) options.note("assigner: " + lock.status().message() + " (trying again)");
        std::this_thread::sleep_for(std::chrono::seconds(1));
      } else if (!announced_wait && options.note) {
        options.note("assigner: standing by (another process leads)");
        announced_wait = true;
      }
      continue;
    }
    stats->leading = true;
    if (options.note) options.note("assigner: leading (pid " + std::to_string(getpid()) + ")");
    Leader leader(client, options, stop, stats);
    const Status s = leader.Run();
    stats->leading = false;
    if (!s.ok()) {
      if (options.note) options.note("assigner: giving up the lead: " + s.message());
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    announced_wait = false;
  }
  return Status::Ok();
}

}  // namespace storydesk::nats
