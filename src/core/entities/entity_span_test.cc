#include "storydesk/entities/entity_span.h"

#include <gtest/gtest.h>

namespace storydesk::entities {
namespace {

TEST(EntitySpanTest, ReadsIob2AsConllevalDoes) {
  struct Case {
    const char* what;
    std::vector<std::string> tags;
    std::vector<EntitySpan> spans;
  };
  const std::vector<Case> cases = {
      {"empty", {}, {}},
      {"a person and a place",
       {"B-PER", "I-PER", "O", "B-LOC"},
       {{0, 2, EntityType::kPerson}, {3, 4, EntityType::kLocation}}},
      {"two names of one type side by side",
       {"B-ORG", "B-ORG", "I-ORG"},
       {{0, 1, EntityType::kOrganization}, {1, 3, EntityType::kOrganization}}},
      {"an I- after O opens a name", {"O", "I-MISC", "I-MISC"}, {{1, 3, EntityType::kMisc}}},
      {"an I- of another type opens a name",
       {"B-PER", "I-LOC"},
       {{0, 1, EntityType::kPerson}, {1, 2, EntityType::kLocation}}},
  };
  for (const Case& c : cases) {
    auto spans = SpansFromIob(c.tags);
    ASSERT_TRUE(spans.ok()) << c.what;
    EXPECT_EQ(spans.value(), c.spans) << c.what;
  }
}

TEST(EntitySpanTest, WritesIob2) {
  EXPECT_EQ(IobFromSpans({{0, 2, EntityType::kPerson}, {3, 4, EntityType::kMisc}}, 5),
            (std::vector<std::string>{"B-PER", "I-PER", "O", "B-MISC", "O"}));
}

TEST(EntitySpanTest, RejectsWhatIsNotIob2) {
  for (const std::vector<std::string>& tags :
       std::vector<std::vector<std::string>>{{"O", "B-FOO"}, {"U-PER"}, {"B-"}, {"PER"}, {""}, {"b-per"}}) {
    auto spans = SpansFromIob(tags);
    ASSERT_FALSE(spans.ok()) << tags.back();
    EXPECT_NE(spans.status().message().find("is not an IOB2 tag"), std::string::npos);
  }
  EXPECT_NE(SpansFromIob({"O", "B-FOO"}).status().message().find("tag 2"), std::string::npos);
}

TEST(EntitySpanTest, TypesHaveConllNames) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation, EntityType::kMisc}) {
    EXPECT_EQ(EntityTypeFromName(EntityTypeName(t)), t);
  }
  EXPECT_FALSE(EntityTypeFromName("PERSON"));
}

}  // namespace
}  // namespace storydesk::entities
