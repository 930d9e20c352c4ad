#include "storydesk/eval/extraction_score.h"

#include <gtest/gtest.h>

namespace storydesk::eval {
namespace {

TEST(ExtractionScoreTest, ScoresAPageByItsWordFourGrams) {
  struct Case {
    const char* truth;
    const char* prediction;
    double precision, recall;
  };
  const Case cases[] = {
      // Identical bodies; punctuation and spacing are not words.
      {"The council voted on Tuesday.", "The  council voted, on Tuesday!", 1.0, 1.0},
      // Seven tokens, four shingles; the prediction adds a menu of three words before them:
      // three shingles that are not body (precision 4/7), the whole body found.
      {"one two three four five six seven", "home news sport one two three four five six seven", 4.0 / 7, 1.0},
      // Half the body: shingles 1-2 of the truth's 4 (recall 2/4), nothing extra.
      {"one two three four five six seven", "one two three four five", 1.0, 2.0 / 4},
      // Nothing in common, and nothing at all.
      {"one two three four", "five six seven eight", 0.0, 0.0},
      {"one two three four", "", 0.0, 0.0},
      {"", "", 1.0, 1.0},
      // Shorter than four tokens: one shingle of all of them.
      {"breaking news", "breaking news", 1.0, 1.0},
      {"breaking news", "breaking", 0.0, 0.0},
      // Case matters (the benchmark does not fold it); letters of any script are words.
      {"Séoul a voté mardi soir", "séoul a voté mardi soir", 0.5, 0.5},
      // Repeats count: the body says a line twice, the prediction once.
      {"a b c d a b c d", "a b c d", 1.0, 1.0 / 5},
  };
  for (const Case& c : cases) {
    const ExtractionPageScore s = ScoreExtraction(c.truth, c.prediction);
    EXPECT_NEAR(s.precision, c.precision, 1e-9) << c.truth << " | " << c.prediction;
    EXPECT_NEAR(s.recall, c.recall, 1e-9) << c.truth << " | " << c.prediction;
  }
}

TEST(ExtractionScoreTest, AveragesPagesThenTakesTheF1OfTheMeans) {
  ExtractionScore total;
  EXPECT_EQ(total.F1(), 0.0);
  total.Add({1.0, 0.5});
  total.Add({0.5, 0.5});
  EXPECT_EQ(total.pages, 2u);
  EXPECT_DOUBLE_EQ(total.Precision(), 0.75);
  EXPECT_DOUBLE_EQ(total.Recall(), 0.5);
  EXPECT_DOUBLE_EQ(total.F1(), 2 * 0.75 * 0.5 / 1.25);
}

}  // namespace
}  // namespace storydesk::eval
