// storydesk copies [--json] — the copy families in the store: each family's original and its
// copies, each with its relation and score against the original and why the original is the
// original (copy_pair.h: the same computation as `storydesk explain ORIGINAL COPY`).
#include <cstdio>
#include <iostream>
#include <optional>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/copy_pair.h"
#include "adapters/cli/json_output.h"
#include "adapters/service/digest_output.h"

namespace storydesk::cli {
namespace {

std::string Line(const store::StoredArticle& a) {
  std::string title = a.raw.title.value_or(a.raw.text.substr(0, a.raw.text.find('\n')));
  if (title.size() > 80) title = title.substr(0, title.rfind(' ', 80)) + "...";
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%-24s %-10s  %-16s  %s", a.raw.id.c_str(),
                a.raw.published.value_or("undated").substr(0, 10).c_str(),
                a.raw.source.value_or(service::kUnknownSource).c_str(), title.c_str());
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
  auto judge = CopyPairJudge::Make();
  if (!judge.ok()) {
    PrintError(judge.status().message());
    return kExitStore;
  }
  // Rows come family by family, each original first.
  size_t families = 0, copies = 0;
  nlohmann::json family;
  std::optional<store::StoredArticle> original;
  auto flush = [&] {
    if (json && !family.is_null()) std::cout << family.dump() << '\n';
    family = nullptr;
  };
  for (const store::StoredArticle& a : members.value()) {
    if (!a.copy_of) {
      flush();
      ++families;
      original = a;
      if (json) {
        family = {{"original", ArticleMetadataJson(a)}, {"copies", nlohmann::json::array()}};
      } else {
        std::printf("%soriginal  %s\n", families > 1 ? "\n" : "", Line(a).c_str());
      }
      continue;
    }
    ++copies;
    // The pair's relation and score as `explain` gives them; a copy matched through another
    // member may be no copy of the original itself: then its stored relation, and no score.
    std::optional<copies::CopyVerdict> verdict;
    std::string why;
    if (original && original->raw.id == *a.copy_of) {
      verdict = judge.value()->Explain(original->raw, a.raw).verdict;
      why = copies::DescribePrecedence(judge.value()->Member(original->raw), judge.value()->Member(a.raw));
    }
    const bool direct = verdict && verdict->kind != copies::CopyKind::kNone;
    const std::string relation =
        std::string(copies::RelationLabel(/*is_copy=*/true, direct ? verdict->kind : a.relation));
    if (json) {
      nlohmann::json c = ArticleMetadataJson(a);
      c["relation"] = relation;
      c["score"] = direct ? nlohmann::json(verdict->score) : nlohmann::json(nullptr);
      c["through_another_copy"] = !direct;
      c["why_original"] = why.empty() ? nlohmann::json(nullptr) : nlohmann::json(why);
      if (family.is_null()) family = {{"original", {{"id", *a.copy_of}}}, {"copies", nlohmann::json::array()}};
      family["copies"].push_back(std::move(c));
    } else {
      const std::string score = direct ? [&] {
        char b[16];
        std::snprintf(b, sizeof b, "%.2f", verdict->score);
        return std::string(b);
      }() : std::string(" -  ");
      std::printf("  %-7s %s  %s\n", relation.c_str(), score.c_str(), Line(a).c_str());
      if (!direct) std::printf("          a copy through another copy of the original\n");
      if (!why.empty()) std::printf("          original: %s\n", why.c_str());
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
  cmd->add_flag("--json", *json,
                "JSON Lines, one family per line: {\"original\": article, \"copies\": [article + score]}");
  cmd->footer(
      "Relations: exact (same text), near (most shingles shared), excerpt (one mostly inside the other), "
      "rewrite (sentences aligned in order). The score is the copy's against the original: 1 for exact, "
      "the shingle Jaccard for near, the shingle containment for excerpt, the rewrite model's probability "
      "for rewrite; the same as `storydesk explain ORIGINAL COPY`, which shows why. Each copy says why "
      "the original is the original: credited by the copy, published first, dated, or the longer text.");
  cmd->callback([json, &globals, exit_code] { *exit_code = RunCopies(*json, globals.db); });
}

}  // namespace storydesk::cli
