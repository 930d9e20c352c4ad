// ReadPaths: the entry point of the readers — files, directories and stdin to RawArticles.
//
// A path is a file, a directory (read recursively, entries sorted by name so results are
// deterministic; hidden entries and files of other formats skipped) or "-" for stdin.
// Formats, by extension: .jsonl / .ndjson → JSON Lines (jsonl_reader.h); .json → JSON Lines,
// or one article object spread over several lines, or an array of article objects, as its first
// bytes show (json_document.h; a document is read whole, up to kMaxJsonDocumentBytes); .txt or
// none → the seed plain-text form (seed_text_reader.h); .html / .htm, gzipped (.html.gz) or
// not → a saved web page, one article (html_page.h: main text, title, date, outlet, URL; the
// page, decompressed, is its verbatim record); a file named explicitly that starts like HTML
// is read as a page whatever its extension; .rss / .atom / .xml → an RSS or Atom feed, each item
// an article (feed_reader.h; sniffed too when named otherwise). Stdin is sniffed: a first non-blank '{'
// means JSON Lines. A named pipe (FIFO) is read without waiting for a writer: with none it is
// an empty file (fifo_stream.h); a directory walk skips anything but regular files.
//
// A JSON Lines record with a NUL byte is rejected alone, with its line, like any bad record;
// only a file with NUL bytes and no valid record (in all of it, or in its first 1000 records,
// after which it is not read further) is reported once, as a binary file.
//
// Bad input never stops the run: each bad record is reported once through on_error and
// skipped, the rest is read. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "storydesk/article.h"
#include "storydesk/status.h"

namespace storydesk::read {

// One bad record or file.
struct ReadError {
  std::string file;  // the path as given ("-" for stdin)
  int64_t line = 0;  // 1-based line of the record; 0 when the whole file is at fault
  std::string message;
  // "FILE:LINE: message", or "FILE: message" when line is 0.
  std::string ToString() const;
};

struct ReadCallbacks {
  std::function<void(RawArticle)> on_article;
  std::function<void(const ReadError&)> on_error;
  // Bytes read so far and in total (total 0 when unknown, e.g. stdin). May be empty.
  std::function<void(uint64_t done, uint64_t total)> on_progress;
  // Asked before each record and each file (may be empty): once it returns true, reading ends
  // there and ReadPaths returns ok — how a caller whose store failed stops reading a stream.
  std::function<bool()> stop;
};

// Largest article accepted; bigger records are rejected with an error.
inline constexpr size_t kMaxArticleBytes = size_t{10} * 1024 * 1024;

// Largest `.json` array read (it is read whole; JSON Lines, read a line at a time, has no limit).
inline constexpr size_t kMaxJsonDocumentBytes = size_t{64} * 1024 * 1024;

// Reads every path in order. Returns non-ok only when reading cannot go on at all (kIo on a
// stream failure of stdin); missing or unreadable paths are reported through on_error.
Status ReadPaths(const std::vector<std::string>& paths, std::istream& stdin_stream, const ReadCallbacks& callbacks);

}  // namespace storydesk::read
