#include "adapters/wordnet/wordnet_names.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "storydesk/text/tokens.h"

namespace storydesk::wordnet {
namespace {

// A database of three synsets in WordNet's own line format (wndb(5)): an instance place, a
// class of people and a lower-case noun; and one capitalised adjective.
class WordNetNamesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("storydesk_wordnet_names_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    std::filesystem::create_directories(dir_);
    Write("data.noun",
          "  1 This software and database is being provided\n"
          "08000001 15 n 02 Saint_Louis 0 St._Louis 0 001 @i 08000009 n 0000 | a city\n"
          "09000002 18 n 01 Velmoran 0 001 @ 09000008 n 0000 | a native of Velmora\n"
          "09000003 18 n 01 envoy 0 000 | a diplomat\n");
    Write("data.adj", "03000004 01 a 01 Velmoran(a) 0 000 | of Velmora\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }

  std::vector<std::vector<std::string>> Match(const entities::Gazetteer& g, const std::vector<std::string>& words) {
    std::vector<std::string> lower;
    lower.reserve(words.size());
    for (const std::string& w : words) lower.push_back(text::ToLower(w));
    return g.Match(lower);
  }

  std::filesystem::path dir_;
};

TEST_F(WordNetNamesTest, ListsCapitalisedLemmasByKindAndInstance) {
  auto names = LoadWordNetNames(dir_);
  ASSERT_TRUE(names.ok()) << names.status().message();
  const std::vector<std::pair<std::string, std::string>> expected = {{"wn-adjective", "velmoran"},
                                                                     {"wn-location", "saint louis"},
                                                                     {"wn-location", "st. louis"},
                                                                     {"wn-person-kind", "velmoran"}};
  EXPECT_EQ(names.value().Entries(), expected) << "\"envoy\" is not capitalised; the marker (a) is cut";
  const auto matches = Match(names.value(), {"in", "St.", "Louis", "today"});
  EXPECT_TRUE(matches[0].empty());
  EXPECT_EQ(matches[1], std::vector<std::string>{"wn-location-B"});
  EXPECT_EQ(matches[2], std::vector<std::string>{"wn-location-L"});
}

TEST_F(WordNetNamesTest, AMissingDatabaseSaysHowToInstallIt) {
  auto names = LoadWordNetNames(dir_ / "nowhere");
  ASSERT_FALSE(names.ok());
  EXPECT_NE(names.status().message().find("apt-get install wordnet-base"), std::string::npos);
}

TEST_F(WordNetNamesTest, ABrokenLineIsAnErrorNamingTheFileAndByte) {
  Write("data.adj", "03000004 01 a 05 Velmoran 0 000 | five words promised, one given\n");
  auto names = LoadWordNetNames(dir_);
  ASSERT_FALSE(names.ok());
  EXPECT_NE(names.status().message().find("data.adj: byte 0: not a WordNet synset line"), std::string::npos)
      << names.status().message();
}

TEST(WordNetNamesInstalledTest, DebiansWordNetListsCountriesAndNationalities) {
  if (!std::filesystem::exists(kDebianWordNetDir / "data.noun")) GTEST_SKIP() << "wordnet-base not installed";
  auto names = LoadWordNetNames();
  ASSERT_TRUE(names.ok()) << names.status().message();
  EXPECT_GT(names.value().Size(), 10000u);
  const auto matches = names.value().Match({"south", "korea", "german"});
  EXPECT_NE(std::find(matches[0].begin(), matches[0].end(), "wn-location-B"), matches[0].end());
  EXPECT_NE(std::find(matches[2].begin(), matches[2].end(), "wn-adjective-U"), matches[2].end());
}

}  // namespace
}  // namespace storydesk::wordnet
