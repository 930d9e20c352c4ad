#include "storydesk/entities/gazetteer.h"

#include <gtest/gtest.h>

namespace storydesk::entities {
namespace {

using Matches = std::vector<std::vector<std::string>>;

TEST(GazetteerTest, MarksEachCoveredTokensPlaceInEveryListedPhrase) {
  Gazetteer g;
  ASSERT_TRUE(g.Add({"New", "York"}, "LOC"));
  ASSERT_TRUE(g.Add({"New", "York", "Stock", "Exchange"}, "ORG"));
  ASSERT_TRUE(g.Add({"York"}, "LOC"));
  ASSERT_TRUE(g.Add({"NEW", "york"}, "wn-location"));  // case is ignored: one phrase, two lists
  const Matches m = g.Match({"the", "new", "york", "stock", "exchange"});
  EXPECT_EQ(m[0], std::vector<std::string>{});
  EXPECT_EQ(m[1], (std::vector<std::string>{"LOC-B", "wn-location-B", "ORG-B"}));
  EXPECT_EQ(m[2], (std::vector<std::string>{"LOC-L", "wn-location-L", "ORG-I", "LOC-U"}));
  EXPECT_EQ(m[3], std::vector<std::string>{"ORG-I"});
  EXPECT_EQ(m[4], std::vector<std::string>{"ORG-L"});
  EXPECT_EQ(g.Size(), 3u);
}

TEST(GazetteerTest, RefusesWhatCouldNotBeWrittenBack) {
  Gazetteer g;
  EXPECT_FALSE(g.Add({}, "LOC"));
  EXPECT_FALSE(g.Add({"a", "b", "c", "d", "e", "f", "g"}, "LOC")) << "longer than kMaxPhraseTokens";
  EXPECT_FALSE(g.Add({"Kim"}, ""));
  EXPECT_FALSE(g.Add({"Kim"}, "P ER"));
  EXPECT_FALSE(g.Add({"Kim Jong"}, "PER"));
  EXPECT_FALSE(g.Add({"Ki\nm"}, "PER"));
  for (size_t c = 0; c < Gazetteer::kMaxCategories; ++c) {
    std::string category = std::to_string(c);
    category += "c";  // (the other way round, g++ 12 warns falsely of overlapping copies)
    EXPECT_TRUE(g.Add({"x"}, category));
  }
  EXPECT_FALSE(g.Add({"x"}, "one-too-many"));
  EXPECT_TRUE(g.Add({"y"}, "0c"));
  EXPECT_EQ(g.Size(), 2u);
}

TEST(GazetteerTest, MergesAndListsEntriesSorted) {
  Gazetteer a, b;
  ASSERT_TRUE(a.Add({"Seoul"}, "LOC"));
  ASSERT_TRUE(b.Add({"Sung", "Kim"}, "PER"));
  ASSERT_TRUE(b.Add({"Seoul"}, "wn-location"));
  a.Merge(b);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"LOC", "seoul"}, {"PER", "sung kim"}, {"wn-location", "seoul"}};
  EXPECT_EQ(a.Entries(), expected);
  EXPECT_TRUE(Gazetteer().Match({"a", "b"}) == Matches(2));
}

}  // namespace
}  // namespace storydesk::entities
