#include "adapters/store/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace storydesk::store {
namespace {

// How often a bounded wait retries the lock: flock cannot time out by itself, and a blocking
// flock interrupted by a timer signal would disturb the caller's signal handling.
constexpr std::chrono::milliseconds kPollInterval{20};

Status SystemError(const std::string& path, const char* what, int error) {
  return Status::Error(ErrorCode::kIo, path + ": cannot " + what + " the writer lock (" + std::strerror(error) + ")");
}

}  // namespace

std::string WriterLock::LockPathFor(const std::string& db_path) { return db_path + ".writer-lock"; }

Result<WriterLock> WriterLock::Acquire(const std::string& db_path, const WriterLockOptions& options) {
  const std::string path = LockPathFor(db_path);
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return SystemError(path, "create", errno);
  WriterLock lock(fd, path);  // closes fd on every early return

  auto try_lock = [fd]() -> int {
    int rc;
    do {
      rc = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    return rc == 0 ? 0 : errno;
  };
  int error = try_lock();
  if (error == 0) return lock;
  if (error != EWOULDBLOCK) return SystemError(path, "take", error);
  if (options.max_wait && options.max_wait->count() <= 0) {
    return Status::Error(ErrorCode::kConflict, "another writer is storing into " + db_path + "; try again later");
  }
  if (options.on_wait) options.on_wait(path);
  if (!options.max_wait) {
    int rc;
    do {
      rc = ::flock(fd, LOCK_EX);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) return SystemError(path, "take", errno);
    return lock;
  }
  const auto deadline = std::chrono::steady_clock::now() + *options.max_wait;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(kPollInterval);
    error = try_lock();
    if (error == 0) return lock;
    if (error != EWOULDBLOCK) return SystemError(path, "take", error);
  }
  return Status::Error(ErrorCode::kConflict, "another writer is storing into " + db_path + "; try again later");
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) { other.fd_ = -1; }

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace storydesk::store
