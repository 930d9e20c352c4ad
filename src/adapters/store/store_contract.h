// The Store contract (store.h) as one typed test suite, run over every backend: a backend's
// test instantiates it with a Backend type that opens a fresh, empty store —
//
//   struct MyBackend {
//     std::shared_ptr<Store> Open(const FingerprintSettings& settings);  // the same store each call
//   };
//   INSTANTIATE_TYPED_TEST_SUITE_P(My, StoreContract, ::testing::Types<MyBackend>);
//
// Open may be called again in one test and must then give the same store (reopened, for a
// backend that persists). Each test gets a new Backend object. Helpers (Article, Written, ...)
// are here for the backends' own tests as well. Include in one test file per binary.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/store/store.h"

namespace storydesk::store {
namespace {

const FingerprintSettings kSettings{.version = 1, .shingle_words = 5, .permutations = 4, .bands = 2, .seed = 42};

// An article of story `story` published on day `day` (days since 1970) or undated when day < 0.
StoredArticle Article(const std::string& id, int64_t story, int day, const std::string& source = "Outlet") {
  StoredArticle a;
  a.raw.id = id;
  a.raw.source = source;
  a.raw.title = "Title of " + id;
  a.raw.text = "Body of " + id + ". Second sentence.";
  a.raw.verbatim = R"({"id":")" + id + R"(","text":"…"})";
  a.raw.origin = "in.jsonl:1";
  if (day >= 0) a.raw.published_at = int64_t{day} * 86400;
  a.exact_hash = std::hash<std::string>{}(a.raw.text);
  a.minhash = {1, 2, 3, static_cast<uint32_t>(id.size())};
  a.story = story;
  return a;
}

std::vector<std::string> Ids(const std::vector<StoredArticle>& articles) {
  std::vector<std::string> ids;
  ids.reserve(articles.size());
  for (const auto& a : articles) ids.push_back(a.raw.id);
  return ids;
}

// An article like Article() with the given title (nullopt: untitled) and text.
StoredArticle Written(const std::string& id, int64_t story, int day, std::optional<std::string> title,
                      const std::string& text, const std::string& source = "Outlet") {
  StoredArticle a = Article(id, story, day, source);
  a.raw.title = std::move(title);
  a.raw.text = text;
  return a;
}

std::vector<int64_t> StoryIds(const std::vector<StorySummary>& stories) {
  std::vector<int64_t> ids;
  ids.reserve(stories.size());
  for (const auto& s : stories) ids.push_back(s.id);
  return ids;
}

std::vector<std::string> MatchIds(const std::vector<ArticleMatch>& matches) {
  std::vector<std::string> ids;
  ids.reserve(matches.size());
  for (const auto& m : matches) ids.push_back(m.article_id);
  return ids;
}

StoryFilter Query(const std::string& text) {
  StoryFilter f;
  f.query = text;
  return f;
}

// Ids from both listing calls, checking that they agree.
std::vector<int64_t> Listed(Store& store, const StoryFilter& filter) {
  auto listed = store.ListStories(filter);
  EXPECT_TRUE(listed.ok()) << listed.status().message();
  auto page = store.ListStoryPage(filter);
  EXPECT_TRUE(page.ok()) << page.status().message();
  if (!listed.ok() || !page.ok()) return {};
  EXPECT_EQ(StoryIds(page.value().stories), StoryIds(listed.value())) << "one page of at most 20";
  return StoryIds(listed.value());
}

template <typename Backend>
class StoreContract : public ::testing::Test {
 protected:
  std::shared_ptr<Store> OpenOrDie(const FingerprintSettings& settings = kSettings) {
    std::shared_ptr<Store> store = backend_.Open(settings);
    EXPECT_TRUE(store) << "the backend did not open";
    return store;
  }
  Backend backend_;
};

TYPED_TEST_SUITE_P(StoreContract);

TYPED_TEST_P(StoreContract, ABatchWithAnAlreadyStoredIdStoresNothing) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> first = {Article("a1", 1, 100)};
  ASSERT_TRUE(store->CommitBatch(first, {{"x", 1}}, 1).ok());
  std::vector<StoredArticle> second = {Article("new", 2, 101), Article("a1", 1, 100)};
  const Status s = store->CommitBatch(second, {{"x", 5}}, 2);
  EXPECT_EQ(s.code(), ErrorCode::kConflict);
  EXPECT_NE(s.message().find("a1"), std::string::npos) << s.message();
  EXPECT_FALSE(store->FindExactHash("new").value());
  EXPECT_EQ(store->DocumentCount().value(), 1);
  EXPECT_EQ(store->LoadDocumentFrequencies().value().at("x"), 1);
  EXPECT_EQ(store->MaxStoryId().value(), 1);
}

TYPED_TEST_P(StoreContract, DocumentFrequenciesAccumulateAcrossBatches) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> one = {Article("a", 1, 1)};
  std::vector<StoredArticle> two = {Article("b", 2, 2)};
  ASSERT_TRUE(store->CommitBatch(one, {{"x", 1}, {"y", 1}}, 1).ok());
  ASSERT_TRUE(store->CommitBatch(two, {{"y", 1}, {"z", 1}}, 1).ok());
  EXPECT_EQ(store->DocumentCount().value(), 2);
  EXPECT_EQ(store->LoadDocumentFrequencies().value(), (std::map<std::string, int64_t>{{"x", 1}, {"y", 2}, {"z", 1}}));
}

TYPED_TEST_P(StoreContract, StoriesAreSummarisedAndListedByNewestActivity) {
  auto store = this->OpenOrDie();
  StoredArticle copy = Article("s1-c", 1, 12, "Copier");
  copy.copy_of = "s1-a";
  copy.relation = copies::CopyKind::kExact;
  copy.copy_score = 1.0;
  std::vector<StoredArticle> batch = {Article("s1-a", 1, 10, "A"), Article("s1-b", 1, 11, "B"), copy,
                                      Article("s2-a", 2, 20, "A"), Article("s3-a", 3, -1, "A")};
  batch[0].raw.title.reset();  // an untitled first article: a title of the story is the headline
  ASSERT_TRUE(store->CommitBatch(batch, {}, 5).ok());

  const auto stories = store->ListStories({}).value();
  ASSERT_EQ(stories.size(), 3u);
  EXPECT_EQ(stories[0].id, 2);
  EXPECT_EQ(stories[1].id, 1);
  EXPECT_EQ(stories[2].id, 3) << "undated stories come last";
  const StorySummary& s1 = stories[1];
  EXPECT_EQ(s1.headline, "Title of s1-b") << "the titles tie: the earlier";
  EXPECT_EQ(s1.first_published, "1970-01-11");
  EXPECT_EQ(s1.last_published, "1970-01-13");
  EXPECT_EQ(s1.articles, 3);
  EXPECT_EQ(s1.sources, 3);
  EXPECT_EQ(s1.copies, 1);
  EXPECT_FALSE(stories[2].first_published);

  EXPECT_EQ(Ids(store->StoryArticles(1).value()), (std::vector<std::string>{"s1-a", "s1-b", "s1-c"}));
  EXPECT_EQ(store->GetStory(2).value().headline, "Title of s2-a");
  EXPECT_EQ(store->GetStory(99).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store->MaxStoryId().value(), 3);
}

TYPED_TEST_P(StoreContract, StoryFiltersSelectByDateAndLimit) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch = {Article("a", 1, 10), Article("b", 2, 20), Article("c", 3, 30)};
  ASSERT_TRUE(store->CommitBatch(batch, {}, 3).ok());
  auto ids = [&](const StoryFilter& f) {
    std::vector<int64_t> out;
    for (const auto& s : store->ListStories(f).value()) out.push_back(s.id);
    return out;
  };
  StoryFilter since, until, limit;
  since.since = 20 * 86400;
  until.until = 20 * 86400;
  limit.limit = 1;
  EXPECT_EQ(ids(since), (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(ids(until), (std::vector<int64_t>{1}));
  EXPECT_EQ(ids(limit), (std::vector<int64_t>{3}));
}

TYPED_TEST_P(StoreContract, LooksUpByIdHashAndTimeWindow) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch = {Article("a", 1, 10), Article("b", 1, 12), Article("u", 2, -1),
                                      Article("late", 3, 40)};
  batch[1].exact_hash = batch[0].exact_hash;
  ASSERT_TRUE(store->CommitBatch(batch, {}, 4).ok());
  EXPECT_EQ(store->FindExactHash("a").value(), batch[0].exact_hash);
  EXPECT_FALSE(store->FindExactHash("missing").value());
  EXPECT_EQ(Ids(store->FindByExactHash(batch[0].exact_hash).value()), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Ids(store->LoadWindow(11 * 86400, 40 * 86400, false).value()), (std::vector<std::string>{"b", "late"}));
  EXPECT_EQ(Ids(store->LoadWindow(0, 10 * 86400, true).value()), (std::vector<std::string>{"a", "u"}));
}

TYPED_TEST_P(StoreContract, AMergeMovesMembersAndOldIdsStillFindTheStory) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> first = {Article("a", 1, 10), Article("b", 2, 10), Article("c", 3, 11)};
  ASSERT_TRUE(store->CommitBatch(first, {}, 3).ok());
  // "bridge" joins story 1 and shows story 2 to be part of it; in the same batch, "late"
  // shows story 3 to be part of story 1 too (a merge of the merged).
  StoredArticle bridge = Article("bridge", 1, 11);
  bridge.merged_stories = {2};
  StoredArticle late = Article("late", 1, 12);
  late.merged_stories = {3};
  std::vector<StoredArticle> second = {bridge, late};
  const Status committed = store->CommitBatch(second, {}, 2);
  ASSERT_TRUE(committed.ok()) << committed.message();

  EXPECT_EQ(Ids(store->StoryArticles(1).value()), (std::vector<std::string>{"a", "b", "c", "bridge", "late"}));
  for (int64_t old_id : {2, 3}) {
    EXPECT_EQ(store->ResolveStory(old_id).value(), 1) << old_id;
    EXPECT_EQ(store->GetStory(old_id).value().id, 1) << old_id;
    EXPECT_EQ(store->StoryArticles(old_id).value().size(), 5u) << old_id;
  }
  const auto stories = store->ListStories({}).value();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].articles, 5);
  EXPECT_EQ(stories[0].first_published, "1970-01-11");
  EXPECT_EQ(stories[0].last_published, "1970-01-13");
  EXPECT_EQ(store->GetStory(4).status().code(), ErrorCode::kNotFound);
}

// Grouping events: each story (event) is in one storyline, read back with every member and
// summary, listed by storyline, and a merged story's members are in the survivor's storyline.
TYPED_TEST_P(StoreContract, StorylinesAreKeptPerStoryAndFollowMerges) {
  auto store = this->OpenOrDie();
  EXPECT_EQ(store->MaxStorylineId().value(), 0);
  auto in = [](StoredArticle a, int64_t storyline) {
    a.storyline = storyline;
    return a;
  };
  std::vector<StoredArticle> first = {in(Article("vote-1", 1, 10), 7), in(Article("vote-2", 1, 10), 7),
                                      in(Article("hearing", 2, 12), 7), in(Article("budget", 3, 12), 8),
                                      Article("one-level", 4, 12)};
  ASSERT_TRUE(store->CommitBatch(first, {}, 5).ok());
  EXPECT_EQ(store->MaxStorylineId().value(), 8);
  EXPECT_EQ(store->GetArticle("hearing").value()->storyline, 7);
  EXPECT_EQ(store->GetArticle("one-level").value()->storyline, 0) << "stored without events: no storyline";
  EXPECT_EQ(store->GetStory(1).value().storyline, 7);
  EXPECT_EQ(store->GetStory(1).value().storyline_events, 2) << "the vote and the hearing";
  EXPECT_EQ(store->GetStory(3).value().storyline_events, 1);
  EXPECT_EQ(store->GetStory(4).value().storyline_events, 0);
  StoryFilter of_seven;
  of_seven.storyline = 7;
  std::vector<int64_t> events;
  for (const StorySummary& s : store->ListStories(of_seven).value()) events.push_back(s.id);
  EXPECT_EQ(events, (std::vector<int64_t>{2, 1})) << "newest activity first";

  // The budget story (storyline 8) turns out to be part of the hearing's (storyline 7).
  StoredArticle bridge = in(Article("bridge", 2, 13), 7);
  bridge.merged_stories = {3};
  std::vector<StoredArticle> second = {bridge};
  ASSERT_TRUE(store->CommitBatch(second, {}, 1).ok());
  EXPECT_EQ(store->GetArticle("budget").value()->storyline, 7);
  EXPECT_EQ(store->GetStory(2).value().storyline_events, 2) << "the budget story merged into the hearing";
  EXPECT_EQ(store->MaxStorylineId().value(), 8) << "storyline 8 has no story left, and its id stays used";
  for (const StoredArticle& a : store->LoadWindow(0, 100 * 86400, true).value()) {
    EXPECT_EQ(a.storyline, a.raw.id == "one-level" ? 0 : 7) << a.raw.id;
  }
}

// Analyst corrections: a move, a split into a new story of the same storyline and a merge, each
// applied whole, summarised, recorded and resolvable; a plan the store no longer matches
// changes nothing.
TYPED_TEST_P(StoreContract, CorrectionsMoveSplitAndMergeAndAreRecorded) {
  auto store = this->OpenOrDie();
  auto in = [](StoredArticle a, int64_t storyline) {
    a.storyline = storyline;
    return a;
  };
  std::vector<StoredArticle> batch = {in(Article("a", 1, 10), 7), in(Article("b", 1, 10, "Other"), 7),
                                      in(Article("c", 1, 11), 7), in(Article("d", 2, 11), 7),
                                      in(Article("e", 3, 12), 8)};
  ASSERT_TRUE(store->CommitBatch(batch, {}, 5).ok());
  EXPECT_TRUE(store->ListCorrections().value().empty());

  CorrectionPlan move;
  move.moves = {{"c", 1}};
  move.into = 2;
  move.made_at = 1700000000;
  move.by = "desk";
  move.note = "the hearing, not the vote";
  auto moved = store->ApplyCorrection(move);
  ASSERT_TRUE(moved.ok()) << moved.status().message();
  EXPECT_EQ(moved.value(), 1);
  EXPECT_EQ(Ids(store->StoryArticles(2).value()), (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(store->GetStory(1).value().articles, 2);
  EXPECT_EQ(store->GetStory(1).value().last_published, "1970-01-11") << "day 10: c's day 11 left with it";

  CorrectionPlan split;
  split.kind = CorrectionKind::kSplit;
  split.moves = {{"b", 1}};
  split.into = store->MaxStoryId().value() + 1;
  split.storyline = 7;
  ASSERT_TRUE(store->ApplyCorrection(split).ok());
  EXPECT_EQ(store->GetArticle("b").value()->story, split.into);
  EXPECT_EQ(store->GetStory(split.into).value().storyline, 7);
  EXPECT_EQ(store->GetStory(split.into).value().source_names, (std::vector<std::string>{"Other"}));
  EXPECT_EQ(store->GetStory(1).value().storyline_events, 3) << "stories 1, 2 and the new one";

  CorrectionPlan merge;
  merge.kind = CorrectionKind::kMerge;
  merge.moves = {{"e", 3}};
  merge.into = 2;
  merge.emptied = {3};
  ASSERT_TRUE(store->ApplyCorrection(merge).ok());
  EXPECT_EQ(store->ResolveStory(3).value(), 2);
  EXPECT_EQ(store->GetStory(3).value().id, 2) << "the merged id still finds the story";
  EXPECT_EQ(store->GetArticle("e").value()->storyline, 7) << "the surviving story's storyline";
  StoryFilter of_eight;
  of_eight.storyline = 8;
  EXPECT_TRUE(store->ListStories(of_eight).value().empty());
  EXPECT_EQ(store->StoryCount().value(), 3);

  const auto records = store->ListCorrections().value();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].id, 1);
  EXPECT_EQ(records[0].plan.kind, CorrectionKind::kMove);
  EXPECT_EQ(records[0].plan.moves, move.moves);
  EXPECT_EQ(records[0].plan.into, 2);
  EXPECT_EQ(records[0].plan.made_at, 1700000000);
  EXPECT_EQ(records[0].plan.by, "desk");
  EXPECT_EQ(records[0].plan.note, "the hearing, not the vote");
  EXPECT_EQ(records[1].plan.kind, CorrectionKind::kSplit);
  EXPECT_EQ(records[1].plan.storyline, 7);
  EXPECT_EQ(records[2].plan.kind, CorrectionKind::kMerge);
  EXPECT_EQ(records[2].plan.emptied, (std::vector<int64_t>{3}));

  // Grouping events: the new story (an event) moves into a storyline of its own, id 9 (above
  // every storyline stored); its article stays in it.
  CorrectionPlan regroup;
  regroup.kind = CorrectionKind::kMoveEvent;
  regroup.moves = {{"b", split.into}};
  regroup.into = split.into;
  regroup.storyline = 9;
  ASSERT_TRUE(store->ApplyCorrection(regroup).ok());
  EXPECT_EQ(store->GetArticle("b").value()->story, split.into);
  EXPECT_EQ(store->GetArticle("b").value()->storyline, 9);
  EXPECT_EQ(store->GetStory(split.into).value().storyline_events, 1);
  EXPECT_EQ(store->GetStory(1).value().storyline_events, 2) << "stories 1 and 2 stay in storyline 7";
  EXPECT_EQ(store->MaxStorylineId().value(), 9);
  ASSERT_EQ(store->ListCorrections().value().size(), 4u);
  EXPECT_EQ(store->ListCorrections().value()[3].plan.kind, CorrectionKind::kMoveEvent);
  EXPECT_EQ(store->ListCorrections().value()[3].plan.storyline, 9);

  // Stale plans: c is in story 2 now; story 2's id is taken; story 3 is gone.
  EXPECT_EQ(store->ApplyCorrection(move).status().code(), ErrorCode::kConflict);
  CorrectionPlan taken = split;
  taken.moves = {{"a", 1}};
  taken.into = 2;
  EXPECT_EQ(store->ApplyCorrection(taken).status().code(), ErrorCode::kConflict);
  CorrectionPlan gone;
  gone.moves = {{"a", 1}};
  gone.into = 3;
  EXPECT_EQ(store->ApplyCorrection(gone).status().code(), ErrorCode::kConflict);
  EXPECT_EQ(store->GetArticle("a").value()->story, 1) << "nothing changed";
  EXPECT_EQ(store->ListCorrections().value().size(), 4u);
  const auto report = store->CheckInvariants().value();
  EXPECT_TRUE(report.ok()) << (report.violations.empty() ? "" : report.violations.front());
}

TYPED_TEST_P(StoreContract, QueryFilterFindsStoriesByTitleOrTextWithStemming) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch = {
      Written("a", 1, 10, "Crowds protested in Seoul", "Thousands gathered near city hall."),
      Written("b", 2, 20, "Markets", "Students protest tuition fees near the ministry."),
      Written("c", 3, 30, std::nullopt, "Rain is expected over the weekend."),
      Written("d", 3, 31, "Caf\u00e9 owners", "Rents keep rising."),
  };
  ASSERT_TRUE(store->CommitBatch(batch, {}, 4).ok());
  EXPECT_EQ(Listed(*store, Query("protests")), (std::vector<int64_t>{2, 1})) << "protested (title), protest (text)";
  EXPECT_EQ(Listed(*store, Query("PROTESTING!!")), (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(Listed(*store, Query("seoul thousands")), (std::vector<int64_t>{1})) << "title and text words together";
  EXPECT_EQ(Listed(*store, Query("seoul tuition")), (std::vector<int64_t>{})) << "all words in one article";
  EXPECT_EQ(Listed(*store, Query("rain")), (std::vector<int64_t>{3})) << "untitled article";
  EXPECT_EQ(Listed(*store, Query("cafe")), (std::vector<int64_t>{3})) << "diacritics removed";
  EXPECT_EQ(Listed(*store, Query("near")), (std::vector<int64_t>{2, 1})) << "NEAR is a word here";
  EXPECT_EQ(Listed(*store, Query("!!!")), (std::vector<int64_t>{})) << "no words: no matches, no error";
  EXPECT_EQ(Listed(*store, Query("")), (std::vector<int64_t>{}));
}

TYPED_TEST_P(StoreContract, SourceFilterIsAnExactMatchOnAnyMember) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch = {Article("a", 1, 10, "Reuters"), Article("b", 1, 11, "AP"),
                                      Article("c", 2, 20, "AP"), Article("d", 3, 30, "BBC News"),
                                      Article("e", 4, -1, "Reuters")};
  batch.push_back(Article("f", 5, 40));
  batch.back().raw.source.reset();
  ASSERT_TRUE(store->CommitBatch(batch, {}, 6).ok());
  auto by = [&](const std::string& source) {
    StoryFilter f;
    f.source = source;
    return Listed(*store, f);
  };
  EXPECT_EQ(by("Reuters"), (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(by("AP"), (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(by("BBC News"), (std::vector<int64_t>{3}));
  EXPECT_EQ(by("reuters"), (std::vector<int64_t>{})) << "exact, case included";
  EXPECT_EQ(by("BBC"), (std::vector<int64_t>{})) << "exact, no prefix";
  EXPECT_EQ(by(""), (std::vector<int64_t>{}));
  StoryFilter both = Query("body");
  both.source = "AP";
  EXPECT_EQ(Listed(*store, both), (std::vector<int64_t>{2, 1}));
  both.query = "b";  // only article b's text names "b"; it is AP's
  EXPECT_EQ(Listed(*store, both), (std::vector<int64_t>{1}));
}

TYPED_TEST_P(StoreContract, DateFiltersCombineWithTheQuery) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch = {
      Written("a", 1, 10, "Flood warning", "Rivers rose."), Written("b", 2, 20, "Flood damage", "Homes lost."),
      Written("c", 3, 30, "Flooding ends", "Waters fell."), Written("d", 4, 25, "Election", "Votes counted."),
      Written("e", 5, -1, "Flood history", "Undated."),
  };
  ASSERT_TRUE(store->CommitBatch(batch, {}, 5).ok());
  StoryFilter f = Query("floods");
  EXPECT_EQ(Listed(*store, f), (std::vector<int64_t>{3, 2, 1, 5}));
  f.since = 20 * 86400;
  EXPECT_EQ(Listed(*store, f), (std::vector<int64_t>{3, 2})) << "undated stories have no activity to be recent";
  f.until = 30 * 86400;
  EXPECT_EQ(Listed(*store, f), (std::vector<int64_t>{2}));
  f.since.reset();
  EXPECT_EQ(Listed(*store, f), (std::vector<int64_t>{2, 1}));
}

TYPED_TEST_P(StoreContract, PagesVisitEveryStoryOnceInListOrderAcrossUndatedStories) {
  auto store = this->OpenOrDie();
  // Dated stories with ties on the last day (3, 7, 9 share day 20), undated ones (4, 6, 8)
  // with ids between the dated ones', and a merged-away id (10, into 2).
  std::vector<StoredArticle> batch = {
      Article("s1", 1, 10), Article("s2", 2, 20), Article("s3", 3, 20), Article("s4", 4, -1), Article("s5", 5, 5),
      Article("s6", 6, -1), Article("s7", 7, 20), Article("s8", 8, -1), Article("s9", 9, 20), Article("s10", 10, 3)};
  ASSERT_TRUE(store->CommitBatch(batch, {}, 10).ok());
  std::vector<StoredArticle> merge = {Article("bridge", 2, 15)};
  merge[0].merged_stories = {10};
  ASSERT_TRUE(store->CommitBatch(merge, {}, 1).ok());

  const std::vector<int64_t> all = StoryIds(store->ListStories({}).value());
  ASSERT_EQ(all, (std::vector<int64_t>{9, 7, 3, 2, 1, 5, 8, 6, 4}));
  for (int size : {1, 2, 3, 4, 9, 10, 20}) {
    std::vector<int64_t> walked;
    StoryFilter f;
    f.limit = size;
    int pages = 0;
    while (true) {
      auto page = store->ListStoryPage(f);
      ASSERT_TRUE(page.ok()) << page.status().message();
      ++pages;
      ASSERT_LE(page.value().stories.size(), static_cast<size_t>(size));
      for (const auto& s : page.value().stories) walked.push_back(s.id);
      if (!page.value().next) break;
      ASSERT_EQ(page.value().stories.size(), static_cast<size_t>(size)) << "only the last page is short";
      EXPECT_EQ(page.value().next->id, page.value().stories.back().id);
      f.after = page.value().next;
      ASSERT_LE(pages, 20) << "pagination does not end";
    }
    EXPECT_EQ(walked, all) << "page size " << size;
    EXPECT_EQ(pages, (static_cast<int>(all.size()) + size - 1) / size) << "page size " << size;
  }

  // The cursor carries the story's instant, and an undated story's is null.
  StoryFilter one;
  one.limit = 1;
  one.after = StoryCursor{std::nullopt, 8};
  auto page = store->ListStoryPage(one).value();
  EXPECT_EQ(StoryIds(page.stories), (std::vector<int64_t>{6}));
  EXPECT_EQ(page.next, (StoryCursor{std::nullopt, 6}));
  one.after = StoryCursor{int64_t{5} * 86400, 5};
  page = store->ListStoryPage(one).value();
  EXPECT_EQ(StoryIds(page.stories), (std::vector<int64_t>{8})) << "after the oldest dated story: the undated ones";
  one.after = StoryCursor{int64_t{20} * 86400, 7};
  page = store->ListStoryPage(one).value();
  EXPECT_EQ(StoryIds(page.stories), (std::vector<int64_t>{3}));
  EXPECT_EQ(page.next, (StoryCursor{int64_t{20} * 86400, 3}));
  one.after = StoryCursor{std::nullopt, 4};
  page = store->ListStoryPage(one).value();
  EXPECT_TRUE(page.stories.empty());
  EXPECT_FALSE(page.next);

  // Pages of a filtered list.
  StoryFilter undated = Query("body");
  undated.limit = 2;
  std::vector<int64_t> walked;
  while (true) {
    auto p = store->ListStoryPage(undated).value();
    for (const auto& s : p.stories) walked.push_back(s.id);
    if (!p.next) break;
    undated.after = p.next;
  }
  EXPECT_EQ(walked, all);
}

TYPED_TEST_P(StoreContract, PageSizeDefaultsToTwentyAndMustBePositive) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch;
  for (int i = 1; i <= 25; ++i) {
    std::string id = "a";
    id += std::to_string(i);  // not "a" + ...: GCC 12 warns falsely (-Wrestrict) on that
    batch.push_back(Article(id, i, i));
  }
  ASSERT_TRUE(store->CommitBatch(batch, {}, 25).ok());
  auto page = store->ListStoryPage({}).value();
  EXPECT_EQ(page.stories.size(), static_cast<size_t>(kDefaultStoryPageSize));
  EXPECT_EQ(page.next, (StoryCursor{int64_t{6} * 86400, 6}));
  StoryFilter bad;
  bad.limit = 0;
  EXPECT_EQ(store->ListStoryPage(bad).status().code(), ErrorCode::kUsage);
  bad.limit = -1;
  EXPECT_EQ(store->ListStoryPage(bad).status().code(), ErrorCode::kUsage);
  EXPECT_EQ(store->SearchArticles("body", 0).status().code(), ErrorCode::kUsage);
}

TYPED_TEST_P(StoreContract, SearchArticlesRanksSnippetsAndResolvesMergedStories) {
  auto store = this->OpenOrDie();
  const std::string long_text =
      "Thousands of people gathered on Saturday near city hall to voice anger against the new law, "
      "organisers said on Sunday evening after the rally ended peacefully.";
  std::vector<StoredArticle> first = {
      Written("strong", 1, 10, "Protest in Seoul", "Protesters protested; the protest grew."),
      Written("weak", 2, 11, "Weekend news", long_text + " A protest was mentioned once."),
      Written("untitled", 3, 12, std::nullopt, "Short protest note."),
      Written("other", 4, 13, "Markets", "Shares rose."),
  };
  ASSERT_TRUE(store->CommitBatch(first, {}, 4).ok());

  auto found = store->SearchArticles("protests", 10);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found.value().size(), 3u);
  EXPECT_EQ(found.value().front().article_id, "strong") << "most and densest occurrences first";
  EXPECT_EQ(found.value().back().article_id, "weak") << "one occurrence in a long text last";
  for (const ArticleMatch& m : found.value()) {
    EXPECT_EQ(m.snippet.find_first_of("<>[]"), std::string::npos) << m.snippet;
    if (m.article_id == "untitled") {
      EXPECT_FALSE(m.title);
      EXPECT_EQ(m.snippet, "Short protest note.") << "a short text whole, no ellipsis";
      EXPECT_EQ(m.story, 3);
    }
    if (m.article_id == "strong") {
      EXPECT_EQ(m.title, "Protest in Seoul");
    }
  }
  const std::string& cut = found.value().back().snippet;
  EXPECT_NE(cut.find("\u2026"), std::string::npos) << cut;
  EXPECT_NE(cut.find("protest"), std::string::npos) << "the snippet shows the match: " << cut;
  EXPECT_LT(cut.size(), long_text.size() / 2) << cut;

  // Matched in the title only: the snippet is the start of the text.
  auto markets = store->SearchArticles("markets", 10).value();
  ASSERT_EQ(markets.size(), 1u);
  EXPECT_EQ(markets[0].snippet, "Shares rose.");

  auto best = store->SearchArticles("protest", 1).value();
  EXPECT_EQ(MatchIds(best), (std::vector<std::string>{"strong"}));
  EXPECT_TRUE(store->SearchArticles("!!!", 5).value().empty());
  EXPECT_TRUE(store->SearchArticles("nothing", 5).value().empty());

  // Merge repair moves story 2 into story 1: the match reports the story it is part of now.
  std::vector<StoredArticle> second = {Written("bridge", 1, 14, "Bridge", "Joins them.")};
  second[0].merged_stories = {2};
  ASSERT_TRUE(store->CommitBatch(second, {}, 1).ok());
  auto weak = store->SearchArticles("rally", 10).value();
  ASSERT_EQ(weak.size(), 1u);
  EXPECT_EQ(weak[0].article_id, "weak");
  EXPECT_EQ(weak[0].story, 1);
}

TYPED_TEST_P(StoreContract, SearchKeepsABigStoryFromCrowdingOutTheOthers) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch;
  for (int i = 0; i < 6; ++i) {
    std::string id = "flood";
    id += std::to_string(i);
    batch.push_back(Written(id, 1, 10 + i, "Flood", "Flood waters rose; the flood closed roads."));
  }
  batch.push_back(
      Written("aside", 2, 20, "Council", "The council also discussed the flood briefly among many other items."));
  ASSERT_TRUE(store->CommitBatch(batch, {}, static_cast<int64_t>(batch.size())).ok());

  auto crowded = store->SearchArticles("flood", 4).value();
  ASSERT_EQ(crowded.size(), 4u);
  for (const ArticleMatch& m : crowded)
    EXPECT_EQ(m.story, 1) << "without a cap, the big story's matches fill the limit";

  auto capped = store->SearchArticles("flood", 4, 2).value();
  ASSERT_EQ(capped.size(), 3u) << "two of story 1, then story 2's only match";
  EXPECT_EQ(capped[0].story, 1);
  EXPECT_EQ(capped[1].story, 1);
  EXPECT_EQ(capped[2].article_id, "aside");
  EXPECT_EQ(store->SearchArticles("flood", 4, 0).status().code(), ErrorCode::kUsage);
}

TYPED_TEST_P(StoreContract, QueriesAreNeverFtsSyntax) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch = {Written("x", 1, 10, "Apples", "Apples only."),
                                      Written("y", 2, 11, "Oranges", "Oranges only.")};
  ASSERT_TRUE(store->CommitBatch(batch, {}, 2).ok());
  for (const std::string query : {R"("a" OR 1=1 --)",
                                  "NEAR(",
                                  "NEAR(apples oranges)",
                                  "\"",
                                  "\"apples",
                                  "*",
                                  "apples*",
                                  "title:apples",
                                  "{title}: apples",
                                  "apples AND",
                                  "(",
                                  ")",
                                  "-apples",
                                  "^apples",
                                  "'; DROP TABLE articles; --",
                                  "\\",
                                  "apples OR oranges",
                                  "apples NOT oranges",
                                  "\xff\xfe",
                                  "\u2014\u2026"}) {
    auto page = store->ListStoryPage(Query(query));
    ASSERT_TRUE(page.ok()) << query << ": " << page.status().message();
    auto listed = store->ListStories(Query(query));
    ASSERT_TRUE(listed.ok()) << query << ": " << listed.status().message();
    auto matches = store->SearchArticles(query, 10);
    ASSERT_TRUE(matches.ok()) << query << ": " << matches.status().message();
    EXPECT_LE(matches.value().size(), 1u) << query << ": nothing may match both articles";
  }
  // Operators are words: "apples OR oranges" needs the word "or", which neither article has.
  EXPECT_TRUE(store->SearchArticles("apples OR oranges", 10).value().empty());
  EXPECT_TRUE(store->SearchArticles(R"("a" OR 1=1 --)", 10).value().empty());
  EXPECT_EQ(MatchIds(store->SearchArticles("title:apples", 10).value()), std::vector<std::string>{})
      << "no column filter: needs the word \"title\"";
  EXPECT_EQ(MatchIds(store->SearchArticles("\"apples", 10).value()), (std::vector<std::string>{"x"}));
  EXPECT_EQ(MatchIds(store->SearchArticles("NEAR(apples", 10).value()), std::vector<std::string>{});
  EXPECT_EQ(store->ArticleCount().value(), 2) << "still there";
}

TYPED_TEST_P(StoreContract, SummariesNameTheirSourcesAndDailyActivity) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch = {Article("a", 1, 10, "Zeta"),  Article("b", 1, 10, "Alpha"),
                                      Article("c", 1, 12, "Alpha"), Article("d", 1, -1, "Mu"),
                                      Article("e", 1, 12, "beta"),  Article("f", 2, -1, "Solo")};
  batch.push_back(Article("g", 1, 12));
  batch.back().raw.source.reset();
  batch.back().raw.published_at = int64_t{12} * 86400 + 86399;  // the last second of the day
  ASSERT_TRUE(store->CommitBatch(batch, {}, 7).ok());

  const std::vector<std::string> sources = {"Alpha", "Mu", "Zeta", "beta"};
  const std::vector<std::pair<std::string, int>> activity = {{"1970-01-11", 2}, {"1970-01-13", 3}};
  auto check = [&](const StorySummary& s, const std::string& where) {
    if (s.id == 1) {
      EXPECT_EQ(s.source_names, sources) << where;
      EXPECT_EQ(s.sources, 4) << where;
      EXPECT_EQ(s.activity, activity) << where << ": undated and unsourced handled";
    } else {
      EXPECT_EQ(s.source_names, std::vector<std::string>{"Solo"}) << where;
      EXPECT_TRUE(s.activity.empty()) << where;
    }
  };
  for (const auto& s : store->ListStories({}).value()) check(s, "ListStories");
  for (const auto& s : store->ListStoryPage({}).value().stories) check(s, "ListStoryPage");
  check(store->GetStory(1).value(), "GetStory");
  check(store->GetStory(2).value(), "GetStory");
  EXPECT_EQ(store->ListStories({}).value().size(), 2u);
}

TYPED_TEST_P(StoreContract, CountsArticlesAndLiveStories) {
  auto store = this->OpenOrDie();
  EXPECT_EQ(store->ArticleCount().value(), 0);
  EXPECT_EQ(store->StoryCount().value(), 0);
  std::vector<StoredArticle> first = {Article("a", 1, 1), Article("b", 2, 2), Article("c", 2, 3)};
  ASSERT_TRUE(store->CommitBatch(first, {}, 3).ok());
  EXPECT_EQ(store->ArticleCount().value(), 3);
  EXPECT_EQ(store->StoryCount().value(), 2);
  std::vector<StoredArticle> second = {Article("d", 1, 4)};
  second[0].merged_stories = {2};
  ASSERT_TRUE(store->CommitBatch(second, {}, 1).ok());
  EXPECT_EQ(store->ArticleCount().value(), 4);
  EXPECT_EQ(store->StoryCount().value(), 1) << "story 2 was merged away";
}

// A store's own check finds nothing wrong in what it wrote, copy take-overs and merges included.
TYPED_TEST_P(StoreContract, WhatTheStoreWroteIsWhole) {
  auto store = this->OpenOrDie();
  StoredArticle copy = Article("c", 1, 12);
  copy.copy_of = "a";
  copy.relation = copies::CopyKind::kNear;
  copy.copy_score = 0.9;
  std::vector<StoredArticle> first = {Article("a", 1, 10), Article("b", 2, 11), copy};
  ASSERT_TRUE(store->CommitBatch(first, {{"x", 3}}, 3).ok());
  // "early", published before "a", takes the family over: "a" becomes its copy, "c" points at it.
  StoredArticle early = Article("early", 1, 9);
  early.copy_updates = {copies::CopyUpdate{"a", "early", copies::CopyKind::kNear, 0.95},
                        copies::CopyUpdate{"c", "early", copies::CopyKind::kNone, 0}};
  StoredArticle bridge = Article("bridge", 1, 13);
  bridge.merged_stories = {2};
  std::vector<StoredArticle> second = {early, bridge};
  ASSERT_TRUE(store->CommitBatch(second, {}, 2).ok());
  auto report = store->CheckInvariants();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_TRUE(report.value().ok()) << (report.value().violations.empty() ? "" : report.value().violations[0]);
  EXPECT_EQ(report.value().articles, 5);
  EXPECT_EQ(report.value().stories, 1);
  EXPECT_EQ(report.value().copies, 2);
  EXPECT_EQ(store->GetArticle("a").value()->copy_of, "early");
  EXPECT_EQ(store->GetArticle("a").value()->relation, copies::CopyKind::kNear);
  EXPECT_EQ(store->GetArticle("c").value()->copy_of, "early");
  EXPECT_EQ(store->GetArticle("c").value()->relation, copies::CopyKind::kNear)
      << "a re-pointed copy keeps its relation";
  EXPECT_EQ(store->GetStory(1).value().copies, 2);
  EXPECT_EQ(Ids(store->CopyFamilyArticles().value()), (std::vector<std::string>{"early", "a", "c"}))
      << "the original first, then its copies in publication order";
  EXPECT_FALSE(store->GetArticle("missing").value());
}

// Every field of an article comes back as it was stored.
TYPED_TEST_P(StoreContract, EveryFieldRoundTrips) {
  auto store = this->OpenOrDie();
  StoredArticle a = Article("a1", 1, 100);
  a.raw.url = "https://example.org/a1";
  a.raw.published = "1970-04-11";
  a.raw.place = "SEOUL, South Korea";
  a.raw.bullets = {"first \"bullet\"", "second\nline", "\u00e9t\u00e9"};
  std::vector<StoredArticle> batch = {a};
  ASSERT_TRUE(store->CommitBatch(batch, {{"seoul", 1}}, 1).ok());
  auto got = store->GetArticle("a1").value();
  ASSERT_TRUE(got);
  EXPECT_EQ(got->sequence, batch[0].sequence);
  EXPECT_EQ(got->raw.source, a.raw.source);
  EXPECT_EQ(got->raw.url, a.raw.url);
  EXPECT_EQ(got->raw.title, a.raw.title);
  EXPECT_EQ(got->raw.published, a.raw.published);
  EXPECT_EQ(got->raw.published_at, a.raw.published_at);
  EXPECT_EQ(got->raw.place, a.raw.place);
  EXPECT_EQ(got->raw.bullets, a.raw.bullets);
  EXPECT_EQ(got->raw.text, a.raw.text);
  EXPECT_EQ(got->raw.verbatim, a.raw.verbatim);
  EXPECT_EQ(got->raw.origin, a.raw.origin);
  EXPECT_EQ(got->exact_hash, a.exact_hash);
  EXPECT_EQ(got->minhash, a.minhash);
  EXPECT_EQ(got->story, 1);
  EXPECT_EQ(store->NewestPublished().value(), a.raw.published_at);
}

TYPED_TEST_P(StoreContract, RefingerprintReplacesSignaturesAndSettings) {
  auto store = this->OpenOrDie();
  std::vector<StoredArticle> batch = {Article("a", 1, 1), Article("bb", 1, 2)};
  ASSERT_TRUE(store->CommitBatch(batch, {}, 2).ok());
  FingerprintSettings next = kSettings;
  next.version = 2;
  next.permutations = 2;
  ASSERT_TRUE(store
                  ->Refingerprint(next,
                                  [](const RawArticle& raw, uint64_t* hash, std::vector<uint32_t>* minhash) {
                                    *hash = raw.id.size();
                                    *minhash = {7, 8};
                                  })
                  .ok());
  store.reset();
  store = this->OpenOrDie();  // what a backend that persists wrote, read back
  EXPECT_EQ(store->StoredFingerprintSettings(), next);
  EXPECT_EQ(store->GetArticle("bb").value()->minhash, (std::vector<uint32_t>{7, 8}));
  EXPECT_EQ(Ids(store->FindByExactHash(2).value()), std::vector<std::string>{"bb"}) << "looked up by the new hash";
  EXPECT_TRUE(store->FindByExactHash(batch[0].exact_hash).value().empty());
}

// Issue 15: one headline per story, chosen by core/digest/headline.h and kept as articles join.
TYPED_TEST_P(StoreContract, TheHeadlineFollowsTheRuleAsArticlesJoin) {
  auto store = this->OpenOrDie();
  const std::string flood =
      "The Ember River burst its levee on Monday and flooded the town of Tarnwick. Hundreds of residents "
      "left their homes as the water rose.";
  std::vector<StoredArticle> first = {Written("f1", 1, 10, "Share", flood)};
  ASSERT_TRUE(store->CommitBatch(first, {}, 1).ok());
  EXPECT_EQ(store->GetStory(1).value().headline,
            "The Ember River burst its levee on Monday and flooded the town of Tarnwick.")
      << "no usable title: the lead";
  std::vector<StoredArticle> second = {Written("f2", 1, 11, "Ember River floods Tarnwick after levee breach", flood)};
  ASSERT_TRUE(store->CommitBatch(second, {}, 1).ok());
  EXPECT_EQ(store->GetStory(1).value().headline, "Ember River floods Tarnwick after levee breach");
  std::vector<StoredArticle> third = {Written("f3", 1, 12, "POPULAR", flood)};
  ASSERT_TRUE(store->CommitBatch(third, {}, 1).ok());
  EXPECT_EQ(store->GetStory(1).value().headline, "Ember River floods Tarnwick after levee breach");
}

REGISTER_TYPED_TEST_SUITE_P(StoreContract, RefingerprintReplacesSignaturesAndSettings,
                            TheHeadlineFollowsTheRuleAsArticlesJoin, ABatchWithAnAlreadyStoredIdStoresNothing,
                            DocumentFrequenciesAccumulateAcrossBatches, StoriesAreSummarisedAndListedByNewestActivity,
                            StoryFiltersSelectByDateAndLimit, LooksUpByIdHashAndTimeWindow,
                            AMergeMovesMembersAndOldIdsStillFindTheStory, StorylinesAreKeptPerStoryAndFollowMerges,
                            CorrectionsMoveSplitAndMergeAndAreRecorded,
                            QueryFilterFindsStoriesByTitleOrTextWithStemming, SourceFilterIsAnExactMatchOnAnyMember,
                            DateFiltersCombineWithTheQuery, PagesVisitEveryStoryOnceInListOrderAcrossUndatedStories,
                            PageSizeDefaultsToTwentyAndMustBePositive,
                            SearchArticlesRanksSnippetsAndResolvesMergedStories,
                            SearchKeepsABigStoryFromCrowdingOutTheOthers, QueriesAreNeverFtsSyntax,
                            SummariesNameTheirSourcesAndDailyActivity, CountsArticlesAndLiveStories,
                            WhatTheStoreWroteIsWhole, EveryFieldRoundTrips);

}  // namespace
}  // namespace storydesk::store
