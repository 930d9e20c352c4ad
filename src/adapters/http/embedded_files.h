// The files `storydesk serve` sends as they are, embedded in the binary at build time (no
// files to install beside it): the web page (web/: index.html, style.css, the entry module
// app.js and the modules it imports, js/*.js) and the OpenAPI description
// (src/adapters/http/openapi.json).
#pragma once

#include <optional>
#include <string_view>

namespace storydesk::http {

struct EmbeddedFile {
  std::string_view content;
  std::string_view content_type;
};

// The web page's file at `name`, its path under web/ ("index.html", "app.js", "js/api.js", ...),
// with its content type; nullopt for any other name.
std::optional<EmbeddedFile> WebFile(std::string_view name);

std::string_view OpenApiJson();

}  // namespace storydesk::http
