#include "storydesk/digest/story_digest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "core/digest/test_models.h"

namespace storydesk::digest {
namespace {

// Hand-set matcher: two sentences match when most of their weighted stems are shared and
// their lengths are alike (as the trained one weighs them).
DigestArticle Article(std::string id, std::string source, std::string published, std::optional<std::string> title,
                      std::string text) {
  DigestArticle a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.published = std::move(published);
  a.title = std::move(title);
  a.text = std::move(text);
  a.relation = "original";
  return a;
}

const char* const kWire =
    "A ferry carrying two hundred passengers struck a freighter in the Karsholm channel on Monday. "
    "Forty passengers were treated for minor injuries at the regional hospital, officials said. "
    "The harbour authority closed the northern channel while divers inspect the damaged pier. "
    "Investigators from the maritime safety board boarded both vessels to examine their navigation records. "
    "Ferry services to the islands will run from the southern terminal until Thursday, the operator said.";
const char* const kDaily =
    "Forty passengers were treated for minor injuries at the regional hospital after the collision, officials said. "
    "(AP Photo/Jens Larsen). "
    "Click here to sign up for our daily newsletter and breaking alerts. "
    "A ferry carrying two hundred passengers struck a freighter in the Karsholm channel on Monday morning. "
    "Local fishermen helped guide the damaged ferry back to port, a harbour worker told the Daily. "
    "It was the second accident in the channel this year, after a tanker ran aground in March.";
const char* const kTimes =
    "The maritime safety board opened an investigation after a ferry struck a freighter near Karsholm on Monday. "
    "Investigators from the maritime safety board boarded both vessels to examine navigation records. "
    "The channel closure has delayed cargo shipments to the northern islands by at least three days. "
    "Shipping companies said they would reroute vessels through the southern passage in the meantime.";

class StoryDigestTest : public ::testing::Test {
 protected:
  std::vector<DigestArticle> Story() {
    return {Article("wire", "AP", "2031-03-02T08:00:00Z", "Ferry strikes freighter in Karsholm channel", kWire),
            Article("daily", "Daily", "2031-03-02", "Forty hurt as ferry hits freighter", kDaily),
            Article("times", "Times", "2031-03-03", "Safety board investigates Karsholm ferry collision", kTimes)};
  }
  StoryDigest Digest(const std::vector<DigestArticle>& articles, const DigestOptions& options = {}) {
    return BuildStoryDigest(articles, matcher_, claims_, statistics_, options);
  }
  static bool Cites(const Bullet& b, const std::string& id) {
    return std::find(b.sources.begin(), b.sources.end(), id) != b.sources.end();
  }
  const copies::SentenceModel matcher_ = TestMatcher();
  const claims::ClaimMatcher claims_{TestClaims(), nullptr};
  terms::TermStatistics statistics_;
};

TEST_F(StoryDigestTest, BulletsAreFewDistinctAndCiteEveryArticleSayingThem) {
  const StoryDigest d = Digest(Story());
  ASSERT_GE(d.bullets.size(), 3u);
  ASSERT_LE(d.bullets.size(), 7u);
  for (size_t i = 0; i < d.bullets.size(); ++i) {
    for (size_t j = 0; j < i; ++j) EXPECT_NE(d.bullets[i].text, d.bullets[j].text);
  }
  // The injuries and the collision itself are said by the wire and the Daily: whichever
  // sentence became the bullet, both are cited; so are the board's investigators (wire, Times).
  bool injuries = false, investigators = false;
  for (const Bullet& b : d.bullets) {
    if (b.text.find("Forty passengers") != std::string::npos) {
      injuries = true;
      EXPECT_TRUE(Cites(b, "wire") && Cites(b, "daily")) << b.text;
    }
    if (b.text.find("Investigators from the maritime safety board") != std::string::npos) {
      investigators = true;
      EXPECT_TRUE(Cites(b, "wire") && Cites(b, "times")) << b.text;
    }
  }
  EXPECT_TRUE(injuries && investigators) << "the points several sources make are among the bullets";
}

TEST_F(StoryDigestTest, ASourceDatingAStatementToAnotherDayStatesItOnlyInPart) {
  // One statement by two sources, each dated by a weekday and a publication date.
  auto ferry = [&](const std::string& daily_published, const std::string& daily_weekday) {
    const std::string said = "A ferry carrying two hundred passengers struck a freighter in the Karsholm channel on ";
    return Digest({
        Article("wire", "AP", "2031-03-05", std::nullopt, said + "Monday."),
        Article("daily", "Daily", daily_published, std::nullopt, said + daily_weekday + "."),
    });
  };
  // The same statement, one day apart: the wire cannot be cited for "on Tuesday" when it says
  // Monday; it still states the event, in part.
  const StoryDigest d = ferry("2031-03-05", "Tuesday");
  ASSERT_FALSE(d.bullets.empty());
  const Bullet& b = d.bullets[0];
  const std::string other = b.origin == "wire" ? "daily" : "wire";
  EXPECT_FALSE(Cites(b, other)) << b.text;
  EXPECT_NE(std::find(b.partial_sources.begin(), b.partial_sources.end(), other), b.partial_sources.end()) << b.text;
  // Said on the same day, it is cited.
  const StoryDigest same = ferry("2031-03-04", "Monday");
  ASSERT_FALSE(same.bullets.empty());
  EXPECT_EQ(same.bullets[0].sources.size(), 2u);
}

TEST_F(StoryDigestTest, TheTimelineNamesUndatedArticlesWhoseRelativeDatesItCannotPlace) {
  std::vector<DigestArticle> articles = Story();
  DigestArticle undated = Article("undated", "Blog", "2031-03-02", std::nullopt,
                                  "The ferry struck the freighter on Tuesday. Divers searched the channel in 2030.");
  undated.published.reset();
  DigestArticle absolute = Article("archive", "Archive", "2031-03-02", std::nullopt,
                                   "A ferry struck a freighter in the Karsholm channel on March 1, 2031.");
  absolute.published.reset();
  articles.push_back(undated);
  articles.push_back(absolute);
  const StoryDigest d = Digest(articles);
  // "on Tuesday" needs a publication date; "in 2030" and "March 1, 2031" do not.
  EXPECT_EQ(d.timeline_unplaced, (std::vector<std::string>{"undated"}));
  EXPECT_TRUE(Digest(Story()).timeline_unplaced.empty());
}

TEST_F(StoryDigestTest, BoilerplateNeverBecomesABulletOrAPoint) {
  const StoryDigest d = Digest(Story());
  auto furniture = [](const std::string& s) {
    return s.find("AP Photo") != std::string::npos || s.find("Click here") != std::string::npos;
  };
  for (const Bullet& b : d.bullets) EXPECT_FALSE(furniture(b.text)) << b.text;
  for (const SourceComparison& c : d.sources) {
    for (const std::string& add : c.adds) EXPECT_FALSE(furniture(add)) << add;
  }
}

TEST_F(StoryDigestTest, CopiesCountOnceAndSupportWhatTheirOriginalSays) {
  std::vector<DigestArticle> articles = Story();
  DigestArticle copy = Article("reprint", "Reprint", "2031-03-04", std::nullopt, kWire);
  copy.relation = "exact";
  copy.copy_of = "wire";
  articles.push_back(copy);
  const StoryDigest with_copy = Digest(articles);
  const StoryDigest without = Digest(Story());
  ASSERT_EQ(with_copy.bullets.size(), without.bullets.size());
  for (size_t i = 0; i < without.bullets.size(); ++i) {
    EXPECT_EQ(with_copy.bullets[i].text, without.bullets[i].text) << "a copy must not change what matters";
    EXPECT_EQ(Cites(with_copy.bullets[i], "wire"), Cites(with_copy.bullets[i], "reprint"));
  }
}

TEST_F(StoryDigestTest, HeadlineIsTheMostCentralTitleElseALeadSentence) {
  const StoryDigest d = Digest(Story());
  const std::vector<std::string> titles = {"Ferry strikes freighter in Karsholm channel",
                                           "Forty hurt as ferry hits freighter",
                                           "Safety board investigates Karsholm ferry collision"};
  EXPECT_NE(std::find(titles.begin(), titles.end(), d.headline), titles.end()) << d.headline;

  std::vector<DigestArticle> untitled = Story();
  for (DigestArticle& a : untitled) a.title.reset();
  const StoryDigest lead = Digest(untitled);
  const std::string leads[] = {
      "A ferry carrying two hundred passengers struck a freighter in the Karsholm channel on Monday.",
      "Forty passengers were treated for minor injuries at the regional hospital after the collision, officials said.",
      "The maritime safety board opened an investigation after a ferry struck a freighter near Karsholm on Monday."};
  EXPECT_NE(std::find(std::begin(leads), std::end(leads), lead.headline), std::end(leads)) << lead.headline;
}

TEST_F(StoryDigestTest, AWordBudgetIsFilledAndNotOverrunByMoreThanOneBullet) {
  DigestOptions options;
  options.word_budget = 40;
  const StoryDigest d = Digest(Story(), options);
  size_t words = 0, last = 0;
  for (const Bullet& b : d.bullets) {
    std::istringstream in(b.text);
    last = 0;
    for (std::string w; in >> w;) ++last;
    words += last;
  }
  EXPECT_GE(words, 40u);
  EXPECT_LT(words - last, 40u);
}

TEST_F(StoryDigestTest, EachSourceAddsWhatOnlyItSaysAndLacksTheBulletsItDoesNotStateEvenInPart) {
  const StoryDigest d = Digest(Story());
  ASSERT_EQ(d.sources.size(), 3u);
  const SourceComparison& daily = d.sources[1];
  EXPECT_EQ(daily.article, "daily");
  bool fishermen = false;
  for (const std::string& add : daily.adds) {
    fishermen |= add.find("fishermen") != std::string::npos;
    EXPECT_EQ(add.find("Forty passengers"), std::string::npos) << "the wire says it too: " << add;
  }
  EXPECT_TRUE(fishermen);
  for (const SourceComparison& c : d.sources) {
    size_t unsupported = 0;
    for (const Bullet& b : d.bullets) {
      const bool partly =
          std::find(b.partial_sources.begin(), b.partial_sources.end(), c.article) != b.partial_sources.end();
      EXPECT_FALSE(partly && Cites(b, c.article)) << "cited both fully and in part: " << b.text;
      size_t citing = 0;
      for (const SourceComparison& other : d.sources) citing += Cites(b, other.article) ? 1 : 0;
      unsupported += (Cites(b, c.article) || partly || citing < 2) ? 0 : 1;
    }
    EXPECT_EQ(c.lacks.size(), unsupported) << c.article;
  }
}

TEST_F(StoryDigestTest, BulletsAreNeitherFragmentsNorCommentaryNorRepeats) {
  // The times' second sentence leans on its first ("The investigation ..."), the daily's last
  // is the writer's own view, and the wire and the daily say the passengers' point twice; a
  // sentence inside a quotation and a teaser's title run into its text are not bullets either.
  std::vector<DigestArticle> story = Story();
  story[2].text +=
      " The investigation will also examine the freighter's radar logs and crew hours. "
      "We think the channel should have been closed long ago. "
      "Officials said the ferry was carrying cars and... "
      "\"The crossing was calm. Two tugboats had warned both captains about thick fog an hour before the collision. "
      "Nobody saw it coming,\" a deckhand said. "
      "Harbour Lights For The Channel In KarsholmIn this week's guide, the best ferry views in the city.";
  DigestOptions options;
  options.max_bullets = 7;
  options.min_bullets = 7;
  const StoryDigest d = Digest(story, options);
  for (const Bullet& b : d.bullets) {
    EXPECT_EQ(b.text.find("The investigation will"), std::string::npos) << b.text;
    EXPECT_EQ(b.text.find("We think"), std::string::npos) << b.text;
    EXPECT_EQ(b.text.find("cars and"), std::string::npos) << b.text;
    EXPECT_NE(b.text.find("Two tugboats had warned"), 0u) << "a piece of a quotation: " << b.text;
    EXPECT_EQ(b.text.find("KarsholmIn"), std::string::npos) << "a title run into a sentence: " << b.text;
  }
  size_t forty = 0;
  for (const Bullet& b : d.bullets) forty += b.text.find("Forty passengers") != std::string::npos ? 1 : 0;
  EXPECT_LE(forty, 1u);
  for (const Bullet& b : d.bullets) {
    EXPECT_FALSE(b.origin.empty());
    EXPECT_TRUE(Cites(b, b.origin)) << "a bullet cites the article it is taken from";
  }
}

TEST_F(StoryDigestTest, AHeadlineFactIsStatedByItsArticle) {
  // The daily's title says the passengers were hurt; its body too. A bullet saying so never
  // lists the daily as leaving it out.
  const StoryDigest d = Digest(Story());
  for (const SourceComparison& c : d.sources) {
    if (c.article != "daily") continue;
    for (const std::string& lack : c.lacks) EXPECT_EQ(lack.find("Forty passengers"), std::string::npos) << lack;
  }
}

TEST_F(StoryDigestTest, OneTextAndItsCopiesHaveNothingToCompare) {
  DigestArticle copy = Article("reprint", "Reprint", "2031-03-04", std::nullopt, kWire);
  copy.relation = "exact";
  copy.copy_of = "wire";
  const StoryDigest d = Digest({Story()[0], copy});
  EXPECT_GE(d.bullets.size(), 3u);
  ASSERT_EQ(d.sources.size(), 2u);
  for (const SourceComparison& c : d.sources) {
    EXPECT_TRUE(c.adds.empty()) << c.article;
    EXPECT_TRUE(c.lacks.empty()) << c.article;
  }
}

TEST_F(StoryDigestTest, DatesSpanThePublications) {
  const StoryDigest d = Digest(Story());
  EXPECT_EQ(d.first_published, "2031-03-02");
  EXPECT_EQ(d.last_published, "2031-03-03");
}

TEST_F(StoryDigestTest, NoArticlesNoDigest) {
  const StoryDigest d = Digest({});
  EXPECT_TRUE(d.headline.empty());
  EXPECT_TRUE(d.bullets.empty());
  EXPECT_TRUE(d.sources.empty());
}

}  // namespace
}  // namespace storydesk::digest
