#include "core/entities/greedy_decoder.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

namespace storydesk::entities {
namespace {

// A made-up scorer: the word's features (w=…) and the label history's (t-1=…) each add to
// some labels. Built so that greedy decoding commits too early: "Korean" after "North" looks
// a little more like the inside of a longer place than its end, and an inside label forces
// the next word on into the name, however badly it scores there.
void Score(const FeatureSet& features, float* scores) {
  const int b_misc = LabelOf(EntityType::kMisc, Part::kBegin);
  const int b_loc = LabelOf(EntityType::kLocation, Part::kBegin);
  const int i_loc = LabelOf(EntityType::kLocation, Part::kInside);
  const int l_loc = LabelOf(EntityType::kLocation, Part::kLast);
  const int l_misc = LabelOf(EntityType::kMisc, Part::kLast);
  for (const std::string& name : features.Names()) {
    if (name == "w=north") {
      scores[b_loc] += 2.0f;
      scores[b_misc] += 1.9f;
    } else if (name == "w=korean") {
      scores[i_loc] += 1.0f;
      scores[l_loc] += 0.9f;
      scores[l_misc] += 0.95f;
    } else if (name == "w=leader") {
      scores[kOutside] += 5.0f;
    }
  }
}

TEST(GreedyDecoderTest, ABeamTakesBackAnEarlyCommitmentThatGreedyCannot) {
  const TokenSentence sentence = {"North", "Korean", "leader"};
  GreedyDecoder greedy(nullptr, nullptr, /*keep_names=*/true);
  const std::vector<int> g = greedy.Decode(sentence, Score);
  EXPECT_EQ(g[1], LabelOf(EntityType::kLocation, Part::kInside));
  EXPECT_EQ(g[2], LabelOf(EntityType::kLocation, Part::kLast)) << "forced on into the name";

  GreedyDecoder beam(nullptr, nullptr, /*keep_names=*/true);
  const std::vector<int> b = beam.DecodeBeam(sentence, Score, 8, 1.0f);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[2], kOutside) << "'leader' is no part of the name";
  EXPECT_EQ(PartOf(b[1]), Part::kLast);
  EXPECT_EQ(PartOf(b[0]), Part::kBegin);
  EXPECT_EQ(TypeOf(b[0]), TypeOf(b[1]));
}

TEST(GreedyDecoderTest, RawScoresAtTemperatureZeroAlsoTakeBackTheCommitment) {
  GreedyDecoder beam(nullptr, nullptr, /*keep_names=*/true);
  const std::vector<int> b = beam.DecodeBeam({"North", "Korean", "leader"}, Score, 8, 0.0f);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[2], kOutside);
  EXPECT_EQ(PartOf(b[1]), Part::kLast);
}

// Weights kept as a table (feature name, label) -> weight, updated by TrainBeam.
struct TableModel {
  std::map<std::pair<std::string, int>, float> weights;
  int ticks = 0;
  void Score(const FeatureSet& features, float* scores) const {
    for (const std::string& name : features.Names()) {
      for (int l = 0; l < static_cast<int>(kLabels); ++l) {
        const auto it = weights.find({name, l});
        if (it != weights.end()) scores[l] += it->second;
      }
    }
  }
};

TEST(GreedyDecoderTest, BeamTrainingUpdatesWhereTheGoldHistoryLeavesTheBeamAndStopsThere) {
  // Every word is first scored Outside; the gold history (a place, "North Korea", then
  // Outside) falls out of a beam of 1 at the first word, so only that word is updated.
  TableModel model;
  const TokenSentence sentence = {"North", "Korea", "said", "so"};
  const int b_loc = LabelOf(EntityType::kLocation, Part::kBegin);
  const int l_loc = LabelOf(EntityType::kLocation, Part::kLast);
  const std::vector<int> gold = {b_loc, l_loc, kOutside, kOutside};
  for (const char* w : {"north", "korea", "said", "so"}) model.weights[{std::string("w=") + w, kOutside}] = 1.0f;
  std::map<std::pair<std::string, int>, int> added;
  GreedyDecoder decoder(nullptr, nullptr, /*keep_names=*/true);
  const bool updated = decoder.TrainBeam(
      sentence, gold, [&](const FeatureSet& f, float* scores) { model.Score(f, scores); }, 1,
      [&](const FeatureSet& f, int label, int delta) {
        for (const std::string& name : f.Names()) added[{name, label}] += delta;
      },
      [&] { ++model.ticks; });
  EXPECT_TRUE(updated);
  EXPECT_EQ(model.ticks, 1) << "the rest of the sentence is skipped";
  EXPECT_EQ((added[{"w=north", b_loc}]), 1);
  EXPECT_EQ((added[{"w=north", kOutside}]), -1);
  EXPECT_EQ((added.count({"w=korea", l_loc})), 0u) << "nothing past the point the search lost the gold history";

  // Once the gold history scores best all along, nothing is updated and every word is decoded.
  model.weights[{"w=north", b_loc}] = 3.0f;
  model.weights[{"w=korea", l_loc}] = 3.0f;
  added.clear();
  model.ticks = 0;
  GreedyDecoder again(nullptr, nullptr, /*keep_names=*/true);
  EXPECT_FALSE(again.TrainBeam(
      sentence, gold, [&](const FeatureSet& f, float* scores) { model.Score(f, scores); }, 4,
      [&](const FeatureSet& f, int label, int delta) {
        for (const std::string& name : f.Names()) added[{name, label}] += delta;
      },
      [&] { ++model.ticks; }));
  EXPECT_EQ(model.ticks, 4);
  EXPECT_TRUE(added.empty());
}

TEST(GreedyDecoderTest, AnEmptySentenceHasNoLabels) {
  GreedyDecoder beam(nullptr);
  EXPECT_TRUE(beam.DecodeBeam(TokenSentence{}, Score, 8, 1.0f).empty());
}

}  // namespace
}  // namespace storydesk::entities
