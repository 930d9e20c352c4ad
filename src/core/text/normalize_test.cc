#include "storydesk/text/normalize.h"

#include <gtest/gtest.h>

#include <string>

#include "storydesk/text/utf8.h"

namespace storydesk::text {
namespace {

struct NormalizeCase {
  const char* name;
  std::string raw;
  std::string expected;
};

TEST(NormalizeTest, Table) {
  const NormalizeCase cases[] = {
      {"empty", "", ""},
      {"plain ASCII is unchanged", "Sung Kim arrived in Seoul.", "Sung Kim arrived in Seoul."},
      {"curly single quotes", "Washington\u2019s \u2018envoy\u2019", "Washington's 'envoy'"},
      {"low and reversed single quotes", "\u201Aa\u201B", "'a'"},
      {"curly double quotes", "\u201Canywhere and anytime\u201D", "\"anywhere and anytime\""},
      {"low and reversed double quotes", "\u201Ea\u201F", "\"a\""},
      {"guillemets", "\u00ABNon\u00BB", "\"Non\""},
      {"prime and double prime", "5\u2032 10\u2033", "5' 10\""},
      {"modifier apostrophe and acute accent", "don\u02BCt can\u00B4t", "don't can't"},
      {"en and em dashes", "2019\u20132021 \u2014 and", "2019-2021 - and"},
      {"hyphen, non-breaking hyphen, figure dash, bar, minus", "a\u2010b\u2011c\u2012d\u2015e\u2212f", "a-b-c-d-e-f"},
      {"zero-width characters removed", "Ky\u200Bu-duk\u200C \u200Dx\u2060y", "Kyu-duk xy"},
      {"soft hyphen and BOM removed", "\xEF\xBB\xBFnews\u00ADpaper", "newspaper"},
      {"bidi marks removed", "\u200Ea\u200F \u202Ab\u202C", "a b"},
      {"control characters removed",
       "a\x01"
       "b\x7F"
       "c",
       "abc"},
      {"CRLF and CR become LF", "one\r\ntwo\rthree", "one\ntwo\nthree"},
      {"tabs and space runs collapse", "a \t  b\t\tc", "a b c"},
      {"NBSP and narrow NBSP are spaces", "10\u00A0000 a\u202Fb", "10 000 a b"},
      {"ideographic and em space", "a\u3000b\u2003c", "a b c"},
      {"lines trimmed", "  first  \n\t second\t\n", "first\nsecond"},
      {"blank line runs collapse to one", "a\n\n\n\nb", "a\n\nb"},
      {"whitespace-only lines are blank", "a\n  \n\t\n \nb", "a\n\nb"},
      {"CRLF blank lines", "a\r\n\r\n\r\nb", "a\n\nb"},
      {"whole text trimmed", "\n\n  text \n\n", "text"},
      {"line and paragraph separators", "a\u2028b\u2029c", "a\nb\n\nc"},
      {"NFKC ligature and ellipsis", "\uFB01nal\u2026", "final..."},
      {"NFKC full-width forms", "\uFF21\uFF22\uFF23 \uFF02x\uFF02", "ABC \"x\""},
      {"NFKC composes accents", "cafe\u0301", "caf\u00E9"},
      {"zero-width space between letter and accent does not block composition", "cafe\u200B\u0301", "caf\u00E9"},
      {"invalid bytes become U+FFFD",
       "a\xFF"
       "b",
       "a\uFFFD"
       "b"},
      {"truncated sequence", "ok\xE2\x80", "ok\uFFFD\uFFFD"},
      {"a real U+FFFD stays", "a\uFFFD", "a\uFFFD"},
      {"text of only whitespace", " \t\r\n \u00A0\u200B ", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Normalize(c.raw), c.expected) << c.name;
  }
}

// The exact-copy hash is taken of the normal form: texts that differ only in typography and
// whitespace must normalise to identical bytes.
TEST(NormalizeTest, SameMeaningSameBytes) {
  const std::string a =
      "US envoy \u201Cready to meet\u201D \u2014 Kim\u2019s visit\r\n\r\n\r\nSEOUL\u00A0(AP) \u2013 "
      "He said\u2026  \n";
  const std::string b = "  US envoy \"ready to meet\" - Kim's visit\n\nSEOUL (AP) - He said...";
  const std::string c = "US\tenvoy \u201Eready to meet\u201F \u2015 Kim\u02BCs visit \n \n SEOUL (AP)\u2212He said...";
  EXPECT_EQ(Normalize(a), Normalize(b));
  // Not equal to c: the dash there has no spaces around it, and that is a different text.
  EXPECT_NE(Normalize(a), Normalize(c));
  EXPECT_EQ(Normalize(b), "US envoy \"ready to meet\" - Kim's visit\n\nSEOUL (AP) - He said...");
}

TEST(NormalizeTest, IsIdempotent) {
  const std::string inputs[] = {
      "",
      "  a\u2019b  \r\n\r\n c\u2014d\u2033 ",
      "cafe\u0301 \uFB01 \u2026 \u00A0x",
      "bad\xC3\x28 bytes\xFF",
      "\u2032\u2032\u2032 primes",
      "e \u0301 accent after space",
      "\n\u0301 accent at line start",
  };
  for (const std::string& raw : inputs) {
    const std::string once = Normalize(raw);
    EXPECT_EQ(Normalize(once), once) << raw;
  }
}

TEST(NormalizeTest, OutputIsValidUtf8WithNoCarriageReturnsOrTabs) {
  const std::string raw = "\xC0\xAF x\t\xED\xA0\x80 y\r\xF4\x90\x80\x80 z\x80";
  const std::string out = Normalize(raw);
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_EQ(out.find('\r'), std::string::npos);
  EXPECT_EQ(out.find('\t'), std::string::npos);
}

}  // namespace
}  // namespace storydesk::text
