// Fuzz target for the body of POST /api/corrections (http::ParseCorrectionRequest), which any
// client holding the token sends as it pleases: a request read names a kind and only what that
// kind takes, within the limits.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "adapters/http/correction_request.h"
#include "fuzz_check.h"

using storydesk::fuzz::Check;
using storydesk::store::CorrectionKind;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto parsed = storydesk::http::ParseCorrectionRequest(body);
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    Check(!error->empty() && error->find('\n') == std::string::npos);
    return 0;
  }
  const auto& request = std::get<storydesk::service::CorrectionRequest>(parsed);
  Check(request.articles.size() <= storydesk::service::kMaxCorrectionArticles);
  Check(request.by.size() <= 2000 && request.note.size() <= 2000);
  switch (request.kind) {
    case CorrectionKind::kMove:
      Check(!request.articles.empty() && request.to > 0 && request.story == 0);
      break;
    case CorrectionKind::kSplit:
      Check(!request.articles.empty() && request.story > 0 && request.to == 0);
      break;
    case CorrectionKind::kMerge:
      Check(request.articles.empty() && request.story > 0 && request.to > 0);
      break;
    case CorrectionKind::kMoveEvent:
      Check(request.articles.empty() && request.story > 0 && request.to == 0 && request.storyline >= 0);
      break;
  }
  for (const auto& id : request.articles) Check(!id.empty());
  return 0;
}
