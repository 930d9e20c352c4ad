#include "storydesk/copies/copy_relation.h"

#include <gtest/gtest.h>

#include "core/fingerprint/exact_hash.h"
#include "storydesk/copies/sentence_profile.h"
#include "storydesk/fingerprint/minhash.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::copies {
namespace {

// Hand-set weights: a pair matches when most of its weighted stems are shared.
SentenceModel TestModel() {
  SentenceModel m;
  m.weights[kSentenceBias] = -6.0;
  m.weights[kWeightedDice] = 10.0;
  m.match_probability = 0.7;
  return m;
}

class CopyRelationTest : public ::testing::Test {
 protected:
  CopyDocument Doc(const std::string& body) {
    const text::AnalyzedText t = analyzer_.Analyze(body);
    return MakeCopyDocument(fingerprint::ExactHash(t.normalized), fingerprint::ShingleHashes(t.words),
                            BuildSentenceProfiles(t, statistics_), static_cast<uint32_t>(t.words.size()));
  }
  CopyVerdict Classify(const std::string& a, const std::string& b) {
    const SentenceModel model = TestModel();
    return ClassifyCopy(Doc(a), Doc(b), {&model, nullptr});
  }

  text::TextAnalyzer analyzer_;
  terms::TermStatistics statistics_;
};

const char* const kStory =
    "The harbour authority in Karsholm closed the northern channel on Monday after a ferry struck a freighter. "
    "Forty passengers were treated for minor injuries at the regional hospital, officials said. "
    "Investigators from the maritime safety board boarded both vessels to examine their navigation records. "
    "The channel is expected to reopen on Thursday once divers have inspected the damaged pier. "
    "Ferry services to the islands will run from the southern terminal until then, the operator said.";

// kStory re-worded sentence by sentence, in order.
const char* const kReworded =
    "On Monday the Karsholm harbour authority shut the northern channel after a ferry hit a freighter. "
    "Officials said forty passengers had minor injuries treated at the regional hospital. "
    "The maritime safety board sent investigators aboard both vessels to examine navigation records. "
    "Once divers inspect the damaged pier, the channel should reopen on Thursday. "
    "Until then island ferry services run from the southern terminal, according to the operator.";

TEST_F(CopyRelationTest, SameTextIsExact) { EXPECT_EQ(Classify(kStory, kStory).kind, CopyKind::kExact); }

TEST_F(CopyRelationTest, ALightEditIsNear) {
  std::string edited = kStory;
  edited.replace(edited.find("Forty"), 5, "About forty");
  const CopyVerdict v = Classify(kStory, edited);
  EXPECT_EQ(v.kind, CopyKind::kNear);
  EXPECT_GE(v.jaccard, 0.7);
}

TEST_F(CopyRelationTest, TheLeadAloneIsAnExcerpt) {
  const std::string story = kStory;
  const std::string lead = story.substr(0, story.find("The channel"));
  const CopyVerdict v = Classify(lead, story);
  EXPECT_EQ(v.kind, CopyKind::kExcerpt);
  EXPECT_DOUBLE_EQ(v.containment, 1.0);
}

TEST_F(CopyRelationTest, ReworkedSentencesInOrderAreARewrite) {
  const CopyVerdict v = Classify(kStory, kReworded);
  EXPECT_EQ(v.kind, CopyKind::kRewrite);
  EXPECT_GE(v.score, 0.6);
  EXPECT_LT(v.jaccard, 0.3);
}

TEST_F(CopyRelationTest, AnotherReportOfTheSameEventIsNoCopy) {
  const std::string other =
      "A ferry carrying two hundred people collided with a cargo ship near Karsholm early on Monday. "
      "Witnesses described a loud bang and passengers rushing to the deck in the dark. "
      "The ferry operator apologised and promised to compensate travellers for delays. "
      "Local fishermen helped guide the damaged ferry back to port, a harbour worker said. "
      "It was the second accident in the channel this year.";
  EXPECT_EQ(Classify(kStory, other).kind, CopyKind::kNone);
}

TEST_F(CopyRelationTest, WithoutASentenceModelThereAreNoRewrites) {
  EXPECT_EQ(ClassifyCopy(Doc(kStory), Doc(kReworded), CopyModels{}).kind, CopyKind::kNone);
}

// Hand-set: a rewrite when the loose alignment covers most words with adjacent links.
RewriteModel TestRewriteModel() {
  RewriteModel m;
  m.weights[kRewriteBias] = -8.0;
  m.weights[kLooseCoverage] = 6.0;
  m.weights[kAdjacentLinks] = 4.0;
  m.rewrite_probability = 0.5;
  return m;
}

TEST_F(CopyRelationTest, TheRewriteModelDecidesAndItsProbabilityIsTheScore) {
  const SentenceModel sentences = TestModel();
  const RewriteModel rewrites = TestRewriteModel();
  const CopyDocument story = Doc(kStory), reworded = Doc(kReworded);
  const CopyVerdict v = ClassifyCopy(story, reworded, {&sentences, &rewrites});
  ASSERT_EQ(v.kind, CopyKind::kRewrite);
  const auto evidence = RewriteCandidate(story, reworded, sentences);
  ASSERT_TRUE(evidence.has_value());
  EXPECT_DOUBLE_EQ(v.score, rewrites.Probability(evidence->features));
  EXPECT_GE(v.score, 0.5);

  // A decision that never says yes finds no rewrite where the coverage rule would.
  RewriteModel never = rewrites;
  never.weights[kRewriteBias] = -100.0;
  EXPECT_EQ(ClassifyCopy(story, reworded, {&sentences, &never}).kind, CopyKind::kNone);
}

TEST_F(CopyRelationTest, OnlyPairsWithoutShingleCopiesAreRewriteCandidates) {
  const SentenceModel sentences = TestModel();
  EXPECT_FALSE(RewriteCandidate(Doc(kStory), Doc(kStory), sentences).has_value());  // exact
  EXPECT_FALSE(RewriteCandidate(Doc(kStory), Doc("Ferry hits freighter. Channel closed. Forty hurt."), sentences)
                   .has_value());  // too short to judge
  EXPECT_TRUE(RewriteCandidate(Doc(kStory), Doc(kReworded), sentences).has_value());
}

TEST(CopyKindTest, NamesRoundTrip) {
  for (CopyKind k : {CopyKind::kExact, CopyKind::kNear, CopyKind::kExcerpt, CopyKind::kRewrite}) {
    EXPECT_EQ(CopyKindFromName(CopyKindName(k)), k);
  }
  EXPECT_EQ(CopyKindName(CopyKind::kNone), "");
  EXPECT_EQ(CopyKindFromName("copy"), std::nullopt);
}

// Issue 15: Fox and The Hill quoting one speech were called a rewrite. Each text frames the
// same quotations with its own reporting: what they share is what the speaker said.
TEST_F(CopyRelationTest, TwoReportsQuotingOneSpeechAreNotARewrite) {
  // The same quotations as two outlets transcribe them: a few words apart, so no 5-word
  // shingles to speak of, the same content words. (A literal in parentheses is one quotation
  // split over two lines.)
  const char* const quotes_first[] = {
      ("\"The harbour authority closed the northern channel on Monday after a ferry struck a freighter,\" the minister "
       "said."),
      "\"Forty passengers were treated for minor injuries at the regional hospital.\"",
      "\"Investigators from the maritime safety board boarded both vessels to examine their navigation records.\"",
      "\"The channel is expected to reopen on Thursday once divers have inspected the damaged pier.\"",
  };
  const char* const quotes_second[] = {
      ("\"On Monday the harbour authority, it closed the northern channel, after the ferry had struck a freighter,\" "
       "the minister said."),
      "\"Some forty passengers, they were treated at the regional hospital for minor injuries.\"",
      "\"The investigators of the maritime safety board, they boarded the two vessels to examine navigation records.\"",
      "\"We expect the channel to reopen Thursday, once the divers inspected the damaged pier.\"",
  };
  std::string first = "The transport minister spoke in parliament in Karsholm on Tuesday about the accident. ";
  std::string second = "Opposition members asked for an inquiry into the ferry company's safety record this week. ";
  for (const char* q : quotes_first) first += std::string(q) + " ";
  for (const char* q : quotes_second) second += std::string(q) + " ";
  const CopyVerdict quoted = Classify(first, second);
  EXPECT_EQ(quoted.kind, CopyKind::kNone) << "score " << quoted.score;

  std::string unquoted_first = first, unquoted_second = second;
  for (std::string* s : {&unquoted_first, &unquoted_second}) {
    for (char& c : *s) c = c == '"' ? ' ' : c;
  }
  // The same sentences as the texts' own reporting: a rewrite.
  const CopyVerdict reported = Classify(unquoted_first, unquoted_second);
  EXPECT_EQ(reported.kind, CopyKind::kRewrite) << "jaccard " << reported.jaccard;
}

TEST(SentenceProfileQuotesTest, QuotedShareFollowsQuotationsAcrossSentences) {
  text::TextAnalyzer analyzer;
  terms::TermStatistics statistics;
  const auto profiles = BuildSentenceProfiles(
      analyzer.Analyze("The minister spoke on Monday. \"We will act. We will act now,\" she said. "
                       "Nobody answered."),
      statistics);
  ASSERT_EQ(profiles.size(), 4u);
  EXPECT_FLOAT_EQ(profiles[0].quoted_share, 0.0f);
  EXPECT_FLOAT_EQ(profiles[1].quoted_share, 1.0f);  // "We will act.
  EXPECT_GT(profiles[2].quoted_share, 0.5f);        // We will act now," she said.
  EXPECT_LT(profiles[2].quoted_share, 1.0f);
  EXPECT_FLOAT_EQ(profiles[3].quoted_share, 0.0f);
  EXPECT_DOUBLE_EQ(EvidenceWords(profiles[1]), profiles[1].word_count * kQuotedWordWeight);
  EXPECT_DOUBLE_EQ(EvidenceWords(profiles[0]), profiles[0].word_count);

  // A stray mark quotes at most the rest of its paragraph.
  const auto stray = BuildSentenceProfiles(
      analyzer.Analyze("\"\"Here they stood by their leader\". Nobody disagreed.\n\nThe vote is on Friday."),
      statistics);
  ASSERT_EQ(stray.size(), 3u);
  EXPECT_FLOAT_EQ(stray[2].quoted_share, 0.0f);
}

}  // namespace
}  // namespace storydesk::copies
