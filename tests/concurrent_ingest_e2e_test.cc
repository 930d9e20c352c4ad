// Issue 14, defect 2 through the binary: concurrent `ingest`s on one store wait for one
// another and end as if run one after the other; `storydesk check` finds them whole and names
// a corrupted file. Articles come from `storydesk synth` (our own generated text).
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "adapters/store/writer_lock.h"
#include "cli_runner.h"

namespace storydesk::testing {
namespace {

const std::filesystem::path kSource = STORYDESK_SOURCE_DIR;

// Shell-quotes a path (appended piecewise: g++ 12 misreads `"'" + string` as an overlap).
std::string Q(const std::filesystem::path& p) {
  std::string quoted = "'";
  quoted += p.string();
  quoted += "'";
  return quoted;
}

// `n` generated articles, about one a minute (ids syn000000000, syn000000001, ... in
// publication order).
std::vector<std::string> GeneratedLines(int n) {
  TempDir tmp;
  const auto out = tmp.path() / "stream.jsonl";
  const std::string cmd = "'" + Binary() + "' synth --articles " + std::to_string(n) + " --days " +
                          std::to_string(std::max(1, n / 1440)) + " > " + Q(out);
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  std::vector<std::string> lines;
  std::istringstream in(ReadFile(out));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  EXPECT_EQ(lines.size(), static_cast<size_t>(n));
  return lines;
}

std::filesystem::path WriteLines(const TempDir& dir, const std::string& name, const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  return dir.Write(name, text);
}

// A `storydesk ARGS` running in the background, its output in files.
class Background {
 public:
  Background(const TempDir& dir, const std::string& name, const std::string& args)
      : out_(dir.path() / (name + ".out")), err_(dir.path() / (name + ".err")) {
    const std::string cmd = "exec '" + Binary() + "' " + args + " >" + Q(out_) + " 2>" + Q(err_);
    pid_ = fork();
    if (pid_ == 0) {
      execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  // Waits for the exit; the exit code (-1 when killed).
  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string Out() const { return ReadFile(out_); }
  std::string Err() const { return ReadFile(err_); }

 private:
  std::filesystem::path out_, err_;
  pid_t pid_ = -1;
};

// Waits up to ~20 s until `path` holds `text`.
bool WaitForText(const std::filesystem::path& path, const std::string& text) {
  for (int i = 0; i < 2000; ++i) {
    if (ReadFile(path).find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::string Export(const std::filesystem::path& db) {
  const CommandResult r = RunStorydesk("--db " + Q(db) + " export");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

void ExpectWhole(const std::filesystem::path& db) {
  const CommandResult r = RunStorydesk("--db " + Q(db) + " check");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("; ok"), std::string::npos) << r.out;
}

TEST(ConcurrentIngestTest, Issue14Defect2_DisjointIngestsGroupAsIfRunOneAfterTheOther) {
  const std::vector<std::string> lines = GeneratedLines(600);
  std::vector<std::string> even, odd;  // two feeds of the same days
  for (size_t i = 0; i < lines.size(); ++i) (i % 2 == 0 ? even : odd).push_back(lines[i]);
  TempDir dir;
  const auto set1 = WriteLines(dir, "set1.jsonl", even);
  const auto set2 = WriteLines(dir, "set2.jsonl", odd);
  const auto db = dir.path() / "s.db";
  ASSERT_EQ(RunStorydesk("--db " + Q(db) + " stories").exit_code, 0);  // the file exists

  // Both start while a third writer holds the lock, so both really run at once and wait.
  auto held = store::WriterLock::Acquire(db.string());
  ASSERT_TRUE(held.ok()) << held.status().message();
  Background first(dir, "first", "--db " + Q(db) + " ingest " + Q(set1));
  Background second(dir, "second", "--db " + Q(db) + " ingest " + Q(set2));
  ASSERT_TRUE(WaitForText(dir.path() / "first.err", "storydesk: waiting for another writer on " + db.string()));
  ASSERT_TRUE(WaitForText(dir.path() / "second.err", "storydesk: waiting for another writer on " + db.string()));
  { store::WriterLock release = std::move(held).value(); }
  EXPECT_EQ(first.Wait(), 0) << first.Err();
  EXPECT_EQ(second.Wait(), 0) << second.Err();
  EXPECT_NE(first.Out().find("new 300,"), std::string::npos) << first.Out();
  EXPECT_NE(second.Out().find("new 300,"), std::string::npos) << second.Out();
  ExpectWhole(db);

  // The order they ran in is the store's sequence: the first line exported is the first run's.
  const std::string concurrent = Export(db);
  const auto first_id = JsonLines(concurrent).front()["id"].get<std::string>();
  const bool even_first = std::stoi(first_id.substr(3)) % 2 == 0;
  const auto serial_db = dir.path() / "serial.db";
  for (const auto& set : even_first ? std::vector{set1, set2} : std::vector{set2, set1}) {
    ASSERT_EQ(RunStorydesk("--db " + Q(serial_db) + " ingest " + Q(set)).exit_code, 0);
  }
  EXPECT_EQ(concurrent, Export(serial_db)) << "same stories, ids, copies and order as one after the other";
}

TEST(ConcurrentIngestTest, Issue14Defect2_OverlappingIngestsStoreEachArticleOnceAndBothSucceed) {
  const std::vector<std::string> lines = GeneratedLines(400);
  TempDir dir;
  const auto set1 = WriteLines(dir, "set1.jsonl", std::vector<std::string>(lines.begin(), lines.begin() + 300));
  const auto set2 = WriteLines(dir, "set2.jsonl", std::vector<std::string>(lines.begin() + 100, lines.end()));
  const auto db = dir.path() / "s.db";
  Background first(dir, "first", "--db " + Q(db) + " ingest " + Q(set1));
  Background second(dir, "second", "--db " + Q(db) + " ingest " + Q(set2));
  EXPECT_EQ(first.Wait(), 0) << first.Err();
  EXPECT_EQ(second.Wait(), 0) << second.Err();
  // Whichever ran second found the 200 shared articles stored.
  const std::string outs = first.Out() + second.Out();
  EXPECT_NE(outs.find("duplicates 200,"), std::string::npos) << outs;
  const auto exported = JsonLines(Export(db));
  std::set<std::string> ids;
  for (const auto& j : exported) ids.insert(j["id"].get<std::string>());
  EXPECT_EQ(exported.size(), 400u);
  EXPECT_EQ(ids.size(), 400u);
  ExpectWhole(db);
}

TEST(CheckCommandTest, AnIngestedStoreIsWholeAndACorruptedOneIsNot) {
  TempDir dir;
  const auto db = dir.path() / "s.db";
  ASSERT_EQ(RunStorydesk("--db " + Q(db) + " ingest " + Q(kSource / "examples")).exit_code, 0);
  ExpectWhole(db);

  // A story summary that lies and an article in no story: one line each, exit 1.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "UPDATE stories SET article_count = article_count + 1 WHERE id = 1; "
                         "DELETE FROM memberships WHERE article_id = (SELECT min(id) FROM articles)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  CommandResult r = RunStorydesk("--db " + Q(db) + " check");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("is in no story"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("story 1 summary says"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("violations"), std::string::npos) << r.out;
}

TEST(CheckCommandTest, DamagedPagesAreReportedNotCrashedOn) {
  TempDir dir;
  const auto db = dir.path() / "s.db";
  ASSERT_EQ(RunStorydesk("--db " + Q(db) + " ingest " + Q(kSource / "examples")).exit_code, 0);
  const auto size = std::filesystem::file_size(db);
  ASSERT_GT(size, 8 * 4096u);
  // Overwrite pages 5 to 7 (the schema's first page and the header stay intact).
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(std::streamoff{4} * 4096);
    const std::string garbage(size_t{3} * 4096, '\x5a');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const CommandResult r = RunStorydesk("--db " + Q(db) + " check");
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 3) << r.exit_code;
  EXPECT_FALSE(r.out.empty() && r.err.empty());
}

TEST(CheckCommandTest, AMissingDatabaseIsAStoreErrorAndIsNotCreated) {
  TempDir dir;
  const auto db = dir.path() / "none.db";
  const CommandResult r = RunStorydesk("--db " + Q(db) + " check");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no such database"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db));
}

}  // namespace
}  // namespace storydesk::testing
