#include "storydesk/entities/tagged_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::entities {
namespace {

// The sentences of `text` as tokens joined by spaces, sentences by " | ".
std::string Cut(std::string_view text) {
  std::string out;
  for (const std::vector<ByteSpan>& sentence : SplitForTagging(text)) {
    if (!out.empty()) out += " | ";
    for (size_t i = 0; i < sentence.size(); ++i) {
      if (i > 0) out += ' ';
      out += text.substr(sentence[i].begin, sentence[i].end - sentence[i].begin);
    }
  }
  return out;
}

TEST(TaggedTextTest, CutsTextAsTheTaggerWasTrained) {
  struct Case {
    const char* text;
    const char* cut;
  };
  const std::vector<Case> cases = {
      {"Sung Kim arrived in Seoul on Saturday.", "Sung Kim arrived in Seoul on Saturday ."},
      {"Kim's visit, Noh’s reply.", "Kim 's visit , Noh ’s reply ."},
      {"\"It is routine,\" Kim told reporters.", "\" It is routine , \" Kim told reporters ."},
      {"“Routine. Defensive.” He left.", "“ Routine . | Defensive . ” | He left ."},
      {"''We're anxious,'' he said.", "'' We're anxious , '' he said ."},
      {"countries, ”Kim said.", "countries , ” Kim said ."},
      {"Sen. John McCain met U.S. officials in Sept. 2016.", "Sen. John McCain met U.S. officials in Sept. 2016 ."},
      {"A. B. Jones (R-Ariz.) spoke—briefly.", "A. B. Jones ( R-Ariz . ) spoke — briefly ."},
      {"Headline here\nFirst line. second part.", "Headline here | First line . second part ."},
      {"Seoul\xC2\xA0(AP) says yes", "Seoul ( AP ) says yes"},
      {"", ""},
      {"  \n\n ", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Cut(c.text), c.cut) << c.text;
}

TEST(TaggedTextTest, AnEmptyModelFindsNoNamesButKeepsTheSentences) {
  const TaggedText tagged = TagText(EntityModel(), "Kim met Noh. They talked.");
  EXPECT_EQ(tagged.sentences.size(), 2u);
  EXPECT_TRUE(tagged.names.empty());
}

}  // namespace
}  // namespace storydesk::entities
