#include "adapters/read/warc_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "adapters/read/text_checks.h"

namespace storydesk::read {
namespace {

// A header line longer than this is not a WARC header: the record is broken.
constexpr size_t kMaxHeaderLine = size_t{64} * 1024;
// Nor is a header of more fields than this.
constexpr int kMaxHeaderFields = 1000;
constexpr size_t kBlockChunk = size_t{1} << 20;

bool IsVersionLine(std::string_view line) { return line.rfind("WARC/", 0) == 0; }

}  // namespace

std::string WarcRecord::Describe() const {
  std::string out = "record " + std::to_string(number);
  // Both come from the archive: cut and escaped to fit a one-line message.
  if (!target_uri.empty()) {
    out += " (" + OneLine(target_uri, 200) + ")";
  } else if (!record_id.empty()) {
    out += " (" + OneLine(record_id, 100) + ")";
  }
  return out;
}

bool WarcReader::ReadLine(std::string* line, size_t limit, bool* too_long) {
  line->clear();
  *too_long = false;
  line_ended_ = false;
  std::streambuf* buffer = in_.rdbuf();
  bool any = false;
  for (;;) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) break;
    any = true;
    ++consumed_;
    if (c == '\n') {
      line_ended_ = true;
      break;
    }
    if (line->size() < limit) {
      line->push_back(static_cast<char>(c));
    } else {
      *too_long = true;
    }
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

bool WarcReader::SkipToNextRecord() {
  std::string line;
  bool too_long = false;
  for (;;) {
    const uint64_t start = consumed_;
    if (!ReadLine(&line, kMaxHeaderLine, &too_long)) return false;
    if (!too_long && IsVersionLine(line)) {
      pending_ = std::move(line);
      pending_offset_ = start;
      return true;
    }
  }
}

Result<std::optional<WarcRecord>> WarcReader::Next() {
  std::string line;
  bool too_long = false;
  uint64_t start = consumed_;
  if (pending_) {
    line = std::move(*pending_);
    pending_.reset();
    start = pending_offset_;
  } else {
    do {
      start = consumed_;
      if (!ReadLine(&line, kMaxHeaderLine, &too_long)) return std::optional<WarcRecord>();
    } while (!too_long && IsBlank(line));
  }
  WarcRecord record;
  record.number = ++number_;
  record.offset = start;
  auto broken = [&](const std::string& why) -> Result<std::optional<WarcRecord>> {
    const std::string name = record.Describe() + ", at byte " + std::to_string(record.offset);
    return Status::Error(ErrorCode::kInvalidInput, name + ": " + why);
  };
  if (too_long || !IsVersionLine(line)) {
    SkipToNextRecord();
    return broken("not a WARC record (it does not start with a \"WARC/\" version line)");
  }
  std::optional<uint64_t> length;
  std::string* last_value = nullptr;
  for (int fields = 0;; ++fields) {
    // A header line cut by the end of the stream is not read: its value would be cut too.
    if (!ReadLine(&line, kMaxHeaderLine, &too_long) || !line_ended_) {
      return broken("the archive ends inside the record's header");
    }
    if (too_long) {
      SkipToNextRecord();
      return broken("a header line longer than " + std::to_string(kMaxHeaderLine) + " bytes");
    }
    if (line.empty()) break;
    if (fields >= kMaxHeaderFields) {
      SkipToNextRecord();
      return broken("more than " + std::to_string(kMaxHeaderFields) + " header fields");
    }
    if ((line[0] == ' ' || line[0] == '\t') && last_value != nullptr) {
      // A folded line continues the field before it.
      *last_value += " ";
      *last_value += TrimWhitespace(line);
      continue;
    }
    last_value = nullptr;
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;  // not a field: ignored, as readers of WARC do
    const std::string name = LowerAscii(TrimWhitespace(std::string_view(line).substr(0, colon)));
    const std::string value(TrimWhitespace(std::string_view(line).substr(colon + 1)));
    if (name == "warc-type") {
      record.type = LowerAscii(value);
      last_value = &record.type;
    } else if (name == "warc-record-id") {
      record.record_id = value;
      last_value = &record.record_id;
    } else if (name == "warc-target-uri") {
      // WARC/1.0 writes the URI bare; some writers wrap it in <>.
      std::string_view uri = value;
      if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
      record.target_uri = std::string(uri);
      last_value = &record.target_uri;
    } else if (name == "warc-date") {
      record.date = value;
    } else if (name == "content-type") {
      record.content_type = value;
      last_value = &record.content_type;
    } else if (name == "content-length") {
      uint64_t n = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec == std::errc() && end == value.data() + value.size()) length = n;
    }
  }
  if (!length) {
    SkipToNextRecord();
    return broken("no valid Content-Length");
  }
  record.content_length = *length;
  std::streambuf* buffer = in_.rdbuf();
  uint64_t left = *length;
  record.block_skipped = *length > max_block_bytes_;
  std::string chunk;
  if (record.block_skipped) chunk.resize(kBlockChunk);
  while (left > 0) {
    const auto want = static_cast<std::streamsize>(std::min<uint64_t>(left, kBlockChunk));
    std::streamsize got = 0;
    if (record.block_skipped) {
      got = buffer->sgetn(chunk.data(), want);
      if (record.block.size() < kSkippedBlockHead) {
        record.block.append(chunk.data(),
                            std::min<size_t>(static_cast<size_t>(got), kSkippedBlockHead - record.block.size()));
      }
    } else {
      const size_t at = record.block.size();
      record.block.resize(at + static_cast<size_t>(want));
      got = buffer->sgetn(record.block.data() + at, want);
      record.block.resize(at + static_cast<size_t>(got));
    }
    consumed_ += static_cast<uint64_t>(got);
    left -= static_cast<uint64_t>(got);
    if (got < want) {
      return broken("the archive ends inside the record's block (" + std::to_string(*length - left) + " of " +
                    std::to_string(*length) + " bytes)");
    }
  }
  // The two line ends closing the record are read as blank lines before the next one.
  return std::optional<WarcRecord>(std::move(record));
}

bool LooksLikeWarc(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty() && (bytes.front() == '\r' || bytes.front() == '\n')) bytes.remove_prefix(1);
  return bytes.rfind("WARC/1.", 0) == 0;
}

}  // namespace storydesk::read
