// RadixSort: least-significant-digit radix sort by an unsigned integer key, a byte per pass
// (Knuth, TAOCP vol. 3, 5.2.5) — for the long lists of hashes and term ids copy detection
// sorts into sets (shingles, n-grams, stems).
//
// Why: on random hashes every comparison of a comparison sort is a coin flip for the branch
// predictor; counting and scattering bytes has no data-dependent branches. A counting pass
// finds the bytes that vary, and a byte that all keys share (the high bytes of small term ids)
// is not scattered. 64-bit keys whose high half varies in every byte are taken for hashes: the
// high half alone nearly always orders them, so only it is counted and scattered, and the rare
// runs of keys with equal high halves are sorted after (by std::sort, so the worst case stays
// O(n log n)). Short lists are left to std::sort, which is faster there.
// Time O(n * sizeof(key)) and n elements of scratch memory on the long-list path.
// Pure functions; thread-safe.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace storydesk::copies {

// Below this many elements std::sort wins (measured on uniform 64-bit hashes).
inline constexpr size_t kRadixSortMinSize = 40;

// Sorts `v` ascending by key(element); `key` returns an unsigned integer. Elements with equal
// keys may end in any order.
template <typename T, typename Key>
void RadixSort(std::vector<T>* v, Key key) {
  using K = std::decay_t<std::invoke_result_t<Key, const T&>>;
  static_assert(std::is_unsigned_v<K>, "the key must be an unsigned integer");
  constexpr size_t kBytes = sizeof(K);
  const auto less = [&](const T& a, const T& b) { return key(a) < key(b); };
  const size_t n = v->size();
  if (n < kRadixSortMinSize || n > UINT32_MAX) {  // counts are 32-bit
    std::sort(v->begin(), v->end(), less);
    return;
  }
  // Counts of the bytes in [from, to) of every key, and whether each of those bytes varies.
  std::array<std::array<uint32_t, 256>, kBytes> counts{};
  std::array<bool, kBytes> varies{};
  const K k0 = key((*v)[0]);
  auto count_bytes = [&](size_t from, size_t to) {
    for (const T& x : *v) {
      const K k = key(x);
      for (size_t b = from; b < to; ++b) ++counts[b][(k >> (8 * b)) & 0xFF];
    }
    for (size_t b = from; b < to; ++b) varies[b] = counts[b][(k0 >> (8 * b)) & 0xFF] != n;
  };
  // 64-bit keys whose high half varies in every byte are taken for hashes (see above); their
  // low half is never scattered, so it is counted only when they are not.
  constexpr size_t kHalf = kBytes / 2;
  const bool wide = kBytes == 8;
  count_bytes(wide ? kHalf : 0, kBytes);
  const bool hashes = wide && std::all_of(varies.begin() + kHalf, varies.end(), [](bool x) { return x; });
  if (wide && !hashes) count_bytes(0, kHalf);

  std::vector<T> scratch(n);
  T* from = v->data();
  T* to = scratch.data();
  for (size_t b = hashes ? kHalf : 0; b < kBytes; ++b) {
    if (!varies[b]) continue;
    std::array<uint32_t, 256>& offsets = counts[b];
    uint32_t sum = 0;
    for (uint32_t& c : offsets) {
      const uint32_t count = c;
      c = sum;
      sum += count;
    }
    for (size_t i = 0; i < n; ++i) to[offsets[(key(from[i]) >> (8 * b)) & 0xFF]++] = from[i];
    std::swap(from, to);
  }
  if (from != v->data()) v->swap(scratch);
  if (!hashes) return;
  T* d = v->data();
  for (size_t i = 0; i < n;) {
    const K high = key(d[i]) >> (8 * kHalf);
    size_t j = i + 1;
    while (j < n && key(d[j]) >> (8 * kHalf) == high) ++j;
    if (j - i > 1) std::sort(d + i, d + j, less);
    i = j;
  }
}

}  // namespace storydesk::copies
