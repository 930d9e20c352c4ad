// Fuzz target for the HTML reader (ExtractPage, LooksLikeHtml) and the gzip reader of saved
// pages (Gunzip): never a crash or a hang, a one-line error, and what is extracted is UTF-8 with
// a publication date RawArticle accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/read/html_page.h"
#include "adapters/read/page_file.h"
#include "fuzz_check.h"
#include "storydesk/text/utf8.h"
#include "storydesk/time/published_time.h"

using storydesk::fuzz::Check;
using storydesk::fuzz::CheckMessage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  storydesk::read::LooksLikeHtml(content);
  storydesk::read::PageOptions options;
  options.url = "https://example.test/2031/05/14/page.html";
  options.not_after = 1999999999;
  const auto page = storydesk::read::ExtractPage(content, options);
  if (page.ok()) {
    const storydesk::read::ExtractedPage& p = page.value();
    for (const std::string* field : {&p.title, &p.text, &p.outlet, &p.author, &p.url, &p.language}) {
      Check(storydesk::text::IsValidUtf8(*field));
    }
    if (p.published) {
      const auto at = storydesk::timeutil::ParsePublished(*p.published);
      Check(at.ok());
      Check(at.value() <= *options.not_after);
      Check(!p.published_from.empty());
    }
  } else {
    CheckMessage(page.status().message());
  }
  const auto unpacked = storydesk::read::Gunzip(content, 1 << 20);
  if (unpacked.ok()) {
    Check(unpacked.value().size() <= (1 << 20));
  } else {
    CheckMessage(unpacked.status().message());
  }
  return 0;
}
