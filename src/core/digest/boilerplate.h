// Boilerplate: sentences of a scraped page that are not the story — share bars, captions,
// photo and video credits, "click here", cookie and newsletter notices, bare headlines — and
// must never become a digest bullet or a source's "point".
//
// Rules, not a model: each names a kind of page furniture common across news sites (the
// cleaning rules of web-text extraction, e.g. Kohlschütter et al., "Boilerplate detection using
// shallow text features", WSDM 2010: short, link-like, un-sentence-like blocks), so they carry
// over to sites we have not seen. A sentence is boilerplate when it
//   - has fewer than 6 or more than 60 words (fragments and run-together page text);
//   - does not end like a sentence (., !, ?, or a closing quote or bracket after one);
//   - holds a URL, an e-mail address or a furniture phrase ("click here", "photo:", "getty
//     images", "sign up", "all rights reserved", a caption's ", left, " ...);
//   - is mostly capitalised words (a headline or a caption's credit line).
// Pure function; thread-safe.
#pragma once

#include <string_view>

namespace storydesk::digest {

// `sentence` is the sentence's text as normalised by the analyzer.
bool IsBoilerplateSentence(std::string_view sentence);

// Whether `text` holds one of the furniture phrases above (a URL, an e-mail address, "click
// here", "photo:", "getty images", a caption's ", left, " ...), in any letter case.
bool HasFurniturePhrase(std::string_view text);

}  // namespace storydesk::digest
