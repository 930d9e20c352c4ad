#include "adapters/service/shipped_models.h"

#include <fstream>
#include <sstream>
#include <string_view>

#include "adapters/service/embedded_bytes.h"
#include "adapters/wordnet/wordnet_synonyms.h"

// The model files, embedded (embedded_bytes.h); the STORYDESK_*_MODEL macros are their paths.

STORYDESK_EMBED(storydesk_background_model, STORYDESK_BACKGROUND_MODEL)
STORYDESK_EMBED(storydesk_story_model, STORYDESK_STORY_MODEL)
STORYDESK_EMBED(storydesk_sentence_model, STORYDESK_SENTENCE_MODEL)
STORYDESK_EMBED(storydesk_claim_model, STORYDESK_CLAIM_MODEL)
STORYDESK_EMBED(storydesk_rewrite_model, STORYDESK_REWRITE_MODEL)
STORYDESK_EMBED(storydesk_entity_model, STORYDESK_ENTITY_MODEL)

namespace storydesk::service {
namespace {

// Parses an embedded model once; a failure names the model (a build defect, but reported).
template <typename Model>
Result<Model> ParseEmbedded(const char* begin, const char* end, Result<Model> (*parse)(std::string_view),
                            const std::string& what) {
  auto parsed = parse(std::string_view(begin, static_cast<size_t>(end - begin)));
  if (parsed.ok()) return parsed;
  return Status::Error(ErrorCode::kInvalidInput, "built-in " + what + ": " + parsed.status().message());
}

// Reads and parses a model file; errors name the file.
template <typename Model>
Result<Model> ParseFile(const std::string& path, Result<Model> (*parse)(std::string_view), const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kIo, path + ": cannot open the " + what);
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = parse(text.str());
  if (!parsed.ok()) return Status::Error(ErrorCode::kInvalidInput, path + ": " + parsed.status().message());
  return parsed;
}

// A shared model by `choice`: `off` → null, "builtin" (or empty) → the embedded `builtin`,
// anything else → the file at that path, parsed with `parse`.
template <typename Model>
Result<std::shared_ptr<const Model>> LoadShared(const std::string& choice, const char* off,
                                                const Result<Model>& builtin, Result<Model> (*parse)(std::string_view),
                                                const std::string& what) {
  using Shared = std::shared_ptr<const Model>;
  if (choice == off) return Shared();
  const bool use_builtin = choice == kBuiltinModel || choice.empty();
  auto model = use_builtin ? builtin : ParseFile(choice, parse, what);
  if (!model.ok()) return model.status();
  return Shared(std::make_shared<const Model>(std::move(model).value()));
}

}  // namespace

const Result<stories::BackgroundFrequencies>& BuiltinBackground() {
  static const auto kModel = ParseEmbedded(storydesk_background_model_begin, storydesk_background_model_end,
                                           stories::ParseBackgroundFrequencies, "background model");
  return kModel;
}

Result<std::optional<stories::BackgroundFrequencies>> LoadBackground(const std::string& choice) {
  if (choice == kNoBackground) return std::optional<stories::BackgroundFrequencies>();
  const bool builtin = choice == kBuiltinBackground || choice.empty();
  auto model =
      builtin ? BuiltinBackground() : ParseFile(choice, stories::ParseBackgroundFrequencies, "background model");
  if (!model.ok()) return model.status();
  return std::optional<stories::BackgroundFrequencies>(std::move(model).value());
}

const Result<stories::StoryModel>& BuiltinStoryModel() {
  static const auto kModel =
      ParseEmbedded(storydesk_story_model_begin, storydesk_story_model_end, stories::ParseStoryModel, "story model");
  return kModel;
}

Result<std::shared_ptr<const stories::StoryModel>> LoadStoryModel(const std::string& choice) {
  return LoadShared(choice, kFixedModel, BuiltinStoryModel(), stories::ParseStoryModel, "story model");
}

const Result<copies::SentenceModel>& BuiltinSentenceModel() {
  static const auto kModel = ParseEmbedded(storydesk_sentence_model_begin, storydesk_sentence_model_end,
                                           copies::ParseSentenceModel, "sentence model");
  return kModel;
}

Result<std::shared_ptr<const copies::SentenceModel>> LoadSentenceModel(const std::string& choice) {
  return LoadShared(choice, kNoSentenceModel, BuiltinSentenceModel(), copies::ParseSentenceModel, "sentence model");
}

const Result<claims::ClaimModel>& BuiltinClaimModel() {
  static const auto kModel =
      ParseEmbedded(storydesk_claim_model_begin, storydesk_claim_model_end, claims::ParseClaimModel, "claim model");
  return kModel;
}

const Result<std::shared_ptr<const claims::StemSynonyms>>& BuiltinStemSynonyms() {
  static const auto kSynonyms = []() -> Result<std::shared_ptr<const claims::StemSynonyms>> {
    auto words = wordnet::LoadWordNetSynonyms();
    if (!words.ok()) return words.status();
    return std::make_shared<const claims::StemSynonyms>(claims::BuildStemSynonyms(words.value()));
  }();
  return kSynonyms;
}

const Result<claims::ClaimMatcher>& BuiltinClaimMatcher() {
  static const auto kMatcher = []() -> Result<claims::ClaimMatcher> {
    const auto& model = BuiltinClaimModel();
    if (!model.ok()) return model.status();
    const auto& synonyms = BuiltinStemSynonyms();
    if (!synonyms.ok()) return synonyms.status();
    return claims::ClaimMatcher{model.value(), synonyms.value()};
  }();
  return kMatcher;
}

const Result<copies::RewriteModel>& BuiltinRewriteModel() {
  static const auto kModel = ParseEmbedded(storydesk_rewrite_model_begin, storydesk_rewrite_model_end,
                                           copies::ParseRewriteModel, "rewrite model");
  return kModel;
}

Result<std::shared_ptr<const copies::RewriteModel>> LoadRewriteModel(const std::string& choice) {
  return LoadShared(choice, kCoverageRule, BuiltinRewriteModel(), copies::ParseRewriteModel, "rewrite model");
}

const Result<std::shared_ptr<const entities::EntityModel>>& BuiltinEntityModel() {
  using Shared = std::shared_ptr<const entities::EntityModel>;
  static const Result<Shared> kModel = []() -> Result<Shared> {
    auto parsed = ParseEmbedded(storydesk_entity_model_begin, storydesk_entity_model_end, entities::EntityModel::Parse,
                                "entity model");
    if (!parsed.ok()) return parsed.status();
    return Shared(std::make_shared<const entities::EntityModel>(std::move(parsed).value()));
  }();
  return kModel;
}

Result<std::shared_ptr<const entities::EntityModel>> LoadEntityModel(const std::string& choice) {
  if (choice == kBuiltinModel || choice.empty()) return BuiltinEntityModel();
  auto parsed = ParseFile(choice, entities::EntityModel::Parse, "entity model");
  if (!parsed.ok()) return parsed.status();
  return std::shared_ptr<const entities::EntityModel>(
      std::make_shared<const entities::EntityModel>(std::move(parsed).value()));
}

Status UseModels(const ModelChoices& choices, EngineOptions* options) {
  auto story = LoadStoryModel(choices.story);
  if (!story.ok()) return story.status();
  auto sentences = LoadSentenceModel(choices.sentences);
  if (!sentences.ok()) return sentences.status();
  auto rewrites = LoadRewriteModel(choices.rewrites);
  if (!rewrites.ok()) return rewrites.status();
  options->model = story.value();
  options->sentence_model = sentences.value();
  options->rewrite_model = rewrites.value();
  return Status::Ok();
}

Status UseBuiltinModels(EngineOptions* options) { return UseModels({}, options); }

void SeedEngine(const std::optional<stories::BackgroundFrequencies>& background, StoryEngine* engine) {
  if (background) engine->LoadDocumentFrequencies(background->documents, background->df, /*kept_always=*/true);
}

terms::TermStatistics SeededStatistics(const stories::BackgroundFrequencies& background) {
  terms::TermStatistics statistics;
  statistics.AddDocuments(background.documents);
  for (const auto& [term, df] : background.df) statistics.AddCounts(0, term, df);
  return statistics;
}

}  // namespace storydesk::service
