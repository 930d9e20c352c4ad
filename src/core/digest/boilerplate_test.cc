#include "core/digest/boilerplate.h"

#include <gtest/gtest.h>

namespace storydesk::digest {
namespace {

struct Case {
  const char* sentence;
  bool boilerplate;
  const char* why;
};

TEST(BoilerplateTest, PageFurnitureIsRecognisedAndNewsIsNot) {
  const Case cases[] = {
      {"The harbour authority closed the northern channel on Monday after a ferry struck a freighter.", false,
       "a news sentence"},
      {"\"We agreed to work together to resume dialogue as soon as possible,\" he said.", false, "a quote"},
      {"Officials said the bridge would reopen by Friday (weather permitting).", false, "ends in a bracket"},
      {"Share this article on Facebook and Twitter with your friends today.", true, "share bar"},
      {"Click here to sign up for our daily newsletter and breaking alerts.", true, "newsletter prompt"},
      {"The minister arrives at the summit in Brussels (AP Photo/Virginia Mayo).", true, "photo credit"},
      {"Rescue workers search the rubble in the town centre. Getty Images / AFP.", true, "agency credit"},
      {"Read more about the election results at www.example.com/politics today.", true, "link"},
      {"Peace process", true, "a subheading: too short"},
      {"Hog-nosed Shrew Rat Found On Remote Indonesian Island By Museum Team", true, "a title-case headline"},
      {"Video (02:04) : The city erupted in memories and grief after the news.", true, "video caption"},
      {"The report was sent to reporters on Tuesday evening without any comment", true, "no final punctuation"},
      {"Douglas Owsley, left, and William Kelso unveil the reconstruction at the museum on Wednesday.", true,
       "a photo caption placing people"},
      {"Contact the desk at news@example.org with tips about the case.", true, "e-mail address"},
      {"© 2021 The Daily Example. All rights reserved. Reproduction is prohibited.", true, "copyright line"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsBoilerplateSentence(c.sentence), c.boilerplate) << c.why << ": " << c.sentence;
  }
}

TEST(BoilerplateTest, RunTogetherPageTextIsTooLongToBeASentence) {
  std::string page;
  for (int i = 0; i < 70; ++i) page += "word ";
  page += "end.";
  EXPECT_TRUE(IsBoilerplateSentence(page));
}

}  // namespace
}  // namespace storydesk::digest
