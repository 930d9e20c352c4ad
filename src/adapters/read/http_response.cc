#include "adapters/read/http_response.h"

#include <zlib.h>

#include <cctype>
#include <charconv>
#include <optional>

#include "adapters/read/page_file.h"
#include "adapters/read/text_checks.h"

namespace storydesk::read {
namespace {

// The next line of `text` from *at, without its line end; *at moves past it.
std::string_view NextLine(std::string_view text, size_t* at) {
  const size_t end = text.find('\n', *at);
  std::string_view line = text.substr(*at, end == std::string_view::npos ? std::string_view::npos : end - *at);
  *at = end == std::string_view::npos ? text.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// The body with its chunked transfer coding undone, or nothing when it is not well chunked.
std::optional<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t at = 0;
  for (;;) {
    if (at >= body.size()) return std::nullopt;  // no last chunk
    const std::string_view size_line = NextLine(body, &at);
    const std::string_view digits = TrimWhitespace(size_line.substr(0, size_line.find(';')));
    uint64_t size = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size, 16);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    if (size == 0) return out;  // the last chunk (trailer fields after it are not read)
    if (size > body.size() - at) return std::nullopt;
    out.append(body.substr(at, size));
    at += size;
    if (body.compare(at, 2, "\r\n") == 0) {
      at += 2;
    } else if (body.compare(at, 1, "\n") == 0) {
      at += 1;
    } else {
      return std::nullopt;
    }
  }
}

// "deflate" is a zlib stream by the standard and a raw one from some servers: both are read.
Result<std::string> Inflate(std::string_view data, size_t max_bytes) {
  for (const int window_bits : {MAX_WBITS, -MAX_WBITS}) {
    z_stream stream{};
    if (inflateInit2(&stream, window_bits) != Z_OK) break;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buffer[1 << 15];
    int rc = Z_OK;
    while (rc == Z_OK && out.size() <= max_bytes) {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      rc = inflate(&stream, Z_NO_FLUSH);
      if (rc == Z_OK || rc == Z_STREAM_END) out.append(buffer, sizeof buffer - stream.avail_out);
      if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) break;
    }
    inflateEnd(&stream);
    if (out.size() > max_bytes) {
      return Status::Error(ErrorCode::kInvalidInput,
                           "its body decompresses to more than the limit of " + std::to_string(max_bytes) + " bytes");
    }
    if (rc == Z_STREAM_END) return out;
  }
  return Status::Error(ErrorCode::kInvalidInput, "its deflate-coded body does not decompress");
}

// The status line and header fields of `message`; *body_at is where the header ends (npos
// when it never does), *transfer_coding and *content_coding as given, lower-case.
Result<HttpResponse> ParseHead(std::string_view message, size_t* body_at, std::string* transfer_coding,
                               std::string* content_coding) {
  size_t at = 0;
  const std::string_view status_line = NextLine(message, &at);
  // "HTTP/1.1 200 OK"
  if (status_line.rfind("HTTP/", 0) != 0) {
    return Status::Error(ErrorCode::kInvalidInput, "not an HTTP response (no \"HTTP/\" status line)");
  }
  const size_t space = status_line.find(' ');
  HttpResponse response;
  if (space != std::string_view::npos) {
    const std::string_view code = status_line.substr(space + 1, 3);
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), response.status);
    if (ec != std::errc() || end != code.data() + code.size()) response.status = 0;
  }
  if (response.status < 100 || response.status > 599) {
    return Status::Error(ErrorCode::kInvalidInput, "an HTTP status line without a status code");
  }
  *body_at = std::string_view::npos;
  while (at < message.size()) {
    const std::string_view line = NextLine(message, &at);
    if (line.empty()) {
      *body_at = at;
      break;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = LowerAscii(TrimWhitespace(line.substr(0, colon)));
    const std::string value = LowerAscii(TrimWhitespace(line.substr(colon + 1)));
    if (name == "content-type") {
      const size_t semicolon = value.find(';');
      response.media_type = std::string(TrimWhitespace(std::string_view(value).substr(0, semicolon)));
      const size_t charset = value.find("charset=", semicolon == std::string::npos ? value.size() : semicolon);
      if (charset != std::string::npos) {
        std::string_view v = std::string_view(value).substr(charset + 8);
        v = v.substr(0, v.find(';'));
        v = TrimWhitespace(v);
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
        response.charset = std::string(v);
      }
    } else if (name == "transfer-encoding") {
      *transfer_coding = value;
    } else if (name == "content-encoding") {
      *content_coding = value;
    }
  }
  return response;
}

}  // namespace

Result<HttpResponse> ParseHttpHead(std::string_view message) {
  size_t body_at = 0;
  std::string transfer_coding, content_coding;
  return ParseHead(message, &body_at, &transfer_coding, &content_coding);
}

Result<HttpResponse> ParseHttpResponse(std::string_view message, size_t max_body_bytes) {
  size_t at = 0;
  std::string transfer_coding, content_coding;
  auto head = ParseHead(message, &at, &transfer_coding, &content_coding);
  if (!head.ok()) return head;
  if (at == std::string_view::npos) return Status::Error(ErrorCode::kInvalidInput, "an HTTP header that never ends");
  HttpResponse response = std::move(head).value();
  std::string_view body = message.substr(at);
  std::optional<std::string> dechunked;
  if (transfer_coding.find("chunked") != std::string::npos) {
    dechunked = Dechunk(body);
    if (dechunked) body = *dechunked;
  }
  if (content_coding.empty() || content_coding == "identity") {
    if (body.size() > max_body_bytes) {
      return Status::Error(ErrorCode::kInvalidInput,
                           "its body is larger than the limit of " + std::to_string(max_body_bytes) + " bytes");
    }
    response.body = std::string(body);
    return response;
  }
  if (content_coding == "gzip" || content_coding == "x-gzip") {
    auto unpacked = Gunzip(body, max_body_bytes);
    if (!unpacked.ok())
      return Status::Error(ErrorCode::kInvalidInput, "its gzip-coded body: " + unpacked.status().message());
    response.body = std::move(unpacked).value();
    return response;
  }
  if (content_coding == "deflate") {
    auto unpacked = Inflate(body, max_body_bytes);
    if (!unpacked.ok()) return unpacked.status();
    response.body = std::move(unpacked).value();
    return response;
  }
  return Status::Error(ErrorCode::kInvalidInput,
                       "a body in the content coding \"" + OneLine(content_coding, 40) + "\", which is not read");
}

}  // namespace storydesk::read
