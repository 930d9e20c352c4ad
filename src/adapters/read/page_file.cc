#include "adapters/read/page_file.h"

#include <zlib.h>

#include <fstream>
#include <sstream>

namespace storydesk::read {

Result<std::string> Gunzip(std::string_view data, size_t max_bytes) {
  z_stream stream{};
  // 16 + MAX_WBITS: a gzip header and trailer, checked.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    return Status::Error(ErrorCode::kIo, "cannot start gzip decompression");
  }
  std::string out;
  char buffer[1 << 16];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (true) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    rc = inflate(&stream, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&stream);
      return Status::Error(ErrorCode::kInvalidInput,
                           "decompresses to more than the limit of " + std::to_string(max_bytes) + " bytes");
    }
    if (rc == Z_STREAM_END) {
      if (stream.avail_in == 0) break;
      // Another member follows (gzip files may be concatenated).
      if (inflateReset(&stream) != Z_OK) break;
      continue;
    }
    if (stream.avail_in == 0 && stream.avail_out != 0) {
      rc = Z_BUF_ERROR;  // input ended inside a member
      break;
    }
  }
  inflateEnd(&stream);
  if (rc != Z_STREAM_END) {
    return Status::Error(ErrorCode::kInvalidInput, rc == Z_BUF_ERROR ? "truncated gzip data" : "broken gzip data");
  }
  return out;
}

Result<std::string> ReadPageFile(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kNotFound, path + ": cannot open");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) return Status::Error(ErrorCode::kIo, path + ": cannot read");
  if (static_cast<uint64_t>(size) > max_bytes) {
    return Status::Error(ErrorCode::kInvalidInput, path + ": " + std::to_string(size) +
                                                       " bytes, larger than the limit of " + std::to_string(max_bytes));
  }
  std::string data(static_cast<size_t>(size), '\0');
  if (!in.read(data.data(), size)) return Status::Error(ErrorCode::kIo, path + ": cannot read");
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F && static_cast<unsigned char>(data[1]) == 0x8B) {
    auto unpacked = Gunzip(data, max_bytes);
    if (!unpacked.ok()) return Status::Error(unpacked.status().code(), path + ": " + unpacked.status().message());
    return unpacked;
  }
  return data;
}

}  // namespace storydesk::read
