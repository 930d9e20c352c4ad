// The models storydesk ships, embedded in the binary at build time so it needs no data files:
//   - models/background-df.tsv — background document frequencies
//     (core/stories/background_frequencies.h); --background replaces them;
//   - models/story-model.tsv — the learned grouping decisions (core/stories/story_model.h);
//     --model replaces it;
//   - models/sentence-model.tsv — the sentence matcher of rewrite detection
//     (core/copies/sentence_matcher.h); --sentence-model replaces it;
//   - models/rewrite-model.tsv — the document decision of rewrite detection
//     (core/copies/rewrite_model.h); --rewrite-model replaces it;
//   - models/claim-model.tsv — the claim matcher of the digest (core/claims/claim_support.h);
//   - models/entity-model.tsv.gz (unpacked at build) — the named-entity tagger (storydesk/entities/entity_model.h);
//     --model of `tag` replaces it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "storydesk/claims/claim_support.h"
#include "storydesk/copies/rewrite_model.h"
#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/entities/entity_model.h"
#include "storydesk/status.h"
#include "storydesk/stories/background_frequencies.h"
#include "storydesk/stories/story_model.h"
#include "storydesk/story_engine.h"
#include "storydesk/terms/term_statistics.h"

namespace storydesk::service {

// What --background accepts besides a file path.
inline constexpr const char* kBuiltinBackground = "builtin";
inline constexpr const char* kNoBackground = "none";

// The embedded model, parsed once. An embedded file that does not parse is a build defect,
// reported as kInvalidInput like any other.
const Result<stories::BackgroundFrequencies>& BuiltinBackground();

// "builtin" → the embedded model, "none" → nullopt, else the model file at that path.
// Errors: kIo (cannot read), kInvalidInput ("PATH: line N: ...").
Result<std::optional<stories::BackgroundFrequencies>> LoadBackground(const std::string& choice);

// What --model accepts besides a file path: kBuiltinModel, or "fixed" for the fixed cosine
// threshold of the first grouping version (no model).
inline constexpr const char* kBuiltinModel = "builtin";
inline constexpr const char* kFixedModel = "fixed";

const Result<stories::StoryModel>& BuiltinStoryModel();

// "builtin" → the embedded model, "fixed" → null, else the model file at that path.
// Errors: kIo, kInvalidInput ("PATH: line N: ...").
Result<std::shared_ptr<const stories::StoryModel>> LoadStoryModel(const std::string& choice);

// What --sentence-model accepts besides a file path: kBuiltinModel, or "none" (no rewrite
// detection: only exact, near and excerpt copies).
inline constexpr const char* kNoSentenceModel = "none";

const Result<copies::SentenceModel>& BuiltinSentenceModel();

// "builtin" → the embedded model, "none" → null, else the model file at that path.
// Errors: kIo, kInvalidInput ("PATH: line N: ...").
Result<std::shared_ptr<const copies::SentenceModel>> LoadSentenceModel(const std::string& choice);

const Result<claims::ClaimModel>& BuiltinClaimModel();

// WordNet's synonyms as stems (claims/stem_synonyms.h), read once from Debian's wordnet-base.
// Errors: kIo "WordNet not installed: apt-get install wordnet-base (...)".
const Result<std::shared_ptr<const claims::StemSynonyms>>& BuiltinStemSynonyms();

// The shipped claim model with WordNet's synonyms, as the digest uses it (and train-claims
// trained it). Errors: those of the two above.
const Result<claims::ClaimMatcher>& BuiltinClaimMatcher();

// What --rewrite-model accepts besides a file path: kBuiltinModel, or "coverage" (a rewrite is
// a text most of whose words lie in surely aligned sentences, CopyOptions::rewrite_coverage).
inline constexpr const char* kCoverageRule = "coverage";

const Result<copies::RewriteModel>& BuiltinRewriteModel();

// "builtin" → the embedded model, "coverage" → null, else the model file at that path.
// Errors: kIo, kInvalidInput ("PATH: line N: ...").
Result<std::shared_ptr<const copies::RewriteModel>> LoadRewriteModel(const std::string& choice);

// Shared: the model is large (a few MB of weights), parsed once and never copied.
const Result<std::shared_ptr<const entities::EntityModel>>& BuiltinEntityModel();

// "builtin" → the embedded model, else the model file at that path.
// Errors: kIo, kInvalidInput ("PATH: line N: ...").
Result<std::shared_ptr<const entities::EntityModel>> LoadEntityModel(const std::string& choice);

// Which story model, sentence matcher and rewrite decision to use (each as its --flag takes it).
struct ModelChoices {
  std::string story = kBuiltinModel;
  std::string sentences = kBuiltinModel;
  std::string rewrites = kBuiltinModel;
};

// Sets the engine's three models as chosen. Errors: those of the Load* functions above.
Status UseModels(const ModelChoices& choices, EngineOptions* options);
// UseModels with the built-in ones.
Status UseBuiltinModels(EngineOptions* options);

// Adds `background` (when present) to the engine's statistics.
void SeedEngine(const std::optional<stories::BackgroundFrequencies>& background, StoryEngine* engine);

// Term statistics starting from `background`, as an engine's do: for weighing terms outside
// an engine (training the sentence matcher, explaining a copy).
terms::TermStatistics SeededStatistics(const stories::BackgroundFrequencies& background);

}  // namespace storydesk::service
