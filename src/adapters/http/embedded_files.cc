#include "adapters/http/embedded_files.h"

// The files' bytes, placed in read-only data by the assembler (.incbin), as the shipped models
// are (adapters/service/shipped_models.cc). The STORYDESK_WEB_* and STORYDESK_OPENAPI macros are
// absolute paths set by CMake, which also rebuilds this file when one of them changes.
#define STORYDESK_EMBED(name, path)          \
  asm(".section .rodata\n"                   \
      ".global " #name "_begin\n"            \
      ".hidden " #name "_begin\n" #name      \
      "_begin:\n"                            \
      ".incbin \"" path "\"\n"               \
      ".global " #name "_end\n"              \
      ".hidden " #name "_end\n" #name        \
      "_end:\n"                              \
      ".previous\n");                        \
  extern "C" const char name##_begin[];      \
  extern "C" const char name##_end[];

STORYDESK_EMBED(storydesk_web_index, STORYDESK_WEB_INDEX)
STORYDESK_EMBED(storydesk_web_app, STORYDESK_WEB_APP)
STORYDESK_EMBED(storydesk_web_style, STORYDESK_WEB_STYLE)
STORYDESK_EMBED(storydesk_openapi, STORYDESK_OPENAPI)

namespace storydesk::http {
namespace {

std::string_view View(const char* begin, const char* end) { return {begin, static_cast<size_t>(end - begin)}; }

}  // namespace

std::optional<EmbeddedFile> WebFile(std::string_view name) {
  if (name == "index.html") return EmbeddedFile{View(storydesk_web_index_begin, storydesk_web_index_end), "text/html; charset=utf-8"};
  if (name == "app.js") return EmbeddedFile{View(storydesk_web_app_begin, storydesk_web_app_end), "text/javascript; charset=utf-8"};
  if (name == "style.css") return EmbeddedFile{View(storydesk_web_style_begin, storydesk_web_style_end), "text/css; charset=utf-8"};
  return std::nullopt;
}

std::string_view OpenApiJson() { return View(storydesk_openapi_begin, storydesk_openapi_end); }

}  // namespace storydesk::http
