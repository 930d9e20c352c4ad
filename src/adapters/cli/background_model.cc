#include "adapters/cli/background_model.h"

#include <fstream>
#include <sstream>
#include <string_view>

// The model file's bytes, placed in read-only data by the assembler (.incbin), so there is no
// generated source and the file is read once, at build time. STORYDESK_BACKGROUND_MODEL is the
// absolute path, set by CMake, which also rebuilds this file when the model changes.
asm(".section .rodata\n"
    ".global storydesk_background_model_begin\n"
    ".hidden storydesk_background_model_begin\n"
    "storydesk_background_model_begin:\n"
    ".incbin \"" STORYDESK_BACKGROUND_MODEL "\"\n"
    ".global storydesk_background_model_end\n"
    ".hidden storydesk_background_model_end\n"
    "storydesk_background_model_end:\n"
    ".previous\n");
extern "C" const char storydesk_background_model_begin[];
extern "C" const char storydesk_background_model_end[];

namespace storydesk::cli {

const Result<stories::BackgroundFrequencies>& BuiltinBackground() {
  static const Result<stories::BackgroundFrequencies> model = [] {
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

void SeedEngine(const std::optional<stories::BackgroundFrequencies>& background, StoryEngine* engine) {
  if (background) engine->LoadDocumentFrequencies(background->documents, background->df);
}

}  // namespace storydesk::cli
