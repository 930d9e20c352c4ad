// UrlKey: one spelling of a URL for telling whether two links name the same page — a feed
// item's link and the URL (or canonical URL) of a page read in the same input. Scheme and
// "www." are dropped, the host lower-cased, the fragment and a trailing slash cut; the path and
// query are kept as written (they may be case-sensitive). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace storydesk::read {

// "" for an empty or blank URL.
std::string UrlKey(std::string_view url);

}  // namespace storydesk::read
