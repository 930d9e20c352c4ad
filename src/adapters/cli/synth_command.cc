// storydesk synth — writes a synthetic article stream (adapters/synth/synthetic_stream.h) as
// JSON Lines, and its gold labels to a side file: workloads of any size for benchmarks.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/synth/synthetic_stream.h"
#include "storydesk/time/published_time.h"

namespace storydesk::cli {
namespace {

struct SynthFlags {
  synth::SyntheticSettings settings;
  std::string start = "2031-01-01";
  std::string output = "-";
  std::string gold;
};

struct FileCloser {
  void operator()(FILE* f) const {
    if (f != nullptr && f != stdout) std::fclose(f);
  }
};
using File = std::unique_ptr<FILE, FileCloser>;

int RunSynth(SynthFlags flags) {
  auto start = timeutil::ParseDateFlag(flags.start);
  if (!start.ok()) {
    PrintError("--start: " + start.status().message());
    return kExitUsage;
  }
  flags.settings.start = start.value();
  File out(flags.output == "-" ? stdout : std::fopen(flags.output.c_str(), "wb"));
  if (!out) {
    PrintError(flags.output + ": cannot write: " + std::strerror(errno));
    return kExitStore;
  }
  File gold;
  if (!flags.gold.empty()) {
    gold.reset(std::fopen(flags.gold.c_str(), "wb"));
    if (!gold) {
      PrintError(flags.gold + ": cannot write: " + std::strerror(errno));
      return kExitStore;
    }
  }
  synth::SyntheticStream stream(flags.settings);
  synth::SyntheticArticle article;
  std::string line;
  while (stream.Next(&article)) {
    line = synth::ArticleJson(article);
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), out.get()) != line.size()) break;
    if (gold) {
      line = synth::GoldJson(article);
      line += '\n';
      if (std::fwrite(line.data(), 1, line.size(), gold.get()) != line.size()) break;
    }
  }
  for (const auto& [file, name] : {std::pair{out.get(), flags.output}, std::pair{gold.get(), flags.gold}}) {
    if (file != nullptr && (std::fflush(file) != 0 || std::ferror(file))) {
      PrintError((name == "-" ? std::string("standard output") : name) + ": write failed: " + std::strerror(errno));
      return kExitStore;
    }
  }
  return kExitOk;
}

}  // namespace

void AddSynthCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand(
      "synth", "write a synthetic article stream with gold labels (made-up text; for benchmarks and scale tests)");
  auto flags = std::make_shared<SynthFlags>();
  cmd->add_option("--articles", flags->settings.articles, "articles to write")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1000000000}))
      ->capture_default_str();
  cmd->add_option("--days", flags->settings.days, "days the stream spans, evenly")
      ->check(CLI::Range(1, 36500))
      ->capture_default_str();
  cmd->add_option("--seed", flags->settings.seed, "another seed, another stream")->capture_default_str();
  cmd->add_option("--start", flags->start, "date of the first article (YYYY-MM-DD)")->capture_default_str();
  cmd->add_option("--output,-o", flags->output, "where the articles go (- for standard output)")->capture_default_str();
  cmd->add_option("--gold", flags->gold,
                  "also write gold labels here, one JSON line per article: id, story, copied_from, original, "
                  "relation (`eval --gold` reads id and story)");
  cmd->footer(
      "The same flags write the same bytes. Articles come in publication order:\n"
      "stories over days from many outlets, with exact, near and excerpt copies and chains of them.\n"
      "  storydesk synth --articles 100000 --days 30 --gold gold.jsonl > stream.jsonl");
  cmd->callback([flags, exit_code] { *exit_code = RunSynth(*flags); });
}

}  // namespace storydesk::cli
