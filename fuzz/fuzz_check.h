// What every fuzz target checks beyond "no crash": a broken contract aborts, which libFuzzer
// (and the corpus replay under gcc) reports as a crash with the input that caused it.
#pragma once

#include <cstdlib>
#include <string_view>

namespace storydesk::fuzz {

inline void Check(bool condition) {
  if (!condition) std::abort();
}

// An error message fit for `storydesk: FILE:LINE: message`: one non-empty, short line.
// Untrusted values inside it must have been quoted and cut (text_checks.h QuoteForMessage).
inline void CheckMessage(std::string_view message) {
  Check(!message.empty());
  Check(message.find('\n') == std::string_view::npos);
  Check(message.size() < 1000);
}

}  // namespace storydesk::fuzz
