#include "storydesk/stories/background_frequencies.h"

#include <gtest/gtest.h>

namespace storydesk::stories {
namespace {

TEST(BackgroundFrequenciesTest, FormatsAndParsesBack) {
  BackgroundFrequencies f;
  f.documents = 10;
  f.df = {{"council", 3}, {"n:seoul", 2}, {"rare", 1}, {"vote", 10}};
  const std::string text = FormatBackgroundFrequencies(f, 2, {"counted from a test"});
  EXPECT_EQ(text,
            "# storydesk background document frequencies v1\n"
            "# counted from a test\n"
            "documents\t10\n"
            "council\t3\n"
            "n:seoul\t2\n"
            "vote\t10\n");
  const auto parsed = ParseBackgroundFrequencies(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed.value().documents, 10);
  EXPECT_EQ(parsed.value().df, (std::map<std::string, int64_t>{{"council", 3}, {"n:seoul", 2}, {"vote", 10}}));
}

TEST(BackgroundFrequenciesTest, AcceptsCrLfAndBlankLines) {
  const auto parsed =
      ParseBackgroundFrequencies("# storydesk background document frequencies v1\r\n\r\ndocuments\t4\r\nword\t2\r\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed.value().df.at("word"), 2);
}

TEST(BackgroundFrequenciesTest, RejectsMalformedFilesNamingTheLine) {
  const std::string header = "# storydesk background document frequencies v1\n";
  struct Case {
    std::string text;
    const char* expected;
  };
  const Case cases[] = {
      {"", "line 1: empty"},
      {"# storydesk background document frequencies v2\ndocuments\t1\n", "line 1: expected the header"},
      {header, "no \"documents\" line"},
      {header + "word\t1\n", "line 2: expected the \"documents\" line first"},
      {header + "documents\tmany\n", "line 2: the count is not a positive integer"},
      {header + "documents\t5\nword\t0\n", "line 3: the count is not a positive integer"},
      {header + "documents\t5\nword\t6\n", "line 3: a term's count exceeds"},
      {header + "documents\t5\nword 2\n", "line 3: expected TERM<TAB>COUNT"},
      {header + "documents\t5\nword\t2\nword\t3\n", "line 4: the term \"word\" appears twice"},
  };
  for (const auto& c : cases) {
    const auto parsed = ParseBackgroundFrequencies(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidInput);
    EXPECT_NE(parsed.status().message().find(c.expected), std::string::npos)
        << "got: " << parsed.status().message() << "\nwanted: " << c.expected;
  }
}

}  // namespace
}  // namespace storydesk::stories
