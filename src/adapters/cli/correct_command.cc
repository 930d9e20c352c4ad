// storydesk move | split | merge | move-event | corrections — an analyst's corrections of the grouping
// (adapters/service/corrections.h), made under the writer lock like an ingest, and their record.
#include <cstdio>
#include <ctime>
#include <exception>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/service/corrections.h"
#include "adapters/service/store_writer_lock.h"
#include "adapters/store/writer_lock.h"

namespace storydesk::cli {
namespace {

using service::CorrectionRequest;
using store::CorrectionKind;

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out;
}

// "moved 2 articles (a, b) from story 4 into story 7; story 4 has no article left and finds story 7".
std::string Describe(const store::CorrectionRecord& r) {
  const store::CorrectionPlan& p = r.plan;
  std::set<int64_t> from_set;
  std::string ids;
  for (const auto& [id, from] : p.moves) {
    from_set.insert(from);
    ids += (ids.empty() ? "" : ", ") + id;
  }
  const std::vector<int64_t> from(from_set.begin(), from_set.end());
  const std::string count = std::to_string(p.moves.size()) + (p.moves.size() == 1 ? " article" : " articles");
  std::string line = "correction " + std::to_string(r.id) + ": ";
  switch (p.kind) {
    case CorrectionKind::kMerge:
      line += "merged story " + JoinIds(from) + " (" + count + ") into story " + std::to_string(p.into);
      break;
    case CorrectionKind::kSplit:
      line +=
          "split " + count + " (" + ids + ") off story " + JoinIds(from) + " into new story " + std::to_string(p.into);
      if (p.storyline > 0) line += " (storyline " + std::to_string(p.storyline) + ")";
      break;
    case CorrectionKind::kMoveEvent:
      line +=
          "moved event " + std::to_string(p.into) + " (" + count + ") into storyline " + std::to_string(p.storyline);
      break;
    case CorrectionKind::kMove:
      line += "moved " + count + " (" + ids + ") from story " + JoinIds(from) + " into story " + std::to_string(p.into);
      break;
  }
  if (!p.emptied.empty()) {
    line += "; story " + JoinIds(p.emptied) + (p.emptied.size() == 1 ? " has" : " have") +
            " no article left and now finds story " + std::to_string(p.into);
  }
  return line;
}

int RunCorrection(const std::string& db_path, const CorrectionRequest& request) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  store::WriterLockOptions lock_options;
  lock_options.on_wait = [&db_path](const std::string&) { PrintError("waiting for another writer on " + db_path); };
  auto lock = service::StoreWriterLock::Acquire(db_path, lock_options);
  if (!lock.ok()) {
    PrintError(lock.status().message());
    return kExitStore;
  }
  auto corrected = service::Correct(*opened.value(), request);
  if (!corrected.ok()) {
    PrintError(corrected.status().message());
    return ExitCodeFor(corrected.status());
  }
  std::printf("%s\n", Describe(corrected.value()).c_str());
  return kExitOk;
}

int RunList(const std::string& db_path, const std::string& format) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  auto records = opened.value()->ListCorrections();
  if (!records.ok()) {
    PrintError(records.status().message());
    return ExitCodeFor(records.status());
  }
  for (const store::CorrectionRecord& r : records.value()) {
    if (format == "json") {
      std::printf("%s\n", service::CorrectionJson(r).dump().c_str());
      continue;
    }
    char when[32] = "?";
    const std::time_t t = static_cast<std::time_t>(r.plan.made_at);
    std::tm utc{};
    if (gmtime_r(&t, &utc) != nullptr) std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &utc);
    std::string line = std::string(when) + "  " + Describe(r);
    if (!r.plan.by.empty()) line += "  by " + r.plan.by;
    if (!r.plan.note.empty()) line += "  — " + r.plan.note;
    std::printf("%s\n", line.c_str());
  }
  if (records.value().empty() && format != "json") std::printf("no corrections\n");
  return kExitOk;
}

// The options every correction takes: who and why.
void AddWhoAndWhy(CLI::App* cmd, CorrectionRequest* request) {
  cmd->add_option("--by", request->by, "who makes the correction (kept with it)");
  cmd->add_option("--note", request->note, "why (kept with it)");
}

constexpr const char* kLasting =
    "A correction is recorded (storydesk corrections) and lasts: later ingests start from the corrected\n"
    "stories, an article ingested again keeps its story, and merge repair never joins the stories it\n"
    "moved articles apart. A copy moves with its original and the original's other copies. Story ids\n"
    "merged away name the story they are part of now.";

}  // namespace

void AddCorrectionCommands(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  {
    auto request = std::make_shared<CorrectionRequest>();
    auto* cmd = app.add_subcommand("move", "move articles into another story (event): an analyst's correction");
    cmd->add_option("articles", request->articles, "ids of the articles to move")->required();
    cmd->add_option("--to", request->to, "the story (event) they belong to")->required()->check(CLI::PositiveNumber);
    AddWhoAndWhy(cmd, request.get());
    cmd->footer(kLasting);
    cmd->callback([request, &globals, exit_code] {
      request->kind = CorrectionKind::kMove;
      *exit_code = RunCorrection(globals.db, *request);
    });
  }
  {
    auto request = std::make_shared<CorrectionRequest>();
    auto* cmd = app.add_subcommand("split", "split articles off a story into a new story: an analyst's correction");
    cmd->add_option("story", request->story, "the story to split")->required()->check(CLI::PositiveNumber);
    cmd->add_option("articles", request->articles, "ids of its articles that form the new story")->required();
    AddWhoAndWhy(cmd, request.get());
    cmd->footer(std::string("The new story stays in the split story's storyline (grouping events).\n") + kLasting);
    cmd->callback([request, &globals, exit_code] {
      request->kind = CorrectionKind::kSplit;
      *exit_code = RunCorrection(globals.db, *request);
    });
  }
  {
    auto request = std::make_shared<CorrectionRequest>();
    auto* cmd = app.add_subcommand("merge", "merge a story into another: an analyst's correction");
    cmd->add_option("story", request->story, "the story whose articles move")->required()->check(CLI::PositiveNumber);
    cmd->add_option("--into", request->to, "the story they join (it keeps its id and storyline)")
        ->required()
        ->check(CLI::PositiveNumber);
    AddWhoAndWhy(cmd, request.get());
    cmd->footer(kLasting);
    cmd->callback([request, &globals, exit_code] {
      request->kind = CorrectionKind::kMerge;
      *exit_code = RunCorrection(globals.db, *request);
    });
  }
  {
    auto request = std::make_shared<CorrectionRequest>();
    auto target = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("move-event",
                                   "move an event into another storyline, or a new one: an analyst's correction "
                                   "(a store grouped with --events)");
    cmd->add_option("event", request->story, "the event (story) to move")->required()->check(CLI::PositiveNumber);
    cmd->add_option("--to-storyline", *target, "the storyline it belongs to, or 'new' for a storyline of its own")
        ->required();
    AddWhoAndWhy(cmd, request.get());
    cmd->footer(
        "Its articles stay in the event; later articles joining the event go to its new storyline.\n"
        "Recorded like every correction (storydesk corrections).");
    cmd->callback([request, target, &globals, exit_code] {
      request->kind = CorrectionKind::kMoveEvent;
      if (*target != "new") {
        size_t used = 0;
        long long id = 0;
        try {
          id = std::stoll(*target, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != target->size() || id <= 0) {
          PrintError("--to-storyline: expected a storyline id (a positive whole number) or 'new', not '" + *target +
                     "'");
          *exit_code = kExitUsage;
          return;
        }
        request->storyline = id;
      }
      *exit_code = RunCorrection(globals.db, *request);
    });
  }
  {
    auto format = std::make_shared<std::string>("text");
    auto* cmd = app.add_subcommand("corrections", "list the analysts' corrections, oldest first");
    cmd->add_option("--format", *format, "text (one line each) or json (JSON Lines)")
        ->check(CLI::IsMember({"text", "json"}));
    cmd->callback([format, &globals, exit_code] { *exit_code = RunList(globals.db, *format); });
  }
}

}  // namespace storydesk::cli
