// The evidence the entity tagger weighs for one token (Ratinov & Roth 2009, "Design challenges
// and misconceptions in named entity recognition", CoNLL: their baseline features and their
// "extended prediction history"):
//   - the word, lower-cased and as written, and the words two either side;
//   - its shape ("Xx", "X.X.", "d-d") and its neighbours', its prefixes and suffixes;
//   - the labels already given to the previous two tokens;
//   - whether the sentence is a headline in capitals (where case says nothing);
//   - which types the document gave the same word before (a name is spelled out in full
//     once and repeated: "Blackburn" after "Peter Blackburn");
//   - the gazetteer's phrases covering the word, with its place in each (gazetteer.h);
//   - the word clusters (word_clusters.h) of the word and its neighbours, as path prefixes
//     of 4, 6, 10 and 20 bits (Ratinov & Roth's choice), from coarse to fine;
//   - how the clusters' unlabelled text writes a capitalised word: lower-cased, in title case,
//     both or neither ("The" opening a sentence is "the"; "Ljubljana" never is), and the class
//     of its title-case form when it has none of its own ("JAPAN" in a headline is "Japan");
//   - the run of capitalised words the token is in ("Louis Dreyfus Corp"): its place and
//     length, the run's first word and its last, whose kind ("Corp", "Mills", "police")
//     a left-to-right tagger would otherwise see only after typing the name's first word.
// Each feature is a short string ("w-1=the") kept as its 64-bit hash; the names are kept only
// when a model is being written.
// Not thread-safe (scratch buffers); one per tagging thread.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storydesk/entities/entity_span.h"
#include "storydesk/entities/gazetteer.h"
#include "storydesk/entities/word_clusters.h"

namespace storydesk::entities {

// One sentence's tokens with what every feature of it needs computed once.
struct PreparedSentence {
  std::vector<std::string> tokens;      // as written
  std::vector<std::string> lower;       // lower-cased
  std::vector<std::string> shapes;      // condensed shapes: runs of X, x and d collapsed
  std::vector<std::string_view> paths;  // cluster paths ("" for a word without); none without clusters
  bool headline = false;                // most of its letters are capitals
  // Per token, the gazetteer's phrases covering it ("LOC-B"); empty without a gazetteer.
  std::vector<std::vector<std::string>> listed;
  // Per token, the run of capitalised words it is in, [run_begin, run_end) ("University of
  // Pennsylvania": small joining words count when a capitalised word follows); a token outside
  // any run (and every token of a headline) is its own run.
  std::vector<uint32_t> run_begin, run_end;
  // Per token, how the unlabelled text writes the word (empty without clusters): whether it
  // has a class lower-cased and in title case ("10": seen as "the", never as "The"), and
  // the class path of its title-case form ("JAPAN" in a headline is "Japan").
  std::vector<std::string> case_seen;
  std::vector<std::string_view> title_paths;
};
// `clusters` may be null (no cluster features); it must outlive the prepared sentence.
// `gazetteer` may be null (no gazetteer features).
PreparedSentence PrepareSentence(const std::vector<std::string>& tokens, const WordClusters* clusters = nullptr,
                                 const Gazetteer* gazetteer = nullptr);

// The word's shape: each capital X, small letter x, digit d, anything else itself, runs of
// one kind collapsed ("McDonald's" → "XxXx'x", "1996-08-22" → "d-d-d").
std::string WordShape(std::string_view word);

// The types the document has given each capitalised word so far.
class DocumentMemory {
 public:
  void Record(const std::string& token, int label);
  // How often each type was given to `token` (nullptr: never, or not capitalised).
  const std::array<uint16_t, kEntityTypes>* Seen(const std::string& token) const;
  void Clear() { seen_.clear(); }

 private:
  std::unordered_map<std::string, std::array<uint16_t, kEntityTypes>> seen_;
};

// Features as hashes, and their names when kept.
class FeatureSet {
 public:
  explicit FeatureSet(bool keep_names = false) : keep_names_(keep_names) {}
  void Clear();
  void Add(std::string_view name, std::string_view value);
  void Add(std::string_view name, std::string_view a, std::string_view b);
  void Add(std::string_view name, std::string_view a, std::string_view b, std::string_view c);
  const std::vector<uint64_t>& Hashes() const { return hashes_; }
  const std::vector<std::string>& Names() const { return names_; }

 private:
  void Commit();
  bool keep_names_;
  std::string buffer_;
  std::vector<uint64_t> hashes_;
  std::vector<std::string> names_;
};

// The features of token `i` of `sentence`, given the labels of the two tokens before it
// (kNoLabel before the start) and what the document said earlier; appended to `out`. They
// are WordFeatures then LabelFeatures: a decoder weighing several histories of labels
// computes the first once per token.
void TokenFeatures(const PreparedSentence& sentence, size_t i, int previous, int before_previous,
                   const DocumentMemory& memory, FeatureSet* out);
// The features that do not depend on the labels given before.
void WordFeatures(const PreparedSentence& sentence, size_t i, const DocumentMemory& memory, FeatureSet* out);
// The features of the labels given to the two tokens before `i`.
void LabelFeatures(const PreparedSentence& sentence, size_t i, int previous, int before_previous, FeatureSet* out);

// The hash of a feature's name, as FeatureSet keeps it.
uint64_t FeatureHash(std::string_view name);

}  // namespace storydesk::entities
