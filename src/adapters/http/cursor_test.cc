#include "adapters/http/cursor.h"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <string>

namespace storydesk::http {
namespace {

struct CursorCase {
  std::string text;
  std::optional<store::StoryCursor> cursor;
};

TEST(CursorTest, ParseCursor) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  const CursorCase cases[] = {
      {"1700000000.42", store::StoryCursor{1700000000, 42}},
      {"n.7", store::StoryCursor{std::nullopt, 7}},
      {"-86400.1", store::StoryCursor{-86400, 1}},
      {"0.1", store::StoryCursor{0, 1}},
      {"9223372036854775807.9223372036854775807", store::StoryCursor{kMax, kMax}},
      {"-9223372036854775808.1", store::StoryCursor{kMin, 1}},
      {"", std::nullopt},
      {".", std::nullopt},
      {"n.", std::nullopt},
      {".5", std::nullopt},
      {"n", std::nullopt},
      {"17", std::nullopt},
      {"n.0", std::nullopt},
      {"n.-3", std::nullopt},
      {"+5.3", std::nullopt},
      {"5.+3", std::nullopt},
      {" 5.3", std::nullopt},
      {"5.3 ", std::nullopt},
      {"5.3.1", std::nullopt},
      {"N.3", std::nullopt},
      {"nn.3", std::nullopt},
      {"9223372036854775808.1", std::nullopt},
      {"1.9223372036854775808", std::nullopt},
      {"0x10.1", std::nullopt},
      {"1e3.1", std::nullopt},
      {std::string("5\0.3", 4), std::nullopt},
      {std::string("5.3\0", 4), std::nullopt},
      {"\xff.1", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(ParseCursor(c.text), c.cursor) << c.text;
}

TEST(CursorTest, FormatCursorRoundTrips) {
  const store::StoryCursor cursors[] = {
      {1700000000, 42},
      {std::nullopt, 7},
      {-1, 1},
      {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()},
  };
  EXPECT_EQ(FormatCursor(cursors[0]), "1700000000.42");
  EXPECT_EQ(FormatCursor(cursors[1]), "n.7");
  for (const auto& c : cursors) EXPECT_EQ(ParseCursor(FormatCursor(c)), c) << FormatCursor(c);
}

}  // namespace
}  // namespace storydesk::http
