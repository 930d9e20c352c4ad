#include "storydesk/text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace storydesk::text {
namespace {

struct Utf8Case {
  std::string bytes;
  bool valid;
  size_t error_offset;  // meaningful when !valid
};

TEST(Utf8Test, ValidatesTable) {
  const Utf8Case cases[] = {
      {"", true, 0},
      {"plain ascii", true, 0},
      {"caf\xC3\xA9", true, 0},                     // é
      {"\xE2\x80\x9Cquoted\xE2\x80\x9D", true, 0},  // curly quotes
      {"\xF0\x9F\x93\xB0 news", true, 0},           // emoji
      {"bad \xC3\x28", false, 4},                   // bad continuation
      {"\xC0\xAF", false, 0},                       // overlong '/'
      {"\xED\xA0\x80", false, 0},                   // UTF-16 surrogate
      {"\xF4\x90\x80\x80", false, 0},               // above U+10FFFF
      {"ok\xE2\x80", false, 2},                     // truncated at end
      {"\xFF", false, 0},
  };
  for (const auto& c : cases) {
    size_t offset = 12345;
    EXPECT_EQ(IsValidUtf8(c.bytes, &offset), c.valid) << c.bytes;
    if (!c.valid) {
      EXPECT_EQ(offset, c.error_offset) << c.bytes;
    }
  }
}

TEST(Utf8Test, DecodeAdvancesAndReplacesBadBytes) {
  const std::string s =
      "a\xC3\xA9\xFF"
      "b";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), U'a');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\u00E9');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\uFFFD');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'b');
  EXPECT_EQ(pos, s.size());
}

TEST(Utf8Test, AppendRoundTrips) {
  for (char32_t cp : {U'A', U'\u00E9', U'\u2014', U'\U0001F4F0'}) {
    std::string out;
    AppendUtf8(cp, &out);
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(out, &pos), cp);
    EXPECT_EQ(pos, out.size());
  }
}

}  // namespace
}  // namespace storydesk::text
