#include "core/text/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storydesk/text/normalize.h"
#include "storydesk/text/tokens.h"

namespace storydesk::text {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

struct SentenceCase {
  const char* name;
  std::string text;  // already normalised
  std::vector<std::string> expected;
};

TEST(SentencesTest, Table) {
  const SentenceCase cases[] = {
      {"empty", "", {}},
      {"one sentence without final punctuation", "Sung Kim arrived", {"Sung Kim arrived"}},
      {"two plain sentences", "Kim arrived. He met Noh.", {"Kim arrived.", "He met Noh."}},
      {"question and exclamation", "Why now? Nobody knows! It is odd.", {"Why now?", "Nobody knows!", "It is odd."}},
      {"U.S. before a name is not an end",
       "The U.S. Embassy said so. It was shut.",
       {"The U.S. Embassy said so.", "It was shut."}},
      {"U.S. before a sentence opener ends",
       "He returned to the U.S. The talks stalled.",
       {"He returned to the U.S.", "The talks stalled."}},
      {"titles",
       "Mr. Kim met Dr. Noh and Gov. Andrew Cuomo. St. Louis won.",
       {"Mr. Kim met Dr. Noh and Gov. Andrew Cuomo.", "St. Louis won."}},
      {"month abbreviation before a date",
       "It began on Jan. 5 in Seoul. Talks followed.",
       {"It began on Jan. 5 in Seoul.", "Talks followed."}},
      {"No. before a number",
       "He is ranked No. 5 in the world. She is No. 1.",
       {"He is ranked No. 5 in the world.", "She is No. 1."}},
      {"no at a real sentence end", "The answer was no. Police left.", {"The answer was no.", "Police left."}},
      {"initials",
       "John F. Kennedy was president. He died in 1963.",
       {"John F. Kennedy was president.", "He died in 1963."}},
      {"a letter before a sentence opener",
       "They chose Plan B. The rest failed.",
       {"They chose Plan B.", "The rest failed."}},
      {"a.m. before a weekday",
       "It starts at 9 a.m. Monday in Seoul. Kim will attend.",
       {"It starts at 9 a.m. Monday in Seoul.", "Kim will attend."}},
      {"a.m. before lower case", "It starts at 9 a.m. on Monday.", {"It starts at 9 a.m. on Monday."}},
      {"decimals",
       "Growth was 3.5 percent. Prices rose 1,200.5 points.",
       {"Growth was 3.5 percent.", "Prices rose 1,200.5 points."}},
      {"ellipsis inside a sentence",
       "He paused... then left. Then he came back.",
       {"He paused... then left.", "Then he came back."}},
      {"ellipsis before a capital", "He waited... Nothing happened.", {"He waited...", "Nothing happened."}},
      {"closing quote after the period",
       "\"He left.\" Then the talks ended.",
       {"\"He left.\"", "Then the talks ended."}},
      {"closing bracket after the period", "(He left.) Then it ended.", {"(He left.)", "Then it ended."}},
      {"question in a quote followed by lower case",
       "\"Why now?\" he asked. Nobody replied.",
       {"\"Why now?\" he asked.", "Nobody replied."}},
      {"Inc. before a name",
       "Apple Inc. Chief Executive Tim Cook spoke. Shares rose.",
       {"Apple Inc. Chief Executive Tim Cook spoke.", "Shares rose."}},
      {"Inc. at a sentence end",
       "He works for Apple Inc. The company grew.",
       {"He works for Apple Inc.", "The company grew."}},
      {"blank line is a hard boundary",
       "Peace process\n\nOn Sunday Kim met Chung",
       {"Peace process", "On Sunday Kim met Chung"}},
      {"hard-wrapped prose stays one sentence",
       "The US does not have hostile intent toward Pyongyang and is open to\nmeeting any time and any place, "
       "the envoy said on Monday\nduring a visit to Seoul.",
       {"The US does not have hostile intent toward Pyongyang and is open to\nmeeting any time and any place, "
        "the envoy said on Monday\nduring a visit to Seoul."}},
      {"wrapped line ending in a function word before a capital",
       "The envoy for North Korea said on Monday during a visit to\nSouth Korea that talks could resume soon.",
       {"The envoy for North Korea said on Monday during a visit to\nSouth Korea that talks could resume soon."}},
      {"wrapped line of similar length before a capital",
       "Kim told reporters after meeting with his counterpart, the envoy Noh\nKyu-duk, that the drills are "
       "routine.",
       {"Kim told reporters after meeting with his counterpart, the envoy Noh\nKyu-duk, that the drills are "
        "routine."}},
      {"line ending in a period is a boundary",
       "Kim arrived in Seoul.\nHe met Noh.",
       {"Kim arrived in Seoul.", "He met Noh."}},
      {"abbreviation at a line end before a name", "He met Mr.\nKim in Seoul.", {"He met Mr.\nKim in Seoul."}},
      {"headline above a body line",
       "US Special Representative for North Korea Sung Kim\nSung Kim attends a meeting with South Korea's "
       "Special Representative Noh Kyu-duk in Seoul.",
       {"US Special Representative for North Korea Sung Kim",
        "Sung Kim attends a meeting with South Korea's Special Representative Noh Kyu-duk in Seoul."}},
      {"short lines are separate",
       "Peace process\nNext steps\nMore news",
       {"Peace process", "Next steps", "More news"}},
      {"bullets",
       "Key points:\n\u2022 Kim met Noh\n\u2022 Talks resume\n- Aid is possible\n* Drills go on",
       {"Key points:", "Kim met Noh", "Talks resume", "Aid is possible", "Drills go on"}},
      {"bullet item wrapped onto a lower-case line",
       "\u2022 Kim said military exercises between the US and South Korea\nwere routine.\n\u2022 Noh agreed.",
       {"Kim said military exercises between the US and South Korea\nwere routine.", "Noh agreed."}},
      {"bullet item without a period before a body line",
       "\u2022 Kim met Noh in Seoul\nThe meeting lasted an hour and covered aid and the drills.",
       {"Kim met Noh in Seoul", "The meeting lasted an hour and covered aid and the drills."}},
      {"middle dot bullet", "\u00B7 First\n\u00B7 Second", {"First", "Second"}},
      {"a dash that is not a bullet", "-5 degrees in Seoul", {"-5 degrees in Seoul"}},
      {"list numbers stay with their item",
       "1. Kim met Noh.\n2. Talks resume.",
       {"1. Kim met Noh.", "2. Talks resume."}},
      {"lines without letters or digits are dropped",
       "Kim met Noh.\n\n***\n\nTalks resume.",
       {"Kim met Noh.", "Talks resume."}},
      {"v. joins two names",
       "It overturned Roe v. Wade in 2022. Protests followed.",
       {"It overturned Roe v. Wade in 2022.", "Protests followed."}},
      {"AP dateline with a state abbreviation",
       "HANFORD, Calif. (AP) - A fire burned. It spread.",
       {"HANFORD, Calif. (AP) - A fire burned.", "It spread."}},
      {"URL-like and e.g. stay inside",
       "See example.com for details, e.g. the aid plan. It is new.",
       {"See example.com for details, e.g. the aid plan.", "It is new."}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Sentences(c.text), c.expected) << c.name;
  }
}

TEST(SentencesTest, SpansAreTrimmedOrderedAndDisjoint) {
  const std::string text = "  Kim arrived.   He met Noh.  \n\n  \u2022  Talks resume  \n";
  const std::vector<SentenceSpan> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 3u);
  size_t previous_end = 0;
  for (const SentenceSpan& s : spans) {
    ASSERT_LT(s.begin, s.end);
    EXPECT_GE(s.begin, previous_end);
    EXPECT_NE(text[s.begin], ' ');
    EXPECT_NE(text[s.end - 1], ' ');
    previous_end = s.end;
  }
  EXPECT_EQ(text.substr(spans[2].begin, spans[2].end - spans[2].begin), "Talks resume");
}

// Later stages look up each token's sentence: no token may fall outside every span or across
// two of them, whatever the punctuation.
TEST(SentencesTest, EveryTokenLiesInOneSentence) {
  const std::string texts[] = {
      "He returned to the U.S. The talks stalled. Growth was 3.5%.",
      "\u2022 a\n- b\n* c\n\u00B7 d e.g. f. G. H.I.J. k",
      "U.S.\nThe end... \"Why?\" (Yes.) 1. 2. No. 5. Jan. 5 Mr. X. Y",
      "...!!! ??? .a .B 'c' \"d\" -e- *f*",
      "Line one\nLine two\n\n\n Line three.\n\u2022\n\u2022 x",
  };
  for (const std::string& raw : texts) {
    const std::string text = Normalize(raw);
    const std::vector<SentenceSpan> spans = SplitSentences(text);
    for (const Token& token : Tokenize(text)) {
      int containing = 0;
      for (const SentenceSpan& s : spans) containing += s.begin <= token.begin && token.end <= s.end;
      EXPECT_EQ(containing, 1) << "token '" << token.text << "' in: " << text;
    }
  }
}

}  // namespace
}  // namespace storydesk::text
