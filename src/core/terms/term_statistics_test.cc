#include "core/terms/term_statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

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

}  // namespace
}  // namespace storydesk::terms
