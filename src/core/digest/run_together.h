// Run-together page text: a title, menu or link list run into a sentence where the page's line
// breaks were lost when it was scraped ("WCCO Viewers' Choice For Best Egg Roll In MinnesotaIn
// this week's Best of Minnesota, ...", "President Trump Donald John TrumpAmazon's European
// ..."). Such text is neither a headline nor a bullet: it reads as two things glued together.
//
// The signs, either enough:
//   - two or more function words capitalised inside the text, as a title writes them and a
//     sentence does not ("Best Egg Roll In Minnesota"; "In" after a full stop, a colon or a
//     quotation mark does not count);
//   - a lower-case letter then a capital inside one word, the part before the capital a word the
//     text also has on its own, or the part after it a capitalised function word ("... Burns
//     Bright In PlymouthThe Sunshine ..."), or a letter, a quotation mark and a capital ("Dive
//     Bars"Best burger in town"). Brand names ("YouTube", "LinkedIn", "McDonald's") glue a
//     short or a content word and repeat neither part.
// Pure function; thread-safe.
#pragma once

#include <string_view>

namespace storydesk::digest {

bool IsRunTogether(std::string_view text);

// The title run-together text opens with: its words before the first glue, when they are three
// or more ("St. Paul's Top 3 Dive Bars"Best burger in town." → "St. Paul's Top 3 Dive Bars");
// empty otherwise. A headline of last resort for a page of teasers.
std::string_view GluedTitle(std::string_view text);

}  // namespace storydesk::digest
