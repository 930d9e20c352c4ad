// PgStreamPosition: how far distributed ingest's assigner has stored a stream — the sequence
// number through which every message of it is committed to this store — kept in the store's
// own meta table (key "stream_position:NAME"), so that an assigner taking over knows where to
// go on. Written after each batch's commit: a position that lags the store (the assigner died
// between the two) only makes the next one read a few articles again, and ingest stores an
// article once however often it sees it. It never moves back.
// Thread-safety: one object per thread (it owns a connection).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "adapters/pg/pg_connection.h"
#include "storydesk/status.h"

namespace storydesk::pg {

class PgStreamPosition {
 public:
  // Connects to the (migrated) store at `conninfo`. Errors: kStore.
  static Result<PgStreamPosition> Open(const std::string& conninfo, const std::string& stream);

  Result<uint64_t> Get();            // 0 when nothing was stored from the stream yet
  Status Advance(uint64_t through);  // to max(stored, through)

 private:
  PgStreamPosition(std::unique_ptr<PgConnection> db, std::string stream)
      : db_(std::move(db)), key_(std::move(stream)) {}
  std::unique_ptr<PgConnection> db_;
  std::string key_;
};

}  // namespace storydesk::pg
