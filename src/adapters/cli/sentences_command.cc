// storydesk sentences PATH... — each article's sentences as the analysis splits them: JSON Lines
// {"id", "sentence", "text"}, `sentence` counting from 0 over the normalised body. The numbering
// the claim-support labels (data/claims/) and the digest's bullet origins refer to, so a person
// can read exactly what the matcher compares.
#include <iostream>
#include <nlohmann/json.hpp>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::cli {
namespace {

int RunSentences(const std::vector<std::string>& paths) {
  ProgressBar progress("reading");
  auto read = ReadInputs(paths, &progress);
  progress.Finish();
  if (!read.ok()) {
    PrintError(read.status().message());
    return ExitCodeFor(read.status());
  }
  text::TextAnalyzer analyzer;
  for (const RawArticle& a : read.value().articles) {
    const text::AnalyzedText t = analyzer.Analyze(a.text);
    for (size_t k = 0; k < t.sentences.size(); ++k) {
      const text::SentenceSpan& s = t.sentences[k];
      nlohmann::json line = {{"id", a.id}, {"sentence", k}, {"text", t.normalized.substr(s.begin, s.end - s.begin)}};
      std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  }
  std::cout.flush();
  return read.value().rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddSentencesCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("sentences", "print each article's sentences, numbered as the analysis splits them");
  auto paths = std::make_shared<std::vector<std::string>>();
  cmd->add_option("paths", *paths, "files, directories or - for stdin")->required();
  cmd->footer("Output: JSON Lines {\"id\", \"sentence\", \"text\"}; sentence numbers count from 0.");
  cmd->callback([paths, exit_code] { *exit_code = RunSentences(*paths); });
}

}  // namespace storydesk::cli
