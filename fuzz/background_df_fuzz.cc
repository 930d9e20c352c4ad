// Fuzz target for the background model file (stories::ParseBackgroundFrequencies,
// `--background FILE`).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model_files_fuzz.h"
#include "storydesk/stories/background_frequencies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storydesk::fuzz::Check;
  using storydesk::stories::BackgroundFrequencies;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  storydesk::fuzz::CheckModelFile<BackgroundFrequencies>(
      text, storydesk::stories::ParseBackgroundFrequencies,
      [](const BackgroundFrequencies& f) { return storydesk::stories::FormatBackgroundFrequencies(f, 1, {"fuzz"}); },
      [](const BackgroundFrequencies& f) {
        // Counts are positive and at most the number of documents (what IDF needs).
        Check(f.documents > 0);
        for (const auto& [term, df] : f.df) Check(df > 0 && df <= f.documents && !term.empty());
        return std::vector<double>{static_cast<double>(f.documents)};
      });
  return 0;
}
