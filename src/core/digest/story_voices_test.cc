#include "storydesk/digest/story_voices.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/digest/test_models.h"
#include "storydesk/digest/story_digest.h"

namespace storydesk::digest {
namespace {

// Hand-set models, as story_digest_test.cc sets them: a sentence matcher and a claim matcher
// that find a text stating a claim when a window covers most of its weighted stems, and an
// entity model that knows a few names by their words (W=… features, the label before).
entities::EntityModel TestTagger() {
  auto model = entities::EntityModel::Parse(std::string(entities::kEntityModelHeader) +
                                            "\n"
                                            "b=\tO=1\n"
                                            "W=Sung\tB-PER=5\n"
                                            "W=Noh\tB-PER=5\n"
                                            "W=Kim\tU-PER=3\n"
                                            "W=Kyu-duk\tU-PER=3\n"
                                            "W=Seoul\tU-LOC=5\n"
                                            "W=Pyongyang\tU-LOC=5\n"
                                            "W=Kevin\tB-PER=5\n"
                                            "W=McCarthy\tU-ORG=4\n"
                                            "W=House\tB-PER=4\n"
                                            "W=Jan.\tU-ORG=5\n"
                                            "t-1=B-PER\tL-PER=10\n");
  EXPECT_TRUE(model.ok()) << model.status().message();
  return std::move(model).value();
}

DigestArticle Article(std::string id, std::optional<std::string> title, std::string text) {
  DigestArticle a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.text = std::move(text);
  a.relation = "original";
  return a;
}

class StoryVoicesTest : public ::testing::Test {
 protected:
  StoryVoices Voices(const std::vector<DigestArticle>& articles) {
    return FindStoryVoices(articles, tagger_, matcher_, claims_, statistics_);
  }
  static const StoryEntity* Entity(const StoryVoices& v, const std::string& name) {
    for (const StoryEntity& e : v.entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
  static const StoryQuote* Quote(const StoryVoices& v, const std::string& words) {
    for (const StoryQuote& q : v.quotes) {
      if (q.text.find(words) != std::string::npos) return &q;
    }
    return nullptr;
  }
  const entities::EntityModel tagger_ = TestTagger();
  const copies::SentenceModel matcher_ = TestMatcher();
  const claims::ClaimMatcher claims_{TestClaims(), nullptr};
  terms::TermStatistics statistics_;
};

TEST_F(StoryVoicesTest, OnePersonAcrossArticlesWithRolesAndEachQuoteOnceWithBothWordings) {
  const StoryVoices v =
      Voices({Article("a", "Envoy Sung Kim in Seoul",
                      "US special envoy Sung Kim arrived in Seoul on Saturday.\n\n"
                      "\"We have no hostile intent toward Pyongyang,\" Kim told reporters.\n\n"
                      "\"I stand ready to meet my counterparts anywhere at any time,\" Kim said."),
              Article("b", std::nullopt,
                      "Sung Kim met senior diplomat Noh Kyu-duk in Seoul.\n\n"
                      "\"We have no hostile intent toward Pyongyang at all,\" Kim said. \"I stand ready to meet my "
                      "counterparts anywhere and anytime.\"")});
  const StoryEntity* kim = Entity(v, "Sung Kim");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->type, entities::EntityType::kPerson);
  EXPECT_EQ(kim->articles, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(kim->aliases, std::vector<std::string>{"Kim"});
  EXPECT_NE(std::find(kim->roles.begin(), kim->roles.end(), "special envoy"), kim->roles.end())
      << "\"US\" is no name to this tagger, so the role starts at \"special\"";
  const StoryEntity* noh = Entity(v, "Noh Kyu-duk");
  ASSERT_NE(noh, nullptr);
  EXPECT_EQ(noh->roles, std::vector<std::string>{"senior diplomat"});
  EXPECT_EQ(v.entities.front().name, "Sung Kim") << "people first, the most mentioned first";

  for (const std::string words : {"We have no hostile intent", "I stand ready to meet"}) {
    const StoryQuote* q = Quote(v, words);
    ASSERT_NE(q, nullptr) << words;
    EXPECT_EQ(q->speaker, "Sung Kim");
    ASSERT_EQ(q->variants.size(), 2u) << words;
    EXPECT_EQ(q->variants[0].article, "a");
    EXPECT_EQ(q->variants[1].article, "b");
    EXPECT_EQ(q->text, q->variants[0].text) << "the first article's wording";
  }
}

TEST_F(StoryVoicesTest, AShortNameTwoPeopleShareIsNoOnesAndAHeadlineOnlyNameIsNotListed) {
  const StoryVoices v = Voices(
      {Article("a", "Noh Kyu-duk Meets Envoy", "Sung Kim arrived.\n\nKim met the press.\n\nNoh Kim spoke later."),
       Article("b", std::nullopt, "Kim left Seoul.")});
  EXPECT_EQ(Entity(v, "Kim"), nullptr) << "Sung Kim or Noh Kim: a lone Kim is either";
  EXPECT_NE(Entity(v, "Sung Kim"), nullptr);
  EXPECT_EQ(Entity(v, "Noh Kyu-duk"), nullptr) << "named in the headline only";
}

TEST_F(StoryVoicesTest, TheTaggersSlipsAreMendedOrLeftOut) {
  // A surname tagged as an organisation joins the person; a "person" of titles only, a month
  // and a one-off word are not listed.
  const StoryVoices v = Voices({Article("a", std::nullopt,
                                        "Kevin McCarthy spoke in Jan. as House Leader Pyongyang said.\n\n"
                                        "McCarthy left. McCarthy returned."),
                                Article("b", std::nullopt, "McCarthy said no.")});
  const StoryEntity* kevin = Entity(v, "Kevin McCarthy");
  ASSERT_NE(kevin, nullptr);
  EXPECT_EQ(kevin->mentions, 4u);
  EXPECT_EQ(kevin->aliases, std::vector<std::string>{"McCarthy"});
  EXPECT_EQ(kevin->articles, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Entity(v, "McCarthy"), nullptr);
  EXPECT_EQ(Entity(v, "Jan."), nullptr);
  EXPECT_EQ(Entity(v, "House Leader"), nullptr);
  EXPECT_EQ(Entity(v, "Pyongyang"), nullptr) << "named once, one word";
}

TEST_F(StoryVoicesTest, ACopyIsReadThroughItsOriginal) {
  DigestArticle copy = Article("c", std::nullopt, "\"We have no hostile intent toward Pyongyang,\" Sung Kim said.");
  copy.copy_of = "a";
  copy.relation = "exact";
  const StoryVoices v =
      Voices({Article("a", std::nullopt, "\"We have no hostile intent toward Pyongyang,\" Sung Kim said."), copy});
  ASSERT_EQ(v.quotes.size(), 1u);
  EXPECT_EQ(v.quotes[0].variants.size(), 1u) << "the copy's quote is its original's";
}

// A tagger for the linking tests: names of two and three words, honorifics inside a name, and
// one context ("studio") in which a person's name is taken for an organisation.
entities::EntityModel LinkingTagger() {
  auto model = entities::EntityModel::Parse(std::string(entities::kEntityModelHeader) +
                                            "\n"
                                            "b=\tO=1\n"
                                            "W=Seth\tB-PER=5\n"
                                            "w-1=studio\tB-ORG=20\n"
                                            "W=Mark\tB-PER=5\n"
                                            "W=Mr.\tB-PER=5\n"
                                            "W=Teixeira\tU-PER=3\n"
                                            "W=Brian\tB-PER=5\n"
                                            "W=G.\tI-PER=30\n"
                                            "W=Sung\tB-PER=5\n"
                                            "W=Noh\tB-PER=5\n"
                                            "W=US\tU-LOC=5\n"
                                            "W=North\tB-LOC=5\n"
                                            "t-1=B-PER\tL-PER=10\n"
                                            "t-1=I-PER\tL-PER=10\n"
                                            "t-1=B-ORG\tL-ORG=10\n"
                                            "t-1=B-LOC\tL-LOC=10\n");
  EXPECT_TRUE(model.ok()) << model.status().message();
  return std::move(model).value();
}

TEST_F(StoryVoicesTest, HonorificsMiddleInitialsAndTheStorysMajorityTypeLinkOnePerson) {
  const entities::EntityModel tagger = LinkingTagger();
  const std::vector<DigestArticle> articles = {
      Article("a", std::nullopt,
              "Mark Teixeira signed on Monday. Mr. Teixeira smiled. Brian G. Nichols fled. Seth MacFarlane will host."),
      Article("b", std::nullopt, "Brian Nichols was caught. Teixeira left. Seth MacFarlane spoke."),
      Article("c", std::nullopt, "The studio Seth MacFarlane runs agreed.")};
  const StoryVoices v = FindStoryVoices(articles, tagger, matcher_, claims_, statistics_);
  const StoryEntity* mark = Entity(v, "Mark Teixeira");
  ASSERT_NE(mark, nullptr);
  EXPECT_EQ(mark->mentions, 3u) << "\"Mr. Teixeira\" is Teixeira; the lone \"Teixeira\" of b joins too";
  EXPECT_EQ(Entity(v, "Mr. Teixeira"), nullptr);
  const StoryEntity* brian = Entity(v, "Brian G. Nichols");
  ASSERT_NE(brian, nullptr);
  EXPECT_EQ(brian->articles, (std::vector<std::string>{"a", "b"})) << "Brian Nichols, without the initial";
  const StoryEntity* seth = Entity(v, "Seth MacFarlane");
  ASSERT_NE(seth, nullptr);
  EXPECT_EQ(seth->type, entities::EntityType::kPerson) << "a person in two mentions of three";
  EXPECT_EQ(seth->mentions, 3u);

  // Each listed entity's mentions, with their place in the article's text.
  size_t of_mark = 0;
  for (const EntityMention& m : v.mentions) {
    ASSERT_LT(m.entity, v.entities.size());
    const std::string& text = articles[m.article].text;
    ASSERT_LE(m.end, text.size());
    const std::string surface = text.substr(m.begin, m.end - m.begin);
    if (v.entities[m.entity].name != "Mark Teixeira") continue;
    ++of_mark;
    EXPECT_TRUE(surface == "Mark Teixeira" || surface == "Mr. Teixeira" || surface == "Teixeira") << surface;
  }
  EXPECT_EQ(of_mark, 3u);
}

TEST_F(StoryVoicesTest, ATitleWithThePlaceItServesIsARoleAListOfPeopleIsNot) {
  const entities::EntityModel tagger = LinkingTagger();
  const StoryVoices v =
      FindStoryVoices({Article("a", std::nullopt,
                               "US Special Representative for North Korea Sung Kim arrived. Sung Kim met Noh Kyu-duk. "
                               "Noh Kyu-duk, Sung Kim and senior envoy staff, left.")},
                      tagger, matcher_, claims_, statistics_);
  const StoryEntity* kim = Entity(v, "Sung Kim");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->roles, std::vector<std::string>{"US Special Representative for North Korea"});
  const StoryEntity* noh = Entity(v, "Noh Kyu-duk");
  ASSERT_NE(noh, nullptr);
  EXPECT_TRUE(noh->roles.empty()) << "\", Sung Kim and senior envoy staff,\" lists people, it says no role";
}

}  // namespace
}  // namespace storydesk::digest
