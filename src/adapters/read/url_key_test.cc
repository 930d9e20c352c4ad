#include "adapters/read/url_key.h"

#include <gtest/gtest.h>

namespace storydesk::read {
namespace {

TEST(UrlKeyTest, SpellingsOfOnePageMeet) {
  const struct {
    const char* a;
    const char* b;
  } same[] = {
      {"https://www.Example.org/news/ferry-1/", "http://example.org/news/ferry-1"},
      {"https://example.org/a?id=7#comments", "https://EXAMPLE.org/a?id=7"},
      {"  https://example.org/a  ", "https://example.org/a"},
  };
  for (const auto& c : same) EXPECT_EQ(UrlKey(c.a), UrlKey(c.b)) << c.a << " vs " << c.b;
}

TEST(UrlKeyTest, DifferentPagesStayApart) {
  const struct {
    const char* a;
    const char* b;
  } apart[] = {
      {"https://example.org/a?id=7", "https://example.org/a?id=8"},
      {"https://example.org/News", "https://example.org/news"},  // paths may be case-sensitive
      {"https://example.org/a", "https://example.com/a"},
  };
  for (const auto& c : apart) EXPECT_NE(UrlKey(c.a), UrlKey(c.b)) << c.a << " vs " << c.b;
  EXPECT_EQ(UrlKey(""), "");
  EXPECT_EQ(UrlKey("   "), "");
}

}  // namespace
}  // namespace storydesk::read
