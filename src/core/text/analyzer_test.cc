#include "storydesk/text/analyzer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "storydesk/text/normalize.h"
#include "storydesk/text/tokens.h"
#include "storydesk/text/utf8.h"

namespace storydesk::text {
namespace {

std::vector<std::string> SentenceTexts(const AnalyzedText& a) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : a.sentences) out.push_back(a.normalized.substr(s.begin, s.end - s.begin));
  return out;
}

struct AnalyzeCase {
  const char* name;
  std::string raw;
  std::vector<std::string> sentences;
  std::vector<std::string> words;
  std::vector<std::string> stems;
  std::vector<std::string> names;
};

TEST(AnalyzerTest, Table) {
  const AnalyzeCase cases[] = {
      {"empty", "", {}, {}, {}, {}},
      {"whitespace only", " \r\n\t\u00A0 ", {}, {}, {}, {}},
      {"one sentence",
       "Sung Kim arrived in Seoul on Saturday.",
       {"Sung Kim arrived in Seoul on Saturday."},
       {"sung", "kim", "arrived", "in", "seoul", "on", "saturday"},
       {"sung", "kim", "arriv", "seoul", "saturday"},
       {"Sung Kim", "Seoul"}},
      {"quotes, numbers and stop words",
       "\u201CWe agreed,\u201D he said. The 2 sides held 3.5 hours of talks.",
       {"\"We agreed,\" he said.", "The 2 sides held 3.5 hours of talks."},
       {"we", "agreed", "he", "said", "the", "2", "sides", "held", "3.5", "hours", "of", "talks"},
       {"agre", "side", "held", "hour", "talk"},
       {}},
      {"headline, bullets and a body",
       "US envoy calls for talks\n\n  \u2022 Kim insisted the US has no hostile intent.\n"
       "  \u2022 Drills are routine.\n\nNoh Kyu-duk met Kim in Seoul.",
       {"US envoy calls for talks", "Kim insisted the US has no hostile intent.", "Drills are routine.",
        "Noh Kyu-duk met Kim in Seoul."},
       {"us",     "envoy",  "calls", "for",     "talks", "kim", "insisted", "the", "us",  "has", "no",   "hostile",
        "intent", "drills", "are",   "routine", "noh",   "kyu", "duk",      "met", "kim", "in",  "seoul"},
       {"envoy", "call", "talk", "kim", "insist", "hostil", "intent", "drill", "routin", "noh", "kyu", "duk", "met",
        "kim", "seoul"},
       {"US", "Kim", "US", "Noh Kyu-duk", "Kim", "Seoul"}},
      {"abbreviations keep their sentence",
       "The U.S. Embassy in Seoul opened at 9 a.m. Monday. It was busy.",
       {"The U.S. Embassy in Seoul opened at 9 a.m. Monday.", "It was busy."},
       {"the", "u.s.", "embassy", "in", "seoul", "opened", "at", "9", "a.m.", "monday", "it", "was", "busy"},
       {"u.s.", "embassi", "seoul", "open", "a.m.", "monday", "busi"},
       {"U.S. Embassy", "Seoul"}},
  };
  TextAnalyzer analyzer;
  for (const auto& c : cases) {
    const AnalyzedText a = analyzer.Analyze(c.raw);
    EXPECT_EQ(SentenceTexts(a), c.sentences) << c.name;
    EXPECT_EQ(a.words, c.words) << c.name;
    EXPECT_EQ(a.stems, c.stems) << c.name;
    EXPECT_EQ(a.names, c.names) << c.name;
  }
}

TEST(AnalyzerTest, NormalizedIsNormalize) {
  TextAnalyzer analyzer;
  const std::string raw = "  Kim\u2019s visit \u2014 \u201Croutine\u201D\r\n\r\n\r\nNext.";
  EXPECT_EQ(analyzer.Analyze(raw).normalized, Normalize(raw));
}

TEST(AnalyzerTest, InvalidUtf8IsReplacedNotRejected) {
  TextAnalyzer analyzer;
  const AnalyzedText a = analyzer.Analyze("Seoul\xFF talks\xC3");
  EXPECT_EQ(a.normalized, "Seoul\uFFFD talks\uFFFD");
  EXPECT_EQ(a.words, (std::vector<std::string>{"seoul", "talks"}));
}

TEST(AnalyzerTest, MovedAnalyzerWorks) {
  TextAnalyzer a;
  TextAnalyzer b(std::move(a));
  EXPECT_EQ(b.Analyze("Talks resumed.").stems, (std::vector<std::string>{"talk", "resum"}));
  TextAnalyzer c;
  c = std::move(b);
  EXPECT_EQ(c.Analyze("Talks resumed.").words, (std::vector<std::string>{"talks", "resumed"}));
}

// Invariants over generated text built from the pieces the rules care about, including
// malformed bytes: nothing crashes, the normal form is valid and stable, every word token lies
// in exactly one sentence, and words and stems line up with the tokens.
TEST(AnalyzerTest, InvariantsOnGeneratedText) {
  const std::vector<std::string> pieces = {
      "Kim",
      "said",
      "U.S.",
      "Mr.",
      "Jan.",
      "No.",
      "5",
      "3.5",
      "a.m.",
      "F.",
      "the",
      "The",
      ".",
      "?",
      "!",
      "...",
      "\"",
      "'",
      "(",
      ")",
      ",",
      "-",
      "\u2022",
      "*",
      "\u00B7",
      "\n",
      "\n\n",
      "\r\n",
      " ",
      "  ",
      "\t",
      "\u2014",
      "\u201C",
      "\u2019",
      "\u00A0",
      "\u200B",
      "\xFF",
      "\xE2\x80",
      "\u0301",
      "Kyu-duk",
      "don't",
      "1,200",
      "\u4E2D\u56FD",
      "\u00C9lys\u00E9e",
      "NATO",
      "'s",
      "Korea's",
      "peace",
      "Peace",
      "\u2026",
      "e.g.",
      "St.",
      "1.",
  };
  std::mt19937 rng(20240601);
  TextAnalyzer analyzer;
  for (int round = 0; round < 400; ++round) {
    std::string raw;
    const int length = static_cast<int>(rng() % 60);
    for (int i = 0; i < length; ++i) {
      raw += pieces[rng() % pieces.size()];
      if (rng() % 3 == 0) raw += ' ';
    }
    const AnalyzedText a = analyzer.Analyze(raw);
    ASSERT_TRUE(IsValidUtf8(a.normalized)) << raw;
    ASSERT_EQ(Normalize(a.normalized), a.normalized) << raw;

    const std::vector<Token> tokens = Tokenize(a.normalized);
    ASSERT_EQ(a.words.size(), tokens.size()) << raw;
    ASSERT_LE(a.stems.size(), a.words.size()) << raw;
    size_t previous_end = 0;
    for (const SentenceSpan& s : a.sentences) {
      ASSERT_LT(s.begin, s.end) << raw;
      ASSERT_GE(s.begin, previous_end) << raw;
      ASSERT_LE(s.end, a.normalized.size()) << raw;
      previous_end = s.end;
    }
    for (const Token& t : tokens) {
      int containing = 0;
      for (const SentenceSpan& s : a.sentences) containing += s.begin <= t.begin && t.end <= s.end;
      ASSERT_EQ(containing, 1) << "token '" << t.text << "' of: " << a.normalized;
    }
    for (const std::string& name : a.names) {
      ASSERT_FALSE(name.empty()) << raw;
      ASSERT_TRUE(IsValidUtf8(name)) << raw;
    }
  }
}

}  // namespace
}  // namespace storydesk::text
