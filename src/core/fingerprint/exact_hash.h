// Exact fingerprint: a 64-bit hash of an article's normalised body text.
// Two articles with equal ExactHash are treated as exact copies (collisions at 2^-64 per pair
// are accepted). Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace storydesk::fingerprint {

// XXH3-64 of `normalized_text` with the fingerprint seed.
uint64_t ExactHash(std::string_view normalized_text);

}  // namespace storydesk::fingerprint
