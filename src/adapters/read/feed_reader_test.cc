#include "adapters/read/feed_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace storydesk::read {
namespace {

// Invented feeds, shaped like real ones.
constexpr char kRss[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Aldport Herald</title>
  <link>https://herald.test/</link>
  <item>
    <title>Harbour town keeps its night ferry</title>
    <link>https://herald.test/news/ferry</link>
    <guid isPermaLink="false">herald-1001</guid>
    <pubDate>Tue, 14 May 2031 09:30:00 +0100</pubDate>
    <dc:creator>Ann Lee</dc:creator>
    <description>A short teaser.</description>
    <content:encoded><![CDATA[<p>The night ferry will keep running, the council said.</p><p>Fares rise in June.</p><figure><figcaption>The ferry.</figcaption></figure>]]></content:encoded>
  </item>
  <item>
    <title>Bus routes reviewed</title>
    <link>https://herald.test/news/buses</link>
    <pubDate>Wed, 15 May 31 18:00 EST</pubDate>
    <description>&lt;p&gt;The council will review &amp;amp; redraw the bus routes.&lt;/p&gt;</description>
  </item>
  <item><title>Only a title</title></item>
</channel>
</rss>)";

constexpr char kAtom[] = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Westmark Wire</title>
  <entry>
    <title>Ferry stays</title>
    <link rel="alternate" href="https://wire.test/ferry"/>
    <link rel="edit" href="https://wire.test/edit/1"/>
    <id>tag:wire.test,2031:1</id>
    <updated>2031-05-15T10:00:00Z</updated>
    <published>2031-05-14T08:00:00Z</published>
    <author><name>Bo Chan</name></author>
    <content type="html">&lt;p&gt;The ferry stays, the council said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>In XHTML</title>
    <id>tag:wire.test,2031:2</id>
    <updated>2031-05-16T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First paragraph.</p><p>Second one.</p></div></content>
  </entry>
  <entry>
    <title>Plain</title>
    <id>tag:wire.test,2031:3</id>
    <summary>Text with a &lt;tag&gt; that is text.</summary>
  </entry>
</feed>)";

TEST(FeedReaderTest, ReadsRssItems) {
  const auto feed = ReadFeed(kRss);
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed.value().title, "The Aldport Herald");
  ASSERT_EQ(feed.value().items.size(), 3u);
  const FeedItem& first = feed.value().items[0];
  EXPECT_EQ(first.number, 1u);
  EXPECT_EQ(first.id, "herald-1001");
  EXPECT_EQ(first.title, "Harbour town keeps its night ferry");
  EXPECT_EQ(first.link, "https://herald.test/news/ferry");
  EXPECT_EQ(first.published.value_or(""), "2031-05-14T09:30:00+01:00");
  EXPECT_EQ(first.author, "Ann Lee");
  EXPECT_EQ(first.text, "The night ferry will keep running, the council said.\n\nFares rise in June.")
      << "content:encoded over the description; no caption";
  EXPECT_NE(first.xml.find("<guid"), std::string::npos);
  const FeedItem& second = feed.value().items[1];
  EXPECT_EQ(second.published.value_or(""), "2031-05-15T18:00:00-05:00") << "two-digit year, zone name, no seconds";
  EXPECT_EQ(second.text, "The council will review & redraw the bus routes.") << "escaped HTML in the description";
  EXPECT_TRUE(feed.value().items[2].text.empty());
  EXPECT_TRUE(feed.value().problems.empty());
}

TEST(FeedReaderTest, ReadsAtomEntries) {
  const auto feed = ReadFeed(kAtom);
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed.value().title, "Westmark Wire");
  ASSERT_EQ(feed.value().items.size(), 3u);
  const FeedItem& first = feed.value().items[0];
  EXPECT_EQ(first.id, "tag:wire.test,2031:1");
  EXPECT_EQ(first.link, "https://wire.test/ferry") << "the alternate link, not the edit link";
  EXPECT_EQ(first.published.value_or(""), "2031-05-14T08:00:00Z") << "published before updated";
  EXPECT_EQ(first.author, "Bo Chan");
  EXPECT_EQ(first.text, "The ferry stays, the council said.");
  EXPECT_EQ(feed.value().items[1].published.value_or(""), "2031-05-16T10:00:00Z") << "updated when not published";
  EXPECT_EQ(feed.value().items[1].text, "First paragraph.\n\nSecond one.");
  EXPECT_EQ(feed.value().items[2].text, "Text with a <tag> that is text.") << "type text is text";
}

TEST(FeedReaderTest, ConvertsRfc822Dates) {
  struct Case {
    const char* rfc822;
    const char* rfc3339;  // "" for none
  };
  const Case cases[] = {
      {"Tue, 19 Nov 2019 14:05:00 GMT", "2019-11-19T14:05:00Z"},
      {"19 Nov 2019 14:05:00 +0000", "2019-11-19T14:05:00+00:00"},
      {"Tue, 19 Nov 2019 14:05 -0800", "2019-11-19T14:05:00-08:00"},
      {"Tue, 19 Nov 2019 14:05:00 PDT", "2019-11-19T14:05:00-07:00"},
      {"Tue, 19 November 2019 14:05:00 UT", "2019-11-19T14:05:00Z"},
      {"Tue, 19 Nov 2019 14:05:00", "2019-11-19"},  // no zone: the day alone
      {"Tue, 19 Nov 2019 14:05:00 XYZ", "2019-11-19"},
      {"Mon, 1 Jan 99 00:00:00 GMT", "1999-01-01T00:00:00Z"},
      {"31 Feb 2019 10:00:00 GMT", ""},
      {"19 Foo 2019 10:00:00 GMT", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Rfc822ToRfc3339(c.rfc822).value_or(""), c.rfc3339) << c.rfc822;
  }
}

TEST(FeedReaderTest, ReadsWhatABrokenFeedHoldsAndRefusesWhatIsNone) {
  std::string broken = kRss;
  broken.replace(broken.find("Bus routes reviewed"), 5, "Bus & routes");  // an unescaped ampersand
  auto feed = ReadFeed(broken);
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed.value().items.size(), 3u);
  ASSERT_EQ(feed.value().problems.size(), 1u);
  EXPECT_NE(feed.value().problems[0].find("line "), std::string::npos) << feed.value().problems[0];

  struct Case {
    std::string bytes;
    const char* reason;
  };
  const Case cases[] = {
      {"", "empty feed"},
      {"<html><body>no feed</body></html>", "not an RSS or Atom feed"},
      {"<feed><entry/></feed>", "not an RSS or Atom feed"},  // no Atom namespace
      {"\x01\x02garbage", "not XML"},
  };
  for (const Case& c : cases) {
    const auto refused = ReadFeed(c.bytes);
    ASSERT_FALSE(refused.ok()) << c.reason;
    EXPECT_NE(refused.status().message().find(c.reason), std::string::npos) << refused.status().message();
    EXPECT_EQ(refused.status().message().find('\n'), std::string::npos);
  }
}

TEST(FeedReaderTest, NeitherExpandsEntitiesNorFollowsThemOut) {
  // "Billion laughs" and an external entity: neither expanded nor fetched.
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
      "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
      "<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
      "<rss><channel><item><title>&f;</title><description>&secret; text</description></item></channel></rss>";
  const auto feed = ReadFeed(laughs);
  if (feed.ok()) {
    for (const FeedItem& item : feed.value().items) {
      EXPECT_LT(item.title.size(), 2000000u);
      EXPECT_EQ(item.text.find("root:"), std::string::npos);
    }
  }
  // Nested deeper than libxml2's limit: an error or a recovered document, never a crash.
  std::string deep = "<rss><channel><item><description>";
  for (int i = 0; i < 10000; ++i) deep += "<x>";
  deep += "</description></item></channel></rss>";
  const auto deep_feed = ReadFeed(deep);
  if (!deep_feed.ok()) {
    EXPECT_EQ(deep_feed.status().message().find('\n'), std::string::npos);
  }
}

TEST(FeedReaderTest, SniffsFeeds) {
  EXPECT_TRUE(LooksLikeFeed(kRss));
  EXPECT_TRUE(LooksLikeFeed(kAtom));
  EXPECT_TRUE(LooksLikeFeed("\xEF\xBB\xBF<!-- a comment --><rdf:RDF xmlns:rdf=\"x\">"));
  EXPECT_FALSE(LooksLikeFeed("<!DOCTYPE html><html>"));
  EXPECT_FALSE(LooksLikeFeed("{\"id\": 1}"));
  EXPECT_FALSE(LooksLikeFeed("<?xml version=\"1.0\"?><note/>"));
}

}  // namespace
}  // namespace storydesk::read
