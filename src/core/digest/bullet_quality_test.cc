#include "core/digest/bullet_quality.h"

#include <gtest/gtest.h>

#include "storydesk/text/analyzer.h"

namespace storydesk::digest {
namespace {

struct Case {
  const char* sentence;
  bool fragment;
  bool opinion;
};

// Made-up sentences, one per rule, with a sound sentence beside each.
constexpr Case kCases[] = {
    {"Officials said the ferry carried two hundred passengers.", false, false},
    {"Investors have been closely...", true, false},
    {"Other sectors, meanwhile, continue to face shortages.", true, false},
    {"Investors have been closely\xe2\x80\xa6", true, false},
    {"\"We will rebuild the pier, and the channel will reopen,", true, false},
    {"the channel reopened on Friday after divers finished.", true, false},
    {"He said the channel would reopen on Friday.", true, false},
    {"It was the second accident in the channel this year.", true, false},
    {"But the operator said services would resume on Friday.", true, false},
    {"However, the harbour authority kept the channel closed.", true, false},
    {"If not, the ferry will stay in port until Friday.", true, false},
    {"If the ferry sails, the port will reopen on Friday.", false, false},
    {"The Senate passed the bill by a vote of 67 to 32.", false, false},
    {"\"We are ready to meet anywhere,\" the envoy said on Monday.", false, false},
    {"\"Democracy and the republic will win.\"", true, false},
    {"I think the ferry should never have left the port.", false, true},
    {"We must do better by the passengers of this channel.", false, true},
    {"The operator should have closed the channel sooner.", false, true},
    // A prescription attributed to someone is a reported view, which a bullet may give.
    {"The operator should have closed the channel sooner, critics said.", false, false},
    {"The minister ruled out a new ferry on Friday, saying the port should be rebuilt first.", false, false},
    {"Why did nobody warn the crew?", false, true},
    {"What a disaster it was for the islands!", false, true},
    {"U.S. officials said the talks would resume in Seoul.", false, false},
    {"Both are among critics of May's Brexit deal with the European Union.", true, false},
    {"Neither was charged with a crime.", true, false},
    {"Others said the vote would be close.", true, false},
    {"Both Nestle and Cadbury said they were pleased with the ruling.", false, false},
    {"Each year, thousands of pilgrims walk the route.", false, false},
};

TEST(BulletQualityTest, FragmentsAndCommentary) {
  for (const Case& c : kCases) {
    EXPECT_EQ(IsFragmentSentence(c.sentence, false), c.fragment) << c.sentence;
    EXPECT_EQ(IsOpinionSentence(c.sentence), c.opinion) << c.sentence;
  }
}

TEST(BulletQualityTest, ADefiniteOpeningNounIsACommonNoun) {
  EXPECT_EQ(DefiniteOpeningNoun("The exercise comes ahead of the talks."), "exercise");
  EXPECT_EQ(DefiniteOpeningNoun("These talks were the first in a year."), "talks");
  EXPECT_EQ(DefiniteOpeningNoun("The Senate voted on Tuesday."), "");
  EXPECT_EQ(DefiniteOpeningNoun("Officials said the exercise ended."), "");
  EXPECT_TRUE(IsFragmentSentence("The exercise comes ahead of the talks.", /*refers_back=*/true));
  EXPECT_TRUE(OpensWithEventReference("The move comes as record numbers seek asylum."));
  EXPECT_TRUE(OpensWithEventReference("The summit came after months of talks."));
  EXPECT_TRUE(OpensWithEventReference("The ruling was a setback for the agency."));
  EXPECT_FALSE(OpensWithEventReference("The Senate passed the bill on Tuesday."));
  EXPECT_FALSE(OpensWithEventReference("The economy grew 6.5% in the quarter."));
}

TEST(BulletQualityTest, ContentContainmentOfAShortRestatement) {
  text::TextAnalyzer analyzer;
  terms::TermStatistics statistics;
  auto profile = [&](const char* s) { return copies::BuildSentenceProfiles(analyzer.Analyze(s), statistics).at(0); };
  const auto long_one = profile(
      "Officials found that recall organizers had collected 1,626,042 signatures on their petition, more than "
      "the roughly 1.5 million required to put the question to voters.");
  const auto short_one = profile("Recall organizers collected more than 1.6 million signatures, officials found.");
  const auto other = profile("The governor called the recall a partisan power grab on Monday.");
  EXPECT_GE(ContentContainment(short_one, long_one), 0.6);
  EXPECT_DOUBLE_EQ(ContentContainment(short_one, long_one), ContentContainment(long_one, short_one));
  EXPECT_LT(ContentContainment(other, long_one), 0.6);
  EXPECT_DOUBLE_EQ(ContentContainment(profile("Yes."), long_one), 0.0);
}

TEST(BulletQualityTest, OutsideQuotesDropsQuotedWords) {
  EXPECT_EQ(OutsideQuotes("\"I am ready,\" she said."), " she said.");
  EXPECT_EQ(OutsideQuotes("She said \xe2\x80\x9cwe will go\xe2\x80\x9d today."), "She said  today.");
}

TEST(BulletQualityTest, CutsTheConnectiveASentenceOpensWith) {
  struct Cut {
    const char* sentence;
    const char* expected;
  };
  const Cut cuts[] = {
      {"But the operator said services would resume on Friday.", "The operator said services would resume on Friday."},
      {"However, the harbour authority kept the channel closed.", "The harbour authority kept the channel closed."},
      {"And then the council voted to close the bridge.", "Then the council voted to close the bridge."},
      {"Still, 40 ferries sailed on Monday.", "40 ferries sailed on Monday."},
      // Not connectives here, or nothing would remain: unchanged.
      {"So far the channel has stayed closed.", "So far the channel has stayed closed."},
      {"Still no word came from the operator.", "Still no word came from the operator."},
      {"Yet another ferry was held in port.", "Yet another ferry was held in port."},
      {"Butterfly numbers rose on the islands.", "Butterfly numbers rose on the islands."},
      {"But ", "But "},
  };
  for (const Cut& c : cuts) EXPECT_EQ(WithoutOpeningConnective(c.sentence), c.expected) << c.sentence;
  EXPECT_EQ(WithoutSectionLabel("Importance Suicide is a leading cause of death."),
            "Suicide is a leading cause of death.");
  EXPECT_EQ(WithoutSectionLabel("Results of the vote came on Monday."), "Results of the vote came on Monday.");
  EXPECT_EQ(WithoutSectionLabel("Importance"), "Importance");
  // What is left is judged as a sentence of its own: a pronoun still leans on the one before.
  EXPECT_TRUE(IsFragmentSentence(WithoutOpeningConnective("But he said the channel would reopen."), false));
}

}  // namespace
}  // namespace storydesk::digest
