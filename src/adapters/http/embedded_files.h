// The files `storydesk serve` sends as they are, embedded in the binary at build time (no
// files to install beside it): the web page (web/index.html, web/app.js, web/style.css) and
// the OpenAPI description (src/adapters/http/openapi.json).
#pragma once

#include <optional>
#include <string_view>

namespace storydesk::http {

struct EmbeddedFile {
  std::string_view content;
  std::string_view content_type;
};

// The web page's file called `name` ("index.html", "app.js", "style.css"); nullopt otherwise.
std::optional<EmbeddedFile> WebFile(std::string_view name);

std::string_view OpenApiJson();

}  // namespace storydesk::http
