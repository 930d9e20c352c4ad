// Proper names by capitalisation: "Sung Kim", "South Korea", "Noh Kyu-duk", "NATO", "U.S.".
//
// No gazetteer and no model: in English news a capitalised word that is not at the start of a
// sentence is almost always part of a name, and consecutive capitalised words are one name.
// What capitalisation gets wrong is handled by rules, each with its reason:
//  - A name is a run of capitalised words separated by whitespace only; any punctuation breaks
//    it ("Kim, Noh" is two names). Hyphenated parts stay together ("Kyu-duk"), except a
//    lower-case compound suffix ("Korea-backed" → "Korea"). An initial joins across its period
//    ("John F. Kennedy").
//  - Capitalised stop words are not name parts at either end of a run: "The United States" →
//    "United States", "In Seoul" → "Seoul". All-capital acronyms are exempt ("US", "WHO"), and
//    "May" is treated as a month (below), not as the verb.
//  - Months and weekdays are dates, not names: dropped at the start of a run or alone ("On
//    Sunday Kim met" → "Kim"), kept after a name word ("Theresa May", "Super Tuesday").
//  - A bare honorific is not a name: "Mr"/"Dr"/"Gov"... alone are dropped, and dropped from the
//    front of a run ("Dr Smith" → "Smith"); "Mr. Kim" yields "Kim". Job titles are kept:
//    "President" alone usually means one person, and "President Joe Biden" stays whole.
//  - A single word opening a sentence is capitalised by grammar, not because it is a name. It
//    is dropped when it is a common sentence opener ("However", "Officials"); otherwise the
//    rest of the text decides: in lower case somewhere ("Peace process ... the peace process")
//    it is a common word; else capitalised inside a sentence somewhere ("...met Kim") it is a
//    name; with no evidence it is dropped, unless the text is a single sentence (a title, a
//    bullet: there is no rest to ask). Multi-word runs and acronyms opening a sentence are
//    kept ("Sung Kim arrived", "NATO said").
//  - A possessive "'s" ends a name and is removed ("Washington's envoy" → "Washington").
//  - Single letters alone are not names.
// Known limits: Title Case and ALL CAPS headlines read as one long name; "Bank of America"
// gives "Bank" and "America" (lower-case connectors are not bridged).
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storydesk/text/analyzer.h"
#include "storydesk/text/tokens.h"

namespace storydesk::text {

// The names of `normalized`, in text order, repeats kept, each in its original case with any
// line break inside it written as a space. `tokens` must be Tokenize(normalized) and
// `sentences` SplitSentences(normalized); names never cross a sentence boundary, and tokens
// outside every sentence are ignored. Linear in the number of tokens (plus a sort of the few
// sentence-opening candidates).
std::vector<std::string> ExtractNames(std::string_view normalized, const std::vector<Token>& tokens,
                                      const std::vector<SentenceSpan>& sentences);

}  // namespace storydesk::text
