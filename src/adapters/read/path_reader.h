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
// an article (feed_reader.h; sniffed too when named otherwise); .warc / .warc.gz → a web archive
// (warc_reader.h), streamed record by record, gzipped or not (by its magic bytes; sniffed too when
// named otherwise): each HTTP response of an HTML page with status 2xx, and each HTML resource
// record, is a page read as above, with the record's target URI as its URL and its WARC-Date as
// the crawl time no publication date may follow; other records are skipped and counted, the
// counts given once per file through on_note. Stdin is sniffed: a first non-blank '{'
// means JSON Lines.
//
// A feed item whose page is in the same input is left out for the page, which has its full text:
// feeds are read after every other input (first only to learn their items' links), and a page
// (saved or archived) whose URL or canonical URL is an item's link takes the item's publication
// date when it has none of its own. A named pipe (FIFO) is read without waiting for a writer: with none it is
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

#include "adapters/read/html_page.h"
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

struct ReadProgress {
  uint64_t bytes_done = 0;   // of the files as stored (a gzipped file's compressed bytes)
  uint64_t bytes_total = 0;  // 0 when unknown (stdin, a pipe)
  uint64_t files_done = 0;
  uint64_t files_total = 0;
  uint64_t records = 0;  // articles delivered and records rejected so far
};

struct ReadCallbacks {
  std::function<void(RawArticle)> on_article;
  std::function<void(const ReadError&)> on_error;
  // How far reading has gone, at most once per megabyte and at the end of each file. May be empty.
  std::function<void(const ReadProgress&)> on_progress;
  // What is worth saying about a file that is neither an article nor an error (a web archive's
  // records skipped, feed items left out for their pages). May be empty.
  std::function<void(const std::string& file, const std::string& note)> on_note;
  // Each web page read (saved or archived), as the HTML reader extracted it, before its article
  // (if it gives one) reaches on_article; `origin` is the article's. May be empty.
  std::function<void(const std::string& origin, const ExtractedPage& page)> on_page;
  // Asked before each record and each file (may be empty): once it returns true, reading ends
  // there and ReadPaths returns ok — how a caller whose store failed stops reading a stream.
  std::function<bool()> stop;
};

// Largest article accepted; bigger records are rejected with an error.
inline constexpr size_t kMaxArticleBytes = size_t{10} * 1024 * 1024;

// Largest `.json` array read (it is read whole; JSON Lines, read a line at a time, has no limit).
inline constexpr size_t kMaxJsonDocumentBytes = size_t{64} * 1024 * 1024;

struct ReadSettings {
  // Where saved pages were fetched from, when the caller knows (storydesk extract --url): a
  // fallback for their URL, outlet and date.
  std::string page_url;
};

// Reads every path in order. Returns non-ok only when reading cannot go on at all (kIo on a
// stream failure of stdin); missing or unreadable paths are reported through on_error.
Status ReadPaths(const std::vector<std::string>& paths, std::istream& stdin_stream, const ReadCallbacks& callbacks,
                 const ReadSettings& settings = {});

}  // namespace storydesk::read
