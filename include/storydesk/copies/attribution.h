// Attribution: the outlets an article credits for its reporting ("according to CBS News",
// "CBS News reported", "SEOUL (Reuters) -", "The Associated Press contributed to this report",
// "told CNN"), and whether a credited name is a given outlet.
//
// Why: an article that credits another outlet for what it says is not that outlet's original,
// whatever the timestamps say (two stories of the same day, or a feed's clock running ahead),
// so provenance (copy_families.h) asks this before it asks the clock.
// The phrases are read from the text, not learned: a credited name is the run of capitalised
// words next to a trigger ("according to", "reported", "told", "contributed", a parenthesised
// dateline source). People and places are found too ("according to Chicago police" gives
// "Chicago"); they never match an outlet's name, so they change nothing.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storydesk::copies {

struct Attribution {
  std::string outlet;  // the credited name as written ("CBS News", "the Associated Press")
  std::string phrase;  // the words that credit it ("according to CBS News"), for explanations
};

// Every credit in `text` (normalised or raw; curly quotes and dashes are understood), in order
// of appearance, each (outlet, phrase) once.
std::vector<Attribution> FindAttributions(std::string_view text);

// True when the credited name `credited` names the outlet `source` (an article's source field,
// such as "CBS News (Online)"): equal once case, a leading "the", a parenthesised remark and
// generic words ("News", "Online") are dropped, or one is the other's initials ("AP",
// "Associated Press"; "AP Politics & Fact Check" counts as AP).
bool NamesOutlet(std::string_view credited, std::string_view source);

}  // namespace storydesk::copies
