// MentionedYears: the calendar years a text names ("in 2017", "the 2018 Winter Olympics").
//
// Why: an undated article still tells roughly when it was written — a text whose years are
// all 2017 and 2018 is not a report of a 2021 event — so story grouping can refuse to place
// an undated text among dated articles of other years (stories/dating_guard.h).
// Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace storydesk::timeutil {

// Years a text plausibly names: number tokens of exactly four digits from kFirstMentionedYear to
// kLastMentionedYear (so "1,200", "7.3" and "30000" are not years; a count such as "2017
// people" is, a rare confusion). Distinct, ascending.
inline constexpr int kFirstMentionedYear = 1900;
inline constexpr int kLastMentionedYear = 2099;
std::vector<int> MentionedYears(const std::vector<std::string>& number_tokens);

}  // namespace storydesk::timeutil
