// storydesk stories — lists stories, newest activity first.
#include <cstdio>
#include <iostream>
#include <optional>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/json_output.h"
#include "adapters/service/shipped_models.h"
#include "adapters/service/stories_naming.h"
#include "adapters/service/storylines.h"
#include "storydesk/time/published_time.h"

namespace storydesk::cli {
namespace {

struct StoriesFlags {
  bool json = false;
  std::string since, until;
  std::string entity;
  std::string level = "stories";
  int limit = 0;
};

int PrintStorylines(const std::vector<service::StorylineSummary>& lines, bool json) {
  if (json) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& line : lines) all.push_back(service::StorylineJson(line, StorySummaryJson));
    std::cout << all.dump(2) << '\n';
    return kExitOk;
  }
  if (lines.empty()) {
    std::cout << "no storylines (stories are grouped into storylines when ingested with --events)\n";
    return kExitOk;
  }
  std::printf("%9s  %-23s  %6s  %8s  %7s  %s\n", "storyline", "published", "events", "articles", "sources", "headline");
  for (const auto& line : lines) {
    std::printf("%9lld  %-23s  %6zu  %8d  %7zu  %s\n", static_cast<long long>(line.id),
                DateSpan(line.first_published, line.last_published).c_str(), line.events.size(), line.articles,
                line.source_names.size(), line.headline.c_str());
  }
  return kExitOk;
}

int RunStories(const StoriesFlags& flags, const std::string& db_path) {
  store::StoryFilter filter;
  if (!flags.since.empty()) {
    auto t = timeutil::ParseDateFlag(flags.since);
    if (!t.ok()) {
      PrintError("--since: " + t.status().message());
      return kExitUsage;
    }
    filter.since = t.value();
  }
  if (!flags.until.empty()) {
    auto t = timeutil::ParseDateFlag(flags.until);
    if (!t.ok()) {
      PrintError("--until: " + t.status().message());
      return kExitUsage;
    }
    // A bare date means the whole of that day.
    filter.until = t.value() + (flags.until.size() == 10 ? 24 * 3600 : 1);
  }
  // Storylines are grouped from every story passing the filters; the limit counts storylines.
  if (flags.limit > 0 && flags.level == "stories") filter.limit = flags.limit;

  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  std::optional<service::StoriesNaming> naming;
  if (!flags.entity.empty()) {
    const auto& model = service::BuiltinEntityModel();
    if (!model.ok()) {
      PrintError(model.status().message());
      return ExitCodeFor(model.status());
    }
    auto found = service::FindStoriesNaming(*opened.value(), *model.value(), flags.entity);
    if (!found.ok()) {
      PrintError("--entity: " + found.status().message());
      return ExitCodeFor(found.status());
    }
    naming = std::move(found).value();
    if (naming->capped) {
      std::cerr << "storydesk: --entity: the name is in more articles than were read; some stories may be missing\n";
    }
    // The list's limit applies after the entity's filter.
    filter.limit.reset();
  }
  auto stories = opened.value()->ListStories(filter);
  if (!stories.ok()) {
    PrintError(stories.status().message());
    return kExitStore;
  }
  if (naming) {
    std::erase_if(stories.value(), [&](const store::StorySummary& s) { return naming->stories.count(s.id) == 0; });
    if (flags.limit > 0 && stories.value().size() > static_cast<size_t>(flags.limit) && flags.level == "stories") {
      stories.value().resize(static_cast<size_t>(flags.limit));
    }
  }
  if (flags.level == "storylines") {
    std::vector<service::StorylineSummary> lines = service::GroupIntoStorylines(stories.value());
    if (flags.limit > 0 && lines.size() > static_cast<size_t>(flags.limit))
      lines.resize(static_cast<size_t>(flags.limit));
    return PrintStorylines(lines, flags.json);
  }
  if (flags.json) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& s : stories.value()) all.push_back(StorySummaryJson(s));
    std::cout << all.dump(2) << '\n';
    return kExitOk;
  }
  if (stories.value().empty()) {
    std::cout << "no stories\n";
    return kExitOk;
  }
  std::printf("%6s  %-23s  %8s  %7s  %s\n", "story", "published", "articles", "sources", "headline");
  for (const auto& s : stories.value()) {
    const std::string span = DateSpan(s.first_published, s.last_published);
    std::string articles = std::to_string(s.articles);
    if (s.copies > 0) articles += " (" + std::to_string(s.copies) + "c)";
    std::printf("%6lld  %-23s  %8s  %7d  %s\n", static_cast<long long>(s.id), span.c_str(), articles.c_str(), s.sources,
                s.headline.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddStoriesCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd = app.add_subcommand("stories", "list stories, newest activity first");
  auto flags = std::make_shared<StoriesFlags>();
  cmd->add_flag("--json", flags->json, "print a JSON array instead of a table");
  cmd->add_option("--since", flags->since, "only stories with an article on or after DATE (YYYY-MM-DD)");
  cmd->add_option("--until", flags->until, "only stories with an article on or before DATE (YYYY-MM-DD)");
  cmd->add_option("--limit", flags->limit, "at most N stories (storylines)")->check(CLI::PositiveNumber);
  cmd->add_option("--level", flags->level,
                  "stories (the events, when ingested with --events), or storylines: the events of one matter "
                  "over days, each with its span, events and headline")
      ->check(CLI::IsMember({"stories", "storylines"}))
      ->capture_default_str();
  cmd->add_option("--entity", flags->entity,
                  "only stories naming this person, organisation or place (as written: \"Sung Kim\")");
  cmd->footer("In the table, \"(Nc)\" after the article count says how many are copies.");
  cmd->callback([flags, &globals, exit_code] { *exit_code = RunStories(*flags, globals.db); });
}

}  // namespace storydesk::cli
