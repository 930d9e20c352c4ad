// Issue 16: the vocabulary follows the window. Once it reaches --forget-terms-at terms, the
// terms no open story and no article of the copy index holds are forgotten and their ids reused
// (terms/term_statistics.h). A structure left out of that sweep would see a reused id stand for
// another word, and grouping would go wrong wherever it did; forgetting a term's document
// frequency (kept only as an upper bound) may move a rare join, nothing more. So a stream run
// with frequent sweeps must decide almost exactly as a run that never forgets, and its copies
// exactly alike. The input is `storydesk synth` (our own generated text).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "cli_runner.h"
#include "temp_dir.h"

namespace storydesk::testing {
namespace {

struct Placement {
  std::string story;
  std::string copy;  // copy_of and relation
};

std::map<std::string, Placement> Cluster(const std::filesystem::path& stream, size_t forget_terms_at) {
  // No background frequencies: the stream's own terms are all there is, so sweeps forget many.
  const CommandResult r = RunStorydesk("cluster --background none --forget-terms-at " +
                                       std::to_string(forget_terms_at) + " " + Quote(stream));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, Placement> placements;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const auto j = nlohmann::json::parse(line);
    placements[j.at("id").get<std::string>()] = {
        j.at("story").dump(),
        j.value("copy_of", nlohmann::json()).dump() + " " + j.value("relation", nlohmann::json()).dump()};
  }
  return placements;
}

// Story memberships: article -> the set of articles sharing its story.
std::map<std::string, std::set<std::string>> Members(const std::map<std::string, Placement>& placements) {
  std::map<std::string, std::set<std::string>> by_story, members;
  for (const auto& [id, p] : placements) by_story[p.story].insert(id);
  for (const auto& [id, p] : placements) members[id] = by_story[p.story];
  return members;
}

TEST(ForgetTermsE2eTest, SweepingTheVocabularyKeepsTheDecisions) {
  TempDir tmp;
  const auto stream = tmp.path() / "stream.jsonl";
  const CommandResult synth = RunStorydesk("synth --articles 6000 --days 30 --output " + Quote(stream));
  ASSERT_EQ(synth.exit_code, 0) << synth.err;

  const auto never = Cluster(stream, 0);
  const auto often = Cluster(stream, 3000);  // the vocabulary passes 3,000 terms early: many sweeps
  ASSERT_EQ(never.size(), 6000u);
  ASSERT_EQ(often.size(), never.size());

  size_t same_copy = 0;
  for (const auto& [id, p] : never) same_copy += often.at(id).copy == p.copy ? 1 : 0;
  EXPECT_EQ(same_copy, never.size()) << "copy decisions do not depend on document frequencies";

  const auto members_never = Members(never), members_often = Members(often);
  size_t same_story = 0;
  for (const auto& [id, members] : members_never) same_story += members_often.at(id) == members ? 1 : 0;
  EXPECT_GE(static_cast<double>(same_story), 0.97 * static_cast<double>(never.size()))
      << same_story << " of " << never.size() << " articles are in a story of the same members";
}

}  // namespace
}  // namespace storydesk::testing
