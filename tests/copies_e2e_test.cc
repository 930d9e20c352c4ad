// Copy families through the binary: ingest, `copies`, `explain`, `export`, and a late-arriving
// earlier original taking its family over across two ingest runs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"

namespace storydesk::testing {
namespace {

const char* const kWire =
    "The harbour authority in Karsholm closed the northern channel on Monday after a ferry struck a freighter. "
    "Forty passengers were treated for minor injuries at the regional hospital, officials said. "
    "Investigators from the maritime safety board boarded both vessels to examine their navigation records. "
    "The channel is expected to reopen on Thursday once divers have inspected the damaged pier. "
    "Ferry services to the islands will run from the southern terminal until then, the operator said.";
const char* const kRewrite =
    "On Monday the Karsholm harbour authority shut the northern channel after a ferry hit a freighter. "
    "Officials said forty passengers had minor injuries treated at the regional hospital. "
    "The maritime safety board sent investigators aboard both vessels to examine their navigation records. "
    "Once divers have inspected the damaged pier, the channel is expected to reopen on Thursday. "
    "Until then ferry services to the islands run from the southern terminal, the operator said.";
const char* const kOtherReport =
    "A ferry carrying two hundred people collided with a cargo ship near Karsholm early on Monday. "
    "Witnesses described a loud bang and passengers rushing to the deck in the dark. "
    "The ferry operator apologised and promised to compensate travellers for delays. "
    "Local fishermen helped guide the damaged ferry back to port, a harbour worker said. "
    "It was the second accident in the channel this year.";

std::string Line(const std::string& id, const std::string& source, const std::string& date, const std::string& text) {
  return nlohmann::json{{"id", id}, {"source", source}, {"published", date}, {"text", text}}.dump() + "\n";
}

TEST(CopiesCliTest, FamiliesExplainAndTakeOver) {
  TempDir tmp;
  const auto db = tmp.path() / "c.db";
  const std::string wire(kWire);
  const auto first = tmp.Write(
      "first.jsonl", Line("wire", "Wire", "2025-03-04", kWire) + Line("rewrite", "Daily", "2025-03-05", kRewrite) +
                         Line("excerpt", "Gazette", "2025-03-05", wire.substr(0, wire.find("The channel"))) +
                         Line("other", "Courier", "2025-03-04", kOtherReport));
  ASSERT_EQ(RunStorydesk("--db " + Quote(db) + " ingest " + Quote(first)).exit_code, 0);

  auto families = JsonLines(RunStorydesk("--db " + Quote(db) + " copies --json").out);
  ASSERT_EQ(families.size(), 1u);
  EXPECT_EQ(families[0]["original"]["id"], "wire");
  std::map<std::string, std::string> relation;
  for (const auto& c : families[0]["copies"]) relation[c["id"].get<std::string>()] = c["relation"].get<std::string>();
  EXPECT_EQ(relation, (std::map<std::string, std::string>{{"excerpt", "excerpt"}, {"rewrite", "rewrite"}}));

  // Another outlet's own report: same story, not a copy.
  const auto exported = JsonLines(RunStorydesk("--db " + Quote(db) + " export").out);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& a : exported) by_id[a["id"].get<std::string>()] = a;
  EXPECT_TRUE(by_id.at("other")["copy_of"].is_null());
  EXPECT_EQ(by_id.at("rewrite")["copy_of"], "wire");
  EXPECT_EQ(by_id.at("rewrite")["relation"], "rewrite");

  const auto text = RunStorydesk("--db " + Quote(db) + " explain wire rewrite");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("rewrite copy"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Aligned sentences"), std::string::npos);
  EXPECT_NE(text.out.find("A1 <-> B1"), std::string::npos) << text.out;
  const auto not_copies = RunStorydesk("--db " + Quote(db) + " explain wire other --format json");
  ASSERT_EQ(not_copies.exit_code, 0);
  const auto j = nlohmann::json::parse(not_copies.out);
  EXPECT_TRUE(j["relation"].is_null());
  EXPECT_EQ(j["only_in_a"].size() + j["links"].size() > 0, true);
  EXPECT_EQ(RunStorydesk("--db " + Quote(db) + " explain wire nosuch").exit_code, 2);

  // A copy published a day before the wire story arrives late: it becomes the family's original.
  std::string early = kWire;
  early.replace(early.find("Forty"), 5, "About forty");
  const auto second = tmp.Write("second.jsonl", Line("early", "Agency", "2025-03-03", early));
  ASSERT_EQ(RunStorydesk("--db " + Quote(db) + " ingest " + Quote(second)).exit_code, 0);
  families = JsonLines(RunStorydesk("--db " + Quote(db) + " copies --json").out);
  ASSERT_EQ(families.size(), 1u);
  EXPECT_EQ(families[0]["original"]["id"], "early");
  relation.clear();
  for (const auto& c : families[0]["copies"]) relation[c["id"].get<std::string>()] = c["relation"].get<std::string>();
  EXPECT_EQ(relation,
            (std::map<std::string, std::string>{{"excerpt", "excerpt"}, {"rewrite", "rewrite"}, {"wire", "near"}}));
}

}  // namespace
}  // namespace storydesk::testing
