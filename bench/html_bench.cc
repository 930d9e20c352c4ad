// The HTML reader's speed on real pages: the 91 saved pages of html-extraction-dev, read and
// gunzipped before timing.
//   BM_ExtractPage  ExtractPage (decode, parse with gumbo, metadata, main text): bytes/s of HTML
//   BM_ParseOnly    gumbo's parse alone, for the share of the parser in the above
// One core. Skipped with a message when ../shared/data is absent.
// Run: make bench && build-bench/bench/storydesk_html_bench
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "adapters/read/html_page.h"
#include "adapters/read/page_file.h"

namespace {

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> kPages = [] {
    std::vector<std::string> out;
    const std::filesystem::path dir =
        std::filesystem::path(STORYDESK_SOURCE_DIR) / ".." / "shared" / "data" / "html-extraction-dev" / "html";
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      auto bytes = storydesk::read::ReadPageFile(file.string(), storydesk::read::kMaxPageBytes);
      if (bytes.ok()) out.push_back(std::move(bytes).value());
    }
    return out;
  }();
  return kPages;
}

int64_t TotalBytes(const std::vector<std::string>& pages) {
  int64_t total = 0;
  for (const std::string& p : pages) total += static_cast<int64_t>(p.size());
  return total;
}

void BM_ExtractPage(benchmark::State& state) {
  const auto& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no pages: ../shared/data/html-extraction-dev is absent");
    return;
  }
  for (auto _ : state) {
    for (const std::string& page : pages) benchmark::DoNotOptimize(storydesk::read::ExtractPage(page));
  }
  state.SetBytesProcessed(TotalBytes(pages) * state.iterations());
  state.SetItemsProcessed(static_cast<int64_t>(pages.size()) * state.iterations());
}
BENCHMARK(BM_ExtractPage)->Unit(benchmark::kMillisecond);

void BM_ParseOnly(benchmark::State& state) {
  const auto& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no pages: ../shared/data/html-extraction-dev is absent");
    return;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      GumboOutput* output = gumbo_parse_with_options(&options, page.data(), page.size());
      benchmark::DoNotOptimize(output);
      gumbo_destroy_output(&options, output);
    }
  }
  state.SetBytesProcessed(TotalBytes(pages) * state.iterations());
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond);

}  // namespace
