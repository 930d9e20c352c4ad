#include "adapters/service/store_writer_lock.h"

#include "adapters/service/open_store.h"

namespace storydesk::service {

Result<StoreWriterLock> StoreWriterLock::Acquire(const std::string& db_path, const store::WriterLockOptions& options) {
  StoreWriterLock lock;
  if (IsStoreUrl(db_path)) {
    auto held = pg::PgWriterLock::Acquire(db_path, options.max_wait, [&] {
      if (options.on_wait) options.on_wait(db_path);
    });
    if (!held.ok()) return held.status();
    lock.server_.emplace(std::move(held).value());
    return lock;
  }
  auto held = store::WriterLock::Acquire(db_path, options);
  if (!held.ok()) return held.status();
  lock.file_.emplace(std::move(held).value());
  return lock;
}

}  // namespace storydesk::service
