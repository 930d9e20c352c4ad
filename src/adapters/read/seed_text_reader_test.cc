#include "adapters/read/seed_text_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::read {
namespace {

// Shaped like seed 000: header with noise, headline, indented bullets, body with a subhead.
// The text is invented.
constexpr char kHeadlineAndBullets[] =
    " date 2031-05-14 2m ago\n"
    "\n"
    "Harbour town votes to keep its night ferry, council says\n"
    "\n"
    "  \u2022 The council voted 7-2 to keep the night ferry.\n"
    "  \u2022 Fares rise by ten cents in June.\n"
    "  \u2022 A review follows next spring.\n"
    "\n"
    "The night ferry between Aldport and the islands will keep running, the council said on Tuesday.\n"
    "\n"
    "Fares rise slightly\n"
    "\n"
    "\"We heard the islanders,\" the mayor said.\n";

// Shaped like seed 002: the dateline and first sentence on the header line, no final newline.
constexpr char kBodyOnHeaderLine[] =
    " date 2031-05-14 ALDPORT, Westmark (AP) \u2013 The night ferry will keep running, the council said.\n"
    "\n"
    "Islanders had collected 4,000 signatures.";

TEST(SeedTextReaderTest, HeadlineBulletsAndBody) {
  auto r = ParseSeedText(kHeadlineAndBullets);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const RawArticle& a = r.value();
  EXPECT_EQ(a.published, "2031-05-14");
  EXPECT_EQ(a.published_at, 1936483200);
  EXPECT_EQ(a.title, "Harbour town votes to keep its night ferry, council says");
  EXPECT_EQ(a.bullets, (std::vector<std::string>{"The council voted 7-2 to keep the night ferry.",
                                                 "Fares rise by ten cents in June.", "A review follows next spring."}));
  EXPECT_EQ(a.text,
            "The night ferry between Aldport and the islands will keep running, the council said on Tuesday.\n\n"
            "Fares rise slightly\n\n\"We heard the islanders,\" the mayor said.");
  EXPECT_FALSE(a.place);
  EXPECT_FALSE(a.source);
  EXPECT_TRUE(a.id.empty());
  EXPECT_TRUE(a.origin.empty());
  EXPECT_TRUE(a.verbatim.empty());
}

TEST(SeedTextReaderTest, BodyStartsOnHeaderLineWithDateline) {
  auto r = ParseSeedText(kBodyOnHeaderLine);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const RawArticle& a = r.value();
  EXPECT_EQ(a.published, "2031-05-14");
  EXPECT_FALSE(a.title);
  EXPECT_TRUE(a.bullets.empty());
  EXPECT_EQ(a.place, "ALDPORT, Westmark");
  EXPECT_EQ(a.source, "AP");
  EXPECT_EQ(a.text,
            "The night ferry will keep running, the council said.\n\nIslanders had collected 4,000 signatures.");
}

struct ShapeCase {
  std::string name;
  std::string input;
  std::optional<std::string> title;
  std::vector<std::string> bullets;
  std::string text;
  std::optional<std::string> place;
};

TEST(SeedTextReaderTest, Shapes) {
  const ShapeCase cases[] = {
      {"no leading space, no noise",
       "date 2031-01-02\n\nA quiet headline\n\nThe harbour reopened.\n",
       "A quiet headline",
       {},
       "The harbour reopened.",
       std::nullopt},
      {"CRLF line ends",
       "date 2031-01-02\r\n\r\nA quiet headline\r\n\r\nLine one.\r\nLine two.\r\n",
       "A quiet headline",
       {},
       "Line one.\nLine two.",
       std::nullopt},
      {"byte order mark", "\xEF\xBB\xBF date 2031-01-02\n\nBody only.\n", std::nullopt, {}, "Body only.", std::nullopt},
      {"first line ends with a period: body",
       " date 2031-01-02\n\nThe harbour reopened.\n\nMore text.\n",
       std::nullopt,
       {},
       "The harbour reopened.\n\nMore text.",
       std::nullopt},
      {"question is not a headline",
       " date 2031-01-02\n\nWill the ferry run?\n\nNobody knows.\n",
       std::nullopt,
       {},
       "Will the ferry run?\n\nNobody knows.",
       std::nullopt},
      {"headline with closing quote still checked",
       " date 2031-01-02\n\nHe said \"no.\"\n\nBody.\n",
       std::nullopt,
       {},
       "He said \"no.\"\n\nBody.",
       std::nullopt},
      {"headline ending in a quote",
       " date 2031-01-02\n\nMayor calls vote \u2018historic\u2019\n\nBody.\n",
       "Mayor calls vote \u2018historic\u2019",
       {},
       "Body.",
       std::nullopt},
      {"long first line is body",
       " date 2031-01-02\n\none two three four five six seven eight nine ten eleven twelve thirteen fourteen "
       "fifteen sixteen seventeen eighteen nineteen twenty twentyone\n\nBody.\n",
       std::nullopt,
       {},
       "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
       "seventeen eighteen nineteen twenty twentyone\n\nBody.",
       std::nullopt},
      {"wrapped paragraph is not a headline",
       " date 2031-01-02\n\nThe harbour reopened on\nMonday after repairs.\n",
       std::nullopt,
       {},
       "The harbour reopened on\nMonday after repairs.",
       std::nullopt},
      {"lone short line is body",
       " date 2031-01-02\n\nJust this line\n",
       std::nullopt,
       {},
       "Just this line",
       std::nullopt},
      {"headline then dateline body",
       " date 2031-01-02 Updated 3h\n\nFerry saved\n\nALDPORT (Reuters) - The ferry stays.\n",
       "Ferry saved",
       {},
       "The ferry stays.",
       "ALDPORT"},
      {"dateline line is not a headline",
       " date 2031-01-02\n\nALDPORT (AP) \u2014\n\nThe ferry stays.\n",
       std::nullopt,
       {},
       "The ferry stays.",
       "ALDPORT"},
      {"bullets without headline, mixed markers",
       " date 2031-01-02 5 hours ago\n\n- first point\n* second point\n\u00B7 third point\n\nBody.\n",
       std::nullopt,
       {"first point", "second point", "third point"},
       "Body.",
       std::nullopt},
      {"headline directly followed by bullets",
       " date 2031-01-02\nFerry saved\n\u2022 one\n\u2022 two\n\nBody.\n",
       "Ferry saved",
       {"one", "two"},
       "Body.",
       std::nullopt},
      {"bullets in the body stay in the body",
       " date 2031-01-02\n\nBody first.\n\n- a list item\n",
       std::nullopt,
       {},
       "Body first.\n\n- a list item",
       std::nullopt},
      {"dash without space is no bullet",
       " date 2031-01-02\n\nHeadline here\n\n-5 degrees tonight.\n",
       "Headline here",
       {},
       "-5 degrees tonight.",
       std::nullopt},
      {"body on header line keeps later lines",
       " date 2031-01-02 The ferry stays.\nSecond line.\n",
       std::nullopt,
       {},
       "The ferry stays.\nSecond line.",
       std::nullopt},
      {"RFC 3339 date in the header",
       " date 2031-01-02T08:00:00Z just now\n\nBody.\n",
       std::nullopt,
       {},
       "Body.",
       std::nullopt},
  };
  for (const auto& c : cases) {
    auto r = ParseSeedText(c.input);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().message();
    EXPECT_EQ(r.value().title, c.title) << c.name;
    EXPECT_EQ(r.value().bullets, c.bullets) << c.name;
    EXPECT_EQ(r.value().text, c.text) << c.name;
    EXPECT_EQ(r.value().place, c.place) << c.name;
  }
}

struct BadCase {
  std::string name;
  std::string input;
  int64_t line;
  std::string message_start;
};

TEST(SeedTextReaderTest, Errors) {
  const BadCase cases[] = {
      {"empty", "", 0, "no text: the input is empty"},
      {"only white space", " \n\n\t\n", 0, "no text: the input is empty"},
      {"no header", "Ferry saved\n\nBody.\n", 1, "missing date header: the first line must be \"date YYYY-MM-DD\""},
      {"header word glued", "dated 2031-01-02\n\nBody.\n", 1, "missing date header"},
      {"no date", " date\n\nBody.\n", 1, "missing date after \"date\""},
      {"bad date", " date 2031-02-30\n\nBody.\n", 1,
       "bad date \"2031-02-30\" in the header: 2031-02-30 is not a date (February 2031 has 28 days)"},
      {"not a date", " date yesterday\n\nBody.\n", 1, "bad date \"yesterday\" in the header: not a date"},
      {"month 13", " date 2031-13-01\n\nBody.\n", 1, "bad date \"2031-13-01\" in the header: month 13 out of range"},
      {"no body", " date 2031-01-02 2m ago\n\n", 0, "no article text after the date header"},
      {"only headline and bullets", " date 2031-01-02\n\nHeadline\n\n\u2022 one\n", 0,
       "no article text after the headline and bullets"},
      {"only a dateline", " date 2031-01-02 LONDON (Reuters) -\n", 0, "no article text"},
      {"invalid UTF-8", " date 2031-03-02\n\nBroken \xC3\x28 bytes here.\n", 3,
       "invalid UTF-8 at column 8 (byte offset 25)"},
      {"NUL byte", std::string(" date 2031-03-02\n\nA\0B\n", 22), 0, "binary data (NUL byte at byte offset 19)"},
  };
  for (const auto& c : cases) {
    int64_t line = -1;
    auto r = ParseSeedText(c.input, &line);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput) << c.name;
    EXPECT_EQ(r.status().message().rfind(c.message_start, 0), 0u) << c.name << ": " << r.status().message();
    EXPECT_EQ(r.status().message().find('\n'), std::string::npos) << c.name;
    EXPECT_EQ(line, c.line) << c.name;
  }
}

TEST(SeedTextReaderTest, ErrorMessageQuotesWeirdHeadersOnOneLine) {
  auto r = ParseSeedText("\x01\x02 \"quoted\" and a very long first line that goes on and on and on and on\nx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "missing date header: the first line must be \"date YYYY-MM-DD\", got "
            "\"\\x01\\x02 \\\"quoted\\\" and a very long first line t...\"");
}

struct NoiseCase {
  std::string text;
  bool noise;
};

TEST(SeedTextReaderTest, RelativeTimeNoise) {
  const NoiseCase cases[] = {
      {"2m ago", true},
      {"5 hours ago", true},
      {"Updated 3h", true},
      {"updated: 10 min ago", true},
      {"just now", true},
      {"Yesterday", true},
      {"an hour ago", true},
      {"Last updated 2 days ago", true},
      {"1d", true},
      {"3 weeks", true},
      {"", false},
      {"5", false},
      {"5 people died.", false},
      {"ago", false},
      {"Updated", false},
      {"2m ago and more", false},
      {"SEOUL, South Korea (AP) \u2013 US President", false},
      {"12345h ago", false},
      {"a lot ago", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsRelativeTimeNoise(c.text), c.noise) << '"' << c.text << '"';
}

}  // namespace
}  // namespace storydesk::read
