// What an AnalyzedArticle holds (storydesk/story_engine.h): shared by the engine that makes and
// decides with it and by the bytes that carry it between machines (storydesk/analysis_bytes.h).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "storydesk/copies/attribution.h"
#include "storydesk/digest/headline.h"
#include "storydesk/story_engine.h"
#include "storydesk/text/analyzer.h"

namespace storydesk {

struct AnalyzedArticle::Data {
  std::optional<text::AnalyzedText> title;
  std::vector<text::AnalyzedText> bullets;
  text::AnalyzedText body;
  uint64_t exact_hash = 0;
  std::vector<uint64_t> shingles;
  std::vector<copies::Attribution> credits;
  std::vector<int32_t> event_days;                                    // with AnalysisOptions::event_days
  std::shared_ptr<const digest::HeadlineEvidence> headline_evidence;  // with AnalysisOptions::headline_evidence
};

}  // namespace storydesk
