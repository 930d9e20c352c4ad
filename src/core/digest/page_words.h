// Words of page text as the headline and run-together rules read them: split on white space,
// punctuation kept; and a word's letters alone, for comparing "Trump" with "TrumpAmazon's".
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storydesk::digest {

// The white-space separated words of `text`, views into it.
std::vector<std::string_view> SplitOnSpace(std::string_view text);

// A word's letters and apostrophes, ASCII lower-cased, without apostrophes at its ends; bytes of
// other scripts kept as they are.
std::string LetterCore(std::string_view word);

}  // namespace storydesk::digest
