#include "adapters/cli/extraction_eval.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/json_lines_file.h"
#include "adapters/read/html_page.h"
#include "adapters/read/page_file.h"
#include "storydesk/eval/extraction_score.h"

namespace storydesk::cli {

int RunExtractionEval(const ExtractionEvalFlags& flags) {
  struct PageResult {
    std::string id;
    eval::ExtractionPageScore score;
    std::string note;  // why a page gave nothing
  };
  std::vector<PageResult> results;
  eval::ExtractionScore total;
  size_t missing = 0;
  const Status read = ForEachJsonLine(flags.truth, "ground truth", [&](size_t number, const nlohmann::json& line) {
    if (line.is_discarded() || !line.is_object() || !line.contains("id") || !line["id"].is_string() ||
        !line.contains("articleBody") || !line["articleBody"].is_string()) {
      return Status::Error(ErrorCode::kInvalidInput, flags.truth + ":" + std::to_string(number) +
                                                         ": expected {\"id\": string, \"articleBody\": string}");
    }
    const std::string id = line["id"].get<std::string>();
    if (id.empty() || id.find('/') != std::string::npos || id.find("..") != std::string::npos) {
      return Status::Error(ErrorCode::kInvalidInput, flags.truth + ":" + std::to_string(number) + ": bad page id");
    }
    std::string path;
    for (const char* ext : {".html.gz", ".html", ".htm"}) {
      const std::string candidate = (std::filesystem::path(flags.pages) / (id + ext)).string();
      if (std::filesystem::exists(candidate)) {
        path = candidate;
        break;
      }
    }
    PageResult r{id, {}, {}};
    if (path.empty()) {
      ++missing;
      r.note = "no page file";
    } else {
      auto bytes = read::ReadPageFile(path, read::kMaxPageBytes);
      auto page = bytes.ok() ? read::ExtractPage(bytes.value()) : Result<read::ExtractedPage>(bytes.status());
      if (page.ok()) {
        r.score = eval::ScoreExtraction(line["articleBody"].get<std::string>(), page.value().text);
      } else {
        r.note = page.status().message();
      }
    }
    // A page that cannot be read scores 0 (what the benchmark gives an empty prediction).
    total.Add(r.score);
    results.push_back(std::move(r));
    return Status::Ok();
  });
  if (!read.ok()) {
    PrintError(read.message());
    return ExitCodeFor(read);
  }
  if (flags.json) {
    std::cout << nlohmann::json{{"pages", total.pages},
                                {"missing", missing},
                                {"precision", total.Precision()},
                                {"recall", total.Recall()},
                                {"f1", total.F1()}}
                     .dump()
              << '\n';
  } else {
    std::printf("pages %zu%s\n", total.pages, missing > 0 ? (", missing " + std::to_string(missing)).c_str() : "");
    std::printf("precision %.4f  recall %.4f  F1 %.4f\n", total.Precision(), total.Recall(), total.F1());
  }
  if (flags.per_page) {
    std::sort(results.begin(), results.end(), [](const PageResult& a, const PageResult& b) {
      const double fa = a.score.precision + a.score.recall, fb = b.score.precision + b.score.recall;
      return fa < fb || (fa == fb && a.id < b.id);
    });
    for (const PageResult& r : results) {
      std::printf("%s  P %.3f  R %.3f%s%s\n", r.id.c_str(), r.score.precision, r.score.recall,
                  r.note.empty() ? "" : "  ", r.note.c_str());
    }
  }
  return missing > 0 ? kExitRejected : kExitOk;
}

}  // namespace storydesk::cli
