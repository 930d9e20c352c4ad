#include "core/digest/opening_pronoun.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::digest {
namespace {

// A story of one article whose people are given by hand: `names` are (written form, entity)
// at their first occurrence after the previous one's; `pronoun` (at its first occurrence after
// them) is linked to `pronoun_entity`.
struct Case {
  std::string name;
  std::string text;
  std::vector<std::pair<std::string, size_t>> names;
  std::string pronoun_context;  // the text the pronoun opens
  size_t pronoun_entity = 0;
  std::string bullet;  // a sentence of the article as the digest has it
  std::string expected;
};

StoryVoices VoicesOf(const Case& c) {
  StoryVoices v;
  v.entities.push_back({"Sung Kim", entities::EntityType::kPerson, {}, {}, 3, {"a"}});
  v.entities.push_back({"Noh Kyu-duk", entities::EntityType::kPerson, {}, {}, 2, {"a"}});
  v.entities.push_back({"John Warner", entities::EntityType::kPerson, {}, {}, 2, {"a"}});
  v.entities.push_back({"Jeanne Warner", entities::EntityType::kPerson, {}, {}, 1, {"a"}});
  v.entities.push_back({"Seoul", entities::EntityType::kLocation, {}, {}, 1, {"a"}});
  size_t from = 0;
  for (const auto& [written, entity] : c.names) {
    const size_t at = c.text.find(written, from);
    EXPECT_NE(at, std::string::npos) << written;
    v.mentions.push_back({0, at, at + written.size(), entity, false});
    from = at + written.size();
  }
  const size_t at = c.text.find(c.pronoun_context, from);
  EXPECT_NE(at, std::string::npos) << c.pronoun_context;
  const size_t length = c.pronoun_context.find(' ');
  v.mentions.push_back({0, at, at + length, c.pronoun_entity, true});
  return v;
}

TEST(OpeningPronounTest, ReplacedOnlyWhenTheSentenceBeforeIsAboutThePerson) {
  const std::vector<Case> cases = {
      {"subject of the sentence before",
       "Sung Kim arrived in Seoul on Saturday. He said talks would resume.",
       {{"Sung Kim", 0}, {"Seoul", 4}},
       "He said talks",
       0,
       "He said talks would resume.",
       "Sung Kim said talks would resume."},
      {"after a title",
       "US envoy Sung Kim arrived on Saturday. He said talks would resume.",
       {{"Sung Kim", 0}},
       "He said talks",
       0,
       "He said talks would resume.",
       "Sung Kim said talks would resume."},
      {"the surname as written keeps the story's fullest form",
       "Kim arrived on Saturday. He said talks would resume.",
       {{"Kim", 0}},
       "He said talks",
       0,
       "He said talks would resume.",
       "Sung Kim said talks would resume."},
      {"two people before: names give no gender",
       "Sung Kim met Noh Kyu-duk on Monday. He said talks would resume.",
       {{"Sung Kim", 0}, {"Noh Kyu-duk", 1}},
       "He said talks",
       1,
       "He said talks would resume.",
       "He said talks would resume."},
      {"a name deep inside the sentence before",
       "The court heard on Monday from the family of a former patient, Sung Kim. He did not testify.",
       {{"Sung Kim", 0}},
       "He did not",
       0,
       "He did not testify.",
       "He did not testify."},
      {"no one named in the sentence before",
       "Sung Kim arrived on Saturday. The visit comes amid tension. He said talks would resume.",
       {{"Sung Kim", 0}},
       "He said talks",
       0,
       "He said talks would resume.",
       "He said talks would resume."},
      {"a relative of the same surname: the surname as written",
       "John Warner has died. His wife Jeanne Warner was with him. Warner served in the Navy. He later "
       "served as secretary of the Navy.",
       {{"John Warner", 2}, {"Jeanne Warner", 3}, {"Warner", 2}},
       "He later",
       2,
       "He later served as secretary of the Navy.",
       "Warner later served as secretary of the Navy."},
      {"a pronoun inside the sentence",
       "Sung Kim arrived on Saturday, and then he said talks would resume.",
       {{"Sung Kim", 0}},
       "he said talks",
       0,
       "And then he said talks would resume.",
       "And then he said talks would resume."},
      {"another sentence of the same opening is not this one",
       "Sung Kim arrived on Saturday. He said talks would resume.",
       {{"Sung Kim", 0}},
       "He said talks",
       0,
       "He met the minister.",
       "He met the minister."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DigestArticle article;
    article.id = "a";
    article.text = c.text;
    const std::vector<std::vector<ResolvedOpening>> resolved = ResolveOpeningPronouns({article}, VoicesOf(c));
    ASSERT_EQ(resolved.size(), 1u);
    EXPECT_EQ(WithOpeningPronounResolved(c.bullet, resolved[0]), c.expected);
  }
}

TEST(OpeningPronounTest, OnlyHeAndSheAreReplaced) {
  const std::vector<ResolvedOpening> resolved = {{"saidtalkswouldresume", "Sung Kim"}};
  EXPECT_EQ(WithOpeningPronounResolved("It said talks would resume.", resolved), "It said talks would resume.");
  EXPECT_EQ(WithOpeningPronounResolved("Hence said talks would resume.", resolved), "Hence said talks would resume.");
  EXPECT_EQ(WithOpeningPronounResolved("She said talks would resume.", resolved), "Sung Kim said talks would resume.");
  EXPECT_EQ(WithOpeningPronounResolved("He", resolved), "He");
  EXPECT_EQ(WithOpeningPronounResolved("", resolved), "");
}

}  // namespace
}  // namespace storydesk::digest
