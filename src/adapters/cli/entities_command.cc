// storydesk entities PATH... — who and what a set of articles names, read as one story
// (storydesk/digest/story_voices.h): each person, organisation and place once across the
// articles, with its roles and the articles naming it. No copy detection is run: every article
// is read as an original. --format text lists the entities; --format json (the stable interface
// for measuring cross-document linking) gives one JSON object per line per name mention:
//   {"article","start","end","text","type","entity","entity_index","pronoun"}
// with code-point offsets into the article's text (its body; the title is read for context
// but its mentions are not listed), "entity" the linked entity's name and "entity_index" its
// place in the text listing, "pronoun" true for a personal pronoun linked to the person named
// last before it. The entities are those a digest would list, without its cap on
// their number: a one-word name met once is left out, its mention with it.
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/service/digest_output.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/digest/story_voices.h"

namespace storydesk::cli {
namespace {

struct EntitiesFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string model = service::kBuiltinModel;
};

int RunEntities(const EntitiesFlags& flags) {
  auto model = service::LoadEntityModel(flags.model);
  if (!model.ok()) {
    PrintError(model.status().message());
    return ExitCodeFor(model.status());
  }
  ProgressBar progress("reading");
  auto read = ReadInputs(flags.paths, &progress);
  progress.Finish();
  if (!read.ok()) {
    PrintError(read.status().message());
    return ExitCodeFor(read.status());
  }
  std::vector<digest::DigestArticle> articles;
  for (const RawArticle& a : read.value().articles) {
    articles.push_back(service::DigestArticleOf(a, copies::CopyKind::kNone, std::nullopt));
  }
  const auto& claims = service::BuiltinClaimMatcher();
  if (!claims.ok()) {
    PrintError(claims.status().message());
    return ExitCodeFor(claims.status());
  }
  terms::TermStatistics statistics = service::SeededStatistics(service::BuiltinBackground().value());
  digest::VoicesOptions options;
  options.max_entities = std::numeric_limits<size_t>::max();
  const digest::StoryVoices voices = digest::FindStoryVoices(
      articles, *model.value(), service::BuiltinSentenceModel().value(), claims.value(), statistics, options);
  if (flags.format == "json") {
    std::vector<std::vector<size_t>> cp(articles.size());
    for (const digest::EntityMention& m : voices.mentions) {
      const std::string& text = articles[m.article].text;
      if (cp[m.article].empty()) cp[m.article] = CodePointIndex(text);
      const digest::StoryEntity& e = voices.entities[m.entity];
      const nlohmann::json j = {{"article", articles[m.article].id},
                                {"start", cp[m.article][m.begin]},
                                {"end", cp[m.article][m.end]},
                                {"text", text.substr(m.begin, m.end - m.begin)},
                                {"type", std::string(entities::EntityTypeName(e.type))},
                                {"entity", e.name},
                                {"entity_index", m.entity},
                                {"pronoun", m.pronoun}};
      std::cout << j.dump() << '\n';
    }
  } else {
    for (size_t k = 0; k < voices.entities.size(); ++k) {
      const digest::StoryEntity& e = voices.entities[k];
      std::cout << k << "  " << entities::EntityTypeName(e.type) << "  " << e.name << "  (" << e.mentions
                << (e.mentions == 1 ? " mention" : " mentions") << ", " << e.articles.size()
                << (e.articles.size() == 1 ? " article)" : " articles)");
      if (!e.roles.empty()) {
        std::cout << "  roles:";
        for (size_t r = 0; r < e.roles.size(); ++r) std::cout << (r == 0 ? " " : "; ") << e.roles[r];
      }
      if (!e.aliases.empty()) {
        std::cout << "  also:";
        for (size_t a = 0; a < e.aliases.size(); ++a) std::cout << (a == 0 ? " " : ", ") << e.aliases[a];
      }
      std::cout << '\n';
    }
  }
  std::cout.flush();
  if (!std::cout) return kExitStore;
  return read.value().rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddEntitiesCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand(
      "entities", "list the people, organisations and places a set of articles names, linked across them as one story");
  auto flags = std::make_shared<EntitiesFlags>();
  cmd->add_option("paths", flags->paths, "files, directories or - for stdin")->required();
  cmd->add_option("--format", flags->format, "text, or json (JSON Lines, one per name mention, code-point offsets)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--model", flags->model, "entity model: builtin, or a file written by train-ner")
      ->capture_default_str();
  cmd->callback([flags, exit_code] { *exit_code = RunEntities(*flags); });
}

}  // namespace storydesk::cli
