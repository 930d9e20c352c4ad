// HttpRequest and HttpResponse: one exchange as the API's handlers see it, independent of the
// HTTP library underneath (http_server.h). Plain values; no I/O.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storydesk::http {

struct HttpRequest {
  std::string method;  // "GET", "HEAD", "POST", ...
  std::string path;    // percent-decoded; may hold any bytes, invalid UTF-8 included
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order ('+' is a space)
  std::vector<std::pair<std::string, std::string>> headers;  // as sent
  std::string body;  // empty until the whole body is read (never longer than the body limit)

  // The first value of query parameter `name`, or nullopt.
  std::optional<std::string> Param(std::string_view name) const {
    for (const auto& [k, v] : query) {
      if (k == name) return v;
    }
    return std::nullopt;
  }
  // The first value of header `name` (case-insensitive), or "".
  std::string Header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
      if (k.size() == name.size() &&
          std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) { return (a | 0x20) == (b | 0x20); })) {
        return v;
      }
    }
    return "";
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace storydesk::http
