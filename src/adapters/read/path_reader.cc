#include "adapters/read/path_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "adapters/read/feed_reader.h"
#include "adapters/read/fifo_stream.h"
#include "adapters/read/gzip_stream.h"
#include "adapters/read/html_page.h"
#include "adapters/read/http_response.h"
#include "adapters/read/json_document.h"
#include "adapters/read/jsonl_reader.h"
#include "adapters/read/page_file.h"
#include "adapters/read/seed_text_reader.h"
#include "adapters/read/text_checks.h"
#include "adapters/read/url_key.h"
#include "adapters/read/warc_reader.h"
#include "storydesk/article_id.h"
#include "storydesk/time/published_time.h"

namespace storydesk::read {
namespace fs = std::filesystem;

std::string ReadError::ToString() const {
  if (line == 0) return file + ": " + message;
  return file + ":" + std::to_string(line) + ": " + message;
}

namespace {

constexpr uint64_t kProgressStepBytes = 1 << 20;
constexpr size_t kChunkBytes = 1 << 20;
constexpr const char* kStdinName = "-";

// A JSON Lines file with no valid record among its first this many, some of which hold NUL bytes,
// is binary: it is reported once and not read further. (A valid record among them has the bad
// ones reported one by one instead, and the rest read.)
constexpr size_t kBinaryRecordsBeforeGivingUp = 1000;

enum class Format { kSeedText, kJsonLines, kJson, kHtml, kFeed, kWarc };

// One thing to read, found while expanding the paths.
struct Input {
  std::string path;  // as given, or dir/.../name for files found in a directory
  bool is_stdin = false;
  Format format = Format::kSeedText;
  std::optional<uint64_t> size;      // for regular files
  bool is_fifo = false;              // a named pipe: opened without waiting for a writer
  std::optional<std::string> error;  // the path cannot be read at all
};

std::string LowerExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

bool IsJsonLinesName(const fs::path& path) {
  const std::string ext = LowerExtension(path);
  return ext == ".jsonl" || ext == ".ndjson";
}

bool IsJsonName(const fs::path& path) { return LowerExtension(path) == ".json"; }

// A saved web page: .html or .htm, gzipped (.html.gz) or not.
bool IsHtmlName(const fs::path& path) {
  const std::string ext = LowerExtension(path);
  if (ext == ".gz") return IsHtmlName(path.stem());
  return ext == ".html" || ext == ".htm";
}

// An RSS or Atom feed: .rss, .atom or .xml.
bool IsFeedName(const fs::path& path) {
  const std::string ext = LowerExtension(path);
  return ext == ".rss" || ext == ".atom" || ext == ".xml";
}

// A web archive: .warc, gzipped (.warc.gz) or not.
bool IsWarcName(const fs::path& path) {
  const std::string ext = LowerExtension(path);
  if (ext == ".gz") return LowerExtension(path.stem()) == ".warc";
  return ext == ".warc";
}

bool IsReadableName(const fs::path& path) {
  return IsJsonLinesName(path) || IsJsonName(path) || IsHtmlName(path) || IsFeedName(path) || IsWarcName(path) ||
         LowerExtension(path) == ".txt";
}

Format FormatOfName(const fs::path& path) {
  if (IsWarcName(path)) return Format::kWarc;
  if (IsJsonLinesName(path)) return Format::kJsonLines;
  if (IsJsonName(path)) return Format::kJson;
  if (IsHtmlName(path)) return Format::kHtml;
  if (IsFeedName(path)) return Format::kFeed;
  return Format::kSeedText;
}

// The id a file gives its article: its name without the extensions that say its format.
std::string FileId(const fs::path& path) {
  fs::path name = path.filename();
  if (LowerExtension(name) == ".gz") name = name.stem();
  return name.stem().string();
}

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// "article is 11.0 MB (11534355 bytes), over the 10 MB limit (10485760 bytes); skipped"
std::string OversizeMessage(const std::string& what, std::optional<uint64_t> bytes) {
  const std::string limit = "the " + std::to_string(kMaxArticleBytes / (size_t{1024} * 1024)) + " MB limit";
  if (!bytes) return what + " is over " + limit + "; skipped";
  char megabytes[32];
  std::snprintf(megabytes, sizeof megabytes, "%.1f MB", static_cast<double>(*bytes) / (1024.0 * 1024.0));
  return what + " is " + megabytes + " (" + std::to_string(*bytes) + " bytes), over " + limit + " (" +
         std::to_string(kMaxArticleBytes) + " bytes); skipped";
}

// Adds the files of `dir` (recursively, sorted byte-wise by full path, hidden entries and
// other extensions skipped) to `inputs`.
void ExpandDirectory(const std::string& dir, std::vector<Input>* inputs) {
  std::vector<std::pair<std::string, fs::path>> files;
  std::error_code ec;
  // skip_permission_denied would make an unreadable top directory look empty: open it first.
  { fs::directory_iterator probe(dir, ec); }
  if (ec) {
    Input failed;
    failed.path = dir;
    failed.error = "cannot read directory: " + ec.message();
    inputs->push_back(std::move(failed));
    return;
  }
  // Unreadable subdirectories are skipped; any other failure ends the listing (reported below).
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  const fs::recursive_directory_iterator end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    if (IsHidden(entry.path())) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      ec.clear();
      continue;
    }
    std::error_code type_ec;
    if (entry.is_regular_file(type_ec) && IsReadableName(entry.path())) {
      files.emplace_back(entry.path().string(), entry.path());
    }
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [name, path] : files) {
    Input input;
    input.path = std::move(name);
    input.format = FormatOfName(path);
    std::error_code size_ec;
    const uintmax_t size = fs::file_size(path, size_ec);
    if (!size_ec) input.size = size;
    inputs->push_back(std::move(input));
  }
  if (ec) {
    Input failed;
    failed.path = dir;
    failed.error = "cannot read the whole directory: " + ec.message();
    inputs->push_back(std::move(failed));
  }
}

// The format a regular file's first bytes show (gunzipped when gzip): a web archive, a page or a
// feed; seed text otherwise.
Format SniffFormat(const std::string& path) {
  constexpr size_t kSniffBytes = 4096;
  std::ifstream file(path, std::ios::binary);
  std::string head(kSniffBytes, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(file.gcount()));
  if (IsGzipMagic(head)) {
    file.clear();
    file.seekg(0);
    GunzipStream unpacked(file);
    head.assign(kSniffBytes, '\0');
    unpacked.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(unpacked.gcount()));
  }
  if (LooksLikeWarc(head)) return Format::kWarc;
  if (LooksLikeHtml(head)) return Format::kHtml;
  if (LooksLikeFeed(head)) return Format::kFeed;
  return Format::kSeedText;
}

std::vector<Input> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  for (const std::string& given : paths) {
    if (given == kStdinName) {
      Input input;
      input.path = given;
      input.is_stdin = true;
      inputs.push_back(std::move(input));
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(given, ec);
    if (status.type() == fs::file_type::not_found || (ec && ec == std::errc::no_such_file_or_directory)) {
      Input missing;
      missing.path = given;
      missing.error = "no such file or directory";
      inputs.push_back(std::move(missing));
      continue;
    }
    if (ec) {
      Input failed;
      failed.path = given;
      failed.error = "cannot read: " + ec.message();
      inputs.push_back(std::move(failed));
      continue;
    }
    if (fs::is_directory(status)) {
      ExpandDirectory(given, &inputs);
      continue;
    }
    // A file named explicitly is read whatever its extension: by its name when that says a
    // format other than seed text, else by its first bytes, else as seed text.
    Input input;
    input.path = given;
    input.format = FormatOfName(given);
    input.is_fifo = status.type() == fs::file_type::fifo;
    if (fs::is_regular_file(status)) {
      const uintmax_t size = fs::file_size(given, ec);
      if (!ec) input.size = size;
      if (input.format == Format::kSeedText) input.format = SniffFormat(given);
    }
    inputs.push_back(std::move(input));
  }
  return inputs;
}

// Reports how far reading has gone: at most once per kProgressStepBytes, and at the end of
// each file.
class Progress {
 public:
  Progress(const ReadCallbacks& callbacks, uint64_t bytes_total, uint64_t files_total) : callbacks_(callbacks) {
    state_.bytes_total = bytes_total;
    state_.files_total = files_total;
  }

  void Add(uint64_t bytes) {
    state_.bytes_done += bytes;
    if (state_.bytes_done - reported_ >= kProgressStepBytes) Report();
  }
  void AddRecord() { ++state_.records; }
  void FileDone() {
    ++state_.files_done;
    Report();
  }
  void Report() {
    reported_ = state_.bytes_done;
    if (callbacks_.on_progress) callbacks_.on_progress(state_);
  }

 private:
  const ReadCallbacks& callbacks_;
  ReadProgress state_;
  uint64_t reported_ = 0;
};

// The links of the items of the feeds in the input (UrlKey), with their publication dates,
// and those whose page was read: their items are left out.
struct FeedLinks {
  std::unordered_map<std::string, std::optional<std::string>> published;
  std::unordered_set<std::string> paged;
};

// Where a page comes from and how it is named.
struct PageSource {
  std::string origin;  // the file, or "file:record N"
  std::string id;      // empty: from the file's name
  PageOptions options;
  bool in_archive = false;  // a page without article text is skipped and counted, not an error
};

// Reads lines from a stream in chunks, so files of any size are read in bounded memory.
// Lines longer than `max_bytes` are not stored: they are skipped to their end and flagged.
class LineReader {
 public:
  LineReader(std::istream& in, std::string prefix, size_t max_bytes)
      : in_(in), buffer_(std::move(prefix)), max_bytes_(max_bytes) {}

  // The next line, without "\n" or "\r\n". Returns false at the end of the input (or on a
  // stream failure; see Failed()). *length is the line's length without the terminator;
  // *consumed counts the terminator too. A line longer than the limit is consumed but not
  // stored: *line is left empty and *oversize set.
  bool Next(std::string* line, bool* oversize, uint64_t* length, uint64_t* consumed) {
    line->clear();
    *oversize = false;
    *length = 0;
    for (;;) {
      if (pos_ < buffer_.size()) {
        const size_t newline = std::string_view(buffer_).find('\n', pos_);
        const size_t take = (newline == std::string_view::npos ? buffer_.size() : newline) - pos_;
        *length += take;
        if (!*oversize && *length > max_bytes_) {
          *oversize = true;
          std::string().swap(*line);  // give the memory back now
        }
        if (!*oversize) line->append(buffer_, pos_, take);
        pos_ += take;
        if (newline != std::string_view::npos) {
          ++pos_;
          *consumed = *length + 1;
          StripCarriageReturn(line, length);
          return true;
        }
      }
      if (!Refill()) {
        *consumed = *length;
        StripCarriageReturn(line, length);
        return *consumed > 0;  // a last line without a final newline
      }
    }
  }

  bool Failed() const { return in_.bad(); }

 private:
  static void StripCarriageReturn(std::string* line, uint64_t* length) {
    if (!line->empty() && line->back() == '\r') {
      line->pop_back();
      --*length;
    }
  }

  bool Refill() {
    if (in_.eof() || in_.bad()) return false;
    buffer_.resize(kChunkBytes);
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.resize(static_cast<size_t>(in_.gcount()));
    pos_ = 0;
    return !buffer_.empty();
  }

  std::istream& in_;
  std::string buffer_;
  size_t pos_ = 0;
  size_t max_bytes_;
};

// "a JSON array over the 64 MB limit for .json documents; write it as JSON Lines (.jsonl)"
std::string OversizeDocumentMessage() {
  return "a JSON array over the " + std::to_string(kMaxJsonDocumentBytes / (size_t{1024} * 1024)) +
         " MB limit of .json documents; skipped (write it as JSON Lines, .jsonl, which has no limit)";
}

// The 1-based line of the first byte that is not white space.
int64_t LineOfFirstByte(std::string_view text) {
  int64_t line = 1;
  for (const char c : text) {
    if (c == '\n') {
      ++line;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      break;
    }
  }
  return line;
}

// Reads at most max_bytes + 1 bytes of `in` into *out; true when there was more than max_bytes.
bool ReadCapped(std::istream& in, size_t max_bytes, std::string* out) {
  std::string chunk(kChunkBytes, '\0');
  while (out->size() <= max_bytes && in.good()) {
    const size_t want = std::min(chunk.size(), max_bytes + 1 - out->size());
    in.read(chunk.data(), static_cast<std::streamsize>(want));
    out->append(chunk.data(), static_cast<size_t>(in.gcount()));
  }
  return out->size() > max_bytes;
}

// The stream of a file to read: a named pipe without waiting for a writer (fifo_stream.h),
// anything else as a file. On failure, nullptr and *error.
std::unique_ptr<std::istream> Open(const Input& input, std::string* error) {
  if (input.is_fifo) {
    auto fifo = OpenFifo(input.path);
    if (!fifo.ok()) {
      *error = fifo.status().message();
      return nullptr;
    }
    return std::move(fifo).value();
  }
  auto file = std::make_unique<std::ifstream>(input.path, std::ios::binary);
  if (!*file) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return nullptr;
  }
  return file;
}

class Reader {
 public:
  Reader(const ReadCallbacks& callbacks, const ReadSettings& settings, uint64_t bytes_total, uint64_t files_total,
         FeedLinks* feed_links)
      : callbacks_(callbacks),
        settings_(settings),
        progress_(callbacks, bytes_total, files_total),
        feed_links_(feed_links) {}

  void Error(const std::string& file, int64_t line, std::string message) {
    progress_.AddRecord();
    if (callbacks_.on_error) callbacks_.on_error(ReadError{file, line, std::move(message)});
  }

  void Note(const std::string& file, const std::string& note) {
    if (callbacks_.on_note) callbacks_.on_note(file, note);
  }

  bool Stopped() const { return callbacks_.stop && callbacks_.stop(); }

  void Deliver(RawArticle article) {
    progress_.AddRecord();
    if (callbacks_.on_article) callbacks_.on_article(std::move(article));
  }

  // One seed-text article from `content`, already read whole. `file_id` is the id to give it
  // (empty: derive one from the content).
  void SeedText(const std::string& name, std::string content, const std::string& file_id) {
    if (content.empty()) return Error(name, 0, "empty file");
    if (auto problem = FindTextProblem(content); problem && problem->kind == TextProblem::Kind::kNulByte) {
      return Error(name, 0,
                   "binary file (NUL byte at byte offset " + std::to_string(problem->offset) + "), not seed text");
    }
    int64_t error_line = 0;
    auto parsed = ParseSeedText(content, &error_line);
    if (!parsed.ok()) return Error(name, error_line, parsed.status().message());
    RawArticle article = std::move(parsed).value();
    article.id = file_id.empty() ? DeriveArticleId(article) : file_id;
    article.origin = name + ":1";
    article.verbatim = std::move(content);
    Deliver(std::move(article));
  }

  void SeedTextFile(const Input& input) {
    if (input.size && *input.size > kMaxArticleBytes) {
      // Rejected from its size alone, without reading it.
      progress_.Add(*input.size);
      return Error(input.path, 0, OversizeMessage("article", input.size));
    }
    std::string error;
    const std::unique_ptr<std::istream> stream = Open(input, &error);
    if (!stream) return Error(input.path, 0, error);
    std::istream& in = *stream;
    std::string content;
    const bool over = ReadCapped(in, kMaxArticleBytes, &content);
    progress_.Add(content.size());
    if (in.bad()) return Error(input.path, 0, "read error");
    if (over) return Error(input.path, 0, OversizeMessage("article", std::nullopt));
    // A file named explicitly with another extension may still be a saved page.
    if (LooksLikeHtml(content)) {
      HtmlPage(SavedPage(input.path), std::move(content));
      return;
    }
    if (LooksLikeFeed(content)) return FeedItems(input.path, content);
    std::string id = fs::path(input.path).stem().string();
    SeedText(input.path, std::move(content), id);
  }

  // The bytes of a saved page or feed (gunzipped when gzip), or nothing with the reason
  // reported: `what` names it in the refusal of a pipe.
  std::optional<std::string> SavedFile(const Input& input, std::string_view what) {
    if (input.is_fifo) {
      Error(input.path, 0, "a " + std::string(what) + " is read from a regular file, not a pipe");
      return std::nullopt;
    }
    auto bytes = ReadPageFile(input.path, kMaxPageBytes);
    progress_.Add(input.size.value_or(0));
    if (!bytes.ok()) {
      // ReadPageFile names the file itself; Error names it once.
      std::string message = bytes.status().message();
      if (message.rfind(input.path + ": ", 0) == 0) message.erase(0, input.path.size() + 2);
      Error(input.path, 0, std::move(message));
      return std::nullopt;
    }
    return std::move(bytes).value();
  }

  PageSource SavedPage(const std::string& path) const {
    PageSource source;
    source.origin = path;
    source.id = FileId(path);
    source.options.url = settings_.page_url;
    return source;
  }

  // A saved web page (gzipped or not): its article, by the HTML reader (html_page.h).
  void HtmlFile(const Input& input) {
    if (auto bytes = SavedFile(input, "web page")) {
      HtmlPage(SavedPage(input.path), std::move(*bytes));
    }
  }

  // An RSS or Atom feed (gzipped or not): each item an article (feed_reader.h).
  void FeedFile(const Input& input) {
    if (auto bytes = SavedFile(input, "feed")) FeedItems(input.path, *bytes);
  }

  void FeedItems(const std::string& path, std::string_view bytes) {
    auto feed = ReadFeed(bytes);
    if (!feed.ok()) return Error(path, 0, feed.status().message());
    for (const std::string& problem : feed.value().problems) Error(path, 0, problem);
    if (feed.value().items.empty()) return Error(path, 0, "a feed without items");
    size_t left_for_pages = 0;
    for (FeedItem& item : feed.value().items) {
      if (Stopped()) return;
      if (feed_links_ != nullptr && !item.link.empty() && feed_links_->paged.count(UrlKey(item.link)) > 0) {
        ++left_for_pages;
        continue;
      }
      const std::string where = "item " + std::to_string(item.number);
      if (item.text.empty()) {
        Error(path, 0, where + ": no text (neither content nor a description)");
        continue;
      }
      if (item.text.size() > kMaxArticleBytes) {
        Error(path, 0, where + ": " + OversizeMessage("its text", item.text.size()));
        continue;
      }
      RawArticle article;
      // The guid or Atom id names the item for good; a link when there is none.
      article.id = !item.id.empty() ? std::move(item.id) : item.link;
      if (article.id.size() > 512) article.id.clear();
      if (!item.title.empty()) article.title = std::move(item.title);
      if (!item.link.empty()) article.url = std::move(item.link);
      if (!feed.value().title.empty()) article.source = feed.value().title;
      if (item.published) {
        if (auto at = timeutil::ParsePublished(*item.published); at.ok()) {
          article.published = std::move(item.published);
          article.published_at = at.value();
        }
      }
      article.text = std::move(item.text);
      article.verbatim = std::move(item.xml);
      article.origin = path;
      article.origin += ":";
      article.origin += where;
      if (article.id.empty()) article.id = DeriveArticleId(article);
      Deliver(std::move(article));
    }
    if (left_for_pages > 0) {
      Note(path, std::to_string(left_for_pages) + (left_for_pages == 1 ? " item" : " items") + " left out for " +
                     (left_for_pages == 1 ? "its page" : "their pages") + ", read from the same input");
    }
  }

  // Why a page gave no article, or nothing when it gave one (or when its failure was reported
  // as an error).
  enum class PageOutcome { kArticle, kError, kNoText };

  PageOutcome HtmlPage(const PageSource& source, std::string bytes) {
    const std::string& path = source.origin;
    auto page = ExtractPage(bytes, source.options);
    if (!page.ok()) {
      Error(path, 0, page.status().message());
      return PageOutcome::kError;
    }
    ExtractedPage& p = page.value();
    if (callbacks_.on_page) callbacks_.on_page(path, p);
    if (p.text.empty()) {
      if (source.in_archive) return PageOutcome::kNoText;
      Error(path, 0, "no article text found in the page");
      return PageOutcome::kError;
    }
    if (p.text.size() > kMaxArticleBytes) {
      Error(path, 0, OversizeMessage("the page's text", p.text.size()));
      return PageOutcome::kError;
    }
    if (feed_links_ != nullptr && !feed_links_->published.empty() && !p.published) {
      // A page without a date of its own takes its feed item's.
      for (const std::string* url : {static_cast<const std::string*>(&p.url), &source.options.url}) {
        const auto item = feed_links_->published.find(UrlKey(*url));
        if (!url->empty() && item != feed_links_->published.end() && item->second) {
          p.published = item->second;
          break;
        }
      }
    }
    // The headline opens most pages' main text; the article has it as its title already.
    if (!p.title.empty() && p.text.size() > p.title.size() + 2 && p.text.compare(0, p.title.size(), p.title) == 0 &&
        p.text.compare(p.title.size(), 2, "\n\n") == 0) {
      p.text.erase(0, p.title.size() + 2);
    }
    RawArticle article;
    article.id = source.id;
    if (!p.title.empty()) article.title = std::move(p.title);
    if (!p.outlet.empty()) article.source = std::move(p.outlet);
    if (!p.url.empty()) article.url = std::move(p.url);
    if (p.published) {
      // ExtractPage gives only dates ParsePublished takes.
      if (auto at = timeutil::ParsePublished(*p.published); at.ok()) {
        article.published = std::move(p.published);
        article.published_at = at.value();
      }
    }
    article.text = std::move(p.text);
    article.verbatim = std::move(bytes);
    article.origin = path;
    if (article.id.empty()) article.id = DeriveArticleId(article);
    MarkPaged(article.url.value_or(std::string()), source.options.url);
    Deliver(std::move(article));
    return PageOutcome::kArticle;
  }

  // The links of a feed's items, for FeedLinks (a feed that cannot be read gives none: it is
  // reported when it is read for its items).
  static void LearnFeedLinks(const Input& input, FeedLinks* links) {
    if (input.is_fifo) return;
    auto bytes = ReadPageFile(input.path, kMaxPageBytes);
    if (!bytes.ok()) return;
    auto feed = ReadFeed(bytes.value());
    if (!feed.ok()) return;
    for (const FeedItem& item : feed.value().items) {
      if (const std::string key = UrlKey(item.link); !key.empty()) links->published.emplace(key, item.published);
    }
  }

  // A page read, by the URLs that name it: a feed item linking to it is left out.
  void MarkPaged(const std::string& url, const std::string& fetched_from) {
    if (feed_links_ == nullptr || feed_links_->published.empty()) return;
    for (const std::string* u : {&url, &fetched_from}) {
      if (const std::string key = UrlKey(*u); !key.empty() && feed_links_->published.count(key) > 0) {
        feed_links_->paged.insert(key);
      }
    }
  }

  // JSON Lines from `in`; `prefix` holds bytes already taken from the stream (stdin sniffing).
  // Returns false on a stream failure.
  // `count_progress` false: the caller has counted the prefix already.
  bool JsonLines(const std::string& name, std::istream& in, std::string prefix, bool count_progress = true) {
    const uint64_t counted = count_progress ? 0 : prefix.size();
    LineReader lines(in, std::move(prefix), kMaxArticleBytes);
    std::string line;
    bool oversize = false;
    uint64_t length = 0, consumed = 0;
    int64_t number = 0;
    bool any_record = false;
    uint64_t total_bytes = 0;
    // Until the first valid record the file may be binary: rejections are held until a valid
    // record shows it is not (then each is reported with its line), or the end or
    // kBinaryRecordsBeforeGivingUp records show it is — no valid record, and NUL bytes — (then it
    // is reported once). A file of text that is no JSON has its lines reported one by one.
    std::vector<ReadError> held;
    bool holding = true;
    int64_t first_nul_line = 0;
    auto release_held = [&]() {
      for (ReadError& e : held) Error(e.file, e.line, std::move(e.message));
      held.clear();
      holding = false;
    };
    auto binary_error = [&](const std::string& within, const std::string& after) {
      Error(name, 0,
            "binary file (NUL byte in line " + std::to_string(first_nul_line) + " and no valid record" + within +
                "), not JSON Lines" + after);
    };
    while (!Stopped() && lines.Next(&line, &oversize, &length, &consumed)) {
      ++number;
      total_bytes += consumed;
      if (total_bytes > counted) progress_.Add(std::min<uint64_t>(consumed, total_bytes - counted));
      if (!oversize && IsBlank(line)) continue;
      any_record = true;
      if (holding && held.size() >= kBinaryRecordsBeforeGivingUp) {
        if (first_nul_line != 0) {
          binary_error(" in the first " + std::to_string(held.size()), "; not read further");
          return !lines.Failed();
        }
        release_held();
      }
      auto parsed = oversize
                        ? Result<RawArticle>(Status::Error(ErrorCode::kInvalidInput, OversizeMessage("record", length)))
                        : ParseJsonLine(line);
      if (!parsed.ok()) {
        if (!holding) {
          Error(name, number, parsed.status().message());
          continue;
        }
        if (first_nul_line == 0 && !oversize && line.find('\0') != std::string::npos) first_nul_line = number;
        held.push_back(ReadError{name, number, parsed.status().message()});
        continue;
      }
      release_held();
      RawArticle article = std::move(parsed).value();
      if (article.id.empty()) article.id = DeriveArticleId(article);
      article.origin = name + ":" + std::to_string(number);
      article.verbatim = std::move(line);
      line = std::string();
      Deliver(std::move(article));
    }
    if (held.size() > 1 && first_nul_line != 0) {
      binary_error("", "");
    } else {
      release_held();  // a single bad record is reported as such, with its line
    }
    if (lines.Failed()) {
      Error(name, 0, "read error after line " + std::to_string(number));
      return false;
    }
    if (total_bytes == 0) {
      Error(name, 0, "empty file");
    } else if (!any_record) {
      Error(name, 0, "empty file: only blank lines");
    }
    return true;
  }

  void JsonLinesFile(const Input& input) {
    std::string error;
    const std::unique_ptr<std::istream> in = Open(input, &error);
    if (!in) return Error(input.path, 0, error);
    JsonLines(input.path, *in, std::string());
  }

  // A `.json` file: JSON Lines, one object over many lines, or an array of objects
  // (json_document.h), judged from its first megabyte.
  void JsonFile(const Input& input) {
    std::string error;
    const std::unique_ptr<std::istream> stream = Open(input, &error);
    if (!stream) return Error(input.path, 0, error);
    std::istream& in = *stream;
    std::string content;
    ReadCapped(in, kChunkBytes - 1, &content);
    if (in.bad()) {
      progress_.Add(content.size());
      return Error(input.path, 0, "read error");
    }
    const JsonFileShape shape = SniffJsonFile(content);
    if (shape == JsonFileShape::kJsonLines) {
      JsonLines(input.path, in, std::move(content));
      return;
    }
    const size_t limit = shape == JsonFileShape::kArray ? kMaxJsonDocumentBytes : kMaxArticleBytes;
    const bool over = ReadCapped(in, limit, &content);
    progress_.Add(content.size());
    if (in.bad()) return Error(input.path, 0, "read error");
    if (over) {
      return Error(input.path, 0,
                   shape == JsonFileShape::kArray
                       ? OversizeDocumentMessage()
                       : OversizeMessage("the JSON object (spread over several lines)", std::nullopt));
    }
    if (shape == JsonFileShape::kObject) {
      // Not one well-formed value: more likely JSON Lines with a broken first record than one
      // broken object, and read line by line nothing valid is lost.
      if (!IsOneJsonValue(content)) {
        std::istringstream nothing_more;
        JsonLines(input.path, nothing_more, std::move(content), /*count_progress=*/false);
        return;
      }
      const int64_t line = LineOfFirstByte(content);
      JsonRecord(input.path, line, std::move(content));
      return;
    }
    const JsonArraySplit split = SplitJsonArray(content);
    size_t problem = 0;
    for (const JsonElement& element : split.elements) {
      if (Stopped()) return;
      for (; problem < split.problems.size() && split.problems[problem].line < element.line; ++problem) {
        Error(input.path, split.problems[problem].line, split.problems[problem].message);
      }
      JsonRecord(input.path, element.line, std::string(element.text));
    }
    for (; problem < split.problems.size(); ++problem) {
      Error(input.path, split.problems[problem].line, split.problems[problem].message);
    }
    if (split.elements.empty() && split.problems.empty()) Error(input.path, 0, "empty JSON array: no articles");
  }

  // One record of a JSON document, starting on `line` of `file`.
  void JsonRecord(const std::string& file, int64_t line, std::string record) {
    auto parsed = ParseJsonLine(record);
    if (!parsed.ok()) return Error(file, line, parsed.status().message());
    RawArticle article = std::move(parsed).value();
    if (article.id.empty()) article.id = DeriveArticleId(article);
    article.origin = file + ":" + std::to_string(line);
    article.verbatim = std::move(record);
    Deliver(std::move(article));
  }

  // Stdin: JSON Lines when the first non-blank byte is '{', else one seed-text article.
  Status Stdin(std::istream& in) {
    std::string prefix;
    int c = in.peek();
    while (c != std::char_traits<char>::eof() && (c == ' ' || c == '\t' || c == '\r' || c == '\n') &&
           prefix.size() <= kMaxArticleBytes) {
      prefix.push_back(static_cast<char>(in.get()));
      c = in.peek();
    }
    if (in.bad()) return Status::Error(ErrorCode::kIo, "cannot read standard input");
    if (c == std::char_traits<char>::eof()) {
      progress_.Add(prefix.size());
      Error(kStdinName, 0, prefix.empty() ? "empty input" : "empty input: only white space");
      return Status::Ok();
    }
    if (c == '{') {
      if (!JsonLines(kStdinName, in, std::move(prefix))) {
        return Status::Error(ErrorCode::kIo, "cannot read standard input");
      }
      return Status::Ok();
    }
    std::string content = std::move(prefix);
    const bool over = ReadCapped(in, kMaxArticleBytes, &content);
    if (in.bad()) return Status::Error(ErrorCode::kIo, "cannot read standard input");
    progress_.Add(content.size());
    if (over) {
      Error(kStdinName, 0, OversizeMessage("article", std::nullopt));
      return Status::Ok();
    }
    SeedText(kStdinName, std::move(content), std::string());
    return Status::Ok();
  }

  // A web archive, streamed record by record (warc_reader.h); gzipped or not, by its first bytes.
  void WarcFile(const Input& input) {
    std::string error;
    const std::unique_ptr<std::istream> stream = Open(input, &error);
    if (!stream) return Error(input.path, 0, error);
    std::istream& raw = *stream;
    char magic[2] = {0, 0};
    const int first = raw.peek();
    std::optional<GunzipStream> unpacked;
    if (first == 0x1F) {
      raw.read(magic, 2);
      const bool gzip = raw.gcount() == 2 && IsGzipMagic(std::string_view(magic, 2));
      raw.clear();
      raw.seekg(0);
      if (gzip) unpacked.emplace(raw);
    }
    std::istream& in = unpacked ? static_cast<std::istream&>(*unpacked) : raw;
    // A record's block holds the HTTP header and the page: some room over the page limit.
    WarcReader records(in, kMaxPageBytes + (size_t{1} << 20));
    uint64_t counted = 0;
    auto count_progress = [&] {
      const uint64_t now = unpacked ? unpacked->CompressedBytes() : records.Consumed();
      progress_.Add(now - counted);
      counted = now;
    };
    WarcCounts counts;
    while (!Stopped()) {
      auto next = records.Next();
      count_progress();
      if (!next.ok()) {
        ++counts.broken;
        Error(input.path, 0, next.status().message());
        continue;
      }
      if (!next.value()) break;
      ++counts.records;
      ArchiveRecord(input.path, *next.value(), &counts);
    }
    if (unpacked && !unpacked->Error().empty()) {
      Error(input.path, 0, unpacked->Error() + " after record " + std::to_string(counts.records + counts.broken));
    } else if (raw.bad()) {
      Error(input.path, 0, "read error after record " + std::to_string(counts.records + counts.broken));
    } else if (counts.records == 0 && counts.broken == 0 && !Stopped()) {
      Error(input.path, 0, records.Consumed() == 0 ? "empty file" : "no WARC record in the file");
    }
    if (counts.records > 0) Note(input.path, counts.Summary());
  }

  void FileDone() { progress_.FileDone(); }

 private:
  // What a web archive held, for its one note.
  struct WarcCounts {
    uint64_t records = 0;
    uint64_t broken = 0;
    uint64_t pages = 0;
    std::map<std::string, uint64_t> skipped;  // by why

    std::string Summary() const {
      uint64_t total_skipped = 0;
      std::string why;
      // A tally: "request 9, warcinfo 1, HTTP 4xx 1, not HTML 3".
      for (const auto& [reason, n] : skipped) {
        total_skipped += n;
        why += (why.empty() ? "" : ", ") + reason + " " + std::to_string(n);
      }
      std::string out = std::to_string(records) + " WARC records: " + std::to_string(pages) + " pages read";
      if (total_skipped > 0) out += ", " + std::to_string(total_skipped) + " skipped (" + why + ")";
      return out;
    }
  };

  // One record of a web archive: a page when it is an HTML response (2xx) or resource.
  void ArchiveRecord(const std::string& path, WarcRecord& record, WarcCounts* counts) {
    auto skip = [counts](const std::string& why) { ++counts->skipped[why]; };
    if (record.type != "response" && record.type != "resource") {
      return skip(record.type.empty() ? std::string("no WARC-Type") : OneLine(record.type, 40));
    }
    // Writers that leave out the record's Content-Type still write the HTTP message.
    const bool over_http = LowerAscii(record.content_type).rfind("application/http", 0) == 0 ||
                           (record.content_type.empty() && record.block.rfind("HTTP/", 0) == 0);
    if (record.block_skipped) {
      // Over the size limit: a page is an error worth a line, anything else (video, PDF) is not.
      std::string media_type = record.content_type.substr(0, record.content_type.find(';'));
      if (over_http) {
        auto head = ParseHttpHead(record.block);
        media_type = head.ok() ? head.value().media_type : std::string();
      }
      if (IsHtmlMediaType(LowerAscii(TrimWhitespace(media_type)), "")) {
        char megabytes[32];
        std::snprintf(megabytes, sizeof megabytes, "%.1f MB",
                      static_cast<double>(record.content_length) / (1024.0 * 1024.0));
        return Error(path, 0,
                     record.Describe() + ": a page of " + megabytes + ", over the " +
                         std::to_string(kMaxPageBytes / (size_t{1024} * 1024)) + " MB limit of pages; skipped unread");
      }
      return skip("over the size limit, unread");
    }
    std::string body;
    std::string charset;
    if (record.type == "response") {
      if (!over_http) return skip("response not over HTTP");
      auto response = ParseHttpResponse(record.block, kMaxPageBytes);
      if (!response.ok()) {
        return Error(path, 0, record.Describe() + ": " + response.status().message());
      }
      HttpResponse& r = response.value();
      if (r.status < 200 || r.status > 299) return skip("HTTP " + std::to_string(r.status / 100) + "xx");
      if (!IsHtmlMediaType(r.media_type, r.body)) return skip("not HTML");
      body = std::move(r.body);
      charset = std::move(r.charset);
    } else {
      const std::string media_type = LowerAscii(record.content_type.substr(0, record.content_type.find(';')));
      if (!IsHtmlMediaType(std::string(TrimWhitespace(media_type)), record.block)) return skip("not HTML");
      body = std::move(record.block);
    }
    PageSource source;
    source.origin = path + ":record " + std::to_string(record.number);
    source.id = RecordUuid(record.record_id);
    source.options.url = record.target_uri;
    source.options.charset = std::move(charset);
    if (auto crawled = timeutil::ParsePublished(record.date); crawled.ok()) source.options.not_after = crawled.value();
    source.in_archive = true;
    if (HtmlPage(source, std::move(body)) == PageOutcome::kNoText) return skip("no article text");
    ++counts->pages;
  }

  static bool IsHtmlMediaType(const std::string& media_type, std::string_view body) {
    if (media_type.empty()) return LooksLikeHtml(body);
    return media_type == "text/html" || media_type == "application/xhtml+xml";
  }

  // "<urn:uuid:0c1d...>" → "0c1d..."; other ids as they are, without angle brackets.
  static std::string RecordUuid(std::string_view id) {
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    if (id.rfind("urn:uuid:", 0) == 0) id.remove_prefix(9);
    if (id.size() > 512) return {};
    return std::string(id);
  }

  const ReadCallbacks& callbacks_;
  const ReadSettings& settings_;
  Progress progress_;
  FeedLinks* feed_links_;
};

}  // namespace

Status ReadPaths(const std::vector<std::string>& paths, std::istream& stdin_stream, const ReadCallbacks& callbacks,
                 const ReadSettings& settings) {
  const std::vector<Input> inputs = ExpandPaths(paths);
  uint64_t total = 0;
  bool total_known = true;
  for (const Input& input : inputs) {
    if (input.is_stdin || (!input.error && !input.size)) total_known = false;
    if (input.size) total += *input.size;
  }
  // Feeds are read last, when their items' pages may be in the input too (see the header).
  const bool any_feed =
      std::any_of(inputs.begin(), inputs.end(), [](const Input& i) { return !i.error && i.format == Format::kFeed; });
  const bool any_page = std::any_of(inputs.begin(), inputs.end(), [](const Input& i) {
    return !i.error &&
           (i.is_stdin || (i.format != Format::kFeed && i.format != Format::kJsonLines && i.format != Format::kJson));
  });
  FeedLinks feed_links;
  const bool feeds_last = any_feed && any_page;
  if (feeds_last) {
    for (const Input& input : inputs) {
      if (!input.error && input.format == Format::kFeed) Reader::LearnFeedLinks(input, &feed_links);
    }
  }
  std::vector<const Input*> order;
  for (const Input& input : inputs) {
    if (!feeds_last || input.error || input.format != Format::kFeed) order.push_back(&input);
  }
  if (feeds_last) {
    for (const Input& input : inputs) {
      if (!input.error && input.format == Format::kFeed) order.push_back(&input);
    }
  }
  Reader reader(callbacks, settings, total_known ? total : 0, inputs.size(), feeds_last ? &feed_links : nullptr);
  for (const Input* next : order) {
    const Input& input = *next;
    if (reader.Stopped()) break;
    if (input.error) {
      reader.Error(input.path, 0, *input.error);
      continue;
    }
    if (input.is_stdin) {
      if (Status s = reader.Stdin(stdin_stream); !s.ok()) return s;
    } else if (input.format == Format::kJsonLines) {
      reader.JsonLinesFile(input);
    } else if (input.format == Format::kJson) {
      reader.JsonFile(input);
    } else if (input.format == Format::kHtml) {
      reader.HtmlFile(input);
    } else if (input.format == Format::kFeed) {
      reader.FeedFile(input);
    } else if (input.format == Format::kWarc) {
      reader.WarcFile(input);
    } else {
      reader.SeedTextFile(input);
    }
    reader.FileDone();
  }
  return Status::Ok();
}

}  // namespace storydesk::read
