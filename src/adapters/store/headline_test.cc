#include "adapters/store/headline.h"

#include <gtest/gtest.h>

namespace storydesk::store {
namespace {

TEST(StoryHeadlineTest, PrefersTheTrimmedTitle) {
  EXPECT_EQ(StoryHeadline(std::string("  Floods close the bridge \n"), "Body."), "Floods close the bridge");
}

TEST(StoryHeadlineTest, FallsBackToTheFirstSentence) {
  struct Case {
    std::optional<std::string> title;
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {std::nullopt, "The council voted on Monday. Then it adjourned.", "The council voted on Monday."},
      {std::string("   "), "Blank titles do not count. More.", "Blank titles do not count."},
      {std::nullopt, "Hard-wrapped\nprose   is folded. Next.", "Hard-wrapped prose is folded."},
      {std::nullopt, "", ""},
      {std::nullopt, "   \n ", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(StoryHeadline(c.title, c.text), c.expected) << c.text;
}

TEST(StoryHeadlineTest, CutsLongSentencesAtAWordBoundary) {
  std::string sentence;
  for (int i = 0; i < 40; ++i) sentence += "word ";
  sentence += "end.";
  const std::string headline = StoryHeadline(std::nullopt, sentence);
  ASSERT_GE(headline.size(), 3u);
  EXPECT_EQ(headline.substr(headline.size() - 3), "...");
  EXPECT_LE(headline.size(), kMaxHeadlineBytes + 3);
  EXPECT_EQ(headline.substr(0, headline.size() - 3).back(), 'd');  // "...word" not "...wo"
}

TEST(StoryHeadlineTest, CutsOneLongWordAtACharacterBoundary) {
  std::string word;
  for (int i = 0; i < 80; ++i) word += "é";  // 2 bytes each: 160 bytes, no space
  const std::string headline = StoryHeadline(std::nullopt, word);
  ASSERT_GE(headline.size(), 3u);
  const std::string kept = headline.substr(0, headline.size() - 3);
  EXPECT_LE(kept.size(), kMaxHeadlineBytes);
  EXPECT_EQ(kept.size() % 2, 0u) << "cut inside a UTF-8 character";
}

}  // namespace
}  // namespace storydesk::store
