// Sets kept as ascending vectors without repeats: what copy detection compares (shingles,
// stems, names, n-grams). Contiguous and allocation-free to intersect, unlike hash sets.
// Pure inline functions; thread-safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <type_traits>
#include <vector>

#include "core/copies/radix_sort.h"

namespace storydesk::copies {

// Makes `v` a sorted set.
template <typename T>
void SortUnique(std::vector<T>* v) {
  if constexpr (std::is_unsigned_v<T>) {
    RadixSort(v, [](T x) { return x; });  // hashes and ids: see radix_sort.h
  } else {
    std::sort(v->begin(), v->end());
  }
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// |A ∩ B| of two sorted sets.
template <typename T>
size_t IntersectionSize(const std::vector<T>& a, const std::vector<T>& b) {
  size_t i = 0, j = 0, n = 0;
  // Branch-free steps: which side advances is a coin flip on hashes, and a mispredicted branch
  // per element costs more than the merge itself.
  while (i < a.size() && j < b.size()) {
    const T x = a[i], y = b[j];
    n += static_cast<size_t>(x == y);
    i += static_cast<size_t>(!(y < x));
    j += static_cast<size_t>(!(x < y));
  }
  return n;
}

// A ∪ B of two sorted sets.
template <typename T>
std::vector<T> SortedUnion(const std::vector<T>& a, const std::vector<T>& b) {
  std::vector<T> out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace storydesk::copies
