#include "storydesk/copies/provenance.h"

namespace storydesk::copies {
namespace {

// The credit in `by`'s text naming `of`'s outlet, or null.
const Attribution* CreditOf(const FamilyMember& by, const FamilyMember& of) {
  if (of.source.empty()) return nullptr;
  for (const Attribution& a : by.credits) {
    if (NamesOutlet(a.outlet, of.source)) return &a;
  }
  return nullptr;
}

}  // namespace

Precedence ComparePrecedence(const FamilyMember& a, const FamilyMember& b) {
  // Credits first: a same-named outlet on both sides ("Reuters" credits "Reuters") is no
  // evidence either way.
  if (a.source.empty() || b.source.empty() || !NamesOutlet(a.source, b.source)) {
    const Attribution* b_credits_a = CreditOf(b, a);
    const Attribution* a_credits_b = CreditOf(a, b);
    if (b_credits_a && !a_credits_b) return {true, PrecedenceReason::kCredited, b_credits_a};
    if (a_credits_b && !b_credits_a) return {false, PrecedenceReason::kCredited, a_credits_b};
  }
  if (a.time.has_value() != b.time.has_value()) return {a.time.has_value(), PrecedenceReason::kDated, nullptr};
  if (a.time && *a.time != *b.time) return {*a.time < *b.time, PrecedenceReason::kPublishedFirst, nullptr};
  if (a.words != b.words) return {a.words > b.words, PrecedenceReason::kLonger, nullptr};
  return {false, PrecedenceReason::kTie, nullptr};
}

std::string DescribePrecedence(const FamilyMember& original, const FamilyMember& copy) {
  const Precedence p = ComparePrecedence(original, copy);
  if (!p.a_first && p.reason != PrecedenceReason::kTie) {
    // Decided otherwise when it joined (a restored or older decision): say what stands now.
    return "seen first";
  }
  switch (p.reason) {
    case PrecedenceReason::kCredited:
      return "credited by " + (copy.source.empty() ? copy.id : copy.source) + ": \"" + p.credit->phrase + "\"";
    case PrecedenceReason::kPublishedFirst:
      return "published first";
    case PrecedenceReason::kDated:
      return "dated (the copy is undated)";
    case PrecedenceReason::kLonger:
      return "same time, longer text";
    case PrecedenceReason::kTie:
      break;
  }
  return "seen first";
}

}  // namespace storydesk::copies
