// Story digest benchmark: BuildStoryDigest on one generated story of N articles (8, 64, 512),
// each of 30 sentences drawn from a shared pool of story facts re-worded per outlet plus
// outlet-specific sentences, so centrality, support and source comparison all have work.
// Reported per story and in articles per second. No third-party text.
// Run: build-bench/bench/storydesk_digest_bench
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "storydesk/digest/story_digest.h"

namespace {

using storydesk::digest::DigestArticle;

std::string Sentence(std::mt19937& rng, size_t topic, size_t length) {
  std::string s = "Word" + std::to_string(topic);
  for (size_t w = 1; w < length; ++w) s += " w" + std::to_string((topic * 7 + rng() % 40) % 5000);
  return s + ".";
}

std::vector<DigestArticle> MakeStory(size_t articles) {
  std::mt19937 rng(11);
  std::vector<DigestArticle> out;
  for (size_t a = 0; a < articles; ++a) {
    DigestArticle d;
    d.id = "a" + std::to_string(a);
    d.source = "outlet" + std::to_string(a % 50);
    d.published = "2031-03-0" + std::to_string(1 + a % 9);
    d.title = Sentence(rng, a % 5, 8);
    d.relation = "original";
    for (size_t k = 0; k < 30; ++k) {
      // Half the sentences tell one of 20 shared facts, half are the outlet's own.
      d.text += Sentence(rng, rng() % 2 ? rng() % 20 : 100 + a * 30 + k, 18) + " ";
    }
    out.push_back(std::move(d));
  }
  return out;
}

storydesk::copies::SentenceModel Matcher() {
  storydesk::copies::SentenceModel m;  // a typical trained shape
  m.weights[storydesk::copies::kSentenceBias] = -5.0;
  m.weights[storydesk::copies::kWeightedDice] = 4.0;
  m.weights[storydesk::copies::kStemJaccard] = 5.0;
  m.match_probability = 0.77;
  return m;
}

storydesk::claims::ClaimModel Claims() {
  storydesk::claims::ClaimModel m;  // a typical trained shape
  m.weights[storydesk::claims::kClaimBias] = -4.0;
  m.weights[storydesk::claims::kWindowCoverage] = 4.0;
  m.weights[storydesk::claims::kArticleCoverage] = 1.5;
  m.cite_probability = 0.4;
  m.partial_probability = 0.05;
  m.unique_probability = 0.1;
  return m;
}

void BM_Digest(benchmark::State& state) {
  const auto story = MakeStory(static_cast<size_t>(state.range(0)));
  const auto matcher = Matcher();
  const storydesk::claims::ClaimMatcher claims{Claims(), nullptr};
  for (auto _ : state) {
    storydesk::terms::TermStatistics statistics;
    benchmark::DoNotOptimize(storydesk::digest::BuildStoryDigest(story, matcher, claims, statistics));
  }
  state.SetItemsProcessed(static_cast<int64_t>(story.size() * state.iterations()));
}
BENCHMARK(BM_Digest)->Arg(8)->Arg(64)->Arg(512)->Unit(benchmark::kMillisecond);

}  // namespace
