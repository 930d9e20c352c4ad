#include "storydesk/entities/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

namespace storydesk::entities {
namespace {

// x log x, the unit of the class bigram likelihood: sum over cells of N(c,d) log N(c,d) minus
// the same over each side's class totals (Martin, Liermann & Ney 1998, eq. 9). Every count
// is a whole number no larger than the number of bigrams, so the values are looked up in a
// table filled once: the exchange and the merges evaluate it billions of times.
class XLogXTable {
 public:
  explicit XLogXTable(size_t max) : values_(max + 1, 0.0) {
    for (size_t x = 2; x <= max; ++x) values_[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  }
  double operator()(double x) const {
    const long i = std::lround(x);
    if (i >= 0 && static_cast<size_t>(i) < values_.size()) return values_[static_cast<size_t>(i)];
    return x > 0 ? x * std::log(x) : 0.0;
  }

 private:
  std::vector<double> values_;
};

struct Neighbour {
  uint32_t word;
  double count;
};

// Bigram counts as adjacency lists: who follows and who precedes each word.
struct Bigrams {
  std::vector<std::vector<Neighbour>> next, previous;
  std::vector<double> self;  // n(w, w)
};

// The counts of the class bigram model over `classes` classes.
class ClassCounts {
 public:
  explicit ClassCounts(size_t classes)
      : c_(classes), cells_(classes * classes, 0), left_(classes, 0), right_(classes, 0) {}
  double& Cell(size_t a, size_t b) { return cells_[a * c_ + b]; }
  double Cell(size_t a, size_t b) const { return cells_[a * c_ + b]; }
  double& Left(size_t a) { return left_[a]; }
  double& Right(size_t a) { return right_[a]; }
  double Left(size_t a) const { return left_[a]; }
  double Right(size_t a) const { return right_[a]; }
  size_t ClassCount() const { return c_; }

 private:
  size_t c_;
  std::vector<double> cells_, left_, right_;
};

// What one word brings to whichever class it is in: its bigram counts aggregated by the
// class of the other word.
struct WordLinks {
  std::vector<std::pair<uint32_t, double>> to;    // (class d, Σ n(w,v) over v in d, v ≠ w)
  std::vector<std::pair<uint32_t, double>> from;  // (class e, Σ n(u,w) over u in e, u ≠ w)
  double self = 0, out = 0, in = 0;               // n(w,w); all of w's outgoing and incoming
};

WordLinks LinksOf(uint32_t w, const Bigrams& bigrams, const std::vector<uint32_t>& class_of,
                  std::vector<double>* scratch) {
  WordLinks links;
  links.self = bigrams.self[w];
  auto gather = [&](const std::vector<Neighbour>& list, std::vector<std::pair<uint32_t, double>>* out, double* total) {
    std::vector<uint32_t> touched;
    for (const Neighbour& n : list) {
      *total += n.count;
      if (n.word == w) continue;
      const uint32_t c = class_of[n.word];
      if ((*scratch)[c] == 0) touched.push_back(c);
      (*scratch)[c] += n.count;
    }
    for (uint32_t c : touched) {
      out->emplace_back(c, (*scratch)[c]);
      (*scratch)[c] = 0;
    }
  };
  gather(bigrams.next[w], &links.to, &links.out);
  gather(bigrams.previous[w], &links.from, &links.in);
  return links;
}

// Adds (sign +1) or removes (sign -1) word links to class a.
void Apply(const WordLinks& l, size_t a, double sign, ClassCounts* n) {
  for (const auto& [d, x] : l.to) n->Cell(a, d) += sign * x;
  for (const auto& [e, y] : l.from) n->Cell(e, a) += sign * y;
  n->Cell(a, a) += sign * l.self;
  n->Left(a) += sign * l.out;
  n->Right(a) += sign * l.in;
}

// The change of the likelihood if the word of `l` (currently in no class) joined class b.
double JoinGain(const WordLinks& l, size_t b, const ClassCounts& n, const XLogXTable& xlogx) {
  double gain = 0;
  double diagonal = l.self;
  for (const auto& [d, x] : l.to) {
    if (d == b) {
      diagonal += x;
      continue;
    }
    const double before = n.Cell(b, d);
    gain += xlogx(before + x) - xlogx(before);
  }
  for (const auto& [e, y] : l.from) {
    if (e == b) {
      diagonal += y;
      continue;
    }
    const double before = n.Cell(e, b);
    gain += xlogx(before + y) - xlogx(before);
  }
  gain += xlogx(n.Cell(b, b) + diagonal) - xlogx(n.Cell(b, b));
  gain -= xlogx(n.Left(b) + l.out) - xlogx(n.Left(b));
  gain -= xlogx(n.Right(b) + l.in) - xlogx(n.Right(b));
  return gain;
}

// What column and row d contribute to the change of the likelihood if classes i and j were one.
double MergeTerm(size_t i, size_t j, size_t d, const ClassCounts& n, const XLogXTable& xlogx) {
  return xlogx(n.Cell(i, d) + n.Cell(j, d)) - xlogx(n.Cell(i, d)) - xlogx(n.Cell(j, d)) +
         xlogx(n.Cell(d, i) + n.Cell(d, j)) - xlogx(n.Cell(d, i)) - xlogx(n.Cell(d, j));
}

// The change of the likelihood if classes i and j (both live) were one.
double MergeGain(size_t i, size_t j, const ClassCounts& n, const std::vector<bool>& live, const XLogXTable& xlogx) {
  double gain = 0;
  for (size_t d = 0; d < n.ClassCount(); ++d) {
    if (live[d] && d != i && d != j) gain += MergeTerm(i, j, d, n, xlogx);
  }
  const double ii = n.Cell(i, i), ij = n.Cell(i, j), ji = n.Cell(j, i), jj = n.Cell(j, j);
  gain += xlogx(ii + ij + ji + jj) - xlogx(ii) - xlogx(ij) - xlogx(ji) - xlogx(jj);
  gain -= xlogx(n.Left(i) + n.Left(j)) - xlogx(n.Left(i)) - xlogx(n.Left(j));
  gain -= xlogx(n.Right(i) + n.Right(j)) - xlogx(n.Right(i)) - xlogx(n.Right(j));
  return gain;
}

}  // namespace

std::string_view WordClusters::Path(std::string_view word) const {
  const auto it = path_of_.find(std::string(word));
  return it == path_of_.end() ? std::string_view() : std::string_view(it->second);
}

std::vector<std::pair<std::string, std::string>> WordClusters::Entries() const {
  std::vector<std::pair<std::string, std::string>> entries(path_of_.begin(), path_of_.end());
  std::sort(entries.begin(), entries.end());
  return entries;
}

WordClusters TrainWordClusters(const std::vector<std::vector<std::string>>& sequences,
                               const WordClusterOptions& options, WordClusterReport* report) {
  // The vocabulary: words of at least min_count, most frequent first (ties by the word).
  std::unordered_map<std::string, int64_t> counts;
  for (const auto& s : sequences) {
    report->tokens += s.size();
    for (const std::string& w : s) ++counts[w];
  }
  std::vector<std::pair<int64_t, std::string>> ranked;
  for (const auto& [w, n] : counts) {
    if (n >= options.min_count) ranked.emplace_back(-n, w);
  }
  std::sort(ranked.begin(), ranked.end());
  std::unordered_map<std::string, uint32_t> id_of;
  std::vector<std::string> words;
  for (const auto& [n, w] : ranked) {
    id_of.emplace(w, static_cast<uint32_t>(words.size()));
    words.push_back(w);
  }
  const size_t v = words.size();
  WordClusters clusters;
  report->words = v;
  const size_t c = std::min(options.classes, v);
  if (c == 0) return clusters;

  // Bigrams within each sequence, between words of the vocabulary.
  std::unordered_map<uint64_t, double> pairs;
  for (const auto& s : sequences) {
    for (size_t i = 1; i < s.size(); ++i) {
      const auto a = id_of.find(s[i - 1]), b = id_of.find(s[i]);
      if (a == id_of.end() || b == id_of.end()) continue;
      pairs[(uint64_t{a->second} << 32) | b->second] += 1;
    }
  }
  std::vector<std::pair<uint64_t, double>> sorted_pairs(pairs.begin(), pairs.end());
  std::sort(sorted_pairs.begin(), sorted_pairs.end());  // a fixed order for summing
  Bigrams bigrams;
  bigrams.next.resize(v);
  bigrams.previous.resize(v);
  bigrams.self.assign(v, 0);
  for (const auto& [key, n] : sorted_pairs) {
    const auto a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key & 0xffffffffu);
    bigrams.next[a].push_back({b, n});
    bigrams.previous[b].push_back({a, n});
    if (a == b) bigrams.self[a] = n;
  }

  // Step 1: exchange. Start: word of rank r in class r mod C.
  std::vector<uint32_t> class_of(v);
  for (size_t w = 0; w < v; ++w) class_of[w] = static_cast<uint32_t>(w % c);
  ClassCounts n(c);
  for (const auto& [key, count] : sorted_pairs) {
    const uint32_t a = class_of[key >> 32], b = class_of[key & 0xffffffffu];
    n.Cell(a, b) += count;
    n.Left(a) += count;
    n.Right(b) += count;
  }
  double total = 0;
  for (const auto& [key, count] : sorted_pairs) total += count;
  const XLogXTable xlogx(static_cast<size_t>(total));
  std::vector<double> scratch(c, 0);
  for (int pass = 0; pass < options.max_passes; ++pass) {
    size_t moved = 0;
    for (uint32_t w = 0; w < v; ++w) {
      const uint32_t from = class_of[w];
      const WordLinks links = LinksOf(w, bigrams, class_of, &scratch);
      Apply(links, from, -1, &n);
      uint32_t best = from;
      double best_gain = JoinGain(links, from, n, xlogx);
      for (uint32_t b = 0; b < c; ++b) {
        if (b == from) continue;
        const double gain = JoinGain(links, b, n, xlogx);
        if (gain > best_gain + 1e-9) {
          best_gain = gain;
          best = b;
        }
      }
      // The self bigram lies in the diagonal of whichever class the word is in; its links
      // to other words of its own class were aggregated under that class and stay valid.
      Apply(links, best, +1, &n);
      if (best != from) {
        class_of[w] = best;
        ++moved;
      }
    }
    report->moved.push_back(moved);
    report->passes = pass + 1;
    if (static_cast<double>(moved) < options.min_moved * static_cast<double>(v)) break;
  }

  // Step 2: merge the classes into a tree, the least costly pair first.
  std::vector<bool> live(c, true);
  std::vector<std::vector<uint32_t>> members(c);  // leaves under each live node
  for (uint32_t k = 0; k < c; ++k) members[k] = {k};
  std::vector<std::string> leaf_path(c);
  // gain[i * c + j] (i < j, both live): MergeGain(i, j). Computed once, then kept current as
  // Brown et al. (1992) do: a merge of a and b changes another pair's gain only through the
  // terms of columns and rows a and b, which are replaced by the merged class's.
  std::vector<double> gain(c * c, 0);
  for (size_t i = 0; i < c; ++i) {
    for (size_t j = i + 1; j < c; ++j) gain[i * c + j] = MergeGain(i, j, n, live, xlogx);
  }
  for (size_t merges = 1; merges < c; ++merges) {
    size_t a = 0, b = 0;
    double best = -std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < c; ++i) {
      if (!live[i]) continue;
      for (size_t j = i + 1; j < c; ++j) {
        if (live[j] && gain[i * c + j] > best) {
          best = gain[i * c + j];
          a = i;
          b = j;
        }
      }
    }
    // b joins a: every leaf under a gets a '0' in front of what follows, under b a '1'
    // (paths are built from the leaves up, so prepend).
    for (uint32_t leaf : members[a]) leaf_path[leaf].insert(leaf_path[leaf].begin(), '0');
    for (uint32_t leaf : members[b]) leaf_path[leaf].insert(leaf_path[leaf].begin(), '1');
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    members[b].clear();
    // Other pairs: take out the terms of a and b as they were…
    for (size_t i = 0; i < c; ++i) {
      if (!live[i] || i == a || i == b) continue;
      for (size_t j = i + 1; j < c; ++j) {
        if (!live[j] || j == a || j == b) continue;
        gain[i * c + j] -= MergeTerm(i, j, a, n, xlogx) + MergeTerm(i, j, b, n, xlogx);
      }
    }
    for (size_t d = 0; d < c; ++d) {
      if (d == a || d == b) continue;
      n.Cell(a, d) += n.Cell(b, d);
      n.Cell(d, a) += n.Cell(d, b);
      n.Cell(b, d) = n.Cell(d, b) = 0;
    }
    n.Cell(a, a) += n.Cell(a, b) + n.Cell(b, a) + n.Cell(b, b);
    n.Cell(a, b) = n.Cell(b, a) = n.Cell(b, b) = 0;
    n.Left(a) += n.Left(b);
    n.Right(a) += n.Right(b);
    n.Left(b) = n.Right(b) = 0;
    live[b] = false;
    // …and put in the merged class's; the pairs with it are computed afresh.
    for (size_t i = 0; i < c; ++i) {
      if (!live[i] || i == a) continue;
      for (size_t j = i + 1; j < c; ++j) {
        if (!live[j] || j == a) continue;
        gain[i * c + j] += MergeTerm(i, j, a, n, xlogx);
      }
    }
    for (size_t i = 0; i < c; ++i) {
      if (!live[i] || i == a) continue;
      const size_t lo = std::min(i, a), hi = std::max(i, a);
      gain[lo * c + hi] = MergeGain(lo, hi, n, live, xlogx);
    }
  }
  for (uint32_t w = 0; w < v; ++w) clusters.Set(words[w], leaf_path[class_of[w]]);
  return clusters;
}

}  // namespace storydesk::entities
