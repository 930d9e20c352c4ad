// GunzipStream: an std::istream of the decompressed bytes of another stream, inflated a chunk at a
// time (zlib), so a compressed file of any size is read in bounded memory. Concatenated gzip
// members are one stream, as gzip(1) reads them — a .warc.gz is one member per record.
//
// A corrupt or truncated member ends the stream: reading stops with eof and badbit set, and
// Error() says why ("broken gzip data at compressed byte N", "truncated gzip data").
// CompressedBytes() counts what was taken from the source (for progress). Not thread-safe.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>

namespace storydesk::read {

class GunzipStreamBuf : public std::streambuf {
 public:
  explicit GunzipStreamBuf(std::istream& source);
  ~GunzipStreamBuf() override;
  GunzipStreamBuf(const GunzipStreamBuf&) = delete;
  GunzipStreamBuf& operator=(const GunzipStreamBuf&) = delete;

  // Empty while the data is good.
  const std::string& Error() const { return error_; }
  uint64_t CompressedBytes() const { return compressed_bytes_; }

 protected:
  int_type underflow() override;

 private:
  bool FillInput();

  std::istream& source_;
  z_stream zstream_{};
  bool started_ = false;
  bool member_ended_ = false;  // the last member ended cleanly (the input may end here)
  bool done_ = false;
  std::string error_;
  uint64_t compressed_bytes_ = 0;
  std::string in_buffer_;
  std::string out_buffer_;
};

class GunzipStream : public std::istream {
 public:
  explicit GunzipStream(std::istream& source) : std::istream(nullptr), buffer_(source) { rdbuf(&buffer_); }

  const std::string& Error() const { return buffer_.Error(); }
  uint64_t CompressedBytes() const { return buffer_.CompressedBytes(); }

 private:
  GunzipStreamBuf buffer_;
};

// True when `bytes` start with the gzip magic (1f 8b).
bool IsGzipMagic(std::string_view bytes);

}  // namespace storydesk::read
