#include "core/stories/dating_guard.h"

#include <gtest/gtest.h>

#include "storydesk/time/published_time.h"

namespace storydesk::stories {
namespace {

int64_t Day(int64_t y, unsigned m, unsigned d) { return timeutil::DaysFromCivil(y, m, d) * 86400; }

TEST(CompareDatingTest, Table) {
  struct Case {
    const char* what;
    std::optional<int64_t> article;
    std::vector<int> years;
    std::optional<int64_t> first, last;
    DatingFooting expected;
  };
  const std::optional<int64_t> none;
  const Case cases[] = {
      {"both dated", Day(2021, 6, 2), {2017}, Day(2021, 6, 1), Day(2021, 6, 1), DatingFooting::kSame},
      {"both undated", none, {2017}, none, none, DatingFooting::kSame},
      {"undated article naming no year", none, {}, Day(2021, 6, 1), Day(2021, 6, 1), DatingFooting::kMixed},
      {"dated article, undated story", Day(2021, 6, 1), {}, none, none, DatingFooting::kMixed},
      {"names the story's year", none, {2021}, Day(2021, 6, 1), Day(2021, 6, 1), DatingFooting::kMixed},
      {"names the year before", none, {2020}, Day(2021, 6, 1), Day(2021, 6, 1), DatingFooting::kMixed},
      {"names the year after", none, {2022}, Day(2021, 6, 1), Day(2021, 6, 1), DatingFooting::kMixed},
      {"one near year is enough", none, {1990, 2021, 2050}, Day(2021, 6, 1), Day(2021, 6, 1), DatingFooting::kMixed},
      {"only years far before", none, {2017, 2018}, Day(2021, 6, 1), Day(2021, 6, 1), DatingFooting::kApart},
      {"only years far after", none, {2024}, Day(2021, 6, 1), Day(2021, 6, 1), DatingFooting::kApart},
      {"within a story spanning years", none, {2019}, Day(2018, 12, 30), Day(2021, 1, 2), DatingFooting::kMixed},
      {"the span counts by calendar year", none, {2017}, Day(2018, 1, 1), Day(2018, 1, 1), DatingFooting::kMixed},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CompareDating(c.article, c.years, c.first, c.last, 1), c.expected) << c.what;
  }
}

}  // namespace
}  // namespace storydesk::stories
