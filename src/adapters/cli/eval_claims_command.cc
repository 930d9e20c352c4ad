// storydesk eval-claims LABELS.tsv --data DIR — measures the claim matcher and the digest built
// on it against the claim-support labels (data/claims/README.md) by two-fold cross-fitting: the
// labelled stories are split in two halves (IsTestStory), and each half is judged by a model
// trained as train-claims trains, on the other half alone:
//   - the matcher: precision, recall and F1 of "yes" at the cite point; the share of pairs
//     below the partial point that the source in fact states (what "leaves out" risks);
//   - the digest of each story (its articles as the gold groups them): citation precision
//     and recall over (bullet, other article) pairs whose bullet sentence is labelled, and the
//     share of "leaves out" items the source states (yes) or states in part (partial).
// --show prints every labelled story's bullets with their citations and the labels, for reading.
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "adapters/cli/claim_labels.h"
#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/json_lines_file.h"
#include "adapters/service/digest_output.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/claims/claim_support.h"
#include "storydesk/digest/story_digest.h"
#include "storydesk/eval/binary_decisions.h"
#include "storydesk/learning/logistic_regression.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::cli {
namespace {

struct EvalClaimsFlags {
  std::string labels;
  std::string data = "../shared/data";
  bool show = false;
  std::string msrp;  // a paraphrase corpus (msrp-train's pairs.jsonl): 10-fold CV of the claim features
};

// `part` as a percentage of `whole`; 0 when `whole` is 0.
double Percent(size_t part, size_t whole) {
  return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

// The claim features of a sentence pair read both ways and averaged: a paraphrase states the
// other sentence's claim and the other states its own.
claims::ClaimFeatureVector PairFeatures(const claims::ClaimText& a, const claims::ClaimText& b,
                                        const copies::SentenceModel& matcher) {
  auto whole = [](const claims::ClaimText& t) {
    claims::ClaimSentence s = t.sentences.front();
    for (size_t i = 1; i < t.sentences.size(); ++i) {
      s.profile = copies::MergeProfiles(s.profile, t.sentences[i].profile);
      s.negated = s.negated || t.sentences[i].negated;
    }
    return s;
  };
  claims::ClaimFeatureVector f{};
  if (a.sentences.empty() || b.sentences.empty()) return f;
  const claims::ClaimFeatureVector ab = claims::ComputeClaimEvidence(whole(a), b, matcher).features;
  const claims::ClaimFeatureVector ba = claims::ComputeClaimEvidence(whole(b), a, matcher).features;
  for (size_t k = 0; k < f.size(); ++k) f[k] = 0.5 * (ab[k] + ba[k]);
  return f;
}

int RunMsrp(const std::string& path, const copies::SentenceModel& matcher, terms::TermStatistics& statistics,
            const claims::StemSynonyms* synonyms) {
  text::TextAnalyzer analyzer;
  std::vector<learning::LogisticExample> examples;
  const Status read = ForEachJsonLine(path, "sentence pairs", [&](size_t number, const nlohmann::json& pair) -> Status {
    if (pair.is_discarded() || !pair.is_object() || !pair.contains("label") || !pair["a"].is_string() ||
        !pair["b"].is_string() || !pair["label"].is_number_integer()) {
      return Status::Error(ErrorCode::kInvalidInput,
                           path + ":" + std::to_string(number) + ": expected {\"label\", \"a\", \"b\"}");
    }
    const claims::ClaimText a =
        claims::BuildClaimText(analyzer.Analyze(pair["a"].get<std::string>()), statistics, synonyms);
    const claims::ClaimText b =
        claims::BuildClaimText(analyzer.Analyze(pair["b"].get<std::string>()), statistics, synonyms);
    const claims::ClaimFeatureVector f = PairFeatures(a, b, matcher);
    examples.push_back({std::vector<double>(f.begin(), f.end()), pair["label"].get<int>() == 1, 1.0});
    return Status::Ok();
  });
  if (!read.ok()) {
    PrintError(read.message());
    return read.code() == ErrorCode::kIo ? kExitUsage : kExitRejected;
  }
  learning::LogisticOptions options;
  options.l2 = 0.1;
  eval::BinaryCounts cv;
  for (const auto& [p, label] : eval::HeldOutProbabilities(examples, 10, options)) cv.Add(p >= 0.5, label);
  std::printf("claim features on %s, 10-fold cross-validation (%zu pairs): accuracy %.3f F1 %.3f\n", path.c_str(),
              examples.size(), cv.Accuracy(), cv.F1());
  return kExitOk;
}

int RunEvalClaims(const EvalClaimsFlags& flags) {
  const auto& background = BuiltinBackground();
  const auto& matcher = BuiltinSentenceModel();
  const auto& claim_matcher = BuiltinClaimMatcher();
  if (!background.ok() || !matcher.ok() || !claim_matcher.ok()) {
    PrintError(!claim_matcher.ok() ? claim_matcher.status().message() : "the shipped models cannot be read");
    return kExitStore;
  }
  const claims::StemSynonyms* synonyms = claim_matcher.value().synonyms.get();
  terms::TermStatistics statistics = SeededStatistics(background.value());
  if (!flags.msrp.empty()) return RunMsrp(flags.msrp, matcher.value(), statistics, synonyms);
  auto labels = ReadClaimLabels(flags.labels);
  if (!labels.ok()) {
    PrintError(labels.status().message());
    return ExitCodeFor(labels.status());
  }
  auto texts = LoadLabelledTexts(labels.value(), flags.data, statistics, synonyms);
  if (!texts.ok()) {
    PrintError(texts.status().message());
    return ExitCodeFor(texts.status());
  }

  auto features = ComputeLabelledFeatures(labels.value(), texts.value(), matcher.value());
  if (!features.ok()) {
    PrintError(flags.labels + ": " + features.status().message());
    return kExitRejected;
  }
  // Two-fold cross-fitting over the halves: each half is judged by a model trained (as
  // train-claims trains) on the other half alone.
  std::map<bool, claims::ClaimMatcher> judge;  // by IsTestStory of the stories it judges
  for (const bool half : {false, true}) {
    std::vector<const LabelledFeatures*> other;
    for (const LabelledFeatures& f : features.value()) {
      if (IsTestStory(f.label->set, f.label->story) != half) other.push_back(&f);
    }
    const ClaimTraining trained = TrainClaimModel(other, kClaimFolds, kClaimL2);
    judge[half] = claims::ClaimMatcher{trained.model, claim_matcher.value().synonyms};
    std::printf("model for half %s, trained on the other: %s\n  %s\n", half ? "test" : "fit", trained.figures.c_str(),
                trained.points.c_str());
  }

  // The matcher, pair by pair.
  eval::BinaryCounts cite;
  size_t below = 0, below_yes = 0, below_partial = 0, pairs = 0;
  for (const LabelledFeatures& f : features.value()) {
    const claims::ClaimModel& model = judge.at(IsTestStory(f.label->set, f.label->story)).model;
    const claims::SupportLevel level = model.Level(model.Probability(f.features));
    ++pairs;
    cite.Add(level == claims::SupportLevel::kYes, f.label->label == "yes");
    if (level == claims::SupportLevel::kNo) {
      ++below;
      below_yes += f.label->label == "yes" ? 1 : 0;
      below_partial += f.label->label == "partial" ? 1 : 0;
    }
  }
  std::map<std::tuple<std::string, uint32_t, std::string>, std::string> label_of;  // (article, sentence, other)
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> story_articles;
  for (const ClaimLabel& l : labels.value()) {
    label_of[{l.article, l.sentence, l.other}] = l.label;
    auto& ids = story_articles[{l.set, l.story}];
    if (std::find(ids.begin(), ids.end(), l.article) == ids.end()) ids.push_back(l.article);
  }
  std::printf("claim matcher, cross-fitted over both halves: %zu labelled pairs, %zu yes\n", pairs,
              static_cast<size_t>(cite.tp + cite.fn));
  std::printf("  cite: precision %.3f recall %.3f F1 %.3f\n", cite.Precision(), cite.Recall(), cite.F1());
  std::printf(
      "  no (below the partial point): %zu pairs, of which the source states %zu (%.1f%%) and states in part %zu "
      "(%.1f%%)\n",
      below, below_yes, Percent(below_yes, below), below_partial, Percent(below_partial, below));

  // The digest of each labelled story, by the model that did not see it.
  size_t cited_right = 0, cited = 0, should_cite = 0, unlabelled_bullets = 0, bullets = 0;
  size_t lacks = 0, lacks_yes = 0, lacks_partial = 0, lacks_unlabelled = 0, partial_marks = 0, partial_right = 0;
  size_t adds = 0, adds_labelled = 0, adds_stated = 0, adds_partial = 0;
  text::TextAnalyzer analyzer;
  for (const auto& [key, ids] : story_articles) {
    std::vector<digest::DigestArticle> articles;
    for (const std::string& id : ids)
      articles.push_back(
          service::DigestArticleOf(texts.value().articles.at(id), copies::CopyKind::kNone, std::nullopt));
    const digest::StoryDigest d =
        digest::BuildStoryDigest(articles, matcher.value(), judge.at(IsTestStory(key.first, key.second)), statistics);
    if (flags.show) std::printf("\n== %s %s: %s\n", key.first.c_str(), key.second.c_str(), d.headline.c_str());
    for (const digest::Bullet& b : d.bullets) {
      ++bullets;
      std::string marks;
      bool labelled = false;
      for (const std::string& other : ids) {
        if (other == b.origin) continue;
        auto it = label_of.find({b.origin, static_cast<uint32_t>(b.sentence), other});
        if (it == label_of.end() || it->second == "na") continue;
        labelled = true;
        const bool predicted = std::find(b.sources.begin(), b.sources.end(), other) != b.sources.end();
        const bool partly =
            std::find(b.partial_sources.begin(), b.partial_sources.end(), other) != b.partial_sources.end();
        const bool truth = it->second == "yes";
        cited += predicted ? 1 : 0;
        should_cite += truth ? 1 : 0;
        cited_right += (predicted && truth) ? 1 : 0;
        partial_marks += partly ? 1 : 0;
        partial_right += (partly && it->second != "no") ? 1 : 0;
        marks += " " + other + (predicted ? "=cited" : partly ? "=partly" : "=not") + "/" + it->second;
      }
      if (!labelled) ++unlabelled_bullets;
      if (flags.show)
        std::printf("  - %s\n    [%s s%zu]%s\n", b.text.c_str(), b.origin.c_str(), b.sentence, marks.c_str());
    }
    for (const digest::SourceComparison& c : d.sources) {
      // An add is one of the article's sentences (perhaps without its dateline): find its number.
      const text::AnalyzedText t = analyzer.Analyze(texts.value().articles.at(c.article).text);
      for (const std::string& add : c.adds) {
        ++adds;
        std::optional<uint32_t> number;
        for (size_t k = 0; k < t.sentences.size() && !number; ++k) {
          std::string s = t.normalized.substr(t.sentences[k].begin, t.sentences[k].end - t.sentences[k].begin);
          while (!s.empty() && s.back() == ' ') s.pop_back();
          if (s.size() >= add.size() && s.compare(s.size() - add.size(), add.size(), add) == 0)
            number = static_cast<uint32_t>(k);
        }
        if (!number) continue;
        bool labelled = false, stated = false, partly = false;
        for (const std::string& other : ids) {
          auto it = label_of.find({c.article, *number, other});
          if (other == c.article || it == label_of.end() || it->second == "na") continue;
          labelled = true;
          stated = stated || it->second == "yes";
          partly = partly || it->second == "partial";
        }
        adds_labelled += labelled ? 1 : 0;
        adds_stated += stated ? 1 : 0;
        adds_partial += (partly && !stated) ? 1 : 0;
        if (flags.show)
          std::printf("  %s adds: %s [%s]\n", c.article.c_str(), add.substr(0, 80).c_str(),
                      !labelled ? "unlabelled"
                      : stated  ? "stated elsewhere"
                      : partly  ? "partly elsewhere"
                                : "right");
      }
      for (const std::string& lack : c.lacks) {
        const auto bullet =
            std::find_if(d.bullets.begin(), d.bullets.end(), [&](const digest::Bullet& b) { return b.text == lack; });
        if (bullet == d.bullets.end()) continue;
        ++lacks;
        auto it = label_of.find({bullet->origin, static_cast<uint32_t>(bullet->sentence), c.article});
        if (it == label_of.end() || it->second == "na") {
          ++lacks_unlabelled;
        } else {
          lacks_yes += it->second == "yes" ? 1 : 0;
          lacks_partial += it->second == "partial" ? 1 : 0;
        }
        if (flags.show)
          std::printf("  %s leaves out: %s [%s]\n", c.article.c_str(), lack.substr(0, 80).c_str(),
                      it == label_of.end() ? "unlabelled" : it->second.c_str());
      }
    }
  }
  const double precision = cited ? static_cast<double>(cited_right) / static_cast<double>(cited) : 0.0;
  const double recall = should_cite ? static_cast<double>(cited_right) / static_cast<double>(should_cite) : 0.0;
  std::printf("digest of %zu labelled stories: %zu bullets (%zu without labels for their sentence)\n",
              story_articles.size(), bullets, unlabelled_bullets);
  std::printf("  citations of other sources: precision %.3f (%zu of %zu) recall %.3f (%zu of %zu)\n", precision,
              cited_right, cited, recall, cited_right, should_cite);
  std::printf("  cited in part: %zu, of which the source states it or part of it: %zu\n", partial_marks, partial_right);
  const size_t judged = lacks - lacks_unlabelled;
  std::printf("  leaves out: %zu items (%zu labelled): stated by the source %zu (%.1f%%), in part %zu (%.1f%%)\n",
              lacks, judged, lacks_yes, Percent(lacks_yes, judged), lacks_partial, Percent(lacks_partial, judged));
  std::printf("  adds: %zu items (%zu labelled): stated by another source %zu (%.1f%%), in part %zu (%.1f%%)\n", adds,
              adds_labelled, adds_stated, Percent(adds_stated, adds_labelled), adds_partial,
              Percent(adds_partial, adds_labelled));
  return kExitOk;
}

}  // namespace

void AddEvalClaimsCommand(CLI::App& app, int* exit_code) {
  auto* cmd =
      app.add_subcommand("eval-claims", "measure the claim matcher and the digest's citations on claim-support labels");
  auto flags = std::make_shared<EvalClaimsFlags>();
  cmd->add_option("labels", flags->labels, "the labels TSV (data/claims/claim-support.tsv)")->required();
  cmd->add_option("--data", flags->data, "the folder holding the labelled sets")->capture_default_str();
  cmd->add_flag("--show", flags->show, "print each labelled story's bullets, citations and labels");
  cmd->add_option("--msrp", flags->msrp,
                  "instead: 10-fold cross-validated accuracy and F1 of the claim features on a paraphrase corpus "
                  "(JSON Lines {\"label\", \"a\", \"b\"}, e.g. ../shared/data/msrp-train/pairs.jsonl)");
  cmd->callback([flags, exit_code] { *exit_code = RunEvalClaims(*flags); });
}

}  // namespace storydesk::cli
