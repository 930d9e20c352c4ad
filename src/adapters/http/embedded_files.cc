#include "adapters/http/embedded_files.h"

#include <algorithm>

#include "adapters/service/embedded_bytes.h"

// The page and the OpenAPI description, embedded (service/embedded_bytes.h). STORYDESK_WEB_DIR
// is the path of web/ and STORYDESK_OPENAPI that of openapi.json (set by CMakeLists.txt).

// Every file of the page: the symbol of its bytes and its path under web/, which is also its
// name under /static/. A file added to web/ is added here (api_server_test.cc checks that each
// file of web/ is served).
#define STORYDESK_WEB_FILES(X)                               \
  X(storydesk_web_index, "index.html")                       \
  X(storydesk_web_style, "style.css")                        \
  X(storydesk_web_app, "app.js")                             \
  X(storydesk_web_js_activity_chart, "js/activity_chart.js") \
  X(storydesk_web_js_api, "js/api.js")                       \
  X(storydesk_web_js_digest, "js/digest.js")                 \
  X(storydesk_web_js_dom, "js/dom.js")                       \
  X(storydesk_web_js_format, "js/format.js")                 \
  X(storydesk_web_js_memory, "js/memory.js")                 \
  X(storydesk_web_js_notices, "js/notices.js")               \
  X(storydesk_web_js_page, "js/page.js")                     \
  X(storydesk_web_js_router, "js/router.js")                 \
  X(storydesk_web_js_source_cards, "js/source_cards.js")     \
  X(storydesk_web_js_story_list, "js/story_list.js")         \
  X(storydesk_web_js_story_sections, "js/story_sections.js") \
  X(storydesk_web_js_story_view, "js/story_view.js")         \
  X(storydesk_web_js_storyline_view, "js/storyline_view.js")

#define STORYDESK_EMBED_WEB_FILE(symbol, name) STORYDESK_EMBED(symbol, STORYDESK_WEB_DIR "/" name)
STORYDESK_WEB_FILES(STORYDESK_EMBED_WEB_FILE)
STORYDESK_EMBED(storydesk_openapi, STORYDESK_OPENAPI)

namespace storydesk::http {
namespace {

std::string_view View(const char* begin, const char* end) { return {begin, static_cast<size_t>(end - begin)}; }

// A web file's content type, by its extension; empty for an extension the page does not use.
constexpr std::string_view ContentType(std::string_view name) {
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  return {};
}

struct WebFileBytes {
  std::string_view name;
  std::string_view content_type;
  const char* begin;
  const char* end;
};

#define STORYDESK_WEB_FILE_ENTRY(symbol, name) WebFileBytes{name, ContentType(name), symbol##_begin, symbol##_end},
constexpr WebFileBytes kWebFiles[] = {STORYDESK_WEB_FILES(STORYDESK_WEB_FILE_ENTRY)};

static_assert(std::ranges::none_of(kWebFiles, [](const WebFileBytes& f) { return f.content_type.empty(); }),
              "a web file whose extension has no content type in ContentType()");

}  // namespace

std::optional<EmbeddedFile> WebFile(std::string_view name) {
  for (const WebFileBytes& file : kWebFiles) {
    if (file.name == name) return EmbeddedFile{View(file.begin, file.end), file.content_type};
  }
  return std::nullopt;
}

std::string_view OpenApiJson() { return View(storydesk_openapi_begin, storydesk_openapi_end); }

}  // namespace storydesk::http
