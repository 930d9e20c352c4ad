// Fuzz target for the grouping model file (stories::ParseStoryModel, `--model FILE`).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model_files_fuzz.h"
#include "storydesk/stories/story_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storydesk::stories::StoryModel;
  storydesk::fuzz::CheckModelFile<StoryModel>(
      std::string_view(reinterpret_cast<const char*>(data), size), storydesk::stories::ParseStoryModel,
      [](const StoryModel& m) { return storydesk::stories::FormatStoryModel(m, {"fuzz"}); },
      [](const StoryModel& m) {
        std::vector<double> all(m.join.begin(), m.join.end());
        all.insert(all.end(), m.attach.begin(), m.attach.end());
        return all;
      });
  return 0;
}
