#include "core/time/mentioned_years.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::timeutil {
namespace {

struct Case {
  std::vector<std::string> tokens;
  std::vector<int> years;
};

TEST(MentionedYearsTest, KeepsFourDigitYearsOfTheModernEra) {
  const Case cases[] = {
      {{}, {}},
      {{"2017"}, {2017}},
      {{"2018", "2017", "2018"}, {2017, 2018}},  // distinct, ascending
      {{"1900", "2099"}, {1900, 2099}},          // the bounds
      {{"1899", "2100"}, {}},                    // outside them
      {{"1,200", "7.3", "30000", "201", "20178"}, {}},
      {{"12", "2021", "3.5"}, {2021}},
  };
  for (const Case& c : cases) EXPECT_EQ(MentionedYears(c.tokens), c.years) << ::testing::PrintToString(c.tokens);
}

}  // namespace
}  // namespace storydesk::timeutil
