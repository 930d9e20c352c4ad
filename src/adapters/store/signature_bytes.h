// A MinHash signature as the stores keep it: 4 little-endian bytes a value — one format for
// the SQLite and the PostgreSQL store, so a signature moves between them unchanged.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::store {

std::string EncodeSignature(const std::vector<uint32_t>& signature);
// kStore for bytes that are not a whole number of values.
Result<std::vector<uint32_t>> DecodeSignature(const std::string& bytes);

}  // namespace storydesk::store
