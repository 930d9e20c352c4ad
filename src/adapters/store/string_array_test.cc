#include "adapters/store/string_array.h"

#include <gtest/gtest.h>

namespace storydesk::store {
namespace {

struct RoundTripCase {
  const char* name;
  std::vector<std::string> strings;
  const char* encoded;
};

TEST(StringArrayTest, EncodesAndDecodesBack) {
  const RoundTripCase cases[] = {
      {"empty", {}, "[]"},
      {"one", {"a"}, R"(["a"])"},
      {"two", {"a", "b c"}, R"(["a","b c"])"},
      {"quote and backslash", {"say \"hi\" \\ ok"}, R"(["say \"hi\" \\ ok"])"},
      {"newline and tab", {"x\ny\tz"}, R"(["x\ny\tz"])"},
      {"control",
       {std::string("a\x01"
                    "b")},
       R"(["a\u0001b"])"},
      {"utf8 kept", {"Séoul — “quoted”"}, "[\"Séoul — “quoted”\"]"},
      {"empty string", {""}, R"([""])"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(EncodeStringArray(c.strings), c.encoded) << c.name;
    const auto decoded = DecodeStringArray(c.encoded);
    ASSERT_TRUE(decoded.ok()) << c.name << ": " << decoded.status().message();
    EXPECT_EQ(decoded.value(), c.strings) << c.name;
  }
}

TEST(StringArrayTest, DecodesOtherValidEscapesAndWhitespace) {
  const auto decoded = DecodeStringArray(R"( [ "\u00e9\/", "\ud83d\ude00" ] )");
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  ASSERT_EQ(decoded.value().size(), 2u);
  EXPECT_EQ(decoded.value()[0], "é/");
  EXPECT_EQ(decoded.value()[1], "\xF0\x9F\x98\x80");  // U+1F600 from its surrogate pair
}

TEST(StringArrayTest, RejectsCorruptColumns) {
  for (const char* bad : {"", "[", "[\"a\"", "[\"a\",]", "[1]", "{\"a\":1}", "[\"\\x\"]", "[\"a\"] x"}) {
    const auto decoded = DecodeStringArray(bad);
    ASSERT_FALSE(decoded.ok()) << bad;
    EXPECT_EQ(decoded.status().code(), ErrorCode::kStore) << bad;
  }
}

}  // namespace
}  // namespace storydesk::store
