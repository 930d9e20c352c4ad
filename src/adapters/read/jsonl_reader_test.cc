#include "adapters/read/jsonl_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "storydesk/article_id.h"

namespace storydesk::read {
namespace {

TEST(JsonlReaderTest, AllFields) {
  auto r = ParseJsonLine(
      R"({"id": "j1", "source": "Harbour Post", "url": "https://example.org/ferry", "title": " Ferry saved ",)"
      R"( "published": "2031-03-04T10:00:00+02:00", "text": "  The ferry stays.  ", "extra": [1, {"x": 2}]})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const RawArticle& a = r.value();
  EXPECT_EQ(a.id, "j1");
  EXPECT_EQ(a.source, "Harbour Post");
  EXPECT_EQ(a.url, "https://example.org/ferry");
  EXPECT_EQ(a.title, "Ferry saved");
  EXPECT_EQ(a.published, "2031-03-04T10:00:00+02:00");
  EXPECT_EQ(a.published_at, 1930377600);
  EXPECT_EQ(a.text, "The ferry stays.");
  EXPECT_FALSE(a.place);
  EXPECT_TRUE(a.bullets.empty());
  EXPECT_TRUE(a.verbatim.empty());
  EXPECT_TRUE(a.origin.empty());
}

// Issue 15: a wire dateline gives the source (and place) of a JSON record, as of seed text;
// a source the record names wins, and the text is kept whole.
TEST(JsonlReaderTest, Issue15DatelineGivesTheSourceWhenTheRecordHasNone) {
  struct Case {
    const char* line;
    std::optional<std::string> source;
    std::optional<std::string> place;
  };
  const Case cases[] = {
      {R"({"text": "SEOUL (Reuters) - North Korea fired a missile."})", "Reuters", "SEOUL"},
      {R"({"text": "WASHINGTON (AP) — The Senate voted on Monday."})", "AP", "WASHINGTON"},
      {R"({"source": null, "text": "SEOUL, South Korea (AP) – Talks resumed."})", "AP", "SEOUL, South Korea"},
      {R"({"source": "  ", "text": "LONDON (Reuters) - Markets fell."})", "Reuters", "LONDON"},
      {R"({"source": "Harbour Post", "text": "SEOUL (Reuters) - North Korea fired a missile."})", "Harbour Post",
       "SEOUL"},
      {R"({"text": "WASHINGTON — The Senate voted on Monday."})", std::nullopt, "WASHINGTON"},
      {R"({"text": "The US does not (yet) agree - officials said."})", std::nullopt, std::nullopt},
  };
  for (const Case& c : cases) {
    auto r = ParseJsonLine(c.line);
    ASSERT_TRUE(r.ok()) << c.line << ": " << r.status().message();
    EXPECT_EQ(r.value().source, c.source) << c.line;
    EXPECT_EQ(r.value().place, c.place) << c.line;
  }
  auto r = ParseJsonLine(R"({"text": "SEOUL (Reuters) - North Korea fired a missile."})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().text, "SEOUL (Reuters) - North Korea fired a missile.");
}

struct GoodCase {
  std::string line;
  std::string id;
  std::optional<std::string> title;
  std::optional<std::string> published;
  std::string text;
};

TEST(JsonlReaderTest, AcceptedRecords) {
  const GoodCase cases[] = {
      {R"({"text": "Only text."})", "", std::nullopt, std::nullopt, "Only text."},
      {R"({"id": null, "title": null, "published": null, "source": null, "url": null, "text": "Nulls."})", "",
       std::nullopt, std::nullopt, "Nulls."},
      {R"({"id": 42, "text": "Integer id."})", "42", std::nullopt, std::nullopt, "Integer id."},
      {R"({"id": -7, "text": "Negative id."})", "-7", std::nullopt, std::nullopt, "Negative id."},
      {R"({"id": 18446744073709551615, "text": "Big id."})", "18446744073709551615", std::nullopt, std::nullopt,
       "Big id."},
      {R"({"id": "", "title": "", "text": "Blank strings are absent."})", "", std::nullopt, std::nullopt,
       "Blank strings are absent."},
      {R"({"published": "2031-03-03", "text": "Dated."})", "", std::nullopt, "2031-03-03", "Dated."},
      {R"(  {"text": "Surrounding spaces."}  )", "", std::nullopt, std::nullopt, "Surrounding spaces."},
      {"{\"text\": \"Caf\\u00e9 and \xE2\x80\x94 dashes.\"}", "", std::nullopt, std::nullopt,
       "Caf\xC3\xA9 and \xE2\x80\x94 dashes."},
      {"\xEF\xBB\xBF{\"text\": \"After a byte order mark.\"}", "", std::nullopt, std::nullopt,
       "After a byte order mark."},
  };
  for (const auto& c : cases) {
    auto r = ParseJsonLine(c.line);
    ASSERT_TRUE(r.ok()) << c.line << ": " << r.status().message();
    EXPECT_EQ(r.value().id, c.id) << c.line;
    EXPECT_EQ(r.value().title, c.title) << c.line;
    EXPECT_EQ(r.value().published, c.published) << c.line;
    EXPECT_EQ(r.value().text, c.text) << c.line;
  }
}

struct BadCase {
  std::string line;
  std::string message;  // expected prefix
};

TEST(JsonlReaderTest, RejectedRecords) {
  const BadCase cases[] = {
      {R"({"id": "j2", "text": "unterminated)",
       "invalid JSON at the end of the line: syntax error while parsing value - invalid string: missing closing quote"},
      {R"({"text": "x",})", "invalid JSON at column 14: syntax error while parsing object key"},
      {R"({"text": "x"} {"text": "y"})", "invalid JSON at column 15: syntax error while parsing value - unexpected"},
      {"not json at all", "invalid JSON at column 2:"},
      {"", "blank line"},
      {"[1, 2]", "a record must be a JSON object, not an array"},
      {"\"text\"", "a record must be a JSON object, not a string"},
      {"{}", "missing field \"text\""},
      {R"({"text": null})", "field \"text\" must be a string, not null"},
      {R"({"text": 5})", "field \"text\" must be a string, not an integer"},
      {R"({"text": "   "})", "field \"text\" is blank"},
      {R"({"text": "a\u0000b"})", "field \"text\" contains a NUL character"},
      {R"({"title": 3, "text": "x"})", "field \"title\" must be a string or null, not an integer"},
      {R"({"source": ["AP"], "text": "x"})", "field \"source\" must be a string or null, not an array"},
      {R"({"url": true, "text": "x"})", "field \"url\" must be a string or null, not a boolean"},
      {R"({"id": 1.5, "text": "x"})", "field \"id\" must be a string or an integer, not a number"},
      {R"({"id": {}, "text": "x"})", "field \"id\" must be a string or an integer, not an object"},
      {R"({"published": "yesterday", "text": "x"})", "field \"published\" has a bad date \"yesterday\": not a date"},
      {R"({"published": "2021-02-29", "text": "x"})",
       "field \"published\" has a bad date \"2021-02-29\": 2021-02-29 is not a date (2021 is not a leap year)"},
      {R"({"published": 20210101, "text": "x"})", "field \"published\" must be a string or null, not an integer"},
      {"{\"text\": \"bad \xC3\x28 byte\"}", "invalid UTF-8 at column 15"},
      {std::string("{\"text\": \"a\0b\"}", 15), "binary data (NUL byte at column 12)"},
      {R"({"text": "\ud800"})", "invalid JSON at column"},
  };
  for (const auto& c : cases) {
    auto r = ParseJsonLine(c.line);
    ASSERT_FALSE(r.ok()) << c.line;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(r.status().message().rfind(c.message, 0), 0u) << c.line << "\n  got: " << r.status().message();
    EXPECT_EQ(r.status().message().find('\n'), std::string::npos) << r.status().message();
  }
}

TEST(JsonlReaderTest, SyntaxErrorMessagesStayShort) {
  // A 1 MB unterminated string: nlohmann's "last read" would quote all of it.
  const std::string line = "{\"text\": \"" + std::string(1 << 20, 'a');
  auto r = ParseJsonLine(line);
  ASSERT_FALSE(r.ok());
  EXPECT_LT(r.status().message().size(), 250u) << r.status().message();
}

// Issue 14, defect 3: a 60,000-level value crashed the server. Records nest a few levels; deeper
// ones are refused before any parser recurses, with one line saying so.
TEST(JsonlReaderTest, DeepNestingIsRejectedWithoutCrashing) {
  const std::string deep = "{\"text\": \"x\", \"junk\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto r = ParseJsonLine(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "JSON nested deeper than 64 levels");
  const std::string shallow = "{\"text\": \"x\", \"junk\": " + std::string(60, '[') + std::string(60, ']') + "}";
  EXPECT_TRUE(ParseJsonLine(shallow).ok());
  // Brackets inside strings are text, not nesting.
  EXPECT_TRUE(ParseJsonLine("{\"text\": \"" + std::string(1000, '[') + " \\\" {\"}").ok());
  const std::string unbalanced = "{\"text\": \"x\", \"junk\": " + std::string(100000, '[') + "}";
  EXPECT_FALSE(ParseJsonLine(unbalanced).ok());
}

// Issue 14, defect 10: duplicate keys were taken silently (nlohmann keeps the last value). A key
// given twice in one object, at any depth, rejects the record; the same key in two different
// objects is fine.
TEST(JsonlReaderTest, Issue14DuplicateJsonKeysAreRejected) {
  const BadCase cases[] = {
      {R"({"id": "a", "id": "b", "text": "x"})", "duplicate key \"id\": each key may appear only once in an object"},
      {R"({"text": "first", "text": "second"})", "duplicate key \"text\""},
      {R"({"title": null, "text": "x", "title": "t"})", "duplicate key \"title\""},
      {R"({"text": "x", "extra": 1, "extra": 2})", "duplicate key \"extra\""},
      {R"({"text": "x", "meta": {"k": 1, "k": 2}})", "duplicate key \"k\""},
      {R"({"text": "x", "list": [{"k": 1}, {"a": 1, "a": 1}]})", "duplicate key \"a\""},
      // "\u0069d" is "id" once decoded: the same key.
      {R"({"id": "a", "\u0069d": "b", "text": "x"})", "duplicate key \"id\""},
  };
  for (const auto& c : cases) {
    auto r = ParseJsonLine(c.line);
    ASSERT_FALSE(r.ok()) << c.line;
    EXPECT_EQ(r.status().message().rfind(c.message, 0), 0u) << c.line << "\n  got: " << r.status().message();
  }
  EXPECT_TRUE(ParseJsonLine(R"({"text": "x", "a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}]})").ok());
  EXPECT_TRUE(ParseJsonLine(R"({"text": "x", "Text": "keys differ in case"})").ok());
}

// Issue 14, defect 10: a 1 MB id was stored but could not be fetched (no URL or command line
// holds it). Ids are limited to kMaxArticleIdBytes when read.
TEST(JsonlReaderTest, Issue14HugeIdIsRejected) {
  const std::string huge(1 << 20, 'x');
  auto r = ParseJsonLine(R"({"id": ")" + huge + R"(", "text": "x"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "field \"id\" is 1048576 bytes long, over the 512-byte limit for ids");
  const std::string longest(kMaxArticleIdBytes, 'x');
  auto ok = ParseJsonLine(R"({"id": ")" + longest + R"(", "text": "x"})");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok.value().id, longest);
  // Surrounding white space is trimmed before the length is judged.
  EXPECT_TRUE(ParseJsonLine(R"({"id": "  )" + longest + R"(  ", "text": "x"})").ok());
  EXPECT_FALSE(ParseJsonLine(R"({"id": ")" + longest + R"(y", "text": "x"})").ok());
}

}  // namespace
}  // namespace storydesk::read
