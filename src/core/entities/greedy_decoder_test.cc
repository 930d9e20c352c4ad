#include "core/entities/greedy_decoder.h"

#include <gtest/gtest.h>

#include <string>

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

TEST(GreedyDecoderTest, AnEmptySentenceHasNoLabels) {
  GreedyDecoder beam(nullptr);
  EXPECT_TRUE(beam.DecodeBeam(TokenSentence{}, Score, 8, 1.0f).empty());
}

}  // namespace
}  // namespace storydesk::entities
