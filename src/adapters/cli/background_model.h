// The background document frequencies storydesk ships (models/background-df.tsv, embedded in
// the binary at build time so the binary needs no data files), and the --background flag
// that replaces them for experiments. Format and rationale: core/stories/background_frequencies.h.
#pragma once

#include <optional>
#include <string>

#include "core/stories/background_frequencies.h"
#include "storydesk/status.h"
#include "storydesk/story_engine.h"

namespace storydesk::cli {

// What --background accepts besides a file path.
inline constexpr const char* kBuiltinBackground = "builtin";
inline constexpr const char* kNoBackground = "none";

// The embedded model, parsed once. An embedded file that does not parse is a build defect,
// reported as kInvalidInput like any other.
const Result<stories::BackgroundFrequencies>& BuiltinBackground();

// "builtin" → the embedded model, "none" → nullopt, else the model file at that path.
// Errors: kIo (cannot read), kInvalidInput ("PATH: line N: ...").
Result<std::optional<stories::BackgroundFrequencies>> LoadBackground(const std::string& choice);

// Adds `background` (when present) to the engine's statistics.
void SeedEngine(const std::optional<stories::BackgroundFrequencies>& background, StoryEngine* engine);

}  // namespace storydesk::cli
