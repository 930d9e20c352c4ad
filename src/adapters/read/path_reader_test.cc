#include "adapters/read/path_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/read/warc_testing.h"
#include "storydesk/article_id.h"

namespace storydesk::read {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system temp directory, removed with its contents at the end.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device random;
    path_ = fs::temp_directory_path() / ("storydesk_read_test_" + std::to_string(getpid()) + "_" +
                                         std::to_string(counter++) + "_" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& Path() const { return path_; }

  // Writes `content` to `relative` (creating directories) and returns the full path as a string.
  std::string Write(const std::string& relative, const std::string& content) const {
    const fs::path full = path_ / relative;
    fs::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary);
    out << content;
    return full.string();
  }
  std::string Str(const std::string& relative = "") const {
    return relative.empty() ? path_.string() : (path_ / relative).string();
  }

 private:
  fs::path path_;
};

// Everything the reader reported.
struct Collected {
  std::vector<RawArticle> articles;
  std::vector<ReadError> errors;
  std::vector<std::pair<uint64_t, uint64_t>> progress;  // bytes done, total
  std::vector<std::pair<uint64_t, uint64_t>> files;     // files done, total
  std::vector<std::string> notes;
  Status status;

  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const auto& a : articles) ids.push_back(a.id);
    return ids;
  }
  std::vector<std::string> Origins() const {
    std::vector<std::string> origins;
    for (const auto& a : articles) origins.push_back(a.origin);
    return origins;
  }
};

Collected Read(const std::vector<std::string>& paths, const std::string& stdin_content = "") {
  Collected c;
  std::istringstream in(stdin_content);
  ReadCallbacks callbacks;
  callbacks.on_article = [&c](RawArticle a) { c.articles.push_back(std::move(a)); };
  callbacks.on_error = [&c](const ReadError& e) { c.errors.push_back(e); };
  callbacks.on_progress = [&c](const ReadProgress& p) {
    c.progress.emplace_back(p.bytes_done, p.bytes_total);
    c.files.emplace_back(p.files_done, p.files_total);
  };
  callbacks.on_note = [&c](const std::string& file, const std::string& note) { c.notes.push_back(file + ": " + note); };
  c.status = ReadPaths(paths, in, callbacks);
  return c;
}

const std::string kGood = " date 2031-03-02\n\nA quiet headline\n\nThe harbour reopened on Monday after repairs.\n";
const std::string kGoodLine1 = R"({"id": "j1", "text": "A good line about the tram vote.", "published": "2031-03-03"})";
const std::string kGoodLine3 = R"({"id": "j3", "text": "Another good line."})";

// Expects exactly one error, in `file` at `line`, whose message starts with `message`.
void ExpectOneError(const Collected& c, const std::string& file, int64_t line, const std::string& message) {
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].file, file);
  EXPECT_EQ(c.errors[0].line, line);
  EXPECT_EQ(c.errors[0].message.rfind(message, 0), 0u) << c.errors[0].message;
  EXPECT_EQ(c.errors[0].message.find('\n'), std::string::npos);
}

TEST(ReadErrorTest, ToString) {
  EXPECT_EQ((ReadError{"in/a.jsonl", 7, "bad"}).ToString(), "in/a.jsonl:7: bad");
  EXPECT_EQ((ReadError{"in/a.txt", 0, "empty file"}).ToString(), "in/a.txt: empty file");
}

TEST(PathReaderTest, SeedFileGetsIdFromNameOriginAndVerbatim) {
  TempDir tmp;
  const std::string path = tmp.Write("000_03f42af68fe181a5.txt", kGood);
  const Collected c = Read({path});
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  ASSERT_EQ(c.articles.size(), 1u);
  const RawArticle& a = c.articles[0];
  EXPECT_EQ(a.id, "000_03f42af68fe181a5");
  EXPECT_EQ(a.origin, path + ":1");
  EXPECT_EQ(a.verbatim, kGood);
  EXPECT_EQ(a.title, "A quiet headline");
  EXPECT_EQ(a.text, "The harbour reopened on Monday after repairs.");
}

TEST(PathReaderTest, JsonLinesIdsOriginsAndVerbatim) {
  TempDir tmp;
  const std::string line2 = R"({"text": "No id here.", "title": "T"})";
  const std::string path = tmp.Write("feed.jsonl", kGoodLine1 + "\n\n   \n" + line2 + "\r\n" + kGoodLine3);
  const Collected c = Read({path});
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();  // blank lines are skipped silently
  ASSERT_EQ(c.articles.size(), 3u);
  RawArticle expected_derived;
  expected_derived.title = "T";
  expected_derived.text = "No id here.";
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1", DeriveArticleId(expected_derived), "j3"}));
  EXPECT_EQ(c.Origins(), (std::vector<std::string>{path + ":1", path + ":4", path + ":5"}));
  EXPECT_EQ(c.articles[0].verbatim, kGoodLine1);
  EXPECT_EQ(c.articles[1].verbatim, line2);  // without "\r\n"
  EXPECT_EQ(c.articles[2].verbatim, kGoodLine3);
}

// A caller that can store nothing more (its store failed) stops the reading: no record and no
// file after the stop is read, and reading ends ok.
TEST(PathReaderTest, StopEndsTheReadingAtTheNextRecordOrFile) {
  TempDir tmp;
  const std::string feed = tmp.Write(
      "a/feed.jsonl", kGoodLine1 + "\n" + kGoodLine3 + "\n" + R"({"id": "j4", "text": "Never read."})" + "\n");
  const std::string later = tmp.Write("b/seed.txt", kGood);
  std::vector<std::string> ids;
  ReadCallbacks callbacks;
  callbacks.on_article = [&ids](const RawArticle& a) { ids.push_back(a.id); };
  callbacks.stop = [&ids] { return ids.size() >= 2; };
  std::istringstream in;
  EXPECT_TRUE(ReadPaths({feed, later}, in, callbacks).ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"j1", "j3"}));
}

TEST(PathReaderTest, MissingPath) {
  TempDir tmp;
  const std::string missing = tmp.Str("nope.txt");
  const std::string good = tmp.Write("good.txt", kGood);
  const Collected c = Read({missing, good});
  ExpectOneError(c, missing, 0, "no such file or directory");
  EXPECT_EQ(c.errors[0].message, "no such file or directory");
  EXPECT_EQ(c.articles.size(), 1u);
  EXPECT_TRUE(c.status.ok());
}

// One test per kind of bad input: exactly one error, naming file and line, and the other
// records of the same input still delivered.

TEST(BadInputTest, InvalidUtf8InSeedFile) {
  TempDir tmp;
  tmp.Write("in/a_good.txt", kGood);
  const std::string bad = tmp.Write("in/b_bad_utf8.txt", " date 2031-03-02\n\nBroken \xC3\x28 bytes here.\n");
  tmp.Write("in/c_good.txt", kGood);
  const Collected c = Read({tmp.Str("in")});
  ExpectOneError(c, bad, 3, "invalid UTF-8 at column 8 (byte offset 25)");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a_good", "c_good"}));
}

TEST(BadInputTest, InvalidUtf8InJsonLine) {
  TempDir tmp;
  const std::string path =
      tmp.Write("feed.jsonl", kGoodLine1 + "\n{\"text\": \"bad \xFF here\"}\n" + kGoodLine3 + "\n");
  const Collected c = Read({path});
  ExpectOneError(c, path, 2, "invalid UTF-8 at column 15");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1", "j3"}));
}

TEST(BadInputTest, BinarySeedFile) {
  TempDir tmp;
  tmp.Write("in/a_good.txt", kGood);
  const std::string bad = tmp.Write("in/c_binary.txt", std::string("\x7f"
                                                                   "ELF\0\0\0\1\2\3",
                                                                   10));
  tmp.Write("in/d_good.txt", kGood);
  const Collected c = Read({tmp.Str("in")});
  ExpectOneError(c, bad, 0, "binary file (NUL byte at byte offset 4)");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a_good", "d_good"}));
}

TEST(BadInputTest, BinaryJsonLinesFileIsOneError) {
  TempDir tmp;
  std::string binary(
      "\x7f"
      "ELF\0\0\0\1\2\3\n",
      11);
  for (int i = 0; i < 50; ++i) binary += std::string("\0\1\2\n\3\4", 6);
  const std::string bad = tmp.Write("in/a.jsonl", binary);
  tmp.Write("in/b.jsonl", kGoodLine1 + "\n");
  const Collected c = Read({tmp.Str("in")});
  ExpectOneError(c, bad, 0, "binary file");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1"}));
}

TEST(BadInputTest, NulByteInLaterJsonLine) {
  TempDir tmp;
  const std::string path =
      tmp.Write("feed.jsonl", kGoodLine1 + "\n" + std::string("{\"text\": \"a\0b\"}", 15) + "\n" + kGoodLine3 + "\n");
  const Collected c = Read({path});
  ExpectOneError(c, path, 2, "binary data (NUL byte at column 12)");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1", "j3"}));
}

// Issue 14, defect 10: a NUL on line 1 rejected the whole JSON Lines file, valid later lines
// included. Now the line alone is rejected, with its line number; a file of nothing but bad
// records that starts with NUL bytes is still reported once as binary.
TEST(BadInputTest, Issue14NulOnLineOneRejectsThatLineOnly) {
  TempDir tmp;
  const std::string path = tmp.Write("feed.jsonl", std::string("{\"text\": \"a\0b\"}", 15) + "\n" + kGoodLine1 + "\n" +
                                                       "not json\n" + kGoodLine3 + "\n");
  const Collected c = Read({path});
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].ToString(), path + ":1: binary data (NUL byte at column 12)");
  EXPECT_EQ(c.errors[1].line, 3);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1", "j3"}));

  // Many bad lines before the first good one: each reported, in order, then the rest read.
  std::string many;
  for (int i = 0; i < 20; ++i) many += std::string("\0\1\n", 3);
  many += kGoodLine1 + "\n";
  const std::string late = tmp.Write("late.jsonl", many);
  const Collected d = Read({late});
  ASSERT_EQ(d.errors.size(), 20u);
  EXPECT_EQ(d.errors[19].line, 20);
  EXPECT_EQ(d.Ids(), (std::vector<std::string>{"j1"}));

  // A one-line file with a NUL: that line, not "binary file".
  const std::string one = tmp.Write("one.jsonl", std::string("{\"text\": \"a\0b\"}\n", 16));
  ExpectOneError(Read({one}), one, 1, "binary data (NUL byte at column 12)");
}

TEST(BadInputTest, LongBinaryJsonLinesFileIsNotReadToItsEnd) {
  TempDir tmp;
  std::string binary;
  for (int i = 0; i < 5000; ++i) binary += std::string("\0\1\2\n", 4);
  binary += kGoodLine1 + "\n";  // beyond the first 1000 records: a binary file is not read that far
  const std::string bad = tmp.Write("a.jsonl", binary);
  const Collected c = Read({bad});
  ExpectOneError(c, bad, 0, "binary file (NUL byte in line 1 and no valid record in the first 1000), not JSON Lines");
  EXPECT_TRUE(c.articles.empty());
}

// Issue 14, defect 10: `.json` files were read as seed text although the README lists them with
// JSON Lines. A `.json` file is JSON Lines, or one object over several lines, or an array.
TEST(JsonFileTest, Issue14JsonFileIsReadAsJsonNotSeedText) {
  TempDir tmp;
  const std::string lines = tmp.Write("in/a_lines.json", kGoodLine1 + "\n" + kGoodLine3 + "\n");
  const std::string object = tmp.Write(
      "in/b_object.json", "\n{\n  \"id\": \"obj\",\n  \"title\": \"Pretty\",\n  \"text\": \"Spread over lines.\"\n}\n");
  const std::string array = tmp.Write(
      "in/c_array.json",
      "[\n  " + kGoodLine1 + ",\n  {\"id\": \"bad\"},\n  {\n    \"id\": \"a3\",\n    \"text\": \"Third.\"\n  }\n]\n");
  const Collected c = Read({tmp.Str("in")});
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1", "j3", "obj", "j1", "a3"}));
  EXPECT_EQ(c.Origins(),
            (std::vector<std::string>{lines + ":1", lines + ":2", object + ":2", array + ":2", array + ":4"}));
  ExpectOneError(c, array, 3, "missing field \"text\"");
  EXPECT_EQ(c.articles[2].title, "Pretty");
  EXPECT_EQ(c.articles[2].verbatim,
            "\n{\n  \"id\": \"obj\",\n  \"title\": \"Pretty\",\n  \"text\": \"Spread over lines.\"\n}\n");
  EXPECT_EQ(c.articles[3].verbatim, kGoodLine1);
  // Named explicitly, a .json file is read the same way (it used to be taken as seed text).
  EXPECT_EQ(Read({object}).Ids(), (std::vector<std::string>{"obj"}));
}

// Issue 15: the dateline gives the source in every JSON form — one object or an array.
TEST(JsonFileTest, Issue15DatelineGivesTheSourceInJsonFiles) {
  TempDir tmp;
  const std::string object =
      tmp.Write("in/a_object.json", "{\n  \"id\": \"o1\",\n  \"text\": \"SEOUL (Reuters) - Talks resumed.\"\n}\n");
  const std::string array = tmp.Write(
      "in/b_array.json",
      "[\n  {\"id\": \"a1\", \"text\": \"WASHINGTON (AP) - The Senate voted.\"},\n"
      "  {\"id\": \"a2\", \"source\": \"Harbour Post\", \"text\": \"LONDON (Reuters) - Markets fell.\"}\n]\n");
  const Collected c = Read({tmp.Str("in")});
  ASSERT_EQ(c.Ids(), (std::vector<std::string>{"o1", "a1", "a2"}));
  EXPECT_EQ(c.articles[0].source, "Reuters");
  EXPECT_EQ(c.articles[1].source, "AP");
  EXPECT_EQ(c.articles[2].source, "Harbour Post");
}

TEST(JsonFileTest, BrokenJsonDocuments) {
  TempDir tmp;
  // An object whose first line does not close and which is not one valid value: JSON Lines with
  // a broken first record, so the later good lines are kept.
  const std::string broken_first = tmp.Write("a.json", "{\"text\": \"no end\"\n" + kGoodLine1 + "\n");
  const Collected a = Read({broken_first});
  ExpectOneError(a, broken_first, 1, "invalid JSON");
  EXPECT_EQ(a.Ids(), (std::vector<std::string>{"j1"}));
  // An array cut short keeps its whole elements and says it is not closed.
  const std::string cut = tmp.Write("b.json", "[" + kGoodLine1 + ",\n" + kGoodLine3 + ",\n{\"text\": \"cut");
  const Collected b = Read({cut});
  EXPECT_EQ(b.Ids(), (std::vector<std::string>{"j1", "j3"}));
  ASSERT_EQ(b.errors.size(), 2u);
  EXPECT_EQ(b.errors[0].line, 3);
  EXPECT_EQ(b.errors[1].ToString(), cut + ":3: the JSON array is not closed (no ']' before the end of the file)");
  // Elements that are not objects, and text after the array.
  const std::string odd = tmp.Write("c.json", "[1, \"two\", " + kGoodLine3 + "]\n]\n");
  const Collected o = Read({odd});
  EXPECT_EQ(o.Ids(), (std::vector<std::string>{"j3"}));
  ASSERT_EQ(o.errors.size(), 3u);
  EXPECT_EQ(o.errors[0].message, "a record must be a JSON object, not an integer");
  EXPECT_EQ(o.errors[2].ToString(), odd + ":2: unexpected text after the end of the JSON array");
  // An empty array, an empty file.
  const std::string empty_array = tmp.Write("d.json", "[ ]\n");
  ExpectOneError(Read({empty_array}), empty_array, 0, "empty JSON array: no articles");
  const std::string empty = tmp.Write("e.json", "");
  ExpectOneError(Read({empty}), empty, 0, "empty file");
}

TEST(JsonFileTest, OversizeArrayIsRejectedWithoutReadingItAll) {
  TempDir tmp;
  std::string big = "[\n";
  const std::string element = R"({"text": ")" + std::string(1 << 20, 'a') + "\"},\n";
  while (big.size() <= kMaxJsonDocumentBytes) big += element;
  big += kGoodLine1 + "]\n";
  const std::string path = tmp.Write("big.json", big);
  ExpectOneError(Read({path}), path, 0, "a JSON array over the 64 MB limit of .json documents; skipped");
}

// A named pipe with no writer used to block the reader in open(2) for ever.
TEST(PathReaderTest, FifoWithoutWriterReadsAsEmptyAndDoesNotHang) {
  TempDir tmp;
  const std::string fifo = tmp.Str("pipe.jsonl");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const std::string good = tmp.Write("good.jsonl", kGoodLine1 + "\n");
  const Collected c = Read({fifo, good});
  ExpectOneError(c, fifo, 0, "empty file");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1"}));
  // Directory walks skip what is not a regular file.
  const Collected d = Read({tmp.Str()});
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(d.Ids(), (std::vector<std::string>{"j1"}));
}

TEST(PathReaderTest, FifoWithAWriterIsReadToItsEnd) {
  TempDir tmp;
  const std::string fifo = tmp.Str("pipe.txt");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // The writer opens first (O_RDWR never blocks on Linux) and writes, so the reader finds it
  // there; it closes only once the reader has the pipe open too (a pipe nobody holds open drops
  // its bytes). The reader is this process, so its descriptors show when: two of them name the
  // pipe. (Probing with a non-blocking open for writing cannot tell: the writer's own O_RDWR
  // descriptor already counts as a reader.)
  const int writer = open(fifo.c_str(), O_RDWR);
  ASSERT_GE(writer, 0);
  ASSERT_EQ(write(writer, kGood.data(), kGood.size()), static_cast<ssize_t>(kGood.size()));
  auto descriptors_on_fifo = [&fifo] {
    int n = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
      std::error_code link_ec;
      if (std::filesystem::read_symlink(entry.path(), link_ec) == fifo) ++n;
    }
    return n;
  };
  std::thread feed([&] {
    while (descriptors_on_fifo() < 2) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    close(writer);
  });
  const Collected c = Read({fifo});
  feed.join();
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"pipe"}));
}

TEST(PathReaderTest, SymlinkLoopIsOneErrorNamedOrSkippedInADirectory) {
  TempDir tmp;
  const std::string loop = tmp.Str("loop.txt");
  ASSERT_EQ(symlink("loop.txt", loop.c_str()), 0);
  const Collected c = Read({loop});
  ExpectOneError(c, loop, 0, "cannot read: Too many levels of symbolic links");
  tmp.Write("good.txt", kGood);
  ASSERT_EQ(symlink(tmp.Str().c_str(), tmp.Str("self").c_str()), 0);  // a directory loop
  const Collected d = Read({tmp.Str()});
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(d.Ids(), (std::vector<std::string>{"good"}));
}

TEST(BadInputTest, EmptyFiles) {
  for (const char* name : {"d_empty.txt", "d_empty.jsonl"}) {
    TempDir tmp;
    tmp.Write("in/a_good.txt", kGood);
    const std::string bad = tmp.Write(std::string("in/") + name, "");
    tmp.Write("in/z_good.txt", kGood);
    const Collected c = Read({tmp.Str("in")});
    ExpectOneError(c, bad, 0, "empty file");
    EXPECT_EQ(c.articles.size(), 2u) << name;
  }
}

TEST(BadInputTest, JsonLinesFileOfBlankLines) {
  TempDir tmp;
  const std::string bad = tmp.Write("blank.jsonl", "\n  \n\r\n");
  const Collected c = Read({bad});
  ExpectOneError(c, bad, 0, "empty file: only blank lines");
}

TEST(BadInputTest, OversizeSeedFileIsRejectedUnread) {
  TempDir tmp;
  tmp.Write("in/a_good.txt", kGood);
  const std::string bad =
      tmp.Write("in/e_huge.txt", " date 2031-03-02\n\n" + std::string(size_t{11} * 1024 * 1024, 'a') + "\n");
  tmp.Write("in/f_good.txt", kGood);
  const Collected c = Read({tmp.Str("in")});
  ExpectOneError(c, bad, 0, "article is 11.0 MB");
  EXPECT_NE(c.errors[0].message.find("over the 10 MB limit"), std::string::npos) << c.errors[0].message;
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a_good", "f_good"}));
}

TEST(BadInputTest, OversizeJsonLineIsSkippedAndTheNextLineRead) {
  TempDir tmp;
  const std::string huge = "{\"text\": \"" + std::string(kMaxArticleBytes + 5, 'a') + "\"}";
  const std::string path = tmp.Write("feed.jsonl", kGoodLine1 + "\n" + huge + "\n" + kGoodLine3 + "\n");
  const Collected c = Read({path});
  ExpectOneError(c, path, 2, "record is 10.0 MB (" + std::to_string(huge.size()) + " bytes), over the 10 MB limit");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1", "j3"}));
  EXPECT_EQ(c.Origins(), (std::vector<std::string>{path + ":1", path + ":3"}));
}

TEST(BadInputTest, MalformedJsonLine) {
  TempDir tmp;
  const std::string path =
      tmp.Write("feed.jsonl", kGoodLine1 + "\n{\"id\": \"j2\", \"text\": \"unterminated\n" + kGoodLine3 + "\n");
  const Collected c = Read({path});
  ExpectOneError(c, path, 2, "invalid JSON at the end of the line: syntax error while parsing value");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1", "j3"}));
}

TEST(BadInputTest, UnparsableDateInJsonLine) {
  TempDir tmp;
  const std::string path =
      tmp.Write("feed.jsonl", kGoodLine1 + "\n" + R"({"id": "j2", "text": "Bad date.", "published": "yesterday"})" +
                                  "\n" + kGoodLine3 + "\n");
  const Collected c = Read({path});
  ExpectOneError(c, path, 2, "field \"published\" has a bad date \"yesterday\"");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"j1", "j3"}));
}

TEST(BadInputTest, UnparsableDateInSeedFile) {
  TempDir tmp;
  tmp.Write("in/a_good.txt", kGood);
  const std::string bad = tmp.Write("in/f_bad_date.txt", " date 2031-02-30\n\nSome text.\n");
  tmp.Write("in/g_good.txt", kGood);
  const Collected c = Read({tmp.Str("in")});
  ExpectOneError(c, bad, 1, "bad date \"2031-02-30\" in the header: 2031-02-30 is not a date");
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a_good", "g_good"}));
}

TEST(DirectoryTest, RecursiveSortedByteWiseSkippingHiddenAndOtherFormats) {
  TempDir tmp;
  const std::string line = R"({"text": "From a JSON Lines file."})";
  for (const char* name :
       {"b.txt", "a/z.jsonl", "a/c.txt", "A.txt", "a.txt", "sub/deeper/x.ndjson", "a_b.txt", "UPPER.TXT"}) {
    tmp.Write(name, std::string(name).find("json") != std::string::npos ? line + "\n" : kGood);
  }
  tmp.Write(".hidden.txt", kGood);
  tmp.Write(".git/inside.txt", kGood);
  tmp.Write("sub/.cache/inside.jsonl", line + "\n");
  tmp.Write("notes.md", "# not an article\n");
  tmp.Write("image.png", std::string("\x89PNG\0\0", 6));
  tmp.Write("noextension", "plain");
  const Collected c = Read({tmp.Str()});
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  // Byte-wise: 'A' (0x41) < 'U' < 'a' (0x61); '.' (0x2E) < '/' (0x2F) < '_' (0x5F).
  const std::string root = tmp.Str();
  EXPECT_EQ(c.Origins(), (std::vector<std::string>{root + "/A.txt:1", root + "/UPPER.TXT:1", root + "/a.txt:1",
                                                   root + "/a/c.txt:1", root + "/a/z.jsonl:1", root + "/a_b.txt:1",
                                                   root + "/b.txt:1", root + "/sub/deeper/x.ndjson:1"}));
}

TEST(DirectoryTest, ExplicitFilesAreReadWhateverTheirNameAndInGivenOrder) {
  TempDir tmp;
  const std::string md = tmp.Write("notes.md", kGood);
  const std::string hidden = tmp.Write(".hidden.txt", kGood);
  const std::string ndjson = tmp.Write("feed.ndjson", kGoodLine1 + "\n");
  const Collected c = Read({md, ndjson, hidden});
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"notes", "j1", ".hidden"}));
}

TEST(StdinTest, JsonLinesSniffedAfterBlankLines) {
  const std::string input = "\n  \n" + kGoodLine1 + "\n" + R"({"text": "No id."})" + "\n";
  const Collected c = Read({"-"}, input);
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.Origins(), (std::vector<std::string>{"-:3", "-:4"}));
  EXPECT_EQ(c.articles[0].id, "j1");
  EXPECT_EQ(c.articles[1].id, DeriveArticleId(c.articles[1]));
  EXPECT_EQ(c.articles[0].verbatim, kGoodLine1);
}

TEST(StdinTest, JsonLinesErrorsNameStdinAndLine) {
  const Collected c = Read({"-"}, kGoodLine1 + "\n{broken\n");
  ExpectOneError(c, "-", 2, "invalid JSON at column 2");
  EXPECT_EQ(c.articles.size(), 1u);
}

TEST(StdinTest, SeedTextGetsDerivedId) {
  const Collected c = Read({"-"}, kGood);
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  ASSERT_EQ(c.articles.size(), 1u);
  const RawArticle& a = c.articles[0];
  EXPECT_EQ(a.id, DeriveArticleId(a));
  EXPECT_EQ(a.id.size(), 17u);
  EXPECT_EQ(a.origin, "-:1");
  EXPECT_EQ(a.verbatim, kGood);
  EXPECT_EQ(a.title, "A quiet headline");
}

TEST(StdinTest, EmptyAndBadSeedText) {
  ExpectOneError(Read({"-"}, ""), "-", 0, "empty input");
  ExpectOneError(Read({"-"}, "\n \n"), "-", 0, "empty input");
  ExpectOneError(Read({"-"}, " date 2031-02-30\n\nx\n"), "-", 1, "bad date");
}

TEST(StdinTest, MixedWithFiles) {
  TempDir tmp;
  const std::string good = tmp.Write("good.txt", kGood);
  const Collected c = Read({good, "-"}, kGoodLine1 + "\n");
  ASSERT_TRUE(c.errors.empty());
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"good", "j1"}));
}

TEST(ProgressTest, ReportsPerFileAndAtMostEveryMegabyte) {
  TempDir tmp;
  std::string big;
  while (big.size() < size_t{3} * 1024 * 1024) big += kGoodLine1 + "\n";
  tmp.Write("in/a.jsonl", big);
  tmp.Write("in/b.txt", kGood);
  const uint64_t total = big.size() + kGood.size();
  const Collected c = Read({tmp.Str("in")});
  ASSERT_TRUE(c.errors.empty());
  ASSERT_FALSE(c.progress.empty());
  EXPECT_LE(c.progress.size(), 6u);  // ~3 within the big file, one per file
  EXPECT_EQ(c.progress.back(), std::make_pair(total, total));
  for (size_t i = 1; i < c.progress.size(); ++i) EXPECT_GE(c.progress[i].first, c.progress[i - 1].first);
  // With stdin among the inputs the total is unknown.
  const Collected s = Read({"-"}, kGood);
  ASSERT_FALSE(s.progress.empty());
  EXPECT_EQ(s.progress.back().second, 0u);
}

// ---- web archives and feeds ----

// A news page with enough article text to be read as one.
std::string ArticlePage(const std::string& title, const std::string& date_meta = "") {
  std::string page = "<!doctype html><html lang=\"en\"><head><title>" + title + "</title>";
  if (!date_meta.empty()) page += "<meta property=\"article:published_time\" content=\"" + date_meta + "\">";
  page += "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>" + title + "</h1>";
  for (int i = 0; i < 3; ++i) {
    page +=
        "<p>The Tornby river bridge stays closed while engineers study the cracks found in its main span, "
        "the county said on Tuesday, and the ferry will carry cars across until repairs are done.</p>";
  }
  return page + "</article><footer>Contact us</footer></body></html>";
}

// An archive of a crawl: its metadata and requests, a redirect, a missing page, an image, a
// section front without article text, and two articles (a response and a resource record).
std::vector<std::string> CrawlRecords() {
  using testing::HttpResponseText;
  using testing::WarcRecordText;
  return {
      WarcRecordText("warcinfo", "", "software: test crawler\r\n", "application/warc-fields", "info-1"),
      WarcRecordText("request", "https://example.org/news/bridge", "GET /news/bridge HTTP/1.1\r\n\r\n",
                     "application/http; msgtype=request", "req-1"),
      WarcRecordText(
          "response", "https://example.org/news/bridge",
          HttpResponseText(200, "text/html; charset=utf-8", ArticlePage("Bridge stays shut", "2025-03-04T08:00:00Z")),
          "application/http; msgtype=response", "0c1d2e3f-0001"),
      WarcRecordText("response", "https://example.org/old", HttpResponseText(301, "text/html", "moved")),
      WarcRecordText("response", "https://example.org/gone", HttpResponseText(404, "text/html", ArticlePage("Gone"))),
      WarcRecordText("response", "https://example.org/logo.png", HttpResponseText(200, "image/png", "\x89PNG....")),
      WarcRecordText("response", "https://example.org/news",
                     HttpResponseText(200, "text/html", "<html><body><a href=/a>A</a> <a href=/b>B</a></body></html>")),
      WarcRecordText("resource", "https://example.org/news/ferry", ArticlePage("Ferry carries cars"),
                     "text/html; charset=utf-8", "0c1d2e3f-0002"),
  };
}

std::string Joined(const std::vector<std::string>& records, bool gzip_each) {
  std::string out;
  for (const std::string& r : records) out += gzip_each ? testing::GzipMember(r) : r;
  return out;
}

TEST(WarcTest, HtmlResponsesAndResourcesAreArticlesOtherRecordsCounted) {
  TempDir tmp;
  const std::string plain = tmp.Write("in/crawl.warc", Joined(CrawlRecords(), false));
  const std::string packed = tmp.Write("in/crawl2.warc.gz", Joined(CrawlRecords(), true));
  // Named otherwise, by its first bytes (gzipped too).
  const std::string sniffed = tmp.Write("elsewhere/crawl.bin", Joined(CrawlRecords(), true));
  for (const std::string& path : {plain, packed, sniffed}) {
    const Collected c = Read({path});
    ASSERT_TRUE(c.errors.empty()) << path << ": " << c.errors[0].ToString();
    ASSERT_EQ(c.articles.size(), 2u) << path;
    const RawArticle& bridge = c.articles[0];
    EXPECT_EQ(bridge.id, "0c1d2e3f-0001");
    EXPECT_EQ(bridge.url.value_or(""), "https://example.org/news/bridge");
    EXPECT_EQ(bridge.title.value_or(""), "Bridge stays shut");
    EXPECT_EQ(bridge.published.value_or(""), "2025-03-04T08:00:00Z");
    EXPECT_EQ(bridge.origin, path + ":record 3");
    EXPECT_NE(bridge.text.find("Tornby river bridge"), std::string::npos);
    EXPECT_EQ(bridge.text.find("Home"), std::string::npos);
    EXPECT_EQ(bridge.verbatim.rfind("<!doctype html>", 0), 0u);  // the page, not the HTTP header
    EXPECT_EQ(c.articles[1].id, "0c1d2e3f-0002");
    EXPECT_EQ(c.articles[1].origin, path + ":record 8");
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_EQ(c.notes[0], path +
                              ": 8 WARC records: 2 pages read, 6 skipped (HTTP 3xx 1, HTTP 4xx 1, "
                              "no article text 1, not HTML 1, request 1, warcinfo 1)");
  }
  // A directory walk takes both archives.
  EXPECT_EQ(Read({tmp.Str("in")}).articles.size(), 4u);
}

TEST(WarcTest, NoPublicationDateAfterTheCrawl) {
  TempDir tmp;
  const std::string page = ArticlePage("Bridge stays shut", "2031-01-01T00:00:00Z");
  const std::string path = tmp.Write(
      "a.warc", testing::WarcRecordText("response", "https://example.org/2025/03/06/bridge",
                                        testing::HttpResponseText(200, "text/html", page),
                                        "application/http; msgtype=response", "id-1", "2025-03-07T10:00:00Z"));
  const Collected c = Read({path});
  ASSERT_EQ(c.articles.size(), 1u);
  // The page's own date is after the crawl: the URL's is taken instead.
  EXPECT_EQ(c.articles[0].published.value_or(""), "2025-03-06");
}

TEST(WarcTest, BrokenRecordsAndBrokenGzipAreSaidAndTheRestRead) {
  TempDir tmp;
  std::vector<std::string> records = CrawlRecords();
  records.insert(records.begin() + 3,
                 "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/x\r\n\r\n");
  std::string archive = Joined(records, true);
  const std::string last = testing::GzipMember(testing::WarcRecordText("resource", "https://example.org/z", "cut"));
  archive += last.substr(0, last.size() / 2);
  const std::string path = tmp.Write("broken.warc.gz", archive);
  const Collected c = Read({path});
  EXPECT_EQ(c.articles.size(), 2u);
  ASSERT_EQ(c.errors.size(), 3u);
  EXPECT_EQ(c.errors[0].message, "record 4 (https://example.org/x), at byte " +
                                     std::to_string(Joined({records.begin(), records.begin() + 3}, false).size()) +
                                     ": no valid Content-Length");
  // The record the gzip data is cut in, then the gzip data.
  EXPECT_EQ(c.errors[1].message.rfind("record 10, at byte ", 0), 0u) << c.errors[1].message;
  EXPECT_NE(c.errors[1].message.find("the archive ends inside the record's header"), std::string::npos);
  EXPECT_EQ(c.errors[2].message, "truncated gzip data after record 10");
  for (const ReadError& e : c.errors) EXPECT_EQ(e.file, path);

  // Nothing of a WARC in it, or nothing at all.
  const Collected empty = Read({tmp.Write("empty.warc", "")});
  ExpectOneError(empty, tmp.Str("empty.warc"), 0, "empty file");
  const Collected garbage = Read({tmp.Write("garbage.warc.gz", testing::GzipMember("no archive here\n"))});
  ExpectOneError(garbage, tmp.Str("garbage.warc.gz"), 0, "record 1, at byte 0: not a WARC record");
}

TEST(WarcTest, AnHttpBodyThatCannotBeReadIsSaidWithItsRecord) {
  TempDir tmp;
  const std::string path = tmp.Write("a.warc", testing::WarcRecordText("response", "https://example.org/br",
                                                                       "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                                                       "Content-Encoding: br\r\n\r\n\x1b\x2c"));
  const Collected c = Read({path});
  ExpectOneError(c, path, 0, "record 1 (https://example.org/br): a body in the content coding \"br\"");
}

TEST(WarcTest, AnOversizedPageIsAnErrorAnOversizedVideoIsNot) {
  TempDir tmp;
  const std::string big(kMaxPageBytes + (size_t{2} << 20), 'a');
  const std::string path =
      tmp.Write("big.warc", testing::WarcRecordText("response", "https://example.org/huge",
                                                    testing::HttpResponseText(200, "text/html", "<html><body>" + big)) +
                                testing::WarcRecordText("response", "https://example.org/film.mp4",
                                                        testing::HttpResponseText(200, "video/mp4", big)));
  const Collected c = Read({path});
  ExpectOneError(c, path, 0, "record 1 (https://example.org/huge): a page of 34.0 MB, over the 32 MB limit of pages");
  ASSERT_EQ(c.notes.size(), 1u);
  EXPECT_EQ(c.notes[0], path + ": 2 WARC records: 0 pages read, 1 skipped (over the size limit, unread 1)");
}

TEST(FeedAndPagesTest, AFeedItemIsLeftOutForItsPageWhichTakesItsDate) {
  TempDir tmp;
  // The page carries no date of its own; its feed item does.
  tmp.Write("in/a-feed.rss",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Tornby Times</title>"
            "<item><guid>tt-1</guid><title>Bridge stays shut</title>"
            "<link>http://www.example.org/news/bridge/</link><pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>"
            "<description>The bridge stays closed.</description></item>"
            "<item><guid>tt-2</guid><title>Council meets</title><link>https://example.org/news/council</link>"
            "<description>The council met on Monday to hear from the engineers.</description></item>"
            "</channel></rss>");
  tmp.Write("in/b-crawl.warc",
            testing::WarcRecordText("response", "https://example.org/news/bridge",
                                    testing::HttpResponseText(200, "text/html", ArticlePage("Bridge stays shut")),
                                    "application/http; msgtype=response", "page-1"));
  const Collected c = Read({tmp.Str("in")});
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  ASSERT_EQ(c.Ids(), (std::vector<std::string>{"page-1", "tt-2"}));  // the feed read last
  EXPECT_EQ(c.articles[0].published.value_or(""), "2025-03-04T08:00:00Z");
  EXPECT_NE(c.articles[0].text.find("engineers study the cracks"), std::string::npos);
  ASSERT_EQ(c.notes.size(), 2u);
  EXPECT_EQ(c.notes[1], tmp.Str("in/a-feed.rss") + ": 1 item left out for its page, read from the same input");
  // Alone, the feed gives both items.
  EXPECT_EQ(Read({tmp.Str("in/a-feed.rss")}).Ids(), (std::vector<std::string>{"tt-1", "tt-2"}));
  // Files are counted as they are read.
  ASSERT_FALSE(c.files.empty());
  EXPECT_EQ(c.files.back(), std::make_pair(uint64_t{2}, uint64_t{2}));
}

TEST(SeedsTest, ReadsTheSharedSeeds) {
  const fs::path seeds = fs::path(STORYDESK_SHARED_DIR "/seeds");
  if (!fs::exists(seeds)) GTEST_SKIP() << "no " << seeds << ": the seed articles are not beside the repo";
  const Collected c = Read({seeds.string()});
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  const RawArticle* seed000 = nullptr;
  const RawArticle* seed002 = nullptr;
  for (const auto& a : c.articles) {
    if (a.id == "000_03f42af68fe181a5") seed000 = &a;
    if (a.id == "002_afa42ac42fd70cc7") seed002 = &a;
  }
  ASSERT_NE(seed000, nullptr);
  ASSERT_NE(seed002, nullptr);
  EXPECT_TRUE(seed000->title.has_value());
  EXPECT_EQ(seed000->bullets.size(), 3u);
  EXPECT_EQ(seed000->published, "2021-08-23");
  EXPECT_EQ(seed000->published_at, 1629676800);
  EXPECT_EQ(seed002->published, "2021-08-23");
  EXPECT_EQ(seed002->source, "AP");
  EXPECT_EQ(seed002->place, "SEOUL, South Korea");
  EXPECT_FALSE(seed002->title.has_value());
  EXPECT_EQ(seed002->text.rfind("SEOUL", 0), std::string::npos);
  EXPECT_EQ(seed002->text.rfind("US President", 0), 0u);
}

}  // namespace
}  // namespace storydesk::read
