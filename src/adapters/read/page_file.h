// ReadPageFile: the bytes of a saved web page, gunzipped when the file is gzip (by its magic
// bytes, whatever its name: "page.html.gz", or a page saved compressed under ".html").
// Concatenated gzip members are read as one stream, as gzip(1) does. Not thread-safe only in
// the sense that it reads the file system.
#pragma once

#include <string>
#include <string_view>

#include "storydesk/status.h"

namespace storydesk::read {

// Errors: kNotFound / kIo naming the file; kInvalidInput for broken or truncated gzip data and
// for a page that decompresses (or is) larger than `max_bytes`.
Result<std::string> ReadPageFile(const std::string& path, size_t max_bytes);

// Gunzips `data`; the same errors, without a file name.
Result<std::string> Gunzip(std::string_view data, size_t max_bytes);

}  // namespace storydesk::read
