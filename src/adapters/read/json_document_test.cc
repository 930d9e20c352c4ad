#include "adapters/read/json_document.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::read {
namespace {

struct SniffCase {
  std::string head;
  JsonFileShape shape;
};

TEST(JsonDocumentTest, SniffJsonFile) {
  const SniffCase cases[] = {
      {"", JsonFileShape::kJsonLines},
      {"  \n\n", JsonFileShape::kJsonLines},
      {"{\"text\": \"one line\"}\n{\"text\": \"two\"}\n", JsonFileShape::kJsonLines},
      {"\n\n{\"text\": \"after blank lines\"}\n", JsonFileShape::kJsonLines},
      {"{\"text\": \"no line break at all\"}", JsonFileShape::kJsonLines},
      {"{\"text\": \"an incomplete line and no line break", JsonFileShape::kJsonLines},
      {"{\n  \"text\": \"pretty\"\n}\n", JsonFileShape::kObject},
      {"{\"text\": \"a brace in a string }\",\n \"id\": 1}", JsonFileShape::kObject},
      {"{\"text\": \"an escaped quote \\\" }\",\n \"id\": 1}", JsonFileShape::kObject},
      {"[]", JsonFileShape::kArray},
      {"\n [\n{\"text\": \"x\"}]", JsonFileShape::kArray},
      {"\xEF\xBB\xBF[{\"text\": \"x\"}]", JsonFileShape::kArray},
      {"\xEF\xBB\xBF{\n\"text\": \"x\"}", JsonFileShape::kObject},
      {"not json\n", JsonFileShape::kJsonLines},
      {"} {\n", JsonFileShape::kJsonLines},
  };
  for (const auto& c : cases) EXPECT_EQ(SniffJsonFile(c.head), c.shape) << c.head;
}

struct SplitCase {
  std::string document;
  std::vector<std::pair<std::string, int64_t>> elements;  // text, line
  std::vector<std::pair<int64_t, std::string>> problems;  // line, message
};

TEST(JsonDocumentTest, SplitJsonArray) {
  const SplitCase cases[] = {
      {"[]", {}, {}},
      {" [ ] \n", {}, {}},
      {"[1]", {{"1", 1}}, {}},
      {"[1, \"two\" , {\"a\": [3, 4]}]", {{"1", 1}, {"\"two\"", 1}, {"{\"a\": [3, 4]}", 1}}, {}},
      {"[\n  {\"t\": \"a, b ] c\"},\n  {\"t\": \"\\\"]\"}\n]",
       {{"{\"t\": \"a, b ] c\"}", 2}, {"{\"t\": \"\\\"]\"}", 3}},
       {}},
      {"[\n{\n\"t\": 1\n},\n{\"t\": 2}]", {{"{\n\"t\": 1\n}", 2}, {"{\"t\": 2}", 5}}, {}},
      {"[1,,2]", {{"1", 1}, {"2", 1}}, {{1, "missing array element before ','"}}},
      {"[1,\n]", {{"1", 1}}, {{2, "missing array element before ']'"}}},
      {"[,]", {}, {{1, "missing array element before ','"}, {1, "missing array element before ']'"}}},
      {"[1, 2", {{"1", 1}, {"2", 1}}, {{1, "the JSON array is not closed (no ']' before the end of the file)"}}},
      {"[{\"t\": \"cut\n",
       {{"{\"t\": \"cut\n", 1}},
       {{2, "the JSON array is not closed (no ']' before the end of the file)"}}},
      {"[1]\n\nx", {{"1", 1}}, {{3, "unexpected text after the end of the JSON array"}}},
      {"[1] [2]", {{"1", 1}}, {{1, "unexpected text after the end of the JSON array"}}},
      {"{}", {}, {{1, "expected a JSON array ('[')"}}},
      {"", {}, {{1, "expected a JSON array ('[')"}}},
      {"[}]", {{"}", 1}}, {}},  // malformed elements are the record reader's business
      {"[[[1]], 2]", {{"[[1]]", 1}, {"2", 1}}, {}},
      {"[\"\\", {{"\"\\", 1}}, {{1, "the JSON array is not closed (no ']' before the end of the file)"}}},
  };
  for (const auto& c : cases) {
    const JsonArraySplit split = SplitJsonArray(c.document);
    std::vector<std::pair<std::string, int64_t>> elements;
    for (const auto& e : split.elements) elements.emplace_back(std::string(e.text), e.line);
    std::vector<std::pair<int64_t, std::string>> problems;
    for (const auto& p : split.problems) problems.emplace_back(p.line, p.message);
    EXPECT_EQ(elements, c.elements) << c.document;
    EXPECT_EQ(problems, c.problems) << c.document;
  }
}

TEST(JsonDocumentTest, IsOneJsonValue) {
  EXPECT_TRUE(IsOneJsonValue("{\n  \"text\": \"x\"\n}\n"));
  EXPECT_TRUE(IsOneJsonValue(" [1, 2] "));
  EXPECT_FALSE(IsOneJsonValue("{\"text\": \"x\"}\n{\"text\": \"y\"}"));
  EXPECT_FALSE(IsOneJsonValue("{\"text\": \"x\""));
  EXPECT_FALSE(IsOneJsonValue(""));
  EXPECT_FALSE(IsOneJsonValue(std::string(100000, '[') + std::string(100000, ']')));
  EXPECT_FALSE(IsOneJsonValue(std::string("{\"text\": \"a\0b\"}", 15)));
}

}  // namespace
}  // namespace storydesk::read
