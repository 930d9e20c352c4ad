#include "core/copies/copy_families.h"

#include <gtest/gtest.h>

namespace storydesk::copies {
namespace {

constexpr int64_t kDay = 86400;

TEST(CopyFamiliesTest, CopiesPointAtTheEarliestOriginal) {
  CopyFamilies f;
  const FamilyMember wire{"wire", 10 * kDay, 500};
  f.Record(wire, std::nullopt);
  EXPECT_TRUE(f.Join(wire, {"site-a", 11 * kDay, 480}).empty());
  // A copy of a copy joins the same family, under the same original.
  EXPECT_TRUE(f.Join({"site-a", 11 * kDay, 480}, {"site-b", 12 * kDay, 300}).empty());
  EXPECT_EQ(f.OriginalOf("site-a"), "wire");
  EXPECT_EQ(f.OriginalOf("site-b"), "wire");
  EXPECT_EQ(f.OriginalOf("wire"), "wire");
  EXPECT_EQ(f.OriginalOf("unknown"), "unknown");
}

TEST(CopyFamiliesTest, AnEarlierArticleArrivingLateTakesTheFamilyOver) {
  CopyFamilies f;
  const FamilyMember first_seen{"first-seen", 10 * kDay, 500};
  f.Record(first_seen, std::nullopt);
  f.Join(first_seen, {"copy", 11 * kDay, 500});
  const std::vector<std::string> moved = f.Join({"copy", 11 * kDay, 500}, {"true-original", 9 * kDay, 500});
  EXPECT_EQ(moved, (std::vector<std::string>{"copy", "first-seen"}));
  EXPECT_EQ(f.OriginalOf("first-seen"), "true-original");
  EXPECT_EQ(f.OriginalOf("copy"), "true-original");
  EXPECT_EQ(f.OriginalOf("true-original"), "true-original");
}

TEST(CopyFamiliesTest, OnEqualTimesTheMoreCompleteTextIsTheOriginal) {
  CopyFamilies f;
  const FamilyMember excerpt{"excerpt", 10 * kDay, 120};
  f.Record(excerpt, std::nullopt);
  EXPECT_EQ(f.Join(excerpt, {"full", 10 * kDay, 800}), (std::vector<std::string>{"excerpt"}));
  EXPECT_EQ(f.OriginalOf("excerpt"), "full");
  // Dated beats undated.
  EXPECT_TRUE(f.Join({"full", 10 * kDay, 800}, {"undated", std::nullopt, 5000}).empty());
  EXPECT_EQ(f.OriginalOf("undated"), "full");
}

TEST(CopyFamiliesTest, RestoredCopiesMayComeBeforeTheirOriginal) {
  CopyFamilies f;
  f.Record({"copy", 11 * kDay, 400}, std::string("original"));
  f.Record({"original", 10 * kDay, 400}, std::nullopt);
  EXPECT_EQ(f.OriginalOf("copy"), "original");
  // The restored original keeps its time: a later article does not take over.
  EXPECT_TRUE(f.Join({"copy", 11 * kDay, 400}, {"later", 12 * kDay, 900}).empty());
  EXPECT_EQ(f.OriginalOf("later"), "original");
}

TEST(CopyFamiliesTest, ForgottenMembersLeaveTheFamily) {
  CopyFamilies f;
  const FamilyMember o{"o", 1, 10};
  f.Record(o, std::nullopt);
  f.Join(o, {"c", 2, 10});
  f.Forget("o");
  EXPECT_EQ(f.OriginalOf("c"), "o");  // the copy still names its original
  f.Forget("c");
  EXPECT_EQ(f.Size(), 0u);
}

}  // namespace
}  // namespace storydesk::copies
