// WordNet synonyms: a word → synonyms table read from Debian's WordNet 3.0 database — for the
// claim matcher of the digest (core/claims/stem_synonyms.h: a source states a claim in its own
// words) and for the planted-copy measurement (tests/copies), which imitates a rewriting editor
// or a translation round trip by replacing content words with synonyms.
//
// Why WordNet's FIRST sense only: a word's senses are listed most frequent first (wndb(5)), so
// the lemmas of that synset are what a careless synonym swap would put in — close enough to keep
// the text a copy, far enough to change its word shingles — and the sense a writer most likely
// meant. The database is a system package (wordnet-base, installed by `make`), read at run time;
// none of its text is copied into the repo. An adapter: it reads files.
//
// Not thread-safe to share while loading; the returned map is a plain value.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::wordnet {

// Lower-case single word → the other single-word lemmas of its most frequent sense's synset, in
// the synset's order. Only content words: lemmas of nouns, verbs, adjectives and adverbs that are
// all ASCII letters and not stop words (core/text/stopwords.h). Words whose first synset has no
// other single-word lemma are absent. Synonyms are lower-case ASCII letters only ("_" multi-word
// lemmas, hyphenated forms and capitalised proper nouns are left out).
using SynonymMap = std::unordered_map<std::string, std::vector<std::string>>;

// Where Debian's package wordnet-base installs the database.
inline const std::filesystem::path kDebianWordNetDir = "/usr/share/wordnet";

// Reads index.{noun,verb,adj,adv} and data.{noun,verb,adj,adv} from `dir`. When a word has senses
// in several parts of speech, the part whose index line has the most semantically tagged senses
// (tagsense_cnt) gives the first sense; ties go to noun, verb, adjective, adverb in that order.
// Errors: kIo with "WordNet not installed: apt-get install wordnet-base (...)" when a file is
// missing or unreadable; kInvalidInput when an index line points to no data line.
Result<SynonymMap> LoadWordNetSynonyms(const std::filesystem::path& dir = kDebianWordNetDir);

}  // namespace storydesk::wordnet
