// ExtractPage: a news web page to its article — main text, title, publication date, outlet,
// author, canonical URL and language — on the HTML5 parser of Debian's libgumbo (the WHATWG
// tree construction, so broken markup is repaired the way browsers repair it).
//
// Main text by block scoring, after Readability (Arc90, 2010) and the boilerplate studies of
// Kohlschütter et al. ("Boilerplate Detection using Shallow Text Features", WSDM 2010): the
// page is cut into blocks at block-level elements, with what is never article (scripts, forms,
// navigation, asides, footers, figures and captions, hidden elements, and elements whose class
// or id names a share bar, a comment thread, related articles, a newsletter or cookie banner)
// left out; each paragraph-like block of some length scores its parent and grandparent by its
// commas and length; the best container, discounted by its link density, is the article, with
// the siblings that score near it (an article split over several containers). Blocks inside
// it are kept in document order unless they are mostly links. When that finds little (under
// kMinMainText characters), a fallback keeps every block of the body that is long enough and
// not mostly links; when even that is empty, the JSON-LD articleBody.
//
// Metadata, by general web conventions only (no rule keyed to a site):
//   title     og:title, JSON-LD headline, the first <h1>, <title> less a " - Site" suffix;
//   published JSON-LD datePublished, article:published_time and the usual meta names,
//             itemprop=datePublished, the first <time datetime>, a /YYYY/MM/DD/ URL — never a
//             date after `not_after` (a crawl time) when one is given;
//   outlet    og:site_name, JSON-LD publisher name, application-name, the URL's host;
//   author, canonical URL (link rel=canonical, og:url), language (<html lang>, og:locale).
// Encodings: a BOM, else the transport's charset (PageOptions), else the declared charset (meta charset / http-equiv)
// converted to UTF-8 with ICU; undeclared bytes that are not UTF-8 are read as Windows-1252. Pure function of its
// input; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storydesk/status.h"

namespace storydesk::read {

// The largest page accepted (bigger ones are refused, not truncated).
inline constexpr size_t kMaxPageBytes = size_t{32} * 1024 * 1024;

// Pages whose elements nest deeper (by a linear estimate) are refused: the HTML5 tree builder's
// time grows with the square of the depth. Real pages nest a few dozen deep.
inline constexpr size_t kMaxNestingDepth = 20000;

// The per-page parse budget: pages whose elements open at a summed depth (by the same estimate)
// above this are refused, the tree builder's scope walks being that long. 2e8 admits a page of
// the largest size made of a million elements two hundred deep on average, and bounds the worst
// shape found (nests 700 deep, repeated) to about a second of gumbo's time here.
inline constexpr uint64_t kMaxParseWork = 200'000'000;

// Below this many characters of main text the fallback runs.
inline constexpr size_t kMinMainText = 250;

struct ExtractedPage {
  std::string title;
  std::string text;                      // paragraphs separated by a blank line
  std::optional<std::string> published;  // "YYYY-MM-DD" or an RFC 3339 date-time
  std::string published_from;            // where the date was found: "json-ld", "meta", "time", "url"
  std::string outlet;
  std::string author;
  std::string url;  // canonical when the page gives one, else the URL it was fetched from
  std::string language;
  std::string encoding;  // the encoding the bytes were read in ("UTF-8", "windows-1252", ...)
};

struct PageOptions {
  std::string url;                   // where the page was fetched from, when known
  std::optional<int64_t> not_after;  // a crawl time: later publication dates are ignored
  std::string charset;               // the transport's (HTTP Content-Type), before the page's own
};

// Errors: kInvalidInput for a page that is empty, larger than kMaxPageBytes, nested deeper
// than kMaxNestingDepth or costlier to parse than kMaxParseWork, binary (NUL bytes or mostly control bytes in its
// start) or in an encoding ICU does not know.
Result<ExtractedPage> ExtractPage(std::string_view bytes, const PageOptions& options = {});

// The text of an HTML fragment that is all article (a feed item's content): every block, in
// order, paragraphs separated by a blank line, without scripts, styles, figures, hidden elements
// or blocks that are only links. `html` is UTF-8 (bad bytes are replaced).
std::string HtmlFragmentText(std::string_view html);

// True when `bytes` look like an HTML document: after a BOM and white space, "<!doctype html",
// "<html", "<head", or a comment followed by one of those (case-insensitive).
bool LooksLikeHtml(std::string_view bytes);

}  // namespace storydesk::read
