#include "storydesk/copies/packed_sentences.h"

#include <gtest/gtest.h>

#include "storydesk/terms/term_statistics.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::copies {
namespace {

void ExpectSame(const SentenceProfile& a, const SentenceProfile& b) {
  ASSERT_EQ(a.stems.size(), b.stems.size());
  for (size_t i = 0; i < a.stems.size(); ++i) {
    EXPECT_EQ(a.stems[i].term, b.stems[i].term);
    EXPECT_EQ(a.stems[i].weight, b.stems[i].weight);
  }
  EXPECT_EQ(a.names, b.names);
  EXPECT_EQ(a.numbers, b.numbers);
  EXPECT_EQ(a.bigrams, b.bigrams);
  EXPECT_EQ(a.word_bigrams, b.word_bigrams);
  EXPECT_EQ(a.word_trigrams, b.word_trigrams);
  EXPECT_EQ(a.weight, b.weight);
  EXPECT_EQ(a.word_count, b.word_count);
  EXPECT_EQ(a.quoted_share, b.quoted_share);
  EXPECT_EQ(a.begin, b.begin);
  EXPECT_EQ(a.end, b.end);
}

// Real profiles (names, numbers, a quotation, a one-word sentence) come back field by field.
TEST(PackedSentencesTest, UnpacksWhatWasPacked) {
  text::TextAnalyzer analyzer;
  terms::TermStatistics statistics;
  const auto profiles = BuildSentenceProfiles(
      analyzer.Analyze("SEOUL, South Korea (AP) — North Korea fired 2 missiles on Tuesday, officials said. "
                       "\"We will respond firmly,\" President Yoon Suk Yeol told reporters in Seoul. Oh. "
                       "The launches were the 14th this year, according to the Joint Chiefs of Staff."),
      statistics);
  ASSERT_GE(profiles.size(), 3u);
  const PackedSentences packed(profiles);
  EXPECT_EQ(packed.size(), profiles.size());
  const auto unpacked = packed.Unpack();
  ASSERT_EQ(unpacked.size(), profiles.size());
  for (size_t i = 0; i < profiles.size(); ++i) ExpectSame(unpacked[i], profiles[i]);
  for (const SentenceProfile& p : profiles) {
    for (uint64_t h : p.word_bigrams) EXPECT_LT(h, uint64_t{1} << 32);
    for (uint64_t h : p.word_trigrams) EXPECT_LT(h, uint64_t{1} << 32);
  }
}

TEST(PackedSentencesTest, EmptyDocument) {
  const PackedSentences packed(std::vector<SentenceProfile>{});
  EXPECT_TRUE(packed.empty());
  EXPECT_TRUE(packed.Unpack().empty());
  EXPECT_TRUE(PackedSentences().Unpack().empty());
}

}  // namespace
}  // namespace storydesk::copies
