// WordNet's names as gazetteer lists for the entity tagger (storydesk/entities/gazetteer.h):
// the capitalised lemmas of WordNet 3.0 (Debian's wordnet-base, read at training time; the
// lists are then kept in the model file, so tagging never reads WordNet).
//
// A capitalised noun lemma is listed under its lexicographer file, coarsened ("wn-person",
// "wn-location", "wn-group", "wn-object", "wn-event", "wn-artifact", "wn-communication",
// "wn-other"), with "-kind" appended when the synset is a class rather than an instance (an
// instance has an instance-hypernym pointer "@i": "Sung Kim"-like people, "Seoul", "NATO";
// a capitalised class is "American", "Democrat", "Muslim" — CoNLL's MISC). Capitalised
// adjectives ("German", "Shakespearean") are "wn-adjective". Lemmas' underscores split tokens
// ("St._Louis" → "St." "Louis"); adjective markers ("(a)") are cut.
#pragma once

#include <filesystem>

#include "adapters/wordnet/wordnet_synonyms.h"
#include "storydesk/entities/gazetteer.h"
#include "storydesk/status.h"

namespace storydesk::wordnet {

// Reads data.noun and data.adj from `dir`. Errors: kIo "WordNet not installed: …" when a file
// cannot be read; kInvalidInput naming the file and byte offset of a line that is not a synset.
Result<entities::Gazetteer> LoadWordNetNames(const std::filesystem::path& dir = kDebianWordNetDir);

}  // namespace storydesk::wordnet
