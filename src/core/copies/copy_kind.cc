#include "storydesk/copies/copy_kind.h"

namespace storydesk::copies {

std::string_view CopyKindName(CopyKind kind) {
  switch (kind) {
    case CopyKind::kExact:
      return "exact";
    case CopyKind::kNear:
      return "near";
    case CopyKind::kExcerpt:
      return "excerpt";
    case CopyKind::kRewrite:
      return "rewrite";
    case CopyKind::kNone:
      break;
  }
  return {};
}

std::optional<CopyKind> CopyKindFromName(std::string_view name) {
  for (CopyKind k : {CopyKind::kExact, CopyKind::kNear, CopyKind::kExcerpt, CopyKind::kRewrite}) {
    if (CopyKindName(k) == name) return k;
  }
  return std::nullopt;
}

std::string_view RelationLabel(bool is_copy, CopyKind kind) {
  if (!is_copy) return "original";
  return kind == CopyKind::kNone ? "copy" : CopyKindName(kind);
}

}  // namespace storydesk::copies
