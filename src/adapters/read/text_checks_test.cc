#include "adapters/read/text_checks.h"

#include <gtest/gtest.h>

#include <string>

namespace storydesk::read {
namespace {

TEST(TextChecksTest, FindTextProblem) {
  struct Case {
    std::string bytes;
    std::optional<TextProblem::Kind> kind;
    size_t offset;
  };
  const Case cases[] = {
      {"", std::nullopt, 0},
      {"plain \xE2\x80\x94 text", std::nullopt, 0},
      {std::string("ab\0c", 4), TextProblem::Kind::kNulByte, 2},
      {"ab\xC3\x28", TextProblem::Kind::kInvalidUtf8, 2},
      {std::string("\xFF then \0", 8), TextProblem::Kind::kNulByte, 7},  // binary wins over bad UTF-8
  };
  for (const auto& c : cases) {
    const auto problem = FindTextProblem(c.bytes);
    ASSERT_EQ(problem.has_value(), c.kind.has_value());
    if (problem) {
      EXPECT_EQ(problem->kind, *c.kind);
      EXPECT_EQ(problem->offset, c.offset);
    }
  }
}

TEST(TextChecksTest, LineAndColumn) {
  struct Case {
    std::string bytes;
    size_t offset;
    int64_t line, column;
  };
  const Case cases[] = {
      {"abc", 0, 1, 1},   {"abc", 2, 1, 3},     {"a\nbc", 2, 2, 1},
      {"a\nbc", 3, 2, 2}, {"\n\n\nx", 3, 4, 1}, {"ab", 99, 1, 3},  // past the end: clamped
  };
  for (const auto& c : cases) {
    int64_t line = 0, column = 0;
    LineAndColumn(c.bytes, c.offset, &line, &column);
    EXPECT_EQ(line, c.line) << c.bytes << " @" << c.offset;
    EXPECT_EQ(column, c.column) << c.bytes << " @" << c.offset;
  }
}

TEST(TextChecksTest, QuoteForMessage) {
  struct Case {
    std::string value;
    size_t max;
    std::string quoted;
  };
  const Case cases[] = {
      {"yesterday", 60, "\"yesterday\""},
      {"a\"b\\c", 60, "\"a\\\"b\\\\c\""},
      {"line\nbreak\ttab\r", 60, "\"line\\nbreak\\ttab\\r\""},
      {std::string("nul\0", 4), 60, "\"nul\\x00\""},
      {"bad \xFF byte", 60, "\"bad \\xFF byte\""},
      {"abcdef", 3, "\"abc...\""},
      {"ab\xE2\x80\x94", 3, "\"ab\xE2\x80\x94\""},     // never cuts inside a character
      {"\xEF\xBF\xBD ok", 60, "\"\xEF\xBF\xBD ok\""},  // a real U+FFFD is kept
  };
  for (const auto& c : cases) EXPECT_EQ(QuoteForMessage(c.value, c.max), c.quoted);
  EXPECT_EQ(OneLine("last read: '\"x\n'", 60), "last read: '\"x\\n'");
}

TEST(TextChecksTest, Trim) {
  EXPECT_EQ(TrimWhitespace("  a b \r\n\t"), "a b");
  EXPECT_EQ(TrimWhitespace(" \n "), "");
  EXPECT_TRUE(IsBlank("\t \r\n"));
  EXPECT_FALSE(IsBlank(" x "));
}

}  // namespace
}  // namespace storydesk::read
