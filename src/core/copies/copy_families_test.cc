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

namespace storydesk::copies {
namespace {

// Issue 15: Newsmax, whose text says "CBS News reported", was listed as the original of CBS's
// story of the same day.
TEST(CopyFamiliesTest, AnArticleCreditingAnotherOutletIsNotItsOriginal) {
  const FamilyMember cbs{"cbs", 10 * kDay, 400, "CBS News (Online)", {}};
  const FamilyMember newsmax{"newsmax", 10 * kDay, 600, "Newsmax (News)",
                             FindAttributions("CBS News reported that ...")};
  for (const bool cbs_first : {true, false}) {
    CopyFamilies f;
    const FamilyMember& first = cbs_first ? cbs : newsmax;
    const FamilyMember& second = cbs_first ? newsmax : cbs;
    f.Record(first, std::nullopt);
    f.Join(first, second);
    EXPECT_EQ(f.OriginalOf("newsmax"), "cbs") << (cbs_first ? "CBS first" : "Newsmax first");
    EXPECT_EQ(f.OriginalOf("cbs"), "cbs");
  }
  // Even published a day later: the credit outweighs the clock.
  CopyFamilies f;
  f.Record(newsmax, std::nullopt);
  FamilyMember late_cbs = cbs;
  late_cbs.time = 11 * kDay;
  f.Join(newsmax, late_cbs);
  EXPECT_EQ(f.OriginalOf("newsmax"), "cbs");
}

TEST(ProvenanceTest, ReasonsInOrder) {
  struct Case {
    const char* what;
    FamilyMember a, b;
    bool a_first;
    PrecedenceReason reason;
    std::string described;  // DescribePrecedence(a, b) when a_first
  };
  const Case cases[] = {
      {"credit",
       {"ap", 2 * kDay, 100, "Associated Press", {}},
       {"site", 1 * kDay, 100, "Site", FindAttributions("LONDON (AP) - It rained.")},
       true,
       PrecedenceReason::kCredited,
       "credited by Site: \"(AP)\""},
      {"credit, the other way",
       {"site", 1 * kDay, 100, "Site", FindAttributions("It rained, according to the AP.")},
       {"ap", 1 * kDay, 100, "AP", {}},
       false,
       PrecedenceReason::kCredited,
       ""},
      {"credits both ways: the clock",
       {"x", 1 * kDay, 100, "X", FindAttributions("Y reported it.")},
       {"y", 2 * kDay, 100, "Y", FindAttributions("X reported it.")},
       true,
       PrecedenceReason::kPublishedFirst,
       "published first"},
      {"same outlet crediting itself",
       {"r1", 1 * kDay, 100, "Reuters", FindAttributions("LONDON (Reuters) - x")},
       {"r2", 2 * kDay, 100, "Reuters", FindAttributions("LONDON (Reuters) - x")},
       true,
       PrecedenceReason::kPublishedFirst,
       "published first"},
      {"dated before undated",
       {"d", 5 * kDay, 10, "", {}},
       {"u", std::nullopt, 900, "", {}},
       true,
       PrecedenceReason::kDated,
       "dated (the copy is undated)"},
      {"same time, longer",
       {"long", kDay, 900, "", {}},
       {"short", kDay, 100, "", {}},
       true,
       PrecedenceReason::kLonger,
       "same time, longer text"},
      {"nothing to tell", {"a", kDay, 100, "", {}}, {"b", kDay, 100, "", {}}, false, PrecedenceReason::kTie, ""},
  };
  for (const Case& c : cases) {
    const Precedence p = ComparePrecedence(c.a, c.b);
    EXPECT_EQ(p.a_first, c.a_first) << c.what;
    EXPECT_EQ(p.reason, c.reason) << c.what;
    if (c.a_first) {
      EXPECT_EQ(DescribePrecedence(c.a, c.b), c.described) << c.what;
    }
  }
}

}  // namespace
}  // namespace storydesk::copies
