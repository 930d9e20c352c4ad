#include "adapters/read/fifo_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <streambuf>

namespace storydesk::read {
namespace {

// A read-only streambuf over a file descriptor it owns.
class FdStreambuf : public std::streambuf {
 public:
  explicit FdStreambuf(int fd) : fd_(fd) {}
  ~FdStreambuf() override { ::close(fd_); }
  FdStreambuf(const FdStreambuf&) = delete;
  FdStreambuf& operator=(const FdStreambuf&) = delete;

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    ssize_t n;
    do {
      n = ::read(fd_, buffer_, sizeof buffer_);
    } while (n < 0 && errno == EINTR);
    // A read error ends the stream like its end does; the caller sees fewer bytes, never garbage.
    if (n <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  int fd_;
  char buffer_[1 << 16];
};

// An istream that owns its streambuf.
class FdStream : public std::istream {
 public:
  explicit FdStream(int fd) : std::istream(nullptr), buf_(fd) { rdbuf(&buf_); }

 private:
  FdStreambuf buf_;
};

}  // namespace

Result<std::unique_ptr<std::istream>> OpenFifo(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return Status::Error(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno));
  // Reads block again (for a writer's next bytes); with no writer at all a read returns end of
  // file at once, which is what makes a forgotten pipe read as empty instead of hanging.
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    return Status::Error(ErrorCode::kIo, "cannot open: " + reason);
  }
  return std::unique_ptr<std::istream>(std::make_unique<FdStream>(fd));
}

}  // namespace storydesk::read
