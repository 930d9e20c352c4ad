#include "storydesk/text/stemmer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace storydesk::text {
namespace {

struct StemCase {
  std::string word;
  std::string stem;
};

TEST(StemmerTest, Table) {
  const StemCase cases[] = {
      {"talks", "talk"},
      {"talked", "talk"},
      {"talking", "talk"},
      {"exercises", "exercis"},
      {"exercise", "exercis"},
      {"denuclearisation", "denuclearis"},
      {"military", "militari"},
      {"countries", "countri"},
      {"korea's", "korea"},  // possessives go
      {"kim", "kim"},
      {"u.s.", "u.s."},  // untouched forms come back unchanged
      {"1,200", "1,200"},
      {"caf\u00E9s", "caf\u00E9"},  // UTF-8 in, UTF-8 out
      {"", ""},
  };
  Stemmer stemmer;
  for (const auto& c : cases) {
    EXPECT_EQ(stemmer.Stem(c.word), c.stem) << c.word;
  }
}

TEST(StemmerTest, ResultSurvivesTheNextCall) {
  Stemmer stemmer;
  const std::string first = stemmer.Stem("negotiations");
  const std::string second = stemmer.Stem("sanctions");
  EXPECT_EQ(first, "negoti");
  EXPECT_EQ(second, "sanction");
}

TEST(StemmerTest, MovesKeepWorking) {
  Stemmer a;
  Stemmer b(std::move(a));
  EXPECT_EQ(b.Stem("meetings"), "meet");
  Stemmer c;
  c = std::move(b);
  EXPECT_EQ(c.Stem("visited"), "visit");
  // A moved-from stemmer is still safe to call: words come back unstemmed.
  EXPECT_EQ(a.Stem("talks"), "talks");  // NOLINT(bugprone-use-after-move): tested on purpose
}

}  // namespace
}  // namespace storydesk::text
