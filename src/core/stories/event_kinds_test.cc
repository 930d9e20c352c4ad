#include "storydesk/stories/event_kinds.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>

#include "storydesk/text/stemmer.h"

namespace storydesk::stories {
namespace {

TEST(EventKindsTest, ReadsTheKindOfHappeningFromATriggerWordInAnyOfItsForms) {
  struct Case {
    const char* word;
    std::optional<EventKind> kind;
  };
  const Case cases[] = {
      {"voted", EventKind::kVote},
      {"votes", EventKind::kVote},
      {"sentenced", EventKind::kSentence},
      {"killed", EventKind::kDie},
      {"kills", EventKind::kDie},
      {"resigned", EventKind::kEndPosition},
      {"resignation", EventKind::kEndPosition},
      {"ouster", EventKind::kEndPosition},
      {"elected", EventKind::kElect},
      {"ceasefire", EventKind::kAgree},
      {"airstrikes", EventKind::kAttack},
      {"earthquake", EventKind::kDisaster},
      {"indicted", EventKind::kCharge},
      {"acquitted", EventKind::kVerdict},
      {"arrested", EventKind::kArrest},
      // Words of several common senses name no kind.
      {"shot", std::nullopt},    // a vaccine dose as often as a gunshot
      {"fire", std::nullopt},    // a blaze, or dismissing someone
      {"strike", std::nullopt},  // a walk-out, or an attack
      {"march", std::nullopt},   // the month
      {"storm", std::nullopt},   // "stormed the Capitol"
      {"said", std::nullopt},    // every kind of news reports
      {"announced", std::nullopt},
      {"talks", std::nullopt},
  };
  text::Stemmer stemmer;
  for (const Case& c : cases) {
    EXPECT_EQ(EventKindOfStem(stemmer.Stem(c.word)), c.kind) << c.word;
  }
}

TEST(EventKindsTest, LooksUpStemsNotWords) {
  // "killed" is not a stem the analyser gives: the lookup is by stem only.
  EXPECT_EQ(EventKindOfStem("kill"), EventKind::kDie);
  EXPECT_EQ(EventKindOfStem("killed"), std::nullopt);
  EXPECT_EQ(EventKindOfStem(""), std::nullopt);
}

TEST(EventKindsTest, EveryKindHasADistinctNameAndAtLeastOneTrigger) {
  std::set<std::string> names;
  for (size_t k = 0; k < kEventKindCount; ++k) {
    const std::string name(EventKindName(static_cast<EventKind>(k)));
    EXPECT_FALSE(name.empty()) << k;
    EXPECT_TRUE(names.insert(name).second) << name;
  }
  EXPECT_TRUE(EventKindName(EventKind::kCount).empty());
  // The lexicon is in EventKind order, so each kind's own name, stemmed, is found as that kind
  // where the name is one of its words ("attack", "arrest", "vote", ...).
  text::Stemmer stemmer;
  for (EventKind kind : {EventKind::kAttack, EventKind::kArrest, EventKind::kVote, EventKind::kSue, EventKind::kRescue,
                         EventKind::kLaunch}) {
    EXPECT_EQ(EventKindOfStem(stemmer.Stem(EventKindName(kind))), kind) << EventKindName(kind);
  }
}

}  // namespace
}  // namespace storydesk::stories
