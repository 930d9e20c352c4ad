#include "adapters/read/conll_reader.h"

#include <gtest/gtest.h>

namespace storydesk::read {
namespace {

constexpr std::string_view kTwoDocuments =
    "-DOCSTART- -X- -X- O\n"
    "\n"
    "Peter NNP B-NP B-PER\n"
    "Blackburn NNP I-NP I-PER\n"
    "\n"
    "BRUSSELS NNP B-NP B-LOC\r\n"
    "1996-08-22 CD I-NP O\n"
    "\n"
    "-DOCSTART- -X- -X- O\n"
    "\n"
    "EU NNP B-NP B-ORG\n"
    "rejects VBZ B-VP O";  // no final line end

TEST(ConllReaderTest, ReadsDocumentsSentencesAndEveryLine) {
  auto file = ReadConll(kTwoDocuments, "in.txt");
  ASSERT_TRUE(file.ok()) << file.status().message();
  const ConllFile& f = file.value();
  EXPECT_EQ(f.lines.size(), 12u);
  EXPECT_EQ(f.lines[5], "BRUSSELS NNP B-NP B-LOC") << "CR of CRLF dropped";
  ASSERT_EQ(f.documents.size(), 2u);
  ASSERT_EQ(f.documents[0].sentences.size(), 2u);
  EXPECT_EQ(f.documents[0].sentences[0].words, (std::vector<std::string>{"Peter", "Blackburn"}));
  EXPECT_EQ(f.documents[0].sentences[0].lines, (std::vector<size_t>{2, 3}));
  EXPECT_EQ(f.documents[0].sentences[1].last_columns, (std::vector<std::string>{"B-LOC", "O"}));
  EXPECT_EQ(f.documents[1].sentences[0].words, (std::vector<std::string>{"EU", "rejects"}));

  auto labeled = LabeledDocuments(f, "in.txt");
  ASSERT_TRUE(labeled.ok());
  EXPECT_EQ(labeled.value()[0].names[0], (std::vector<entities::EntitySpan>{{0, 2, entities::EntityType::kPerson}}));
}

TEST(ConllReaderTest, WordsAloneAndNoDocumentMarksAreOneDocument) {
  auto file = ReadConll("Kim\nsaid\n\n\n\nSeoul\n", "words.txt");
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file.value().documents.size(), 1u);
  ASSERT_EQ(file.value().documents[0].sentences.size(), 2u);
  EXPECT_EQ(file.value().documents[0].sentences[0].last_columns, (std::vector<std::string>{"", ""}));
  EXPECT_TRUE(ReadConll("", "empty.txt").value().documents.empty());
}

TEST(ConllReaderTest, BadInputIsAnErrorNamingFileAndLine) {
  struct Case {
    const char* what;
    std::string text;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"invalid UTF-8", "ok O\nbad\xff O\n", "in.txt:2: not UTF-8"},
      {"a line starting with a space", "ok O\n\n  indented O\n", "in.txt:3: a token line must start with its word"},
  };
  for (const Case& c : cases) {
    auto file = ReadConll(c.text, "in.txt");
    ASSERT_FALSE(file.ok()) << c.what;
    EXPECT_EQ(file.status().message(), c.message) << c.what;
  }
  auto file = ReadConll("a O\nb B-PER\nc B-FOO\n", "in.txt");
  ASSERT_TRUE(file.ok());
  auto labeled = LabeledDocuments(file.value(), "in.txt");
  ASSERT_FALSE(labeled.ok());
  EXPECT_EQ(labeled.status().message(), "in.txt:3: \"B-FOO\" is not an IOB2 tag");
}

}  // namespace
}  // namespace storydesk::read
