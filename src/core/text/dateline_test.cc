#include "storydesk/text/dateline.h"

#include <gtest/gtest.h>

#include <string>

namespace storydesk::text {
namespace {

struct DatelineCase {
  std::string text;
  bool found;
  std::string place;
  std::optional<std::string> source;
  std::string rest;  // text after the dateline
};

TEST(DatelineTest, Table) {
  const DatelineCase cases[] = {
      {"SEOUL, South Korea (AP) \u2013 US President Joe Biden\u2019s envoy said", true, "SEOUL, South Korea", "AP",
       "US President Joe Biden\u2019s envoy said"},
      {"LONDON (Reuters) - Shares fell.", true, "LONDON", "Reuters", "Shares fell."},
      {"WASHINGTON \u2014 The Senate voted.", true, "WASHINGTON", std::nullopt, "The Senate voted."},
      {"NEW YORK (AP) \u2014 Stocks rose.", true, "NEW YORK", "AP", "Stocks rose."},
      {"BEIRUT, Lebanon (AFP) - Power returned.", true, "BEIRUT, Lebanon", "AFP", "Power returned."},
      {"SAN JUAN, Puerto Rico (CNN) -- The storm passed.", true, "SAN JUAN, Puerto Rico", "CNN", "The storm passed."},
      {"NEW YORK (AP) \u2014", true, "NEW YORK", "AP", ""},
      {"BEIRUT, Lebanon (AFP) -", true, "BEIRUT, Lebanon", "AFP", ""},
      {"ST. LOUIS (AP) \u2014 Rain.", true, "ST. LOUIS", "AP", "Rain."},
      {"WASHINGTON, D.C. \u2014 Rain.", true, "WASHINGTON, D.C.", std::nullopt, "Rain."},
      // An ASCII dash after the region, without an agency.
      {"GREENSBURG, Ind. -- A mother walked free.", true, "GREENSBURG, Ind.", std::nullopt, "A mother walked free."},
      {"SEOUL, South Korea - Talks resumed.", true, "SEOUL, South Korea", std::nullopt, "Talks resumed."},
      {"WINSTON-SALEM, N.C. (AP) \u2014 Rain.", true, "WINSTON-SALEM, N.C.", "AP", "Rain."},
      {"SARAJEVO, Bosnia and Herzegovina (AP) \u2014 Rain.", true, "SARAJEVO, Bosnia and Herzegovina", "AP", "Rain."},
      {"S\u00C3O PAULO (Reuters) - Rain.", true, "S\u00C3O PAULO", "Reuters", "Rain."},
      {"LONDON, Aug 23 (Reuters) - Rain.", true, "LONDON", "Reuters", "Rain."},
      {"PARIS, France, Sept. 3 (AFP) - Rain.", true, "PARIS, France", "AFP", "Rain."},
      {"BERLIN (dpa) - Rain.", true, "BERLIN", "dpa", "Rain."},  // agency kept as written
      {"TOKYO (Kyodo News) \u2014 Rain.", true, "TOKYO", "Kyodo News", "Rain."},
      {"LONDON (Reuters) -\n\nShares fell.", true, "LONDON", "Reuters", "\n\nShares fell."},
      {"The US does not have hostile intent.", false, "", std::nullopt, ""},
      {"US President Joe Biden said on Monday.", false, "", std::nullopt, ""},
      {"COVID-19 cases rose - again.", false, "", std::nullopt, ""},
      {"COVID - cases rose", true, "COVID", std::nullopt, "cases rose"},  // indistinguishable from a place
      {"I - for one - disagree.", false, "", std::nullopt, ""},           // a single letter is no place
      {"NATO, the alliance, said \u2014 no.", false, "", std::nullopt, ""},
      {"LONDON-based firms grew.", false, "", std::nullopt, ""},
      {"WASHINGTON\u2014The Senate voted.", false, "", std::nullopt, ""},  // dash without spaces
      {"LONDON (Reuters) -Shares fell.", false, "", std::nullopt, ""},
      {"LONDON (Reuters) Shares fell.", false, "", std::nullopt, ""},  // no dash
      {"LONDON () - Shares fell.", false, "", std::nullopt, ""},
      {"LONDON (Reuters - Shares fell.", false, "", std::nullopt, ""},
      {"LONDON: Shares fell.", false, "", std::nullopt, ""},
      {" LONDON (Reuters) - Shares fell.", false, "", std::nullopt, ""},  // not at the very start
      {"", false, "", std::nullopt, ""},
      {"-", false, "", std::nullopt, ""},
      {"London (Reuters) - Shares fell.", false, "", std::nullopt, ""},
  };
  for (const auto& c : cases) {
    const auto d = ParseDateline(c.text);
    ASSERT_EQ(d.has_value(), c.found) << c.text;
    if (!d) continue;
    EXPECT_EQ(d->place, c.place) << c.text;
    EXPECT_EQ(d->source, c.source) << c.text;
    EXPECT_EQ(c.text.substr(d->length), c.rest) << c.text;
  }
}

TEST(DatelineTest, NeverReadsPastTheEnd) {
  // Every prefix of a dateline either parses within its bounds or is rejected.
  const std::string full = "SAN JUAN, Puerto Rico, Aug. 3 (CNN) \u2014 Text";
  for (size_t n = 0; n <= full.size(); ++n) {
    const auto d = ParseDateline(std::string_view(full).substr(0, n));
    if (d) {
      EXPECT_LE(d->length, n);
    }
  }
}

}  // namespace
}  // namespace storydesk::text
