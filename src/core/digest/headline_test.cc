#include "storydesk/digest/headline.h"

#include <gtest/gtest.h>

namespace storydesk::digest {
namespace {

TEST(IsFurnitureTitleTest, TellsPageFurnitureFromHeadlines) {
  struct Case {
    const char* title;
    bool furniture;
  };
  const Case cases[] = {
      // Headlines, short ones included.
      {"Floods close the Tarnwick bridge", false},
      {"The Problem Oscars", false},
      {"Patriotism and Pride", false},
      {"Biden-Putin meeting set for June 16 in Geneva", false},
      {"Tucker Carlson: NSA is spying on this show", false},
      {"WHO chief: 'Premature' to rule out COVID-19 lab leak theory", false},
      {"Close to 300 homes evacuated as the river rises", false},
      {"TRUMP SIGNS THE INFRASTRUCTURE BILL AT LAST", false},  // capitals, but a sentence
      // Too few words, or too few that say anything.
      {"Share", true},
      {"POPULAR", true},
      {"Executive Health", true},
      {"It is what it is", true},
      {"   ", true},
      // Capitals only, short.
      {"SHARE THIS ARTICLE", true},
      {"EXCLUSIVE COVERAGE HERE NOW", true},
      // A label introducing something else.
      {"The seed for Wide00014 was:", true},
      {"Here is what we know so far:", true},
      // Captions, credits, photo files, corrections, live blogs.
      {"Image copyright Reuters Image caption Migrants are crossing into Croatia", true},
      {"Media playback is unsupported on your device", true},
      {"FILE - In this Oct. 27, 2012 file photo, a man appears at a luncheon", true},
      {"CLOSE Scientists say they found archaeological evidence", true},
      {"Story highlights London police seek the operator of a drone", true},
      {"Photo: Tomassio Boddi (Getty Images)", true},
      {"Correction: Earlier versions of this article misspelled a name", true},
      {"10:45 AM PT: Law enforcement sources tell TMZ of an emergency", true},
      {"President Trump gives a thumbs-up at dinner in Palm Beach, Fla., Thursday, Nov. 22, 2018.", true},
      {"Police stand by the escalators near Terminal B on Thursday, May 2, 2013 in Houston.", true},
      {"The court ruled on May 2, 2013 that the law stands and ordered a new hearing on the case.", false},
      {"A photo of the teen who went missing on April 14, Kristian Perez.", true},
      {"Huntsman to skip Nevada debate in protest By Justin Sink - Tweet Jon Huntsman announced it", true},
      {"Mike Coppola/Getty The Olsen twins said their backpack sold out", true},
      // Players, alerts, cookies, breadcrumbs, share bars.
      {"Please enable JavaScript to watch this video", true},
      {"Get breaking news alerts on your mobile device direct from the news desk", true},
      {"We use cookies to improve your experience", true},
      {"Oroville >> Now is not the time to quit your day job", true},
      {"Share Tweet Email Print", true},
      {"Play Facebook Twitter Embed", true},
      {"Read more at https://example.com/story", true},
  };
  for (const Case& c : cases) EXPECT_EQ(IsFurnitureTitle(c.title), c.furniture) << c.title;
}

TEST(IsFragmentSentenceTest, TellsSentencesThatCannotStandAlone) {
  struct Case {
    const char* sentence;
    bool fragment;
  };
  const Case cases[] = {
      {"The council voted on Monday to close the bridge.", false},
      {"\"We will rebuild,\" the mayor said on Monday.", false},
      {"2,000 people left their homes overnight.", false},
      {"and then the council voted to close the bridge.", true},
      {"-- a ranking of all URLs with more than one link.", true},
      {"But the council voted on Monday to close the bridge.", true},
      {"Or there could be silence from the rover.", true},
      {"The mayor said the bridge would stay closed until...", true},
      {"\"We will rebuild, and we will do it together.", true},
      {"", true},
  };
  for (const Case& c : cases) EXPECT_EQ(IsFragmentSentence(c.sentence), c.fragment) << c.sentence;
}

std::vector<HeadlineEvidence> Evidence(
    const std::vector<std::pair<std::optional<std::string>, std::string>>& articles) {
  text::TextAnalyzer analyzer;
  std::vector<HeadlineEvidence> out;
  out.reserve(articles.size());
  for (const auto& [title, text] : articles) out.push_back(AnalyzeHeadlineEvidence(title, text, analyzer));
  return out;
}

constexpr const char* kFloodText =
    "The Ember River burst its levee on Monday and flooded the town of Tarnwick. "
    "Hundreds of residents left their homes as the water rose through the night. "
    "The mayor said the bridge would stay closed until engineers inspect it.";

TEST(ChooseHeadlineTest, PicksTheTitleClosestToTheStory) {
  const std::string headline = ChooseHeadline(Evidence({
      {std::string("Opinion: what rivers teach us about patience"),
       "Rivers are patient teachers. " + std::string(kFloodText)},
      {std::string("Ember River floods Tarnwick after levee breach"), kFloodText},
      {std::string("Tarnwick residents flee as the Ember River rises"), kFloodText},
  }));
  EXPECT_TRUE(headline == "Ember River floods Tarnwick after levee breach" ||
              headline == "Tarnwick residents flee as the Ember River rises")
      << headline;
}

TEST(ChooseHeadlineTest, NeverChoosesAFurnitureTitle) {
  EXPECT_EQ(ChooseHeadline(Evidence({{std::string("Share"), kFloodText},
                                     {std::string("Ember River floods Tarnwick after levee breach"), kFloodText}})),
            "Ember River floods Tarnwick after levee breach");
}

TEST(ChooseHeadlineTest, FallsBackToTheLeadThatIsNeitherFurnitureNorFragment) {
  struct Case {
    std::optional<std::string> title;
    std::string text;
    const char* expected;
  };
  const Case cases[] = {
      {std::nullopt, kFloodText, "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::string("POPULAR"), kFloodText,
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt, "Share \n\n Tweet \n\n Email \n\n " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt,
       "Image copyright Reuters Image caption Water covers the main street of Tarnwick on Monday. " +
           std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt, "TARNWICK, Ember (AP) - " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt, "(CNN) -- " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      // What the digest would not give as a bullet is no lead either: an opening connective
      // or demonstrative, the first person, a slogan, a title or link list run into the text.
      {std::nullopt, "However, residents of Tarnwick stayed in their homes overnight. " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt, "That flood is expected to last until Friday at the earliest. " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt, "I have lived in Tarnwick for forty years and never seen this. " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt, "Seeing is believing. " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt,
       "Readers' Choice For Best Bakery In TarnwickIn this week's list, a bakery wins. " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt,
       "Mayor Ann Vale Ann Lee ValeTarnwick fair opens Council meets on roads today. " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt, "Ann Vale spotted leaving the Tarnwick town hall on June 2. " + std::string(kFloodText),
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      {std::nullopt, "Background The Ember River burst its levee on Monday and flooded the town of Tarnwick.",
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick."},
      // Brand names glue words too, and a lead may have them.
      {std::nullopt,
       "A LinkedIn post by the mayor of Tarnwick drew thousands of replies on Monday. " + std::string(kFloodText),
       "A LinkedIn post by the mayor of Tarnwick drew thousands of replies on Monday."},
      {std::nullopt,
       "A YouTube video of the Tarnwick levee giving way was watched a million times. " + std::string(kFloodText),
       "A YouTube video of the Tarnwick levee giving way was watched a million times."},
      {std::nullopt,
       "Results of the Tarnwick flood survey were published by the council on Monday. " + std::string(kFloodText),
       "Results of the Tarnwick flood survey were published by the council on Monday."},
  };
  for (const Case& c : cases) EXPECT_EQ(ChooseHeadline(Evidence({{c.title, c.text}})), c.expected) << c.text;
}

TEST(ChooseHeadlineTest, LastResortIsTheFirstSentenceThatIsNoFurniture) {
  // Every sentence is boilerplate (too short for a lead): the first that is no furniture stands.
  EXPECT_EQ(ChooseHeadline(Evidence({{std::nullopt, "Share\n\nTarnwick bridge closed by flood"}})),
            "Tarnwick bridge closed by flood");
  EXPECT_EQ(ChooseHeadline(std::vector<HeadlineEvidence>{}), "");
  // A line that would be a lead but for its full stop comes before a slogan.
  EXPECT_EQ(ChooseHeadline(Evidence({{std::nullopt,
                                      "Seeing is believing\n\nThe home of over five million archive pages of the "
                                      "Tarnwick Courier print editions\n\nSearch our historical collection"}})),
            "The home of over five million archive pages of the Tarnwick Courier print editions");
  // A page of teasers: never a piece of a quotation; the first teaser's title, not its text.
  EXPECT_EQ(ChooseHeadline(Evidence({{std::nullopt,
                                      "Tarnwick's Top 3 Dive Bars\"Best burger in town. Really, it's that amazing. "
                                      "Not a huge place.\"\n\nHarbour Lights For The Weekend In TarnwickIn this week's "
                                      "guide, the best views."}})),
            "Tarnwick's Top 3 Dive Bars");
}

TEST(LeadHeadlineTest, ALongLeadIsCutToItsMainClause) {
  struct Case {
    const char* lead;
    const char* expected;
  };
  const Case cases[] = {
      // Short enough: as it is.
      {"The Ember River burst its levee on Monday, but no one was hurt.",
       "The Ember River burst its levee on Monday, but no one was hurt."},
      {"The Ember River burst its levee on Monday and flooded the town of Tarnwick, but more than a third of the "
       "town's residents said they had been warned days before and had left.",
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick"},
      {"The Ember River burst its levee on Monday and flooded the town of Tarnwick, which had been warned days "
       "before by engineers who inspected the levee last spring.",
       "The Ember River burst its levee on Monday and flooded the town of Tarnwick"},
      // The clause before a boundary is too short, or a quotation is open at it: the next one.
      {"Floods rose, but the Ember River's levee held on Monday in Tarnwick and the town's residents stayed home, "
       "as engineers had promised they could.",
       "Floods rose, but the Ember River's levee held on Monday in Tarnwick and the town's residents stayed home"},
      {"\"The levee will hold, as it always has,\" the mayor of Tarnwick told residents on Monday before the "
       "Ember River rose, while engineers disagreed.",
       "\"The levee will hold, as it always has,\" the mayor of Tarnwick told residents on Monday before the Ember "
       "River rose"},
      // A list's last comma is no boundary.
      {"Rescuers from Tarnwick, Marlow, and Hale searched the banks of the Ember River for two missing fishermen "
       "through the night of Monday into Tuesday.",
       "Rescuers from Tarnwick, Marlow, and Hale searched the banks of the Ember River for two missing fishermen "
       "through the night of Monday into Tuesday."},
  };
  for (const Case& c : cases) EXPECT_EQ(LeadHeadline(c.lead), c.expected) << c.lead;
}

TEST(CutHeadlineTest, CutsAtAWordOrACharacterBoundary) {
  std::string sentence;
  for (int i = 0; i < 60; ++i) sentence += "word ";
  const std::string cut = CutHeadline(sentence, 40);
  EXPECT_EQ(cut.substr(cut.size() - 3), "...");
  EXPECT_LE(cut.size(), 43u);
  EXPECT_EQ(cut.substr(0, cut.size() - 3).back(), 'd');
  std::string word;
  for (int i = 0; i < 80; ++i) word += "\xc3\xa9";  // é, 2 bytes each
  const std::string kept = CutHeadline(word, 41);
  EXPECT_EQ((kept.size() - 3) % 2, 0u) << "cut inside a UTF-8 character";
  EXPECT_EQ(CutHeadline("  Hard-wrapped\nprose   is folded.  "), "Hard-wrapped prose is folded.");
}

}  // namespace
}  // namespace storydesk::digest
