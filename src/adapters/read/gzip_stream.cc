#include "adapters/read/gzip_stream.h"

namespace storydesk::read {
namespace {

constexpr size_t kInputChunk = size_t{1} << 16;
constexpr size_t kOutputChunk = size_t{1} << 16;

}  // namespace

GunzipStreamBuf::GunzipStreamBuf(std::istream& source) : source_(source), in_buffer_(kInputChunk, '\0') {
  // 16 + MAX_WBITS: gzip headers and trailers, checked.
  if (inflateInit2(&zstream_, 16 + MAX_WBITS) == Z_OK) {
    started_ = true;
  } else {
    error_ = "cannot start gzip decompression";
    done_ = true;
  }
}

GunzipStreamBuf::~GunzipStreamBuf() {
  if (started_) inflateEnd(&zstream_);
}

bool GunzipStreamBuf::FillInput() {
  if (!source_.good()) return false;
  source_.read(in_buffer_.data(), static_cast<std::streamsize>(in_buffer_.size()));
  const auto got = static_cast<size_t>(source_.gcount());
  if (got == 0) return false;
  compressed_bytes_ += got;
  zstream_.next_in = reinterpret_cast<Bytef*>(in_buffer_.data());
  zstream_.avail_in = static_cast<uInt>(got);
  return true;
}

GunzipStreamBuf::int_type GunzipStreamBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  out_buffer_.resize(kOutputChunk);
  while (!done_) {
    if (zstream_.avail_in == 0 && !FillInput()) {
      if (source_.bad()) {
        error_ = "read error";
      } else if (!member_ended_) {
        error_ = "truncated gzip data";
      }
      done_ = true;
      break;
    }
    if (member_ended_) {
      // More bytes after a member's end: the next member.
      if (inflateReset(&zstream_) != Z_OK) {
        error_ = "broken gzip data";
        done_ = true;
        break;
      }
      member_ended_ = false;
    }
    zstream_.next_out = reinterpret_cast<Bytef*>(out_buffer_.data());
    zstream_.avail_out = static_cast<uInt>(out_buffer_.size());
    const int rc = inflate(&zstream_, Z_NO_FLUSH);
    const size_t produced = out_buffer_.size() - zstream_.avail_out;
    if (rc == Z_STREAM_END) {
      member_ended_ = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      error_ = "broken gzip data at compressed byte " + std::to_string(compressed_bytes_ - zstream_.avail_in);
      done_ = true;
    }
    if (produced > 0) {
      setg(out_buffer_.data(), out_buffer_.data(), out_buffer_.data() + produced);
      return traits_type::to_int_type(*gptr());
    }
  }
  return traits_type::eof();
}

bool IsGzipMagic(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

}  // namespace storydesk::read
