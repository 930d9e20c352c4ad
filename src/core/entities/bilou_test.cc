#include "core/entities/bilou.h"

#include <gtest/gtest.h>

namespace storydesk::entities {
namespace {

TEST(BilouTest, LabelsHaveNamesAndBack) {
  for (int label = 0; label < static_cast<int>(kLabels); ++label) {
    EXPECT_EQ(LabelFromName(LabelName(label)), label) << LabelName(label);
  }
  EXPECT_EQ(LabelName(LabelOf(EntityType::kLocation, Part::kUnit)), "U-LOC");
  EXPECT_EQ(LabelFromName("B-XYZ"), kNoLabel);
  EXPECT_EQ(LabelFromName(""), kNoLabel);
}

TEST(BilouTest, SpansBecomeLabelsAndBack) {
  struct Case {
    const char* what;
    std::vector<EntitySpan> spans;
    size_t tokens;
    std::vector<std::string> labels;
  };
  const std::vector<Case> cases = {
      {"nothing", {}, 3, {"O", "O", "O"}},
      {"one-token name", {{1, 2, EntityType::kLocation}}, 3, {"O", "U-LOC", "O"}},
      {"three-token name", {{0, 3, EntityType::kPerson}}, 4, {"B-PER", "I-PER", "L-PER", "O"}},
      {"two names side by side",
       {{0, 2, EntityType::kOrganization}, {2, 3, EntityType::kOrganization}},
       3,
       {"B-ORG", "L-ORG", "U-ORG"}},
  };
  for (const Case& c : cases) {
    const std::vector<int> labels = LabelsOf(c.spans, c.tokens);
    std::vector<std::string> names;
    names.reserve(labels.size());
    for (int l : labels) names.push_back(LabelName(l));
    EXPECT_EQ(names, c.labels) << c.what;
    EXPECT_EQ(SpansOf(labels), c.spans) << c.what;
  }
}

TEST(BilouTest, OnlyWellFormedSequencesMayFollow) {
  const int b_per = LabelOf(EntityType::kPerson, Part::kBegin);
  const int i_per = LabelOf(EntityType::kPerson, Part::kInside);
  const int l_per = LabelOf(EntityType::kPerson, Part::kLast);
  const int u_loc = LabelOf(EntityType::kLocation, Part::kUnit);
  const int l_loc = LabelOf(EntityType::kLocation, Part::kLast);
  EXPECT_TRUE(MayFollow(kNoLabel, b_per, false));
  EXPECT_FALSE(MayFollow(kNoLabel, i_per, false)) << "a name cannot start inside";
  EXPECT_TRUE(MayFollow(b_per, i_per, false));
  EXPECT_TRUE(MayFollow(b_per, l_per, true));
  EXPECT_FALSE(MayFollow(b_per, l_loc, false)) << "a name keeps its type";
  EXPECT_FALSE(MayFollow(b_per, kOutside, false)) << "an open name must close";
  EXPECT_FALSE(MayFollow(kOutside, b_per, true)) << "the last token cannot open a name";
  EXPECT_FALSE(MayFollow(b_per, i_per, true)) << "nor leave one open";
  EXPECT_TRUE(MayFollow(l_per, u_loc, true));
  EXPECT_TRUE(MayFollow(u_loc, kOutside, false));
}

TEST(BilouTest, IllFormedLabelsStillGiveSpans) {
  // Not what the decoder makes, but read safely: an Inside after O opens a name, a Last closes.
  const int i_org = LabelOf(EntityType::kOrganization, Part::kInside);
  const int l_org = LabelOf(EntityType::kOrganization, Part::kLast);
  EXPECT_EQ(SpansOf({kOutside, i_org, l_org, i_org}),
            (std::vector<EntitySpan>{{1, 3, EntityType::kOrganization}, {3, 4, EntityType::kOrganization}}));
}

}  // namespace
}  // namespace storydesk::entities
