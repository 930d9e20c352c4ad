#include "core/copies/copy_families.h"

#include <algorithm>

namespace storydesk::copies {

std::string CopyFamilies::OriginalOf(const std::string& id) const {
  auto it = original_of_.find(id);
  return it == original_of_.end() ? id : it->second;
}

std::vector<std::string> CopyFamilies::Join(const FamilyMember& relative, const FamilyMember& member) {
  const std::string original = OriginalOf(relative.id);
  auto it = families_.find(original);
  if (it == families_.end()) {
    FamilyMember founder = relative;
    if (original != relative.id) founder = FamilyMember{original};
    it = families_.emplace(original, Family{std::move(founder), {}}).first;
    original_of_[original] = original;
  }
  Family& family = it->second;
  if (!ComparePrecedence(member, family.original).a_first) {
    family.copies.push_back(member.id);
    original_of_[member.id] = original;
    return {};
  }
  // Take-over: `member` becomes the original of everyone, the old original included.
  Family taken{member, std::move(family.copies)};
  taken.copies.push_back(original);
  families_.erase(it);
  for (const std::string& id : taken.copies) original_of_[id] = member.id;
  original_of_[member.id] = member.id;
  std::vector<std::string> moved = taken.copies;
  families_[member.id] = std::move(taken);
  return moved;
}

void CopyFamilies::Record(const FamilyMember& member, const std::optional<std::string>& original) {
  if (!original || *original == member.id) {
    Family& family = families_[member.id];
    family.original = member;
    original_of_[member.id] = member.id;
    return;
  }
  Family& family = families_[*original];
  family.original.id = *original;
  family.copies.push_back(member.id);
  original_of_[member.id] = *original;
  original_of_.try_emplace(*original, *original);
}

void CopyFamilies::Forget(const std::string& id) {
  auto it = original_of_.find(id);
  if (it == original_of_.end()) return;
  const std::string original = it->second;
  original_of_.erase(it);
  auto family = families_.find(original);
  if (family == families_.end()) return;
  auto& copies = family->second.copies;
  copies.erase(std::remove(copies.begin(), copies.end(), id), copies.end());
  // The family stays while a copy remains (its original may have left the window first).
  if (copies.empty() && original_of_.count(original) == 0) families_.erase(family);
}

}  // namespace storydesk::copies
