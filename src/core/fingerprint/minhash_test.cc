#include "storydesk/fingerprint/minhash.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/fingerprint/exact_hash.h"
#include "core/fingerprint/lsh_index.h"
#include "storydesk/fingerprint/fingerprint_settings.h"

namespace storydesk::fingerprint {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// A deterministic pseudo-text of `n` distinct-ish words.
std::vector<std::string> Generated(size_t n, uint32_t seed) {
  std::vector<std::string> words;
  uint32_t x = seed;
  for (size_t i = 0; i < n; ++i) {
    x = x * 1664525u + 1013904223u;
    words.push_back("w" + std::to_string(x % 5000));
  }
  return words;
}

TEST(MinHashTest, SignatureHasOneValuePerPermutation) {
  EXPECT_EQ(ComputeMinHash(Words("the quick brown fox jumps over the lazy dog")).size(),
            static_cast<size_t>(kPermutations));
}

TEST(MinHashTest, IdenticalTextsHaveIdenticalSignatures) {
  const auto words = Generated(300, 1);
  EXPECT_EQ(ComputeMinHash(words), ComputeMinHash(words));
  EXPECT_DOUBLE_EQ(EstimateJaccard(ComputeMinHash(words), ComputeMinHash(words)), 1.0);
}

TEST(MinHashTest, UnrelatedTextsEstimateNearZero) {
  EXPECT_LT(EstimateJaccard(ComputeMinHash(Generated(300, 1)), ComputeMinHash(Generated(300, 2))), 0.05);
}

TEST(MinHashTest, EstimateTracksTrueJaccardOfShingles) {
  // Replacing one word in 20 changes up to 5 shingles each: about 23% of shingles differ.
  auto a = Generated(2000, 7);
  auto b = a;
  for (size_t i = 0; i < b.size(); i += 20) b[i] = "changed" + std::to_string(i);
  std::set<std::string> sa, sb;
  auto shingles = [](const std::vector<std::string>& w, std::set<std::string>* out) {
    for (size_t i = 0; i + kShingleWords <= w.size(); ++i) {
      std::string s;
      for (int k = 0; k < kShingleWords; ++k) s += w[i + k] + " ";
      out->insert(s);
    }
  };
  shingles(a, &sa);
  shingles(b, &sb);
  size_t common = 0;
  for (const auto& s : sa) common += sb.count(s);
  const double truth = static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
  // 128 permutations: standard error sqrt(J(1-J)/128) ~ 0.04.
  EXPECT_NEAR(EstimateJaccard(ComputeMinHash(a), ComputeMinHash(b)), truth, 0.12);
}

TEST(MinHashTest, ShortAndEmptyTextsAreHandled) {
  EXPECT_EQ(ComputeMinHash(Words("two words")), ComputeMinHash(Words("two words")));
  EXPECT_NE(ComputeMinHash(Words("two words")), ComputeMinHash(Words("other words")));
  EXPECT_EQ(ComputeMinHash(std::vector<std::string>{}).size(), static_cast<size_t>(kPermutations));
  EXPECT_EQ(ComputeMinHash(std::vector<uint64_t>{}), ComputeMinHash(std::vector<std::string>{}));
  EXPECT_EQ(ComputeMinHash(ShingleHashes(Words("two words"))), ComputeMinHash(Words("two words")));
  EXPECT_DOUBLE_EQ(EstimateJaccard({}, {}), 0.0);
}

TEST(ExactHashTest, EqualTextsEqualHashes) {
  EXPECT_EQ(ExactHash("a text"), ExactHash("a text"));
  EXPECT_NE(ExactHash("a text"), ExactHash("a text."));
}

TEST(LshIndexTest, FindsNearDuplicatesAndNotUnrelated) {
  LshIndex index;
  auto original = Generated(500, 11);
  auto edited = original;
  edited[100] = "edited";
  index.Insert(1, ComputeMinHash(original));
  index.Insert(2, ComputeMinHash(Generated(500, 12)));
  const auto candidates = index.Candidates(ComputeMinHash(edited));
  EXPECT_EQ(candidates, std::vector<uint64_t>{1});
}

TEST(LshIndexTest, EraseRemovesTheDocument) {
  LshIndex index;
  const auto sig = ComputeMinHash(Generated(200, 3));
  index.Insert(5, sig);
  index.Erase(5, sig);
  EXPECT_TRUE(index.Candidates(sig).empty());
  EXPECT_EQ(index.EntryCount(), 0u);
}

// Many documents in few buckets and many in their own, inserted and erased in a shuffled order:
// the candidates always match a plain model of the buckets (a map of key -> documents), also
// after erasures move entries within the table.
TEST(LshIndexTest, MatchesAModelThroughInsertsAndErasures) {
  LshIndex index;
  std::map<uint64_t, std::set<uint64_t>> model;
  std::vector<std::pair<uint64_t, BandKeys>> live;
  uint64_t x = 99;
  auto next = [&] { return x = x * 6364136223846793005ULL + 1442695040888963407ULL; };
  for (uint64_t doc = 0; doc < 3000; ++doc) {
    BandKeys keys;
    for (size_t b = 0; b < keys.size(); ++b) keys[b] = (next() % 4 == 0) ? next() % 50 : next();
    index.Insert(doc, keys);
    for (uint64_t k : keys) model[k].insert(doc);
    live.emplace_back(doc, keys);
    if (doc % 3 == 2) {
      const size_t victim = static_cast<size_t>(next() % live.size());
      index.Erase(live[victim].first, live[victim].second);
      for (uint64_t k : live[victim].second) {
        model[k].erase(live[victim].first);
        if (model[k].empty()) model.erase(k);
      }
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(victim));
    }
  }
  EXPECT_EQ(index.EntryCount(), live.size() * kBands);
  for (const auto& [doc, keys] : live) {
    std::set<uint64_t> expected;
    for (uint64_t k : keys) expected.insert(model[k].begin(), model[k].end());
    EXPECT_EQ(index.Candidates(keys), std::vector<uint64_t>(expected.begin(), expected.end()));
  }
  for (const auto& [doc, keys] : live) index.Erase(doc, keys);
  EXPECT_EQ(index.EntryCount(), 0u);
  EXPECT_EQ(index.TableBytes(), 1024 * 16u) << "an empty index shrinks back to its smallest table";
}

}  // namespace
}  // namespace storydesk::fingerprint
