#include "storydesk/entities/gazetteer.h"

#include <algorithm>

#include "storydesk/text/tokens.h"

namespace storydesk::entities {
namespace {

bool Clean(std::string_view s) {
  return !s.empty() && std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; });
}

}  // namespace

bool Gazetteer::Add(const std::vector<std::string>& phrase, std::string_view category) {
  if (phrase.empty() || phrase.size() > kMaxPhraseTokens || !Clean(category)) return false;
  if (!std::all_of(phrase.begin(), phrase.end(), [](const std::string& t) { return Clean(t); })) return false;
  size_t index = static_cast<size_t>(std::find(categories_.begin(), categories_.end(), category) - categories_.begin());
  if (index == categories_.size()) {
    if (categories_.size() == kMaxCategories) return false;
    categories_.emplace_back(category);
  }
  std::string key;
  for (const std::string& t : phrase) {
    if (!key.empty()) key += ' ';
    key += text::ToLower(t);
  }
  AddPrefixes(key);
  phrases_[key] |= uint32_t{1} << index;
  longest_ = std::max(longest_, phrase.size());
  return true;
}

void Gazetteer::AddPrefixes(const std::string& key) {
  prefixes_.insert(key.substr(0, key.find(' ')));
  for (size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
    prefixes_.insert(key.substr(0, space));
  }
}

void Gazetteer::Merge(const Gazetteer& other) {
  for (const auto& [phrase, bits] : other.phrases_) {
    uint32_t mine = 0;
    for (size_t c = 0; c < other.categories_.size(); ++c) {
      if ((bits & (uint32_t{1} << c)) == 0) continue;
      size_t index = static_cast<size_t>(std::find(categories_.begin(), categories_.end(), other.categories_[c]) -
                                         categories_.begin());
      if (index == categories_.size()) {
        if (categories_.size() == kMaxCategories) continue;
        categories_.push_back(other.categories_[c]);
      }
      mine |= uint32_t{1} << index;
    }
    if (mine == 0) continue;
    phrases_[phrase] |= mine;
    AddPrefixes(phrase);
  }
  longest_ = std::max(longest_, other.longest_);
}

std::vector<std::vector<std::string>> Gazetteer::Match(const std::vector<std::string>& lower) const {
  std::vector<std::vector<std::string>> matches(lower.size());
  if (phrases_.empty()) return matches;
  std::string key;
  for (size_t start = 0; start < lower.size(); ++start) {
    if (prefixes_.count(lower[start]) == 0) continue;
    key.clear();
    for (size_t end = start; end < lower.size() && end - start < longest_; ++end) {
      if (end > start) key += ' ';
      key += lower[end];
      const auto it = phrases_.find(key);
      // No phrase goes on from here: stop rather than hash ever longer keys.
      const bool goes_on = end + 1 < lower.size() && prefixes_.count(key) > 0;
      if (it == phrases_.end()) {
        if (!goes_on) break;
        continue;
      }
      for (size_t c = 0; c < categories_.size(); ++c) {
        if ((it->second & (uint32_t{1} << c)) == 0) continue;
        if (end == start) {
          matches[start].push_back(categories_[c] + "-U");
          continue;
        }
        for (size_t k = start; k <= end; ++k) {
          const char* place = k == start ? "-B" : k == end ? "-L" : "-I";
          matches[k].push_back(categories_[c] + place);
        }
      }
      if (!goes_on) break;
    }
  }
  return matches;
}

std::vector<std::pair<std::string, std::string>> Gazetteer::Entries() const {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& [phrase, bits] : phrases_) {
    for (size_t c = 0; c < categories_.size(); ++c) {
      if ((bits & (uint32_t{1} << c)) != 0) entries.emplace_back(categories_[c], phrase);
    }
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

}  // namespace storydesk::entities
