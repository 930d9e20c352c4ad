#include "core/copies/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <random>
#include <vector>

#include "core/copies/sorted_sets.h"

namespace storydesk::copies {
namespace {

std::vector<uint64_t> Sorted(std::vector<uint64_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

void ExpectSortsLikeStdSort(const std::vector<uint64_t>& v) {
  std::vector<uint64_t> radix = v;
  RadixSort(&radix, [](uint64_t x) { return x; });
  EXPECT_EQ(radix, Sorted(v)) << "size " << v.size();
}

TEST(RadixSortTest, SortsHashesOfEveryLength) {
  std::mt19937_64 rng(1);
  for (size_t n : {0, 1, 2, 39, 40, 41, 64, 450, 5000}) {
    std::vector<uint64_t> v(n);
    for (uint64_t& x : v) x = rng();
    ExpectSortsLikeStdSort(v);
  }
}

TEST(RadixSortTest, SortsPairsOfSmallIdsAndRepeats) {
  std::mt19937_64 rng(2);
  std::vector<uint64_t> v(1000);
  for (uint64_t& x : v) x = (rng() % 300) << 32 | (rng() % 40000);
  ExpectSortsLikeStdSort(v);
  std::vector<uint64_t> repeats(500, 7);
  repeats[100] = 3;
  ExpectSortsLikeStdSort(repeats);
}

// Hash-like keys (every byte of the high half varies) that share high halves in long runs: the
// runs are finished by a comparison sort.
TEST(RadixSortTest, SortsKeysWithEqualHighHalves) {
  std::mt19937_64 rng(3);
  std::vector<uint64_t> v;
  for (uint64_t high : {0x01020304ULL, 0xF1E2D3C4ULL, 0x8899AABBULL, 0x11FF22EEULL}) {
    for (int i = 0; i < 200; ++i) v.push_back(high << 32 | (rng() & 0xFFFFFFFFULL));
  }
  std::shuffle(v.begin(), v.end(), rng);
  ExpectSortsLikeStdSort(v);
}

TEST(RadixSortTest, SortsRecordsByTheirKey) {
  struct Record {
    uint32_t key;
    int payload;
  };
  std::mt19937 rng(4);
  std::vector<Record> v(300);
  for (size_t i = 0; i < v.size(); ++i) v[i] = {static_cast<uint32_t>(rng() % 100000), static_cast<int>(i)};
  RadixSort(&v, [](const Record& r) { return r.key; });
  EXPECT_TRUE(std::is_sorted(v.begin(), v.end(), [](const Record& a, const Record& b) { return a.key < b.key; }));
  EXPECT_EQ(v.size(), 300u);
}

TEST(SortedSetsTest, SortUniqueAndIntersectionSize) {
  std::mt19937_64 rng(5);
  std::vector<uint64_t> a(700), b(600);
  for (uint64_t& x : a) x = rng() % 2000;
  for (uint64_t& x : b) x = rng() % 2000;
  SortUnique(&a);
  SortUnique(&b);
  EXPECT_TRUE(std::adjacent_find(a.begin(), a.end(), std::greater_equal<>()) == a.end());
  std::vector<uint64_t> shared;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  EXPECT_EQ(IntersectionSize(a, b), shared.size());
  EXPECT_EQ(IntersectionSize(b, a), shared.size());
  EXPECT_EQ(IntersectionSize(a, std::vector<uint64_t>{}), 0u);
}

}  // namespace
}  // namespace storydesk::copies
