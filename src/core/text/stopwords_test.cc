#include "storydesk/text/stopwords.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace storydesk::text {
namespace {

struct StopCase {
  std::string word;
  bool stop;
};

TEST(StopWordsTest, Table) {
  const StopCase cases[] = {
      // Function words.
      {"the", true},
      {"a", true},
      {"of", true},
      {"and", true},
      {"with", true},
      {"he", true},
      {"their", true},
      {"would", true},
      {"yourselves", true},
      {"don't", true},
      {"it's", true},
      // "said" is in every article, so it is the one reporting verb that is a stop word.
      {"said", true},
      // Other news reporting words are content.
      {"says", false},
      {"told", false},
      {"reported", false},
      {"according", false},
      {"officials", false},
      {"spokesman", false},
      // Content words, near misses and non-words.
      {"korea", false},
      {"kim", false},
      {"talks", false},
      {"them", true},
      {"theme", false},
      {"", false},
      {"The", false},         // callers lower-case first
      {"don\u2019t", false},  // Normalize folds the curly apostrophe first
      {"yourselvesx", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsStopWord(c.word), c.stop) << c.word;
  }
}

// The lookup table is derived from the list at compile time; every listed word must be found,
// and near misses of each (one letter more, one less) must not, unless listed themselves.
TEST(StopWordsTest, EveryListedWordIsFoundAndNearMissesAreNot) {
  const auto words = StopWords();
  ASSERT_GE(words.size(), 150u);
  ASSERT_TRUE(std::is_sorted(words.begin(), words.end()));
  for (std::string_view w : words) {
    EXPECT_TRUE(IsStopWord(w)) << w;
    for (const std::string& miss : {std::string(w) + "x", std::string(w.substr(0, w.size() - 1))}) {
      const bool listed = std::binary_search(words.begin(), words.end(), miss);
      EXPECT_EQ(IsStopWord(miss), listed) << miss;
    }
  }
}

TEST(StopWordsTest, ListIsLowerCaseAscii) {
  for (std::string_view w : StopWords()) {
    for (char c : w) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '\'') << w;
  }
}

}  // namespace
}  // namespace storydesk::text
