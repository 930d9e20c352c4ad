// The near-duplicate job alone, side by side: what datasketch's MinHash + MinHashLSH users run
// — JSON Lines in, each article's exact, near and excerpt copies among the earlier ones out —
// done by storydesk's kernels and by a naive scalar implementation of ours, on the same input,
// with the same decision rules, in bytes of JSON Lines per second on one core.
//   BM_NearDuplicates/0  storydesk: exact hash, 64-bit shingle hashes, one-permutation MinHash
//                        with densification (core/fingerprint/minhash.h), the flat LSH table
//                        (lsh_index.h), containment by merging sorted shingle hashes
//   BM_NearDuplicates/1  naive: shingles as strings in a std::set, 128 independent hashes per
//                        shingle (the textbook MinHash), LSH buckets keyed by strings in a
//                        std::map, containment by std::set_intersection
// Both parse JSON with nlohmann::json and cut words with the core's tokenizer on normalised
// text (what reading costs is the same for both and counted in both). Decisions: exact when
// the normalised texts hash alike; near when the signatures estimate Jaccard ≥ 0.8; excerpt
// when nearly all (≥ 0.9) of the shorter text's shingles are in the longer. Counters: copies
// found, and the share of the stream's gold copies (storydesk synth: exact, near, excerpt) found.
// Input: 4,000 articles of `storydesk synth` (our own generated text, 12% copies).
// Run: build-bench/bench/storydesk_near_duplicates_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "adapters/synth/synthetic_stream.h"
#include "core/fingerprint/exact_hash.h"
#include "core/fingerprint/lsh_index.h"
#include "storydesk/fingerprint/fingerprint_settings.h"
#include "storydesk/fingerprint/minhash.h"
#include "storydesk/text/normalize.h"
#include "storydesk/text/tokens.h"

namespace {

namespace fp = storydesk::fingerprint;

constexpr double kNearJaccard = 0.8;
constexpr double kExcerptContainment = 0.9;

struct Input {
  std::vector<std::string> lines;  // JSON Lines records
  size_t bytes = 0;
  std::unordered_map<std::string, std::string> gold;  // copy id -> the article it copies
};

const Input& Stream() {
  static const Input kInput = [] {
    Input in;
    storydesk::synth::SyntheticSettings settings;
    settings.articles = 4000;
    settings.days = 10;
    storydesk::synth::SyntheticStream stream(settings);
    storydesk::synth::SyntheticArticle a;
    while (stream.Next(&a)) {
      in.lines.push_back(storydesk::synth::ArticleJson(a));
      in.bytes += in.lines.back().size() + 1;
      if (a.copied_from) in.gold.emplace(a.id, *a.copied_from);
    }
    return in;
  }();
  return kInput;
}

// Reading, the same for both: the record's id and its text's lower-cased words.
struct Read {
  std::string id;
  std::string normalized;
  std::vector<std::string> words;
};

Read ReadRecord(const std::string& line) {
  const nlohmann::json record = nlohmann::json::parse(line);
  Read r;
  r.id = record.at("id").get<std::string>();
  r.normalized = storydesk::text::Normalize(record.at("text").get<std::string>());
  for (const auto& token : storydesk::text::Tokenize(r.normalized)) {
    r.words.push_back(storydesk::text::ToLower(token.text));
  }
  return r;
}

// The copies found: (copy id, original id).
using Found = std::vector<std::pair<std::string, std::string>>;

double Containment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  const std::vector<uint64_t>& small = a.size() <= b.size() ? a : b;
  const std::vector<uint64_t>& large = a.size() <= b.size() ? b : a;
  if (small.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < small.size() && j < large.size();) {
    if (small[i] < large[j]) {
      ++i;
    } else if (large[j] < small[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(small.size());
}

Found Ours(const Input& input) {
  Found found;
  fp::LshIndex lsh;
  std::unordered_map<uint64_t, size_t> exact;  // normalised text's hash -> first article
  std::vector<std::string> ids;
  std::vector<fp::MinHashSignature> signatures;
  std::vector<std::vector<uint64_t>> shingle_sets;
  for (const std::string& line : input.lines) {
    Read r = ReadRecord(line);
    const size_t doc = ids.size();
    std::vector<uint64_t> shingles = fp::ShingleHashes(r.words);
    fp::MinHashSignature signature = fp::ComputeMinHash(shingles);
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    const uint64_t hash = fp::ExactHash(r.normalized);
    if (auto it = exact.find(hash); it != exact.end()) {
      found.emplace_back(r.id, ids[it->second]);
    } else {
      exact.emplace(hash, doc);
      const auto keys = fp::LshIndex::Keys(signature);
      if (keys) {
        for (uint64_t candidate : lsh.Candidates(*keys)) {
          const size_t c = static_cast<size_t>(candidate);
          if (fp::EstimateJaccard(signature, signatures[c]) >= kNearJaccard ||
              Containment(shingles, shingle_sets[c]) >= kExcerptContainment) {
            found.emplace_back(r.id, ids[c]);
            break;
          }
        }
        lsh.Insert(doc, *keys);
      }
    }
    ids.push_back(std::move(r.id));
    signatures.push_back(std::move(signature));
    shingle_sets.push_back(std::move(shingles));
  }
  return found;
}

// The textbook way, written plainly: every shingle a string, every permutation its own hash.
Found Naive(const Input& input) {
  Found found;
  std::map<std::string, std::vector<size_t>> buckets;  // "band:row values" -> articles
  std::map<std::string, size_t> exact;                 // normalised text -> first article
  std::vector<std::string> ids;
  std::vector<std::vector<uint64_t>> signatures;
  std::vector<std::set<std::string>> shingle_sets;
  const std::hash<std::string> hash;
  for (const std::string& line : input.lines) {
    Read r = ReadRecord(line);
    const size_t doc = ids.size();
    std::set<std::string> shingles;
    const size_t n = static_cast<size_t>(fp::kShingleWords);
    const size_t starts = r.words.size() >= n ? r.words.size() - n + 1 : (r.words.empty() ? 0 : 1);
    for (size_t i = 0; i < starts; ++i) {
      std::string shingle;
      for (size_t k = i; k < std::min(i + n, r.words.size()); ++k) shingle += r.words[k] + " ";
      shingles.insert(std::move(shingle));
    }
    std::vector<uint64_t> signature(fp::kPermutations, UINT64_MAX);
    for (const std::string& s : shingles) {
      const uint64_t h = hash(s);
      for (size_t p = 0; p < signature.size(); ++p) {
        // One affine permutation per row: (a·h + b) mod 2^61 - 1.
        const unsigned __int128 a = static_cast<unsigned __int128>(0x9E3779B97F4A7C15ull) * (2 * p + 1);
        const unsigned __int128 b = static_cast<unsigned __int128>(0xC2B2AE3D27D4EB4Full) * (p + 1);
        const uint64_t v = static_cast<uint64_t>((a * h + b) % ((uint64_t{1} << 61) - 1));
        signature[p] = std::min(signature[p], v);
      }
    }
    if (auto it = exact.find(r.normalized); it != exact.end()) {
      found.emplace_back(r.id, ids[it->second]);
    } else {
      exact.emplace(r.normalized, doc);
      std::set<size_t> candidates;
      std::vector<std::string> keys;
      for (int band = 0; band < fp::kBands; ++band) {
        std::string key = std::to_string(band) + ":";
        for (int row = 0; row < fp::kRowsPerBand; ++row) {
          key +=
              std::to_string(signature[static_cast<size_t>(band) * fp::kRowsPerBand + static_cast<size_t>(row)]) + ",";
        }
        if (auto it = buckets.find(key); it != buckets.end()) candidates.insert(it->second.begin(), it->second.end());
        keys.push_back(std::move(key));
      }
      for (size_t c : candidates) {
        size_t same = 0;
        for (size_t p = 0; p < signature.size(); ++p) same += signature[p] == signatures[c][p] ? 1 : 0;
        std::vector<std::string> common;
        std::set_intersection(shingles.begin(), shingles.end(), shingle_sets[c].begin(), shingle_sets[c].end(),
                              std::back_inserter(common));
        const size_t smaller = std::min(shingles.size(), shingle_sets[c].size());
        if (static_cast<double>(same) / static_cast<double>(signature.size()) >= kNearJaccard ||
            (smaller > 0 && static_cast<double>(common.size()) / static_cast<double>(smaller) >= kExcerptContainment)) {
          found.emplace_back(r.id, ids[c]);
          break;
        }
      }
      for (std::string& key : keys) buckets[std::move(key)].push_back(doc);
    }
    ids.push_back(std::move(r.id));
    signatures.push_back(std::move(signature));
    shingle_sets.push_back(std::move(shingles));
  }
  return found;
}

void BM_NearDuplicates(benchmark::State& state) {
  const Input& input = Stream();
  Found found;
  for (auto _ : state) {
    found = state.range(0) == 0 ? Ours(input) : Naive(input);
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(input.bytes * state.iterations()));
  state.SetLabel(state.range(0) == 0 ? "storydesk" : "naive scalar");
  // A copy of a copy may be found against any article of its chain: count the copy as found.
  size_t gold_found = 0;
  for (const auto& [copy, original] : found) gold_found += input.gold.contains(copy) ? 1 : 0;
  state.counters["copies_found"] = static_cast<double>(found.size());
  state.counters["not_in_gold"] = static_cast<double>(found.size() - gold_found);
  state.counters["gold_recall"] =
      input.gold.empty() ? 0.0 : static_cast<double>(gold_found) / static_cast<double>(input.gold.size());
}
BENCHMARK(BM_NearDuplicates)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace
