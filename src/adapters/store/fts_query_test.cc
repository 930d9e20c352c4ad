#include "adapters/store/fts_query.h"

#include <gtest/gtest.h>

#include <string>

namespace storydesk::store {
namespace {

struct Case {
  const char* text;
  const char* query;
};

TEST(FtsQueryTest, EveryRunOfLettersAndDigitsBecomesAQuotedWord) {
  const Case cases[] = {
      {"protests", R"("protests")"},
      {"  Hello,   world!  ", R"("Hello" "world")"},
      {"1,000 troops", R"("1" "000" "troops")"},
      {"x_y", R"("x" "y")"},
      {"line\none\ttab", R"("line" "one" "tab")"},
      // FTS5 operators and syntax are plain separators or plain words.
      {R"("a" OR 1=1 --)", R"("a" "OR" "1" "1")"},
      {"NEAR(", R"("NEAR")"},
      {"NEAR(a b, 3)", R"("NEAR" "a" "b" "3")"},
      {"a AND NOT b", R"("a" "AND" "NOT" "b")"},
      {"foo* -bar +baz ^qux", R"("foo" "bar" "baz" "qux")"},
      {"title:seoul", R"("title" "seoul")"},
      {"{title text}: x", R"("title" "text" "x")"},
      {R"(say "hi"")", R"("say" "hi")"},
      {"don't", R"("don" "t")"},
      // Non-ASCII letters stay in words; Unicode spaces and punctuation separate them.
      {"café au lait", R"("café" "au" "lait")"},
      {"Seoul\u2014Tokyo", R"("Seoul" "Tokyo")"},
      {"\u201cquoted\u201d words\u2026", R"("quoted" "words")"},
      {"a\u00a0b", R"("a" "b")"},
      {"\u00abnon\u00bb \u00bfs\u00ed?", "\"non\" \"s\u00ed\""},
      {"\u6771\u4eac\u3001\u5927\u962a", "\"\u6771\u4eac\" \"\u5927\u962a\""},
      {"\uff08x\uff09", R"("x")"},
      {"\u00b5m \u00bd", "\"\u00b5m\" \"\u00bd\""},
      // Invalid UTF-8 separates words and never reaches the query.
      {"na\xc3\xafve\xff"
       "x",
       "\"na\u00efve\" \"x\""},
      {"a\xc3", R"("a")"},
      {"a\xe2\x80"
       "b",
       R"("a" "b")"},
      {"\xc0\xaf"
       "b",
       R"("b")"},
      // Nothing to look for.
      {"", ""},
      {"!!!", ""},
      {R"("" () * - : ^ + ,)", ""},
      {"\u2014 \u2026", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FtsQuery(c.text), c.query) << "text: " << c.text;
  }
}

TEST(FtsQueryTest, NeverHoldsAnUnbalancedQuote) {
  // Every byte value, alone and between letters: the quotes always pair up around words.
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    for (const std::string& text : {one, "a" + one + "b", one + one + "z"}) {
      const std::string query = FtsQuery(text);
      size_t quotes = 0;
      for (char c : query) quotes += c == '"';
      EXPECT_EQ(quotes % 2, 0u) << "byte " << b;
      if (!query.empty()) {
        EXPECT_EQ(query.front(), '"') << "byte " << b;
        EXPECT_EQ(query.back(), '"') << "byte " << b;
      }
    }
  }
}

}  // namespace
}  // namespace storydesk::store
