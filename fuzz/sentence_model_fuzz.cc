// Fuzz target for the sentence matcher's model file (copies::ParseSentenceModel,
// `--sentence-model FILE`).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model_files_fuzz.h"
#include "storydesk/copies/sentence_matcher.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storydesk::copies::SentenceModel;
  storydesk::fuzz::CheckModelFile<SentenceModel>(
      std::string_view(reinterpret_cast<const char*>(data), size), storydesk::copies::ParseSentenceModel,
      [](const SentenceModel& m) { return storydesk::copies::FormatSentenceModel(m, {"fuzz"}); },
      [](const SentenceModel& m) {
        std::vector<double> all(m.weights.begin(), m.weights.end());
        all.push_back(m.match_probability);
        return all;
      });
  return 0;
}
