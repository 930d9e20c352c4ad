// CopyFamilies: provenance — which article is the original that a family of copies derives from.
//
// Copies form families (the transitive closure of "is a copy of", as a union-find would give;
// here every member points straight at its family's original, so lookups are one step). The
// original is the one no other precedes (provenance.h): not an article that credits another
// member's outlet, else the earliest publication — dated before undated, then the longer text
// (the most complete) on equal times. An article that joins a family but was published before its
// original (it arrived late) takes the family over: it becomes the original and every member,
// the old original included, now copies it.
// Members leave with the window (Forget); a family lives while it has members.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "storydesk/copies/provenance.h"

namespace storydesk::copies {

class CopyFamilies {
 public:
  // `member` is a copy of the family `relative` is in (`relative` founds one, as its original,
  // when it is in none). Returns the ids whose original became `member.id` — non-empty when
  // it took the family over: the old original and its copies.
  std::vector<std::string> Join(const FamilyMember& relative, const FamilyMember& member);

  // Records a decision as it was stored: `member` is a copy of `original` (restoring; no
  // take-over, the stored originals are final), or an original itself when `original` is unset.
  void Record(const FamilyMember& member, const std::optional<std::string>& original);

  // The original of `id`'s family (`id` itself for an original or an unknown id).
  std::string OriginalOf(const std::string& id) const;

  // Drops `id` (it left the window).
  void Forget(const std::string& id);

  size_t Size() const { return original_of_.size(); }

 private:
  struct Family {
    FamilyMember original;
    std::vector<std::string> copies;
  };

  std::unordered_map<std::string, std::string> original_of_;  // member (original too) -> original
  std::unordered_map<std::string, Family> families_;          // by original id
};

}  // namespace storydesk::copies
