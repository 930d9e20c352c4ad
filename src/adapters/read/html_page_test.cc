#include "adapters/read/html_page.h"

#include <gtest/gtest.h>

#include <string>

namespace storydesk::read {
namespace {

// An invented news page shaped like real ones: navigation, a share bar, the article's
// paragraphs, a related-stories list, comments and a footer.
std::string NewsPage(const std::string& head_extra = "", const std::string& wrapper_class = "page") {
  std::string paragraphs;
  const char* sentences[] = {
      "The night ferry between Aldport and the islands will keep running, the council said on Tuesday, after a "
      "vote of seven to two.",
      "Fares rise by ten cents in June, and a review of the timetable follows next spring, the harbour master "
      "said.",
      "\"We heard the islanders,\" the mayor said, adding that the late crossing carried 40,000 people last year.",
      "Opponents had argued that the service, which loses money every winter, should end in October."};
  for (const char* s : sentences) paragraphs += std::string("<p>") + s + "</p>\n";
  return "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
         "<title>Ferry stays - The Aldport Herald</title>" +
         head_extra + "</head><body><div class=\"" + wrapper_class +
         "\">"
         "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>"
         "<header><h1>Harbour town keeps its night ferry</h1></header>"
         "<div class=\"share-bar\"><a href=\"#\">Share on social media</a> <span>Email this story to a "
         "friend</span></div>"
         "<div class=\"article-body\">" +
         paragraphs +
         "<figure><img src=\"ferry.jpg\"><figcaption>The ferry at dawn, pictured last week.</figcaption></figure>"
         "</div>"
         "<div class=\"related\"><h3>Related stories</h3><ul><li><a href=\"/a\">Council to review bus routes "
         "across the whole district next year</a></li><li><a href=\"/b\">Islanders celebrate the end of a long "
         "campaign for the ferry</a></li></ul></div>"
         "<section id=\"comments\"><p>I think this is a great decision for everyone on the islands, well "
         "done.</p></section>"
         "<footer><p>Copyright The Aldport Herald, all rights reserved, registered in Westmark.</p></footer>"
         "</div></body></html>";
}

TEST(HtmlPageTest, KeepsTheArticlesParagraphsAndLeavesTheRestOut) {
  const auto page = ExtractPage(NewsPage());
  ASSERT_TRUE(page.ok()) << page.status().message();
  const std::string& text = page.value().text;
  EXPECT_EQ(text.find("The night ferry"), 0u) << text;
  EXPECT_NE(text.find("\n\nFares rise by ten cents"), std::string::npos) << "paragraph breaks kept";
  EXPECT_NE(text.find("should end in October."), std::string::npos);
  for (const char* left_out : {"Home", "Share on social", "Email this", "Related stories", "bus routes",
                               "great decision", "Copyright", "ferry at dawn"}) {
    EXPECT_EQ(text.find(left_out), std::string::npos) << left_out << " in: " << text;
  }
}

TEST(HtmlPageTest, FallsBackWhenTheClassCuesLeaveTooLittle) {
  // A layout wrapper named for its sidebar would lose everything to the cues.
  const auto page = ExtractPage(NewsPage("", "layout with-sidebar"));
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page.value().text.find("The night ferry"), std::string::npos) << page.value().text;
  // A page wrapped in one <form> (as ASP.NET writes them) is read all the same.
  std::string form_page = NewsPage();
  form_page.replace(form_page.find("<div class=\"page\">"), 18, "<form id=\"main\"><div class=\"page\">");
  form_page.replace(form_page.find("</body>"), 7, "</form></body>");
  const auto in_form = ExtractPage(form_page);
  ASSERT_TRUE(in_form.ok());
  EXPECT_NE(in_form.value().text.find("The night ferry"), std::string::npos);
}

TEST(HtmlPageTest, ReadsTheMetadataByTheUsualConventions) {
  struct Case {
    const char* name;
    std::string head;
    std::string url;
    std::string title, published, published_from, outlet, author;
  };
  const Case cases[] = {
      {"only <title>: the site suffix goes; the outlet is the host", "", "https://www.aldport-herald.test/news/x",
       "Harbour town keeps its night ferry", "", "", "aldport-herald.test", ""},
      {"Open Graph and article: meta",
       "<meta property=\"og:title\" content=\"Ferry stays\"><meta property=\"og:site_name\" content=\"Herald\">"
       "<meta property=\"article:published_time\" content=\"2031-05-14T09:30:00+0100\">"
       "<meta name=\"author\" content=\"Ann Lee\">",
       "", "Ferry stays", "2031-05-14T09:30:00+01:00", "meta", "Herald", "Ann Lee"},
      {"JSON-LD, in a @graph, before meta",
       "<meta property=\"article:published_time\" content=\"2031-05-15\">"
       "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebSite\"}, {\"@type\": \"NewsArticle\", "
       "\"headline\": \"Ferry saved\", \"datePublished\": \"2031-05-14T08:00:00Z\", \"author\": [{\"@type\": "
       "\"Person\", \"name\": \"Bo Chan\"}], \"publisher\": {\"name\": \"Aldport Herald\"}}]}</script>",
       "", "Ferry saved", "2031-05-14T08:00:00Z", "json-ld", "Aldport Herald", "Bo Chan"},
      {"broken JSON-LD is passed over; a date in the URL is the last resort",
       "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script>",
       "https://herald.test/2031/05/14/ferry.html", "Harbour town keeps its night ferry", "2031-05-14", "url",
       "herald.test", ""},
      {"og:title's site suffix goes when it names the outlet; a byline's \"By\" goes",
       "<meta property=\"og:title\" content=\"Ferry stays | Aldport Herald\"><meta property=\"og:site_name\" "
       "content=\"The Aldport Herald\"><meta name=\"author\" content=\"By Ann Lee\">",
       "", "Ferry stays", "", "", "The Aldport Herald", "Ann Lee"},
      {"a colon or dash that names no outlet stays",
       "<meta property=\"og:title\" content=\"Ferry - a lifeline\"><meta property=\"og:site_name\" content=\"Herald\">",
       "", "Ferry - a lifeline", "", "", "Herald", ""},
      {"a date that is no date is passed over", "<meta name=\"pubdate\" content=\"yesterday\">", "",
       "Harbour town keeps its night ferry", "", "", "", ""},
  };
  for (const Case& c : cases) {
    PageOptions options;
    options.url = c.url;
    const auto page = ExtractPage(NewsPage(c.head), options);
    ASSERT_TRUE(page.ok()) << c.name;
    const ExtractedPage& p = page.value();
    // With no og:title or JSON-LD headline, the <h1> is the title.
    EXPECT_EQ(p.title, c.title) << c.name;
    EXPECT_EQ(p.published.value_or(""), c.published) << c.name;
    EXPECT_EQ(p.published_from, c.published_from) << c.name;
    EXPECT_EQ(p.outlet, c.outlet) << c.name;
    EXPECT_EQ(p.author, c.author) << c.name;
    EXPECT_EQ(p.language, "en") << c.name;
  }
}

TEST(HtmlPageTest, ReadsTheVisibleDatelineAndDatedUrls) {
  // No date in the metadata: the first day written out after the headline (a related story's
  // date before it is not the article's).
  std::string page = NewsPage();
  page.replace(page.find("<header>"), 0, "<div class=\"promo\"><span>March 3, 2031</span></div>");
  page.replace(page.find("</header>"), 0,
               "<p class=\"byline\">By Ann Lee</p><span>Updated</span> <span>May 14, 2031 "
               "9:30 a.m.</span>");
  auto extracted = ExtractPage(page);
  ASSERT_TRUE(extracted.ok());
  EXPECT_EQ(extracted.value().published.value_or(""), "2031-05-14");
  EXPECT_EQ(extracted.value().published_from, "visible");
  // A URL naming its month in letters ("/2031/may/14/").
  PageOptions options;
  options.url = "https://herald.test/news/2031/may/14/ferry";
  extracted = ExtractPage(NewsPage(), options);
  ASSERT_TRUE(extracted.ok());
  EXPECT_EQ(extracted.value().published.value_or(""), "2031-05-14");
  EXPECT_EQ(extracted.value().published_from, "url");
}

TEST(HtmlPageTest, NeverTakesADateAfterTheCrawl) {
  PageOptions options;
  options.not_after = 1999999999;  // 2033-05-18
  const auto page = ExtractPage(NewsPage("<meta property=\"article:published_time\" content=\"2040-01-01\">"
                                         "<meta name=\"date\" content=\"2031-05-14\">"),
                                options);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().published.value_or(""), "2031-05-14");
}

TEST(HtmlPageTest, PrefersTheCanonicalUrl) {
  PageOptions options;
  options.url = "https://herald.test/amp/ferry";
  const auto page = ExtractPage(NewsPage("<link rel=\"canonical\" href=\"https://herald.test/news/ferry\">"), options);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().url, "https://herald.test/news/ferry");
}

TEST(HtmlPageTest, ReadsDeclaredAndUndeclaredEncodings) {
  // "Café" in Windows-1252 (0xE9), declared as ISO-8859-1 (which browsers read as 1252).
  std::string latin = NewsPage();
  latin.replace(latin.find("<meta charset=\"utf-8\">"), 22, "<meta charset=\"iso-8859-1\">");
  latin.replace(latin.find("The night ferry"), 15, "Caf\xE9 owners say the night ferry");
  auto page = ExtractPage(latin);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().encoding, "windows-1252");
  EXPECT_NE(page.value().text.find("Caf\xC3\xA9 owners"), std::string::npos);
  // Undeclared, and not UTF-8: read as Windows-1252 (0x93/0x94 are curly quotes there).
  std::string undeclared = latin;
  undeclared.replace(undeclared.find("<meta charset=\"iso-8859-1\">"), 27, "");
  undeclared.replace(undeclared.find("\"We heard"), 9, "\x93We heard");
  page = ExtractPage(undeclared);
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page.value().text.find("\xE2\x80\x9CWe heard"), std::string::npos);
  // A UTF-8 byte order mark.
  page = ExtractPage("\xEF\xBB\xBF" + NewsPage());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().encoding, "UTF-8");
  EXPECT_EQ(page.value().text.find("The night ferry"), 0u);
}

TEST(HtmlPageTest, RefusesWhatIsNoPageWithAOneLineReason) {
  struct Case {
    std::string bytes;
    const char* reason;
  };
  const Case cases[] = {
      {"", "empty page"},
      {"  \n\t ", "empty page"},
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "binary"},
      {"<html><head><meta charset=\"no-such-encoding\"></head><body>x</body></html>\xff", "unknown character encoding"},
  };
  for (const Case& c : cases) {
    const auto page = ExtractPage(c.bytes);
    ASSERT_FALSE(page.ok()) << c.reason;
    EXPECT_NE(page.status().message().find(c.reason), std::string::npos) << page.status().message();
    EXPECT_EQ(page.status().message().find('\n'), std::string::npos);
  }
  std::string nested = "<html><body>";
  for (size_t i = 0; i <= kMaxNestingDepth; ++i) nested += "<div>";
  const auto too_deep = ExtractPage(nested);
  ASSERT_FALSE(too_deep.ok());
  EXPECT_NE(too_deep.status().message().find("nested about"), std::string::npos) << too_deep.status().message();
  // Nests each under the depth cap, closed and reopened until their summed depth is over the
  // parse budget (each costs depth²/2 of the tree builder's scope walks).
  constexpr size_t kDepth = kMaxNestingDepth / 2;
  std::string one_nest;
  for (size_t i = 0; i < kDepth; ++i) one_nest += "<div>";
  for (size_t i = 0; i < kDepth; ++i) one_nest += "</div>";
  std::string costly = "<html><body>";
  for (uint64_t work = 0; work <= kMaxParseWork; work += kDepth * (kDepth + 1) / 2) costly += one_nest;
  const auto too_costly = ExtractPage(costly);
  ASSERT_FALSE(too_costly.ok());
  EXPECT_NE(too_costly.status().message().find("too costly to parse"), std::string::npos)
      << too_costly.status().message();
  const auto huge = ExtractPage(std::string(kMaxPageBytes + 1, 'a'));
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.status().message().find("larger than the limit"), std::string::npos);
}

TEST(HtmlPageTest, SurvivesHostileMarkup) {
  // Nested 10,000 deep, unclosed everywhere, and a page of nothing but links.
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "<div>";
  deep += "<p>Deep inside, the council voted to keep the night ferry running for another year.</p>";
  const auto page = ExtractPage("<html><body>" + deep);
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page.value().text.find("night ferry"), std::string::npos);
  std::string links = "<html><body>";
  for (int i = 0; i < 500; ++i) links += "<a href=\"/x\">A link to somewhere else entirely</a> ";
  const auto link_page = ExtractPage(links);
  ASSERT_TRUE(link_page.ok());
  EXPECT_TRUE(link_page.value().text.empty()) << "a page of links has no article";
  for (const char* broken : {"<", "<html", "<!--", "<body><p>x</p", "<table><td><tr><p>a</td>", "&#xffffffff;&#0;"}) {
    EXPECT_TRUE(ExtractPage(broken).ok()) << broken;
  }
}

TEST(HtmlPageTest, ScriptsStylesAndCommentsAreNeverText) {
  // Script data ends only at "</script" (a "</div><p>" inside a script string is no markup); the
  // JSON-LD script is kept for its metadata; a comment may hold anything.
  std::string page = NewsPage(
      "<style>p { color: red } /* </p> */</style>"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Kept\"}</script>");
  page.replace(page.find("<div class=\"article-body\">"), 0,
               "<script>var s = \"</div><p>Injected from a script string, which must never become text at "
               "all.</p>\";</script ><!-- <p>A commented-out paragraph that is long enough to be scored as "
               "one.</p> -->");
  const auto extracted = ExtractPage(page);
  ASSERT_TRUE(extracted.ok());
  const std::string& text = extracted.value().text;
  EXPECT_EQ(text.find("Injected"), std::string::npos) << text;
  EXPECT_EQ(text.find("commented-out"), std::string::npos) << text;
  EXPECT_EQ(text.find("color"), std::string::npos) << text;
  EXPECT_EQ(text.find("The night ferry"), 0u) << text;
  EXPECT_EQ(extracted.value().title, "Kept") << "the JSON-LD script is read";
  // A script never closed swallows the rest of the page, as in a browser.
  const auto unclosed = ExtractPage("<html><body><p>Before.</p><script>var a = 1; <p>After, in the script.</p>");
  ASSERT_TRUE(unclosed.ok());
  EXPECT_EQ(unclosed.value().text.find("After"), std::string::npos);
}

TEST(HtmlPageTest, SniffsHtml) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <html lang=\"en\">"));
  EXPECT_TRUE(LooksLikeHtml("<!-- saved page --><!doctype HTML>"));
  EXPECT_TRUE(LooksLikeHtml("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"));
  EXPECT_FALSE(LooksLikeHtml("{\"id\": \"a\"}"));
  EXPECT_FALSE(LooksLikeHtml("<rss version=\"2.0\">"));
  EXPECT_FALSE(LooksLikeHtml(" date 2021-05-14\nText"));
  EXPECT_FALSE(LooksLikeHtml("<!-- never closed"));
}

}  // namespace
}  // namespace storydesk::read
