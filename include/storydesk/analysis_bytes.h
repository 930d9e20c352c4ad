// Analyses as bytes: an AnalyzedArticle made on one machine and decided on another.
//
// Distributed ingest (DESIGN.md §9) analyses articles on worker machines and decides them on
// one assigner; the analysis travels between them as these bytes. The format is ours and
// versioned ("SDA1"): little-endian varints and length-prefixed strings, the analysis options
// it was made with first, so that the decider can tell whether it covers what its engine needs.
// DecodeAnalysis takes untrusted bytes: it checks every length against what is left and every
// index and offset against what it points into (a sentence inside its text, a word's sentence,
// a stem's word), and returns kInvalidInput rather than an analysis the engine could trip on.
// Thread-safe: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "storydesk/status.h"
#include "storydesk/story_engine.h"

namespace storydesk {

struct DecodedAnalysis {
  AnalysisOptions options;  // what the analysis was made with (AnalyzeArticle's options)
  AnalyzedArticle analysis;
};

// The bytes of `analysis`, made by AnalyzeArticle(article, options).
std::string EncodeAnalysis(const AnalyzedArticle& analysis, const AnalysisOptions& options);

// The analysis back; kInvalidInput naming what is wrong when the bytes are not one.
Result<DecodedAnalysis> DecodeAnalysis(std::string_view bytes);

// True when an analysis made with `made` has everything an engine needing `needed` uses.
bool AnalysisCovers(const AnalysisOptions& made, const AnalysisOptions& needed);

}  // namespace storydesk
