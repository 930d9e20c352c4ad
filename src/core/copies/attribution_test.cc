#include "storydesk/copies/attribution.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::copies {
namespace {

struct FindCase {
  std::string text;
  std::vector<std::pair<std::string, std::string>> expected;  // (outlet, phrase)
};

TEST(FindAttributionsTest, Table) {
  const FindCase cases[] = {
      {"The mayor resigned on Friday, according to CBS News.", {{"CBS News", "according to CBS News"}}},
      {"The talks stalled, according to the Wall Street Journal, which cited officials.",
       {{"the Wall Street Journal", "according to the Wall Street Journal"}}},
      {"CBS News reported that the deal was off.", {{"CBS News", "CBS News reported"}}},
      {"On Monday, the Washington Post first reported the memo.",
       {{"the Washington Post", "the Washington Post first reported"}}},
      {"The plan, Politico has reported, is dead.", {{"Politico", "Politico has reported"}}},
      {"SEOUL, South Korea (AP) - North Korea fired a missile.", {{"AP", "(AP)"}}},
      {"LONDON (Reuters) - Shares fell.", {{"Reuters", "(Reuters)"}}},
      {"LONDON (Reuters)- Shares fell.", {{"Reuters", "(Reuters)"}}},
      {"WASHINGTON (The Associated Press) \u2014 Congress met.", {{"The Associated Press", "(The Associated Press)"}}},
      {"The Associated Press contributed to this report.",
       {{"The Associated Press", "The Associated Press contributed"}}},
      {"\u201cWe are ready,\u201d the minister told CNN on Sunday.", {{"CNN", "told CNN"}}},
      {"She said in an interview with Fox News that she would run.", {{"Fox News", "interview with Fox News"}}},
      {"The documents were obtained by The New York Times.",
       {{"The New York Times", "obtained by The New York Times"}}},
      {"The story was first reported by Axios.", {{"Axios", "reported by Axios"}}},
      // No outlet named: nothing, or a name that matches no outlet.
      {"The senator told reporters she was confident.", {}},
      {"Police reported three arrests.", {{"Police", "Police reported"}}},
      {"He was fined (about $200) - a small sum.", {}},
      {"Turnout rose, according to officials.", {}},
      {"", {}},
      // Two credits, each once.
      {"According to Reuters, talks resumed. Reuters reported no details. According to Reuters, again.",
       {{"Reuters", "According to Reuters"}, {"Reuters", "Reuters reported"}}},
  };
  for (const FindCase& c : cases) {
    const std::vector<Attribution> found = FindAttributions(c.text);
    std::vector<std::pair<std::string, std::string>> got;
    got.reserve(found.size());
    for (const Attribution& a : found) got.emplace_back(a.outlet, a.phrase);
    EXPECT_EQ(got, c.expected) << c.text;
  }
}

TEST(NamesOutletTest, Table) {
  struct Case {
    std::string credited, source;
    bool names;
  };
  const Case cases[] = {
      {"CBS News", "CBS News (Online)", true},
      {"CBS", "CBS News (Online)", true},
      {"the Associated Press", "Associated Press", true},
      {"AP", "Associated Press", true},
      {"The Associated Press", "AP Politics & Fact Check", true},
      {"AP", "AP Politics & Fact Check", true},
      {"Reuters", "Reuters", true},
      {"reuters", "REUTERS", true},
      {"The Hill", "The Hill", true},
      {"the New York Times", "New York Times (News)", true},
      {"the New York Times", "New York Post (News)", false},
      {"Fox News", "Fox Business", false},
      {"CNN", "CBS News (Online)", false},
      {"Chicago", "Chicago Tribune", false},
      {"Police", "Newsmax (News)", false},
      {"", "Reuters", false},
      {"Reuters", "", false},
  };
  for (const Case& c : cases) EXPECT_EQ(NamesOutlet(c.credited, c.source), c.names) << c.credited << " / " << c.source;
}

}  // namespace
}  // namespace storydesk::copies
