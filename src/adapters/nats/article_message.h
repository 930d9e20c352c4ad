// An article as a JetStream message of distributed ingest: a JSON object of its fields, the
// verbatim record included, so that what the assigner stores is what `ingest` would have stored
// from the same input.
//
// DecodeArticleMessage takes untrusted bytes: malformed JSON, a field of the wrong type, invalid
// UTF-8, a missing id or text or an unparsable date are kInvalidInput, one line.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "storydesk/article.h"
#include "storydesk/status.h"

namespace storydesk::nats {

std::string EncodeArticleMessage(const RawArticle& article);
Result<RawArticle> DecodeArticleMessage(std::string_view bytes);

}  // namespace storydesk::nats
