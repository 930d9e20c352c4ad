// storydesk digest PATH... [--format json|markdown|html] [--words N] [--no-people] — groups the articles in
// memory (as `cluster` does) and writes each story's digest: JSON Lines (one object per story,
// docs/digest-schema.md), Markdown, or one HTML page.
#include <iostream>
#include <map>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/cluster_run.h"
#include "adapters/cli/commands.h"
#include "adapters/service/digest_output.h"
#include "adapters/service/shipped_models.h"

namespace storydesk::cli {
namespace {

struct DigestFlags {
  std::vector<std::string> paths;
  std::string format = "json";
  std::optional<size_t> words;
  int64_t window_days = 7;
  bool people = true;
};

int RunDigest(const DigestFlags& flags) {
  auto run = ClusterWithBuiltinModels(flags.paths, flags.window_days * 24 * 3600);
  if (!run.ok()) {
    PrintError(run.status().message());
    return ExitCodeFor(run.status());
  }
  // Stories in the order of their first article in the input; articles in publication order.
  std::map<int64_t, size_t> first_seen;
  for (size_t i = 0; i < run.value().input_order.size(); ++i) {
    first_seen.emplace(run.value().placements.at(run.value().input_order[i]).story, i);
  }
  std::map<size_t, DigestedStory> by_first;
  Status visited = run.value().store->ForEachArticle([&](const store::StoredArticle& a) {
    DigestedStory& s = by_first[first_seen.at(a.story)];
    s.story = a.story;
    s.articles.push_back(DigestArticleOf(a.raw, a.relation, a.copy_of));
    return true;
  });
  if (!visited.ok()) {
    PrintError(visited.message());
    return ExitCodeFor(visited);
  }
  digest::DigestOptions digest_options;
  digest_options.word_budget = flags.words;
  terms::TermStatistics statistics = SeededStatistics(BuiltinBackground().value());
  const copies::SentenceModel& matcher = BuiltinSentenceModel().value();
  const auto& claims = BuiltinClaimMatcher();
  if (!claims.ok()) {
    PrintError(claims.status().message());
    return ExitCodeFor(claims.status());
  }
  const auto& entity_model = BuiltinEntityModel();
  if (!entity_model.ok()) {
    PrintError(entity_model.status().message());
    return ExitCodeFor(entity_model.status());
  }
  if (flags.people) digest_options.entities = entity_model.value().get();
  std::vector<DigestedStory> stories;
  for (auto& [first, s] : by_first) {
    s.digest = digest::BuildStoryDigest(s.articles, matcher, claims.value(), statistics, digest_options);
    stories.push_back(std::move(s));
  }
  if (flags.format == "html") {
    std::cout << DigestHtmlPage(stories);
  } else {
    for (const DigestedStory& s : stories) {
      if (flags.format == "markdown") {
        std::cout << DigestMarkdown(s) << '\n';
      } else {
        std::cout << DigestJson(s).dump() << '\n';
      }
    }
  }
  std::cout.flush();
  return run.value().rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddDigestCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("digest", "group articles in memory and write each story's digest");
  auto flags = std::make_shared<DigestFlags>();
  cmd->add_option("paths", flags->paths, "files, directories or - for stdin")->required();
  cmd->add_option("--format", flags->format, "json (JSON Lines, one story per line), markdown or html")
      ->check(CLI::IsMember({"json", "markdown", "html"}))
      ->capture_default_str();
  cmd->add_option("--words", flags->words, "a length budget: bullets are added until they hold N words")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--window-days", flags->window_days, "days a story stays open to new articles")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  cmd->add_flag("!--no-people", flags->people,
                "leave out the entities and quotes (no names tagged: a digest in less time, its people lists empty)");
  cmd->footer("JSON schema: docs/digest-schema.md.");
  cmd->callback([flags, exit_code] { *exit_code = RunDigest(*flags); });
}

}  // namespace storydesk::cli
