#include "core/fingerprint/exact_hash.h"

#include <xxhash.h>

#include "storydesk/fingerprint/fingerprint_settings.h"

namespace storydesk::fingerprint {

uint64_t ExactHash(std::string_view normalized_text) {
  return XXH3_64bits_withSeed(normalized_text.data(), normalized_text.size(), kSeed);
}

}  // namespace storydesk::fingerprint
