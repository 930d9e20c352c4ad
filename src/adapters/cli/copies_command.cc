// storydesk copies [--json] — the copy families in the store: each family's original (the
// earliest publication) and its copies with their relation and score.
#include <cstdio>
#include <iostream>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/json_output.h"
#include "adapters/service/digest_output.h"

namespace storydesk::cli {
namespace {

std::string Line(const store::StoredArticle& a) {
  std::string title = a.raw.title.value_or(a.raw.text.substr(0, a.raw.text.find('\n')));
  if (title.size() > 80) title = title.substr(0, title.rfind(' ', 80)) + "...";
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%-24s %-10s  %-16s  %s", a.raw.id.c_str(),
                a.raw.published.value_or("undated").substr(0, 10).c_str(), a.raw.source.value_or(service::kUnknownSource).c_str(),
                title.c_str());
  return buffer;
}

int RunCopies(bool json, const std::string& db_path) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  auto members = opened.value()->CopyFamilyArticles();
  if (!members.ok()) {
    PrintError(members.status().message());
    return kExitStore;
  }
  // Rows come family by family, each original first.
  size_t families = 0, copies = 0;
  nlohmann::json family;
  auto flush = [&] {
    if (json && !family.is_null()) std::cout << family.dump() << '\n';
    family = nullptr;
  };
  for (const store::StoredArticle& a : members.value()) {
    if (!a.copy_of) {
      flush();
      ++families;
      if (json) {
        family = {{"original", ArticleMetadataJson(a)}, {"copies", nlohmann::json::array()}};
      } else {
        std::printf("%soriginal  %s\n", families > 1 ? "\n" : "", Line(a).c_str());
      }
      continue;
    }
    ++copies;
    if (json) {
      nlohmann::json c = ArticleMetadataJson(a);
      c["score"] = a.copy_score;
      if (family.is_null()) family = {{"original", {{"id", *a.copy_of}}}, {"copies", nlohmann::json::array()}};
      family["copies"].push_back(std::move(c));
    } else {
      std::printf("  %-7s %.2f  %s\n", a.relation.value_or("copy").c_str(), a.copy_score, Line(a).c_str());
    }
  }
  flush();
  if (!json) std::printf("%s%zu copy families, %zu copies\n", families > 0 ? "\n" : "", families, copies);
  return kExitOk;
}

}  // namespace

void AddCopiesCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd = app.add_subcommand("copies", "list copy families: each original and its copies");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "JSON Lines, one family per line: {\"original\": article, \"copies\": [article + score]}");
  cmd->footer("Relations: exact (same text), near (most shingles shared), excerpt (one mostly inside the other), "
              "rewrite (sentences aligned in order). `storydesk explain A B` shows why.");
  cmd->callback([json, &globals, exit_code] { *exit_code = RunCopies(*json, globals.db); });
}

}  // namespace storydesk::cli
