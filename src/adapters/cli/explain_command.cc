// storydesk explain A B [--format text|json] — why two stored articles are copies or not:
// the relation, the shingle overlap, and their sentences aligned, with what each side adds.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/copy_pair.h"
#include "adapters/service/digest_output.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/copies/copy_explanation.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::cli {
namespace {

std::string Quote(const std::string& s) {
  constexpr size_t kMax = 300;
  return "\"" + (s.size() > kMax ? s.substr(0, s.rfind(' ', kMax)) + " ..." : s) + "\"";
}

// Which of the two is the other's original, if they are copies, and why.
struct Provenance {
  std::string original;  // empty when neither precedes
  std::string why;
};

nlohmann::json ExplanationJson(const store::StoredArticle& a, const store::StoredArticle& b,
                               const copies::CopyExplanation& e, const Provenance& p) {
  nlohmann::json links = nlohmann::json::array();
  for (const copies::SentenceLink& l : e.alignment.links) {
    nlohmann::json ta = nlohmann::json::array(), tb = nlohmann::json::array();
    for (uint32_t i = l.a_begin; i < l.a_end; ++i) ta.push_back(e.sentences_a[i]);
    for (uint32_t i = l.b_begin; i < l.b_end; ++i) tb.push_back(e.sentences_b[i]);
    links.push_back({{"a", {l.a_begin, l.a_end}},
                     {"b", {l.b_begin, l.b_end}},
                     {"probability", l.probability},
                     {"overlap", l.overlap},
                     {"a_text", ta},
                     {"b_text", tb}});
  }
  nlohmann::json only_a = nlohmann::json::array(), only_b = nlohmann::json::array();
  for (uint32_t i : e.only_a) only_a.push_back({{"sentence", i}, {"text", e.sentences_a[i]}});
  for (uint32_t i : e.only_b) only_b.push_back({{"sentence", i}, {"text", e.sentences_b[i]}});
  const auto kind = copies::CopyKindName(e.verdict.kind);
  return {{"a", a.raw.id},
          {"b", b.raw.id},
          {"relation", kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(std::string(kind))},
          {"score", e.verdict.score},
          {"shingle_jaccard", e.verdict.jaccard},
          {"shingle_containment", e.verdict.containment},
          {"coverage_a", e.alignment.coverage_a},
          {"coverage_b", e.alignment.coverage_b},
          {"original", p.original.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.original)},
          {"why_original", p.why.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.why)},
          {"links", links},
          {"only_in_a", only_a},
          {"only_in_b", only_b}};
}

void PrintText(const store::StoredArticle& a, const store::StoredArticle& b, const copies::CopyExplanation& e,
               const Provenance& p) {
  auto head = [](const char* label, const store::StoredArticle& x, size_t sentences) {
    std::printf("%s: %s (%s, %s), %zu sentences\n", label, x.raw.id.c_str(),
                x.raw.source.value_or(service::kUnknownSource).c_str(),
                x.raw.published.value_or("undated").substr(0, 10).c_str(), sentences);
  };
  head("A", a, e.sentences_a.size());
  head("B", b, e.sentences_b.size());
  const auto kind = copies::CopyKindName(e.verdict.kind);
  if (kind.empty()) {
    std::printf("\nnot copies");
  } else {
    std::printf("\n%s copy (score %.2f)", std::string(kind).c_str(), e.verdict.score);
  }
  std::printf(
      ": 5-word shingles shared %.0f%% (Jaccard), %.0f%% of the smaller; sentences aligned in order "
      "cover %.0f%% of A's words and %.0f%% of B's\n",
      100 * e.verdict.jaccard, 100 * e.verdict.containment, 100 * e.alignment.coverage_a, 100 * e.alignment.coverage_b);
  if (!p.original.empty()) {
    std::printf("original: %s (%s)\n", p.original == a.raw.id ? "A" : "B", p.why.c_str());
  }

  std::printf("\nAligned sentences (match probability, stem overlap):\n");
  if (e.alignment.links.empty()) std::printf("  none\n");
  for (const copies::SentenceLink& l : e.alignment.links) {
    std::printf("  A%u%s <-> B%u%s   p=%.2f overlap=%.2f\n", l.a_begin + 1,
                l.a_end - l.a_begin > 1 ? ("-" + std::to_string(l.a_end)).c_str() : "", l.b_begin + 1,
                l.b_end - l.b_begin > 1 ? ("-" + std::to_string(l.b_end)).c_str() : "", l.probability, l.overlap);
    for (uint32_t i = l.a_begin; i < l.a_end; ++i) std::printf("    A: %s\n", Quote(e.sentences_a[i]).c_str());
    for (uint32_t i = l.b_begin; i < l.b_end; ++i) std::printf("    B: %s\n", Quote(e.sentences_b[i]).c_str());
  }
  std::printf("\nOnly in A (B drops them): %zu\n", e.only_a.size());
  for (uint32_t i : e.only_a) std::printf("  A%u: %s\n", i + 1, Quote(e.sentences_a[i]).c_str());
  std::printf("\nOnly in B (B adds them): %zu\n", e.only_b.size());
  for (uint32_t i : e.only_b) std::printf("  B%u: %s\n", i + 1, Quote(e.sentences_b[i]).c_str());
}

int RunExplain(const std::string& id_a, const std::string& id_b, const std::string& format,
               const std::string& db_path) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  store::StoredArticle articles[2];
  const std::string ids[2] = {id_a, id_b};
  for (int k = 0; k < 2; ++k) {
    auto found = opened.value()->GetArticle(ids[k]);
    if (!found.ok()) {
      PrintError(found.status().message());
      return kExitStore;
    }
    if (!found.value()) {
      PrintError("no article '" + ids[k] + "' in " + db_path);
      return kExitUsage;
    }
    articles[k] = std::move(*found.value());
  }
  auto judge = CopyPairJudge::Make();
  if (!judge.ok()) {
    PrintError(judge.status().message());
    return kExitStore;
  }
  const copies::CopyExplanation e = judge.value()->Explain(articles[0].raw, articles[1].raw);
  // Provenance is said of copies: of the pair as found now, or as stored (a copy matched
  // through another member of the family).
  Provenance p;
  const bool stored_pair = articles[0].copy_of == articles[1].raw.id || articles[1].copy_of == articles[0].raw.id;
  if (e.verdict.kind != copies::CopyKind::kNone || stored_pair) {
    const copies::FamilyMember ma = judge.value()->Member(articles[0].raw);
    const copies::FamilyMember mb = judge.value()->Member(articles[1].raw);
    const copies::Precedence first = copies::ComparePrecedence(ma, mb);
    if (first.a_first) {
      p = {ma.id, copies::DescribePrecedence(ma, mb)};
    } else if (first.reason != copies::PrecedenceReason::kTie) {
      p = {mb.id, copies::DescribePrecedence(mb, ma)};
    } else if (stored_pair) {
      const bool a_original = articles[1].copy_of == articles[0].raw.id;
      p = {a_original ? ma.id : mb.id, "seen first"};
    }
  }
  if (format == "json") {
    std::cout << ExplanationJson(articles[0], articles[1], e, p).dump(2) << '\n';
  } else {
    PrintText(articles[0], articles[1], e, p);
  }
  return kExitOk;
}

}  // namespace

void AddExplainCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd =
      app.add_subcommand("explain", "why two stored articles are copies (or not): aligned sentences and overlap");
  auto a = std::make_shared<std::string>();
  auto b = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("a", *a, "an article id")->required();
  cmd->add_option("b", *b, "another article id")->required();
  cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->callback([a, b, format, &globals, exit_code] { *exit_code = RunExplain(*a, *b, *format, globals.db); });
}

}  // namespace storydesk::cli
