// WarcReader: the records of a WARC file (ISO 28500; WARC/1.0 and 1.1, as Common Crawl and
// wget write them), one at a time from a stream, so an archive of any size is read in bounded
// memory: a record's header, then its block up to a limit (a larger block is skipped over, only
// its start kept), then the two line ends that close it.
//
// A record that cannot be read (no Content-Length, a header line over 64 KB, an archive cut
// inside a block) is an error naming it; the reader then skips to the next line starting
// "WARC/", so one broken record costs only itself. Lines may end in CRLF (the standard) or LF.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "storydesk/status.h"

namespace storydesk::read {

struct WarcRecord {
  int64_t number = 0;   // 1-based, counting broken records too
  uint64_t offset = 0;  // of its first byte in the (decompressed) stream
  std::string type;     // WARC-Type, lower-case: "response", "request", "warcinfo", ...
  std::string record_id;
  std::string target_uri;
  std::string date;          // WARC-Date as written
  std::string content_type;  // of the block, e.g. "application/http; msgtype=response"
  uint64_t content_length = 0;
  std::string block;           // the block; when over the limit, only its first kSkippedBlockHead bytes
  bool block_skipped = false;  // the block was over the limit: read past, its start kept
  // The record's name in messages: "record 12 (<urn:uuid:...>, https://example.org/a)".
  std::string Describe() const;
};

// Of a block over the limit, this much of its start is kept (an HTTP header, to say what it was).
inline constexpr size_t kSkippedBlockHead = size_t{64} * 1024;

class WarcReader {
 public:
  WarcReader(std::istream& in, size_t max_block_bytes) : in_(in), max_block_bytes_(max_block_bytes) {}

  // The next record; nullopt at the end of the stream. An error for a record that cannot be
  // read (kInvalidInput, its number and offset in the message); the next call goes on after it.
  Result<std::optional<WarcRecord>> Next();

  // Bytes taken from the stream so far.
  uint64_t Consumed() const { return consumed_; }

 private:
  // The next line without its line end; false at the end of the stream. A line longer than
  // `limit` is consumed whole and *too_long set.
  bool ReadLine(std::string* line, size_t limit, bool* too_long);
  // Reads lines until one that starts a record, left in pending_; false at the end.
  bool SkipToNextRecord();

  std::istream& in_;
  size_t max_block_bytes_;
  uint64_t consumed_ = 0;
  int64_t number_ = 0;
  std::optional<std::string> pending_;  // a version line read ahead
  uint64_t pending_offset_ = 0;         // where it starts
  bool line_ended_ = false;             // the last line read ended with a line feed
};

// True when `bytes` start like a WARC record ("WARC/1.").
bool LooksLikeWarc(std::string_view bytes);

}  // namespace storydesk::read
