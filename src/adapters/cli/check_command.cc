// storydesk check — the invariant checker for operators (Store::CheckInvariants): after
// a crash, a kill or a full disk, says whether the store is whole.
#include <cstdio>
#include <filesystem>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/service/open_store.h"

namespace storydesk::cli {
namespace {

int RunCheck(const std::string& db_path, size_t max_violations) {
  // Opening creates a missing file: checking a path that holds no store must not make one.
  std::error_code ec;
  if (!service::IsStoreUrl(db_path) && !std::filesystem::exists(db_path, ec)) {
    PrintError(db_path + ": no such database");
    return kExitStore;
  }
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  auto checked = opened.value()->CheckInvariants(max_violations);
  if (!checked.ok()) {
    PrintError(db_path + ": cannot be checked: " + checked.status().message());
    return kExitStore;
  }
  const store::InvariantReport& r = checked.value();
  for (const std::string& v : r.violations) std::printf("%s\n", v.c_str());
  if (r.violations.size() < r.violation_count) {
    std::printf("... and %zu more\n", r.violation_count - r.violations.size());
  }
  std::printf("%s: %lld articles, %lld stories, %lld copies; %s\n", db_path.c_str(), static_cast<long long>(r.articles),
              static_cast<long long>(r.stories), static_cast<long long>(r.copies),
              r.ok() ? "ok" : (std::to_string(r.violation_count) + " violations").c_str());
  return r.ok() ? kExitOk : kExitRejected;
}

}  // namespace

void AddCheckCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd = app.add_subcommand("check", "check that the store is whole (after a crash, a kill, a full disk)");
  auto max_violations = std::make_shared<size_t>(1000);
  cmd->add_option("--max-violations", *max_violations, "print at most this many violations (default 1000)")
      ->check(CLI::PositiveNumber);
  cmd->footer(
      "Checks SQLite's integrity_check and foreign keys; that every article is in exactly one story and no\n"
      "story is empty; that story summaries agree with their articles; that every copy points at a stored\n"
      "original of its story that is no copy itself and not published later; that the full-text index\n"
      "holds exactly the articles. Prints one line per violation, then one summary line.\n"
      "Exit codes: 0 the store is whole, 1 violations found, 3 the store cannot be opened or read.");
  cmd->callback([max_violations, &globals, exit_code] { *exit_code = RunCheck(globals.db, *max_violations); });
}

}  // namespace storydesk::cli
