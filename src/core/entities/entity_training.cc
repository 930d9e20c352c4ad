// Training of the entity model: the averaged perceptron (Collins 2002, "Discriminative
// training methods for hidden Markov models"), run through the tagger's own decoder: greedy,
// on its own decisions, or a beam with early update (Collins & Roark 2004).
#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

#include "core/entities/bilou.h"
#include "core/entities/entity_model_builder.h"
#include "core/entities/feature_rows.h"
#include "core/entities/greedy_decoder.h"
#include "storydesk/entities/entity_model.h"

namespace storydesk::entities {

namespace {

// Perceptron weights with the sums that give their average over every update step without
// summing them at each step (Daumé's trick: the average is w - u / c, where each update of δ at
// step c also adds c·δ to u).
class Perceptron {
 public:
  // Also counts the tokens each feature fires on (in every pass; only zero or not matters
  // against min_count after one pass, and the ratio is the same after more).
  void Score(const FeatureSet& features, float* scores) {
    for (uint64_t h : features.Hashes()) {
      ++seen_[h];
      const uint32_t r = row_of_.Find(h);
      if (r == FeatureRows::kNone) continue;
      const int32_t* row = &weights_[static_cast<size_t>(r) * kLabels];
      for (size_t l = 0; l < kLabels; ++l) scores[l] += static_cast<float>(row[l]);
    }
  }

  void Update(const FeatureSet& features, int gold, int predicted) {
    for (size_t k = 0; k < features.Hashes().size(); ++k) {
      const size_t row = static_cast<size_t>(Row(features, k)) * kLabels;
      weights_[row + static_cast<size_t>(gold)] += 1;
      sums_[row + static_cast<size_t>(gold)] += step_;
      weights_[row + static_cast<size_t>(predicted)] -= 1;
      sums_[row + static_cast<size_t>(predicted)] -= step_;
    }
  }

  // Adds delta to the weights of `label` for `features` (one side of a sequence update).
  void Add(const FeatureSet& features, int label, int delta) {
    for (size_t k = 0; k < features.Hashes().size(); ++k) {
      const size_t row = static_cast<size_t>(Row(features, k)) * kLabels + static_cast<size_t>(label);
      weights_[row] += delta;
      sums_[row] += step_ * delta;
    }
  }

  void Tick() { ++step_; }

  EntityModel Averaged(double min_weight, int min_count, int passes, const WordClusters* clusters,
                       const Gazetteer& gazetteer) const {
    EntityModel model;
    if (clusters != nullptr) EntityModelBuilder::Clusters(&model) = *clusters;
    EntityModelBuilder::KnownNames(&model) = gazetteer;
    for (size_t r = 0; r < names_.size(); ++r) {
      const auto seen = seen_.find(FeatureHash(names_[r]));
      if (seen == seen_.end() || seen->second < static_cast<int64_t>(min_count) * passes) continue;
      std::array<float, kLabels> row{};
      bool any = false;
      for (size_t l = 0; l < kLabels; ++l) {
        const size_t at = r * kLabels + l;
        const double average =
            static_cast<double>(weights_[at]) - static_cast<double>(sums_[at]) / static_cast<double>(step_);
        if (std::fabs(average) < min_weight) continue;
        row[l] = static_cast<float>(average);
        any = true;
      }
      if (any) EntityModelBuilder::AddRow(&model, names_[r], row);
    }
    return model;
  }

 private:
  // The row of the k-th feature of `features`, added (all zero) if it has none yet.
  uint32_t Row(const FeatureSet& features, size_t k) {
    const auto next = static_cast<uint32_t>(names_.size());
    const uint32_t row = row_of_.Insert(features.Hashes()[k], next);
    if (row == next) {
      names_.push_back(features.Names()[k]);
      weights_.resize(weights_.size() + kLabels, 0);
      sums_.resize(sums_.size() + kLabels, 0);
    }
    return row;
  }

  FeatureRows row_of_;
  std::unordered_map<uint64_t, int64_t> seen_;
  std::vector<std::string> names_;
  std::vector<int32_t> weights_;
  std::vector<int64_t> sums_;
  int64_t step_ = 1;
};

// Each document's gazetteer while it is trained on.
using GazetteerOf = std::unordered_map<const LabeledDocument*, const Gazetteer*>;

void Pass(const std::vector<const LabeledDocument*>& documents, const WordClusters* clusters,
          const GazetteerOf& gazetteer_of, size_t beam, Perceptron* perceptron) {
  GreedyDecoder decoder(clusters, nullptr, /*keep_names=*/true);
  for (const LabeledDocument* d : documents) {
    const auto g = gazetteer_of.find(d);
    decoder.NewDocument(g == gazetteer_of.end() || g->second->Empty() ? nullptr : g->second);
    for (size_t s = 0; s < d->sentences.size(); ++s) {
      const TokenSentence& sentence = d->sentences[s];
      const std::vector<int> gold = LabelsOf(d->names[s], sentence.size());
      const auto score = [perceptron](const FeatureSet& f, float* scores) { perceptron->Score(f, scores); };
      if (beam > 1) {
        decoder.TrainBeam(
            sentence, gold, score, beam,
            [perceptron](const FeatureSet& f, int label, int delta) { perceptron->Add(f, label, delta); },
            [perceptron] { perceptron->Tick(); });
        continue;
      }
      decoder.Decode(sentence, score, [&](const FeatureSet& f, size_t i, int predicted) {
        if (predicted != gold[i]) perceptron->Update(f, gold[i], predicted);
        perceptron->Tick();
        return predicted;
      });
    }
  }
}

double F1(const EntityModel& model, const std::vector<const LabeledDocument*>& documents) {
  EntityScores scores;
  for (const LabeledDocument* d : documents) {
    const std::vector<std::vector<EntitySpan>> tagged = model.Tag(d->sentences);
    for (size_t s = 0; s < tagged.size(); ++s) ScoreSentence(d->names[s], tagged[s], &scores);
  }
  return scores.F1();
}

void ListNames(const LabeledDocument& d, Gazetteer* gazetteer) {
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    for (const EntitySpan& name : d.names[s]) {
      const std::vector<std::string> phrase(d.sentences[s].begin() + static_cast<ptrdiff_t>(name.begin),
                                            d.sentences[s].begin() + static_cast<ptrdiff_t>(name.end));
      gazetteer->Add(phrase, EntityTypeName(name.type));  // a name too long to list is left out
    }
  }
}

// Trains for `epochs` passes over `documents`, each pass in an order drawn from `seed`; with
// `held_out`, scores the averaged model on it after each pass into *f1, and keeps the model of
// the best pass (the first of equals) in *best.
EntityModel Train(const std::vector<const LabeledDocument*>& documents, int epochs,
                  const EntityTrainingOptions& options, const std::vector<const LabeledDocument*>* held_out,
                  std::vector<double>* f1, EntityModel* best = nullptr) {
  Gazetteer all;
  if (options.gazetteer != nullptr) all.Merge(*options.gazetteer);
  // folds[k]: the outside lists and the names of every document not in fold k.
  const size_t folds = options.list_training_names ? std::max<size_t>(options.name_folds, 2) : 1;
  std::vector<Gazetteer> fold(folds, all);
  GazetteerOf gazetteer_of;
  for (size_t i = 0; i < documents.size(); ++i) {
    gazetteer_of[documents[i]] = &fold[i % folds];
    if (!options.list_training_names) continue;
    ListNames(*documents[i], &all);
    for (size_t k = 0; k < folds; ++k) {
      if (k != i % folds) ListNames(*documents[i], &fold[k]);
    }
  }
  Perceptron perceptron;
  std::mt19937_64 random(options.seed);
  std::vector<const LabeledDocument*> order = documents;
  for (int e = 0; e < epochs; ++e) {
    std::shuffle(order.begin(), order.end(), random);
    Pass(order, options.clusters, gazetteer_of, options.training_beam, &perceptron);
    if (held_out != nullptr) {
      EntityModel model = perceptron.Averaged(options.min_weight, options.min_count, e + 1, options.clusters, all);
      // A model trained with a beam is judged as it was trained, on raw scores.
      if (options.training_beam > 1) model.SetDecoding({options.training_beam, 0});
      f1->push_back(F1(model, *held_out));
      if (best != nullptr && (f1->size() == 1 || f1->back() > *std::max_element(f1->begin(), f1->end() - 1))) {
        *best = std::move(model);
      }
    }
  }
  return perceptron.Averaged(options.min_weight, options.min_count, epochs, options.clusters, all);
}

}  // namespace

EntityModel TrainEntityModel(const std::vector<LabeledDocument>& documents, const EntityTrainingOptions& options,
                             EntityTrainingReport* report) {
  std::vector<const LabeledDocument*> all;
  for (const LabeledDocument& d : documents) {
    all.push_back(&d);
    for (const TokenSentence& s : d.sentences) report->tokens += s.size();
  }
  int epochs = options.epochs;
  // With the passes fixed, a model trained with a beam is decoded as it was trained.
  report->decoding = options.training_beam > 1
                         ? EntityDecoding{options.beam_width > 1 ? options.beam_width : options.training_beam, 0}
                         : EntityDecoding{};
  if (epochs <= 0) {
    report->decoding = EntityDecoding{};
    // The passes are chosen on a tenth of the training documents held out (the last tenth,
    // so the choice does not depend on the seed), never on a set the model is reported on.
    const size_t fit = all.size() - all.size() / 10;
    const std::vector<const LabeledDocument*> fitting(all.begin(), all.begin() + static_cast<ptrdiff_t>(fit));
    const std::vector<const LabeledDocument*> held_out(all.begin() + static_cast<ptrdiff_t>(fit), all.end());
    EntityModel best;
    Train(fitting, options.max_epochs, options, &held_out, &report->held_out_f1, &best);
    epochs = 1 + static_cast<int>(std::max_element(report->held_out_f1.begin(), report->held_out_f1.end()) -
                                  report->held_out_f1.begin());
    // The decoding, on the same held-out tenth with the model of the chosen pass: greedy, or a
    // beam at each temperature; a beam must do strictly better to be chosen.
    best.SetDecoding(EntityDecoding{});
    double best_f1 = F1(best, held_out);
    report->held_out_decodings.emplace_back(EntityDecoding{}, best_f1);
    if (options.beam_width > 1) {
      for (float t : options.temperatures) {
        const EntityDecoding tried{options.beam_width, t};
        best.SetDecoding(tried);
        if (!(best.Decoding() == tried)) continue;  // not a valid decoding
        const double f1 = F1(best, held_out);
        report->held_out_decodings.emplace_back(tried, f1);
        if (f1 > best_f1) {
          best_f1 = f1;
          report->decoding = tried;
        }
      }
    }
  }
  report->epochs = epochs;
  EntityModel model = Train(all, epochs, options, nullptr, nullptr);
  model.SetDecoding(report->decoding);
  report->features = model.FeatureCount();
  return model;
}

}  // namespace storydesk::entities
