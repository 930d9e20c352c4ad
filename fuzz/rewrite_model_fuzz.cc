// Fuzz target for the rewrite decision's model file (copies::ParseRewriteModel,
// `--rewrite-model FILE`).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model_files_fuzz.h"
#include "storydesk/copies/rewrite_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storydesk::copies::RewriteModel;
  storydesk::fuzz::CheckModelFile<RewriteModel>(
      std::string_view(reinterpret_cast<const char*>(data), size), storydesk::copies::ParseRewriteModel,
      [](const RewriteModel& m) { return storydesk::copies::FormatRewriteModel(m, {"fuzz"}); },
      [](const RewriteModel& m) {
        std::vector<double> all(m.weights.begin(), m.weights.end());
        all.push_back(m.rewrite_probability);
        return all;
      });
  return 0;
}
