// EntityModel: finds the names of people, organisations, places and other named things
// (CoNLL-2003's PER, ORG, LOC, MISC) in tokenised sentences.
//
// A left-to-right tagger: each token gets one of 17 BILOU labels that may follow the label
// before it (a name's Begin, Inside, Last, or a one-token Unit, of each type;
// or O), scored by a linear model over the features of core/entities/token_features.h —
// among them the labels just given and the types the same document gave the word before.
// Trained as an averaged perceptron (Collins 2002; Freund & Schapire 1999) on the tagger's own
// earlier labels, so it learns to recover from its mistakes as it will have to: by default
// with a beam of label histories and early update (Collins & Roark 2004), the whole history
// rewarded or penalised as soon as the gold one falls out of the beam. Decoding is greedy (the
// best label at each token), or a beam scored by the sum of raw scores (as the beam was
// trained) or of each token's log-probabilities at a temperature; the decoding is chosen on
// held-out training documents (EntityDecoding).
//
// The model file: the versioned header, comment lines saying how it was trained, the word
// clusters its features use, one "@<TAB>word<TAB>path" line each, the gazetteer's phrases, one
// "%<TAB>CATEGORY<TAB>lower-cased tokens joined by spaces" line each, then one line per feature
// with its non-zero weights: "w=germany<TAB>U-LOC=2.31<TAB>B-ORG=-0.4". Features name the
// text they test, so a decision can be explained by reading the lines it used. A line
// "!<TAB>beam=8<TAB>temperature=30" sets the decoding (greedy without one; temperature 0: raw sums).
// Parse/ToText/Tag are thread-safe on a const model (Tag uses per-call scratch).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/entities/entity_span.h"
#include "storydesk/entities/gazetteer.h"
#include "storydesk/entities/word_clusters.h"
#include "storydesk/status.h"

namespace storydesk::entities {

// A sentence: its tokens as written (no whitespace inside a token).
using TokenSentence = std::vector<std::string>;

inline constexpr std::string_view kEntityModelHeader = "# storydesk entity model v1";

// How the tagger chooses a sentence's labels: greedily (beam 1), or the best of `beam` label
// histories, each token's scores divided by `temperature` and turned into log-probabilities —
// or, at temperature 0, the raw scores summed (as a model trained with a beam was trained).
struct EntityDecoding {
  static constexpr size_t kMaxBeam = 64;
  size_t beam = 1;
  float temperature = 1;
  bool operator==(const EntityDecoding&) const = default;
};

class EntityModel {
 public:
  EntityModel();
  ~EntityModel();
  EntityModel(EntityModel&&) noexcept;
  EntityModel& operator=(EntityModel&&) noexcept;

  // Reads a model file. Errors (kInvalidInput) name the line: "line 7: …".
  static Result<EntityModel> Parse(std::string_view text);
  // The model file; `comments` (without '#') are written after the header.
  std::string ToText(const std::vector<std::string>& comments = {}) const;

  // The names in each sentence of `document`, in order. A whole document rather than one
  // sentence: a name tagged in an earlier sentence is evidence in later ones, and a name of
  // several tokens tagged once is tagged wherever it recurs (core/entities/name_consistency.h).
  std::vector<std::vector<EntitySpan>> Tag(const std::vector<TokenSentence>& document) const;

  size_t FeatureCount() const;
  const EntityDecoding& Decoding() const;
  // Sets the decoding (beam 1 to kMaxBeam, a finite temperature >= 0; anything else is ignored).
  void SetDecoding(const EntityDecoding& decoding);
  const WordClusters& Clusters() const;
  const Gazetteer& KnownNames() const;

 private:
  friend class EntityModelBuilder;
  struct Weights;
  std::unique_ptr<Weights> weights_;
};

// A document with its gold names, for training and scoring.
struct LabeledDocument {
  std::vector<TokenSentence> sentences;
  std::vector<std::vector<EntitySpan>> names;  // per sentence
};

struct EntityTrainingOptions {
  // Passes over the training documents; 0: chosen by training on the first nine tenths of the
  // documents and scoring the last tenth after each pass (the best of 1..max_epochs), then
  // training on all of them for that many passes.
  int epochs = 0;
  int max_epochs = 12;
  uint64_t seed = 1;  // the order of documents in each pass
  // Weights smaller than this (after averaging) are left out of the model: they change almost
  // no decision and make most of the file.
  double min_weight = 0.01;
  // Word clusters learned from unlabelled text (word_clusters.h), kept in the model; null: none.
  const WordClusters* clusters = nullptr;
  // Lists of names from outside the training text (gazetteer.h), kept in the model; null: none.
  const Gazetteer* gazetteer = nullptr;
  // Also list the training documents' own names, under their type ("PER"…). A document is
  // trained on with the names of the other folds only (documents split by their index into
  // `name_folds`), so the model learns how far a listing is to be trusted for a name it has not
  // seen rather than that every listed name is right; the model keeps the names of all.
  bool list_training_names = true;
  size_t name_folds = 5;
  // Features that fire on fewer training tokens than this are left out too: a word seen once
  // says little about words never seen, and such features are half of them.
  int min_count = 2;
  // When the passes are chosen on the held-out tenth, the decoding is too: greedy, or a beam
  // of `beam_width` at the temperature of `temperatures` that scores best there (greedy on a
  // tie). With a fixed number of passes the model decodes greedily if trained greedily, else
  // with a beam of `beam_width` on raw scores.
  size_t beam_width = 8;
  std::vector<float> temperatures = {0, 5, 10, 15, 20, 30, 40, 50};
  // Training: 1 trains on the greedy decoder's own decisions, more on a beam of that many
  // histories with early update (the temperatures should then include 0, which sums raw scores
  // as the training did). 16 was chosen on the held-out tenth (4: 0.8799, 8: 0.8764, 16:
  // 0.8897, 32: 0.8802; greedy training 0.8713).
  size_t training_beam = 16;
};

struct EntityTrainingReport {
  int epochs = 0;                   // passes made on all documents
  std::vector<double> held_out_f1;  // per pass, when the passes were chosen
  // Per decoding tried on the held-out tenth (greedy first), with its F1, when chosen.
  std::vector<std::pair<EntityDecoding, double>> held_out_decodings;
  EntityDecoding decoding;  // the model's
  size_t features = 0;      // in the model
  size_t tokens = 0;        // of the training documents
};

EntityModel TrainEntityModel(const std::vector<LabeledDocument>& documents, const EntityTrainingOptions& options,
                             EntityTrainingReport* report);

// Exact-match scores (span and type both right), micro-averaged, as conlleval counts them.
struct EntityScores {
  size_t gold = 0, predicted = 0, correct = 0;
  double Precision() const {
    return predicted == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(predicted);
  }
  double Recall() const { return gold == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(gold); }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};
// Scores one sentence's names and adds them to `scores` (overall) and `by_type` (per type).
void ScoreSentence(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted, EntityScores* scores,
                   std::array<EntityScores, kEntityTypes>* by_type = nullptr);

}  // namespace storydesk::entities
