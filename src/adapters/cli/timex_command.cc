// storydesk timex FILE... --published YYYY-MM-DD — the temporal expressions of each text file
// (storydesk/time/timex.h) resolved against the publication date. --format json (the stable
// interface for measuring) gives one JSON object per line:
//   {"start","end","text","type","value"}
// with code-point offsets into the file's text as read; "type" is DATE, TIME, DURATION or SET
// and "value" the TIMEX3 value. Without --published, an expression that needs the date (a
// weekday, "yesterday", a month without a year) has the value "" and "anchored": true, and a
// note on standard error says so. With several files, each object also has "file".
// --format text prints them for reading.
#include <iostream>
#include <nlohmann/json.hpp>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "storydesk/time/timex.h"

namespace storydesk::cli {
namespace {

struct TimexFlags {
  std::vector<std::string> files;
  std::string published;
  std::string format = "text";
};

int RunTimex(const TimexFlags& flags) {
  std::optional<timeutil::CivilDate> published;
  if (!flags.published.empty()) {
    published = timeutil::ParseCivilDate(flags.published);
    if (!published) {
      PrintError("--published: expected a calendar date YYYY-MM-DD, got \"" + flags.published + "\"");
      return kExitUsage;
    }
  }
  size_t unresolved = 0;
  for (const std::string& file : flags.files) {
    auto text = ReadUtf8File(file);
    if (!text.ok()) {
      PrintError(text.status().message());
      return ExitCodeFor(text.status());
    }
    const std::vector<size_t> cp = CodePointIndex(text.value());
    for (const timeutil::Timex& t : timeutil::FindTimexes(text.value(), published)) {
      const std::string written = text.value().substr(t.begin, t.end - t.begin);
      if (t.anchored && !published) ++unresolved;
      if (flags.format == "json") {
        nlohmann::json j = {{"start", cp[t.begin]},
                            {"end", cp[t.end]},
                            {"text", written},
                            {"type", timeutil::TimexTypeName(t.type)},
                            {"value", t.value}};
        if (t.anchored && !published) j["anchored"] = true;
        if (flags.files.size() > 1) j["file"] = file;
        std::cout << j.dump() << '\n';
        continue;
      }
      std::cout << (flags.files.size() > 1 ? file + ": " : std::string()) << timeutil::TimexTypeName(t.type) << "  "
                << (t.value.empty() ? std::string("(needs the publication date)") : t.value) << "  " << written << '\n';
    }
  }
  std::cout.flush();
  if (unresolved > 0) {
    std::cerr << "storydesk timex: " << unresolved
              << " expression(s) left unresolved: they need the article's date (--published)\n";
  }
  return std::cout ? kExitOk : kExitStore;
}

}  // namespace

void AddTimexCommand(CLI::App& app, int* exit_code) {
  auto* cmd =
      app.add_subcommand("timex", "find dates, times, durations and sets in text files, resolved to TIMEX3 values");
  auto flags = std::make_shared<TimexFlags>();
  cmd->add_option("files", flags->files, "UTF-8 text files")->required();
  cmd->add_option("--published", flags->published,
                  "the article's date, YYYY-MM-DD: what relative dates resolve against");
  cmd->add_option("--format", flags->format, "text or json (JSON Lines, code-point offsets)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([flags, exit_code] { *exit_code = RunTimex(*flags); });
}

}  // namespace storydesk::cli
