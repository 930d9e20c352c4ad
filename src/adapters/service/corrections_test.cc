#include "adapters/service/corrections.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/service/ingest_pipeline.h"
#include "adapters/service/open_store.h"
#include "temp_dir.h"

// Analyst corrections against a real store: each kind, copies moving with their originals,
// what is refused, and that a correction lasts through later ingests. Every article is
// invented for these tests.

namespace storydesk::service {
namespace {

using store::CorrectionKind;
using storydesk::testing::TempDir;

constexpr int64_t kMarch4 = 1709510400;  // 2024-03-04T00:00:00Z

// Reports of two invented events on one day, each told in its own words.
RawArticle Report(const std::string& id, int event, int variant, const std::string& source) {
  static const char* const kEvents[][4] = {
      {"The Ember River broke through the old levee at Tarnwick, flooding two hundred homes in Millbrook.",
       "Mayor Odile Fenwright said rescue crews used boats to reach residents trapped upstairs in Tarnwick.",
       "The Tarnwick water board said the Ember River levee had been due for repairs next year.",
       "Volunteers in Millbrook filled sandbags through the night as the Ember River kept rising at Tarnwick."},
      {"Grandmaster Lio Varkas won the Orsay chess open after a twelve-hour final game against Pim Dahl.",
       "The Orsay open ended when Pim Dahl resigned in a rook endgame to Lio Varkas after midnight.",
       "Lio Varkas, champion of the Orsay chess open, said the final against Pim Dahl was his hardest game.",
       "Spectators in Orsay stayed past midnight to watch Lio Varkas and Pim Dahl play the deciding game."}};
  RawArticle a;
  a.id = id;
  a.source = source;
  a.published_at = kMarch4 + int64_t{variant} * 3600;
  a.published = "2024-03-04";
  a.title = "Report " + id;
  // Two sentences of the event's four: variants 0 and 2 share none.
  a.text = std::string(kEvents[event][variant % 4]) + " " + kEvents[event][(variant + 1) % 4];
  a.origin = "test:" + id;
  a.verbatim = a.text;
  return a;
}

RawArticle CopyOf(RawArticle a, const std::string& id, const std::string& source) {
  a.id = id;
  a.source = source;
  a.origin = "test:" + id;
  a.published_at = *a.published_at + 1800;
  return a;
}

std::vector<RawArticle> Stream() {
  const RawArticle f0 = Report("flood-0", 0, 0, "Tarnwick Post");
  return {f0,
          Report("flood-1", 0, 1, "Valley News"),
          Report("flood-2", 0, 2, "River Courier"),
          CopyOf(f0, "flood-0-copy", "Wire Reprints"),
          Report("chess-0", 1, 0, "Board Weekly"),
          Report("chess-1", 1, 2, "Orsay Times")};
}

class CorrectionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = OpenStore((dir_.path() / "c.db").string());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    db_ = std::move(opened).value();
    auto report = IngestArticles(Stream(), *db_);
    ASSERT_TRUE(report.ok()) << report.status().message();
    ASSERT_EQ(report.value().stored, 6u);
  }
  int64_t StoryOf(const std::string& id) { return db_->GetArticle(id).value()->story; }
  void ExpectWhole() {
    const auto report = db_->CheckInvariants().value();
    EXPECT_TRUE(report.ok()) << (report.violations.empty() ? "" : report.violations.front());
  }

  TempDir dir_;
  std::unique_ptr<store::Store> db_;
};

TEST_F(CorrectionsTest, TheStreamIsTwoEventsWithACopy) {
  EXPECT_EQ(StoryOf("flood-0"), StoryOf("flood-1"));
  EXPECT_EQ(StoryOf("flood-0"), StoryOf("flood-0-copy"));
  EXPECT_NE(StoryOf("flood-0"), StoryOf("chess-0"));
  EXPECT_EQ(db_->GetArticle("flood-0-copy").value()->copy_of, "flood-0");
  for (const char* report : {"flood-1", "flood-2", "chess-1"}) {
    EXPECT_FALSE(db_->GetArticle(report).value()->copy_of) << report << " is a report of its own";
  }
}

// Splitting off an original takes its copy along; the correction outlasts a second ingest of
// the same input and decides where a later copy goes.
TEST_F(CorrectionsTest, ASplitTakesCopiesAlongAndOutlastsLaterIngests) {
  const int64_t flood = StoryOf("flood-0");
  CorrectionRequest split;
  split.kind = CorrectionKind::kSplit;
  split.story = flood;
  split.articles = {"flood-0"};
  split.by = "desk";
  auto made = Correct(*db_, split);
  ASSERT_TRUE(made.ok()) << made.status().message();
  const int64_t fresh = made.value().plan.into;
  EXPECT_GT(fresh, flood);
  EXPECT_EQ(StoryOf("flood-0"), fresh);
  EXPECT_EQ(StoryOf("flood-0-copy"), fresh) << "a copy stays with its original";
  EXPECT_EQ(StoryOf("flood-1"), flood);
  ExpectWhole();

  auto again = IngestArticles(Stream(), *db_);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again.value().duplicates, 6u);
  EXPECT_EQ(StoryOf("flood-0"), fresh) << "an article ingested again keeps its corrected story";

  auto later = IngestArticles({CopyOf(Report("flood-0", 0, 0, "Tarnwick Post"), "flood-0-again", "Late Wire")}, *db_);
  ASSERT_TRUE(later.ok()) << later.status().message();
  EXPECT_EQ(StoryOf("flood-0-again"), fresh) << "a later copy goes where its original was moved";
  ExpectWhole();
  ASSERT_EQ(db_->ListCorrections().value().size(), 1u);
  EXPECT_EQ(db_->ListCorrections().value()[0].plan.by, "desk");
}

TEST_F(CorrectionsTest, AMoveAndAMergeChangeOnlyWhatTheyName) {
  const int64_t flood = StoryOf("flood-0");
  const int64_t chess = StoryOf("chess-0");
  CorrectionRequest move;
  move.articles = {"chess-1"};
  move.to = flood;
  ASSERT_TRUE(Correct(*db_, move).ok());
  EXPECT_EQ(StoryOf("chess-1"), flood);
  EXPECT_EQ(StoryOf("chess-0"), chess);
  EXPECT_EQ(db_->GetStory(chess).value().articles, 1);

  CorrectionRequest merge;
  merge.kind = CorrectionKind::kMerge;
  merge.story = chess;
  merge.to = flood;
  auto merged = Correct(*db_, merge);
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged.value().plan.emptied, (std::vector<int64_t>{chess}));
  EXPECT_EQ(db_->ResolveStory(chess).value(), flood) << "the merged id still finds the story";
  EXPECT_EQ(db_->StoryCount().value(), 1);
  ExpectWhole();
}

TEST_F(CorrectionsTest, RequestsThatNameNothingOrMoveNothingAreRefused) {
  const int64_t flood = StoryOf("flood-0");
  const int64_t chess = StoryOf("chess-0");
  struct Case {
    const char* what;
    CorrectionRequest request;
    ErrorCode code;
  };
  auto req = [](CorrectionKind kind, std::vector<std::string> articles, int64_t story, int64_t to) {
    CorrectionRequest r;
    r.kind = kind;
    r.articles = std::move(articles);
    r.story = story;
    r.to = to;
    return r;
  };
  const Case cases[] = {
      {"unknown article", req(CorrectionKind::kMove, {"nope"}, 0, flood), ErrorCode::kNotFound},
      {"unknown story", req(CorrectionKind::kMove, {"chess-0"}, 0, 999), ErrorCode::kNotFound},
      {"no article", req(CorrectionKind::kMove, {}, 0, flood), ErrorCode::kUsage},
      {"already there", req(CorrectionKind::kMove, {"flood-1"}, 0, flood), ErrorCode::kUsage},
      {"split of another story's article", req(CorrectionKind::kSplit, {"chess-0"}, flood, 0), ErrorCode::kUsage},
      {"split of the whole story", req(CorrectionKind::kSplit, {"chess-0", "chess-1"}, chess, 0), ErrorCode::kUsage},
      {"merge with itself", req(CorrectionKind::kMerge, {}, flood, flood), ErrorCode::kUsage},
      {"merge of no story", req(CorrectionKind::kMerge, {}, 999, flood), ErrorCode::kNotFound},
      {"too many articles",
       req(CorrectionKind::kMove, std::vector<std::string>(kMaxCorrectionArticles + 1, "x"), 0, flood),
       ErrorCode::kUsage},
  };
  for (const Case& c : cases) {
    auto made = Correct(*db_, c.request);
    ASSERT_FALSE(made.ok()) << c.what;
    EXPECT_EQ(made.status().code(), c.code) << c.what << ": " << made.status().message();
  }
  EXPECT_TRUE(db_->ListCorrections().value().empty());
  EXPECT_EQ(StoryOf("chess-0"), chess);
}

// Grouping events: an event moved into another storyline keeps it, and so does one moved into a
// storyline of its own; later reports joining the event follow it.
TEST(CorrectionsEventsTest, AnEventMovedBetweenStorylinesKeepsItForLaterArticles) {
  TempDir dir;
  auto opened = OpenStore((dir.path() / "e.db").string());
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  store::Store& db = *opened.value();
  IngestOptions events;
  events.events = true;
  ASSERT_TRUE(IngestArticles(Stream(), db, events).ok());
  const auto flood = db.GetArticle("flood-0").value();
  const auto chess = db.GetArticle("chess-0").value();
  ASSERT_GT(flood->storyline, 0);
  ASSERT_NE(flood->storyline, chess->storyline) << "a flood and a chess final: two matters";

  CorrectionRequest regroup;
  regroup.kind = CorrectionKind::kMoveEvent;
  regroup.story = chess->story;
  EXPECT_EQ(Correct(db, regroup).status().code(), ErrorCode::kUsage) << "the only event of its storyline";
  regroup.storyline = 999;
  EXPECT_EQ(Correct(db, regroup).status().code(), ErrorCode::kNotFound);
  regroup.storyline = flood->storyline;
  ASSERT_TRUE(Correct(db, regroup).ok());
  EXPECT_EQ(db.GetArticle("chess-1").value()->storyline, flood->storyline);
  EXPECT_EQ(db.GetStory(flood->story).value().storyline_events, 2);
  ASSERT_TRUE(IngestArticles({Report("chess-3", 1, 3, "Endgame Daily")}, db).ok());
  EXPECT_EQ(db.GetArticle("chess-3").value()->story, chess->story);
  EXPECT_EQ(db.GetArticle("chess-3").value()->storyline, flood->storyline) << "later articles follow their event";

  regroup.storyline = 0;  // back into a storyline of its own: a new id, never one used before
  auto made = Correct(db, regroup);
  ASSERT_TRUE(made.ok()) << made.status().message();
  EXPECT_GT(made.value().plan.storyline, std::max(flood->storyline, chess->storyline));
  ASSERT_TRUE(IngestArticles({Report("chess-4", 1, 0, "Rook Review")}, db).ok());
  EXPECT_EQ(db.GetArticle("chess-4").value()->storyline, made.value().plan.storyline);
  const auto report = db.CheckInvariants().value();
  EXPECT_TRUE(report.ok()) << (report.violations.empty() ? "" : report.violations.front());
}

// A store grouped at one level has no storylines to move events between.
TEST_F(CorrectionsTest, AOneLevelStoreHasNoStorylinesToMoveEventsBetween) {
  CorrectionRequest regroup;
  regroup.kind = CorrectionKind::kMoveEvent;
  regroup.story = StoryOf("flood-0");
  auto refused = Correct(*db_, regroup);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::kUsage);
  EXPECT_NE(refused.status().message().find("no storyline"), std::string::npos) << refused.status().message();
}

// Merge repair (here as eager as it goes) never joins again what a correction moved apart: a
// later report telling both halves of a split story is placed in one of them, and they stay two.
// (Without KeepCorrectionsApart in the engine's restore, this report merges them again.)
TEST_F(CorrectionsTest, MergeRepairNeverJoinsWhatACorrectionMovedApart) {
  const int64_t flood = StoryOf("flood-0");
  CorrectionRequest split;
  split.kind = CorrectionKind::kSplit;
  split.story = flood;
  split.articles = {"flood-1"};
  auto made = Correct(*db_, split);
  ASSERT_TRUE(made.ok()) << made.status().message();
  const int64_t fresh = made.value().plan.into;

  IngestOptions eager;
  eager.merge_probability = 0.0;
  RawArticle bridge = Report("flood-bridge", 0, 1, "Bridge Daily");
  // Told in its own words: no copy of either half, so the grouping (and its merge repair) places it.
  bridge.text =
      "Rescue crews in boats reached families trapped upstairs in Millbrook after the old Ember River levee at "
      "Tarnwick gave way and flooded two hundred homes. Mayor Odile Fenwright said the water board had put off the "
      "levee repairs until next year, while volunteers in Tarnwick filled sandbags through the night as the river "
      "kept rising.";
  auto ingested = IngestArticles({bridge}, *db_, eager);
  ASSERT_TRUE(ingested.ok()) << ingested.status().message();
  EXPECT_TRUE(StoryOf("flood-bridge") == flood || StoryOf("flood-bridge") == fresh);
  EXPECT_EQ(StoryOf("flood-0"), flood);
  EXPECT_EQ(StoryOf("flood-1"), fresh) << "the split stands";
  EXPECT_EQ(db_->ResolveStory(fresh).value(), fresh);
}

// A long-running writer's kept engine holds the stories as they were: Forget makes the next
// ingest restore them.
TEST_F(CorrectionsTest, ASessionForgetsItsEngineWhenAsked) {
  IngestSession session;
  ASSERT_TRUE(session.Ingest({Report("flood-3", 0, 3, "Hill Gazette")}, *db_).ok());
  const size_t restores = session.Restores();
  session.Forget();
  ASSERT_TRUE(session.Ingest({Report("chess-2", 1, 2, "Endgame Daily")}, *db_).ok());
  EXPECT_EQ(session.Restores(), restores + 1);
}

}  // namespace
}  // namespace storydesk::service
