// Fuzz target for the messages of distributed ingest (adapters/nats/): an article message
// (DecodeArticleMessage) and an analysis (DecodeAnalysis), both read from a JetStream stream any
// client of the cluster can write to. Never a crash; errors are one line; an accepted analysis
// can be decided with; an article that decodes encodes and decodes to itself; and the analysis
// of the input taken as an article's text survives its bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/nats/article_message.h"
#include "fuzz_check.h"
#include "storydesk/analysis_bytes.h"
#include "storydesk/story_engine.h"
#include "storydesk/text/utf8.h"

using storydesk::fuzz::Check;
using storydesk::fuzz::CheckMessage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace sd = storydesk;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const sd::AnalysisOptions all{.headline_evidence = true, .event_days = true};
  sd::EngineOptions engine_options;
  engine_options.events = true;
  engine_options.headline_evidence = true;

  auto article = sd::nats::DecodeArticleMessage(bytes);
  if (!article.ok()) {
    CheckMessage(article.status().message());
  } else {
    Check(!article.value().id.empty());
    auto again = sd::nats::DecodeArticleMessage(sd::nats::EncodeArticleMessage(article.value()));
    Check(again.ok() && again.value().id == article.value().id && again.value().text == article.value().text &&
          again.value().published_at == article.value().published_at);
  }

  sd::RawArticle carrier;
  carrier.id = "fuzz";
  carrier.text = sd::text::IsValidUtf8(bytes) ? bytes : std::string("not UTF-8");
  auto decoded = sd::DecodeAnalysis(bytes);
  if (!decoded.ok()) {
    CheckMessage(decoded.status().message());
  } else {
    sd::StoryEngine engine(engine_options);
    engine.Decide(carrier, std::move(decoded.value().analysis));
  }
  if (size < 4096) {
    auto round = sd::DecodeAnalysis(sd::EncodeAnalysis(sd::AnalyzeArticle(carrier, all), all));
    Check(round.ok());
  }
  return 0;
}
