// Provenance: of two articles of one copy family, which is the other's original, and why.
//
// In order: an article that credits the other's outlet for its reporting ("according to CBS
// News", "(Reuters) -"; attribution.h) is not its original, whatever the timestamps say — a
// rewrite of the same day, or a clock running ahead, would otherwise make the rewriter the
// source; then the earlier publication (dated before undated); then, at the same time, the
// longer text (the most complete). Credits both ways, or none, leave it to the clock.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storydesk/copies/attribution.h"

namespace storydesk::copies {

// What provenance knows of an article.
struct FamilyMember {
  FamilyMember() = default;
  // The trailing fields may be left out (an article of no known outlet crediting no one).
  FamilyMember(std::string id_, std::optional<int64_t> time_, uint32_t words_ = 0, std::string source_ = {},
               std::vector<Attribution> credits_ = {})
      : id(std::move(id_)), time(time_), words(words_), source(std::move(source_)), credits(std::move(credits_)) {}
  explicit FamilyMember(std::string id_) : id(std::move(id_)) {}

  std::string id;
  std::optional<int64_t> time;  // publication, seconds since the epoch
  uint32_t words = 0;
  std::string source;                // the outlet ("" when unknown)
  std::vector<Attribution> credits;  // whom its text credits (FindAttributions)
};

enum class PrecedenceReason {
  kCredited,        // the other credits this one's outlet
  kPublishedFirst,  // earlier publication time
  kDated,           // dated, the other not
  kLonger,          // same time, longer text
  kTie,             // nothing tells them apart: the one already in place stays
};

struct Precedence {
  bool a_first = false;  // true when `a` is the original of `b`
  PrecedenceReason reason = PrecedenceReason::kTie;
  const Attribution* credit = nullptr;  // for kCredited: the credit in the later one's text
};

// Which of `a` and `b` comes first. On kTie, a_first is false.
Precedence ComparePrecedence(const FamilyMember& a, const FamilyMember& b);

// Why `original` is the original of `copy`, for people: "credited by Newsmax: "according to
// CBS News"", "published first", "dated (the copy is undated)", "same time, longer text",
// "seen first".
std::string DescribePrecedence(const FamilyMember& original, const FamilyMember& copy);

}  // namespace storydesk::copies
