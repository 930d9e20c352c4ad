// Whole-pipeline tests: the binary on examples/, on ../shared/seeds and on bad input.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_runner.h"

namespace storydesk::testing {
namespace {

const std::filesystem::path kSource = STORYDESK_SOURCE_DIR;
const std::filesystem::path kShared = STORYDESK_SHARED_DIR;

// Groups of ids, as a canonical set of sets, from lines with an id and a story field.
std::set<std::set<std::string>> Partition(const std::vector<nlohmann::json>& lines) {
  std::map<std::string, std::set<std::string>> groups;
  for (const auto& j : lines) groups[j["story"].dump()].insert(j["id"].get<std::string>());
  std::set<std::set<std::string>> result;
  for (auto& [story, ids] : groups) result.insert(ids);
  return result;
}

std::map<std::string, nlohmann::json> ById(const std::vector<nlohmann::json>& lines) {
  std::map<std::string, nlohmann::json> m;
  for (const auto& j : lines) m[j["id"].get<std::string>()] = j;
  return m;
}

TEST(ExamplesGoldenTest, ClusterGroupsExamplesAsExpected) {
  const auto expected = JsonLines(ReadFile(kSource / "tests/golden/examples_expected.jsonl"));
  ASSERT_GE(expected.size(), 30u);
  const CommandResult r = RunStorydesk("cluster " + Quote(kSource / "examples"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto got = JsonLines(r.out);
  ASSERT_EQ(got.size(), expected.size());
  EXPECT_EQ(Partition(got), Partition(expected));
  const auto got_by_id = ById(got);
  for (const auto& e : expected) {
    const std::string id = e["id"];
    ASSERT_TRUE(got_by_id.count(id)) << id;
    EXPECT_EQ(got_by_id.at(id)["copy_of"], e["copy_of"]) << id;
    EXPECT_EQ(got_by_id.at(id)["relation"], e["relation"]) << id;
  }
}

TEST(IngestTest, IngestStoresWhatClusterComputesAndIsIdempotent) {
  TempDir tmp;
  const auto db = tmp.path() / "s.db";
  const CommandResult first = RunStorydesk("--db " + Quote(db) + " ingest " + Quote(kSource / "examples"));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("duplicates 0, rejected 0"), std::string::npos) << first.out;

  const CommandResult exported = RunStorydesk("--db " + Quote(db) + " export");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const CommandResult clustered = RunStorydesk("cluster " + Quote(kSource / "examples"));
  EXPECT_EQ(Partition(JsonLines(exported.out)), Partition(JsonLines(clustered.out)));

  const CommandResult again = RunStorydesk("--db " + Quote(db) + " ingest " + Quote(kSource / "examples"));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("new 0,"), std::string::npos) << again.out;
  const CommandResult exported_again = RunStorydesk("--db " + Quote(db) + " export");
  EXPECT_EQ(exported_again.out, exported.out);
}

// Issue 19: analyst corrections from the command line — a split on the examples' ferry story
// (the original takes its exact copy along), recorded, kept by a second ingest of the same
// input, and refusals that name what is wrong.
TEST(IngestTest, CorrectionsAreMadeRecordedAndKept) {
  TempDir tmp;
  const auto db = tmp.path() / "s.db";
  const std::string with_db = "--db " + Quote(db) + " ";
  ASSERT_EQ(RunStorydesk(with_db + "ingest --events " + Quote(kSource / "examples")).exit_code, 0);
  std::map<std::string, nlohmann::json> before;
  for (const auto& j : JsonLines(RunStorydesk(with_db + "export").out)) before[j["id"]] = j;
  ASSERT_TRUE(before.contains("np-0101") && before.contains("nl-0001"));
  ASSERT_EQ(before["nl-0001"]["copy_of"], "np-0101") << "the examples' exact copy";
  const int64_t ferry = before["np-0101"]["story"];

  const CommandResult split =
      RunStorydesk(with_db + "split " + std::to_string(ferry) + " np-0101 --by desk --note 'the inquiry'");
  ASSERT_EQ(split.exit_code, 0) << split.err;
  EXPECT_NE(split.out.find("split 2 articles (np-0101, nl-0001) off story " + std::to_string(ferry)), std::string::npos)
      << split.out;
  const auto listed = JsonLines(RunStorydesk(with_db + "corrections --format json").out);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["kind"], "split");
  EXPECT_EQ(listed[0]["by"], "desk");
  const int64_t fresh = listed[0]["into"];
  EXPECT_EQ(listed[0]["storyline"], before["np-0101"]["storyline"]) << "the new event stays in its storyline";

  ASSERT_EQ(RunStorydesk(with_db + "ingest " + Quote(kSource / "examples")).exit_code, 0);
  for (const auto& j : JsonLines(RunStorydesk(with_db + "export").out)) {
    const std::string id = j["id"];
    const int64_t expected = id == "np-0101" || id == "nl-0001" ? fresh : before[id]["story"].get<int64_t>();
    EXPECT_EQ(j["story"], expected) << id;
  }
  EXPECT_EQ(RunStorydesk(with_db + "check").exit_code, 0);

  const CommandResult unknown = RunStorydesk(with_db + "move no-such-article --to " + std::to_string(ferry));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "storydesk: no article 'no-such-article'\n");
  const CommandResult whole = RunStorydesk(with_db + "split " + std::to_string(fresh) + " np-0101");
  EXPECT_EQ(whole.exit_code, 2);
  EXPECT_NE(whole.err.find("nothing to split off"), std::string::npos) << whole.err;
  EXPECT_EQ(JsonLines(RunStorydesk(with_db + "corrections --format json").out).size(), 1u);
}

// Issue 19: two levels. Ingested with --events, every story is an event of one storyline; the
// store is then always ingested so; `cluster --events` prints what ingest stores; the
// storylines list and show their events.
TEST(IngestTest, EventsAndStorylinesAreStoredListedAndShown) {
  TempDir tmp;
  const auto db = tmp.path() / "s.db";
  const CommandResult first = RunStorydesk("--db " + Quote(db) + " ingest --events " + Quote(kSource / "examples"));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const CommandResult exported = RunStorydesk("--db " + Quote(db) + " export");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const CommandResult clustered = RunStorydesk("cluster --events " + Quote(kSource / "examples"));
  EXPECT_EQ(ById(JsonLines(exported.out)), ById(JsonLines(clustered.out)));
  std::map<std::string, int64_t> storyline_of_story;
  for (const auto& j : JsonLines(exported.out)) {
    ASSERT_TRUE(j.contains("storyline")) << j.dump();
    const auto [it, fresh] = storyline_of_story.emplace(j["story"].dump(), j["storyline"].get<int64_t>());
    EXPECT_EQ(it->second, j["storyline"].get<int64_t>()) << "an event split across storylines: " << j.dump();
  }

  const CommandResult listed = RunStorydesk("--db " + Quote(db) + " stories --level storylines --json");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const nlohmann::json lines = nlohmann::json::parse(listed.out);
  size_t events = 0;
  int64_t longest = 0, most = 0;
  for (const auto& line : lines) {
    events += line["timeline"].size();
    if (line["timeline"].size() > static_cast<size_t>(most)) {
      most = static_cast<int64_t>(line["timeline"].size());
      longest = line["id"].get<int64_t>();
    }
  }
  EXPECT_EQ(events, storyline_of_story.size()) << "every event listed once";
  EXPECT_GE(most, 2) << "our examples hold matters followed over days";

  const CommandResult shown = RunStorydesk("--db " + Quote(db) + " show --storyline " + std::to_string(longest));
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find(std::to_string(most) + " events"), std::string::npos) << shown.out;
  const CommandResult missing = RunStorydesk("--db " + Quote(db) + " show --storyline 9999");
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("no storyline 9999"), std::string::npos) << missing.err;

  // A later ingest without --events keeps the store at two levels.
  const auto later_input = tmp.path() / "later.jsonl";
  {
    std::ofstream out(later_input);
    out << R"({"id":"later-1","source":"Test Wire","published":"2025-03-15","title":"Rovers FC fans welcome new owner",)"
        << R"("text":"Supporters of Rovers FC gathered on Saturday to welcome Aldo Mercer, whose group completed )"
        << R"(the purchase of the club this week. Mercer promised to keep the club at its stadium."})" << '\n';
  }
  const CommandResult later = RunStorydesk("--db " + Quote(db) + " ingest " + Quote(later_input));
  ASSERT_EQ(later.exit_code, 0) << later.err;
  for (const auto& j : JsonLines(RunStorydesk("--db " + Quote(db) + " export").out)) {
    EXPECT_TRUE(j.contains("storyline")) << j.dump();
  }
}

// One pipeline (issue 16): `cluster` is an ingest into a store kept in memory, so on a real set
// it prints exactly what `ingest` stores — every story id and copy relation, not only the
// same partition.
TEST(IngestTest, ClusterPrintsExactlyWhatIngestStores) {
  const auto input = kShared / "data/allsides-dev/articles.jsonl";
  if (!std::filesystem::exists(input)) GTEST_SKIP() << "no " << input << ": the data sets are not beside the repo";
  TempDir tmp;
  const auto db = tmp.path() / "s.db";
  ASSERT_EQ(RunStorydesk("--db " + Quote(db) + " ingest " + Quote(input)).exit_code, 0);
  const auto stored = ById(JsonLines(RunStorydesk("--db " + Quote(db) + " export").out));
  const CommandResult clustered = RunStorydesk("cluster " + Quote(input));
  ASSERT_EQ(clustered.exit_code, 0) << clustered.err;
  const auto printed = ById(JsonLines(clustered.out));
  ASSERT_EQ(printed.size(), stored.size());
  size_t copies = 0;
  for (const auto& [id, line] : printed) {
    ASSERT_TRUE(stored.count(id)) << id;
    EXPECT_EQ(line["story"], stored.at(id)["story"]) << id;
    EXPECT_EQ(line["copy_of"], stored.at(id)["copy_of"]) << id;
    EXPECT_EQ(line["relation"], stored.at(id)["relation"]) << id;
    copies += line["copy_of"].is_null() ? 0 : 1;
  }
  EXPECT_GT(copies, 0u) << "the set has copies: their relations were compared too";
}

// One rule for a repeated id, in `cluster` as in `ingest`: the same record again is the same
// article (counted once, not an error); the same id with another text is rejected.
TEST(IngestTest, ClusterAndIngestTreatARepeatedIdAlike) {
  TempDir tmp;
  const auto input = tmp.Write("in.jsonl",
                               "{\"id\": \"x\", \"text\": \"The first text of x, about a flood in Tarnwick.\"}\n"
                               "{\"id\": \"y\", \"text\": \"Another story, about an election in Ember.\"}\n"
                               "{\"id\": \"x\", \"text\": \"The first text of x, about a flood in Tarnwick.\"}\n");
  const CommandResult clustered = RunStorydesk("cluster " + Quote(input));
  EXPECT_EQ(clustered.exit_code, 0) << clustered.err;
  EXPECT_EQ(JsonLines(clustered.out).size(), 2u) << clustered.out;
  EXPECT_NE(clustered.err.find("counted once"), std::string::npos) << clustered.err;
  const auto db = tmp.path() / "s.db";
  const CommandResult ingested = RunStorydesk("--db " + Quote(db) + " ingest " + Quote(input));
  EXPECT_EQ(ingested.exit_code, 0) << ingested.err;
  EXPECT_EQ(JsonLines(RunStorydesk("--db " + Quote(db) + " export").out).size(), 2u);

  const auto clash = tmp.Write("clash.jsonl",
                               "{\"id\": \"x\", \"text\": \"The first text of x.\"}\n"
                               "{\"id\": \"x\", \"text\": \"A different text of x.\"}\n");
  const CommandResult rejected = RunStorydesk("cluster " + Quote(clash));
  EXPECT_EQ(rejected.exit_code, 1);
  EXPECT_NE(rejected.err.find("already used"), std::string::npos) << rejected.err;
  EXPECT_EQ(JsonLines(rejected.out).size(), 1u);
  const CommandResult rejected_by_ingest =
      RunStorydesk("--db " + Quote(tmp.path() / "t.db") + " ingest " + Quote(clash));
  EXPECT_EQ(rejected_by_ingest.exit_code, 1);
  EXPECT_NE(rejected_by_ingest.err.find("already used"), std::string::npos) << rejected_by_ingest.err;
}

TEST(IngestTest, IncrementalIngestContinuesStories) {
  TempDir tmp;
  const auto db = tmp.path() / "s.db";
  // Articles split across two runs still land in the stories one run would make.
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(kSource / "examples/text")) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 4u);
  std::string first_half, second_half;
  for (size_t i = 0; i < files.size(); ++i) (i % 2 == 0 ? first_half : second_half) += " " + Quote(files[i]);
  ASSERT_EQ(RunStorydesk("--db " + Quote(db) + " ingest" + first_half).exit_code, 0);
  ASSERT_EQ(RunStorydesk("--db " + Quote(db) + " ingest" + second_half).exit_code, 0);
  const auto exported = JsonLines(RunStorydesk("--db " + Quote(db) + " export").out);
  std::string all;
  for (const auto& f : files) all += " " + Quote(f);
  const auto clustered = JsonLines(RunStorydesk("cluster" + all).out);
  EXPECT_EQ(exported.size(), files.size());
  EXPECT_EQ(Partition(exported), Partition(clustered));
}

TEST(SeedsTest, BothSeedArticlesFormOneStoryAndAreNotCopies) {
  const auto seeds = kShared / "seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds << ": the seed articles are not beside the repo";
  const CommandResult r = RunStorydesk("cluster " + Quote(seeds));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["story"], lines[1]["story"]);
  EXPECT_TRUE(lines[0]["relation"].is_null());
  EXPECT_TRUE(lines[1]["relation"].is_null());
}

TEST(SeedsTest, ShowReportsApAsTheSourceOfSeed002) {
  const auto seeds = kShared / "seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds << ": the seed articles are not beside the repo";
  TempDir tmp;
  const auto db = tmp.path() / "s.db";
  ASSERT_EQ(RunStorydesk("--db " + Quote(db) + " ingest " + Quote(seeds)).exit_code, 0);
  const CommandResult stories = RunStorydesk("--db " + Quote(db) + " stories --json");
  ASSERT_EQ(stories.exit_code, 0) << stories.err;
  const auto list = nlohmann::json::parse(stories.out);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["articles"], 2);
  const CommandResult show = RunStorydesk("--db " + Quote(db) + " show " + list[0]["id"].dump() + " --format json");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const auto story = nlohmann::json::parse(show.out);
  std::map<std::string, nlohmann::json> sources;
  for (const auto& a : story["articles"]) sources[a["id"]] = a["source"];
  EXPECT_EQ(sources["002_afa42ac42fd70cc7"], "AP");
}

// Every kind of bad input: one line each on stderr naming file and line, the good articles
// still stored, exit code 1.
TEST(BadInputTest, EachBadInputIsReportedAndTheRestIsStored) {
  TempDir tmp;
  const auto in = tmp.path() / "in";
  const std::string good = " date 2031-03-02\n\nA quiet headline\n\nThe harbour reopened on Monday after repairs.\n";
  tmp.Write("in/a_good.txt", good);
  tmp.Write("in/b_bad_utf8.txt", " date 2031-03-02\n\nBroken \xC3\x28 bytes here.\n");
  tmp.Write("in/c_binary.txt", std::string("\x7f"
                                           "ELF\0\0\0\1\2\3",
                                           10));
  tmp.Write("in/d_empty.txt", "");
  tmp.Write("in/e_huge.txt", " date 2031-03-02\n\n" + std::string(size_t{11} * 1024 * 1024, 'a') + "\n");
  tmp.Write("in/f_bad_date.txt", " date 2031-02-30\n\nSome text.\n");
  tmp.Write("in/g_feed.jsonl",
            "{\"id\": \"j1\", \"text\": \"A good line about the tram vote.\", \"published\": \"2031-03-03\"}\n"
            "{\"id\": \"j2\", \"text\": \"unterminated\n"
            "{\"id\": \"j3\", \"text\": \"Bad date.\", \"published\": \"yesterday\"}\n"
            "{\"id\": \"j4\", \"text\": \"Another good line.\", \"published\": \"2031-03-04T10:00:00+02:00\"}\n");
  const auto db = tmp.path() / "s.db";
  const CommandResult r = RunStorydesk("--db " + Quote(db) + " ingest " + Quote(in));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  std::istringstream err(r.err);
  std::vector<std::string> lines;
  for (std::string l; std::getline(err, l);) lines.push_back(l);
  ASSERT_EQ(lines.size(), 7u) << r.err;
  const std::vector<std::string> expected_prefixes = {
      "storydesk: " + (in / "b_bad_utf8.txt").string() + ":3: ",
      "storydesk: " + (in / "c_binary.txt").string() + ":",
      "storydesk: " + (in / "d_empty.txt").string() + ":",
      "storydesk: " + (in / "e_huge.txt").string() + ":",
      "storydesk: " + (in / "f_bad_date.txt").string() + ":1: ",
      "storydesk: " + (in / "g_feed.jsonl").string() + ":2: ",
      "storydesk: " + (in / "g_feed.jsonl").string() + ":3: ",
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].rfind(expected_prefixes[i], 0), 0u) << lines[i];
  }
  EXPECT_NE(r.out.find("read 10, new 3, duplicates 0, rejected 7"), std::string::npos) << r.out;
  const auto stored = ById(JsonLines(RunStorydesk("--db " + Quote(db) + " export").out));
  EXPECT_EQ(stored.size(), 3u);
  EXPECT_TRUE(stored.count("a_good"));
  EXPECT_TRUE(stored.count("j1"));
  EXPECT_TRUE(stored.count("j4"));
}

TEST(BadInputTest, SameIdWithDifferentTextIsRejected) {
  TempDir tmp;
  const auto db = tmp.path() / "s.db";
  const auto a = tmp.Write("a.jsonl", "{\"id\": \"x\", \"text\": \"The first text of x.\"}\n");
  const auto b = tmp.Write("b.jsonl", "{\"id\": \"x\", \"text\": \"A different text of x.\"}\n");
  ASSERT_EQ(RunStorydesk("--db " + Quote(db) + " ingest " + Quote(a)).exit_code, 0);
  const CommandResult r = RunStorydesk("--db " + Quote(db) + " ingest " + Quote(b));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("already used"), std::string::npos) << r.err;
}

TEST(CliTest, ExitCodesFollowTheContract) {
  TempDir tmp;
  EXPECT_EQ(RunStorydesk("no-such-verb").exit_code, 2);
  EXPECT_EQ(RunStorydesk("stories --limit -3").exit_code, 2);
  const auto db = tmp.path() / "s.db";
  EXPECT_EQ(RunStorydesk("--db " + Quote(db) + " show 999").exit_code, 2);
  const auto not_db = tmp.Write("not.db", "this is not a database, just some text that is long enough\n");
  EXPECT_EQ(RunStorydesk("--db " + Quote(not_db) + " stories").exit_code, 3);
  for (const char* verb : {"ingest", "stories", "show", "export", "cluster"}) {
    const CommandResult help = RunStorydesk(std::string(verb) + " --help");
    EXPECT_EQ(help.exit_code, 0) << verb;
    EXPECT_NE(help.out.find("Usage"), std::string::npos) << verb;
  }
}

TEST(CliTest, StdinIsReadWithDash) {
  TempDir tmp;
  const auto input = tmp.Write("in.jsonl", "{\"id\": \"s1\", \"text\": \"Read from standard input.\"}\n");
  const CommandResult r = RunStorydesk("cluster -", input.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(JsonLines(r.out).size(), 1u);
}

}  // namespace
}  // namespace storydesk::testing

namespace storydesk::testing {
namespace {

TEST(BackgroundModelTest, TrainDfWritesAModelThatClusterAndEvalRead) {
  TempDir tmp;
  const auto model = tmp.path() / "df.tsv";
  const CommandResult trained = RunStorydesk("train-df " + Quote(kSource / "examples") + " -o " + Quote(model));
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string text = ReadFile(model);
  EXPECT_EQ(text.rfind("# storydesk background document frequencies v1\n", 0), 0u) << text.substr(0, 200);
  // 44 articles, one exact and one near copy skipped.
  EXPECT_NE(text.find("\ndocuments\t42\n"), std::string::npos) << text.substr(0, 400);
  EXPECT_FALSE(std::filesystem::exists(model.string() + ".partial"));

  const CommandResult with_file =
      RunStorydesk("cluster --background " + Quote(model) + " " + Quote(kSource / "examples"));
  ASSERT_EQ(with_file.exit_code, 0) << with_file.err;
  EXPECT_EQ(JsonLines(with_file.out).size(), 44u);
  const CommandResult without = RunStorydesk("cluster --background none " + Quote(kSource / "examples"));
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_EQ(JsonLines(without.out).size(), 44u);
}

TEST(BackgroundModelTest, AMalformedModelIsAUsageErrorNamingFileAndLine) {
  TempDir tmp;
  const auto model = tmp.path() / "bad.tsv";
  std::ofstream(model) << "# storydesk background document frequencies v1\ndocuments\t3\nword\tlots\n";
  const CommandResult r = RunStorydesk("cluster --background " + Quote(model) + " " + Quote(kSource / "examples"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(model.string() + ": line 3:"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace storydesk::testing

namespace storydesk::testing {
namespace {

TEST(StoryModelCliTest, TrainWritesAModelThatClusterReads) {
  TempDir tmp;
  const auto model = tmp.path() / "model.tsv";
  const auto gold = kSource / "tests/golden/examples_expected.jsonl";
  const CommandResult trained =
      RunStorydesk("train --gold " + Quote(gold) + " " + Quote(kSource / "examples") + " -o " + Quote(model));
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string text = ReadFile(model);
  EXPECT_EQ(text.rfind("# storydesk story model v1\n", 0), 0u) << text.substr(0, 200);
  EXPECT_NE(text.find("\njoin\tbias="), std::string::npos) << text;
  EXPECT_NE(text.find("\nattach\tbias="), std::string::npos) << text;

  for (const std::string& choice : {Quote(model), std::string("fixed"), std::string("builtin")}) {
    const CommandResult r = RunStorydesk("cluster --model " + choice + " " + Quote(kSource / "examples"));
    ASSERT_EQ(r.exit_code, 0) << choice << ": " << r.err;
    EXPECT_EQ(JsonLines(r.out).size(), 44u) << choice;
  }
}

TEST(StoryModelCliTest, AMalformedModelIsAUsageErrorNamingFileAndLine) {
  TempDir tmp;
  const auto model = tmp.path() / "bad.tsv";
  std::ofstream(model) << "# storydesk story model v1\njoin\tbias=1\n";
  const CommandResult r = RunStorydesk("cluster --model " + Quote(model) + " " + Quote(kSource / "examples"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(model.string() + ": line 2: missing feature"), std::string::npos) << r.err;
}

TEST(EvalCliTest, ScoresAShuffledRunAsJson) {
  const auto gold = kSource / "tests/golden/examples_expected.jsonl";
  const CommandResult r =
      RunStorydesk("eval --json --shuffle 3 --gold " + Quote(gold) + " " + Quote(kSource / "examples"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto scores = nlohmann::json::parse(r.out);
  EXPECT_EQ(scores["items"], 44);
  EXPECT_EQ(scores["gold_stories"], 8);
  EXPECT_GT(scores["bcubed"]["f1"].get<double>(), 0.9);
}

}  // namespace
}  // namespace storydesk::testing
