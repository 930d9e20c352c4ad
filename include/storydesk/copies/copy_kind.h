// CopyKind: which kind of copy one article is of another (copy_relation.h says how each is
// decided), and CopyUpdate: a copy decision that changes when an earlier publication takes a
// copy family over. The values decisions, stores and outputs trade in; a kind is spelled out
// ("exact", …) only where it leaves the program (a store's column, JSON, text).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storydesk::copies {

enum class CopyKind { kNone, kExact, kNear, kExcerpt, kRewrite };

// "exact", "near", "excerpt", "rewrite"; empty for kNone.
std::string_view CopyKindName(CopyKind kind);
// The kind named `name`; nullopt for anything else (the empty name included).
std::optional<CopyKind> CopyKindFromName(std::string_view name);

// How outputs name an article's place in its copy family: "original" when it copies nothing,
// else its kind's name ("copy" when the kind is unknown, kNone).
std::string_view RelationLabel(bool is_copy, CopyKind kind);

// A family member whose copy_of changes: an earlier-published article took the family over.
struct CopyUpdate {
  std::string article;
  std::string copy_of;                  // the new original
  CopyKind relation = CopyKind::kNone;  // the new relation; kNone: the member keeps its own
  double score = 0.0;                   // with `relation`
  bool operator==(const CopyUpdate&) const = default;
};

}  // namespace storydesk::copies
