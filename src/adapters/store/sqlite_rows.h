// Row helpers shared by the files of SqliteStore (sqlite_store.cc: opening and writing;
// sqlite_store_reads.cc: lookups, listing, search): how an article row is read and written,
// and transactions. Private to the SQLite backend.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "adapters/store/signature_bytes.h"  // EncodeSignature, DecodeSignature
#include "adapters/store/statement.h"
#include "adapters/store/store_types.h"
#include "storydesk/status.h"

struct sqlite3;

namespace storydesk::store {

// The columns every StoredArticle is read from, in the order ReadArticle expects ("... FROM
// articles a JOIN ..." included: append WHERE / ORDER BY).
extern const char* const kArticleColumns;

// The article of a row selected with kArticleColumns.
Result<StoredArticle> ReadArticle(const Statement& row);
// Runs `query` (already bound) and appends every row as a StoredArticle.
Status CollectArticles(Statement& query, std::vector<StoredArticle>* out);
// The one integer `sql` selects, or `if_no_row` when it gives no row or NULL.
Result<int64_t> QueryInt64(sqlite3* db, const char* sql, int64_t if_no_row);

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back on any failure.
Status InTransaction(sqlite3* db, const std::function<Status()>& body);
// Runs `body` in one read transaction (one snapshot); inside an open transaction, just runs it.
Status InReadTransaction(sqlite3* db, const std::function<Status()>& body);

}  // namespace storydesk::store
