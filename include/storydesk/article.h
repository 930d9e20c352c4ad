// RawArticle: one article as a reader delivers it, before any analysis.
//
// Readers (src/adapters/read) fill it from seed text files, JSON Lines or stdin; the core
// analyses it (src/core/article_analysis.h); the store keeps `verbatim` byte for byte.
// Plain value type; no invariants beyond those documented per field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace storydesk {

struct RawArticle {
  // Caller-given identifier; empty means "derive one from the content" (DeriveArticleId).
  std::string id;
  std::optional<std::string> source;  // outlet or agency ("AP"); from the input or the dateline
  std::optional<std::string> url;
  std::optional<std::string> title;  // headline, when the input has one
  // Publication time as given ("2021-08-23" or an RFC 3339 datetime), already validated.
  std::optional<std::string> published;
  // The same instant as seconds since 1970-01-01T00:00:00Z (a bare date means 00:00 UTC).
  std::optional<int64_t> published_at;
  std::optional<std::string> place;  // dateline place ("SEOUL, South Korea")
  std::vector<std::string> bullets;  // summary bullet lines, marker stripped
  std::string text;                  // the body; for seed text, without header, title, bullets, dateline
  std::string verbatim;              // the record exactly as read (whole file, or one JSON line)
  std::string origin;                // where it came from: "path:line"
};

}  // namespace storydesk
