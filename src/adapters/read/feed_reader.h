// ReadFeed: an RSS 2.0 or Atom feed to its items, each one article — on libxml2's parser
// (Debian's libxml2), with network access and entity expansion off and its default depth limit.
//
// RSS 2.0 (and RSS 0.9x/RDF 1.0 items alike): the channel's title is the outlet; each <item>
// gives title, link, guid, pubDate (RFC 822, as RSS writes dates) or dc:date, author or
// dc:creator, and content:encoded, else description. Atom (RFC 4287): the feed's title; each
// <entry> its title, link (rel="alternate" or none), id, published, else updated, author/name,
// and content, else summary. Content given as HTML (escaped or in CDATA, or Atom's xhtml) is
// read as text by the HTML reader, its paragraphs kept.
// A feed whose XML is broken is read as far as libxml2's recovery goes: the items it holds are
// returned with a problem naming the line. Pure function of its input; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::read {

struct FeedItem {
  size_t number = 0;  // 1-based, in feed order
  std::string id;     // guid / Atom id; empty when the item has none
  std::string title;
  std::string link;
  std::optional<std::string> published;  // RFC 3339 date-time or YYYY-MM-DD, as RawArticle takes it
  std::string author;
  std::string text;  // paragraphs separated by a blank line
  std::string xml;   // the item's element as it was read (re-serialised by libxml2)
};

struct Feed {
  std::string title;  // the channel's or feed's own
  std::vector<FeedItem> items;
  // What was wrong but did not stop reading: one line each ("line 12: ...", "item 3: ...").
  std::vector<std::string> problems;
};

// Errors: kInvalidInput for what is no RSS or Atom feed (with libxml2's message and line when
// the XML cannot be read at all), or is larger than kMaxPageBytes.
Result<Feed> ReadFeed(std::string_view bytes);

// True when `bytes` look like a feed: after a BOM, white space, an XML declaration and comments,
// the root element is <rss>, <feed> or <rdf:RDF>.
bool LooksLikeFeed(std::string_view bytes);

// An RFC 822 date as RSS writes it ("Tue, 19 Nov 2019 14:05:00 GMT", "19 Nov 19 14:05 -0500")
// as an RFC 3339 date-time ("2019-11-19T14:05:00Z", "2019-11-19T14:05:00-05:00"); nothing when
// it is none.
std::optional<std::string> Rfc822ToRfc3339(std::string_view date);

}  // namespace storydesk::read
