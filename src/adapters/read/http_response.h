// ParseHttpResponse: an HTTP/1.x response as a WARC response record holds it (RFC 9112) — its
// status, media type, charset and body, with the transfer coding (chunked) and the content
// coding (gzip, deflate) undone, since archives keep the bytes as the server sent them.
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "storydesk/status.h"

namespace storydesk::read {

struct HttpResponse {
  int status = 0;          // 200, 301, 404, ...
  std::string media_type;  // of Content-Type, lower-case, without parameters: "text/html"
  std::string charset;     // Content-Type's charset parameter, lower-case; empty when none
  std::string body;
};

// Errors (kInvalidInput): no status line, a header that never ends, a content coding other than
// gzip, x-gzip, deflate or identity ("br" is named), a body that does not decompress or that
// decompresses to more than `max_body_bytes`. A body whose chunked coding is broken is kept as
// sent (writers differ on whether they undo it).
Result<HttpResponse> ParseHttpResponse(std::string_view message, size_t max_body_bytes);

// The status line and header alone (body left empty), for a response whose body is not read
// (an archive record over the size limit, of which only the start is kept). Errors as above for
// the status line; a header cut short is read as far as it goes.
Result<HttpResponse> ParseHttpHead(std::string_view message);

}  // namespace storydesk::read
