#include "core/digest/run_together.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::digest {
namespace {

TEST(RunTogetherTest, TitlesAndMenusGluedToASentenceAreSeen) {
  struct Case {
    std::string text;
    bool run_together;
  };
  const std::vector<Case> cases = {
      // A teaser's title glued to its first sentence.
      {"WCCO Viewers' Choice For Best Egg Roll In MinnesotaIn this week's Best of Minnesota, the tastiest egg "
       "rolls can be found at a restaurant.",
       true},
      {"DeRusha Eats: The Sunshine Factory Burns Bright In PlymouthThe Sunshine Factory opened in New Hope in 1976.",
       true},
      // A name link glued to the next link's text.
      {"The fight over President Trump Donald John TrumpScaramucci warns Trump must change tactics now.", true},
      // Sentences: a function word capitalised after a colon or a full stop, a brand name, a
      // title in quotes.
      {"He said: In the end, the vote was close.", false},
      {"The video was posted on YouTube and shared on LinkedIn.", false},
      {"Miranda July, the mind behind the film \"You And Me And Everyone We Know,\" has confessed to a sin.", false},
      {"The senator met McDonald's workers in Chicago on Monday.", false},
      {"She told The Associated Press and The Wall Street Journal that she would run.", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsRunTogether(c.text), c.run_together) << c.text;
}

TEST(RunTogetherTest, TheGluedTitleIsTheWordsBeforeTheGlue) {
  EXPECT_EQ(GluedTitle("St. Paul's Top 3 Dive Bars\"Best burger in town."), "St. Paul's Top 3 Dive Bars");
  EXPECT_EQ(GluedTitle("Minneapolis Moonshine: 5 Of The City's Top DistilleriesWe crunched the numbers."),
            "Minneapolis Moonshine: 5 Of The City's Top Distilleries");
  EXPECT_EQ(GluedTitle("Top Bars\"We went out."), "");  // two words: too few for a title
  EXPECT_EQ(GluedTitle("The video was posted on YouTube on Monday."), "");
  // A brand name among capitals is not the glue: the title ends where the text begins.
  EXPECT_EQ(GluedTitle("Top 5 Of The Best PlayStation Games For The WeekendWe tried them all."),
            "Top 5 Of The Best PlayStation Games For The Weekend");
}

}  // namespace
}  // namespace storydesk::digest
