// storydesk show STORY [--format text|json|markdown|html] — one story: its digest (headline,
// bullets citing their sources, what each source adds and lacks) and its articles.
// storydesk show --storyline N — one storyline: its events on a timeline (and with --format
// markdown or html, each event's digest).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/json_output.h"
#include "adapters/service/digest_output.h"
#include "adapters/service/shipped_models.h"
#include "adapters/service/stored_story_digest.h"
#include "adapters/service/storylines.h"

namespace storydesk::cli {
namespace {

// The first line of an article worth showing: its title, else the start of its text.
std::string DisplayTitle(const digest::DigestArticle& a) {
  if (a.title && !a.title->empty()) return *a.title;
  std::string t = a.text.substr(0, a.text.find('\n'));
  if (t.size() > 100) {
    size_t cut = t.rfind(' ', 100);
    t = t.substr(0, cut == std::string::npos ? 100 : cut) + "...";
  }
  return t;
}

int RunShow(int64_t story_id, const std::string& format, const std::string& db_path) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  store::Store& db = *opened.value();
  auto story = db.GetStory(story_id);
  if (!story.ok()) {
    PrintError(story.status().code() == ErrorCode::kNotFound ? "no story " + std::to_string(story_id)
                                                             : story.status().message());
    return ExitCodeFor(story.status());
  }
  // A merged id shows the story it joined; a huge story is digested from a sample of it.
  auto digested_story = DigestStoredStory(db, story.value().id);
  if (!digested_story.ok()) {
    PrintError(digested_story.status().message());
    return kExitStore;
  }
  const DigestedStory& digested = digested_story.value();
  if (format == "json") {
    std::cout << DigestJson(digested).dump(2) << '\n';
    return kExitOk;
  }
  if (format == "markdown") {
    std::cout << DigestMarkdown(digested);
    return kExitOk;
  }
  if (format == "html") {
    std::cout << DigestHtmlPage({digested});
    return kExitOk;
  }
  const store::StorySummary& s = story.value();
  std::printf("story %lld: %s\n", static_cast<long long>(s.id), s.headline.c_str());
  auto count = [](int n, const char* noun, const char* nouns) {
    return std::to_string(n) + " " + (n == 1 ? noun : nouns);
  };
  std::printf("%s .. %s, %s from %s, %s\n\n", s.first_published.value_or("undated").c_str(),
              s.last_published.value_or("undated").c_str(), count(s.articles, "article", "articles").c_str(),
              count(s.sources, "source", "sources").c_str(), count(s.copies, "copy", "copies").c_str());
  for (const auto& b : digested.digest.bullets) {
    std::string cited;
    for (const auto& id : b.sources) cited += (cited.empty() ? "" : ", ") + id;
    std::printf("  * %s\n    (%s)\n", b.text.c_str(), cited.c_str());
  }
  std::printf("\n");
  const auto& people = digested.digest.entities;
  if (std::any_of(people.begin(), people.end(),
                  [](const auto& e) { return e.type == entities::EntityType::kPerson; })) {
    std::printf("  people:\n");
    for (const auto& e : people) {
      if (e.type != entities::EntityType::kPerson) continue;
      std::string roles;
      for (const auto& r : e.roles) roles += (roles.empty() ? " — " : "; ") + r;
      std::printf("    %s%s (%zu mention%s in %zu article%s)\n", e.name.c_str(), roles.c_str(), e.mentions,
                  e.mentions == 1 ? "" : "s", e.articles.size(), e.articles.size() == 1 ? "" : "s");
    }
    std::printf("\n");
  }
  if (!digested.digest.quotes.empty()) {
    std::printf("  quotes:\n");
    for (const auto& q : digested.digest.quotes) {
      const bool direct = q.kind == quotes::AttributionKind::kDirect;
      std::printf("    %s%s%s — %s", direct ? "\xE2\x80\x9C" : "", q.text.c_str(), direct ? "\xE2\x80\x9D" : "",
                  q.speaker.c_str());
      std::string cited;
      for (const auto& v : q.variants) cited += (cited.empty() ? "" : ", ") + v.article;
      std::printf("\n      (%s)\n", cited.c_str());
      for (const auto& v : q.variants) {
        if (v.text != q.text) std::printf("      %s words it: %s\n", v.article.c_str(), v.text.c_str());
      }
    }
    std::printf("\n");
  }
  if (!digested.digest.timeline.empty()) {
    std::printf("  timeline:\n");
    for (const auto& t : digested.digest.timeline) {
      std::string cited;
      for (const auto& id : t.articles) cited += (cited.empty() ? "" : ", ") + id;
      std::printf("    %-10s  %s\n      (%s)\n", t.date.c_str(), t.text.c_str(), cited.c_str());
      for (const auto& c : t.conflicts) {
        std::string others;
        for (const auto& id : c.articles) others += (others.empty() ? "" : ", ") + id;
        std::printf("      sources differ: %s %s this %s\n", others.c_str(), c.articles.size() == 1 ? "dates" : "date",
                    c.date.c_str());
      }
    }
    std::printf("\n");
  }
  if (!digested.digest.timeline_unplaced.empty()) {
    std::string ids;
    for (const auto& id : digested.digest.timeline_unplaced) ids += (ids.empty() ? "" : ", ") + id;
    std::printf("  (not on the timeline: the relative dates of %s, which %s no publication date)\n\n", ids.c_str(),
                digested.digest.timeline_unplaced.size() == 1 ? "gives" : "give");
  }
  if (digested.article_count > digested.articles.size()) {
    std::printf("  (the digest read %zu of the story's %zu articles: each source's first, then a spread)\n\n",
                digested.articles.size(), digested.article_count);
  }
  for (const auto& a : digested.articles) {
    std::string mark;
    if (a.relation != "original") mark = "  [" + a.relation + " copy of " + a.copy_of.value_or("?") + "]";
    std::printf("  %-10s  %-20s  %s%s\n", a.published.value_or("undated").substr(0, 10).c_str(),
                a.source.value_or(service::kUnknownSource).c_str(), DisplayTitle(a).c_str(), mark.c_str());
    std::printf("  %-10s  %-20s  id %s\n", "", "", a.id.c_str());
  }
  return kExitOk;
}

int RunShowStoryline(int64_t id, const std::string& format, const std::string& db_path) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  store::Store& db = *opened.value();
  auto found = service::GetStoryline(db, id);
  if (!found.ok()) {
    PrintError(found.status().message());
    return ExitCodeFor(found.status());
  }
  const service::StorylineSummary& line = found.value();
  if (format == "json") {
    std::cout << service::StorylineJson(line, StorySummaryJson).dump(2) << '\n';
    return kExitOk;
  }
  if (format == "markdown" || format == "html") {
    // Each event's digest, in timeline order.
    std::vector<DigestedStory> digests;
    for (const store::StorySummary& event : line.events) {
      auto digested = DigestStoredStory(db, event.id);
      if (!digested.ok()) {
        PrintError(digested.status().message());
        return kExitStore;
      }
      digests.push_back(std::move(digested).value());
    }
    if (format == "html") {
      std::cout << DigestHtmlPage(digests);
    } else {
      for (const DigestedStory& d : digests) std::cout << DigestMarkdown(d) << '\n';
    }
    return kExitOk;
  }
  std::printf("storyline %lld: %s\n", static_cast<long long>(line.id), line.headline.c_str());
  std::printf("%s .. %s, %zu event%s, %d article%s from %zu source%s\n\n",
              line.first_published.value_or("undated").c_str(), line.last_published.value_or("undated").c_str(),
              line.events.size(), line.events.size() == 1 ? "" : "s", line.articles, line.articles == 1 ? "" : "s",
              line.source_names.size(), line.source_names.size() == 1 ? "" : "s");
  for (const store::StorySummary& e : line.events) {
    const std::string when = DateSpan(e.first_published, e.last_published);
    std::printf("  %-17s  story %-6lld  %s\n", when.c_str(), static_cast<long long>(e.id), e.headline.c_str());
    std::string sources;
    for (const std::string& s : e.source_names) sources += (sources.empty() ? "" : ", ") + s;
    std::printf("  %-17s  %d article%s%s%s\n", "", e.articles, e.articles == 1 ? "" : "s", sources.empty() ? "" : ": ",
                sources.c_str());
  }
  std::printf("\n(`storydesk show STORY` gives one event's digest)\n");
  return kExitOk;
}

}  // namespace

void AddShowCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd = app.add_subcommand("show", "show one story and its articles, or one storyline's events");
  auto story = std::make_shared<int64_t>(0);
  auto storyline = std::make_shared<int64_t>(0);
  auto format = std::make_shared<std::string>("text");
  auto* story_option = cmd->add_option("story", *story, "story id (see `storydesk stories`)");
  auto* storyline_option = cmd->add_option(
      "--storyline", *storyline,
      "show this storyline instead (see `storydesk stories --level storylines`): its events on a timeline");
  story_option->excludes(storyline_option);
  storyline_option->excludes(story_option);
  cmd->add_option("--format", *format, "text, json (the digest schema, docs/digest-schema.md), markdown or html")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}))
      ->capture_default_str();
  cmd->callback([story, storyline, story_option, storyline_option, format, &globals, exit_code] {
    if (storyline_option->count() > 0) {
      *exit_code = RunShowStoryline(*storyline, *format, globals.db);
    } else if (story_option->count() > 0) {
      *exit_code = RunShow(*story, *format, globals.db);
    } else {
      PrintError("show: give a story id, or --storyline N");
      *exit_code = kExitUsage;
    }
  });
}

}  // namespace storydesk::cli
