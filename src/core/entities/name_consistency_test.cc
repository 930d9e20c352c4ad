#include "core/entities/name_consistency.h"

#include <gtest/gtest.h>

namespace storydesk::entities {
namespace {

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kLoc = EntityType::kLocation;

TEST(NameConsistencyTest, ANameTaggedOnceIsTaggedWhereverItRecurs) {
  const std::vector<TokenSentence> document = {{"envoy", "Sung", "Kim", "calls", "for", "talks"},
                                               {"Sung", "Kim", "arrived", "in", "Seoul"},
                                               {"Kim", "met", "Noh", "and", "Sung", "Kim", "again"}};
  std::vector<std::vector<EntitySpan>> names = {{{1, 3, kPer}}, {{4, 5, kLoc}}, {{0, 1, kPer}, {5, 6, kPer}}};
  MakeConsistent(document, &names);
  EXPECT_EQ(names[0], (std::vector<EntitySpan>{{1, 3, kPer}}));
  EXPECT_EQ(names[1], (std::vector<EntitySpan>{{0, 2, kPer}, {4, 5, kLoc}})) << "missed at the paragraph's start";
  EXPECT_EQ(names[2], (std::vector<EntitySpan>{{0, 1, kPer}, {4, 6, kPer}})) << "\"Kim\" inside gives way";
}

TEST(NameConsistencyTest, ALongerNameCrossingARecurrenceKeepsItsPlace) {
  const std::vector<TokenSentence> document = {{"New", "York", "is", "big"}, {"the", "New", "York", "Times", "said"}};
  std::vector<std::vector<EntitySpan>> names = {{{0, 2, kLoc}}, {{1, 4, EntityType::kOrganization}}};
  MakeConsistent(document, &names);
  EXPECT_EQ(names[1], (std::vector<EntitySpan>{{1, 4, EntityType::kOrganization}}));
  std::vector<std::vector<EntitySpan>> none = {{}, {}};
  MakeConsistent(document, &none);
  EXPECT_TRUE(none[0].empty() && none[1].empty());
}

}  // namespace
}  // namespace storydesk::entities
