// SyntheticStream: a deterministic stream of made-up news articles with gold labels, for
// benchmarks and scale tests (`storydesk synth`). All text is generated here from syllables
// and a few English function words: no third-party text, any size, the same bytes for the
// same settings wherever it runs on this platform (own PRNG, no std:: distributions; the Zipf
// weights and lifetimes use libm's pow and log, which Debian's glibc gives alike everywhere).
//
// What it imitates, so that every stage does realistic work:
//   - stories over days: each opens at some time, lives 1–7 days and takes a heavy-tailed
//     number of articles (most 1–8, a few hundred) from many outlets;
//   - each story's own people and places (some fresh, some recurring public figures) and topic
//     words drawn from a large Zipf-distributed pool, on top of a Zipf everyday vocabulary, so
//     the vocabulary keeps growing slowly as real news does;
//   - copy chains: exact reposts, near copies (one word in 60 and the title changed), excerpts
//     (the first sentences), and copies of copies;
//   - datelines, quotes, numbers, paragraphs.
// Gold labels: the story of every article, and for a copy the article it was copied from and
// the family's original (the first article of the chain).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace storydesk::synth {

struct SyntheticSettings {
  uint64_t articles = 100000;
  int days = 30;                  // the stream spans this many days, evenly
  uint64_t seed = 1;              // another seed, another stream
  int64_t start = 1924992000;     // epoch seconds of the first article (2031-01-01T00:00:00Z)
  double copy_share = 0.12;       // articles that copy an earlier one of their story
  double new_story_share = 0.18;  // articles that open a story
};

struct SyntheticArticle {
  std::string id;
  std::string source;
  std::string url;
  int64_t published = 0;  // epoch seconds, never decreasing along the stream
  std::string title;
  std::string text;
  // Gold.
  std::string story;                       // label of the article's story
  std::optional<std::string> copied_from;  // the article this one copies
  std::optional<std::string> original;     // the first article of its copy chain
  std::optional<std::string> relation;     // "exact" | "near" | "excerpt" (to copied_from)
};

class SyntheticStream {
 public:
  explicit SyntheticStream(const SyntheticSettings& settings);

  // The next article, in publication order; false once `settings.articles` were made.
  bool Next(SyntheticArticle* out);

 private:
  struct Story {
    uint64_t number = 0;
    int64_t ends = 0;  // takes no article after this time
    int remaining = 0;
    std::vector<std::string> names;
    std::vector<uint32_t> topic;  // indexes into topic_pool_
    std::string place;
    // Texts copies may be made of: the story's first article, then its latest non-exact copy.
    struct Kept {
      std::string id, original, title, text;
    };
    std::vector<Kept> kept;
  };

  uint64_t Random();
  double Uniform();            // [0, 1)
  uint64_t Below(uint64_t n);  // [0, n)
  std::string Word(int min_syllables, int max_syllables);
  std::string Capitalised(std::string word) const;
  size_t Zipf(const std::vector<double>& cumulative);
  Story NewStory(int64_t now);
  std::string Sentence(const Story& story);
  std::string Body(const Story& story, const std::string& source);
  std::string Title(const Story& story);
  std::string Number();
  std::string NearCopy(const std::string& text);

  SyntheticSettings settings_;
  uint64_t state_[4] = {};
  uint64_t made_ = 0, stories_made_ = 0;
  std::vector<std::string> common_, topic_pool_, public_figures_, places_, outlets_;
  std::vector<double> common_cdf_, topic_cdf_;
  std::deque<Story> active_;
};

// One JSON Lines record of `article` as storydesk reads it (id, source, url, published, title,
// text), and one of its gold labels (id, story, copied_from, original, relation; nulls where
// not a copy), each without the newline.
std::string ArticleJson(const SyntheticArticle& article);
std::string GoldJson(const SyntheticArticle& article);

}  // namespace storydesk::synth
