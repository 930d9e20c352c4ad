#include "storydesk/text/tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::text {
namespace {

// Tokens written as "text" for words and "#text" for numbers, so one string list shows both.
std::vector<std::string> Show(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    out.push_back((t.kind == TokenKind::kNumber ? "#" : "") + std::string(t.text));
  }
  return out;
}

struct TokenCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

TEST(TokensTest, Table) {
  const TokenCase cases[] = {
      {"empty", "", {}},
      {"punctuation only", " ... -- !? \"\" ", {}},
      {"plain words", "Sung Kim arrived.", {"Sung", "Kim", "arrived"}},
      {"inner apostrophes kept", "don't O'Brien Korea's", {"don't", "O'Brien", "Korea's"}},
      {"outer apostrophes dropped", "'quoted' players' '90s", {"quoted", "players", "90s"}},
      {"hyphens split", "Kyu-duk COVID-19 long-standing", {"Kyu", "duk", "COVID", "#19", "long", "standing"}},
      {"dotted abbreviations", "U.S. a.m. e.g., U.S.A. U.N.", {"U.S.", "a.m.", "e.g.", "U.S.A.", "U.N."}},
      {"dotted abbreviation before a hyphen", "U.S.-led U.S-led", {"U.S.", "led", "U.S", "led"}},
      {"an initial is not an abbreviation", "John F. Kennedy", {"John", "F", "Kennedy"}},
      {"Ph.D. splits", "Ph.D.", {"Ph", "D"}},
      {"numbers with separators", "1,200 3.5 1,200.50 2021", {"#1,200", "#3.5", "#1,200.50", "#2021"}},
      {"trailing separators stay out", "rose 5. Then 1,200, then", {"rose", "#5", "Then", "#1,200", "then"}},
      {"letters and digits mix into words", "G7 3rd 1990s 5pm", {"G7", "3rd", "1990s", "5pm"}},
      {"symbols around numbers", "$1.2bn 45% #1", {"1.2bn", "#45", "#1"}},
      {"times split at the colon", "10:30", {"#10", "#30"}},
      {"accented and non-Latin letters",
       "caf\u00E9 M\u00FCnchen \u041C\u043E\u0441\u043A\u0432\u0430",
       {"caf\u00E9", "M\u00FCnchen", "\u041C\u043E\u0441\u043A\u0432\u0430"}},
      {"combining marks stay in the word", "cafe\u0301s", {"cafe\u0301s"}},
      {"Devanagari vowel signs stay in the word",
       "\u0928\u092E\u0938\u094D\u0924\u0947",
       {"\u0928\u092E\u0938\u094D\u0924\u0947"}},
      {"Arabic-Indic digits are a number", "\u0661\u0662", {"#\u0661\u0662"}},
      {"ideographs are one token each", "\u4E2D\u56FD news", {"\u4E2D", "\u56FD", "news"}},
      {"curly apostrophe joins too", "don\u2019t", {"don\u2019t"}},
      {"underscores and slashes split", "a_b c/d", {"a", "b", "c", "d"}},
      {"emoji and replacement character are not tokens", "\U0001F4F0 \uFFFD x", {"x"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Show(c.text), c.expected) << c.name;
  }
}

TEST(TokensTest, OffsetsPointIntoTheText) {
  const std::string text = "  Noh Kyu-duk, 1,200 U.S. troops";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 6u);
  for (const Token& t : tokens) {
    EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.text);
    EXPECT_EQ(t.text.data(), text.data() + t.begin);
  }
  EXPECT_EQ(tokens[0].begin, 2u);
  EXPECT_EQ(tokens[3].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[4].text, "U.S.");
}

TEST(TokensTest, InvalidUtf8DoesNotCrashOrLoop) {
  const std::string text =
      "ab\xFF"
      "cd \xE2\x80 ef\xC3";
  std::vector<std::string> words;
  for (const Token& t : Tokenize(text)) words.emplace_back(t.text);
  EXPECT_EQ(words, (std::vector<std::string>{"ab", "cd", "ef"}));
}

struct LowerCase {
  std::string text;
  std::string expected;
};

TEST(TokensTest, ToLower) {
  const LowerCase cases[] = {
      {"", ""},
      {"Seoul", "seoul"},
      {"NATO's", "nato's"},
      {"U.S.", "u.s."},
      {"M\u00DCNCHEN", "m\u00FCnchen"},
      {"\u041C\u041E\u0421\u041A\u0412\u0410", "\u043C\u043E\u0441\u043A\u0432\u0430"},
      {"\u00C9LYS\u00C9E", "\u00E9lys\u00E9e"},
      {"\u0130stanbul", "i\u0307stanbul"},  // root locale: dotted capital I keeps its dot
      {"ISTANBUL", "istanbul"},             // never the Turkish dotless i
      {"\u03A3\u039F\u03A6\u039F\u03A3", "\u03C3\u03BF\u03C6\u03BF\u03C2"},  // final sigma in context
      {"already lower 123", "already lower 123"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ToLower(c.text), c.expected) << c.text;
  }
}

}  // namespace
}  // namespace storydesk::text
