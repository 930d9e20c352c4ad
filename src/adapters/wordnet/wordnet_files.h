// Reading WordNet 3.0's database files (formats in wndb(5)): what the synonym table and the
// name lists share.
#pragma once

#include <charconv>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::wordnet {

// kIo: "WordNet not installed: apt-get install wordnet-base (cannot read PATH)".
Status NotInstalled(const std::filesystem::path& missing);

// The whole file into *contents; false when it cannot be read.
bool ReadWholeFile(const std::filesystem::path& path, std::string* contents);

// Space-separated fields of one line.
std::vector<std::string_view> Fields(std::string_view line);

template <typename T>
bool ParseNumber(std::string_view field, T* value, int base = 10) {
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), *value, base);
  return error == std::errc() && end == field.data() + field.size();
}

}  // namespace storydesk::wordnet
