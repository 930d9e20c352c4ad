#include "storydesk/stories/story_model.h"

#include <gtest/gtest.h>

#include <cmath>

namespace storydesk::stories {
namespace {

StoryModel SampleModel() {
  StoryModel m;
  for (size_t k = 0; k < kStoryFeatureCount; ++k) m.join[k] = 0.5 * static_cast<double>(k) - 1;
  m.attach = {-1.25, 0.5, 0.75};
  return m;
}

TEST(StoryModelTest, FormatsAndParsesBack) {
  const StoryModel m = SampleModel();
  const std::string text = FormatStoryModel(m, {"a comment"});
  EXPECT_EQ(text.rfind("# storydesk story model v1\n# a comment\njoin\tbias=-1\t", 0), 0u) << text;
  const auto parsed = ParseStoryModel(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed.value().join, m.join);
  EXPECT_EQ(parsed.value().attach, m.attach);
}

TEST(StoryModelTest, FeaturesMayComeInAnyOrder) {
  std::string join = "join";
  for (size_t k = kStoryFeatureCount; k-- > 0;) join += "\t" + std::string(StoryFeatureName(k)) + "=1";
  const auto parsed =
      ParseStoryModel("# storydesk story model v1\n" + join + "\nattach\tmargin=3\tbest_logit=2\tbias=1\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed.value().attach[kAttachBias], 1);
  EXPECT_EQ(parsed.value().attach[kBestLogit], 2);
  EXPECT_EQ(parsed.value().attach[kMargin], 3);
}

TEST(StoryModelTest, RejectsMalformedModelsNamingTheLine) {
  const std::string header = "# storydesk story model v1\n";
  const std::string attach = "attach\tbias=0\tbest_logit=0\tmargin=0\n";
  struct Case {
    std::string text;
    const char* expected;
  };
  const Case cases[] = {
      {"", "line 1: empty"},
      {"# storydesk story model v2\n", "line 1: expected the header"},
      {header + attach, "missing"},
      {header + "join\tbias=1\n" + attach, "line 2: missing feature \"cosine_all\""},
      {header + "join\tbias=x\n" + attach, "line 2: the weight of \"bias\" is not a finite number"},
      {header + "join\tfoo=1\n" + attach, "line 2: unknown feature \"foo\""},
      {header + "join\tbias=1\tbias=2\n" + attach, "line 2: feature \"bias\" appears twice"},
      {header + "attach\tbias=0\tbest_logit=0\n", "line 2: missing feature \"margin\""},
      {header + attach + attach, "line 3: expected one \"join\" and one \"attach\" line"},
  };
  for (const auto& c : cases) {
    const auto parsed = ParseStoryModel(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidInput);
    EXPECT_NE(parsed.status().message().find(c.expected), std::string::npos)
        << "got: " << parsed.status().message() << "\nwanted: " << c.expected;
  }
}

TEST(StoryModelTest, AttachFeaturesClipLogitsAndTreatAMissingRunnerUpAsTheFloor) {
  const AttachFeatureVector alone = ComputeAttachFeatures(2.0, std::nullopt);
  EXPECT_EQ(alone[kAttachBias], 1.0);
  EXPECT_EQ(alone[kBestLogit], 2.0);
  EXPECT_EQ(alone[kMargin], 2.0 + kLogitLimit);
  const AttachFeatureVector clipped = ComputeAttachFeatures(50.0, -50.0);
  EXPECT_EQ(clipped[kBestLogit], kLogitLimit);
  EXPECT_EQ(clipped[kMargin], 2 * kLogitLimit);
}

// Candidates whose first feature after the bias separates right from wrong.
TrainingArticle Article(double right, double wrong, bool has_gold) {
  TrainingArticle a;
  StoryFeatureVector good{}, bad{};
  good[kBias] = bad[kBias] = 1;
  good[kCosineAll] = right;
  bad[kCosineAll] = wrong;
  a.candidates = {bad, good};
  if (has_gold) a.gold = 1;
  return a;
}

TEST(StoryModelTest, TrainingLearnsToPreferTheSimilarStoryAndToOpenNewOnes) {
  std::vector<TrainingArticle> articles;
  for (int i = 0; i < 50; ++i) {
    articles.push_back(Article(0.6 + 0.005 * i, 0.1, true));    // its story is among the candidates
    articles.push_back(Article(0.15, 0.1 + 0.002 * i, false));  // its story is new
  }
  articles.push_back(TrainingArticle{});  // no candidates: no attach example
  const StoryModelTraining t = TrainStoryModel(articles, 0.1);
  EXPECT_EQ(t.join_examples, 200u);
  EXPECT_EQ(t.attach_examples, 100u);
  EXPECT_GT(t.model.join[kCosineAll], 0);

  StoryFeatureVector close{}, far{};
  close[kBias] = far[kBias] = 1;
  close[kCosineAll] = 0.7;
  far[kCosineAll] = 0.12;
  const double close_logit = t.model.JoinLogit(close);
  const double far_logit = t.model.JoinLogit(far);
  EXPECT_GT(close_logit, far_logit);
  EXPECT_GT(t.model.AttachProbability(ComputeAttachFeatures(close_logit, far_logit)), 0.5);
  EXPECT_LT(t.model.AttachProbability(ComputeAttachFeatures(far_logit, std::nullopt)), 0.5);
}

}  // namespace
}  // namespace storydesk::stories
