#include "core/text/names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text/sentences.h"
#include "storydesk/text/normalize.h"
#include "storydesk/text/tokens.h"

namespace storydesk::text {
namespace {

std::vector<std::string> Names(const std::string& raw) {
  const std::string text = Normalize(raw);
  return ExtractNames(text, Tokenize(text), SplitSentences(text));
}

struct NamesCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

TEST(NamesTest, Table) {
  const NamesCase cases[] = {
      {"empty", "", {}},
      {"no capitals", "talks resumed on the peninsula.", {}},
      {"multi-word names",
       "The envoy Sung Kim flew from North Korea to South Korea.",
       {"Sung Kim", "North Korea", "South Korea"}},
      {"hyphenated given name", "He met his counterpart, Noh Kyu-duk, in Seoul.", {"Noh Kyu-duk", "Seoul"}},
      {"acronyms", "NATO and the WHO met the US envoy.", {"NATO", "WHO", "US"}},
      {"acronym opening a sentence", "US has no hostile intent.", {"US"}},
      {"dotted acronym joins the next word", "The U.S. Army said so.", {"U.S. Army"}},
      {"punctuation breaks a name", "Kim, Noh and Chung met.", {"Kim", "Noh", "Chung"}},
      {"sentence-initial stop word dropped",
       "The United States agreed. In Seoul, Kim spoke.",
       {"United States", "Seoul", "Kim"}},
      {"sentence-initial common words dropped", "But talks stalled. After that, However nothing moved.", {}},
      {"sentence-initial word seen in lower case elsewhere", "Peace process\n\nThe peace process stalled.", {}},
      {"lower-case use outweighs use inside a name",
       "Peace returned. The Korean Peninsula Peace Forum met in peace.",
       {"Korean Peninsula Peace Forum"}},
      {"sentence-initial name kept", "Kim arrived in Seoul on Saturday.", {"Kim", "Seoul"}},
      {"multi-word run at a sentence start kept", "Sung Kim arrived.", {"Sung Kim"}},
      {"weekdays and months dropped",
       "On Sunday Kim met Chung. The drills began in August and end Monday.",
       {"Kim", "Chung"}},
      {"month after a name is part of it", "Theresa May spoke in May.", {"Theresa May"}},
      {"abbreviated month with its period", "It began Jan. 5 in Seoul.", {"Seoul"}},
      {"honorific alone dropped, name kept",
       "Mr. Kim met Dr. Noh and Gov. Andrew Cuomo.",
       {"Kim", "Noh", "Andrew Cuomo"}},
      {"honorific without a period", "Dr Noh met Mr Kim.", {"Noh", "Kim"}},
      {"job titles kept",
       "the President said. US President Joe Biden agreed.",
       {"President", "US President Joe Biden"}},
      {"possessive removed and ends the name",
       "Washington's special envoy met South Korea's Noh.",
       {"Washington", "South Korea", "Noh"}},
      {"initials join", "It was John F. Kennedy who spoke.", {"John F. Kennedy"}},
      {"compound suffix is not part of the name",
       "the Seoul-based group and the Korea-backed plan",
       {"Seoul", "Korea"}},
      {"capitalised compound kept whole", "Korean-American voters", {"Korean-American"}},
      {"single letters are not names", "Plan B was chosen over plan A.", {"Plan B"}},
      {"names do not cross sentences", "He flew to Seoul. Kim waited.", {"Seoul"}},
      {"lone opener confirmed by a capitalised use inside a sentence",
       "He flew to meet Kim. Kim waited.",
       {"Kim", "Kim"}},
      {"lone openers without evidence dropped in longer texts",
       "Officials met. Analysts said Kim would come. Kim did.",
       {"Kim", "Kim"}},
      {"many lone openers, each confirmed",
       "Kim spoke. Noh agreed. Chung left. Lee stayed. Then Kim, Noh, Chung and Lee met.",
       {"Kim", "Noh", "Chung", "Lee", "Kim", "Noh", "Chung", "Lee"}},
      {"a one-sentence text keeps its opener", "Drills resume near the border", {"Drills"}},
      {"line break inside a name becomes a space",
       "Sung Kim, the special envoy of the United States for North\nKorea, arrived in Seoul on Saturday.",
       {"Sung Kim", "United States", "North Korea", "Seoul"}},
      {"accented names",
       "\u00C9lys\u00E9e officials met \u00C1ngel Mar\u00EDa.",
       {"\u00C9lys\u00E9e", "\u00C1ngel Mar\u00EDa"}},
      {"repeats kept in order", "Kim met Noh. Noh thanked Kim.", {"Kim", "Noh", "Noh", "Kim"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Names(c.text), c.expected) << c.name;
  }
}

TEST(NamesTest, TokensOutsideSentencesAreIgnored) {
  const std::string text = "Kim met Noh";
  const std::vector<Token> tokens = Tokenize(text);
  EXPECT_TRUE(ExtractNames(text, tokens, {}).empty());
  EXPECT_EQ(ExtractNames(text, tokens, {SentenceSpan{4, 11}}), (std::vector<std::string>{"Noh"}));
}

}  // namespace
}  // namespace storydesk::text
