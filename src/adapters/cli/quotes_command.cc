// storydesk quotes FILE... — the attributions of each text file (storydesk/quotes/attribution.h):
// direct quotes and reported speech with their cue and speaker. --format json (the stable
// interface for measuring) gives one JSON object per line:
//   {"start","end","text","kind","cue","speaker","speaker_start","speaker_end","pieces"}
// with code-point offsets into the file's text as read (not normalised); "speaker" is the
// resolved name, "speaker_start"/"speaker_end" the mention it is attributed to; "pieces" the
// content's parts ([start, end] pairs) when a quote is split by its attribution or runs on
// into the next paragraph. With several
// files, each object also has "file". --format text prints them for reading.
#include <iostream>
#include <nlohmann/json.hpp>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/quotes/attribution.h"
#include "storydesk/time/published_time.h"

namespace storydesk::cli {
namespace {

struct QuotesFlags {
  std::vector<std::string> files;
  std::string published;
  std::string format = "text";
  std::string model = service::kBuiltinModel;
};

nlohmann::json AttributionJson(const quotes::Attribution& a, std::string_view text, const std::vector<size_t>& cp) {
  const quotes::ByteSpan extent = a.Extent();
  auto span_text = [&](const quotes::ByteSpan& s) { return std::string(text.substr(s.begin, s.end - s.begin)); };
  nlohmann::json out = {{"start", cp[extent.begin]},
                        {"end", cp[extent.end]},
                        {"text", span_text(extent)},
                        {"kind", quotes::AttributionKindName(a.kind)}};
  out["cue"] = a.cue.begin == a.cue.end ? nlohmann::json() : nlohmann::json(span_text(a.cue));
  const bool has_speaker = a.speaker.begin != a.speaker.end;
  out["speaker"] = has_speaker ? nlohmann::json(a.speaker_name) : nlohmann::json();
  out["speaker_start"] = has_speaker ? nlohmann::json(cp[a.speaker.begin]) : nlohmann::json();
  out["speaker_end"] = has_speaker ? nlohmann::json(cp[a.speaker.end]) : nlohmann::json();
  if (a.content.size() > 1) {
    nlohmann::json pieces = nlohmann::json::array();
    for (const quotes::ByteSpan& p : a.content) pieces.push_back({cp[p.begin], cp[p.end]});
    out["pieces"] = std::move(pieces);
  }
  return out;
}

int RunQuotes(const QuotesFlags& flags) {
  if (!flags.published.empty()) {
    if (auto date = timeutil::ParseDateFlag(flags.published); !date.ok()) {
      PrintError("--published: " + date.status().message());
      return kExitUsage;
    }
  }
  auto model = service::LoadEntityModel(flags.model);
  if (!model.ok()) {
    PrintError(model.status().message());
    return ExitCodeFor(model.status());
  }
  for (const std::string& file : flags.files) {
    auto text = ReadUtf8File(file);
    if (!text.ok()) {
      PrintError(text.status().message());
      return ExitCodeFor(text.status());
    }
    const std::vector<quotes::Attribution> found = quotes::FindAttributions(text.value(), *model.value());
    const std::vector<size_t> cp = CodePointIndex(text.value());
    for (const quotes::Attribution& a : found) {
      nlohmann::json j = AttributionJson(a, text.value(), cp);
      if (flags.format == "json") {
        if (flags.files.size() > 1) j["file"] = file;
        std::cout << j.dump() << '\n';
        continue;
      }
      std::cout << (flags.files.size() > 1 ? file + ": " : std::string()) << j["kind"].get<std::string>() << "  "
                << (j["speaker"].is_null() ? std::string("(no speaker)") : j["speaker"].get<std::string>());
      if (!j["cue"].is_null()) std::cout << " [" << j["cue"].get<std::string>() << "]";
      std::cout << ": " << j["text"].get<std::string>() << '\n';
    }
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitStore;
}

}  // namespace

void AddQuotesCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("quotes", "find who said what in text files: direct quotes and reported speech");
  auto flags = std::make_shared<QuotesFlags>();
  cmd->add_option("files", flags->files, "UTF-8 text files")->required();
  cmd->add_option("--published", flags->published,
                  "the article's date, YYYY-MM-DD (checked; attributions do not depend on it)");
  cmd->add_option("--format", flags->format, "text or json (JSON Lines, code-point offsets)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--model", flags->model, "entity model: builtin, or a file written by train-ner")
      ->capture_default_str();
  cmd->callback([flags, exit_code] { *exit_code = RunQuotes(*flags); });
}

}  // namespace storydesk::cli
