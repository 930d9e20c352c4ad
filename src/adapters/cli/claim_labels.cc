#include "adapters/cli/claim_labels.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>

#include "adapters/cli/cli_common.h"
#include "storydesk/eval/binary_decisions.h"
#include "storydesk/learning/logistic_regression.h"
#include "storydesk/learning/model_text.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::cli {
namespace {

uint64_t StoryFold(const std::string& set, const std::string& story, int folds) {
  uint64_t h = 1469598103934665603ull;
  const std::string key = set + "/" + story;
  for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return (h >> 11) % static_cast<uint64_t>(folds);
}

// The probability p at which calling "p or more" positive has the highest F1 (ties: the higher p).
double HighestF1Probability(std::vector<std::pair<double, bool>> scored) {
  std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  size_t positives = 0;
  for (const auto& [p, label] : scored) positives += label ? 1 : 0;
  double best_f1 = -1.0, best_p = 0.5;
  size_t tp = 0;
  for (size_t i = 0; i < scored.size(); ++i) {
    tp += scored[i].second ? 1 : 0;
    if (i + 1 < scored.size() && scored[i + 1].first == scored[i].first) continue;
    const double f1 = 2.0 * static_cast<double>(tp) / static_cast<double>(i + 1 + positives);
    if (f1 > best_f1) best_f1 = f1, best_p = scored[i].first;
  }
  return std::clamp(best_p, 0.01, 0.99);
}

// The highest probability p (at most `cap`) such that, of the held-out pairs below p, at most
// `share` were stated ("yes"); 0.01 when none.
double HighestProbabilityStatedAtMost(std::vector<std::pair<double, bool>> scored, double share, double cap) {
  std::sort(scored.begin(), scored.end());
  double p = 0.01;
  size_t stated = 0;
  for (size_t i = 0; i + 1 < scored.size(); ++i) {
    stated += scored[i].second ? 1 : 0;
    if (static_cast<double>(stated) <= share * static_cast<double>(i + 1) && scored[i + 1].first > scored[i].first) {
      p = std::clamp(scored[i + 1].first, 0.01, cap);
    }
  }
  return p;
}

}  // namespace

bool IsTestStory(const std::string& set, const std::string& story) {
  uint64_t h = 14695981039346656037ull;
  const std::string key = set + "/" + story;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return (h >> 7) % 2 == 1;
}

Result<std::vector<ClaimLabel>> ReadClaimLabels(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(ErrorCode::kIo, path + ": cannot read");
  std::vector<ClaimLabel> out;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || line.starts_with("set\t")) continue;
    const std::vector<std::string_view> f = learning::SplitTabs(line);
    auto error = [&](const std::string& what) {
      std::string message = path;
      message.append(":").append(std::to_string(number)).append(": ").append(what);
      return Status::Error(ErrorCode::kInvalidInput, std::move(message));
    };
    if (f.size() != 6) return error("expected 6 tab-separated fields: set story article sentence other label");
    ClaimLabel l{std::string(f[0]), std::string(f[1]), std::string(f[2]), 0, std::string(f[4]), std::string(f[5])};
    try {
      size_t used = 0;
      const unsigned long k = std::stoul(std::string(f[3]), &used);
      if (used != f[3].size() || k > 100000) return error("the sentence is not a number");
      l.sentence = static_cast<uint32_t>(k);
    } catch (const std::exception&) {
      return error("the sentence is not a number");
    }
    if (l.label != "yes" && l.label != "partial" && l.label != "no" && l.label != "na") {
      return error("the label must be yes, partial, no or na");
    }
    out.push_back(std::move(l));
  }
  return out;
}

Result<LabelledTexts> LoadLabelledTexts(const std::vector<ClaimLabel>& labels, const std::string& data_dir,
                                        terms::TermStatistics& statistics, const claims::StemSynonyms* synonyms) {
  std::set<std::string> sets, wanted;
  for (const ClaimLabel& l : labels) {
    sets.insert(l.set);
    wanted.insert(l.article);
    wanted.insert(l.other);
  }
  LabelledTexts out;
  for (const std::string& set : sets) {
    const std::string path = (std::filesystem::path(data_dir) / set / "articles.jsonl").string();
    if (!std::filesystem::exists(path)) return Status::Error(ErrorCode::kIo, path + ": not found");
    auto read = ReadInputs({path}, nullptr);
    if (!read.ok()) return read.status();
    for (RawArticle& a : read.value().articles) {
      if (wanted.count(a.id)) out.articles.emplace(a.id, std::move(a));
    }
  }
  text::TextAnalyzer analyzer;
  for (const std::string& id : wanted) {
    auto it = out.articles.find(id);
    if (it == out.articles.end())
      return Status::Error(ErrorCode::kInvalidInput, "labelled article '" + id + "' is not in the data");
    out.texts.emplace(id, claims::BuildClaimText(analyzer.Analyze(it->second.text), statistics, synonyms));
  }
  return out;
}

const claims::ClaimSentence* LabelledSentence(const LabelledTexts& texts, const ClaimLabel& label) {
  auto it = texts.texts.find(label.article);
  if (it == texts.texts.end()) return nullptr;
  for (const claims::ClaimSentence& s : it->second.sentences) {
    if (s.index == label.sentence) return &s;
  }
  return nullptr;
}

Result<std::vector<LabelledFeatures>> ComputeLabelledFeatures(const std::vector<ClaimLabel>& labels,
                                                              const LabelledTexts& texts,
                                                              const copies::SentenceModel& matcher) {
  std::vector<LabelledFeatures> out;
  for (const ClaimLabel& l : labels) {
    if (l.label == "na") continue;
    const claims::ClaimSentence* claim = LabelledSentence(texts, l);
    if (claim == nullptr) {
      return Status::Error(ErrorCode::kInvalidInput,
                           "article '" + l.article + "' has no sentence " + std::to_string(l.sentence));
    }
    out.push_back({&l, claims::ComputeClaimEvidence(*claim, texts.texts.at(l.other), matcher).features});
  }
  return out;
}

ClaimTraining TrainClaimModel(const std::vector<const LabelledFeatures*>& pairs, int folds, double l2) {
  std::vector<learning::LogisticExample> examples;
  std::vector<uint64_t> fold_of;
  std::vector<bool> partial_label;
  for (const LabelledFeatures* p : pairs) {
    examples.push_back({std::vector<double>(p->features.begin(), p->features.end()), p->label->label == "yes", 1.0});
    fold_of.push_back(StoryFold(p->label->set, p->label->story, folds));
    partial_label.push_back(p->label->label == "partial");
  }
  learning::LogisticOptions options;
  options.l2 = l2;
  // Held-out probabilities, folds grouped by story.
  std::vector<double> held_out(examples.size(), 0.0);
  for (int k = 0; k < folds; ++k) {
    std::vector<learning::LogisticExample> train;
    for (size_t i = 0; i < examples.size(); ++i) {
      if (fold_of[i] != static_cast<uint64_t>(k)) train.push_back(examples[i]);
    }
    const std::vector<double> w = learning::FitLogistic(train, options);
    for (size_t i = 0; i < examples.size(); ++i) {
      if (fold_of[i] == static_cast<uint64_t>(k))
        held_out[i] = learning::Sigmoid(learning::LinearScore(w, examples[i].x.data(), w.size()));
    }
  }
  std::vector<std::pair<double, bool>> scored;
  for (size_t i = 0; i < examples.size(); ++i) scored.emplace_back(held_out[i], examples[i].label);
  ClaimTraining out;
  claims::ClaimModel& model = out.model;
  const std::vector<double> all = learning::FitLogistic(examples, options);
  std::copy(all.begin(), all.end(), model.weights.begin());
  // The cite point: where held-out F1 of "yes" is highest. (The matcher does not reach 90%
  // precision at a useful recall — docs/measurements.md — so the point that balances a missed
  // source against a wrong one is taken instead.)
  model.cite_probability = HighestF1Probability(scored);
  // The partial point: the highest probability below which the source states the claim ("yes")
  // at most kMaxStatedBelowPartial of the time, so "leaves out" is rarely false; the unique
  // point likewise at kMaxStatedBelowUnique, for "adds".
  model.partial_probability =
      HighestProbabilityStatedAtMost(scored, claims::kMaxStatedBelowPartial, model.cite_probability);
  model.unique_probability =
      std::max(model.partial_probability,
               HighestProbabilityStatedAtMost(scored, claims::kMaxStatedBelowUnique, model.cite_probability));
  eval::BinaryCounts at_cite, at_half;
  size_t below = 0, below_stated = 0, below_partial = 0;
  for (size_t i = 0; i < scored.size(); ++i) {
    at_cite.Add(scored[i].first >= model.cite_probability, scored[i].second);
    at_half.Add(scored[i].first >= 0.5, scored[i].second);
    if (scored[i].first < model.partial_probability) {
      ++below;
      below_stated += scored[i].second ? 1 : 0;
      below_partial += partial_label[i] ? 1 : 0;
    }
  }
  char figures[512], points[512];
  std::snprintf(
      figures, sizeof figures,
      "%d-fold cross-validation grouped by story on %zu pairs (%zu yes): at p>=0.5 precision %.3f recall %.3f F1 %.3f",
      folds, examples.size(), static_cast<size_t>(at_cite.tp + at_cite.fn), at_half.Precision(), at_half.Recall(),
      at_half.F1());
  std::snprintf(points, sizeof points,
                "cite probability %.3f: precision %.3f recall %.3f F1 %.3f; partial probability %.3f: %zu pairs below, "
                "%zu of them stated (yes), %zu partial; unique probability %.3f",
                model.cite_probability, at_cite.Precision(), at_cite.Recall(), at_cite.F1(), model.partial_probability,
                below, below_stated, below_partial, model.unique_probability);
  out.figures = figures;
  out.points = points;
  return out;
}

}  // namespace storydesk::cli
