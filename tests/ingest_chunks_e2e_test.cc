// Issue 16: `ingest` reads a long input a chunk at a time, so a stream of any length runs in
// bounded memory. A dated stream in publication order must be stored exactly as one pass would
// store it; undated articles are held back to the end, as one sorted pass would take them; and
// a store that fails part-way stops the reading (a stream may never end) and says what is
// stored. The input is `storydesk synth` (our own generated text).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "temp_dir.h"

namespace storydesk::testing {
namespace {

std::filesystem::path Synth(const TempDir& tmp, int articles, int days) {
  auto path = tmp.path() / "stream.jsonl";
  const CommandResult r = RunStorydesk("synth --articles " + std::to_string(articles) + " --days " +
                                       std::to_string(days) + " --output " + Quote(path));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return path;
}

std::string Export(const std::filesystem::path& db) {
  const CommandResult r = RunStorydesk("--db " + Quote(db) + " export");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

TEST(IngestChunksE2eTest, ADatedStreamInChunksIsStoredAsOnePass) {
  TempDir tmp;
  const auto stream = Synth(tmp, 1200, 3);
  const auto whole = tmp.path() / "whole.db", chunked = tmp.path() / "chunked.db";
  const CommandResult one = RunStorydesk("--db " + Quote(whole) + " ingest " + Quote(stream));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CommandResult many =
      RunStorydesk("--db " + Quote(chunked) + " ingest --chunk-articles 100 --log-commits " + Quote(stream));
  ASSERT_EQ(many.exit_code, 0) << many.err;
  EXPECT_EQ(one.out, many.out) << "the same summary line";
  EXPECT_EQ(Export(whole), Export(chunked));
  const CommandResult stories_one = RunStorydesk("--db " + Quote(whole) + " stories --json");
  const CommandResult stories_many = RunStorydesk("--db " + Quote(chunked) + " stories --json");
  EXPECT_EQ(stories_one.out, stories_many.out);
  // The commit lines count up over the chunks, the last one naming every article.
  EXPECT_NE(many.err.find("storydesk: committed 1200 of 1200 new articles"), std::string::npos) << many.err;
  EXPECT_EQ(RunStorydesk("--db " + Quote(chunked) + " check").exit_code, 0);
}

// Undated articles among dated ones are ingested after all of them: the summary is the same as
// for one pass, every article is stored once and the store is whole.
TEST(IngestChunksE2eTest, UndatedArticlesAreHeldBackToTheEnd) {
  TempDir tmp;
  const auto stream = Synth(tmp, 600, 2);
  std::ifstream in(stream);
  std::ostringstream mixed;
  int n = 0;
  for (std::string line; std::getline(in, line); ++n) {
    if (n % 7 == 3) {
      const size_t at = line.find("\"published\":\"");
      line.replace(at, line.find('"', at + 13) + 1 - at, "\"published\":null");
    }
    mixed << line << '\n';
  }
  const auto input = tmp.path() / "mixed.jsonl";
  std::ofstream(input) << mixed.str();
  const auto db = tmp.path() / "s.db";
  const CommandResult r = RunStorydesk("--db " + Quote(db) + " ingest --chunk-articles 50 " + Quote(input));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("read 600, new 600, duplicates 0, rejected 0,", 0), 0u) << r.out;
  EXPECT_EQ(RunStorydesk("--db " + Quote(db) + " check").exit_code, 0);
  // Again: everything is a duplicate, nothing new.
  const CommandResult again = RunStorydesk("--db " + Quote(db) + " ingest --chunk-articles 50 " + Quote(input));
  EXPECT_EQ(again.out.rfind("read 600, new 0, duplicates 600, rejected 0,", 0), 0u) << again.out;
}

}  // namespace
}  // namespace storydesk::testing
