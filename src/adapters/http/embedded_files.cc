#include "adapters/http/embedded_files.h"

#include "adapters/service/embedded_bytes.h"

// The page and the OpenAPI description, embedded (service/embedded_bytes.h); the
// STORYDESK_WEB_* and STORYDESK_OPENAPI macros are their paths.

STORYDESK_EMBED(storydesk_web_index, STORYDESK_WEB_INDEX)
STORYDESK_EMBED(storydesk_web_app, STORYDESK_WEB_APP)
STORYDESK_EMBED(storydesk_web_style, STORYDESK_WEB_STYLE)
STORYDESK_EMBED(storydesk_openapi, STORYDESK_OPENAPI)

namespace storydesk::http {
namespace {

std::string_view View(const char* begin, const char* end) { return {begin, static_cast<size_t>(end - begin)}; }

}  // namespace

std::optional<EmbeddedFile> WebFile(std::string_view name) {
  if (name == "index.html")
    return EmbeddedFile{View(storydesk_web_index_begin, storydesk_web_index_end), "text/html; charset=utf-8"};
  if (name == "app.js")
    return EmbeddedFile{View(storydesk_web_app_begin, storydesk_web_app_end), "text/javascript; charset=utf-8"};
  if (name == "style.css")
    return EmbeddedFile{View(storydesk_web_style_begin, storydesk_web_style_end), "text/css; charset=utf-8"};
  return std::nullopt;
}

std::string_view OpenApiJson() { return View(storydesk_openapi_begin, storydesk_openapi_end); }

}  // namespace storydesk::http
