// Test helpers: WARC records, HTTP responses and gzip (or zlib) data written the way crawlers write
// them, for the tests of the WARC reader and of ReadPaths. Header-only; tests only.
#pragma once

#include <zlib.h>

#include <string>

namespace storydesk::read::testing {

// One WARC/1.0 record: header, block, and the two CRLFs that close it.
inline std::string WarcRecordText(const std::string& type, const std::string& uri, const std::string& block,
                                  const std::string& content_type = "application/http; msgtype=response",
                                  const std::string& id = "", const std::string& date = "2025-03-07T09:30:00Z") {
  std::string out = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) out += "WARC-Target-URI: " + uri + "\r\n";
  out += "WARC-Date: " + date + "\r\n";
  if (!id.empty()) out += "WARC-Record-ID: <urn:uuid:" + id + ">\r\n";
  out += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return out + block + "\r\n\r\n";
}

inline std::string HttpResponseText(int status, const std::string& media_type, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + media_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// `data` compressed by zlib: a gzip member (window_bits 16 + MAX_WBITS), a zlib stream
// (MAX_WBITS) or raw deflate (-MAX_WBITS).
inline std::string Deflated(const std::string& data, int window_bits) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// `data` as one gzip member.
inline std::string GzipMember(const std::string& data) { return Deflated(data, 16 + MAX_WBITS); }

}  // namespace storydesk::read::testing
