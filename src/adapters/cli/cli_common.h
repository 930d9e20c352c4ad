// Shared plumbing of the CLI verbs: exit codes, error lines, the store, reading inputs,
// the progress bar. Wiring only — every decision about articles lives in the core.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "adapters/read/path_reader.h"
#include "adapters/store/store.h"
#include "storydesk/article.h"
#include "storydesk/status.h"

namespace storydesk::service {}

namespace storydesk::cli {

// The verbs are wiring around the service layer (models, ingest pipeline, digest output).
using namespace ::storydesk::service;

// The process exit codes, as documented in `storydesk --help` and the README.
enum ExitCode : int {
  kExitOk = 0,
  kExitRejected = 1,  // some input was rejected (each reported on stderr); the rest was processed
  kExitUsage = 2,     // bad flags or arguments, unknown story
  kExitStore = 3,     // the store could not be opened, read or written
};

// Prints "storydesk: <message>" as one line on stderr.
void PrintError(const std::string& message);

// Maps a failed Status to an exit code (kExitStore for store and I/O failures, else kExitUsage).
int ExitCodeFor(const Status& status);

// Opens the store at `path` (service::OpenStore), saying on stderr when its fingerprints were
// recomputed.
Result<std::unique_ptr<store::Store>> OpenStore(const std::string& path);

// A story's or storyline's dates for a table: "2021-05-11..05-21", "2021-12-30..2022-01-02",
// "2021-05-11" or "undated" (YYYY-MM-DD strings as in StorySummary).
std::string DateSpan(const std::optional<std::string>& first, const std::optional<std::string>& last);

// A one-line progress bar on stderr, shown only on a terminal and only once the work has
// taken more than a second (quick runs print nothing but their result).
class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  void Update(uint64_t done, uint64_t total);
  // Reading: "reading [######        ]  45%  12/40 files  3,400 records  35.2 MB/s".
  void Update(const read::ReadProgress& progress);
  void Finish();

 private:
  // True when it is time to draw (on a terminal, after a second, 100 ms since the last).
  bool Due();

  std::string label_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// Everything read from the inputs: the good articles in input order and the number rejected
// (each rejection already printed as "storydesk: FILE:LINE: what is wrong").
struct ReadOutcome {
  std::vector<RawArticle> articles;
  size_t rejected = 0;
};
// keep_verbatim false: each article's verbatim record is dropped as it is read (a web page's
// HTML is many times its text), for callers that never store it.
Result<ReadOutcome> ReadInputs(const std::vector<std::string>& paths, ProgressBar* progress, bool keep_verbatim = true);

// The whole file at `path` ("-": stdin). Errors: kIo naming the file.
Result<std::string> ReadFileWhole(const std::string& path);

// ReadFileWhole, for a text that must be UTF-8. Errors: also kInvalidInput "PATH: not UTF-8 at
// byte N".
Result<std::string> ReadUtf8File(const std::string& path);

// The code-point index of every byte offset of `text` (valid UTF-8), one past the end
// included: the offsets our JSON interfaces give (a continuation byte maps to its code point).
std::vector<size_t> CodePointIndex(std::string_view text);

// Writes `text` to `path` through a sibling "PATH.partial" renamed over it, so a failed run
// never leaves half a file. Errors: kIo naming the file.
Status WriteFileWhole(const std::string& path, const std::string& text);

}  // namespace storydesk::cli
