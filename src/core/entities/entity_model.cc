#include "storydesk/entities/entity_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "core/entities/bilou.h"
#include "core/entities/entity_model_builder.h"
#include "core/entities/feature_rows.h"
#include "core/entities/greedy_decoder.h"
#include "core/entities/name_consistency.h"
#include "core/entities/token_features.h"
#include "storydesk/learning/model_text.h"

namespace storydesk::entities {

struct EntityModel::Weights {
  FeatureRows row_of;              // feature hash → row
  std::vector<std::string> names;  // per row
  std::vector<float> weights;      // kLabels per row
  WordClusters clusters;
  Gazetteer gazetteer;
  EntityDecoding decoding;
};

EntityModel::EntityModel() : weights_(std::make_unique<Weights>()) {}
EntityModel::~EntityModel() = default;
EntityModel::EntityModel(EntityModel&&) noexcept = default;
EntityModel& EntityModel::operator=(EntityModel&&) noexcept = default;

size_t EntityModel::FeatureCount() const { return weights_->names.size(); }
const EntityDecoding& EntityModel::Decoding() const { return weights_->decoding; }

void EntityModel::SetDecoding(const EntityDecoding& decoding) {
  if (decoding.beam < 1 || decoding.beam > EntityDecoding::kMaxBeam || !std::isfinite(decoding.temperature) ||
      !(decoding.temperature >= 0)) {
    return;
  }
  weights_->decoding = decoding;
}
const WordClusters& EntityModel::Clusters() const { return weights_->clusters; }
const Gazetteer& EntityModel::KnownNames() const { return weights_->gazetteer; }

WordClusters& EntityModelBuilder::Clusters(EntityModel* model) { return model->weights_->clusters; }
Gazetteer& EntityModelBuilder::KnownNames(EntityModel* model) { return model->weights_->gazetteer; }

bool EntityModelBuilder::AddRow(EntityModel* model, std::string name, const std::array<float, kLabels>& row) {
  EntityModel::Weights& w = *model->weights_;
  const auto next = static_cast<uint32_t>(w.names.size());
  if (w.row_of.Insert(FeatureHash(name), next) != next) return false;
  w.names.push_back(std::move(name));
  w.weights.insert(w.weights.end(), row.begin(), row.end());
  return true;
}

namespace {

// Tokens hold no whitespace or control characters, so neither do the words and feature names
// of a model made from them; one that does could not be written back as it was read (a
// trailing carriage return is taken for a line end).
bool HasControlCharacter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

}  // namespace

Result<EntityModel> EntityModel::Parse(std::string_view text) {
  EntityModel model;
  size_t lines = 0;
  Status parsed = learning::ForEachModelLine(
      text, kEntityModelHeader,
      [&](size_t number, std::string_view line) {
        const std::vector<std::string_view> fields = learning::SplitTabs(line);
        if (fields[0] == "@") {
          // A word's cluster: "@", the word, its path of 0s and 1s.
          if (fields.size() != 3 || fields[1].empty() || fields[2].find_first_not_of("01") != std::string_view::npos) {
            return learning::ModelLineError(number, "expected @<TAB>WORD<TAB>PATH of 0s and 1s");
          }
          if (HasControlCharacter(fields[1])) return learning::ModelLineError(number, "a control character in a word");
          if (!model.Clusters().Path(fields[1]).empty() || fields[2].empty()) {
            if (fields[2].empty()) return learning::ModelLineError(number, "empty cluster path");
            return learning::ModelLineError(number, "the cluster of \"" + std::string(fields[1]) + "\" appears twice");
          }
          EntityModelBuilder::Clusters(&model).Set(std::string(fields[1]), std::string(fields[2]));
          return Status::Ok();
        }
        if (fields[0] == "!") {
          // The decoding: "!", "beam=N", "temperature=T".
          auto number_after = [](std::string_view field, std::string_view key, double* value) {
            if (field.substr(0, key.size()) != key) return false;
            const std::string digits(field.substr(key.size()));
            char* end = nullptr;
            *value = std::strtod(digits.c_str(), &end);
            return !digits.empty() && end == digits.c_str() + digits.size() && std::isfinite(*value);
          };
          double beam = 0, temperature = 0;
          if (fields.size() != 3 || !number_after(fields[1], "beam=", &beam) ||
              !number_after(fields[2], "temperature=", &temperature) || beam < 1 ||
              beam > static_cast<double>(EntityDecoding::kMaxBeam) || beam != std::floor(beam) || !(temperature >= 0) ||
              temperature > 1e6) {
            return learning::ModelLineError(number, "expected !<TAB>beam=N (1 to " +
                                                        std::to_string(EntityDecoding::kMaxBeam) +
                                                        ")<TAB>temperature=T (a number >= 0)");
          }
          model.SetDecoding({static_cast<size_t>(beam), static_cast<float>(temperature)});
          return Status::Ok();
        }
        if (fields[0] == "%") {
          // A listed name: "%", its category, its lower-cased tokens joined by spaces.
          if (fields.size() != 3) return learning::ModelLineError(number, "expected %<TAB>CATEGORY<TAB>PHRASE");
          std::vector<std::string> tokens;
          size_t start = 0;
          while (start <= fields[2].size()) {
            const size_t space = std::min(fields[2].find(' ', start), fields[2].size());
            tokens.emplace_back(fields[2].substr(start, space - start));
            start = space + 1;
          }
          if (!EntityModelBuilder::KnownNames(&model).Add(tokens, fields[1])) {
            return learning::ModelLineError(
                number, "a listed name must be 1 to " + std::to_string(Gazetteer::kMaxPhraseTokens) +
                            " tokens split by single spaces, its category one word, and at most " +
                            std::to_string(Gazetteer::kMaxCategories) + " categories");
          }
          return Status::Ok();
        }
        if (fields[0].empty()) return learning::ModelLineError(number, "empty feature name");
        if (HasControlCharacter(fields[0]))
          return learning::ModelLineError(number, "a control character in a feature name");
        std::array<float, kLabels> row{};
        for (size_t i = 1; i < fields.size(); ++i) {
          const size_t eq = fields[i].find('=');
          const int label = eq == std::string_view::npos ? kNoLabel : LabelFromName(fields[i].substr(0, eq));
          if (label == kNoLabel) {
            return learning::ModelLineError(
                number, "expected LABEL=WEIGHT with a BILOU label, got \"" + std::string(fields[i]) + "\"");
          }
          const std::string value(fields[i].substr(eq + 1));
          char* end = nullptr;
          const double w = std::strtod(value.c_str(), &end);
          if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(w) || std::fabs(w) > 1e30) {
            return learning::ModelLineError(number, "the weight of " + LabelName(label) + " is not a finite number");
          }
          row[static_cast<size_t>(label)] = static_cast<float>(w);
        }
        if (!EntityModelBuilder::AddRow(&model, std::string(fields[0]), row)) {
          return learning::ModelLineError(number, "feature \"" + std::string(fields[0]) + "\" appears twice");
        }
        return Status::Ok();
      },
      &lines);
  if (!parsed.ok()) return parsed;
  return model;
}

std::string EntityModel::ToText(const std::vector<std::string>& comments) const {
  std::string out(kEntityModelHeader);
  out += '\n';
  for (const std::string& c : comments) {
    out += "# ";
    out += c;
    out += '\n';
  }
  if (weights_->decoding.beam > 1) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "!\tbeam=%zu\ttemperature=%.9g\n", weights_->decoding.beam,
                  static_cast<double>(weights_->decoding.temperature));
    out += buffer;
  }
  for (const auto& [word, path] : weights_->clusters.Entries()) {
    out += "@\t";
    out += word;
    out += '\t';
    out += path;
    out += '\n';
  }
  for (const auto& [category, phrase] : weights_->gazetteer.Entries()) {
    out += "%\t";
    out += category;
    out += '\t';
    out += phrase;
    out += '\n';
  }
  // Sorted by name, so a retrained model differs from the last one only where it changed.
  std::vector<uint32_t> order(weights_->names.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [this](uint32_t a, uint32_t b) { return weights_->names[a] < weights_->names[b]; });
  for (uint32_t row : order) {
    out += weights_->names[row];
    for (size_t label = 0; label < kLabels; ++label) {
      const float w = weights_->weights[row * kLabels + label];
      if (w == 0) continue;
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "=%.4g", static_cast<double>(w));
      out += '\t';
      out += LabelName(static_cast<int>(label));
      out += buffer;
    }
    out += '\n';
  }
  return out;
}

std::vector<std::vector<EntitySpan>> EntityModel::Tag(const std::vector<TokenSentence>& document) const {
  const Weights& w = *weights_;
  GreedyDecoder decoder(w.clusters.WordCount() > 0 ? &w.clusters : nullptr,
                        w.gazetteer.Empty() ? nullptr : &w.gazetteer);
  std::vector<std::vector<EntitySpan>> names;
  names.reserve(document.size());
  for (const TokenSentence& sentence : document) {
    const auto score = [&w](const FeatureSet& features, float* scores) {
      for (uint64_t h : features.Hashes()) {
        const uint32_t r = w.row_of.Find(h);
        if (r == FeatureRows::kNone) continue;
        const float* row = &w.weights[static_cast<size_t>(r) * kLabels];
        for (size_t l = 0; l < kLabels; ++l) scores[l] += row[l];
      }
    };
    const std::vector<int> labels = w.decoding.beam <= 1
                                        ? decoder.Decode(sentence, score)
                                        : decoder.DecodeBeam(sentence, score, w.decoding.beam, w.decoding.temperature);
    names.push_back(SpansOf(labels));
  }
  MakeConsistent(document, &names);
  return names;
}

void ScoreSentence(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted, EntityScores* scores,
                   std::array<EntityScores, kEntityTypes>* by_type) {
  auto count = [&](EntityType type, size_t EntityScores::*field) {
    ++(scores->*field);
    if (by_type != nullptr) ++((*by_type)[static_cast<size_t>(type)].*field);
  };
  for (const EntitySpan& g : gold) count(g.type, &EntityScores::gold);
  for (const EntitySpan& p : predicted) {
    count(p.type, &EntityScores::predicted);
    if (std::find(gold.begin(), gold.end(), p) != gold.end()) count(p.type, &EntityScores::correct);
  }
}

}  // namespace storydesk::entities
