// Sets kept as ascending vectors without repeats: what copy detection compares (shingles,
// stems, names, n-grams). Contiguous and allocation-free to intersect, unlike hash sets.
// Pure inline functions; thread-safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

namespace storydesk::copies {

// Makes `v` a sorted set.
template <typename T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// |A ∩ B| of two sorted sets.
template <typename T>
size_t IntersectionSize(const std::vector<T>& a, const std::vector<T>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
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
