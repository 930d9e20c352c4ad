#include "adapters/service/open_store.h"

#include "adapters/pg/pg_store.h"
#include "adapters/store/sqlite_store.h"
#include "storydesk/fingerprint/fingerprint_settings.h"
#include "storydesk/story_engine.h"

namespace storydesk::service {

store::FingerprintSettings CurrentFingerprintSettings() {
  store::FingerprintSettings s;
  s.version = fingerprint::kFingerprintVersion;
  s.shingle_words = fingerprint::kShingleWords;
  s.permutations = fingerprint::kPermutations;
  s.bands = fingerprint::kBands;
  s.seed = fingerprint::kSeed;
  return s;
}

bool IsStoreUrl(const std::string& path) {
  return path.rfind("postgresql://", 0) == 0 || path.rfind("postgres://", 0) == 0;
}

namespace {

// The store at `path`: PostgreSQL for a postgresql:// URL, else the SQLite file.
Result<std::unique_ptr<store::Store>> OpenBackend(const std::string& path, const store::FingerprintSettings& settings) {
  if (IsStoreUrl(path)) {
    auto opened = pg::PgStore::Open(path, settings);
    if (!opened.ok()) return opened.status();
    return std::unique_ptr<store::Store>(std::move(opened).value());
  }
  auto opened = store::SqliteStore::Open(path, settings);
  if (!opened.ok()) return opened.status();
  return std::unique_ptr<store::Store>(std::move(opened).value());
}

}  // namespace

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& path, bool* refingerprinted) {
  const store::FingerprintSettings current = CurrentFingerprintSettings();
  auto opened = OpenBackend(path, current);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<store::Store> db = std::move(opened).value();
  const bool stale = !(db->StoredFingerprintSettings() == current);
  if (refingerprinted) *refingerprinted = stale;
  if (stale) {
    Status s = db->Refingerprint(current, [](const RawArticle& a, uint64_t* exact, std::vector<uint32_t>* minhash) {
      StoryEngine::Fingerprint(a, exact, minhash);
    });
    if (!s.ok()) return s;
  }
  return db;
}

Result<std::unique_ptr<store::Store>> OpenStoreForReading(const std::string& path) {
  return OpenBackend(path, CurrentFingerprintSettings());
}

}  // namespace storydesk::service
