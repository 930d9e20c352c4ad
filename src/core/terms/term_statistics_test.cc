#include "storydesk/terms/term_statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace storydesk::terms {
namespace {

TEST(TermStatisticsTest, InternGivesDenseStableIds) {
  TermStatistics s;
  EXPECT_EQ(s.Intern("bridg"), 0u);
  EXPECT_EQ(s.Intern("n:ruiz"), 1u);
  EXPECT_EQ(s.Intern("bridg"), 0u);
  EXPECT_EQ(s.Intern(""), 2u);
  EXPECT_EQ(s.Term(1), "n:ruiz");
  EXPECT_EQ(s.Size(), 3u);
}

// Far past the table's first size: every term keeps its id through the growth.
TEST(TermStatisticsTest, ManyTermsKeepTheirIds) {
  TermStatistics s;
  for (int i = 0; i < 50000; ++i) ASSERT_EQ(s.Intern("term" + std::to_string(i)), static_cast<TermId>(i));
  for (int i = 0; i < 50000; ++i) ASSERT_EQ(s.Intern("term" + std::to_string(i)), static_cast<TermId>(i));
  EXPECT_EQ(s.Size(), 50000u);
  EXPECT_EQ(s.Term(12345), "term12345");
}

TEST(TermStatisticsTest, IdfIsSmoothed) {
  TermStatistics s;
  const TermId a = s.Intern("a");
  const TermId b = s.Intern("b");
  s.AddDocument({a});
  s.AddDocument({a, b});
  EXPECT_DOUBLE_EQ(s.Idf(a), std::log(3.0 / 3.0) + 1.0);
  EXPECT_DOUBLE_EQ(s.Idf(b), std::log(3.0 / 2.0) + 1.0);
  s.AddCounts(0, "b", 1);
  EXPECT_EQ(s.DocumentFrequency(b), 2);
}

// Forgetting: unmarked terms go, their ids are handed out again lowest first, the marked and
// the background's stay with their ids and counts, and lookups still find every known term
// after the table is rebuilt.
TEST(TermStatisticsTest, ForgetFreesUnmarkedTermsAndReusesTheirIds) {
  TermStatistics s;
  s.AddCounts(100, "background", 40);  // kept always
  for (int i = 0; i < 2000; ++i) s.Intern("term" + std::to_string(i));
  const TermId kept = s.Intern("term7");
  s.AddDocument({kept});
  std::vector<bool> in_use(s.IdBound(), false);
  in_use[kept] = true;
  EXPECT_EQ(s.Forget(in_use), 1999u);
  EXPECT_EQ(s.Size(), 2u);
  EXPECT_EQ(s.IdBound(), 2001u);
  EXPECT_EQ(s.Intern("term7"), kept);
  EXPECT_EQ(s.DocumentFrequency(kept), 1);
  EXPECT_EQ(s.Intern("background"), 0u);
  EXPECT_EQ(s.DocumentFrequency(0), 40);
  // New terms take the freed ids, lowest first, and the ids stay below the old bound.
  EXPECT_EQ(s.Intern("new0"), 1u);
  EXPECT_EQ(s.Intern("new1"), 2u);
  EXPECT_EQ(s.Term(1), "new0");
  for (int i = 0; i < 1990; ++i) ASSERT_LT(s.Intern("more" + std::to_string(i)), 2001u);
  EXPECT_EQ(s.Intern("new0"), 1u);
  EXPECT_EQ(s.IdBound(), 2001u);
}

// A forgotten term that comes back starts from an upper bound of its old document frequency,
// not from zero: its IDF is never the "unseen" maximum it had lost.
TEST(TermStatisticsTest, AComebackStartsFromItsForgottenFrequency) {
  TermStatistics s;
  const TermId common = s.Intern("storm");
  const TermId rare = s.Intern("typhoon");
  for (int i = 0; i < 30; ++i) s.AddDocument({common});
  for (int i = 0; i < 3; ++i) s.AddDocument({rare});
  EXPECT_EQ(s.Forget({}), 2u);
  EXPECT_EQ(s.Size(), 0u);
  const TermId again = s.Intern("typhoon");
  EXPECT_GE(s.DocumentFrequency(again), 3);
  EXPECT_LT(s.DocumentFrequency(again), 30);  // a collision with "storm" in all four rows is unlikely
  EXPECT_EQ(s.DocumentFrequency(s.Intern("storm")), 30);
  EXPECT_EQ(s.DocumentFrequency(s.Intern("never seen")), 0);
}

// Store counts loaded as not kept always are forgotten like the stream's own.
TEST(TermStatisticsTest, StreamCountsFromAStoreAreForgettable) {
  TermStatistics s;
  s.AddCounts(0, "background", 5, /*kept_always=*/true);
  s.AddCounts(10, "stream", 2, /*kept_always=*/false);
  EXPECT_EQ(s.Forget({}), 1u);
  EXPECT_EQ(s.Intern("background"), 0u);
  EXPECT_EQ(s.DocumentFrequency(s.Intern("stream")), 2);
}

}  // namespace
}  // namespace storydesk::terms
