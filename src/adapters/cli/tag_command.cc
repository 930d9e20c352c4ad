// storydesk tag --conll IN.txt — the named entities of CoNLL-2003 columns: every line as read,
// token lines with the predicted IOB2 tag appended as a last column (blank and -DOCSTART-
// lines kept). With --score the input's own last column is the gold tag, and the output is
// instead the exact-match scores (conlleval's micro-averaged P/R/F1, overall and per type) as
// one JSON object.
// storydesk tag FILE.txt... — the names in running text, one per line: "TYPE<TAB>name" (with
// --format json, {"start","end","text","type"} with code-point offsets, and "file" when there
// are several files).
#include <iostream>
#include <nlohmann/json.hpp>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/read/conll_reader.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/entities/entity_model.h"
#include "storydesk/entities/tagged_text.h"

namespace storydesk::cli {
namespace {

struct TagFlags {
  std::vector<std::string> files;
  std::string format = "text";
  std::string conll;
  std::string model = service::kBuiltinModel;
  bool score = false;
};

nlohmann::json ScoresJson(const entities::EntityScores& s) {
  return {{"precision", s.Precision()}, {"recall", s.Recall()}, {"f1", s.F1()}, {"gold", s.gold},
          {"predicted", s.predicted},   {"correct", s.correct}};
}

int TagTextFiles(const TagFlags& flags, const entities::EntityModel& model) {
  for (const std::string& file : flags.files) {
    auto text = ReadUtf8File(file);
    if (!text.ok()) {
      PrintError(text.status().message());
      return ExitCodeFor(text.status());
    }
    const std::string_view t = text.value();
    const std::vector<size_t> cp = CodePointIndex(t);
    for (const entities::NameMention& n : entities::TagText(model, t).names) {
      const std::string name(t.substr(n.span.begin, n.span.end - n.span.begin));
      const std::string_view type = entities::EntityTypeName(n.type);
      if (flags.format == "json") {
        nlohmann::json j = {{"start", cp[n.span.begin]}, {"end", cp[n.span.end]}, {"text", name}, {"type", type}};
        if (flags.files.size() > 1) j["file"] = file;
        std::cout << j.dump() << '\n';
      } else {
        std::cout << (flags.files.size() > 1 ? file + "\t" : std::string()) << type << '\t' << name << '\n';
      }
    }
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitStore;
}

int RunTag(const TagFlags& flags) {
  auto model = service::LoadEntityModel(flags.model);
  if (!model.ok()) {
    PrintError(model.status().message());
    return ExitCodeFor(model.status());
  }
  if (flags.conll.empty() == flags.files.empty()) {
    PrintError("tag: give either --conll FILE or text files");
    return kExitUsage;
  }
  if (!flags.files.empty()) return TagTextFiles(flags, *model.value());
  auto text = ReadFileWhole(flags.conll);
  if (!text.ok()) {
    PrintError(text.status().message());
    return ExitCodeFor(text.status());
  }
  auto file = read::ReadConll(text.value(), flags.conll);
  if (!file.ok()) {
    PrintError(file.status().message());
    return kExitUsage;
  }
  const read::ConllFile& conll = file.value();
  std::vector<std::string> tags(conll.lines.size());  // per line; empty for lines without a token
  entities::EntityScores scores;
  std::array<entities::EntityScores, entities::kEntityTypes> by_type{};
  for (const read::ConllDocument& d : conll.documents) {
    std::vector<entities::TokenSentence> sentences;
    for (const read::ConllSentence& s : d.sentences) sentences.push_back(s.words);
    const auto names = model.value()->Tag(sentences);
    for (size_t k = 0; k < d.sentences.size(); ++k) {
      const read::ConllSentence& s = d.sentences[k];
      const std::vector<std::string> predicted = entities::IobFromSpans(names[k], s.words.size());
      for (size_t i = 0; i < s.lines.size(); ++i) tags[s.lines[i]] = predicted[i];
      if (flags.score) {
        auto gold = entities::SpansFromIob(s.last_columns);
        if (!gold.ok()) {
          PrintError(flags.conll + ":" + std::to_string(s.lines.front() + 1) +
                     ": the sentence starting here has a last column that is not IOB2 tags (" +
                     gold.status().message() + ")");
          return kExitUsage;
        }
        entities::ScoreSentence(gold.value(), names[k], &scores, &by_type);
      }
    }
  }
  if (flags.score) {
    nlohmann::json out = ScoresJson(scores);
    for (size_t t = 0; t < entities::kEntityTypes; ++t) {
      out["by_type"][std::string(entities::EntityTypeName(static_cast<entities::EntityType>(t)))] =
          ScoresJson(by_type[t]);
    }
    std::cout << out.dump() << '\n';
    return kExitOk;
  }
  for (size_t i = 0; i < conll.lines.size(); ++i) {
    std::cout << conll.lines[i];
    if (!tags[i].empty()) std::cout << ' ' << tags[i];
    std::cout << '\n';
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitStore;
}

}  // namespace

void AddTagCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("tag", "tag named entities (people, organisations, places, other names)");
  auto flags = std::make_shared<TagFlags>();
  cmd->add_option("files", flags->files, "UTF-8 text files whose names are listed");
  cmd->add_option("--conll", flags->conll, "CoNLL columns in (word first), or - for stdin");
  cmd->add_option("--format", flags->format, "for text files: text or json (JSON Lines, code-point offsets)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--model", flags->model, "entity model: builtin, or a file written by train-ner")
      ->capture_default_str();
  cmd->add_flag("--score", flags->score,
                "score against the input's last column (IOB2) instead: exact-match P/R/F1 as JSON");
  cmd->footer(
      "Output with --conll: the input lines, each token line with the predicted IOB2 tag appended. "
      "With text files: one name per line.");
  cmd->callback([flags, exit_code] { *exit_code = RunTag(*flags); });
}

}  // namespace storydesk::cli
