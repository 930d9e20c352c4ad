#include "adapters/cli/shipped_models.h"

#include <fstream>
#include <sstream>
#include <string_view>

// The model files' bytes, placed in read-only data by the assembler (.incbin), so there is no
// generated source and the files are read once, at build time. The STORYDESK_*_MODEL macros
// are absolute paths set by CMake, which also rebuilds this file when a model changes.
#define STORYDESK_EMBED(name, path)          \
  asm(".section .rodata\n"                   \
      ".global " #name "_begin\n"            \
      ".hidden " #name "_begin\n" #name      \
      "_begin:\n"                            \
      ".incbin \"" path "\"\n"               \
      ".global " #name "_end\n"              \
      ".hidden " #name "_end\n" #name        \
      "_end:\n"                              \
      ".previous\n");                        \
  extern "C" const char name##_begin[];      \
  extern "C" const char name##_end[];

STORYDESK_EMBED(storydesk_background_model, STORYDESK_BACKGROUND_MODEL)
STORYDESK_EMBED(storydesk_story_model, STORYDESK_STORY_MODEL)

namespace storydesk::cli {

const Result<stories::BackgroundFrequencies>& BuiltinBackground() {
  static const Result<stories::BackgroundFrequencies> model = [] {  // NOLINT: parsed once
    const std::string_view bytes(storydesk_background_model_begin,
                                 static_cast<size_t>(storydesk_background_model_end - storydesk_background_model_begin));
    auto parsed = stories::ParseBackgroundFrequencies(bytes);
    if (parsed.ok()) return parsed;
    return Result<stories::BackgroundFrequencies>(
        Status::Error(ErrorCode::kInvalidInput, "built-in background model: " + parsed.status().message()));
  }();
  return model;
}

Result<std::optional<stories::BackgroundFrequencies>> LoadBackground(const std::string& choice) {
  if (choice == kNoBackground) return std::optional<stories::BackgroundFrequencies>();
  if (choice == kBuiltinBackground || choice.empty()) {
    const auto& builtin = BuiltinBackground();
    if (!builtin.ok()) return builtin.status();
    return std::optional<stories::BackgroundFrequencies>(builtin.value());
  }
  std::ifstream in(choice, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kIo, choice + ": cannot open the background model");
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = stories::ParseBackgroundFrequencies(text.str());
  if (!parsed.ok()) return Status::Error(ErrorCode::kInvalidInput, choice + ": " + parsed.status().message());
  return std::optional<stories::BackgroundFrequencies>(std::move(parsed).value());
}

const Result<stories::StoryModel>& BuiltinStoryModel() {
  static const Result<stories::StoryModel> model = [] {
    const std::string_view bytes(storydesk_story_model_begin,
                                 static_cast<size_t>(storydesk_story_model_end - storydesk_story_model_begin));
    auto parsed = stories::ParseStoryModel(bytes);
    if (parsed.ok()) return parsed;
    return Result<stories::StoryModel>(
        Status::Error(ErrorCode::kInvalidInput, "built-in story model: " + parsed.status().message()));
  }();
  return model;
}

Result<std::shared_ptr<const stories::StoryModel>> LoadStoryModel(const std::string& choice) {
  using Model = std::shared_ptr<const stories::StoryModel>;
  if (choice == kFixedModel) return Model();
  if (choice == kBuiltinModel || choice.empty()) {
    const auto& builtin = BuiltinStoryModel();
    if (!builtin.ok()) return builtin.status();
    return Model(std::make_shared<const stories::StoryModel>(builtin.value()));
  }
  std::ifstream in(choice, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kIo, choice + ": cannot open the story model");
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = stories::ParseStoryModel(text.str());
  if (!parsed.ok()) return Status::Error(ErrorCode::kInvalidInput, choice + ": " + parsed.status().message());
  return Model(std::make_shared<const stories::StoryModel>(std::move(parsed).value()));
}

void SeedEngine(const std::optional<stories::BackgroundFrequencies>& background, StoryEngine* engine) {
  if (background) engine->LoadDocumentFrequencies(background->documents, background->df);
}

}  // namespace storydesk::cli
